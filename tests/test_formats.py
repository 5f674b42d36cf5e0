"""Graph files in every format: strict re-parsing, per-document named graphs, plain-JSON JSON-LD,
determinism, `build --format` and `convert`."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, RDFS, XSD

from cadregraph.cli import main
from cadregraph.graph.formats import FORMATS, FormatError, document_quads, get_format, serialize
from cadregraph.graph.jsonld import context
from cadregraph.graph.namespaces import CG, PROV
from cadregraph.graph.oxterms import ox_triples, rdflib_graph

from rdf_helpers import small_corpus, triples

SHARED = "https://cadregraph.org/id/graph/shared"


def parse_strictly(data: bytes, name: str) -> list[ox.Quad]:
    return list(ox.parse(data, format=FORMATS[name].ox_format))


@pytest.fixture(scope="module")
def seeds_triples(seeds_graph) -> set[ox.Triple]:
    return set(ox_triples(seeds_graph))


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_parses_strictly_and_means_the_same_graph(seeds_graph, seeds_triples, name):
    data = serialize(seeds_graph, name)
    quads = parse_strictly(data, name)
    assert len(quads) == len(seeds_graph) > 1000
    assert {q.triple for q in quads} == seeds_triples
    if name == "jsonld":  # a second, independent JSON-LD processor
        assert triples(Graph().parse(data=data, format="json-ld")) == triples(seeds_graph)


@pytest.fixture(scope="module")
def reversed_graph(seeds_graph):
    """The same triples added in the opposite order."""
    g = Graph()
    for triple in sorted(seeds_graph, reverse=True):
        g.add(triple)
    return g


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_output_is_deterministic(seeds_graph, reversed_graph, name):
    assert serialize(seeds_graph, name) == serialize(reversed_graph, name)


def test_one_named_graph_per_document_and_a_shared_graph(seeds_graph):
    quads = document_quads(seeds_graph)
    graphs = {q.graph_name.value for q in quads}
    docs = {str(d) for d in seeds_graph.subjects(RDF.type, CG.Document)}
    assert graphs == docs | {SHARED}
    assert not any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    where = {}
    for q in quads:
        where.setdefault(q.subject.value, set()).add(q.graph_name.value)
    assert all(len(g) == 1 for g in where.values()), "a node's triples are split over graphs"
    for obs, doc in seeds_graph.subject_objects(PROV.wasDerivedFrom):
        if len(set(seeds_graph.objects(obs, PROV.wasDerivedFrom))) > 1:    # an identity decision
            assert where[str(obs)] == {SHARED}
            continue
        assert where[str(obs)] == {str(doc)}
        for evidence in seeds_graph.objects(obs, CG.evidence):
            assert where[str(evidence)] == {str(doc)}
    for doc in docs:
        assert where[doc] == {doc}
    for cls in (FOAF.Person, ORG.Post, ORG.Organization, CG.District):
        for node in seeds_graph.subjects(RDF.type, cls):
            assert where[str(node)] == {SHARED}, node


def test_a_node_derived_from_two_documents_is_shared(seeds_graph):
    g = Graph()
    g += seeds_graph
    obs = sorted(g.subjects(RDF.type, CG.PostObservation))[0]
    docs = sorted(g.subjects(RDF.type, CG.Document))
    g.add((obs, PROV.wasDerivedFrom, docs[0]))
    g.add((obs, PROV.wasDerivedFrom, docs[1]))
    where = {(q.subject.value, q.graph_name.value) for q in document_quads(g)}
    assert (str(obs), SHARED) in where


def test_shared_graph_follows_the_base(tmp_path):
    from cadregraph.pipeline import build_graph, extract_corpus

    g = build_graph(extract_corpus([small_corpus(tmp_path)]), base="http://example.org/kg/")
    graphs = {q.graph_name.value for q in document_quads(g)}
    assert "http://example.org/kg/graph/shared" in graphs
    assert all(name.startswith("http://example.org/kg/") for name in graphs)


def test_jsonld_reads_as_plain_json(seeds_graph):
    doc = json.loads(serialize(seeds_graph, "jsonld"))
    nodes = {n["id"]: n for n in doc["@graph"]}
    person = next(n for n in nodes.values() if "Person" in n.get("type", []))
    assert isinstance(person["label"], dict) and person["label"]["zh"]
    obs = next(n for n in nodes.values() if n.get("type") == ["PostObservation"])
    assert obs["holder"] in nodes and isinstance(obs["holder"], str)
    assert obs["wasDerivedFrom"].startswith("https://") and obs["status"] == "cg:Holds"
    evidence = obs                   # the quote and its span are on the fact itself
    assert isinstance(evidence["start"], int) and "end" not in evidence     # it ends start + len(exact)
    assert isinstance(evidence["exact"], str) and evidence["exact"]
    assert all(":" not in key or key.startswith("@") or key.split(":")[0] in doc["@context"]
               for n in doc["@graph"] for key in n)


def test_jsonld_context_does_not_depend_on_the_data(seeds_graph):
    empty = json.loads(serialize(Graph(), "jsonld"))
    full = json.loads(serialize(seeds_graph, "jsonld"))
    assert empty["@context"] == full["@context"] == context()
    assert empty["@graph"] == []


def test_jsonld_keeps_values_that_do_not_fit_their_key():
    s = URIRef("https://cadregraph.org/id/x")
    g = Graph()
    for triple in [
        (s, RDFS.label, Literal("plain label")),                       # no language in a language map
        (s, RDFS.label, Literal("标签", lang="zh")),
        (s, CG.evidence, Literal("a literal where an IRI is expected")),
        (s, URIRef("http://purl.org/dc/terms/date"), Literal("2024", datatype=XSD.gYear)),
        (s, URIRef("http://www.w3.org/ns/oa#start"), Literal("007", datatype=XSD.nonNegativeInteger)),
        (s, URIRef("http://example.org/count"), Literal(3)),
        (s, URIRef("http://example.org/flag"), Literal(True)),
        (s, URIRef("http://example.org/value"), Literal("12.50", datatype=XSD.decimal)),
        (s, URIRef("http://example.org/link"), URIRef("http://example.org/other")),
    ]:
        g.add(triple)
    data = serialize(g, "jsonld")
    assert triples(Graph().parse(data=data, format="json-ld")) == triples(g)
    assert triples(rdflib_graph(ox.parse(data, format=ox.RdfFormat.JSON_LD))) == triples(g)
    node = json.loads(data)["@graph"][0]
    assert node["label"] == {"zh": "标签"} and node["rdfs:label"] == "plain label"


def test_build_writes_several_formats(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(small_corpus(tmp_path / "docs")), "--out", str(out),
                                       "--format", "trig,nq", "--format", "jsonld"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "graph.jsonld", "graph.nq", "graph.trig", "view", "view.html"]   # view/: the document pages
    quads = parse_strictly((out / "graph.trig").read_bytes(), "trig")
    assert len({q.graph_name.value for q in quads}) == 2  # the report's graph and the shared graph
    assert sorted(map(str, quads)) == sorted(map(str, parse_strictly((out / "graph.nq").read_bytes(), "nquads")))


def test_build_refuses_an_unknown_format(tmp_path):
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "o"), "--format", "rdfxml"])
    assert result.exit_code == 2
    assert "unknown format 'rdfxml'" in result.output and not (tmp_path / "o").exists()


@pytest.fixture(scope="module")
def small_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    result = CliRunner().invoke(main, ["build", str(small_corpus(folder / "docs")), "--out", str(folder / "out")])
    assert result.exit_code == 0, result.output
    return folder / "out"


def test_convert_keeps_or_makes_named_graphs(small_build, tmp_path):
    runner = CliRunner()
    trig, nt, back = tmp_path / "g.trig", tmp_path / "g.nt", tmp_path / "back.nq"
    assert runner.invoke(main, ["convert", str(small_build / "graph.ttl"), str(trig)]).exit_code == 0
    assert runner.invoke(main, ["convert", str(trig), str(nt)]).exit_code == 0
    result = runner.invoke(main, ["convert", str(nt), str(back), "--format", "nquads"])
    assert result.exit_code == 0 and result.output.startswith(f"wrote {back} (nquads, ")
    from_trig = parse_strictly(trig.read_bytes(), "trig")
    assert len({q.graph_name.value for q in from_trig}) == 2 and SHARED in {q.graph_name.value for q in from_trig}
    assert sorted(map(str, parse_strictly(back.read_bytes(), "nquads"))) == sorted(map(str, from_trig))
    original = parse_strictly((small_build / "graph.ttl").read_bytes(), "turtle")
    assert sorted(map(str, parse_strictly(nt.read_bytes(), "ntriples"))) == sorted(map(str, original))


def test_convert_reports_bad_input(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", "utf-8")
    result = CliRunner().invoke(main, ["convert", str(bad), str(tmp_path / "x.nt")])
    assert result.exit_code == 2 and "not valid turtle" in result.output
    result = CliRunner().invoke(main, ["convert", str(bad), str(tmp_path / "x.xyz")])
    assert result.exit_code == 2 and "cannot tell the format" in result.output


def test_format_names_and_aliases():
    assert get_format("ttl").name == "turtle" and get_format("N-Quads").name == "nquads"
    with pytest.raises(FormatError):
        get_format("rdfxml")
