"""The people–posts–organizations–districts network: what it holds, and its GEXF and GraphML
files read back by networkx with the same nodes, edges and attributes, byte-identical each time."""
from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from click.testing import CliRunner

import cadregraph
from cadregraph.cli import main
from cadregraph.outputs.network import flat_network, network_bytes, people_network


@pytest.fixture(scope="module")
def network(seeds_graph):
    return people_network(seeds_graph)


def node_of(G, kind: str, label: str) -> str:
    [node] = [n for n, d in G.nodes(data=True) if d["kind"] == kind and d["label"] == label]
    return node


def test_nodes_are_people_posts_organizations_and_districts(network):
    kinds = {d["kind"] for _, d in network.nodes(data=True)}
    assert kinds == {"person", "post", "organization", "district"}
    assert all(n.startswith("https://") for n in network.nodes)          # IRIs, as in the graph
    people = [n for n, d in network.nodes(data=True) if d["kind"] == "person"]
    assert len(people) == 36                                              # every official of the seeds


def test_a_career_is_edges_with_dates_and_documents(network):
    shi = node_of(network, "person", "石强")
    tenures = {network.nodes[v]["label"]: d for _, v, key, d in network.out_edges(shi, keys=True, data=True)
               if key == "holds"}
    pengshui = tenures["彭水苗族土家族自治县委书记"]
    assert pengshui["first_seen"] == dt.date(2023, 10, 24) and pengshui["last_seen"] == "2024-01"
    assert pengshui["documents"] == ["001_e3967ce29b2979f4.txt", "003_63b98746f0243239.txt"]
    assert pengshui["observations"] == 2 and isinstance(pengshui["open_ended"], bool)


def test_posts_lead_to_their_organization_and_district(network):
    post = node_of(network, "post", "长寿区委书记")
    [organization] = [v for _, v, key in network.out_edges(post, keys=True) if key == "post_in"]
    assert network.nodes[organization]["label"] == "长寿区委"
    [district] = [v for _, v, key in network.out_edges(organization, keys=True) if key == "in_district"]
    assert network.nodes[district]["label"] == "长寿区" and network.nodes[district]["code"] == "500115"
    assert network.nodes[post]["role"] == "书记"


def test_successions_link_the_people(network):
    before, after = node_of(network, "person", "刘小强"), node_of(network, "person", "江夏")
    [edge] = [d for _, v, d in network.out_edges(before, data=True) if v == after and d["kind"] == "preceded"]
    assert edge["post_label"] == "长寿区委书记"


def test_only_districts_someone_served_in_are_nodes(network, seeds_graph):
    districts = {d["label"] for _, d in network.nodes(data=True) if d["kind"] == "district"}
    assert "长寿区" in districts and len(districts) < 43                # the gazetteer holds 43
    assert all(network.in_degree(n) for n, d in network.nodes(data=True) if d["kind"] != "person")


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_files_read_back_by_networkx(network, tmp_path, fmt, read):
    path = tmp_path / f"network.{fmt}"
    path.write_bytes(network_bytes(network, fmt))
    back = read(path)
    assert isinstance(back, nx.DiGraph) and back.is_directed()     # a MultiDiGraph when two edges share ends
    assert sorted(back.nodes) == sorted(network.nodes)
    assert back.number_of_edges() == network.number_of_edges()
    flat = flat_network(network)
    shi = node_of(network, "person", "石强")
    assert back.nodes[shi]["label"] == "石强" and back.nodes[shi]["kind"] == "person"
    edges = {(u, v, d["kind"]): d for u, v, d in back.edges(data=True)}
    for u, v, key, data in flat.edges(keys=True, data=True):
        got = edges[u, v, data["kind"]]
        assert {k: got[k] for k in data} == data           # text, numbers and booleans keep their type


def test_files_are_byte_identical_each_time(seeds_graph):
    for fmt in ("gexf", "graphml"):
        assert network_bytes(people_network(seeds_graph), fmt) == network_bytes(people_network(seeds_graph), fmt)
    assert b"lastmodifieddate" not in network_bytes(people_network(seeds_graph), "gexf")


def test_cli_exports_the_network(built_seeds, tmp_path):
    runner = CliRunner()
    by_name = tmp_path / "careers.gexf"
    assert runner.invoke(main, ["export", str(built_seeds), "-o", str(by_name)]).exit_code == 0
    explicit = runner.invoke(main, ["export", str(built_seeds), "--format", "gexf"])
    assert explicit.exit_code == 0 and explicit.stdout_bytes == by_name.read_bytes()
    graphml = tmp_path / "n.graphml"
    result = runner.invoke(main, ["export", str(built_seeds), "--format", "graphml", "-o", str(graphml)])
    assert result.exit_code == 0 and "network, " in result.stdout
    assert nx.read_graphml(graphml).number_of_nodes() == nx.read_gexf(by_name).number_of_nodes()


def test_api_writes_the_network(seeds_graph, tmp_path):
    G = cadregraph.to_networkx(seeds_graph)
    path = cadregraph.write_network(G, tmp_path / "n.gexf")
    assert nx.read_gexf(path).number_of_nodes() == G.number_of_nodes()
    with pytest.raises(cadregraph.CadregraphError, match=".gexf or .graphml"):
        cadregraph.write_network(G, tmp_path / "n.txt")
