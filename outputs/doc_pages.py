"""One page per document, `view/docs/<id>.html`: its title, date and source, the facts
extracted from it, and its text with every fact highlighted at its character span. A fact
anywhere in the view links to `view/docs/<id>.html#f<start>-<end>`, and the browser scrolls to
that span and marks it (CSS :target); the pages have no script.

Spans may nest (a slogan inside the sentence of a figure) or cross; marks must nest in HTML,
so a span that crosses the end of an open one is cut there (its anchor stays at its start).
All text is escaped here or by the template's autoescaping.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Mapping
from functools import partial

import regex
from markupsafe import Markup, escape

from .view_text import source_link

KIND_NAMES = {"post": "任职 post", "figure": "数据 figure", "slogan": "提法 slogan", "project": "项目 project"}


def anchor(start: int, end: int) -> str:
    """The fragment of a span on its document's page."""
    return f"f{start}-{end}"


def fact_text(fact: dict) -> str:
    detail = fact["detail"]
    return f"{fact['label']} · {detail}" if detail else fact["label"]


def marked_text(text: str, facts: list[dict]) -> Markup:
    """The text, escaped, with a <mark> per distinct span of `facts` ({kind, label, detail,
    start, end}), nested."""
    spans: dict[tuple[int, int], list[dict]] = {}
    for f in facts:
        if 0 <= f["start"] < f["end"] <= len(text):
            spans.setdefault((f["start"], f["end"]), []).append(f)
    out: list[str] = []
    pos = 0
    stack: list[int] = []      # where the open marks close

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1] <= limit:
            end = stack.pop()
            out.append(str(escape(text[pos:end])) + "</mark>")
            pos = end

    for (start, end) in sorted(spans, key=lambda s: (s[0], -s[1])):
        close_until(start)
        out.append(str(escape(text[pos:start])))
        pos = start
        here = spans[(start, end)]
        kinds = sorted({f["kind"] for f in here})
        title = "\n".join(f"{KIND_NAMES.get(f['kind'], f['kind'])}: {fact_text(f)}" for f in here)
        out.append(f'<mark id="{anchor(start, end)}" class="fact {" ".join("k-" + k for k in kinds)}" '
                   f'title="{escape(title)}">')
        stack.append(min([end] + stack[-1:]))
    close_until(len(text))
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


_TEXT = regex.compile(r'<div id="text">(.*?)</div>\n</body>', regex.S)
_MARK = regex.compile(r'</?mark[^>]*>')


def text_of_page(page: bytes) -> str | None:
    """The document text a page of `document_pages` holds: its marks taken out and its escapes
    undone give back the text exactly (an update rebuilds the pages of documents it does not
    read again from their previous page; the fact cache keeps no text)."""
    m = _TEXT.search(page.decode("utf-8", errors="strict"))
    return None if m is None else html.unescape(_MARK.sub("", m.group(1)))


def document_pages(docs: Mapping[str, dict], facts: Mapping[str, list[dict]], texts: Mapping[str, str],
                   names: Mapping[str, str], env, title: str = "cadregraph") -> dict[str, bytes]:
    """{page name: UTF-8 bytes} for every document whose text is in `texts`.

    docs: {document IRI: {identifier, name, title, date, source}}; facts: {document IRI: [{kind,
    label, detail, start, end}]}; texts: {identifier: the document's text, as its offsets
    count}; names: {document IRI: page name}."""
    return dict(iter_document_pages(docs, facts, texts, names, env, title))


def iter_document_pages(docs: Mapping[str, dict], facts: Mapping[str, list[dict]], texts: Mapping[str, str],
                        names: Mapping[str, str], env, title: str = "cadregraph") -> Iterator[tuple[str, bytes]]:
    """`document_pages` one (name, bytes) at a time: a page holds its document's whole text,
    so the corpus's pages are never held at once."""
    for job in document_jobs(docs, facts, texts, names, env, title):
        yield from job()


def document_jobs(docs: Mapping[str, dict], facts: Mapping[str, list[dict]], texts: Mapping[str, str],
                  names: Mapping[str, str], env, title: str = "cadregraph") -> Iterator[Callable[[], list]]:
    """A job per document (overview.render_jobs): its page, or none when its text is gone."""
    template = env.get_template("doc_page.html.j2")
    for iri, doc in sorted(docs.items()):
        if iri in names:
            yield partial(_document_page, template, names[iri], doc, iri, facts, texts, title)


def _document_page(template, name, doc, iri, facts, texts, title) -> list[tuple[str, bytes]]:
    # the facts are looked up here, by whichever process renders the page: `facts` may read
    # one document's rows at a time
    text = texts.get(doc["identifier"])
    if text is None:
        return []
    own = facts.get(iri, [])
    rows = [{"kind": KIND_NAMES.get(f["kind"], f["kind"]), "text": fact_text(f), "anchor": anchor(f["start"], f["end"]),
             "quote": text[f["start"]:f["end"]]} for f in own]
    page = template.render(title=title, doc=doc, link=source_link(doc["source"]), facts=rows,
                           body=marked_text(text, own), up="../../")
    return [(name, page.encode("utf-8"))]
