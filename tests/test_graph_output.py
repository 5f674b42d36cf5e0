"""graph.ttl: parses strictly, ASCII IRIs, the data model of DESIGN.md §2, determinism."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
import subprocess
import sys

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, RDFS, XSD

from cadregraph.graph.namespaces import CG, OA, PROV
from cadregraph.outputs.tables import table_rows
from cadregraph.pipeline import build_graph


def test_turtle_parses_with_rdflib_and_pyoxigraph(built_seeds):
    data = (built_seeds / "graph.ttl").read_bytes()
    g = Graph().parse(data=data, format="turtle")
    assert len(g) > 1000
    quads = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(g)


def test_every_iri_is_ascii(built_seeds):
    g = Graph().parse(built_seeds / "graph.ttl")
    iris = {t for triple in g for t in triple if isinstance(t, URIRef)}
    assert iris and all(str(i).isascii() for i in iris)
    labels = [o for o in g.objects(None, RDFS.label) if isinstance(o, Literal) and not str(o).isascii()]
    assert labels and all(lbl.language == "zh" for lbl in labels)


def test_qualified_observation_with_evidence(seeds_graph):
    g = seeds_graph
    q = """
    PREFIX cg: <https://cadregraph.org/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX oa: <http://www.w3.org/ns/oa#>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?date ?quote ?start ?end ?file WHERE {
      ?obs cg:holder ?p ; cg:post ?post ; prov:wasDerivedFrom ?doc ; cg:rule ?rule .
      ?p rdfs:label "刘小强"@zh . ?post rdfs:label "长寿区委书记"@zh .
      ?obs oa:exact ?quote ; oa:start ?start . ?doc cg:fileName ?file ; dcterms:date ?date .
      BIND (?start + STRLEN(?quote) AS ?end)            # oa:end is implied, not written
      FILTER NOT EXISTS { ?obs dcterms:date ?own }     # the document dates the fact
    }"""
    rows = list(g.query(q))
    assert len(rows) == 1
    date, quote, start, end, file = rows[0]
    assert date == Literal("2023-10-24", datatype=XSD.date)
    assert str(quote) == "长寿区委书记刘小强"
    text = open(os.path.join(os.path.dirname(__file__), "..", "seeds", str(file)), encoding="utf-8").read()
    assert text[int(start):int(end)] == str(quote)


def test_dates_keep_their_precision(seeds_graph):
    dates = {str(d.datatype).rsplit("#", 1)[1] for d in seeds_graph.objects(None, DCTERMS.date)}
    assert dates == {"date", "gYearMonth"}
    doc003 = next(s for s, o in seeds_graph.subject_objects(DCTERMS.identifier) if str(o).startswith("003"))
    assert seeds_graph.value(doc003, DCTERMS.date) == Literal("2024-01", datatype=XSD.gYearMonth)
    assert seeds_graph.value(doc003, CG.dateMethod) == CG.DateFromMetadata


def test_one_post_resource_however_written(seeds_graph):
    posts = {str(o) for s in seeds_graph.subjects(RDFS.label, Literal("石强", lang="zh"))
             for o in seeds_graph.objects(s, ORG.holds)}
    labels = {str(seeds_graph.value(URIRef(p), RDFS.label)) for p in posts}
    assert labels == {"彭水苗族土家族自治县委书记", "重庆市人大代表", "重庆市文化旅游委党委书记"}


def test_districts_have_codes_and_short_names(seeds_graph):
    from rdflib.namespace import SKOS
    pengshui = next(seeds_graph.subjects(SKOS.notation, Literal("500243")))
    alts = {str(a) for a in seeds_graph.objects(pengshui, SKOS.altLabel)}
    assert "彭水县" in alts
    assert len(set(seeds_graph.subjects(RDF.type, CG.District))) >= 42


def test_base_iri_is_configurable(seeds_corpus):
    g = build_graph(seeds_corpus, base="http://example.org/kg/")
    people = set(g.subjects(RDF.type, FOAF.Person))
    assert people and all(str(p).startswith("http://example.org/kg/person/") for p in people)
    with pytest.raises(ValueError):
        build_graph(seeds_corpus, base="http://example.org/有 空格/")


def test_holdings_table_matches_the_graph(seeds_graph):
    rows = table_rows(seeds_graph, "holdings")
    assert len(rows) == len(set(seeds_graph.subjects(RDF.type, CG.PostObservation))) == 76
    row = next(r for r in rows if r["person"] == "刘小强" and r["post"] == "重庆市财政局局长")
    assert row["document"] == "000_de4db4e1e917b79a.txt" and row["date"] == "2025-01-23"
    assert row["role"] == "局长" and row["organization"] == "重庆市财政局"
    assert any(r["date"] == "2024-01" and r["person"] == "石强" for r in rows)


def _build(tmp_path, name, seed):
    out = tmp_path / name
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run([sys.executable, "-m", "cadregraph.cli", "build", "--out", str(out)], check=True,
                   env=env, capture_output=True)
    return out


def test_builds_are_byte_identical_across_hash_seeds(tmp_path):
    a = _build(tmp_path, "a", "1")
    b = _build(tmp_path, "b", "98765")
    for name in ("graph.ttl", "view.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_cli_export_csv(built_seeds):
    result = subprocess.run([sys.executable, "-m", "cadregraph.cli", "export", str(built_seeds / "graph.ttl"),
                             "--table", "holdings", "--format", "csv"], check=True, capture_output=True, text=True)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["person", "name_as_written", "person_id", "post", "organization", "district", "role",
                             "document", "date", "evidence"]
    assert any(r["person"] == "石强" and r["date"] == "2024-01" for r in rows)
    # the merged variant keeps the spelling each document wrote
    assert {(r["person"], r["name_as_written"]) for r in rows if r["post"] == "两江新区党工委书记"} >= {
        ("罗蔺", "罗楠"), ("罗蔺", "罗蔺")}


def test_prov_and_oa_terms_are_used(seeds_graph):
    """Provenance is on the fact (no selector node): the document, the rule, the quote and its
    span; a quoted slogan is the quote, the rest of its clause its oa:prefix and oa:suffix."""
    g = seeds_graph
    assert next(g.triples((None, PROV.wasDerivedFrom, None)), None)
    assert next(g.subjects(RDF.type, OA.TextPositionSelector), None) is None
    assert next(g.triples((None, CG.evidence, None)), None) is None
    uses = [u for u in g.subjects(RDF.type, CG.SloganUse) if (u, OA.prefix, None) in g]
    assert uses
    use = sorted(uses)[0]
    exact, start = g.value(use, OA.exact), int(g.value(use, OA.start))
    end = start + len(exact)                    # no oa:end: the quote's length gives it
    assert next(g.triples((None, OA.end, None)), None) is None
    assert str(exact).startswith("“")
    doc = g.value(use, PROV.wasDerivedFrom)
    text = (Path(__file__).parent.parent / "seeds" / str(g.value(doc, CG.fileName))).read_text("utf-8")
    prefix = str(g.value(use, OA.prefix))
    assert text[start - len(prefix):end] == prefix + str(exact)
