"""The build's graph on Oxigraph (fastgraph.py) and the streamed Turtle writer (fastwrite.py)."""
from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from cadregraph.graph.fastgraph import _ntriples, fast_graph
from cadregraph.graph.fastwrite import serialize_streamed, sorted_triples
from cadregraph.graph.formats import serialize
from cadregraph.pipeline import build_graph

S, P, Q = URIRef("https://example.org/s"), URIRef("https://example.org/p"), URIRef("https://example.org/q")


@pytest.mark.parametrize("obj", [
    Literal("石强"),                                   # plain: stored as xsd:string, read back plain
    Literal("石强", lang="zh"),
    Literal("2024-01", datatype=XSD.gYearMonth),
    Literal("7.5", datatype=XSD.decimal),
    URIRef("https://example.org/o"),
    BNode("b1"),
])
def test_a_term_goes_in_and_comes_back_as_it_was(obj):
    g = fast_graph()
    g.add((S, P, obj))
    assert (S, P, obj) in g
    assert list(g.triples((S, None, None))) == [(S, P, obj)]
    assert list(g.objects(S, P)) == [obj] and len(g) == 1


def test_lookups_sparql_and_addn_work_as_on_rdflib():
    g = fast_graph()
    g.add((S, RDF.type, Q))
    g.addN([(S, RDFS.label, Literal("璧山区", lang="zh"), g), (Q, RDFS.label, Literal("x"), g)])
    assert (S, RDF.type, Q) in g and (S, RDF.type, P) not in g
    assert set(g.subjects(RDF.type, Q)) == {S}
    rows = list(g.query("SELECT ?l WHERE { ?s a ?c ; rdfs:label ?l }"))
    assert [str(r[0]) for r in rows] == ["璧山区"]
    assert g.value(S, RDFS.label) == Literal("璧山区", lang="zh")


@pytest.fixture(scope="module")
def seeds_fast_graph(seeds_corpus):
    return build_graph(seeds_corpus, graph=fast_graph())


_AWKWARD = [
    Literal('他说："加快建设"\\n第二行\n第三行\r', lang="zh"),   # quote, backslash, LF, CR
    Literal("tab\there ✓ 𠀀"),                                  # tab and a character beyond the BMP
    Literal("007", datatype=XSD.integer),
    Literal(True),
    Literal("2024", datatype=XSD.gYear),
    Literal(""),
]


def test_a_batch_goes_in_as_n_triples_with_every_term_as_it_was():
    batch = [(S, P, o) for o in _AWKWARD] + [(S, Q, URIRef("https://example.org/o"))]
    fast, plain = fast_graph(), Graph()
    assert _ntriples([(s, p, o, fast) for s, p, o in batch]) is not None    # the fast path is taken
    fast.store.addN((s, p, o, fast) for s, p, o in batch)
    plain.addN((s, p, o, plain) for s, p, o in batch)
    assert len(fast) == len(batch)
    assert set(fast) == set(plain)


def test_a_batch_n_triples_cannot_carry_goes_in_term_by_term():
    blank = BNode("b7")
    fast = fast_graph()
    assert _ntriples([(S, P, blank, fast)]) is None
    fast.store.addN([(S, P, blank, fast), (blank, RDFS.label, Literal("x"), fast)])
    assert set(fast) == {(S, P, blank), (blank, RDFS.label, Literal("x"))}


def test_a_bad_iri_in_a_batch_fails_and_adds_nothing_of_it():
    fast = fast_graph()
    with pytest.raises(ValueError):
        fast.store.addN([(S, P, Literal("kept out"), fast), (S, P, URIRef("not an iri"), fast)])
    assert len(fast) == 0


def test_the_fast_graph_holds_the_triples_of_the_rdflib_build(seeds_graph, seeds_fast_graph):
    """Oxigraph keeps values, not spellings: offsets typed xsd:nonNegativeInteger come back
    xsd:integer and decimals in canonical form (7.50 → 7.5); everything else is the same."""
    def canonical(t):
        s, p, o = t
        if isinstance(o, Literal) and o.datatype == XSD.nonNegativeInteger:
            o = Literal(str(int(o)), datatype=XSD.integer)
        elif isinstance(o, Literal) and o.datatype == XSD.decimal and "." in o:
            o = Literal(str(o).rstrip("0").rstrip("."), datatype=XSD.decimal)
        return s, p, o
    assert len(seeds_fast_graph) == len(seeds_graph)
    assert {canonical(t) for t in seeds_fast_graph} == {canonical(t) for t in seeds_graph}


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_the_streamed_writer_writes_the_bytes_formats_writes(seeds_fast_graph, fmt):
    assert serialize_streamed(seeds_fast_graph, fmt) == serialize(seeds_fast_graph, fmt)


def test_the_streamed_writer_falls_back_on_other_graphs(seeds_graph):
    assert serialize_streamed(seeds_graph, "turtle") == serialize(seeds_graph, "turtle")
    g = Graph()
    g.add((S, P, Literal("x")))
    assert [str(t.subject) for t in sorted_triples(g)] == [f"<{S}>"]


def test_other_formats_are_left_to_formats(seeds_fast_graph):
    assert serialize_streamed(seeds_fast_graph, "nquads") == serialize(seeds_fast_graph, "nquads")
