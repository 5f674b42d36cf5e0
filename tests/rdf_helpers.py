"""Helpers for the RDF tests: DESIGN.md §3's questions on holdings as SPARQL, comparing answers
and graphs from different places (in process, an Oxigraph store, a server), and a small corpus
for commands that would otherwise extract the whole seeds again."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import XSD

SMALL_DOCUMENT = """以决战决胜姿态冲刺四季度（重庆日报，2023年10月24日）
长寿区委书记刘小强：坚持稳中求进，推动经济持续回升向好。
璧山区委书记、区长江志斌：全力以赴抓项目、稳投资。
"""


def small_corpus(folder: Path) -> Path:
    """A folder with one short report in it (two officials), built in well under a second."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.txt").write_text(SMALL_DOCUMENT, "utf-8")
    return folder


_INTEGER_TYPES = {XSD[t] for t in ("nonNegativeInteger", "positiveInteger", "int", "long", "short", "byte")}


def _plain(term, integers: bool):
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    if integers and isinstance(term, Literal) and term.datatype in _INTEGER_TYPES:
        return Literal(str(term), datatype=XSD.integer)
    return term


def triples(g: Graph, as_stored: bool = False) -> set:
    """The triples of `g` (no blank nodes here), xsd:string literals written plain. `as_stored`:
    integer subtypes as xsd:integer, as Oxigraph and Virtuoso store them (same value in XSD)."""
    return {tuple(_plain(t, as_stored) for t in triple) for triple in g.triples((None, None, None))}

PREFIXES = """PREFIX cg: <https://cadregraph.org/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

_OBSERVATION = """?obs cg:holder ?person ; cg:post ?postIri ; prov:wasDerivedFrom ?doc ; oa:exact ?quote .
  ?person rdfs:label ?name . ?postIri rdfs:label ?post . FILTER (lang(?post) = "zh")
  ?doc cg:fileName ?file . OPTIONAL { ?obs cg:sentenceDate ?sd } OPTIONAL { ?doc dcterms:date ?dd }
  BIND (STR(COALESCE(?sd, ?dd)) AS ?date)"""

QUESTIONS = {
    # 1. Which posts did 石强 hold, where, and when?
    "q1_posts_of_shi_qiang": PREFIXES + f"""SELECT ?post ?date ?file ?quote WHERE {{
  {_OBSERVATION} FILTER (STR(?name) = "石强") }}""",
    # 2. Who held 长寿区委书记, in date order?
    "q2_holders_of_changshou_secretary": PREFIXES + f"""SELECT ?name ?date ?file ?quote WHERE {{
  {_OBSERVATION} FILTER (STR(?post) = "长寿区委书记") }}""",
    # 3. Which officials appear with different posts in different documents?
    "q3_changed_posts": PREFIXES + """SELECT DISTINCT ?name WHERE {
  ?o1 cg:holder ?p ; cg:post ?post1 ; prov:wasDerivedFrom ?d1 .
  ?o2 cg:holder ?p ; cg:post ?post2 ; prov:wasDerivedFrom ?d2 .
  FILTER (?d1 != ?d2 && ?post1 != ?post2)
  ?p rdfs:label ?name }""",
    # 4. Who held 綦江区委书记, and 重庆高新区党工委书记, in order?
    "q4_successions": PREFIXES + f"""SELECT ?post ?name ?date ?file WHERE {{
  {_OBSERVATION} FILTER (STR(?post) = "綦江区委书记" || CONTAINS(STR(?post), "重庆高新区党工委书记")) }}""",
}


def rdflib_select(g: Graph, sparql: str) -> list[dict[str, str]]:
    """Rows of a SELECT evaluated by the graph's own engine (rdflib's, or Oxigraph's behind a
    store), values as plain strings, unbound values left out."""
    result = g.query(sparql)
    return [{str(k): str(v) for k, v in row.asdict().items() if v is not None} for row in result]


def as_set(rows) -> set[tuple[tuple[str, str], ...]]:
    """Rows (dicts of column → value string) as a set of sorted (column, value) tuples."""
    return {tuple(sorted((k, v) for k, v in row.items() if v != "")) for row in rows}
