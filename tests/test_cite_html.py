"""A fact's citation and quote on the focused pages: escaped, linked to the document page at
the fact's span only when there is a page, the source only when it is a web address."""
from __future__ import annotations

from cadregraph.outputs.cite_html import cite, quote

ROW = {"doc": "d1", "start": 12, "end": 17, "before": "会议指出，", "quote": "<b>区长</b>", "after": "主持。"}


def test_a_citation_links_the_page_at_the_span_and_escapes_the_title():
    docs = {"d1": {"title": "区政府<script>x</script>", "name": "a.txt", "date": "2024-05-06",
                   "page": "view/docs/d1.html", "link": "https://example.gov.cn/a?x=1&y=2"}}
    html = cite(ROW, docs, "../../")
    assert html == ('<span class="doc"><a href="../../view/docs/d1.html#f12-17">区政府&lt;script&gt;x&lt;/script&gt;</a>'
                    ' · 2024-05-06 · <a class="source" href="https://example.gov.cn/a?x=1&amp;y=2" rel="noreferrer">'
                    'source 来源</a></span>')


def test_without_a_page_title_or_link_the_citation_names_the_file_alone():
    assert cite(ROW, {"d1": {"title": "", "name": "a.txt", "date": "", "page": "", "link": ""}}, "../../") == \
        '<span class="doc">a.txt</span>'
    assert cite(ROW, {}, "../../") == ""


def test_a_quote_is_marked_inside_its_sentence_and_escaped():
    assert quote(ROW) == '<span class="quote">会议指出，<mark>&lt;b&gt;区长&lt;/b&gt;</mark>主持。</span>'
