"""Who-is-who resolution over plain rows: invariants that must hold for any input (checked
with hypothesis), and a corpus-sized list of mentions resolving completely."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cadregraph.graph.identity import MentionRow, Overrides, mentions_from_rows, resolve_identity

NAMES = ["韩立", "韩松", "邵建平", "邵健平", "邵建安", "樊志远", "王伟"]
POSTS = {"p1": ("x1", True), "p2": ("x2", True), "p3": ("x1", False)}   # post: (place, one holder)
row = st.builds(
    lambda name, doc, date, post, status: MentionRow(name, post, POSTS[post][0], date, doc, status, POSTS[post][1]),
    st.sampled_from(NAMES), st.sampled_from(["d1", "d2", "d3", "d4", "d5"]),
    st.sampled_from([None, "2023-10", "2024-01-05", "2024-06-20"]), st.sampled_from(sorted(POSTS)),
    st.sampled_from(["holds", "holds", "takes-up", "leaves"]))


def _doubles(person) -> list:
    """(date, place, place) where the person holds one-holder posts of two places on one date
    in two documents, when no single document already shows them holding both."""
    held = [(r.date, r.place, r.doc_id) for m in person.mentions for r in m.rows
            if r.single and r.date and r.status in ("holds", "takes-up")]
    one_doc = {(d, p, q) for d, p, a in held for e, q, b in held if d == e and a == b}
    return [(d, p, q) for d, p, a in held for e, q, b in held
            if d == e and p != q and a != b and (d, p, q) not in one_doc]


@settings(max_examples=150, deadline=None)
@given(st.lists(row, max_size=16), st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES)), max_size=1))
def test_resolution_keeps_its_promises(rows, aparts):
    overrides = Overrides(apart_pairs=[(a, b) for a, b in aparts if a != b])
    resolution = resolve_identity(mentions_from_rows(rows), overrides)
    people = resolution.people
    # every mention has a person, and one name in one document is one person
    assert set(people) == {(r.name, r.doc_id) for r in rows}
    for person in {id(p): p for p in people.values()}.values():
        assert not _doubles(person)
        names = {m.name for m in person.mentions}
        for a, b in overrides.apart_pairs:
            assert not {a, b} <= names
        if any(len(n) == 2 for n in names) and len(names) > 1:
            assert any(d.rule in ("title-match", "identity-file") for d in resolution.decisions if d.kind == "merge")
    # the same input in another order gives the same people
    again = resolve_identity(mentions_from_rows(list(reversed(rows))), overrides)
    assert {k: p.key for k, p in again.people.items()} == {k: p.key for k, p in people.items()}
    assert again.decisions == resolution.decisions


def test_sixty_thousand_rows_resolve_completely():
    # Speed is measured by bench/run.py, not asserted here: every mention of a corpus-sized
    # input gets a person.
    surnames, given_chars = "王李张刘陈杨黄赵吴周", "伟强军平刚勇杰涛明超辉华林斌波宇浩鹏飞洪"
    rows = [MentionRow(surnames[i % 10] + given_chars[(i // 10) % 20] + given_chars[(i // 200) % 20],
                       f"post{i % 500}", f"place{i % 500}", f"20{19 + i % 7}-0{1 + i % 9}", f"doc{i % 10000:05d}",
                       single=True)
            for i in range(60000)]
    people = resolve_identity(mentions_from_rows(rows)).people
    assert len(people) == len({(r.name, r.doc_id) for r in rows})
