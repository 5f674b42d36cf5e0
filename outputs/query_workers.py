"""SPARQL queries for `cadregraph serve`, each run in a worker process that can be killed.

Oxigraph has no time limit for a query and its evaluation cannot be interrupted from Python, so
a runaway query (a cross product of the whole graph) would hold a thread and a core for good.
Each query goes to one of a few worker processes instead; when its answer is not back within
the time limit the worker is killed (SIGKILL: nothing to clean up, the store is opened
read-only or held in memory) and a fresh one is started in the background. Workers are started
with "spawn", never fork: the server has threads, and a forked copy of a threaded process can
deadlock. Each worker gets its store from `queries.load_store(path)` (the graph loaded into
memory, or an on-disk store opened read-only) once, when it starts.
"""
from __future__ import annotations

import multiprocessing
import sys
import threading
import time

import pyoxigraph as ox

from .sparql_protocol import QueryRequest, choose_type

RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML, "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES, "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


# ---------------------------------------------------------------- inside a worker process

def _worker_main(conn, store_path: str) -> None:
    from cadregraph.graph.namespaces import PREFIXES

    from .queries import load_store

    try:
        store = load_store(store_path)
    except (ValueError, OSError) as exc:   # a graph that cannot be read: said as it is
        conn.send(("failed", str(exc)))
        return
    except Exception as exc:   # anything else: reported to the server, which shows it and stops
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    prefixes = {k: str(v) for k, v in PREFIXES.items()}
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):   # the server has gone
            return
        conn.send(evaluate(store, job, prefixes))


def evaluate(store: ox.Store, job: dict, prefixes: dict[str, str] | None = None) -> dict:
    """Run one job: {"query", "default_graphs", "named_graphs", "mode": "protocol" | "table",
    protocol: "accept", "format"; table: "limit"}. Returns {"status", and "type" + "body" or
    "message", or the table}."""
    dataset: dict = {"use_default_graph_as_union": True}
    if job.get("default_graphs"):
        dataset = {"default_graph": [ox.NamedNode(g) for g in job["default_graphs"]]}
    if job.get("named_graphs"):
        dataset["named_graphs"] = [ox.NamedNode(g) for g in job["named_graphs"]]
    try:
        result = store.query(job["query"], prefixes=prefixes or {}, **dataset)
        kind = ("boolean" if isinstance(result, ox.QueryBoolean) else
                "triples" if isinstance(result, ox.QueryTriples) else "solutions")
        if job.get("mode") == "table":
            return _table(result, kind, int(job.get("limit", 1000)))
        request = QueryRequest(job["query"], accept=job.get("accept", ""), format=job.get("format", ""))
        mime = choose_type(request, kind)
        if mime is None:
            offers = "text/turtle, application/n-triples, application/rdf+xml, application/ld+json" if kind == "triples" \
                else "application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values"
            return {"status": 406, "message": f"cannot answer this {kind} result as {request.format or request.accept!r}; "
                                              f"accepted types: {offers}"}
        formats = GRAPH_FORMATS if kind == "triples" else RESULT_FORMATS
        body = result.serialize(format=formats[mime])
    except SyntaxError as exc:
        return {"status": 400, "message": f"the query is not valid SPARQL 1.1: {exc}"}
    except (ValueError, TypeError) as exc:
        return {"status": 400, "message": f"the query cannot be run: {exc}"}
    except OSError as exc:
        return {"status": 500, "message": f"the store could not be read: {exc}"}
    charset = "; charset=utf-8" if mime.startswith("text/") else ""
    return {"status": 200, "type": mime + charset, "body": body, "kind": kind}


def _cell(term) -> list | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ["uri", term.value]
    if isinstance(term, ox.BlankNode):
        return ["bnode", term.value]
    if isinstance(term, ox.Literal):
        extra = term.language or ("" if term.datatype.value == XSD_STRING else term.datatype.value)
        return ["literal", term.value, extra]
    return ["triple", str(term)]


def _table(result, kind: str, limit: int) -> dict:
    if kind == "boolean":
        return {"status": 200, "kind": kind, "boolean": bool(result), "columns": [], "rows": [], "truncated": False}
    if kind == "triples":
        columns = ["subject", "predicate", "object"]
        cells = ([t.subject, t.predicate, t.object] for t in result)
    else:
        columns = [v.value for v in result.variables]
        cells = ([s[c] for c in columns] for s in result)
    rows, truncated = [], False
    for values in cells:
        if len(rows) == limit:
            truncated = True
            break
        rows.append([_cell(v) for v in values])
    return {"status": 200, "kind": kind, "columns": columns, "rows": rows, "truncated": truncated}


# ---------------------------------------------------------------- in the server

class WorkerError(RuntimeError):
    pass


class _Worker:
    def __init__(self, ctx, store_path: str):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, store_path), daemon=True,
                                   name="cadregraph-query")
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        try:
            status, message = self.conn.recv()
        except (EOFError, OSError):
            raise WorkerError(f"the query process stopped while loading the graph (exit code {self.process.exitcode})") \
                from None
        if status != "ready":
            raise WorkerError(message)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """`size` worker processes over the store at `store_path`; `run(job)` answers within about
    `time_limit` seconds or stops the query."""

    def __init__(self, store_path: str, size: int = 2, time_limit: float = 30.0):
        self.store_path, self.size, self.time_limit = str(store_path), max(1, size), time_limit
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._cond = threading.Condition()
        self._closed = False

    def start(self) -> None:
        """Start the workers; return when the first has loaded the graph (WorkerError if it
        could not), the others load on in the background."""
        first = self._new_worker()
        try:
            first.wait_ready()
        except WorkerError:
            self.close()
            raise
        self._give(first)
        for _ in range(self.size - 1):
            self._replace()

    def _new_worker(self) -> _Worker:
        worker = _Worker(self._ctx, self.store_path)
        with self._cond:
            self._all.add(worker)
        return worker

    def _replace(self) -> None:
        """Start a worker in the background; it joins the idle ones once its graph is loaded."""
        def load():
            worker = self._new_worker()
            try:
                worker.wait_ready()
            except WorkerError as exc:
                print(f"cadregraph serve: a query process could not start: {exc}", file=sys.stderr)
                self._discard(worker)
                return
            self._give(worker)
        threading.Thread(target=load, name="cadregraph-query-start", daemon=True).start()

    def _give(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed:
                worker.kill()
                return
            self._idle.append(worker)
            self._cond.notify()

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._cond:
            self._all.discard(worker)

    def _take(self) -> _Worker | None:
        deadline = time.monotonic() + self.time_limit
        with self._cond:
            while not self._idle and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)
            return self._idle.pop() if self._idle else None

    def run(self, job: dict) -> dict:
        worker = self._take()
        if worker is None:
            return {"status": 503, "message": f"all {self.size} query processes are busy; try again in a moment"}
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.time_limit):
                answer = worker.conn.recv()
                self._give(worker)
                return answer
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._discard(worker)
            self._replace()
            return {"status": 500, "message": f"the query process stopped ({type(exc).__name__}); it has been restarted"}
        self._discard(worker)
        self._replace()
        return {"status": 503, "message": f"the query was stopped after {self.time_limit:g} s, the time limit "
                                          f"(cadregraph serve --timeout SECONDS)"}

    def close(self) -> None:
        with self._cond:
            self._closed = True
            workers, self._idle = list(self._all), []
            self._cond.notify_all()
        for worker in workers:
            worker.kill()
