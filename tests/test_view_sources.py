"""Every fact leads back to its source: documents named by title and date (never the hash file
name), each quote inside its sentence, a page per document with every fact highlighted at its
span, and the facts of the view linking there; in a real headless Chromium, network blocked."""
from __future__ import annotations

import regex
from markupsafe import escape

from cadregraph.extractors.quote_context import sentence_context
from cadregraph.outputs.doc_pages import anchor, marked_text, text_of_page
from cadregraph.outputs.view_text import period_label, source_link


def _pick_person(page, name: str) -> None:
    page.select_option("#person-select", page.evaluate(
        "(name) => [...document.getElementById('person-select').options].find(o => o.textContent === name).value", name))


def test_a_quote_keeps_its_sentence_around_it():
    text = "第一句话到此为止。会上，青禾县县长林远航强调，要把项目落到实处；下一句不算。"
    start = text.index("青禾县县长林远航")
    prefix, suffix = sentence_context(text, start, start + len("青禾县县长林远航"))
    assert prefix == "会上，" and suffix == "强调，要把项目落到实处；"
    # bounded on either side, and a line break ends the sentence without being kept
    long = "甲" * 200 + "乙丙" + "丁" * 200
    prefix, suffix = sentence_context(long, 200, 202)
    assert len(prefix) == len(suffix) == 60
    assert sentence_context("标题一行\n林远航说\n下一行", 5, 8) == ("", "说")


def test_the_graph_keeps_prefix_and_suffix(seeds_graph):
    from cadregraph.graph.namespaces import OA

    prefixes = list(seeds_graph.objects(None, OA.prefix))
    suffixes = list(seeds_graph.objects(None, OA.suffix))
    assert len(prefixes) > 100 and len(suffixes) > 100


def test_periods_never_lack_their_year():
    assert period_label("前三季度", "2023-01", "2023-09") == "2023年前三季度"
    assert period_label("2024年上半年", "2024-01", "2024-06") == "2024年上半年"
    assert period_label("三季度", "", "", "2024-10-12").startswith("三季度（") and "2024-10-12" in period_label("三季度", "", "", "2024-10-12")
    assert "year unknown" in period_label("一季度")
    assert source_link("https://example.org/a.html") and not source_link("某某日报，2024年3月1日")


def test_marks_nest_and_text_is_escaped():
    text = "前文<b>县长</b>林远航在“两个提升”动员会上讲话&结束"
    i = text.index("林远航")
    j = text.index("“两个提升”")
    facts = [{"kind": "post", "label": "林远航", "detail": "县长", "start": i - 9, "end": i + 3},
             {"kind": "slogan", "label": "两个提升", "detail": "", "start": j, "end": j + 6},
             {"kind": "figure", "label": "x", "detail": "", "start": i + 1, "end": j + 2}]   # crosses the slogan
    html = str(marked_text(text, facts))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;结束" in html
    assert html.count("<mark") == html.count("</mark>") == 3
    for f in facts:
        assert f'id="{anchor(f["start"], f["end"])}"' in html
    # marks are properly nested: stripping the tags gives the escaped text back
    assert regex.sub(r"</?mark[^>]*>", "", html) == str(escape(text))
    page = f'<div id="text">{html}</div>\n</body>'.encode()
    assert text_of_page(page) == text


def test_pick_a_person_see_the_timeline_and_open_the_document_at_the_span(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    _pick_person(page, "石强")
    page.wait_for_selector("#timeline .vis-item.tenure", timeout=5000)
    assert page.locator("#timeline .vis-item.vis-point").count() >= 3
    first = page.locator("#detail-list li").first
    # the document by its title and date, the quote marked inside its sentence
    link = first.locator("a.doc-link")
    assert "以决战决胜姿态冲刺四季度" in link.inner_text() and "2023-10-24" in first.inner_text()
    assert not regex.search(r"\d{3}_[0-9a-f]{16}", page.inner_text("#details"))
    quote = first.locator(".quote")
    marked = quote.locator("mark").inner_text()
    assert "石强" in marked and len(quote.inner_text()) > len(marked)
    link.click()
    page.wait_for_load_state("load")
    assert "/view/docs/" in page.url and "#f" in page.url
    target = page.locator("mark:target")
    assert target.count() == 1 and target.inner_text() == marked
    assert page.evaluate("getComputedStyle(document.querySelector('mark:target')).backgroundColor") == "rgb(255, 212, 59)"
    # the target is scrolled into view
    box = target.bounding_box()
    assert 0 <= box["y"] <= page.viewport_size["height"]
    assert "以决战决胜姿态冲刺四季度" in page.inner_text("h1") and "2023-10-24" in page.inner_text(".meta")
    assert page.locator("#text mark.fact").count() > 20
    assert offline_page.errors == [] and offline_page.blocked == []


def test_figures_slogans_and_projects_name_their_documents(built_seeds, offline_page):
    page = offline_page.open(built_seeds / "view.html")
    periods = page.evaluate("window.cadregraph.data.tables.figures.map(f => f.period).filter(Boolean)")
    assert periods and all(regex.search(r"\d{4}|year", p) for p in periods)
    page.select_option("#district-select", page.evaluate(
        "[...document.getElementById('district-select').options].find(o => o.textContent === '璧山区').value"))
    page.wait_for_selector("#projects-list li")
    assert page.locator("#figures-list li a.doc-link").count() >= 1
    project = page.locator("#projects-list li").first
    assert project.locator("a.doc-link").count() == 1 and project.locator(".quote mark").count() == 1
    project.locator("a").first.click()
    page.wait_for_selector("#mentions-list li a.doc-link")
    mention = page.locator("#mentions-list li").first
    assert regex.search(r"\d{4}-\d{2}", mention.inner_text())
    href = mention.locator("a.doc-link").get_attribute("href")
    assert regex.fullmatch(r"view/docs/[0-9a-z_]+\.html#f\d+-\d+", href) and (built_seeds / href.split("#")[0]).exists()
    assert offline_page.errors == [] and offline_page.blocked == []


def test_every_document_has_its_page(built_seeds):
    pages = sorted((built_seeds / "view" / "docs").glob("*.html"))
    assert len(pages) == 5
    for path in pages:
        html = path.read_text("utf-8")
        assert "<script" not in html and 'id="text"' in html and "<mark" in html


def _context_by_search(text, start, end, limit):
    """The definition, read off directly: back to the last sentence mark before the quote, on
    to the first after it (kept unless it is a line break), at most `limit` characters."""
    marks = "。！？!?；;\n"
    lo = max(0, start - limit)
    cut = max((i for i in range(lo, start) if text[i] in marks), default=None)
    prefix = text[cut + 1:start] if cut is not None else text[lo:start]
    stop = next((i for i in range(end, min(len(text), end + limit)) if text[i] in marks), None)
    suffix = text[end:end + limit] if stop is None else text[end:stop + (text[stop] != "\n")]
    return prefix.lstrip(), suffix.rstrip()


def test_sentence_context_matches_its_definition_on_random_texts():
    import random

    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice("甲乙丙 丁。！？!?；;\n") for _ in range(rng.randint(0, 200)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        limit = rng.choice([0, 1, 5, 60])
        assert sentence_context(text, start, end, limit) == _context_by_search(text, start, end, limit), (text, start, end)
