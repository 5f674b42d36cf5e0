"""Slogan uses to RDF: one skos:Concept per slogan in a concept scheme, its kind as a concept,
and one cg:SloganUse per (unit, slogan, document) with date, occurrences and evidence.

Only numbered formulations, catchphrases and brand names are typed cg:Slogan; emphasis, titles
and quoted speech stay in the scheme with their kind, so questions about slogans can leave
them out."""
from __future__ import annotations

from collections import Counter, defaultdict

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from cadregraph.extractors.facts import Evidence

from cadregraph.extractors.facts import Organization, Place
from cadregraph.extractors.slogan_facts import SLOGAN_KINDS, SloganUse

from .holdings import _add_org
from .literals import date_literal, offset_literal
from .namespaces import CG, OA, PROV

# The kinds as concepts (declared in ontology/slogans.ttl), with the short code tables print.
KIND_TERMS = {
    "numbered": (CG.NumberedFormulation, "numbered formulation", "数字化提法"),
    "catchphrase": (CG.Catchphrase, "catchphrase", "政策口号"),
    "brand": (CG.BrandName, "brand or programme name", "品牌名称"),
    "emphasis": (CG.Emphasis, "emphasis", "强调用语"),
    "honour": (CG.HonoraryTitle, "honorary title", "荣誉称号"),
    "title": (CG.DocumentTitle, "title of a document", "文件标题"),
    "speech": (CG.QuotedSpeech, "quoted speech", "引语"),
}

# When the uses of one slogan disagree on its kind, the most frequent wins; ties go to the
# more specific kind.
_KIND_ORDER = ("numbered", "brand", "catchphrase", "honour", "emphasis", "title", "speech")


def add_slogans(ctx, uses: list[SloganUse]) -> None:
    scheme = _add_scheme(ctx)
    by_key: dict[str, list[SloganUse]] = defaultdict(list)
    for use in uses:
        by_key[use.key].append(use)
    for key in sorted(by_key):
        concept = _add_concept(ctx, scheme, key, by_key[key])
        groups: dict[tuple[str, str], list[SloganUse]] = defaultdict(list)
        for use in by_key[key]:
            groups[(use.evidence.doc_id, _unit_id(use.unit))].append(use)
        for (_doc_id, _unit), group in sorted(groups.items()):
            _add_use(ctx, concept, group)


def unit_iri(ctx, unit: Place | Organization | None) -> URIRef | None:
    if isinstance(unit, Place):
        return ctx.add_place(unit)
    if isinstance(unit, Organization):
        return _add_org(ctx, unit)
    return None


def _unit_id(unit) -> str:
    if isinstance(unit, Place):
        return "place:" + unit.id
    if isinstance(unit, Organization):
        return "org:" + unit.key
    return ""


def _add_scheme(ctx) -> URIRef:
    g = ctx.out
    scheme = ctx.iris.concept("scheme", "slogans")
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, RDFS.label, Literal("标语与提法", lang="zh")))
    g.add((scheme, RDFS.label, Literal("Slogans and formulations", lang="en")))
    for code, (term, label_en, label_zh) in KIND_TERMS.items():
        g.add((term, RDF.type, CG.SloganKind))
        g.add((term, SKOS.notation, Literal(code)))
        g.add((term, RDFS.label, Literal(label_en, lang="en")))
        g.add((term, RDFS.label, Literal(label_zh, lang="zh")))
    return scheme


def _kind(uses: list[SloganUse]) -> str:
    counts = Counter(u.kind for u in uses)
    return min(counts, key=lambda k: (-counts[k], _KIND_ORDER.index(k)))


def _add_concept(ctx, scheme: URIRef, key: str, uses: list[SloganUse]) -> URIRef:
    g = ctx.out
    concept = ctx.iris.concept("slogan", key)
    kind = _kind(uses)
    forms = Counter(u.text for u in uses)
    label = min(forms, key=lambda t: (-forms[t], len(t), t))
    g.add((concept, RDF.type, SKOS.Concept))
    if kind in SLOGAN_KINDS:
        g.add((concept, RDF.type, CG.Slogan))
    g.add((concept, SKOS.inScheme, scheme))
    g.add((concept, SKOS.prefLabel, Literal(label, lang="zh")))
    g.add((concept, RDFS.label, Literal(label, lang="zh")))
    for form in sorted(forms):
        if form != label:
            g.add((concept, SKOS.altLabel, Literal(form, lang="zh")))
    _add_traditional_labels(g, concept, uses)
    g.add((concept, CG.sloganKind, KIND_TERMS[kind][0]))
    return concept


def _add_traditional_labels(g, concept: URIRef, uses: list[SloganUse]) -> None:
    """A slogan written in traditional script keeps that spelling as a label of the same
    concept (連降兩級 beside 连降两级), tagged zh-Hant so both scripts can be searched."""
    for form in sorted({u.original for u in uses if u.original}):
        g.add((concept, SKOS.altLabel, Literal(form, lang="zh-Hant")))


def _add_use(ctx, concept: URIRef, group: list[SloganUse]) -> None:
    g = ctx.out
    first = min(group, key=lambda u: u.evidence.start)
    doc_id = first.evidence.doc_id
    user = unit_iri(ctx, first.unit)
    obs = ctx.iris.observation("slogan-use", str(ctx.doc_iri(doc_id)), str(user or "document"), str(concept))
    g.add((obs, RDF.type, CG.SloganUse))
    g.add((obs, RDF.type, PROV.Entity))
    g.add((obs, CG.slogan, concept))
    if user is not None:
        g.add((obs, CG.user, user))
        g.add((user, CG.usesSlogan, concept))
    g.add((obs, CG.userRule, Literal(first.user_rule)))
    g.add((obs, CG.occurrences, Literal(len(group), datatype=XSD.integer)))
    date = ctx.doc_date(doc_id).value
    if date:
        g.add((obs, DCTERMS.date, date_literal(date)))
    ctx.add_evidence(obs, first.evidence)
    add_span(ctx, obs, first.span)


def add_span(ctx, obs: URIRef, span: Evidence | None) -> None:
    """The span itself inside the evidence clause, as a Web Annotation refinement."""
    if span is None:
        return
    g = ctx.out
    node = URIRef(f"{obs}-span")
    g.add((ctx.iris.evidence(obs), OA.refinedBy, node))
    g.add((node, RDF.type, OA.TextQuoteSelector))
    g.add((node, RDF.type, OA.TextPositionSelector))
    g.add((node, OA.exact, Literal(span.quote)))
    g.add((node, OA.start, offset_literal(span.start)))
    g.add((node, OA.end, offset_literal(span.end)))
