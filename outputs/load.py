"""Reading a graph file back in (for export, query and view commands)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.util import guess_format


class GraphLoadError(ValueError):
    pass


def resolve_graph_path(path: Path | str) -> Path:
    path = Path(path)
    if path.is_dir():
        candidate = path / "graph.ttl"
        if not candidate.exists():
            raise GraphLoadError(f"{path}: folder has no graph.ttl (run 'cadregraph build --out {path}')")
        return candidate
    return path


def load_graph(path: Path | str) -> Graph:
    path = resolve_graph_path(path)
    fmt = guess_format(str(path)) or "turtle"
    g = Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # noqa: BLE001 - rdflib raises many parser-specific types
        raise GraphLoadError(f"{path}: cannot be read as {fmt}: {exc}") from None
    return g
