"""Union-find over mentions that refuses a union the evidence forbids.

Two kinds of refusal: the user said the two sides are different people (`forbid`, from the
identity file's `apart`), or the joined person would hold one-holder posts of two different
places on the same date (`conflict`). A forced union (the user's `merge`) skips the second
check, never the first.
"""
from __future__ import annotations

HOLDING = ("holds", "takes-up")


def single_holdings(mention, index: int) -> dict[str, dict[str, tuple[str, int]]]:
    """date → place → (post label, mention index) of the one-holder posts a mention holds."""
    out: dict[str, dict[str, tuple[str, int]]] = {}
    for r in mention.rows:
        if r.single and r.date and r.status in HOLDING:
            out.setdefault(r.date, {}).setdefault(r.place, (r.post_label or r.post_key, index))
    return out


class Clusters:
    def __init__(self, mentions):
        n = len(mentions)
        self.mentions = mentions
        self.parent = list(range(n))
        self.members: dict[int, set[int]] = {i: {i} for i in range(n)}
        self.forbidden: dict[int, set[int]] = {}
        self.held = {i: single_holdings(m, i) for i, m in enumerate(mentions)}
        self.evidence: tuple[int, int] | None = None     # the two mentions behind the last conflict

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def same(self, i: int, j: int) -> bool:
        return self.find(i) == self.find(j)

    def forbid(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        self.forbidden.setdefault(ri, set()).add(j)
        self.forbidden.setdefault(rj, set()).add(i)

    def refusal(self, i: int, j: int, force: bool = False) -> str | None:
        """Why i and j may not be joined, or None."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return None
        if self.forbidden.get(ri, set()) & self.members[rj] or self.forbidden.get(rj, set()) & self.members[ri]:
            return "the user's identity file keeps them apart"
        return None if force else self.conflict(ri, rj)

    def conflict(self, ri: int, rj: int) -> str | None:
        """The first date on which the joined person would hold one-holder posts of two places
        that no single side holds together; `evidence` keeps the two mentions."""
        a, b = self.held[ri], self.held[rj]
        for date in sorted(a.keys() & b.keys()):
            for p, (post_p, i) in sorted(a[date].items()):
                for q, (post_q, j) in sorted(b[date].items()):
                    if p != q and q not in a[date] and p not in b[date]:
                        self.evidence = (i, j)
                        return f"one person would hold {post_p} and {post_q} on {date}"
        return None

    def union(self, i: int, j: int, force: bool = False) -> bool:
        """Join i and j unless refused; True when they were joined by this call."""
        if self.same(i, j) or self.refusal(i, j, force) is not None:
            return False
        ri, rj = self.find(i), self.find(j)
        keep, gone = min(ri, rj), max(ri, rj)
        self.parent[gone] = keep
        self.members[keep] |= self.members.pop(gone)
        self.forbidden[keep] = self.forbidden.get(keep, set()) | self.forbidden.pop(gone, set())
        held, other = self.held[keep], self.held.pop(gone)
        for date, places in other.items():
            for place, post in places.items():
                held.setdefault(date, {}).setdefault(place, post)
        return True

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
