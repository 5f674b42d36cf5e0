"""The pipeline as one library call: documents → extractors → graph → outputs.

The command line is a thin shell over `build()`; notebooks call `extract_corpus()`,
`build_graph()` or `build()` directly.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph

from cadregraph.documents import Document, DocumentError, find_document_paths, read_document
from cadregraph.extractors import EXTRACTORS
from cadregraph.extractors.prepare import prepare
from cadregraph.graph.build import build_graph as _build_graph
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


@lru_cache(maxsize=4)
def _extractors(classes: tuple) -> tuple:
    """One instance of each extractor per process, so that the patterns an extractor compiles
    on first use are compiled once, not once per document (each extractor resets its
    per-document state at the start of `extract`)."""
    return tuple(cls() for cls in classes)


def extract_corpus(paths: Iterable[Path | str], progress: Callable[[Iterable], Iterable] | None = None,
                   strict: bool = False, skip: Callable[[Document], str | None] | None = None) -> Corpus:
    """Read and extract every document; a file that fails is recorded, and the rest go on
    (with `strict`, the first failure ends the run). `skip(doc)`: a reason not to extract a
    document that was read (`build --update`: it is already in the graph), or None."""
    corpus = Corpus()
    files = find_document_paths(paths)
    seen_ids: dict[str, Path] = {}
    for path in (progress(files) if progress else files):
        try:
            doc = read_document(path)
            if doc.doc_id in seen_ids:
                raise DocumentError(path, f"has the same name as {seen_ids[doc.doc_id]}; document names must be unique")
            seen_ids[doc.doc_id] = path
            reason = skip(doc) if skip else None
            if reason:
                corpus.skipped.append((doc, reason))
                continue
            facts = extract_document(doc)
        except DocumentError as exc:
            corpus.failures.append(exc)
            if strict:
                break
            continue
        except Exception as exc:  # noqa: BLE001 - one document's bug must not lose the corpus
            corpus.failures.append(DocumentError(path, f"extraction failed: {type(exc).__name__}: {exc}"))
            if strict:
                break
            continue
        corpus.documents.append(doc)
        corpus.facts.extend(facts)
        corpus.facts_of[doc.doc_id] = facts
    return corpus


def build_graph(corpus: Corpus, base: str = DEFAULT_BASE, identity_file: Path | None = None,
                graph: Graph | None = None) -> Graph:
    """`graph`: an empty graph to build into (graph.store.memory_graph() for big corpora)."""
    return _build_graph(corpus.documents, corpus.facts, base=base,
                        options={"identity_file": identity_file}, graph=graph)
