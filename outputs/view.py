"""The interactive HTML view: one self-contained file that opens offline.

The page is our own autoescaping template with vis-network's script and style inlined from the
copy pyvis ships (pyvis 0.3.2's own templates pull Bootstrap and vis-network from CDNs, write
in the system codec and do not escape text; its `add_edge` is quadratic, so nodes and edges are
built here as plain dicts). The layout is computed in Python (`view_layout`), physics is off.
Every text from a document reaches the page only inside JSON in a `<script type=
"application/json">` element, escaped for that context, and is put into the DOM with
`textContent`.

A user picks a person (career: posts in date order, each with its documents and quotes), a post
(its holders in order) or a district (its officials, figures, slogans and projects). Up to
`FULL_VIEW_LIMIT` nodes the overview is the whole network, beyond that its people, posts, bodies
and districts, and beyond that again only districts and bodies; a pick draws just the picked
node's neighbourhood, at the positions computed here, and "Overview" goes back.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FunctionLoader, select_autoescape
from rdflib import Graph

from .view_data import collect
from .view_layout import MAX_DISTRICT_SIZE, NODE_STYLE, build_network, layout, scaled_size, skeleton_cards

# Above this many nodes the whole network is a hairball: the page first draws less (see
# `overview_kinds`), and each pick draws its own neighbourhood.
FULL_VIEW_LIMIT = 600

VIS_OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True, "multiselect": False},
    "edges": {"font": {"size": 11, "align": "top", "color": "#666", "strokeWidth": 3}, "smooth": False,
              "color": {"inherit": False, "color": "#999", "highlight": "#333", "hover": "#555"}},
    "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Zen Hei, PingFang SC, "
                                          "Microsoft YaHei, sans-serif"},
              "widthConstraint": {"maximum": 220}},
}


def page_payload(g: Graph, doc_pages: bool = False) -> dict:
    """Everything the page draws and lists, as JSON-ready tables; `doc_pages`: each document
    row names its page (view/docs/<id>.html), written beside view.html, that facts link to."""
    data = collect(g)
    tables = data.tables()
    for doc in tables["docs"]:
        doc["page"] = doc_page_name(doc["id"]) if doc_pages else ""
    nodes, edges, group = build_network(tables)
    positions = layout(nodes, edges, group)
    cards = skeleton_cards(tables)
    weights = node_weights(tables)
    largest = {kind: max([w for (k, _), w in weights.items() if k == kind] or [0]) for kind in NODE_STYLE}
    for n in nodes:
        style = NODE_STYLE[n["kind"]]
        n["x"], n["y"] = positions.get(n["id"], (0.0, 0.0))
        size = style["size"]
        if n["kind"] in ("district", "person"):
            size = scaled_size(weights.get((n["kind"], n["id"]), 0), largest[n["kind"]], style["size"] - 4,
                               min(style["size"] + 12, MAX_DISTRICT_SIZE))
        n.update(shape=style["shape"], color=style["color"], size=size, physics=False)
    for e in edges:
        e["arrows"] = "to"
        e["dashes"] = e["kind"] == "succeededBy"
    return {"tables": tables, "nodes": nodes, "edges": edges, "kinds": NODE_STYLE,
            "overviewKinds": overview_kinds(nodes), "cards": cards}


def node_weights(t: dict) -> dict[tuple[str, str], int]:
    """What a node's size shows: a district's officials (people holding its posts), a person's
    posts."""
    officials: dict[int, set[int]] = {}
    posts_of: dict[int, set[int]] = {}
    for row in t["tenures"]:
        district = t["posts"][row["post"]]["district"]
        if district is not None:
            officials.setdefault(district, set()).add(row["person"])
        posts_of.setdefault(row["person"], set()).add(row["post"])
    weights = {("district", f"d{d}"): len(people) for d, people in officials.items()}
    weights.update({("person", f"p{p}"): len(posts) for p, posts in posts_of.items()})
    return weights


def overview_kinds(nodes: list[dict]) -> list[str]:
    """What the page draws before a pick: everything; or, for a bigger graph, its people, posts,
    bodies and districts (slogans and projects appear with their district); or, for a big one,
    only districts and bodies."""
    if len(nodes) <= FULL_VIEW_LIMIT:
        return sorted(NODE_STYLE)
    core = ["district", "organization", "person", "post"]
    if sum(1 for n in nodes if n["kind"] in core) <= FULL_VIEW_LIMIT:
        return core
    return ["district", "organization"]


def json_for_script(value) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return _inline_js((lib / "vis-network.min.js").read_text("utf-8")), _inline_css((lib / "vis-network.css").read_text("utf-8"))


def timeline_assets() -> tuple[str, str]:
    """vis-timeline's standalone build and style, vendored in outputs/static/vis-timeline."""
    folder = resources.files("cadregraph.outputs").joinpath("static", "vis-timeline")
    js = folder.joinpath("vis-timeline-graph2d.min.js").read_text("utf-8")
    css = folder.joinpath("vis-timeline-graph2d.min.css").read_text("utf-8")
    return _inline_js(js), _inline_css(css)


def _inline_js(text: str) -> str:
    # no source-map comment: the map is not shipped, and nothing may be fetched
    text = "\n".join(line for line in text.split("\n") if not line.startswith("//# sourceMappingURL="))
    return text.replace("</script", "<\\/script")


def _inline_css(text: str) -> str:
    text = "\n".join(line for line in text.split("\n") if not line.startswith("/*# sourceMappingURL="))
    return text.replace("</style", "<\\/style")


def view_script() -> str:
    """The page's own script: the panel (view_panel.js, view_cite.js), the career timeline
    (view_timeline.js) and the network (view_network.js), in one closure."""
    folder = resources.files("cadregraph.outputs").joinpath("templates")
    parts = [folder.joinpath(name).read_text("utf-8") for name in ("view_panel.js", "view_cite.js", "view_timeline.js", "view_network.js")]
    return _inline_js("\n".join(parts))


def templates() -> Environment:
    """The pages' Jinja environment: templates from outputs/templates, every value escaped."""
    from .cite_html import cite, quote

    folder = resources.files("cadregraph.outputs").joinpath("templates")
    env = Environment(loader=FunctionLoader(lambda name: folder.joinpath(name).read_text("utf-8")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(cite=cite, quote=quote)
    return env


def doc_page_name(iri: str) -> str:
    from .overview import page_name   # overview imports this module

    return page_name("docs", iri)


def render_view(g: Graph, title: str = "cadregraph", doc_pages: bool = False) -> str:
    payload = page_payload(g, doc_pages)
    counts = {kind: sum(1 for n in payload["nodes"] if n["kind"] == kind) for kind in NODE_STYLE}
    js, css = vis_assets()
    timeline_js, timeline_css = timeline_assets()
    return templates().get_template("view.html.j2").render(
        title=title, data_json=json_for_script(payload), vis_js=js, vis_css=css, timeline_js=timeline_js,
        timeline_css=timeline_css, view_js=view_script(), options_json=json_for_script(VIS_OPTIONS), counts=counts)
