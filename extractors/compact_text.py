"""The compact copy of a sentence the figures are read from: spaces dropped except between two
ASCII letters or digits (so "特 色 产 业 产 值 分 别 增 长 4.9%" reads as running text) and asides
in brackets without digits dropped ("（GDP）", "(人民币,下同)": they split a metric from its
figure), with a map from every character back to the normalised text."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

_ASIDE = regex.compile(r"[（(][^（）()\d\n]{1,12}[）)]")
_SPECIAL = regex.compile(r"[ （(]")


@dataclass
class Compact:
    text: str
    origin: Sequence[int]       # offset in the normalised text of each character (a list or a range)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def compact(text: str, start: int, end: int) -> Compact:
    """Asides in brackets without digits ("（GDP）", "(人民币,下同)") are dropped too: they
    split a metric from its figure."""
    # compact_at's reading of one stretch: the runs between spaces and brackets are copied
    # whole, and a stretch that loses nothing (most sentences) maps back through a range
    runs: list[tuple[int, int]] = []
    last = ""                   # the last character kept
    pos = start
    for m in _SPECIAL.finditer(text, start, end):
        i = m.start()
        if i < pos:
            continue            # inside an aside dropped
        if i > pos:
            runs.append((pos, i))
            last = text[i - 1]
        pos = i + 1
        if text[i] == " ":
            after = text[i + 1] if i + 1 < end else ""
            if not (last.isascii() and last.isalnum() and after.isascii() and after.isalnum()):
                continue
        else:
            aside = _ASIDE.match(text, i, end)
            if aside:
                pos = aside.end()
                continue
        runs.append((i, i + 1))
        last = text[i]
    if pos < end:
        runs.append((pos, end))
    if sum(b - a for a, b in runs) == end - start:
        return Compact(text[start:end], range(start, end))
    origin: list[int] = []
    for a, b in runs:
        origin.extend(range(a, b))
    return Compact("".join(text[a:b] for a, b in runs), origin)


def compact_at(text: str, positions) -> Compact:
    """The compact copy of the characters of `text` at `positions` (increasing; a column of
    a two-column page is not one stretch of the text)."""
    positions = list(positions)
    chars, origin = [], []
    skip_to = -1
    for k, i in enumerate(positions):
        if i < skip_to:
            continue
        ch = text[i]
        if ch in "（(":
            m = _ASIDE.match(text, i, positions[-1] + 1)
            last = k + m.end() - i - 1 if m else -1
            if m and last < len(positions) and positions[last] == m.end() - 1:     # all of it is ours
                skip_to = m.end()
                continue
        if ch == " ":
            before = chars[-1] if chars else ""
            after = text[positions[k + 1]] if k + 1 < len(positions) else ""
            if not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
                continue
        chars.append(ch)
        origin.append(i)
    return Compact("".join(chars), origin)
