"""Who is who across documents: name variants merge, common names shared by unrelated people
do not, and the user's identity file overrides both ways — seen in the careers table."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import FOAF, RDF, RDFS

from cadregraph.graph.build import build_graph
from cadregraph.graph.namespaces import CG
from cadregraph.outputs.tables import table_rows
from cadregraph.pipeline import extract_document

from helpers import make_document

BODY = "\n\n{place}深入学习贯彻党的二十大精神，推动高质量发展。\n"


def corpus(*docs, identity_file=None):
    """docs: (doc_id, date, speaker line, place)."""
    documents = [make_document(line + "\n" + BODY.format(place=place), doc_id, date) for doc_id, date, line, place in docs]
    facts = [f for d in documents for f in extract_document(d)]
    return build_graph(documents, facts, options={"identity_file": identity_file})


def people(g, name):
    return sorted({s for s in g.subjects(RDFS.label, Literal(name, lang="zh")) if (s, RDF.type, FOAF.Person) in g})


def person_ids(g, written):
    """The people the documents' spelling `written` was resolved to (from the holdings table)."""
    return {r["person_id"] for r in table_rows(g, "holdings") if r["name_as_written"] == written}


def careers(g, name):
    return [r for r in table_rows(g, "careers") if r["person"] == name]


def test_two_unrelated_zhang_hua_stay_apart():
    g = corpus(("a", "2024-01-05", "江北区委书记 张华", "江北区"), ("b", "2024-06-20", "荣昌区区长 张华", "荣昌区"))
    assert len(people(g, "张华")) == 2
    rows = careers(g, "张华")
    assert len({r["person_id"] for r in rows}) == 2
    assert {(r["post"], r["documents"]) for r in rows} == {("江北区委书记", "a.txt"), ("荣昌区区长", "b.txt")}


def test_a_common_name_in_the_same_post_is_one_person():
    g = corpus(("a", "2024-01-05", "石柱县委书记 张华", "石柱县"), ("b", "2025-04-24", "石柱县委书记 张华", "石柱县"))
    [row] = careers(g, "张华")
    assert (row["first_seen"], row["last_seen"], row["documents"]) == ("2024-01-05", "2025-04-24", "a.txt; b.txt")


def test_an_uncommon_name_is_one_person_across_places():
    g = corpus(("a", "2023-05", "江北区区长 李明远", "江北区"), ("b", "2024-09", "荣昌区委书记 李明远", "荣昌区"))
    assert len(people(g, "李明远")) == 1


def test_names_one_character_apart_in_different_posts_stay_apart():
    g = corpus(("a", "2024-01-05", "江北区委书记 王建华", "江北区"), ("b", "2024-06-20", "荣昌区区长 王建平", "荣昌区"))
    assert len(people(g, "王建华")) == 1 and len(people(g, "王建平")) == 1
    assert people(g, "王建华") != people(g, "王建平")


def test_a_two_character_variant_in_one_post_is_not_enough():
    # 韩立 then 韩松 as 岳麓区委书记: for a two-character name the "variant" is the whole given name
    g = corpus(("a", "2023-06-12", "岳麓区委书记 韩立", "岳麓区"), ("b", "2024-03-08", "岳麓区委书记 韩松", "岳麓区"))
    assert len(people(g, "韩立")) == 1 and len(people(g, "韩松")) == 1 and people(g, "韩立") != people(g, "韩松")
    # … and a succession: 韩立's tenure ends before 韩松 is first seen
    [first], [second] = careers(g, "韩立"), careers(g, "韩松")
    assert (first["successor"], second["predecessor"]) == ("韩松", "韩立")
    assert (first["ended_after"], first["ended_before"], first["end_reason"]) == ("2023-06-12", "2024-03-08", "successor")
    assert second["open_ended"] == "true"


def test_a_two_character_variant_with_the_same_double_title_is_merged_with_its_reason():
    g = corpus(("a", "2024-01-05", "天心区委书记、区长 韩崧", "天心区"),
               ("b", "2024-04-20", "天心区委书记、区长 韩松", "天心区"))
    rows = careers(g, "韩松")
    assert {r["post"] for r in rows} == {"天心区委书记", "天心区区长"}
    assert all(set(r["labels"].split("; ")) == {"韩松", "韩崧"} for r in rows)
    [person] = people(g, "韩松")
    assert "same title" in str(g.value(person, CG.mergeReason))
    assert "same title" in rows[0]["merge_reason"]


def test_a_three_character_variant_in_one_post_is_merged():
    g = corpus(("a", "2023-05-10", "湘潭县委书记 邵建平", "湘潭县"), ("b", "2023-11-02", "湘潭县委书记 邵健平", "湘潭县"))
    [row] = careers(g, "邵建平") + careers(g, "邵健平")
    assert set(row["labels"].split("; ")) == {"邵建平", "邵健平"} and "name variant" in row["merge_reason"]
    written = {(r["document"], r["name_as_written"]) for r in table_rows(g, "holdings")}
    assert written == {("a.txt", "邵建平"), ("b.txt", "邵健平")}


