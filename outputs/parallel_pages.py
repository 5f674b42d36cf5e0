"""The view's pages staged as temporary files, by this process alone or shared with forked
processes when the build has several workers.

Each phase of the view (overview.view_phases) reads its rows here, in the parent; then the
phase's jobs (a page, or a unit's pages) are dealt out by index, every `workers`-th to one
process. The children are forked after the rows are read, so they inherit them instead of
reading them again, and each writes its pages' temporary files itself: only file names travel
back. Pages come back in job order, whoever rendered them, so the build's files and their
order are those of one process.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .atomic import discard, write_temp
from .background import BackgroundError
from .overview import select_jobs

Phase = Callable[[], Iterable[Callable[[], list]]]


def staged_pages(phases: Iterable[Phase], out_dir: Path, workers: int = 1) -> Iterator[tuple[str, Path]]:
    """(page name, its temporary file beside where it goes), phase after phase, in job order."""
    parallel = workers > 1 and "fork" in multiprocessing.get_all_start_methods()
    for phase in phases:
        jobs = list(phase())
        if not parallel or len(jobs) < 2 * workers:
            for job in jobs:
                for name, data in job():
                    yield name, write_temp(out_dir / name, data, sync=False)
        else:
            yield from _shared_out(jobs, out_dir, workers)
        del jobs


def _render_part(jobs, part, out_dir: Path) -> list[tuple[int, list[tuple[str, Path]]]]:
    done: list[tuple[int, list[tuple[str, Path]]]] = []
    try:
        for index, job in select_jobs(jobs, part):
            done.append((index, [(name, write_temp(out_dir / name, data, sync=False)) for name, data in job()]))
    except BaseException:
        for _, pages in done:
            for _, path in pages:
                discard(path)
        raise
    return done


def _child(jobs, part, out_dir: Path, result: Path) -> None:
    try:
        done = _render_part(jobs, part, out_dir)
        result.write_bytes(pickle.dumps(done))
    except BaseException:
        traceback.print_exc()
        os._exit(1)


def _shared_out(jobs: list, out_dir: Path, workers: int) -> Iterator[tuple[str, Path]]:
    ctx = multiprocessing.get_context("fork")
    out_dir.mkdir(parents=True, exist_ok=True)
    results = Path(tempfile.mkdtemp(prefix=".cadregraph-pages-", dir=out_dir))
    children = []
    parts: list[list] = []
    try:
        for k in range(1, workers):
            child = ctx.Process(target=_child, args=(jobs, (k, workers), out_dir, results / f"{k}.pickle"), daemon=True)
            child.start()
            children.append(child)
        parts.append(_render_part(jobs, (0, workers), out_dir))
    finally:
        # every child is waited for, even when this process failed: what a child reports it
        # wrote is then removed with the rest, and no temporary file is left behind
        for child in children:
            child.join()
        parts += [pickle.loads(path.read_bytes()) for path in sorted(results.iterdir())]
        for path in results.iterdir():
            path.unlink()
        results.rmdir()
        failed = sum(child.exitcode != 0 for child in children)
        if failed or len(parts) != workers:
            for part in parts:
                for _, pages in part:
                    for _, page in pages:
                        discard(page)
    if failed:
        raise BackgroundError(f"rendering the view's pages failed in {failed} of {workers} processes")
    for _, pages in sorted((item for part in parts for item in part), key=lambda item: item[0]):
        yield from pages
