"""Facts for reported statistics: one figure a district or department reports, with its
period resolved to an interval of months. Kept apart from facts.py so the statistics model can
grow without touching the shared facts module."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .facts import Evidence, Organization, Place


@dataclass(frozen=True)
class Period:
    """A period as written ("前三季度") and the months it covers ("2023-01" … "2023-09").

    `start`/`end` are None when the document date is too vague to place a relative period.
    `inferred` is true when the period was not written next to the figure but taken from the
    section's opening summary or the kind of figure (a target with no period is for the
    document's year)."""

    written: str
    start: str | None
    end: str | None
    inferred: bool = False
    shape: str = ""             # how it was written: quarter, months_to, full_year, until_year …


@dataclass(frozen=True)
class Metric:
    """One reported figure: "固投增长19.4%" → fixed-asset investment, growth, 19.4 %."""

    area: Place                         # the district (or the municipality) the figure is about
    reporter: Place | Organization | None   # the section's unit: who reports it
    indicator: str | None               # id in indicators.tsv, None for a metric outside it
    metric: str                         # the metric as written, time/place/verb words stripped
    value: Decimal                      # declines are negative
    unit: str                           # canonical zh unit: %, 亿元, 万人次 …
    growth: bool                        # a rate of change (增长, 下降) rather than a level
    period: Period | None
    kind: str                           # actual | target | plan
    evidence: Evidence
    qualifier: str | None = None        # lower-bound | approximate | upper-bound
    qualifier_as_written: str = ""
    scope: str | None = None            # whole (全域) | direct (直管区)
    summary: bool = False               # stated in the section's opening summary
    repaired: bool = False              # the metric name was repaired (OCR: DP → GDP)
