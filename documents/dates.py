"""When a document was written: from metadata, stated in the text, or inferred; else unknown."""
from __future__ import annotations

import regex as re
from pathlib import Path

from .model import DocDate, DocumentError

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FULL_DATE = re.compile(r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A dateline in brackets, e.g. "（重庆日报，2023年10月24日）", is the strongest statement.
_DATELINE = re.compile(r"[（(][^（()）\n]{0,20}?(20\d{2})年(\d{1,2})月(\d{1,2})日[）)]")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
# A year whose results are reported ("2024年，…GDP增长", "2024年GDP增长5.8%"), not a target
# ("力争到2027年") nor an event name.
_RESULT_YEAR = re.compile(r"(?<!到|至|力争|争取)(20\d{2})年(?![到至—\-])(?:[，,]?[^。]{0,30}?(?:增长|实现|完成|达到?|突破))")


def date_from_metadata(value: str, path: Path | None = None) -> DocDate:
    value = str(value).strip()
    m = _ISO.match(value)
    if not m or not _valid(m):
        raise DocumentError(path or "metadata", f"metadata date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return DocDate(value, "metadata", "document metadata")


def _valid(m: re.Match) -> bool:
    month = int(m.group(2)) if m.group(2) else 1
    day = int(m.group(3)) if m.group(3) else 1
    return 1 <= month <= 12 and 1 <= day <= 31


def infer_date(text: str) -> DocDate:
    head = text[:20000]
    m = _DATELINE.search(head) or _FULL_DATE.search(head)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return DocDate(f"{y:04d}-{mo:02d}-{d:02d}", "text", m.group(0))
    md = _MONTH_DAY.search(head)
    years = [int(y) for y in _RESULT_YEAR.findall(head)]
    if md and years:
        month, day = int(md.group(1)), int(md.group(2))
        latest = max(years)
        # A meeting early in the year that reports last year's full-year results.
        year = latest + 1 if month <= 3 and _reports_full_year(head, latest) else latest
        if 1 <= month <= 12 and 1 <= day <= 31:
            return DocDate(f"{year:04d}-{month:02d}-{day:02d}", "inferred",
                           f"{md.group(0)} with {latest} results reported")
    return DocDate(None, "unknown", "")


def _reports_full_year(text: str, year: int) -> bool:
    return bool(re.search(rf"{year}年(?:[，,]|全年|GDP|地区生产总值|[^。]{{0,6}}增长)", text))
