"""Reading the figures of one sentence: which metric each number belongs to.

Works on the compact copy of the sentence (compact_text.py: spaces and bracketed asides dropped,
with a map back to the normalised text). Shapes:
- single:  "固投增长19.4%"                   one metric, one value
- chain:   "GDP达2060亿元、增长6%"           one metric, a level then a growth rate
- list:    "A、B、C分别增长7%、8.6%、13.9%"    values map onto the metrics by position
           "集成电路、高端装备产值分别增长…"     the last item's head noun (产值) goes to items
                                             that have none
           "城乡居民收入分别增长6%和7%"          a paired qualifier splits into its items
- from:    "GDP从2017年的2.01万亿元增加到2.9万亿元"  the earlier level (rule "from") and the
                                                 new one (a chain)
- bare:    "工业增加值由负转正，增长0.8%"          a verb and a rate alone after a clause: the
                                                 metric the clause before opens with
A growth rate separated from its level by a clause saying how it was computed ("…亿元，按不变
价格计算，同比增长6%") still chains. Ranges ("1.5%-12.0%") are no figure at all, nor are
counts written with a unit and a measure word ("2.88亿片").
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .indicators import Unit, Vocabulary, vocabulary
from .lexicon import alternation

DELIMITERS = "，,、；;：:。！？!?\n"
_DELIM_CLASS = "[" + regex.escape(DELIMITERS) + "]"
_DELIM = regex.compile(_DELIM_CLASS)
_LAST_SEGMENT = regex.compile(rf"(?:^|{_DELIM_CLASS})((?:(?!{_DELIM_CLASS}).)+)$")
_HAS_FIGURE = regex.compile(r"\d(?:%|亿|万)")
_DIGIT = regex.compile(r"\d")
MAX_LABEL = 16               # a label before a colon ("地区生产总值：") is short
_RANGE = r"[-—–~～至到]"


@dataclass
class Figure:
    start: int                  # the number
    end: int                    # after the unit and any qualifier after it
    number: str
    unit: Unit
    post: str | None
    pre: str | None
    verb: str | None
    decline: bool
    respectively: bool
    phrase: str
    phrase_start: int
    sep: str                    # the delimiter before the phrase; "" when none
    rate: bool = False          # a rate word after the figure: "保持了17%以上增速"
    to: bool = False            # a level reached: "增加到2.9万亿元"
    level: bool = False         # a level verb before it: "，达到1023.4亿元"
    earlier: int | None = None  # "从2017年的2.01万亿元": where the from-clause starts
    left: str = ""              # everything read left of the number (phrase and verbs)

    @property
    def bare(self) -> bool:
        return not self.phrase

    @property
    def leads(self) -> bool:
        """Says something of its own (a verb or a qualifier), so it is not a list's next value."""
        return bool(self.verb or self.pre or self.respectively or self.level)


@dataclass
class Member:
    """One metric-value pair read from a sentence."""

    item: str                   # the metric as written (before its prefixes are stripped)
    item_start: int
    figure: Figure
    verb: str | None
    decline: bool
    span: tuple[int, int]       # evidence, compact offsets
    rule: str                   # single | chain | list | from
    skip: tuple[int, int] | None = None   # a from-clause: its period is not this figure's


@dataclass
class _Group:
    figures: list[list[Figure]] = field(default_factory=list)   # segments: one verb each
    bare: bool = False          # opens with a verb alone: its metric is the clause before


