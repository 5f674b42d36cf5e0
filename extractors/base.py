"""The one place the matching loop lives. An extractor is a table of named patterns and a
`facts_from_match` method; the base class runs every pattern over the normalised text and
hands each match over with its pattern's name, which becomes the fact's rule."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from .facts import PreparedDocument


@dataclass(frozen=True)
class NamedPattern:
    name: str
    regex: regex.Pattern


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
            for match in pattern.regex.finditer(text):
                yield from self.facts_from_match(doc, pattern, match)
