"""The facts of every document of a build, kept beside its outputs so that `build --update`
can add, replace or keep documents without reading the old ones again.

The graph is never patched: people's identities and careers depend on every document, so an
update rebuilds the graph from the cached facts of the documents it keeps plus the facts of the
new ones — the same graph a full build over the same documents gives, byte for byte.

The cache is gzipped JSON, not pickle: loading it builds only dataclasses defined in
cadregraph's own modules, never runs code named by the file. Equal objects (a district, an
organization, repeated in many facts) are stored once and referred to by number. It records a
fingerprint of the code that extracted the facts: facts from other code would not be what a
full build gives, so such a cache is refused rather than silently mixed in.
"""
from __future__ import annotations

import dataclasses
import gzip
import hashlib
import importlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path, PurePath

from cadregraph.documents.model import Document


CACHE_NAME = ".cadregraph-facts.json.gz"
CACHE_FORMAT = 1
# What decides the facts of a document: the reader, the normaliser and the extractors.
FINGERPRINTED = ("cadregraph.documents", "cadregraph.extractors")


class CacheError(ValueError):
    pass


@dataclass
class DocumentFacts:
    document: Document           # without its text (the graph never needs it)
    facts: list = field(default_factory=list)


@dataclass
class FactCache:
    base: str
    fingerprint: str
    entries: dict[str, DocumentFacts] = field(default_factory=dict)   # doc_id -> entry

    def by_hash(self) -> dict[str, str]:
        return {e.document.sha256: doc_id for doc_id, e in sorted(self.entries.items())}


def code_fingerprint() -> str:
    h = hashlib.sha256(f"cache-format-{CACHE_FORMAT}".encode())
    for package in FINGERPRINTED:
        for name, data in sorted(_package_files(resources.files(package), "")):
            h.update(f"{package}/{name}\0".encode("utf-8"))
            h.update(data)
    return h.hexdigest()[:24]


def _package_files(folder, prefix: str):
    for item in folder.iterdir():
        name = prefix + item.name
        if item.is_dir():
            if item.name != "__pycache__":
                yield from _package_files(item, name + "/")
        elif not item.name.endswith((".pyc", ".pyo")):
            yield name, item.read_bytes()


def dump_cache(cache: FactCache) -> bytes:
    """The cache file's bytes (the build writes them with its other outputs, as one set)."""
    encoder = _Encoder()
    # Neither the text nor where the file lay: the same documents give the same cache.
    documents = [{"document": encoder.encode(dataclasses.replace(e.document, text="", path=Path(e.document.name))),
                  "facts": [encoder.encode(f) for f in e.facts]}
                 for _doc_id, e in sorted(cache.entries.items())]
    payload = {"format": CACHE_FORMAT, "fingerprint": cache.fingerprint, "base": cache.base,
               "objects": encoder.objects, "documents": documents}
    text = json.dumps(payload, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    # Level 6: twice as fast as gzip's default 9 for 3% more bytes.
    return gzip.compress(text.encode("ascii"), compresslevel=6, mtime=0)


def load_cache(path: Path) -> FactCache:
    try:
        payload = json.loads(gzip.decompress(path.read_bytes()))
    except FileNotFoundError:
        raise CacheError(f"{path}: no fact cache here; build this folder without --update first") from None
    except (OSError, EOFError, ValueError) as exc:
        raise CacheError(f"{path}: fact cache is damaged ({exc}); rebuild without --update") from None
    if not isinstance(payload, dict) or payload.get("format") != CACHE_FORMAT:
        raise CacheError(f"{path}: fact cache was written by another version of cadregraph; rebuild without --update")
    try:
        decoder = _Decoder(payload["objects"])
        cache = FactCache(payload["base"], payload["fingerprint"])
        for item in payload["documents"]:
            doc = decoder.decode(item["document"])
            if not isinstance(doc, Document):
                raise CacheError(f"{path}: fact cache entry is not a document")
            cache.entries[doc.doc_id] = DocumentFacts(doc, [decoder.decode(f) for f in item["facts"]])
    except CacheError:
        raise
    except (KeyError, TypeError, IndexError, AttributeError, ImportError, ValueError) as exc:
        raise CacheError(f"{path}: fact cache does not match this version of cadregraph ({exc!r}); "
                         "rebuild without --update") from None
    return cache


class _Encoder:
    """Values to JSON. Dataclass instances go into `objects` once per distinct value."""

    def __init__(self) -> None:
        self.objects: list[dict] = []
        self._index: dict[str, int] = {}
        self._by_id: dict[int, tuple[object, dict]] = {}

    def encode(self, value):
        if value is None or isinstance(value, (bool, int, str)):
            return value
        if isinstance(value, float):
            return {"$float": repr(value)}
        if isinstance(value, Decimal):
            return {"$decimal": str(value)}
        if isinstance(value, PurePath):
            return {"$path": str(value)}
        if isinstance(value, tuple):
            return {"$tuple": [self.encode(v) for v in value]}
        if isinstance(value, list):
            return [self.encode(v) for v in value]
        if isinstance(value, frozenset):
            return {"$frozenset": sorted((self.encode(v) for v in value), key=_sort_key)}
        if isinstance(value, dict):
            return {"$dict": [[self.encode(k), self.encode(v)] for k, v in value.items()]}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._object(value)
        raise CacheError(f"cannot cache a value of type {type(value).__name__}")

    def _object(self, value) -> dict:
        seen = self._by_id.get(id(value))
        if seen is not None and seen[0] is value:
            return seen[1]
        cls = type(value)
        entry = {"type": f"{cls.__module__}:{cls.__qualname__}",
                 "fields": {f.name: self.encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}}
        # Keyed by the exact encoding, not by ==: Decimal("7.20") == Decimal("7.2") but is
        # written differently, and True == 1.
        key = json.dumps(entry, sort_keys=True)
        if key not in self._index:
            self._index[key] = len(self.objects)
            self.objects.append(entry)
        ref = {"$ref": self._index[key]}
        self._by_id[id(value)] = (value, ref)
        return ref


def _sort_key(encoded) -> str:
    return json.dumps(encoded, sort_keys=True)


class _Decoder:
    def __init__(self, objects: list[dict]):
        self._objects = objects
        self._built: list = []
        for entry in objects:
            self._built.append(self._build(entry))

    def _build(self, entry: dict):
        cls = _dataclass_named(entry["type"])
        return cls(**{k: self.decode(v) for k, v in entry["fields"].items()})

    def decode(self, value):
        if isinstance(value, list):
            return [self.decode(v) for v in value]
        if not isinstance(value, dict):
            return value
        (tag, inner), = value.items()
        if tag == "$ref":
            if not 0 <= inner < len(self._built):
                raise IndexError(f"object {inner} referred to before it is defined")
            return self._built[inner]
        decoders = {"$float": float, "$decimal": Decimal, "$path": Path,
                    "$tuple": lambda v: tuple(self.decode(x) for x in v),
                    "$frozenset": lambda v: frozenset(self.decode(x) for x in v),
                    "$dict": lambda v: {self.decode(k): self.decode(x) for k, x in v}}
        return decoders[tag](inner)


def _dataclass_named(name: str) -> type:
    module_name, _, qualname = name.partition(":")
    if not module_name.startswith("cadregraph."):
        raise TypeError(f"{name} is not a cadregraph class")
    obj = importlib.import_module(module_name)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    if not (isinstance(obj, type) and dataclasses.is_dataclass(obj)):
        raise TypeError(f"{name} is not a dataclass")
    return obj
