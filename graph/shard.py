"""One document's facts as its own named graph: sorted N-Quads lines made from plain strings,
plus the compact rows the corpus pass needs (corpus_table.py). Nothing here reads another
document, so any engine can map `write_shard` over a corpus and every shard is a pure
function of its document.

IRI strategy: every node a shard writes is minted from the document and the mention, never
from a corpus-wide decision. A post observation is `holding/<digest(doc, name as written,
post)>`; who that name is (identity across documents) is decided afterwards, over the
compact mention rows, and the shared graph says it (`obs cg:holder person`, `person org:holds
post`). The other choice — one identity pass before writing any shard — would make every
shard depend on every other document: `--update` and a new document elsewhere could change
shards already written, and workers would need two passes over the corpus. This way a shard
is written once, by the worker that extracted the document, and is the `--update` cache.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib.namespace import DCTERMS, ORG, QB, RDF, RDFS, XSD

from cadregraph.documents.model import Document
from cadregraph.extractors.facts import Evidence, Holding, Organization, Place
from cadregraph.extractors.indicators import vocabulary
from cadregraph.extractors.metric_facts import Metric
from cadregraph.extractors.slogan_facts import ProjectMention, SloganUse

from . import nt
from .iris import Iris
from .nodes import NodeBlocks
from .namespaces import CG, DATE_METHODS, OA, PROV, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE, STATUSES
from .metrics import FIGURE_KINDS, QUALIFIERS, SCOPES, STATISTIC_TYPES, _identity

P = {name: nt.iri(term) for name, term in {
    "type": RDF.type, "label": RDFS.label, "date": DCTERMS.date, "title": DCTERMS.title,
    "identifier": DCTERMS.identifier, "source": DCTERMS.source, "Document": CG.Document, "Entity": PROV.Entity,
    "fileName": CG.fileName, "contentHash": CG.contentHash, "encoding": CG.encoding, "dateMethod": CG.dateMethod,
    "dateEvidence": CG.dateEvidence, "evidence": CG.evidence, "derived": PROV.wasDerivedFrom, "rule": CG.rule,
    "TQS": OA.TextQuoteSelector, "TPS": OA.TextPositionSelector, "exact": OA.exact, "start": OA.start,
    "prefix": OA.prefix, "suffix": OA.suffix, "PostObservation": CG.PostObservation, "post": CG.post,
    "postAsWritten": CG.postAsWritten, "nameAsWritten": CG.nameAsWritten, "status": CG.status, "concurrent": CG.concurrent,
    "sentenceDate": CG.sentenceDate, "Observation": QB.Observation, "dataSet": QB.dataSet,
    "refArea": SDMX_DIMENSION.refArea, "refPeriod": SDMX_DIMENSION.refPeriod, "indicator": CG.indicator,
    "statisticType": CG.statisticType, "figureKind": CG.figureKind, "obsValue": SDMX_MEASURE.obsValue,
    "unitMeasure": SDMX_ATTRIBUTE.unitMeasure, "metricAsWritten": CG.metricAsWritten,
    "periodAsWritten": CG.periodAsWritten, "periodInferred": CG.periodInferred, "qualifier": CG.qualifier,
    "qualifierAsWritten": CG.qualifierAsWritten, "scope": CG.scope, "reportedBy": CG.reportedBy,
    "inSummary": CG.inSummary, "repairedFrom": CG.repairedFrom, "SloganUse": CG.SloganUse, "slogan": CG.slogan,
    "user": CG.user, "userRule": CG.userRule, "occurrences": CG.occurrences, "ProjectMention": CG.ProjectMention,
    "project": CG.project,
}.items()}
_V = {key: nt.iri(term) for table in (STATISTIC_TYPES, FIGURE_KINDS, QUALIFIERS, SCOPES, STATUSES, DATE_METHODS)
      for key, term in table.items()}
_XSD_BOOL_TRUE = nt.boolean(True)
_ = XSD, ORG


@dataclass
class Shard:
    """A document's named graph (sorted N-Quads lines) and its compact rows."""

    doc_id: str
    lines: list[str] = field(default_factory=list)
    rows: dict[str, list[tuple]] = field(default_factory=dict)

    def data(self) -> bytes:
        return "".join(self.lines).encode("utf-8")


