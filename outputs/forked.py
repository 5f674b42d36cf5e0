"""A piece of work split between this process and forked copies of it: part k of n each.

The children inherit what the parent holds (a loaded store, compiled patterns) instead of
receiving it, and send back only a small picklable result through a file. A child that fails
fails the whole, after every child has ended.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from .background import BackgroundError


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _child(work: Callable, k: int, n: int, result: Path) -> None:
    try:
        result.write_bytes(pickle.dumps(work(k, n)))
    except BaseException:
        traceback.print_exc()
        os._exit(1)


def _sole_child(work: Callable[[], object], result: Path) -> None:
    try:
        outcome = ("value", work())
    except BaseException as error:      # the parent raises it again, as if it had run there
        outcome = ("error", error)
    try:
        result.write_bytes(pickle.dumps(outcome))
    except Exception:
        traceback.print_exc()
        os._exit(1)
    os._exit(0)


def in_child(work: Callable[[], object], scratch: Path, what: str):
    """work() run in a forked copy of this process, its (picklable) result or error given back
    here: what it allocated goes with the child, where a long step would otherwise keep a
    short step's peak for the rest of the build (CPython seldom gives freed memory back to
    the system). In this process when there is no fork."""
    if not can_fork():
        return work()
    results = Path(tempfile.mkdtemp(prefix=".cadregraph-parts-", dir=scratch))
    result = results / "result.pickle"
    # the parent's objects moved out of the collector's sight first: a collection in the child
    # would otherwise write to every page holding one, copying pages the two could share
    try:
        gc.freeze()
        try:
            child = multiprocessing.get_context("fork").Process(target=_sole_child, args=(work, result), daemon=True)
            child.start()
        finally:
            gc.unfreeze()
        child.join()
        if not result.exists():
            raise BackgroundError(f"{what} failed (exit code {child.exitcode})")
        kind, value = pickle.loads(result.read_bytes())
    finally:
        result.unlink(missing_ok=True)
        results.rmdir()
    if kind == "error":
        raise value
    return value


def forked_parts(work: Callable[[int, int], object], workers: int, scratch: Path, what: str) -> list:
    """[work(0, n), …, work(n-1, n)], part 0 in this process, the others in forked ones
    (all in this process when there is one worker or no fork)."""
    if workers < 2 or not can_fork():
        return [work(0, 1)]
    ctx = multiprocessing.get_context("fork")
    results = Path(tempfile.mkdtemp(prefix=".cadregraph-parts-", dir=scratch))
    children = []
    try:
        for k in range(1, workers):
            child = ctx.Process(target=_child, args=(work, k, workers, results / f"{k}.pickle"), daemon=True)
            child.start()
            children.append(child)
        mine = work(0, workers)
    finally:
        for child in children:
            child.join()
    failed = sum(child.exitcode != 0 for child in children)
    try:
        if failed:
            raise BackgroundError(f"{what} failed in {failed} of {workers} processes")
        return [mine] + [pickle.loads((results / f"{k}.pickle").read_bytes()) for k in range(1, workers)]
    finally:
        for path in results.iterdir():
            path.unlink()
        results.rmdir()
