"""The RDF graph itself as a networkx graph, one node per resource — for those who want the
triples (evidence selectors, observations, time instants and all); the network of people,
posts, organizations and districts is `network.people_network`."""
from __future__ import annotations

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

_KINDS = {  # rdf:type local name → the kind of node (as in the view)
    "Person": "person", "Post": "post", "Organization": "organization", "District": "district",
    "Document": "document", "PostObservation": "observation", "Observation": "observation",
    "TextQuoteSelector": "evidence", "Concept": "concept", "Role": "role",
    "Slogan": "concept", "Indicator": "concept",    # skos:Concepts by their class, typed only so
}


def rdf_network(g: Graph) -> nx.MultiDiGraph:
    """One node per resource (attributes `label`, `kind`, `types` and its literal values), one
    edge per triple linking two resources (key and attribute `predicate`)."""
    out = nx.MultiDiGraph()
    for s, p, o in sorted(g.triples((None, None, None))):
        if not isinstance(s, URIRef):
            continue
        node = out.nodes[str(s)] if str(s) in out else _add_node(out, g, s)
        if p == RDF.type:
            continue
        if isinstance(o, Literal):
            node.setdefault(_short(g, p), []).append(o.toPython() if o.datatype else str(o))
        else:
            if str(o) not in out:
                _add_node(out, g, o)
            out.add_edge(str(s), str(o), key=_short(g, p), predicate=_short(g, p))
    return out


def _add_node(out, g: Graph, node) -> dict:
    types = sorted(_short(g, t) for t in g.objects(node, RDF.type))
    kinds = sorted({_KINDS[t.split(":")[-1]] for t in types if t.split(":")[-1] in _KINDS})
    labels = [o for p in (SKOS.prefLabel, RDFS.label) for o in g.objects(node, p)]
    zh = sorted(str(lbl) for lbl in labels if getattr(lbl, "language", None) == "zh")
    label = zh[0] if zh else sorted(str(lbl) for lbl in labels)[0] if labels else str(node).rsplit("/", 1)[-1]
    out.add_node(str(node), label=label, kind=kinds[0] if kinds else "other", types=types)
    return out.nodes[str(node)]


def _short(g: Graph, iri) -> str:
    try:
        return g.namespace_manager.normalizeUri(iri)
    except Exception:  # noqa: BLE001 - rdflib refuses some IRIs as prefixed names
        return str(iri)
