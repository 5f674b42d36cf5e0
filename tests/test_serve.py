"""`cadregraph serve`: the SPARQL 1.1 Protocol over real HTTP (GET and POST, content types,
CSV), read-only, time-limited, never reaching the network, serving no file outside OUT; and
the query page and the view in a real Chromium with every other address blocked."""
from __future__ import annotations

import csv
import http.client
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest

from cadregraph.outputs.serve import ServeApp

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
PEOPLE = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?name WHERE { ?p a foaf:Person ; rdfs:label ?name } ORDER BY ?name"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TIME_LIMIT = 4.0


@pytest.fixture(scope="module")
def out(built_seeds, tmp_path_factory):
    """A build folder with the view, a focused page, a secret beside it and symlinks that point
    out of the view."""
    root = tmp_path_factory.mktemp("serve") / "out"
    root.mkdir()
    for name in ("graph.ttl", "view.html"):
        shutil.copy(built_seeds / name, root / name)
    (root / "view" / "people").mkdir(parents=True)
    shutil.copytree(built_seeds / "view" / "docs", root / "view" / "docs")
    (root / "view" / "people" / "p1.html").write_text("<!DOCTYPE html><p>一个人</p>", encoding="utf-8")
    (root / ".cadregraph-manifest.json").write_text("{}", encoding="utf-8")
    secret = root.parent / "secret.txt"
    secret.write_text("not for the web", encoding="utf-8")
    os.symlink(secret, root / "view" / "secret.txt")
    os.symlink(root, root / "view" / "up")
    os.symlink(root / "graph.ttl", root / "view" / "graph.ttl")
    return root


@pytest.fixture(scope="module")
def server(out):
    app = ServeApp(out, port=0, time_limit=TIME_LIMIT, workers=2, max_rows=5, quiet=True)
    app.bind()
    app.start()
    thread = threading.Thread(target=app.serve_forever, daemon=True)
    thread.start()
    yield app
    app.close()


def request(app, method, path, body=None, headers=None, host=None):
    conn = http.client.HTTPConnection("127.0.0.1", app.port, timeout=60)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host or f"127.0.0.1:{app.port}")
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        data = body.encode("utf-8") if isinstance(body, str) else body
        if data is not None:
            conn.putheader("Content-Length", str(len(data)))
        conn.endheaders(data)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def sparql_get(app, query, accept=None, **params):
    return request(app, "GET", "/sparql?" + urlencode({"query": query, **params}),
                   headers={"Accept": accept} if accept else None)


def count(app) -> int:
    status, _, body = sparql_get(app, COUNT)
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# ---------------------------------------------------------------- the protocol

def test_get_answers_sparql_results_json(server):
    status, headers, body = sparql_get(server, PEOPLE)
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+json")
    result = json.loads(body)
    names = [b["name"]["value"] for b in result["results"]["bindings"]]
    assert result["head"]["vars"] == ["name"] and "石强" in names and len(names) > 30
    assert result["results"]["bindings"][0]["name"]["xml:lang"] == "zh"


