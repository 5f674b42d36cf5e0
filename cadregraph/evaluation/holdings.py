"""Scoring holdings: person + role + (district, or organization for city-level posts)."""
from __future__ import annotations

import regex

from .gold import norm
from .scoring import Score, match

_ROLE_PREFIX = regex.compile(r"^(?:市委|区委|县委|市人大|党工委(?=书记$)|)")


def role_key(role: str) -> str:
    """书记 = 区委书记 = 县委书记; 市委常委 = 常委; 市人大代表 = 代表."""
    return _ROLE_PREFIX.sub("", norm(role), count=1) or norm(role)


def org_key(org: str, city: str = "重庆") -> str:
    org = norm(org)
    return org[len(city):] if org.startswith(city + "市") else org


def score_holdings(gold_docs: dict[str, dict], rows_by_doc: dict[str, list[dict]],
                   person_labels: dict[str, set[str]]) -> Score:
    gold_items, predicted = [], []
    for doc_id, gold in gold_docs.items():
        variants = _variants(gold)
        for h in gold.get("holdings", []):
            gold_items.append((doc_id, h, variants))
        for row in rows_by_doc.get(doc_id, []):
            predicted.append((doc_id, row))

    def same(g, p) -> bool:
        doc_id, h, variants = g
        pdoc, row = p
        if doc_id != pdoc:
            return False
        labels = person_labels.get(row["person"], {row["person"]})
        names = {h["person"], *variants.get(h["person"], ())}
        if not labels & names:
            return False
        if role_key(h["role"]) != role_key(row["role"]):
            return False
        if h.get("district"):
            return norm(h["district"]) == norm(row["district"])
        return org_key(h.get("org", "")) == org_key(row["organization"]) and not row["district"]

    return match("holdings", gold_items, predicted, same)


def _variants(gold: dict) -> dict[str, set[str]]:
    """罗楠 = 罗蔺, read from the gold file's name_variants note ("A (…) = B (…)")."""
    text = gold.get("name_variants") or ""
    out: dict[str, set[str]] = {}
    m = regex.search(r"(\p{Han}{2,4})\s*(?:\([^)]*\))?\s*=\s*(\p{Han}{2,4})", text)
    if m:
        a, b = m.group(1), m.group(2)
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out
