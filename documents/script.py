"""Traditional script: pages from Hong Kong, Taiwan or converter sites are read through a
simplified copy, so the extractors' simplified word lists and gazetteer apply.

The copy has exactly the length of the original, character for character, so every offset in
it is an offset in the original and evidence quotes stay on what the page says. OpenCC
converts phrases; where a phrase changes length the line is converted one character at a time.
Only documents that are mostly traditional are converted: converting simplified text would
turn a few legitimate characters (於 in names, 乾 in 乾隆) into others.
"""
from __future__ import annotations

import operator
from functools import lru_cache

import regex

TRADITIONAL_SHARE = 0.03     # of Han characters that change: far above what simplified text shows
TRADITIONAL_MIN = 5
_NOT_HAN = regex.compile("[^\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    sample = text[:20000]
    converted = _converter().convert(sample)
    if converted == sample:
        return False            # most documents: nothing changes, nothing to count
    if len(converted) != len(sample):
        converted = "".join(_converter().convert(ch) for ch in sample)
    changed = sum(map(operator.ne, sample, converted))
    if changed < TRADITIONAL_MIN:
        return False
    han = len(_NOT_HAN.sub("", sample))        # the Han characters: what is left
    return han > 0 and changed >= TRADITIONAL_SHARE * han


def to_simplified(text: str) -> str:
    """A same-length simplified copy of a traditional-script text (the text itself otherwise)."""
    if not is_traditional(text):
        return text
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = _converter().convert(line)
        if len(converted) != len(line):
            converted = "".join(_one(ch) for ch in line)
        out.append(converted)
    return "\n".join(out)


def _one(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch
