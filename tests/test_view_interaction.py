"""The view answers the mouse, in a real headless Chromium with the network blocked: a click shows
a node's details, a hover an escaped tooltip, a double-click its neighbourhood; the first screen,
the legend, legible labels, the career timeline and the layout from 800 px to wide screens."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDFS

from cadregraph.graph.namespaces import CG
from cadregraph.outputs.view import render_view


def _node_xy(page, node_id: str) -> tuple[float, float]:
    """Where a drawn node is on the page, in CSS pixels."""
    return page.evaluate("""(id) => { const n = window.cadregraph.network;
        const d = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.getElementById('network').getBoundingClientRect();
        return [d.x + r.left, d.y + r.top]; }""", node_id)


def _node_of(page, kind: str, label: str) -> str:
    return page.evaluate("""([kind, label]) => window.cadregraph.data.nodes.find(
        n => n.kind === kind && n.label === label).id""", [kind, label])


def _drawn(page) -> list[str]:
    return page.evaluate("window.cadregraph.network.body.data.nodes.getIds()")


def _copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def test_first_screen_shows_districts_and_bodies_with_a_hint_and_a_legend(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    kinds = page.evaluate("[...new Set(window.cadregraph.network.body.data.nodes.get().map(n => n.kind))].sort()")
    assert kinds == ["district", "organization"]
    assert "double-click" in page.inner_text("#hint") and "双击" in page.inner_text("#hint")
    legend = page.inner_text("#legend")
    for words in ("人物 person", "职务 post", "机构 body", "区县 district", "提法 slogan", "项目 project",
                  "任职 holds", "接任 succeeded by", "使用 used by"):
        assert words in legend, words
    assert page.locator("#legend svg").count() == 11
    assert offline_page.errors == [] and offline_page.blocked == []


def test_labels_are_legible_at_the_fitted_zoom(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    on_screen = page.evaluate("""() => { const n = window.cadregraph.network, s = n.getScale();
        return n.body.data.nodes.get().filter(x => x.kind === 'district').map(x => x.font.size * s); }""")
    assert on_screen and min(on_screen) >= 11
    page.select_option("#person-select", page.evaluate(
        "[...document.getElementById('person-select').options].find(o => o.textContent === '石强').value"))
    on_screen = page.evaluate("""() => { const n = window.cadregraph.network, s = n.getScale();
        return n.body.data.nodes.get().map(x => x.font.size * s); }""")
    assert len(on_screen) >= 6 and min(on_screen) >= 11


def test_clicking_a_node_shows_its_details_without_redrawing(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    before = sorted(_drawn(page))
    bishan = _node_of(page, "district", "璧山区")
    page.mouse.click(*_node_xy(page, bishan))
    page.wait_for_function("document.querySelector('#details h2') !== null")
    assert page.inner_text("#details h2") == "璧山区"
    officials = page.locator("#officials-list li").all_inner_texts()
    assert any("璧山区委书记" in o and "江志斌" in o for o in officials)
    assert page.evaluate("document.getElementById('district-select').selectedOptions[0].textContent") == "璧山区"
    assert sorted(_drawn(page)) == before
    # a body on the first screen: its posts and holders
    body = _node_of(page, "organization", "长寿区委")
    page.mouse.click(*_node_xy(page, body))
    page.wait_for_function("document.querySelector('#details h2').textContent === '长寿区委'")
    holders = page.locator("#officials-list li").all_inner_texts()
    assert any("刘小强" in h for h in holders) and any("江夏" in h for h in holders)
    assert offline_page.errors == []


def test_double_click_focuses_the_neighbourhood_and_panel_links_follow(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    body = _node_of(page, "organization", "长寿区委")
    page.mouse.dblclick(*_node_xy(page, body))
    page.wait_for_function("window.cadregraph.network.body.data.nodes.length < 20")
    labels = set(page.evaluate("window.cadregraph.network.body.data.nodes.get().map(n => n.label)"))
    assert {"长寿区委", "长寿区委书记", "刘小强", "江夏", "长寿区"} <= labels
    assert page.evaluate("window.cadregraph.network.getSelectedNodes()") == [body]
    # a person node of the neighbourhood: click it, its career is shown
    page.mouse.click(*_node_xy(page, _node_of(page, "person", "江夏")))
    page.wait_for_function("document.querySelector('#details h2').textContent.startsWith('江夏')")
    # a post named in the panel is a link to that post
    page.locator("#career-list a.post").first.click()
    page.wait_for_function("document.querySelector('#details h2').textContent.includes('holders')")
    assert page.locator("#holder-list .person").count() >= 1
    page.go_back()
    page.wait_for_function("document.querySelector('#details h2').textContent.startsWith('江夏')")
    assert offline_page.errors == []


def test_hover_tooltip_is_escaped_text(tmp_path, seeds_graph, offline_page):
    g = _copy(seeds_graph)
    bishan = URIRef("https://cadregraph.org/id/place/500120")
    evil = '璧山区<img src=x onerror="alert(1)"><b>bold</b>&amp;'
    g.set((bishan, RDFS.label, Literal(evil, lang="zh")))
    path = tmp_path / "view.html"
    path.write_text(render_view(g), encoding="utf-8")
    page = offline_page.open(path)
    node = _node_of(page, "district", evil)
    page.mouse.move(*_node_xy(page, node))
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    tip = page.locator("div.vis-tooltip")
    assert tip.locator(".tip-title").inner_text() == evil
    assert tip.locator("img, b").count() == 0
    assert "区县 district" in tip.inner_text()
    page.mouse.click(*_node_xy(page, node))
    assert page.inner_text("#details h2") == evil and page.locator("#details img").count() == 0
    assert offline_page.dialogs == [] and offline_page.errors == []


def test_a_persons_career_is_a_timeline_with_undated_observations_apart(tmp_path, seeds_graph, offline_page):
    g = _copy(seeds_graph)
    # take the date off one of 石强's observations: it must be listed apart, not drawn
    shi = next(g.subjects(RDFS.label, Literal("石强", lang="zh")))
    seen = sorted(o for o in g.subjects(CG.holder, shi))
    # a fact without a sentence date has its document's: take the date off the document of
    # one of his observations (the only one he has from that document)
    dated = {o: g.value(g.value(o, PROV.wasDerivedFrom), DCTERMS.date) for o in seen}
    undated = next(o for o in seen if str(dated[o]) == "2025-04-24" and g.value(o, CG.sentenceDate) is None)
    g.remove((g.value(undated, PROV.wasDerivedFrom), DCTERMS.date, None))
    path = tmp_path / "view.html"
    path.write_text(render_view(g), encoding="utf-8")
    page = offline_page.open(path)
    page.select_option("#person-select", page.evaluate(
        "[...document.getElementById('person-select').options].find(o => o.textContent === '石强').value"))
    page.wait_for_selector("#timeline .vis-item.tenure", timeout=5000)
    assert page.locator("#timeline .vis-item.tenure").count() == 3
    assert page.locator("#timeline .vis-item.vis-point").count() == len(seen) - 1
    groups = page.locator("#timeline .vis-label").all_inner_texts()
    assert any("彭水" in x for x in groups) and any("city level" in x for x in groups)
    assert len(page.locator("#undated-list li").all_inner_texts()) == 1
    assert "重庆市文化旅游委党委书记" in page.inner_text("#undated-list")
    # the timeline sits on a real axis: the first tenure starts left of the last point
    xs = page.evaluate("[...document.querySelectorAll('#timeline .vis-item.vis-point')].map(e => e.getBoundingClientRect().left)")
    assert max(xs) > min(xs)
    assert offline_page.errors == [] and offline_page.blocked == []


@pytest.mark.parametrize("width", [800, 1400])
def test_the_layout_works_from_800_px_to_wide_screens(built_seeds, browser, width):
    from conftest import OfflinePage

    view = OfflinePage(browser, viewport={"width": width, "height": 900})
    try:
        page = view.open(built_seeds / "view.html")
        stage = page.locator("#stage").bounding_box()
        panel = page.locator("#panel").bounding_box()
        net = page.locator("#network").bounding_box()
        assert net["height"] >= 350 and net["width"] >= min(width, 1400) * 0.55
        if width < 900:
            assert panel["y"] >= stage["y"] + stage["height"] - 1      # the panel below the network
        else:
            assert panel["x"] + panel["width"] <= stage["x"] + 1        # the panel beside it
        assert view.errors == [] and view.blocked == []
    finally:
        view.close()


def test_the_pages_name_a_cjk_font_and_one_is_installed(built_seeds):
    html = (built_seeds / "view.html").read_text("utf-8")
    for font in ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", "PingFang TC"):
        assert font in html
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig is not installed")
    fonts = subprocess.run(["fc-list", ":lang=zh-cn", "family"], capture_output=True, text=True).stdout
    assert fonts.strip(), "no CJK font installed: run scripts/install-test-deps.sh (screenshots would show boxes)"
