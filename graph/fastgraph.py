"""The graph a big build writes into: an rdflib Graph on Oxigraph, without the per-triple
overheads that dominate a build of millions of triples.

oxrdflib's store converts every term through a chain of `isinstance` and equality checks
(`term == DATASET_DEFAULT_GRAPH_ID` on every IRI), dispatches an rdflib event per triple, and
builds an rdflib Graph object for every triple it reads back. Here terms are converted by
exact type with a bounded cache of IRIs (a build adds the triples of one node together, so
recent IRIs repeat), no event is sent (nothing in cadregraph listens), and a context Graph is
only made if a caller asks for it. Everything else — SPARQL in Oxigraph, `len`, prefixes —
is oxrdflib's. Mappers, derivations and exports see an ordinary rdflib Graph.
"""
from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from oxrdflib._converter import from_ox_graph_name, to_ox
from oxrdflib.store import OxigraphStore
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .namespaces import PREFIXES
from .oxterms import from_ox

IRI_CACHE_LIMIT = 200_000


class FastOxigraphStore(OxigraphStore):
    def __init__(self, store: ox.Store | None = None):
        super().__init__(store=store if store is not None else ox.Store())
        self._iris: dict[str, ox.NamedNode] = {}
        self._graph_names: dict[object, ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = {}

    # -- rdflib → Oxigraph ----------------------------------------------------------------
    def _iri(self, term: str) -> ox.NamedNode:
        node = self._iris.get(term)
        if node is None:
            if len(self._iris) >= IRI_CACHE_LIMIT:
                self._iris.clear()
            node = self._iris[term] = ox.NamedNode(term)
        return node

    def _term(self, term):
        kind = type(term)
        if kind is URIRef:
            return self._iri(term)
        if kind is Literal:
            if term.language:
                return ox.Literal(term, language=term.language)
            datatype = term.datatype
            return ox.Literal(term) if datatype is None else ox.Literal(term, datatype=self._iri(datatype))
        if kind is BNode:
            return ox.BlankNode(term)
        return to_ox(term)  # subclasses and anything unusual: oxrdflib's general path

    def _graph_name(self, context) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
        identifier = getattr(context, "identifier", context)
        name = self._graph_names.get(identifier)
        if name is None:
            name = ox.DefaultGraph() if identifier == DATASET_DEFAULT_GRAPH_ID else to_ox(identifier)
            self._graph_names[identifier] = name
        return name

    def _pattern_term(self, term):
        return None if term is None else self._term(term)

    # -- the store interface --------------------------------------------------------------
    def add(self, triple, context, quoted: bool = False) -> None:
        if quoted:
            raise ValueError("Oxigraph stores are not formula aware")
        s, p, o = triple
        self._inner.add(ox.Quad(self._term(s), self._term(p), self._term(o), self._graph_name(context)))

    def addN(self, quads) -> None:  # noqa: N802 - rdflib's name
        quads = list(quads)
        text = _ntriples(quads)
        if text is not None:
            try:
                self._inner.load(text, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
                return
            except (SyntaxError, ValueError):
                pass  # a term N-Triples cannot carry as it is; `load` wrote nothing, go term by term
        self._inner.extend([ox.Quad(self._term(s), self._term(p), self._term(o), self._graph_name(c))
                            for s, p, o, c in quads])

    def triples(self, triple_pattern, context=None) -> Iterator:
        s, p, o = triple_pattern
        try:
            pattern = (self._pattern_term(s), self._pattern_term(p), self._pattern_term(o),
                       None if context is None else self._graph_name(context))
            found = self._inner.quads_for_pattern(*pattern)
        except (TypeError, ValueError):
            return iter(())
        return (((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)), self._contexts_of(q))
                for q in found)

    def _contexts_of(self, quad: ox.Quad) -> Iterator[Graph]:
        yield from_ox_graph_name(quad.graph_name, self)


_NT_ESCAPES = str.maketrans({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"})


def _needs_escape(text: str) -> bool:
    return '"' in text or "\\" in text or "\n" in text or "\r" in text


def _ntriples(quads: list) -> bytes | None:
    """The quads as N-Triples for the default graph, or None if any is in another graph or
    holds a blank node. Oxigraph parses N-Triples in Rust three times faster than Python can
    make its term objects one by one, which is most of the cost of a large build."""
    lines = []
    checked = None
    for s, p, o, c in quads:
        if c is not checked:
            if getattr(c, "identifier", c) != DATASET_DEFAULT_GRAPH_ID:
                return None
            checked = c
        if type(s) is not URIRef or type(p) is not URIRef:
            return None
        kind = type(o)
        if kind is URIRef:
            obj = f"<{o}>"
        elif kind is Literal:
            lexical = str.translate(o, _NT_ESCAPES) if _needs_escape(o) else str(o)
            if o.language:
                obj = f'"{lexical}"@{o.language}'
            elif o.datatype is None:
                obj = f'"{lexical}"'
            else:
                obj = f'"{lexical}"^^<{o.datatype}>'
        else:
            return None
        lines.append(f"<{s}> <{p}> {obj} .\n")
    try:
        return "".join(lines).encode("utf-8")
    except UnicodeEncodeError:
        return None


def fast_graph(store: ox.Store | None = None) -> Graph:
    """An empty rdflib Graph on a (new, in-memory) Oxigraph store, with cadregraph's prefixes."""
    g = Graph(store=FastOxigraphStore(store), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g
