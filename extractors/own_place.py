"""The document's own place: the district, county, city or province it speaks for.

What the document states, the first that says a place, made more local by a later one inside
it (a city's paper whose title names one of its districts speaks for that district):
1. the masthead or dateline of the text: "X报讯", "X区融媒体中心讯", "(X日报记者…)讯";
2. the source site's host (site_hosts.py): a district's government or media site;
3. the title: the most local place it names, if only one is that local.
Then, made more local again or standing alone, what its text says: the county the document
names most (context.py's counts), or, in a page that speaks as a county (我区, 全县, 本区, bare
区委), the one county of that level it names, short forms included (开州 twice in a district
paper: short forms do not count elsewhere, as they are often plain words); else the city it
names most, else the most local place of its opening lines, else its province.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .facts import Place
from .gazetteer import PREFECTURAL, PROVINCIAL, Gazetteer
from .site_hosts import host_place
from .site_paths import path_place

if TYPE_CHECKING:
    from .context import PlaceContext

MASTHEAD_REACH = 300        # a masthead or dateline opens the text or its first paragraphs
OPENING_CHARS = 200         # the opening of a document: masthead and first sentence
# What a place's outlet writes between its name and 讯: its level, the outlet, a reporter.
_HAN = regex.compile(r"\p{Han}")
_OUTLET = regex.compile(r"[区县市州旗]?(?:委)?(?:融媒体中心|新闻中心|日报社?|晚报|报社?|广播电视台|电视台|新闻网|发布)?"
                        r"(?:[(（]?(?:通讯员|记者|见习记者|特约记者)[^()（）\n讯]{0,24}[)）]?)?(?:讯|消息)")


def own_place(text: str, title: str | None, source: str | None, gaz: Gazetteer,
              counted: "PlaceContext") -> Place | None:
    named = counted.named
    stated = [masthead_place(text, gaz, named), host_place(source, gaz, named), deepest_place(title or "", gaz, named)]
    own: Place | None = None
    for place in stated:
        if place is not None and (own is None or gaz.is_within(place, own)):
            own = place
    county = counted.county or speaking_county(text, gaz, named)
    if own is not None:
        # a city's paper whose text is about one of its counties speaks for that county
        return county if county is not None and gaz.is_within(county, own) else own
    inferred = [county, counted.city, deepest_place(text[:OPENING_CHARS], gaz, named), counted.province]
    found = next((p for p in inferred if p is not None), None)
    return found if found is not None else path_place(source, text, gaz, named)   # site_paths.py


def masthead_place(text: str, gaz: Gazetteer, named=frozenset()) -> Place | None:
    head = text[:MASTHEAD_REACH]
    for start, end, _ in gaz.find_forms(head):
        if start > 0 and _HAN.match(head[start - 1]) and head[start - 1] not in "本":
            continue
        if _OUTLET.match(head, end) or (_SOURCE_LINE.search(head, 0, start) and _SOURCE_BODY.match(head, end)):
            place = gaz.resolve(head[start:end], context=named)
            if place is not None:
                return place
    return None


# A source line names the outlet or office that published the page: "来源：X县融媒体中心".
_SOURCE_LINE = regex.compile(r"(?:来源|稿源|信息来源|发布单位|发布机构)\s*[：:]\s*$")
_SOURCE_BODY = regex.compile(r"[区县市州旗盟]?(?:委|人民政府|政府|人大|政协)?(?:融媒体中心|新闻中心|日报|晚报|报|广播电视台|电视台|"
                             r"新闻网|政府网|门户网站|统计局|发展和改革局|发改委|发布)")


def deepest_place(title: str, gaz: Gazetteer, named=frozenset()) -> Place | None:
    """The most local place a line names (a form right after a place is read inside it:
    南宁市青秀区), when no other place is as local; short forms of counties count only when
    the document names the county elsewhere (a short form is often a plain word)."""
    places: list[Place] = []
    previous: Place | None = None
    last_end = -1
    for start, end, _ in gaz.find_forms(title):
        form = title[start:end]
        parent = previous if start == last_end else None
        place = gaz.resolve(form, parent=parent) if parent is not None else None
        place = place or gaz.resolve(form, context=named)
        if place is not None and (form == place.name or len(form) >= 3 or place.id in named
                                  or place.kind in PROVINCIAL + PREFECTURAL):
            places.append(place)
            previous, last_end = place, end
    if not places:
        return None
    depth = {p.id: len(gaz.ancestors(p)) for p in places}
    deepest = {p.id: p for p in places if depth[p.id] == max(depth.values())}
    return next(iter(deepest.values())) if len(deepest) == 1 else None


COUNTY_LEVELS = {"区": ("district",), "县": ("county", "autonomous_county"), "旗": ("banner", "autonomous_banner")}
_SPEAKING = regex.compile(r"(?:我|全|本|该)(?P<level>[区县旗])(?![长委])|(?<![\p{Han}])(?P<level>[区县旗])(?:委|政府|人大|政协)")
MIN_SHORT_MENTIONS = 2


def speaking_county(text: str, gaz: Gazetteer, named=frozenset()) -> Place | None:
    levels = {m.group("level") for m in _SPEAKING.finditer(text)}
    if len(levels) != 1:
        return None
    kinds = COUNTY_LEVELS[levels.pop()]
    counts: dict[str, int] = {}
    for start, end, _ in gaz.find_forms(text):
        place = gaz.resolve(text[start:end], context=named)
        if place is not None and place.kind in kinds:     # a full name counts for two short forms
            weight = MIN_SHORT_MENTIONS if end - start >= 3 or text[start:end] == place.name else 1
            counts[place.id] = counts.get(place.id, 0) + weight
    if len(counts) != 1:
        return None
    place_id, n = counts.popitem()
    return gaz.by_id[place_id] if n >= MIN_SHORT_MENTIONS else None
