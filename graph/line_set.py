"""A set of N-Triples lines kept in SQLite, read back sorted: the shared graph of a corpus.

The shared graph grows with the corpus (a holder line per post observation, the careers, every
shared node's description): half a million lines and 100 MB of text at 10,000 documents. A
Python set of them, then the sorted list and its joined text, held three copies at once; a
table with the line as its key keeps one on disk, removes duplicates as it goes and gives the
lines in order. SQLite's default collation compares UTF-8 bytes, which orders strings as
Python's `sorted` does (by code point), so the bytes are those of `sorted(set(lines))`.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

BUFFER = 20_000


class LineSet:
    def __init__(self, db: sqlite3.Connection, name: str = "shared_lines"):
        self.db, self.name = db, name
        self.db.execute(f"DROP TABLE IF EXISTS temp.{name}")
        self.db.execute(f"CREATE TEMP TABLE {name} (line TEXT PRIMARY KEY) WITHOUT ROWID")
        self._buffer: set[str] = set()

    def add(self, line: str) -> None:
        self._buffer.add(line)
        if len(self._buffer) >= BUFFER:
            self._flush()

    def update(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.add(line)

    def _flush(self) -> None:
        if self._buffer:
            # in key order, the inserts walk the table's B-tree forward instead of jumping
            # about it: half the time of inserting the lines as the set gives them
            self.db.executemany(f"INSERT OR IGNORE INTO temp.{self.name} VALUES (?)",
                                ((line,) for line in sorted(self._buffer)))
            self._buffer = set()

    def __len__(self) -> int:
        self._flush()
        return int(self.db.execute(f"SELECT count(*) FROM temp.{self.name}").fetchone()[0])

    def sorted(self) -> Iterator[str]:
        self._flush()
        for (line,) in self.db.execute(f"SELECT line FROM temp.{self.name} ORDER BY line"):
            yield line

    def drop(self) -> None:
        self._buffer = set()
        self.db.execute(f"DROP TABLE IF EXISTS temp.{self.name}")
