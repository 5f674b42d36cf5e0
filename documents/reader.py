"""Find documents under the paths a user gives and read each into a `Document`.

A file that cannot be read becomes a `DocumentError` in the results instead of an exception,
so one bad file never stops a corpus.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .dates import date_from_metadata, infer_date
from .decode import NotTextError, decode_bytes
from .html import looks_like_html, html_to_text
from .model import DocDate, Document, DocumentError

METADATA_SUFFIX = ".meta.json"


def find_document_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files named directly, and every regular file below folders, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and _is_document_name(p) and not _is_hidden(p, path)
            )
        else:
            found.append(path)
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
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except IsADirectoryError:
        raise DocumentError(path, "is a directory") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot be read: {exc.strerror or exc}") from None
    try:
        text, encoding, warnings = decode_bytes(data)
    except NotTextError as exc:
        raise DocumentError(path, str(exc)) from None
    if looks_like_html(path, text):
        text = html_to_text(text)
        encoding += "+html"
    meta = metadata if metadata is not None else load_metadata(path)
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
