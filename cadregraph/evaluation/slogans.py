"""Scoring slogans against the gold files: normalized text + user, the kind matching the
gold `kind` or `alt_kind` (gold README, "How to match"). Entries with `noise: true` are left
out.

Three scores: numbered formulations (precision and recall), numbered formulations and
catchphrases together, and every quoted expression of any kind. A prediction whose kind is
the gold item's `alt_kind` counts as that kind, so a borderline item is never wrong twice.
Users: a use in a document's own headline or introduction belongs to the document's own place
in the graph (重庆市 for the seeds' Chongqing Daily reports), and a use whose user is not told
says "unknown"; both match the gold file's non-unit users (市委 for headlines, header, 渝西八区).
"""
from __future__ import annotations

from pathlib import Path

import regex

from cadregraph.outputs.tables import table_rows

from .gold import norm
from .holdings import org_key
from .scoring import Score

# The gold format's users that are not a district or department (gold README, slogans).
DOCUMENT_USERS = frozenset({"市委", "header", "渝西八区"})
# What the graph writes for those: no user, unknown, or the home city itself (org_key → 市).
_DOCUMENT_ROW_USERS = frozenset({"", "unknown", "市"})
_MARKS = regex.compile(r"[‘’“”「」『』\"']")


def text_key(text: str) -> str:
    return _MARKS.sub("", norm(text))


def user_key(user: str) -> str:
    if not user or user in DOCUMENT_USERS:
        return ""
    key = org_key(user)
    return "" if key in _DOCUMENT_ROW_USERS else key


def _pairs(g, gold_docs: dict[str, dict]):
    """Gold items and predictions, paired one-to-one on document, text and user."""
    gold = [(doc_id, s) for doc_id, data in gold_docs.items()
            for s in data.get("slogans", []) if not s.get("noise")]
    rows = [r for r in table_rows(g, "slogans") if Path(r["document"]).stem in gold_docs]
    index: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        index.setdefault((Path(r["document"]).stem, text_key(r["slogan"]), user_key(r["user"])), []).append(i)
    used: set[int] = set()
    pairs = []
    for doc_id, s in gold:
        candidates = [i for i in index.get((doc_id, text_key(s["text"]), user_key(s["user"])), []) if i not in used]
        i = candidates[0] if candidates else None
        if i is not None:
            used.add(i)
        pairs.append(((doc_id, s), rows[i] if i is not None else None))
    unpaired = [rows[i] for i in range(len(rows)) if i not in used]
    return pairs, unpaired


def _effective_kind(gold: dict, row: dict | None) -> str:
    if row is not None and row["kind"] == gold.get("alt_kind"):
        return row["kind"]
    return gold["kind"]


def score_kinds(g, gold_docs: dict[str, dict], kinds: frozenset[str] | None, name: str) -> Score:
    """Precision and recall for the items of `kinds` (None: every kind, the kind must agree)."""
    pairs, unpaired = _pairs(g, gold_docs)
    score = Score(name)

    def inside(kind: str) -> bool:
        return kinds is None or kind in kinds

    for (doc_id, gold), row in pairs:
        expected = _effective_kind(gold, row)
        gold_in, pred_in = inside(expected), row is not None and inside(row["kind"])
        if row is not None and gold_in and pred_in and (kinds is not None or row["kind"] == expected):
            score.true_positives += 1
            continue
        if gold_in:
            score.false_negatives.append({**gold, "document": doc_id})
        if pred_in:
            score.false_positives.append(row)
    score.false_positives.extend(r for r in unpaired if inside(r["kind"]))
    return score


def score_numbered(g, gold_docs):
    return score_kinds(g, gold_docs, frozenset({"numbered"}), "slogans (numbered)")


def score_numbered_catchphrase(g, gold_docs):
    return score_kinds(g, gold_docs, frozenset({"numbered", "catchphrase"}), "slogans (numbered + catchphrase)")


def score_all_kinds(g, gold_docs):
    return score_kinds(g, gold_docs, None, "quoted expressions (all kinds, kind must agree)")


SLOGAN_SCORERS = [score_numbered, score_numbered_catchphrase, score_all_kinds]
