"""What networkx tells about slogans, units and careers in a built graph.

- Diffusion: for each slogan, the units in the order they were first seen using it (by
  document date; documents without a date come last), most widely used slogans first.
- The unit–slogan network: a bipartite graph (an edge per unit and slogan it uses, weighted by
  the number of documents); its most central slogans and units by degree centrality and
  betweenness, and the pairs of units that share the most slogans.
- Careers: every official's posts in date order from the post observations; officials who
  moved between units (districts, or city departments) and the slogans of the units they led,
  with the ones seen while they were there and the ones that went with them from one unit
  to the next.
Everything is sorted, so the same graph gives the same analysis.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from importlib import resources

import networkx as nx
from rdflib import Graph

NO_DATE = "9999"          # sorts documents without a date after every dated one


@dataclass(frozen=True)
class Use:
    slogan: str
    kind: str
    unit: str              # IRI
    unit_label: str
    document: str
    date: str
    evidence: str


@dataclass(frozen=True)
class Step:
    date: str
    post: str
    unit: str
    unit_label: str
    document: str
    leads: bool = True     # the unit is a district or a department, not a city-level seat

@dataclass
class Central:
    label: str
    degree: int
    degree_centrality: float
    betweenness: float


@dataclass
class Mover:
    person: str
    units: list[str]                                   # unit labels in the order first held
    steps: list[Step]
    slogans: dict[str, list[tuple[str, str, str, bool]]] = field(default_factory=dict)
    carried: list[tuple[str, str, str]] = field(default_factory=list)   # slogan, from, to


@dataclass
class Analysis:
    uses: list[Use]
    diffusion: dict[str, list[tuple[str, str, str]]]  # slogan → (unit, first date, document), in order
    slogans: list[Central]
    units: list[Central]
    pairs: list[tuple[str, str, int, list[str]]]
    careers: dict[str, list[Step]]
    movers: list[Mover]


def query_text(name: str) -> str:
    return resources.files("cadregraph.graph").joinpath("queries", name).read_text("utf-8")


def _date(value) -> str:
    return str(value) if value is not None else ""


def _key(date: str) -> str:
    return date or NO_DATE


def slogan_uses(g: Graph) -> list[Use]:
    return [Use(str(r.slogan), str(r.kind), str(r.unit), str(r.unitLabel), str(r.document), _date(r.date),
                str(r.evidence)) for r in g.query(query_text("analysis_slogan_uses.rq"))]


def diffusion(uses: list[Use]) -> dict[str, list[tuple[str, str, str]]]:
    first: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for u in sorted(uses, key=lambda u: (_key(u.date), u.document, u.unit_label)):
        first[u.slogan].setdefault(u.unit_label, (u.date, u.document))
    out = {slogan: sorted(((unit, d, doc) for unit, (d, doc) in by_unit.items()), key=lambda t: (_key(t[1]), t[2], t[0]))
           for slogan, by_unit in first.items()}
    return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), _key(kv[1][0][1]), kv[0])))


def network(uses: list[Use]) -> nx.Graph:
    """Bipartite: ("slogan", label) and ("unit", label) nodes; weight = documents."""
    b = nx.Graph()
    docs: dict[tuple, set[str]] = defaultdict(set)
    for u in uses:
        docs[(("slogan", u.slogan), ("unit", u.unit_label))].add(u.document)
    for (s, unit), ds in sorted(docs.items()):
        b.add_node(s, bipartite=0)
        b.add_node(unit, bipartite=1)
        b.add_edge(s, unit, weight=len(ds))
    return b


def centrality(b: nx.Graph, side: str, top: int) -> list[Central]:
    nodes = sorted(n for n in b if n[0] == side)
    if not nodes:
        return []
    degree = nx.bipartite.degree_centrality(b, nodes)
    between = nx.betweenness_centrality(b, normalized=True)
    ranked = sorted(nodes, key=lambda n: (-degree[n], -between[n], n[1]))
    return [Central(n[1], b.degree(n), round(degree[n], 4), round(between[n], 4)) for n in ranked[:top]]


def shared_pairs(b: nx.Graph, top: int) -> list[tuple[str, str, int, list[str]]]:
    units = sorted(n for n in b if n[0] == "unit")
    projected = nx.bipartite.weighted_projected_graph(b, units)
    pairs = []
    for a, c, data in projected.edges(data=True):
        x, y = sorted((a[1], c[1]))
        common = sorted(s[1] for s in set(b[a]) & set(b[c]))
        pairs.append((x, y, data["weight"], common))
    return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))[:top]


def careers(g: Graph) -> dict[str, list[Step]]:
    out: dict[str, list[Step]] = defaultdict(list)
    for r in g.query(query_text("analysis_post_observations.rq")):
        leads = bool(r.isDistrict) or str(r.unitKind or "") == "department"
        out[str(r.personLabel)].append(Step(_date(r.date), str(r.postLabel), str(r.unit), str(r.unitLabel),
                                            str(r.document), leads))
    return {p: sorted(set(s), key=lambda s: (_key(s.date), s.document, s.post)) for p, s in sorted(out.items())}


def movers(all_careers: dict[str, list[Step]], uses: list[Use]) -> list[Mover]:
    by_unit: dict[str, list[Use]] = defaultdict(list)
    for u in uses:
        by_unit[u.unit].append(u)
    out = []
    for person, steps in all_careers.items():
        # Concurrent city-level seats (市委常委, 市人大代表) are not moves.
        steps = [s for s in steps if s.leads]
        per_doc: dict[str, set[str]] = defaultdict(set)
        for s in steps:
            per_doc[s.document].add(s.unit)
        held = list(dict.fromkeys(s.unit for s in steps))
        if len(held) < 2 or any(units == set(held) for units in per_doc.values()):
            continue
        out.append(_mover(person, steps, held, by_unit))
    return out


def _mover(person: str, steps: list[Step], held: list[str], by_unit: dict[str, list[Use]]) -> Mover:
    labels = {s.unit: s.unit_label for s in steps}
    docs_there = {(s.unit, s.document) for s in steps}
    mover = Mover(person, [labels[u] for u in held], steps)
    for unit in held:
        rows = sorted({(u.slogan, u.date, u.document, (unit, u.document) in docs_there) for u in by_unit[unit]},
                      key=lambda r: (_key(r[1]), r[2], r[0]))
        mover.slogans[labels[unit]] = rows
    for earlier, later in zip(held, held[1:]):
        before = {u.slogan for u in by_unit[earlier]}
        after = {u.slogan for u in by_unit[later]}
        mover.carried.extend((s, labels[earlier], labels[later]) for s in sorted(before & after))
    return mover


def analyse(g: Graph, top: int = 10) -> Analysis:
    uses = slogan_uses(g)
    b = network(uses)
    all_careers = careers(g)
    return Analysis(uses, diffusion(uses), centrality(b, "slogan", top), centrality(b, "unit", top),
                    shared_pairs(b, top), all_careers, movers(all_careers, uses))
