"""Reading the figures of one sentence: which metric each number belongs to.

Works on a compact copy of the sentence (spaces dropped except between two ASCII letters or
digits, so "特 色 产 业 产 值 分 别 增 长 4.9%" reads as running text), with a map back to the
normalised text. Shapes:
- single:  "固投增长19.4%"                   one metric, one value
- chain:   "GDP达2060亿元、增长6%"           one metric, a level then a growth rate
- list:    "A、B、C分别增长7%、8.6%、13.9%"    values map onto the metrics by position
           "集成电路、高端装备产值分别增长…"     the last item's head noun (产值) goes to items
                                             that have none
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .indicators import Unit, Vocabulary, vocabulary
from .lexicon import alternation

DELIMITERS = "，,、；;：:。！？!?\n"
_DELIM_CLASS = "[" + regex.escape(DELIMITERS) + "]"


@dataclass
class Compact:
    text: str
    origin: list[int]           # offset in the normalised text of each character

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def compact(text: str, start: int, end: int) -> Compact:
    chars, origin = [], []
    for i in range(start, end):
        ch = text[i]
        if ch == " ":
            before = chars[-1] if chars else ""
            after = text[i + 1] if i + 1 < end else ""
            if not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
                continue
        chars.append(ch)
        origin.append(i)
    return Compact("".join(chars), origin)


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

    @property
    def bare(self) -> bool:
        return not self.phrase

    @property
    def leads(self) -> bool:
        """Says something of its own (a verb or a qualifier), so it is not a list's next value."""
        return bool(self.verb or self.pre or self.respectively)


@dataclass
class Member:
    """One metric-value pair read from a sentence."""

    item: str                   # the metric as written (before its prefixes are stripped)
    item_start: int
    figure: Figure
    verb: str | None
    decline: bool
    span: tuple[int, int]       # evidence, compact offsets
    rule: str                   # single | chain | list


@dataclass
class _Group:
    figures: list[list[Figure]] = field(default_factory=list)   # segments: one verb each


class FigureGrammar:
    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        units = alternation(vocab.units)
        post = vocab.alt("lower", "approx", "upper", position="after")
        self.value = regex.compile(
            rf"(?<![\d.A-Za-z第])(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<unit>{units})(?!均)(?P<post>{post})?")
        level = alternation(vocab.role("level"))
        pre = vocab.alt("lower", "approx", "upper", position="before")
        self.left = regex.compile(
            rf"(?P<phrase>(?:(?!{_DELIM_CLASS}).)*?)(?P<resp>分别)?(?P<cmp>{alternation(vocab.role('comparison'))})?"
            rf"(?:(?P<verb>{vocab.alt('growth', 'decline')})了?)?(?:{level})?(?P<pre>{pre})?$")
        self.heads = sorted(vocab.role("head"), key=len, reverse=True)

    def figures(self, text: str) -> list[Figure]:
        out: list[Figure] = []
        floor = 0
        for m in self.value.finditer(text):
            left = self.left.search(text, floor, m.start())
            if left is None:
                continue
            p_start = left.start("phrase")
            sep = text[p_start - 1] if p_start > 0 and text[p_start - 1] in DELIMITERS else ""
            verb = left.group("verb")
            out.append(Figure(m.start(), m.end(), m.group("num"), self.vocab.units[m.group("unit")],
                              m.group("post"), left.group("pre"), verb,
                              bool(verb and verb in self.vocab.role("decline")), bool(left.group("resp")),
                              left.group("phrase").strip(), p_start, sep))
            floor = m.end()
        return out

    def members(self, text: str) -> list[Member]:
        out: list[Member] = []
        for group in self._groups(self.figures(text)):
            out.extend(self._resolve(text, group))
        return out

    def _groups(self, figures: list[Figure]) -> list[_Group]:
        groups: list[_Group] = []
        prev: Figure | None = None
        for fig in figures:
            adjacent = prev is not None and fig.bare and fig.sep in "、，," and fig.sep and prev.end == fig.phrase_start - 1
            if adjacent and fig.leads:
                groups[-1].figures.append([fig])          # chain: "…亿元、增长6%"
            elif adjacent and fig.sep == "、":
                groups[-1].figures[-1].append(fig)        # next value of a list
            elif not fig.bare:
                groups.append(_Group([[fig]]))
            else:       # a bare figure with no figure of a group before it belongs to nothing
                prev = None
                continue
            prev = fig  # always a member of groups[-1]
        return groups

    def _resolve(self, text: str, group: _Group) -> list[Member]:
        first = group.figures[0][0]
        size = max(len(seg) for seg in group.figures)
        if size == 1:
            return [Member(first.phrase, first.phrase_start, seg[0], seg[0].verb, seg[0].decline,
                           (first.phrase_start, seg[0].end), "single" if k == 0 else "chain")
                    for k, seg in enumerate(group.figures)]
        items = self._items(text, first, size)
        if items is None:
            return []
        out = []
        for seg in group.figures:
            if len(seg) != size:
                continue
            for (item, start), fig in zip(items, seg):
                out.append(Member(item, start, fig, seg[0].verb, seg[0].decline, (items[0][1], seg[-1].end), "list"))
        return out

    def _items(self, text: str, first: Figure, size: int) -> list[tuple[str, int]] | None:
        """The list's metrics: the phrase and the '、'-separated segments before it."""
        items = [(first.phrase, first.phrase_start)]
        pos = first.phrase_start
        while len(items) < size and pos > 0 and text[pos - 1] == "、":
            m = regex.search(rf"(?:^|{_DELIM_CLASS})((?:(?!{_DELIM_CLASS}).)+)$", text[:pos - 1])
            if not m or regex.search(r"\d(?:%|亿|万)", m.group(1)):
                break
            items.insert(0, (m.group(1), m.start(1)))
            pos = m.start(1)
        if len(items) != size:
            return None
        return self._share_head(items)

    def _share_head(self, items: list[tuple[str, int]]) -> list[tuple[str, int]]:
        last = items[-1][0]
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
