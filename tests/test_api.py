"""The notebook API: paths → rdflib Graph, networkx graph, HTML view and query rows, each in one
call, re-exported from `cadregraph` without work at import time."""
from __future__ import annotations

import datetime
import subprocess
import sys

import networkx as nx
import pytest
from rdflib import Graph

import cadregraph

from rdf_helpers import small_corpus


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    return small_corpus(tmp_path_factory.mktemp("api") / "docs")


def test_importing_cadregraph_does_no_work():
    code = "import sys, cadregraph; print(sorted(m for m in ('rdflib', 'pyoxigraph', 'networkx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_build_graph_from_paths(docs):
    g = cadregraph.build_graph([docs])
    assert isinstance(g, Graph)
    rows = cadregraph.query(g, "table_holdings")
    assert {(r["person"], r["post"]) for r in rows} >= {("刘小强", "长寿区委书记")}
    assert all(r["document"] == "report.txt" for r in rows)
    holders = cadregraph.query(g, "q2", post="璧山区委书记")
    assert holders and all("江志斌" in str(r.values()) for r in holders)


def test_to_networkx_is_the_people_posts_network(docs):
    G = cadregraph.to_networkx(docs)
    assert isinstance(G, nx.MultiDiGraph)
    people = {data["label"]: node for node, data in G.nodes(data=True) if data["kind"] == "person"}
    assert set(people) == {"刘小强", "江志斌"}
    assert {data["kind"] for _, data in G.nodes(data=True)} <= {"person", "post", "organization", "district"}
    [(post, holds)] = [(v, d) for _, v, key, d in G.out_edges(people["刘小强"], keys=True, data=True) if key == "holds"]
    assert G.nodes[post]["label"] == "长寿区委书记" and holds["documents"] == ["report.txt"]
    assert holds["first_seen"] == holds["last_seen"] == datetime.date(2023, 10, 24) and holds["open_ended"] is True
    same = cadregraph.to_networkx(cadregraph.build_graph(docs))
    assert sorted(same.nodes) == sorted(G.nodes) and same.number_of_edges() == G.number_of_edges()


def test_the_raw_rdf_graph_only_on_request(docs):
    G = cadregraph.to_networkx(docs, raw=True)
    people = {data["label"]: node for node, data in G.nodes(data=True) if data["kind"] == "person"}
    posts = {G.nodes[v]["label"] for _, v, key in G.out_edges(people["刘小强"], keys=True) if key == "org:holds"}
    assert posts == {"长寿区委书记"}
    assert G.number_of_nodes() > 3 * cadregraph.to_networkx(docs).number_of_nodes()


def test_render_view_writes_the_html(docs, tmp_path):
    target = tmp_path / "view.html"
    html = cadregraph.render_view(docs, target)
    assert html.startswith("<!DOCTYPE html>") or html.lstrip().lower().startswith("<!doctype html>")
    assert target.read_text("utf-8") == html and "刘小强" in html


def test_unreadable_documents_warn_or_raise(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8" * 3)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("长寿区委书记刘小强主持会议。\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="skipped"):
        cadregraph.build_graph(tmp_path)
    with pytest.raises(Exception):
        cadregraph.build_graph(tmp_path, strict=True)


def test_a_corpus_with_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(cadregraph.CadregraphError, match="no document could be read .*empty.txt"):
        cadregraph.build_graph(tmp_path)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        cadregraph.no_such_function  # noqa: B018
