"""The HTML view in a real headless Chromium, with every non-file request blocked."""
from __future__ import annotations


def test_view_opens_offline_and_draws(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    count = page.evaluate("window.cadregraph.network.body.data.nodes.length")
    assert count > 50
    # the canvas has been drawn on: some pixel is not transparent
    drawn = page.evaluate("""() => { const c = document.querySelector('#network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; }""")
    assert drawn
    assert offline_page.errors == []
    assert offline_page.blocked == []


def test_view_is_utf8_and_has_no_remote_resources(built_seeds):
    html = (built_seeds / "view.html").read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in html
    assert "石强" in html
    for marker in ("https://cdn", "http://cdn", "cdnjs", "jsdelivr", "unpkg", "bootstrap"):
        assert marker not in html


def test_person_posts_read_in_date_order(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    value = page.evaluate("""() => { const s = document.getElementById('person-select');
        return [...s.options].find(o => o.textContent === '石强').value; }""")
    page.select_option("#person-select", value)
    items = page.locator("#detail-list li").all_inner_texts()
    dates = [i.split(" · ")[0] for i in items]
    assert dates == sorted(dates) and dates[0] == "2023-10-24" and dates[-1] == "2025-04-24"
    assert any("彭水苗族土家族自治县委书记" in i for i in items)
    assert "重庆市文化旅游委党委书记" in items[-1]


# ---------------------------------------------------------------- careers in the page

def _pick(page, kind: str, label: str) -> None:
    value = page.evaluate("""([kind, label]) => { const s = document.getElementById(kind + '-select');
        const o = [...s.options].find(o => o.textContent === label || o.textContent.startsWith(label + ' ('));
        return o ? o.value : null; }""", [kind, label])
    assert value is not None, f"{label} is not in the {kind} list"
    page.select_option(f"#{kind}-select", value)


def test_pick_shi_qiang_reads_his_posts_in_order(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    _pick(page, "person", "石强")
    posts = page.locator("#career-list > li .post").all_inner_texts()
    spans = page.locator("#career-list > li .date").all_inner_texts()
    assert list(zip(posts, spans)) == [("彭水苗族土家族自治县委书记", "2023-10-24 → 2024-01"),
                                       ("重庆市人大代表", "2024-01"), ("重庆市文化旅游委党委书记", "2025-04-24")]
    # documents are named by their titles (the file name is the title attribute of each mention)
    title = page.evaluate("Object.fromEntries(window.cadregraph.data.tables.docs.map(d => [d.name, d.title]))")
    docs = page.locator("#career-list > li .quote").all_inner_texts()
    assert docs[0] == f"{title['001_e3967ce29b2979f4.txt']}; {title['003_63b98746f0243239.txt']}"
    assert docs[2] == title["002_9a077f0b941a7940.txt"] and all(title.values())
    names = page.locator("#detail-list li .doc > :first-child").evaluate_all("els => els.map(e => e.title.split(' · ')[0])")
    assert names[-1] == "002_9a077f0b941a7940.txt"
    items = page.locator("#detail-list li").all_inner_texts()
    assert "post changed" in items[-1] and not any("post changed" in i for i in items[:-1])
    # the network now draws only his neighbourhood, his node among it
    drawn = page.evaluate("window.cadregraph.network.body.data.nodes.get().map(n => n.label)")
    assert "石强" in drawn and "重庆市文化旅游委党委书记" in drawn and "江夏" not in drawn
    assert offline_page.errors == [] and offline_page.blocked == []


def test_pick_a_post_reads_its_holders_in_order(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    _pick(page, "post", "长寿区委书记")
    holders = page.locator("#holder-list > li .person").all_inner_texts()
    assert holders == ["刘小强", "江夏"]
    assert "after 刘小强" in page.locator("#holder-list > li").nth(1).inner_text()
    assert page.evaluate("document.getElementById('person-select').value") == ""


def test_pick_a_district_reads_its_officials_figures_and_slogans(built_seeds, offline_page, seeds_graph):
    from rdflib.namespace import QB, RDF

    from cadregraph.graph.namespaces import CG

    page = offline_page.open(built_seeds / "view.html")
    _pick(page, "district", "璧山区")
    officials = page.locator("#officials-list li").all_inner_texts()
    assert any("璧山区委书记" in o and "江志斌" in o for o in officials)
    figures = page.locator("#figures-list li").all_inner_texts()
    slogans = page.locator("#slogans-list li").all_inner_texts()
    if next(seeds_graph.subjects(RDF.type, QB.Observation), None) is not None:
        assert figures and "none in the graph" not in figures[0]
    if getattr(CG, "SloganUse", None) is not None and next(seeds_graph.subjects(RDF.type, CG.SloganUse), None):
        assert any("“33618”" in s for s in slogans)
    # the page can be opened on a district directly (a focused page)
    district_id = page.evaluate("location.hash")
    assert district_id.startswith("#district=")


def test_document_text_stays_text(tmp_path, seeds_graph, offline_page):
    from rdflib import Graph, Literal
    from rdflib.namespace import RDFS

    from cadregraph.outputs.view import render_view

    g = Graph()
    for t in seeds_graph:
        g.add(t)
    shi = next(g.subjects(RDFS.label, Literal("石强", lang="zh")))
    evil = '石强</script><img src=x onerror="alert(1)">&amp;'
    g.set((shi, RDFS.label, Literal(evil, lang="zh")))
    path = tmp_path / "view.html"
    path.write_text(render_view(g), encoding="utf-8")
    page = offline_page.open(path)
    _pick(page, "person", evil)
    assert page.locator("#details h2").inner_text().startswith(evil)
    assert page.locator("#details img").count() == 0
    assert offline_page.dialogs == [] and offline_page.errors == []


def test_a_big_graph_opens_on_its_skeleton_and_draws_one_neighbourhood(tmp_path, seeds_graph, offline_page, monkeypatch):
    from cadregraph.outputs import view

    monkeypatch.setattr(view, "FULL_VIEW_LIMIT", 20)
    path = tmp_path / "view.html"
    path.write_text(view.render_view(seeds_graph), encoding="utf-8")
    page = offline_page.open(path)
    kinds = page.evaluate("[...new Set(window.cadregraph.network.body.data.nodes.get().map(n => n.kind))].sort()")
    assert kinds == ["district", "organization"]
    _pick(page, "person", "刘小强")
    drawn = page.evaluate("window.cadregraph.network.body.data.nodes.get().map(n => n.label)")
    assert {"刘小强", "长寿区委书记", "江夏", "重庆市财政局局长"} <= set(drawn) and len(drawn) < 15
    page.click("#show-all")
    assert page.evaluate("window.cadregraph.network.body.data.nodes.length") > len(drawn)


def test_layout_is_deterministic_and_scales():
    import time

    from cadregraph.outputs.view_layout import layout

    nodes = [{"id": f"d{i}", "kind": "district"} for i in range(40)]
    nodes += [{"id": f"q{i}", "kind": "post"} for i in range(2000)]
    edges = [{"from": f"q{i}", "to": f"d{i % 40}"} for i in range(2000)]
    group = {f"q{i}": f"d{i % 40}" for i in range(2000)} | {f"d{i}": f"d{i}" for i in range(40)}
    start = time.perf_counter()
    first = layout(nodes, edges, group)
    assert time.perf_counter() - start < 30
    assert len(first) == len(nodes) and first == layout(nodes, edges, group)
