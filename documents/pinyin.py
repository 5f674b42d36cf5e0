"""Reading glosses a script converter leaves in a page: 区(qū)委, 书记（shū jì）, 区qū委, and after a
character the converter garbled into "?" the bracket is often gone too ("?xiàng)").

A gloss is recognised by its grammar, not by a list of strings: lowercase Hanyu Pinyin that splits
into syllables of the table in data/pinyin_syllables.txt, no more syllables than the Han characters
it follows could carry, and a tone (mark or digit) unless it is a single bracketed syllable. Text
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
# between Han characters.
_BRACKETED = regex.compile(f"(?<=[\\p{{Han}}{_LOST}])[（(] ?({_PINYIN}) ?[)）]")
_EATEN = regex.compile(f"(?<=[{_LOST}])({_PINYIN})[)）]")
_BARE = regex.compile(f"(?<=\\p{{Han}})({_PINYIN})(?=\\p{{Han}})")
_MAY_HAVE = regex.compile(f"[a-z{_TONED}]")
MAX_SYLLABLES = 6


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    data = resources.files("cadregraph.documents").joinpath("data/pinyin_syllables.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in data.splitlines() if ln.strip() and not ln.startswith("#"))


def gloss_spans(line: str) -> list[tuple[int, int]]:
    """[start, end) of each reading gloss in `line`, in order, not overlapping."""
    if not _MAY_HAVE.search(line):
        return []
    spans = []
    for pattern, bracketed, needs_tone in ((_BRACKETED, True, False), (_EATEN, False, True), (_BARE, False, True)):
        for m in pattern.finditer(line):
            if _is_gloss(line, m, bracketed, needs_tone):
                spans.append((m.start(), m.end()))
    spans.sort()
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo < out[-1][1]:
            continue
        out.append((lo, hi))
    return out


def _is_gloss(line: str, m: regex.Match, bracketed: bool, needs_tone: bool) -> bool:
    text = m.group(1)
    toneless, toned = _strip_tones(text)
    count = _count_syllables(toneless)
    if not count or count > MAX_SYLLABLES:
        return False
    if not toned and (needs_tone or count > 1 or len(toneless) < 2):
        return False
    before = _HAN_RUN.search(line, max(0, m.start() - MAX_SYLLABLES), m.start())
    carried = len(before.group()) if before else 1  # after a lost character: one at least
    if line[m.start() - 1:m.start()] in _LOST:
        carried = MAX_SYLLABLES
    return count <= carried


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
    for chunk in regex.split(r"[ '’\-]", text):
        n = _split(chunk)
        if not n:
            return 0
        total += n
    return total


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
