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


def test_a_name_variant_in_the_same_post_is_merged_with_its_reason():
    g = corpus(("a", "2025-01-23", "两江新区党工委书记 罗楠", "两江新区"),
               ("b", "2025-04-24", "两江新区党工委书记 罗蔺", "两江新区"))
    [row] = careers(g, "罗楠") + careers(g, "罗蔺")
    assert set(row["labels"].split("; ")) == {"罗楠", "罗蔺"}
    [person] = people(g, row["person"])
    assert "name variant" in str(g.value(person, CG.mergeReason))


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
