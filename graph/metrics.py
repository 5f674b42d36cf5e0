"""Reported figures to RDF Data Cube: one qb:Observation per figure and document in one
qb:DataSet, with area and period (SDMX-RDF dimensions), indicator (a SKOS concept of the
controlled scheme, or of the scheme of metrics as written), statistic type and kind, value as
xsd:decimal, unit, qualifiers, the reporting unit and evidence.

Periods are time:Intervals between month-precision time:Instants (xsd:gYearMonth): a figure
for 前三季度 2023 runs from the instant 2023-01 to the instant 2023-09; no day is invented."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, QB, RDF, RDFS, SKOS, TIME

from cadregraph.extractors.facts import Organization, Place
from cadregraph.extractors.indicators import vocabulary
from cadregraph.extractors.metric_facts import Metric, Period

from .holdings import _add_org
from .literals import date_literal, decimal_literal
from .namespaces import CG, PROV, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE

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


def add_metrics(ctx, metrics: list[Metric]) -> None:
    dataset = _add_dataset(ctx)
    seen: set[tuple] = set()
    for m in metrics:
        key = _identity(m)
        if key in seen:          # the same figure twice in one document (a repeated passage)
            continue
        seen.add(key)
        _add_observation(ctx, dataset, m, key)


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
        g.add((iri, RDF.type, CG.Indicator))
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, SKOS.inScheme, scheme))
        g.add((iri, SKOS.notation, Literal(ind.id)))
        for label in (Literal(ind.label_zh, lang="zh"), Literal(ind.label_en, lang="en")):
            g.add((iri, SKOS.prefLabel, label))
            g.add((iri, RDFS.label, label))
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


def _indicator(ctx, m: Metric) -> URIRef:
    if m.indicator:
        return ctx.iris.concept("indicator", m.indicator)
    g = ctx.out
    iri = ctx.iris.concept("indicator", "as-written/" + m.metric)
    if ctx.first_time(iri):
        scheme = ctx.iris.concept("scheme", "indicators-as-written")
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, RDFS.label, Literal("Metrics as written, outside the controlled indicators", lang="en")))
        g.add((scheme, RDFS.label, Literal("未归入受控指标的原文指标", lang="zh")))
        g.add((iri, RDF.type, CG.Indicator))
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, SKOS.inScheme, scheme))
        g.add((iri, SKOS.prefLabel, Literal(m.metric, lang="zh")))
        g.add((iri, RDFS.label, Literal(m.metric, lang="zh")))
    return iri


def _unit(ctx, written: str) -> URIRef:
    unit = next(u for u in vocabulary().units.values() if u.canonical == written)
    iri = ctx.iris.concept("unit", unit.id)
    g = ctx.out
    if ctx.first_time(iri):
        g.add((iri, RDF.type, CG.UnitOfMeasure))
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, SKOS.inScheme, ctx.iris.concept("scheme", "units")))
        g.add((iri, SKOS.notation, Literal(unit.id)))
        for label in (Literal(unit.canonical, lang="zh"), Literal(unit.label_en, lang="en")):
            g.add((iri, SKOS.prefLabel, label))
            g.add((iri, RDFS.label, label))
    return iri


def _instant(ctx, month: str) -> URIRef:
    iri = ctx.iris.concept("month", month)
    ctx.out.add((iri, RDF.type, TIME.Instant))
    ctx.out.add((iri, TIME.inXSDgYearMonth, date_literal(month)))
    return iri


def _interval(ctx, period: Period) -> URIRef | None:
    if not (period.start and period.end):
        return None
    g = ctx.out
    iri = ctx.iris.concept("period", f"{period.start}_{period.end}")
    g.add((iri, RDF.type, TIME.ProperInterval))
    g.add((iri, RDF.type, TIME.Interval))
    g.add((iri, RDFS.label, Literal(f"{period.start}/{period.end}")))
    g.add((iri, TIME.hasBeginning, _instant(ctx, period.start)))
    g.add((iri, TIME.hasEnd, _instant(ctx, period.end)))
    return iri


def _reporter(ctx, unit: Place | Organization | None) -> URIRef | None:
    if isinstance(unit, Place):
        return ctx.add_place(unit)
    if isinstance(unit, Organization):
        return _add_org(ctx, unit)
    return None


def _add_observation(ctx, dataset: URIRef, m: Metric, key: tuple) -> None:
    g = ctx.out
    obs = ctx.iris.observation("figure", *(str(k) for k in key))
    g.add((obs, RDF.type, QB.Observation))
    g.add((obs, RDF.type, PROV.Entity))
    g.add((obs, QB.dataSet, dataset))
    g.add((obs, SDMX_DIMENSION.refArea, ctx.add_place(m.area)))
    g.add((obs, CG.indicator, _indicator(ctx, m)))
    g.add((obs, CG.statisticType, STATISTIC_TYPES[m.growth]))
    g.add((obs, CG.figureKind, FIGURE_KINDS[m.kind]))
    g.add((obs, SDMX_MEASURE.obsValue, decimal_literal(m.value)))
    g.add((obs, SDMX_ATTRIBUTE.unitMeasure, _unit(ctx, m.unit)))
    g.add((obs, CG.metricAsWritten, Literal(m.metric, lang="zh")))
    _add_attributes(ctx, obs, m)
    ctx.add_evidence(obs, m.evidence)


def _add_attributes(ctx, obs: URIRef, m: Metric) -> None:
    """Period, qualifiers, scope, reporter, flags and the document date: what a figure has
    only when the text says so."""
    g = ctx.out
    if m.period is not None:
        interval = _interval(ctx, m.period)
        if interval is not None:
            g.add((obs, SDMX_DIMENSION.refPeriod, interval))
        g.add((obs, CG.periodAsWritten, Literal(m.period.written, lang="zh")))
        if m.period.inferred:
            g.add((obs, CG.periodInferred, Literal(True)))
    if m.qualifier:
        g.add((obs, CG.qualifier, QUALIFIERS[m.qualifier]))
        g.add((obs, CG.qualifierAsWritten, Literal(m.qualifier_as_written, lang="zh")))
    if m.scope:
        g.add((obs, CG.scope, SCOPES[m.scope]))
    reporter = _reporter(ctx, m.reporter)
    if reporter is not None:
        g.add((obs, CG.reportedBy, reporter))
    if m.summary:
        g.add((obs, CG.inSummary, Literal(True)))
    if m.repaired:
        g.add((obs, CG.repairedFrom, Literal(m.metric)))
    date = ctx.doc_date(m.evidence.doc_id).value
    if date:
        g.add((obs, DCTERMS.date, date_literal(date)))
