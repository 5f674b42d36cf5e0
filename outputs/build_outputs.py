"""`cadregraph build`: the corpus in; graph file(s), view.html and the fact cache out, written
as one set into a folder that is new, empty, or one cadregraph wrote before (output_folder.py).

`update=True` (`build --update`) keeps the documents of the previous build in that folder and
adds PATHS to them: a document already there (same name and content, or the same content under
another name) is not read again, a changed one replaces its own facts, a new one is added. The
graph is then rebuilt from the facts of all of them (fact_cache.py says why), so it is the graph
a full build over the same documents gives.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from cadregraph.documents import Document, DocumentError
from cadregraph.graph.formats import get_format
from cadregraph.graph.iris import Iris
from cadregraph.graph.fastgraph import fast_graph
from cadregraph.graph.fastwrite import serialize_streamed as serialize
from cadregraph.graph.store import check_store_folder, save_store
from cadregraph.pipeline import Corpus, build_graph, bundled_seeds, extract_corpus

from .fact_cache import CACHE_NAME, CacheError, DocumentFacts, FactCache, code_fingerprint, dump_cache, load_cache
from .output_folder import MANIFEST, OutputFolderError, check_output_folder, write_outputs
from .doc_pages import text_of_page
from .overview import page_name, view_pages
from .view import render_view

__all__ = ["MANIFEST", "BuildSummary", "OutputFolderError", "check_output_folder", "run_build"]

PROGRESS_THRESHOLD = 50
WARNINGS_SHOWN = 10     # the summary stays on one screen: more warnings are counted


@dataclass
class BuildSummary:
    documents: int
    officials: int = 0
    posts: int = 0
    observations: int = 0
    triples: int = 0
    files: list[Path] = field(default_factory=list)
    failures: list[DocumentError] = field(default_factory=list)
    update: dict[str, int] | None = None     # build --update: added, replaced, unchanged
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # read, with a repair: "file: what was repaired"
    stopped: bool = False                    # --strict: stopped at the first failure, wrote nothing

    def text(self) -> str:
        lines = [
            f"documents:    {self.documents}",
            f"officials:    {self.officials}",
            f"posts:        {self.posts}",
            f"observations: {self.observations}",
            f"triples:      {self.triples}",
        ]
        if self.update is not None:
            lines.append("update:       " + ", ".join(f"{n} {k}" for k, n in self.update.items()))
            lines += [f"  kept: {s}" for s in self.skipped]
        lines += _written(self.files)
        if self.stopped:
            lines.append("stopped at the first file that failed (--strict); no output was written")
        lines += [f"  warning: {w}" for w in self.warnings[:WARNINGS_SHOWN]]
        if len(self.warnings) > WARNINGS_SHOWN:
            lines.append(f"  … and {len(self.warnings) - WARNINGS_SHOWN} more warnings (files read with a repair)")
        # Failures last, where a user scrolling a long run looks first.
        lines.append(f"files failed: {len(self.failures)}")
        lines += [f"  failed: {f}" for f in self.failures]
        return "\n".join(lines)


def _written(files: list[Path]) -> list[str]:
    """One line per graph file and one for the view: the pages under view/ are counted, not
    listed (a big corpus has thousands)."""
    pages = [p for p in files if "view" in p.parts[:-1] and p.suffix == ".html"]
    lines = [f"wrote {p}" for p in files if p not in set(pages)]
    if pages:
        kinds = {}
        for p in pages:
            kinds[p.parent.name] = kinds.get(p.parent.name, 0) + 1
        folder = pages[0].parents[1]
        lines.append(f"wrote {folder}/: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + " pages")
    return lines


def run_build(paths: list[Path], out_dir: Path, base: str, identity_file: Path | None = None,
              strict: bool = False, force: bool = False, formats: Sequence[str] = ("turtle",),
              store: Path | None = None, update: bool = False, workers: int | None = None) -> BuildSummary:
    """`formats`: graph files to write (turtle, ntriples, trig, nquads, jsonld); `store`: also
    write the graph into an Oxigraph store in that folder (and build it on Oxigraph);
    `update`: add `paths` to the documents already built into `out_dir`; `workers`: processes
    that extract in parallel (None: one per CPU for a large corpus)."""
    chosen = list(dict.fromkeys(get_format(f) for f in formats))
    names = [f.file_name for f in chosen] + ["view.html"]
    check_output_folder(out_dir, names + [CACHE_NAME], force)
    if store is not None:
        check_store_folder(store)
    fingerprint = code_fingerprint()
    previous = _previous_build(out_dir, base, fingerprint) if update else None
    if not update:
        paths = paths or [bundled_seeds()]

    def progress(files):
        return tqdm(files, desc="documents", unit="doc", disable=None if len(files) > PROGRESS_THRESHOLD else True)

    corpus = extract_corpus(paths, progress=progress, strict=strict,
                            skip=_already_built(previous) if previous else None, workers=workers)
    if strict and corpus.failures:
        return BuildSummary(documents=len(corpus.documents), failures=corpus.failures, stopped=True)
    cache = _merged(previous, corpus, base, fingerprint)
    documents, facts = _canonical(cache)
    g = build_graph(Corpus(documents=documents, facts=facts), base=base, identity_file=identity_file,
                    graph=fast_graph())
    outputs = {f.file_name: serialize(g, f, base=base) for f in chosen}
    # one page, or an overview and focused pages for a big graph; a page per document
    texts = {d.doc_id: d.text for d in documents if d.text}
    if previous is not None:
        texts.update(_previous_texts(out_dir, base, [d for d in documents if not d.text]))
    outputs.update(view_pages(g, render_view, texts=texts))
    outputs[CACHE_NAME] = dump_cache(cache)
    written = [p for p in write_outputs(out_dir, outputs) if p.name != CACHE_NAME]
    if store is not None:
        save_store(g, store, base=base)
        written.append(store)
    return _summary(g, documents, written, corpus, previous)


def _previous_texts(out_dir: Path, base: str, documents: list[Document]) -> dict[str, str]:
    """The texts of documents an update did not read again (the fact cache keeps no text),
    from their pages of the previous build, so their pages are rebuilt with the new graph's
    facts and labels."""
    texts = {}
    for doc in documents:
        path = out_dir / page_name("docs", str(Iris(base).document(doc.doc_id)))
        text = text_of_page(path.read_bytes()) if path.is_file() else None
        if text is not None:
            texts[doc.doc_id] = text
    return texts


def _previous_build(out_dir: Path, base: str, fingerprint: str) -> FactCache:
    try:
        cache = load_cache(out_dir / CACHE_NAME)
    except CacheError as exc:
        raise OutputFolderError(str(exc)) from None
    if cache.base != base:
        raise OutputFolderError(f"{out_dir}: was built with --base {cache.base}; pass the same --base to update it")
    if cache.fingerprint != fingerprint:
        raise OutputFolderError(
            f"{out_dir}: was built by another version of cadregraph's readers or extractors, whose facts "
            "would differ from this version's; rebuild it without --update from all its documents")
    return cache


def _already_built(previous: FactCache) -> Callable[[Document], str | None]:
    by_hash = previous.by_hash()

    def skip(doc: Document) -> str | None:
        old = previous.entries.get(doc.doc_id)
        if old is not None and _same_document(old.document, doc):
            return f"{doc.name}: unchanged"
        owner = by_hash.get(doc.sha256)
        if owner is not None and owner != doc.doc_id:
            return f"{doc.name}: same content as {previous.entries[owner].document.name}, already in the graph"
        return None
    return skip


def _same_document(a: Document, b: Document) -> bool:
    """Same content and metadata (where the file lies now does not matter)."""
    ignore = {"text": "", "path": Path()}
    return dataclasses.replace(a, **ignore) == dataclasses.replace(b, **ignore)


def _merged(previous: FactCache | None, corpus: Corpus, base: str, fingerprint: str) -> FactCache:
    cache = FactCache(base, fingerprint, dict(previous.entries) if previous else {})
    for doc in corpus.documents:
        cache.entries[doc.doc_id] = DocumentFacts(doc, corpus.facts_of[doc.doc_id])
    return cache


def _canonical(cache: FactCache) -> tuple[list[Document], list]:
    """Documents by name and each one's facts in extraction order: the same set of documents
    gives the same build whichever run added them."""
    entries = [cache.entries[k] for k in sorted(cache.entries)]
    return [e.document for e in entries], [f for e in entries for f in e.facts]


def _summary(g, documents: list[Document], written: list[Path], corpus: Corpus,
             previous: FactCache | None) -> BuildSummary:
    from rdflib.namespace import FOAF, ORG

    from cadregraph.graph.namespaces import CG

    update = None
    if previous is not None:
        replaced = sum(1 for d in corpus.documents if d.doc_id in previous.entries)
        update = {"added": len(corpus.documents) - replaced, "replaced": replaced, "unchanged": len(corpus.skipped)}
    return BuildSummary(
        documents=len(documents),
        officials=_count_of_type(g, FOAF.Person),
        posts=_count_of_type(g, ORG.Post),
        observations=_count_of_type(g, CG.PostObservation),
        triples=len(g),
        files=written,
        failures=corpus.failures,
        update=update,
        skipped=[reason for _doc, reason in corpus.skipped],
        warnings=[f"{d.path}: {w}" for d in corpus.documents for w in d.warnings],
    )


def _count_of_type(g, cls) -> int:
    """Resources of a class, counted by the store (Oxigraph counts without making a Python
    term per resource, which costs seconds in a large build)."""
    rows = list(g.query(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a {cls.n3()} }}"))
    return int(rows[0][0])
