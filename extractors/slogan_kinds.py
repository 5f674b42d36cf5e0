"""What kind of quoted expression a span is: numbered formulation, catchphrase, brand name,
emphasis, honorary title, document title or quoted speech. General rules over word lists kept
as data (`slogan_numerals.txt`, `slogan_non_counting.txt`, `slogan_cues.tsv`,
`slogan_catchphrases.txt`, and for the words that are not slogans slogan_classes.py's lists).

The rules, in order (the first that applies decides):
1. 《…》 is a title.
2. A span that is a sentence (it holds 。！？, or is long and has a comma) or is followed by a
   verb of saying ("…”负责人表示") is speech.
3. A set phrase of policy language (`slogan_catchphrases.txt`) is a catchphrase.
4. A generational label (60后, 准85后), a rank or a move of an official (正处级, 连降两级), a
   post title (“市委常委”) or a term of cadre jargon (一把手, 双跨) is emphasis.
5. An honorary title — ending in a level of place or a prize, with an honorary word (示范县,
   模范城, 百强区, 标杆城区) or after an award verb (被评为“…”“…”) — is an honour, unless a
   numeral that counts is left besides its rank and date (“三个示范区” is a formulation).
6. A span with a counting numeral — a digit, or 一二三…十百千万两双〇 outside place names,
   idioms, ordinals (第一把火), durations (百日攻坚) and nested quotes — is a numbered
   formulation (33618, 六区一高地, 双倍增). A number followed by 强 is a ranking (世界500强).
   The names of the document's own places are masked too (五华 in a 五华区 report).
7. One or two characters set off on their own are emphasis (新, 卷, 转正).
8. A span ending in a figure of speech (…攻坚战, 打好“…牌”, …模式) is a catchphrase.
9. A short name (not a list or formula) introduced or followed by a brand noun
   (服务平台“…”, “…”品牌/行动/平台, “…”(微信…) is a brand.
10. A short name ending in a brand suffix (…贷, …计划, …节, …季, …街), holding a place name
   (渝快办, 山城人家, or one of the document's places) or joined with a middle dot
   (源头工厂·新春好货) is a brand: the names of programmes, products and places' nicknames.
11. Anything else is a catchphrase (开门红, 招进来、引回来、育起来, 产业+科技+金融).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .gazetteer import gazetteer
from .lexicon import alternation, table, words
from .slogan_classes import cadre_word, honour_cue, without_honour_counts

MAX_EMPHASIS = 2          # characters; "新", "转正"
MAX_BRAND_NAME = 9        # brand names are short; longer spans are mottos
SPEECH_LENGTH = 25        # a span this long with a comma is a sentence someone said
SPEECH_VERB_WINDOW = 24   # characters after the closing mark in which "表示" makes it speech
_SENTENCE_PUNCT = regex.compile(r"[。！？!?]")
_COMMA = regex.compile(r"[，,；;]")
_NESTED = regex.compile(r"‘[^‘’]*’|“[^“”]*”|「[^「」]*」|『[^『』]*』")
_OPENING_MARKS = frozenset("‘“「『")
_RANKING = regex.compile(r"(?:\d+|[百千])强")
_ORDINAL = regex.compile(r"第[一二三四五六七八九十百千〇两\d]+")
_DURATION = regex.compile(r"[百千][日天]")      # a campaign's round length (百日攻坚); 三天办结 counts
_MIDDLE_DOT = regex.compile(r"[·•・‧]")
_DIGIT = regex.compile(r"\d")
_CLAUSE_CUT = regex.compile(r"[，。；！？,;]")
_LIST_OR_FORMULA = regex.compile(r"[、，,\s+＋]")


@dataclass(frozen=True)
class Kind:
    kind: str
    reason: str


@dataclass(frozen=True)
class _Lexicon:
    numerals: frozenset[str]
    masks: regex.Pattern
    catchphrases: frozenset[str]
    cues: dict[str, tuple[str, ...]]
    toponyms: regex.Pattern         # the toponym cues and the home districts' names, as one search


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    masked = set(words("slogan_non_counting.txt")) | _home_place_forms()
    cues: dict[str, list[str]] = {}
    for row in table("slogan_cues.tsv"):
        cues.setdefault(row["position"], []).append(row["cue"])
    return _Lexicon(
        numerals=frozenset(words("slogan_numerals.txt")),
        masks=regex.compile(alternation(masked)),
        catchphrases=frozenset(words("slogan_catchphrases.txt")),
        cues={k: tuple(v) for k, v in cues.items()},
        toponyms=regex.compile(alternation((*cues.get("toponym", ()), *_home_place_forms()))),
    )


@lru_cache(maxsize=1)
def _home_place_forms() -> frozenset[str]:
    """Names of the home corpus's districts (万州, 两江新区 …). Only these: the short names of
    all of China's counties include ordinary words (通道, 合作) that would hide numerals."""
    return frozenset(f for p in gazetteer().places for f in (p.name, *p.short_names) if len(f) >= 2)


