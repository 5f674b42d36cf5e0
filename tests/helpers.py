"""Helpers for tests: run the pipeline on a sentence written in a test."""
from __future__ import annotations

import hashlib
from pathlib import Path

from cadregraph.documents.model import DocDate, Document
from cadregraph.extractors.prepare import prepare


def make_document(text: str, doc_id: str = "t", date: str | None = "2024-01-01") -> Document:
    return Document(doc_id=doc_id, name=f"{doc_id}.txt", path=Path(f"{doc_id}.txt"), text=text,
                    encoding="utf-8", sha256=hashlib.sha256(text.encode()).hexdigest(),
                    date=DocDate(date, "metadata" if date else "unknown"))


def run_extractor(extractor, text: str, **kw):
    return list(extractor.extract(prepare(make_document(text, **kw))))
