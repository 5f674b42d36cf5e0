"""Which file of the build folder a URL path names, for `cadregraph serve`: only the view
(`view.html` and the pages under `view/`), never a file outside the folder.

The URL path is percent-decoded once; a segment that is empty, `.`, `..`, hidden (`.name`), or
holds a backslash or NUL is refused before the file system is asked, and the real path (every
symlink resolved) must still lie inside the view's part of the folder. `%2e%2e` is decoded to
`..` and refused; `%252e%252e` decodes to the name `%2e%2e`, which is looked up as a plain name
and not found.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

SERVED_FILES = ("view.html",)
SERVED_FOLDERS = ("view",)
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".txt": "text/plain; charset=utf-8",
}


def view_file(root: Path, url_path: str) -> Path | None:
    """The file under `root` that `url_path` (the path part of a request, still
    percent-encoded) names, or None when it names nothing the server shows."""
    try:
        decoded = unquote(url_path, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return None
    if not decoded.startswith("/"):
        return None
    parts = decoded[1:].split("/")
    if any(p in ("", ".", "..") or p.startswith(".") or "\\" in p or "\x00" in p for p in parts):
        return None
    if not (len(parts) == 1 and parts[0] in SERVED_FILES) and not (len(parts) > 1 and parts[0] in SERVED_FOLDERS):
        return None
    real_root = Path(os.path.realpath(root))
    target = Path(os.path.realpath(real_root.joinpath(*parts)))
    inside = (any(target == real_root / name for name in SERVED_FILES)
              or any(real_root / name in target.parents for name in SERVED_FOLDERS))
    if not inside:
        return None
    return target if target.is_file() else None


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
