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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from cadregraph.graph.oxterms import ox_store_of
from cadregraph.graph.partial_dates import PartialDate, sort_key
from cadregraph.outputs.forked import forked_parts
from cadregraph.outputs.spilled_rows import SpilledParts, SpilledRows
from cadregraph.outputs.stream_outputs import bulk_load_in_chunks
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
    # by name per value; the queries select no graph names, so every bound value has a text
    return [dict(zip(names, ["" if t is None else t.value for t in s])) for s in result]


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
    rows are those of the same query over the whole graph. The rows of the shared-only
    queries and of the documents stay in memory; the fact rows go, as the view's rows
    (PER_FACT), to `spill` (spilled_rows.py), which the pages read an owner at a time."""

    def __init__(self, shards: list[Path], shared: Path, spill: Path, batch: int = 64, workers: int = 1):
        self.shards, self.shared, self.spill_path, self.batch = shards, shared, spill, batch
        self.workers = workers
        self._rows: dict[str, list[dict[str, str]]] | None = None
        self._spilled: SpilledParts | None = None
        self._facts = 0

    def _read(self) -> dict[str, list[dict[str, str]]]:
        if self._rows is not None:
            return self._rows
        open_shared = _shared_store(self.shared, self.spill_path.parent / "shared-store")
        shared = open_shared()
        found = {name: _query_rows(shared, query_text(f"{name}.rq")) for name in SHARED_ONLY}
        # the batches dealt out to forked processes, which inherit the shared store in memory
        # or open the one on disk themselves: each spills to its own file and sends back its
        # documents' rows and its count of facts
        shared = None
        batches = range(0, len(self.shards), self.batch)
        workers = max(1, min(self.workers, len(batches)))
        parts = forked_parts(lambda k, n: self._read_part(open_shared(), batches[k::n], k), workers,
                             self.spill_path.parent, "reading the view's rows")
        found["overview_documents"] = [r for documents, _ in parts for r in documents]
        self._facts = sum(facts for _, facts in parts)
        self._rows = found
        self._spilled = SpilledParts([SpilledRows(self._part_path(k)) for k in range(len(parts))])
        return found

    def _part_path(self, k: int) -> Path:
        return self.spill_path.with_name(f"{self.spill_path.stem}-{k}{self.spill_path.suffix}")

    def _read_part(self, shared: ox.Store, starts, k: int) -> tuple[list[dict[str, str]], int]:
        texts = {name: query_text(f"{name}.rq") for name in PER_DOCUMENT}
        spilled = SpilledRows(self._part_path(k), write=True)
        documents, facts = [], 0
        for start in starts:
            store = ox.Store()
            # lenient: the shards' terms are not checked again here (a third of the load's
            # time); the graph files are parsed from the same bytes strictly
            store.load(b"".join(gzip.decompress(path.read_bytes()) for path in self.shards[start:start + self.batch]),
                       format=ox.RdfFormat.N_QUADS, lenient=True)
            store.extend(_neighbourhood(shared, store))
            for name, text in texts.items():
                if name in PER_FACT:
                    section, owner, make = PER_FACT[name]
                    spilled.add(section, ((r[owner], make(r)) for r in _query_rows(store, text)))
                else:
                    documents.extend(_query_rows(store, text))
            facts += int(next(iter(store.query(_COUNT_FACTS, use_default_graph_as_union=True)))["n"].value)
        spilled.finish()
        spilled.close()
        return documents, facts

    def rows(self, name: str) -> list[dict[str, str]]:
        if name in PER_FACT:
            raise KeyError(f"{name}: its rows are spilled; read them with spilled()")
        return self._read()[name]

    def spilled(self) -> SpilledParts:
        self._read()
        return self._spilled

    def fact_count(self) -> int:
        self._read()
        return self._facts


# Up to this size (gzipped) the shared graph is read into memory (Oxigraph holds a quad in
# ~350 bytes: 7 MB gzipped, half a million quads, is 190 MB); above it, into a store on disk,
# which holds in memory only its caches (100,000 documents' shared graph is ~2 GB in memory).
SHARED_IN_MEMORY_BYTES = 24_000_000


def _shared_store(path: Path, folder: Path, in_memory_bytes: int | None = None):
    """A function opening the shared graph's store: the same one in memory each time, or a
    new read-only handle on a store on disk (each forked process needs its own handle: a
    RocksDB handle does not survive a fork). The gzipped file is streamed, never decompressed
    whole."""
    limit = SHARED_IN_MEMORY_BYTES if in_memory_bytes is None else in_memory_bytes
    if path.stat().st_size <= limit:
        store = ox.Store()
        with gzip.open(path) as stream:
            store.load(stream, format=ox.RdfFormat.N_QUADS)
        return lambda: store
    folder.mkdir(parents=True, exist_ok=True)
    writer = ox.Store(str(folder))
    with gzip.open(path) as stream:
        bulk_load_in_chunks(writer, stream)
    writer.flush()
    del writer
    return lambda: ox.Store.read_only(str(folder))


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


def full_key(row: dict) -> tuple:
    """Every value of a row: the last tie-breaker, so equal-looking rows keep one order
    whatever order the store gave them in."""
    return tuple(sorted((k, str(v)) for k, v in row.items()))


def _quote(r: dict[str, str]) -> dict:
    """A fact's quote in its sentence and its span in the document's text."""
    return {"doc": r["doc"], "quote": r["quote"], "before": r["prefix"], "after": r["suffix"],
            "start": int(r["start"] or 0), "end": int(r["end"] or 0)}


def _observation_row(r: dict[str, str]) -> dict:
    return {"post": r["postLabel"], "date": r["date"]} | _quote(r)


def _figure_row(r: dict[str, str]) -> dict:
    return ({k: r[k] for k in ("indicator", "value", "unit", "date")}
            | {"period": period_label(r["period"], r["periodStart"], r["periodEnd"], r["date"])} | _quote(r))


def _slogan_row(r: dict[str, str]) -> dict:
    return {k: r[k] for k in ("slogan", "kind", "date")} | _quote(r)


def _project_row(r: dict[str, str]) -> dict:
    return {k: r[k] for k in ("project", "date")} | _quote(r)


def _span_row(r: dict[str, str]) -> dict:
    return {"kind": r["kind"], "label": r["label"], "detail": r["detail"], "start": int(r["start"]), "end": int(r["end"])}


# The per-fact queries: the section of a person or unit each row goes to, the column naming
# the node it hangs on (a person; a place or organization, whose unit the overview decides;
# a document), and the view's row made from the query's row.
PER_FACT = {
    "overview_observations": ("observations", "person", _observation_row),
    "overview_figures": ("figures", "area", _figure_row),
    "overview_slogans": ("slogans", "user", _slogan_row),
    "overview_projects": ("projects", "district", _project_row),
    "overview_spans": ("spans", "doc", _span_row),
}
UNIT_SECTIONS = ("figures", "slogans", "projects")


def _tenure_key(t: dict) -> tuple:
    return (date_key(t["first"]), date_key(t["last"]), t["post"], t["personLabel"], t["person"])


# The order of each list of a person or unit; every key ends with the whole row, so the order
# does not depend on the order rows were read or written in.
ORDER = {
    "observations": lambda o: (date_key(o["date"]), o["doc"], o["start"], o["post"]) + full_key(o),
    "figures": lambda f: (date_key(f["date"]), f["doc"], f["start"], f["indicator"], f["value"]) + full_key(f),
    "slogans": lambda s: (s["slogan"], date_key(s["date"]), s["doc"], s["start"]) + full_key(s),
    "projects": lambda p: (p["project"], date_key(p["date"]), p["doc"], p["start"]) + full_key(p),
}


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
    """Units and people with their tenures. Their fact rows (a person's observations, a unit's
    figures, slogans, projects) are either in their lists or, read from a streaming build
    (`spilled`), on disk: `unit(key)` and `person(key)` give them filled, `count` their sizes."""

    people: dict[str, Person] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    moves: dict[tuple[str, str], int] = field(default_factory=dict)   # unit pair -> people in both
    aliases: dict[str, str] = field(default_factory=dict)             # organization or city -> unit
    spilled: SpilledRows | SpilledParts | None = None
    owners: dict[tuple[str, str], list[str]] = field(default_factory=dict)   # (section, person or unit) -> owners
    sizes: dict[tuple[str, str], int] = field(default_factory=dict)          # (section, person or unit) -> rows

    def unit_key(self, iri: str) -> str:
        """The unit an IRI belongs to: itself (a district), its district, or the city level."""
        for _ in range(3):        # an organization → its district → (the municipality →) the city
            if iri in self.units:
                return iri
            iri = self.aliases.get(iri, CITY)
        return CITY

    def unit_of(self, iri: str) -> Unit:
        return self.units[self.unit_key(iri)]

    def count(self, key: str, section: str) -> int:
        if self.spilled is not None:
            return self.sizes.get((section, key), 0)
        owner = self.people[key] if section == "observations" else self.units[key]
        return len(getattr(owner, section))

    def _loaded(self, section: str, key: str) -> list[dict]:
        return sorted(self.spilled.load(section, self.owners.get((section, key), ())), key=ORDER[section])

    def unit_rows(self, key: str, section: str) -> Iterable[dict]:
        """A unit's rows of `section` one at a time, in no particular order: from disk when
        spilled, so a unit's page is made without its rows all in memory."""
        if self.spilled is None:
            return iter(getattr(self.units[key], section))
        return self.spilled.stream(section, self.owners.get((section, key), ()))

    def unit(self, key: str) -> Unit:
        unit = self.units[key]
        if self.spilled is None:
            return unit
        return Unit(unit.key, unit.label, unit.kind, unit.tenures,
                    **{section: self._loaded(section, key) for section in UNIT_SECTIONS})

    def person(self, key: str) -> Person:
        person = self.people[key]
        if self.spilled is None:
            return person
        return Person(person.key, person.label, person.tenures, self._loaded("observations", key))


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
    if isinstance(g, ShardRows):
        _spilled_facts(g.spilled(), data)
    else:
        for name, (section, owner, make) in PER_FACT.items():
            if section != "spans":
                for r in rows(g, name):
                    target = _target(data, section, r[owner])
                    if target is not None:
                        getattr(target, section).append(make(r))
    return finish(data)


