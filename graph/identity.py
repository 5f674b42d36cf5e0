"""Who is who across documents — a corpus-wide pass over plain rows, no RDF.

Input: `MentionRow`s, one per post observation (name as written, post key, place, date,
document, status, whether the post has one holder at a time, and the quote), grouped by
`mentions_from_rows` into one `Mention` per name and document. Output of `resolve_identity`:
a `Resolution` — the `Person` of each (name, document) and the `Decision`s a reviewer can
read (every merge and every near-miss kept apart, with the mentions it rests on). Nothing here
reads a graph, so a streaming build can feed it rows from its compact mention table; the graph
writer (`identity_graph.py`) turns the decisions into `cg:IdentityDecision` nodes.

The rules (also in the README, "Who is who"); identity errs on the side of keeping people apart:
1. Within one document, one name is one person.
2. Across documents, one name is one person, unless the name is common
   (`data/common_names.txt`): then only mentions linked by a shared post, organization or
   district are joined. Never when the joined person would hold two one-holder posts of
   different places on the same date (two people, then). A mention in a one-holder post
   between two sightings of another holder there, each within six months, is likely a
   misspelling of that holder: it joins only mentions of its name in the same post.
3. Two spellings that differ in one given-name character (`identity_rules.py`) are one person
   only on evidence beyond the surname. Names of three characters or more: they hold one post,
   seen within a year of each other, never appear in one document, no observation shows the
   post changing hands (taking up, leaving) and nobody else holds it between them. Two-
   character names (the "variant" is the whole given name): never on one shared post; only
   when the two mentions carry the same title of two or more posts, within six months.
4. The user's identity file overrides all of these: `merge A B` joins, `apart A B` keeps apart
   (A, B: names, or NAME@DOC), `apart NAME DOC DOC…` keeps that name's mentions in those
   documents apart. An `apart` beats a `merge`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import identity_rules as rules
from .identity_clusters import Clusters


@dataclass(frozen=True)
class MentionRow:
    """One post observation as the corpus pass sees it: plain strings, no RDF."""

    name: str                     # as the document writes it
    post_key: str
    place: str                    # district id, else the organization's key
    date: str | None              # the observation's date (sentence, else document), ISO, partial
    doc_id: str
    status: str = "holds"         # holds | takes-up | leaves | proposed
    single: bool = False          # the post has one holder at a time
    org_key: str = ""
    district_id: str = ""
    post_label: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Mention:
    """All holdings of one name in one document."""

    name: str
    doc_id: str
    date: str | None
    post_keys: frozenset[str]
    org_keys: frozenset[str]
    district_ids: frozenset[str]
    rows: tuple[MentionRow, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.name, self.doc_id)


@dataclass
class Person:
    key: str
    label: str
    names: list[str]
    mentions: list[Mention]
    merge_reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Decision:
    """One identity decision: `kind` merge or apart, the `rule` that took it, a sentence saying
    why, and the mentions ((name, doc_id)) on each side."""

    kind: str
    rule: str
    reason: str
    left: tuple[tuple[str, str], ...]
    right: tuple[tuple[str, str], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted({n for n, _ in self.left + self.right}))


@dataclass
class Resolution:
    people: dict[tuple[str, str], Person]
    decisions: list[Decision]


@lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    text = resources.files("cadregraph.graph").joinpath("data/common_names.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _has_han(token: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in token.partition("@")[0])


@dataclass
class Overrides:
    merges: list[tuple[str, str]] = field(default_factory=list)
    aparts: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)       # NAME, docs
    apart_pairs: list[tuple[str, str]] = field(default_factory=list)              # A, B

    @classmethod
    def load(cls, path: Path | str | None) -> "Overrides":
        if path is None:
            return cls()
        path = Path(path)
        out = cls()
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            parts = line.split("#", 1)[0].split()
            if not parts:
                continue
            if parts[0] == "merge" and len(parts) == 3:
                out.merges.append((parts[1], parts[2]))
            elif parts[0] == "apart" and len(parts) == 3 and _has_han(parts[2]):
                out.apart_pairs.append((parts[1], parts[2]))
            elif parts[0] == "apart" and len(parts) >= 3:
                out.aparts.append((parts[1], tuple(parts[2:])))
            else:
                raise ValueError(f"{path}:{number}: expected 'merge A B', 'apart A B' or 'apart NAME DOC [DOC…]', "
                                 f"got {line.strip()!r}")
        return out


def mentions_from_rows(rows: list[MentionRow]) -> list[Mention]:
    """One Mention per (name, document); its date is the document's (the latest row date
    when rows disagree is not used: the first row's date stands for the document)."""
    grouped: dict[tuple[str, str], list[MentionRow]] = {}
    for r in rows:
        grouped.setdefault((r.name, r.doc_id), []).append(r)
    out = []
    for (name, doc_id), rs in sorted(grouped.items()):
        rs = sorted(rs, key=lambda r: (r.post_key, r.status, r.date or ""))
        out.append(Mention(name, doc_id, _document_date(rs), frozenset(r.post_key for r in rs),
                           frozenset(r.org_key for r in rs if r.org_key),
                           frozenset(r.district_id for r in rs if r.district_id), tuple(rs)))
    return out


