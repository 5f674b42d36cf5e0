"""When a question about a person, post, district or slogan finds nothing because the graph has no
such name, say so and suggest the nearest names the graph does have.

A parameter's kind is its name (`person`, `post`, `district`, `slogan`), so a question added
later with such a parameter gets hints too. Labels are compared as written (the graph keeps
simplified characters); nearness is difflib's ratio, and for people a name with the same surname
comes first (a misremembered given name is the usual mistake: 张三 → 张华, 张三丰).
"""
from __future__ import annotations

from difflib import SequenceMatcher

from .queries import QueryError, run_sparql

# The written forms a question accepts for each kind of parameter (as the q*.rq files match them).
LABELS = {
    "person": ("person", "people", """
        SELECT DISTINCT ?label WHERE { ?p a foaf:Person ; rdfs:label|skos:altLabel ?l . BIND (STR(?l) AS ?label) }"""),
    "post": ("post", "posts", """
        SELECT DISTINCT ?label WHERE {
          { ?p a org:Post ; rdfs:label ?l } UNION { ?obs cg:postAsWritten ?l }
          BIND (STR(?l) AS ?label) }"""),
    "district": ("district", "districts", """
        SELECT DISTINCT ?label WHERE { ?d a cg:District ; rdfs:label|skos:altLabel ?l . BIND (STR(?l) AS ?label) }"""),
    "slogan": ("slogan", "slogans", """
        SELECT DISTINCT ?label WHERE { ?c cg:sloganKind ?k ; skos:prefLabel|skos:altLabel ?l . BIND (STR(?l) AS ?label) }"""),
}
MAX_SUGGESTIONS = 5
MIN_RATIO = 0.34


class UnknownValueError(QueryError):
    """A question's parameter names nothing in the graph; `suggestions`: the nearest names."""

    def __init__(self, message: str, parameter: str, value: str, suggestions: list[str]):
        super().__init__(message)
        self.parameter, self.value, self.suggestions = parameter, value, suggestions


def check_known_values(store, query_name: str, values: dict[str, str]) -> None:
    """Raise UnknownValueError for the first parameter of a known kind whose value is no label
    of that kind in the graph."""
    for parameter, value in values.items():
        if parameter not in LABELS:
            continue
        kind, plural, sparql = LABELS[parameter]
        labels = {row["label"] for row in run_sparql(store, sparql, f"{kind} names").rows if row["label"]}
        if value in labels:
            continue
        near = nearest(value, labels, same_first_character=kind == "person")
        if near:
            hint = f"the nearest {plural} in the graph: {', '.join(near)}"
        else:
            hint = f"no {kind} in the graph has a similar name ({len(labels)} {plural} in all)"
        raise UnknownValueError(f"{query_name}: no {kind} named {value!r} in the graph; {hint}",
                                parameter, value, near)


def nearest(value: str, labels, same_first_character: bool = False, limit: int = MAX_SUGGESTIONS) -> list[str]:
    """The labels closest to `value`, best first: those sharing its first character first when
    `same_first_character` (a surname), then by similarity; a label containing the value or
    contained in it counts as close."""
    value = value.strip()
    scored = []
    for label in labels:
        ratio = SequenceMatcher(None, value, label).ratio()
        contains = bool(value) and (value in label or label in value)
        same = same_first_character and label[:1] == value[:1]
        if ratio >= MIN_RATIO or contains or same:
            scored.append((not same, not contains, -ratio, len(label), label))
    return [item[-1] for item in sorted(scored)[:limit]]