def test_post_form_and_post_sparql_query_give_the_same_answer(server):
    _, _, by_get = sparql_get(server, PEOPLE)
    status, _, by_form = request(server, "POST", "/sparql", urlencode({"query": PEOPLE}),
                                 {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and by_form == by_get
    status, _, direct = request(server, "POST", "/sparql", PEOPLE, {"Content-Type": "application/sparql-query"})
    assert status == 200 and direct == by_get


def test_accept_negotiates_csv_tsv_xml_and_json(server):
    status, headers, body = sparql_get(server, PEOPLE, accept="text/csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    assert rows[0] == ["name"] and ["石强"] in rows
    assert body.decode("utf-8").split("\n")[0] == "name\r"          # SPARQL 1.1 CSV: CRLF lines
    status, headers, body = sparql_get(server, PEOPLE, accept="text/tab-separated-values")
    assert status == 200 and '"石强"@zh' in body.decode("utf-8")
    status, headers, body = sparql_get(server, PEOPLE, accept="application/sparql-results+xml")
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+xml")
    assert b"<sparql" in body
    # q-values: CSV preferred over JSON
    status, headers, _ = sparql_get(server, PEOPLE, accept="application/sparql-results+json;q=0.5, text/csv")
    assert headers["content-type"].startswith("text/csv")
    status, headers, _ = sparql_get(server, PEOPLE, accept="*/*")
    assert headers["content-type"].startswith("application/sparql-results+json")
    status, _, body = sparql_get(server, PEOPLE, accept="image/png")
    assert status == 406 and b"accepted types" in body


def test_ask_and_construct(server):
    status, _, body = sparql_get(server, 'ASK { ?p <http://www.w3.org/2000/01/rdf-schema#label> "石强"@zh }')
    assert status == 200 and json.loads(body)["boolean"] is True
    construct = ('CONSTRUCT { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?n } WHERE '
                 '{ ?p a <http://xmlns.com/foaf/0.1/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?n }')
    status, headers, body = sparql_get(server, construct, accept="text/turtle")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    assert len(triples) > 30 and any(t.object.value == "石强" for t in triples)
    status, headers, body = sparql_get(server, construct, accept="application/n-triples")
    assert headers["content-type"].startswith("application/n-triples")
    assert len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) == len(triples)
    status, _, _ = sparql_get(server, construct, accept="text/csv")
    assert status == 406


def test_download_format_parameter(server):
    status, headers, body = request(server, "POST", "/sparql", urlencode({"query": PEOPLE, "format": "csv", "download": "1"}),
                                    {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert headers["content-disposition"].startswith("attachment;") and "石强" in body.decode("utf-8")


def test_bad_requests_get_a_message(server):
    status, headers, body = sparql_get(server, "SELEKT * WHERE { ?s ?p ?o }")
    assert status == 400 and headers["content-type"].startswith("text/plain") and b"not valid SPARQL" in body
    status, _, body = request(server, "GET", "/sparql?query=" + quote(PEOPLE) + "&query=" + quote(PEOPLE))
    assert status == 400 and b"once" in body
    status, _, body = request(server, "POST", "/sparql", PEOPLE, {"Content-Type": "text/plain"})
    assert status == 415
    status, _, body = request(server, "POST", "/sparql", "query=" + quote("SELECT ?x WHERE {}"))
    assert status == 415                                        # a form must say it is one


def test_updates_are_refused_and_change_nothing(server):
    before = count(server)
    insert = 'PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b "x" }'
    attempts = [
        request(server, "POST", "/sparql", urlencode({"update": insert}), {"Content-Type": "application/x-www-form-urlencoded"}),
        request(server, "POST", "/sparql", insert, {"Content-Type": "application/sparql-update"}),
        request(server, "GET", "/sparql?" + urlencode({"update": insert})),
        sparql_get(server, insert),                                                    # an update sent as a query
        sparql_get(server, "# a comment first\nDELETE WHERE { ?s ?p ?o }"),
        sparql_get(server, "LOAD <http://example.org/data.ttl>"),
        request(server, "PUT", "/sparql", "x", {"Content-Type": "text/turtle"}),
        request(server, "DELETE", "/view.html"),
    ]
    for status, _, body in attempts[:6]:
        assert status == 403 and b"read-only" in body
    assert [a[0] for a in attempts[6:]] == [405, 405]
    assert count(server) == before
    # a query that only mentions the words is a query
    status, _, _ = sparql_get(server, 'SELECT ?x WHERE { BIND("INSERT DATA" AS ?x) } # DELETE')
    assert status == 200


def test_federated_service_is_refused_and_reaches_nothing(server):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.0)
    port = listener.getsockname()[1]
    try:
        status, _, body = sparql_get(server, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
        assert status == 400 and b"SERVICE" in body
        with pytest.raises(socket.timeout):
            listener.accept()
    finally:
        listener.close()
    status, _, _ = sparql_get(server, 'SELECT ?service WHERE { BIND("SERVICE" AS ?service) }')
    assert status == 200


def test_a_runaway_query_is_stopped_and_the_server_goes_on(server):
    start = time.monotonic()
    status, _, body = sparql_get(server, RUNAWAY)
    elapsed = time.monotonic() - start
    assert status == 503 and b"time limit" in body
    assert TIME_LIMIT - 0.5 <= elapsed < TIME_LIMIT + 5
    start = time.monotonic()
    # the other process answers at once, with every triple of the graph file
    assert count(server) == sum(1 for _ in ox.parse(path=str(server.out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    assert time.monotonic() - start < TIME_LIMIT


def test_service_description_and_html_redirect(server):
    status, headers, body = request(server, "GET", "/sparql")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    assert any("SPARQL11Query" in t.object.value for t in ox.parse(body, format=ox.RdfFormat.TURTLE))
    status, headers, _ = request(server, "GET", "/sparql", headers={"Accept": "text/html"})
    assert status == 303 and headers["location"] == "/"


def test_requests_for_another_host_are_refused(server):
    status, _, _ = sparql_get(server, PEOPLE)
    assert status == 200
    for host in ("evil.example", "evil.example:80", f"127.0.0.1.evil.example:{server.port}"):
        status, _, _ = request(server, "GET", "/view.html", host=host)
        assert status == 400, host
    status, _, _ = request(server, "GET", "/view.html", host=f"localhost:{server.port}")
    assert status == 200


# ---------------------------------------------------------------- files

@pytest.mark.parametrize("path", [
    "/graph.ttl", "/.cadregraph-manifest.json", "/view/../graph.ttl", "/view/%2e%2e/graph.ttl",
    "/view/%2E%2E/%2E%2E/etc/passwd", "/view/..%2fgraph.ttl", "/view%2f..%2fgraph.ttl", "/view/%252e%252e/graph.ttl",
    "//etc/passwd", "/view//people/p1.html", "/view/people/%00p1.html", "/view/people/..%5c..%5cgraph.ttl",
    "/view/secret.txt", "/view/up/graph.ttl", "/view/graph.ttl", "/view/up/.cadregraph-manifest.json",
    "/view/./people/p1.html",
    "/etc/passwd", "/view", "/view/", "/view.html/", "/%76iew/../graph.ttl", "/view/people/p1.html%00.png",
])
def test_no_file_outside_the_view_is_served(server, path):
    status, _, body = request(server, "GET", path)
    assert status == 404, (path, body[:80])
    assert b"not for the web" not in body and b"@prefix" not in body


def test_the_view_is_served(server, out):
    status, headers, body = request(server, "GET", "/view.html")
    assert status == 200 and body == (out / "view.html").read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8" and headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in headers["content-security-policy"]
    status, _, body = request(server, "GET", "/view/people/p1.html")
    assert status == 200 and "一个人" in body.decode("utf-8")
    status, _, body = request(server, "GET", "/%76iew/people/p1.html")     # %76 is "v": decoded once
    assert status == 200
    status, headers, body = request(server, "HEAD", "/view.html")
    assert status == 200 and body == b"" and int(headers["content-length"]) == (out / "view.html").stat().st_size


# ---------------------------------------------------------------- the query page

def test_the_query_page_lists_the_questions_with_their_parameters(server):
    status, headers, body = request(server, "GET", "/")
    html = body.decode("utf-8")
    assert status == 200 and "script-src" not in headers["content-security-policy"]
    for name in ("q1_person_posts", "q2_post_holders", "q4_predecessor", "q5_slogan_users", "q8_district_projects"):
        assert f'value="{name}"' in html
    assert 'name="person" value="石强"' in html and 'name="post" value="綦江区委书记"' in html


def test_a_named_question_runs_with_an_escaped_parameter(server):
    status, _, body = request(server, "GET", "/?" + urlencode({"question": "q1_person_posts", "person": "石强"}))
    html = body.decode("utf-8")
    assert status == 200 and "彭水苗族土家族自治县委书记" in html and 'id="results"' in html
    evil = '石强" } ; DROP <x> . <script>alert(1)</script>'
    status, _, body = request(server, "GET", "/?" + urlencode({"question": "q1_person_posts", "person": evil}))
    html = body.decode("utf-8")
    assert status == 200 and "<script>alert" not in html and "&lt;script&gt;" in html
    assert "0 rows" in html
    status, _, body = request(server, "GET", "/?" + urlencode({"question": "q1_person_posts", "nobody": "x"}))
    assert status == 400 and "no parameter nobody" in body.decode("utf-8")
    for name in ("../../etc/passwd", "q/../../x.rq", " q SELECT * WHERE { ?s ?p ?o }", "overview_units", "q"):
        status, _, body = request(server, "GET", "/?" + urlencode({"question": name}))
        assert status == 400 and "no question named" in body.decode("utf-8"), name
    status, _, body = request(server, "GET", "/?" + urlencode({"question": "q8", "district": "璧山区"}))
    assert status == 200 and 'id="results"' in body.decode("utf-8")


def test_the_page_caps_rows_and_refuses_updates(server):
    status, _, body = request(server, "POST", "/", urlencode({"query": PEOPLE}),
                              {"Content-Type": "application/x-www-form-urlencoded"})
    html = body.decode("utf-8")
    assert status == 200 and "the first 5 are shown" in html and html.count('<td class="n">') == 5
    status, _, body = request(server, "POST", "/", urlencode({"query": "CLEAR ALL"}),
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "read-only" in body.decode("utf-8")


# ---------------------------------------------------------------- in the browser

@pytest.fixture
def served_page(browser, server):
    from conftest import OfflinePage

    page = OfflinePage(browser, allow=(f"http://127.0.0.1:{server.port}/",))
    yield page
    page.close()


def test_browser_runs_a_named_question_and_an_ad_hoc_query(server, served_page):
    page = served_page.page
    page.goto(f"http://127.0.0.1:{server.port}/")
    page.click("#q-q2_post_holders summary")
    page.fill("#q2_post_holders-post", "长寿区委书记")
    page.click("#q-q2_post_holders button[type=submit]")
    page.wait_for_selector("#results")
    text = page.inner_text("#results")
    assert "刘小强" in text and "江夏" in text
    page.fill("#query", PEOPLE.replace("ORDER BY ?name", "FILTER(STRSTARTS(?name, \"石\")) } ORDER BY ?name").replace("rdfs:label ?name }", "rdfs:label ?name ."))
    page.click("#run")
    page.wait_for_selector("#results")
    assert page.locator("#results tbody tr").all_inner_texts()[0].split("\t")[-1].strip() == "石强"
    with page.expect_download() as download:
        page.click("button.download[data-format=csv]")
    with open(download.value.path(), encoding="utf-8") as f:
        assert f.read().splitlines()[:2] == ["name", "石强"]
    assert served_page.errors == [] and served_page.blocked == []


def test_browser_sees_an_update_refused(server, served_page):
    page = served_page.page
    page.goto(f"http://127.0.0.1:{server.port}/")
    page.fill("#query", 'INSERT DATA { <http://example.org/a> <http://example.org/b> "c" }')
    with page.expect_response(lambda r: r.request.method == "POST") as response:
        page.click("#run")
    assert response.value.status == 403
    assert "read-only" in page.inner_text("#error")
    assert served_page.errors == [] and served_page.blocked == []


def test_browser_opens_the_served_view(server, served_page):
    page = served_page.open(f"http://127.0.0.1:{server.port}/view.html")
    assert page.evaluate("window.cadregraph.network.body.data.nodes.length") > 50
    # a fact's document page is served too, opened at the fact's span
    page.select_option("#person-select", page.evaluate(
        "[...document.getElementById('person-select').options].find(o => o.textContent === '石强').value"))
    page.locator("#detail-list a.doc-link").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(f"http://127.0.0.1:{server.port}/view/docs/")
    assert "石强" in page.locator("mark:target").inner_text()
    assert served_page.errors == [] and served_page.blocked == []


# ---------------------------------------------------------------- the command

def test_the_command_serves_and_says_when_the_port_is_taken(out):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "cadregraph.cli", "serve", str(out), "--port", str(port)],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and "already in use" in done.stderr and "--port" in done.stderr
    finally:
        taken.close()
    proc = subprocess.Popen([sys.executable, "-m", "cadregraph.cli", "serve", str(out), "--port", "0", "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = ""
        while "Serving" not in line:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
        url = line.split(" at ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        port = int(url.rsplit(":", 1)[1].strip("/"))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/sparql?" + urlencode({"query": "ASK {}"}))
        assert json.loads(conn.getresponse().read()) == {"head": {}, "boolean": True}
        conn.close()
    finally:
        proc.terminate()
        proc.wait(30)


def test_an_oversized_body_is_refused_and_the_connection_closed(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as s:
        s.sendall(f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                  f"Content-Type: application/sparql-query\r\nContent-Length: {50 << 20}\r\n\r\nSELECT".encode())
        answer = b""
        while chunk := s.recv(4096):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413") and b"Connection: close" in answer


def test_a_folder_without_a_graph_is_a_clear_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "cadregraph.cli", "serve", str(tmp_path), "--port", "0"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "no graph file" in done.stderr and "cadregraph build" in done.stderr
