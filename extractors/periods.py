"""Periods of reported figures: "2024年", "一季度", "前三季度", "1—9月", "3月末", "全年" …
found in text and resolved against the document date to an interval of months.

A period without a year belongs to the document's year when it has ended by the document's
month (a 2023-10-24 report of 前三季度 → 2023-01 … 2023-09), else to the year before; a target
is always for the document's year. 全年 takes the year the text last wrote ("一、2023年工作回顾
… 全年实现…" in an April 2024 communiqué → 2023) when that year can be the one reported, else
the year just ended for a result published in January or February, else the document's year.
Nothing is resolved to a day.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import table
from .metric_facts import Period

_COMPARED = "比较与"           # "比上年", "较2019年", "与上年同期相比": a base, not a period
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    shape: str
    text: str
    groups: tuple[tuple[str, str], ...]

    def group(self, name: str) -> str | None:
        return dict(self.groups).get(name)


@lru_cache(maxsize=1)
def period_patterns() -> tuple[tuple[str, regex.Pattern], ...]:
    return tuple((row["shape"], regex.compile(row["regex"])) for row in table("period_patterns.tsv"))


@lru_cache(maxsize=1)
def _gated_patterns() -> tuple[tuple[int, str, regex.Pattern, str], ...]:
    rows = table("period_patterns.tsv")
    return tuple((order, shape, pattern, row["needs"])
                 for order, ((shape, pattern), row) in enumerate(zip(period_patterns(), rows)))


def find_periods(text: str) -> list[PeriodMention]:
    """Every period mention, longest first where they overlap, in text order."""
    found = []
    for order, shape, pattern, needs in _gated_patterns():
        if needs not in text:
            continue        # most sentences write no 季 and many no 月: no pattern run for them
        for m in pattern.finditer(text):
            start, end = m.span()
            if end > start:
                found.append((start, start - end, order, end, shape, m))
    if not found:
        return []
    found.sort(key=lambda t: t[:3])
    out: list[PeriodMention] = []
    last_end = -1
    for start, _, _, end, shape, m in found:
        # "比上年增长", "较2019年提高": the base of a comparison, not the figure's period
        if start >= last_end:
            last_end = end
            if start == 0 or text[start - 1] not in _COMPARED:
                groups = tuple((k, v) for k, v in m.groupdict().items() if v)
                out.append(PeriodMention(start, end, shape, m.group(), groups))
    return out


def number(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + _NUMERALS.get(text[1:], 0) if len(text) > 1 else 10
    return _NUMERALS.get(text)


def _months(mention: PeriodMention, doc_month: int | None) -> tuple[int, int] | None:
    shape, g = mention.shape, mention.group
    if shape == "months_to":
        return 1, number(g("n") or g("n2"))
    if shape == "quarters_to":
        return 1, 3 * number(g("q"))
    if shape == "quarter":
        q = number(g("q"))
        return 3 * q - 2, 3 * q
    if shape == "half":
        return (1, 6) if g("h") == "上" else (7, 12)
    if shape == "year_end":
        return 12, 12
    if shape in ("month", "month_end"):
        m = number(g("m"))
        return m, m
    if shape == "ytd":
        return (1, doc_month) if doc_month else None
    return 1, 12


def resolve(mention: PeriodMention, doc_date: str | None, kind: str = "actual",
            context_year: int | None = None) -> Period:
    """The interval a mention covers; start/end None when it cannot be placed."""
    doc_year = int(doc_date[:4]) if doc_date else None
    doc_month = int(doc_date[5:7]) if doc_date and len(doc_date) >= 7 else None
    months = _months(mention, doc_month)
    year = _year(mention, doc_year, doc_month, kind, context_year, months)
    if year is None or months is None or not all(1 <= m <= 12 for m in months) or months[0] > months[1]:
        return Period(mention.text, None, None, shape=mention.shape)
    return Period(mention.text, f"{year:04d}-{months[0]:02d}", f"{year:04d}-{months[1]:02d}", shape=mention.shape)


def _year(mention, doc_year, doc_month, kind, context_year, months) -> int | None:
    explicit = mention.group("year")
    if explicit:
        return int(explicit)
    rel = mention.group("rel")
    if doc_year is None:
        return None
    if rel == "今年":
        return doc_year
    if rel in ("去年", "上年"):
        return doc_year - 1
    if mention.shape in ("full_year", "year_end"):
        # a full-year result reported early in a year is the year just ended
        usual = doc_year - 1 if kind == "actual" and doc_month is not None and doc_month <= 2 else doc_year
        earliest = usual - 1 if kind == "actual" else usual
        return context_year if context_year and earliest <= context_year <= usual + (kind != "actual") else usual
    if kind != "actual" or doc_month is None or months is None:
        return doc_year
    return doc_year if months[1] <= doc_month else doc_year - 1


_YEAR = regex.compile(r"(?<![\d比较])((?:19|20)\d{2})年")
REVIEW_MONTHS = 4             # a review of the year before is published by April
PARAGRAPH_LOOKBACK = 300      # characters of a paragraph read back for a period a figure lacks


class DocumentYears:
    """The explicit years a document writes, in order: the year the text last wrote before a
    figure is the year its 全年 most likely means."""

    def __init__(self, text: str):
        self.marks = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text)]
        self.positions = [pos for pos, _ in self.marks]

    def recent(self, pos: int, doc_date: str | None = None) -> int | None:
        i = bisect_right(self.positions, pos) - 1
        if i < 0:
            return None
        year = self.marks[i][1]
        if doc_date and year > int(doc_date[:4]):
            return None
        return year

    def reviewed_year(self, pos: int, doc_date: str | None) -> Period | None:
        """The year a figure with no period of its own reports on, when the text last wrote the
        year before the document's and the document is of the months when last year is
        reviewed ("一、2022年工作回顾 … 地区生产总值达到2100亿元" in January 2023). The
        document's own year is no answer: its figure may be for any part of it."""
        year = self.recent(pos, doc_date)
        if year is None or not doc_date or len(doc_date) < 7 or year != int(doc_date[:4]) - 1:
            return None
        if int(doc_date[5:7]) > REVIEW_MONTHS:
            return None
        return Period(f"{year}年", f"{year}-01", f"{year}-12", inferred=True, shape="year")

    @staticmethod
    def paragraph_period(text: str, pos: int) -> PeriodMention | None:
        """The last period written earlier in the figure's paragraph ("2018年全区经济…。区属地区
        生产总值达到…"): the period of a figure that writes none."""
        start = max(text.rfind("\n", 0, pos) + 1, pos - PARAGRAPH_LOOKBACK)
        mentions = find_periods(text[start:pos])
        return mentions[-1] if mentions else None


def document_year_period(doc_date: str | None) -> Period | None:
    """The period of a target that names none: the document's year."""
    if not doc_date:
        return None
    year = doc_date[:4]
    return Period(f"{year}年", f"{year}-01", f"{year}-12", inferred=True, shape="year")
