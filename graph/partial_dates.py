"""Dates known to the day, the month or only the year, compared without inventing precision.

"2024-01" is the whole of January 2024: it sorts before "2024-02-01" and after "2023-12-31",
and whether it is before "2024-01-23" cannot be said. Sorting follows the ISO strings, which
puts a coarser date just before the finer dates inside it ("2024" < "2024-01" < "2024-01-23"
< "2024-02"), the same order SPARQL's ORDER BY STR(?date) gives; `certainly_before` answers
only when the two ranges do not overlap.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, total_ordering

from rdflib import Literal, URIRef
from rdflib.namespace import TIME, XSD

from .literals import date_literal

# OWL-Time position properties by precision; the literal keeps the precision the source had.
TIME_PROPERTY = {4: TIME.inXSDgYear, 7: TIME.inXSDgYearMonth, 10: TIME.inXSDDate}
DATATYPES = {XSD.gYear, XSD.gYearMonth, XSD.date}


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD

    @classmethod
    def parse(cls, value) -> "PartialDate | None":
        """From a typed literal or an ISO string; None when there is no usable date."""
        if value is None:
            return None
        if isinstance(value, Literal) and value.datatype not in DATATYPES:
            return None
        text = str(value).strip()
        if len(text) not in TIME_PROPERTY:
            return None
        try:
            out = cls(text)
            out.earliest()
        except ValueError:
            return None
        return out

    # A corpus pass compares the same few thousand dates millions of times (identity, tenures,
    # careers): each value's bounds are worked out once per process.
    def earliest(self) -> date:
        return _bounds(self.value)[0]

    def latest(self) -> date:
        return _bounds(self.value)[1]

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]

    def __lt__(self, other: "PartialDate") -> bool:
        return self.value < other.value

    def certainly_before(self, other: "PartialDate") -> bool:
        return self.latest() < other.earliest()

    def literal(self) -> Literal:
        return date_literal(self.value)

    def instant_triples(self, instant: URIRef) -> list[tuple]:
        """An OWL-Time instant positioned with the property matching the precision."""
        from rdflib.namespace import RDF

        return [(instant, RDF.type, TIME.Instant), (instant, TIME_PROPERTY[len(self.value)], self.literal())]

    def __str__(self) -> str:
        return self.value


def sort_key(d: PartialDate | None) -> tuple:
    """Undated things sort after everything dated."""
    return (1, "") if d is None else (0, d.value)


@lru_cache(maxsize=1 << 16)
def _bounds(value: str) -> tuple[date, date]:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD value can mean (ValueError when
    it names no real day)."""
    y = int(value[:4])
    m = int(value[5:7]) if len(value) >= 7 else None
    d = int(value[8:10]) if len(value) == 10 else None
    first = date(y, m or 1, d or 1)
    if m is None:
        return first, date(y, 12, 31)
    return first, date(y, m, d or calendar.monthrange(y, m)[1])
