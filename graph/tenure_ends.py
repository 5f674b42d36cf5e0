"""When tenures end — a corpus-wide pass over plain `Tenure`s (from `tenures.build_tenures`,
which takes plain `Sighting` rows), no RDF.

`close_tenures(tenures, posts)` — `posts` maps a post key to `PostInfo(single, place)`: whether
one person holds the post at a time, and its place (district, else organization). A tenure
closes, at the tightest bound the corpus shows, when
- the person is seen leaving it (免去, 不再担任, 卸任 …: a 'leaves' observation): `left`, the end
  is on or before that observation's date;
- a later holder of the same one-holder post is seen: `successor`, the end is before that
  holder's first sighting (only a holder first seen certainly after this tenure's last
  sighting counts: overlapping sightings say nothing certain);
- the person is later seen holding a one-holder post of another place (a district's 区委书记
  seen next as another district's, or as a city bureau's head): `other-post`, the end is
  before that first sighting. Posts of the same place may be held together (区委书记、区长).
The end is the interval (`end_after`, `end_before`) at the precision of the dates that bound
it: after the last date the person is seen holding the post, before the bound. Dated past
posts from biographies (曾任, 历任 with their dates) are sightings like any other.
`open_ended` stays true only where nothing shows an end.
"""
from __future__ import annotations

from dataclasses import dataclass

from .partial_dates import PartialDate

REASON_ORDER = {"left": 0, "successor": 1, "other-post": 2}


@dataclass(frozen=True)
class PostInfo:
    single: bool
    place: str


def close_tenures(tenures: list, posts: dict[str, PostInfo]) -> None:
    by_post: dict[str, list] = {}
    by_person: dict[str, list] = {}
    for t in tenures:
        by_post.setdefault(t.post, []).append(t)
        by_person.setdefault(t.person, []).append(t)
    for t in tenures:
        last = t.end
        if last is None:
            continue
        info = posts.get(t.post, PostInfo(False, ""))
        bounds: list[tuple[PartialDate, int, str, str]] = []
        leave = _leave(t)
        if leave is not None and leave.date is not None:
            bounds.append((leave.date, REASON_ORDER["left"], "left", leave.obs))
        if info.single:
            for other in by_post[t.post]:
                first = _first_held(other)
                if other.person != t.person and first is not None and last.certainly_before(first[0]):
                    bounds.append((first[0], REASON_ORDER["successor"], "successor", first[1]))
            for other in by_person[t.person]:
                other_info = posts.get(other.post, PostInfo(False, ""))
                first = _first_held(other)
                if (other.post != t.post and other_info.single and other_info.place != info.place
                        and first is not None and last.certainly_before(first[0])):
                    bounds.append((first[0], REASON_ORDER["other-post"], "other-post", first[1]))
        t.end_after = t.last_held
        if leave is not None and leave.date is None:
            t.end_reason, t.end_evidence = "left", leave.obs      # left, date unknown
        if bounds:
            date, _, reason, obs = min(bounds, key=lambda b: (b[0].latest(), b[1], b[0].value, b[3]))
            t.end_before, t.end_reason, t.end_evidence = date, reason, obs


def _leave(t):
    leaves = [s for s in t.sightings if s.status == "leaves"]
    return leaves[-1] if leaves else None


def _first_held(t) -> tuple[PartialDate, str] | None:
    held = sorted((s.date, s.obs) for s in t.sightings if s.date is not None and s.status in ("holds", "takes-up"))
    return held[0] if held else None


def end_phrase(t) -> str:
    """'ended after 2023-10-24, before 2025-01-23 (successor)', or 'open'."""
    if t.end_before is None:
        return "open"
    after = f"after {t.end_after}, " if t.end_after is not None else ""
    return f"ended {after}before {t.end_before} ({t.end_reason})"
