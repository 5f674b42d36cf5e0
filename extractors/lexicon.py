"""Loading the data files in `extractors/data/`: TSV tables and whitespace-separated word lists."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


def _data_text(name: str) -> str:
    return resources.files("cadregraph.extractors").joinpath("data", name).read_text("utf-8")


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV file with a header; lines starting with '#' are comments."""
    lines = [ln for ln in _data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "") for k, v in row.items()} for row in reader)


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """Whitespace-separated entries of a word list; '#' starts a comment line."""
    out: list[str] = []
    for line in _data_text(name).splitlines():
        if line.startswith("#"):
            continue
        out.extend(line.split())
    return tuple(out)


def alternation(items) -> str:
    """A regex alternation that tries longer items first, so 彭水县 wins over 彭水."""
    import regex

    return "|".join(regex.escape(x) for x in sorted(set(items), key=lambda s: (-len(s), s)))


def trie(items) -> str:
    """The regex `alternation(items)` is, written as a trie ("重庆(?:市)?|北京…"): the same
    matches, tried in the same order (longest first, then shorter ones on backtracking), but
    the regex module tries an alternation's branches one by one, so a list of thousands of
    names (the gazetteer's 6,000 place forms) costs it thousands of tries at every character;
    a trie costs one per character it has in common with a name."""
    import regex

    root: dict = {}
    for item in set(items):
        node = root
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}

    def source(node: dict) -> str:
        kids = [regex.escape(ch) + source(node[ch]) for ch in sorted(k for k in node if k)]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        # "(?:…|)", not "(?:…)?": the regex module sets up every repeat afresh at each try
        return f"(?:{body}|)" if "" in node else body

    body = source(root)
    return body if body else "(?:)"
