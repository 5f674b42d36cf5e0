"""Reading glosses a script converter leaves in a page: 区(qū)委, 书记（shū jì）, 区qū委, and after a
character the converter garbled into "?" the bracket is often gone too ("?xiàng)").

A gloss is recognised by its grammar, not by a list of strings: lowercase Hanyu Pinyin that splits
into syllables of the table in data/pinyin_syllables.txt, no more syllables than the Han characters
it follows could carry, and a tone (a mark; in brackets a digit too) unless it is a single
bracketed syllable. Text
that fails any of these stays: a real aside "(试行)", a list label "(a)", an English word, a name
spelt "(Li Ming)" or "(li ming)".
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

import regex

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_LETTER = f"[a-zü{_TONED}\u0300\u0301\u0304\u030c\u0308]"
_SYL_RUN = f"{_LETTER}{{1,8}}[1-5]?"
# Up to 6 syllables, run together or split by a space, apostrophe or hyphen.
_PINYIN = f"{_SYL_RUN}(?:[ '’\\-]?{_SYL_RUN}){{0,5}}"
_HAN_RUN = regex.compile(r"\p{Han}{1,6}$")
_LOST = "?？\ufffd"  # a character the converter could not write

# Bracketed after a Han character (or a lost one); bracket eaten after a lost character; bare
# between Han characters. The last two need a tone mark, so a line without one skips them.
_BRACKETED = regex.compile(f"(?<=[\\p{{Han}}{_LOST}])[（(] ?({_PINYIN}) ?[)）]")
_EATEN = regex.compile(f"(?<=[{_LOST}])({_PINYIN})[)）]")
_BARE = regex.compile(f"(?<=\\p{{Han}})({_PINYIN})(?=\\p{{Han}})")
_TONE_MARK = regex.compile(f"[{_TONED}\u0300\u0301\u0304\u030c]")
_SEPARATOR = regex.compile(r"[ '’\-]")
MAX_SYLLABLES = 6


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    data = resources.files("cadregraph.documents").joinpath("data/pinyin_syllables.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in data.splitlines() if ln.strip() and not ln.startswith("#"))


def gloss_spans(line: str) -> list[tuple[int, int]]:
    """[start, end) of each reading gloss in `line`, in order, not overlapping."""
    marked = _TONE_MARK.search(line) is not None
    if not marked and "(" not in line and "（" not in line:
        return []
    patterns = [_BRACKETED, _EATEN, _BARE] if marked else [_BRACKETED]
    spans = []
    for pattern in patterns:
        for m in pattern.finditer(line):
            if _is_gloss(line, m.group(1), m.start(), needs_tone=pattern is not _BRACKETED):
                spans.append((m.start(), m.end()))
    if len(patterns) == 1:
        return spans
    spans.sort()
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if not out or lo >= out[-1][1]:
            out.append((lo, hi))
    return out


def _is_gloss(line: str, text: str, start: int, needs_tone: bool) -> bool:
    """`text` is lowercase pinyin (table syllables), carried by the Han characters before `start`."""
    count, toned, letters = _reading(text)
    if not toned and (needs_tone or letters < 2 or count > 1):
        return False
    if not count or count > MAX_SYLLABLES:
        return False
    if line[start - 1:start] in _LOST:
        return True  # what the lost characters were is unknown
    before = _HAN_RUN.search(line, max(0, start - MAX_SYLLABLES), start)
    return count <= (len(before.group()) if before else 0)


@lru_cache(maxsize=8192)
def _reading(text: str) -> tuple[int, bool, int]:
    """(syllables, whether a tone is written, letters) of a candidate; a page repeats its glosses."""
    toneless, toned = _strip_tones(text)
    return _count_syllables(toneless), toned, len(toneless)


def _strip_tones(text: str) -> tuple[str, bool]:
    """The syllables without tones (ü kept, v read as ü), and whether any tone was written."""
    decomposed = unicodedata.normalize("NFD", text)
    marks = {"\u0300", "\u0301", "\u0304", "\u030c"}
    toned = any(ch in marks or ch.isdigit() for ch in decomposed)
    bare = "".join(ch for ch in decomposed if ch not in marks and not ch.isdigit())
    bare = unicodedata.normalize("NFC", bare).replace("v", "ü")
    return bare, toned


def _count_syllables(text: str) -> int:
    """How many table syllables `text` splits into (0 if it does not split)."""
    total = 0
    for chunk in _SEPARATOR.split(text):
        n = _split(chunk)
        if not n:
            return 0
        total += n
    return total


@lru_cache(maxsize=4096)
def _split(chunk: str) -> int:
    # Fewest syllables that cover the chunk exactly (syllables are at most 6 letters).
    table = syllables()
    best = [0] + [-1] * len(chunk)
    for end in range(1, len(chunk) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] >= 0 and chunk[start:end] in table:
                if best[end] < 0 or best[start] + 1 < best[end]:
                    best[end] = best[start] + 1
    return max(best[-1], 0)
