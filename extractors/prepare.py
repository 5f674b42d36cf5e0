"""From a read document to what extractors work on: normalised text, sections, the city."""
from __future__ import annotations

from cadregraph.documents.model import Document
from cadregraph.documents.normalize import clean_lines, join_lines

from .facts import PreparedDocument
from .gazetteer import gazetteer
from .officials import OfficialsExtractor
from .sections import build_sections, classify_lines

_SPEAKER_FINDER = OfficialsExtractor()


def prepare(doc: Document) -> PreparedDocument:
    city = gazetteer().municipality()
    lines = clean_lines(doc.text)
    markers = classify_lines(lines, _SPEAKER_FINDER, city)
    norm = join_lines(lines)
    sections = build_sections(lines, norm, markers, city)
    return PreparedDocument(doc, norm, sections, city)
