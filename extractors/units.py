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
5. Outside every section (table of contents, core hint, photo captions): the one district the
   sentence names, or the one named by a label line ending in '：' just above it; else the
   document itself.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

import regex

from .facts import Organization, Place, PreparedDocument
from .gazetteer import gazetteer
from .lexicon import alternation, words
from .sections import unit_forms

MIN_REPEATED_PARAGRAPH = 20        # shorter repeats are set phrases, not pasted passages
CLAUSE_REACH = 40                  # characters an evidence clause reaches either side of a span
_CLAUSE_END = "，,。；;：:！？!?\n"
_SENTENCE_END = "。！？!?；;\n"
_FULL_STOP = "。！？!?\n"               # a group's subject carries over a semicolon
_CLAUSE_START = "，,：:"
_QUOTED = regex.compile(r"“[^“”\n]*”|‘[^‘’\n]*’|「[^「」\n]*」|《[^《》\n]*》")

Unit = Place | Organization | None
# Places that are not a reporting unit of their own: a document's city or province.
_NOT_UNITS = ("municipality", "province", "autonomous_region", "sar", "prefecture_city", "prefecture",
              "autonomous_prefecture", "league")


@lru_cache(maxsize=1)
def _area_groups() -> regex.Pattern:
    return regex.compile(alternation(words("area_groups.txt")))


class UnitResolver:
    def __init__(self, doc: PreparedDocument):
        self.doc = doc
        self.text = doc.norm.text
        self._para_starts, self._para_ends = self._paragraphs()
        self._first_at = self._first_occurrences()
        self._document_lines = self._headline_spans()

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
        start = pos
        while start > 0 and self.text[start - 1] not in ends:
            start -= 1
        end = pos
        while end < len(self.text) and self.text[end] not in ends:
            end += 1
        return start, end

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
        if not places:
            p_start, _ = self.paragraph(pos)
            if p_start > 0:
                ls, le = self.paragraph(p_start - 1)
                if self.text[ls:le].rstrip().endswith(("：", ":")):
                    places = self.places_in(ls, le)
        return places[0] if len(places) == 1 else None

    def places_in(self, start: int, end: int) -> list[Place]:
        """Distinct districts named in text[start:end] (not cities or provinces), in order."""
        gaz = gazetteer()
        home = set(gaz.places)
        out: list[Place] = []
        for s, e, _found in gaz.find_all(self.text[start:end]):
            form = self.text[start + s:start + e]
            place = self._resolve(form)
            if place is None or place.kind in _NOT_UNITS or place in out:
                continue
            # A two-character short form of a county far away is more often an ordinary word
            # (前进, 通道) than the county; take it only for the home corpus's districts.
            if form == place.name or len(form) >= 3 or place in home:
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
