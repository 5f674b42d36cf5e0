"""Time and peak memory of one stage of a benchmark process.

Peak memory is the resident set size (RSS) of this process, or with children (extraction
workers, output processes) the sum of their proportional set sizes (PSS: a page shared by
forked processes counted once), sampled every few milliseconds while the stage runs, and the high-water mark the
kernel keeps (`ru_maxrss`) when the stage raised it; `delta` is the peak minus the RSS the
stage started with (the memory the stage itself needed on top of its inputs).
"""
from __future__ import annotations

import os
import resource
import threading
import time
from dataclasses import dataclass

PAGE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.005
SAMPLER_SHARE = 0.02


def rss_of(pid: int | str = "self") -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def children_of(pid: int | str = "self") -> list[str]:
    out = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", "rb") as handle:
                out.extend(handle.read().decode().split())
        except OSError:
            pass
    return out


def pss_of(pid: int | str = "self") -> int:
    """Proportional set size: the process's private pages plus its share of pages it shares.
    Forked workers share the parent's pages until they write them; summing their RSS would
    count those pages once per process."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return rss_of(pid)


def tree_rss() -> int:
    """Memory of this process plus all its descendants: its RSS alone, or with children the
    sum of every process's PSS (what the processes together hold, shared pages once)."""
    todo = children_of()
    if not todo:
        return rss_of()
    total = pss_of()
    while todo:
        pid = todo.pop()
        total += pss_of(pid)
        todo.extend(children_of(pid))
    return total


def maxrss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@dataclass
class Measure:
    wall: float = 0.0
    cpu: float = 0.0
    start_rss: int = 0
    peak_rss: int = 0

    @property
    def delta(self) -> int:
        return max(0, self.peak_rss - self.start_rss)

    def as_dict(self) -> dict:
        return {"wall": self.wall, "cpu": self.cpu, "start_rss": self.start_rss, "peak_rss": self.peak_rss,
                "delta_rss": self.delta}


def _cpu_seconds() -> float:
    """CPU of this process and of the children it has waited for (a pool's workers once the
    pool is closed): a stage's CPU is the work its workers did too."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class Meter:
    """`with Meter() as m: …` → m.measure holds wall and CPU seconds and the peak RSS."""

    def __init__(self):
        self.measure = Measure()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        wait = SAMPLE_SECONDS
        while not self._stop.wait(wait):
            began = time.perf_counter()
            self.measure.peak_rss = max(self.measure.peak_rss, tree_rss())
            # Reading PSS walks every page table of every process (~50 ms for three processes
            # of a few hundred MB) and holds their memory maps' lock while it does: sampled
            # back to back it took a third of a core from the build it was measuring. Keep the
            # sampler under SAMPLER_SHARE of one core; the kernel's high-water mark still
            # catches this process's own peak between samples.
            cost = time.perf_counter() - began
            wait = max(SAMPLE_SECONDS, cost * (1 / SAMPLER_SHARE - 1))

    def __enter__(self) -> Measure:
        m = self.measure
        m.start_rss = m.peak_rss = tree_rss()
        self._maxrss_before = maxrss_bytes()
        self._thread.start()
        self._wall, self._cpu = time.perf_counter(), _cpu_seconds()
        return m

    def __exit__(self, *exc) -> None:
        m = self.measure
        m.wall = time.perf_counter() - self._wall
        m.cpu = _cpu_seconds() - self._cpu
        self._stop.set()
        self._thread.join()
        m.peak_rss = max(m.peak_rss, tree_rss())
        if maxrss_bytes() > self._maxrss_before:   # the stage set a new high the sampler may have missed
            m.peak_rss = max(m.peak_rss, maxrss_bytes())