def test_three_character_names_that_succeed_each_other_stay_apart():
    # the later document reports the appointment: a change of holder, not a spelling
    g = corpus(("a", "2023-05-10", "湘潭县委书记 邵建平", "湘潭县"), ("b", "2023-11-02", "任命邵建安为湘潭县委书记。", "湘潭县"))
    assert len(people(g, "邵建平")) == 1 and people(g, "邵建平") != people(g, "邵建安")
    [earlier] = careers(g, "邵建平")
    assert (earlier["successor"], earlier["ended_before"], earlier["end_reason"]) == ("邵建安", "2023-11-02", "successor")


def test_three_character_variants_with_someone_between_stay_apart():
    g = corpus(("a", "2023-01-10", "湘潭县委书记 邵建平", "湘潭县"), ("b", "2023-05-04", "湘潭县委书记 龙晓东", "湘潭县"),
               ("c", "2023-10-20", "湘潭县委书记 邵健平", "湘潭县"))
    assert people(g, "邵建平") != people(g, "邵健平")
    assert [r["person"] for r in sorted(table_rows(g, "careers"), key=lambda r: r["first_seen"])] == [
        "邵建平", "龙晓东", "邵健平"]


def test_one_name_in_two_places_on_the_same_date_is_two_people():
    g = corpus(("a", "2024-01-05", "岳麓区委书记 樊志远", "岳麓区"), ("b", "2024-01-05", "浏阳市委书记 樊志远", "浏阳市"))
    assert len(people(g, "樊志远")) == 2


def test_one_name_moving_between_places_is_one_person():
    g = corpus(("a", "2022-03", "浏阳市委书记 樊志远", "浏阳市"), ("b", "2024-01-05", "岳麓区委书记 樊志远", "岳麓区"))
    [person] = people(g, "樊志远")
    rows = careers(g, "樊志远")
    [liuyang] = [r for r in rows if r["post"] == "浏阳市委书记"]
    assert (liuyang["open_ended"], liuyang["ended_before"], liuyang["end_reason"]) == ("false", "2024-01-05", "other-post")


@pytest.mark.parametrize("rule, expected_people", [
    ("merge 张华@a 张华@b", 1),          # the user knows the two 张华 are one person
    ("# nothing", 2),
])
def test_identity_file_merges(tmp_path, rule, expected_people):
    path = tmp_path / "identity.txt"
    path.write_text(rule + "\n", encoding="utf-8")
    g = corpus(("a", "2024-01-05", "江北区委书记 张华", "江北区"), ("b", "2024-06-20", "荣昌区区长 张华", "荣昌区"),
               identity_file=path)
    assert len(people(g, "张华")) == expected_people
    if expected_people == 1:
        [person] = people(g, "张华")
        assert "identity file" in str(g.value(person, CG.mergeReason))
        rows = careers(g, "张华")
        assert len({r["person_id"] for r in rows}) == 1 and len(rows) == 2


@pytest.mark.parametrize("rule, together", [
    ("apart 邵建平 邵健平", False),                # two spellings the rules would merge
    ("merge 韩立 韩松", True),                     # two the rules keep apart
    ("merge 邵建平 邵健平\napart 邵建平@a 邵健平@b", False),   # an apart beats a merge
])
def test_identity_file_overrules_the_rules(tmp_path, rule, together):
    path = tmp_path / "identity.txt"
    path.write_text(rule + "\n", encoding="utf-8")
    if "韩" in rule:
        docs = (("a", "2023-06-12", "岳麓区委书记 韩立", "岳麓区"), ("b", "2024-03-08", "岳麓区委书记 韩松", "岳麓区"))
    else:
        docs = (("a", "2023-05-10", "湘潭县委书记 邵建平", "湘潭县"), ("b", "2023-11-02", "湘潭县委书记 邵健平", "湘潭县"))
    g = corpus(*docs, identity_file=path)
    first, second = (d[2].split()[-1] for d in docs)
    assert len(person_ids(g, first)) == len(person_ids(g, second)) == 1
    assert (person_ids(g, first) == person_ids(g, second)) is together
    decisions = [d for d in g.subjects(RDF.type, CG.IdentityDecision) if str(g.value(d, CG.rule)) == "identity-file"]
    assert decisions and all(g.value(d, CG.reason) is not None for d in decisions)


def test_identity_file_keeps_apart(tmp_path):
    path = tmp_path / "identity.txt"
    path.write_text("apart 李明远 a b   # two different men\n", encoding="utf-8")
    g = corpus(("a", "2023-05", "江北区区长 李明远", "江北区"), ("b", "2024-09", "荣昌区委书记 李明远", "荣昌区"),
               identity_file=path)
    assert len(people(g, "李明远")) == 2


