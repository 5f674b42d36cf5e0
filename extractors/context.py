"""Which places a document is about, so that bare posts and ambiguous names can be resolved.

"市委书记" means the secretary of the document's city, "省长" the governor of its province and
"县委书记" the secretary of its county; "鼓楼区" is the one in the city the document names. The
document's places are found by counting the places it names:
- full official names count for the place; short forms of provinces and prefecture-level
  cities count too (county short forms are too often ordinary words: 通道, 合作, 方正);
- every mention also counts, at half weight, for the divisions that enclose it (铁山区 for
  黄石市 and 湖北省), except that a county-level city's mentions do not make its prefecture
  the document's city (a report about 温岭 names 台州 too);
- forms that name several places count only once the rest of the document says which.
The city is the most counted municipality, prefecture-level or county-level city, if it leads
clearly (1.5 times the next); the county (for a bare 区 or 县) must also have most of all
county mentions, since reports that name many districts are about none of them; the province
is the city's, or the most counted one.

The document's own place (`own`, see own_place.py) is the place that speaks: its masthead or
dateline ("X报讯", "X区融媒体中心讯"), its source site's host, its title, else the county, city
or province it names most. A bare level word stands first for the own place or the division
of that level enclosing it ("区委书记" in a district's paper, "市委书记" there is its city's,
"副省长" in a provincial outlet its province's). A document with no own place and no place
named at all is taken to be from the home corpus (Chongqing); one that names places but no
clear city leaves a bare 市 unresolved, and its posts are not reported.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from .facts import Place, PreparedDocument
from .gazetteer import PREFECTURAL, PROVINCIAL, Gazetteer
from .own_place import own_place

CITY_KINDS = ("municipality", "prefecture_city", "county_city")
COUNTY_KINDS = {"区": ("district", "new_area", "high_tech_zone", "development_zone"),
                "县": ("county", "autonomous_county"), "旗": ("banner", "autonomous_banner")}
# The kinds of place each bare level word stands for, for the own place and its enclosing ones.
LEVEL_KINDS = {"省": ("province",), "自治区": ("autonomous_region",), "市": CITY_KINDS,
               "州": ("autonomous_prefecture",), "盟": ("league",), **COUNTY_KINDS}
LEAD = 1.5           # the chosen place must be counted this many times more than the next one


@dataclass(frozen=True)
class PlaceContext:
    city: Place | None = None
    province: Place | None = None
    county: Place | None = None
    prefecture: Place | None = None
    named: frozenset[str] = frozenset()     # ids of places the document names, with ancestors
    own: Place | None = None                # the place the document speaks for
    own_chain: tuple[Place, ...] = ()       # own and the divisions enclosing it, innermost first

    def for_level(self, level: str) -> Place | None:
        """The place a bare level word stands for: 省, 自治区, 市, 州, 区, 县, 旗."""
        kinds = LEVEL_KINDS.get(level, ())
        for place in self.own_chain:
            if place.kind in kinds:
                return place
        if level in ("省", "自治区"):
            if self.province is not None and (level == "省") == (self.province.kind == "province"):
                return self.province
            return None
        if level == "市":
            return self.city
        if level == "州":
            return self.prefecture
        kinds = COUNTY_KINDS.get(level, ())
        return self.county if self.county is not None and self.county.kind in kinds else None


    def speaking_for(self, place: Place | None, gaz: Gazetteer) -> "PlaceContext":
        """The context of a passage that speaks for `place` (a section of a round-up under a
        place header): its bare level words stand for that place first."""
        if place is None or (self.own_chain and self.own_chain[0].id == place.id):
            return self
        chain = (place, *gaz.ancestors(place))
        return replace(self, own=place, own_chain=chain, named=self.named | {p.id for p in chain})


@dataclass
class ContextDocument(PreparedDocument):
    """A prepared document that also knows its places."""

    places: PlaceContext = field(default_factory=PlaceContext)


def home_context(gaz: Gazetteer) -> PlaceContext:
    city = gaz.municipality()
    return PlaceContext(city=city, named=frozenset({city.id}))


def detect_context(text: str, gaz: Gazetteer, title: str | None = None, source: str | None = None) -> PlaceContext:
    """The places of a document: those its text names (`counted`), then its own place."""
    counted = _counted(text, gaz)
    own = own_place(text, title, source, gaz, counted)
    if own is None:
        return counted if counted.named else home_context(gaz)
    chain = (own, *gaz.ancestors(own))
    named = counted.named | {p.id for p in chain}
    city = counted.city
    if city is None or not counted.named:
        city = next((p for p in chain if p.kind in CITY_KINDS), None)
    province = counted.province
    if province is None and (city is None or city.kind != "municipality"):
        province = next((p for p in chain if p.kind in PROVINCIAL), None)
    return replace(counted, city=city, province=province, named=frozenset(named), own=own, own_chain=chain)


def _counted(text: str, gaz: Gazetteer) -> PlaceContext:
    direct = _mentions(text, gaz)
    if not direct:
        return PlaceContext()
    counts = _spread(direct, gaz)
    named = frozenset(counts)
    # A county-level city's mentions do not count for the city above it: a report about 温岭
    # names 台州 too, and its bare 市 is 温岭.
    city = _leader(_spread(direct, gaz, stop_at=("county_city",)), gaz, CITY_KINDS, minimum=0.5)
    province = _leader(counts, gaz, ("province", "autonomous_region"))
    if city is not None:
        up = gaz.ancestors(city)
        province = next((a for a in up if a.kind in PROVINCIAL), province)
        if city.kind == "municipality":
            province = None
    county = _leader(counts, gaz, tuple(k for ks in COUNTY_KINDS.values() for k in ks), minimum=3, share=0.6)
    prefecture = _leader(counts, gaz, ("autonomous_prefecture",))
    return PlaceContext(city, province, county, prefecture, named)


def _mentions(text: str, gaz: Gazetteer) -> Counter:
    """How often each place is named; ambiguous forms once the others say which."""
    direct: Counter = Counter()
    ambiguous: list[str] = []
    for start, end, _places in gaz.find_forms(text):
        form = text[start:end]
        place = gaz.lookup(form)
        if place is None:
            ambiguous.append(form)
        elif _counts_as_mention(form, place):
            direct[place.id] += 1
    known = set(direct)
    for place_id in list(known):
        known.update(a.id for a in gaz.ancestors(gaz.by_id[place_id]))
    for form in ambiguous:
        place = gaz.resolve(form, context=known)
        if place is not None and _counts_as_mention(form, place):
            direct[place.id] += 1
    return direct


def _spread(direct: Counter, gaz: Gazetteer, stop_at: tuple[str, ...] = ()) -> Counter:
    """Each mention also counts, at half weight, for the divisions enclosing the place,
    up to (not beyond) a division of a kind in `stop_at`."""
    total: Counter = Counter()
    for place_id, n in direct.items():
        place = gaz.by_id[place_id]
        total[place_id] += n
        if place.kind in stop_at:
            continue
        for ancestor in gaz.ancestors(place):
            total[ancestor.id] += n / 2
            if ancestor.kind in stop_at:
                break
    return total


def _counts_as_mention(form: str, place: Place) -> bool:
    return form == place.name or place.kind in PROVINCIAL + PREFECTURAL or len(form) >= 3


def _leader(counts: Counter, gaz: Gazetteer, kinds: tuple[str, ...], minimum: float = 1,
            share: float = 0.0) -> Place | None:
    ranked = sorted(((n, pid) for pid, n in counts.items() if gaz.by_id[pid].kind in kinds), reverse=True)
    if not ranked or ranked[0][0] < minimum or ranked[0][0] < share * sum(n for n, _ in ranked):
        return None
    if len(ranked) > 1 and ranked[0][0] < LEAD * ranked[1][0]:
        return None
    return gaz.by_id[ranked[0][1]]
