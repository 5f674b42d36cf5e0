"""The compact corpus table: one SQLite file of small rows per document — the mentions of
people in posts, slogan forms, project names, the shared nodes a document names — which the
corpus pass (shared.py) reads instead of the graph. It sits beside the shards in the build
folder and, with them, is what `build --update` keeps: a replaced document's rows go with it.

Rows are inserted in any order and always read back ordered by document, so the corpus pass
gives the same shared graph whichever worker or run wrote them.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from cadregraph.documents.model import DocDate, Document

SCHEMA = {
    "holdings": "seq INTEGER, name TEXT, post_key TEXT, org_key TEXT, district_id TEXT, obs TEXT, post TEXT, "
                "org TEXT, role TEXT, role_label TEXT, date TEXT, status TEXT, place TEXT, single INTEGER, "
                "post_label TEXT, quote TEXT, place_iri TEXT",
    "slogans": "key TEXT, text TEXT, kind TEXT, original TEXT",
    "uses": "user TEXT, concept TEXT",
    "projects": "seq INTEGER, district_id TEXT, key TEXT, name TEXT, type TEXT, district TEXT",
    "metrics": "n INTEGER",
    "nodes": "iri TEXT, block TEXT",
}
FORMAT = 2


class CorpusTable:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.db = sqlite3.connect(str(self.path), isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS documents (doc_id TEXT PRIMARY KEY, sha256 TEXT, "
                        "meta TEXT, triples INTEGER)")
        for name, columns in SCHEMA.items():
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {name} (doc_id TEXT, {columns})")
            self.db.execute(f"CREATE INDEX IF NOT EXISTS {name}_doc ON {name} (doc_id)")
        self.db.execute("BEGIN")

    # -- writing ----------------------------------------------------------------------------
    def set_meta(self, **values: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(values.items()))

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta"))

    def remove(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        for name in SCHEMA:
            self.db.execute(f"DELETE FROM {name} WHERE doc_id = ?", (doc_id,))

    def add(self, doc: Document, rows: dict[str, list[tuple]], triples: int) -> None:
        self.remove(doc.doc_id)
        self.db.execute("INSERT INTO documents VALUES (?, ?, ?, ?)",
                        (doc.doc_id, doc.sha256, json.dumps(document_meta(doc), sort_keys=True), triples))
        for name, items in rows.items():
            if items:
                marks = ", ".join("?" * (1 + len(items[0])))
                self.db.executemany(f"INSERT INTO {name} VALUES ({marks})", ((doc.doc_id, *r) for r in items))

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.close()

    # -- reading ----------------------------------------------------------------------------
    def rows(self, name: str) -> Iterator[tuple]:
        """Rows of a table with their document first, ordered by document and insertion."""
        return self.db.execute(f"SELECT * FROM {name} ORDER BY doc_id, rowid")

    def documents(self) -> dict[str, dict]:
        return {doc_id: json.loads(meta) for doc_id, meta in
                self.db.execute("SELECT doc_id, meta FROM documents ORDER BY doc_id")}

    def count(self, sql: str) -> int:
        return int(self.db.execute(sql).fetchone()[0] or 0)


def document_meta(doc: Document) -> dict:
    """What decides a document's shard, without its text or where the file lay."""
    return {"doc_id": doc.doc_id, "name": doc.name, "encoding": doc.encoding, "sha256": doc.sha256,
            "title": doc.title, "source": doc.source, "warnings": list(doc.warnings),
            "date": [doc.date.value, doc.date.method, doc.date.evidence]}


def document_of_meta(meta: dict) -> Document:
    value, method, evidence = meta["date"]
    return Document(meta["doc_id"], meta["name"], Path(meta["name"]), "", meta["encoding"], meta["sha256"],
                    meta["title"], DocDate(value, method, evidence), meta["source"], tuple(meta["warnings"]))
