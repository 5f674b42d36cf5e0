"""The sentence a quote stands in: the text before and after the quoted span, up to the
sentence's ends, so a reader sees the quote in its sentence (Web Annotation's oa:prefix and
oa:suffix). Bounded on each side: a "sentence" of a flattened table or a long list can run on
for pages."""
from __future__ import annotations

SENTENCE_END = "。！？!?；;\n"
CONTEXT_LIMIT = 60      # characters on each side at most


def sentence_context(text: str, start: int, end: int, limit: int = CONTEXT_LIMIT) -> tuple[str, str]:
    """(prefix, suffix): from the sentence's start to `start`, and from `end` through the
    sentence's closing mark (a line break is not kept), each at most `limit` characters."""
    lo = max(0, start - limit)
    before = text[lo:start]
    cut = max(before.rfind(mark) for mark in SENTENCE_END)
    prefix = before[cut + 1:] if cut >= 0 else before
    after = text[end:end + limit]
    stops = [i for i in (after.find(mark) for mark in SENTENCE_END) if i >= 0]
    if stops:
        stop = min(stops)
        after = after[:stop + (0 if after[stop] == "\n" else 1)]
    return prefix.lstrip(), after.rstrip()
