"""The benchmark's report (bench/report.py) reads a saved run right: every stage's row, the
browser's timing and the verdict on each target of issue 8. The run itself is not a test."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
SAVED = BENCH / "results" / "2026-11-22-dec49d8.json"


def report(path: Path) -> str:
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "--report", str(path), "--workers", "2"],
                          capture_output=True, text=True, check=True)
    return done.stdout


def test_the_saved_run_reads_back_with_every_target():
    out = report(SAVED)
    rows = [line.split() for line in out.splitlines() if line.startswith("synthetic 10,000 ")]
    assert len(rows) == 9
    assert any("END" in row and "539" in row for row in rows)
    assert "view.html: opens and draws in 595 ms" in out
    verdicts = [line for line in out.splitlines() if line.startswith("[")]
    assert [v[:6] for v in verdicts][:6] == ["[FAIL]", "[FAIL]", "[PASS]", "[PASS]", "[PASS]", "[PASS]"]
    # issue 16's targets follow, per size
    assert "10,000 docs: ≤ 130 triples per KB of text" in out and "10,000 docs: peak memory end to end ≤ 1 GB" in out
    assert "897 B/triple" in out and "1.93×" in out


def test_a_failed_stage_is_reported_not_hidden(tmp_path):
    saved = json.loads(SAVED.read_text("utf-8"))
    big = saved["results"][-1]
    big["browser"] = {"error": "chromium: not found", "page": "view.html"}
    big["build_1"] = {"error": "timed out after 7200 s"}
    path = tmp_path / "run.json"
    path.write_text(json.dumps(saved), "utf-8")
    out = report(path)
    assert "browser: chromium: not found" in out
    assert "timed out after 7200 s" in out
    assert "opens and draws ≤ 3 s" not in out


def test_a_run_of_only_the_parallel_build_counts_its_corpus(tmp_path):
    # `--sizes 100000 --only build_n` has no extraction stage; the row must still say how
    # many documents and megabytes it built, or MB/s and docs/s read as zero.
    run = {"machine": {"cpus": 2, "model": "test", "memory_gb": 25.0, "python": "3.11", "load": [0, 0, 0],
                       "load_after": [0, 0, 0]}, "results": [{"label": "synthetic 100,000", "build_n": {
        "triples": 77_000_000, "docs": 100_000, "bytes": 648_000_000,
        "build": {"wall": 3000.0, "cpu": 2500.0, "start_rss": 0, "peak_rss": 2_900_000_000,
                  "delta_rss": 2_900_000_000}}}]}
    path = tmp_path / "run.json"
    path.write_text(json.dumps(run), "utf-8")
    out = report(path)
    row = next(line.split() for line in out.splitlines() if line.startswith("synthetic 100,000 "))
    assert "100,000" in row and "648" in row and "0.22" in row
    assert "[PASS] 100,000 docs: peak memory end to end on N workers ≤ 3 GB: 2,900 MB" in out
