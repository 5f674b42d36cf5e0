"""Output steps that read only files (a graph file written from the shards' N-Quads) run in a
forked process beside the view when the build has more than one worker: they are pure Rust
work in pyoxigraph that would otherwise wait for the view, and the view would wait for them.

With one worker every step runs at once, in this process, so a one-core build never holds two
steps' memory at a time. A step that fails in its process fails the build, naming the step.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable


class BackgroundError(RuntimeError):
    pass


class Steps:
    def __init__(self, parallel: bool):
        self.parallel = parallel and "fork" in multiprocessing.get_all_start_methods()
        self._running: list[tuple[str, multiprocessing.Process]] = []

    def run(self, name: str, step: Callable, *args) -> None:
        if not self.parallel:
            step(*args)
            return
        process = multiprocessing.get_context("fork").Process(target=step, args=args, name=name, daemon=True)
        process.start()
        self._running.append((name, process))

    def wait(self) -> None:
        """Every step started is done; the first that failed raises."""
        failed = []
        for name, process in self._running:
            process.join()
            if process.exitcode != 0:
                failed.append(f"{name} (exit code {process.exitcode})")
        self._running = []
        if failed:
            raise BackgroundError("output step failed: " + ", ".join(failed))

    def stop(self) -> None:
        """After a failure elsewhere: the steps still running are ended, not waited for."""
        for _, process in self._running:
            if process.is_alive():
                process.terminate()
            process.join()
        self._running = []
