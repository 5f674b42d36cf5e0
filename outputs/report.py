"""`cadregraph report`: the analysis of graph/analysis.py as a readable Markdown report.

Text from documents (slogans, names, quotes) is escaped, so a document cannot inject Markdown
structure or HTML into the report.
"""
from __future__ import annotations

from collections import defaultdict

import regex

from cadregraph.graph.analysis import Analysis, Mover, Step

_SPECIAL = regex.compile(r"([\\`*_\[\]{}|#!])")


def md(text: str) -> str:
    """Text safe inside Markdown, tables included: no markup, no HTML, one line."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", regex.sub(r"\s*\n\s*", " ", text)).strip()


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out + [""]


def _date(date: str) -> str:
    return date or "undated"


def render_report(a: Analysis, source: str = "", top: int = 10) -> str:
    lines = ["# cadregraph report", ""]
    if source:
        lines += [f"Graph: `{md(source)}`", ""]
    units = {u.unit_label for u in a.uses}
    slogans = {u.slogan for u in a.uses}
    documents = {u.document for u in a.uses}
    lines += [f"{len(slogans)} slogans used by {len(units)} districts and bodies in {len(documents)} documents; "
              f"{len(a.careers)} officials with posts, {len(a.movers)} of them moved between units.", ""]
    lines += _diffusion(a, top) + _network(a) + _movers(a.movers) + _careers(a.careers) + _every_slogan(a)
    return "\n".join(lines).rstrip() + "\n"


def _diffusion(a: Analysis, top: int) -> list[str]:
    lines = ["## How slogans travel", "",
             "Slogans used by two or more districts or bodies, each with its users in the order they were "
             "first seen using it (by document date). Every slogan and unit, with the first quote: "
             "`cadregraph export GRAPH --table slogan_spread`.", ""]
    shared = [(s, steps) for s, steps in a.diffusion.items() if len(steps) >= 2]
    if not shared:
        return lines + ["No slogan is used by more than one unit.", ""]
    kinds = {u.slogan: u.kind for u in a.uses}
    for slogan, steps in shared[:top]:
        lines += [f"### “{md(slogan)}” ({kinds[slogan]}, {len(steps)} users)", ""]
        lines += _table(["order", "user", "first seen", "document"],
                        [[str(i), md(unit), _date(d), md(doc)] for i, (unit, d, doc) in enumerate(steps, 1)])
    rest = shared[top:]
    if rest:
        lines += ["Also shared: " + "; ".join(f"“{md(s)}” ({', '.join(md(u) for u, _, _ in st)})" for s, st in rest), ""]
    return lines


def _network(a: Analysis) -> list[str]:
    lines = ["## The unit–slogan network", "",
             "A bipartite graph of units and the slogans they use. Degree centrality: the share of the other "
             "side a node is linked to; betweenness: how often it lies on the shortest paths between others.", ""]
    if not a.slogans:
        return lines + ["No slogan uses in this graph.", ""]
    lines += ["### Most central slogans", ""]
    lines += _table(["slogan", "units", "degree centrality", "betweenness"],
                    [[md(c.label), str(c.degree), f"{c.degree_centrality:.3f}", f"{c.betweenness:.3f}"] for c in a.slogans])
    lines += ["### Most central units", ""]
    lines += _table(["unit", "slogans", "degree centrality", "betweenness"],
                    [[md(c.label), str(c.degree), f"{c.degree_centrality:.3f}", f"{c.betweenness:.3f}"] for c in a.units])
    if a.pairs:
        lines += ["### Units that share the most slogans", ""]
        lines += _table(["unit", "unit", "shared", "slogans"],
                        [[md(x), md(y), str(n), "、".join(md(s) for s in common)] for x, y, n, common in a.pairs])
    return lines


def _movers(movers: list[Mover]) -> list[str]:
    lines = ["## Officials who moved, and the slogans of the units they led", ""]
    if not movers:
        return lines + ["No official is seen in posts of two different units.", ""]
    for m in movers:
        lines += [f"### {md(m.person)}: {' → '.join(md(u) for u in m.units)}", ""]
        lines += _table(["date", "post", "unit", "document"],
                        [[_date(s.date), md(s.post), md(s.unit_label), md(s.document)] for s in m.steps])
        for unit, rows in m.slogans.items():
            if not rows:
                lines += [f"- {md(unit)}: no slogans seen.", ""]
                continue
            listed = "; ".join(f"“{md(s)}” ({_date(d)}{', while there' if there else ''})" for s, d, _, there in rows)
            lines += [f"- {md(unit)}: {listed}"]
        carried = "; ".join(f"“{md(s)}” ({md(a)} → {md(b)})" for s, a, b in m.carried)
        lines += ["", f"Slogans used by both units: {carried or 'none seen'}.", ""]
    return lines


def _careers(careers: dict[str, list[Step]]) -> list[str]:
    lines = ["## Career summary", "",
             "Every official's posts in the order first seen, each with the first and last dates it is "
             "observed and the number of documents.", ""]
    rows = []
    for person, steps in careers.items():
        by_post: dict[str, list[Step]] = defaultdict(list)
        for s in steps:
            by_post[s.post].append(s)
        parts = []
        for post, ps in by_post.items():
            dates = sorted(_date(s.date) for s in ps)
            span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"
            parts.append(f"{md(post)} ({span}, {len({s.document for s in ps})} doc.)")
        rows.append([md(person), "; ".join(parts)])
    return lines + (_table(["official", "posts"], rows) if rows else ["No post observations.", ""])


def _every_slogan(a: Analysis) -> list[str]:
    lines = ["## Every slogan", "", "Each slogan with its kind, how many units use it, and who used it first.", ""]
    if not a.diffusion:
        return lines + ["No slogan uses in this graph.", ""]
    kinds = {u.slogan: u.kind for u in a.uses}
    rows = [[md(s), kinds[s], str(len(steps)), _date(steps[0][1]), md(steps[0][0]), md(steps[0][2])]
            for s, steps in a.diffusion.items()]
    return lines + _table(["slogan", "kind", "users", "first seen", "first user", "document"], rows)
