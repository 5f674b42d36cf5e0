"""What extractors emit: plain, hashable facts, each with the evidence it rests on.

Facts know nothing of RDF; the graph layer maps them to triples. Every fact carries the rule
that produced it and the span of its evidence in the *original* text of its document.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def ascii_key(text: str, length: int = 12) -> str:
    """A short, stable ASCII key for Chinese text, for IRIs (never the raw text itself)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    start: int
    end: int
    quote: str
    rule: str


@dataclass(frozen=True)
class Place:
    id: str
    code: str
    name: str
    kind: str
    short_names: tuple[str, ...] = ()
    name_en: str = ""
    parent: str = ""


@dataclass(frozen=True)
class Organization:
    key: str                      # ASCII, stable
    label: str                    # zh, canonical
    kind: str
    place: Place | None = None
    parent: "Organization | None" = None
    label_en: str = ""


@dataclass(frozen=True)
class Post:
    org: Organization
    role: str                     # role label as officials write it: 书记, 区长, 党组书记 …
    role_id: str                  # ASCII
    label: str                    # canonical zh label: 彭水苗族土家族自治县委书记

    @property
    def key(self) -> str:
        return f"{self.org.key}/{self.role_id}"

    @property
    def district(self) -> Place | None:
        org = self.org
        while org is not None:
            if org.place is not None and org.place.kind != "municipality":
                return org.place
            org = org.parent
        return None


@dataclass(frozen=True)
class Holding:
    """An official observed holding (or taking up, leaving, being proposed for) a post."""

    person: str
    post: Post
    post_as_written: str
    evidence: Evidence
    status: str = "holds"        # holds | takes-up | leaves | proposed | held (before the document's date)
    concurrent: bool = False
    date: str | None = None      # a date stated in the sentence itself (biographies)
    person_as_written: str = ""  # the name as the document writes it, when not `person` (李 亮, 羅楠)


@dataclass(frozen=True)
class Section:
    """A stretch of the normalised text that belongs to one speaker or one place."""

    start: int
    end: int
    unit: Place | Organization | None
    speaker: str | None = None
    speaker_line: tuple[int, int] | None = None   # normalised span
    layout: str | None = None                      # before_body | after_body | place_header
    title: str = ""


@dataclass
class PreparedDocument:
    """A document with its normalised text and sections, as extractors receive it."""

    doc: object                  # documents.Document
    norm: object                 # documents.normalize.NormText
    sections: list[Section] = field(default_factory=list)
    city: Place | None = None

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        o_start, o_end = self.norm.span(start, end)
        return Evidence(self.doc.doc_id, o_start, o_end, self.doc.text[o_start:o_end], rule)

    def section_at(self, pos: int) -> Section | None:
        for section in self.sections:
            if section.start <= pos < section.end:
                return section
        return None