def _document_date(rows: list[MentionRow]) -> str | None:
    dates = sorted({r.date for r in rows if r.date})
    return dates[-1] if dates else None


def _matches(m: Mention, token: str) -> bool:
    name, _, doc = token.partition("@")
    return m.name == name and (not doc or m.doc_id == doc)


def resolve_people(mentions: list[Mention], overrides: Overrides | None = None) -> dict[tuple[str, str], Person]:
    return resolve_identity(mentions, overrides).people


def resolve_identity(mentions: list[Mention], overrides: Overrides | None = None) -> Resolution:
    """Apply the rules in order: the user's `apart`s (constraints), the user's `merge`s, one
    name in one document, same names, then spelling variants. A union that an `apart` or a
    same-date conflict forbids is refused and recorded as a near-miss. Only mentions that can
    merge are compared (blocking on the name with one position masked), so a corpus of tens of
    thousands of documents resolves in near-linear time."""
    overrides = overrides or Overrides()
    mentions = sorted(mentions, key=lambda m: (m.name, m.date or "", m.doc_id))
    clusters = Clusters(mentions)
    decisions: list[Decision] = []
    _user_aparts(mentions, overrides, clusters, decisions)
    _user_merges(mentions, overrides, clusters, decisions)
    by_name: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_name.setdefault(m.name, []).append(i)
    decisions += rules.same_names(mentions, by_name, clusters, common_names())
    decisions += rules.variants(mentions, by_name, clusters)
    people = _people(mentions, clusters, decisions)
    decisions += rules.places_joined(people)
    return Resolution(people, sorted(decisions, key=_decision_order))


def _decision_order(d: Decision) -> tuple:
    return (d.names, d.kind, d.rule, d.left, d.right)


def _user_aparts(mentions, overrides: Overrides, clusters: Clusters, decisions: list[Decision]) -> None:
    for name, docs in overrides.aparts:
        idx = [i for i, m in enumerate(mentions) if m.name == name and m.doc_id in docs]
        for k, i in enumerate(idx):
            for j in idx[k + 1:]:
                clusters.forbid(i, j)
        if len(idx) > 1:
            decisions.append(Decision("apart", "identity-file", f"kept apart by the user's identity file: "
                                      f"apart {name} {' '.join(docs)}", tuple(mentions[i].key for i in idx), ()))
    for left, right in overrides.apart_pairs:
        a = [i for i, m in enumerate(mentions) if _matches(m, left)]
        b = [j for j, m in enumerate(mentions) if _matches(m, right)]
        for i in a:
            for j in b:
                if i != j:
                    clusters.forbid(i, j)
        if a and b:
            decisions.append(Decision("apart", "identity-file", f"kept apart by the user's identity file: "
                                      f"apart {left} {right}", tuple(mentions[i].key for i in a),
                                      tuple(mentions[j].key for j in b)))


def _user_merges(mentions, overrides: Overrides, clusters: Clusters, decisions: list[Decision]) -> None:
    for left, right in overrides.merges:
        a = [i for i, m in enumerate(mentions) if _matches(m, left)]
        b = [j for j, m in enumerate(mentions) if _matches(m, right)]
        joined = [(i, j) for i in a for j in b if clusters.union(i, j, force=True)]
        if a and b:
            kind = "merge" if joined or all(clusters.same(i, j) for i in a for j in b) else "apart"
            reason = (f"merged by the user's identity file: {left} = {right}" if kind == "merge" else
                      f"the identity file asks to merge {left} and {right}, but an 'apart' rule keeps them apart")
            decisions.append(Decision(kind, "identity-file", reason, tuple(mentions[i].key for i in a),
                                      tuple(mentions[j].key for j in b)))


def _people(mentions: list[Mention], clusters: Clusters, decisions: list[Decision]) -> dict[tuple[str, str], Person]:
    groups = clusters.groups()
    by_name_groups: dict[str, int] = {}
    for members in groups:
        for name in {mentions[i].name for i in members}:
            by_name_groups[name] = by_name_groups.get(name, 0) + 1
    reasons: dict[tuple[str, str], list[str]] = {}
    for d in decisions:
        if d.kind == "merge":
            for key in d.left[:1]:
                reasons.setdefault(key, []).append(d.reason)
    out: dict[tuple[str, str], Person] = {}
    for members in groups:
        ms = [mentions[i] for i in members]
        names = sorted({m.name for m in ms})
        label = max(names, key=lambda n: (sum(m.name == n for m in ms), max((m.date or "") for m in ms if m.name == n), n))
        split = any(by_name_groups[n] > 1 for n in names)
        key = "|".join(names) + ("@" + min(m.doc_id for m in ms) if split else "")
        why = sorted({r for m in ms for r in reasons.get(m.key, [])})
        person = Person(key, label, names, ms, why)
        for m in ms:
            out[m.key] = person
    return out
