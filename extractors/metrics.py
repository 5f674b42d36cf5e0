"""Headline statistics of a city, district, county or province: "前三季度DP增长8.6%" → GDP,
growth, 8.6 %, 2023-01 … 2023-09, for 重庆高新区; "全市实现地区生产总值23244亿元" in a statistics
release → GDP, level, for the release's city.

What is extracted (a research user wants the figures that compare across areas, not every
number in a text):
- anywhere in a document, every figure whose metric is in the indicator vocabulary (GDP,
  规上工业增加值, 固投, 社零 …) and whose area can be told (metric_areas.py);
- inside a speaker's or a place's section also every figure of a "respectively" list
  ("零售、住宿、餐饮分别增长…"), which the report itself sets side by side, and every figure of the
  section's opening summary (the first paragraph with figures, before the numbered points),
  whatever its metric: speakers open with their headline numbers.
Left out: counts of firms, projects and events (个/家/项 are not units, metric_units.tsv),
shares and comparisons (占…, 高于全国…), averages over years (年均, 两年平均), ranges (1.5%-12.0%),
changes of a growth rate (比上年提高2.4个百分点 after a growth rate), a from-clause's earlier level
(从2017年的2.01万亿元…), and figures of the nation (全国).

A figure with no metric of its own ("上半年3.2%、前三季度4.4%" after "GDP增速逐季攀升") takes the
indicator its sentence is about. Each sentence is one match of the pattern "sentence"; the
sentence grammar is in figures.py, the vocabulary in indicators.py, periods in periods.py.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal
from functools import cached_property

import regex

from .base import Extractor, NamedPattern
from .columns import column_blocks, norm_positions
from .compact_text import Compact, compact, compact_at
from .facts import PreparedDocument
from .figures import Member, grammar
from .indicators import vocabulary
from .lexicon import alternation
from .metric_areas import AreaResolver
from .metric_facts import Metric, Period
from .metric_reading import SentenceReading
from .metric_sections import SectionContext, opening_period, reporting_period
from .periods import DocumentYears, document_year_period, resolve
from .word_scan import WordScan

MAX_METRIC_LENGTH = 24
LIST_REACH = 400           # how far back in its paragraph a list opener (目标是：) reaches
_SENTENCE = regex.compile(r"[^。！？!?\n]+")
_DIGIT = regex.compile(r"\d")
_ITEM_END = regex.compile(r"[、，,]")
_SCOPE_AFTER = regex.compile(r"\s*[（(](?P<scope>[^（）()]{2,4})[）)]")


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
        return (NamedPattern("sentence", _SENTENCE),)

    @cached_property
    def _kind_words(self) -> regex.Pattern:
        v = vocabulary()
        words = [*v.role("target"), *v.role("plan"), *v.role("estimate")]
        # a target already met ("超额完成年初确定的预期目标，…") makes the figures after it results
        done = rf"(?<!(?:{alternation(v.role('done'))})[^，,；;：:]*)"
        return regex.compile(rf"(?<!{alternation(v.role('not_before_kind'))}){done}(?:{alternation(words)})")

    @cached_property
    def _kind_scan(self) -> WordScan:
        v = vocabulary()
        return WordScan((w, w) for w in [*v.role("target"), *v.role("plan"), *v.role("estimate")])

    @cached_property
    def _scope_words(self) -> regex.Pattern:
        return regex.compile(alternation(vocabulary().role("scope")))

    @cached_property
    def _scope_scan(self) -> WordScan:
        return WordScan((w, w) for w in vocabulary().role("scope"))

    @cached_property
    def _lead_words(self) -> regex.Pattern:
        v = vocabulary()
        return regex.compile(rf"^(?:{alternation(v.role('lead'))})|{alternation(v.role('average'))}")

    def extract(self, doc: PreparedDocument):
        # What a document tells every figure in it is read once, before the base loop runs.
        self._sections = {id(s): SectionContext(doc, s) for s in doc.sections}
        self._doc_period = reporting_period(self._sections.values()) or opening_period(doc)
        self._areas = AreaResolver(doc)
        self._years = DocumentYears(doc.norm.text)
        self._paragraph_periods: dict[int, object] = {}
        self._list_kinds: dict[int, str] = {}
        self._columns = [(bisect_left(doc.norm.origin, b.start), bisect_left(doc.norm.origin, b.end))
                         for b in column_blocks(doc.doc.text)]
        yield from super().extract(doc)
        if self._columns:
            yield from self._column_facts(doc)

    @cached_property
    def _maybe_figure(self) -> regex.Pattern:
        """A cheap test that a sentence may hold a figure: a digit before a unit's first
        character (most sentences of a speech hold none)."""
        firsts = "".join(sorted({u[0] for u in vocabulary().units}))
        return regex.compile(rf"\d\s*[{regex.escape(firsts)}]")

    def facts_from_match(self, doc: PreparedDocument, pattern: NamedPattern, match):
        if not self._maybe_figure.search(doc.norm.text, match.start(), match.end()):
            return
        yield from self._facts(doc, compact(doc.norm.text, match.start(), match.end()), self._columns)

    def _column_facts(self, doc: PreparedDocument):
        """The figures of a two-column page, each column read as running text (columns.py)."""
        for block in column_blocks(doc.doc.text):
            for pieces in block.columns:
                column = compact_at(doc.norm.text, norm_positions(doc.norm.origin, pieces))
                for m in _SENTENCE.finditer(column.text):
                    part = Compact(m.group(), column.origin[m.start():m.end()])
                    if self._maybe_figure.search(part.text):
                        yield from self._facts(doc, part, ())

    def _facts(self, doc: PreparedDocument, sentence: Compact, skip: list[tuple[int, int]]):
        members = grammar().members(sentence.text)
        if not members:
            return
        reading = SentenceReading(self._areas, sentence, doc.norm.line_starts)
        for member in members:
            pos = sentence.origin[member.figure.start]
            if any(a <= pos < b for a, b in skip):
                continue                                   # read in its column instead
            metric = self._metric(doc, sentence, member, reading)
            if metric is not None:
                yield metric

    def _metric(self, doc: PreparedDocument, sentence: Compact, member: Member, reading: SentenceReading) -> Metric | None:
        v = vocabulary()
        fig = member.figure
        core, rate, indicator, repaired, member, floor = self._identify(member, reading)
        growth = member.verb is not None or ((fig.rate or rate) and fig.unit.kind == "percent")
        if indicator is not None and member.rule != "list":
            reading.topic = (indicator, growth)
        if growth and fig.unit.kind not in ("percent", "multiple", "points"):
            return None                                   # "增加1000万元": an increment, not a rate
        norm_pos = sentence.origin[fig.start]
        section = doc.section_at(norm_pos)
        context = self._sections.get(id(section)) if section else None
        summary = bool(context and context.summary and context.summary[0] <= norm_pos < context.summary[1])
        if not self._keep(core, indicator, growth, member, summary, section is not None):
            return None
        bound = fig.start
        if member.rule == "list":         # a list item's own place is inside the item
            end = _ITEM_END.search(sentence.text, member.item_start, bound)
            bound = end.start() if end else bound
        area = reading.areas.area(member.item_start, bound, section.unit if section else None, sentence.origin[0])
        if area is None:
            return None
        before = self._before(sentence.text, member)[floor:]
        kind = self._kind(before)
        if kind == "actual" and not floor:
            start = sentence.origin[0]            # the same for every figure of the sentence
            if start not in self._list_kinds:
                self._list_kinds[start] = self._list_kind(doc.norm.text, start)
            kind = self._list_kinds[start]
        value = Decimal(fig.number.replace(",", ""))
        start, end = sentence.span(*member.span)
        skip = member.skip if member.rule != "from" else None
        # after a line run into this one (floor), the paragraph before says nothing of the figure
        period = self._period(doc, reading.periods_before(fig.start, skip, floor), kind, context, norm_pos,
                              None if floor else sentence.origin[0])
        if kind in ("actual", "estimate") and period is not None and period.shape == "until_year":
            kind = "plan"                                 # "到2030年全省地区生产总值迈上8万亿元"
        elif kind == "estimate":
            kind = "actual"                               # 预计: a result not yet final
        return Metric(
            area=area, reporter=section.unit if section else None,
            indicator=indicator.id if indicator else None, metric=core,
            value=-abs(value) if member.decline else value, unit=fig.unit.canonical, growth=growth,
            period=period, kind=kind,
            evidence=doc.evidence(start, end, f"figure_{member.rule}"),
            qualifier=v.qualifier(fig.pre) or v.qualifier(fig.post),
            qualifier_as_written=fig.pre or fig.post or "",
            scope=self._scope(doc, before, sentence.origin[fig.end - 1] + 1), summary=summary, repaired=repaired)

    def _identify(self, member: Member, reading: SentenceReading):
        """What the figure is a figure of: (core, rate word seen, indicator or None, repaired,
        the member with its evidence starting at its metric, where its own line starts)."""
        v = vocabulary()
        floor = 0
        core, rate = v.core(member.item, reading.periods_in(member.item_start, member.item_start + len(member.item)))
        indicator, repaired = v.lookup(core)
        if indicator is None and core:
            found = self._cut(member, reading)
            if found is not None:
                core, rate, indicator, repaired, cut = found
                # the evidence starts where the metric does; a line run into it says nothing of it
                member = replace(member, span=(max(member.span[0], cut), member.span[1]))
                floor = reading.line_start_before(cut)
        if not core and member.rule == "bare":
            inherited = reading.clause_topic(member.item_start)
            if inherited is not None:
                indicator, rate = inherited[0], rate or inherited[1]
                core = indicator.label_zh
        elif not core and member.rule != "list":
            inherited = reading.topic_before(member.item_start)
            if inherited is not None:
                indicator, rate = inherited[0], rate or inherited[1]
                core = indicator.label_zh
        return core, rate, indicator, repaired, member, floor

    @staticmethod
    def _cut(member: Member, reading: SentenceReading):
        """A metric found at a later start inside an item that names none as a whole: where a
        subject begins ("…讯成都市地区生产总值") or where a line the normaliser joined began
        ("…谱新篇\n地区生产总值预期增长5.5%")."""
        v = vocabulary()
        if not v.names_some_indicator(member.item):
            return None
        first = member.item_start
        for cut in reading.cuts(first, first + len(member.item)):
            core, rate = v.core(member.item[cut - first:])
            indicator, repaired = v.lookup(core)
            if indicator is not None:
                return core, rate, indicator, repaired, cut
        return None

    def _keep(self, core, indicator, growth, member: Member, summary: bool, in_section: bool) -> bool:
        fig = member.figure
        if member.rule == "from" or self._lead_words.search(member.item + fig.left):
            return False              # an earlier level, a comparison, a share, an average
        if indicator is not None:
            if growth and fig.unit.kind == "points":
                return "percent" in indicator.level_units   # 比上年提高2.4个百分点: a rate's change
            return growth or vocabulary().level_allowed(indicator, fig.unit)
        if not in_section or not core or len(core) > MAX_METRIC_LENGTH or _DIGIT.search(core):
            return False
        if member.rule == "list":
            return growth or fig.respectively
        return summary

    @staticmethod
    def _before(text: str, member: Member) -> str:
        """The sentence before the figure, without a from-clause (its period is not ours)."""
        before = text[:member.figure.start]
        if member.skip is not None and member.rule != "from":
            a, b = member.skip
            before = before[:a] + before[b:]
        return before

    def _kind(self, before: str) -> str:
        # the pattern matches only at one of its words: most text before a figure holds none
        words = self._kind_words.findall(before) if self._kind_scan.any(before) else ()
        if not words:
            return "actual"
        v = vocabulary()
        last = words[-1]
        if last in v.role("estimate"):
            return "estimate"
        return "plan" if last in v.role("plan") else "target"

    @cached_property
    def _list_opener(self) -> regex.Pattern:
        v = vocabulary()
        words = [w.rstrip("：:") for w in (*v.role("target"), *v.role("plan"))]
        return regex.compile(rf"(?:{alternation(words)})[是为]?[：:]")

    def _list_kind(self, text: str, sentence_start: int) -> str:
        """The kind a list opened earlier in the paragraph gives a sentence naming none: the
        items after "主要预期目标是：" stay targets past a full stop inside the list."""
        start = max(text.rfind("\n", 0, sentence_start) + 1, sentence_start - LIST_REACH)
        openers = list(self._list_opener.finditer(text, start, sentence_start))
        if not openers:
            return "actual"
        return self._kind(openers[-1].group())

    def _scope(self, doc: PreparedDocument, before: str, norm_end: int) -> str | None:
        scopes = vocabulary().role("scope")
        after = _SCOPE_AFTER.match(doc.norm.text, norm_end)
        if after and after.group("scope") in scopes:     # "增长7.2%（直管区）"
            return scopes[after.group("scope")]
        words = self._scope_words.findall(before) if self._scope_scan.any(before) else ()
        return scopes[words[-1]] if words else None

    def _period(self, doc: PreparedDocument, mentions, kind: str, context: SectionContext | None,
                norm_pos: int, sentence_start: int | None) -> Period | None:
        """The period written before the figure in its sentence, else the last one of its
        paragraph before the sentence, else its section's or document's, else the year a
        report early in a year reviews (all but the first inferred)."""
        date = doc.doc.date.value
        actual = kind in ("actual", "estimate")
        context_year = context.year if context and context.year else self._years.recent(norm_pos, date)
        if context_year is None and self._doc_period is not None and self._doc_period.end:
            context_year = int(self._doc_period.end[:4])    # "2023年…统计公报" in the title
        if mentions:
            return resolve(mentions[-1], date, "actual" if actual else kind, context_year)
        if not actual:       # a plan's year; on an undated page the year its title or opening states
            return document_year_period(date) or self._inferred(self._doc_period)
        earlier = None
        if sentence_start is not None:        # the same for every figure of the sentence
            if sentence_start not in self._paragraph_periods:
                self._paragraph_periods[sentence_start] = self._years.paragraph_period(doc.norm.text, sentence_start)
            earlier = self._paragraph_periods[sentence_start]
        if earlier is not None:
            found = resolve(earlier, date, "actual", context_year)
            return Period(found.written, found.start, found.end, inferred=True, shape=found.shape)
        fallback = context.period if context and context.period else self._doc_period
        if fallback is not None:
            return self._inferred(fallback)
        return self._years.reviewed_year(norm_pos, date)

    @staticmethod
    def _inferred(period: Period | None) -> Period | None:
        if period is None:
            return None
        return Period(period.written, period.start, period.end, inferred=True, shape=period.shape)
