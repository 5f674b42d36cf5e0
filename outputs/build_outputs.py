"""`cadregraph build`: the corpus in; graph file(s) and view.html out, written as one set into
a folder that is new, empty, or one cadregraph wrote before (output_folder.py).

The build streams (DESIGN §7): each document becomes its own shard — its named graph as
gzipped N-Quads — written by the process that extracted it, with its compact rows in the
corpus table (cadregraph/stream.py, graph/shard.py, graph/corpus_table.py); the corpus pass
writes the shared graph from those rows (graph/shared.py); the outputs asked for are streamed
from the shards (stream_outputs.py). Shards and table live in OUT/.cadregraph-build/.

`update=True` (`build --update`) keeps them: a document already there (same name and content,
or the same content under another name) is not read again, a changed one replaces its shard
and rows, a new one is added; the corpus pass and the outputs then run as in a full build, so
the bytes are those of a full build over the same documents.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
import gc
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from tqdm import tqdm

from cadregraph.documents import Document, DocumentError, find_document_paths
from cadregraph.graph.corpus_table import CorpusTable, document_meta
from cadregraph.graph.formats import get_format
from cadregraph.graph.iris import Iris
from cadregraph.graph.shared import shared_graph
from cadregraph.graph.store import check_store_folder
from cadregraph.pipeline import bundled_seeds, choose_workers
from cadregraph.stream import ShardTexts, outcomes, shard_name, text_name, write_gzip_lines

from .atomic import TEMP_PREFIX, discard
from .background import Steps
from .forked import in_child
from .fact_cache import code_fingerprint
from .output_folder import MANIFEST, OutputFolderError, check_output_folder, staged_path, write_outputs
from .overview import PAGES, needs_overview, view_phases
from .parallel_pages import staged_pages
from .overview_data import ShardRows
from .stream_outputs import concatenate, load_store, union_graph, union_triples, write_format
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
    steps: dict[str, float] = field(default_factory=dict)   # wall seconds of each step (the benchmark prints them)

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
    listed = set(pages)      # once: a set per file made this quadratic (1 s at 1,000 documents)
    lines = [f"wrote {p}" for p in files if p not in listed]
    if pages:
        kinds = {}
        for p in pages:
            kinds[p.parent.name] = kinds.get(p.parent.name, 0) + 1
        folder = pages[0].parents[1]
        lines.append(f"wrote {folder}/: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + " pages")
    return lines


STATE = ".cadregraph-build"          # shards/ and corpus.sqlite: what --update keeps
SHARED = "shared.nq.gz"


def run_build(paths: list[Path], out_dir: Path, base: str, identity_file: Path | None = None,
              strict: bool = False, force: bool = False, formats: Sequence[str] = ("turtle",),
              store: Path | None = None, update: bool = False, workers: int | None = None,
              scheduler=None) -> BuildSummary:
    """`formats`: graph files to write (turtle, ntriples, trig, nquads, jsonld); `store`: also
    write the graph into an Oxigraph store in that folder; `update`: add `paths` to the
    documents already built into `out_dir`; `workers`: processes that extract and write shards
    in parallel (None: one per CPU for a large corpus); `scheduler`: the address of a Dask
    distributed scheduler (or a distributed.Client) to map the documents over instead."""
    chosen = list(dict.fromkeys(get_format(f) for f in formats))
    names = [f.file_name for f in chosen] + ["view.html"]
    check_output_folder(out_dir, names, force)
    if store is not None:
        check_store_folder(store)
    fingerprint = code_fingerprint()
    state = out_dir / STATE
    _recover_state(out_dir)
    if update:
        _previous_build(state, base, fingerprint).close()
    else:
        paths = paths or [bundled_seeds()]
    iris = Iris(base)       # checks the base before any work
    files = find_document_paths(paths)
    # Every build, an update too, works in a new state folder beside the old one and swaps it
    # in at the end: an update that fails or is killed leaves the previous build's shards and
    # table as they were (an update that edited them in place could leave a changed shard
    # beside outputs that do not show it).
    new_state = out_dir / (STATE + ".new")
    created = not out_dir.exists()       # a build that writes nothing leaves no folder behind
    try:
        shutil.rmtree(new_state, ignore_errors=True)
        (new_state / "shards").mkdir(parents=True)
        if update:
            _carry_over(state, new_state)
            table = CorpusTable(new_state / "corpus.sqlite")
        else:
            table = CorpusTable(new_state / "corpus.sqlite")
            table.set_meta(base=base, fingerprint=fingerprint)
        clock = time.perf_counter()
        run = _map(files, new_state / "shards", table, base, strict, update, workers, scheduler)
        steps = {"documents → shards": time.perf_counter() - clock}
        if (strict and run.failures) or not (run.added or run.skipped or table.count("SELECT count(*) FROM documents")):
            table.close()
            shutil.rmtree(new_state, ignore_errors=True)
            _remove_if_empty(out_dir, created)
            return BuildSummary(documents=len(run.added), failures=run.failures, stopped=strict and bool(run.failures))
        table.commit()
        doc_ids = sorted(table.documents())
        shas = dict(table.db.execute("SELECT doc_id, sha256 FROM documents"))
        triples = table.count("SELECT sum(triples) FROM documents")
        table.close()
        clock = time.perf_counter()
        # in a child process: its peak (every mention of the corpus, the identity pass) would
        # otherwise stay with this process through the outputs
        shared = in_child(partial(_corpus_pass, new_state, iris, identity_file), new_state, "the corpus pass")
        steps["corpus pass"] = time.perf_counter() - clock
        triples += shared.triples
        inputs = [new_state / "shards" / shard_name(d, shas[d]) for d in doc_ids] + [new_state / SHARED]
        clock = time.perf_counter()
        written = _write(out_dir, inputs, chosen, store, triples, ShardTexts(new_state / "shards", shas),
                         workers=choose_workers(workers, len(doc_ids)))
        steps["graph files + view"] = time.perf_counter() - clock
    except BaseException:
        shutil.rmtree(new_state, ignore_errors=True)
        _remove_if_empty(out_dir, created)
        raise
    _swap_state(out_dir, new_state)     # the outputs are in: the state they came from replaces the old
    return BuildSummary(documents=len(doc_ids), officials=shared.officials, posts=shared.posts,
                        observations=shared.observations, triples=triples, files=written,
                        failures=run.failures, update=run.update_counts() if update else None,
                        skipped=run.skipped, warnings=run.warnings, steps=steps)


OLD = STATE + ".old"


@dataclass
class SharedCounts:
    officials: int
    posts: int
    observations: int
    triples: int


def _corpus_pass(state: Path, iris: Iris, identity_file: Path | None) -> SharedCounts:
    """The shared graph written from the corpus table of `state`, and what it counted."""
    table = CorpusTable(state / "corpus.sqlite")
    try:
        shared = shared_graph(table, iris, identity_file)
        write_gzip_lines(state / SHARED, shared.lines())
        return SharedCounts(shared.officials, shared.posts, shared.observations, len(shared))
    finally:
        table.close()


def _carry_over(state: Path, new_state: Path) -> None:
    """The previous build's table (copied: SQLite edits a file in place) and shards (hard
    links: a shard is replaced by writing a new file and renaming it, never edited, so a link
    keeps the old one intact) in the new state folder, for an update to edit."""
    shutil.copyfile(state / "corpus.sqlite", new_state / "corpus.sqlite")
    for path in (state / "shards").iterdir():
        if path.name.endswith((".nq.gz", ".txt.gz")):
            try:
                os.link(path, new_state / "shards" / path.name)
            except OSError:          # a file system without hard links
                shutil.copyfile(path, new_state / "shards" / path.name)


def _swap_state(out_dir: Path, new_state: Path) -> None:
    """The new state in the place of the old: the old is renamed aside first, so there is
    always one whole state folder (`_recover_state` puts the old back if a kill came between
    the two renames)."""
    state, old = out_dir / STATE, out_dir / OLD
    shutil.rmtree(old, ignore_errors=True)
    if state.exists():
        state.rename(old)
    new_state.rename(state)
    shutil.rmtree(old, ignore_errors=True)


def _recover_state(out_dir: Path) -> None:
    """After a build killed while swapping its state in: the previous state, if it is the only
    whole one; a leftover old state or half-made new one is removed."""
    state, old = out_dir / STATE, out_dir / OLD
    if not state.exists() and old.exists():
        old.rename(state)
    shutil.rmtree(old, ignore_errors=True)
    _remove_leftovers(out_dir)


def _remove_leftovers(out_dir: Path) -> None:
    """What a killed build left in the folder besides its state: its work folder (the whole
    graph as one N-Quads file, the view's rows) and pages staged but never renamed into place,
    anywhere under the view's folder. Only cadregraph's own names are touched."""
    if not out_dir.is_dir():
        return
    for work in out_dir.glob(STATE + ".work-*"):
        shutil.rmtree(work, ignore_errors=True)
    pages = out_dir / PAGES
    if pages.is_dir():
        for path in pages.rglob(TEMP_PREFIX + "*"):
            discard(path)


def _remove_if_empty(folder: Path, created: bool) -> None:
    if created and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


@dataclass
class _Run:
    added: list[str] = field(default_factory=list)
    replaced: int = 0
    skipped: list[str] = field(default_factory=list)
    failures: list[DocumentError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def update_counts(self) -> dict[str, int]:
        return {"added": len(self.added) - self.replaced, "replaced": self.replaced, "unchanged": len(self.skipped)}


def _map(files, shard_dir: Path, table: CorpusTable, base: str, strict: bool, update: bool,
         workers, scheduler) -> _Run:
    run = _Run()
    previous = table.documents() if update else {}
    skip = _already_built(previous) if update else None
    seen: dict[str, Path] = {}
    n = 1 if scheduler else choose_workers(workers, len(files))

    def progress(items):
        return tqdm(items, desc="documents", unit="doc", disable=None if len(items) > PROGRESS_THRESHOLD else True)

    with outcomes(files, shard_dir, base, skip, workers=n, scheduler=scheduler) as found:
        for path, o in zip(progress(files), found):
            if o.doc is not None and o.kind != "failed":
                if o.doc.doc_id in seen:
                    if o.kind == "ok" and (o.doc.doc_id not in previous
                                           or previous[o.doc.doc_id]["sha256"] != o.doc.sha256):
                        (shard_dir / shard_name(o.doc.doc_id, o.doc.sha256)).unlink(missing_ok=True)
                        (shard_dir / text_name(o.doc.doc_id, o.doc.sha256)).unlink(missing_ok=True)
                    o.kind, o.payload = "failed", DocumentError(
                        path, f"has the same name as {seen[o.doc.doc_id]}; document names must be unique")
                else:
                    seen[o.doc.doc_id] = path
            if o.kind == "failed":
                run.failures.append(o.payload)
                if strict:
                    break
            elif o.kind == "skipped":
                run.skipped.append(o.payload)
            else:
                old = previous.get(o.doc.doc_id)
                if old is not None:
                    run.replaced += 1
                    if old["sha256"] != o.doc.sha256:
                        (shard_dir / shard_name(o.doc.doc_id, old["sha256"])).unlink(missing_ok=True)
                        (shard_dir / text_name(o.doc.doc_id, old["sha256"])).unlink(missing_ok=True)
                rows, triples = o.payload
                table.add(o.doc, rows, triples)
                run.added.append(o.doc.doc_id)
                run.warnings += [f"{path}: {w}" for w in o.doc.warnings]
    return run


# Up to this many triples the view reads an in-memory copy of the graph (Oxigraph holds a
# triple in ~100 bytes); above it, the store on disk.
VIEW_IN_MEMORY = 3_000_000


def _write(out_dir: Path, inputs: list[Path], chosen, store: Path | None, triples: int,
           texts: ShardTexts, workers: int = 1) -> list[Path]:
    outputs: dict[str, bytes | Path] = {}
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=STATE + ".work-", dir=out_dir))
    ox_store = g = None
    steps = Steps(parallel=workers > 1)
    try:
        nquads = work / "all.nq"
        files = [(fmt, staged_path(out_dir, fmt.file_name)) for fmt in chosen if fmt.name != "jsonld"]
        outputs.update((fmt.file_name, target) for fmt, target in files)
        wants_jsonld = any(f.name == "jsonld" for f in chosen)
        if store is None and not wants_jsonld:
            # nothing here may need the N-Quads file but the graph files (and the single page
            # of a small graph, which waits for them and makes it if they did not): made
            # beside the view's rows
            steps.run("writing " + (", ".join(fmt.file_name for fmt, _ in files) or "the N-Quads file"),
                      _graph_files, inputs, nquads, files)
        else:
            concatenate(inputs, nquads)
            for fmt, target in files:
                steps.run(f"writing {fmt.file_name}", write_format, nquads, fmt, target)
        # The overview reads the shards a batch at a time (overview_data.ShardRows), its fact
        # rows kept on disk in the work folder; the whole graph is loaded only for what needs
        # it: --store, JSON-LD, or the single page of a small graph.
        rows = ShardRows(inputs[:-1], inputs[-1], work / "view-rows.sqlite", workers=workers)
        overview = needs_overview(rows)
        if store is not None:
            ox_store = load_store(nquads, store)
        if ox_store is None and (wants_jsonld or not overview):
            steps.wait()          # the N-Quads file is complete
            if not nquads.exists():
                concatenate(inputs, nquads)     # the graph files were written from triples alone
            ox_store = load_store(nquads, None if triples <= VIEW_IN_MEMORY else work / "store")
        g = union_graph(ox_store) if ox_store is not None else None
        if wants_jsonld:
            from cadregraph.graph.jsonld import to_jsonld

            outputs["graph.jsonld"] = to_jsonld(g)
        # one page, or an overview and focused pages for a big graph; a page per document.
        # Each page goes to its temporary file as soon as it is made: the pages of a corpus
        # (each document page holds the document's text) are never all in memory.
        for name, path in staged_pages(view_phases(rows if overview else g, render_view, texts=texts), out_dir, workers):
            if isinstance(outputs.get(name), Path):
                discard(outputs[name])
            outputs[name] = path
        ox_store = g = rows = None
        gc.collect()          # close the store (its lock) before anyone opens the folder again
        steps.wait()
        written = write_outputs(out_dir, outputs)
    finally:
        steps.stop()
        ox_store = g = None
        gc.collect()
        for value in outputs.values():
            if isinstance(value, Path) and value.exists():
                value.unlink()
        shutil.rmtree(work, ignore_errors=True)
    if store is not None:
        written.append(store)
    return written


def _graph_files(inputs: list[Path], nquads: Path, files: list) -> None:
    """The shards as one N-Quads file (one N-Triples file if no format of `files` keeps named
    graphs), then each graph file of `files` ([(format, target)])."""
    if files and not any(fmt.named_graphs for fmt, _ in files):
        source = union_triples(inputs, nquads.with_suffix(".nt"))
    else:
        source = concatenate(inputs, nquads)
    for fmt, target in files:
        write_format(source, fmt, target)


def _previous_build(state: Path, base: str, fingerprint: str) -> CorpusTable:
    if not (state / "corpus.sqlite").exists():
        raise OutputFolderError(f"{state.parent}: no previous build here; build this folder without --update first")
    try:
        table = CorpusTable(state / "corpus.sqlite")
        meta = table.meta()
    except Exception as exc:  # noqa: BLE001 - sqlite3 raises several kinds
        raise OutputFolderError(f"{state.parent}: the build's corpus table is damaged ({exc}); "
                                "rebuild without --update") from None
    if meta.get("base") != base:
        table.close()
        raise OutputFolderError(f"{state.parent}: was built with --base {meta.get('base')}; "
                                "pass the same --base to update it")
    if meta.get("fingerprint") != fingerprint:
        table.close()
        raise OutputFolderError(
            f"{state.parent}: was built by another version of cadregraph's readers or extractors, whose facts "
            "would differ from this version's; rebuild it without --update from all its documents")
    return table


def _already_built(previous: dict[str, dict]):
    by_hash = {meta["sha256"]: doc_id for doc_id, meta in sorted(previous.items())}

    def skip(doc: Document) -> str | None:
        old = previous.get(doc.doc_id)
        if old is not None and old == document_meta(doc):
            return f"{doc.name}: unchanged"
        owner = by_hash.get(doc.sha256)
        if owner is not None and owner != doc.doc_id:
            return f"{doc.name}: same content as {previous[owner]['name']}, already in the graph"
        return None
    return skip
