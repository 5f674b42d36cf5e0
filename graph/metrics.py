"""Reported figures as RDF Data Cube: the terms a figure's shard (shard_facts.py) writes, a
figure's identity within its document, and the one qb:DataSet with its structure and the
controlled indicators and units, which the corpus pass (shared.py) describes once.

Periods are time:Intervals between month-precision time:Instants (xsd:gYearMonth): a figure
for 前三季度 2023 runs from the instant 2023-01 to the instant 2023-09; no day is invented."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import QB, RDF, RDFS, SKOS

from cadregraph.extractors.indicators import vocabulary
from cadregraph.extractors.metric_facts import Metric

from .namespaces import CG, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE

STATISTIC_TYPES = {True: CG.GrowthRate, False: CG.Level}
FIGURE_KINDS = {"actual": CG.Actual, "target": CG.Target, "plan": CG.Plan}
QUALIFIERS = {"lower-bound": CG.LowerBound, "approximate": CG.Approximate, "upper-bound": CG.UpperBound}
SCOPES = {"whole": CG.WholeArea, "direct": CG.DirectlyAdministeredArea}
# Codes tables print for the individuals above (skos:notation in the graph).
CODES = {CG.GrowthRate: "growth", CG.Level: "level", CG.Actual: "actual", CG.Target: "target",
         CG.Plan: "plan", CG.LowerBound: "lower-bound", CG.Approximate: "approximate",
         CG.UpperBound: "upper-bound", CG.WholeArea: "whole", CG.DirectlyAdministeredArea: "direct"}

# Components of the data structure: (key, component property, role in qb).
COMPONENTS = (
    ("area", SDMX_DIMENSION.refArea, QB.dimension),
    ("period", SDMX_DIMENSION.refPeriod, QB.dimension),
    ("indicator", CG.indicator, QB.dimension),
    ("statistic-type", CG.statisticType, QB.dimension),
    ("kind", CG.figureKind, QB.dimension),
    ("value", SDMX_MEASURE.obsValue, QB.measure),
    ("unit", SDMX_ATTRIBUTE.unitMeasure, QB.attribute),
    ("qualifier", CG.qualifier, QB.attribute),
    ("scope", CG.scope, QB.attribute),
    ("reported-by", CG.reportedBy, QB.attribute),
)


def _identity(m: Metric) -> tuple:
    period = (m.period.start, m.period.end) if m.period else (None, None)
    return (m.evidence.doc_id, m.area.id, m.indicator or "~" + m.metric, m.growth, m.kind,
            str(m.value), m.unit, *period, m.scope or "")


def _add_dataset(ctx) -> URIRef:
    g, iris = ctx.out, ctx.iris
    dataset = iris.concept("dataset", "reported-figures")
    structure = iris.concept("structure", "reported-figures")
    g.add((dataset, RDF.type, QB.DataSet))
    g.add((dataset, RDFS.label, Literal("Figures reported by districts and departments", lang="en")))
    g.add((dataset, RDFS.label, Literal("区县和部门报告的统计数据", lang="zh")))
    g.add((dataset, QB.structure, structure))
    g.add((structure, RDF.type, QB.DataStructureDefinition))
    for order, (key, prop, role) in enumerate(COMPONENTS, start=1):
        component = iris.concept("structure", f"reported-figures-{key}")
        g.add((structure, QB.component, component))
        g.add((component, RDF.type, QB.ComponentSpecification))
        g.add((component, role, prop))
        g.add((component, QB.order, Literal(order)))
        if role == QB.attribute:
            g.add((component, QB.componentRequired, Literal(key == "unit")))
    for term, code in CODES.items():
        g.add((term, SKOS.notation, Literal(code)))
    _add_vocabulary(ctx)
    return dataset


def _add_vocabulary(ctx) -> None:
    g, iris, vocab = ctx.out, ctx.iris, vocabulary()
    scheme = iris.concept("scheme", "indicators")
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, RDFS.label, Literal("Indicators of reported figures", lang="en")))
    g.add((scheme, RDFS.label, Literal("统计指标", lang="zh")))
    for ind in vocab.indicators:
        iri = iris.concept("indicator", ind.id)
        g.add((iri, RDF.type, CG.Indicator))          # a skos:Concept by its class
        g.add((iri, SKOS.inScheme, scheme))
        g.add((iri, SKOS.notation, Literal(ind.id)))
        for label in (Literal(ind.label_zh, lang="zh"), Literal(ind.label_en, lang="en")):
            g.add((iri, SKOS.prefLabel, label))       # an rdfs:label by SKOS
        for synonym in ind.synonyms:
            if synonym != ind.label_zh:
                g.add((iri, SKOS.altLabel, Literal(synonym, lang="zh")))
        if ind.broader:
            g.add((iri, SKOS.broader, iris.concept("indicator", ind.broader)))
        else:
            g.add((scheme, SKOS.hasTopConcept, iri))
    units = iris.concept("scheme", "units")
    g.add((units, RDF.type, SKOS.ConceptScheme))
    g.add((units, RDFS.label, Literal("Units of reported figures", lang="en")))
    g.add((units, RDFS.label, Literal("计量单位", lang="zh")))
