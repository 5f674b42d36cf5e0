"""Writing output files so that a crash or an interrupt never leaves a partial file: write
to a temporary file in the same folder, flush it to disk, then rename it over the target
(a rename within one file system replaces the target whole or not at all)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Temporary files are hidden and recognisably cadregraph's, so a later build can tell a
# leftover of a killed build from a user's file and remove it.
TEMP_PREFIX = ".cadregraph-tmp-"


def write_temp(path: Path | str, data: bytes, sync: bool = True) -> Path:
    """`data` in a new temporary file beside `path`, flushed to disk; the caller renames it.
    `sync=False`: not flushed, for a caller that flushes many files at once before renaming
    any (write_outputs does: one sync instead of one per page of a view of thousands)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); an output should get the mode the user's
        # files get, or keep the mode of the file it replaces.
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        discard(tmp)
        raise
    return Path(tmp)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    path = Path(path)
    tmp = write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        discard(tmp)
        raise


def write_text_atomic(path: Path | str, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def discard(path: Path | str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def fsync_folder(folder: Path | str) -> None:
    """Make the renames in `folder` durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
