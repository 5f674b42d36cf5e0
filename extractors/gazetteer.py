"""Places: every province, prefecture-level and county-level division of China, plus the new
areas and development zones that report like districts.

A written form ("鼓楼区", "朝阳", "温岭") may name several places. `lookup()` answers only when
the form names one place (or is the full official name of exactly one); `resolve()` also uses
what is around it: the place written before it ("南京市鼓楼区") and the places the document
names elsewhere. A form that stays ambiguous is left unresolved, never guessed.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property, lru_cache

import regex

from .facts import Place
from .lexicon import alternation, table, words

# The home corpus: its places are always written to the graph (Chongqing Daily is what the
# project was built on). The others are written when a fact names them.
HOME_FILES = ("places_chongqing.tsv",)
OTHER_FILES = ("places_china.tsv", "places_zones.tsv")

PROVINCIAL = ("province", "autonomous_region", "municipality", "sar")
PREFECTURAL = ("prefecture_city", "prefecture", "autonomous_prefecture", "league")


class Gazetteer:
    def __init__(self, home: list[Place], others: list[Place]):
        self.places = home                       # the home corpus's places
        self.all_places = home + others
        self.by_id = {p.id: p for p in self.all_places}
        self.by_written: dict[str, tuple[Place, ...]] = {}
        self.by_full_name: dict[str, tuple[Place, ...]] = {}
        for place in self.all_places:
            self.by_full_name[place.name] = self.by_full_name.get(place.name, ()) + (place,)
            for form in dict.fromkeys((place.name, *place.short_names)):
                self.by_written[form] = self.by_written.get(form, ()) + (place,)
        self.needs_parent = frozenset(words("places_needing_parent.txt"))
        # The scan: a form is tried only where a character that begins one stands (a class
        # the `re` engine tests from a bitmap, in C) and the next one continues it; there the
        # longest form wins. One-character forms are never read as places (too many are
        # ordinary characters). An Aho-Corasick automaton was three times slower here: its
        # root has a child for each of ~900 first characters, searched one by one per character.
        # first two characters → the lengths of the forms starting so, longest first (only
        # lengths some form has are tried)
        lengths: dict[str, set[int]] = {}
        for form in self.by_written:
            if len(form) > 1:
                lengths.setdefault(form[:2], set()).add(len(form))
        self._heads = {head: tuple(sorted(ks, reverse=True)) for head, ks in lengths.items()}
        self._first = re.compile("[" + re.escape("".join(sorted({h[0] for h in self._heads}))) + "]")
        # The document's place context, its own place and the metric areas each scan the same
        # texts (the whole document, then its sentences): the scans of recent texts are kept.
        self._scanned = lru_cache(maxsize=256)(self._scan)

    @cached_property
    def pattern(self) -> regex.Pattern:
        """Every written form as one alternation, for callers that compose it into a pattern
        (compiled when first asked for: `find_forms` does not need it, and gives what its
        `finditer` gives)."""
        return regex.compile(alternation(self.by_written))

    # -- looking places up ---------------------------------------------------------------
    def candidates(self, written: str) -> tuple[Place, ...]:
        return self.by_written.get(written, ())

    def lookup(self, written: str) -> Place | None:
        """The one place this form names, or None when it names none or several."""
        if written in self.needs_parent:
            return None
        full = self.by_full_name.get(written, ())
        if len(full) == 1:
            return full[0]
        found = self.candidates(written)
        return found[0] if len(found) == 1 else None

    def resolve(self, written: str, parent: Place | None = None,
                context: Iterable[str] = ()) -> Place | None:
        """The place a form names given the place written before it (`parent`) or, failing
        that, the ids of places the document names (`context`). None when still ambiguous."""
        found = self.candidates(written)
        if parent is not None:
            inside = [p for p in found if self.is_within(p, parent)]
            return inside[0] if len(inside) == 1 else None
        unique = self.lookup(written)
        if unique is not None:
            return unique
        context = set(context)
        if context:
            # The candidate closest to a place the document names wins: Nanjing's 鼓楼区 (its
            # city is named) over Xuzhou's (only the province is), never a tie.
            ranked = sorted((d, p.id) for p in found if (d := self._distance(p, context)) is not None)
            if ranked and (len(ranked) == 1 or ranked[0][0] < ranked[1][0]):
                return self.by_id[ranked[0][1]]
        return None

    def _distance(self, place: Place, context: set[str]) -> int | None:
        if place.id in context:
            return 0
        for depth, ancestor in enumerate(self.ancestors(place), 1):
            if ancestor.id in context:
                return depth
        return None

    # -- the hierarchy -------------------------------------------------------------------
    def ancestors(self, place: Place) -> list[Place]:
        out, seen = [], {place.id}
        while place.parent and place.parent in self.by_id and place.parent not in seen:
            place = self.by_id[place.parent]
            seen.add(place.id)
            out.append(place)
        return out

    def is_within(self, place: Place, parent: Place) -> bool:
        return any(a.id == parent.id for a in self.ancestors(place))

    def municipality(self) -> Place:
        """The home corpus's city (Chongqing): what a bare 市 means when nothing says otherwise."""
        return next(p for p in self.places if p.kind == "municipality")

    def find_all(self, text: str, context: Iterable[str] | None = None):
        """(start, end, place) for every written place form that names one place given the
        ids of places in `context` (a document's `places.named`; by default the home city),
        longest first, no overlaps. Forms that stay ambiguous are skipped."""
        context = frozenset(context) if context is not None else frozenset({self.municipality().id})
        for start, end, _found in self.find_forms(text):
            place = self.resolve(text[start:end], context=context)
            if place is not None:
                yield start, end, place

    def find_forms(self, text: str):
        """(start, end, candidate places) for every written place form, longest first, no
        overlaps: the same as `pattern.finditer`, many times faster on long texts."""
        return iter(self._scanned(text))

    def _scan(self, text: str) -> tuple:
        forms, heads, found, done, n = self.by_written, self._heads, [], 0, len(text)
        for m in self._first.finditer(text):
            i = m.start()
            if i < done:
                continue
            for k in heads.get(text[i:i + 2], ()):
                places = forms.get(text[i:i + k]) if k <= n - i else None
                if places:
                    found.append((i, i + k, places))
                    done = i + k
                    break
        return tuple(found)


def _load(files) -> list[Place]:
    places = []
    for name in files:
        for row in table(name):
            places.append(Place(
                id=row["id"], code=row["code"], name=row["name"], kind=row["kind"],
                short_names=tuple(s for s in row["short_names"].split("|") if s),
                name_en=row.get("name_en", ""), parent=row.get("parent", ""),
            ))
    return places


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(_load(HOME_FILES), _load(OTHER_FILES))
