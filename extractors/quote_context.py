"""The sentence a quote stands in: the text before and after the quoted span, up to the
sentence's ends, so a reader sees the quote in its sentence (Web Annotation's oa:prefix and
oa:suffix). Bounded on each side: a "sentence" of a flattened table or a long list can run on
for pages."""
from __future__ import annotations

from bisect import bisect_left

import regex

from .mark_positions import MarkPositions

SENTENCE_END = "。！？!?；;\n"
CONTEXT_LIMIT = 60      # characters on each side at most

# every fact of a document asks about the same text: its marks are found once, and each
# fact's nearest ones by bisection (a search per fact was most of this module's cost)
_ends = MarkPositions(regex.compile(f"[{regex.escape(SENTENCE_END)}]"))


def sentence_context(text: str, start: int, end: int, limit: int = CONTEXT_LIMIT) -> tuple[str, str]:
    """(prefix, suffix): from the sentence's start to `start`, and from `end` through the
    sentence's closing mark (a line break is not kept), each at most `limit` characters."""
    ends = _ends(text)
    i = bisect_left(ends, start)
    lo = max(0, start - limit)
    prefix = text[ends[i - 1] + 1:start] if i > 0 and ends[i - 1] >= lo else text[lo:start]
    j = bisect_left(ends, end)
    if j < len(ends) and ends[j] < end + limit:
        stop = ends[j]
        suffix = text[end:stop + (0 if text[stop] == "\n" else 1)]
    else:
        suffix = text[end:end + limit]
    return prefix.lstrip(), suffix.rstrip()
