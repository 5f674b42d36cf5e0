"""Minting IRIs: ASCII only, stable across runs, never raw document text.

Keys that may hold Chinese or other text are hashed; keys the project makes itself
(division codes, role ids) are checked to be IRI-safe and used as they are.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

import regex
from rdflib import URIRef

from .namespaces import DEFAULT_BASE

_SAFE = regex.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-/]{0,120}$")


def digest(*parts: str, length: int = 16) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def safe_segment(key: str) -> str:
    """`key` itself when it is plain ASCII, otherwise a hash of it."""
    return key if _SAFE.match(key) and "//" not in key and ".." not in key else "h" + digest(key, length=12)


# A document names the same places, posts, concepts and roles again and again, and so do the
# documents of a corpus: each IRI is minted (checked, hashed if need be, made a term) once.
@lru_cache(maxsize=1 << 16)
def _minted(base: str, kind: str, key: str) -> URIRef:
    return URIRef(f"{base}{kind}/{safe_segment(key)}")


class Iris:
    def __init__(self, base: str = DEFAULT_BASE):
        if not base.isascii() or regex.search(r"[\s<>\"{}|\\^`]", base) or not regex.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", base):
            raise ValueError(f"base IRI {base!r} must be an absolute ASCII IRI without spaces or <>\"{{}}|\\^`")
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _iri(self, kind: str, key: str) -> URIRef:
        return _minted(self.base, kind, key)

    def document(self, doc_id: str) -> URIRef:
        return self._iri("doc", doc_id)

    def person(self, key: str) -> URIRef:
        return URIRef(f"{self.base}person/p{digest(key, length=12)}")

    def post(self, key: str) -> URIRef:
        return self._iri("post", key)

    def organization(self, key: str) -> URIRef:
        return self._iri("org", key)

    def place(self, place_id: str) -> URIRef:
        return self._iri("place", place_id)

    def role(self, role_id: str) -> URIRef:
        return self._iri("role", role_id)

    def observation(self, kind: str, *parts: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{digest(*parts)}")

    def evidence(self, observation: URIRef) -> URIRef:
        return URIRef(f"{observation}-evidence")

    def concept(self, scheme: str, key: str) -> URIRef:
        return self._iri(scheme, key)
