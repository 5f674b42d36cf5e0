"""Export tables: each is a named SPARQL query over the graph with fixed columns, so a table
and the graph it came from can never disagree."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from importlib import resources

from rdflib import Graph, Literal


@dataclass(frozen=True)
class Table:
    name: str
    query_file: str
    columns: tuple[str, ...]
    description: str


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("holdings", "table_holdings.rq",
              ("person", "post", "organization", "district", "role", "document", "date", "evidence"),
              "one row per post observation"),
        Table("slogans", "table_slogans.rq",
              ("slogan", "kind", "user", "document", "date", "evidence"),
              "one row per slogan use: a unit using a quoted slogan in a document"),
        Table("projects", "table_projects.rq",
              ("project", "district", "document", "date", "evidence"),
              "one row per project mention: a named project and its district in a document"),
        Table("careers", "table_careers.rq",
              ("person_id", "person", "labels", "post_id", "post", "organization", "district", "first_seen",
               "last_seen", "documents", "predecessor", "successor"),
              "one row per tenure (a person in a post, first to last date seen), each career in date order"),
        Table("metrics", "table_metrics.rq",
              ("district", "indicator", "value", "unit", "is_growth", "period", "period_start", "period_end",
               "kind", "scope", "qualifier", "document", "date", "evidence"),
              "one row per reported figure (a Data Cube observation); departments report for their city"),
    )
}


def query_text(filename: str) -> str:
    return resources.files("cadregraph.graph").joinpath("queries", filename).read_text("utf-8")


def table_rows(g: Graph, name: str) -> list[dict[str, str]]:
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r}; choose from {', '.join(sorted(TABLES))}")
    table = TABLES[name]
    result = g.query(query_text(table.query_file))
    rows = []
    for row in result:
        values = row.asdict()
        rows.append({c: _plain(values.get(c)) for c in table.columns})
    return rows


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Literal):
        return str(value)
    return str(value)


def render(rows: list[dict[str, str]], columns: tuple[str, ...], fmt: str) -> str:
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    raise ValueError(f"unknown table format {fmt!r}; choose csv or jsonl")
