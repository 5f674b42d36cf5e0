"""Slogans: every quoted span (“…”, ‘…’, 「…」, also across a hard line wrap) and every 《…》
title, with its kind (slogan_kinds.py) and the unit whose sentence it is (units.py).

One fact per span; the graph groups them into one use per unit, slogan and document.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex

from .base import Extractor, NamedPattern
from .facts import PreparedDocument
from .lexicon import table
from .slogan_facts import SloganUse
from .slogan_kinds import classify
from .units import UnitResolver

MAX_WRAPPED = 40            # a quote may cross one line break only if it is this short
CONTEXT = 8                 # characters either side handed to the classifier
_TERMINAL = "。！？!?；;：:"
_SPACES = regex.compile(r"\s+")
_KEY_DROP = regex.compile(r"[\s‘’“”「」『』\"']")
_KEY_FOLD = str.maketrans({"，": ",", "；": ";", "：": ":", "•": "·", "・": "·", "‧": "·", "＋": "+",
                           "—": "-", "－": "-", "–": "-"})


def slogan_key(text: str) -> str:
    """The form that identifies a slogan: no spaces or inner quote marks, one width of
    punctuation ("‘三企’联动两江行" and "三企联动两江行" are one slogan)."""
    return _KEY_DROP.sub("", text).translate(_KEY_FOLD)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[NamedPattern, str], ...]:
    out = []
    for row in table("quote_marks.tsv"):
        o, c, n = regex.escape(row["open"]), regex.escape(row["close"]), int(row["max_len"])
        body = f"[^{o}{c}\\n]{{1,{n}}}"
        pattern = regex.compile(f"{o}({body}(?:\\n{body})?){c}")
        out.append((NamedPattern(row["name"], pattern), row["role"]))
    return tuple(out)


class SlogansExtractor(Extractor):
    name = "slogans"
    emits = ("Slogan", "SloganKind", "SloganUse", "sloganKind", "slogan", "user", "usesSlogan", "userRule",
             "occurrences", "evidence", "rule", "NumberedFormulation", "Catchphrase", "BrandName", "Emphasis",
             "DocumentTitle", "QuotedSpeech", "skos:Concept", "skos:ConceptScheme", "skos:inScheme",
             "skos:prefLabel", "skos:altLabel", "oa:refinedBy")

    def __init__(self) -> None:
        self._resolver: UnitResolver | None = None
        self._roles = {p.name: role for p, role in _patterns()}

    def patterns(self) -> Iterable[NamedPattern]:
        return [p for p, _ in _patterns()]

    def extract(self, doc: PreparedDocument) -> Iterator:
        self._resolver = UnitResolver(doc)
        spans = [(p, m) for p in self.patterns() for m in p.regex.finditer(doc.norm.text)]
        outer = [(m.start(), m.end()) for _, m in spans]
        for pattern, match in spans:
            nested = any(s < match.start() and match.end() < e for s, e in outer)
            yield from self.facts_from_match(doc, pattern, match, nested)

    def facts_from_match(self, doc: PreparedDocument, pattern: NamedPattern, match, nested: bool = False):
        raw = match.group(1)
        if "\n" in raw and not _wrap_ok(raw):
            return
        text = _SPACES.sub(" ", raw.replace("\n", "")).strip()
        if not text or not regex.search(r"[\p{Han}\p{L}\d]", text):
            return
        full = doc.norm.text
        before = full[max(0, match.start() - CONTEXT):match.start()]
        after = full[match.end():match.end() + 3 * CONTEXT]
        kind = classify(text, before, after, self._roles[pattern.name])
        resolver = self._resolver or UnitResolver(doc)
        unit, how = resolver.unit_at(match.start())
        s, e = resolver.clause(match.start(), match.end())
        yield SloganUse(text, slogan_key(text), kind.kind, unit, doc.evidence(s, e, pattern.name), kind.reason,
                        nested, how, doc.evidence(match.start(), match.end(), pattern.name))


def _wrap_ok(raw: str) -> bool:
    """A hard wrap inside a quote ("“六区一\\n高地”"), not a mark left open across paragraphs."""
    head, _, tail = raw.partition("\n")
    return len(head) + len(tail) <= MAX_WRAPPED and head[-1:] not in _TERMINAL and head.strip() != ""
