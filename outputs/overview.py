"""The view of a large graph: an aggregated overview page plus one focused page per person and
per unit (district, or the city-level bodies), all offline and self-contained.

The single-page view (`view.py`) carries every fact of the corpus in one page: past some
fifteen thousand facts (a few hundred documents) that page grows past a few megabytes.
Here `view.html` draws one node per unit, sized by its officials, with an edge between two
units for the people who held posts in both (layout computed here with a fixed seed, physics
off), and lists the units and people with links; `view/people/<id>.html` gives one person's
career (a timeline, tenures in date order, each observation with its document and quote) and
`view/units/<id>.html` one unit's officials, figures, slogans and projects, aggregated, its long
lists paged on `view/units/<id>-<list>-<n>.html`. Focused pages are
plain HTML without scripts. Text from documents is autoescaped (pages) or JSON-escaped for a
`<script type="application/json">` element (overview) and reaches the DOM with textContent.
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial

import regex
from jinja2 import Environment
from rdflib import Graph

from .doc_pages import document_jobs
from .overview_data import CITY, UNIT_SECTIONS, OverviewData, collect, document_facts, documents, fact_count
from .overview_summary import career_chart, paged, summarize
from .view import json_for_script, templates, vis_assets
from .view_text import source_link
from .view_layout import scaled_size

# A graph with more fact rows than this gets the overview and focused pages (see the module doc):
# the single page carries some 370 bytes per fact, and at 15,000 facts (a few hundred documents)
# it is about 6 MB, which Chromium opens in a second or two.
OVERVIEW_MIN_FACTS = 15_000
PAGES = "view"
# a unit's long lists, paged (their headings on the numbered pages)
SECTIONS = {"figures": "Figures 数据", "slogans": "Slogans 口号", "projects": "Projects 项目"}
def needs_overview(g: Graph) -> bool:
    return fact_count(g) > OVERVIEW_MIN_FACTS


def page_name(kind: str, key: str) -> str:
    """`view/people/<id>.html` or `view/units/<id>.html`; ids are the IRI's last segment when
    it is plain ASCII (they are: iris.py mints them), else a hash."""
    tail = key.rstrip("/").rsplit("/", 1)[-1]
    if not regex.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,80}", tail):
        tail = "h" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return f"{PAGES}/{kind}/{tail}.html"


def overview_pages(g: Graph, title: str = "cadregraph", doc_pages: bool = False) -> dict[str, bytes]:
    """{relative file name: UTF-8 bytes}: `view.html` (the overview) and the focused pages;
    `doc_pages`: the document pages are written too, so facts link to them."""
    return render_pages(collect(g), cited_documents(g, doc_pages), title)


def render_pages(data: OverviewData, docs: dict[str, dict], title: str = "cadregraph") -> dict[str, bytes]:
    """The overview and focused pages of `data` (overview_data.collect), citing `docs`
    (cited_documents): plain rows in, HTML out."""
    return dict(iter_render_pages(data, docs, title))


def iter_render_pages(data: OverviewData, docs: dict[str, dict], title: str = "cadregraph",
                      part: tuple[int, int] | None = None) -> Iterator[tuple[str, bytes]]:
    """`render_pages` one page at a time, so a build writes each page as it is made instead
    of holding every page of the corpus (tens of megabytes per thousand documents).
    `part` (k, n): only the pages of every n-th job from the k-th (parallel.py)."""
    for _, job in select_jobs(render_jobs(data, docs, title), part):
        yield from job()


def select_jobs(jobs: Iterable[Callable[[], list]], part: tuple[int, int] | None) -> Iterator[tuple[int, Callable]]:
    """(index, job) of the jobs of `part` (k, n): those whose index is k modulo n; all when None."""
    k, n = part or (0, 1)
    for i, job in enumerate(jobs):
        if i % n == k:
            yield i, job


def render_jobs(data: OverviewData, docs: dict[str, dict], title: str = "cadregraph") -> Iterator[Callable[[], list]]:
    """The overview's pages as jobs, each a function giving its [(name, bytes)]: the overview,
    one per person, one per unit with its list pages. Making a job costs nothing; calling it
    renders, so processes that share the work each render only their own."""
    links = {key: page_name("people", key) for key in data.people}
    links.update({key: page_name("units", key) for key in data.units})
    env = templates()
    yield lambda: [("view.html", render_overview(data, links, env, title).encode("utf-8"))]
    labels = {key: p.label for key, p in data.people.items()} | {key: u.label for key, u in data.units.items()}
    person_t = env.get_template("overview_person.html.j2")
    for key in sorted(data.people):
        yield partial(_person_page, person_t, links[key], data, key, title, links, labels, docs)
    for key in sorted(data.units):
        yield partial(_unit_pages, env, key, data, title, links, labels, docs)


def _person_page(template, name, data, key, title, links, labels, docs) -> list[tuple[str, bytes]]:
    person = data.person(key)      # with its rows, read by the process that renders the page
    return [(name, template.render(title=title, person=person, links=links, labels=labels, docs=docs, up="../../",
                                   chart=career_chart(person.tenures, person.observations, labels)).encode("utf-8"))]


def _unit_pages(env, key, data, title, links, labels, docs) -> list[tuple[str, bytes]]:
    unit = data.units[key]        # its tenures; its rows are read as a stream, never all held
    unit_t, list_t = env.get_template("overview_unit.html.j2"), env.get_template("overview_unit_list.html.j2")
    out = []
    summary = summarize(*(data.unit_rows(key, section) for section in ("slogans", "figures", "projects")))
    uses = {section: data.count(key, section) for section in UNIT_SECTIONS}
    sections = {}
    for section in SECTIONS:
        slices = paged(summary[section])
        names = [links[key]] + [links[key][:-len(".html")] + f"-{section}-{n}.html" for n in range(2, len(slices) + 1)]
        sections[section] = [{"id": section, "rows": rows, "page": n, "pages": names, "total": len(summary[section])}
                             for n, rows in enumerate(slices, 1)]
        for n in range(2, len(slices) + 1):
            out.append((names[n - 1], list_t.render(title=title, unit=unit, docs=docs, up="../../", heading=SECTIONS[section],
                                                    section=sections[section][n - 1]).encode("utf-8")))
    out.append((links[key], unit_t.render(title=title, unit=unit, uses=uses, links=links, labels=labels, docs=docs, up="../../",
                                          sections={k: v[0] for k, v in sections.items()}).encode("utf-8")))
    return out


def cited_documents(g: Graph, doc_pages: bool) -> dict[str, dict]:
    """{document IRI: its row (title, date, source …) and, with `doc_pages`, "page": its page}."""
    docs = documents(g)
    for iri, row in docs.items():
        row["page"] = page_name("docs", iri) if doc_pages else ""
        row["link"] = source_link(row["source"])
    return docs


def view_pages(g: Graph, single_page=None, title: str = "cadregraph",
               texts: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """What `cadregraph build` writes as its view: the single page (`single_page(g)`, default
    `view.render_view`) for a graph of up to OVERVIEW_MIN_FACTS facts; beyond that the
    overview (still `view.html`) and its focused pages under `view/`. With `texts`
    ({document identifier: its text}) also a page per document, `view/docs/<id>.html`, that
    every fact links to."""
    return dict(iter_view_pages(g, single_page, title, texts))


def iter_view_pages(g: Graph, single_page=None, title: str = "cadregraph",
                    texts: Mapping[str, str] | None = None) -> Iterator[tuple[str, bytes]]:
    """`view_pages` as (name, bytes) one page at a time."""
    for phase in view_phases(g, single_page, title, texts):
        for _, job in select_jobs(phase(), None):
            yield from job()


def view_phases(g: Graph, single_page=None, title: str = "cadregraph",
                texts: Mapping[str, str] | None = None) -> Iterator[Callable[[], Iterable[Callable[[], list]]]]:
    """The view in phases, each a function that reads what its pages need from the graph and
    gives the pages as jobs (render_jobs): the overview and focused pages, then the document
    pages. A build with several workers calls a phase, then shares its jobs between forked
    processes (parallel_pages.py), which inherit what the phase read; one phase's rows are
    dropped before the next phase reads its own."""
    linked = texts is not None
    if needs_overview(g):
        yield lambda: render_jobs(collect(g), cited_documents(g, linked), title)
    else:
        if single_page is None:
            from .view import render_view as single_page
        yield lambda: [lambda: [("view.html", (single_page(g, doc_pages=True) if linked else single_page(g)).encode("utf-8"))]]
    if linked:
        def documents_phase():
            docs = documents(g)
            names = {iri: page_name("docs", iri) for iri in docs}
            return document_jobs(docs, document_facts(g), texts, names, templates(), title)
        yield documents_phase


def render_overview(data: OverviewData, links: dict[str, str], env: Environment, title: str) -> str:
    units = sorted(data.units.values(), key=lambda u: (u.kind != "city", u.label, u.key))
    sizes = {u.key: {s: data.count(u.key, s) for s in SECTIONS} for u in units}
    units = [u for u in units if u.tenures or any(sizes[u.key].values())]
    keys = [u.key for u in units]
    positions = unit_layout(keys, data.moves)
    people_per_unit = {u.key: len({t["person"] for t in u.tenures}) for u in units}
    # sizes grow with the square root of the officials, relative to the biggest unit and capped,
    # so the city level (often most of the officials) does not cover the picture
    largest = max(people_per_unit.values(), default=0)
    nodes = [{"id": i, "label": u.label, "x": positions[u.key][0], "y": positions[u.key][1],
              "size": scaled_size(people_per_unit[u.key], largest, 8.0, 26.0),
              "shape": "dot" if u.kind != "city" else "square",
              "color": "#2ca02c" if u.kind != "city" else "#b0b0b0", "physics": False,
              "title": f"{u.label}\n官员 officials {people_per_unit[u.key]} · 数据 figures {sizes[u.key]['figures']} · "
                       f"口号 slogans {sizes[u.key]['slogans']} · 项目 projects {sizes[u.key]['projects']}"}
             for i, u in enumerate(units)]
    index = {key: i for i, key in enumerate(keys)}
    edges = [{"from": index[a], "to": index[b], "value": n, "title": f"{n} 人 people in both"}
             for (a, b), n in data.moves.items() if a in index and b in index]
    people = sorted(data.people.values(), key=lambda p: (p.label, p.key))
    payload = {
        "nodes": nodes, "edges": edges, "pages": [links[u.key] for u in units],
        "units": [[u.label, links[u.key], people_per_unit[u.key], *(sizes[u.key][s] for s in SECTIONS)]
                  for u in units],
        "people": [[p.label, links[p.key], " · ".join(sorted({t["post"] for t in p.tenures}))] for p in people],
    }
    counts = {"people 人物": len(data.people), "units 单位": len(units),
              "figures 数据": sum(sizes[u.key]["figures"] for u in units),
              "slogan uses 口号": sum(sizes[u.key]["slogans"] for u in units),
              "project mentions 项目": sum(sizes[u.key]["projects"] for u in units)}
    js, css = vis_assets()
    return env.get_template("overview.html.j2").render(title=title, data_json=json_for_script(payload),
                                                       vis_js=js, vis_css=css, counts=counts)


def unit_layout(keys: list[str], moves: dict[tuple[str, str], int]) -> dict[str, tuple[float, float]]:
    """The city level in the centre, the districts on a circle in division-code order (which
    keeps neighbouring districts together): deterministic, readable at any size, and the
    edges of people moving between districts show as chords."""
    ring = [k for k in keys if k != CITY]
    radius = 60 * max(4, len(ring)) / math.pi
    out = {CITY: (0.0, 0.0)}
    for i, key in enumerate(sorted(ring, key=lambda k: (k.rsplit("/", 1)[-1], k))):
        angle = 2 * math.pi * i / max(1, len(ring)) - math.pi / 2
        out[key] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    return {k: out[k] for k in keys}
