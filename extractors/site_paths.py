"""The place a source URL's path names, for a page that names its place nowhere else: mirrors
and portals file a county's pages under its pinyin ("/<county pinyin>/c1234/…").

A path segment counts only when it is the full pinyin of one place's short form (the table
site_hosts.py reads, data/place_pinyin.tsv), long enough not to be a plain word, and the page
speaks at that place's level (全县/我县 for a county, 全市/本市 for a city …): a section named
after a province on a national site says nothing of a county page. Initials ("yarb" = 雅安日报
or 延安日报?) are too ambiguous in a path and are never read. The last resort of the own place
(own_place.py), after masthead, host, title and what the text names.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import regex

from .facts import Place
from .gazetteer import Gazetteer
from .site_hosts import _pinyin

MIN_LETTERS = 6            # "yuanling", "fangxian"; shorter spellings are too often words
# The level words a page speaking for a place of each kind writes.
_SPEAKS = {"county": "[全本我该]县", "autonomous_county": "[全本我该]县", "district": "[全本我该]区",
           "banner": "[全本我该]旗", "autonomous_banner": "[全本我该]旗", "county_city": "[全本我该]市",
           "prefecture_city": "[全本我该]市", "autonomous_prefecture": "[全本我该]州", "league": "[全本我该]盟"}


def path_place(url: str | None, text: str, gaz: Gazetteer, named=frozenset()) -> Place | None:
    if not url:
        return None
    try:
        path = urlsplit(url if "//" in url else "//" + url).path.lower()
    except ValueError:
        return None
    full, _ = _pinyin()
    found: list[Place] = []
    for segment in path.split("/")[:-1]:            # the last part is the page itself
        if len(segment) < MIN_LETTERS or not segment.isalpha() or not segment.isascii():
            continue
        places = [gaz.by_id[i] for i in dict.fromkeys(full.get(segment, ())) if i in gaz.by_id]
        if len(places) > 1:
            places = [p for p in places if p.id in named]
        if len(places) == 1 and _speaks_as(text, places[0]):
            found.append(places[0])
    return found[-1] if len(found) == 1 or (found and all(gaz.is_within(found[-1], p) for p in found[:-1])) else None


def _speaks_as(text: str, place: Place) -> bool:
    words = _SPEAKS.get(place.kind)
    return bool(words and regex.search(words, text))
