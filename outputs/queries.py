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

import csv
import io
import json
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import regex
from rdflib import Graph

from cadregraph.graph.namespaces import PREFIXES
from cadregraph.graph.oxterms import ox_store_of, ox_triples

_STRING = regex.compile(r'"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'')
# A one-value VALUES clause on one variable: the parameter and its default.
_PARAM = regex.compile(r'VALUES\s+\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\{\s*"(?P<value>(?:[^"\\\n\r]|\\.)*)"\s*\}')
_PARAM_DOC = regex.compile(r"^#\s*param:\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*(?P<default>[^—]*?))?\s*(?:—\s*(?P<doc>.*))?$")
_SPARQL_START = regex.compile(r"(?i)(?:^|\s)(?:PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\s")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
FORMATS = ("text", "csv", "json", "jsonl")


class QueryError(ValueError):
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
        for line in _code_lines(text):
            m = _PARAM.search(line)
            if m and m["name"] not in params:
                params[m["name"]] = Param(m["name"], _unescape(m["value"]), "", values_clause=True)
        query = cls(name, text, " ".join(d for d in description if d), params)
        query.check()
        return query

    def check(self) -> None:
        defaults = [p.default for p in self.params.values() if not p.values_clause]
        if len(set(defaults)) != len(defaults):
            raise QueryError(f"query {self.name!r}: two parameters have the same example value")
        for p in self.params.values():
            if not p.values_clause and not any(_literal_value(t) == p.default for line in _code_lines(self.text)
                                               for t in _STRING.findall(line)):
                raise QueryError(f"query {self.name!r}: parameter {p.name} = {p.default!r} appears in no string literal")

    def with_params(self, values: dict[str, str]) -> str:
        unknown = sorted(set(values) - set(self.params))
        if unknown:
            known = ", ".join(sorted(self.params)) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(unknown)} (parameters: {known})")
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
    columns: list[str]
    rows: list[dict[str, str | None]]


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
    if spec.endswith(".rq") and Path(spec).is_file():
        return NamedQuery.from_text(Path(spec).stem, Path(spec).read_text("utf-8-sig"))
    choices = ", ".join(sorted(files))
    raise QueryError(f"no query named {spec!r}; give a SPARQL string, a .rq file or one of: {choices}")


def parse_params(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param expects NAME=VALUE, got {item!r}")
        out[name.strip()] = value
    return out


def run_query(source: Graph | ox.Store, spec: str, params: dict[str, str] | None = None) -> QueryResult:
    """`source`: an rdflib Graph or an Oxigraph store (`load_store`)."""
    query = find_query(spec)
    return run_sparql(source, query.with_params(params or {}), query.name)


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
        return QueryResult(["answer"], [{"answer": "true" if bool(result) else "false"}])
    if isinstance(result, ox.QueryTriples):
        rows = sorted((_value(t.subject), _value(t.predicate), _value(t.object)) for t in result)
        return QueryResult(["subject", "predicate", "object"],
                           [{"subject": s, "predicate": p, "object": o} for s, p, o in rows])
    columns = [v.value for v in result.variables]
    rows = [{c: _value(solution[c]) for c in columns} for solution in result]
    return QueryResult(columns, rows)


def _value(term) -> str | None:
    return None if term is None else term.value


def render(result: QueryResult, fmt: str = "text") -> str:
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if r[c] is None else r[c] for c in result.columns] for r in result.rows])
        return buf.getvalue()
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result.rows)
    if fmt == "text":
        return _text_table(result)
    raise QueryError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: str | None) -> str:
    # One line per row: line breaks inside a quote are shown, not printed.
    return "" if value is None else value.replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵")


def _text_table(result: QueryResult) -> str:
    cells = [[_cell(r[c]) for c in result.columns] for r in result.rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(result.columns)]

    def line(values):
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(result.columns), line(["-" * w for w in widths])] + [line(row) for row in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def describe_queries() -> str:
    """The named queries with their parameters, for `cadregraph query GRAPH` without a name."""
    lines = []
    for q in named_queries():
        params = ", ".join(f"{p.name}={p.default}" for p in q.params.values())
        lines.append(f"{q.name}{'  [' + params + ']' if params else ''}")
        if q.description:
            lines.append(f"    {q.description[:160]}")
    return "\n".join(lines) + "\n"
