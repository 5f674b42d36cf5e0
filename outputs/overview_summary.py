"""What the focused pages show of many rows: a unit's slogans once each with their count and
first and last use, its figures as a table by indicator and period, its projects with their
mentions; and a person's career as a timeline drawn in SVG (the pages have no script): one row
per post, grouped by place, each tenure a bar from first to last seen (continued, lighter, to
its end bound when one is known), each dated observation a point. Input rows are the plain
dicts of overview_data."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from .overview_data import date_key as _plain_date_key
from .overview_data import full_key

# a unit's thousands of rows share a few hundred dates: each parsed once
date_key = lru_cache(maxsize=1 << 14)(_plain_date_key)

PAGE_ROWS = 80          # rows of a section on a unit's page; the rest on numbered pages after it


def _grouped(rows: list[dict], key) -> list[tuple[tuple, list[dict]]]:
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    return list(groups.items())


def _dated(rows: list[dict]) -> list[str]:
    return sorted((r["date"] for r in rows if r["date"]), key=date_key)


def _uses(rows: list[dict]) -> dict:
    """How often, from when to when, and the first and the last use (each with its document
    and quote); undated uses come after the dated ones."""
    # the first and the last in the order (date, document, start, every value): the whole
    # key, which is costly, only for the rows that tie on the first three
    keys = [(date_key(r["date"]), r["doc"], r["start"]) for r in rows]
    low, high = min(keys), max(keys)
    first = min((r for r, k in zip(rows, keys) if k == low), key=full_key)
    last = max((r for r, k in zip(rows, keys) if k == high), key=full_key)
    dates = _dated(rows)
    return {"count": len(rows), "first": dates[0] if dates else "", "last": dates[-1] if dates else "",
            "first_use": first, "last_use": last if len(rows) > 1 else None}


def paged(rows: list, size: int = PAGE_ROWS) -> list[list]:
    """Rows in pages of `size` (at least one page, maybe empty)."""
    return [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]


def unit_summary(unit) -> dict:
    """{slogans, figures, projects}: a unit's rows aggregated for its page: a slogan or project
    once, with its count and first and last use; figures one row per indicator, period and
    unit of measure, in indicator order."""
    slogans = [{"slogan": k[0], "kind": k[1]} | _uses(rs) for k, rs in _grouped(unit.slogans, lambda r: (r["slogan"], r["kind"]))]
    slogans.sort(key=lambda s: (-s["count"], s["slogan"], s["kind"]))
    projects = [{"project": k[0]} | _uses(rs) for k, rs in _grouped(unit.projects, lambda r: (r["project"],))]
    projects.sort(key=lambda p: (-p["count"], p["project"]))
    figures = []
    for (indicator, period, unit_name), rs in _grouped(unit.figures, lambda r: (r["indicator"], r["period"], r["unit"])):
        values = sorted({r["value"] for r in rs}, key=lambda v: (len(v), v))
        figures.append({"indicator": indicator, "period": period, "unit": unit_name, "values": values} | _uses(rs))
    figures.sort(key=lambda f: (f["indicator"], date_key(f["first"]), f["period"], f["unit"]))
    return {"slogans": slogans, "projects": projects, "figures": figures}


# ---------------------------------------------------------------- the career timeline

LABEL_W, CHART_W, ROW_H = 210.0, 560.0, 20.0


def _year(date: str, end: bool) -> float | None:
    """A partial ISO date as a fractional year: the start, or (`end`) the end of what it covers."""
    if not date[:4].isdigit():
        return None
    year, month, day = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 0, int(date[8:10]) if len(date) >= 10 else 0
    if not month:
        return year + (1.0 if end else 0.0)
    if not day:
        return year + (month - (0 if end else 1)) / 12
    return year + (month - 1) / 12 + (day - (0 if end else 1)) / 365


def end_bound(t: dict) -> str:
    """The date a tenure is known to have ended by, if the row has one (the careers derivation
    gives ended_before, also spelt end_before, where the corpus tells: a successor seen, a new
    post …); '' without."""
    return t.get("ended_before") or t.get("end_before") or ""


def career_chart(tenures: list[dict], observations: list[dict], place_label: dict[str, str]) -> dict:
    """Rows for the SVG: {rows: [{y, label, place?, bars: [{x, w, cls, title}], points: [{x, title}]}],
    years: [{x, year}], height, width, undated: [tenure rows without any date]}."""
    dated = [t for t in tenures if _year(t["first"] or t["last"], False) is not None]
    undated = [t for t in tenures if t not in dated]
    seen = [o for o in observations if _year(o["date"], False) is not None]
    ends = [_year(d, True) for t in dated for d in (t["first"], t["last"], end_bound(t))] + \
           [_year(o["date"], True) for o in seen]
    starts = [_year(t["first"] or t["last"], False) for t in dated] + [_year(o["date"], False) for o in seen]
    if not dated:
        return {"rows": [], "years": [], "height": 0, "width": 0, "undated": undated}
    lo, hi = int(min(starts)), int(max(e for e in ends if e is not None) + 0.999)
    hi = max(hi, lo + 1)
    scale = CHART_W / (hi - lo)

    def x(value: float) -> float:
        return round(LABEL_W + (value - lo) * scale, 1)

    rows, y = [], 0.0
    places: dict[str, list[dict]] = defaultdict(list)
    for t in dated:
        places[t["unit"]].append(t)
    for place in sorted(places, key=lambda p: min(date_key(t["first"] or t["last"]) for t in places[p])):
        rows.append({"y": y, "label": place_label.get(place, place), "place": True, "bars": [], "points": []})
        y += ROW_H
        posts: dict[str, list[dict]] = defaultdict(list)
        for t in places[place]:
            posts[t["post"]].append(t)
        for post, ts in posts.items():
            bars = []
            for t in ts:
                a, b = _year(t["first"] or t["last"], False), _year(t["last"] or t["first"], True)
                span = t["first"] if t["first"] == t["last"] else f"{t['first'] or '?'} → {t['last'] or '?'}"
                bars.append({"x": x(a), "w": max(4.0, round((b - a) * scale, 1)), "cls": "seen", "title": f"{post} · {span}"})
                bound = _year(end_bound(t), True)
                if bound is not None and bound > b:
                    why = t.get("end_reason") or "end bound"
                    bars.append({"x": x(b), "w": round((bound - b) * scale, 1), "cls": "bound",
                                 "title": f"{post} · ended by {end_bound(t)} ({why})"})
            points = [{"x": x(_year(o["date"], False)), "title": f"{o['date']} · {post}"} for o in seen if o["post"] == post]
            rows.append({"y": y, "label": post, "place": False, "bars": bars, "points": points})
            y += ROW_H
    years = [{"x": x(year), "year": year} for year in range(lo, hi + 1)]
    return {"rows": rows, "years": years, "height": y + 24, "width": LABEL_W + CHART_W + 30, "undated": undated}
