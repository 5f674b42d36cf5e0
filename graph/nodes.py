"""Descriptions of the nodes documents share — districts, organizations, posts, roles, units,
months and periods — as blocks of N-Triples lines, keyed by the node's IRI.

A document's writer (shard.py) hands each block to the corpus table instead of its own named
graph: the same district or post is described once, in the shared graph, whichever documents
name it. A block is a function of the node's key alone, so any document gives the same one.
"""
from __future__ import annotations

from functools import lru_cache

from rdflib.namespace import ORG, RDF, RDFS, SKOS, TIME

from cadregraph.extractors.facts import Organization, Place, Post
from cadregraph.extractors.lexicon import table

from . import nt
from .iris import Iris
from .namespaces import CG, SCHEMA

T = {name: nt.iri(term) for name, term in {
    "type": RDF.type, "label": RDFS.label, "prefLabel": SKOS.prefLabel, "altLabel": SKOS.altLabel,
    "notation": SKOS.notation, "inScheme": SKOS.inScheme, "Concept": SKOS.Concept,
    "ConceptScheme": SKOS.ConceptScheme, "District": CG.District, "AdminArea": SCHEMA.AdministrativeArea,
    "kind": CG.kind, "district": CG.district, "Organization": ORG.Organization,
    "subOrganizationOf": ORG.subOrganizationOf, "Post": ORG.Post, "postIn": ORG.postIn, "role": ORG.role,
    "Role": ORG.Role, "Indicator": CG.Indicator, "UnitOfMeasure": CG.UnitOfMeasure,
    "Instant": TIME.Instant, "inXSDgYearMonth": TIME.inXSDgYearMonth, "ProperInterval": TIME.ProperInterval,
    "Interval": TIME.Interval, "hasBeginning": TIME.hasBeginning, "hasEnd": TIME.hasEnd,
}.items()}


@lru_cache(maxsize=1)
def _roles() -> dict[str, dict]:
    return {row["label"]: row for row in table("roles.tsv")}


class NodeBlocks:
    """Collects the blocks one document needs: `emit(iri, lines)` once per node."""

    def __init__(self, iris: Iris):
        self.iris = iris
        self.blocks: dict[str, str] = {}

    def _new(self, iri: str) -> bool:
        return iri not in self.blocks

    def place(self, place: Place) -> str:
        iri = str(self.iris.place(place.id))
        if self._new(iri):
            self.blocks[iri] = place_block(iri, place)
        return iri

    def org(self, org: Organization) -> str:
        iri = str(self.iris.organization(org.key))
        if not self._new(iri):
            return iri
        s, t = nt.iri(iri), nt.triple
        lines = [t(s, T["type"], T["Organization"]), t(s, T["label"], nt.zh(org.label)),
                 t(s, T["kind"], nt.text(org.kind))]
        self.blocks[iri] = ""          # parents may refer back; reserve the key first
        if org.place is not None:
            lines.append(t(s, T["district"], nt.iri(self.place(org.place))))
        if org.parent is not None:
            lines.append(t(s, T["subOrganizationOf"], nt.iri(self.org(org.parent))))
        self.blocks[iri] = "".join(lines)
        return iri

    def post(self, post: Post) -> str:
        iri = str(self.iris.post(post.key))
        if not self._new(iri):
            return iri
        self.blocks[iri] = ""
        s, t = nt.iri(iri), nt.triple
        role = nt.iri(str(self.iris.role(post.role_id)))
        lines = [t(s, T["type"], T["Post"]), t(s, T["label"], nt.zh(post.label)),
                 t(s, T["postIn"], nt.iri(self.org(post.org))), t(s, T["role"], role)]
        if post.district is not None:
            lines.append(t(s, T["district"], nt.iri(self.place(post.district))))
        self.blocks[iri] = "".join(lines)
        # The role is its own node: the first post naming it describes it.
        role_iri = role[1:-1]
        if self._new(role_iri):
            rl = [t(role, T["type"], T["Role"]), t(role, T["type"], T["Concept"]), t(role, T["label"], nt.zh(post.role))]
            row = _roles().get(post.role)
            if row:
                rl.append(t(role, T["label"], nt.text(row["label_en"], "en")))
            self.blocks[role_iri] = "".join(rl)
        return iri

    def unit(self, unit) -> str:
        iri = str(self.iris.concept("unit", unit.id))
        if self._new(iri):
            s, t = nt.iri(iri), nt.triple
            lines = [t(s, T["type"], T["UnitOfMeasure"]), t(s, T["type"], T["Concept"]),
                     t(s, T["inScheme"], nt.iri(str(self.iris.concept("scheme", "units")))),
                     t(s, T["notation"], nt.text(unit.id))]
            for label in (nt.zh(unit.canonical), nt.text(unit.label_en, "en")):
                lines += [t(s, T["prefLabel"], label), t(s, T["label"], label)]
            self.blocks[iri] = "".join(lines)
        return iri

    def indicator_as_written(self, metric: str) -> str:
        iri = str(self.iris.concept("indicator", "as-written/" + metric))
        if self._new(iri):
            s, t = nt.iri(iri), nt.triple
            scheme = nt.iri(str(self.iris.concept("scheme", "indicators-as-written")))
            self.blocks[iri] = "".join([
                t(scheme, T["type"], T["ConceptScheme"]),
                t(scheme, T["label"], nt.text("Metrics as written, outside the controlled indicators", "en")),
                t(scheme, T["label"], nt.zh("未归入受控指标的原文指标")),
                # a cg:Indicator is a skos:Concept, and a skos:prefLabel an rdfs:label: not written twice
                t(s, T["type"], T["Indicator"]), t(s, T["inScheme"], scheme), t(s, T["prefLabel"], nt.zh(metric))])
        return iri

    def month(self, month: str) -> str:
        iri = str(self.iris.concept("month", month))
        if self._new(iri):
            s = nt.iri(iri)
            self.blocks[iri] = nt.triple(s, T["type"], T["Instant"]) + nt.triple(s, T["inXSDgYearMonth"], nt.date(month))
        return iri

    def interval(self, start: str, end: str) -> str:
        iri = str(self.iris.concept("period", f"{start}_{end}"))
        if self._new(iri):
            s, t = nt.iri(iri), nt.triple
            self.blocks[iri] = "".join([
                t(s, T["type"], T["ProperInterval"]),         # a time:Interval by OWL-Time's subclass
                t(s, T["label"], nt.text(f"{start}/{end}")),
                t(s, T["hasBeginning"], nt.iri(self.month(start))), t(s, T["hasEnd"], nt.iri(self.month(end)))])
        return iri


def place_block(iri: str, place: Place) -> str:
    s, t = nt.iri(iri), nt.triple
    # a schema:AdministrativeArea by its class (ontology/cadregraph.ttl)
    lines = [t(s, T["type"], T["District"]),
             t(s, T["label"], nt.zh(place.name)), t(s, T["prefLabel"], nt.zh(place.name))]
    if place.name_en:
        lines.append(t(s, T["label"], nt.text(place.name_en, "en")))
    lines += [t(s, T["altLabel"], nt.zh(alt)) for alt in place.short_names]
    if place.code:
        lines.append(t(s, T["notation"], nt.text(place.code)))
    lines.append(t(s, T["kind"], nt.text(place.kind)))
    return "".join(lines)
