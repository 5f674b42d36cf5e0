"""Slogans: the kinds of quoted expression (declared in ontology/slogans.ttl) and the concept
scheme the corpus pass (shared.py) describes once; a document's slogan uses are written by
shard_facts.py, one cg:SloganUse per (unit, slogan, document).

Only numbered formulations, catchphrases and brand names are typed cg:Slogan; emphasis, titles
and quoted speech stay in the scheme with their kind, so questions about slogans can leave
them out."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from cadregraph.extractors.facts import Organization, Place

from .namespaces import CG

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
