"""Headline statistics a district or department reports: "前三季度DP增长8.6%" → GDP, growth,
8.6 %, 2023-01 … 2023-09, for 重庆高新区.

What is extracted (a research user wants the figures that compare across districts, not every
number in a speech):
- every figure whose metric is in the indicator vocabulary (GDP, 规上工业增加值, 固投, 社零 …),
  wherever it stands in the section;
- every figure of a "respectively" list ("零售、住宿、餐饮分别增长…"): the report itself sets
  these side by side;
- every figure of the section's opening summary (the first paragraph with figures, before the
  numbered points), whatever its metric: speakers open with their headline numbers.
Counts of firms, projects and events never match: 个/家/项 are not units (metric_units.tsv).

Attribution: the district the sentence names before the figure (a section that repeats another
district's paragraph keeps that district's figures with that district), else the section's
unit; a department reports for the municipality. Each sentence is one match of the pattern
"sentence"; the sentence grammar itself is in figures.py.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal
from functools import cached_property

import regex

from .base import Extractor, NamedPattern
from .facts import Organization, Place, PreparedDocument, Section
from .figures import Compact, Member, compact, grammar
from .gazetteer import gazetteer
from .indicators import vocabulary
from .lexicon import alternation
from .metric_facts import Metric, Period
from .periods import document_year_period, find_periods, resolve

# Paragraphs that end an opening summary: numbered points ("一、", "一是", "（一）", "1.") and
# label lines ("行动计划：").
_POINT = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、](?!\d))")
_LABEL = regex.compile(r"^[^，,。；;]{2,10}[：:]$")
_SPEAKER_LAYOUTS = ("before_body", "after_body")
MAX_METRIC_LENGTH = 24


def _named_place(doc: PreparedDocument, sentence: str, member: Member, unit) -> Place | None:
    """A district the sentence itself names as its subject (at its start, after any period) or
    inside the figure's own clause, among the districts of the unit's city. Other places a
    sentence mentions in passing (依托江北机场) and forms that name places elsewhere in China
    (大关, 惠民) do not move a figure."""
    parent = unit.parent if isinstance(unit, Place) and unit.parent else (doc.city.id if doc.city else None)
    subject = _subject_start(sentence)
    forms = list(gazetteer().find_forms(sentence[:member.figure.start]))
    for start, _end, places in reversed(forms):
        if start >= member.span[0] or start == subject:
            near = [p for p in places if p.parent == parent and p.kind != "municipality"]
            if len(near) == 1:
                return near[0]
    return None


def _subject_start(sentence: str) -> int:
    """Where the sentence's subject starts: after the periods and punctuation that open it."""
    periods = {m.start: m.end for m in find_periods(sentence)}
    pos = 0
    while True:
        while pos < len(sentence) and sentence[pos] in "，,：: ":
            pos += 1
        if pos not in periods:
            return pos
        pos = periods[pos]


class _SectionContext:
    """What a section tells every figure in it: its opening summary and the period it states."""

    def __init__(self, doc: PreparedDocument, section: Section):
        self.summary = _summary_span(doc, section) if section.layout in _SPEAKER_LAYOUTS else None
        self.period: Period | None = None
        if self.summary:
            mentions = find_periods(compact(doc.norm.text, *self.summary).text)
            if mentions:
                self.period = resolve(mentions[0], doc.doc.date.value)

    @property
    def year(self) -> int | None:
        return int(self.period.end[:4]) if self.period and self.period.end else None


def _summary_span(doc: PreparedDocument, section: Section) -> tuple[int, int] | None:
    text = doc.norm.text
    pos = section.start
    while pos < section.end:
        end = text.find("\n", pos, section.end)
        end = section.end if end < 0 else end
        para = text[pos:end].strip()
        if _POINT.match(para) or _LABEL.match(para):
            return None
        if section.speaker_line is None or not (section.speaker_line[0] <= pos < section.speaker_line[1]):
            if grammar().value.search(compact(text, pos, end).text):
                return pos, end
        pos = end + 1
    return None


def _reporting_period(contexts) -> Period | None:
    """The period most sections' summaries state (a meeting's speeches all report one
    period); figures with no period of their own and no section period get it."""
    periods = [c.period for c in contexts if c.period and c.period.start]
    if not periods:
        return None
    counts = Counter((p.start, p.end) for p in periods)
    best = max(counts.values())
    return next(p for p in periods if counts[(p.start, p.end)] == best)


