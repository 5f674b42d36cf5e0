"""RDF files out of a graph, in the formats users load."""
from __future__ import annotations

from rdflib import Graph

FORMATS = {
    "turtle": ("ttl", "turtle"),
    "ntriples": ("nt", "nt"),
    "jsonld": ("jsonld", "json-ld"),
    "xml": ("rdf", "xml"),
}


def to_turtle(g: Graph) -> bytes:
    return g.serialize(format="turtle", encoding="utf-8")
