"""Small texts the view pages show, made the same way in the single page and the focused
pages: a figure's period with its year, a document's one-line citation."""
from __future__ import annotations

import regex

_YEAR_WRITTEN = regex.compile(r"(?:19|20)\d\d|[〇零一二三四五六七八九]{4}年")


def period_label(written: str, start: str = "", end: str = "", doc_date: str = "") -> str:
    """The period a figure is for, never without its year: as written when it names one
    ("2024年", "2023年1-9月"); else with the year of its computed months ("前三季度" over
    2023-01…2023-09 → "2023年前三季度"); else with the document's date, marked as a guess."""
    if not written:
        return f"{start}…{end}" if start and end else ""
    if _YEAR_WRITTEN.search(written):
        return written
    if start[:4].isdigit():
        years = start[:4] if end[:4] in ("", start[:4]) else f"{start[:4]}–{end[:4]}"
        return f"{years}年{written}"
    if doc_date[:4].isdigit():
        return f"{written}（年份未写 year not written; document of {doc_date}）"
    return f"{written}（年份不详 year unknown）"


def citation(doc: dict) -> str:
    """"title · date" of a document row ({title, date, name}); the file name only when the
    document has no title."""
    return " · ".join(x for x in (doc.get("title") or doc.get("name") or "", doc.get("date") or "") if x)


def source_link(source: str) -> str:
    """The document's source when it is a web address (to link to), else ''."""
    return source if regex.match(r"https?://\S+$", source or "") else ""
