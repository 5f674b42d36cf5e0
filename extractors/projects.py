"""Projects: named projects, parks, bases, centres, platforms, hubs, ports, stations, railways,
expressways, bridges, reservoirs and campuses (project_names.py finds the names), each with
the district it is in.

The district: in a district's section or outside every section, one the name itself holds
(潼南东兴大桥, 璧山高新区), else the section's district; a city department's section gives the
city (江北机场入境服务中心 is the city's, not 江北区's); outside every section (photo captions),
the one district the sentence names (units.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from .base import Extractor, NamedPattern
from .facts import Organization, Place, PreparedDocument
from .project_names import Candidate, find_candidates, lexicon
from .slogan_facts import ProjectMention
from .units import UnitResolver

_KEY_DROP = regex.compile(r"[\s‘’“”「」『』\"']")
_KEY_FOLD = str.maketrans({"（": "(", "）": ")", "—": "-", "－": "-", "–": "-"})


def project_key(name: str) -> str:
    return _KEY_DROP.sub("", name).translate(_KEY_FOLD)


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
        district = _district(doc, resolver, cand, unit)
        return ProjectMention(cand.name, project_key(cand.name), cand.type, district, unit,
                              doc.evidence(*resolver.clause(cand.start, cand.evidence_end), cand.rule),
                              doc.evidence(cand.start, cand.evidence_end, cand.rule))


def _district(doc: PreparedDocument, resolver: UnitResolver, cand: Candidate, unit) -> Place | None:
    own = unit if isinstance(unit, Place) else None
    named = resolver.places_in(cand.start, cand.end)
    if named and (own is not None or unit is None):
        return own if own in named else named[0]
    if own is not None:
        return own
    if isinstance(unit, Organization):
        place = unit.place
        while place is None and unit.parent is not None:
            unit = unit.parent
            place = unit.place
        return place if place is not None else doc.city
    return None
