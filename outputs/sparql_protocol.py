"""The SPARQL 1.1 Protocol's query operation (https://www.w3.org/TR/sparql11-protocol/): what a
request asks (the query, its dataset, the media types it accepts) and which format answers it.

Three ways to send a query: `GET /sparql?query=…`, `POST` with an
`application/x-www-form-urlencoded` body `query=…`, and `POST` with an
`application/sparql-query` body; `default-graph-uri` and `named-graph-uri` may be repeated.
The update operation (`update=…`, `application/sparql-update`) is refused: this endpoint is
read-only. The result format follows the Accept header (q-values and wildcards), or the
non-standard `format=` parameter (json, xml, csv, tsv; turtle, ntriples, rdfxml, jsonld) that
download links use, as Fuseki's `format` does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

from .sparql_text import READ_ONLY, RefusedQuery, check_query_text

# Offered media types, in order of preference when the client accepts several equally.
RESULT_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values", "application/json", "application/xml")
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json",
               "text/plain")
FORMAT_NAMES = {
    "json": "application/sparql-results+json", "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml", "srx": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "turtle": "text/turtle", "ttl": "text/turtle", "ntriples": "application/n-triples",
    "nt": "application/n-triples", "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json",
}
MAX_BODY = 1 << 20   # bytes of a POST body: a query, not a data upload


@dataclass
class QueryRequest:
    query: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    accept: str = ""
    format: str = ""          # a FORMAT_NAMES key, overriding Accept
    download: bool = False    # answer as an attachment (the page's download buttons)


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise RefusedQuery(f"the '{name}' parameter is given {len(values)} times; give it once", 400)
    return values[0] if values else None


def parse_form(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, strict_parsing=False, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise RefusedQuery("the request's parameters are not UTF-8", 400) from None


def query_request(method: str, url_query: str, content_type: str, body: bytes, accept: str) -> QueryRequest:
    """The query a GET or POST to /sparql carries; RefusedQuery (with its HTTP status) when it
    carries none, an update, or something this endpoint does not take."""
    params = parse_form(url_query)
    mime = content_type.split(";", 1)[0].strip().lower()
    if method == "POST" and mime == "application/sparql-update":
        raise RefusedQuery(READ_ONLY, 403)
    if method == "POST" and mime == "application/sparql-query":
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise RefusedQuery("the query is not UTF-8", 400) from None
        if "query" in params:
            raise RefusedQuery("a query in the body and another in the URL: give one", 400)
    elif method == "POST" and mime == "application/x-www-form-urlencoded":
        try:
            form = parse_form(body.decode("ascii"))
        except UnicodeDecodeError:
            raise RefusedQuery("a form body must be URL-encoded ASCII", 400) from None
        for name, values in form.items():
            params.setdefault(name, []).extend(values)
        text = None
    elif method == "POST":
        raise RefusedQuery(f"POST a query as application/x-www-form-urlencoded (query=…) or "
                           f"application/sparql-query, not {mime or 'no content type'}", 415)
    else:
        text = None
    if "update" in params:
        raise RefusedQuery(READ_ONLY, 403)
    if text is None:
        text = _one(params, "query")
    if text is None or not text.strip():
        raise RefusedQuery("no query: send query=… (SPARQL 1.1 Protocol)", 400)
    check_query_text(text)
    fmt = (_one(params, "format") or "").lower()
    if fmt and fmt not in FORMAT_NAMES:
        raise RefusedQuery(f"unknown format {fmt!r}; choose from {', '.join(sorted(FORMAT_NAMES))}", 400)
    return QueryRequest(text, params.get("default-graph-uri", []), params.get("named-graph-uri", []),
                        accept, fmt, _one(params, "download") in ("1", "true"))


def _ranges(accept: str) -> list[tuple[str, float]]:
    out = []
    for part in accept.split(","):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        q = 1.0
        for p in pieces[1:]:
            name, _, value = p.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        out.append((pieces[0].lower(), q))
    return out


def _match_q(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q-value the most specific matching range gives `offer` (-1 when none matches)."""
    best, best_specificity = -1.0, -1
    major = offer.split("/")[0]
    for media, q in ranges:
        specificity = 2 if media == offer else 1 if media == major + "/*" else 0 if media == "*/*" else -1
        if specificity > best_specificity:
            best, best_specificity = q, specificity
    return best


def negotiate(accept: str, offers: tuple[str, ...]) -> str | None:
    """The offer the Accept header prefers (the first offer without a header); None when the
    client accepts none of them."""
    ranges = _ranges(accept)
    if not ranges:
        return offers[0]
    scored = [(_match_q(o, ranges), -i, o) for i, o in enumerate(offers)]
    q, _, offer = max(scored)
    return offer if q > 0 else None


def choose_type(request: QueryRequest, kind: str) -> str | None:
    """The media type to answer with for a result of `kind` ('solutions', 'boolean' or
    'triples'); None when nothing the client accepts fits (HTTP 406)."""
    offers = GRAPH_TYPES if kind == "triples" else RESULT_TYPES
    if request.format:
        wanted = FORMAT_NAMES[request.format]
        return wanted if wanted in offers else None
    return negotiate(request.accept, offers)
