"""The view's fact rows kept on disk, in a SQLite file of the build's work folder, instead of
in lists: at ten thousand documents they are half a million rows (every slogan use, project
mention, figure and observation with its quote and sentence), over a gigabyte as Python dicts,
and they grow with the corpus. The overview keeps only what its own page draws (units,
people, tenures, counts); each focused page loads its own rows here when it is rendered.

A row is a section ("figures", "slogans", "spans" …), its owner (the IRI it hangs on: a
place, an organization, a person, a document) and the row itself, pickled: the file lives and
dies in the build's own work folder, read only by the build that wrote it, and pickle packs and
unpacks a row three times faster than JSON (a million rows at ten thousand documents). Pages
are rendered by forked processes too (parallel_pages.py): a connection is opened per process,
never shared across a fork.
"""
from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

_IN = 500    # owners per `IN (…)`: well under SQLite's limit on bound parameters
_PROTOCOL = pickle.HIGHEST_PROTOCOL


class SpilledRows:
    def __init__(self, path: Path, write: bool = False):
        """`write`: a new file to add rows to (then `finish`); else one written before, to read."""
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        if not write:
            return
        db = self._connection()
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE IF NOT EXISTS rows (section TEXT, owner TEXT, row BLOB)")
        db.execute("BEGIN")

    def _connection(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            # a child forked while the parent's connection was open must not use it
            self._db = sqlite3.connect(str(self.path), isolation_level=None)
            self._pid = os.getpid()
        return self._db

    def add(self, section: str, items: Iterable[tuple[str, dict]]) -> None:
        """Rows of `section` as (owner, row)."""
        self._connection().executemany(
            "INSERT INTO rows VALUES (?, ?, ?)",
            ((section, owner, pickle.dumps(row, _PROTOCOL)) for owner, row in items))

    def finish(self) -> None:
        """Written: indexed for the pages' look-ups, committed (before any process forks)."""
        db = self._connection()
        db.execute("CREATE INDEX IF NOT EXISTS rows_owner ON rows (section, owner)")
        if db.in_transaction:
            db.execute("COMMIT")

    def counts(self, section: str) -> dict[str, int]:
        """{owner: its rows in `section`}."""
        return dict(self._connection().execute(
            "SELECT owner, COUNT(*) FROM rows WHERE section = ? GROUP BY owner ORDER BY owner", (section,)))

    def load(self, section: str, owners: Iterable[str]) -> list[dict]:
        """The rows of `section` of these owners, in no particular order (callers sort)."""
        return list(self.stream(section, owners))

    def stream(self, section: str, owners: Iterable[str]) -> Iterator[dict]:
        """`load` one row at a time, for what reads more rows than it may hold."""
        owners = sorted(set(owners))
        db = self._connection()
        for i in range(0, len(owners), _IN):
            part = owners[i:i + _IN]
            marks = ", ".join("?" * len(part))
            for (row,) in db.execute(f"SELECT row FROM rows WHERE section = ? AND owner IN ({marks})", (section, *part)):
                yield pickle.loads(row)

    def close(self) -> None:
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        self._db = None


class SpilledParts:
    """Several files of spilled rows read as one (each written by its own process)."""

    def __init__(self, parts: list[SpilledRows]):
        self.parts = parts

    def counts(self, section: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for part in self.parts:
            for owner, n in part.counts(section).items():
                out[owner] = out.get(owner, 0) + n
        return dict(sorted(out.items()))

    def load(self, section: str, owners: Iterable[str]) -> list[dict]:
        return list(self.stream(section, owners))

    def stream(self, section: str, owners: Iterable[str]) -> Iterator[dict]:
        owners = list(owners)
        for part in self.parts:
            yield from part.stream(section, owners)

    def close(self) -> None:
        for part in self.parts:
            part.close()
