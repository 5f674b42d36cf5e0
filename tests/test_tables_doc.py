"""Every export table and each of its columns is documented in docs/tables.md; CSV has a header
row and JSON Lines the same keys."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cadregraph.outputs.tables import TABLES, render, table_rows

DOC = Path(__file__).resolve().parent.parent / "docs" / "tables.md"


def documented_columns() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in DOC.read_text("utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].split(" ", 1)[0]
            sections[current] = []
        elif current and line.startswith("| ") and not line.startswith(("| column", "| ---")):
            sections[current].append(line.split("|")[1].strip())
    return sections


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_and_column_is_documented(name):
    sections = documented_columns()
    assert name in sections, f"docs/tables.md has no section '## {name} — …'"
    assert sections[name] == list(TABLES[name].columns)


def test_csv_has_a_header_and_jsonl_the_same_keys(seeds_graph):
    table = TABLES["holdings"]
    rows = table_rows(seeds_graph, "holdings")
    parsed = list(csv.DictReader(io.StringIO(render(rows, table.columns, "csv"))))
    assert parsed and list(parsed[0]) == list(table.columns)
    lines = render(rows, table.columns, "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == parsed
