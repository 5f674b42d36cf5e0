"""The benchmark's table, the ratios to the reference points, and the targets of issues 8 and 16."""
from __future__ import annotations

MB = 1e6
TARGET_MB_S = 2.0
TARGET_JIEBA_RATIO = 15.0
TARGET_LINEAR = 11.0
TARGET_BYTES_PER_TRIPLE = 1024
TARGET_PARALLEL = 1.7
TARGET_OPEN_MS = 3000
# issue 16: the streaming build
TARGET_STREAM_MB_S = 0.5
TARGET_STREAM_PARALLEL = 1.8
TARGET_TRIPLES_PER_KB = 130
TARGET_PEAK_10K = 1e9
TARGET_PEAK_100K = 3e9

COLUMNS = ("corpus", "stage", "docs", "MB", "wall s", "cpu s", "docs/s", "MB/s", "triples/s", "peak MB", "+MB")


def _num(x: float, digits: int = 2) -> str:
    if x >= 1000:
        return f"{x:,.0f}"
    if x >= 100:
        return f"{x:.0f}"
    return f"{x:.{digits}f}"


def _row(label, name, measure, docs, size, triples) -> list[str]:
    wall = measure["wall"] or 1e-9
    return [label, name, f"{docs:,}", _num(size / MB), _num(measure["wall"]), _num(measure["cpu"]),
            _num(docs / wall), _num(size / MB / wall), _num(triples / wall) if triples else "—",
            _num(measure["peak_rss"] / MB, 0), _num(measure["delta_rss"] / MB, 0)]


def rows_of(r: dict, workers: int) -> list[list[str]]:
    label = r["label"]
    ex1, out = r.get("extract_1", {}), r.get("outputs", {})
    # A run of only the build stages (e.g. --only build_n at 100,000) has no extraction
    # stage to count the corpus, but each build stage measured it too.
    counted = next((p for p in (ex1, r.get("build_1", {}), r.get("build_n", {})) if p.get("docs")), {})
    docs, size = counted.get("docs", 0), counted.get("bytes", 0)
    triples = r.get("build_1", {}).get("triples") or out.get("triples", 0)
    rows = []

    def add(name, part, key, d=docs, s=size, t=triples):
        if "error" in part:
            rows.append([label, name, "error: " + part["error"][:90]] + [""] * 8)
        elif key in part:
            rows.append(_row(label, name, part[key], d, s, t))

    add("extraction, 1 worker", ex1, "extract")
    add(f"extraction, {workers} workers", r.get("extract_n", {}), "extract")
    add("graph building", out, "graph")
    add("Turtle writing", out, "turtle")
    add(f"view ({out.get('view', {}).get('pages', 0)} pages)", out, "view")
    b1, bn = r.get("build_1", {}), r.get("build_n", {})
    add("END TO END, 1 worker", b1, "build", t=b1.get("triples", triples))
    add(f"end to end, {workers} workers", bn, "build", t=bn.get("triples", triples))
    rx, jb = r.get("regex", {}), r.get("jieba", {})
    add(f"ref: one combined regex ({rx.get('patterns', '?')} patterns, {rx.get('bytes', 0) / MB:.1f} MB)", rx, "regex",
        d=rx.get("docs", 0), s=rx.get("bytes", 0), t=0)
    add(f"ref: jieba.posseg ({jb.get('bytes', 0) / MB:.1f} MB sample)", jb, "jieba",
        d=jb.get("docs", 0), s=jb.get("bytes", 0), t=0)
    return rows