def _target(data: OverviewData, section: str, owner: str) -> Person | Unit | None:
    """Whose list a fact row joins: an observation its holder's (if the holder has a tenure),
    the rest their unit's."""
    return data.people.get(owner) if section == "observations" else data.unit_of(owner)


def _spilled_facts(spilled: SpilledRows | SpilledParts, data: OverviewData) -> None:
    data.spilled = spilled
    for section in ("observations",) + UNIT_SECTIONS:
        for owner, n in spilled.counts(section).items():
            target = _target(data, section, owner)
            if target is not None:
                data.owners.setdefault((section, target.key), []).append(owner)
                data.sizes[(section, target.key)] = data.sizes.get((section, target.key), 0) + n


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


def _sort(data: OverviewData) -> None:
    for person in data.people.values():
        person.tenures.sort(key=lambda t: _tenure_key(t) + full_key(t))
        person.observations.sort(key=ORDER["observations"])
    for unit in data.units.values():
        unit.tenures.sort(key=lambda t: (t["post"],) + _tenure_key(t) + full_key(t))
        for section in UNIT_SECTIONS:
            getattr(unit, section).sort(key=ORDER[section])


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


def document_facts(g: Graph) -> Mapping[str, list[dict]]:
    """{document IRI: [{kind, label, detail, start, end}]}: every extracted fact of each
    document at its character span, in text order (the document pages highlight them). From a
    streaming build, a mapping that reads a document's rows when asked for them."""
    if isinstance(g, ShardRows):
        return SpilledFacts(g.spilled())
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows(g, "overview_spans"):
        out[r["doc"]].append(_span_row(r))
    return {doc: _in_text_order(facts) for doc, facts in sorted(out.items())}


def _in_text_order(facts: list[dict]) -> list[dict]:
    """A document's facts once each, in text order."""
    unique = {tuple(f.values()): f for f in facts}
    return sorted(unique.values(), key=lambda f: (f["start"], -f["end"], f["kind"], f["label"], f["detail"]))


class SpilledFacts(Mapping):
    """document_facts of a streaming build: a document's rows read when its page is made."""

    def __init__(self, spilled: SpilledRows | SpilledParts):
        self.spilled = spilled

    def __getitem__(self, doc: str) -> list[dict]:
        facts = self.spilled.load("spans", [doc])
        if not facts:
            raise KeyError(doc)
        return _in_text_order(facts)

    def __iter__(self):
        return iter(self.spilled.counts("spans"))

    def __len__(self) -> int:
        return len(self.spilled.counts("spans"))
