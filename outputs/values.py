"""Typed values of tables and query answers, and how each is written as CSV, JSON and text.

A table declares a type per column (`tables.TABLES`); a query answer is typed by the RDF
datatype of each value (`python_value`). Either way a row is a dict of plain Python values —
str, int, Decimal, bool, datetime.date, a list of str, or None for *not known* — and every
output format is rendered from those same rows:

- JSON and JSON Lines keep the types: null, numbers (a Decimal written exactly, never through a
  float), true/false, lists; a date is an ISO string.
- CSV and the text table are flat: "" for None, `true`/`false`, a list joined with "; ".
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

LIST_SEPARATOR = "; "      # how a list is written in one CSV cell (GROUP_CONCAT's separator in the queries)
_FULL_DATE = regex.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PARTIAL_DATE = regex.compile(r"^-?\d{4}(?:-\d{2})?$")
XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                    "positiveInteger", "nonPositiveInteger", "negativeInteger",
                                    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}


# ---------------------------------------------------------------- column types

def _text(value) -> str:
    return value if isinstance(value, str) else str(value)


def _integer(value) -> int:
    if isinstance(value, bool):
        raise ValueError(f"not a whole number: {value!r}")
    return value if isinstance(value, int) else int(str(value))


def _decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {value!r}") from None


def _boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ValueError(f"not a boolean: {value!r}")


def _date(value) -> dt.date | str:
    """A day as a datetime.date; a month or a year stays the text it is ('2024-01', '2024'),
    because turning it into a day would claim a precision the source does not give."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = _FULL_DATE.match(text)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    if _PARTIAL_DATE.match(text):
        return text
    raise ValueError(f"not a date (YYYY-MM-DD, YYYY-MM or YYYY): {value!r}")


def _list(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [_text(v) for v in value]
    return [part for part in str(value).split(LIST_SEPARATOR) if part]


@dataclass(frozen=True)
class ColumnType:
    """`name` as docs/tables.md writes it; `python`: what a typed row holds; `convert` turns a
    value from any source (a query's lexical form, a typed value, a list) into that."""
    name: str
    python: str
    convert: Callable[[object], object]

    def __call__(self, value):
        if value is None or value == "":
            return None
        return self.convert(value)


TEXT = ColumnType("text", "str", _text)
INTEGER = ColumnType("integer", "int", _integer)
DECIMAL = ColumnType("decimal", "decimal.Decimal", _decimal)
BOOLEAN = ColumnType("boolean", "bool", _boolean)
DATE = ColumnType("date", "datetime.date for a day, str for a month (YYYY-MM) or a year (YYYY)", _date)
LIST = ColumnType("list", "list of str", _list)
TYPES = {t.name: t for t in (TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, LIST)}


# ---------------------------------------------------------------- from RDF terms

def python_value(term):
    """A pyoxigraph term as a Python value by its datatype: xsd:integer → int, xsd:decimal →
    Decimal, xsd:double/float → float, xsd:boolean → bool, xsd:date → datetime.date; every
    other literal (strings, gYearMonth, gYear, …) and every IRI → its text; unbound → None."""
    if term is None:
        return None
    value = term.value
    datatype = getattr(term, "datatype", None)
    if datatype is None:
        return value
    iri = datatype.value
    try:
        if iri in _INTEGER_TYPES:
            return int(value)
        if iri == XSD + "decimal":
            return Decimal(value)
        if iri in (XSD + "double", XSD + "float"):
            return float(value)
        if iri == XSD + "boolean":
            return _boolean(value)
        if iri == XSD + "date":
            return _date(value)
    except ValueError:
        pass           # an ill-typed literal stays the text it is
    return value


# ---------------------------------------------------------------- flat cells (CSV, text)

def cell_text(value) -> str:
    """One value as a CSV cell: "" when not known, true/false, a list joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(cell_text(v) for v in value)
    return str(value)


def flat_row(row: dict, columns: Sequence[str]) -> dict[str, str]:
    return {c: cell_text(row.get(c)) for c in columns}


# ---------------------------------------------------------------- JSON with real types

def json_value(value) -> str:
    """One value as JSON text; a Decimal is written digit for digit (json.dumps would need a
    float, which changes 0.1 into 0.1000000000000000055…)."""
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else "null"
    if isinstance(value, float) and not math.isfinite(value):
        return "null"
    if isinstance(value, dt.date):
        return json.dumps(value.isoformat())
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def json_object(row: dict, columns: Sequence[str]) -> str:
    return "{" + ", ".join(f"{json.dumps(c, ensure_ascii=False)}: {json_value(row.get(c))}" for c in columns) + "}"


# ---------------------------------------------------------------- the formats

def render(rows: Iterable[dict], columns: Sequence[str], fmt: str) -> str:
    """`rows` (typed or flat) as csv, jsonl, json or text."""
    rows = list(rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat_row(r, columns) for r in rows)
        return buf.getvalue()
    if fmt == "jsonl":
        return "".join(json_object(r, columns) + "\n" for r in rows)
    if fmt == "json":
        if not rows:
            return "[]\n"
        return "[\n" + ",\n".join(" " + json_object(r, columns) for r in rows) + "\n]\n"
    if fmt == "text":
        return text_table(rows, columns)
    raise ValueError(f"unknown format {fmt!r}; choose csv, jsonl, json or text")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _one_line(value) -> str:
    # One line per row: line breaks inside a quote are shown, not printed.
    return cell_text(value).replace("\r\n", "↵").replace("\n", "↵").replace("\r", "↵")


def text_table(rows: list[dict], columns: Sequence[str]) -> str:
    """Aligned columns for a terminal (Chinese characters count two cells), then the row count."""
    cells = [[_one_line(r.get(c)) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def line(values):
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(row) for row in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"
