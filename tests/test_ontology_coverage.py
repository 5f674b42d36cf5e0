"""ontology/*.ttl is one proper OWL/RDFS ontology that declares, labels (en, zh) and comments
every cadregraph term a built graph uses; standard-vocabulary terms the graph uses exist in
those vocabularies."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, QB, RDF, RDFS, SKOS, XSD

from cadregraph.graph.namespaces import CG, ONTOLOGY_IRI
from cadregraph.graph.vocabulary import declared_terms, ontology_graph

CLASS_TYPES = {OWL.Class, RDFS.Class}
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property}
CLOSED_VOCABULARIES = (ORG, PROV, SKOS, DCTERMS, FOAF, QB)  # rdflib knows every term of these


def terms_used(g: Graph) -> set[URIRef]:
    """Predicates, classes, and IRIs of our namespace used as values (individuals such as cg:Holds)."""
    used = set()
    for s, p, o in g:
        used.add(p)
        if p == RDF.type or (isinstance(o, URIRef) and str(o).startswith(ONTOLOGY_IRI)):
            used.add(o)
    return used


def test_every_cadregraph_term_the_graph_uses_is_declared(seeds_graph):
    used = {t for t in terms_used(seeds_graph) if str(t).startswith(ONTOLOGY_IRI)}
    undeclared = sorted(used - declared_terms(ONTOLOGY_IRI))
    assert not undeclared, f"declare these in ontology/*.ttl: {undeclared}"


def test_a_graph_with_an_undeclared_term_fails_the_check(seeds_graph):
    g = Graph()
    g += seeds_graph
    g.add((URIRef("https://cadregraph.org/id/x"), URIRef(ONTOLOGY_IRI + "notDeclared"), Literal("x")))
    used = {t for t in terms_used(g) if str(t).startswith(ONTOLOGY_IRI)}
    assert used - declared_terms(ONTOLOGY_IRI) == {URIRef(ONTOLOGY_IRI + "notDeclared")}


def test_standard_terms_the_graph_uses_exist(seeds_graph):
    unknown = sorted(t for t in terms_used(seeds_graph)
                     for ns in CLOSED_VOCABULARIES if str(t).startswith(str(ns)) and t not in ns)
    assert not unknown, f"not terms of their vocabulary: {unknown}"


def test_the_closed_namespace_and_the_ontology_agree():
    in_code = {URIRef(ONTOLOGY_IRI + name) for name in CG.__annotations__}
    assert in_code <= declared_terms(ONTOLOGY_IRI), sorted(in_code - declared_terms(ONTOLOGY_IRI))


def test_one_ontology_with_metadata():
    onto = ontology_graph()
    ontologies = list(onto.subjects(RDF.type, OWL.Ontology))
    assert ontologies == [URIRef(ONTOLOGY_IRI.rstrip("#"))]
    assert {lbl.language for lbl in onto.objects(ontologies[0], RDFS.label)} >= {"en", "zh"}
    assert onto.value(ontologies[0], OWL.versionInfo) is not None


@pytest.mark.parametrize("term", sorted(declared_terms(ONTOLOGY_IRI)), ids=lambda t: t.split("#")[-1])
def test_every_term_is_labelled_in_english_and_chinese_and_commented(term):
    onto = ontology_graph()
    labels = {lbl.language for lbl in onto.objects(term, RDFS.label)}
    assert {"en", "zh"} <= labels, f"{term}: labels {labels}"
    assert any(isinstance(c, Literal) and c.language == "en" for c in onto.objects(term, RDFS.comment)), term


def test_terms_are_well_formed_owl():
    onto = ontology_graph()
    classes = {c for t in CLASS_TYPES for c in onto.subjects(RDF.type, t)}
    cg_classes = {c for c in classes if str(c).startswith(ONTOLOGY_IRI)}
    problems = []
    for term in declared_terms(ONTOLOGY_IRI):
        types = set(onto.objects(term, RDF.type))
        if types & CLASS_TYPES and types & PROPERTY_TYPES:
            problems.append(f"{term} is both a class and a property")
        if OWL.ObjectProperty in types and OWL.DatatypeProperty in types:
            problems.append(f"{term} is both an object and a datatype property")
        for link in (RDFS.domain, RDFS.range, RDFS.subClassOf, RDFS.subPropertyOf):
            for target in onto.objects(term, link):
                if str(target).startswith(ONTOLOGY_IRI) and target not in declared_terms(ONTOLOGY_IRI):
                    problems.append(f"{term} {link} an undeclared term {target}")
        for target in onto.objects(term, RDFS.range):
            is_datatype = str(target).startswith(str(XSD)) or target in (RDF.langString, RDFS.Literal)
            if OWL.ObjectProperty in types and is_datatype:
                problems.append(f"object property {term} has a datatype range {target}")
            if OWL.DatatypeProperty in types and not is_datatype:
                problems.append(f"datatype property {term} has a class range {target}")
        for target in onto.objects(term, RDFS.domain):
            if str(target).startswith(ONTOLOGY_IRI) and target not in cg_classes:
                problems.append(f"{term}'s domain {target} is not a class")
    assert not problems, "\n".join(sorted(problems))
