"""The view's network: nodes and edges built from the view data, placed in Python with a fixed
seed so the page needs no physics and every build gives the same picture.

Up to SPRING_LIMIT nodes, networkx's spring layout places the whole graph. Beyond that its
sparse variant takes minutes and draws a hairball, so nodes are grouped by district (city-level
posts and bodies by organization; people and slogans join their neighbours' group): the groups
are placed with a spring layout of the group graph, and each group's members with a spring
layout of their own around their group's place (a sunflower spiral for a group too big for
that). Every step runs on at most SPRING_LIMIT nodes, so the time grows about linearly.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict

import networkx as nx

LAYOUT_SEED = 7
SPRING_LIMIT = 450
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
NODE_GAP = 28.0

NODE_STYLE = {
    "person": {"shape": "dot", "color": "#1f77b4", "size": 14},
    "post": {"shape": "box", "color": "#ff9f40", "size": 10},
    "organization": {"shape": "ellipse", "color": "#b0b0b0", "size": 10},
    "district": {"shape": "diamond", "color": "#2ca02c", "size": 18},
    "slogan": {"shape": "triangle", "color": "#d62728", "size": 11},
    "project": {"shape": "star", "color": "#17becf", "size": 12},
}
PREFIX = {"person": "p", "post": "q", "organization": "o", "district": "d", "slogan": "s", "project": "j"}


def node_id(kind: str, index: int) -> str:
    return f"{PREFIX[kind]}{index}"


def build_network(t: dict) -> tuple[list[dict], list[dict], dict[str, str]]:
    """vis-network nodes and edges (without positions) from the view tables, and each node's
    group for the large-graph layout. Documents are not nodes: they are hubs that would pull
    every layout into one knot; the panel lists each fact's document and quote instead."""
    nodes: list[dict] = []
    group: dict[str, str] = {}

    def add(kind, rows, label_key="label"):
        for i, row in enumerate(rows):
            nodes.append({"id": node_id(kind, i), "label": row[label_key], "kind": kind})

    add("district", t["districts"])
    add("organization", t["orgs"])
    add("post", t["posts"])
    add("person", t["people"])
    add("slogan", t["slogans"])
    add("project", t["projects"])
    edges = _edges(t)
    for i, row in enumerate(t["districts"]):
        group[node_id("district", i)] = node_id("district", i)
    for i, row in enumerate(t["orgs"]):
        group[node_id("organization", i)] = node_id("district", row["district"]) if row["district"] is not None else node_id("organization", i)
    for i, row in enumerate(t["posts"]):
        group[node_id("post", i)] = group[node_id("organization", row["org"])]
    for i, row in enumerate(t["projects"]):
        group[node_id("project", i)] = node_id("district", row["district"])
    _group_by_neighbours(nodes, edges, group)
    return nodes, edges, group


def _edges(t: dict) -> list[dict]:
    edges: list[dict] = []
    seen: set[tuple] = set()

    def add(a, b, kind, label="", title=""):
        if (a, b, kind) not in seen:
            seen.add((a, b, kind))
            edges.append({"from": a, "to": b, "kind": kind, "label": label, "title": title})

    posts, people = t["posts"], t["people"]
    for row in t["tenures"]:
        span = row["first"] if row["first"] == row["last"] else f"{row['first']} → {row['last']}"
        add(node_id("person", row["person"]), node_id("post", row["post"]), "holds", span or "?",
            f"{people[row['person']]['label']} — {posts[row['post']]['label']}\n{span}")
        if row.get("succ") is not None:
            nxt = t["tenures"][row["succ"]]
            add(node_id("person", row["person"]), node_id("person", nxt["person"]), "succeededBy", "",
                f"{posts[row['post']]['label']}: {people[row['person']]['label']} → {people[nxt['person']]['label']}")
    for i, row in enumerate(posts):
        add(node_id("post", i), node_id("organization", row["org"]), "postIn", "", "post in")
    for i, row in enumerate(t["orgs"]):
        if row["district"] is not None:
            add(node_id("organization", i), node_id("district", row["district"]), "inDistrict", "", "in district")
    for row in t["sloganUses"]:
        user = node_id("district", row["district"]) if row["district"] is not None else node_id("organization", row["org"])
        add(node_id("slogan", row["slogan"]), user, "usedBy", "", "used by")
    for i, row in enumerate(t["projects"]):
        add(node_id("project", i), node_id("district", row["district"]), "inDistrict", "", "in district")
    return edges


