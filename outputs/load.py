"""Reading a graph back in (for export, query, validate, convert, push and view commands): a
graph file in any format cadregraph writes, a build folder, or an Oxigraph store folder."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from cadregraph.errors import CadregraphError
from cadregraph.graph.formats import FORMATS, FormatError, read_quads
from cadregraph.graph.oxterms import rdflib_graph

# In a build folder, the first of these that exists is the graph (named graphs first: they
# keep which document each fact came from).
FOLDER_ORDER = ("trig", "nquads", "turtle", "ntriples", "jsonld")


class GraphLoadError(CadregraphError):
    pass


def resolve_graph_path(path: Path | str) -> Path:
    """The graph file `path` names: itself, or in a build folder the first of FOLDER_ORDER.
    A path that does not exist is said to be missing before any guess at its format."""
    path = Path(path)
    if not path.exists():
        raise GraphLoadError(f"{path}: no such file or folder; give a graph file (graph.ttl, graph.nq …), "
                             "a folder written by 'cadregraph build --out' or a store written by 'build --store'")
    if path.is_dir():
        for name in FOLDER_ORDER:
            candidate = path / FORMATS[name].file_name
            if candidate.exists():
                return candidate
        raise GraphLoadError(f"{path}: folder holds no graph file ({', '.join(FORMATS[n].file_name for n in FOLDER_ORDER)}); "
                             "give the folder 'cadregraph build --out DIR' wrote, or a graph file")
    return path


def is_store(path: Path | str) -> bool:
    from cadregraph.graph.store import MARKER

    return (Path(path) / MARKER).exists()


def load_quads(path: Path | str) -> list[ox.Quad]:
    """Every quad of a graph file, build folder or store folder."""
    if is_store(path):
        store = ox.Store.read_only(str(path))
        return list(store.quads_for_pattern(None, None, None))
    path = resolve_graph_path(path)
    try:
        return read_quads(path)
    except FormatError as exc:
        raise GraphLoadError(str(exc)) from None


def load_graph(path: Path | str) -> Graph:
    """A graph file, build folder or store folder as one rdflib Graph (a store stays on disk)."""
    if is_store(path):
        from cadregraph.graph.store import StoreError, open_store

        try:
            return open_store(path)
        except StoreError as exc:
            raise GraphLoadError(str(exc)) from None
    return rdflib_graph(load_quads(path))
