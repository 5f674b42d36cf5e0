"""The ontology and the SHACL shapes as graphs, read from the `ontology/` folder.

Every `ontology/*.ttl` except `shapes.ttl` is part of the ontology (each topic may add a file:
statistics.ttl, slogans.ttl …); `shapes.ttl` holds the SHACL shapes of a valid graph.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

SHAPES_FILE = "shapes.ttl"


def _ontology_files() -> list:
    folder = resources.files("cadregraph.ontology")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    g = Graph()
    for f in _ontology_files():
        if f.name != SHAPES_FILE:
            g.parse(data=f.read_text("utf-8"), format="turtle", publicID=f"file:///ontology/{f.name}")
    return g


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    f = resources.files("cadregraph.ontology").joinpath(SHAPES_FILE)
    return Graph().parse(data=f.read_text("utf-8"), format="turtle")


DECLARING_TYPES = (OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                   OWL.AnnotationProperty, RDF.Property, OWL.NamedIndividual)


def declared_terms(namespace: str) -> set[URIRef]:
    """IRIs in `namespace` that the ontology declares: typed as a class or property, or as an
    instance of a class the ontology declares (the named individuals, e.g. cg:Holds)."""
    g = ontology_graph()
    classes = {c for t in (OWL.Class, RDFS.Class) for c in g.subjects(RDF.type, t)}
    out = set()
    for s, o in g.subject_objects(RDF.type):
        if isinstance(s, URIRef) and str(s).startswith(namespace) and (o in DECLARING_TYPES or o in classes):
            out.add(s)
    return out
