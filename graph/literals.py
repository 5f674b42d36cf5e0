"""Typed literals that keep the precision they were given."""
from __future__ import annotations

from decimal import Decimal

from rdflib import Literal
from rdflib.namespace import XSD


def date_literal(value: str) -> Literal:
    """'2024' → xsd:gYear, '2024-01' → xsd:gYearMonth, '2024-01-23' → xsd:date; no day invented."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    return Literal(value, datatype=datatype)


def decimal_literal(value: Decimal) -> Literal:
    """xsd:decimal from a Decimal; a float would be written as a double (1.5e+00)."""
    if not isinstance(value, Decimal):
        raise TypeError(f"expected Decimal, got {type(value).__name__}")
    return Literal(value, datatype=XSD.decimal)
