"""`cadregraph identity`: every identity decision in a graph, for a reviewer.

Reads the `cg:IdentityDecision` nodes the build wrote (graph/identity_graph.py) with one query
(`identity_decisions.rq`) and groups its rows by decision: what was decided (merge or apart),
by which rule, why, and each side's observations (name as written, person, post, date,
document, quote). A reviewer who disagrees writes a `merge` or `apart` line into the file given
to `build --identity-file`.
"""
from __future__ import annotations

import json

from .tables import query_text

KIND_ORDER = {"merge": 0, "apart": 1}


def identity_decisions(source) -> list[dict]:
    from .queries import run_sparql

    result = run_sparql(source, query_text("identity_decisions.rq"), "identity decisions")
    decisions: dict[str, dict] = {}
    for row in result.rows:
        d = decisions.setdefault(row["decision"], {
            "decision": row["kind"], "rule": row["rule"], "reason": row["reason"], "spellings": [],
            "people": [], "side_a": [], "side_b": []})
        d["side_a" if row["side"] == "A" else "side_b"].append({
            "name": row["name"], "person": row["person"], "person_id": row["person_id"], "post": row["post"],
            "date": row["date"], "document": row["document"], "quote": row["evidence"]})
        if row["name"] not in d["spellings"]:
            d["spellings"].append(row["name"])
        if row["person_id"] not in d["people"]:
            d["people"].append(row["person_id"])
    out = list(decisions.values())
    for d in out:
        d["spellings"].sort()
        d["people"].sort()
    return sorted(out, key=lambda d: (KIND_ORDER.get(d["decision"], 2), d["rule"], d["spellings"], d["reason"]))


def render_json(decisions: list[dict]) -> str:
    return json.dumps(decisions, ensure_ascii=False, indent=1) + "\n"


def render_text(decisions: list[dict], source: str = "") -> str:
    merges = [d for d in decisions if d["decision"] == "merge"]
    aparts = [d for d in decisions if d["decision"] != "merge"]
    lines = [f"# Identity decisions{' in ' + source if source else ''}: {len(merges)} merges, "
             f"{len(aparts)} near-misses kept apart", "",
             "Overrule any of them in a file given to 'cadregraph build --identity-file': 'merge A B' or "
             "'apart A B' (names, or NAME@DOC).", ""]
    for title, group in (("Merges", merges), ("Kept apart", aparts)):
        lines += [f"## {title} ({len(group)})", ""]
        by_rule: dict[str, int] = {}
        for d in group:
            by_rule[d["rule"]] = by_rule.get(d["rule"], 0) + 1
        if by_rule:
            lines += ["by rule: " + ", ".join(f"{rule} {n}" for rule, n in sorted(by_rule.items())), ""]
        for d in group:
            lines.append(f"- {d['decision']} [{d['rule']}] {' / '.join(d['spellings'])}: {d['reason']}")
            for side, rows in (("A", d["side_a"]), ("B", d["side_b"])):
                for r in rows:
                    lines.append(f"    {side} {r['name']} → {r['person']} | {r['post']} | {r['date'] or 'undated'} | "
                                 f"{r['document']} | “{_one_line(r['quote'])}”")
        lines.append("")
    return "\n".join(lines)


def _one_line(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
