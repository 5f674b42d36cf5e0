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
from .view_layout import NODE_STYLE, build_network, layout

# Above this many nodes the whole network is a hairball: the page first draws less (see
# `overview_kinds`), and each pick draws its own neighbourhood.
FULL_VIEW_LIMIT = 600

VIS_OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
    "edges": {"font": {"size": 10, "align": "top"}, "smooth": False, "color": {"inherit": False, "color": "#999"}},
    "nodes": {"font": {"size": 13}},
}


def page_payload(g: Graph) -> dict:
    data = collect(g)
    tables = data.tables()
    nodes, edges, group = build_network(tables)
    positions = layout(nodes, edges, group)
    for n in nodes:
        style = NODE_STYLE[n["kind"]]
        n["x"], n["y"] = positions.get(n["id"], (0.0, 0.0))
        n.update(shape=style["shape"], color=style["color"], size=style["size"], physics=False)
    for e in edges:
        e["arrows"] = "to"
        e["dashes"] = e["kind"] == "succeededBy"
    return {"tables": tables, "nodes": nodes, "edges": edges, "kinds": NODE_STYLE,
            "overviewKinds": overview_kinds(nodes)}


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
    js = (lib / "vis-network.min.js").read_text("utf-8").replace("</script", "<\\/script")
    css = (lib / "vis-network.css").read_text("utf-8").replace("</style", "<\\/style")
    return js, css


def templates() -> Environment:
    """The pages' Jinja environment: templates from outputs/templates, every value escaped."""
    folder = resources.files("cadregraph.outputs").joinpath("templates")
    return Environment(loader=FunctionLoader(lambda name: folder.joinpath(name).read_text("utf-8")),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def render_view(g: Graph, title: str = "cadregraph") -> str:
    payload = page_payload(g)
    counts = {kind: sum(1 for n in payload["nodes"] if n["kind"] == kind) for kind in NODE_STYLE}
    js, css = vis_assets()
    return templates().get_template("view.html.j2").render(title=title, data_json=json_for_script(payload), vis_js=js, vis_css=css,
                           options_json=json_for_script(VIS_OPTIONS), counts=counts)
