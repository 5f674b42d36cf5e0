"""SHACL shapes (ontology/shapes.ttl): the seeds' graph conforms, and each kind of breakage is
caught and reported readably by `cadregraph validate`."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, RDFS, XSD

from cadregraph.cli import main
from cadregraph.graph.formats import serialize
from cadregraph.graph.namespaces import CG, OA, PROV
from cadregraph.graph.validate import validate


@pytest.fixture(scope="module")
def report(seeds_graph):
    return validate(seeds_graph)


def test_the_seeds_graph_conforms(report):
    assert report.conforms, report.text()
    assert report.violations == []


def _first(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def drop_holder(g):
    obs = _first(g, CG.PostObservation)
    g.remove((obs, CG.holder, None))
    return obs, "cg:holder"


def second_post(g):
    obs = _first(g, CG.PostObservation)
    g.add((obs, CG.post, sorted(g.subjects(RDF.type, ORG.Post))[-1]))
    return obs, "cg:post"


def evidence_before_the_text(g):
    ev = sorted(g.subjects(RDF.type, CG.PostObservation))[1]      # the evidence is on the fact
    g.set((ev, OA.start, Literal(-1, datatype=XSD.integer)))
    return ev, "oa:start"


def evidence_with_an_end(g):
    # the end is implied (start + the quote's length); a graph that writes one is the old form
    ev = sorted(g.subjects(RDF.type, CG.PostObservation))[2]
    g.add((ev, OA.end, Literal(10 ** 6, datatype=XSD.nonNegativeInteger)))
    return ev, "oa:end"


def fact_without_document(g):
    obs = _first(g, CG.PostObservation)
    g.remove((obs, PROV.wasDerivedFrom, None))
    return obs, "prov:wasDerivedFrom"


def invented_day(g):
    doc = _first(g, CG.Document)
    g.set((doc, DCTERMS.date, Literal("2024-01-01T00:00:00", datatype=XSD.dateTime)))
    return doc, "dcterms:date"


def bad_hash(g):
    doc = _first(g, CG.Document)
    g.set((doc, CG.contentHash, Literal("md5:abc")))
    return doc, "cg:contentHash"


def chinese_iri(g):
    node = URIRef("https://cadregraph.org/id/person/张三")
    g.add((node, RDF.type, FOAF.Person))
    g.add((node, RDFS.label, Literal("张三", lang="zh")))
    return node, ""


def person_without_name(g):
    person = _first(g, FOAF.Person)
    g.remove((person, RDFS.label, None))
    return person, "rdfs:label"


def post_without_organization(g):
    post = _first(g, ORG.Post)
    g.remove((post, ORG.postIn, None))
    return post, "org:postIn"


def bad_district_code(g):
    district = _first(g, CG.District)
    g.set((district, URIRef("http://www.w3.org/2004/02/skos/core#notation"), Literal("5001")))
    return district, "skos:notation"


BREAKAGES = [drop_holder, second_post, evidence_before_the_text, evidence_with_an_end, fact_without_document, invented_day, bad_hash,
             chinese_iri, person_without_name, post_without_organization, bad_district_code]


@pytest.fixture(scope="module")
def broken(seeds_graph):
    """Every breakage applied to one copy of the graph (each touches different triples), and the
    validation report: one pySHACL run instead of one per breakage."""
    g = Graph()
    g += seeds_graph
    g.namespace_manager = seeds_graph.namespace_manager
    expected = {f.__name__: f(g) for f in BREAKAGES}
    return g, expected, validate(g)


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__)
def test_shapes_catch_a_broken_graph(broken, breakage):
    g, expected, result = broken
    focus, path = expected[breakage.__name__]
    assert not result.conforms
    shown = {f"<{focus}>", g.namespace_manager.normalizeUri(focus)}
    hits = [v for v in result.violations if v.focus in shown]
    assert hits, result.text()
    assert any(v.path == path for v in hits), [v.text() for v in hits]


def test_validate_command_lists_violations_readably(seeds_graph, tmp_path):
    g = Graph()
    g += seeds_graph
    obs, _ = drop_holder(g)
    person = _first(g, FOAF.Person)
    label = str(g.value(person, RDFS.label))
    g.remove((person, RDFS.label, None))
    g.add((person, RDFS.label, Literal(label)))  # a name without its language tag
    broken = tmp_path / "broken.ttl"
    broken.write_bytes(serialize(g, "turtle"))
    result = CliRunner().invoke(main, ["validate", str(broken)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "the graph does not conform: 2 violations"
    assert any(str(obs) in line and "cg:holder: a post observation has exactly one holder" in line for line in lines)
    assert any(f"({label}) rdfs:label:" in line for line in lines)


def test_validate_command_on_a_good_graph(built_seeds):
    result = CliRunner().invoke(main, ["validate", str(built_seeds)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "the graph conforms to the shapes"
