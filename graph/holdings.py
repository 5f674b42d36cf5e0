"""Holdings to RDF: people, posts, organizations, roles (W3C ORG) and one qualified
observation per (person, post, document) with date, status, evidence and provenance."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, RDFS, SKOS

from cadregraph.extractors.facts import Holding, Organization, Post
from cadregraph.extractors.lexicon import table

from .identity import Mention, Overrides, resolve_people
from .literals import date_literal
from .namespaces import CG, SCHEMA, STATUSES


def add_holdings(ctx, holdings: list[Holding]) -> None:
    holdings = _first_per_observation(holdings)
    people = resolve_people(_mentions(ctx, holdings), Overrides.load(ctx.options.get("identity_file")))
    role_rows = {row["label"]: row for row in table("roles.tsv")}
    for h in holdings:
        person = people[(h.person, h.evidence.doc_id)]
        person_iri = ctx.iris.person(person.key)
        _add_person(ctx, person_iri, person)
        post_iri = _add_post(ctx, h.post, role_rows)
        ctx.out.add((person_iri, ORG.holds, post_iri))
        ctx.out.add((post_iri, ORG.heldBy, person_iri))
        _add_observation(ctx, h, person_iri, post_iri, person.label)


def _first_per_observation(holdings: list[Holding]) -> list[Holding]:
    seen, out = set(), []
    for h in holdings:
        key = (h.evidence.doc_id, h.person, h.post.key)
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


def _mentions(ctx, holdings: list[Holding]) -> list[Mention]:
    grouped: dict[tuple[str, str], list[Holding]] = {}
    for h in holdings:
        grouped.setdefault((h.person, h.evidence.doc_id), []).append(h)
    mentions = []
    for (name, doc_id), hs in grouped.items():
        posts = [h.post for h in hs]
        mentions.append(Mention(
            name, doc_id, ctx.doc_date(doc_id).value,
            frozenset(p.key for p in posts),
            frozenset((p.org.parent or p.org).key for p in posts if (p.org.parent or p.org).kind not in ("central",)),
            frozenset(p.district.id for p in posts if p.district is not None),
        ))
    return mentions


def _add_person(ctx, iri: URIRef, person) -> None:
    g = ctx.out
    if not ctx.first_time(iri):
        return
    g.add((iri, RDF.type, FOAF.Person))
    g.add((iri, RDF.type, SCHEMA.Person))
    g.add((iri, RDFS.label, Literal(person.label, lang="zh")))
    g.add((iri, FOAF.name, Literal(person.label, lang="zh")))
    for name in person.names:
        if name != person.label:
            g.add((iri, SKOS.altLabel, Literal(name, lang="zh")))
    for reason in person.merge_reasons:
        g.add((iri, CG.mergeReason, Literal(reason)))


def _add_org(ctx, org: Organization) -> URIRef:
    g = ctx.out
    iri = ctx.iris.organization(org.key)
    if not ctx.first_time(iri):
        return iri
    g.add((iri, RDF.type, ORG.Organization))
    g.add((iri, RDFS.label, Literal(org.label, lang="zh")))
    g.add((iri, CG.kind, Literal(org.kind)))
    if org.place is not None:
        g.add((iri, CG.district, ctx.add_place(org.place)))
    if org.parent is not None:
        g.add((iri, ORG.subOrganizationOf, _add_org(ctx, org.parent)))
    return iri


def _add_post(ctx, post: Post, role_rows) -> URIRef:
    g = ctx.out
    iri = ctx.iris.post(post.key)
    if not ctx.first_time(iri):
        return iri
    org_iri = _add_org(ctx, post.org)
    role_iri = ctx.iris.role(post.role_id)
    g.add((iri, RDF.type, ORG.Post))
    g.add((iri, RDFS.label, Literal(post.label, lang="zh")))
    g.add((iri, ORG.postIn, org_iri))
    g.add((iri, ORG.role, role_iri))
    if post.district is not None:
        g.add((iri, CG.district, ctx.add_place(post.district)))
    g.add((role_iri, RDF.type, ORG.Role))
    g.add((role_iri, RDF.type, SKOS.Concept))
    g.add((role_iri, RDFS.label, Literal(post.role, lang="zh")))
    row = role_rows.get(post.role)
    if row:
        g.add((role_iri, RDFS.label, Literal(row["label_en"], lang="en")))
    return iri


def _add_observation(ctx, h: Holding, person_iri: URIRef, post_iri: URIRef, label: str) -> None:
    g = ctx.out
    doc_iri = ctx.doc_iri(h.evidence.doc_id)
    obs = ctx.iris.observation("holding", str(doc_iri), str(person_iri), str(post_iri))
    g.add((obs, RDF.type, CG.PostObservation))
    g.add((obs, CG.holder, person_iri))
    g.add((obs, CG.post, post_iri))
    g.add((obs, CG.postAsWritten, Literal(h.post_as_written, lang="zh")))
    written = h.person_as_written or h.person
    if written != label:        # the merged person's label is another form: keep this document's
        g.add((obs, CG.holderAsWritten, Literal(written, lang="zh")))
    g.add((obs, CG.status, STATUSES[h.status]))
    if h.concurrent:
        g.add((obs, CG.concurrent, Literal(True)))
    date = h.date or ctx.doc_date(h.evidence.doc_id).value
    if h.date:
        g.add((obs, CG.sentenceDate, date_literal(h.date)))
    if date:
        g.add((obs, DCTERMS.date, date_literal(date)))
    ctx.add_evidence(obs, h.evidence)
