"""RDF files out of a graph. Kept for callers of `to_turtle`; the formats live in `formats.py`."""
from __future__ import annotations

from rdflib import Graph

from .formats import FORMATS, serialize

__all__ = ["FORMATS", "serialize", "to_turtle"]


def to_turtle(g: Graph) -> bytes:
    return serialize(g, "turtle")
