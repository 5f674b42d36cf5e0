"""The output folder of `cadregraph build`: never overwrite what cadregraph did not write, and
never leave a half-written set of outputs.

The folder keeps a manifest of the files cadregraph wrote and their SHA-256. A build refuses
(unless forced) to write into a folder that holds other files and no manifest, to replace a
file the manifest does not list, or one changed since cadregraph wrote it (a user's edited
graph.ttl is the user's now). Files the manifest does not name are never touched.

Writing: every output goes to a temporary file first, all of them before any is renamed, so a
failure or an interrupt while building or serialising leaves the previous outputs as they
were. The manifest is written before the renames accepting both the old and the new content
of each file, and again after them with the new only, so an interrupt between two renames
still leaves a folder the next build recognises as its own.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from cadregraph.documents.reader import OUTPUT_MANIFEST

from .atomic import TEMP_PREFIX, discard, fsync_folder, write_bytes_atomic, write_temp

MANIFEST = OUTPUT_MANIFEST
MANIFEST_FORMAT = 2


class OutputFolderError(Exception):
    pass


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(out_dir: Path) -> dict[str, list[str]] | None:
    """name -> accepted SHA-256 hashes; None when there is no manifest. A manifest of the
    first format (a plain list of names) accepts any content."""
    path = out_dir / MANIFEST
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        files = data["files"]
        if isinstance(files, list):
            return {str(name): [] for name in files}
        return {str(name): [str(h) for h in hashes] for name, hashes in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise OutputFolderError(f"{path}: manifest is damaged, so cadregraph cannot tell which files it wrote; "
                                "choose another --out or pass --force") from None


def check_output_folder(out_dir: Path, names: list[str], force: bool) -> None:
    """Raise OutputFolderError unless writing `names` into `out_dir` replaces only files
    cadregraph wrote there and nobody changed since."""
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise OutputFolderError(f"{out_dir}: exists and is not a folder")
    if force:
        return
    manifest = read_manifest(out_dir)
    if manifest is None:
        foreign = sorted(p.name for p in out_dir.iterdir() if not p.name.startswith(".cadregraph"))
        if foreign:
            raise OutputFolderError(
                f"{out_dir}: folder holds files cadregraph did not write ({', '.join(foreign[:5])}); "
                "choose another --out or pass --force")
        return
    for name in names:
        path = out_dir / name
        if not path.exists():
            continue
        if name not in manifest:
            raise OutputFolderError(f"{path}: cadregraph did not write this file; choose another --out or pass --force")
        if manifest[name] and sha256(path.read_bytes()) not in manifest[name]:
            raise OutputFolderError(f"{path}: changed since cadregraph wrote it; move it away or pass --force")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def staged_path(out_dir: Path, name: str) -> Path:
    """A temporary file in `out_dir` for an output streamed to disk, for `write_outputs`."""
    import tempfile

    out_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{name}.", suffix=".tmp", dir=out_dir)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())
    return Path(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_outputs(out_dir: Path, files: dict[str, bytes | Path]) -> list[Path]:
    """Write every file of `files` into `out_dir` as one set (see the module's note). A value
    is the file's bytes, or a temporary file already written (`staged_path`) to rename."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out_dir, keep={p.resolve() for p in files.values() if isinstance(p, Path)})
    try:
        old = read_manifest(out_dir) or {}
    except OutputFolderError:
        old = {}          # only reachable with --force: the damaged manifest is replaced
    new = {name: sha256_file(data) if isinstance(data, Path) else sha256(data) for name, data in files.items()}
    staged: dict[str, Path] = {}
    try:
        for name, data in sorted(files.items()):
            staged[name] = data if isinstance(data, Path) else write_temp(out_dir / name, data)
        # the view's pages are staged unsynced (write_temp): every staged byte reaches the disk
        # here, before any file is renamed into place
        os.sync()
        both = {**old, **{n: sorted(set(old.get(n, [])) | {h}) for n, h in new.items()}}
        _write_manifest(out_dir, both)
        for name, tmp in sorted(staged.items()):
            os.replace(tmp, out_dir / name)
        fsync_folder(out_dir)
    finally:
        for tmp in staged.values():
            discard(tmp)
    _write_manifest(out_dir, {**old, **{n: [h] for n, h in new.items()}})
    return [out_dir / name for name in files]


def _write_manifest(out_dir: Path, files: dict[str, list[str]]) -> None:
    text = json.dumps({"format": MANIFEST_FORMAT, "files": dict(sorted(files.items()))}, indent=2) + "\n"
    write_bytes_atomic(out_dir / MANIFEST, text.encode("utf-8"))


def _remove_stale_temporaries(out_dir: Path, keep: set[Path] = frozenset()) -> None:
    """Temporary files an earlier, killed build left behind (only cadregraph's own)."""
    for path in out_dir.glob(TEMP_PREFIX + "*"):
        if path.resolve() not in keep:
            discard(path)
