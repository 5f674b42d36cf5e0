"""The pipeline as one library call: documents → extractors → graph → outputs.

The command line is a thin shell over `build()`; notebooks call `extract_corpus()`,
`build_graph()` or `build()` directly.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph

from cadregraph.documents import Document, DocumentError, find_document_paths, read_document
from cadregraph.extractors import EXTRACTORS
from cadregraph.extractors.prepare import prepare
from cadregraph.graph.namespaces import DEFAULT_BASE


def bundled_seeds() -> Path:
    return Path(str(resources.files("cadregraph.seeds")))


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    facts: list = field(default_factory=list)
    failures: list[DocumentError] = field(default_factory=list)
    facts_of: dict[str, list] = field(default_factory=dict)        # doc_id -> its facts, in order
    skipped: list[tuple[Document, str]] = field(default_factory=list)  # read, not extracted: why


def extract_document(doc: Document) -> list:
    prepared = prepare(doc)
    facts = []
    for extractor in _extractors(EXTRACTORS):
        facts.extend(extractor.extract(prepared))
    return facts


# Sentences of the shapes every extractor matches, so that one extraction compiles what all of
# them compile lazily on first use (the officials patterns alone take seconds).
_WARM_UP_TEXT = ("市委书记张三、市长李四出席会议。\n2024年全市地区生产总值增长5.2%。\n"
                 "坚持“绿水青山就是金山银山”理念，推进滨江大道改造工程建设。\n")


def warm_up() -> None:
    """Compile the extractors' patterns and load their word lists in this process. A parent
    that forks workers calls it first: the children inherit what it compiled (copy on write)
    instead of each spending the same seconds compiling it again."""
    from cadregraph.documents.model import Document

    extract_document(Document("warm-up", "warm-up.txt", Path("warm-up.txt"), _WARM_UP_TEXT, "utf-8", ""))


@lru_cache(maxsize=4)
def _extractors(classes: tuple) -> tuple:
    """One instance of each extractor per process, so that the patterns an extractor compiles
    on first use are compiled once, not once per document (each extractor resets its
    per-document state at the start of `extract`)."""
    return tuple(cls() for cls in classes)


def extract_corpus(paths: Iterable[Path | str], progress: Callable[[Iterable], Iterable] | None = None,
                   strict: bool = False, skip: Callable[[Document], str | None] | None = None,
                   workers: int | None = None) -> Corpus:
    """Read and extract every document; a file that fails is recorded, and the rest go on
    (with `strict`, the first failure ends the run). `skip(doc)`: a reason not to extract a
    document that was read (`build --update`: it is already in the graph), or None.

    `workers`: processes extracting in parallel (None: one per CPU for a corpus of
    PARALLEL_MIN_DOCS documents or more, else 1). Results are merged in the order of the
    files, so the corpus is the same whatever the number of workers."""
    corpus = Corpus()
    files = find_document_paths(paths)
    workers = choose_workers(workers, len(files))
    seen_ids: dict[str, Path] = {}
    with _outcomes(files, skip, workers) as outcomes:
        for path, (kind, doc, payload) in zip(progress(files) if progress else files, outcomes):
            if doc is not None:
                if doc.doc_id in seen_ids:
                    kind, payload = "failed", DocumentError(
                        path, f"has the same name as {seen_ids[doc.doc_id]}; document names must be unique")
                else:
                    seen_ids[doc.doc_id] = path
            if kind == "failed":
                corpus.failures.append(payload)
                if strict:
                    break
            elif kind == "skipped":
                corpus.skipped.append((doc, payload))
            else:
                corpus.documents.append(doc)
                corpus.facts.extend(payload)
                corpus.facts_of[doc.doc_id] = payload
    return corpus


PARALLEL_MIN_DOCS = 40


def choose_workers(workers: int | None, documents: int) -> int:
    if workers is None:
        workers = _cpus() if documents >= PARALLEL_MIN_DOCS else 1
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    fork = "fork" in multiprocessing.get_all_start_methods()
    return max(1, min(workers, documents)) if fork else 1


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _read_and_extract(path: Path, skip) -> tuple[str, Document | None, object]:
    """("ok", doc, facts), ("skipped", doc, reason) or ("failed", doc or None, DocumentError)."""
    doc = None
    try:
        doc = read_document(path)
        reason = skip(doc) if skip else None
        if reason:
            return "skipped", doc, reason
        return "ok", doc, extract_document(doc)
    except DocumentError as exc:
        return "failed", doc, exc
    except Exception as exc:  # noqa: BLE001 - one document's bug must not lose the corpus
        return "failed", doc, DocumentError(path, f"extraction failed: {type(exc).__name__}: {exc}")


_worker_skip = None


def _init_worker(skip) -> None:
    global _worker_skip
    _worker_skip = skip


def _worker(path: Path):
    return _read_and_extract(path, _worker_skip)


@contextmanager
def _outcomes(files: list[Path], skip, workers: int):
    """The outcome of each file, in the order of `files`. With several workers, forked
    processes (which inherit `skip`, even a closure) take chunks of files; `imap` hands the
    results back in order, and leaving the block stops the workers (after `strict` breaks)."""
    if workers == 1:
        yield (_read_and_extract(path, skip) for path in files)
        return
    chunk = max(1, min(16, len(files) // (workers * 8)))
    warm_up()
    with multiprocessing.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(skip,)) as pool:
        yield pool.imap(_worker, files, chunksize=chunk)


def build_graph(corpus: Corpus, base: str = DEFAULT_BASE, identity_file: Path | None = None,
                graph: Graph | None = None) -> Graph:
    """The whole graph in memory, made by the streaming build's writers (one shard per
    document, then the shared graph), so a notebook's graph is the graph `cadregraph build`
    writes. `graph`: an empty graph to build into (graph.fastgraph.fast_graph() for Oxigraph);
    the default is rdflib's memory store."""
    from cadregraph.graph.build import new_graph
    from cadregraph.graph.corpus_table import CorpusTable
    from cadregraph.graph.iris import Iris
    from cadregraph.graph.oxterms import ox_store_of
    from cadregraph.graph.shard import write_shard
    from cadregraph.graph.shared import shared_graph

    iris = Iris(base)
    facts_of: dict[str, list] = {}
    for fact in corpus.facts:
        facts_of.setdefault(fact.evidence.doc_id, []).append(fact)
    table = CorpusTable(":memory:")
    parts: list[str] = []
    for doc in sorted(corpus.documents, key=lambda d: d.doc_id):
        shard = write_shard(doc, facts_of.get(doc.doc_id, []), iris)
        table.add(doc, shard.rows, len(shard.lines))
        parts.append(_as_triples(shard.lines, str(iris.document(doc.doc_id))))
    shared = shared_graph(table, iris, identity_file)
    parts.append(_as_triples(shared.lines(), iris.base + "graph/shared"))
    table.close()
    data = "".join(parts)
    g = new_graph() if graph is None else graph
    store = ox_store_of(g)
    if store is not None:
        import pyoxigraph as ox

        store.load(data.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    else:
        g.parse(data=data, format="nt")
    return g


def _as_triples(lines: list[str], graph_name: str) -> str:
    """N-Quads lines of one graph as N-Triples (the graph name cut off the end)."""
    tail = f" <{graph_name}> .\n"
    return "".join(line[: -len(tail)] + " .\n" for line in lines)


@contextmanager
def gc_paused():
    """No cyclic garbage collection while the graph is built. A build allocates millions of
    objects that live until it ends; every full collection walks all of them, which made
    building 40% slower on 100 documents and worse as the corpus grows. Reference counting
    still frees everything that is dropped; collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
