"""Named SPARQL questions and ad-hoc queries over a graph, printed as a table.

The named queries are the `.rq` files in `graph/queries/` (q1_person_posts … q8, tables). Each
stays a plain SPARQL file any triple store can run, written with an example value: a header line
`# param: person = 石强 — what it means` declares that every string literal "石强" in the query
is the parameter `person`. (A one-value `VALUES ?name { "value" }` clause is a parameter too,
named after its variable.) `--param person=罗蔺` replaces those literals with a SPARQL string
literal built here — quotes, backslashes and line breaks escaped — so user text is never
spliced into the query as syntax. Literals rather than VALUES + BIND, because rdflib orders a
pattern's triples before it knows what a BIND binds, and a literal in a triple lets it start
from that triple (seconds instead of minutes on a thousand-document graph).
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import regex
from rdflib import Graph

from cadregraph.errors import CadregraphError
from cadregraph.graph.namespaces import PREFIXES
from cadregraph.graph.oxterms import ox_store_of, ox_triples

from .values import python_value, render as render_rows

_STRING = regex.compile(r'"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'')
# A one-value VALUES clause on one variable: the parameter and its default.
_PARAM = regex.compile(r'VALUES\s+\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\{\s*"(?P<value>(?:[^"\\\n\r]|\\.)*)"\s*\}')
_PARAM_DOC = regex.compile(r"^#\s*param:\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*(?P<default>[^—]*?))?\s*(?:—\s*(?P<doc>.*))?$")
_SPARQL_START = regex.compile(r"(?i)(?:^|\s)(?:PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\s")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
FORMATS = ("text", "csv", "json", "jsonl")


_QUESTION = regex.compile(r"^q\d+_")   # q1_person_posts …: the named questions; the rest are internal


class QueryError(CadregraphError):
    pass


@dataclass(frozen=True)
class Param:
    name: str
    default: str
    doc: str = ""
    values_clause: bool = False   # set by a VALUES clause rather than declared in the header


@dataclass
class NamedQuery:
    name: str
    text: str
    description: str = ""
    params: dict[str, Param] = field(default_factory=dict)

    @classmethod
    def from_text(cls, name: str, text: str) -> "NamedQuery":
        params: dict[str, Param] = {}
        description: list[str] = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            m = _PARAM_DOC.match(line)
            if m and m["default"] is not None:
                params[m["name"]] = Param(m["name"], m["default"].strip(), (m["doc"] or "").strip())
            else:
                description.append(line.lstrip("# ").rstrip())
        declared = {p.default for p in params.values()}
        for line in _code_lines(text):
            m = _PARAM.search(line)
            # a VALUES clause holding a declared parameter's example is that parameter
            if m and m["name"] not in params and _unescape(m["value"]) not in declared:
                params[m["name"]] = Param(m["name"], _unescape(m["value"]), "", values_clause=True)
        query = cls(name, text, " ".join(d for d in description if d), params)
        query.check()
        return query

    @property
    def is_question(self) -> bool:
        """q1_person_posts …: a question for users; the others serve tables, the view, the report."""
        return bool(_QUESTION.match(self.name))

    def check(self) -> None:
        defaults = [p.default for p in self.params.values() if not p.values_clause]
        if len(set(defaults)) != len(defaults):
            raise QueryError(f"query {self.name!r}: two parameters have the same example value")
        for p in self.params.values():
            if not p.values_clause and not any(_literal_value(t) == p.default for line in _code_lines(self.text)
                                               for t in _STRING.findall(line)):
                raise QueryError(f"query {self.name!r}: parameter {p.name} = {p.default!r} appears in no string literal")

    def check_values(self, values: dict[str, str]) -> None:
        unknown = sorted(set(values) - set(self.params))
        if unknown:
            known = "; ".join(f"{p.name} — {p.doc or 'e.g. ' + p.default}" for p in self.params.values())
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                             + (f"its parameters: {known}" if known else "it takes no parameters"))
        for name, value in values.items():
            if self.params[name].default.isdigit() and not value.strip().isdigit():
                raise QueryError(f"parameter {name} of {self.name} is a whole number "
                                 f"(e.g. {self.params[name].default}), not {value!r}")

    def with_params(self, values: dict[str, str]) -> str:
        self.check_values(values)
        by_default = {self.params[n].default: v for n, v in values.items() if not self.params[n].values_clause}
        lines = self.text.splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.lstrip().startswith("#"):
                continue
            if by_default:
                line = _STRING.sub(lambda m: sparql_string(by_default[_literal_value(m[0])])
                                   if _literal_value(m[0]) in by_default else m[0], line)
            m = _PARAM.search(line)
            if m and m["name"] in values and self.params[m["name"]].values_clause:
                line = line[:m.start()] + f"VALUES ?{m['name']} {{ {sparql_string(values[m['name']])} }}" + line[m.end():]
            lines[i] = line
        return "".join(lines)


@dataclass
class QueryResult:
    """`rows`: every value as its RDF text (None when unbound); `typed_rows`: the same values
    typed by their datatype (int, Decimal, bool, datetime.date …; see values.python_value)."""
    columns: list[str]
    rows: list[dict[str, str | None]]
    typed_rows: list[dict[str, object]] = field(default_factory=list)


def sparql_string(value: str) -> str:
    """A SPARQL string literal holding exactly `value`."""
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in value) + '"'


def _code_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.lstrip().startswith("#")]


def _literal_value(token: str) -> str:
    return _unescape(token[1:-1])


def _unescape(body: str) -> str:
    return regex.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}.get(m[1], m[1]), body)


def _query_files() -> dict[str, object]:
    folder = resources.files("cadregraph.graph").joinpath("queries")
    return {f.name[:-3]: f for f in folder.iterdir() if f.name.endswith(".rq")}


def named_queries() -> list[NamedQuery]:
    return [NamedQuery.from_text(name, f.read_text("utf-8")) for name, f in sorted(_query_files().items())]


def find_query(spec: str) -> NamedQuery:
    """A named query (its file stem, or a prefix naming one: 'q1'), a .rq file, or SPARQL text."""
    files = _query_files()
    if spec in files:
        return NamedQuery.from_text(spec, files[spec].read_text("utf-8"))
    matches = sorted(n for n in files if n.startswith(spec + "_"))
    if len(matches) == 1:
        return NamedQuery.from_text(matches[0], files[matches[0]].read_text("utf-8"))
    if _SPARQL_START.search(" " + spec):
        return NamedQuery.from_text("ad-hoc query", spec)
    if spec.endswith(".rq"):
        if not Path(spec).is_file():
            raise QueryError(f"{spec}: no such query file")
        return NamedQuery.from_text(Path(spec).stem, Path(spec).read_text("utf-8-sig"))
    questions = ", ".join(sorted(n for n in files if _QUESTION.match(n)))
    raise QueryError(f"no query named {spec!r}; the questions are {questions} ('cadregraph query' describes "
                     "them, --all adds the internal ones); or give SPARQL text or a .rq file")


def parse_params(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param expects NAME=VALUE, got {item!r}")
        out[name.strip()] = value
    return out


def run_query(source: Graph | ox.Store, spec: str, params: dict[str, str] | None = None) -> QueryResult:
    """`source`: an rdflib Graph or an Oxigraph store (`load_store`). A question asked about a
    person, post, district or slogan the graph does not know raises UnknownValueError naming
    the nearest ones (an empty answer for a name the graph knows is just empty)."""
    from .hints import check_known_values

    query = find_query(spec)
    store = as_store(source)
    result = run_sparql(store, query.with_params(params or {}), query.name)
    if not result.rows and params:
        check_known_values(store, query.name, params)
    return result


def load_store(path: Path | str) -> ox.Store:
    """A graph file, build folder or store folder as an Oxigraph store, without going through
    rdflib (a thousand-document graph loads in a second)."""
    from .load import is_store, load_quads

    if is_store(path):
        return ox.Store.read_only(str(path))
    store = ox.Store()
    store.bulk_extend(load_quads(path))
    return store


def as_store(source: Graph | ox.Store) -> ox.Store:
    if isinstance(source, ox.Store):
        return source
    store = ox_store_of(source)
    if store is None:
        store = ox.Store()
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in ox_triples(source))
    return store


def run_sparql(source: Graph | ox.Store, text: str, name: str = "query") -> QueryResult:
    """Evaluate with Oxigraph: the store itself, the store behind an rdflib Graph on Oxigraph,
    or a copy of a plain rdflib Graph. rdflib's own engine orders joins before it knows what
    is bound and takes minutes on the wide joins of these questions over a thousand-document
    graph; Oxigraph plans them. A store's named graphs (one per document) are queried as their
    union."""
    from .sparql_text import NO_SERVICE, uses_service

    if uses_service(text):   # Oxigraph would send the pattern over HTTP: never at run time
        raise QueryError(f"{name}: {NO_SERVICE}")
    store = as_store(source)
    try:
        result = store.query(text, prefixes={k: str(v) for k, v in PREFIXES.items()},
                             use_default_graph_as_union=True)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{name}: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(["answer"], [{"answer": "true" if bool(result) else "false"}], [{"answer": bool(result)}])
    if isinstance(result, ox.QueryTriples):
        terms = sorted(((t.subject, t.predicate, t.object) for t in result), key=lambda t: tuple(map(_value, t)))
        columns = ["subject", "predicate", "object"]
    else:
        columns = [v.value for v in result.variables]
        terms = [tuple(solution[c] for c in columns) for solution in result]
    return QueryResult(columns, [dict(zip(columns, map(_value, row))) for row in terms],
                       [dict(zip(columns, map(python_value, row))) for row in terms])


def _value(term) -> str | None:
    return None if term is None else term.value


def render(result: QueryResult, fmt: str = "text") -> str:
    """text, csv, json or jsonl, from the typed rows (JSON keeps numbers, booleans and null)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return render_rows(result.typed_rows, result.columns, fmt)


