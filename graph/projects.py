"""Project mentions to RDF: one cg:Project per (district, name), with its type and district,
and one cg:ProjectMention per (project, document) with the reporting unit, date and evidence."""
from __future__ import annotations

from collections import Counter, defaultdict

from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from cadregraph.extractors.slogan_facts import ProjectMention

from .literals import date_literal
from .namespaces import CG, PROV, SCHEMA
from .slogans import add_span, unit_iri


def add_projects(ctx, mentions: list[ProjectMention]) -> None:
    by_project: dict[tuple[str, str], list[ProjectMention]] = defaultdict(list)
    for m in mentions:
        by_project[(m.district.id if m.district is not None else "", m.key)].append(m)
    for (district_id, key), group in sorted(by_project.items()):
        project = _add_project(ctx, district_id, key, group)
        per_doc: dict[str, list[ProjectMention]] = defaultdict(list)
        for m in group:
            per_doc[m.evidence.doc_id].append(m)
        for doc_id, doc_mentions in sorted(per_doc.items()):
            _add_doc_mentions(ctx, project, doc_mentions)


def _add_doc_mentions(ctx, project, doc_mentions: list[ProjectMention]) -> None:
    """One mention per spelling a document uses (its first occurrence): a report may write
    璧山高新区 in a caption and 璧山国家高新区 in the text, each with its own quote."""
    by_name: dict[str, ProjectMention] = {}
    for m in sorted(doc_mentions, key=lambda m: m.evidence.start):
        by_name.setdefault(m.name, m)
    for i, mention in enumerate(by_name.values()):
        _add_mention(ctx, project, mention, spelling=mention.name if i else "")


def _add_project(ctx, district_id: str, key: str, group: list[ProjectMention]):
    g = ctx.out
    iri = ctx.iris.concept("project", f"{district_id}|{key}")
    names = Counter(m.name for m in group)
    label = min(names, key=lambda n: (-names[n], -len(n), n))
    types = Counter(m.type for m in group)
    g.add((iri, RDF.type, CG.Project))
    g.add((iri, RDF.type, SCHEMA.Place))
    g.add((iri, RDFS.label, Literal(label, lang="zh")))
    for name in sorted(names):
        if name != label:
            g.add((iri, SKOS.altLabel, Literal(name, lang="zh")))
    g.add((iri, CG.kind, Literal(min(types, key=lambda t: (-types[t], t)))))
    district = group[0].district
    if district is not None:
        g.add((iri, CG.district, ctx.add_place(district)))
    return iri


def _add_mention(ctx, project, mention: ProjectMention, spelling: str = "") -> None:
    g = ctx.out
    doc_id = mention.evidence.doc_id
    # the first spelling keeps the IRI a mention had before spellings were told apart
    parts = (str(ctx.doc_iri(doc_id)), str(project)) + ((spelling,) if spelling else ())
    obs = ctx.iris.observation("project-mention", *parts)
    g.add((obs, RDF.type, CG.ProjectMention))
    g.add((obs, RDF.type, PROV.Entity))
    g.add((obs, CG.project, project))
    # The name as this document writes it: one project has every spelling as a label, and the
    # table shows each document's own (璧山国家高新区 in one report, 璧山高新区 in another).
    g.add((obs, RDFS.label, Literal(mention.name, lang="zh")))
    reporter = unit_iri(ctx, mention.unit)
    if reporter is not None:
        g.add((obs, CG.reportedBy, reporter))
    date = ctx.doc_date(doc_id).value
    if date:
        g.add((obs, DCTERMS.date, date_literal(date)))
    ctx.add_evidence(obs, mention.evidence)
    add_span(ctx, obs, mention.span)
