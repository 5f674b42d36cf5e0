"""Export tables: each is a named SPARQL query over the graph with fixed, typed columns, so a
table and the graph it came from can never disagree.

`TABLES` is the one place a table's columns and their types are declared (types in
`values.py`: TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, LIST). Adding a column is one line here —
`open_ended=BOOLEAN,` in the table's definition, where it should stand — plus the variable in
the table's SELECT (`graph/queries/table_*.rq`) and its row in docs/tables.md; the tests check
that the three agree. Rows come from the query and are typed by the schema, so any other source
of the same table (a precomputed table of the streaming build, say) yields the same rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from cadregraph.errors import CadregraphError

from .values import BOOLEAN, DATE, DECIMAL, INTEGER, LIST, TEXT, ColumnType, flat_row, render  # noqa: F401 (render: API)


class TableError(CadregraphError):
    pass


@dataclass(frozen=True)
class Table:
    name: str
    query_file: str
    description: str
    schema: tuple[tuple[str, ColumnType], ...]     # (column, type) in the table's order

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.schema)

    def typed(self, row: dict) -> dict:
        """A row of any source (lexical strings, typed values, lists) with the declared types."""
        out = {}
        for column, kind in self.schema:
            try:
                out[column] = kind(row.get(column))
            except ValueError as exc:
                raise TableError(f"table {self.name}, column {column}: {exc}") from None
        return out


def _table(name: str, query_file: str, description: str, **columns: ColumnType) -> Table:
    return Table(name, query_file, description, tuple(columns.items()))


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        _table("holdings", "table_holdings.rq", "one row per post observation (a person seen in a post in a document)",
               person=TEXT, name_as_written=TEXT, person_id=TEXT, post=TEXT, organization=TEXT, district=TEXT,
               role=TEXT, document=TEXT, date=DATE, evidence=TEXT),
        _table("slogans", "table_slogans.rq", "one row per slogan use: a unit using a quoted slogan in a document",
               slogan=TEXT, kind=TEXT, user=TEXT, document=TEXT, date=DATE, evidence=TEXT),
        _table("slogan_spread", "table_slogan_spread.rq",
               "one row per slogan and unit: the first document and date the unit uses it, in order of adoption",
               slogan=TEXT, kind=TEXT, user=TEXT, adoption=INTEGER, users=INTEGER, first_date=DATE,
               first_document=TEXT, uses=INTEGER, evidence=TEXT),
        _table("projects", "table_projects.rq",
               "one row per project mention: a named project and its district in a document",
               project=TEXT, district=TEXT, document=TEXT, date=DATE, evidence=TEXT),
        _table("careers", "table_careers.rq",
               "one row per tenure (a person in a post, first to last date seen, and when it ended), "
               "each career in date order",
               person_id=TEXT, person=TEXT, labels=LIST, post_id=TEXT, post=TEXT, organization=TEXT,
               district=TEXT, first_seen=DATE, last_seen=DATE, open_ended=BOOLEAN, ended_after=DATE,
               ended_before=DATE, end_reason=TEXT, status=LIST, documents=LIST, predecessor=TEXT,
               successor=TEXT, merge_reason=TEXT),
        _table("metrics", "table_metrics.rq",
               "one row per reported figure (a Data Cube observation); departments report for their city",
               district=TEXT, indicator=TEXT, value=DECIMAL, unit=TEXT, is_growth=BOOLEAN, period=TEXT,
               period_start=DATE, period_end=DATE, kind=TEXT, scope=TEXT, qualifier=TEXT, document=TEXT,
               date=DATE, evidence=TEXT),
    )
}


def get_table(name: str) -> Table:
    if name not in TABLES:
        raise TableError(f"no table named {name!r}; the tables are: "
                         + "; ".join(f"{t.name} — {t.description}" for t in TABLES.values()))
    return TABLES[name]


def query_text(filename: str) -> str:
    return resources.files("cadregraph.graph").joinpath("queries", filename).read_text("utf-8")


def typed_rows(source, name: str) -> list[dict]:
    """The table's rows with the declared types (see values.py), for pandas.DataFrame(rows).
    `source`: an rdflib Graph or an Oxigraph store; evaluated by Oxigraph (queries.run_sparql)."""
    from .queries import run_sparql

    table = get_table(name)
    result = run_sparql(source, query_text(table.query_file), f"table {name}")
    return [table.typed(row) for row in result.typed_rows]


def table_rows(source, name: str) -> list[dict[str, str]]:
    """The same rows as CSV writes them: every value text, "" when not known, lists joined
    with "; " (what the evaluation compares against gold)."""
    table = get_table(name)
    return [flat_row(row, table.columns) for row in typed_rows(source, name)]
