"""The Python API for notebooks: from document paths to an rdflib Graph, a networkx graph or the
HTML view, each in one call.

    import cadregraph
    g = cadregraph.build_graph(["reports/"])         # rdflib.Graph
    G = cadregraph.to_networkx(g)                     # networkx.MultiDiGraph
    cadregraph.render_view(g, "view.html")            # the offline HTML view
    rows = cadregraph.query(g, "q1", person="石强")   # list of dicts, e.g. for pandas.DataFrame

`to_networkx` and `render_view` also take paths directly. Documents that cannot be read are
skipped with a warning (`strict=True` raises instead).
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from cadregraph.graph.namespaces import DEFAULT_BASE

Paths = Iterable[Path | str] | Path | str | None
_KINDS = {  # rdf:type local name → the kind of node (as in the view)
    "Person": "person", "Post": "post", "Organization": "organization", "District": "district",
    "Document": "document", "PostObservation": "observation", "Observation": "observation",
    "TextQuoteSelector": "evidence", "Concept": "concept", "Role": "role",
}


def build_graph(paths: Paths = None, base: str = DEFAULT_BASE, identity_file: Path | str | None = None,
                strict: bool = False) -> Graph:
    """Read and extract the documents under `paths` (default: the bundled seeds) into one graph."""
    from cadregraph import pipeline
    from cadregraph.documents import DocumentError

    if paths is None:
        paths = [pipeline.bundled_seeds()]
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    corpus = pipeline.extract_corpus(list(paths), strict=strict)
    if corpus.failures:
        if strict:
            raise corpus.failures[0] if isinstance(corpus.failures[0], DocumentError) else RuntimeError(corpus.failures)
        for failure in corpus.failures:
            warnings.warn(f"skipped: {failure}", stacklevel=2)
    return pipeline.build_graph(corpus, base=base, identity_file=Path(identity_file) if identity_file else None)


def load_graph(path: Path | str) -> Graph:
    """A graph file (any format cadregraph writes), build folder or store folder."""
    from cadregraph.outputs.load import load_graph as _load

    return _load(path)


def _graph(source: Graph | Paths) -> Graph:
    return source if isinstance(source, Graph) else build_graph(source)


def to_networkx(source: Graph | Paths = None):
    """A networkx MultiDiGraph: one node per resource (attributes `label`, `kind`, `types` and
    its literal values), one edge per triple linking two resources (attribute `predicate`)."""
    import networkx as nx

    g = _graph(source)
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


def render_view(source: Graph | Paths = None, path: Path | str | None = None, title: str = "cadregraph") -> str:
    """The offline HTML view as a string; also written (UTF-8) to `path` when given."""
    from cadregraph.outputs.atomic import write_text_atomic
    from cadregraph.outputs.view import render_view as _render

    html = _render(_graph(source), title=title)
    if path is not None:
        write_text_atomic(path, html)
    return html


def query(source: Graph | Paths, sparql: str, **params: str) -> list[dict[str, str | None]]:
    """Rows of a SELECT query — a bundled query's name (q1 … q8, table_holdings …), a .rq file,
    or SPARQL text — as dicts, e.g. for pandas.DataFrame; `params` set a named query's
    parameters (query(g, "q1", person="石强")). Evaluated by Oxigraph (fast on wide joins)."""
    from cadregraph.outputs.queries import run_query

    return run_query(_graph(source), sparql, params).rows