def describe_queries(include_internal: bool = False, width: int = 78) -> str:
    """The named questions, each with its whole description and its parameters (name, example,
    meaning), for `cadregraph query` without a question; `include_internal` adds the queries
    behind the tables, the view and the report."""
    queries = named_queries()
    lines = ["Questions (cadregraph query GRAPH NAME [-p NAME=VALUE …]; NAME or its prefix, e.g. q1):", ""]
    lines += _describe([q for q in queries if q.is_question], width)
    internal = [q for q in queries if not q.is_question]
    if include_internal:
        lines += ["Internal queries (behind the export tables, the view and the report):", ""]
        lines += _describe(internal, width)
    else:
        lines.append(f"({len(internal)} internal queries behind the tables, the view and the report: --all lists them)")
    return "\n".join(lines).rstrip("\n") + "\n"


def _describe(queries: list[NamedQuery], width: int) -> list[str]:
    lines = []
    for q in queries:
        lines.append(q.name)
        description = regex.sub(r"^Design question \d+:\s*", "", q.description)
        description = description[:1].upper() + description[1:]
        lines += textwrap.wrap(description, width, initial_indent="    ", subsequent_indent="    ")
        for p in q.params.values():
            lines.append(f"    -p {p.name}={p.default}" + (f"   {p.doc}" if p.doc else ""))
        lines.append("")
    return lines
