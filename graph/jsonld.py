"""JSON-LD that reads as plain JSON: short keys ("label", "holder", "start"), labels as
{"zh": …, "en": …} maps, IRIs as strings, offsets as numbers, and one flat "@graph" list of
nodes sorted by "id".

The context is the same for every graph (it comes from `ontology/*.ttl` and
`data/jsonld_terms.tsv`, not from the data), so code written against one file works on the
next. A value that does not fit its key's definition is written in expanded form
({"@value": …, "@type": …}), so the file always means exactly the graph it came from; a test
re-parses it with rdflib and pyoxigraph and compares.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .namespaces import ONTOLOGY_IRI, PREFIXES
from .vocabulary import declared_terms, ontology_graph

_INTEGER_TYPES = {str(XSD[t]) for t in ("integer", "nonNegativeInteger", "positiveInteger", "int", "long")}


@dataclass(frozen=True)
class Term:
    key: str
    iri: str
    values: str | None  # "@id", "@language", an xsd IRI, or None


def _expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return str(PREFIXES[prefix]) + local


@lru_cache(maxsize=1)
def terms() -> dict[str, Term]:
    """IRI → Term; standard terms from the data file first, then our ontology's terms."""
    rows = [ln.split("\t") for ln in resources.files("cadregraph.graph").joinpath("data", "jsonld_terms.tsv")
            .read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")][1:]
    out: dict[str, Term] = {}
    keys: set[str] = set()
    for key, curie, values in rows:
        coercion = None if values == "-" else values if values.startswith("@") else _expand(values)
        out[_expand(curie)] = Term(key, _expand(curie), coercion)
        keys.add(key)
    onto = ontology_graph()
    for iri in sorted(declared_terms(ONTOLOGY_IRI)):
        key = str(iri)[len(ONTOLOGY_IRI):]
        coercion = _coercion(onto, iri)
        if key in keys or key in PREFIXES or coercion == "individual":
            continue  # a name clash or an individual: written as the compact IRI "cg:…"
        out[str(iri)] = Term(key, str(iri), coercion)
        keys.add(key)
    return out


def _coercion(onto: Graph, iri: URIRef) -> str | None:
    types = set(onto.objects(iri, RDF.type))
    if types & {OWL.Class, RDFS.Class}:
        return None
    if OWL.ObjectProperty in types:
        return "@id"
    if OWL.DatatypeProperty in types:
        ranges = set(onto.objects(iri, RDFS.range))
        if ranges == {RDF.langString}:
            return "@language"
        if len(ranges) == 1 and str(next(iter(ranges))).startswith(str(XSD)) and XSD.string not in ranges:
            return str(next(iter(ranges)))
        return None
    if types & {RDF.Property, OWL.AnnotationProperty}:
        return None
    return "individual"


def context() -> dict:
    ctx: dict = {"id": "@id", "type": "@type"}
    ctx.update({prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())})
    for term in sorted(terms().values(), key=lambda t: t.key):
        if term.values is None:
            ctx[term.key] = _compact(term.iri)
        elif term.values == "@language":
            ctx[term.key] = {"@id": _compact(term.iri), "@container": "@language"}
        else:
            ctx[term.key] = {"@id": _compact(term.iri), "@type": _compact(term.values) if term.values[0] != "@" else term.values}
    return ctx


@lru_cache(maxsize=4096)
def _compact(iri: str) -> str:
    """prefix:local for an IRI in a known namespace with a plain local part, else the IRI."""
    for prefix, ns in PREFIXES.items():
        local = iri[len(str(ns)):]
        if iri.startswith(str(ns)) and local and local.replace("_", "a").replace("-", "a").isalnum() and local.isascii():
            return f"{prefix}:{local}"
    return iri


def _node_id(node) -> str:
    return f"_:{node}" if isinstance(node, BNode) else _compact(str(node))


def _type_name(iri) -> str:
    term = terms().get(str(iri))
    return term.key if term is not None and term.values is None else _compact(str(iri))


def _add_value(node: dict, predicate, obj) -> None:
    term = terms().get(str(predicate))
    key = term.key if term else _compact(str(predicate))
    coercion = term.values if term else None
    if isinstance(obj, Literal) and obj.language:
        if coercion == "@language":
            node.setdefault(key, {}).setdefault(obj.language, []).append(str(obj))
            return
        value = {"@value": str(obj), "@language": obj.language}
    elif not isinstance(obj, Literal):
        if coercion == "@language":
            key, coercion = _compact(str(predicate)), None
        value = _node_id(obj) if coercion == "@id" else {"@id": _node_id(obj)}
    else:
        if coercion == "@language":  # a language map holds only tagged strings
            key, coercion = _compact(str(predicate)), None
        value = _literal_value(obj, coercion)
    node.setdefault(key, []).append(value)


def _literal_value(obj: Literal, coercion: str | None):
    lexical, datatype = str(obj), str(obj.datatype) if obj.datatype else None
    canonical_int = lexical.lstrip("-").isdigit() and lexical == str(int(lexical))
    if datatype in _INTEGER_TYPES and canonical_int and coercion in (datatype, None if datatype == str(XSD.integer) else datatype):
        return int(lexical)  # a JSON number; the key's type (or xsd:integer) gives it back its datatype
    if datatype == str(XSD.boolean) and coercion in (None, datatype) and lexical in ("true", "false"):
        return lexical == "true"
    if datatype == coercion and coercion is not None:
        return lexical
    if datatype in (None, str(XSD.string)):
        return lexical if coercion is None else {"@value": lexical}
    return {"@value": lexical, "@type": _compact(datatype)}


def _simplify(node: dict) -> dict:
    out = {}
    for key in sorted(node, key=lambda k: (k not in ("id", "type"), k)):
        value = node[key]
        if isinstance(value, dict):  # a language map
            value = {lang: (v[0] if len(v) == 1 else sorted(v)) for lang, v in sorted(value.items())}
        elif isinstance(value, list):
            value = sorted(value, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
            value = value[0] if len(value) == 1 and key != "type" else value
        out[key] = value
    return out


def to_jsonld(g: Graph) -> bytes:
    nodes: dict = {}
    for s, p, o in g.triples((None, None, None)):
        node = nodes.setdefault(s, {"id": _node_id(s)})
        if p == RDF.type and not isinstance(o, Literal):
            node.setdefault("type", []).append(_type_name(o))
        else:
            _add_value(node, p, o)
    doc = {"@context": context(), "@graph": [_simplify(nodes[s]) for s in sorted(nodes, key=str)]}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
