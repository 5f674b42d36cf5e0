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

from collections import defaultdict
from dataclasses import dataclass, field

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
    store = ox_store_of(g)
    if store is not None:
        union = getattr(g, "default_union", False)      # a build's graph: every document's named graph
        return int(next(iter(store.query(_COUNT_FACTS, use_default_graph_as_union=union)))["n"].value)
    return int(next(iter(g.query(_COUNT_FACTS)))[0])


def rows(g: Graph, name: str) -> list[dict[str, str]]:
    """The rows of `graph/queries/<name>.rq` as {variable: text} ('' when unbound)."""
    text = query_text(f"{name}.rq")
    store = ox_store_of(g)
    if store is not None:
        result = store.query(text, use_default_graph_as_union=getattr(g, "default_union", False))
        names = [v.value for v in result.variables]
        return [{n: _ox_text(s[n]) for n in names} for s in result]
    result = g.query(text)
    names = [str(v) for v in result.vars]
    return [{n: "" if r[n] is None else str(r[n]) for n in names} for r in result]


def _ox_text(term) -> str:
    if term is None:
        return ""
    return term.value if not isinstance(term, ox.DefaultGraph) else ""


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
