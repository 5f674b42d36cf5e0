"""The Oxigraph store: `build --store DIR` and `query --store DIR` give the same answers as the
in-memory graph; the store keeps one named graph per document; foreign folders are refused."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from cadregraph.cli import main
from cadregraph.graph.store import MARKER, StoreError, memory_graph, open_store, save_store
from cadregraph.outputs.tables import query_text
from cadregraph.pipeline import build_graph

from rdf_helpers import QUESTIONS, as_set, rdflib_select, small_corpus, triples


@pytest.fixture(scope="module")
def store_dir(seeds_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "db"
    save_store(seeds_graph, path)
    return path


def test_building_on_oxigraph_gives_the_same_graph(seeds_corpus, seeds_graph):
    on_oxigraph = build_graph(seeds_corpus, graph=memory_graph())
    assert triples(on_oxigraph, as_stored=True) == triples(seeds_graph, as_stored=True)


def test_store_holds_one_named_graph_per_document(store_dir, seeds_graph):
    store = ox.Store.read_only(str(store_dir))
    graphs = {g.value for g in store.named_graphs()}
    assert len(graphs) == 6 and "https://cadregraph.org/id/graph/shared" in graphs
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert triples(open_store(store_dir), as_stored=True) == triples(seeds_graph, as_stored=True)


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_design_questions_give_the_same_answers_in_the_store(store_dir, seeds_graph, name):
    in_memory = as_set(rdflib_select(seeds_graph, QUESTIONS[name]))
    assert in_memory, "the question has no answer on the seeds"
    assert as_set(rdflib_select(open_store(store_dir), QUESTIONS[name])) == in_memory


def test_a_bundled_table_gives_the_same_rows_in_the_store(store_dir, seeds_graph):
    expected = rdflib_select(seeds_graph, query_text("table_holdings.rq"))
    assert expected and rdflib_select(open_store(store_dir), query_text("table_holdings.rq")) == expected


def test_build_and_query_with_a_store_on_the_command_line(tmp_path):
    runner = CliRunner()
    docs, store = small_corpus(tmp_path / "docs"), tmp_path / "store"
    result = runner.invoke(main, ["build", str(docs), "--out", str(tmp_path / "out"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert (store / MARKER).exists()
    sparql = "SELECT ?name WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name"
    from_store = runner.invoke(main, ["query", "--store", str(store), sparql, "--format", "jsonl"])
    from_file = runner.invoke(main, ["query", str(tmp_path / "out"), sparql, "--format", "jsonl"])
    assert from_store.exit_code == 0, from_store.output
    assert from_store.output == from_file.output
    assert [json.loads(line)["name"] for line in from_store.output.splitlines()] == ["刘小强", "江志斌"]
    size = len(open_store(store))
    again = runner.invoke(main, ["build", str(docs), "--out", str(tmp_path / "out"), "--store", str(store)])
    assert again.exit_code == 0, again.output
    assert len(open_store(store)) == size > 0, "rebuilding into a store cadregraph made replaces it"


def test_a_foreign_folder_is_not_used_as_a_store(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    result = CliRunner().invoke(main, ["build", str(small_corpus(tmp_path / "docs")), "--out", str(tmp_path / "o"),
                                       "--store", str(tmp_path)])
    assert result.exit_code == 2 and "not a cadregraph store" in result.output
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"
    with pytest.raises(StoreError, match="not a cadregraph store"):
        open_store(tmp_path)
    result = CliRunner().invoke(main, ["query", "--store", str(tmp_path), "SELECT * WHERE { ?s ?p ?o }"])
    assert result.exit_code == 2 and result.output.startswith(f"cadregraph: error: {tmp_path}")
