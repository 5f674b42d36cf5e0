"""Vocabularies. Our own terms come from one closed namespace whose every term is declared in
`ontology/cadregraph.ttl` (a test checks both ways); asking for an undeclared term fails."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, QB, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
# SDMX-RDF components, the usual dimensions and measure of RDF Data Cube datasets
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
ONTOLOGY_IRI = "https://cadregraph.org/ontology#"
# A slogan use's cg:userRule is written only when it is not this one (90% of uses on a
# synthetic corpus): the user is the unit whose section holds the sentence.
DEFAULT_USER_RULE = "section"
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
    nameAsWritten: URIRef
    # identity decisions (ontology/careers.ttl): merges and near-misses kept apart
    IdentityDecision: URIRef
    decision: URIRef
    reason: URIRef
    aboutPerson: URIRef
    spelling: URIRef
    sideA: URIRef
    sideB: URIRef
    # careers (ontology/careers.ttl): derived tenures, successions and career steps
    Tenure: URIRef
    CareerStep: URIRef
    ofPost: URIRef
    openBeginning: URIRef
    openEnded: URIRef
    holderIndex: URIRef
    predecessor: URIRef
    successor: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    endReason: URIRef
    endEvidence: URIRef
    observation: URIRef
    stepOf: URIRef
    heldPost: URIRef
    leftPost: URIRef
    newPost: URIRef
    careerIndex: URIRef
    previousStep: URIRef
    postChanged: URIRef
    # statistics (ontology/statistics.ttl): reported figures as RDF Data Cube observations
    Indicator: URIRef
    StatisticType: URIRef
    FigureKind: URIRef
    FigureQualifier: URIRef
    AreaScope: URIRef
    UnitOfMeasure: URIRef
    indicator: URIRef
    statisticType: URIRef
    figureKind: URIRef
    qualifier: URIRef
    qualifierAsWritten: URIRef
    scope: URIRef
    metricAsWritten: URIRef
    periodAsWritten: URIRef
    periodInferred: URIRef
    reportedBy: URIRef
    inSummary: URIRef
    repairedFrom: URIRef
    Level: URIRef
    GrowthRate: URIRef
    Actual: URIRef
    Target: URIRef
    Plan: URIRef
    LowerBound: URIRef
    Approximate: URIRef
    UpperBound: URIRef
    WholeArea: URIRef
    DirectlyAdministeredArea: URIRef
    # slogans and projects (ontology/slogans.ttl)
    Slogan: URIRef
    SloganKind: URIRef
    SloganUse: URIRef
    Project: URIRef
    ProjectMention: URIRef
    sloganKind: URIRef
    slogan: URIRef
    user: URIRef
    usesSlogan: URIRef
    userRule: URIRef
    occurrences: URIRef
    project: URIRef
    NumberedFormulation: URIRef
    Catchphrase: URIRef
    BrandName: URIRef
    Emphasis: URIRef
    DocumentTitle: URIRef
    QuotedSpeech: URIRef
    HonoraryTitle: URIRef
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
    Held: URIRef



def _resolve_terms(namespace: type[DefinedNamespace]) -> None:
    """Make every declared term a plain class attribute. A DefinedNamespace otherwise checks
    and builds a new URIRef on each access, millions of times in a large build."""
    for name in namespace.__annotations__:
        type.__setattr__(namespace, name, namespace._NS[name])


_resolve_terms(CG)
DATE_METHODS = {
    "metadata": CG.DateFromMetadata,
    "text": CG.DateStatedInText,
    "inferred": CG.DateInferred,
    "unknown": CG.DateUnknown,
}

STATUSES = {"holds": CG.Holds, "takes-up": CG.TakesUp, "leaves": CG.Leaves, "proposed": CG.Proposed,
            "held": CG.Held}

PREFIXES = {
    "cg": CG._NS, "org": ORG, "foaf": FOAF, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS,
    "time": TIME, "qb": QB, "oa": OA, "xsd": XSD, "rdfs": RDFS, "rdf": RDF, "schema": SCHEMA,
    "sdmx-dimension": SDMX_DIMENSION, "sdmx-measure": SDMX_MEASURE, "sdmx-attribute": SDMX_ATTRIBUTE,
}
