"""`cadregraph serve OUT`: one local web app over a build folder — the view (`view.html` and
its pages), a query page with the named questions as forms, and a SPARQL 1.1 Protocol
endpoint at `/sparql` that any SPARQL client (YASGUI, Jupyter, SPARQLWrapper, curl) can use.

The HTTP layer is the standard library's ThreadingHTTPServer: a local app for one user needs
routing for three kinds of URL, not a framework, and it adds no dependency. Queries run in
worker processes (`query_workers`) so a runaway query can be stopped; the store is only ever
queried, never updated (`sparql_text` refuses updates and federated SERVICE calls before they
are run). Files are served only from the view's part of OUT (`serve_files`). Bound to the
loopback address by default; requests naming another host (DNS rebinding) are refused.
"""
from __future__ import annotations

import errno
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .queries import QueryError
from .query_workers import QueryPool, WorkerError
from .serve_files import content_type, view_file
from .serve_pages import question_text, render_query_page
from .sparql_protocol import MAX_BODY, QueryRequest, parse_form, query_request
from .sparql_text import RefusedQuery, check_query_text

LOOPBACK = ("127.0.0.1", "localhost", "::1")
PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
VIEW_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SERVICE_DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:feature sd:UnionDefaultGraph ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
    formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:RDF_XML, formats:JSON-LD .
"""


class ServeError(RuntimeError):
    pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True


class _Server6(_Server):
    address_family = socket.AF_INET6


class ServeApp:
    """The server over build folder `out`: `bind()`, `start()` (loads the graph in the query
    processes), then `serve_forever()`; `close()` stops everything."""

    def __init__(self, out: Path | str, host: str = "127.0.0.1", port: int = 8000, time_limit: float = 30.0,
                 workers: int = 2, max_rows: int = 1000, allow_origins: tuple[str, ...] = (), quiet: bool = False):
        self.out, self.host, self.port = Path(out), host, port
        self.max_rows, self.allow_origins, self.quiet = max_rows, tuple(allow_origins), quiet
        self.pool = QueryPool(str(self.out), size=workers, time_limit=time_limit)
        self.server: ThreadingHTTPServer | None = None
        self._serving = False

    def bind(self) -> None:
        handler = type("Handler", (ServeHandler,), {"app": self})
        server_class = _Server6 if ":" in self.host else _Server
        try:
            self.server = server_class((self.host, self.port), handler)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(f"port {self.port} on {self.host} is already in use (another 'cadregraph serve'?); "
                                 f"choose another with --port N") from None
            raise ServeError(f"cannot listen on {self.host}:{self.port}: {exc.strerror or exc}") from None
        self.port = self.server.server_address[1]

    def start(self) -> None:
        try:
            self.pool.start()
        except WorkerError as exc:
            self.close()
            raise ServeError(f"cannot load the graph from {self.out}: {exc}") from None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def serve_forever(self) -> None:
        assert self.server is not None
        self._serving = True
        try:
            self.server.serve_forever(poll_interval=0.2)
        finally:
            self._serving = False

    def close(self) -> None:
        if self.server is not None:
            if self._serving:       # shutdown() waits for serve_forever, which must be running
                self.server.shutdown()
            self.server.server_close()
        self.pool.close()

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK or self.host.startswith("127.")

    def host_allowed(self, header: str | None) -> bool:
        """Bound to loopback, only requests for a loopback name: a web page cannot point its own
        domain at 127.0.0.1 (DNS rebinding) and read the graph through the user's browser."""
        if not self.loopback:
            return True
        name = (header or "").strip().lower()
        name = name[1:name.find("]")] if name.startswith("[") and "]" in name else name.split(":", 1)[0]
        return name in LOOPBACK or name == self.host


