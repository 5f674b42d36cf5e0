"""Sending a graph to a graph database over the SPARQL 1.1 Graph Store HTTP Protocol.

One PUT per target graph replaces that graph (POST with `append=True` adds to it). Big graphs
go in chunks: the first chunk is PUT, the rest POSTed, so no request grows without bound.
Endpoints, for example:
- Oxigraph server:  http://127.0.0.1:7878/store
- Virtuoso:         http://127.0.0.1:8890/sparql-graph-crud-auth  (HTTP digest auth)
- Apache Jena Fuseki: http://127.0.0.1:3030/DATASET/data  (HTTP basic auth if configured)
- GraphDB:          http://127.0.0.1:7200/repositories/REPO/rdf-graphs/service

Graph names: `graph` given → everything goes into that one graph. Otherwise one graph per
document plus the shared graph, as in TriG (see graph/formats.py): a source with named graphs
keeps them, a source without is split the same way. Nothing goes to the store's default graph
(Virtuoso has none to write to); query the union (the default in Virtuoso and GraphDB,
`union-default-graph` in Oxigraph, `unionDefaultGraph` in Fuseki).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from cadregraph.graph.formats import FORMATS, serialize_ox
from cadregraph.graph.oxterms import sort_key

CHUNK_TRIPLES = 50_000
TURTLE = FORMATS["turtle"]


class PushError(Exception):
    pass


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    scheme: str = "auto"  # auto (answer the server's challenge), digest or basic


@dataclass
class PushResult:
    graphs: dict[str, int]  # graph IRI (or "default") → triples sent

    def text(self) -> str:
        total = sum(self.graphs.values())
        return f"pushed {total} triples into {len(self.graphs)} graph{'s' if len(self.graphs) != 1 else ''}"


def named_quads(quads: list[ox.Quad]) -> list[ox.Quad]:
    """`quads` with every triple in a named graph: those in the default graph are split per document."""
    if all(not isinstance(q.graph_name, ox.DefaultGraph) for q in quads):
        return quads
    from cadregraph.graph.formats import document_quads
    from cadregraph.graph.oxterms import rdflib_graph

    named = [q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)]
    return named + document_quads(rdflib_graph(q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)))


def group_by_graph(quads: Iterable[ox.Quad], graph: str | None = None) -> dict[str | None, list[ox.Triple]]:
    """Target graph IRI (None: the default graph) → its triples, sorted and without repeats."""
    groups: dict[str | None, set[ox.Triple]] = defaultdict(set)
    for q in quads:
        name = graph if graph else None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        groups[name].add(q.triple)
    return {name: sorted(triples, key=sort_key) for name, triples in sorted(groups.items(), key=lambda kv: kv[0] or "")}


def push(quads: Iterable[ox.Quad], endpoint: str, graph: str | None = None, credentials: Credentials | None = None,
         timeout: float = 60.0, append: bool = False, chunk: int = CHUNK_TRIPLES) -> PushResult:
    import requests

    session = requests.Session()
    session.headers["User-Agent"] = "cadregraph"
    auth = _Auth(credentials)
    sent: dict[str, int] = {}
    quads = list(quads)
    for name, triples in group_by_graph(quads if graph else named_quads(quads), graph).items():
        for i in range(0, max(len(triples), 1), chunk):
            body = serialize_ox(triples[i:i + chunk], TURTLE)
            method = "POST" if append or i > 0 else "PUT"
            _send(session, auth, method, endpoint, name, body, timeout)
        sent[name or "default"] = len(triples)
    return PushResult(sent)


class _Auth:
    """Credentials as a requests auth object; with scheme 'auto', the one the server asks for."""

    def __init__(self, credentials: Credentials | None):
        self.credentials = credentials
        self.scheme = credentials.scheme if credentials else None

    def for_request(self):
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth

        if self.credentials is None or self.scheme == "auto":
            return None
        cls = HTTPDigestAuth if self.scheme == "digest" else HTTPBasicAuth
        return cls(self.credentials.user, self.credentials.password)

    def answer_challenge(self, response) -> bool:
        """After a 401 in 'auto' mode, pick the scheme the server named; False if nothing to try."""
        if self.credentials is None or self.scheme != "auto":
            return False
        challenge = response.headers.get("WWW-Authenticate", "").lower()
        self.scheme = "digest" if challenge.startswith("digest") else "basic"
        return True


def _send(session, auth: _Auth, method: str, endpoint: str, graph: str | None, body: bytes, timeout: float) -> None:
    import requests

    params = {"graph": graph} if graph else {"default": ""}
    headers = {"Content-Type": "text/turtle; charset=utf-8"}
    for _attempt in range(2):
        try:
            response = session.request(method, endpoint, params=params, data=body, headers=headers,
                                       auth=auth.for_request(), timeout=timeout)
        except requests.exceptions.Timeout:
            raise PushError(f"{endpoint}: no answer within {timeout:g} s (raise --timeout for big graphs)") from None
        except requests.exceptions.ConnectionError as exc:
            raise PushError(f"{endpoint}: cannot connect ({_reason(exc)}); is the server running?") from None
        except requests.exceptions.RequestException as exc:
            raise PushError(f"{endpoint}: {exc}") from None
        if response.status_code == 401 and auth.answer_challenge(response):
            continue
        break
    _check(response, endpoint, graph, auth)


def _check(response, endpoint: str, graph: str | None, auth: _Auth) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    target = f"graph <{graph}>" if graph else "the default graph"
    detail = " ".join(response.text.split())[:300]
    if status == 401:
        who = f"user {auth.credentials.user!r}" if auth.credentials else "no credentials given"
        asks = response.headers.get("WWW-Authenticate", "").split(" ", 1)[0]
        hint = f"; the server asks for {asks} auth" if asks and auth.scheme not in (None, asks.lower()) else ""
        raise PushError(f"{endpoint}: the server refused the credentials (HTTP 401, {who}{hint}); "
                        "check --user, --auth and the password variable")
    if status == 403:
        raise PushError(f"{endpoint}: the server refused to write {target} (HTTP 403 Forbidden); the user may "
                        f"lack write permission (Virtuoso: GRANT SPARQL_UPDATE TO the user). {detail}")
    raise PushError(f"{endpoint}: writing {target} failed: HTTP {status} {response.reason}. {detail}")


def _reason(exc) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "No route to host", "timed out"):
        if marker in text:
            return marker.lower()
    return text[:200]
