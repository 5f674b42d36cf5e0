"""What a new user gets for every mistake: one line on stderr, `cadregraph: error: …`, naming the
thing and what to do; exit status 2 for usage errors and 1 when there is nothing to write;
nothing written; never a traceback — through click's runner and as a real subprocess."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cadregraph.cli import main

from rdf_helpers import small_corpus

QUESTIONS = ["q1_person_posts", "q2_post_holders", "q3_changed_posts", "q4_predecessor", "q5_slogan_users",
             "q6_shared_slogans", "q7_district_gdp", "q8_district_projects"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="cadregraph")


def error_of(result, code: int = 2) -> str:
    """The one error line, after checking the exit status and that nothing else went wrong."""
    assert result.exit_code == code, (result.exit_code, result.output)
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("cadregraph: error: "), result.stderr
    return result.stderr.splitlines()[0]


def command_line() -> list[str]:
    script = Path(sys.executable).with_name("cadregraph")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cadregraph.cli"]


# ---------------------------------------------------------------- paths and corpora

def test_query_on_a_missing_path_says_no_such_file():
    line = error_of(run("query", "no/such/path", "q1"))
    assert "no/such/path: no such file or folder" in line and "extension" not in line


@pytest.mark.parametrize("command", [["export", "--table", "holdings"], ["validate"], ["report"], ["convert"],
                                     ["push", "--endpoint", "http://127.0.0.1:9/store"], ["query"]])
def test_every_command_says_a_graph_path_is_missing(command, tmp_path):
    args = [command[0], tmp_path / "nope.ttl", *command[1:]]
    if command[0] == "convert":
        args.append(tmp_path / "out.nt")
    line = error_of(run(*args))
    assert f"{tmp_path / 'nope.ttl'}: no such file or folder" in line
    assert list(tmp_path.iterdir()) == []


def test_a_folder_without_a_graph_file_says_what_it_expected(tmp_path):
    line = error_of(run("export", tmp_path, "--table", "holdings"))
    assert "holds no graph file" in line and "graph.ttl" in line


def test_build_on_a_missing_path_writes_nothing(tmp_path):
    docs = small_corpus(tmp_path / "docs")
    line = error_of(run("build", docs, tmp_path / "typo", "--out", tmp_path / "out"))
    assert f"{tmp_path / 'typo'}: no such file or folder" in line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("files", [[], ["a.meta.json", ".hidden.txt", "README.md"]])
def test_build_on_a_folder_with_no_documents_is_an_error(tmp_path, files):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in files:
        (corpus / name).write_text("{}", encoding="utf-8")
    line = error_of(run("build", corpus, "--out", tmp_path / "out"))
    assert f"no documents in {corpus}" in line and ".meta.json" in line
    assert not (tmp_path / "out").exists()


def test_evaluate_on_a_missing_path_is_an_error(tmp_path):
    line = error_of(run("evaluate", "--gold", tmp_path, tmp_path / "nope"))
    assert "nope: no such file or folder" in line


# ---------------------------------------------------------------- tables, questions, parameters

def test_an_unknown_table_lists_the_tables(built_seeds):
    line = error_of(run("export", built_seeds, "--table", "career"))
    assert "no table named 'career'" in line
    assert all(f"{name} — " in line for name in ("holdings", "careers", "metrics", "slogans", "projects"))


def test_a_table_format_needs_a_table_and_a_network_format_none(built_seeds):
    assert "add --table NAME" in error_of(run("export", built_seeds, "--format", "jsonl"))
    assert "--table does not apply" in error_of(run("export", built_seeds, "--format", "gexf", "--table", "careers"))


def test_an_unknown_question_names_the_questions_only(built_seeds):
    line = error_of(run("query", built_seeds, "q9"))
    assert "no query named 'q9'" in line and all(q in line for q in QUESTIONS)
    assert "table_" not in line and "overview_" not in line


def test_a_question_without_graph_says_to_give_the_graph():
    assert "give GRAPH before the question" in error_of(run("query", "q1"))


def test_an_unknown_parameter_names_the_parameters(built_seeds):
    line = error_of(run("query", built_seeds, "q1", "-p", "name=石强"))
    assert "has no parameter name" in line and "person — any of the person's names" in line
    assert "NAME=VALUE" in error_of(run("query", built_seeds, "q1", "-p", "person"))
    assert "whole number" in error_of(run("query", built_seeds, "q6", "-p", "min_users=three"))
    assert "needs a QUESTION" in error_of(run("query", built_seeds, "-p", "person=石强"))


@pytest.mark.parametrize("question, parameter, value, first", [
    ("q1", "person", "刘小明", "刘小强"),           # same surname, one character off
    ("q1", "person", "石強", "石强"),               # traditional script for the simplified name
    ("q2", "post", "长寿区委书纪", "长寿区委书记"),   # a wrong character
    ("q8", "district", "江津县", "江津"),             # its short name, then 江津区
    ("q5", "slogan", "3361", "33618"),
])
def test_a_name_the_graph_does_not_know_gets_the_nearest(built_seeds, question, parameter, value, first):
    line = error_of(run("query", built_seeds, question, "-p", f"{parameter}={value}"))
    assert f"no {parameter} named {value!r} in the graph" in line
    nearest = line.split(" in the graph: ", 1)[1].split(", ")
    assert nearest[0] == first, line
    if parameter == "district":
        assert "江津区" in nearest


def test_a_known_name_with_no_answer_is_just_empty(built_seeds):
    """江夏 is in the graph but preceded nobody: an empty answer, not an error."""
    result = run("query", built_seeds, "q4", "-p", "person=刘小强", "-p", "post=长寿区委书记")
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == "(0 rows)"
    assert "is empty" in result.stderr


def test_q7_takes_the_district_by_full_or_short_name(built_seeds):
    full = run("query", built_seeds, "q7", "-p", "district=璧山区", "--format", "csv")
    short = run("query", built_seeds, "q7", "-p", "district=璧山", "--format", "csv")
    assert full.exit_code == short.exit_code == 0 and full.stdout == short.stdout
    assert len(full.stdout.splitlines()) > 1


# ---------------------------------------------------------------- writing

def test_an_empty_answer_is_never_written_to_a_file(built_seeds, tmp_path):
    target = tmp_path / "answer.csv"
    target.write_text("earlier results\n", encoding="utf-8")
    result = run("query", built_seeds, "q4", "-p", "person=刘小强", "-p", "post=长寿区委书记", "-o", target)
    assert "is empty; nothing written to" in error_of(result, code=1)
    assert target.read_text(encoding="utf-8") == "earlier results\n"


def test_output_is_written_whole_and_reported(built_seeds, tmp_path):
    target = tmp_path / "sub" / "careers.jsonl"
    result = run("export", built_seeds, "--table", "careers", "-o", target)
    assert result.exit_code == 0 and result.stdout.startswith(f"wrote {target} (table careers, ")
    assert target.read_text("utf-8").count("\n") == int(result.stdout.split(", ")[1].split()[0])
    assert [p.name for p in target.parent.iterdir()] == ["careers.jsonl"]       # no temporary left


def test_the_graph_itself_is_never_overwritten(built_seeds):
    graph = built_seeds / "graph.ttl"
    before = graph.read_bytes()
    assert "is the graph being read" in error_of(run("export", graph, "--table", "holdings", "-o", graph))
    assert graph.read_bytes() == before


def test_clicks_own_usage_errors_look_the_same():
    line = error_of(run("export"))
    assert "Missing argument 'GRAPH'" in line
    assert "'cadregraph export --help'" in run("export").stderr
    assert "is not one of" in error_of(run("query", ".", "q1", "--format", "xml"))


# ---------------------------------------------------------------- as a real process

def test_as_a_subprocess_errors_are_one_line_on_stderr(tmp_path):
    result = subprocess.run([*command_line(), "query", str(tmp_path / "nope"), "q1"], capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"cadregraph: error: {tmp_path / 'nope'}: no such file or folder; give a graph file " \
                            "(graph.ttl, graph.nq …), a folder written by 'cadregraph build --out' or a store " \
                            "written by 'build --store'\n"


def test_as_a_subprocess_a_closed_pipe_is_quiet(built_seeds):
    script = " ".join(f"'{part}'" for part in command_line())
    result = subprocess.run(f"{script} export '{built_seeds}' --table slogans | head -c 10", shell=True,
                            capture_output=True, text=True)
    assert result.stdout == "slogan,kin" and "Traceback" not in result.stderr and "Error" not in result.stderr


def test_a_parameter_without_p_is_pointed_out(built_seeds):
    assert "a parameter goes after -p: -p person=石强" in error_of(run("query", built_seeds, "q1", "person=石强"))


def test_query_output_format_follows_the_file_name(built_seeds, tmp_path):
    import json

    target = tmp_path / "holders.json"
    assert run("query", built_seeds, "q2", "-o", target).exit_code == 0
    assert [r["holder"] for r in json.loads(target.read_text("utf-8"))] == ["刘小强", "江夏"]
