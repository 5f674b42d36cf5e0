"""The view of a large graph: the overview page and the focused pages per person and unit,
offline in a real headless Chromium, escaped, linked and deterministic."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS

from cadregraph.graph.fastgraph import fast_graph
from cadregraph.outputs import overview
from cadregraph.outputs.overview import needs_overview, overview_pages, view_pages
from cadregraph.outputs.overview_data import collect
from cadregraph.pipeline import build_graph


@pytest.fixture(scope="module")
def seeds_ox(seeds_corpus):
    return build_graph(seeds_corpus, graph=fast_graph())


@pytest.fixture(scope="module")
def pages(seeds_ox):
    return overview_pages(seeds_ox)


def _write(tmp_path, pages):
    for name, data in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_every_person_and_unit_has_a_page(seeds_ox, pages):
    data = collect(seeds_ox)
    people = {n for n in pages if n.startswith("view/people/")}
    units = {n for n in pages if n.startswith("view/units/")}
    assert len(people) == len(data.people) > 30
    assert len(units) == len(data.units) and "view/units/500120.html" in units and "view/units/city.html" in units
    assert "view.html" in pages


def test_a_person_page_gives_the_career_in_date_order(seeds_ox, pages):
    shi = next(p for p in collect(seeds_ox).people.values() if p.label == "石强")
    assert [t["post"] for t in shi.tenures] == ["彭水苗族土家族自治县委书记", "重庆市人大代表", "重庆市文化旅游委党委书记"]
    html = pages[overview.page_name("people", shi.key)].decode("utf-8")
    assert html.index("彭水苗族土家族自治县委书记") < html.index("重庆市文化旅游委党委书记")
    # the document by its title and date, never by its file name
    assert "全力以赴打赢二季度“攻坚战”" in html and "2025-04-24" in html
    assert "002_9a077f0b941a7940" not in html and "<script" not in html


def test_a_unit_page_lists_officials_figures_slogans_projects(pages):
    html = pages["view/units/500120.html"].decode("utf-8")   # 璧山区
    for text in ("璧山区区长", "璧山区委书记", "江志斌", "地区生产总值", "33618"):
        assert text in html, text


def test_the_municipality_is_the_city_level_unit(seeds_ox):
    data = collect(seeds_ox)
    assert data.units["city"].label.startswith("重庆市") and "https://cadregraph.org/id/place/500000" not in data.units
    assert any(t["post"] == "重庆市财政局党组书记" for t in data.units["city"].tenures)


def test_links_between_pages_resolve(tmp_path, pages):
    import re

    root = _write(tmp_path, pages)
    for name, data in pages.items():
        if name == "view.html":
            continue
        for href in re.findall(r'href="([^"#]+)"', data.decode("utf-8")):
            assert (root / name).parent.joinpath(href).resolve().exists(), (name, href)


def test_overview_opens_offline_draws_and_links(tmp_path, pages, offline_page):
    root = _write(tmp_path, pages)
    page = offline_page.open(root / "view.html")
    page.wait_for_function("window.cadregraphDrawn === true", timeout=15000)
    assert page.evaluate("window.cadregraph.network.body.data.nodes.length") > 20
    links = page.evaluate("[...document.querySelectorAll('#people a')].map(a => a.getAttribute('href'))")
    assert len(links) > 30 and all((root / href).exists() for href in links)
    page.fill("#filter", "石强")
    assert page.locator("#people li").all_inner_texts()[0].startswith("石强")
    assert offline_page.errors == [] and offline_page.blocked == []


def test_document_text_stays_text(tmp_path, seeds_ox, offline_page):
    g = fast_graph()
    g.addN((s, p, o, g) for s, p, o in seeds_ox)
    shi = next(g.subjects(RDFS.label, Literal("石强", lang="zh")))
    evil = '石强</script><img src=x onerror="alert(1)">&amp;'
    g.set((shi, RDFS.label, Literal(evil, lang="zh")))
    root = _write(tmp_path, overview_pages(g))
    page = offline_page.open(root / "view.html")
    page.fill("#filter", "石强")
    assert page.locator("#people li a").first.inner_text() == evil
    assert page.locator("img").count() == 0
    person = (root / overview.page_name("people", str(shi))).read_text("utf-8")
    assert "<img" not in person and "&lt;img src=x" in person
    assert offline_page.dialogs == [] and offline_page.errors == []


def test_the_switch_to_the_overview(seeds_ox, monkeypatch):
    assert not needs_overview(seeds_ox)
    assert list(view_pages(seeds_ox, single_page=lambda g: "one page")) == ["view.html"]
    monkeypatch.setattr(overview, "OVERVIEW_MIN_FACTS", 100)
    assert needs_overview(seeds_ox)
    assert len(view_pages(seeds_ox)) > 50


def test_overview_pages_are_byte_identical_across_hash_seeds(tmp_path, seeds_ox, seeds_corpus, monkeypatch):
    monkeypatch.setattr(overview, "OVERVIEW_MIN_FACTS", 0)
    pages = view_pages(seeds_ox, texts={d.doc_id: d.text for d in seeds_corpus.documents})
    assert sum(1 for n in pages if n.startswith("view/docs/")) == len(seeds_corpus.documents)
    out = tmp_path / "out"
    code = ("import sys; import cadregraph.outputs.overview as o; o.OVERVIEW_MIN_FACTS = 0; "
            "from cadregraph.cli import main; sys.argv = ['cadregraph', 'build', '--out', sys.argv[1]]; main()")
    subprocess.run([sys.executable, "-c", code, str(out)], check=True, capture_output=True,
                   env=dict(os.environ, PYTHONHASHSEED="4242"))
    built = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*.html")}
    assert built == pages
