"""Scoring projects against the gold files: normalized name + district (gold README, "How to
match"). Names match when equal or when one contains the other (万顺场储气库 vs 万顺场储气库项目),
provided the shorter is at least MIN_CONTAINED characters and half the longer, so a bare head
noun never matches. The gold `aliases` count as names. A second prediction of an already
matched project (another spelling, a photo caption) is neither right nor wrong."""
from __future__ import annotations

from pathlib import Path

import regex

from cadregraph.outputs.tables import table_rows

from .gold import norm
from .scoring import Score, match

MIN_CONTAINED = 3
_MARKS = regex.compile(r"[‘’“”「」『』\"']")


def name_key(name: str) -> str:
    return _MARKS.sub("", norm(name))


def names_match(a: str, b: str) -> bool:
    short, long = sorted((name_key(a), name_key(b)), key=len)
    return short == long or (short in long and len(short) >= MIN_CONTAINED and 2 * len(short) >= len(long))


def score_projects(g, gold_docs: dict[str, dict]) -> Score:
    gold = [(doc_id, p) for doc_id, data in gold_docs.items() for p in data.get("projects", [])]
    seen, predicted = set(), []
    for row in table_rows(g, "projects"):
        doc_id = Path(row["document"]).stem
        key = (doc_id, name_key(row["project"]), norm(row["district"]))
        if doc_id in gold_docs and key not in seen:
            seen.add(key)
            predicted.append((doc_id, row))

    def same(gold_item, pred) -> bool:
        doc_id, p = gold_item
        pdoc, row = pred
        if doc_id != pdoc or norm(p.get("district")) != norm(row["district"]):
            return False
        return any(names_match(n, row["project"]) for n in (p["name"], *p.get("aliases", [])))

    def duplicate(pred) -> bool:
        return any(same(gold_item, pred) for gold_item in gold)

    return match("projects", gold, predicted, same, ignore=duplicate)
