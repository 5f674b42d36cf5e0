"""The sentence a quote stands in: the text before and after the quoted span, up to the
sentence's ends, so a reader sees the quote in its sentence (Web Annotation's oa:prefix and
oa:suffix). Bounded on each side: a "sentence" of a flattened table or a long list can run on
for pages."""
from __future__ import annotations

SENTENCE_END = "。！？!?；;\n"
CONTEXT_LIMIT = 60      # characters on each side at most
# Every sentence end mapped to one character, so one find or rfind locates the nearest
# (this runs for every fact: one search per mark was most of its cost).
_ENDS_AS_ONE = str.maketrans({mark: "\n" for mark in SENTENCE_END})


def sentence_context(text: str, start: int, end: int, limit: int = CONTEXT_LIMIT) -> tuple[str, str]:
    """(prefix, suffix): from the sentence's start to `start`, and from `end` through the
    sentence's closing mark (a line break is not kept), each at most `limit` characters."""
    lo = max(0, start - limit)
    before = text[lo:start]
    cut = before.translate(_ENDS_AS_ONE).rfind("\n")
    prefix = before[cut + 1:] if cut >= 0 else before
    after = text[end:end + limit]
    stop = after.translate(_ENDS_AS_ONE).find("\n")
    if stop >= 0:
        after = after[:stop + (0 if after[stop] == "\n" else 1)]
    return prefix.lstrip(), after.rstrip()
