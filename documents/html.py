"""Scraped HTML pages: keep the visible text, drop scripts, styles and markup."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "title", "td", "th", "table", "ul", "ol", "header", "footer"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "iframe", "svg", "head"}
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", re.I)


def looks_like_html(path: Path, text: str) -> bool:
    return path.suffix.lower() in (".html", ".htm", ".xhtml") or bool(_HTML_START.match(text[:512]))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS and tag != "head":
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and tag != "head":
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    text = "".join(collector.parts)
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
