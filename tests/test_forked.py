"""Work run in a forked child (outputs/forked.py): its result or its error comes back to the
parent, and what it allocated stays with it."""
from __future__ import annotations

import multiprocessing
import os

import pytest

from cadregraph.outputs.background import BackgroundError
from cadregraph.outputs.forked import in_child

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def _big_list_then_its_length():
    held = [bytearray(1 << 20) for _ in range(200)]       # 200 MB, in the child only
    return os.getpid(), len(held)


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def test_the_work_runs_in_another_process_and_its_memory_goes_with_it(tmp_path):
    before = _rss_mb()
    pid, n = in_child(_big_list_then_its_length, tmp_path, "a test")
    assert pid != os.getpid() and n == 200
    assert _rss_mb() - before < 100
    assert list(tmp_path.iterdir()) == []          # its scratch folder removed


def _fails():
    raise ValueError("identity file names no one")


def test_the_childs_error_is_raised_in_the_parent_as_it_was(tmp_path):
    with pytest.raises(ValueError, match="identity file names no one"):
        in_child(_fails, tmp_path, "a test")
    assert list(tmp_path.iterdir()) == []


def _unpicklable():
    return lambda: None


def _dies():
    os._exit(3)


@pytest.mark.parametrize("work", [_unpicklable, _dies])
def test_a_result_that_cannot_come_back_fails_naming_the_step(tmp_path, work):
    with pytest.raises(BackgroundError, match="the corpus pass failed"):
        in_child(work, tmp_path, "the corpus pass")
    assert list(tmp_path.iterdir()) == []
