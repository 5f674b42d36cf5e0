"""Slogans: every quoted span (“…”, ‘…’, 「…」, also across a hard line wrap) and every 《…》
title, with its kind (slogan_kinds.py) and its user: the unit whose section or sentence it is
(units.py), else the document's own place; "unknown" when the text does not say.

One fact per span; the graph groups them into one use per unit, slogan and document. The
span is matched on the simplified copy of a traditional page: the slogan's text is the
simplified form (one concept for both scripts) and `original` keeps the form as written.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

import regex

from .base import Extractor, NamedPattern
from .facts import PreparedDocument
from .gazetteer import PROVINCIAL, gazetteer
from .lexicon import table
from .slogan_facts import SloganUse
from .slogan_kinds import classify
from .units import UnitResolver

MAX_WRAPPED = 40            # a quote may cross one line break only if it is this short
CONTEXT = 8                 # characters either side handed to the classifier
LEAD = 160                  # characters before a quote: enough to reach the verb of a list of titles
_TERMINAL = "。！？!?；;：:"
_SPACES = regex.compile(r"\s+")
_WORDLIKE = regex.compile(r"[\p{Han}\p{L}\d]")       # a span of marks or spaces only is no slogan
_GLOSS = regex.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]")   # converter glosses: 區(qū)
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
             "DocumentTitle", "QuotedSpeech", "HonoraryTitle", "skos:Concept", "skos:ConceptScheme", "skos:inScheme",
             "skos:prefLabel", "skos:altLabel", "oa:refinedBy")

    def __init__(self) -> None:
        self._resolver: UnitResolver | None = None
        self._roles = {p.name: role for p, role in _patterns()}

    def patterns(self) -> Iterable[NamedPattern]:
        return [p for p, _ in _patterns()]

    def extract(self, doc: PreparedDocument) -> Iterator:
        self._resolver = UnitResolver(doc)
        spans = [(p, m) for p in self.patterns() for m in p.regex.finditer(doc.norm.text)]
        inside = _enclosed(sorted((m.start(), m.end()) for _, m in spans))
        for pattern, match in spans:
            yield from self.facts_from_match(doc, pattern, match, inside(match.start(), match.end()))

    def facts_from_match(self, doc: PreparedDocument, pattern: NamedPattern, match, nested: bool = False):
        raw = match.group(1)
        if "\n" in raw and not _wrap_ok(raw):
            return
        text = _SPACES.sub(" ", raw.replace("\n", "")).strip()
        if not text or not _WORDLIKE.search(text):
            return
        full = doc.norm.text
        before = full[max(0, match.start() - LEAD):match.start()]
        after = full[match.end():match.end() + 3 * CONTEXT]
        kind = classify(text, before, after, self._roles[pattern.name], _own_places_in(doc, text))
        resolver = self._resolver or UnitResolver(doc)
        unit, how = resolver.unit_at(match.start())
        if unit is None:
            unit = resolver.document_unit()
            how = how if unit is not None else "unknown"
        s, e = resolver.clause(match.start(), match.end())
        inner = _written(doc, match.start(1), match.end(1))
        yield SloganUse(text, slogan_key(text), kind.kind, unit, doc.evidence(s, e, pattern.name), kind.reason,
                        nested, how, doc.evidence(match.start(), match.end(), pattern.name),
                        _as_written(inner, raw, text))


def _enclosed(spans: list[tuple[int, int]]):
    """A test whether (start, end) lies strictly inside one of `spans` (sorted): among the spans
    opening before `start`, the one reaching furthest right decides. A scan of every span for
    every span was quadratic in the quotes of a page."""
    starts = [s for s, _ in spans]
    reach, furthest = [], -1
    for _, e in spans:
        furthest = max(furthest, e)
        reach.append(furthest)

    def inside(start: int, end: int) -> bool:
        k = bisect_left(starts, start)
        return k > 0 and reach[k - 1] > end
    return inside


def _written(doc: PreparedDocument, start: int, end: int) -> str:
    """The page's own text for a normalised span: an evidence's quote without its sentence."""
    o_start, o_end = doc.norm.span(start, end)
    return doc.doc.text[o_start:o_end]


def _as_written(inner: str, raw: str, text: str) -> str:
    """The span in the page's own script ("連降兩級"), or "" when it is the simplified text."""
    if inner == raw:
        return ""       # a page in simplified script; a gloss taken out only shortens it
    written = _SPACES.sub(" ", _GLOSS.sub("", inner).replace("\n", "")).strip()
    return written if written != text and len(written) == len(text) else ""


def _own_places_in(doc: PreparedDocument, text: str) -> tuple[str, ...]:
    """Names of the places below a province that the document is about, written inside a quote
    (五华 in a 五华区 report): names, not numerals. Provinces are left out: 美丽广西 is a motto,
    not the name of a programme."""
    named = getattr(getattr(doc, "places", None), "named", frozenset())
    if not named or not any(form in text for form in _forms_below_province(named)):
        return ()
    return tuple(text[s:e] for s, e, place in gazetteer().find_all(text, context=named)
                 if place.id in named and place.kind not in PROVINCIAL)


@lru_cache(maxsize=64)
def _forms_below_province(named: frozenset[str]) -> tuple[str, ...]:
    """The written forms of the named places below a province: a quote holding none of them
    holds none of their names, and the gazetteer's scan of it can be skipped."""
    gaz = gazetteer()
    places = [gaz.by_id[i] for i in named if i in gaz.by_id]
    return tuple({f for p in places if p.kind not in PROVINCIAL for f in (p.name, *p.short_names) if f})


def _wrap_ok(raw: str) -> bool:
    """A hard wrap inside a quote ("“六区一\\n高地”"), not a mark left open across paragraphs."""
    head, _, tail = raw.partition("\n")
    return len(head) + len(tail) <= MAX_WRAPPED and head[-1:] not in _TERMINAL and head.strip() != ""
