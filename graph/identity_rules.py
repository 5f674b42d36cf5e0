"""The automatic identity rules 2 and 3 of `identity.py`, over `Mention`s (plain rows).

Each rule unions mentions in a `Clusters` and returns the `Decision`s a reviewer reads: the
merges it made and the near-misses it refused, each with the reason in one sentence.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date

from .partial_dates import PartialDate

VARIANT_GAP_DAYS = 366          # three characters or more: seen within a year of each other
TITLE_GAP_DAYS = 183            # two characters: the same double title within six months
INSIDE_DAYS = 183               # another holder seen this close before and after a mention
CHANGES = ("takes-up", "leaves")


def _decision(*args):
    from .identity import Decision

    return Decision(*args)


def _keys(m) -> list[tuple[str, str]]:
    return [("p", k) for k in m.post_keys] + [("o", k) for k in m.org_keys] + [("d", k) for k in m.district_ids]


def same_names(mentions, by_name, clusters, common) -> list:
    """Rule 2: one name is one person across documents; a common name only where a post,
    organization or district links the mentions; never into a same-date conflict. A mention
    seen in a one-holder post between two close sightings of another holder there is
    doubtful — likely a misspelling of that holder — and joins only mentions of the name
    that share that post."""
    out = []
    inside = _inside_others(mentions, by_name)
    for name, idx in sorted(by_name.items()):
        if len(idx) < 2:
            continue
        reps: list[int] = []
        rep_keys: dict[int, set] = {}
        for i in sorted(idx, key=lambda i: (i in inside, i)):
            keys = set(_keys(mentions[i]))
            joined, refused = None, []
            for r in reps:
                if name in common and not (rep_keys[r] & keys):
                    continue
                if i in inside and ("p", inside[i][0]) not in rep_keys[r]:
                    refused.append(((r, i), inside[i][1]))
                    continue
                why = clusters.refusal(r, i)
                if why is None:
                    clusters.union(r, i)
                    joined = r
                    break
                pair = clusters.evidence if "would hold" in why else (r, i)
                refused.append((pair, why))
            if joined is None:
                reps.append(i)
                rep_keys[i] = keys
                for (a, b), why in refused:
                    rule = ("same-date-conflict" if "would hold" in why else
                            "inside-another-tenure" if "misspelling" in why else "identity-file")
                    out.append(_decision("apart", rule,
                                         f"{name} in {mentions[a].doc_id} and in {mentions[b].doc_id} kept apart: {why}",
                                         (mentions[a].key,), (mentions[b].key,)))
            else:
                rep_keys[joined] |= keys
        if name in common and len(reps) > 1:
            for r in reps[1:]:
                out.append(_decision("apart", "common-name",
                                     f"{name} is a common name and nothing but the name links {mentions[reps[0]].doc_id} "
                                     f"and {mentions[r].doc_id} (no shared post, organization or district)",
                                     (mentions[reps[0]].key,), (mentions[r].key,)))
    return out


def _inside_others(mentions, by_name) -> dict[int, tuple[str, str]]:
    """Mentions holding a one-holder post on a date when another name is seen in it shortly
    before and shortly after (within INSIDE_DAYS each way, certainly not on the same day):
    index → (post key, why). Long gaps prove nothing: a holder may leave and come back."""
    seen: dict[str, dict[str, list[PartialDate]]] = {}          # post → name → dates
    for m in mentions:
        for r in m.rows:
            d = PartialDate.parse(r.date)
            if r.single and d is not None and r.status in ("holds", "takes-up"):
                seen.setdefault(r.post_key, {}).setdefault(r.name, []).append(d)
    sightings = {post: _Sightings(names) for post, names in seen.items()}
    out = {}
    for name, idx in by_name.items():
        if len(idx) < 2:
            continue
        for i in idx:
            for r in mentions[i].rows:
                d = PartialDate.parse(r.date)
                if r.single and d is not None and r.status in ("holds", "takes-up"):
                    why = sightings[r.post_key].sandwich(name, d)
                    if why:
                        out[i] = (r.post_key, f"{name} is seen as {r.post_label or r.post_key} on {d} in "
                                  f"{r.doc_id}, {why}: likely a misspelling of that holder, not the {name} of "
                                  "the other documents")
                        break
    return out


# A partial date spans at most a year: a sighting that can count as shortly before or after a
# date has its earliest day in this window around the date (earliest - _REACH, latest + INSIDE_DAYS).
_REACH = INSIDE_DAYS + 366


class _Sightings:
    """One post's dated sightings by name, sorted by their earliest day, so a mention looks
    only at those near its date: scanning every sighting of the post for every mention made
    the rule quadratic in the sightings of a post (minutes at 100,000 documents)."""

    def __init__(self, by_name: dict[str, list[PartialDate]]):
        rows = sorted((x.earliest().toordinal(), other, x) for other, dates in by_name.items() for x in dates)
        self.days = [row[0] for row in rows]
        self.rows = rows

    def sandwich(self, name: str, d: PartialDate) -> str:
        first, last = d.earliest(), d.latest()
        lo = bisect_left(self.days, first.toordinal() - _REACH)
        hi = bisect_right(self.days, last.toordinal() + INSIDE_DAYS)
        near: dict[str, list[PartialDate]] = {}
        for _, other, x in self.rows[lo:hi]:
            if other != name:
                near.setdefault(other, []).append(x)
        for other, dates in sorted(near.items()):
            before = [x for x in dates if x.certainly_before(d) and (first - x.latest()).days <= INSIDE_DAYS]
            after = [x for x in dates if d.certainly_before(x) and (x.earliest() - last).days <= INSIDE_DAYS]
            if before and after:
                return f"between two sightings of {other} in that post ({max(before)} and {min(after)})"
        return ""


def variants(mentions, by_name, clusters) -> list:
    """Rule 3: spellings one given-name character apart, on the evidence described in
    `identity.py`; each pair of names sharing a post is decided once."""
    docs_of = {name: {mentions[i].doc_id for i in idx} for name, idx in by_name.items()}
    timeline = _post_timeline(mentions)
    out = []
    for (a_name, b_name), shared in _candidate_names(mentions, by_name):
        both = by_name[a_name] + by_name[b_name]
        single = sorted(p for p in shared if any(p in _single_posts(mentions[i]) for i in both))
        if not single:
            continue        # only posts held by several people at once (人大代表): no evidence either way
        post = single[0]
        a_idx = [i for i in by_name[a_name] if post in mentions[i].post_keys]
        b_idx = [i for i in by_name[b_name] if post in mentions[i].post_keys]
        label = _post_label(mentions[a_idx[0]], post)
        together = sorted(docs_of[a_name] & docs_of[b_name])
        if together:
            why = [f"they appear together in {together[0]}"]
            pair = (a_idx[0], b_idx[0])
        elif len(a_name) == 2:
            pair, why = _title_match(mentions, a_idx, b_idx)
        else:
            pair, why = _post_match(mentions, a_idx, b_idx, post, timeline, (a_name, b_name))
        left, right = tuple(mentions[i].key for i in a_idx), tuple(mentions[j].key for j in b_idx)
        if not why:
            refused = clusters.refusal(*pair)
            if refused is None:
                clusters.union(*pair)
                rule = "title-match" if len(a_name) == 2 else "name-variant"
                out.append(_decision("merge", rule, _merge_reason(mentions, pair, label, rule), left, right))
                continue
            why = [refused]
        out.append(_decision("apart", "near-variant",
                             f"{a_name} and {b_name} differ in one character and both hold {label}, kept apart: "
                             + "; ".join(why), left, right))
    return out


def _merge_reason(mentions, pair, label, rule) -> str:
    a, b = mentions[pair[0]], mentions[pair[1]]
    head = f"name variant: {a.name} ({a.doc_id}, {a.date}) and {b.name} ({b.doc_id}, {b.date}) differ in one character"
    if rule == "title-match":
        posts = "、".join(sorted(_post_label(a, p) for p in a.post_keys))
        return (f"{head}; two-character names, merged because both carry the same title {posts} within six months, "
                "never appear in one document, and no observation shows the posts changing hands")
    return (f"{head}, hold the same post {label} within a year, never appear in one document, no observation "
            "shows the post changing hands and nobody else holds it between them")


def _candidate_names(mentions, by_name):
    """((name, name), post) for names of one length and surname that differ at one later
    position and share a post, found by blocking on the name with that position masked."""
    blocks: dict[tuple[int, str, str], set[str]] = {}
    for name, idx in by_name.items():
        for pos in range(1, len(name)):
            masked = name[:pos] + "\x00" + name[pos + 1:]
            for i in idx:
                for post in mentions[i].post_keys:
                    blocks.setdefault((pos, masked, post), set()).add(name)
    pairs: dict[tuple[str, str], set[str]] = {}
    for (_, _, post), names in blocks.items():
        names = sorted(names)
        for k, a in enumerate(names):
            for b in names[k + 1:]:
                pairs.setdefault((a, b), set()).add(post)
    return sorted(pairs.items())


def _post_label(m, post: str) -> str:
    return next((r.post_label for r in m.rows if r.post_key == post and r.post_label), post)


def _single_posts(m) -> set[str]:
    return {r.post_key for r in m.rows if r.single} if m.rows else set(m.post_keys)


def _dates(m, post: str) -> list[PartialDate]:
    raw = [r.date for r in m.rows if r.post_key == post] if m.rows else [m.date]
    return sorted(d for d in (PartialDate.parse(x) for x in raw) if d is not None)


def _gap_days(a: list[PartialDate], b: list[PartialDate]) -> int:
    """Days between two spans of sightings (0 when they overlap), counting partial dates at
    the bound that makes the gap smallest."""
    a0, a1, b0, b1 = a[0].earliest(), a[-1].latest(), b[0].earliest(), b[-1].latest()
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def _title_match(mentions, a_idx, b_idx):
    for i in a_idx:
        for j in b_idx:
            a, b = mentions[i], mentions[j]
            if len(a.post_keys) >= 2 and a.post_keys == b.post_keys and _single_posts(a) & a.post_keys:
                da, db = _all_dates(a), _all_dates(b)
                if da and db and _gap_days(da, db) <= TITLE_GAP_DAYS and not _changes(a) and not _changes(b):
                    return (i, j), []
    return (a_idx[0], b_idx[0]), ["two-character names: the one-character difference is the whole given name, "
                                  "and the two mentions do not carry the same title of two or more posts within "
                                  "six months"]


def _all_dates(m) -> list[PartialDate]:
    return sorted({d for p in m.post_keys for d in _dates(m, p)})


def _changes(m) -> bool:
    return any(r.status in CHANGES for r in m.rows)


def _post_match(mentions, a_idx, b_idx, post, timeline, names):
    a_ms, b_ms = [mentions[i] for i in a_idx], [mentions[j] for j in b_idx]
    why = []
    da = sorted(d for m in a_ms for d in _dates(m, post))
    db = sorted(d for m in b_ms for d in _dates(m, post))
    if not da or not db:
        why.append("one of them is undated")
    elif _gap_days(da, db) > VARIANT_GAP_DAYS:
        why.append("they are seen in it more than a year apart")
    elif _someone_between(timeline.get(post, []), da, db, names):
        why.append("someone else holds the post between them")
    changing = [r for m in a_ms + b_ms for r in m.rows if r.post_key == post and r.status in CHANGES]
    if changing:
        r = changing[0]
        why.append(f"{r.doc_id} reports {r.name} {'taking up' if r.status == 'takes-up' else 'leaving'} the post "
                   "(a change of holder, not a spelling)")
    return (a_idx[0], b_idx[0]), why


def _post_timeline(mentions) -> dict[str, list[tuple[date, date, str]]]:
    out: dict[str, list] = {}
    for m in mentions:
        for r in m.rows:
            d = PartialDate.parse(r.date)
            if d is not None and r.status in ("holds", "takes-up"):
                out.setdefault(r.post_key, []).append((d.earliest(), d.latest(), r.name))
    return out


def _someone_between(sightings, da, db, names) -> bool:
    first, second = (da, db) if da[-1] <= db[0] else (db, da)
    start, end = first[-1].latest(), second[0].earliest()
    return any(start < lo and hi < end and name not in names for lo, hi, name in sightings)


def places_joined(people: dict) -> list:
    """Record each name that rule 2 joins across different places, so the reviewer sees the
    careers the rule built and can split one with `apart`."""
    out, seen = [], set()
    for person in people.values():
        if id(person) in seen:
            continue
        seen.add(id(person))
        for name in person.names:
            by_place: dict[str, list] = {}
            for m in sorted((m for m in person.mentions if m.name == name), key=lambda m: (m.date or "", m.doc_id)):
                for place in sorted(_places(m)):
                    by_place.setdefault(place, []).append(m)
            if len(by_place) < 2:
                continue
            places = list(by_place)
            first = by_place[places[0]]
            rest = list(dict.fromkeys(m for p in places[1:] for m in by_place[p] if m not in first))
            if not rest:
                continue
            out.append(_decision(
                "merge", "same-name",
                f"{name} seen in {len(places)} places ({'; '.join(_place_words(m) for m in [first[0], *rest[:3]])}): "
                "one uncommon name in different documents is one person unless that would make them hold two "
                "one-holder posts of different places on one date",
                tuple(m.key for m in first), tuple(m.key for m in rest)))
    return out


def _places(m) -> set[str]:
    return {r.place for r in m.rows if r.single} if m.rows else set(m.district_ids) or set(m.org_keys)


def _place_words(m) -> str:
    posts = sorted({r.post_label or r.post_key for r in m.rows if r.single})
    return f"{'、'.join(posts) or '?'} in {m.doc_id}" + (f" ({m.date})" if m.date else "")
