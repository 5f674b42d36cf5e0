"""Two-column pages flattened into lines: a PDF page of a yearbook, gazette or report read line
by line, so that each line holds a line of the left column, a run of spaces, then a line of the
right column; a line with only the right column is indented far past the left margin. The
normaliser joins such lines into one interleaved paragraph ("…持续推进 全年地区生产总值有望突破
500亿元…"), where no figure keeps its metric. Here the columns are read apart again, each in
reading order, as spans of the original text; the metrics extractor reads each column as
running text.

A block is a run of lines of which at least MIN_LINES are split by a wide gap, the others
lines of one column (a right-column line is indented past the left margin); blank lines do not
end it. A spaced-out headline (特        载) alone is no block.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

GAP = regex.compile(r"(?<=\S)(?: {6,}|\u3000{3,})(?=\S)")
MIN_LINES = 3
RIGHT_INDENT = 20            # more indentation than the left margin: a right-column line alone
MAX_BETWEEN = 3              # lines of one column a block may hold between signs of two


@dataclass
class ColumnBlock:
    start: int                                  # original offsets of the block
    end: int
    columns: list[list[tuple[int, int]]]        # left pieces, right pieces: (start, end) spans


def column_blocks(text: str) -> list[ColumnBlock]:
    if "      " not in text and "\u3000\u3000\u3000" not in text:
        return []
    blocks, run, margin, since = [], [], None, 0
    for line in _lines(text):
        body = text[line[0]:line[1]]
        if not body.strip():
            continue
        split = bool(GAP.search(body.strip()))
        if split:
            margin = _indent(text, line) if margin is None else min(margin, _indent(text, line))
        if split or (run and _indent(text, line) > margin + RIGHT_INDENT):
            run.append(line)
            since = 0
        elif run and since < MAX_BETWEEN:
            run.append(line)                    # a line of the left column inside the block
            since += 1
        else:
            blocks.append(run)
            run, margin, since = [], None, 0
    blocks.append(run)
    return [b for b in (_block(text, r) for r in blocks) if b is not None]


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _block(text: str, run: list[tuple[int, int]]) -> ColumnBlock | None:
    split = [line for line in run if GAP.search(text[line[0]:line[1]].strip())]
    if len(split) < MIN_LINES:
        return None
    while run and run[-1] not in split and _indent(text, run[-1]) <= _margin(text, split) + RIGHT_INDENT:
        run = run[:-1]                          # left-only lines after the last sign of two columns
    margin = _margin(text, split)
    left, right = [], []
    for start, end in run:
        body = text[start:end]
        first = start + _indent(text, (start, end))
        last = start + len(body.rstrip())
        gap = GAP.search(text, first, last)
        if gap:
            left.append((first, gap.start()))
            right.append((gap.end(), last))
        elif _indent(text, (start, end)) > margin + RIGHT_INDENT:
            right.append((first, last))
        else:
            left.append((first, last))
    return ColumnBlock(run[0][0], run[-1][1], [left, right])


def _indent(text: str, line: tuple[int, int]) -> int:
    body = text[line[0]:line[1]]
    return len(body) - len(body.lstrip())


def _margin(text: str, lines: list[tuple[int, int]]) -> int:
    return min(_indent(text, line) for line in lines)


def norm_positions(origin, pieces: list[tuple[int, int]]) -> list[int]:
    """The normalised-text positions of the characters of original spans that normalisation
    kept, in order (`origin`: the normalised text's map to original offsets, increasing)."""
    out = []
    for start, end in pieces:
        i = bisect_left(origin, start)
        while i < len(origin) and origin[i] < end:
            out.append(i)
            i += 1
    return out
