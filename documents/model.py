"""The document as the rest of the pipeline sees it: decoded text plus what we know about it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class DocDate:
    """A date known to a given precision; never padded with invented months or days.

    `value` is ISO-like: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; None when unknown.
    `method` says how it was obtained: 'metadata', 'text' (stated outright),
    'inferred' (a month-day whose year follows from the reported results), or 'unknown'.
    """

    value: str | None
    method: str = "unknown"
    evidence: str = ""

    @property
    def precision(self) -> str | None:
        if not self.value:
            return None
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]

    @property
    def sort_key(self) -> str:
        """Month- and year-precision dates sort before the days inside them."""
        return self.value or ""


@dataclass(frozen=True)
class Document:
    doc_id: str
    name: str
    path: Path
    text: str
    encoding: str
    sha256: str
    title: str | None = None
    date: DocDate = field(default_factory=lambda: DocDate(None))
    source: str | None = None
    warnings: tuple[str, ...] = ()


class DocumentError(Exception):
    """A file that cannot be read as a document. The message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")

    def __reduce__(self):
        # Failures cross process boundaries (parallel extraction) and are cached on disk.
        return (type(self), (self.path, self.problem))
