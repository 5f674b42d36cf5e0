"""The pipeline as one library call: documents → extractors → graph → outputs.

The command line is a thin shell over `build()`; notebooks call `extract_corpus()`,
`build_graph()` or `build()` directly.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
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


def extract_document(doc: Document) -> list:
    prepared = prepare(doc)
    facts = []
    for extractor_class in EXTRACTORS:
        facts.extend(extractor_class().extract(prepared))
    return facts


def extract_corpus(paths: Iterable[Path | str], progress: Callable[[Iterable], Iterable] | None = None,
                   strict: bool = False) -> Corpus:
    """Read and extract every document; a file that fails is recorded, and the rest go on."""
    corpus = Corpus()
    files = find_document_paths(paths)
    seen_ids: dict[str, Path] = {}
    for path in (progress(files) if progress else files):
        try:
            doc = read_document(path)
            if doc.doc_id in seen_ids:
                raise DocumentError(path, f"has the same name as {seen_ids[doc.doc_id]}; document names must be unique")
            seen_ids[doc.doc_id] = path
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
    return corpus


def build_graph(corpus: Corpus, base: str = DEFAULT_BASE, identity_file: Path | None = None) -> Graph:
    return _build_graph(corpus.documents, corpus.facts, base=base,
                        options={"identity_file": identity_file})
