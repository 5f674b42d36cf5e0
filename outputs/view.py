"""The interactive HTML view: one self-contained file that opens offline.

pyvis models the network (nodes, edges, options); the page itself comes from our own
autoescaping template, because pyvis 0.3.2's templates pull Bootstrap and vis-network from
CDNs, write in the system codec and do not escape text. vis-network's script and style are
inlined from the copy pyvis ships. The layout is computed here with networkx and a fixed seed,
physics is off, and every text from a document reaches the page only as JSON data or
autoescaped text, and is put into the DOM with textContent.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, select_autoescape
from pyvis.network import Network
from rdflib import Graph

from cadregraph.outputs.tables import query_text

LAYOUT_SEED = 7
NODE_STYLE = {
    "person": {"shape": "dot", "color": "#1f77b4", "size": 14},
    "post": {"shape": "box", "color": "#ff9f40", "size": 10},
    "organization": {"shape": "ellipse", "color": "#b0b0b0", "size": 10},
    "district": {"shape": "diamond", "color": "#2ca02c", "size": 16},
    "document": {"shape": "square", "color": "#9467bd", "size": 9},
}


@dataclass
class ViewData:
    nodes: dict[str, dict] = field(default_factory=dict)      # id -> {label, kind, title}
    edges: list[dict] = field(default_factory=list)           # {from, to, label, title, kind}
    people: dict[str, list[dict]] = field(default_factory=dict)
    posts: dict[str, list[dict]] = field(default_factory=dict)
    districts: dict[str, dict] = field(default_factory=dict)

    def node(self, node_id: str, label: str, kind: str, title: str = "") -> None:
        self.nodes.setdefault(node_id, {"label": label, "kind": kind, "title": title or label})


def collect(g: Graph) -> ViewData:
    data = ViewData()
    rows = sorted(g.query(query_text("view_holdings.rq")), key=lambda r: (str(r.date or ""), str(r.docName), int(r.start)))
    for r in rows:
        person, post, org, doc = str(r.person), str(r.post), str(r.org), str(r.doc)
        date = str(r.date or "")
        data.node(person, str(r.personLabel), "person")
        data.node(post, str(r.postLabel), "post")
        data.node(org, str(r.orgLabel), "organization")
        data.node(doc, str(r.docName), "document", f"{r.docName}\n{r.docTitle or ''}\n{date}")
        data.edges.append({"from": person, "to": post, "label": date or "?", "kind": "holds",
                           "title": f"{r.personLabel} — {r.postLabel}\n{date} · {r.docName}\n{r.quote}"})
        data.edges.append({"from": post, "to": org, "label": "", "kind": "postIn", "title": "post in"})
        data.edges.append({"from": person, "to": doc, "label": "", "kind": "mentionedIn", "title": f"in {r.docName}"})
        entry = {"person": str(r.personLabel), "personId": person, "post": str(r.postLabel), "postId": post,
                 "date": date, "document": str(r.docName), "quote": str(r.quote)}
        data.people.setdefault(person, []).append(entry)
        data.posts.setdefault(post, []).append(entry)
        if r.district is not None:
            district = str(r.district)
            data.node(district, str(r.districtLabel), "district")
            data.edges.append({"from": org, "to": district, "label": "", "kind": "inDistrict", "title": "in district"})
            d = data.districts.setdefault(district, {"label": str(r.districtLabel), "officials": []})
            d["officials"].append(entry)
    data.edges = _unique(data.edges)
    return data


def _unique(edges: list[dict]) -> list[dict]:
    seen, out = set(), []
    for e in edges:
        key = (e["from"], e["to"], e["label"], e["kind"], e["title"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return sorted(out, key=lambda e: (e["from"], e["to"], e["kind"], e["label"], e["title"]))


def layout(data: ViewData) -> dict[str, tuple[float, float]]:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(data.nodes))
    graph.add_edges_from((e["from"], e["to"]) for e in data.edges)
    if not graph:
        return {}
    positions = nx.spring_layout(graph, seed=LAYOUT_SEED, k=1.2 / max(1, len(graph)) ** 0.5, iterations=100)
    scale = 120 * max(1, len(graph)) ** 0.5
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in positions.items()}


def network(data: ViewData) -> Network:
    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    positions = layout(data)
    ids = {node_id: i for i, node_id in enumerate(sorted(data.nodes))}
    for node_id in sorted(data.nodes):
        node = data.nodes[node_id]
        x, y = positions.get(node_id, (0.0, 0.0))
        style = NODE_STYLE[node["kind"]]
        net.add_node(ids[node_id], label=node["label"], title=node["title"], x=x, y=y, physics=False,
                     group=node["kind"], shape=style["shape"], color=style["color"], size=style["size"])
    for e in data.edges:
        net.add_edge(ids[e["from"]], ids[e["to"]], label=e["label"], title=e["title"],
                     dashes=e["kind"] == "mentionedIn", arrows="to")
    net.toggle_physics(False)
    return net


def _json_for_script(value) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text("utf-8").replace("</script", "<\\/script")
    css = (lib / "vis-network.css").read_text("utf-8").replace("</style", "<\\/style")
    return js, css


def render_view(g: Graph, title: str = "cadregraph") -> str:
    data = collect(g)
    net = network(data)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    payload = {
        "nodes": nodes, "edges": edges, "options": json.loads(options),
        "people": {k: v for k, v in sorted(data.people.items())},
        "posts": {k: v for k, v in sorted(data.posts.items())},
        "districts": {k: v for k, v in sorted(data.districts.items())},
        "ids": {node_id: i for i, node_id in enumerate(sorted(data.nodes))},
        "kinds": NODE_STYLE,
    }
    js, css = _vis_assets()
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(resources.files("cadregraph.outputs").joinpath("templates/view.html.j2").read_text("utf-8"))
    return template.render(title=title, data_json=_json_for_script(payload), vis_js=js, vis_css=css,
                           counts={k: sum(1 for n in data.nodes.values() if n["kind"] == k) for k in NODE_STYLE})
