"""Which area a reported figure is about: a city, district, county, prefecture or province.

In order, the first that answers:
1. the subject of the figure's clause or of an earlier clause of its sentence: a place name
   ("成都市规模以上工业增加值…", "南京市六合区…") or an area word (全市, 我区, 区属, 全省, 市统计局 …,
   extractors/data/metric_area_words.tsv) standing for a level of the section's unit or of
   the document's own area; 全国 makes the figure a national one, which is left out;
2. the section's unit (a speaker's district; a department reports for its city);
3. the document's own area (`document_area`): the document's own place (own_place.py: its
   masthead, source host, title, opening lines, else the county, city or province it names most).
A figure whose area none of these tells is left out, never guessed.

Places a clause mentions in passing (依托江北机场…) are not its subject; a county's two-character
short name counts only when the document writes the county's full name somewhere (a short name
elsewhere is often a plain word: 大关, 通道).
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .compact_text import compact
from .facts import Organization, Place, PreparedDocument
from .gazetteer import PREFECTURAL, PROVINCIAL, Gazetteer, gazetteer
from .indicators import vocabulary
from .lexicon import table, words
from .periods import find_periods
from .word_scan import WordScan

CITY_KINDS = ("municipality", "prefecture_city", "county_city")
DISTRICT_KINDS = ("district", "new_area", "high_tech_zone", "development_zone")
COUNTY_KINDS = ("county", "autonomous_county", "banner", "autonomous_banner", "county_city")
CLAUSE_DELIMITERS = "，,、；;：:。！？!?\n"
_CLAUSE_DELIMITER = regex.compile("[" + regex.escape(CLAUSE_DELIMITERS) + "]")
_HEAD_SKIP = frozenset(CLAUSE_DELIMITERS + " ")

CARRY_CHARS = 300         # how far back in its paragraph a sentence without a subject looks


@lru_cache(maxsize=1)
def area_words() -> dict[str, str]:
    return {row["word"]: row["level"] for row in table("metric_area_words.tsv")}


@lru_cache(maxsize=1)
def _opener_firsts() -> frozenset[str]:
    return frozenset(w[0] for w in _openers() if w)


@lru_cache(maxsize=1)
def _area_scan() -> WordScan:
    return WordScan(area_words().items())


@lru_cache(maxsize=1)
def _openers() -> tuple[str, ...]:
    return tuple(sorted(words("metric_subject_openers.txt"), key=len, reverse=True))


def document_area(prepared: PreparedDocument) -> Place | None:
    """The area the document reports on when a sentence names none: the document's own place
    (context.py, own_place.py: masthead, source host, title, opening, the place it names
    most), unless the page reports the nation's figures."""
    title = getattr(prepared.doc, "title", None) or ""
    if _national(title + "\n" + prepared.norm.text):
        return None          # a national story: its dateline (北京…电) is no area of its figures
    places = getattr(prepared, "places", None)
    return getattr(places, "own", None)


def _national(text: str) -> bool:
    """Whether the text reports the nation's figures more than a place's of its own: 国内生产
    总值, 我国, 国家统计局 (not a place's survey team of it) and 全国 before a metric (全国GDP,
    全国规模以上工业增加值) against 全市, 我区, 全省 … (全国第二, 全国百强 are honours, not figures)."""
    national = len(_NATIONAL.findall(text))
    if not national:
        return False
    national += sum(1 for m in _NATION_BEFORE.finditer(text) if vocabulary().names_some_indicator(text[m.end():m.end() + 12]))
    levels = area_words()
    local = sum(text.count(w) for w, level in levels.items() if level not in ("nation", "own"))
    return national > local


_NATIONAL = regex.compile(r"国内生产总值|我国|国家统计局(?!\p{Han}{1,8}?调查(?:总队|队))")
_NATION_BEFORE = regex.compile(r"全国(?=\p{Han}{0,2})")






def place_mentions(text: str, prepared: PreparedDocument, gaz: Gazetteer):
    """(start, end, place) for the places a text names; a form written right after a place
    is read inside it ("杭州市西湖区")."""
    out = []
    prev: tuple[int, Place] | None = None
    for start, end, _ in gaz.find_forms(text):
        parent = prev[1] if prev is not None and prev[0] == start else None
        place = resolve_form(text[start:end], prepared, gaz, parent)
        if place is not None:
            out.append((start, end, place))
            prev = (end, place)
    return out




def resolve_form(form: str, prepared: PreparedDocument, gaz: Gazetteer, parent: Place | None = None) -> Place | None:
    """The place a written form names in this document, if it may stand as a subject."""
    places = getattr(prepared, "places", None)
    named = places.named if places is not None else ()
    place = gaz.resolve(form, parent=parent) if parent is not None else None
    place = place or gaz.resolve(form, context=named)
    if place is None:
        return None
    if form == place.name or place.kind in PROVINCIAL + PREFECTURAL or len(form) >= 3:
        return place
    if place.id in _home_ids(gaz) or place.name in prepared.norm.text:
        return place
    return None


