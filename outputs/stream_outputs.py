"""What a streaming build writes, from the shards and the shared graph, each only when asked.

The shards (one per document, in document order) and the shared graph are read back one at a
time through pyoxigraph's strict parser and streamed into its serializers: N-Quads and TriG
keep one named graph per document plus `<base>graph/shared`; Turtle and N-Triples are their
union. The Oxigraph store on disk is bulk loaded from the same files. The view and JSON-LD
read a store (the user's `--store`, or a temporary one) through an rdflib Graph whose default
graph is the union of the named graphs; nothing holds the whole graph in Python objects.
"""
from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from cadregraph.graph.fastgraph import FastOxigraphStore
from cadregraph.graph.formats import Format, ox_prefixes
from cadregraph.graph.store import MARKER


def concatenate(files: Iterable[Path], target: Path) -> Path:
    """The shards (gzipped N-Quads) one after the other in one plain N-Quads file: every later
    step reads that file once, in Rust (a bulk load per shard costs a fixed 0.1–0.2 s)."""
    with open(target, "wb") as out:
        for path in files:
            with gzip.open(path, "rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)
    return target


def union_triples(files: Iterable[Path], target: Path, chunk_bytes: int = 8_000_000) -> Path:
    """The shards' triples, graph names dropped, one after the other in one N-Triples file:
    what Turtle and N-Triples are written from when no other output needs the graph names.
    Every line of a shard (and of the shared graph) ends with its one graph's name, so the
    names go with one bytes `replace` per run of lines, and the serializer reads triples
    straight from the parser (a Python step per quad to take its triple cost a third of the
    Turtle's time). A file is read a run of whole lines at a time (the shared graph of a big
    corpus is gigabytes unpacked); a run that is not one graph throughout is read quad by quad."""
    with open(target, "wb") as out:
        for path in files:
            with gzip.open(path, "rb") as stream:
                ending = None
                while lines := stream.readlines(chunk_bytes):
                    data = b"".join(lines)
                    if ending is None:
                        ending = _graph_ending(lines[0])
                    if ending and data.endswith(b"\n") and data.count(ending) == len(lines):
                        out.write(data.replace(ending, b" .\n"))
                    else:
                        ox.serialize((q.triple for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)), out,
                                     format=ox.RdfFormat.N_TRIPLES)
    return target


def _graph_ending(line: bytes) -> bytes:
    """How the lines of a quad's graph end (b' <graph> .\\n'), from its first line; b'' when
    that quad is in the default graph (nothing to cut)."""
    quad = next(iter(ox.parse(line, format=ox.RdfFormat.N_QUADS)), None)
    if quad is None or not isinstance(quad.graph_name, ox.NamedNode):
        return b""
    return f" {quad.graph_name} .\n".encode("utf-8")


def write_format(source: Path, fmt: Format, target: Path) -> None:
    """An N-Quads file (or, for a format without named graphs, an N-Triples file: `.nt`) as
    one file of `fmt` (not JSON-LD), streamed through pyoxigraph's strict parser and its
    serializer."""
    if source.suffix == ".nt":
        items = ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES)
    else:
        parsed = ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS)
        items = parsed if fmt.named_graphs else (q.triple for q in parsed)
    prefixes = ox_prefixes() if fmt.name in ("turtle", "trig") else None
    with open(target, "wb") as out:
        ox.serialize(items, out, format=fmt.ox_format, prefixes=prefixes)


def load_store(nquads: Path, path: Path | None) -> ox.Store:
    """A new Oxigraph store bulk loaded with the N-Quads file: on disk in `path`, or in
    memory (None: for the view of a graph small enough)."""
    if path is None:
        store = ox.Store()
    else:
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        store = ox.Store(str(path))
    with open(nquads, "rb") as stream:
        bulk_load_in_chunks(store, stream)
    if path is not None:
        store.flush()
        (path / MARKER).write_text("Oxigraph store written by cadregraph build --store\n", "utf-8")
    return store


# Oxigraph's bulk loader holds about five times what one call gives it (up to 2 GB a thread):
# the shared graph of 100,000 documents in one call took 1.4 GB, the whole graph would take
# more. Calls of this many bytes of N-Quads keep it near 200 MB, at little cost in speed.
CHUNK_BYTES = 32_000_000


def bulk_load_in_chunks(store: ox.Store, stream: IO[bytes], chunk_bytes: int = CHUNK_BYTES) -> None:
    """An N-Quads stream into `store`, bulk loaded a run of whole lines at a time. Splitting
    is safe because N-Quads is a line per quad and the build writes no blank nodes (their
    labels would be scoped to one call)."""
    while lines := stream.readlines(chunk_bytes):
        store.bulk_load(b"".join(lines), format=ox.RdfFormat.N_QUADS)


def union_graph(store: ox.Store):
    """An rdflib Graph over `store` whose triples are those of every named graph."""
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from cadregraph.graph.namespaces import PREFIXES

    g = Graph(store=_UnionStore(store), identifier=DATASET_DEFAULT_GRAPH_ID)
    g.default_union = True
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


class _UnionStore(FastOxigraphStore):
    """Reads every graph: triple patterns ask all graphs, SPARQL takes the union as default."""

    def triples(self, triple_pattern, context=None):
        return super().triples(triple_pattern, None)

    def __len__(self, context=None) -> int:
        return len(self._inner)

    def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803 - rdflib's names
        prefixes = {prefix: str(ns) for prefix, ns in (initNs or {}).items()}
        return super().query(query, prefixes, initBindings, "__UNION__", **kwargs)
