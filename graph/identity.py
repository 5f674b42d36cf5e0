"""Who is who across documents.

The rule (also in the README):
1. Within one document, one name is one person.
2. Across documents, mentions of the same name are one person, unless the name is a common
   one (`data/common_names.txt`): then only mentions linked by something besides the name
   (a shared post, organization or district) are merged.
3. Two names that differ in one given-name character (same surname, same length) are one
   person when they hold the same post within two years and never appear in one document
   together (罗楠 in one report, 罗蔺 in the next). The merge and its reason are recorded; the
   spelling seen in more documents, then the latest, becomes the main label.
4. A user file overrides both: `merge A B` (names, or NAME@DOC) joins, `apart NAME DOC DOC…`
   keeps the mentions in those documents apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

VARIANT_WINDOW_DAYS = 2 * 366


@dataclass(frozen=True)
class Mention:
    """All holdings of one name in one document."""

    name: str
    doc_id: str
    date: str | None
    post_keys: frozenset[str]
    org_keys: frozenset[str]
    district_ids: frozenset[str]


@dataclass
class Person:
    key: str
    label: str
    names: list[str]
    mentions: list[Mention]
    merge_reasons: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    text = resources.files("cadregraph.graph").joinpath("data/common_names.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@dataclass
class Overrides:
    merges: list[tuple[str, str]] = field(default_factory=list)
    aparts: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

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
            elif parts[0] == "apart" and len(parts) >= 3:
                out.aparts.append((parts[1], tuple(parts[2:])))
            else:
                raise ValueError(f"{path}:{number}: expected 'merge A B' or 'apart NAME DOC [DOC…]', got {line.strip()!r}")
        return out


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve_people(mentions: list[Mention], overrides: Overrides | None = None) -> dict[tuple[str, str], Person]:
    """Map (name, doc_id) to a Person."""
    overrides = overrides or Overrides()
    mentions = sorted(mentions, key=lambda m: (m.name, m.date or "", m.doc_id))
    uf = _UnionFind(len(mentions))
    reasons: dict[int, list[str]] = {}
    apart = _apart_pairs(mentions, overrides)
    common = common_names()
    for i, a in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            b = mentions[j]
            if (i, j) in apart:
                continue
            if a.name == b.name:
                if a.name not in common or _linked(a, b):
                    uf.union(i, j)
            elif _variant(a, b, mentions):
                uf.union(i, j)
                post = sorted(a.post_keys & b.post_keys)[0]
                reasons.setdefault(i, []).append(
                    f"name variant: {a.name} ({a.doc_id}, {a.date}) and {b.name} ({b.doc_id}, {b.date}) "
                    f"differ in one character and hold the same post {post} within two years")
    for left, right in overrides.merges:
        for i, a in enumerate(mentions):
            for j, b in enumerate(mentions):
                if _matches(a, left) and _matches(b, right):
                    uf.union(i, j)
                    reasons.setdefault(i, []).append(f"merged by the user's identity file: {left} = {right}")
    return _people(mentions, uf, reasons)


def _matches(m: Mention, token: str) -> bool:
    name, _, doc = token.partition("@")
    return m.name == name and (not doc or m.doc_id == doc)


def _apart_pairs(mentions: list[Mention], overrides: Overrides) -> set[tuple[int, int]]:
    pairs = set()
    for name, docs in overrides.aparts:
        idx = [i for i, m in enumerate(mentions) if m.name == name and m.doc_id in docs]
        pairs.update((a, b) for a in idx for b in idx if a < b)
    return pairs


def _linked(a: Mention, b: Mention) -> bool:
    return bool(a.post_keys & b.post_keys or a.org_keys & b.org_keys or a.district_ids & b.district_ids)


def _variant(a: Mention, b: Mention, all_mentions: list[Mention]) -> bool:
    if len(a.name) != len(b.name) or a.name[0] != b.name[0]:
        return False
    if sum(x != y for x, y in zip(a.name, b.name)) != 1:
        return False
    if not (a.post_keys & b.post_keys) or not _close(a.date, b.date):
        return False
    together = {m.doc_id for m in all_mentions if m.name == a.name} & {m.doc_id for m in all_mentions if m.name == b.name}
    return not together


def _close(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ya, ma = int(a[:4]), int(a[5:7] or 6) if len(a) >= 7 else 6
    yb, mb = int(b[:4]), int(b[5:7] or 6) if len(b) >= 7 else 6
    return abs((ya * 12 + ma) - (yb * 12 + mb)) * 30.5 <= VARIANT_WINDOW_DAYS


def _people(mentions, uf, reasons) -> dict[tuple[str, str], Person]:
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(uf.find(i), []).append(i)
    by_name_groups: dict[str, int] = {}
    for members in groups.values():
        for name in {mentions[i].name for i in members}:
            by_name_groups[name] = by_name_groups.get(name, 0) + 1
    out: dict[tuple[str, str], Person] = {}
    for members in groups.values():
        ms = [mentions[i] for i in members]
        names = sorted({m.name for m in ms})
        label = max(names, key=lambda n: (sum(m.name == n for m in ms), max((m.date or "") for m in ms if m.name == n), n))
        split = any(by_name_groups[n] > 1 for n in names)
        key = "|".join(names) + ("@" + min(m.doc_id for m in ms) if split else "")
        person = Person(key, label, names, ms, [r for i in members for r in reasons.get(i, [])])
        for m in ms:
            out[(m.name, m.doc_id)] = person
    return out