class FigureGrammar:
    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        units = alternation(vocab.units)
        post = vocab.alt("lower", "approx", "upper", position="after")
        rate = alternation(w for w, v in vocab.role("suffix").items() if v == "rate")
        self.value = regex.compile(
            rf"(?<![\d.A-Za-z第%\-−~～—])(?:(?<=\p{{Han}})(?P<sign>[-−]))?(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)"
            rf"(?P<unit>{units})(?![均/]|{vocab.alt('measure')}|\s*{_RANGE}\s*\d)(?P<post>{post})?"
            rf"(?P<rate>的?(?:{rate}|增长)(?![到至了]|\s*[\d\-−]))?")       # 以上增速, 的增长; not 增长到, 增长6%
        level = alternation(vocab.role("level"))
        pre = vocab.alt("lower", "approx", "upper", position="before")
        cmp = alternation(vocab.role("comparison"))
        manner = alternation(vocab.role("manner"))
        self.left = regex.compile(
            rf"(?P<phrase>(?:(?!{_DELIM_CLASS}).)*?)(?:{cmp})?(?P<resp>分别)?(?:{cmp})?(?:{manner})?"
            rf"(?:(?P<verb>{vocab.alt('growth', 'decline')})了?)?(?P<level>{level})?了?(?P<pre>{pre})?$")
        self.earlier = regex.compile(r"[从由](?:(?:19|20)\d{2}年(?:末|底)?)?的?$")
        self.heads = sorted(vocab.role("head"), key=len, reverse=True)
        self.conjunctions = frozenset(vocab.role("conjunction"))
        self.after_figure = regex.compile(alternation(vocab.role("after_figure")))
        clause_delims = regex.escape(DELIMITERS.replace("、", ""))
        self.clause = regex.compile(rf"(?:^|[{clause_delims}])([^{clause_delims}]+)$")    # "城、乡…" is one clause
        self.calculation = regex.compile(rf"[，,](?:{alternation(vocab.role('calculation'))})[，,]")

    def figures(self, text: str) -> list[Figure]:
        out: list[Figure] = []
        floor = 0
        delimiters = [m.start() for m in _DELIM.finditer(text)]
        for m in self.value.finditer(text):
            # The phrase never holds a delimiter, so the match starts after the last one: a
            # match there is what a search would find, without trying every start before it.
            k = bisect_left(delimiters, m.start())
            start = max(floor, delimiters[k - 1] + 1 if k else 0)
            left = self.left.match(text, start, m.start())
            if left is None:
                continue
            p_start = left.start("phrase")
            sep = text[p_start - 1] if p_start > 0 and text[p_start - 1] in DELIMITERS else ""
            verb = left.group("verb")
            phrase = left.group("phrase").strip()
            if not phrase and sep in ("：", ":") and p_start - 1 > floor:
                label = _LAST_SEGMENT.search(text, floor, p_start - 1)    # "地区生产总值：1234.5亿元"
                if label and len(label.group(1)) <= MAX_LABEL and not _DIGIT.search(label.group(1)):
                    phrase, p_start = label.group(1), label.start(1)
                    sep = text[p_start - 1] if p_start > 0 and text[p_start - 1] in DELIMITERS else ""
            earlier = self.earlier.search(phrase) if "从" in phrase or "由" in phrase else None   # its first character
            level = left.group("level") or ""
            out.append(Figure(m.start(), m.end(), (m.group("sign") and "-" or "") + m.group("num"),
                              self.vocab.units[m.group("unit")], m.group("post"), left.group("pre"), verb,
                              bool(verb and verb in self.vocab.role("decline")), bool(left.group("resp")),
                              phrase[:earlier.start()] if earlier else phrase, p_start, sep,
                              rate=bool(m.group("rate")), to=level.endswith(("到", "至")), level=bool(level),
                              earlier=p_start + earlier.start() if earlier else None,
                              left=text[p_start:m.start()]))
            floor = m.end()
        return out

    def members(self, text: str) -> list[Member]:
        out: list[Member] = []
        groups = self._groups(text, self.figures(text))
        for k, group in enumerate(groups):
            back = self._respectively_back(groups, k)
            out.extend(self._resolve(text, group))
            out.extend(back)
        return out

    @staticmethod
    def _respectively_back(groups: list[_Group], k: int) -> list[Member]:
        """"接待游客1234万人次，实现旅游收入98.7亿元，分别增长15.6%和18.9%": the rates after 分别
        go, in order, to the levels of as many figures before them. The rates are taken out
        of the last group, which then reads as its level alone."""
        group = groups[k]
        last = group.figures[-1]
        if len(group.figures) < 2 or not last[0].respectively or len(last) < 2 or len(last) > k + 1:
            return []
        owners = [g.figures[0][0] for g in groups[k + 1 - len(last):k + 1]]
        if any(len(g.figures[0]) != 1 or g.figures[0][0].verb for g in groups[k + 1 - len(last):k + 1]):
            return []
        group.figures.pop()
        return [Member(owner.phrase, owner.phrase_start, rate, last[0].verb, last[0].decline,
                       (owner.phrase_start, rate.end), "list") for owner, rate in zip(owners, last)]

    def _groups(self, text: str, figures: list[Figure]) -> list[_Group]:
        groups: list[_Group] = []
        prev: Figure | None = None
        for fig in figures:
            link = self._link(text, prev, fig) if prev is not None else None
            if link == "chain":
                groups[-1].figures.append([fig])          # chain: "…亿元、增长6%"
            elif link == "next":
                groups[-1].figures[-1].append(fig)        # next value of a list
            elif not fig.bare:
                groups.append(_Group([[fig]]))
            elif fig.verb and fig.sep in ("，", ","):
                groups.append(_Group([[fig]], bare=True))   # "…工业增加值由负转正，增长0.8%"
            else:       # a bare figure with no figure of a group before it belongs to nothing
                prev = None
                continue
            prev = fig  # always a member of groups[-1]
        return groups

    def _link(self, text: str, prev: Figure, fig: Figure) -> str | None:
        """How a figure joins the one before it: as the next link of a chain, the next value
        of a list, or not at all."""
        gap = text[prev.end:fig.phrase_start]
        after = self.after_figure.match(gap)
        if after:
            gap = gap[after.end():]                       # "突破1000亿元大关，达到…"
        if fig.bare and prev.earlier is not None and not gap and fig.to:
            return "chain"                                # 从A增加到B
        if fig.bare and fig.leads and (gap in ("、", "，", ",") or self.calculation.fullmatch(gap)):
            return "chain"
        if fig.bare and gap == "、":
            return "next"
        if fig.phrase in self.conjunctions and not gap and not fig.leads:
            return "next"                                 # …13.4%和13.9%
        return None

    def _resolve(self, text: str, group: _Group) -> list[Member]:
        first = group.figures[0][0]
        size = max(len(seg) for seg in group.figures)
        if size == 1:
            skip = (first.earlier, first.end) if first.earlier is not None else None
            return [Member(first.phrase, first.phrase_start, seg[0], seg[0].verb, seg[0].decline,
                           (first.phrase_start, seg[0].end), "bare" if group.bare and k == 0 else self._rule(k, seg[0]), skip)
                    for k, seg in enumerate(group.figures)]
        items = self._pair(text, first, size) or self._items(text, first, size)
        if items is None:
            return []
        out = []
        for seg in group.figures:
            if len(seg) != size:
                continue
            for (item, start), fig in zip(items, seg):
                out.append(Member(item, start, fig, seg[0].verb, seg[0].decline, (items[0][1], seg[-1].end), "list"))
        return out

    @staticmethod
    def _rule(k: int, fig: Figure) -> str:
        if fig.earlier is not None:
            return "from"
        return "single" if k == 0 else "chain"

    def _pair(self, text: str, first: Figure, size: int) -> list[tuple[str, int]] | None:
        """"城乡居民收入分别增长…" and "城、乡居民…": one item per half of the pair. A pair
        after other words ("…简况城乡居民…", a headline run into the body) counts when its
        first item is a metric of the vocabulary."""
        end = first.phrase_start + len(first.phrase)
        m = self.clause.search(text, 0, end)
        if not m:
            return None
        core, skipped = self.vocab.strip(m.group(1))
        for form, expansions in self.vocab.role("pair").items():
            parts = expansions.split("|")
            at = core.rfind(form)
            rest = core[at + len(form):] if at >= 0 else ""
            if len(parts) != size or not rest:
                continue
            if at == 0 or self.vocab.lookup(self.vocab.core(parts[0] + rest)[0])[0] is not None:
                return [(part + rest, m.start(1) + skipped + at) for part in parts]
        return None

    def _items(self, text: str, first: Figure, size: int) -> list[tuple[str, int]] | None:
        """The list's metrics: the phrase and the '、'-separated segments before it."""
        items = [(first.phrase, first.phrase_start)]
        pos = first.phrase_start
        while len(items) < size and pos > 0 and text[pos - 1] == "、":
            m = _LAST_SEGMENT.search(text, 0, pos - 1)
            if not m or _HAS_FIGURE.search(m.group(1)):
                break
            items.insert(0, (m.group(1), m.start(1)))
            pos = m.start(1)
        if len(items) == size - 1:
            items = self._split_conjoined(items) or items
        if len(items) != size:
            return None
        return self._share_head(items)

    def _split_conjoined(self, items: list[tuple[str, int]]) -> list[tuple[str, int]] | None:
        """"城镇居民人均可支配收入和农村居民人均可支配收入分别增长5%和6%": the first item is two
        metrics joined by 和/与/及, split only where both halves are indicators of the vocabulary."""
        item, start = items[0]
        for word in self.conjunctions:
            at = item.find(word)
            while at > 0:
                left, right = item[:at], item[at + len(word):]
                if all(self.vocab.lookup(self.vocab.core(part)[0])[0] is not None for part in (left, right)):
                    return [(left, start), (right, start + at + len(word)), *items[1:]]
                at = item.find(word, at + 1)
        return None

    def _share_head(self, items: list[tuple[str, int]]) -> list[tuple[str, int]]:
        last = items[-1][0]
        last_core, skipped = self.vocab.strip(last)
        if last_core and skipped and self.vocab.lookup(last_core)[0] is not None:
            # places listed before one metric: "襄阳、宜昌地区生产总值分别增长…" is each place's
            places = [item + last_core if not self.vocab.strip(item)[0] else item for item, _ in items[:-1]]
            if places != [item for item, _ in items[:-1]]:
                return [(p, start) for p, (_, start) in zip(places, items[:-1])] + [items[-1]]
        head = next((h for h in self.heads if last.endswith(h) and len(last) > len(h)), None)
        if head is None:
            return items
        out = []
        for item, start in items[:-1]:
            core, _ = self.vocab.strip(item)
            bare = not any(core.endswith(h) for h in self.heads) and self.vocab.lookup(core)[0] is None
            out.append((item + head if bare else item, start))
        return out + [items[-1]]


@lru_cache(maxsize=1)
def grammar() -> FigureGrammar:
    return FigureGrammar(vocabulary())