def test_bad_identity_file_is_a_clear_error(tmp_path):
    path = tmp_path / "identity.txt"
    path.write_text("join 张华 李毅\n", encoding="utf-8")
    with pytest.raises(ValueError, match="identity.txt:1"):
        corpus(("a", "2024-01-05", "江北区委书记 张华", "江北区"), identity_file=path)


def test_seeds_luo_nan_and_luo_lin_are_one_person_in_the_careers_table(seeds_graph):
    rows = [r for r in table_rows(seeds_graph, "careers") if "罗楠" in r["labels"].split("; ")]
    assert len({r["person_id"] for r in rows}) == 1
    assert rows[0]["labels"].split("; ")[1:] == ["罗楠"]
    [liangjiang] = [r for r in rows if r["post"] == "两江新区党工委书记"]
    assert (liangjiang["first_seen"], liangjiang["last_seen"]) == ("2025-01-23", "2025-04-24")
    assert liangjiang["documents"] == "000_de4db4e1e917b79a.txt; 002_9a077f0b941a7940.txt"
    assert liangjiang["predecessor"] == "许宏球"


def test_the_identity_listing_shows_merges_and_near_misses_with_their_evidence():
    import json

    from cadregraph.outputs.identity_listing import identity_decisions, render_json, render_text

    g = corpus(("a", "2023-06-12", "岳麓区委书记 韩立", "岳麓区"), ("b", "2024-03-08", "岳麓区委书记 韩松", "岳麓区"),
               ("c", "2023-05-10", "湘潭县委书记 邵建平", "湘潭县"), ("d", "2023-11-02", "湘潭县委书记 邵健平", "湘潭县"))
    decisions = identity_decisions(g)
    by_names = {tuple(d["spellings"]): d for d in decisions}
    near = by_names[("韩松", "韩立")]
    assert (near["decision"], near["rule"]) == ("apart", "near-variant") and "two-character" in near["reason"]
    assert [(r["name"], r["document"], r["date"], r["post"]) for r in near["side_a"] + near["side_b"]] == [
        ("韩松", "b.txt", "2024-03-08", "岳麓区委书记"), ("韩立", "a.txt", "2023-06-12", "岳麓区委书记")]
    merged = by_names[("邵健平", "邵建平")]
    assert (merged["decision"], merged["rule"], len(merged["people"])) == ("merge", "name-variant", 1)
    assert merged["side_a"][0]["quote"] == "湘潭县委书记 邵健平"
    text = render_text(decisions)
    assert "1 merges, 1 near-misses kept apart" in text
    assert "A 邵健平 → " in text and "| c.txt | “湘潭县委书记 邵建平”" in text
    assert json.loads(render_json(decisions)) == decisions


def test_cli_identity_lists_the_seeds_variant(built_seeds):
    import json

    from click.testing import CliRunner

    from cadregraph.cli import main

    text = CliRunner().invoke(main, ["identity", str(built_seeds)])
    assert text.exit_code == 0 and "merge [title-match] 罗楠 / 罗蔺" in text.output
    result = CliRunner().invoke(main, ["identity", str(built_seeds), "--format", "json"])
    [luo] = [d for d in json.loads(result.output) if d["spellings"] == ["罗楠", "罗蔺"]]
    assert luo["decision"] == "merge" and {r["document"] for r in luo["side_a"] + luo["side_b"]} == {
        "000_de4db4e1e917b79a.txt", "002_9a077f0b941a7940.txt"}


def test_a_name_seen_inside_another_holders_time_is_not_joined_to_its_namesake():
    # 樊志远 heads 浏阳市; a 岳麓区 report names 樊志远 while 邵建平 holds that post before and after
    g = corpus(("a", "2022-03-01", "浏阳市委书记 樊志远", "浏阳市"), ("b", "2023-01-10", "岳麓区委书记 邵建平", "岳麓区"),
               ("c", "2023-06-15", "岳麓区委书记 樊志远", "岳麓区"), ("d", "2023-12-01", "岳麓区委书记 邵建平", "岳麓区"),
               ("e", "2024-02-01", "浏阳市委书记 樊志远", "浏阳市"))
    assert len(person_ids(g, "樊志远")) == 2
    [liuyang] = [r for r in careers(g, "樊志远") if r["post"] == "浏阳市委书记"]
    assert liuyang["open_ended"] == "true" and liuyang["documents"] == "a.txt; e.txt"
    reasons = [str(g.value(d, CG.reason)) for d in g.subjects(RDF.type, CG.IdentityDecision)
               if str(g.value(d, CG.rule)) == "inside-another-tenure"]
    assert reasons and "邵建平" in reasons[0]
