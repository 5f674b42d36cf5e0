"""The view's pages rendered by several forked processes are the pages one process renders,
in the same order, and a process that fails leaves no temporary file behind."""
from __future__ import annotations

import pytest

from cadregraph.outputs.atomic import TEMP_PREFIX
from cadregraph.outputs.background import BackgroundError
from cadregraph.outputs.overview import render_jobs, render_pages
from cadregraph.outputs.parallel_pages import staged_pages

from view_scale import scale_data


@pytest.fixture(scope="module")
def data():
    return scale_data()


def _read(staged):
    return [(name, path.read_bytes()) for name, path in staged]


@pytest.mark.parametrize("workers", [2, 3])
def test_pages_shared_between_processes_are_the_pages_of_one(tmp_path, data, workers):
    overview, docs = data
    one = _read(staged_pages([lambda: render_jobs(overview, docs)], tmp_path / "one", workers=1))
    many = _read(staged_pages([lambda: render_jobs(overview, docs)], tmp_path / "many", workers=workers))
    assert [name for name, _ in many] == [name for name, _ in one]
    assert many == one
    assert dict(one) == render_pages(overview, docs)
    assert len(one) > 500          # people, units and their list pages: the work was shared


def _pages(n, failing=None):
    def job(i):
        if i == failing:
            raise RuntimeError(f"page {i} cannot be made")
        return [(f"view/p{i}.html", f"<p>{i}</p>".encode()), (f"view/q{i}.html", b"q")]
    return [lambda i=i: job(i) for i in range(n)]


def test_phases_come_out_in_order(tmp_path):
    staged = _read(staged_pages([lambda: _pages(9), lambda: _pages(2)], tmp_path, workers=3))
    assert [name for name, _ in staged] == [f"view/{k}{i}.html" for i in range(9) for k in "pq"] + \
        [f"view/{k}{i}.html" for i in range(2) for k in "pq"]


@pytest.mark.parametrize("failing", [0, 4])        # in this process (job 0), in a forked one (job 4)
def test_a_failing_page_fails_the_view_and_leaves_no_temporary_file(tmp_path, failing):
    with pytest.raises((BackgroundError, RuntimeError)):
        list(staged_pages([lambda: _pages(12, failing)], tmp_path, workers=3))
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
    assert not list(tmp_path.rglob(TEMP_PREFIX + "*"))
