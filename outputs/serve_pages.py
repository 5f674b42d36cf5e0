"""The HTML of `cadregraph serve`'s query page: the named questions as forms, a SPARQL box,
and a result as a table, rendered on the server (no script: the page works with JavaScript
off, and every value reaches it through Jinja's autoescaping)."""
from __future__ import annotations

from dataclasses import dataclass, field

from cadregraph.graph.namespaces import PREFIXES

from .queries import NamedQuery, QueryError, named_queries
from .view import templates

QUESTION_PREFIX = "q"          # q1_person_posts … q8: the design questions
TABLE_PREFIX = "table_"        # the export tables, runnable as queries too
EXAMPLE_QUERY = """PREFIX cg: <https://cadregraph.org/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX time: <http://www.w3.org/2006/time#>

# Who held which post, first and last seen: 20 tenures
SELECT ?person ?post ?first_seen ?last_seen WHERE {
  ?t a cg:Tenure ; org:member/rdfs:label ?person ; cg:ofPost/rdfs:label ?post .
  OPTIONAL { ?t org:memberDuring/time:hasBeginning/(time:inXSDDate|time:inXSDgYearMonth|time:inXSDgYear) ?first_seen }
  OPTIONAL { ?t cg:lastSeen ?last_seen }
}
ORDER BY ?person ?first_seen
LIMIT 20
"""


@dataclass
class Question:
    name: str
    title: str
    description: str
    params: list[dict] = field(default_factory=list)


def _title(q: NamedQuery) -> str:
    text = q.description
    for lead in ("Design question ", "DESIGN.md §3 question "):
        if text.startswith(lead):
            text = text[len(lead):].split(":", 1)[-1].strip()
    end = min((i for i in (text.find("?"), text.find(". ")) if i >= 0), default=len(text) - 1)
    return text[:end + 1].strip() or q.name


def questions(values: dict[str, str] | None = None, chosen: str = "") -> tuple[list[Question], list[Question]]:
    """The design questions and the tables, each with its parameters (the chosen one's filled
    with `values`)."""
    asked, tables = [], []
    for q in named_queries():
        if not (q.name[:1] == QUESTION_PREFIX and q.name[1:2].isdigit()) and not q.name.startswith(TABLE_PREFIX):
            continue
        params = [{"name": p.name, "default": p.default, "doc": p.doc,
                   "value": (values or {}).get(p.name, p.default) if q.name == chosen else p.default}
                  for p in q.params.values()]
        item = Question(q.name, _title(q), q.description, params)
        (tables if q.name.startswith(TABLE_PREFIX) else asked).append(item)
    return asked, tables


def question_text(name: str, values: dict[str, str]) -> tuple[str, str]:
    """The full name and the SPARQL of named question `name` (a question or table name, or the
    prefix of one: q1) with `values` for its parameters; QueryError when there is no such
    question or parameter. Only the bundled queries are looked up: never a file or SPARQL text."""
    named = {q.name: q for q in named_queries()
             if (q.name[:1] == QUESTION_PREFIX and q.name[1:2].isdigit()) or q.name.startswith(TABLE_PREFIX)}
    matches = [n for n in named if n == name] or [n for n in named if n.startswith(name + "_")]
    if len(matches) != 1:
        raise QueryError(f"no question named {name!r}; the questions are {', '.join(sorted(named))}")
    return matches[0], named[matches[0]].with_params({k: v for k, v in values.items() if k != "query"})


def short_iri(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if iri.startswith(str(ns)) and len(iri) > len(str(ns)):
            return f"{prefix}:{iri[len(str(ns)):]}"
    return iri


def display_rows(table: dict) -> list[list[dict]]:
    """Cells as {text, kind, extra, title} for the template."""
    out = []
    for row in table.get("rows", []):
        cells = []
        for cell in row:
            if cell is None:
                cells.append({"text": "", "kind": "unbound", "extra": "", "title": ""})
            elif cell[0] == "uri":
                cells.append({"text": short_iri(cell[1]), "kind": "uri", "extra": "", "title": cell[1]})
            elif cell[0] == "literal":
                extra = cell[2]   # a language tag or a datatype, shown on hover
                cells.append({"text": cell[1], "kind": "literal", "extra": "",
                              "title": ("@" + extra) if extra and ":" not in extra else short_iri(extra)})
            else:
                cells.append({"text": cell[1] if cell[0] != "bnode" else "_:" + cell[1], "kind": cell[0],
                              "extra": "", "title": ""})
        out.append(cells)
    return out


def render_query_page(*, query_text: str, chosen: str = "", values: dict[str, str] | None = None,
                      table: dict | None = None, error: str = "", max_rows: int = 1000,
                      endpoint: str = "/sparql", title: str = "cadregraph") -> str:
    asked, tables = questions(values, chosen)
    return templates().get_template("serve_query.html.j2").render(
        title=title, query_text=query_text or EXAMPLE_QUERY, chosen=chosen, questions=asked, tables=tables,
        table=table, rows=display_rows(table) if table else [], error=error, max_rows=max_rows,
        endpoint=endpoint)
