"""What a SPARQL request is, read from its text without running it: a query or an update, and
whether it asks for a federated SERVICE.

Oxigraph answers `SERVICE <http://…>` by sending the inner pattern to that address over HTTP:
a query typed into `cadregraph serve` or `cadregraph query` would reach the network (or another
server on this machine). cadregraph never goes on the network at run time, so such queries are
refused before they are run. Updates are refused because `serve` is read-only; Oxigraph's query
parser would reject them too, but with a parser message ("expected CONSTRUCT") that does not
tell the user why.

The text is scanned with comments, string literals and IRIs blanked out, so a keyword inside a
quote (a slogan "…SERVICE…"), an IRI or a comment is not taken for the keyword itself, and
neither is a variable (?service) or a prefixed name (ex:Service, service:x).
"""
from __future__ import annotations

import re

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_LONG_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'', re.S)
_SHORT_STRING = re.compile(r'"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'')
_COMMENT = re.compile(r"#[^\n\r]*")
# A keyword stands alone: not part of a name, a variable (?x $x) or a prefixed name (p:x, x:p).
_KEYWORD = r"(?<![\w:?$]){}(?![\w:])"
_FIRST_OPERATION = re.compile(_KEYWORD.format(
    r"(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)"), re.I)
_SERVICE = re.compile(_KEYWORD.format("SERVICE"), re.I)
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


def blank_out_literals(text: str) -> str:
    """The text with comments, strings and IRIs replaced by spaces (same length), so only
    SPARQL's own keywords, names and punctuation are left to look at."""
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        m = None
        if ch == "#":
            m = _COMMENT.match(text, i)
        elif ch in "\"'":
            m = _LONG_STRING.match(text, i) or _SHORT_STRING.match(text, i)
        elif ch == "<":
            m = _IRI.match(text, i)
        if m is None:
            out.append(ch)
            i += 1
        else:
            out.append(" " * (m.end() - i))
            i = m.end()
    return "".join(out)


def operation_keyword(text: str) -> str | None:
    """The keyword that starts the request's first operation (SELECT, ASK, CONSTRUCT, DESCRIBE,
    or an update's INSERT, DELETE, LOAD …), upper-cased; None when there is none."""
    m = _FIRST_OPERATION.search(blank_out_literals(text))
    return m.group(1).upper() if m else None


def is_update(text: str) -> bool:
    return operation_keyword(text) in UPDATE_KEYWORDS


def uses_service(text: str) -> bool:
    return _SERVICE.search(blank_out_literals(text)) is not None


class RefusedQuery(ValueError):
    """A request cadregraph will not run; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


READ_ONLY = ("this SPARQL endpoint is read-only: updates (INSERT, DELETE, LOAD, CLEAR, DROP …) are refused; "
             "rebuild the graph with 'cadregraph build' to change it")
NO_SERVICE = ("SERVICE (federated query) is turned off: cadregraph never sends queries to other servers; "
              "load the other data into the graph instead")


def check_query_text(text: str) -> None:
    """Raise RefusedQuery for an update (403) or a federated query (400)."""
    if is_update(text):
        raise RefusedQuery(READ_ONLY, 403)
    if uses_service(text):
        raise RefusedQuery(NO_SERVICE, 400)
