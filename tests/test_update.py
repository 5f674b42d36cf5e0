"""`build --update`: adding documents to an existing build gives, byte for byte, what a full
build over the same documents gives; a document already there changes nothing; a changed one
replaces its own facts only. And builds are the same across runs and hash seeds."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from cadregraph.graph.namespaces import CG, DEFAULT_BASE
from cadregraph.outputs.build_outputs import OutputFolderError, run_build
from cadregraph.outputs.build_outputs import STATE
from cadregraph.pipeline import bundled_seeds

OUTPUTS = ("graph.ttl", "view.html")


def _build(paths, out, **kw):
    return run_build([Path(p) for p in paths], out, base=kw.pop("base", DEFAULT_BASE), **kw)


def _copy(names: list[str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        for f in bundled_seeds().glob(name + "*"):
            shutil.copy(f, folder / f.name)
    return folder


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    # the document pages too: those of documents an update did not read again are kept
    pages = sorted(p.relative_to(b) for p in (b / "view").rglob("*.html"))
    assert pages and sorted(p.relative_to(a) for p in (a / "view").rglob("*.html")) == pages
    for name in pages:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture(scope="module")
def full_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("full") / "out"
    _build([bundled_seeds()], out)
    return out


def test_adding_documents_gives_the_full_build(tmp_path, full_build):
    first = _copy(["000_", "001_", "002_"], tmp_path / "first")
    later = _copy(["003_", "004_"], tmp_path / "later")
    out = tmp_path / "out"
    _build([first], out)
    summary = _build([later], out, update=True)
    assert summary.update == {"added": 2, "replaced": 0, "unchanged": 0}
    assert summary.documents == 5
    _same_outputs(out, full_build)


def test_adding_documents_one_by_one_gives_the_full_build(tmp_path, full_build):
    out = tmp_path / "out"
    for i, prefix in enumerate(["004_", "002_", "000_", "003_", "001_"]):
        folder = _copy([prefix], tmp_path / f"batch{i}")
        _build([folder], out, update=i > 0)
    _same_outputs(out, full_build)


def test_documents_already_present_change_nothing(tmp_path, full_build):
    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    before = {n: (out / n).read_bytes() for n in OUTPUTS}
    again = _copy(["001_"], tmp_path / "again")
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    shutil.copy(next(bundled_seeds().glob("002_*.txt")), renamed / "copy-of-002.txt")
    summary = _build([again, renamed], out, update=True)
    assert summary.update == {"added": 0, "replaced": 0, "unchanged": 2}
    assert any("same content as 002_" in s for s in summary.skipped)
    assert {n: (out / n).read_bytes() for n in OUTPUTS} == before


def test_a_changed_document_replaces_its_own_facts_only(tmp_path):
    docs = _copy(["000_", "001_"], tmp_path / "docs")
    out = tmp_path / "out"
    _build([docs], out)
    target = next(docs.glob("001_*.txt"))
    text = target.read_text(encoding="utf-8")
    assert "张安疆" in text
    target.write_text(text.replace("张安疆", "张新名"), encoding="utf-8")
    summary = _build([target], out, update=True)
    assert summary.update == {"added": 0, "replaced": 1, "unchanged": 0}
    g = Graph().parse(out / "graph.ttl")
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert "张新名" in labels and "张安疆" not in labels
    assert "罗楠" in labels                       # from 000, untouched
    assert len(set(g.subjects(CG.contentHash, None))) == 2
    # the same as a full build of the changed set, and no fact twice
    full = tmp_path / "full"
    _build([docs], full)
    _same_outputs(out, full)


def test_a_document_that_now_fails_keeps_its_previous_facts(tmp_path):
    docs = _copy(["000_", "001_"], tmp_path / "docs")
    out = tmp_path / "out"
    _build([docs], out)
    before = (out / "graph.ttl").read_bytes()
    next(docs.glob("001_*.txt")).write_bytes(b"")
    summary = _build([docs], out, update=True)
    assert [f.path.name for f in summary.failures] == [next(docs.glob("001_*.txt")).name]
    assert (out / "graph.ttl").read_bytes() == before


def test_update_needs_a_previous_build_of_the_same_base_and_code(tmp_path, full_build, monkeypatch):
    with pytest.raises(OutputFolderError, match="no previous build"):
        _build([bundled_seeds()], tmp_path / "new", update=True)
    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    with pytest.raises(OutputFolderError, match="--base"):
        _build([], out, update=True, base="http://example.org/other/")
    import cadregraph.outputs.build_outputs as bo

    monkeypatch.setattr(bo, "code_fingerprint", lambda: "another-version")
    with pytest.raises(OutputFolderError, match="another version"):
        _build([], out, update=True)


def test_a_damaged_corpus_table_is_refused(tmp_path, full_build):
    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    (out / STATE / "corpus.sqlite").write_bytes(b"not a database" * 100)
    with pytest.raises(OutputFolderError, match="corpus table is damaged"):
        _build([], out, update=True)


def test_update_reuses_the_shards_of_unchanged_documents(tmp_path, full_build):
    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    shards = sorted((out / STATE / "shards").iterdir())
    stamps = {p.name: p.stat().st_mtime_ns for p in shards}
    _build([], out, update=True)
    assert {p.name: p.stat().st_mtime_ns for p in sorted((out / STATE / "shards").iterdir())} == stamps


def test_update_without_paths_rebuilds_from_the_cache(tmp_path, full_build):
    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    summary = _build([], out, update=True)
    assert summary.documents == 5
    _same_outputs(out, full_build)


def test_update_from_the_command_line(tmp_path):
    from click.testing import CliRunner

    from cadregraph.cli import main

    first = _copy(["000_"], tmp_path / "first")
    later = _copy(["001_"], tmp_path / "later")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(first), "--out", str(out)]).exit_code == 0
    result = CliRunner().invoke(main, ["build", "--update", str(later), str(first), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "update:       1 added, 0 replaced, 1 unchanged" in result.output
    assert "documents:    2" in result.output


# -- determinism: many documents, several hash seeds ------------------------------------------

NAMES = "王明 李华 张强 刘洋 陈静 杨帆 赵磊 黄勇 周敏 吴刚 徐丽 孙涛 胡军 朱鹏 高峰 林海".split()
PLACES = "璧山区 长寿区 江津区 永川区 合川区 涪陵区 綦江区 大足区".split()


def _many(folder: Path) -> Path:
    folder.mkdir()
    for i in range(40):
        name, place, other = NAMES[i % len(NAMES)], PLACES[i % len(PLACES)], NAMES[(i * 7 + 3) % len(NAMES)]
        text = (f"（重庆日报，2024年{i % 12 + 1}月{i % 27 + 1}日）\n{place}委书记 {name}表示，"
                f"全区GDP同比增长{i % 9}.{i % 10}%，“三个{i % 5}”工作加快推进。\n"
                f"{place}区长 {other}说，{place}将建设“智能{i % 4}产业园”。\n")
        (folder / f"doc-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _subprocess_build(docs: Path, out: Path, seed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    result = subprocess.run([sys.executable, "-m", "cadregraph.cli", "build", str(docs), "--out", str(out)],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_many_documents_build_the_same_across_hash_seeds_and_updates(tmp_path):
    docs = _many(tmp_path / "docs")
    _subprocess_build(docs, tmp_path / "a", "0")
    _subprocess_build(docs, tmp_path / "b", "4242")
    _same_outputs(tmp_path / "a", tmp_path / "b")
    g = Graph().parse(tmp_path / "a" / "graph.ttl")
    assert len(set(g.subjects(CG.contentHash, None))) == 40
    assert (None, RDFS.label, Literal("王明", lang="zh")) in g
    # the same 40 documents added in two updates, in another order
    half = tmp_path / "half"
    half.mkdir()
    for p in sorted(docs.iterdir())[::2]:
        shutil.move(p, half / p.name)
    out = tmp_path / "c"
    _build([docs], out)
    _build([half], out, update=True)
    _same_outputs(out, tmp_path / "a")


def _snapshot(out: Path) -> dict[str, bytes]:
    """Every file of a build folder (state included) and its bytes."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_failing_strict_update_leaves_the_previous_build_intact(tmp_path):
    first = _copy(["000_", "001_"], tmp_path / "first")
    later = _copy(["002_", "003_"], tmp_path / "later")
    (later / "zzz_broken.txt").write_bytes(b"")      # empty: fails, after 002_ and 003_ were added
    out = tmp_path / "out"
    _build([first], out)
    before = _snapshot(out)
    summary = _build([later], out, update=True, strict=True)
    assert summary.stopped and summary.failures
    assert _snapshot(out) == before            # not a shard or a row of 002_/003_ kept


