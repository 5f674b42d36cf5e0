"""The stages the benchmark times, each run by `run.py` in a process of its own.

Every stage returns a dict with its measure(s) and what it produced (documents, bytes,
triples). Stages call the library the way `cadregraph build` does; the references (one
combined regex pass, jieba.posseg) read the same texts from memory.
"""
from __future__ import annotations

import gc
import gzip
import inspect
import json
import pickle
import tempfile
from pathlib import Path

from meter import Meter


def _extract(corpus_dir: Path, workers: int):
    from cadregraph.pipeline import extract_corpus

    if "workers" in inspect.signature(extract_corpus).parameters:
        return extract_corpus([corpus_dir], workers=workers)
    return extract_corpus([corpus_dir])


def _sizes(corpus) -> dict:
    return {"docs": len(corpus.documents), "bytes": sum(len(d.text.encode("utf-8")) for d in corpus.documents),
            "facts": len(corpus.facts), "failures": len(corpus.failures)}


def stage_extract(corpus_dir: Path, workers: int, cache: Path | None) -> dict:
    with Meter() as m:
        corpus = _extract(corpus_dir, workers)
    if cache is not None:
        gc.disable()          # pickling a large corpus is not part of the stage; keep it quick
        with open(cache, "wb") as handle:
            pickle.dump(corpus, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return {**_sizes(corpus), "extract": m.as_dict()}


def stage_build(corpus_dir: Path, workers: int, out_dir: Path) -> dict:
    """End to end, as `cadregraph build --workers N` runs it."""
    from cadregraph.graph.namespaces import DEFAULT_BASE
    from cadregraph.outputs.build_outputs import run_build

    kwargs = {"workers": workers} if "workers" in inspect.signature(run_build).parameters else {}
    with Meter() as m:
        summary = run_build([corpus_dir], out_dir, base=DEFAULT_BASE, force=True, **kwargs)
    files = sorted(str(p.relative_to(out_dir)) for p in out_dir.rglob("*") if p.is_file())
    # the documents' text as the build read it (UTF-8), kept beside the shards
    texts = sum(len(gzip.decompress(p.read_bytes())) for p in (out_dir / ".cadregraph-build" / "shards").glob("*.txt.gz"))
    return {"triples": summary.triples, "docs": summary.documents, "bytes": texts, "build": m.as_dict(), "files": len(files),
            "steps": getattr(summary, "steps", {})}


def stage_extractors(corpus_dir: Path) -> dict:
    """Seconds each extractor spends on the corpus (one process), and reading + preparing."""
    import time

    from cadregraph.documents import find_document_paths, read_document
    from cadregraph.extractors import EXTRACTORS
    from cadregraph.extractors.prepare import prepare
    from cadregraph.pipeline import _extractors

    extractors = _extractors(EXTRACTORS)
    spent = {"read+prepare": 0.0, **{type(e).__name__: 0.0 for e in extractors}}
    size = docs = 0
    for path in find_document_paths([corpus_dir]):
        t0 = time.process_time()
        doc = read_document(path)
        prepared = prepare(doc)
        spent["read+prepare"] += time.process_time() - t0
        size += len(doc.text.encode("utf-8"))
        docs += 1
        for e in extractors:
            t0 = time.process_time()
            for _ in e.extract(prepared):
                pass
            spent[type(e).__name__] += time.process_time() - t0
    return {"docs": docs, "bytes": size, "extractors": {k: round(v, 3) for k, v in spent.items()}}


def stage_regex(corpus_dir: Path, sample_bytes: int) -> dict:
    from references import combined_pattern, corpus_texts

    texts = corpus_texts(corpus_dir, limit_bytes=sample_bytes)
    pattern, parts = combined_pattern()
    with Meter() as m:
        matches = sum(1 for text in texts for _ in pattern.finditer(text))
    return {"docs": len(texts), "bytes": sum(len(t.encode("utf-8")) for t in texts), "matches": matches,
            "patterns": parts, "regex": m.as_dict()}


def stage_jieba(corpus_dir: Path, sample_bytes: int) -> dict:
    from references import corpus_texts, jieba_tagger

    texts = corpus_texts(corpus_dir, limit_bytes=sample_bytes)
    tag = jieba_tagger()
    with Meter() as m:
        tokens = sum(1 for text in texts for _ in tag(text))
    return {"docs": len(texts), "bytes": sum(len(t.encode("utf-8")) for t in texts), "tokens": tokens,
            "jieba": m.as_dict()}


def stage_browser(page: Path) -> dict:
    from references import open_and_draw

    return {"browser": open_and_draw(page)}


def run_stage(args) -> dict:
    corpus = Path(args.corpus) if args.corpus else None
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="cadregraph-bench-"))
    cache = Path(args.cache) if args.cache else None
    if args.stage == "extract":
        return stage_extract(corpus, args.workers, cache)
    if args.stage == "build":
        return stage_build(corpus, args.workers, out)
    if args.stage == "extractors":
        return stage_extractors(corpus)
    if args.stage == "regex":
        return stage_regex(corpus, args.regex_bytes)
    if args.stage == "jieba":
        return stage_jieba(corpus, args.jieba_bytes)
    if args.stage == "browser":
        return stage_browser(Path(args.page))
    raise SystemExit(f"unknown stage {args.stage}")


def main_stage(args) -> None:
    print(json.dumps(run_stage(args)))
