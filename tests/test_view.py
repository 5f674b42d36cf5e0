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
