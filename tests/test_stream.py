"""The streaming build: shards are pure functions of their document, the bytes are the same
for one process, two workers and a Dask cluster of two workers, the string writer gives the
literals rdflib gives, the summary counts come from the writers, and a build in which every
file fails writes nothing."""
from __future__ import annotations

import gzip
import shutil
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import XSD

from cadregraph.graph import nt
from cadregraph.graph.namespaces import DEFAULT_BASE
from cadregraph.outputs.build_outputs import STATE, run_build
from cadregraph.pipeline import bundled_seeds

FORMATS = ("turtle", "nquads", "trig")


def _seeds(folder: Path, prefixes=("000_", "001_", "002_", "003_", "004_")) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for prefix in prefixes:
        for f in bundled_seeds().glob(prefix + "*"):
            shutil.copy(f, folder / f.name)
    return folder


def _outputs(out: Path) -> dict[str, bytes]:
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
             if p.is_file() and not p.name.endswith(".sqlite") and ".cadregraph-manifest" not in p.name}
    assert files, out
    return files


@pytest.fixture(scope="module")
def one_process(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("one") / "out"
    run_build([bundled_seeds()], out, base=DEFAULT_BASE, formats=FORMATS, workers=1)
    return out


def test_two_workers_write_the_same_bytes_as_one_process(tmp_path, one_process):
    out = tmp_path / "out"
    run_build([bundled_seeds()], out, base=DEFAULT_BASE, formats=FORMATS, workers=2)
    assert _outputs(out) == _outputs(one_process)


def test_a_local_dask_cluster_of_two_workers_writes_the_same_bytes(tmp_path, one_process):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            out = tmp_path / "out"
            summary = run_build([bundled_seeds()], out, base=DEFAULT_BASE, formats=FORMATS, scheduler=client)
    assert summary.documents == 5
    assert _outputs(out) == _outputs(one_process)


def test_a_shard_depends_on_its_document_only(tmp_path, one_process):
    out = tmp_path / "out"
    run_build([_seeds(tmp_path / "docs", ("001_",))], out, base=DEFAULT_BASE, workers=1)
    # the document's shard and its text (the view's document page is made from it)
    alone, text = sorted((out / STATE / "shards").iterdir(), key=lambda p: not p.name.endswith(".nq.gz"))
    assert text.name == alone.name.replace(".nq.gz", ".txt.gz")
    [source] = (tmp_path / "docs").glob("001_*.txt")
    assert gzip.decompress(text.read_bytes()).decode("utf-8") == source.read_text(encoding="utf-8")
    assert alone.read_bytes() == (one_process / STATE / "shards" / alone.name).read_bytes()
    # the shard is the document's named graph and nothing else
    quads = list(ox.parse(gzip.decompress(alone.read_bytes()), format=ox.RdfFormat.N_QUADS))
    assert quads and len({q.graph_name for q in quads}) == 1
    assert str(quads[0].graph_name.value).startswith(DEFAULT_BASE + "doc/")


def test_the_summary_counts_come_from_the_writers(one_process):
    quads = list(ox.parse(path=str(one_process / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    summary = run_build([], one_process, base=DEFAULT_BASE, formats=FORMATS, update=True)
    assert summary.triples == len({q.triple for q in quads}) == len(quads)
    people = {q.subject for q in quads if q.predicate.value.endswith("22-rdf-syntax-ns#type")
              and q.object.value == "http://xmlns.com/foaf/0.1/Person"}
    assert summary.officials == len(people) > 0


def test_a_build_where_every_file_fails_writes_nothing_and_exits_1(tmp_path):
    from cadregraph.cli import main

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8" * 3)        # not text in any encoding
    (docs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(docs), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "files failed: 2" in result.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("value, made", [
    (Literal(Decimal("7.20"), datatype=XSD.decimal), nt.decimal(Decimal("7.20"))),
    (Literal(Decimal("1E+3"), datatype=XSD.decimal), nt.decimal(Decimal("1E+3"))),
    (Literal(Decimal("-0.5"), datatype=XSD.decimal), nt.decimal(Decimal("-0.5"))),
    (Literal(True), nt.boolean(True)),
    (Literal(12, datatype=XSD.integer), nt.integer(12)),
    (Literal(3, datatype=XSD.nonNegativeInteger), nt.offset(3)),
    (Literal("2024-01", datatype=XSD.gYearMonth), nt.date("2024-01")),
    (Literal('说"明"\\\n二', lang="zh"), nt.zh('说"明"\\\n二')),
])
def test_string_terms_are_the_literals_rdflib_makes(value, made):
    parsed = next(iter(ox.parse(f"<x:s> <x:p> {made} .\n", format=ox.RdfFormat.N_TRIPLES))).object
    assert str(parsed.value) == str(value)
    assert (parsed.language or None) == value.language
    if value.datatype is not None:
        assert parsed.datatype.value == str(value.datatype)
