"""Extraction in parallel worker processes gives the corpus sequential extraction gives: the
same documents in the same order with the same facts, failures and skips, and the same
graph bytes."""
from __future__ import annotations

import shutil

import pytest

from cadregraph.graph.fastgraph import fast_graph
from cadregraph.graph.fastwrite import serialize_streamed
from cadregraph.pipeline import build_graph, bundled_seeds, choose_workers, extract_corpus


def test_two_workers_give_the_sequential_corpus(seeds_corpus):
    parallel = extract_corpus([bundled_seeds()], workers=2)
    assert [d.doc_id for d in parallel.documents] == [d.doc_id for d in seeds_corpus.documents]
    assert parallel.facts == seeds_corpus.facts
    assert parallel.facts_of == seeds_corpus.facts_of
    one = serialize_streamed(build_graph(seeds_corpus, graph=fast_graph()), "turtle")
    two = serialize_streamed(build_graph(parallel, graph=fast_graph()), "turtle")
    assert one == two


@pytest.fixture
def messy_folder(tmp_path):
    """Two seeds, a binary file between them, and a second file with a seed's name."""
    folder = tmp_path / "docs"
    (folder / "b").mkdir(parents=True)
    seeds = sorted(bundled_seeds().glob("*.txt"))
    shutil.copy(seeds[0], folder / seeds[0].name)
    (folder / "000_z_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 300)
    shutil.copy(seeds[1], folder / seeds[1].name)
    shutil.copy(seeds[2], folder / "b" / seeds[0].name)     # same document name again
    return folder


def _summary(corpus):
    return ([d.doc_id for d in corpus.documents], [str(f) for f in corpus.failures],
            [(d.doc_id, why) for d, why in corpus.skipped], corpus.facts)


def test_failures_duplicates_and_skips_are_the_same_in_parallel(messy_folder, seeds_corpus):
    def skip(doc):               # a closure, as `build --update` passes: workers inherit it
        return "already built" if doc.doc_id.startswith("001_") else None

    sequential = extract_corpus([messy_folder], workers=1, skip=skip)
    parallel = extract_corpus([messy_folder], workers=2, skip=skip)
    assert _summary(parallel) == _summary(sequential)
    docs, failures, skipped, _ = _summary(parallel)
    assert docs == ["000_de4db4e1e917b79a"]
    assert len(failures) == 2 and "binary" in failures[0] and "same name" in failures[1]
    assert skipped == [("001_e3967ce29b2979f4", "already built")]


def test_strict_stops_at_the_first_failure_in_parallel(messy_folder):
    sequential = extract_corpus([messy_folder], workers=1, strict=True)
    parallel = extract_corpus([messy_folder], workers=2, strict=True)
    assert _summary(parallel) == _summary(sequential)
    assert len(parallel.failures) == 1 and [d.doc_id for d in parallel.documents] == ["000_de4db4e1e917b79a"]


@pytest.mark.parametrize("asked, documents, expected", [
    (None, 5, 1),          # a few documents: not worth starting processes
    (3, 2, 2),             # never more workers than documents
    (1, 500, 1),
])
def test_how_many_workers(asked, documents, expected):
    assert choose_workers(asked, documents) == expected


def test_workers_default_to_the_cpus_for_a_large_corpus():
    from cadregraph.pipeline import _cpus

    assert choose_workers(None, 1000) == _cpus()
    with pytest.raises(ValueError):
        choose_workers(0, 10)


def test_a_document_error_crosses_process_boundaries_whole():
    import pickle

    from cadregraph.documents import DocumentError

    error = pickle.loads(pickle.dumps(DocumentError("/corpus/a.txt", "not UTF-8, GB18030 or UTF-16")))
    assert (str(error.path), error.problem) == ("/corpus/a.txt", "not UTF-8, GB18030 or UTF-16")
    assert str(error) == "/corpus/a.txt: not UTF-8, GB18030 or UTF-16"
