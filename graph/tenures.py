"""Careers from post observations, without RDF: tenures, successions and career steps.

A *tenure* is one person in one post, from the first to the last date the corpus sees them
there. An observation that the person left the post ('leaves') closes the tenure at its date;
an observation that they took it up ('takes-up') dates its start; seeing them in the post
again after leaving starts a new tenure. 'proposed' is not holding and is left out.

The *holders* of a post are its tenures in date order. For a post one person holds at a time,
each tenure is linked to the one before it when the order is certain: the earlier holder was
last seen before the later one was first seen, or the handover itself was observed (one left,
or the other took up the post) and the dates do not contradict it. Overlapping sightings of two
holders of such a post are left unlinked rather than guessed.

A *career step* is one person in one document on one date (a biography gives one step per
date): the posts held there. A step *changes post* when the person holds a post there they
were not seen in at any earlier step (memberships such as 人大代表 aside) or leaves one.
Undated observations keep their tenure but take no place in any order.

Everything here (and in `tenure_ends.py`, which closes tenures) works on plain `Sighting` rows
— observation id, person, post, document, partial date, status, as strings — and plain post
facts (`role_kind` of the role label; `tenure_ends.PostInfo`: one holder or not, place), never on
a graph: the streaming build's corpus pass (shared.py) fills them from its compact mention table (person = the identity pass's person key) and call
`build_tenures` → `order_holders` (per post) → `close_tenures` → `career_steps`.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .partial_dates import PartialDate, sort_key

HOLDING = ("takes-up", "holds")
# "held" (an earlier layer of a career) closes its tenure by the observation's date, as "leaves" does.
ENDING = ("leaves", "held")
STATUS_ORDER = {"takes-up": 0, "holds": 1, "leaves": 2, "held": 2}


@dataclass(frozen=True)
class Sighting:
    """One post observation as read from the graph (IRIs as strings)."""

    obs: str
    person: str
    post: str
    doc: str
    date: PartialDate | None
    status: str = "holds"


@dataclass
class Tenure:
    person: str
    post: str
    number: int                                  # 1 for the person's first tenure in this post
    sightings: list[Sighting] = field(default_factory=list)
    started: bool = False                        # a 'takes-up' observation dates the start
    ended: bool = False                          # a 'leaves' observation dates the end
    holder_index: int | None = None
    predecessor: "Tenure | None" = None
    successor: "Tenure | None" = None
    # Set by tenure_ends.close_tenures: the end lies after end_after and before end_before.
    end_after: PartialDate | None = None
    end_before: PartialDate | None = None
    end_reason: str | None = None                # successor | left | other-post
    end_evidence: str | None = None              # the observation that shows the end

    @property
    def open_ended(self) -> bool:
        """Nothing seen closes the tenure: the person may hold the post still."""
        return self.end_before is None and not self.ended

    @property
    def statuses(self) -> list[str]:
        return sorted({s.status for s in self.sightings})

    @property
    def last_held(self) -> PartialDate | None:
        """The last date the person is seen holding (not leaving) the post."""
        held = sorted(s.date for s in self.sightings if s.date is not None and s.status in HOLDING)
        return held[-1] if held else None

    @property
    def dates(self) -> list[PartialDate]:
        return sorted(s.date for s in self.sightings if s.date is not None)

    @property
    def begin(self) -> PartialDate | None:
        return self.dates[0] if self.dates else None

    @property
    def end(self) -> PartialDate | None:
        return self.dates[-1] if self.dates else None


@dataclass
class Step:
    person: str
    doc: str
    date: PartialDate | None
    sightings: list[Sighting]
    held: list[str]
    left: list[str]
    index: int | None = None
    new: list[str] = field(default_factory=list)
    changed: bool = False
    previous: "Step | None" = None


@lru_cache(maxsize=1)
def role_kinds() -> dict[str, str]:
    text = resources.files("cadregraph.graph").joinpath("data/role_kinds.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {r[0]: r[1].strip() for r in rows[1:]}


def role_kind(role: str) -> str:
    kinds = role_kinds()
    if role in kinds:
        return kinds[role]
    return "shared" if "副" in role else "single"


def _chronological(sightings):
    return sorted(sightings, key=lambda s: (sort_key(s.date), STATUS_ORDER.get(s.status, 1), s.doc, s.obs))


def build_tenures(sightings: list[Sighting]) -> list[Tenure]:
    by_pair: dict[tuple[str, str], list[Sighting]] = defaultdict(list)
    for s in sightings:
        if s.status in STATUS_ORDER:
            by_pair[(s.person, s.post)].append(s)
    out: list[Tenure] = []
    for (person, post), group in sorted(by_pair.items()):
        out.extend(_split(person, post, _chronological(group)))
    return out


def _split(person: str, post: str, group: list[Sighting]) -> list[Tenure]:
    tenures: list[Tenure] = []
    current: Tenure | None = None
    for s in group:
        if s.date is None and tenures:
            # An undated sighting cannot be placed; it joins the latest tenure.
            current = current or tenures[-1]
        if current is None:
            current = Tenure(person, post, len(tenures) + 1, started=s.status == "takes-up")
            tenures.append(current)
        current.sightings.append(s)
        if s.status in ENDING:
            current.ended = True
            current = None
    return tenures


def order_holders(tenures: list[Tenure], single_holder: bool) -> None:
    """Number the tenures of one post in date order and, for a post one person holds at a
    time, link predecessors and successors where the order is certain."""
    dated = sorted((t for t in tenures if t.begin), key=lambda t: (t.begin.value, t.end.value, t.person, t.number))
    undated = sorted((t for t in tenures if not t.begin), key=lambda t: (t.person, t.number))
    for i, t in enumerate(dated + undated, 1):
        t.holder_index = i
    if not single_holder:
        return
    current: Tenure | None = None
    for t in dated:
        if current is not None and current.person != t.person and _handed_over(current, t):
            current.successor, t.predecessor = t, current
        if current is None or current.end.value <= t.end.value:
            current = t


def _handed_over(a: Tenure, b: Tenure) -> bool:
    if a.end.certainly_before(b.begin):
        return True
    return (a.ended or b.started) and not b.begin.certainly_before(a.end)


def career_steps(sightings: list[Sighting], membership_posts: set[str]) -> dict[str, list[Step]]:
    grouped: dict[tuple[str, str, str], list[Sighting]] = defaultdict(list)
    for s in sightings:
        if s.status in STATUS_ORDER:
            grouped[(s.person, s.doc, s.date.value if s.date else "")].append(s)
    by_person: dict[str, list[Step]] = defaultdict(list)
    for (person, doc, _), group in grouped.items():
        held = sorted({s.post for s in group if s.status in HOLDING})
        left = sorted({s.post for s in group if s.status in ENDING})
        by_person[person].append(Step(person, doc, group[0].date, sorted(group, key=lambda s: s.obs), held, left))
    for person, steps in by_person.items():
        steps.sort(key=lambda st: (sort_key(st.date), st.doc))
        _mark_changes([st for st in steps if st.date is not None], membership_posts)
    return dict(sorted(by_person.items()))


def _mark_changes(steps: list[Step], membership_posts: set[str]) -> None:
    seen: set[str] = set()
    previous: Step | None = None
    for index, step in enumerate(steps, 1):
        step.index, step.previous = index, previous
        step.new = [p for p in step.held if p not in seen and p not in membership_posts]
        step.changed = previous is not None and bool(step.new or step.left)
        seen.update(step.held)
        previous = step