def mb_s(part: dict, key: str, size: float | None = None) -> float | None:
    if not part or key not in part or "error" in part:
        return None
    size = part.get("bytes") if size is None else size
    return size / MB / part[key]["wall"] if size else None


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in rows + [list(COLUMNS)]) for i in range(len(COLUMNS))]
    line = lambda cells: "  ".join(  # noqa: E731
        str(c).ljust(w) if i < 2 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    print(line(COLUMNS))
    print("  ".join("-" * w for w in widths))
    previous = None
    for row in rows:
        if previous is not None and row[0] != previous:
            print()
        print(line(row))
        previous = row[0]


def ratios(r: dict) -> dict:
    size = r.get("extract_1", {}).get("bytes", 0)
    e2e = mb_s(r.get("build_1"), "build", size)
    ex = mb_s(r.get("extract_1"), "extract")
    rx, jb = mb_s(r.get("regex"), "regex"), mb_s(r.get("jieba"), "jieba")
    out = {"e2e": e2e, "extract": ex, "regex": rx, "jieba": jb}
    if e2e and rx:
        out["e2e/regex"] = e2e / rx
    if e2e and jb:
        out["e2e/jieba"] = e2e / jb
    if ex and jb:
        out["extract/jieba"] = ex / jb
    return out


def targets(results: list[dict]) -> list[tuple[str, bool | None, str]]:
    synthetic = [r for r in results if r["label"].startswith("synthetic")]
    if not synthetic:
        return []
    big = synthetic[-1]
    q = ratios(big)
    checks = []
    e2e = q.get("e2e")
    checks.append(("end-to-end ≥ 2 MB/s on one core", None if e2e is None else e2e >= TARGET_MB_S,
                   f"{e2e:.2f} MB/s" if e2e else "n/a"))
    ratio = q.get("e2e/jieba")
    checks.append(("end-to-end ≥ 15× jieba.posseg", None if ratio is None else ratio >= TARGET_JIEBA_RATIO,
                   f"{ratio:.1f}×" if ratio else "n/a"))
    by_size = {r["label"]: r for r in synthetic}
    small, large = by_size.get("synthetic 1,000"), by_size.get("synthetic 10,000")
    if small and large and "build" in small.get("build_1", {}) and "build" in large.get("build_1", {}):
        growth = large["build_1"]["build"]["wall"] / small["build_1"]["build"]["wall"]
        checks.append(("linear: 10,000 docs ≤ 11× the time of 1,000", growth <= TARGET_LINEAR, f"{growth:.1f}×"))
    b1 = big.get("build_1", {})
    if "build" in b1 and b1.get("triples"):
        per = b1["build"]["peak_rss"] / b1["triples"]
        checks.append(("peak memory ≤ 1 KB per triple (end to end)", per <= TARGET_BYTES_PER_TRIPLE,
                       f"{per:.0f} B/triple ({b1['build']['peak_rss'] / MB:,.0f} MB, {b1['triples']:,} triples)"))
    e1, en = big.get("extract_1", {}), big.get("extract_n", {})
    if "extract" in e1 and "extract" in en:
        speedup = e1["extract"]["wall"] / en["extract"]["wall"]
        checks.append(("parallel extraction ≥ 1.7× faster", speedup >= TARGET_PARALLEL, f"{speedup:.2f}×"))
    browser = big.get("browser", {})
    if "best_ms" in browser:
        checks.append((f"{browser.get('page')} opens and draws ≤ 3 s", browser["median_ms"] <= TARGET_OPEN_MS,
                       f"median {browser['median_ms']:.0f} ms, best {browser['best_ms']:.0f} ms, "
                       f"{browser.get('nodes')} nodes, {browser['page_bytes'] / MB:.1f} MB"))
    return checks + stream_targets(synthetic)


def stream_targets(synthetic: list[dict]) -> list[tuple[str, bool | None, str]]:
    """Issue 16: speed on one core and on N workers end to end, triples per KB of text, and
    peak memory for every size (≤ 1 GB at 10,000 documents, ≤ 3 GB at 100,000)."""
    checks = []
    for r in synthetic:
        size = (r.get("extract_1", {}).get("bytes") or r.get("build_1", {}).get("bytes")
                or r.get("build_n", {}).get("bytes", 0))
        b1, bn = r.get("build_1", {}), r.get("build_n", {})
        label = r["label"].replace("synthetic ", "")
        if "build" not in b1:
            if "build" in bn:       # a size measured on N workers only (--only build_n): its memory
                peak, docs = bn["build"]["peak_rss"], bn.get("docs", 0)
                limit = TARGET_PEAK_100K if docs >= 100_000 else TARGET_PEAK_10K if docs >= 10_000 else None
                checks.append((f"{label} docs: peak memory end to end on N workers" + (f" ≤ {limit / 1e9:.0f} GB" if limit else ""),
                               None if limit is None else peak <= limit, f"{peak / MB:,.0f} MB"))
            continue
        e2e = size / MB / b1["build"]["wall"] if size else 0
        checks.append((f"{label} docs: end to end ≥ {TARGET_STREAM_MB_S} MB/s on one core", e2e >= TARGET_STREAM_MB_S,
                       f"{e2e:.2f} MB/s"))
        if "build" in bn:
            speedup = b1["build"]["wall"] / bn["build"]["wall"]
            checks.append((f"{label} docs: end to end ≥ {TARGET_STREAM_PARALLEL}× on N workers",
                           speedup >= TARGET_STREAM_PARALLEL, f"{speedup:.2f}×"))
        if size and b1.get("triples"):
            per_kb = b1["triples"] / (size / 1000)
            checks.append((f"{label} docs: ≤ {TARGET_TRIPLES_PER_KB} triples per KB of text",
                           per_kb <= TARGET_TRIPLES_PER_KB, f"{per_kb:.0f} triples/KB"))
        docs = b1.get("docs", 0)
        peak = b1["build"]["peak_rss"]
        limit = TARGET_PEAK_100K if docs >= 100_000 else TARGET_PEAK_10K if docs >= 10_000 else None
        checks.append((f"{label} docs: peak memory end to end" + (f" ≤ {limit / 1e9:.0f} GB" if limit else ""),
                       None if limit is None else peak <= limit, f"{peak / MB:,.0f} MB"))
    return checks


def print_report(info: dict, results: list[dict], workers: int) -> None:
    print(f"machine: {info['cpus']} CPUs, {info['model']}, {info['memory_gb']:.0f} GB RAM, Python {info['python']}; "
          f"load average before {info['load'][0]:.2f}, after {info['load_after'][0]:.2f}")
    print("MB = 10^6 bytes of document text (UTF-8); triples/s = triples of the finished graph per second "
          "of the stage; cpu s = CPU of the stage's process and the workers it has waited for; peak = the most "
          "memory the stage's process and its workers held at once (the sum of their PSS, a shared page once; "
          "results before 2026-12-04 summed RSS); +MB = peak over what the stage started with.\n")
    for r in results:      # files written before the browser's result was unwrapped
        if isinstance(r.get("browser", {}).get("browser"), dict):
            r["browser"] = {**r["browser"]["browser"], "page": r["browser"].get("page")}
    rows = [row for r in results for row in rows_of(r, workers)]
    print_table(rows)
    print()
    for r in results:
        q = ratios(r)
        parts = [f"{key} {q[key]:.2f}×" for key in ("e2e/regex", "e2e/jieba", "extract/jieba") if key in q]
        print(f"{r['label']}: our speed as a ratio — " + ("; ".join(parts) or "n/a"))
        if "browser" in r and "median_ms" in r["browser"]:
            b = r["browser"]
            print(f"  {b['page']}: opens and draws in {b['median_ms']:.0f} ms (median of 3; best {b['best_ms']:.0f} ms), "
                  f"{b.get('nodes')} nodes")
        elif "browser" in r:
            print(f"  browser: {r['browser'].get('error')}")
    print()
    for r in results:
        for key, who in (("build_1", "1 worker"), ("build_n", f"{workers} workers")):
            steps = r.get(key, {}).get("steps")
            if steps:
                print(f"{r['label']}, end to end on {who}: " + ", ".join(f"{name} {sec:.1f} s" for name, sec in steps.items()))
    print()
    for name, ok, value in targets(results):
        mark = "n/a " if ok is None else ("PASS" if ok else "FAIL")
        print(f"[{mark}] {name}: {value}")
