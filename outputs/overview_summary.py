"""What the focused pages show of many rows: a unit's slogans once each with their count and
first and last use, its figures as a table by indicator and period, its projects with their
mentions; and a person's career as a timeline drawn in SVG (the pages have no script): one row
per post, grouped by place, each tenure a bar from first to last seen (continued, lighter, to
its end bound when one is known), each dated observation a point. Input rows are the plain
dicts of overview_data."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from .overview_data import date_key as _plain_date_key
from .overview_data import full_key

# a unit's thousands of rows share a few hundred dates: each parsed once
date_key = lru_cache(maxsize=1 << 14)(_plain_date_key)

PAGE_ROWS = 80          # rows of a section on a unit's page; the rest on numbered pages after it


class _Uses:
    """How often, from when to when, and the first and the last use (each with its document
    and quote) of one slogan, project or figure, from its rows seen one at a time: a unit's
    rows are read from disk as a stream (the city level of a hundred thousand documents has
    over a million), never held in a list. Undated uses come after the dated ones."""

    __slots__ = ("count", "first_date", "last_date", "first", "first_key", "last", "last_key", "values")

    def __init__(self):
        self.count = 0
        self.first_date = self.last_date = None
        self.first = self.last = self.first_key = self.last_key = None
        self.values: set[str] = set()

    def add(self, r: dict) -> None:
        self.count += 1
        if r["date"]:
            dated = (date_key(r["date"]), r["date"])
            if self.first_date is None or dated < self.first_date:
                self.first_date = dated
            if self.last_date is None or dated > self.last_date:
                self.last_date = dated
        # the first and the last in the order (date, document, start, every value): the whole
        # key, which is costly, only for the rows that tie on the first three
        key = (date_key(r["date"]), r["doc"], r["start"])
        if self.first is None or key < self.first_key or (key == self.first_key and full_key(r) < full_key(self.first)):
            self.first, self.first_key = r, key
        if self.last is None or key > self.last_key or (key == self.last_key and full_key(r) > full_key(self.last)):
            self.last, self.last_key = r, key

    def as_dict(self) -> dict:
        return {"count": self.count, "first": self.first_date[1] if self.first_date else "",
                "last": self.last_date[1] if self.last_date else "",
                "first_use": self.first, "last_use": self.last if self.count > 1 else None}


def _uses_by(rows: Iterable[dict], group, value: str | None = None) -> dict[tuple, _Uses]:
    groups: dict[tuple, _Uses] = {}
    for r in rows:
        uses = groups.get(key := group(r))
        if uses is None:
            uses = groups[key] = _Uses()
        uses.add(r)
        if value is not None:
            uses.values.add(r[value])
    return groups


def paged(rows: list, size: int = PAGE_ROWS) -> list[list]:
    """Rows in pages of `size` (at least one page, maybe empty)."""
    return [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]


def summarize(slogans: Iterable[dict], figures: Iterable[dict], projects: Iterable[dict]) -> dict:
    """{slogans, figures, projects}: a unit's rows aggregated for its page: a slogan or project
    once, with its count and first and last use; figures one row per indicator, period and
    unit of measure, in indicator order. Each iterable is read once."""
    slogans_out = [{"slogan": k[0], "kind": k[1]} | u.as_dict()
                   for k, u in _uses_by(slogans, lambda r: (r["slogan"], r["kind"])).items()]
    slogans_out.sort(key=lambda s: (-s["count"], s["slogan"], s["kind"]))
    projects_out = [{"project": k[0]} | u.as_dict() for k, u in _uses_by(projects, lambda r: (r["project"],)).items()]
    projects_out.sort(key=lambda p: (-p["count"], p["project"]))
    figures_out = []
    for (indicator, period, unit_name), u in _uses_by(figures, lambda r: (r["indicator"], r["period"], r["unit"]), "value").items():
        values = sorted(u.values, key=lambda v: (len(v), v))
        figures_out.append({"indicator": indicator, "period": period, "unit": unit_name, "values": values} | u.as_dict())
    figures_out.sort(key=lambda f: (f["indicator"], date_key(f["first"]), f["period"], f["unit"]))
    return {"slogans": slogans_out, "projects": projects_out, "figures": figures_out}


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
