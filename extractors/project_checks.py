"""Whether a candidate project name is a clause rather than a name: it names a person (a post
followed by a surname: "…政协主席杜某调研…基地") or holds a word only a clause has (不再, 已经,
正在). Word lists: `project_not_names.tsv` and the surnames of `surnames.txt`.

Such spans come from sentences whose verb was not a stop word; they are dropped rather than
trimmed, since where the real name starts cannot be told from the head alone.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .lexicon import alternation, table, words


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    rows = table("project_not_names.tsv")
    posts = [r["word"] for r in rows if r["class"] == "post"]
    clause = [r["word"] for r in rows if r["class"] == "clause"]
    surnames = alternation(words("surnames.txt"))
    person = regex.compile(f"(?:{alternation(posts)})(?:{surnames})\\p{{Han}}")
    return person, regex.compile(alternation(clause))


def is_clause(name: str) -> bool:
    """A span that names a person or holds a clause word, or opens a bracket it does not close
    ("委室(中心" from "委室(中心)主任"), is not a project's name."""
    person, clause = _patterns()
    return bool(person.search(name) or clause.search(name)) or _unbalanced(name)


def _unbalanced(name: str) -> bool:
    return name.count("(") + name.count("（") != name.count(")") + name.count("）")
