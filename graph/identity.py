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
    """Map (name, doc_id) to a Person.

    Only mentions that can merge are compared: those of one name, and those of two names that
    differ in one given-name character (found by blocking on the name with one position
    masked), so a corpus of tens of thousands of documents resolves in near-linear time.
    """
    overrides = overrides or Overrides()
    mentions = sorted(mentions, key=lambda m: (m.name, m.date or "", m.doc_id))
    uf = _UnionFind(len(mentions))
    reasons: dict[int, list[str]] = {}
    apart = _apart_pairs(mentions, overrides)
    by_name: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_name.setdefault(m.name, []).append(i)
    _merge_same_names(mentions, by_name, uf, apart)
    docs_of = {name: {mentions[i].doc_id for i in idx} for name, idx in by_name.items()}
    for i, j in _variant_candidates(mentions, by_name):
        a, b = mentions[i], mentions[j]
        if (i, j) not in apart and _variant(a, b, docs_of):
            uf.union(i, j)
            post = sorted(a.post_keys & b.post_keys)[0]
            reasons.setdefault(i, []).append(
                f"name variant: {a.name} ({a.doc_id}, {a.date}) and {b.name} ({b.doc_id}, {b.date}) "
                f"differ in one character and hold the same post {post} within two years")
    for left, right in overrides.merges:
        rights = [j for j, b in enumerate(mentions) if _matches(b, right)]
        for i in (i for i, a in enumerate(mentions) if _matches(a, left)):
            for j in rights:
                uf.union(i, j)
                reasons.setdefault(i, []).append(f"merged by the user's identity file: {left} = {right}")
    return _people(mentions, uf, reasons)


def _merge_same_names(mentions, by_name, uf, apart) -> None:
    """Rules 1–2: one name is one person, unless it is common and nothing else links them."""
    common = common_names()
    for name, idx in by_name.items():
        if apart and any((i, j) in apart for i in idx for j in idx):
            for k, i in enumerate(idx):
                for j in idx[k + 1:]:
                    if (i, j) not in apart and (name not in common or _linked(mentions[i], mentions[j])):
                        uf.union(i, j)
        elif name not in common:
            for j in idx[1:]:
                uf.union(idx[0], j)
        else:
            # Mentions sharing any post, organization or district key are linked.
            first: dict[tuple[str, str], int] = {}
            for i in idx:
                m = mentions[i]
                keys = [("p", k) for k in m.post_keys] + [("o", k) for k in m.org_keys] + [("d", k) for k in m.district_ids]
                for key in keys:
                    uf.union(first.setdefault(key, i), i)


def _variant_candidates(mentions, by_name) -> list[tuple[int, int]]:
    """Index pairs (i < j) of mentions that share a post and whose names differ only at one
    position after the first, in the order the pairwise rule would visit them."""
    blocks: dict[tuple[int, str, str], dict[str, list[int]]] = {}
    for name, idx in by_name.items():
        for pos in range(1, len(name)):
            masked = name[:pos] + "\x00" + name[pos + 1:]
            for i in idx:
                for post in mentions[i].post_keys:
                    blocks.setdefault((pos, masked, post), {}).setdefault(name, []).append(i)
    pairs = set()
    for block in blocks.values():
        if len(block) > 1:
            groups = list(block.values())
            for k, left in enumerate(groups):
                for right in groups[k + 1:]:
                    pairs.update((min(i, j), max(i, j)) for i in left for j in right)
    return sorted(pairs)


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


def _variant(a: Mention, b: Mention, docs_of: dict[str, set[str]]) -> bool:
    if len(a.name) != len(b.name) or a.name[0] != b.name[0]:
        return False
    if sum(x != y for x, y in zip(a.name, b.name)) != 1:
        return False
    if not (a.post_keys & b.post_keys) or not _close(a.date, b.date):
        return False
    return not (docs_of[a.name] & docs_of[b.name])


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
