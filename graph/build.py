"""Facts to one rdflib graph. Each kind of fact has its own mapping module; this module holds
the shared context, documents and places, and dispatches facts to their mapper.

A mapper writes with `ctx.out.add(triple)` and asks `ctx.first_time(node)` before describing a
shared node; it does not read `ctx.g`, whose last batch is only added after all mappers ran.
Derivations run after that and may read the whole graph."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from cadregraph.documents.model import DocDate, Document
from cadregraph.extractors.facts import Evidence, Holding, Place
from cadregraph.extractors.gazetteer import gazetteer

from .iris import Iris
from .literals import date_literal, offset_literal
from .namespaces import CG, DATE_METHODS, DEFAULT_BASE, OA, PREFIXES, PROV, SCHEMA


class TripleBatch:
    """Triples on their way into a graph, added a batch at a time. rdflib's `Graph.add` checks
    each node and goes through the store one triple at a time, which is most of the cost of
    building millions of triples; `addN` hands the store a whole batch (Oxigraph takes it in
    one call). Mappers only write, so nothing needs to see a triple before its batch is in."""

    SIZE = 50_000

    def __init__(self, graph: Graph):
        self.graph = graph
        self._pending: list[tuple] = []

    def add(self, triple: tuple) -> None:
        self._pending.append(triple)
        if len(self._pending) >= self.SIZE:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            g = self.graph
            # Straight to the store: Graph.addN would check every node, and mappers make
            # only IRIs and literals.
            g.store.addN((s, p, o, g) for s, p, o in self._pending)
            self._pending = []


@dataclass
class BuildContext:
    g: Graph
    iris: Iris
    documents: dict[str, Document] = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    out: TripleBatch = field(init=False)
    _described: set[str] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        self.out = TripleBatch(self.g)

    def first_time(self, node: URIRef) -> bool:
        """True the first time a node is asked about: mappers describe each shared node (a
        person, post, place, unit) once, without asking the graph, which is still filling."""
        if node in self._described:
            return False
        self._described.add(node)
        return True

    def doc_iri(self, doc_id: str) -> URIRef:
        return self.iris.document(doc_id)

    def doc_date(self, doc_id: str) -> DocDate:
        return self.documents[doc_id].date

    def add_evidence(self, observation: URIRef, evidence: Evidence) -> None:
        """The quote and its character span, as Web Annotation selectors, and the rule."""
        g = self.out
        node = self.iris.evidence(observation)
        g.add((observation, CG.evidence, node))
        g.add((observation, PROV.wasDerivedFrom, self.doc_iri(evidence.doc_id)))
        g.add((observation, CG.rule, Literal(evidence.rule)))
        g.add((node, RDF.type, OA.TextQuoteSelector))
        g.add((node, RDF.type, OA.TextPositionSelector))
        g.add((node, OA.exact, Literal(evidence.quote)))
        g.add((node, OA.start, offset_literal(evidence.start)))
        g.add((node, OA.end, offset_literal(evidence.end)))
        # the quote's sentence around it, so every quote can be read in context
        if evidence.prefix:
            g.add((node, OA.prefix, Literal(evidence.prefix)))
        if evidence.suffix:
            g.add((node, OA.suffix, Literal(evidence.suffix)))

    def add_place(self, place: Place) -> URIRef:
        iri = self.iris.place(place.id)
        if not self.first_time(iri):
            return iri
        g = self.out
        g.add((iri, RDF.type, CG.District))
        g.add((iri, RDF.type, SCHEMA.AdministrativeArea))
        g.add((iri, RDFS.label, Literal(place.name, lang="zh")))
        g.add((iri, SKOS.prefLabel, Literal(place.name, lang="zh")))
        if place.name_en:
            g.add((iri, RDFS.label, Literal(place.name_en, lang="en")))
        for alt in place.short_names:
            g.add((iri, SKOS.altLabel, Literal(alt, lang="zh")))
        if place.code:
            g.add((iri, SKOS.notation, Literal(place.code)))
        g.add((iri, CG.kind, Literal(place.kind)))
        return iri


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def add_document(ctx: BuildContext, doc: Document) -> None:
    g, iri = ctx.out, ctx.doc_iri(doc.doc_id)
    ctx.documents[doc.doc_id] = doc
    g.add((iri, RDF.type, CG.Document))
    g.add((iri, RDF.type, PROV.Entity))
    g.add((iri, CG.fileName, Literal(doc.name)))
    g.add((iri, DCTERMS.identifier, Literal(doc.doc_id)))
    g.add((iri, CG.contentHash, Literal("sha256:" + doc.sha256)))
    g.add((iri, CG.encoding, Literal(doc.encoding)))
    if doc.title:
        g.add((iri, DCTERMS.title, Literal(doc.title, lang="zh")))
    if doc.source:
        g.add((iri, DCTERMS.source, Literal(doc.source)))
    if doc.date.value:
        g.add((iri, DCTERMS.date, date_literal(doc.date.value)))
    g.add((iri, CG.dateMethod, DATE_METHODS[doc.date.method]))
    if doc.date.evidence:
        g.add((iri, CG.dateEvidence, Literal(doc.date.evidence)))


Mapper = Callable[[BuildContext, list], None]


def _mappers() -> dict[type, Mapper]:
    from cadregraph.extractors.metric_facts import Metric

    from cadregraph.extractors.slogan_facts import ProjectMention, SloganUse

    from .holdings import add_holdings
    from .projects import add_projects
    from .slogans import add_slogans
    from .metrics import add_metrics

    return {Holding: add_holdings, SloganUse: add_slogans, ProjectMention: add_projects, Metric: add_metrics}


def _derivations() -> list[Callable[[BuildContext], None]]:
    """Post-processing steps, run on every build after all mappers: facts derived from the
    whole graph (careers: tenures, successions, career steps)."""
    from .careers import add_careers

    return [add_careers]


def build_graph(documents: Iterable[Document], facts: Iterable, base: str = DEFAULT_BASE,
                options: dict | None = None, graph: Graph | None = None) -> Graph:
    """The graph of `documents` and their `facts`, made by the streaming build's writers (one
    shard per document, then the shared graph: graph/shard.py, graph/shared.py), so that every
    caller gets the graph `cadregraph build` writes. `graph`: an empty graph to build into."""
    from cadregraph.pipeline import Corpus
    from cadregraph.pipeline import build_graph as streamed

    return streamed(Corpus(documents=list(documents), facts=list(facts)), base=base,
                    identity_file=(options or {}).get("identity_file"), graph=graph)
