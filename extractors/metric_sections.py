"""What a speaker's section tells every figure in it: its opening summary (the first paragraph
with figures, before the numbered points) and the period that summary states; and the period
most sections of a document state (a meeting's speeches all report one period)."""
from __future__ import annotations

from collections import Counter

import regex

from .compact_text import compact
from .facts import PreparedDocument, Section
from .figures import grammar
from .metric_facts import Period
from .periods import find_periods, resolve

# Paragraphs that end an opening summary: numbered points ("一、", "一是", "（一）", "1.") and
# label lines ("行动计划：").
_POINT = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、](?!\d))")
_LABEL = regex.compile(r"^[^，,。；;]{2,10}[：:]$")
SPEAKER_LAYOUTS = ("before_body", "after_body")


class SectionContext:
    def __init__(self, doc: PreparedDocument, section: Section):
        self.summary = _summary_span(doc, section) if section.layout in SPEAKER_LAYOUTS else None
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


def reporting_period(contexts) -> Period | None:
    """The period most sections' summaries state; figures with no period of their own and no
    section period get it."""
    periods = [c.period for c in contexts if c.period and c.period.start]
    if not periods:
        return None
    counts = Counter((p.start, p.end) for p in periods)
    best = max(counts.values())
    return next(p for p in periods if counts[(p.start, p.end)] == best)


OPENING_CHARS = 200       # a statistics story states its period in its title or first lines
_SENTENCE_MARK = regex.compile(r"[，,。；;]")


def opening_period(doc: PreparedDocument) -> Period | None:
    """The period a page without sections states at its top ("今年上半年以来，…", a title
    "前三季度全县经济运行情况"): the period of its figures that write none. A target year
    ("到2025年") is no reporting period."""
    title = getattr(doc.doc, "title", None) or ""
    head = doc.norm.text[:OPENING_CHARS]
    first_line = head.split("\n", 1)[0]
    if not _SENTENCE_MARK.search(first_line):
        first_line = ""      # a headline run into the body says nothing of its figures
    for text in (title, first_line):
        mentions = [m for m in find_periods(compact(text, 0, len(text)).text) if m.shape != "until_year"]
        if mentions:
            return resolve(mentions[0], doc.doc.date.value)
    return None
