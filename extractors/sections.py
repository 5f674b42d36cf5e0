"""Split a document into sections, one per speaker or per place, in either layout.

Most documents put the speaker line ("璧山区委书记、区长 江志斌") before the section body; the
newspaper-column layout puts it after (body, headline, speaker). Which one a document uses is
decided by where each speaker's own unit is mentioned: in the text after its speaker line, or
in the text before it. Documents without speakers are split at lines that are a bare place
name ("潼南"). Table-of-contents entries are speaker-shaped but never open a section.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from cadregraph.documents.normalize import Line, NormText
from .context import PlaceContext
from .facts import Organization, Place, Post, Section
from .gazetteer import gazetteer

_TOC_NUMBER = regex.compile(r"^\d{1,2}[.、]")
_PUNCT = regex.compile(r"[，,。；;：:！？!?]")
_META_LINES = ("核心提示", "目录", "核心", "提示", "编者按")


@dataclass
class _Marker:
    index: int            # line index
    kind: str             # speaker | place_header
    unit: Place | Organization | None
    speaker: str | None = None


def unit_of(posts: list[Post]) -> Place | Organization | None:
    """The unit a speaker speaks for: the first district among the posts, else the body."""
    for post in posts:
        if post.district is not None:
            return post.district
    for post in posts:
        org = post.org.parent or post.org
        if org.kind == "department":
            return org
    return posts[0].org if posts else None


def unit_forms(unit: Place | Organization | None, city: Place | None) -> list[str]:
    if isinstance(unit, Place):
        return [unit.name, *unit.short_names]
    if isinstance(unit, Organization):
        label = unit.label
        if city and label.startswith(city.name):
            return [label, "市" + label[len(city.name):]]
        return [label]
    return []


def classify_lines(lines: list[Line], officials, places: PlaceContext) -> list[_Marker]:
    markers: list[_Marker] = []
    gaz = gazetteer()
    for i, line in enumerate(lines):
        text = line.text.lstrip("#").strip()
        if not text:
            continue
        if text in _META_LINES or text.startswith("提示【"):
            line.structural = True
            continue
        found = officials.speaker_line(text, places) if len(text) <= 120 else None
        if found:
            line.structural = True
            name, posts, _ = found
            if not _TOC_NUMBER.match(text):
                markers.append(_Marker(i, "speaker", unit_of(posts), name))
            continue
        place = gaz.resolve(text, context=places.named) if text in gaz.by_written else None
        if place is not None and place.kind != "municipality":
            line.structural = True
            markers.append(_Marker(i, "place_header", place))
    return markers


def build_sections(lines: list[Line], norm: NormText, markers: list[_Marker], city: Place) -> list[Section]:
    speakers = [m for m in markers if m.kind == "speaker"]
    if speakers:
        return _speaker_sections(lines, norm, speakers, city)
    headers = [m for m in markers if m.kind == "place_header"]
    sections = []
    for k, marker in enumerate(headers):
        start = _start(norm, marker.index)
        end = _start(norm, headers[k + 1].index) if k + 1 < len(headers) else len(norm.text)
        sections.append(Section(start, end, marker.unit, None, None, "place_header"))
    return sections


def _start(norm: NormText, index: int) -> int:
    pos = norm.line_starts[index]
    while pos < 0 and index + 1 < len(norm.line_starts):
        index += 1
        pos = norm.line_starts[index]
    return pos if pos >= 0 else len(norm.text)


def _line_end(norm: NormText, lines: list[Line], index: int) -> int:
    return _start(norm, index) + len(lines[index].text)


def _speaker_sections(lines, norm, speakers, city) -> list[Section]:
    bounds = [(_start(norm, m.index), _line_end(norm, lines, m.index)) for m in speakers]
    layout = _vote_layout(norm.text, speakers, bounds, city)
    sections = []
    for k, marker in enumerate(speakers):
        if layout == "before_body":
            start = _title_start(lines, norm, marker.index)
            end = _title_start(lines, norm, speakers[k + 1].index) if k + 1 < len(speakers) else len(norm.text)
        else:
            start = bounds[k - 1][1] if k else 0
            while start < len(norm.text) and norm.text[start] == "\n":
                start += 1
            end = bounds[k][1]
        title = _title(lines, marker.index)
        sections.append(Section(start, end, marker.unit, marker.speaker, bounds[k], layout, title))
    return sections


def _vote_layout(text, speakers, bounds, city) -> str:
    before = after = 0
    for k, marker in enumerate(speakers):
        forms = unit_forms(marker.unit, city)
        if not forms:
            continue
        prev_end = bounds[k - 1][1] if k else 0
        next_start = bounds[k + 1][0] if k + 1 < len(speakers) else len(text)
        pattern = _forms_pattern(tuple(forms))
        after += len(pattern.findall(text, bounds[k][1], next_start))
        before += len(pattern.findall(text, prev_end, bounds[k][0]))
    return "after_body" if before > after else "before_body"


@lru_cache(maxsize=512)
def _forms_pattern(forms: tuple[str, ...]) -> regex.Pattern:
    """A unit's written forms as one pattern, compiled once per unit rather than per speaker
    line (a regex compile costs more than the search)."""
    return regex.compile("|".join(regex.escape(f) for f in forms))


def _heading_block(lines: list[Line], index: int) -> list[int]:
    """Indexes of the headline lines directly above a speaker line."""
    block = []
    i = index - 1
    while i >= 0 and len(block) < 4:
        line = lines[i]
        if not line.text:
            i -= 1
            continue
        # Right above a speaker line a title may be longer than a headline elsewhere and may
        # wrap ("…内陆开放高\n\n地"): any unpunctuated line there belongs to the title.
        if not line.structural and (line.heading or _title_shaped(line.text)):
            block.append(i)
            i -= 1
            continue
        break
    return sorted(block)


def _title_shaped(text: str) -> bool:
    return len(text) <= 60 and not _PUNCT.search(text)


def _title_start(lines, norm, index) -> int:
    block = _heading_block(lines, index)
    return _start(norm, block[0] if block else index)


def _title(lines, index) -> str:
    return " ".join(lines[i].text.lstrip("#").strip() for i in _heading_block(lines, index))
