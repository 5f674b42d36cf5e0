"""Normalisation the extractors rely on, with a map from every output character back to the
original text, so evidence quotes and spans always point at what the document really says.

Two steps. `clean_lines` reads a traditional-script text through a same-length simplified
copy (script.py), then works line by line: drops noise (ads, watermarks, paywall markers,
navigation and spam, pinyin glosses a converter left inside words, the spaces padding a
two-character name), folds full-width digits, letters and number punctuation to ASCII, turns
ideographic and no-break spaces into plain spaces, removes zero-width and control characters
and indentation.
`join_lines` then rebuilds running text, joining lines that were hard-wrapped inside a
paragraph or a word ("同\\n\\n比增长") and keeping real paragraph breaks.
"""
from __future__ import annotations

import csv
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

from .pinyin import gloss_spans
from .script import to_simplified

# Folded to ASCII: full-width digits and Latin letters, and the punctuation used inside numbers
# and formulas. Chinese sentence punctuation (，。：；) is kept as written; patterns accept both.
_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FOLD.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_FOLD.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_FOLD.update({"％": "%", "．": ".", "＋": "+", "－": "-", "／": "/", "＜": "<", "＞": ">",
              "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\t": " "})
_DROP = set("\u200b\u200c\u200d\u2060\ufeff\u00ad") | {chr(c) for c in range(0, 32)} | {chr(0x7F)}
_DROP_RE = regex.compile("[" + "".join(regex.escape(ch) for ch in sorted(_DROP)) + "]")
_FOLD_TABLE = str.maketrans(_FOLD)

TERMINAL = set("。！？!?；;：:")
# List items start a line of their own; so does a résumé line ("2008.04—2009.01 长寿区委书记").
_LIST_MARKER = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、](?!\d)"
                             r"|(?:19|20)\d{2}[.．]\d{1,2}\s*[—–\-~～])")
_INNER_PUNCT = set("，,。；;：:！？!?、")


@dataclass
class Line:
    text: str
    origin: Sequence[int]  # original offset of each character of `text` (an array("i"))
    end: int               # original offset just after the line (its newline)
    heading: bool = False  # a headline-like line; never joined to its neighbours
    structural: bool = False  # set by the sectioner: speaker lines, place headers, meta lines


@dataclass
class NormText:
    """Normalised text and, for each character, its offset in the original."""

    text: str
    origin: Sequence[int]  # array("i"): a list of ints costs ~36 bytes a character
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
    # Read through a same-length simplified copy: offsets into it are offsets into `text`.
    text = to_simplified(text)
    patterns = _patterns_matching(text)
    lines: list[Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = _next_newline(text, pos)
        raw_end = nl if nl >= 0 else n
        lines.append(_clean_line(text, pos, raw_end, patterns))
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


def _patterns_matching(text: str) -> tuple[regex.Pattern, ...]:
    """The noise patterns that match somewhere in `text`: most pages hold none of them, and
    trying fourteen patterns on every line was a third of the cost of preparing a document.
    Each pattern is tried once over the whole text with ^ and $ at every line break; none
    matches across one (their classes and dots exclude line breaks), so a pattern that
    matches a line matches the whole text, and the lines see the same matches as before."""
    lines_text = text.replace("\r", "\n")
    return tuple(pattern for _name, pattern in noise_patterns()
                 if _multiline(pattern).search(lines_text) is not None)


@lru_cache(maxsize=None)
def _multiline(pattern: regex.Pattern) -> regex.Pattern:
    return regex.compile(pattern.pattern, pattern.flags | regex.MULTILINE)


def _clean_line(text: str, start: int, end: int, patterns: Sequence[regex.Pattern]) -> Line:
    # Whole stretches at a time (slices, translate, range) rather than a loop per character:
    # a scraped page can be one 50 MB line.
    raw = text[start:end]
    pieces: list[str] = []
    origin = array("i")
    pos = 0
    for lo, hi in _noise_spans(raw, patterns) + [(len(raw), len(raw))]:
        for a, b in _kept_runs(raw, pos, lo):
            pieces.append(raw[a:b])
            origin.extend(range(start + a, start + b))
        pos = max(pos, hi)
    cleaned = "".join(pieces).translate(_FOLD_TABLE)
    # Indentation and trailing blanks carry no meaning.
    lo = len(cleaned) - len(cleaned.lstrip(" "))
    hi = max(lo, len(cleaned.rstrip(" ")))
    return Line(cleaned[lo:hi], origin[lo:hi], end)


def _noise_spans(raw: str, patterns: Sequence[regex.Pattern]) -> list[tuple[int, int]]:
    """Where the noise patterns and reading glosses (pinyin.py) match in a line, merged, in order."""
    spans = sorted([(m.start(), m.end()) for pattern in patterns
                    for m in pattern.finditer(raw) if m.end() > m.start()] + gloss_spans(raw))
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _kept_runs(raw: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[lo, hi) of `raw` split around the characters to drop."""
    if raw[lo:hi].isprintable():  # every character of _DROP is unprintable: nothing to split
        return [(lo, hi)] if hi > lo else []
    runs, pos = [], lo
    for m in _DROP_RE.finditer(raw, lo, hi):
        if m.start() > pos:
            runs.append((pos, m.start()))
        pos = m.end()
    if hi > pos:
        runs.append((pos, hi))
    return runs


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
    length = 0
    origin = array("i")
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
                    length += 1
            else:
                out.append("\n")
                origin.append(prev.end)
                length += 1
        starts.append(length)
        out.append(line.text)
        origin.extend(line.origin)
        length += len(line.text)
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
