"""The network researchers analyse — people, the posts they held, the organizations the posts are
in and the districts (places) those belong to — as a networkx graph, and as GEXF (Gephi) or
GraphML files that Gephi, Cytoscape, igraph and networkx read back.

It is read with two SPARQL queries (`graph/queries/network_*.rq`), not by walking triples, so
it does not depend on how the graph lays its triples out.

Nodes (id: the resource's IRI; attributes `kind`, `label`, …):
  person (spellings), post (role), organization, district (code).
Edges (key = kind):
  person -holds-> post          first_seen, last_seen, open_ended, documents, observations
  post -post_in-> organization
  organization -in_district-> district   (a post whose organization has none: post -in_district->)
  organization -part_of-> organization   (org:subOrganizationOf)
  person -preceded-> person     the earlier holder of a post to the next (post, post_label)
"""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import regex

from .queries import as_store, find_query, run_sparql
from .values import DATE, LIST, cell_text

NETWORK_FORMATS = ("gexf", "graphml")
_LAST_MODIFIED = regex.compile(rb' lastmodifieddate="[^"]*"')


def people_network(source) -> nx.MultiDiGraph:
    """`source`: an rdflib Graph or an Oxigraph store."""
    G = nx.MultiDiGraph()
    source = as_store(source)              # a plain rdflib Graph is copied into Oxigraph once
    units = _rows(source, "network_units")
    tenures = _rows(source, "network_tenures")
    for row in tenures:
        G.add_node(row["person"], kind="person", label=row["person_label"], spellings=LIST(row["spellings"]))
    by_node = {row["node"]: row for row in units}
    used = _units_in_use(tenures, units)
    for row in units:
        if row["node"] in used and row["node"] not in G:
            G.add_node(row["node"], **_unit_attributes(row))
    for row in tenures:
        _add_tenure(G, row)
    for row in units:
        if row["node"] in used:
            _add_unit_edges(G, row, by_node, used)
    return G


def _rows(source, name: str) -> list[dict]:
    return run_sparql(source, find_query(name).text, name).typed_rows


def _units_in_use(tenures: list[dict], units: list[dict]) -> set[str]:
    """The posts someone held, and the organizations and districts above them (a graph holds
    every district of the gazetteer, most never named in a document)."""
    up: dict[str, set[str]] = {}
    for row in units:
        up.setdefault(row["node"], set()).update(v for v in (row["organization"], row["district"], row["parent"]) if v)
    used: set[str] = set()
    todo = [row["post"] for row in tenures]
    while todo:
        node = todo.pop()
        if node not in used:
            used.add(node)
            todo.extend(up.get(node, ()))
    return used


def _unit_attributes(row: dict) -> dict:
    attributes = {"kind": row["kind"], "label": row["label"]}
    if row["code"]:
        attributes["code"] = row["code"]
    return attributes


def _add_tenure(G: nx.MultiDiGraph, row: dict) -> None:
    if row["post"] not in G:
        G.add_node(row["post"], kind="post", label=row["post_label"])
    if row["role"]:
        G.nodes[row["post"]]["role"] = row["role"]
    documents = LIST(row["documents"]) or []
    G.add_edge(row["person"], row["post"], key="holds", kind="holds", first_seen=DATE(row["first_seen"]),
               last_seen=DATE(row["last_seen"]), open_ended=row["open_ended"], documents=documents,
               observations=len(documents))
    if row["predecessor"] and row["predecessor"] in G:
        G.add_edge(row["predecessor"], row["person"], key=f"preceded {row['post']}", kind="preceded",
                   post=row["post"], post_label=row["post_label"])


def _add_unit_edges(G: nx.MultiDiGraph, row: dict, by_node: dict, used: set[str]) -> None:
    node = row["node"]
    if row["organization"] in used:
        G.add_edge(node, row["organization"], key="post_in", kind="post_in")
    if row["parent"] in used:
        G.add_edge(node, row["parent"], key="part_of", kind="part_of")
    organization_district = (by_node.get(row["organization"]) or {}).get("district")
    if row["district"] in used and not (row["kind"] == "post" and organization_district):
        G.add_edge(node, row["district"], key="in_district", kind="in_district")


# ---------------------------------------------------------------- files

def flat_network(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GEXF and GraphML can hold: text, numbers and booleans (a list
    joined with "; ", a date as ISO text); unknown values are left out, not written empty."""
    H = nx.MultiDiGraph()
    H.graph.update({k: _flat(v) for k, v in G.graph.items() if v is not None})
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _flat(v) for k, v in data.items() if v is not None})
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **{k: _flat(x) for k, x in data.items() if x is not None})
    return H


def _flat(value):
    if isinstance(value, (bool, int, float, str)):
        return value
    return cell_text(value)


def network_bytes(G: nx.MultiDiGraph, fmt: str) -> bytes:
    """The network as a GEXF 1.2 or GraphML document (UTF-8), byte for byte the same for the
    same graph (networkx stamps GEXF with today's date; that stamp is left out)."""
    H = flat_network(G)
    buf = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(H, buf, encoding="utf-8", prettyprint=True)
        return _LAST_MODIFIED.sub(b"", buf.getvalue(), count=1)
    if fmt == "graphml":
        nx.write_graphml(H, buf, encoding="utf-8", prettyprint=True)
        return buf.getvalue()
    raise ValueError(f"unknown network format {fmt!r}; choose {' or '.join(NETWORK_FORMATS)}")


def format_of_network_path(path: Path | str) -> str | None:
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in NETWORK_FORMATS else None
