"""Vocabularies. Our own terms come from one closed namespace whose every term is declared in
`ontology/cadregraph.ttl` (a test checks both ways); asking for an undeclared term fails."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, QB, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
ONTOLOGY_IRI = "https://cadregraph.org/ontology#"
DEFAULT_BASE = "https://cadregraph.org/id/"


class CG(DefinedNamespace):
    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Document: URIRef
    District: URIRef
    PostObservation: URIRef
    DateMethod: URIRef
    HoldingStatus: URIRef
    NameVariantMerge: URIRef
    # document properties
    contentHash: URIRef
    fileName: URIRef
    encoding: URIRef
    dateMethod: URIRef
    dateEvidence: URIRef
    # observation properties
    holder: URIRef
    post: URIRef
    postAsWritten: URIRef
    status: URIRef
    concurrent: URIRef
    rule: URIRef
    evidence: URIRef
    sentenceDate: URIRef
    # places and organizations
    district: URIRef
    kind: URIRef
    # people
    nameVariantOf: URIRef
    mergeReason: URIRef
    # individuals: how a date was obtained
    DateFromMetadata: URIRef
    DateStatedInText: URIRef
    DateInferred: URIRef
    DateUnknown: URIRef
    # individuals: holding status
    Holds: URIRef
    TakesUp: URIRef
    Leaves: URIRef
    Proposed: URIRef


DATE_METHODS = {
    "metadata": CG.DateFromMetadata,
    "text": CG.DateStatedInText,
    "inferred": CG.DateInferred,
    "unknown": CG.DateUnknown,
}

STATUSES = {"holds": CG.Holds, "takes-up": CG.TakesUp, "leaves": CG.Leaves, "proposed": CG.Proposed}

PREFIXES = {
    "cg": CG._NS, "org": ORG, "foaf": FOAF, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS,
    "time": TIME, "qb": QB, "oa": OA, "xsd": XSD, "rdfs": RDFS, "rdf": RDF, "schema": SCHEMA,
}
