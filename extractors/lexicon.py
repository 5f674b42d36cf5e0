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
