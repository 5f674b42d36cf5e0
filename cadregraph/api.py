"""The Python API for notebooks: from documents or a build to a graph, typed tables, question
answers, the people–posts network and the HTML view, each in one call.

    import cadregraph, pandas as pd
    g = cadregraph.build_graph(["reports/"])               # rdflib.Graph
    careers = pd.DataFrame(cadregraph.table("out", "careers"))   # typed rows of a build folder
    rows = cadregraph.query(g, "q1", person="石强")        # typed rows of a named question
    G = cadregraph.to_networkx(g)                          # people–posts–organizations–districts
    cadregraph.write_network(G, "careers.gexf")            # for Gephi (or .graphml)
    cadregraph.render_view(g, "view.html")                 # the offline HTML view

A *source* is an rdflib Graph, an Oxigraph store, a build (a graph file, the `--out` folder or
a `--store` folder), or document paths to build first (None: the bundled seeds). Rows are
dicts of str, int, Decimal, bool, datetime.date (a month or a year stays text: "2024-01"),
lists of str, and None for not known. Mistakes — a missing path, a corpus with no documents,
an unknown table, question, parameter or name — raise a `cadregraph.CadregraphError` (a
ValueError) whose message says what to do; documents that cannot be read are skipped with a
warning (`strict=True` raises instead).
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

from cadregraph.errors import CadregraphError
from cadregraph.graph.namespaces import DEFAULT_BASE

Paths = Iterable[Path | str] | Path | str | None


def build_graph(paths: Paths = None, base: str = DEFAULT_BASE, identity_file: Path | str | None = None,
                strict: bool = False):
    """Read and extract the documents under `paths` (default: the bundled seeds) into one
    rdflib Graph. Raises CorpusError for a path that does not exist and when no document could
    be read; a file that cannot be read is skipped with a warning (`strict`: raised)."""
    from cadregraph import pipeline
    from cadregraph.documents import CorpusError, DocumentError

    paths = [pipeline.bundled_seeds()] if paths is None else [paths] if isinstance(paths, (str, Path)) else list(paths)
    if not paths:
        raise CorpusError("no paths given; pass document files or folders (or None for the bundled seeds)")
    corpus = pipeline.extract_corpus(paths, strict=strict)
    if corpus.failures and strict:
        first = corpus.failures[0]
        raise first if isinstance(first, DocumentError) else RuntimeError(corpus.failures)
    if not corpus.documents:
        shown = "; ".join(str(f) for f in corpus.failures[:3])
        raise CorpusError(f"no document could be read ({len(corpus.failures)} failed: {shown})")
    for failure in corpus.failures:
        warnings.warn(f"skipped: {failure}", stacklevel=2)
    return pipeline.build_graph(corpus, base=base, identity_file=Path(identity_file) if identity_file else None)


def load_graph(path: Path | str):
    """A graph file (any format cadregraph writes), build folder or store folder as an rdflib Graph."""
    from cadregraph.outputs.load import load_graph as _load

    return _load(path)


def table(source, name: str) -> list[dict]:
    """The rows of an export table — holdings, careers, metrics, slogans, slogan_spread, projects (columns and
    types: docs/tables.md) — ready for `pandas.DataFrame(rows)`."""
    from cadregraph.outputs.tables import typed_rows

    return typed_rows(_queryable(source), name)


def query(source, sparql: str, **params: str) -> list[dict]:
    """Rows of a SELECT query — a named question (q1 … q8, by name or prefix), a .rq file or
    SPARQL text — typed by their RDF datatypes; `params` set the question's parameters
    (query(g, "q1", person="石强")). A person, post, district or slogan the graph does not know
    raises an UnknownValueError listing the nearest names. Evaluated by Oxigraph."""
    from cadregraph.outputs.queries import run_query

    return run_query(_queryable(source), sparql, {k: str(v) for k, v in params.items()}).typed_rows


def to_networkx(source=None, raw: bool = False):
    """The network of people, posts, organizations and districts as a networkx MultiDiGraph:
    nodes keyed by IRI with `kind` and `label`; person -holds-> post edges carry first_seen,
    last_seen, open_ended and documents (see cadregraph.outputs.network). `raw=True`: the RDF
    graph itself, one node per resource and one edge per triple."""
    if raw:
        from cadregraph.outputs.rdf_network import rdf_network

        return rdf_network(_graph(source))
    from cadregraph.outputs.network import people_network

    return people_network(_queryable(source))


def write_network(network_or_source, path: Path | str, fmt: str | None = None) -> Path:
    """Write the network (a graph from `to_networkx`, or any source) as GEXF or GraphML, the
    format from `fmt` or the extension (.gexf, .graphml); returns the path."""
    import networkx as nx

    from cadregraph.outputs.atomic import write_bytes_atomic
    from cadregraph.outputs.network import NETWORK_FORMATS, format_of_network_path, network_bytes

    fmt = fmt or format_of_network_path(path)
    if fmt not in NETWORK_FORMATS:
        raise CadregraphError(f"{path}: cannot tell the network format; name the file .gexf or .graphml, "
                              "or pass fmt='gexf' or 'graphml'")
    G = network_or_source if isinstance(network_or_source, nx.Graph) else to_networkx(network_or_source)
    write_bytes_atomic(path, network_bytes(G, fmt))
    return Path(path)


def render_view(source=None, path: Path | str | None = None, title: str = "cadregraph") -> str:
    """The offline HTML view as a string; also written (UTF-8) to `path` when given."""
    from cadregraph.outputs.atomic import write_text_atomic
    from cadregraph.outputs.view import render_view as _render

    html = _render(_graph(source), title=title)
    if path is not None:
        write_text_atomic(path, html)
    return html


# ---------------------------------------------------------------- sources

def _is_build(source) -> bool:
    """A path to a graph file, a build folder or a store (rather than documents to build)."""
    from cadregraph.graph.formats import FormatError, format_of_path
    from cadregraph.outputs.load import GraphLoadError, is_store, resolve_graph_path

    if not isinstance(source, (str, Path)):
        return False
    path = Path(source)
    if not path.exists():
        raise CadregraphError(f"{path}: no such file or folder; give a build (a graph file, the folder "
                              "'cadregraph build --out' wrote, a --store folder) or document files or folders")
    if is_store(path):
        return True
    try:
        if path.is_dir():
            resolve_graph_path(path)
        else:
            format_of_path(path)
        return True
    except (GraphLoadError, FormatError):
        return False


def _queryable(source):
    """An rdflib Graph or an Oxigraph store for the queries."""
    import pyoxigraph as ox
    from rdflib import Graph

    if isinstance(source, (Graph, ox.Store)):
        return source
    if _is_build(source):
        from cadregraph.outputs.queries import load_store

        return load_store(source)
    return build_graph(source)


def _graph(source):
    """An rdflib Graph (the view and the raw network walk triples)."""
    import pyoxigraph as ox
    from rdflib import Graph

    if isinstance(source, Graph):
        return source
    if isinstance(source, ox.Store):
        from cadregraph.graph.oxterms import rdflib_graph

        return rdflib_graph(source.quads_for_pattern(None, None, None))
    if _is_build(source):
        return load_graph(source)
    return build_graph(source)