def test_an_update_killed_while_writing_leaves_the_previous_build_intact(tmp_path, monkeypatch):
    from cadregraph.outputs import build_outputs

    first = _copy(["000_", "001_"], tmp_path / "first")
    later = _copy(["001_", "002_"], tmp_path / "later")
    (later / next(p.name for p in later.glob("001_*.txt"))).write_text("区委书记张三主持会议。\n", "utf-8")
    out = tmp_path / "out"
    _build([first], out)
    before = _snapshot(out)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(build_outputs, "_write", killed)
    with pytest.raises(KeyboardInterrupt):
        _build([later], out, update=True)
    assert _snapshot(out) == before            # the changed 001_ did not replace its shard
    monkeypatch.undo()
    # and the next update starts from the previous build: the full build's bytes
    _build([later], out, update=True)
    every = _copy(["000_"], tmp_path / "every")
    for f in later.iterdir():
        shutil.copy(f, every / f.name)
    _build([every], tmp_path / "full")
    _same_outputs(out, tmp_path / "full")


def test_a_kill_between_the_state_renames_keeps_a_whole_state(tmp_path, monkeypatch, full_build):
    from cadregraph.outputs import build_outputs

    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    real_rename = Path.rename

    def rename_then_die(self, target):
        real_rename(self, target)
        if Path(target).name == build_outputs.OLD:
            raise KeyboardInterrupt           # killed after the old state went aside
        return Path(target)
    monkeypatch.setattr(Path, "rename", rename_then_die)
    with pytest.raises(KeyboardInterrupt):
        _build([], out, update=True)
    monkeypatch.undo()
    assert not (out / STATE).exists() and (out / build_outputs.OLD).exists()
    summary = _build([], out, update=True)     # recovers the old state and updates from it
    assert summary.update == {"added": 0, "replaced": 0, "unchanged": 0}
    _same_outputs(out, full_build)
