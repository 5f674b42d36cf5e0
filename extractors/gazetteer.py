"""Places: the districts, counties and zones a post or a figure can belong to."""
from __future__ import annotations

from functools import lru_cache

import regex

from .facts import Place
from .lexicon import alternation, table

GAZETTEER_FILES = ("places_chongqing.tsv",)


class Gazetteer:
    def __init__(self, places: list[Place]):
        self.places = places
        self.by_id = {p.id: p for p in places}
        self.by_written: dict[str, Place] = {}
        for place in places:
            for form in (place.name, *place.short_names):
                self.by_written.setdefault(form, place)
        self.pattern = regex.compile(alternation(self.by_written))

    def lookup(self, written: str) -> Place | None:
        return self.by_written.get(written)

    def municipality(self) -> Place:
        return next(p for p in self.places if p.kind == "municipality")

    def find_all(self, text: str):
        """(start, end, place) for every place name, longest match first, no overlaps."""
        for m in self.pattern.finditer(text):
            yield m.start(), m.end(), self.by_written[m.group()]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    places = []
    for name in GAZETTEER_FILES:
        for row in table(name):
            places.append(Place(
                id=row["id"], code=row["code"], name=row["name"], kind=row["kind"],
                short_names=tuple(s for s in row["short_names"].split("|") if s),
                name_en=row["name_en"],
            ))
    return Gazetteer(places)
