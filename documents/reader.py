"""Find documents under the paths a user gives and read each into a `Document`.

A file that cannot be read becomes a `DocumentError` in the results instead of an exception,
so one bad file never stops a corpus.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from cadregraph.errors import CadregraphError

from .dates import date_from_metadata, infer_date
from .decode import NotTextError, decode_bytes
from .html import declared_charset, looks_like_html, html_to_text
from .model import DocDate, Document, DocumentError

METADATA_SUFFIX = ".meta.json"
# A folder cadregraph built into lists the files it wrote here; they are outputs, never inputs
# (a user who builds into a folder inside the corpus must not get graph.ttl read back as a page).
OUTPUT_MANIFEST = ".cadregraph-manifest.json"
STORE_MARKER = ".cadregraph-store"      # graph/store.py's marker: a database folder, all output
# One document is read whole into memory, with an offset per character; past this size it is
# far more likely a dump or a disk image than an article.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
METADATA_FIELDS = ("date", "title", "source")


class CorpusError(CadregraphError):
    """The paths given name no documents: one does not exist, or the folders hold none."""


def find_document_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files named directly, and every regular file below folders, in a stable order.

    A path that does not exist is a CorpusError naming it (a mistyped folder must not build a
    graph of the rest as if nothing were missing), and so are paths that hold no document at
    all; no paths at all is no documents and no error (`build --update` with nothing new)."""
    paths = [Path(raw) for raw in paths]
    missing = [p for p in paths if not p.exists()]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise CorpusError(f"{missing[0]}: no such file or folder{more}; give document files or folders of them")
    unique = _unique(_candidates(paths))
    if paths and not unique:
        raise CorpusError(f"no documents in {', '.join(map(str, paths))}: looked for files (any extension) in "
                          f"these folders and below, except {METADATA_SUFFIX} sidecars, hidden files, .py files, "
                          "README.md and files cadregraph wrote; give a folder of .txt or .html files")
    return unique


def _candidates(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            outputs: dict[Path, frozenset[str] | None] = {}
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and _is_document_name(p) and not _is_hidden(p, path) and not _is_output(p, outputs)
            )
        else:
            found.append(path)
    return found


def _unique(found: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _is_document_name(path: Path) -> bool:
    return not (path.name.endswith(METADATA_SUFFIX) or path.name.startswith(".")
                or path.name in ("__init__.py", "README.md") or path.suffix in (".py", ".pyc"))


def _is_output(path: Path, known: dict[Path, frozenset[str] | None]) -> bool:
    """A file a build wrote: in a store folder, or listed in the manifest of its folder or of
    a folder above it (a build's pages lie in view/…, its manifest beside view.html)."""
    if path.parent not in known:
        store = (path.parent / STORE_MARKER).exists()
        known[path.parent] = None if store else _outputs_listed_in(path.parent)
    listed = known[path.parent]
    if listed is None or path.name in listed:
        return True
    for depth, folder in enumerate(path.parents[1:], start=2):
        if depth > 4 or folder == folder.parent:       # view/<kind>/<page>: two levels are enough
            break
        if folder not in known:
            known[folder] = _outputs_listed_in(folder)
        if known[folder] and "/".join(path.parts[-depth:]) in known[folder]:
            return True
    return False


def _outputs_listed_in(folder: Path) -> frozenset[str]:
    try:
        listed = json.loads((folder / OUTPUT_MANIFEST).read_text("utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        return frozenset()
    return frozenset(n for n in listed if isinstance(n, str))     # a list or a {name: hashes}


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in path.relative_to(root).parts[:-1])


def read_documents(paths: Iterable[Path | str]) -> Iterator[Document | DocumentError]:
    for path in find_document_paths(paths):
        try:
            yield read_document(path)
        except DocumentError as exc:
            yield exc


def read_document(path: Path | str, metadata: dict | None = None) -> Document:
    path = Path(path)
    data = _read_bytes(path)
    html_like = path.suffix.lower() in (".html", ".htm", ".xhtml", ".shtml") or data.lstrip()[:1] == b"<"
    try:
        text, encoding, warnings = decode_bytes(data, declared_charset(data) if html_like else None)
    except NotTextError as exc:
        raise DocumentError(path, str(exc)) from None
    if looks_like_html(path, text):
        text = html_to_text(text)
        encoding += "+html"
        if not text.strip():
            raise DocumentError(path, "HTML page with no visible text")
    if not text.strip() or not any(ch.isprintable() and not ch.isspace() for ch in text[:65536]):
        raise DocumentError(path, "no text: only spaces, line breaks or control characters")
    meta = metadata if metadata is not None else load_metadata(path)
    _check_metadata(meta, path)
    date = date_from_metadata(meta.get("date"), path) if meta.get("date") else infer_date(text)
    return Document(
        doc_id=path.stem,
        name=path.name,
        path=path,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        title=meta.get("title") or _first_heading(text),
        date=date if date else DocDate(None),
        source=meta.get("source"),
        warnings=tuple(warnings),
    )


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise DocumentError(path, "is a directory")
        if path.exists() and not path.is_file():
            # a FIFO or a device would block or never end
            raise DocumentError(path, "is not a regular file")
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentError(path, f"is {size / 2**20:.0f} MiB, larger than the {MAX_DOCUMENT_BYTES // 2**20} MiB "
                                      "a document may be; split it")
        return path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot be read: {exc.strerror or exc}") from None


def _check_metadata(meta: dict, path: Path) -> None:
    for key in METADATA_FIELDS:
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise DocumentError(path.with_name(path.stem + METADATA_SUFFIX),
                                f"metadata {key!r} must be a string, not {type(value).__name__}")


def load_metadata(path: Path) -> dict:
    """The `<stem>.meta.json` beside a document: {"date", "title", "source"}, all optional."""
    sidecar = path.with_name(path.stem + METADATA_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DocumentError(sidecar, f"metadata is not valid UTF-8 JSON: {exc}") from None
    if not isinstance(meta, dict):
        raise DocumentError(sidecar, "metadata must be a JSON object with date, title, source")
    return meta


def _first_heading(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return None
