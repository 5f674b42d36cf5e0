"""N-Triples terms as plain strings, for writers that emit millions of triples without making
an rdflib or pyoxigraph object per term.

Each function returns the term as N-Triples writes it; `triple(s, p, o)` joins three of them.
Lexical forms are the ones rdflib gives the same values (a test checks it), so a graph written
here and one built with rdflib are the same graph. pyoxigraph parses every line strictly when
the shards are loaded, so a malformed term cannot slip through.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib.namespace import XSD

_ESCAPES = str.maketrans({'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r"})
_DATE_TYPES = {4: f"<{XSD.gYear}>", 7: f"<{XSD.gYearMonth}>", 10: f"<{XSD.date}>"}
TRUE = f'"true"^^<{XSD.boolean}>'
FALSE = f'"false"^^<{XSD.boolean}>'


def _escaped(value: str) -> str:
    # most literals hold nothing to escape: four scans in C are much quicker than translate,
    # which looks every character up in the table
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        return value.translate(_ESCAPES)
    return value


def iri(value: str) -> str:
    return f"<{value}>"


def text(value: str, lang: str | None = None) -> str:
    """A plain literal, or a language-tagged one."""
    body = '"' + _escaped(str(value)) + '"'
    return f"{body}@{lang}" if lang else body


def zh(value: str) -> str:
    return text(value, "zh")


def typed(value: str, datatype: str) -> str:
    return '"' + _escaped(str(value)) + f'"^^<{datatype}>'


@lru_cache(maxsize=1 << 14)
def date(value: str) -> str:
    """'2024' → xsd:gYear, '2024-01' → xsd:gYearMonth, '2024-01-23' → xsd:date; no day invented."""
    return f'"{value}"^^{_DATE_TYPES[len(value)]}'


@lru_cache(maxsize=1 << 16)
def offset(value: int) -> str:
    return f'"{int(value)}"^^<{XSD.nonNegativeInteger}>'


def integer(value: int) -> str:
    return f'"{int(value)}"^^<{XSD.integer}>'


def boolean(value: bool) -> str:
    return TRUE if value else FALSE


def decimal(value: Decimal) -> str:
    """xsd:decimal from a Decimal, written as rdflib writes it (no exponent: 1E+3 → 1000)."""
    if not isinstance(value, Decimal):
        raise TypeError(f"expected Decimal, got {type(value).__name__}")
    return f'"{format(value, "f")}"^^<{XSD.decimal}>'


def triple(s: str, p: str, o: str) -> str:
    return f"{s} {p} {o} .\n"
