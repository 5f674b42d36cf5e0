"""A person's career as a timeline, in view.html and on the person pages: tenures as bars from
first to last seen and on to their end bound when one is known, observations as points, posts
grouped by place, undated observations listed apart; rows without end bounds still draw."""
from __future__ import annotations

from cadregraph.outputs import view
from cadregraph.outputs.overview_summary import career_chart

TENURES = [
    {"post": "青禾县委书记", "unit": "u1", "first": "2021-03", "last": "2022-06-30"},
    {"post": "青禾县县长", "unit": "u1", "first": "2019", "last": "2020-12", "ended_before": "2021-03-02",
     "end_reason": "successor seen"},
    {"post": "示范市人大代表", "unit": "city", "first": "2023-01-10", "last": "2023-01-10"},
    {"post": "某职务", "unit": "city", "first": "", "last": ""},
]
SEEN = [{"post": "青禾县委书记", "date": "2021-03"}, {"post": "青禾县委书记", "date": "2022-06-30"},
        {"post": "青禾县县长", "date": ""}, {"post": "示范市人大代表", "date": "2023-01-10"}]


def test_chart_groups_posts_by_place_and_draws_end_bounds():
    chart = career_chart(TENURES, SEEN, {"u1": "青禾县", "city": "示范市（市级）"})
    labels = [(r["label"], r["place"]) for r in chart["rows"]]
    assert labels == [("青禾县", True), ("青禾县委书记", False), ("青禾县县长", False),
                      ("示范市（市级）", True), ("示范市人大代表", False)]
    rows = {r["label"]: r for r in chart["rows"]}
    head = rows["青禾县县长"]["bars"]
    assert [b["cls"] for b in head] == ["seen", "bound"] and "successor seen" in head[1]["title"]
    assert head[1]["x"] == round(head[0]["x"] + head[0]["w"], 1)
    assert [b["cls"] for b in rows["青禾县委书记"]["bars"]] == ["seen"]     # no bound: a plain bar
    assert len(rows["青禾县委书记"]["points"]) == 2 and rows["青禾县县长"]["points"] == []
    assert [t["post"] for t in chart["undated"]] == ["某职务"]
    years = [y["year"] for y in chart["years"]]
    assert years[0] == 2019 and years[-1] >= 2023


def test_person_page_draws_the_timeline_and_lists_undated_apart(seeds_graph, monkeypatch):
    from cadregraph.outputs import overview

    pages = overview.overview_pages(seeds_graph)
    html = next(b for n, b in pages.items() if n.startswith("view/people/") and "<h1>石强</h1>" in b.decode()).decode()
    assert html.count('class="place"') == 2 and html.count("<circle") >= 3 and 'class="seen"' in html


def test_view_timeline_continues_a_tenure_to_its_end_bound(tmp_path, seeds_graph, offline_page, monkeypatch):
    collect = view.collect

    def with_bound(g):
        data = collect(g)
        shi = next(i for i, p in enumerate(data.people.rows) if p["label"] == "石强")
        first = min((t for t in data.tenures if t["person"] == shi), key=lambda t: t["first"])
        first.update(ended_before="", ended_after="", end_before="2024-06", end_reason="successor seen")
        return data

    monkeypatch.setattr(view, "collect", with_bound)
    path = tmp_path / "view.html"
    path.write_text(view.render_view(seeds_graph), encoding="utf-8")
    page = offline_page.open(path)
    page.select_option("#person-select", page.evaluate(
        "[...document.getElementById('person-select').options].find(o => o.textContent === '石强').value"))
    page.wait_for_selector("#timeline .vis-item.tenure-bound", timeout=5000)
    assert page.locator("#timeline .vis-item.tenure-bound").count() >= 1
    assert page.locator("#timeline .vis-item.tenure").count() == 3
    assert "ended by 2024-06, successor seen" in page.inner_text("#career-list")
    assert offline_page.errors == []


def test_build_summary_counts_view_pages_instead_of_listing_them(tmp_path):
    from cadregraph.outputs.build_outputs import BuildSummary

    files = [tmp_path / "graph.ttl", tmp_path / "view.html"] + \
            [tmp_path / "view" / kind / f"{i}.html" for kind in ("docs", "people", "units") for i in range(400)]
    text = BuildSummary(documents=400, files=files, warnings=[f"d{i}.txt: repaired" for i in range(300)]).text()
    assert f"wrote {tmp_path}/view/: 400 docs, 400 people, 400 units pages" in text
    assert f"wrote {tmp_path / 'view.html'}" in text
    assert "… and 290 more warnings" in text and len(text.splitlines()) < 25