@lru_cache(maxsize=1)
def _home_ids(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(p.id for p in gaz.places)


class AreaResolver:
    """The areas of one document's figures (built once per document)."""

    def __init__(self, prepared: PreparedDocument):
        self.prepared = prepared
        self.gaz = gazetteer()
        self.own = document_area(prepared)
        self.places = getattr(prepared, "places", None)
        # a department's figures are its city's, unless that city is only the home corpus assumed
        self.city = None if getattr(self.places, "assumed", False) else prepared.city
        self._carried: dict[int, object] = {}

    def sentence(self, text: str, periods) -> "SentenceAreas":
        return SentenceAreas(self, text, periods)

    def carried(self, norm_start: int):
        """The subject of the last sentence before `norm_start` in its paragraph that has one
        (within CARRY_CHARS): "湖南省统计局发布…。规模以上工业增加值增长5.8%" is the province's."""
        if norm_start in self._carried:
            return self._carried[norm_start]
        text = self.prepared.norm.text
        start = max(text.rfind("\n", 0, norm_start) + 1, norm_start - CARRY_CHARS)
        found = None
        if start < norm_start:
            before = compact(text, start, norm_start)
            areas = SentenceAreas(self, before.text, find_periods(before.text))
            heads = [(s, what) for s, _, what in areas.mentions if s in areas.heads]
            found = heads[-1][1] if heads else None
        self._carried[norm_start] = found
        return found

    def for_level(self, level: str, unit) -> Place | None:
        """The place an area word stands for, given the section's unit."""
        if isinstance(unit, Place):
            base = unit
        elif isinstance(unit, Organization):
            base = (unit.place or self.city) if self.city is not None else None
        else:
            base = self.own
        chain = [base, *self.gaz.ancestors(base)] if base is not None else []
        if level == "own":
            return base
        if level == "city":
            return self._first(chain, CITY_KINDS, "city")
        if level == "district":       # 全区: a county-level district, or a whole autonomous region
            return self._first(chain, DISTRICT_KINDS, "county") or self._first(chain, ("autonomous_region",), "province")
        if level == "county":
            return self._first(chain, COUNTY_KINDS, "county")
        if level == "province":
            return self._first(chain, ("province", "autonomous_region"), "province")
        if level == "prefecture":
            return self._first(chain, PREFECTURAL, "prefecture")
        return None

    def _first(self, chain: list[Place], kinds: tuple[str, ...], fallback: str) -> Place | None:
        """The first place of those kinds up the unit's chain; with no unit, the document's
        own place of that level (PlaceContext)."""
        found = next((p for p in chain if p.kind in kinds), None)
        if found is not None or chain or getattr(self.places, "assumed", False):
            return found     # a statistic's area is never the home corpus assumed for posts
        place = getattr(self.places, fallback, None)
        return place if place is not None and place.kind in kinds else None


class SentenceAreas:
    """The area mentions of one sentence, read once for all its figures."""

    def __init__(self, resolver: AreaResolver, text: str, periods):
        self.resolver = resolver
        self.text = text
        self.mentions = self._mentions(text)
        self.heads = set(self._clause_heads(text, {m.start: m.end for m in periods}))

    def area(self, clause_start: int, figure_start: int, unit, norm_start: int | None = None) -> Place | None:
        """The area of the figure at `figure_start`, whose own clause (its metric) starts at
        `clause_start`; `unit` is the section's unit or None; `norm_start` where the sentence
        starts in the normalised text (outside sections, a sentence without a subject keeps
        the subject of the sentences before it in its paragraph)."""
        subject = self._subject(clause_start, figure_start)
        if subject is None and unit is None and norm_start is not None:
            subject = self.resolver.carried(norm_start)
        if subject == "nation":
            return None
        if isinstance(subject, Place):
            return subject
        if subject is not None:
            return self.resolver.for_level(subject, unit)
        if isinstance(unit, Organization):
            return self.resolver.city
        if isinstance(unit, Place):
            return unit
        return self.resolver.own

    def _subject(self, clause_start: int, figure_start: int):
        """The last area named at the head of a clause before the figure, or inside the
        figure's own clause: a Place, a level, or None."""
        found = None
        head_end = -1            # a place right after a subject place is read inside it: 昆明市五华区
        for start, end, what in self.mentions:
            if end > figure_start:
                break
            if start in self.heads or start == head_end or start >= clause_start:
                found = what
                head_end = end
        return found

    def _mentions(self, text: str):
        """(start, end, Place or level) for place forms and area words, in text order."""
        out = place_mentions(text, self.resolver.prepared, self.resolver.gaz)
        taken = [(s, e) for s, e, _ in out]
        # every occurrence of every area word, overlapping ones too (one pass of an automaton
        # rather than a find loop per word); the sort puts them in text order
        for pos, end, level in _area_scan().occurrences(text):
            if not any(s <= pos < e for s, e in taken):
                out.append((pos, end, level))
        out.sort(key=lambda t: (t[0], -t[1]))
        return out

    @staticmethod
    def _clause_heads(sentence: str, periods: dict[int, int]):
        """Where each clause's subject starts: after its delimiter, periods and openers."""
        starts = [0] + [m.end() for m in _CLAUSE_DELIMITER.finditer(sentence)]
        limit = len(sentence)
        openers = _openers()
        firsts = _opener_firsts()
        for pos in starts:
            moved = True
            while moved and pos < limit:
                moved = False
                if pos in periods:
                    pos, moved = periods[pos], True
                if pos < limit and sentence[pos] in firsts:
                    for word in openers:
                        if sentence.startswith(word, pos):
                            pos, moved = pos + len(word), True
                            break
                while pos < limit and sentence[pos] in _HEAD_SKIP:
                    pos, moved = pos + 1, True
            yield pos