def _group_by_neighbours(nodes: list[dict], edges: list[dict], group: dict[str, str]) -> None:
    """People and slogans join the group most of their neighbours are in."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        neighbours[e["from"]].append(e["to"])
        neighbours[e["to"]].append(e["from"])
    for kind in ("person", "slogan"):
        for n in nodes:
            if n["kind"] == kind and n["id"] not in group:
                counts = Counter(group[m] for m in neighbours[n["id"]] if m in group)
                group[n["id"]] = min(counts, key=lambda g: (-counts[g], g)) if counts else n["id"]


SATELLITES = ("slogan", "project")   # placed around the units they belong to, not by the spring


def layout(nodes: list[dict], edges: list[dict], group: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Positions for every node: the core (districts, organizations, posts, people) by spring
    layout, then slogans and projects in rings around the districts and bodies they belong to."""
    core = sorted(n["id"] for n in nodes if n["kind"] not in SATELLITES)
    satellites = sorted(n["id"] for n in nodes if n["kind"] in SATELLITES)
    pairs = sorted({(e["from"], e["to"]) for e in edges})
    core_set = set(core)
    core_pairs = [(a, b) for a, b in pairs if a in core_set and b in core_set]
    if len(core) <= SPRING_LIMIT:
        out = _spring(core, core_pairs, (0.0, 0.0)) if core else {}
    else:
        out = _grouped_layout(core, core_pairs, group)
    out.update(_around_units(satellites, pairs, out))
    return out


def _around_units(satellites: list[str], pairs, placed: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Each slogan or project at the centre of the units it is linked to, spread on a
    sunflower with the others that share that centre so none overlap."""
    anchors: dict[str, list[str]] = defaultdict(list)
    for a, b in pairs:
        if a in placed and b not in placed:
            anchors[b].append(a)
        elif b in placed and a not in placed:
            anchors[a].append(b)
    by_anchor: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for n in satellites:
        by_anchor[tuple(sorted(set(anchors[n])))].append(n)
    out: dict[str, tuple[float, float]] = {}
    for key, ids in sorted(by_anchor.items()):
        points = [placed[a] for a in key] or [(0.0, 0.0)]
        cx, cy = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        for k, n in enumerate(ids):
            # outside the ring of the unit's own bodies, posts and people
            r, a = NODE_GAP * (8 + 1.6 * math.sqrt(k)), k * GOLDEN_ANGLE
            out[n] = (round(cx + r * math.cos(a), 1), round(cy + r * math.sin(a), 1))
    return out


def _spring(ids: list[str], pairs, centre: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """networkx's spring layout (the dense Fruchterman-Reingold, fast below SPRING_LIMIT nodes),
    scaled so nodes keep about NODE_GAP apart."""
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(pairs)
    if len(ids) == 1:
        return {ids[0]: centre}
    pos = nx.spring_layout(graph, seed=LAYOUT_SEED, k=2.5 / math.sqrt(len(ids)), iterations=100, method="force")
    scale = 5.5 * NODE_GAP * math.sqrt(len(ids))
    return {n: (round(centre[0] + float(x) * scale, 1), round(centre[1] + float(y) * scale, 1)) for n, (x, y) in pos.items()}


def _grouped_layout(ids: list[str], pairs, group: dict[str, str]) -> dict[str, tuple[float, float]]:
    members: dict[str, list[str]] = defaultdict(list)
    for n in ids:
        members[group.get(n, n)].append(n)
    weights: Counter = Counter()
    for a, b in pairs:
        ga, gb = group.get(a, a), group.get(b, b)
        if ga != gb:
            weights[tuple(sorted((ga, gb)))] += 1
    radius = {g: 5.5 * NODE_GAP * math.sqrt(len(ms)) for g, ms in members.items()}
    anchors = _anchors(sorted(members), weights, radius)
    out: dict[str, tuple[float, float]] = {}
    inside = defaultdict(list)
    for a, b in pairs:
        if group.get(a, a) == group.get(b, b):
            inside[group.get(a, a)].append((a, b))
    for g in sorted(members):
        ms = sorted(members[g])
        if len(ms) <= SPRING_LIMIT:
            out.update(_spring(ms, inside[g], anchors[g]))
        else:
            out.update(_sunflower(ms, anchors[g], NODE_GAP))
    return out


def _anchors(groups: list[str], weights: Counter, radius: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Group centres: a spring layout of the group graph, spread so the biggest groups do not
    overlap; with very many groups, a sunflower by size."""
    spread = 2.2 * max(radius.values())
    if len(groups) <= SPRING_LIMIT:
        graph = nx.Graph()
        graph.add_nodes_from(groups)
        graph.add_weighted_edges_from(sorted((a, b, w) for (a, b), w in weights.items()))
        if len(groups) == 1:
            return {groups[0]: (0.0, 0.0)}
        pos = nx.spring_layout(graph, seed=LAYOUT_SEED, iterations=100, weight="weight", method="force")
        scale = spread * math.sqrt(len(groups))
        return {g: (float(x) * scale, float(y) * scale) for g, (x, y) in pos.items()}
    by_size = sorted(groups, key=lambda g: (-radius[g], g))
    return _sunflower(by_size, (0.0, 0.0), spread)


def _sunflower(ids: list[str], centre: tuple[float, float], gap: float) -> dict[str, tuple[float, float]]:
    """Points on Vogel's spiral, about `gap` apart: deterministic and linear."""
    out = {}
    for k, n in enumerate(ids):
        r, a = gap * math.sqrt(k), k * GOLDEN_ANGLE
        out[n] = (round(centre[0] + r * math.cos(a), 1), round(centre[1] + r * math.sin(a), 1))
    return out


# ---------------------------------------------------------------- the first screen

CARD_PAD, CARD_GAP, ROW_STEP = 14.0, 28.0, 30.0
DISTRICT_ROW = 32.0     # a district's node centre below its card's top: room for a big diamond
FIRST_BODY = 96.0       # the first body below the district node: the district's label goes between
MAX_DISTRICT_SIZE = 30.0
BODY_FONT, DISTRICT_FONT = 14, 22   # a district label may be drawn larger: the card leaves it room


def label_width(text: str, font: float) -> float:
    """About how wide a label is drawn: a CJK character is one em, others about half."""
    return font * sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text)


