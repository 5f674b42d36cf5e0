"""RDF files in the formats users load: Turtle, N-Triples, TriG, N-Quads and JSON-LD.

Named graphs (TriG, N-Quads): every triple is in exactly one named graph.
- What a document says is in the graph named by the document's own IRI: the document's
  description, every node derived from it (`prov:wasDerivedFrom` the document: post
  observations, statistical observations, slogan uses …) and the evidence of those nodes
  (`cg:evidence`). Replacing that graph in a store replaces exactly that document's facts.
- Everything shared by documents — people, posts, organizations, roles, districts, concept
  schemes, derived relations such as `org:holds` and successions — is in one shared graph,
  `<base>graph/shared`. A node derived from two documents is shared too.
Nothing is left in the default graph, so a store's "union of named graphs" default (Fuseki's
unionDefaultGraph, Oxigraph's union-default-graph, Virtuoso, GraphDB) is the whole graph.

Turtle, N-Triples, TriG and N-Quads are written by pyoxigraph from sorted triples, so the same
graph always gives the same bytes; JSON-LD by `jsonld.py`.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from .iris import Iris
from .namespaces import CG, DEFAULT_BASE, PREFIXES, PROV
from .oxterms import ox_triples, rdflib_graph, sort_key, to_ox


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    media_type: str
    ox_format: ox.RdfFormat
    named_graphs: bool
    description: str

    @property
    def file_name(self) -> str:
        return f"graph.{self.extension}"


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("turtle", "ttl", "text/turtle", ox.RdfFormat.TURTLE, False, "Turtle, with prefixes"),
    Format("ntriples", "nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, False,
           "N-Triples, one triple per line, sorted"),
    Format("trig", "trig", "application/trig", ox.RdfFormat.TRIG, True,
           "TriG: one named graph per document plus a shared graph"),
    Format("nquads", "nq", "application/n-quads", ox.RdfFormat.N_QUADS, True,
           "N-Quads: one named graph per document plus a shared graph"),
    Format("jsonld", "jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, False,
           "JSON-LD with an inline context whose keys read as plain JSON"),
)}
_ALIASES = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "nq": "nquads",
            "n-quads": "nquads", "json-ld": "jsonld", "json": "jsonld"}
_EXTENSIONS = {f.extension: f for f in FORMATS.values()} | {"json": FORMATS["jsonld"]}


class FormatError(ValueError):
    pass


def get_format(name: str) -> Format:
    key = _ALIASES.get(name.lower(), name.lower())
    if key not in FORMATS:
        raise FormatError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
    return FORMATS[key]


def format_of_path(path: Path | str) -> Format:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in _EXTENSIONS:
        raise FormatError(f"{path}: cannot tell the format from the extension; use one of "
                          f"{', '.join('.' + e for e in sorted(_EXTENSIONS))}")
    return _EXTENSIONS[suffix]


# ---------------------------------------------------------------- named graphs per document

def shared_graph_iri(g: Graph, base: str | None = None) -> URIRef:
    """`<base>graph/shared`; without `base`, the base the documents' IRIs were minted under."""
    if base is None:
        base = _base_of_documents(g) or DEFAULT_BASE
    return URIRef(Iris(base).base + "graph/shared")


def _base_of_documents(g: Graph) -> str | None:
    for doc in sorted(g.subjects(RDF.type, CG.Document)):
        ident = g.value(doc, DCTERMS.identifier)
        if ident is None:
            continue
        tail = str(Iris("x:/").document(str(ident)))[len("x:/"):]
        if str(doc).endswith(tail):
            return str(doc)[: -len(tail)]
    return None


def document_of_nodes(g: Graph) -> dict:
    """Node → the document IRI whose named graph holds the node's triples (see module doc)."""
    docs = set(g.subjects(RDF.type, CG.Document))
    owner: dict = {d: d for d in docs}
    several = set()
    for node, doc in g.subject_objects(PROV.wasDerivedFrom):
        if doc not in docs or node in docs:
            continue
        if owner.setdefault(node, doc) != doc:
            several.add(node)
    for node in several:
        del owner[node]
    for node, doc in list(owner.items()):
        for evidence in g.objects(node, CG.evidence):
            if owner.setdefault(evidence, doc) != doc:
                several.add(evidence)
    for node in several:
        owner.pop(node, None)
    return owner


def document_quads(g: Graph, base: str | None = None) -> list[ox.Quad]:
    """Every triple of `g` in its named graph, sorted."""
    owner = {to_ox(k): to_ox(v) for k, v in document_of_nodes(g).items()}
    shared = to_ox(shared_graph_iri(g, base))
    quads = [ox.Quad(t.subject, t.predicate, t.object, owner.get(t.subject, shared)) for t in ox_triples(g)]
    return sorted(quads, key=sort_key)


# ---------------------------------------------------------------- writing and reading

def ox_prefixes() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def serialize(g: Graph, fmt: str | Format = "turtle", base: str | None = None) -> bytes:
    """`g` in one format, as UTF-8 bytes; the same graph always gives the same bytes."""
    fmt = fmt if isinstance(fmt, Format) else get_format(fmt)
    if fmt.name == "jsonld":
        from .jsonld import to_jsonld

        return to_jsonld(g)
    items = document_quads(g, base) if fmt.named_graphs else sorted(ox_triples(g), key=sort_key)
    return serialize_ox(items, fmt)


def serialize_ox(items: Iterable[ox.Triple | ox.Quad], fmt: Format) -> bytes:
    prefixes = ox_prefixes() if fmt.name in ("turtle", "trig") else None
    return ox.serialize(items, format=fmt.ox_format, prefixes=prefixes)


def read_quads(path: Path | str, fmt: str | Format | None = None) -> list[ox.Quad]:
    """Parse a file strictly (pyoxigraph) into quads; triples formats give default-graph quads."""
    fmt = format_of_path(path) if fmt is None else fmt if isinstance(fmt, Format) else get_format(fmt)
    try:
        return list(ox.parse(path=str(path), format=fmt.ox_format))
    except (SyntaxError, ValueError) as exc:
        raise FormatError(f"{path}: not valid {fmt.name}: {exc}") from None
    except OSError as exc:
        raise FormatError(f"{path}: cannot be read: {exc.strerror or exc}") from None


def read_graph(path: Path | str, fmt: str | Format | None = None, graph: Graph | None = None) -> Graph:
    """A file of any format as one rdflib Graph (the union of its named graphs)."""
    return rdflib_graph(read_quads(path, fmt), graph)


def convert(quads: list[ox.Quad], target_fmt: str | Format) -> tuple[bytes, int]:
    """Quads read from any source, rewritten in `target_fmt`: the bytes and the triples.

    Named graphs in the source are kept when the target has named graphs; a source without
    them is split per document. A target without named graphs gets the union."""
    target_fmt = target_fmt if isinstance(target_fmt, Format) else get_format(target_fmt)
    named = any(not isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    g = rdflib_graph(quads)
    if target_fmt.named_graphs and named:
        return serialize_ox(sorted(set(quads), key=sort_key), target_fmt), len(g)
    return serialize(g, target_fmt), len(g)
