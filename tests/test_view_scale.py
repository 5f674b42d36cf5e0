"""A 1,500-document corpus stays usable: unit pages aggregate and stay under 500 KB, and the
overview and a unit page load within 3 s in Chromium (network blocked), timed by the browser's
own performance timing. The view data of that size is made directly (view_scale.py), once."""
from __future__ import annotations

import re

import pytest

from cadregraph.outputs.overview import render_pages

from view_scale import CITY_SIZE, scale_data

PAGE_LIMIT = 500_000
LOAD_LIMIT_MS = 3000


@pytest.fixture(scope="module")
def scale_site(tmp_path_factory):
    data, docs = scale_data()
    pages = render_pages(data, docs)
    root = tmp_path_factory.mktemp("scale")
    for name, body in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(body)
    slogans = len({s["slogan"] for s in data.units["city"].slogans})
    return root, pages, slogans


def test_unit_pages_aggregate_and_stay_small(scale_site):
    root, pages, slogans = scale_site
    units = {n: b for n, b in pages.items() if n.startswith("view/units/")}
    assert max(len(b) for b in units.values()) < PAGE_LIMIT
    city = pages["view/units/city.html"].decode("utf-8")
    # a slogan once, with its count and first and last use; the rest of the list paged
    assert city.count("first 首次:") <= 3 * 80 and f"used {CITY_SIZE['slogan_uses']} times" in city
    later = sorted(n for n in units if n.startswith("view/units/city-slogans-"))
    assert slogans > 1000 and len(later) == -(-slogans // 80) - 1
    assert all(f'href="../../{n}#slogans"' in city for n in later)
    assert "Figures by indicator and period" in city and "年前三季度" in city
    # an indicator reported with many values in one period shows six, the rest folded away
    # (hundreds of them in one cell made the table wider than the page)
    cells = re.findall(r'<td class="value">(.*?)</td>', city)
    assert cells and all(len(cell.split("<details")[0].split(" / ")) <= 6 for cell in cells)
    folded = [c for c in cells if "<details" in c]
    assert folded and all(re.search(r"<summary>(\d+) values", c) and int(re.search(r"<summary>(\d+)", c)[1]) > 6
                          for c in folded)


def _load_ms(page, path, ready: str | None = None) -> float:
    page.goto(path.resolve().as_uri())
    if ready:
        page.wait_for_function(ready, timeout=15000)
        return page.evaluate("performance.now()")
    page.wait_for_load_state("load")
    return page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")


def test_overview_and_unit_page_load_within_3_s(scale_site, offline_page):
    root = scale_site[0]
    page = offline_page.page
    drawn = _load_ms(page, root / "view.html", "window.cadregraphDrawn === true")
    assert page.evaluate("window.cadregraph.network.body.data.nodes.length") == 44
    unit = _load_ms(page, root / "view" / "units" / "city.html")
    assert page.locator("#slogans + table tbody tr").count() == 80
    print(f"overview drawn in {drawn:.0f} ms, city page loaded in {unit:.0f} ms")
    assert drawn < LOAD_LIMIT_MS and unit < LOAD_LIMIT_MS
    assert offline_page.errors == [] and offline_page.blocked == []