class ServeHandler(BaseHTTPRequestHandler):
    app: ServeApp
    server_version = "cadregraph"
    protocol_version = "HTTP/1.1"

    # ------------------------------------------------------------ plumbing

    def log_message(self, format, *args):   # noqa: A002 (BaseHTTPRequestHandler's name)
        if not self.app.quiet:
            sys.stderr.write(f"{time.strftime('%H:%M:%S')} {format % args}\n")

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), headers)

    def _body(self) -> bytes | None:
        """The request body, or None after answering why it is not read (the connection is then
        closed: the unread body must not be taken for the next request)."""
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if self.headers.get("Transfer-Encoding") or length < 0 or length > MAX_BODY:
            self.close_connection = True
            self._text(413 if length > MAX_BODY else 411,
                       f"send the request body with a Content-Length of at most {MAX_BODY} bytes", {"Connection": "close"})
            return None
        return self.rfile.read(length)

    def _route(self) -> None:
        if not self.app.host_allowed(self.headers.get("Host")):
            self._text(400, "this server answers only requests for 127.0.0.1 or localhost")
            return
        path, _, url_query = self.path.partition("?")
        if path == "/sparql":
            self._sparql(url_query)
        elif path == "/":
            self._page(url_query)
        elif self.command in ("GET", "HEAD"):
            self._file(path)
        else:
            self._text(405, "only GET here", {"Allow": "GET, HEAD"})

    def do_GET(self):   # noqa: N802 (the standard library's names)
        self._route()

    do_HEAD = do_GET

    def do_POST(self):   # noqa: N802
        self._route()

    def do_OPTIONS(self):   # noqa: N802
        self._send(204, "text/plain", b"", {"Allow": "GET, HEAD, POST, OPTIONS", **self._cors()})

    def _refuse_method(self):
        self._text(405, "this server is read-only: only GET, HEAD and POST (queries) are accepted",
                   {"Allow": "GET, HEAD, POST, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    def _cors(self) -> dict[str, str]:
        origin = self.headers.get("Origin")
        allowed = self.app.allow_origins
        if origin and ("*" in allowed or origin in allowed):
            return {"Access-Control-Allow-Origin": "*" if "*" in allowed else origin, "Vary": "Origin",
                    "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": "Content-Type, Accept"}
        return {}

    # ------------------------------------------------------------ the three kinds of URL

    def _file(self, path: str) -> None:
        target = view_file(self.app.out, path)
        if target is None:
            self._text(404, f"not found: {path} (this server shows the view: /view.html, and the query page: /)")
            return
        self._send(200, content_type(target), target.read_bytes(),
                   {"Cache-Control": "no-cache", "Content-Security-Policy": VIEW_CSP})

    def _sparql(self, url_query: str) -> None:
        body = b""
        if self.command == "POST":
            body = self._body()
            if body is None:
                return
        accept = self.headers.get("Accept", "")
        try:
            request = query_request(self.command, url_query, self.headers.get("Content-Type", ""), body, accept)
        except RefusedQuery as exc:
            if exc.status == 400 and self.command in ("GET", "HEAD") and not url_query:
                self._describe_service(accept)
                return
            self._text(exc.status, str(exc), self._cors())
            return
        answer = self.app.pool.run(self._job(request))
        if answer["status"] != 200:
            self._text(answer["status"], answer["message"], self._cors())
            return
        headers = {"Cache-Control": "no-store", **self._cors()}
        if request.download:
            suffix = {"text/csv": "csv", "text/tab-separated-values": "tsv", "text/turtle": "ttl",
                      "application/n-triples": "nt"}.get(answer["type"].split(";")[0], "json")
            headers["Content-Disposition"] = f'attachment; filename="cadregraph-result.{suffix}"'
        self._send(200, answer["type"], answer["body"], headers)

    @staticmethod
    def _job(request: QueryRequest) -> dict:
        return {"query": request.query, "default_graphs": request.default_graphs, "named_graphs": request.named_graphs,
                "mode": "protocol", "accept": request.accept, "format": request.format}

    def _describe_service(self, accept: str) -> None:
        if "text/html" in accept:
            self._send(303, "text/plain; charset=utf-8", b"see /\n", {"Location": "/"})
            return
        endpoint = f"{self.app.url}sparql"
        self._send(200, "text/turtle; charset=utf-8", SERVICE_DESCRIPTION.format(endpoint=endpoint).encode("utf-8"),
                   self._cors())

    def _page(self, url_query: str) -> None:
        params = parse_form(url_query)
        if self.command == "POST":
            body = self._body()
            if body is None:
                return
            try:
                params.update(parse_form(body.decode("ascii")))
            except (UnicodeDecodeError, RefusedQuery):
                self._html(400, render_query_page(query_text="", error="the form could not be read (not URL-encoded)"))
                return
        first = {k: v[0] for k, v in params.items() if v}
        chosen = first.pop("question", "")
        text, status, error, table = first.get("query", ""), 200, "", None
        try:
            if chosen:
                chosen, text = question_text(chosen, first)
            if text.strip():
                check_query_text(text)
                answer = self.app.pool.run({"query": text, "mode": "table", "limit": self.app.max_rows})
                status = answer["status"]
                if status == 200:
                    table = answer
                else:
                    error = answer["message"]
        except (QueryError, RefusedQuery) as exc:
            status, error = getattr(exc, "status", 400), str(exc)
        self._html(status, render_query_page(query_text=text, chosen=chosen, values=first, table=table, error=error,
                                             max_rows=self.app.max_rows, endpoint="/sparql"))

    def _html(self, status: int, html: str) -> None:
        self._send(status, "text/html; charset=utf-8", html.encode("utf-8"),
                   {"Cache-Control": "no-store", "Content-Security-Policy": PAGE_CSP})


def serve(out: Path | str, host: str = "127.0.0.1", port: int = 8000, time_limit: float = 30.0, workers: int = 2,
          max_rows: int = 1000, allow_origins: tuple[str, ...] = (), echo=print) -> None:
    """Run the server until interrupted (Ctrl+C)."""
    app = ServeApp(out, host, port, time_limit, workers, max_rows, allow_origins)
    app.bind()
    echo(f"Loading the graph of {out} …")
    app.start()
    if not app.loopback:
        echo(f"warning: listening on {host}, not the loopback address: other machines can read this graph")
    echo(f"Serving {out} at {app.url}  (view: {app.url}view.html · SPARQL endpoint: {app.url}sparql) — Ctrl+C stops")
    try:
        app.serve_forever()
    except KeyboardInterrupt:
        echo("stopped")
    finally:
        app.close()
