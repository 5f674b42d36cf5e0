"""The corpus pass: the shared graph, from the compact corpus table alone.

It is the one step that sees the whole corpus, and it reads only small rows (corpus_table.py):
who is who (identity.py), tenures, successions and career steps (tenures.py, careers.py),
slogan and project labels by majority, and the description of every shared node
(districts, organizations, posts, roles, units, periods) once. Memory is O(people + posts +
mentions), never the graph. The output is the shared graph's sorted N-Quads lines.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from rdflib import Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, RDFS, SKOS

from cadregraph.extractors.gazetteer import gazetteer

from . import nt
from .corpus_table import CorpusTable
from .identity import MentionRow, Overrides, mentions_from_rows, resolve_identity
from .identity_graph import add_decisions
from .line_set import LineSet
from .iris import Iris
from .namespaces import CG, SCHEMA
from .nodes import T, place_block
from .partial_dates import PartialDate
from .slogans import _KIND_ORDER, KIND_TERMS
from cadregraph.extractors.slogan_facts import SLOGAN_KINDS


@dataclass
class SharedGraph:
    sorted_lines: LineSet          # the triples, on disk beside the corpus table
    name: str                      # the shared graph's IRI, as N-Triples
    officials: int
    posts: int
    observations: int

    def __len__(self) -> int:
        return len(self.sorted_lines)

    def lines(self) -> Iterator[str]:
        """The shared graph's N-Quads lines, sorted, one at a time."""
        tail = f" {self.name} .\n"
        for line in self.sorted_lines.sorted():
            yield line + tail


def term_nt(term) -> str:
    if isinstance(term, URIRef):
        return nt.iri(str(term))
    if isinstance(term, Literal):
        if term.language:
            return nt.text(str(term), term.language)
        if term.datatype is not None:
            return nt.typed(str(term), str(term.datatype))
        return nt.text(str(term))
    raise TypeError(f"not an IRI or literal: {term!r}")


class _Collector:
    """Triples from the rdflib-based helpers (static vocabularies, careers) as N-Triples."""

    def __init__(self, iris: Iris, lines: LineSet):
        self.iris = iris
        self.lines = lines
        self.out = self

    def add(self, triple) -> None:
        s, p, o = triple
        self.lines.add(f"{term_nt(s)} {term_nt(p)} {term_nt(o)}")

    def first_time(self, node) -> bool:
        return True

    def add_place(self, place):
        return self.iris.place(place.id)

    def doc_iri(self, doc_id: str):
        return self.iris.document(doc_id)


def shared_graph(table: CorpusTable, iris: Iris, identity_file: Path | None = None) -> SharedGraph:
    out = _Collector(iris, LineSet(table.db))
    for place in gazetteer().places:
        out.lines.update(_block_lines(place_block(str(iris.place(place.id)), place)))
    _nodes(table, out)
    if table.count("SELECT count(*) FROM metrics"):
        from .metrics import _add_dataset

        _add_dataset(out)
    _slogans(table, out)
    _projects(table, out)
    people, posts, observations = _holdings(table, out, identity_file)
    return SharedGraph(out.lines, nt.iri(iris.base + "graph/shared"), people, posts, observations)


def _block_lines(block: str) -> list[str]:
    return [line[:-2].rstrip() for line in block.splitlines() if line]


def _nodes(table: CorpusTable, out: _Collector) -> None:
    done: set[str] = set()
    for _doc, iri, block in table.db.execute("SELECT doc_id, iri, block FROM nodes ORDER BY iri, doc_id"):
        if iri not in done:
            done.add(iri)
            out.lines.update(_block_lines(block))


def _slogans(table: CorpusTable, out: _Collector) -> None:
    if not table.count("SELECT count(*) FROM slogans"):
        return
    from .slogans import _add_scheme

    scheme = term_nt(_add_scheme(out))
    forms: dict[str, Counter] = {}
    kinds: dict[str, Counter] = {}
    traditional: dict[str, set] = {}
    for key, text, kind, original, n in table.db.execute(
            "SELECT key, text, kind, original, count(*) FROM slogans GROUP BY key, text, kind, original"):
        forms.setdefault(key, Counter())[text] += n
        kinds.setdefault(key, Counter())[kind] += n
        if original:
            traditional.setdefault(key, set()).add(original)
    add = out.lines.add
    for key in sorted(forms):
        s = nt.iri(str(out.iris.concept("slogan", key)))
        counts = kinds[key]
        kind = min(counts, key=lambda k: (-counts[k], _KIND_ORDER.index(k)))
        label = min(forms[key], key=lambda t: (-forms[key][t], len(t), t))
        # One type: a cg:Slogan is a skos:Concept by its class; and skos:prefLabel is an
        # rdfs:label by SKOS, so the label is not written twice.
        add(f"{s} {T['type']} {nt.iri(CG.Slogan) if kind in SLOGAN_KINDS else T['Concept']}")
        add(f"{s} {T['inScheme']} {scheme}")
        add(f"{s} {T['prefLabel']} {nt.zh(label)}")
        for form in forms[key]:
            if form != label:
                add(f"{s} {T['altLabel']} {nt.zh(form)}")
        for form in traditional.get(key, ()):
            add(f"{s} {T['altLabel']} {nt.text(form, 'zh-Hant')}")
        add(f"{s} {nt.iri(CG.sloganKind)} {nt.iri(KIND_TERMS[kind][0])}")
    # No unit → slogan shortcut (the former cg:usesSlogan): every cg:SloganUse's cg:user and
    # cg:slogan already say it (`?use cg:user ?unit ; cg:slogan ?slogan`).


