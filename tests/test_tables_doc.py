"""Every export table, each of its columns and its type is documented in docs/tables.md and
projected by the table's query; CSV (flat) and JSON Lines / JSON (typed) come from the same
typed rows."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from cadregraph.outputs.tables import TABLES, TableError, get_table, query_text, render, table_rows, typed_rows
from cadregraph.outputs.values import DATE, LIST, TYPES, cell_text

DOC = Path(__file__).resolve().parent.parent / "docs" / "tables.md"


def documented_columns() -> dict[str, list[tuple[str, str]]]:
    """section → [(column, type)] from the '| column | type | meaning |' tables."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in DOC.read_text("utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].split(" ", 1)[0]
            sections[current] = []
        elif current and line.startswith("| ") and not line.startswith(("| column", "| ---", "| type")):
            cells = [c.strip() for c in line.split("|")[1:-1]]
            sections[current].append((cells[0], cells[1]))
    return sections


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_column_and_type_is_documented(name):
    sections = documented_columns()
    assert name in sections, f"docs/tables.md has no section '## {name} — …'"
    assert sections[name] == [(column, kind.name) for column, kind in TABLES[name].schema]


def test_every_type_is_documented():
    assert [row[0] for row in documented_columns()["Types"]] == list(TYPES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_query_selects_exactly_the_declared_columns(name):
    text = query_text(TABLES[name].query_file)
    select = re.search(r"^SELECT\s+(.*?)\s*^WHERE", text, flags=re.S | re.M)[1]
    assert tuple(re.findall(r"\?(\w+)", select)) == TABLES[name].columns


def test_csv_has_a_header_and_jsonl_the_same_rows_typed(seeds_graph):
    table = TABLES["holdings"]
    rows = typed_rows(seeds_graph, "holdings")
    parsed = list(csv.DictReader(io.StringIO(render(rows, table.columns, "csv"))))
    assert parsed and list(parsed[0]) == list(table.columns)
    assert parsed == table_rows(seeds_graph, "holdings")
    lines = render(rows, table.columns, "jsonl").splitlines()
    decoded = [json.loads(line) for line in lines]
    assert [{c: cell_text(v) for c, v in r.items()} for r in decoded] == parsed
    assert json.loads(render(rows, table.columns, "json")) == decoded


def test_metrics_rows_hold_decimals_booleans_and_partial_dates(seeds_graph):
    rows = typed_rows(seeds_graph, "metrics")
    assert all(isinstance(r["value"], Decimal) and isinstance(r["is_growth"], bool) for r in rows)
    growth = next(r for r in rows if r["is_growth"] and r["value"] == Decimal("7.2"))
    assert growth["period_start"] == "2024-01" and isinstance(growth["date"], dt.date)
    line = json.loads(render([growth], TABLES["metrics"].columns, "jsonl"))
    assert line["value"] == 7.2 and line["is_growth"] is True and line["date"] == growth["date"].isoformat()
    assert render([growth], TABLES["metrics"].columns, "jsonl").count('"value": 7.2,') == 1   # exact digits


def test_careers_rows_hold_lists_and_null(seeds_graph):
    rows = typed_rows(seeds_graph, "careers")
    assert all(isinstance(r["documents"], list) and isinstance(r["labels"], list) for r in rows)
    merged = next(r for r in rows if len(r["labels"]) > 1)
    assert merged["labels"][0] == merged["person"]
    city = next(r for r in rows if r["district"] is None)
    assert json.loads(render([city], TABLES["careers"].columns, "jsonl"))["district"] is None
    assert next(csv.DictReader(io.StringIO(render([city], TABLES["careers"].columns, "csv"))))["district"] == ""


@pytest.mark.parametrize("kind, given, expected", [
    (DATE, "2024-01-23", dt.date(2024, 1, 23)), (DATE, "2024-01", "2024-01"), (DATE, "2024", "2024"),
    (DATE, "", None), (LIST, "a; b", ["a", "b"]), (LIST, ["a"], ["a"]), (LIST, None, None),
    (TYPES["boolean"], "false", False), (TYPES["decimal"], "-3.50", Decimal("-3.50")), (TYPES["integer"], "7", 7),
])
def test_a_column_type_reads_any_source(kind, given, expected):
    assert kind(given) == expected


def test_a_value_that_does_not_fit_its_type_names_the_column():
    with pytest.raises(TableError, match="column value"):
        TABLES["metrics"].typed({"value": "seven"})


def test_an_unknown_table_names_the_tables():
    with pytest.raises(TableError, match="no table named 'career'.*careers — one row per tenure"):
        get_table("career")
