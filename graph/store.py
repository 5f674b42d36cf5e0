"""Oxigraph as the graph store, for graphs too big for rdflib's memory store.

`memory_graph()` is an rdflib Graph backed by an in-memory Oxigraph store (oxrdflib): the
build writes into it about twice as fast as into rdflib's own store, in a fraction of the
memory, and SPARQL runs in Oxigraph. `save_store()` copies it into an Oxigraph database in a
folder on disk — one named graph per document plus a shared graph, as in TriG — and
`open_store()` reads that folder back as an rdflib Dataset whose default graph is the union of
its named graphs, so every query gives the answers it gives on the in-memory graph.

A folder cadregraph made holds a marker file; a folder holding anything else is refused.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .formats import document_quads
from .namespaces import PREFIXES

MARKER = ".cadregraph-store"


class StoreError(ValueError):
    pass


class _OxigraphStore(OxigraphStore):
    """oxrdflib's store, also taking namespace objects as query prefixes (rdflib's store does)."""

    def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803 - rdflib's names
        prefixes = {prefix: str(ns) for prefix, ns in (initNs or {}).items()}
        return super().query(query, prefixes, initBindings, queryGraph, **kwargs)


def memory_graph() -> Graph:
    g = Graph(store=_OxigraphStore(store=ox.Store()), identifier=DATASET_DEFAULT_GRAPH_ID)
    _bind(g)
    return g


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def check_store_folder(path: Path | str) -> Path:
    """`path` if it is free for a store: missing, empty, or a store cadregraph made."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: exists and is not a folder")
    if path.is_dir() and any(path.iterdir()) and not (path / MARKER).exists():
        raise StoreError(f"{path}: folder holds files that are not a cadregraph store; choose another --store")
    return path


def save_store(g: Graph, path: Path | str, base: str | None = None) -> int:
    """Replace the store in `path` with `g` (named graphs per document); returns the quads."""
    path = check_store_folder(path)
    path.mkdir(parents=True, exist_ok=True)
    quads = document_quads(g, base)
    store = ox.Store(str(path))
    try:
        store.clear()
        store.bulk_extend(quads)
        store.flush()
        store.optimize()
    finally:
        del store
    (path / MARKER).write_text("Oxigraph store written by cadregraph build --store\n", "utf-8")
    return len(quads)


def open_store(path: Path | str) -> Dataset:
    """A store folder as an rdflib Dataset (read-only; default graph = union of named graphs)."""
    path = Path(path)
    if not (path / MARKER).exists():
        raise StoreError(f"{path}: not a cadregraph store (run 'cadregraph build --store {path}')")
    try:
        store = ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    ds = Dataset(store=_OxigraphStore(store=store), default_union=True)
    _bind(ds)
    return ds
