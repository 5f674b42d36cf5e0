"""The questions of DESIGN.md §3 as named SPARQL files, answered on the seeds with the documents
and quotes they rest on; parameters and their escaping; `cadregraph query` and the careers table."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cadregraph.cli import main
from cadregraph.outputs.hints import UnknownValueError
from cadregraph.outputs.queries import (NamedQuery, QueryError, as_store, named_queries, run_query, run_sparql,
                                        sparql_string)
from cadregraph.pipeline import bundled_seeds

QUESTIONS = ("q1_person_posts", "q2_post_holders", "q3_changed_posts", "q4_predecessor",
             "q5_slogan_users", "q6_shared_slogans", "q7_district_gdp", "q8_district_projects")


@pytest.fixture(scope="module")
def seeds(seeds_graph):
    """The seeds graph copied once into an Oxigraph store, as `cadregraph query` uses it."""
    return as_store(seeds_graph)


def seed_text(document: str) -> str:
    return (bundled_seeds() / document).read_text("utf-8")


def assert_grounded(row: dict, prefix: str = "") -> None:
    """The row names a seed document and quotes it exactly."""
    document, evidence = row[prefix + "document"], row.get(prefix + "evidence") or row.get(prefix + "quote")
    assert document and evidence, row
    assert evidence in seed_text(document), (document, evidence)


def present_questions() -> list[str]:
    names = {q.name for q in named_queries()}
    return [q for q in QUESTIONS if q in names]


def test_the_first_four_questions_ship():
    assert set(QUESTIONS[:4]) <= set(present_questions())


@pytest.mark.parametrize("name", present_questions())
def test_every_answer_rests_on_a_document_and_a_quote(seeds, name):
    result = run_query(seeds, name)
    assert result.rows, f"{name} has no answer on the seeds"
    for row in result.rows:
        assert_grounded(row)
        if "from_document" in row:
            assert_grounded(row, "from_")


def test_q1_posts_of_shi_qiang_in_date_order(seeds):
    rows = run_query(seeds, "q1", {"person": "石强"}).rows
    assert [(r["post"], r["date"], r["document"][:3]) for r in rows] == [
        ("彭水苗族土家族自治县委书记", "2023-10-24", "001"),
        ("彭水苗族土家族自治县委书记", "2024-01", "003"),
        ("重庆市人大代表", "2024-01", "003"),
        ("重庆市文化旅游委党委书记", "2025-04-24", "002"),
    ]
    pengshui = rows[0]
    assert (pengshui["district"], pengshui["first_seen"], pengshui["last_seen"]) == ("彭水苗族土家族自治县", "2023-10-24", "2024-01")
    assert rows[1]["evidence"] == "市人大代表、彭水县委书记石强"


def test_q2_holders_of_changshou_secretary(seeds):
    rows = run_query(seeds, "q2", {"post": "长寿区委书记"}).rows
    assert [(r["holder_index"], r["holder"], r["first_seen"], r["predecessor"]) for r in rows] == [
        ("1", "刘小强", "2023-10-24", None), ("2", "江夏", "2025-01-23", "刘小强")]


@pytest.mark.parametrize("post, expected", [
    ("重庆高新区党工委书记", [("张安疆", "2023-10-24"), ("聂红焰", "2024-01")]),
    ("彭水县委书记", [("石强", "2023-10-24"), ("石强", "2023-10-24")]),   # as written in 003
    ("两江新区党工委书记", [("许宏球", "2024-01"), ("罗蔺", "2025-01-23"), ("罗蔺", "2025-01-23")]),
])
def test_q2_other_posts_however_written(seeds, post, expected):
    rows = run_query(seeds, "q2", {"post": post}).rows
    assert [(r["holder"], r["first_seen"]) for r in rows] == expected


def test_q3_officials_who_changed_post(seeds):
    rows = run_query(seeds, "q3").rows
    changes = {(r["person"], r["from_post"], r["to_post"]) for r in rows}
    assert {("刘小强", "长寿区委书记", "重庆市财政局党组书记"), ("刘小强", "长寿区委书记", "重庆市财政局局长"),
            ("石强", "彭水苗族土家族自治县委书记", "重庆市文化旅游委党委书记"),
            ("覃昌德", "云阳县委书记", "九龙坡区委书记"), ("江志斌", "璧山区区长", "璧山区委书记")} <= changes
    for r in rows:   # the new post comes after the old one
        assert r["from_date"] < r["date"]


def test_q4_predecessor(seeds):
    rows = run_query(seeds, "q4", {"person": "尹国喜", "post": "綦江区委书记"}).rows
    assert [(r["predecessor"], r["first_seen"], r["document"][:3], r["evidence"]) for r in rows] == [
        ("姜天波", "2024-01", "003", "市人大代表、綦江区委书记姜天波")]


def test_a_variant_spelling_finds_the_person(seeds):
    rows = run_query(seeds, "q1", {"person": "罗楠"}).rows
    assert {r["person_name"] for r in rows} == {"罗蔺"}
    assert {r["document"][:3] for r in rows} == {"000", "002"}


# ---------------------------------------------------------------- parameters

@pytest.mark.parametrize("value", ['石强', 'a"b', "a'b", "back\\slash", "line\nbreak", 'x" } ?s ?p ?o . { "',
                                   "\\u0022 } #", "tab\tand\r", ""])
def test_parameters_become_exactly_one_literal(seeds, value):
    q = NamedQuery.from_text("t", '# param: v = 默认 — test\nSELECT ?x WHERE { BIND ("默认" AS ?x) }\n')
    text = q.with_params({"v": value})
    assert run_sparql(seeds, text).rows == [{"x": value}]


def test_injection_through_a_parameter_finds_nothing(seeds):
    """The text stays one literal: no person has that name, so the question says so (and
    suggests 石强, whose name it starts with) instead of matching every triple."""
    with pytest.raises(UnknownValueError) as caught:
        run_query(seeds, "q1", {"person": '石强"@zh . ?p ?q ?r } #'})
    assert caught.value.suggestions[0] == "石强"


def test_unknown_parameters_and_queries_are_clear_errors(seeds):
    with pytest.raises(QueryError, match="no parameter nobody"):
        run_query(seeds, "q1", {"nobody": "x"})
    with pytest.raises(QueryError, match="no query named"):
        run_query(seeds, "no_such_question")


def test_every_declared_parameter_appears_in_its_query():
    for q in named_queries():          # from_text checks; this just loads them all
        for p in q.params.values():
            assert p.default


def test_escaping():
    assert sparql_string('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'


# ---------------------------------------------------------------- the command line

def cli(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_query_named_with_a_parameter(built_seeds):
    result = cli("query", str(built_seeds), "q1", "--param", "person=石强")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["person_name", "post", "district"]
    assert "重庆市文化旅游委党委书记" in lines[-2] and lines[-1] == "(4 rows)"


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_cli_query_formats(built_seeds, fmt):
    result = cli("query", str(built_seeds), "q2_post_holders", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.output)))
    elif fmt == "json":
        rows = json.loads(result.output)
    else:
        rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["holder"] for r in rows] == ["刘小强", "江夏"]


def test_cli_ad_hoc_sparql(built_seeds):
    sparql = 'SELECT ?name WHERE { ?p a foaf:Person ; rdfs:label ?name . FILTER (STR(?name) = "江夏") }'
    result = cli("query", str(built_seeds / "graph.ttl"), sparql, "--format", "csv")
    assert result.exit_code == 0 and result.output.splitlines() == ["name", "江夏"]


def test_cli_lists_the_named_questions_in_full(built_seeds):
    result = cli("query", str(built_seeds))
    assert result.exit_code == 0
    listed = re.findall(r"^(\S+)$", result.output, flags=re.M)
    assert listed == list(QUESTIONS)                      # q1 … q8, no internal query
    assert "-p person=石强   any of the person's names" in result.output
    assert "-p district=璧山区" in result.output             # q7's district, declared in its header
    # whole descriptions: the last words of q1's header are there
    assert "with the document and the" in result.output and "quote." in result.output
    assert "--all lists them" in result.output and "table_careers" not in result.output


def test_cli_lists_internal_queries_only_with_all(built_seeds):
    result = cli("query", "--all")
    assert result.exit_code == 0
    listed = re.findall(r"^(\S+)$", result.output, flags=re.M)
    assert listed[:8] == list(QUESTIONS) and {"table_careers", "overview_units", "network_tenures"} <= set(listed)


def test_cli_query_errors(built_seeds):
    result = CliRunner().invoke(main, ["query", str(built_seeds), "q1", "--param", "who=x"])
    assert result.exit_code == 2 and "no parameter who" in result.output
    result = CliRunner().invoke(main, ["query", str(built_seeds), "SELECT ?x WHERE {"])
    assert result.exit_code == 2 and "error" in result.output


def test_cli_export_careers_table(built_seeds):
    result = cli("export", str(built_seeds), "--table", "careers", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == ["person_id", "person", "labels", "post_id", "post", "organization", "district",
                             "first_seen", "last_seen", "open_ended", "ended_after", "ended_before", "end_reason",
                             "status", "documents", "predecessor", "successor", "merge_reason"]
    shi = [(r["post"], r["first_seen"], r["last_seen"]) for r in rows if r["person"] == "石强"]
    assert shi == [("彭水苗族土家族自治县委书记", "2023-10-24", "2024-01"), ("重庆市人大代表", "2024-01", "2024-01"),
                   ("重庆市文化旅游委党委书记", "2025-04-24", "2025-04-24")]
    [changshou] = [r for r in rows if r["person"] == "刘小强" and r["post"] == "长寿区委书记"]
    assert (changshou["successor"], changshou["district"], changshou["documents"]) == (
        "江夏", "长寿区", "001_e3967ce29b2979f4.txt")
    # the tenure ends before 江夏 is first seen in the post
    [jiangxia] = [r for r in rows if r["person"] == "江夏" and r["post"] == "长寿区委书记"]
    assert (changshou["open_ended"], changshou["ended_after"], changshou["ended_before"]) == (
        "false", "2023-10-24", jiangxia["first_seen"])
    assert changshou["end_reason"] in ("successor", "other-post") and jiangxia["open_ended"] == "true"
    [pengshui] = [r for r in rows if r["person"] == "石强" and r["district"]]
    assert pengshui["documents"] == "001_e3967ce29b2979f4.txt; 003_63b98746f0243239.txt"
    assert all(Path(r["person_id"]).name.startswith("p") and r["person_id"].isascii() for r in rows)


@pytest.mark.parametrize("name", ["q5_slogan_users", "q6_shared_slogans", "q8_district_projects"])
def test_undated_answers_sort_last_in_rdflib_too(seeds_graph, name):
    """The bundled queries also run in rdflib (g.query in a notebook), whose ORDER BY fails on
    an unbound key unless it is COALESCEd; a document without a date leaves ?date unbound."""
    from rdflib import Graph
    from rdflib.namespace import DCTERMS

    undated = Graph()
    dated = sorted((s, p, o) for s, p, o in seeds_graph if p == DCTERMS.date)   # sorted, every other kept: the same half whatever the hash seed
    undated += (t for t in seeds_graph if t[1] != DCTERMS.date)
    undated += dated[::2]
    query = next(q for q in named_queries() if q.name == name)
    rows = list(undated.query(query.text))
    assert rows and any(row.date is None for row in rows) and any(row.date is not None for row in rows)
    # within the rows that agree on the sort keys before the date, the undated ones come last
    leading = re.findall(r"\?(\w+)", query.text.split("ORDER BY", 1)[1].split("(!BOUND", 1)[0])
    groups: dict[tuple, list] = {}
    for row in rows:
        groups.setdefault(tuple(row[k] for k in leading), []).append(row.date)
    for dates in groups.values():
        first_undated = next((i for i, d in enumerate(dates) if d is None), len(dates))
        assert all(d is None for d in dates[first_undated:]), dates


def test_a_federated_query_is_refused_before_it_reaches_the_network(seeds):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.0)
    try:
        port = listener.getsockname()[1]
        with pytest.raises(QueryError, match="SERVICE"):
            run_sparql(seeds, f"SELECT * WHERE {{ service <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
        with pytest.raises(socket.timeout):
            listener.accept()
    finally:
        listener.close()
    # the word in a string, a variable or a prefixed name is not the keyword
    assert run_sparql(seeds, 'SELECT ?service WHERE { BIND("SERVICE" AS ?service) }').rows == [{"service": "SERVICE"}]


@pytest.mark.parametrize("text, update", [
    ("INSERT DATA { <a:b> <a:c> 1 }", True), ("# SELECT\nDELETE WHERE { ?s ?p ?o }", True),
    ("PREFIX ex: <http://e/> WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
    ("LOAD <http://e/x.ttl>", True), ("clear all", True),
    ('SELECT * WHERE { ?s ?p "INSERT" }', False), ("SELECT ?insert WHERE { ?insert ?p ?o }", False),
    ("PREFIX delete: <http://e/> SELECT * WHERE { ?s delete:x ?o }", False),
    ("ASK { <http://e/DELETE> ?p ?o }", False), ("DESCRIBE <http://e/x>", False),
])
def test_updates_are_told_from_queries_by_their_text(text, update):
    from cadregraph.outputs.sparql_text import is_update

    assert is_update(text) is update
