"""Turtle and N-Triples of a big graph, in the order `formats.serialize` writes them, without
holding every triple (and its sort key) in Python at once.

`formats.serialize` sorts a list of all triples by their N-Triples text: for ten million
triples that list and its keys take several gigabytes. Here Oxigraph lists the distinct
subjects, Python sorts those, and the triples of one subject at a time are read, sorted by
(predicate, object) and streamed to pyoxigraph's serializer. Sorting by subject, then by
(predicate, object), is sorting by (subject, predicate, object): the bytes are the same as
`formats.serialize` gives (a test checks it), so the switch is invisible to users.
"""
from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .formats import Format, get_format, ox_prefixes, serialize, sort_key
from .oxterms import ox_store_of, ox_triples

STREAMED = ("turtle", "ntriples")


def sorted_triples(g: Graph) -> Iterator[ox.Triple]:
    """The triples of `g` ordered by the N-Triples text of subject, predicate and object."""
    store = ox_store_of(g)
    if store is None or g.identifier != DATASET_DEFAULT_GRAPH_ID or getattr(g, "default_union", False):
        yield from sorted(ox_triples(g), key=sort_key)
        return
    default = ox.DefaultGraph()
    rows = store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")
    subjects = sorted((row[0] for row in rows), key=str)
    for subject in subjects:
        quads = sorted(store.quads_for_pattern(subject, None, None, default),
                       key=lambda q: (str(q.predicate), str(q.object)))
        for quad in quads:
            yield quad.triple


def serialize_streamed(g: Graph, fmt: str | Format = "turtle", base: str | None = None) -> bytes:
    """`formats.serialize(g, fmt, base)`, streamed for Turtle and N-Triples."""
    fmt = fmt if isinstance(fmt, Format) else get_format(fmt)
    if fmt.name not in STREAMED:
        return serialize(g, fmt, base=base)
    prefixes = ox_prefixes() if fmt.name == "turtle" else None
    return ox.serialize(sorted_triples(g), format=fmt.ox_format, prefixes=prefixes)
