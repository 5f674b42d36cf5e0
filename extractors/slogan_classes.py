"""Quoted words that look like slogans and are not: generational labels (60后, 准85后), ranks,
moves and jargon of cadre work (一把手, 正处级, 连降两级, 双跨), quoted post titles (“市委常委”),
and honorary titles conferred on a place or body (全国文明城市, 十强县, 双拥模范城).

Word classes kept as data: `slogan_word_classes.tsv` (patterns over the whole quoted text),
`slogan_cadre_jargon.txt` (terms of personnel reporting) and `slogan_honours.tsv` (honorary
words, the heads an honour ends in, award verbs).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .lexicon import alternation, table, words

_NESTED_CLOSE = regex.compile(r"(?:[“‘「『][^“”‘’「」『』]{1,60}[”’」』][、，,和及与]?)+$")
_ORDINAL = regex.compile(r"第[一二三四五六七八九十百千〇零两\d]+[届批次名轮期]?")
_YEAR = regex.compile(r"(?:19|20)\d{2}(?:[—\-－~～至](?:19|20)?\d{2})?年度?")


@dataclass(frozen=True)
class WordClass:
    name: str
    kind: str
    pattern: regex.Pattern
    after: regex.Pattern | None


_JARGON = WordClass("cadre-jargon", "emphasis", regex.compile(""), None)


@dataclass(frozen=True)
class _Classes:
    patterns: tuple[WordClass, ...]
    any_pattern: regex.Pattern      # all of them as one: most quotes match none, tried once
    jargon: frozenset[str]
    honorary: regex.Pattern
    heads: tuple[str, ...]
    awards: tuple[str, ...]


@lru_cache(maxsize=1)
def _classes() -> _Classes:
    patterns = tuple(WordClass(r["class"], r["kind"], regex.compile(r["pattern"]),
                               regex.compile(r["after"]) if r["after"] else None)
                     for r in table("slogan_word_classes.tsv"))
    honours: dict[str, list[str]] = {}
    for row in table("slogan_honours.tsv"):
        honours.setdefault(row["position"], []).append(row["word"])
    # Matched right to left: whether a whole text matches does not depend on the direction,
    # and most classes are told by how they end (…书记, …县长), so a text fails at once.
    either = regex.compile("|".join(f"(?:{wc.pattern.pattern})" for wc in patterns), regex.REVERSE)
    return _Classes(patterns, either, frozenset(words("slogan_cadre_jargon.txt")),
                    regex.compile(alternation(honours["honorary"])),
                    tuple(honours["head"]), tuple(honours["award"]))


def cadre_word(text: str, after: str) -> WordClass | None:
    """The class of a generational label, rank, move, post title or jargon term, if `text`
    (the whole quoted span) is one. `after` is the text right after the closing mark."""
    lex = _classes()
    bare = text.replace(" ", "")
    if bare in lex.jargon:
        return _JARGON
    if not lex.any_pattern.fullmatch(bare):
        return None
    for wc in lex.patterns:
        if wc.pattern.fullmatch(bare) and (wc.after is None or wc.after.match(after)):
            return wc
    return None


def honour_cue(text: str, lead: str) -> str | None:
    """Why `text` reads as an honorary title: "award" (an award verb stands before it or
    before the list of titles it closes), "honorary" (an honorary word and a head), or None.
    `lead` is the text before the opening mark."""
    lex = _classes()
    if not text.endswith(lex.heads):
        return None
    if lead_without_quotes(lead).endswith(lex.awards):
        return "award"
    return "honorary" if lex.honorary.search(text) else None


def lead_without_quotes(lead: str) -> str:
    """The text before a list of quoted titles: 被评为“A”“B”、“C” → 被评为 for each of them."""
    return _NESTED_CLOSE.sub("", lead)


def without_honour_counts(text: str) -> str:
    """An honour's text without the numerals that rank or date it (百强, 第十一届, 2021年),
    so a numeral left over is a count: “三个示范区” is a numbered formulation."""
    return _classes().honorary.sub("", _YEAR.sub("", _ORDINAL.sub("", text)))
