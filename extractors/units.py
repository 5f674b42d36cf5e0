"""Whose sentence is it? The unit (district or department) a quoted slogan or a named project
belongs to, decided for a position in the normalised text.

In order:
1. A paragraph that repeats, word for word, a paragraph earlier in the document (a garbled
   page that pastes another district's text into the wrong section) belongs to the unit of
   its first occurrence.
2. The document's own headline (the line above a "——" subtitle) and its subtitle belong to
   the document, wherever the layout put them.
3. A sentence whose clause starts with a group of districts ("渝西八区…") speaks for the group:
   it belongs to the document unless it also names the section's own unit.
4. Inside a section: the section's unit, in either layout.
5. Outside every section (table of contents, core hint, photo captions): the district that
   opens the sentence as its subject, or the one district the sentence names, or the one named
   by a label line ending in '：' just above it; else the document itself (`document_unit`).

A place is never read out of a longer word: 范县 in 示范县, 理县 in 管理县, 渝中 in 成渝中线
(`cut_from_word`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

import regex

from .facts import Organization, Place, PreparedDocument
from .gazetteer import gazetteer
from .lexicon import alternation, words
from .sections import unit_forms

MIN_REPEATED_PARAGRAPH = 20        # shorter repeats are set phrases, not pasted passages
CLAUSE_REACH = 40                  # characters an evidence clause reaches either side of a span
SUBJECT_REACH = 16                 # the longest district name, with its prefecture
_LEAD_PHRASE = regex.compile(r"[^，,。；;：:！？!?\n]{1,12}[，,]")
_HAN = regex.compile(r"\p{Han}")
_COUNTY_KINDS = ("district", "county", "autonomous_county", "banner", "autonomous_banner", "county_city")
_SPEAKING_AS = r"(?:全|我|本){level}|{level}(?:委|政府|人民政府|人大|政协|纪委|监委|融媒体中心)"
_BULLETS = " \t\u3000●○■□◆◇▲△·•#＃*-—"
_CLAUSE_END = "，,。；;：:！？!?\n"
_SENTENCE_END = "。！？!?；;\n"
_FULL_STOP = "。！？!?\n"               # a group's subject carries over a semicolon
_CLAUSE_START = "，,：:"
_QUOTED = regex.compile(r"“[^“”\n]*”|‘[^‘’\n]*’|「[^「」\n]*」|《[^《》\n]*》")


@lru_cache(maxsize=None)
def _marks_of(ends: str) -> regex.Pattern:
    """Any one of the characters of `ends`: found by the engine, not a Python step per character."""
    return regex.compile("[" + regex.escape(ends, special_only=False) + "]")


Unit = Place | Organization | None
# Places that are not a reporting unit of their own: a document's city or province.
_NOT_UNITS = ("municipality", "province", "autonomous_region", "sar", "prefecture_city", "prefecture",
              "autonomous_prefecture", "league")


@lru_cache(maxsize=1)
def _area_groups() -> regex.Pattern:
    return regex.compile(alternation(words("area_groups.txt")))


@lru_cache(maxsize=1)
def _boundary_words() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(words("place_lead_words.txt")), frozenset(words("place_abbreviations.txt"))


def document_unit(doc: PreparedDocument) -> Place | None:
    """The document's own place, the user of what it says in its own voice (headline,
    introduction, a report with no sections): PlaceContext.own (own_place.py: masthead, source
    host, title, opening, the county a page speaking as one names, the place named most). A
    page naming no place, from no known site, has none (it is not guessed to be the home city's)."""
    places = getattr(doc, "places", None)
    if places is None:
        return doc.city
    return places.own


def cut_from_word(text: str, start: int, end: int, place: Place) -> bool:
    """A two-character place form read inside a longer word: a full name of one character and
    a level (范县 in 示范县, 理县 in 管理县) after a character that is not a preposition or a
    particle, or a short form whose first character closes a pair of abbreviations (渝中 in
    成渝中线). A division enclosing the place written right before keeps it (濮阳市范县)."""
    if end - start != 2 or start == 0 or not _HAN.match(text[start - 1]):
        return False
    leads, abbreviations = _boundary_words()
    form, before = text[start:end], text[start - 1]
    if form == place.name:
        if before in leads:
            return False
        gaz = gazetteer()
        enclosing = [f for a in gaz.ancestors(place) for f in (a.name, *a.short_names) if f]
        return not any(text.endswith(f, 0, start) for f in enclosing)
    return before in abbreviations and form[0] in abbreviations


class UnitResolver:
    def __init__(self, doc: PreparedDocument):
        self.doc = doc
        self.text = doc.norm.text
        self._para_starts, self._para_ends = self._paragraphs()
        self._first_at = self._first_occurrences()
        self._document_lines = self._headline_spans()
        self._own: list[Place | None] = []
        self._marks: dict[str, list[int]] = {}   # sentence-end marks → their positions

    def document_unit(self) -> Place | None:
        """`document_unit(doc)`, worked out once per document."""
        if not self._own:
            self._own.append(document_unit(self.doc))
        return self._own[0]

    def _paragraphs(self) -> tuple[list[int], list[int]]:
        starts, ends, pos = [], [], 0
        for part in self.text.split("\n"):
            starts.append(pos)
            ends.append(pos + len(part))
            pos += len(part) + 1
        return starts, ends

    def _first_occurrences(self) -> dict[int, int]:
        """Paragraph index → start of the first identical paragraph, for repeated paragraphs."""
        seen: dict[str, int] = {}
        out: dict[int, int] = {}
        for i, (s, e) in enumerate(zip(self._para_starts, self._para_ends)):
            para = self.text[s:e].strip()
            if len(para) < MIN_REPEATED_PARAGRAPH:
                continue
            if para in seen:
                out[i] = seen[para]
            else:
                seen[para] = s
        return out

    def _headline_spans(self) -> list[tuple[int, int]]:
        spans = []
        for i, (s, e) in enumerate(zip(self._para_starts, self._para_ends)):
            if self.text.startswith("——", s) and i > 0:
                spans.append((self._para_starts[i - 1], e))
        return spans

    def paragraph(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(self._para_starts, pos) - 1)
        return self._para_starts[i], self._para_ends[i]

    def sentence(self, pos: int, ends: str = _SENTENCE_END) -> tuple[int, int]:
        # the marks' positions found once per text and bisected, not a step per character back
        # and forth: this runs for every slogan and project
        marks = self._marks.get(ends)
        if marks is None:
            marks = self._marks[ends] = [m.start() for m in _marks_of(ends).finditer(self.text)]
        i = bisect_left(marks, pos)
        return (marks[i - 1] + 1 if i else 0), (marks[i] if i < len(marks) else len(self.text))

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around text[start:end] (to the nearest comma or stop either side, at most
        CLAUSE_REACH characters away): the evidence a reader needs to see the span in context."""
        s = start
        while s > 0 and start - s < CLAUSE_REACH and self.text[s - 1] not in _CLAUSE_END:
            s -= 1
        e = end
        while e < len(self.text) and e - end < CLAUSE_REACH and self.text[e] not in _CLAUSE_END:
            e += 1
        return s, e

    def unit_at(self, pos: int, groups: bool = True) -> tuple[Unit, str]:
        """The unit for the text at `pos`, and the rule that decided it. `groups=False` skips
        rule 3 (a project stays in its section's district even if a group is the subject)."""
        i = max(0, bisect_right(self._para_starts, pos) - 1)
        if i in self._first_at:
            first = self.doc.section_at(self._first_at[i])
            if first is not None and first.unit is not None:
                return first.unit, "repeated-passage"
        if any(s <= pos < e for s, e in self._document_lines):
            return None, "document"
        section = self.doc.section_at(pos)
        own = section.unit if section is not None else None
        if groups and self._group_subject(pos, own):
            return None, "area-group"
        if own is not None:
            return own, "section"
        place = self._named_place(pos)
        return (place, "sentence") if place is not None else (None, "document")

    def _group_subject(self, pos: int, own: Unit) -> bool:
        s, e = self.sentence(pos, _FULL_STOP)
        sentence = _QUOTED.sub(lambda m: "＿" * len(m.group()), self.text[s:e])
        for m in _area_groups().finditer(sentence):
            if m.start() == 0 or sentence[m.start() - 1] in _CLAUSE_START:
                forms = unit_forms(own, self.doc.city)
                return not any(f in sentence for f in forms)
        return False

    def _named_place(self, pos: int) -> Place | None:
        s, e = self.sentence(pos)
        places = self.places_in(s, e)
        if len(places) > 1:
            return self._subject(s, e)
        if not places:
            p_start, _ = self.paragraph(pos)
            if p_start > 0:
                ls, le = self.paragraph(p_start - 1)
                if self.text[ls:le].rstrip().endswith(("：", ":")):
                    places = self.places_in(ls, le)
        return places[0] if len(places) == 1 else None

    def _subject(self, s: int, e: int) -> Place | None:
        """The district that opens the sentence, directly or after a short phrase of time or
        manner ("今年以来，五华区…"): the sentence is its own, whatever else it names."""
        lead = _LEAD_PHRASE.match(self.text, s, e)
        for at in dict.fromkeys((s, lead.end() if lead else s)):
            while at < e and self.text[at] in _BULLETS:
                at += 1
            first = self.places_in(at, min(e, at + SUBJECT_REACH))[:1]
            if first and any(self.text.startswith(f, at) for f in (first[0].name, *first[0].short_names) if f):
                return first[0]
        return None

    def places_in(self, start: int, end: int) -> list[Place]:
        """Distinct districts named in text[start:end] (not cities or provinces), in order."""
        gaz = gazetteer()
        home = _home_ids()
        out: list[Place] = []
        for s, e, _found in gaz.find_all(self.text[start:end]):
            form = self.text[start + s:start + e]
            place = self._resolve(form)
            if place is None or place.kind in _NOT_UNITS or place in out \
                    or cut_from_word(self.text, start + s, start + e, place):
                continue
            # A two-character short form of a county far away is more often an ordinary word
            # (前进, 通道) than the county; take it only for the home corpus's districts.
            if form == place.name or len(form) >= 3 or place.id in home:
                out.append(place)
        return out

    def _resolve(self, form: str) -> Place | None:
        """The place a written form names, using the places the document is about when the
        form alone is ambiguous (several counties share a name)."""
        gaz = gazetteer()
        context = getattr(getattr(self.doc, "places", None), "named", None)
        if context is None and self.doc.city is not None:
            context = frozenset({self.doc.city.id})
        if hasattr(gaz, "resolve"):
            return gaz.resolve(form, context=context or ())
        return gaz.lookup(form)


@lru_cache(maxsize=1)
def _home_ids() -> frozenset[str]:
    return frozenset(p.id for p in gazetteer().places)
