"""The shape of a person's name after a post: a surname from the list, then one or two given
characters. Anchoring names on the post and a surname list avoids the segmenter traps of
"璧山区区长江志斌" (长江 is a word)."""
from __future__ import annotations

from functools import lru_cache

from .lexicon import alternation, words


@lru_cache(maxsize=1)
def name_regex() -> str:
    surnames = alternation(words("surnames.txt"))
    banned = "".join(sorted(set(words("not_in_names.txt"))))
    after = alternation(words("after_name_words.txt"))
    given = rf"[\p{{Han}}--[{banned}]]"
    # The second given character is taken unless it starts a word that follows names
    # ("袁家军调研" keeps 军; "李电表示" stops at 电).
    return rf"(?:{surnames}){given}(?:(?!{after}){given})?"


@lru_cache(maxsize=1)
def name_before_regex() -> str:
    """A name written before its post ("习近平总书记"): surname and two given characters."""
    surnames = alternation(words("surnames.txt"))
    banned = "".join(sorted(set(words("not_in_names.txt"))))
    return rf"(?:{surnames})[\p{{Han}}--[{banned}]]{{1,2}}"
