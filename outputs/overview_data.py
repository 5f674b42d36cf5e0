"""What the overview and the focused pages show, read from the graph with the
`graph/queries/overview_*.rq` queries.

On a graph stored in Oxigraph (every `cadregraph build`) the queries run in Oxigraph and the
rows are read as plain strings, without making rdflib terms: for a graph of ten thousand
documents that is seconds, where per-node lookups take minutes. On other graphs they run in
rdflib. Everything is grouped by person and by unit (district, or a city-level body), sorted,
so pages come out the same on every build. `documents` and `document_facts` give the rows of the
document pages (both modes of the view); `fact_count` decides between the two modes. Every
function takes the graph and returns plain dicts and lists: nothing else in the view reads it.
"""
from __future__ import annotations

import gzip
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from cadregraph.graph.oxterms import ox_store_of
from cadregraph.graph.partial_dates import PartialDate, sort_key
from cadregraph.outputs.tables import query_text
from cadregraph.outputs.view_text import period_label

CITY = "city"   # the unit of city-level bodies that belong to no district

_COUNT_FACTS = """
PREFIX cg: <https://cadregraph.org/ontology#>
PREFIX qb: <http://purl.org/linked-data/cube#>
SELECT (COUNT(*) AS ?n) WHERE {
  VALUES ?type { cg:PostObservation qb:Observation cg:SloganUse cg:ProjectMention }
  ?x a ?type .
}"""


def fact_count(g: Graph) -> int:
    """Post observations, figures, slogan uses and project mentions: what decides between
    the single page and the overview."""
    if isinstance(g, ShardRows):
        return g.fact_count()
    store = ox_store_of(g)
    if store is not None:
        union = getattr(g, "default_union", False)      # a build's graph: every document's named graph
        return int(next(iter(store.query(_COUNT_FACTS, use_default_graph_as_union=union)))["n"].value)
    return int(next(iter(g.query(_COUNT_FACTS)))[0])


def rows(g: Graph, name: str) -> list[dict[str, str]]:
    """The rows of `graph/queries/<name>.rq` as {variable: text} ('' when unbound)."""
    if isinstance(g, ShardRows):
        return g.rows(name)
    text = query_text(f"{name}.rq")
    store = ox_store_of(g)
    if store is not None:
        result = store.query(text, use_default_graph_as_union=getattr(g, "default_union", False))
        names = [v.value for v in result.variables]
        return [{n: _ox_text(s[n]) for n in names} for s in result]
    result = g.query(text)
    names = [str(v) for v in result.vars]
    return [{n: "" if r[n] is None else str(r[n]) for n in names} for r in result]


