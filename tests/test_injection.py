"""Hostile text in file names, metadata and document text: the graph files stay valid, IRIs
never carry raw text, and the HTML view runs none of it (headless Chromium, offline)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef

from cadregraph.graph.formats import FORMATS
from cadregraph.graph.namespaces import DEFAULT_BASE
from cadregraph.outputs.build_outputs import run_build

PAYLOADS = [
    "<script>alert('s1')</script>",
    "</script><script>alert('s2')</script>",
    "\"><img src=x onerror=alert('s3')>",
    "javascript:alert('s4')",
    "<svg onload=alert('s5')>",
    "'-alert('s6')-'\u2028\u2029",
    "> \" { } | \\ ^ ` \n x",
    "{{7*7}}${alert('s7')}<!--",
]
FILE_NAMES = [
    "\"><img src=x onerror=alert('f1')>",
    "<svg onload=alert('f2')>",
    "javascript:alert('f3')",
    "a`{}|^\\ \"b' <x>\nline",
    "長" * 70,
    "&lt;script&gt;alert('f4')&lt;\\script&gt;<script>alert('f5')<",   # no '/' in a file name
]
LONG = "<img src=x onerror=alert('long')>" + "长" * 20000


def _text(i: int, p: str) -> str:
    return (f"（重庆日报，2024年10月{i + 10}日）\n璧山区委书记、区长 江志斌\n"
            f"今年以来{p}，璧山区前三季度GDP同比增长7.{i}%{p}，规上工业增加值增长10.5%。"
            f"全区深入实施“33618”现代制造业集群体系{p}建设，打造“六区一高地”{p}。"
            f"{p}璧山高新区智能网联新能源汽车产业园{p}加快建设。\n"
            f"江津区委书记 李明说，{p}“两高”取得实效。\n")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    docs = root / "docs"
    docs.mkdir()
    for i, name in enumerate(FILE_NAMES):
        p = PAYLOADS[i % len(PAYLOADS)]
        (docs / f"{name}.txt").write_text(_text(i, p), encoding="utf-8")
        title = LONG if i == 4 else p + " title " + PAYLOADS[(i + 1) % len(PAYLOADS)]
        meta = {"title": title, "source": "javascript:alert('src')" + p}
        (docs / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    out = root / "out"
    summary = run_build([docs], out, base=DEFAULT_BASE, formats=tuple(FORMATS))
    assert not summary.failures and summary.documents == len(FILE_NAMES)
    return out


def _page_data(out: Path) -> dict:
    html = (out / "view.html").read_text("utf-8")
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_payloads_reach_the_graph_and_the_page(hostile_build):
    # Otherwise the tests below prove nothing.
    text = json.dumps(_page_data(hostile_build), ensure_ascii=False)
    for needle in ("<img src=x onerror=alert('f1')>.txt", "<svg onload=alert('f2')>.txt",   # file names
                   "alert('s1')</script> title",                                          # titles
                   "体系<script>alert('s1')</script>建设",                                   # quotes
                   "<script>alert('s1')</script>璧山高新区"):                                # project names
        assert needle in text, needle
    g = Graph().parse(hostile_build / "graph.ttl")
    assert (None, None, Literal(LONG, lang="zh")) in g


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_graph_file_parses_strictly(hostile_build, fmt):
    f = FORMATS[fmt]
    quads = list(pyoxigraph.parse((hostile_build / f.file_name).read_bytes(), format=f.ox_format))
    assert len(quads) > 100
    if fmt == "turtle":
        g = Graph().parse(hostile_build / f.file_name, format="turtle")
        assert len(g) == len(quads)


def test_iris_never_carry_raw_text(hostile_build):
    g = Graph().parse(hostile_build / "graph.ttl")
    iris = {t for triple in g for t in triple if isinstance(t, URIRef)}
    bad = [i for i in iris if not str(i).isascii() or re.search(r"[\s<>\"{}|\\^`]", str(i))]
    assert iris and not bad
    assert all(len(str(i)) < 200 for i in iris if str(i).startswith(DEFAULT_BASE))


def test_the_view_runs_none_of_it(hostile_build, offline_page):
    page = offline_page.open(hostile_build / "view.html")
    scripts = page.evaluate("document.scripts.length")
    # hover every node where it is drawn (the first screen draws districts and bodies only)
    page.click("#show-whole")
    positions = page.evaluate("""() => { const n = window.cadregraph.network;
        const pos = n.getPositions(); const box = document.getElementById('network').getBoundingClientRect();
        return Object.keys(pos).map(id => { const p = n.canvasToDOM(pos[id]); return [id, p.x + box.left, p.y + box.top]; }); }""")
    assert len(positions) > 10
    for _id, x, y in positions:
        page.mouse.move(x, y)
        page.wait_for_timeout(5)
    # select every person, post and district: the panel lists names, documents and quotes
    shown = []
    for select in ("person-select", "post-select", "district-select"):
        values = page.evaluate(f"[...document.getElementById('{select}').options].map(o => o.value).filter(v => v)")
        for value in values:
            page.select_option(f"#{select}", value)
            shown.append(page.inner_text("#details"))
            # a document is named by its title; its file name and date are its tooltip (an attribute)
            shown.extend(page.evaluate("[...document.querySelectorAll('#details .doc > :first-child')].map(e => e.title)"))
            # the panel's links lead only to other items of the page and to the document pages
            # at a span (a source that is no web address, like these, is not a link)
            hrefs = page.evaluate("[...document.querySelectorAll('#details a[href]')].map(a => a.getAttribute('href'))")
            assert all(re.fullmatch(r"#(person|post|district|organization|slogan|project)=[A-Za-z0-9%._~-]+", h)
                       or re.fullmatch(r"view/docs/[A-Za-z0-9_-]+\.html#f\d+-\d+", h) for h in hrefs), hrefs
            page.evaluate(f"window.cadregraph.network.selectNodes(window.cadregraph.network.getSelectedNodes())")
    page.click("#show-all")
    page.wait_for_timeout(200)
    assert offline_page.dialogs == []
    assert offline_page.errors == []
    assert offline_page.blocked == []
    assert page.evaluate("document.scripts.length") == scripts
    assert page.evaluate("document.querySelectorAll('img, iframe, [onerror], [onload]').length") == 0
    assert page.evaluate("[...document.querySelectorAll('svg')].filter(e => !e.closest('#legend')).length") == 0
    assert page.evaluate("document.querySelectorAll('a[href]').length") == 0
    assert page.title() == "cadregraph"
    assert any("<img src=x onerror=alert('f1')>.txt" in s for s in shown)     # shown, as text
    assert any("<script>alert('s1')</script>" in s for s in shown)


def test_the_document_pages_run_none_of_it(hostile_build, offline_page):
    pages = sorted((hostile_build / "view" / "docs").glob("*.html"))
    assert len(pages) == len(FILE_NAMES)
    page = offline_page.page
    titles = []
    for path in pages:
        page.goto(path.resolve().as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("document.querySelectorAll('script, img, iframe, [onerror], [onload], x').length") == 0
        assert page.locator("#text mark.fact").count() >= 3
        # a source that is no web address is text, never a link
        assert page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
                             ".filter(h => !h.startsWith('#') && h !== '../../view.html')") == []
        titles.append(page.inner_text("h1"))
    assert any("<script>alert('s1')</script>" in t for t in titles)
    assert offline_page.dialogs == [] and offline_page.errors == [] and offline_page.blocked == []
