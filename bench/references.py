"""Reference points for the benchmark, over the same texts our build reads:

- one pass of a single combined `regex` pattern — one alternative per kind of fact (posts and
  names, figures, quoted slogans, projects; bench/data/reference_patterns.tsv), the practical
  upper limit of a regex extractor: it only finds matches, and builds nothing;
- `jieba.posseg` part-of-speech tagging — what a user would reach for to find names (`nr`);
- the time a browser needs to open and draw a view page.
"""
from __future__ import annotations

import time
from pathlib import Path

import regex

DATA = Path(__file__).parent / "data"


def corpus_texts(corpus_dir: Path, limit_bytes: int | None = None) -> list[str]:
    """Decoded texts of the corpus in reading order; with `limit_bytes`, the first documents
    up to that size (a deterministic sample)."""
    from cadregraph.documents import find_document_paths, read_document

    texts, size = [], 0
    for path in find_document_paths([corpus_dir]):
        text = read_document(path).text
        texts.append(text)
        size += len(text.encode("utf-8"))
        if limit_bytes is not None and size >= limit_bytes:
            break
    return texts


def combined_pattern() -> tuple[regex.Pattern, int]:
    """(the alternation of bench/data/reference_patterns.tsv, how many alternatives)."""
    from cadregraph.extractors.gazetteer import gazetteer
    from cadregraph.extractors.lexicon import alternation, table

    lines = [ln for ln in (DATA / "reference_patterns.tsv").read_text("utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")][1:]
    places = alternation(gazetteer().by_written)
    roles = alternation(row["label"] for row in table("roles.tsv"))
    parts = [ln.split("\t", 1)[1].replace("{places}", places).replace("{roles}", roles) for ln in lines]
    return regex.compile("|".join(f"(?:{p})" for p in parts), regex.V1), len(parts)


def jieba_tagger():
    """jieba.posseg.cut, with its dictionary loaded beforehand (loading is not tagging)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    list(jieba.posseg.cut("璧山区委书记江志斌表示"))
    return jieba.posseg.cut


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def open_and_draw(page_path: Path, runs: int = 3) -> dict:
    """Milliseconds from navigation until the page has built its network
    (`window.cadregraph.ready`) and painted two animation frames after it, best and median of
    `runs` cold opens, each in a fresh browser context."""
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1600, "height": 1000})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(page_path.resolve().as_uri(), wait_until="load")
                page.wait_for_function("window.cadregraph && window.cadregraph.ready === true", timeout=120_000)
                page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                timings.append((time.perf_counter() - start) * 1000)
                nodes = page.evaluate("window.cadregraph.network ? "
                                      "Object.keys(window.cadregraph.network.body.nodes).length : null")
                context.close()
        finally:
            browser.close()
    timings.sort()
    return {"best_ms": timings[0], "median_ms": timings[len(timings) // 2], "nodes": nodes,
            "page_bytes": page_path.stat().st_size}
