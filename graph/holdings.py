"""Holdings to RDF: people, posts, organizations, roles (W3C ORG) and one qualified
observation per (person, post, document) with date, status, the name as the document writes
it (`cg:nameAsWritten`), evidence and provenance.

Who is who is decided by `identity.resolve_identity` over plain `MentionRow`s
(`mention_rows`: name, post key, place, date, document, status, one-holder or not, quote), the
table a streaming build keeps per document; its decisions are written by `identity_graph`."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, RDFS, SKOS

from cadregraph.extractors.facts import Holding, Organization, Post
from cadregraph.extractors.lexicon import table

from .identity import MentionRow, Overrides, mentions_from_rows, resolve_identity
from .identity_graph import add_decisions
from .literals import date_literal
from .namespaces import CG, SCHEMA, STATUSES
from .tenures import role_kind


def add_holdings(ctx, holdings: list[Holding]) -> None:
    holdings = _first_per_observation(holdings)
    resolution = resolve_identity(mentions_from_rows(mention_rows(ctx, holdings)),
                                  Overrides.load(ctx.options.get("identity_file")))
    people = resolution.people
    role_rows = {row["label"]: row for row in table("roles.tsv")}
    observations: dict[tuple[str, str], list[URIRef]] = {}
    for h in holdings:
        person = people[(h.person, h.evidence.doc_id)]
        person_iri = ctx.iris.person(person.key)
        _add_person(ctx, person_iri, person)
        post_iri = _add_post(ctx, h.post, role_rows)
        ctx.out.add((person_iri, ORG.holds, post_iri))
        ctx.out.add((post_iri, ORG.heldBy, person_iri))
        obs = _add_observation(ctx, h, person_iri, post_iri)
        observations.setdefault((h.person, h.evidence.doc_id), []).append(obs)
    add_decisions(ctx, resolution, observations)


def _first_per_observation(holdings: list[Holding]) -> list[Holding]:
    seen, out = set(), []
    for h in holdings:
        key = (h.evidence.doc_id, h.person, h.post.key)
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


def mention_rows(ctx, holdings: list[Holding]) -> list[MentionRow]:
    """One plain row per observation, the input of the corpus-wide identity pass."""
    rows = []
    for h in holdings:
        p, doc_id = h.post, h.evidence.doc_id
        top = p.org.parent or p.org
        rows.append(MentionRow(
            h.person, p.key, p.district.id if p.district is not None else top.key,
            h.date or ctx.doc_date(doc_id).value, doc_id, h.status, role_kind(p.role) == "single",
            top.key if top.kind != "central" else "", p.district.id if p.district is not None else "",
            p.label, h.evidence.quote))
    return rows


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


def _add_observation(ctx, h: Holding, person_iri: URIRef, post_iri: URIRef) -> URIRef:
    g = ctx.out
    doc_iri = ctx.doc_iri(h.evidence.doc_id)
    obs = ctx.iris.observation("holding", str(doc_iri), str(person_iri), str(post_iri))
    g.add((obs, RDF.type, CG.PostObservation))
    g.add((obs, CG.holder, person_iri))
    g.add((obs, CG.post, post_iri))
    g.add((obs, CG.postAsWritten, Literal(h.post_as_written, lang="zh")))
    g.add((obs, CG.nameAsWritten, Literal(h.person_as_written or h.person, lang="zh")))
    g.add((obs, CG.status, STATUSES[h.status]))
    if h.concurrent:
        g.add((obs, CG.concurrent, Literal(True)))
    date = h.date or ctx.doc_date(h.evidence.doc_id).value
    if h.date:
        g.add((obs, CG.sentenceDate, date_literal(h.date)))
    if date:
        g.add((obs, DCTERMS.date, date_literal(date)))
    ctx.add_evidence(obs, h.evidence)
    return obs
