"""`cadregraph push` to real graph databases on 127.0.0.1 — the Oxigraph server and Virtuoso —
over the SPARQL 1.1 Graph Store HTTP Protocol; DESIGN.md §3's questions get the same answers
there as in process; refusals, bad credentials, timeouts and dead servers give clear errors."""
from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from cadregraph.cli import main
from cadregraph.graph.formats import serialize

from rdf_helpers import QUESTIONS, as_set, rdflib_select
from servers import OxigraphServer, VirtuosoServer, free_port, sparql_select

SHARED = "https://cadregraph.org/id/graph/shared"
GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), 'https://cadregraph.org/')) }"
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    try:
        server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def seeds_files(seeds_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("push-files")
    for name in ("trig", "turtle"):
        (folder / f"graph.{'ttl' if name == 'turtle' else name}").write_bytes(serialize(seeds_graph, name))
    (folder / "tiny.ttl").write_text("<https://cadregraph.org/id/a> <http://www.w3.org/2000/01/rdf-schema#label> \"甲\"@zh .\n")
    return folder


@pytest.fixture(scope="module")
def in_process(seeds_graph):
    return {name: as_set(rdflib_select(seeds_graph, q)) for name, q in QUESTIONS.items()}


def push(*args, password: str | None = None):
    env = {"CADREGRAPH_PASSWORD": password} if password is not None else {"CADREGRAPH_PASSWORD": None}
    return CliRunner().invoke(main, ["push", *map(str, args)], env=env)


def test_push_to_oxigraph_one_graph_per_document(oxigraph, seeds_files, seeds_graph, in_process):
    result = push(seeds_files / "graph.trig", "--endpoint", oxigraph.store_url)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"pushed {len(seeds_graph)} triples into 6 graphs"
    graphs = {row["g"] for row in sparql_select(oxigraph.query_url, GRAPHS_QUERY)}
    assert SHARED in graphs and len(graphs) == 6
    for name, query in QUESTIONS.items():
        there = as_set(sparql_select(oxigraph.query_url, query, {"union-default-graph": ""}))
        assert there == in_process[name], name


def test_push_into_one_graph_replaces_it(oxigraph, seeds_files, seeds_graph):
    iri = "http://example.org/cadregraph"
    for _ in range(2):
        result = push(seeds_files / "graph.ttl", "--endpoint", oxigraph.store_url, "--graph", iri)
        assert result.exit_code == 0, result.output
    count = sparql_select(oxigraph.query_url, COUNT_QUERY % iri)
    assert int(count[0]["n"]) == len(seeds_graph)
    assert push(seeds_files / "graph.ttl", "--endpoint", oxigraph.store_url, "--graph", iri, "--append").exit_code == 0
    assert int(sparql_select(oxigraph.query_url, COUNT_QUERY % iri)[0]["n"]) == len(seeds_graph)


def test_push_to_virtuoso_with_digest_auth(virtuoso, seeds_files, seeds_graph, in_process):
    result = push(seeds_files / "graph.trig", "--endpoint", virtuoso.store_url, "--user", virtuoso.user,
                  password=virtuoso.password)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"pushed {len(seeds_graph)} triples into 6 graphs"
    graphs = {row["g"] for row in sparql_select(virtuoso.query_url, GRAPHS_QUERY)}
    assert SHARED in graphs and len(graphs) == 6
    for name, query in QUESTIONS.items():
        assert as_set(sparql_select(virtuoso.query_url, query)) == in_process[name], name
    names = {dict(row)["name"] for row in in_process["q2_holders_of_changshou_secretary"]}
    assert names == {"刘小强", "江夏"}


def test_virtuoso_turtle_without_graph_names_is_split_per_document(virtuoso, seeds_files):
    iri = "http://example.org/one-graph"
    result = push(seeds_files / "graph.ttl", "--endpoint", virtuoso.store_url, "--user", virtuoso.user,
                  "--auth", "digest", "--graph", iri, password=virtuoso.password)
    assert result.exit_code == 0, result.output
    result = push(seeds_files / "graph.ttl", "--endpoint", virtuoso.store_url, "--user", virtuoso.user,
                  password=virtuoso.password)
    assert result.exit_code == 0 and "into 6 graphs" in result.output, result.output


@pytest.mark.parametrize("user, password, scheme, expected", [
    ("cadregraph", "wrong-password", "auto", "refused the credentials (HTTP 401, user 'cadregraph'"),
    ("cadregraph", None, "basic", "refused the credentials (HTTP 401, user 'cadregraph'"),
    ("reader", None, "digest", "refused to write graph <http://example.org/refused> (HTTP 403 Forbidden)"),
    (None, None, "auto", "refused the credentials (HTTP 401, no credentials given"),
])
def test_virtuoso_refusals_are_clear(virtuoso, seeds_files, user, password, scheme, expected):
    args = [seeds_files / "tiny.ttl", "--endpoint", virtuoso.store_url, "--graph", "http://example.org/refused",
            "--auth", scheme]
    if user:
        args += ["--user", user]
    result = push(*args, password=password or virtuoso.password)
    assert result.exit_code == 1
    assert result.output.startswith(f"cadregraph: error: {virtuoso.store_url}: ")
    assert expected in result.output
    rows = sparql_select(virtuoso.query_url, COUNT_QUERY % "http://example.org/refused")
    assert rows[0]["n"] == "0"


def test_password_comes_only_from_the_environment(seeds_files):
    result = push(seeds_files / "tiny.ttl", "--endpoint", "http://127.0.0.1:9/x", "--password", "secret")
    assert result.exit_code == 2 and "No such option '--password'" in result.output
    result = push(seeds_files / "tiny.ttl", "--endpoint", "http://127.0.0.1:9/x", "--user", "u",
                  "--password-env", "CG_TEST_UNSET_PASSWORD")
    assert result.exit_code == 2 and "$CG_TEST_UNSET_PASSWORD is not set" in result.output


def test_a_server_that_does_not_answer_times_out(seeds_files):
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # accepts the connection, never answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/store"
        result = push(seeds_files / "tiny.ttl", "--endpoint", url, "--timeout", "0.5")
    assert result.exit_code == 1
    assert "no answer within 0.5 s" in result.output


def test_no_server_is_a_clear_error(seeds_files):
    url = f"http://127.0.0.1:{free_port()}/store"
    result = push(seeds_files / "tiny.ttl", "--endpoint", url)
    assert result.exit_code == 1
    assert "cannot connect (connection refused); is the server running?" in result.output
