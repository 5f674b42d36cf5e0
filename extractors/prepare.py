"""From a read document to what extractors work on: normalised text, sections, and the places
the document is about (its city, province and county: what a bare 市, 省 or 县 means)."""
from __future__ import annotations

from cadregraph.documents.model import Document
from cadregraph.documents.normalize import clean_lines, join_lines

from .context import ContextDocument, detect_context
from .gazetteer import gazetteer
from .officials import OfficialsExtractor
from .sections import build_sections, classify_lines

_SPEAKER_FINDER = OfficialsExtractor()


def prepare(doc: Document) -> ContextDocument:
    lines = clean_lines(doc.text)
    places = detect_context("\n".join(line.text for line in lines), gazetteer(), doc.title, doc.source)
    markers = classify_lines(lines, _SPEAKER_FINDER, places)
    norm = join_lines(lines)
    sections = build_sections(lines, norm, markers, places.city)
    return ContextDocument(doc, norm, sections, places.city, places=places)
