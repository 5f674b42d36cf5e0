"""The README's examples run as written: the shell block of "Commands" in an empty folder (with
the installed `cadregraph` on the PATH), then the Python block of "Python API" beside the `out`
folder it built; and the README points at no file the repository does not have."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")
MARKER = "<!-- tests/test_readme.py runs this block"


TABLES_DOC = (ROOT / "docs" / "tables.md").read_text("utf-8")


def marked_blocks(language: str, text: str = README) -> list[str]:
    pattern = re.escape(MARKER) + r"[^\n]*\n```" + language + r"\n(.*?)```"
    return re.findall(pattern, text, flags=re.S)


def shell_lines(block: str, folder: Path) -> list[subprocess.CompletedProcess]:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    return [subprocess.run(line, shell=True, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
            for line in block.strip().splitlines()]


@pytest.fixture(scope="module")
def shell_run(tmp_path_factory):
    """The shell block, line by line, in a fresh folder: (folder, [completed processes])."""
    [block] = marked_blocks("sh")
    folder = tmp_path_factory.mktemp("readme")
    return folder, shell_lines(block, folder)


def test_the_command_examples_run_as_written(shell_run):
    folder, runs = shell_run
    for run in runs:
        assert run.returncode == 0 and "error" not in run.stderr, (run.args, run.stderr[-2000:])
    listing, q1, q2 = runs[1].stdout, runs[2].stdout, runs[3].stdout
    assert "q1_person_posts" in listing and "-p person=石强" in listing
    assert "彭水苗族土家族自治县委书记" in q1 and q1.rstrip().endswith("(4 rows)")
    assert q2.startswith('{"post_name": "长寿区委书记"')
    assert (folder / "careers.csv").read_text("utf-8").startswith("person_id,person,labels,")
    assert nx.read_gexf(folder / "network.gexf").number_of_nodes() > 36


def test_the_python_example_runs_as_written(shell_run):
    folder, _ = shell_run
    [block] = marked_blocks("python")
    result = subprocess.run([sys.executable, "-c", block + "\nprint(len(careers), len(rows), G.number_of_nodes())"],
                            cwd=folder, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    careers, rows, nodes = map(int, result.stdout.split())
    assert careers > 0 and rows == 4 and nodes > 36
    assert (folder / "network.graphml").exists() and (folder / "view.html").exists()


def test_the_examples_of_docs_tables_run_as_written(shell_run):
    folder, _ = shell_run
    [block] = marked_blocks("sh", TABLES_DOC)
    for run in shell_lines(block, folder):
        assert run.returncode == 0, (run.args, run.stderr[-2000:])
    [python] = marked_blocks("python", TABLES_DOC)
    check = """
assert isinstance(careers["labels"][0], list) and careers["first_seen"].map(type).eq(str).all()
assert holdings["district"].eq("").any() and isinstance(metrics["value"][0], Decimal)
assert metrics["is_growth"].dtype == bool
print("ok")"""
    result = subprocess.run([sys.executable, "-c", python + check], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "ok\n", result.stderr[-3000:]


def test_every_local_link_in_the_readme_exists():
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target
    assert "DESIGN.md" not in README