def classify(content: str, before: str, after: str, role: str = "quote",
             places: tuple[str, ...] = ()) -> Kind:
    """The kind of a quoted span. `content` is the text between the marks (line breaks
    removed), `before`/`after` the characters outside them, `places` the names of the
    document's own places written in it."""
    if role == "title":
        return Kind("title", "title-marks")
    lex = _lexicon()
    text = content.strip()
    if _is_speech(text, after, lex):
        return Kind("speech", "sentence-or-speech-verb")
    if text in lex.catchphrases:
        return Kind("catchphrase", "catchphrase-lexicon")
    word_class = cadre_word(text, after)
    if word_class is not None:
        return Kind(word_class.kind, word_class.name)
    honour = honour_cue(text, before)
    if honour == "award" or (honour and not has_counting_numeral(without_honour_counts(text), places)):
        return Kind("honour", f"honour-{honour}")
    if has_counting_numeral(text, places):
        return Kind("numbered", "numeral")
    if len(text.replace(" ", "")) <= MAX_EMPHASIS:
        return Kind("emphasis", "short-span")
    if text.endswith(lex.cues.get("figure", ())):
        return Kind("catchphrase", "figure-of-speech")
    if _name_shaped(text) and (after.startswith(lex.cues.get("after", ()))
                               or before.endswith(lex.cues.get("before", ()))):
        return Kind("brand", "brand-context")
    if _name_shaped(text) and _looks_like_name(text, lex, places):
        return Kind("brand", "brand-name")
    return Kind("catchphrase", "default")


def has_counting_numeral(text: str, places: tuple[str, ...] = ()) -> bool:
    lex = _lexicon()
    if lex.numerals.isdisjoint(text) and not _DIGIT.search(text):
        return False            # what follows only takes characters out
    bare = _without_nested(text)
    for place in places:
        bare = bare.replace(place, "")
    bare = _DURATION.sub("", _ORDINAL.sub("", _RANKING.sub("", bare)))
    if lex.numerals.isdisjoint(bare) and not _DIGIT.search(bare):
        return False
    bare = lex.masks.sub("", bare)
    return bool(_DIGIT.search(bare)) or not lex.numerals.isdisjoint(bare)


def _without_nested(text: str) -> str:
    return _NESTED.sub("", text) if not _OPENING_MARKS.isdisjoint(text) else text


def _is_speech(text: str, after: str, lex: _Lexicon) -> bool:
    bare = _without_nested(text)
    if _SENTENCE_PUNCT.search(bare):
        return True
    if len(bare) >= SPEECH_LENGTH and _COMMA.search(bare):
        return True
    if len(bare) >= 12:
        clause = _CLAUSE_CUT.split(after[:SPEECH_VERB_WINDOW], maxsplit=1)[0]
        return any(v in clause for v in lex.cues.get("speech", ()))
    return False


def _name_shaped(text: str) -> bool:
    """Short and not a list or a formula: what a brand name looks like."""
    return len(text) <= MAX_BRAND_NAME and not _LIST_OR_FORMULA.search(text)


def _looks_like_name(text: str, lex: _Lexicon, places: tuple[str, ...] = ()) -> bool:
    if text.endswith(lex.cues.get("suffix", ())):
        return True
    if _MIDDLE_DOT.search(text):
        return True
    if any(p in text for p in places):
        return True
    return lex.toponyms.search(text) is not None