def _query_rows(store: ox.Store, text: str) -> list[dict[str, str]]:
    result = store.query(text, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    # a solution iterates its values in the order of `names` (None when unbound): no lookup
    # by name per value
    return [dict(zip(names, map(_ox_text, s))) for s in result]


# Queries whose every row is one fact of one document (its type triple is in the document's
# shard) joined to that shard and the shared graph; the rest read the shared graph alone.
PER_DOCUMENT = ("overview_observations", "overview_figures", "overview_slogans", "overview_projects",
                "overview_documents", "overview_spans")
SHARED_ONLY = ("overview_units", "overview_tenures")


class ShardRows:
    """The view's rows from a streaming build's shards without loading the graph: the shared
    graph in one store; per `batch` documents a small store with their shards and what the shared graph
    says about the nodes they name, two steps out (a post observation's holder is in the
    shared graph, and the holder's label one step further), queried and dropped. Every row of
    a per-document query is one of its facts joined to its shard and shared nodes, so the
    rows are those of the same query over the whole graph; at 3,000 documents the whole
    graph took 1.2 GB of memory."""

    def __init__(self, shards: list[Path], shared: Path, batch: int = 64):
        self.shards, self.shared, self.batch = shards, shared, batch
        self._rows: dict[str, list[dict[str, str]]] | None = None
        self._facts = 0

    def _read(self) -> dict[str, list[dict[str, str]]]:
        if self._rows is not None:
            return self._rows
        shared = ox.Store()
        shared.load(gzip.decompress(self.shared.read_bytes()), format=ox.RdfFormat.N_QUADS)
        found = {name: _query_rows(shared, query_text(f"{name}.rq")) for name in SHARED_ONLY}
        texts = {name: query_text(f"{name}.rq") for name in PER_DOCUMENT}
        for name in PER_DOCUMENT:
            found[name] = []
        for start in range(0, len(self.shards), self.batch):
            store = ox.Store()
            store.load(b"".join(gzip.decompress(path.read_bytes()) for path in self.shards[start:start + self.batch]),
                       format=ox.RdfFormat.N_QUADS)
            store.extend(_neighbourhood(shared, store))
            for name, text in texts.items():
                found[name].extend(_query_rows(store, text))
            self._facts += int(next(iter(store.query(_COUNT_FACTS, use_default_graph_as_union=True)))["n"].value)
        self._rows = found
        return found

    def rows(self, name: str) -> list[dict[str, str]]:
        return self._read()[name]

    def fact_count(self) -> int:
        self._read()
        return self._facts


_HOLDER = ox.NamedNode("https://cadregraph.org/ontology#holder")
# What the per-document queries follow into the shared graph: labels, a slogan's kind and its
# notation, a project's district, a period's bounds and their months.
_FOLLOWED = frozenset(ox.NamedNode(iri) for iri in (
    "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#notation", "https://cadregraph.org/ontology#sloganKind",
    "https://cadregraph.org/ontology#district", "http://www.w3.org/2006/time#hasBeginning",
    "http://www.w3.org/2006/time#hasEnd", "http://www.w3.org/2006/time#inXSDgYearMonth"))


_SEEDS = """
SELECT DISTINCT ?node WHERE {
  { GRAPH ?g { ?s ?p ?node } FILTER (isIRI(?node)) }
  UNION
  { GRAPH ?g { ?obs a <https://cadregraph.org/ontology#PostObservation> } BIND (?obs AS ?node) }
}"""


def _neighbourhood(shared: ox.Store, shards: ox.Store, steps: int = 2) -> list:
    """The quads of `shared` the per-document queries reach from the shards in `shards`: the
    holder of each post observation, and the followed properties (_FOLLOWED) of the IRIs the
    shards name, and of the IRIs those name, `steps` deep."""
    todo = {s["node"] for s in shards.query(_SEEDS)}
    out = [q for node in todo for q in shared.quads_for_pattern(node, _HOLDER, None)]
    todo |= {q.object for q in out}
    seen: set = set()
    for _ in range(steps):
        found = [q for node in todo - seen for q in shared.quads_for_pattern(node, None, None)
                 if q.predicate in _FOLLOWED]
        seen |= todo
        out.extend(found)
        todo = {q.object for q in found if isinstance(q.object, ox.NamedNode)}
    return out


def _ox_text(term) -> str:
    if term is None or isinstance(term, ox.DefaultGraph):
        return ""
    return term.value


def date_key(value: str):
    return sort_key(PartialDate.parse(value or None))


@dataclass
class Unit:
    """A district, or the city level ("city"): its officials, figures, slogans and projects."""

    key: str
    label: str
    kind: str
    tenures: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    slogans: list[dict] = field(default_factory=list)
    projects: list[dict] = field(default_factory=list)


@dataclass
class Person:
    key: str
    label: str
    tenures: list[dict] = field(default_factory=list)
    observations: list[dict] = field(default_factory=list)


@dataclass
class OverviewData:
    people: dict[str, Person] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    moves: dict[tuple[str, str], int] = field(default_factory=dict)   # unit pair -> people in both
    aliases: dict[str, str] = field(default_factory=dict)             # organization or city -> unit

    def unit_key(self, iri: str) -> str:
        """The unit an IRI belongs to: itself (a district), its district, or the city level."""
        for _ in range(3):        # an organization → its district → (the municipality →) the city
            if iri in self.units:
                return iri
            iri = self.aliases.get(iri, CITY)
        return CITY

    def unit_of(self, iri: str) -> Unit:
        return self.units[self.unit_key(iri)]


def collect(g: Graph) -> OverviewData:
    data = OverviewData()
    org_district: dict[str, str] = {}
    city_label = "市级 city level"
    for r in rows(g, "overview_units"):
        if r["kind"] == "district" and r["placeKind"] == "municipality":
            org_district[r["unit"]] = CITY       # the municipality itself is the city level
            city_label = f"{r['label']}（市级）"
        elif r["kind"] == "district":
            data.units.setdefault(r["unit"], Unit(r["unit"], r["label"], "district"))
        elif r["district"]:
            org_district[r["unit"]] = r["district"]
    data.units[CITY] = Unit(CITY, city_label, "city")
    data.aliases = org_district
    _tenures(g, data)
    _observations(g, data)
    _figures(g, data)
    _slogans(g, data)
    _projects(g, data)
    return finish(data)


def finish(data: OverviewData) -> OverviewData:
    """Rows sorted and the overview's edges counted: the last step of `collect`, for data
    filled some other way too."""
    _sort(data)
    _moves(data)
    return data


def _tenures(g: Graph, data: OverviewData) -> None:
    for r in rows(g, "overview_tenures"):
        person = data.people.setdefault(r["person"], Person(r["person"], r["personLabel"]))
        row = {"post": r["postLabel"], "org": r["orgLabel"], "first": r["first"], "last": r["last"],
               "pred": r["pred"], "succ": r["succ"], "person": r["person"], "personLabel": r["personLabel"],
               "unit": data.unit_key(r["district"]), "ended_after": r["ended_after"], "ended_before": r["ended_before"],
               "end_reason": r["end_reason"]}
        person.tenures.append(row)
        data.unit_of(r["district"]).tenures.append(row)


def _quote(r: dict[str, str]) -> dict:
    """A fact's quote in its sentence and its span in the document's text."""
    return {"doc": r["doc"], "quote": r["quote"], "before": r["prefix"], "after": r["suffix"],
            "start": int(r["start"] or 0), "end": int(r["end"] or 0)}


def _observations(g: Graph, data: OverviewData) -> None:
    for r in rows(g, "overview_observations"):
        person = data.people.get(r["person"])
        if person is not None:
            person.observations.append({"post": r["postLabel"], "date": r["date"]} | _quote(r))


def _figures(g: Graph, data: OverviewData) -> None:
    for r in rows(g, "overview_figures"):
        data.unit_of(r["area"]).figures.append(
            {k: r[k] for k in ("indicator", "value", "unit", "date")}
            | {"period": period_label(r["period"], r["periodStart"], r["periodEnd"], r["date"])} | _quote(r))


def _slogans(g: Graph, data: OverviewData) -> None:
    for r in rows(g, "overview_slogans"):
        data.unit_of(r["user"]).slogans.append({k: r[k] for k in ("slogan", "kind", "date")} | _quote(r))


def _projects(g: Graph, data: OverviewData) -> None:
    for r in rows(g, "overview_projects"):
        data.unit_of(r["district"]).projects.append({k: r[k] for k in ("project", "date")} | _quote(r))


def full_key(row: dict) -> tuple:
    """Every value of a row: the last tie-breaker, so equal-looking rows keep one order
    whatever order the store gave them in."""
    return tuple(sorted((k, str(v)) for k, v in row.items()))


def _sort(data: OverviewData) -> None:
    def tenure_key(t):
        return (date_key(t["first"]), date_key(t["last"]), t["post"], t["personLabel"], t["person"])

    for person in data.people.values():
        person.tenures.sort(key=lambda t: tenure_key(t) + full_key(t))
        person.observations.sort(key=lambda o: (date_key(o["date"]), o["doc"], o["start"], o["post"]) + full_key(o))
    for unit in data.units.values():
        unit.tenures.sort(key=lambda t: (t["post"],) + tenure_key(t) + full_key(t))
        unit.figures.sort(key=lambda f: (date_key(f["date"]), f["doc"], f["start"], f["indicator"], f["value"]) + full_key(f))
        unit.slogans.sort(key=lambda s: (s["slogan"], date_key(s["date"]), s["doc"], s["start"]) + full_key(s))
        unit.projects.sort(key=lambda p: (p["project"], date_key(p["date"]), p["doc"], p["start"]) + full_key(p))


def _moves(data: OverviewData) -> None:
    """How many people held posts in both of two units: the overview's edges."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for person in data.people.values():
        units = sorted({t["unit"] for t in person.tenures})
        for i, a in enumerate(units):
            for b in units[i + 1:]:
                counts[(a, b)] += 1
    data.moves = dict(sorted(counts.items()))


def documents(g: Graph) -> dict[str, dict[str, str]]:
    """{document IRI: {identifier, name, title, date, source}}: what names a document to a reader."""
    out = {}
    for r in sorted(rows(g, "overview_documents"), key=lambda r: (r["doc"], r["identifier"])):
        out.setdefault(r["doc"], {k: r[k] for k in ("identifier", "name", "title", "date", "source")})
    return out


def document_facts(g: Graph) -> dict[str, list[dict]]:
    """{document IRI: [{kind, label, detail, start, end}]}: every extracted fact of each
    document at its character span, in text order (the document pages highlight them)."""
    out: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    for r in rows(g, "overview_spans"):
        row = {"kind": r["kind"], "label": r["label"], "detail": r["detail"], "start": int(r["start"]), "end": int(r["end"])}
        key = (r["doc"],) + tuple(row.values())
        if key not in seen:
            seen.add(key)
            out[r["doc"]].append(row)
    for facts in out.values():
        facts.sort(key=lambda f: (f["start"], -f["end"], f["kind"], f["label"], f["detail"]))
    return dict(sorted(out.items()))