def scaled_size(count: int, largest: int, low: float = 10.0, high: float = 28.0) -> float:
    """A node size growing with the square root of its count, relative to the largest, so no
    node dominates however big the corpus is."""
    if largest <= 0 or count <= 0:
        return low
    return round(low + (high - low) * math.sqrt(min(count, largest) / largest), 1)


def skeleton_cards(t: dict) -> list[dict]:
    """The first screen (districts and bodies) as cards: one per district with its bodies
    listed under it (in columns when there are many); the bodies of no district go on the card
    of the one province-level unit (division code ..0000, e.g. the municipality), or on a card
    of their own. Cards come in division-code order, each {w, h, caption, nodes: [[id, dx, dy,
    room]]} with its nodes' places relative to its top-left corner, in label units (a 14-unit
    label is 14 pixels at zoom 1); the page packs them in rows to fit its screen."""
    members: dict[int | None, list[int]] = defaultdict(list)
    for i, org in enumerate(t["orgs"]):
        members[org["district"]].append(i)
    code = {i: d["id"].rsplit("/", 1)[-1] for i, d in enumerate(t["districts"])}
    provinces = [i for i, c in code.items() if len(c) == 6 and c.isdigit() and c.endswith("0000")]
    if len(provinces) == 1 and members.get(None):
        members[provinces[0]].extend(members.pop(None))
    order = sorted(code, key=lambda i: (i not in provinces, code[i], i))
    groups: list[int | None] = ([None] if members.get(None) else []) + order
    return [_card(t, g, sorted(members.get(g, []), key=lambda i: (t["orgs"][i]["label"], i))) for g in groups]


def _card(t: dict, group: int | None, orgs: list[int]) -> dict:
    """A card: the district's node and label on top, its bodies below in columns of about
    twice as many rows as columns."""
    title = t["districts"][group]["label"] if group is not None else "市级 city level"
    columns = max(1, round(math.sqrt(len(orgs) / 4))) if orgs else 1
    rows = max(1, math.ceil(len(orgs) / columns))
    column_w = max([80.0] + [label_width(t["orgs"][i]["label"], BODY_FONT) + 28 for i in orgs])
    width = max(label_width(title, DISTRICT_FONT) + 2 * CARD_PAD, column_w * columns + 2 * CARD_PAD, 120.0)
    column_w = (width - 2 * CARD_PAD) / columns
    height = 2 * CARD_PAD + DISTRICT_ROW + (FIRST_BODY - ROW_STEP / 2 + ROW_STEP * rows if orgs else 40)
    top = CARD_PAD + DISTRICT_ROW
    # Each node's last number caps how many times BODY_FONT its label may be drawn within the
    # card: a district's label grows down from under its diamond towards the first body (its
    # width may run into the gap between cards: the page checks it against the neighbours').
    below = FIRST_BODY - ROW_STEP / 2 - MAX_DISTRICT_SIZE - 6
    nodes = [[node_id("district", group), round(width / 2, 1), top, round(below / (1.3 * BODY_FONT), 2)]] \
        if group is not None else []
    for k, i in enumerate(orgs):
        column, row = divmod(k, rows)
        nodes.append([node_id("organization", i), round(CARD_PAD + column_w * (column + 0.5), 1),
                      round(top + FIRST_BODY + ROW_STEP * row, 1),
                      round(min(column_w / (label_width(t["orgs"][i]["label"], BODY_FONT) + 24), ROW_STEP / 22), 2)])
    return {"w": round(width, 1), "h": round(height, 1), "caption": title if group is None else "", "nodes": nodes}