class _Writer:
    def __init__(self, doc: Document, iris: Iris):
        self.doc, self.iris = doc, iris
        self.doc_iri = str(iris.document(doc.doc_id))
        self.g = nt.iri(self.doc_iri)
        self.triples: set[str] = set()
        self.nodes = NodeBlocks(iris)
        self.rows: dict[str, list[tuple]] = {"holdings": [], "slogans": [], "projects": [], "uses": [],
                                             "metrics": []}

    def add(self, s: str, p: str, o: str) -> None:
        self.triples.add(f"{s} {p} {o}")

    def evidence(self, obs: str, ev: Evidence, span: Evidence | None = None) -> str:
        """Provenance folded onto the fact: the document (also the graph's name, kept for
        files without graphs), the rule, the quote and where it starts; its end is implied
        (oa:start + the quote's length), so no oa:end is written. With a `span` (a
        slogan or project name inside its clause) the quote is the span, and the rest of the
        clause is its oa:prefix and oa:suffix, so the clause is still prefix + exact + suffix;
        without one, oa:prefix and oa:suffix are the rest of the quote's sentence."""
        add = self.add
        add(obs, P["derived"], self.g)
        add(obs, P["rule"], nt.text(ev.rule))
        prefix, suffix = ev.prefix, ev.suffix        # the rest of the sentence (quote_context.py)
        exact, start = ev.quote, ev.start           # the quote is text[start:end] (facts.py)
        if span is not None and ev.start <= span.start <= span.end <= ev.end \
                and ev.quote[span.start - ev.start:span.end - ev.start] == span.quote:
            prefix, suffix = ev.quote[:span.start - ev.start], ev.quote[span.end - ev.start:]
            exact, start = span.quote, span.start
        add(obs, P["exact"], nt.text(exact))
        add(obs, P["start"], nt.offset(start))
        if prefix:
            add(obs, P["prefix"], nt.text(prefix))
        if suffix:
            add(obs, P["suffix"], nt.text(suffix))
        return exact

    def unit_iri(self, unit: Place | Organization | None) -> str | None:
        if isinstance(unit, Place):
            return self.nodes.place(unit)
        if isinstance(unit, Organization):
            return self.nodes.org(unit)
        return None

    def document(self) -> None:
        doc, s, add = self.doc, self.g, self.add
        add(s, P["type"], P["Document"])
        add(s, P["fileName"], nt.text(doc.name))
        add(s, P["identifier"], nt.text(doc.doc_id))
        add(s, P["contentHash"], nt.text("sha256:" + doc.sha256))
        add(s, P["encoding"], nt.text(doc.encoding))
        if doc.title:
            add(s, P["title"], nt.zh(doc.title))
        if doc.source:
            add(s, P["source"], nt.text(doc.source))
        if doc.date.value:
            add(s, P["date"], nt.date(doc.date.value))
        add(s, P["dateMethod"], _V[doc.date.method])
        if doc.date.evidence:
            add(s, P["dateEvidence"], nt.text(doc.date.evidence))

    def shard(self) -> Shard:
        g = self.g
        lines = sorted(f"{t} {g} .\n" for t in self.triples)
        rows = {k: v for k, v in self.rows.items() if v}
        rows["nodes"] = [(iri, block) for iri, block in sorted(self.nodes.blocks.items())]
        return Shard(self.doc.doc_id, lines, rows)


def write_shard(doc: Document, facts: list, iris: Iris) -> Shard:
    from .shard_facts import add_holdings, add_metrics, add_projects, add_slogans

    w = _Writer(doc, iris)
    w.document()
    by_type: dict[type, list] = {}
    for fact in facts:
        by_type.setdefault(type(fact), []).append(fact)
    mappers = {Holding: add_holdings, Metric: add_metrics, SloganUse: add_slogans, ProjectMention: add_projects}
    for fact_type, items in by_type.items():
        if fact_type not in mappers:
            raise TypeError(f"no graph mapping for facts of type {fact_type.__name__}")
        mappers[fact_type](w, items)
    return w.shard()


__all__ = ["P", "Shard", "write_shard", "vocabulary", "_identity", "_V", "_XSD_BOOL_TRUE"]
