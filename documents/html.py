"""Scraped HTML pages: keep the visible text, drop scripts, styles, comments and markup.

A small scanner rather than `html.parser`: the standard parser (Python 3.11) takes quadratic
time on pages full of stray '<' ("<a<a<a…", "</</</…", "<?<?…"), and one such page in a corpus
of thousands would stall the run. Here every search starts where the previous one ended and
a tag can never extend past the next '<', so the work is linear in the page's length.
"""
from __future__ import annotations

import html
from pathlib import Path

import regex

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "title", "td", "th", "table", "ul", "ol", "header", "footer", "blockquote",
               "pre", "dd", "dt", "hr", "main", "aside", "nav", "figcaption", "caption"}
# Elements whose content is never shown as text.
_SKIP_TAGS = {"noscript", "template", "iframe", "svg", "math", "object", "select"}
# Raw-text elements: everything up to their end tag is content, not markup (scripts, styles);
# title and textarea are shown, the others dropped.
_RAW_TAGS = {"script": False, "style": False, "xmp": False, "title": True, "textarea": True}
_HTML_START = regex.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", regex.I)
# A start or end tag. Quoted attribute values may hold '>' but never '<', and nothing here
# repeats past the next '<'. \s here is the HTML space set only.
_TAG = regex.compile(r"""<(/?)([A-Za-z][A-Za-z0-9:\-]{0,40})(?=[ \t\n\r\f/>])((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>""")
_META_CHARSET = regex.compile(rb"""<meta[^<>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", regex.I)


def looks_like_html(path: Path, text: str) -> bool:
    return path.suffix.lower() in (".html", ".htm", ".xhtml", ".shtml") or bool(_HTML_START.match(text[:512]))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def html_to_text(markup: str) -> str:
    parts: list[str] = []
    pos, n, skip_depth = 0, len(markup), 0
    while pos < n:
        lt = markup.find("<", pos)
        if lt < 0:
            lt = n
        if not skip_depth and lt > pos:
            parts.append(html.unescape(markup[pos:lt]))
        if lt >= n:
            break
        pos, skip_depth = _after_markup(markup, lt, skip_depth, parts)
    text = "".join(parts)
    lines = [line.strip() for line in text.splitlines()]
    return regex.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _after_markup(markup: str, lt: int, skip_depth: int, parts: list[str]) -> tuple[int, int]:
    """Handle the markup at `lt` (a '<'): return where text resumes and the new skip depth."""
    nxt = markup[lt + 1:lt + 2]
    if not (nxt.isascii() and (nxt.isalpha() or nxt in "/!?")):   # "a < b": text, cheaply
        return _stray(lt, skip_depth, parts)
    if markup.startswith("<!--", lt):
        return _past(markup, "-->", lt + 4), skip_depth
    if markup.startswith(("<!", "<?"), lt):          # doctype, CDATA, processing instruction
        end = "]]>" if markup.startswith("<![CDATA[", lt) else ">"
        return _past(markup, end, lt + 2), skip_depth
    m = _TAG.match(markup, lt)
    if m is None:
        return _stray(lt, skip_depth, parts)
    closing, name = m.group(1) == "/", m.group(2).lower()
    if name in _RAW_TAGS and not closing:
        close = regex.compile(rf"</{name}(?=[ \t\n\r\f/>])[^<>]*>", regex.I).search(markup, m.end())
        body_end, resume = (close.start(), close.end()) if close else (len(markup), len(markup))
        if _RAW_TAGS[name] and not skip_depth:
            parts.append("\n" + html.unescape(markup[m.end():body_end]) + "\n")
        return resume, skip_depth
    if name in _SKIP_TAGS and not m.group(3).rstrip().endswith("/"):
        return m.end(), max(0, skip_depth + (-1 if closing else 1))
    if name in _BLOCK_TAGS and not skip_depth:
        parts.append("\n")
    return m.end(), skip_depth


def _stray(lt: int, skip_depth: int, parts: list[str]) -> tuple[int, int]:
    """A '<' that starts no markup is text."""
    if not skip_depth:
        parts.append("<")
    return lt + 1, skip_depth


def _past(markup: str, end: str, start: int) -> int:
    """Just after the next `end`; an unterminated comment or declaration runs to the end."""
    found = markup.find(end, start)
    return len(markup) if found < 0 else found + len(end)
