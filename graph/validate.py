"""Checking a graph against the SHACL shapes in `ontology/shapes.ttl` (pySHACL), with the
violations as plain records a person can read."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH, SKOS

from .vocabulary import ontology_graph, shapes_graph

_SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True)
class Violation:
    severity: str
    focus: str
    focus_label: str
    path: str
    message: str
    value: str
    shape: str

    def text(self) -> str:
        who = f"{self.focus} ({self.focus_label})" if self.focus_label else self.focus
        where = f" {self.path}:" if self.path else ""
        value = f" [value: {self.value}]" if self.value else ""
        return f"{self.severity}: {who}{where} {self.message}{value}"


@dataclass
class Report:
    conforms: bool
    violations: list[Violation]

    def text(self) -> str:
        if self.conforms:
            return "the graph conforms to the shapes"
        counts = {}
        for v in self.violations:
            counts[v.severity] = counts.get(v.severity, 0) + 1
        head = ", ".join(f"{n} {k}{'s' if n > 1 else ''}" for k, n in sorted(counts.items()))
        return "\n".join([f"the graph does not conform: {head}"] + [v.text() for v in self.violations])


def validate(g: Graph, shapes: Graph | None = None) -> Report:
    import pyshacl
    from rdflib import Dataset

    if isinstance(g, Dataset):  # pySHACL would check each named graph alone; shapes span graphs
        from .oxterms import ox_triples, rdflib_graph

        g = rdflib_graph(ox_triples(g))

    conforms, results, _text = pyshacl.validate(
        g, shacl_graph=shapes if shapes is not None else shapes_graph(), ont_graph=ontology_graph(),
        inference="none", advanced=True, allow_warnings=True)
    violations = sorted(_violations(results, g), key=lambda v: (v.severity, v.focus, v.path, v.message, v.value))
    return Report(bool(conforms), violations)


def _violations(results: Graph, data: Graph):
    for result in results.subjects(SH.resultSeverity, None):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        yield Violation(
            severity=_SEVERITY.get(results.value(result, SH.resultSeverity), "violation"),
            focus=_show(data, focus), focus_label=_label(data, focus),
            path=_show(data, path) if isinstance(path, URIRef) else "",
            message=str(message) if message is not None else str(results.value(result, SH.sourceConstraintComponent)),
            value=_show(data, value) if value is not None else "",
            shape=str(results.value(result, SH.sourceShape)),
        )


def _show(g: Graph, node) -> str:
    if isinstance(node, URIRef):
        try:
            return g.namespace_manager.normalizeUri(node)
        except Exception:  # noqa: BLE001 - rdflib refuses some IRIs as prefixed names
            return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    return str(node)


def _label(g: Graph, node) -> str:
    for prop in (RDFS.label, SKOS.prefLabel):
        labels = sorted(str(o) for o in g.objects(node, prop))
        if labels:
            return labels[0]
    return ""
