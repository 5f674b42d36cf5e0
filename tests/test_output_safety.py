"""No lost data: outputs are written as one set, an interrupted build leaves the previous
outputs whole, inputs are never modified, and a folder cadregraph did not write is refused."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cadregraph.cli import main
from cadregraph.graph.namespaces import DEFAULT_BASE
from cadregraph.outputs import build_outputs, output_folder, parallel_pages
from cadregraph.outputs.atomic import TEMP_PREFIX, write_bytes_atomic
from cadregraph.outputs.build_outputs import MANIFEST, OutputFolderError, run_build

RUNNER = CliRunner()
ONE = "璧山区委书记、区长 江志斌表示，全区GDP同比增长7.2%。\n"
TWO = "长寿区委书记 刘小强表示，全区经济稳中向好。\n"


def _docs(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file below `folder`: content hash, mtime and mode."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            out[str(p.relative_to(folder))] = (hashlib.sha256(p.read_bytes()).hexdigest(), st.st_mtime_ns, st.st_mode)
    return out


def _build(paths, out, **kw):
    return run_build([Path(p) for p in paths], out, base=DEFAULT_BASE, **kw)


@pytest.fixture
def built(tmp_path):
    docs = _docs(tmp_path / "docs", {"one.txt": ONE})
    out = tmp_path / "out"
    _build([docs], out)
    return docs, out


@pytest.mark.parametrize("target", ["render_view", "write_format", "shared_graph"])
def test_a_build_failing_half_way_leaves_the_previous_outputs_whole(built, monkeypatch, target):
    docs, out = built
    before = _snapshot(out)
    _docs(docs, {"two.txt": TWO})

    def boom(*args, **kwargs):
        raise RuntimeError("interrupted")
    monkeypatch.setattr(build_outputs, target, boom)
    with pytest.raises(RuntimeError):
        _build([docs], out)
    assert _snapshot(out) == before
    assert not list(out.glob(TEMP_PREFIX + "*"))


def test_a_graph_file_failing_in_its_own_process_fails_the_build_and_keeps_the_previous_outputs(built, monkeypatch):
    # with two workers the Turtle is written by a forked process beside the view: its
    # failure must reach the build, not leave a view beside a missing or stale graph file
    docs, out = built
    before = _snapshot(out)
    _docs(docs, {"two.txt": TWO})

    def boom(*args, **kwargs):
        raise RuntimeError("interrupted")
    monkeypatch.setattr(build_outputs, "write_format", boom)
    with pytest.raises(RuntimeError, match="writing graph.ttl"):
        _build([docs], out, workers=2)
    assert _snapshot(out) == before
    assert not list(out.glob(TEMP_PREFIX + "*"))


def test_a_disk_full_on_the_last_file_leaves_the_previous_outputs_whole(built, monkeypatch):
    docs, out = built
    before = _snapshot(out)
    _docs(docs, {"two.txt": TWO})
    real = output_folder.write_temp

    def write_temp(path, data, **options):
        if Path(path).name == "view.html":
            raise OSError(28, "No space left on device")
        return real(path, data, **options)
    # the pages are staged by the build itself, the graph files by the output folder
    monkeypatch.setattr(output_folder, "write_temp", write_temp)
    monkeypatch.setattr(parallel_pages, "write_temp", write_temp)
    with pytest.raises(OSError):
        _build([docs], out)
    assert _snapshot(out) == before
    assert not list(out.glob(TEMP_PREFIX + "*"))


def test_an_interrupt_between_renames_leaves_a_folder_the_next_build_accepts(built, monkeypatch):
    docs, out = built
    old_graph = (out / "graph.ttl").read_bytes()
    _docs(docs, {"two.txt": TWO})
    real_replace, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:     # manifest (old and new accepted) and graph renamed; not view
            raise KeyboardInterrupt
        real_replace(src, dst)
    monkeypatch.setattr(output_folder.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        _build([docs], out)
    monkeypatch.setattr(output_folder.os, "replace", real_replace)
    assert [Path(c).name for c in calls] == [MANIFEST, "graph.ttl", "view.html"]
    assert (out / "graph.ttl").read_bytes() != old_graph      # new graph, old view: both whole
    assert "<html" in (out / "view.html").read_text("utf-8")
    summary = _build([docs], out)                              # no "changed since" refusal
    assert summary.documents == 2
    assert not list(out.glob(TEMP_PREFIX + "*"))


def test_a_killed_builds_temporary_files_are_removed(built):
    docs, out = built
    (out / f"{TEMP_PREFIX}graph.ttl.abc.tmp").write_bytes(b"half")
    (out / "view" / "people").mkdir(parents=True, exist_ok=True)
    (out / "view" / "people" / f"{TEMP_PREFIX}p1.html.abc.tmp").write_bytes(b"<p>half")
    (out / "view" / "people" / "notes.html").write_bytes(b"mine")
    (out / ".cadregraph-build.work-abc").mkdir()
    (out / ".cadregraph-build.work-abc" / "all.nq").write_bytes(b"<a> <b> <c> .\n")
    _build([docs], out)
    assert not list(out.rglob(TEMP_PREFIX + "*"))
    assert not list(out.glob(".cadregraph-build.work-*"))
    assert (out / "view" / "people" / "notes.html").read_bytes() == b"mine"     # not cadregraph's: kept


def test_inputs_are_never_modified(tmp_path):
    docs = _docs(tmp_path / "docs", {"one.txt": ONE, "two.txt": TWO})
    (docs / "one.meta.json").write_text('{"date": "2024-01-05", "title": "t"}', encoding="utf-8")
    (docs / "bad.txt").write_bytes(b"")
    os.chmod(docs / "two.txt", 0o444)
    before = _snapshot(docs)
    _build([docs], tmp_path / "out")
    _build([docs], tmp_path / "out", update=True)
    assert _snapshot(docs) == before


def test_outputs_inside_the_corpus_are_not_read_back_as_documents(tmp_path):
    docs = _docs(tmp_path / "docs", {"one.txt": ONE})
    first = _build([docs], docs / "out")
    second = _build([docs], docs / "out")
    assert first.documents == second.documents == 1
    assert not second.failures


def test_outputs_get_the_users_file_mode(built):
    _docs, out = built
    assert (out / "graph.ttl").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_foreign_folder_is_refused(tmp_path):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.docx").write_bytes(b"precious")
    with pytest.raises(OutputFolderError, match="did not write.*chapter1.docx"):
        _build([_docs(tmp_path / "docs", {"one.txt": ONE})], out)
    assert sorted(p.name for p in out.iterdir()) == ["chapter1.docx"]


def test_a_file_of_ours_the_user_changed_is_refused(built):
    docs, out = built
    (out / "graph.ttl").write_text("# my notes\n", encoding="utf-8")
    with pytest.raises(OutputFolderError, match="graph.ttl: changed since cadregraph wrote it"):
        _build([docs], out)
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "# my notes\n"
    _build([docs], out, force=True)
    assert (out / "graph.ttl").read_text(encoding="utf-8") != "# my notes\n"


def test_a_file_the_manifest_does_not_list_is_refused(built):
    docs, out = built
    (out / "graph.nt").write_bytes(b"mine")
    with pytest.raises(OutputFolderError, match="graph.nt: cadregraph did not write this file"):
        _build([docs], out, formats=("turtle", "ntriples"))
    assert (out / "graph.nt").read_bytes() == b"mine"


def test_other_files_in_our_folder_are_left_alone(built):
    docs, out = built
    (out / "notes.txt").write_bytes(b"mine")
    _build([docs], out)
    assert (out / "notes.txt").read_bytes() == b"mine"


def test_a_damaged_manifest_is_refused(built):
    docs, out = built
    (out / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(OutputFolderError, match="manifest is damaged"):
        _build([docs], out)
    _build([docs], out, force=True)
    assert json.loads((out / MANIFEST).read_text("utf-8"))["format"] == 2


def test_the_command_line_refuses_with_a_message(built):
    docs, out = built
    (out / "view.html").write_text("edited", encoding="utf-8")
    result = RUNNER.invoke(main, ["build", str(docs), "--out", str(out)])
    assert result.exit_code == 2 and "changed since cadregraph wrote it" in result.output


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "t.csv"
    target.write_bytes(b"old")

    def fail(*a):
        raise OSError("disk full")
    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


def test_a_store_folder_inside_the_corpus_is_not_read(tmp_path):
    docs = _docs(tmp_path / "docs", {"one.txt": ONE})
    store = docs / "db"
    store.mkdir()
    (store / ".cadregraph-store").write_text("", encoding="utf-8")
    (store / "000012.sst").write_bytes(b"\x00\x01" * 100)
    summary = _build([docs], tmp_path / "out")
    assert summary.documents == 1 and not summary.failures
