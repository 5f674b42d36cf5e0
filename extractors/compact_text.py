"""The compact copy of a sentence the figures are read from: spaces dropped except between two
ASCII letters or digits (so "特 色 产 业 产 值 分 别 增 长 4.9%" reads as running text) and asides
in brackets without digits dropped ("（GDP）", "(人民币,下同)": they split a metric from its
figure), with a map from every character back to the normalised text."""
from __future__ import annotations

from dataclasses import dataclass

import regex

_ASIDE = regex.compile(r"[（(][^（）()\d\n]{1,12}[）)]")


@dataclass
class Compact:
    text: str
    origin: list[int]           # offset in the normalised text of each character

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def compact(text: str, start: int, end: int) -> Compact:
    """Asides in brackets without digits ("（GDP）", "(人民币,下同)") are dropped too: they
    split a metric from its figure."""
    return compact_at(text, range(start, end))


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
