"""The one place the matching loop lives. An extractor is a table of named patterns and a
`facts_from_match` method; the base class runs every pattern over the normalised text and
hands each match over with its pattern's name, which becomes the fact's rule."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from .facts import PreparedDocument
from .mark_positions import MarkPositions


# A match of an anchored pattern never crosses one of these (see NamedPattern.anchor).
SENTENCE_END = regex.compile(r"[。！？；\n]")


@dataclass(frozen=True)
class NamedPattern:
    """`anchor`: a cheap pattern that every match of `regex` contains, for a pattern too costly
    to try at every character (officials' big place alternation). The full pattern then runs
    only over the sentences (text between 。！？； and line ends) holding an anchor, which gives
    the matches a scan of the whole text gives as long as no match crosses a sentence end —
    tests/test_anchored.py compares the two on every document the tests have."""
    name: str
    regex: regex.Pattern
    anchor: regex.Pattern | None = None

    def finditer(self, text: str) -> Iterator:
        if self.anchor is None:
            yield from self.regex.finditer(text)
            return
        for start, end in anchored_sentences(self.anchor, text):
            yield from self.regex.finditer(text, start, end)


def anchored_sentences(anchor: regex.Pattern, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of `text` holding a match of `anchor`, in order; `end`
    includes the sentence's closing mark, so that lookaheads still see it."""
    ends = sentence_ends(text)
    a = anchor.search(text)
    while a is not None:
        i = bisect_left(ends, a.start())
        start = ends[i - 1] + 1 if i > 0 else 0
        done = ends[i] + 1 if i < len(ends) else len(text)
        yield start, done
        # the next anchor after this sentence: one search per sentence, not one step per anchor
        a = anchor.search(text, done) if done < len(text) else None


# The positions of the sentence-ending marks (SENTENCE_END) of a text.
sentence_ends = MarkPositions(SENTENCE_END)


class Extractor:
    """Subclasses set `name`, `emits` (ontology terms they produce, checked by a test) and
    implement `patterns()` and `facts_from_match()`."""

    name: ClassVar[str] = ""
    emits: ClassVar[tuple[str, ...]] = ()

    def patterns(self) -> Iterable[NamedPattern]:
        raise NotImplementedError

    def facts_from_match(self, doc: PreparedDocument, pattern: NamedPattern, match) -> Iterable:
        raise NotImplementedError

    def extract(self, doc: PreparedDocument) -> Iterator:
        text = doc.norm.text
        for pattern in self.patterns():
            for match in pattern.finditer(text):
                yield from self.facts_from_match(doc, pattern, match)