def _projects(table: CorpusTable, out: _Collector) -> None:
    groups: dict[tuple[str, str], list[tuple]] = {}
    for _doc, _seq, district_id, key, name, kind, district in table.db.execute(
            "SELECT doc_id, seq, district_id, key, name, type, district FROM projects ORDER BY doc_id, seq"):
        groups.setdefault((district_id, key), []).append((name, kind, district))
    add = out.lines.add
    for (district_id, key), group in groups.items():
        s = nt.iri(str(out.iris.concept("project", f"{district_id}|{key}")))
        names = Counter(g[0] for g in group)
        types = Counter(g[1] for g in group)
        label = min(names, key=lambda n: (-names[n], -len(n), n))
        add(f"{s} {T['type']} {nt.iri(CG.Project)}")      # a schema:Place by its class (ontology)
        add(f"{s} {T['label']} {nt.zh(label)}")
        for name in names:
            if name != label:
                add(f"{s} {T['altLabel']} {nt.zh(name)}")
        add(f"{s} {T['kind']} {nt.text(min(types, key=lambda t: (-types[t], t)))}")
        if group[0][2]:
            add(f"{s} {T['district']} {nt.iri(group[0][2])}")


def _holdings(table: CorpusTable, out: _Collector, identity_file: Path | None) -> tuple[int, int, int]:
    rows = list(table.db.execute("SELECT doc_id, name, post_key, org_key, district_id, obs, post, org, role, "
                                 "role_label, date, status, place, single, post_label, quote, place_iri "
                                 "FROM holdings ORDER BY doc_id, rowid"))
    mention_rows = [MentionRow(r[1], r[2], r[12], r[10] or None, r[0], r[11], bool(r[13]), r[3], r[4], r[14], r[15])
                    for r in rows]
    resolution = resolve_identity(mentions_from_rows(mention_rows), Overrides.load(identity_file))
    people = resolution.people
    add, iris = out.lines.add, out.iris
    person_iri: dict[tuple[str, str], str] = {}
    described: set[str] = set()
    for key, person in people.items():
        s = nt.iri(str(iris.person(person.key)))
        person_iri[key] = s
        if s in described:
            continue
        described.add(s)
        add(f"{s} {T['type']} {nt.iri(FOAF.Person)}")
        add(f"{s} {T['type']} {nt.iri(SCHEMA.Person)}")
        add(f"{s} {T['label']} {nt.zh(person.label)}")      # foaf:name is an rdfs:label: not repeated
        for name in person.names:
            if name != person.label:
                add(f"{s} {T['altLabel']} {nt.zh(name)}")
        for reason in person.merge_reasons:
            add(f"{s} {nt.iri(CG.mergeReason)} {nt.text(reason)}")
    sightings, posts = [], {}
    observations: dict[tuple[str, str], list[URIRef]] = {}
    for doc_id, name, _pk, _ok, _d, obs, post, org, role, role_label, date, status, *_, place_iri in rows:
        person = person_iri[(name, doc_id)]
        add(f"{nt.iri(obs)} {nt.iri(CG.holder)} {person}")
        add(f"{person} {nt.iri(ORG.holds)} {nt.iri(post)}")
        add(f"{nt.iri(post)} {nt.iri(ORG.heldBy)} {person}")
        observations.setdefault((name, doc_id), []).append(URIRef(obs))
        sightings.append((obs, person[1:-1], post, str(iris.document(doc_id)), date, status))
        info = posts.setdefault(post, {"org": URIRef(org), "role": URIRef(role), "place": place_iri, "labels": set()})
        info["labels"].add(role_label)
    add_decisions(out, resolution, observations)
    _careers(out, sightings, posts)
    return len(described), len(posts), len(rows)


def _careers(out: _Collector, rows: list[tuple], posts: dict[str, dict]) -> None:
    from .careers import career_triples
    from .tenures import Sighting

    for info in posts.values():
        info["role_label"] = min(info.pop("labels"))
    sightings = [Sighting(obs, person, post, doc, PartialDate.parse(date or None), status)
                 for obs, person, post, doc, date, status in sorted(rows)]
    for triple in career_triples(SimpleNamespace(iris=out.iris), sightings, posts):
        out.add(triple)


_ = (RDF, RDFS, SKOS)
