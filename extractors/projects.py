"""Projects: named projects, parks, bases, centres, platforms, hubs, ports, stations, railways,
expressways, bridges, reservoirs and campuses (project_names.py finds the names), each with
the district it is in.

The district: in a district's section or outside every section, one the name itself holds
(潼南东兴大桥, 璧山高新区), else the section's district; a city department's section gives the
city (江北机场入境服务中心 is the city's, not 江北区's); outside every section (photo captions),
the one district the sentence names (units.py); a name opening with a bare 区/县 (区商务中心)
is in the document's own district.

A project is one however it is written: its key leaves out the district's own name and a bare
level word in front (璧山高新区 = 高新区 in 璧山区, 区商务中心 = 南川区商务中心) and folds the
forms of a park's kind (国家高新区 = 高新区, `project_name_forms.tsv`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex

from .base import Extractor, NamedPattern
from .facts import Organization, Place, PreparedDocument
from .gazetteer import gazetteer
from .lexicon import table
from .project_names import Candidate, find_candidates, lexicon
from .slogan_facts import ProjectMention
from .units import UnitResolver

_KEY_DROP = regex.compile(r"[\s‘’“”「」『』\"']")
_KEY_FOLD = str.maketrans({"（": "(", "）": ")", "—": "-", "－": "-", "–": "-"})


MIN_KEY = 2                 # characters a key keeps after its district's name is left out
_LEVELS = "区县市"


def project_key(name: str, district: Place | None = None) -> str:
    """What identifies a project within its district: the name without marks, spaces, the
    district's own name or a bare level word in front, with a park's kind folded."""
    key = _KEY_DROP.sub("", name).translate(_KEY_FOLD)
    for written, folded in _name_forms():
        if key.endswith(written):
            key = key[:-len(written)] + folded
            break
    return _without_own_place(key, district) if district is not None else key


@lru_cache(maxsize=1)
def _name_forms() -> tuple[tuple[str, str], ...]:
    rows = table("project_name_forms.tsv")
    return tuple(sorted(((r["written"], r["folded"]) for r in rows), key=lambda p: -len(p[0])))


def _without_own_place(key: str, district: Place) -> str:
    for forms in _own_forms(district):
        for form in forms:
            if form and key.startswith(form) and len(key) - len(form) >= MIN_KEY:
                key = key[len(form):]
                break
    if key[:1] == district.name[-1:] and key[:1] in _LEVELS and len(key) > MIN_KEY + 1:
        key = key[1:]                     # 区商务中心 in a district's own news
    return key


@lru_cache(maxsize=1024)
def _own_forms(district: Place) -> tuple[tuple[str, ...], ...]:
    """The forms of the district and of each place above it, outermost first, longest form
    first: worked out once per district, not for every project in it."""
    gaz = gazetteer()
    return tuple(tuple(sorted({place.name, *place.short_names}, key=len, reverse=True))
                 for place in (*reversed(gaz.ancestors(district)), district))


class ProjectsExtractor(Extractor):
    name = "projects"
    emits = ("Project", "ProjectMention", "project", "reportedBy", "district", "kind", "evidence", "rule",
             "schema:Place", "skos:altLabel", "oa:refinedBy")

    def patterns(self) -> Iterable[NamedPattern]:
        return [NamedPattern("head", lexicon().head_pattern)]

    def extract(self, doc: PreparedDocument) -> Iterator:
        resolver = UnitResolver(doc)
        for cand in find_candidates(doc.norm.text):
            yield self.fact(doc, resolver, cand)

    def facts_from_match(self, doc, pattern, match):  # the finder works on the whole text
        raise NotImplementedError("ProjectsExtractor.extract runs project_names.find_candidates")

    def fact(self, doc: PreparedDocument, resolver: UnitResolver, cand: Candidate) -> ProjectMention:
        unit, _how = resolver.unit_at(cand.start, groups=False)
        district = _district(doc, resolver, cand, unit) or _bare_level_district(resolver, cand.name)
        return ProjectMention(cand.name, project_key(cand.name, district), cand.type, district, unit,
                              doc.evidence(*resolver.clause(cand.start, cand.evidence_end), cand.rule),
                              doc.evidence(cand.start, cand.evidence_end, cand.rule))


def _bare_level_district(resolver: UnitResolver, name: str) -> Place | None:
    """区商务中心, 县人民医院: a bare level word in front is the document's own district."""
    own = resolver.document_unit() if name[:1] in _LEVELS else None
    return own if own is not None and own.name.endswith(name[0]) and own.kind != "municipality" else None


def _district(doc: PreparedDocument, resolver: UnitResolver, cand: Candidate, unit) -> Place | None:
    if isinstance(unit, Organization):     # a department's project is its place's, whatever it names
        place = unit.place
        while place is None and unit.parent is not None:
            unit = unit.parent
            place = unit.place
        return place if place is not None else doc.city
    own = unit if isinstance(unit, Place) else None
    named = resolver.places_in(cand.start, cand.end)
    if named and (own is not None or unit is None):
        return own if own in named else named[0]
    return own
