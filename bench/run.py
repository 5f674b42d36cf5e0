"""The cadregraph benchmark: one command, one table.

    python bench/run.py [--sizes 100,1000,10000] [--workers N] [--seed 1] [--no-seeds]

For the bundled seeds and a seeded synthetic corpus of each size (bench/generate.py), every
stage runs in a process of its own — extraction with 1 and N workers, then graph building,
Turtle and the view, then the whole build end to end with 1 and N workers — and the same
texts go through two reference points: one pass of a single combined `regex` pattern and
`jieba.posseg` tagging (on samples of --regex-mb and --jieba-mb). The view's overview page is opened in
headless Chromium. The table gives documents/s, MB/s, output triples/s and peak memory (RSS)
per stage; the targets of issue 8 are checked at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from report import print_report  # noqa: E402


def stage(name: str, timeout: float, **options) -> dict:
    """Run one stage in a fresh interpreter; its JSON result, or {"error": …}."""
    cmd = [sys.executable, str(HERE / "run.py"), "--stage", name]
    for key, value in options.items():
        if value is not None:
            cmd += [f"--{key.replace('_', '-')}", str(value)]
    env = {**os.environ, "TQDM_DISABLE": "1"}
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        return {"error": " | ".join(tail)}
    return json.loads(done.stdout.strip().splitlines()[-1])


def corpora(args) -> list[tuple[str, Path]]:
    from generate import generate

    from cadregraph.pipeline import bundled_seeds

    found = [] if args.no_seeds else [("seeds", bundled_seeds())]
    for size in args.sizes:
        folder = generate(Path(args.root) / f"synthetic-s{args.seed}-{size}", size, args.seed)
        found.append((f"synthetic {size:,}", folder))
    return found


STAGES = ("extract_1", "extract_n", "build_1", "build_n", "regex", "jieba", "browser")


def bench_corpus(label: str, folder: Path, args, work: Path) -> dict:
    print(f"… {label}", file=sys.stderr, flush=True)
    out = work / "out-1"
    t = args.timeout
    results = {"label": label, "folder": str(folder)}
    wanted = args.only or STAGES

    def run(key, *a, **kw):
        if key in wanted:
            results[key] = stage(*a, **kw)
    run("extract_1", "extract", t, corpus=folder, workers=1)
    if args.workers > 1:
        run("extract_n", "extract", t, corpus=folder, workers=args.workers)
    run("build_1", "build", t, corpus=folder, workers=1, out=out)
    if args.workers > 1:
        run("build_n", "build", t, corpus=folder, workers=args.workers, out=work / "out-n")
    run("regex", "regex", t, corpus=folder, regex_bytes=int(args.regex_mb * 1e6))
    run("jieba", "jieba", t, corpus=folder, jieba_bytes=int(args.jieba_mb * 1e6))
    built = out if "build_1" in results else work / "out-n"
    page = next((p for p in (built / "overview.html", built / "view.html") if p.exists()), None)
    if page is not None and not args.no_browser and "browser" in wanted:
        found = stage("browser", t, page=page)
        results["browser"] = {**found.get("browser", found), "page": page.name}
    return results


def machine() -> dict:
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {"cpus": os.cpu_count(), "model": model, "memory_gb": mem / 1e9, "python": platform.python_version(),
            "load": os.getloadavg()}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        type=lambda s: [int(x) for x in s.split(",") if x.strip()],
                        help="synthetic corpus sizes, comma-separated (default 100,1000,10000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="workers for the parallel runs")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic corpora")
    parser.add_argument("--root", default=str(Path(tempfile.gettempdir()) / "cadregraph-bench"),
                        help="folder for generated corpora (kept and reused)")
    parser.add_argument("--jieba-mb", type=float, default=1.0, help="size of the sample jieba.posseg tags")
    parser.add_argument("--regex-mb", type=float, default=8.0,
                        help="size of the sample the combined regex scans (it runs at ~0.05 MB/s)")
    parser.add_argument("--timeout", type=float, default=7200, help="seconds allowed per stage")
    parser.add_argument("--no-seeds", action="store_true", help="leave out the bundled seeds")
    parser.add_argument("--only", type=lambda s: [x for x in s.split(",") if x.strip()],
                        help="run only these stages: " + ",".join(STAGES) + " (e.g. --sizes 100000 --only build_n "
                             "for the memory of the largest corpus)")
    parser.add_argument("--no-browser", action="store_true", help="do not open the view in Chromium")
    parser.add_argument("--json", help="also write all results to this JSON file")
    parser.add_argument("--report", help="print the table of a JSON file written by --json, and stop")
    # internal: one stage in this process
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    for name in ("corpus", "cache", "out", "page"):
        parser.add_argument(f"--{name}", help=argparse.SUPPRESS)
    parser.add_argument("--jieba-bytes", type=int, default=1_000_000, help=argparse.SUPPRESS)
    parser.add_argument("--regex-bytes", type=int, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.report:
        saved = json.loads(Path(args.report).read_text("utf-8"))
        print_report(saved["machine"], saved["results"], args.workers)
        return
    if args.stage:
        from stages import main_stage

        main_stage(args)
        return
    info = machine()
    results = []
    for label, folder in corpora(args):
        with tempfile.TemporaryDirectory(prefix="cadregraph-bench-") as work:
            results.append(bench_corpus(label, folder, args, Path(work)))
    info["load_after"] = os.getloadavg()
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "results": results}, indent=2), "utf-8")
    print_report(info, results, args.workers)


if __name__ == "__main__":
    main()
