"""Who-is-who resolution compares only mentions that can merge (blocking); it must give exactly
what the pairwise rule gives, and stay fast on a corpus-sized list of mentions."""
from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from cadregraph.graph.identity import (Mention, Overrides, _apart_pairs, _close, _linked, _matches,
                                       _people, _UnionFind, common_names, resolve_people)


def pairwise_reference(mentions, overrides):
    """The rule as the module docstring states it, comparing every pair (quadratic)."""
    mentions = sorted(mentions, key=lambda m: (m.name, m.date or "", m.doc_id))
    uf, reasons = _UnionFind(len(mentions)), {}
    apart = _apart_pairs(mentions, overrides)
    for i, a in enumerate(mentions):
        for j in range(i + 1, len(mentions)):
            b = mentions[j]
            if (i, j) in apart:
                continue
            if a.name == b.name:
                if a.name not in common_names() or _linked(a, b):
                    uf.union(i, j)
            elif (len(a.name) == len(b.name) and a.name[0] == b.name[0]
                  and sum(x != y for x, y in zip(a.name, b.name)) == 1
                  and a.post_keys & b.post_keys and _close(a.date, b.date)
                  and not ({m.doc_id for m in mentions if m.name == a.name}
                           & {m.doc_id for m in mentions if m.name == b.name})):
                uf.union(i, j)
                reasons.setdefault(i, []).append(f"variant {a.name} {a.doc_id} {b.name} {b.doc_id}")
    for left, right in overrides.merges:
        for i, a in enumerate(mentions):
            for j, b in enumerate(mentions):
                if _matches(a, left) and _matches(b, right):
                    uf.union(i, j)
                    reasons.setdefault(i, []).append(f"merged {left} {right}")
    return _people(mentions, uf, reasons)


def partition(people: dict) -> set[frozenset]:
    return {frozenset(k for k, p in people.items() if p is person) for person in people.values()}


COMMON = sorted(common_names())[:2] or ["王伟"]
names = st.sampled_from(["罗楠", "罗蔺", "罗楠楠", "罗蔺楠", "江夏", "江下", "石强", *COMMON])
mention = st.builds(
    Mention, names, st.sampled_from(["d1", "d2", "d3", "d4", "d5"]),
    st.sampled_from([None, "2023", "2023-10", "2024-01-05", "2026-06"]),
    st.frozensets(st.sampled_from(["p1", "p2"]), max_size=2),
    st.frozensets(st.sampled_from(["o1", "o2"]), max_size=1),
    st.frozensets(st.sampled_from(["x1"]), max_size=1))


def _unique(ms):
    seen = {}
    for m in ms:
        seen.setdefault((m.name, m.doc_id), m)
    return list(seen.values())


@settings(max_examples=300, deadline=None)
@given(st.lists(mention, max_size=14).map(_unique),
       st.lists(st.tuples(st.sampled_from(["罗楠", "江夏"]), st.sampled_from(["石强", "江下@d2"])), max_size=1),
       st.lists(st.tuples(st.sampled_from(["罗楠", "石强", *COMMON]),
                          st.tuples(st.sampled_from(["d1", "d2"]), st.sampled_from(["d3", "d4"]))), max_size=1))
def test_blocked_resolution_equals_the_pairwise_rule(mentions, merges, aparts):
    overrides = Overrides(merges=list(merges), aparts=list(aparts))
    fast = resolve_people(mentions, overrides)
    slow = pairwise_reference(mentions, overrides)
    assert partition(fast) == partition(slow)
    assert {k: (p.key, p.label) for k, p in fast.items()} == {k: (p.key, p.label) for k, p in slow.items()}
    assert {k: len(p.merge_reasons) for k, p in fast.items()} == {k: len(p.merge_reasons) for k, p in slow.items()}


def test_sixty_thousand_mentions_resolve_completely():
    # Speed is measured by bench/run.py, not asserted here: this checks every mention of a
    # corpus-sized input gets a person.
    surnames, given_chars = "王李张刘陈杨黄赵吴周", "伟强军平刚勇杰涛明超辉华林斌波宇浩鹏飞洪"
    mentions = [Mention(surnames[i % 10] + given_chars[(i // 10) % 20] + given_chars[(i // 200) % 20],
                        f"doc{i % 10000:05d}", f"20{19 + i % 7}-0{1 + i % 9}", frozenset({f"post{i % 500}"}),
                        frozenset(), frozenset())
                for i in range(60000)]
    people = resolve_people(mentions)
    assert len(people) == len({(m.name, m.doc_id) for m in mentions})
