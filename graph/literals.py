"""Typed literals that keep the precision they were given."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib import Literal
from rdflib.namespace import XSD


# Dates and character offsets repeat across a corpus, and an rdflib Literal costs microseconds
# to make; the cached ones are immutable, so sharing them is safe.
@lru_cache(maxsize=1 << 16)
def date_literal(value: str) -> Literal:
    """'2024' → xsd:gYear, '2024-01' → xsd:gYearMonth, '2024-01-23' → xsd:date; no day invented."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    return Literal(value, datatype=datatype)


def decimal_literal(value: Decimal) -> Literal:
    """xsd:decimal from a Decimal; a float would be written as a double (1.5e+00)."""
    if not isinstance(value, Decimal):
        raise TypeError(f"expected Decimal, got {type(value).__name__}")
    return Literal(value, datatype=XSD.decimal)


@lru_cache(maxsize=1 << 16)
def offset_literal(value: int) -> Literal:
    """xsd:nonNegativeInteger: a character offset in a document."""
    return Literal(value, datatype=XSD.nonNegativeInteger)
