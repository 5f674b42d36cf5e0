"""The indicator vocabulary (extractors/data/indicators.tsv), the words around figures
(metric_words.tsv), units (metric_units.tsv) and OCR repairs (metric_ocr.tsv).

A metric as written ("前三季度DP", "其中直管区GDP", "全区实现地区生产总值") is reduced to its core by
stripping times, scope words, place names, counts ("120个") and verbs from the left; the core
is then looked up among the synonyms. Only the whole core counts: "民营规上工业总产值" is not
规上工业总产值, it is a narrower figure and stays outside the vocabulary. `core()` goes further
for the extractor: it also drops asides ("地区生产总值（GDP）"), periods anywhere ("GDP增速一季度")
and words on the right ("固定资产投资累计", "GDP增速": a rate word makes the figure a growth).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from .gazetteer import PREFECTURAL, PROVINCIAL, gazetteer
from .lexicon import alternation, table
from .periods import find_periods, period_patterns
from .word_scan import WordScan


@dataclass(frozen=True)
class Indicator:
    id: str
    label_zh: str
    label_en: str
    synonyms: tuple[str, ...]
    level_units: tuple[str, ...]
    broader: str | None


@dataclass(frozen=True)
class Unit:
    written: str
    canonical: str
    kind: str
    label_en: str
    id: str


class Vocabulary:
    def __init__(self):
        self.indicators = tuple(
            Indicator(r["id"], r["label_zh"], r["label_en"], tuple(s for s in r["synonyms"].split("|") if s),
                      tuple(u for u in r["level_units"].split("|") if u), r["broader"] or None)
            for r in table("indicators.tsv"))
        self.by_id = {i.id: i for i in self.indicators}
        self.by_synonym = {s: i for i in self.indicators for s in (i.synonyms + (i.label_zh,))}
        self.ocr = {r["damaged"]: r["repaired"] for r in table("metric_ocr.tsv")}
        self.units = {r["written"]: Unit(r["written"], r["canonical"], r["kind"], r["label_en"], r["id"])
                      for r in table("metric_units.tsv")}
        words: dict[str, dict[str, str]] = {}
        for r in table("metric_words.tsv"):
            words.setdefault(r["role"], {})[r["word"]] = r["value"]
        self.words = words

    def role(self, role: str) -> dict[str, str]:
        return self.words.get(role, {})

    def alt(self, *roles: str, position: str | None = None) -> str:
        items = [w for r in roles for w, v in self.role(r).items() if position is None or v == position]
        return alternation(items)

    def qualifier(self, word: str | None) -> str | None:
        """lower-bound | approximate | upper-bound for a qualifier word."""
        names = {"lower": "lower-bound", "approx": "approximate", "upper": "upper-bound"}
        for role, name in names.items():
            if word and word in self.role(role):
                return name
        return None

    @cached_property
    def _word_stripper(self) -> regex.Pattern:
        """Prefix words, counts ("120个") and punctuation, tried in that order."""
        # every word that names a figure's area (该区, 全旗, 本州 …) opens a metric as 全区 does
        areas = [r["word"] for r in table("metric_area_words.tsv")]
        prefix = f"(?:{alternation([*self.role('prefix'), *areas])})"
        count = r"\d+(?:\.\d+)?(?:个|家|项|批)"
        punct = r"[，,、：:“”‘’\"]"
        return regex.compile("|".join(f"(?:{p})" for p in (prefix, count, punct)))

    @cached_property
    def _period_stripper(self) -> regex.Pattern:
        """The period patterns as one pattern: alternatives are tried in order, as a loop over
        them would, at a fraction of the cost."""
        return regex.compile("|".join(f"(?:{p.pattern})" for _, p in period_patterns()))

    def strip(self, phrase: str) -> tuple[str, int]:
        """The core of a metric and how many characters were stripped from its left: prefix
        words, counts, punctuation, then the longest place name, then a period, tried in that
        order at each position."""
        pos = 0
        words, periods = self._word_stripper.match, self._period_stripper.match
        place_end = _place_prefix().end
        while pos < len(phrase):
            m = words(phrase, pos)
            end = m.end() if m else place_end(phrase, pos)
            if end is None:
                m = periods(phrase, pos)
                end = m.end() if m else None
            if end is None or end <= pos:
                break
            pos = end
        return phrase[pos:], pos

    def core(self, phrase: str, periods: list[tuple[int, int]] | None = None) -> tuple[str, bool]:
        """The metric a phrase names, and whether a rate word in it (增速, 增长速度) makes the
        figure a growth rate. `periods`: the spans of the periods written in the phrase, when
        the caller has found them already."""
        if periods is None:
            periods = [(m.start, m.end) for m in find_periods(phrase)]
        for a, b in sorted(periods, reverse=True):
            phrase = phrase[:a] + phrase[b:]
        if "比" in phrase or "较" in phrase:
            phrase = _BASE.sub("", phrase)
        if "(" in phrase or "（" in phrase:
            phrase = _ASIDE.sub("", phrase)
        core, _ = self.strip(phrase)
        rate = False
        changed = True
        while changed and core:
            changed = False
            m = self._suffix.search(core)
            if m and m.start() > 0:
                rate = rate or self.role("suffix")[m.group()] == "rate"
                core, changed = core[:m.start()], True
        return core, rate

    @cached_property
    def _suffix(self) -> regex.Pattern:
        return regex.compile(f"(?:{alternation(self.role('suffix'))})$")

    def topic(self, clause: str) -> tuple[Indicator, bool] | None:
        """The indicator a clause opens with and whether it speaks of its rate ("GDP增速逐季
        攀升"): what a bare figure after it ("上半年3.2%") is a figure of."""
        core, _ = self.strip(_ASIDE.sub("", clause))
        for synonym in self._synonyms_longest_first:
            if core.startswith(synonym):
                rest = core[len(synonym):]
                rate = bool(self._rate_start.match(rest))
                # a short synonym must be followed by its rate: "经济增速", not "经济运行"
                if rate or len(synonym) >= 3 or not rest:
                    return self.by_synonym[synonym], rate
                return None
        return None

    def names_some_indicator(self, text: str) -> bool:
        """Whether any synonym (or OCR-damaged form) stands anywhere in the text."""
        return self._any_synonym.any(text)

    @cached_property
    def _any_synonym(self) -> WordScan:
        """Whether any synonym stands in a text is one pass over it (an alternation of 186
        words was tried at every character)."""
        return WordScan((w, w) for w in [*self.by_synonym, *self.ocr])

    @cached_property
    def _synonyms_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.by_synonym, key=lambda s: (-len(s), s)))

    @cached_property
    def _rate_start(self) -> regex.Pattern:
        rates = [w for w, v in self.role("suffix").items() if v == "rate"] + list(self.role("growth"))
        return regex.compile(f"的?(?:{alternation(rates)})")

    def lookup(self, core: str) -> tuple[Indicator | None, bool]:
        """The indicator a core names, and whether an OCR repair was needed to see it."""
        if core in self.by_synonym:
            return self.by_synonym[core], False
        repaired = self.ocr.get(core)
        if repaired and repaired in self.by_synonym:
            return self.by_synonym[repaired], True
        return None, False

    def level_allowed(self, indicator: Indicator, unit: Unit) -> bool:
        return unit.kind in indicator.level_units


