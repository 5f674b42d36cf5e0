"""The graph of documents and their facts in memory (an rdflib Graph), for notebooks and
tests: made by the streaming build's writers (graph/shard.py per document, graph/shared.py for
the corpus), so it is the graph `cadregraph build` writes."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph

from cadregraph.documents.model import Document

from .namespaces import DEFAULT_BASE, PREFIXES


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def build_graph(documents: Iterable[Document], facts: Iterable, base: str = DEFAULT_BASE,
                options: dict | None = None, graph: Graph | None = None) -> Graph:
    """The graph of `documents` and their `facts`, made by the streaming build's writers (one
    shard per document, then the shared graph: graph/shard.py, graph/shared.py), so that every
    caller gets the graph `cadregraph build` writes. `graph`: an empty graph to build into."""
    from cadregraph.pipeline import Corpus
    from cadregraph.pipeline import build_graph as streamed

    return streamed(Corpus(documents=list(documents), facts=list(facts)), base=base,
                    identity_file=(options or {}).get("identity_file"), graph=graph)
