"""The command line: every command has help; errors are clear; failures set the exit code."""
from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from cadregraph.cli import main

RUNNER = CliRunner()


def test_every_command_has_help():
    assert RUNNER.invoke(main, ["--help"]).exit_code == 0
    for name, command in main.commands.items():
        result = RUNNER.invoke(main, [name, "--help"], prog_name="cadregraph")
        assert result.exit_code == 0, name
        assert command.help and len(command.help) > 20, name
        usage = result.output.splitlines()[0]
        for param in command.params:
            if isinstance(param, click.Argument):
                assert param.make_metavar(click.Context(command)).rstrip(".") in usage, (name, param.name)
                continue
            assert param.help or param.name == "help", (name, param.name)
            if isinstance(param.type, click.Choice):   # every choice is shown
                assert "|".join(param.type.choices) in result.output, (name, param.name)


def test_main_help_documents_the_exit_codes():
    text = " ".join(RUNNER.invoke(main, ["--help"]).output.split())
    assert "Exit status: 0 done; 1 done but something failed" in text and "2 a usage error" in text


def test_export_help_lists_every_table_with_its_description():
    from cadregraph.outputs.tables import TABLES

    text = " ".join(RUNNER.invoke(main, ["export", "--help"]).output.split())
    for table in TABLES.values():
        assert f"{table.name} {table.description}" in text
    assert "[csv|jsonl|json|gexf|graphml]" in text


def test_query_help_lists_the_questions():
    text = RUNNER.invoke(main, ["query", "--help"]).output
    for n in range(1, 9):
        assert f"\n  q{n}_" in text
    assert "table_careers" not in text and "-p person=石强" in " ".join(text.split())


def test_build_prints_a_summary_and_writes_outputs(tmp_path):
    result = RUNNER.invoke(main, ["build", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "documents:    5" in result.output and "files failed: 0" in result.output
    assert (tmp_path / "o" / "graph.ttl").exists() and (tmp_path / "o" / "view.html").exists()


def test_failed_files_are_reported_and_set_the_exit_code(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("璧山区委书记、区长 江志斌\n", encoding="utf-8")
    (docs / "broken.txt").write_bytes(b"\x00\xff\x00\xfe" * 64)
    result = RUNNER.invoke(main, ["build", str(docs), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "officials:    1" in result.output


def test_refuses_to_overwrite_a_foreign_folder(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("precious", encoding="utf-8")
    result = RUNNER.invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 2 and "did not write" in result.output
    assert (out / "thesis.docx").read_text(encoding="utf-8") == "precious"
    assert not (out / "graph.ttl").exists()


def test_evaluate_needs_gold(tmp_path):
    result = RUNNER.invoke(main, ["evaluate", "--gold", str(tmp_path)])
    assert result.exit_code != 0 and "gold" in result.output


@pytest.mark.parametrize("args", [["export", "nope.ttl", "--table", "holdings"]])
def test_missing_graph_is_a_clear_error(args):
    result = RUNNER.invoke(main, args)
    assert result.exit_code == 2 and "nope.ttl" in result.output
