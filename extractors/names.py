"""The shape of a person's name after a post: a surname from the list, then one or two given
characters. Anchoring names on the post and a surname list avoids the segmenter traps of
"璧山区区长江志斌" (长江 is a word). A two-character name padded to three columns with spaces
("谭  庆") is a name too; `clean_name()` removes the padding."""
from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import trie, words

_SPACES = regex.compile(r"\s+")

SPACES = "[ ]{1,3}"


def _given() -> str:
    banned = "".join(sorted(set(words("not_in_names.txt"))))
    return rf"[\p{{Han}}--[{banned}]]"


@lru_cache(maxsize=1)
def name_regex() -> str:
    surnames = trie(words("surnames.txt"))
    after = trie(words("after_name_words.txt"))
    given = _given()
    # The second given character is taken unless it starts a word that follows names
    # ("袁家军调研" keeps 军; "李电表示" stops at 电). A padded name keeps one given character, followed
    # by a non-Chinese character or a word that follows names ("谭　庆表示").
    padded = rf"(?:{surnames})(?:[ ]{{2,3}}{given}|[ ]{given}(?:(?!\p{{Han}})|(?={after})))"
    # never a word that starts with a surname ("高度重视", "常务委员", "向全区")
    words_not_names = trie(words("not_name_words.txt"))
    # never a surname character followed by a word no given name is ("县长江产业园": 长江, 产业)
    not_given = trie(words("not_given_names.txt"))
    return rf"(?!{words_not_names})(?:(?:{surnames})(?!{not_given}){given}(?:(?!{after}){given})?|{padded})"


@lru_cache(maxsize=1)
def name_before_regex() -> str:
    """A name written before its post ("习近平总书记"): surname and two given characters."""
    surnames = trie(words("surnames.txt"))
    return rf"(?!{trie(words('not_name_words.txt'))})(?:{surnames}){_given()}{{1,2}}"


@lru_cache(maxsize=1)
def names_regex() -> str:
    """One name or several joined by 、 or 和 ("张三、李四和王五")."""
    one = name_regex()
    return rf"{one}(?:同志)?(?:[、和]{one}(?:同志)?)*"


@lru_cache(maxsize=1)
def left_boundary() -> str:
    """Where a name that opens a clause may start: not inside a run of Chinese text, unless
    after a word that ends a clause opener ("经研究决定张三任…", "近日，李四已履新…")."""
    before = trie(words("before_name_words.txt"))
    return rf"(?:(?<![\p{{Han}}])|(?<={before}))"


def split_names(text: str) -> list[str]:
    """The names in a matched name list, padding and 同志 removed."""
    out = []
    for part in text.split("、"):
        for name in _split_and(clean_name(part.removesuffix("同志"))):
            out.append(name.removesuffix("同志"))
    return [name for name in out if name]


def _split_and(part: str) -> list[str]:
    """"李四和王五" is two names, "李和平" one: 和 joins two names of two characters or more
    when what follows it starts with a surname."""
    one = regex.compile(name_regex(), regex.V1)
    for i, ch in enumerate(part):
        if ch == "和" and i >= 2 and len(part) - i - 1 >= 2 and one.fullmatch(part[i + 1:]):
            return [part[:i], part[i + 1:]]
    return [part]


def clean_name(text: str) -> str:
    return _SPACES.sub("", text)
