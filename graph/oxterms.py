"""Moving terms between rdflib and pyoxigraph.

rdflib is the graph the pipeline builds; pyoxigraph parses strictly, serialises 10–20× faster
and stores on disk. Plain literals come back from pyoxigraph typed xsd:string (RDF 1.1 says
they are the same literal); `from_ox` writes them back plain so that graphs compare equal.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD

_XSD_STRING = str(XSD.string)


def to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to a pyoxigraph term")


def from_ox(term):
    # Exact types, not isinstance: pyoxigraph's classes are final, and this runs once per term
    # read back from a big graph.
    kind = type(term)
    if kind is ox.NamedNode:
        return URIRef(term.value)
    if kind is ox.Literal:
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if kind is ox.BlankNode:
        return BNode(term.value)
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def graph_name_to_ox(name) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    if name is None or name == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    return to_ox(name)


def ox_store_of(g: Graph) -> ox.Store | None:
    """The pyoxigraph store behind an rdflib Graph on the Oxigraph store, else None."""
    inner = getattr(g.store, "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


def ox_triples(g: Graph) -> Iterator[ox.Triple]:
    """The triples of `g` as pyoxigraph triples, read straight from Oxigraph when it is the store."""
    store = ox_store_of(g)
    if store is not None and getattr(g, "default_union", False):
        seen: set[ox.Triple] = set()
        for q in store.quads_for_pattern(None, None, None):  # every graph: the union
            if q.triple not in seen:
                seen.add(q.triple)
                yield q.triple
        return
    if store is not None and g.identifier == DATASET_DEFAULT_GRAPH_ID:
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield q.triple
        return
    for s, p, o in g.triples((None, None, None)):
        yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))


def rdflib_graph(triples: Iterable[ox.Triple | ox.Quad], graph: Graph | None = None) -> Graph:
    """An rdflib Graph holding `triples` (graph names, if any, are dropped: the union)."""
    if graph is None:
        from .namespaces import PREFIXES

        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True, replace=True)
    g = graph
    g.addN((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object), g) for t in triples)
    return g


def sort_key(item: ox.Triple | ox.Quad) -> tuple[str, ...]:
    """Deterministic order: graph name first (for quads), then subject, predicate, object."""
    graph = ""
    if isinstance(item, ox.Quad) and not isinstance(item.graph_name, ox.DefaultGraph):
        graph = str(item.graph_name)
    return graph, str(item.subject), str(item.predicate), str(item.object)