class MetricsExtractor(Extractor):
    name = "metrics"
    emits = ("Indicator", "StatisticType", "FigureKind", "FigureQualifier", "AreaScope", "UnitOfMeasure",
             "indicator", "statisticType", "figureKind", "qualifier", "qualifierAsWritten", "scope",
             "metricAsWritten", "periodAsWritten", "periodInferred", "reportedBy", "inSummary",
             "repairedFrom", "Level", "GrowthRate", "Actual", "Target", "Plan", "LowerBound", "Approximate",
             "UpperBound", "WholeArea", "DirectlyAdministeredArea", "District", "evidence", "rule",
             "qb:Observation", "qb:DataSet", "qb:dataSet", "sdmx-dimension:refArea", "sdmx-dimension:refPeriod",
             "sdmx-measure:obsValue", "sdmx-attribute:unitMeasure", "time:Interval", "time:hasBeginning",
             "time:hasEnd", "time:inXSDgYearMonth", "skos:Concept", "skos:ConceptScheme")

    def patterns(self):
        return (NamedPattern("sentence", regex.compile(r"[^。！？!?\n]+")),)

    @cached_property
    def _kind_words(self) -> regex.Pattern:
        v = vocabulary()
        return regex.compile(alternation([*v.role("target"), *v.role("plan")]))

    @cached_property
    def _scope_words(self) -> regex.Pattern:
        return regex.compile(alternation(vocabulary().role("scope")))

    def extract(self, doc: PreparedDocument):
        # Section contexts are computed once per document, before the base loop runs.
        self._sections = {id(s): _SectionContext(doc, s) for s in doc.sections}
        self._doc_period = _reporting_period(self._sections.values())
        yield from super().extract(doc)

    def facts_from_match(self, doc: PreparedDocument, pattern: NamedPattern, match):
        sentence = compact(doc.norm.text, match.start(), match.end())
        if not grammar().value.search(sentence.text):
            return
        for member in grammar().members(sentence.text):
            metric = self._metric(doc, sentence, member)
            if metric is not None:
                yield metric

    def _metric(self, doc: PreparedDocument, sentence: Compact, member: Member) -> Metric | None:
        v = vocabulary()
        fig = member.figure
        core, _ = v.strip(member.item)
        indicator, repaired = v.lookup(core)
        growth = member.verb is not None
        if growth and fig.unit.kind not in ("percent", "multiple", "points"):
            return None                                   # "增加1000万元": an increment, not a rate
        norm_pos = sentence.origin[fig.start]
        section = doc.section_at(norm_pos)
        context = self._sections.get(id(section)) if section else None
        summary = bool(context and context.summary and context.summary[0] <= norm_pos < context.summary[1])
        if not self._keep(core, indicator, growth, fig.unit, member, summary):
            return None
        area = self._area(doc, sentence.text, member, section)
        if area is None:
            return None
        before = sentence.text[:fig.start]
        kind = self._kind(before)
        value = Decimal(fig.number.replace(",", ""))
        start, end = sentence.span(*member.span)
        return Metric(
            area=area, reporter=section.unit if section else None,
            indicator=indicator.id if indicator else None, metric=core,
            value=-value if member.decline else value, unit=fig.unit.canonical, growth=growth,
            period=self._period(doc, before, kind, context), kind=kind,
            evidence=doc.evidence(start, end, f"figure_{member.rule}"),
            qualifier=v.qualifier(fig.pre) or v.qualifier(fig.post),
            qualifier_as_written=fig.pre or fig.post or "",
            scope=self._scope(before), summary=summary, repaired=repaired)

    @staticmethod
    def _keep(core, indicator, growth, unit, member: Member, summary: bool) -> bool:
        if indicator is not None:
            return growth or vocabulary().level_allowed(indicator, unit)
        if not core or len(core) > MAX_METRIC_LENGTH or regex.search(r"\d", core) or core.startswith("占"):
            return False
        if member.rule == "list":
            return growth or member.figure.respectively
        return summary

    @staticmethod
    def _area(doc: PreparedDocument, sentence: str, member: Member, section: Section | None) -> Place | None:
        unit = section.unit if section else None
        named = _named_place(doc, sentence, member, unit)
        if named is not None:
            return named
        if isinstance(unit, Organization):
            return doc.city
        return unit if isinstance(unit, Place) else None

    def _kind(self, before: str) -> str:
        words = self._kind_words.findall(before)
        if not words:
            return "actual"
        return "plan" if words[-1] in vocabulary().role("plan") else "target"

    def _scope(self, before: str) -> str | None:
        words = self._scope_words.findall(before)
        return vocabulary().role("scope")[words[-1]] if words else None

    def _period(self, doc: PreparedDocument, before: str, kind: str, context: _SectionContext | None) -> Period | None:
        mentions = find_periods(before)
        date = doc.doc.date.value
        if mentions:
            return resolve(mentions[-1], date, kind, context.year if context else None)
        if kind != "actual":
            return document_year_period(date)
        fallback = context.period if context and context.period else self._doc_period
        if fallback is None:
            return None
        return Period(fallback.written, fallback.start, fallback.end, inferred=True)
