"""Normalisation the extractors rely on, with a map from every output character back to the
original text, so evidence quotes and spans always point at what the document really says.

Two steps. `clean_lines` works line by line: drops noise (ads, watermarks, paywall markers),
folds full-width digits, letters and number punctuation to ASCII, turns ideographic and
no-break spaces into plain spaces, removes zero-width and control characters and indentation.
`join_lines` then rebuilds running text, joining lines that were hard-wrapped inside a
paragraph or a word ("同\\n\\n比增长") and keeping real paragraph breaks.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

# Folded to ASCII: full-width digits and Latin letters, and the punctuation used inside numbers
# and formulas. Chinese sentence punctuation (，。：；) is kept as written; patterns accept both.
_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FOLD.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_FOLD.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_FOLD.update({"％": "%", "．": ".", "＋": "+", "－": "-", "／": "/", "＜": "<", "＞": ">",
              "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\t": " "})
_DROP = set("\u200b\u200c\u200d\u2060\ufeff\u00ad") | {chr(c) for c in range(0, 32)} | {chr(0x7F)}

TERMINAL = set("。！？!?；;：:")
_LIST_MARKER = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、](?!\d))")
_INNER_PUNCT = set("，,。；;：:！？!?、")


@dataclass
class Line:
    text: str
    origin: list[int]      # original offset of each character of `text`
    end: int               # original offset just after the line (its newline)
    heading: bool = False  # a headline-like line; never joined to its neighbours
    structural: bool = False  # set by the sectioner: speaker lines, place headers, meta lines


@dataclass
class NormText:
    """Normalised text and, for each character, its offset in the original."""

    text: str
    origin: list[int]
    line_starts: list[int] = field(default_factory=list)  # per cleaned line; -1 if empty

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for normalised [start, end)."""
        if start >= end:
            o = self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)
            return o, o
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=1)
def noise_patterns() -> tuple[tuple[str, regex.Pattern], ...]:
    data = resources.files("cadregraph.documents").joinpath("data/noise_patterns.tsv").read_text("utf-8")
    rows = csv.reader((ln for ln in data.splitlines() if ln and not ln.startswith("#")), delimiter="\t")
    next(rows)  # header
    return tuple((name, regex.compile(pattern)) for name, pattern in rows)


def clean_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = _next_newline(text, pos)
        raw_end = nl if nl >= 0 else n
        lines.append(_clean_line(text, pos, raw_end))
        if nl < 0:
            break
        pos = nl + (2 if text.startswith("\r\n", nl) else 1)
    _mark_headings(lines)
    return lines


def _next_newline(text: str, pos: int) -> int:
    a = text.find("\n", pos)
    b = text.find("\r", pos)
    if a < 0:
        return b
    if b < 0:
        return a
    return min(a, b)


def _clean_line(text: str, start: int, end: int) -> Line:
    raw = text[start:end]
    keep = [True] * len(raw)
    for _name, pattern in noise_patterns():
        for m in pattern.finditer(raw):
            for i in range(m.start(), m.end()):
                keep[i] = False
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(raw):
        if not keep[i] or ch in _DROP:
            continue
        chars.append(_FOLD.get(ch, ch))
        origin.append(start + i)
    # Indentation and trailing blanks carry no meaning.
    lo, hi = 0, len(chars)
    while lo < hi and chars[lo] == " ":
        lo += 1
    while hi > lo and chars[hi - 1] == " ":
        hi -= 1
    return Line("".join(chars[lo:hi]), origin[lo:hi], end)


def _mark_headings(lines: list[Line]) -> None:
    """A headline: short, no sentence punctuation inside, starting where a sentence can start
    (after a sentence end, another headline, or the top), and not running on into body text on
    the very next line. Markdown '#' lines are headlines too."""
    candidates = [_headline_shaped(line.text) for line in lines]
    prev_closed = True
    for i, line in enumerate(lines):
        t = line.text
        if not t:
            continue
        if t.startswith("#"):
            line.heading = True
        elif prev_closed and candidates[i] and not _runs_on(lines, candidates, i):
            line.heading = True
        prev_closed = line.heading or t[-1] in TERMINAL


def _headline_shaped(text: str) -> bool:
    return bool(text) and len(text) <= 32 and not (set(text) & _INNER_PUNCT) and not _LIST_MARKER.match(text)


def _runs_on(lines: list[Line], candidates: list[bool], i: int) -> bool:
    """The next line follows without a blank line and is body text: this line is wrapped body."""
    if i + 1 >= len(lines) or not lines[i + 1].text:
        return False
    return not candidates[i + 1] and not lines[i + 1].text.startswith("#")


def join_lines(lines: list[Line]) -> NormText:
    """Running text with one '\\n' between paragraphs; wrapped lines joined."""
    out: list[str] = []
    origin: list[int] = []
    starts: list[int] = []
    prev: Line | None = None
    for line in lines:
        if not line.text:
            starts.append(-1)
            continue
        if prev is not None:
            if _is_soft_break(prev, line):
                if prev.text[-1].isascii() and prev.text[-1].isalnum() and line.text[0].isascii() and line.text[0].isalnum():
                    out.append(" ")
                    origin.append(prev.end)
            else:
                out.append("\n")
                origin.append(prev.end)
        starts.append(len(out))
        out.extend(line.text)
        origin.extend(line.origin)
        prev = line
    return NormText("".join(out), origin, starts)


def _is_soft_break(prev: Line, nxt: Line) -> bool:
    if prev.heading or nxt.heading or prev.structural or nxt.structural:
        return False
    if prev.text[-1] in TERMINAL:
        return False
    if _LIST_MARKER.match(nxt.text) or nxt.text.startswith(("【", "#")):
        return False
    return True


def normalize(text: str) -> NormText:
    return join_lines(clean_lines(text))