# The base of a comparison written between a metric and its verb: "GDP比2023年增长5%".
_BASE = regex.compile(r"[比较](?:(?:19|20)\d{2}年|去年|上年|上半年|[一二三四]季度)(?:同期|底|末)?$")
# An aside in brackets without digits: "（GDP）", "(人民币,下同)".
_ASIDE = regex.compile(r"[（(][^（）()\d]{1,12}[）)]")


class _PlacePrefix:
    """The longest place name a text has at a position. A set lookup per candidate length:
    the same answer as an alternation of the 1,500-odd names tried longest first, without
    its compile (~0.3 s) and its cost per position."""

    def __init__(self, names):
        names = frozenset(names)
        lengths: dict[str, set[int]] = {}
        for name in names:
            lengths.setdefault(name[0], set()).add(len(name))
        self.names = names
        self.lengths = {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()}

    def end(self, text: str, pos: int) -> int | None:
        room = len(text) - pos
        for n in self.lengths.get(text[pos], ()):
            if n <= room and text[pos:pos + n] in self.names:
                return pos + n
        return None


@lru_cache(maxsize=1)
def _place_prefix() -> _PlacePrefix:
    """Place names that may open a metric: any full official name, but short names only of the
    home corpus's places, provinces and prefecture-level cities (a county's short name
    elsewhere in China is often a plain word: 通道, 资源)."""
    gaz = gazetteer()
    full = {p.name for p in gaz.all_places}
    wide, home = PROVINCIAL + PREFECTURAL, {p.id for p in gaz.places}
    short = {s for p in gaz.all_places if p.id in home or p.kind in wide for s in p.short_names}
    return _PlacePrefix(n for n in full | short if n)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return Vocabulary()
