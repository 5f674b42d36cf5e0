"""The place a document's source site belongs to, read from the host of its URL.

1. A host listed in data/site_hosts.tsv (media and portals whose name is not their place's
   pinyin: a province's daily, a city's news site), matched as a suffix.
2. A national outlet's provincial channel: cq.<outlet> (data/site_channels.tsv).
3. Labels spelling a place (data/place_pinyin.tsv, generated): read right to left, each label
   is the full pinyin of a place ("leshan", "jiangjin") or its initials after an enclosing
   place ("wtq" under leshan; "cqyz" = 重庆 + 渝中), with an optional media or government
   word around it (news, rb, tv, gov …). Initials alone are too ambiguous to stand without an
   enclosing place. A label that spells several places is read only when the document names
   exactly one of them.
The deepest place read wins. No host, or none that says a place: None.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from .facts import Place
from .gazetteer import Gazetteer
from .lexicon import table

# Labels that say nothing of a place (generic hosts, media and government words).
SKIP = frozenset("www m 3g 4g 5g wap big5 gb gb2312 en english news gov cn com net org edu info "
                 "mp h5 app epaper paper newspaper e szb dzb bbs home web portal site data".split())
AFFIXES = ("news", "gov", "zf", "rb", "tv", "rmt", "xw", "ww", "wang", "net", "daily", "ribao", "dj", "wm")


@lru_cache(maxsize=1)
def _pinyin() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    full: dict[str, tuple[str, ...]] = {}
    initials: dict[str, tuple[str, ...]] = {}
    for row in table("place_pinyin.tsv"):
        full[row["full"]] = full.get(row["full"], ()) + (row["id"],)
        initials[row["initials"]] = initials.get(row["initials"], ()) + (row["id"],)
    return full, initials


def host_of(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".")


def host_place(url: str | None, gaz: Gazetteer, named: Iterable[str] = ()) -> Place | None:
    host = host_of(url)
    if not host or host.replace(".", "").isdigit():
        return None
    listed = _listed(host, gaz)
    if listed is not None:
        return listed
    labels = [label for label in host.split(".") if label not in SKIP and label.isalpha()]
    channel = _channel(host, gaz)
    enclosing = [channel] if channel is not None else []
    named = frozenset(named)
    for label in reversed(labels):
        place = _spelled(label, gaz, enclosing, named)
        if place is None and not enclosing and host.endswith(".gov.cn"):
            place = _office_of(label, gaz)
        if place is not None:
            enclosing.append(place)
    return enclosing[-1] if enclosing else None


def _office_of(label: str, gaz: Gazetteer) -> Place | None:
    """A provincial body's government site: its province's code, then the body (cqrd = 重庆 人大)."""
    for k in range(len(label) - 1, 1, -1):
        place = _spelled_prefix(label[:k], gaz, None)
        if place is not None:
            return place
    return None


def _listed(host: str, gaz: Gazetteer) -> Place | None:
    best: tuple[int, Place] | None = None
    for row in table("site_hosts.tsv"):
        suffix = row["host"]
        if host == suffix or host.endswith("." + suffix):
            place = _by_name(gaz, row["place"], row.get("parent", ""))
            if place is not None and (best is None or len(suffix) > best[0]):
                best = (len(suffix), place)
    return best[1] if best else None


def _channel(host: str, gaz: Gazetteer) -> Place | None:
    rows = table("site_channels.tsv")
    outlets = [r["code"] for r in rows if r["place"] == "*"]
    codes = {r["code"]: r["place"] for r in rows if r["place"] != "*"}
    for outlet in outlets:
        if host.endswith("." + outlet):
            first = host[: -len(outlet) - 1].split(".")[-1]
            if first in codes:
                return _by_name(gaz, codes[first], "")
    return None


def _by_name(gaz: Gazetteer, name: str, parent: str) -> Place | None:
    found = gaz.by_full_name.get(name, ())
    if parent:
        found = tuple(p for p in found if any(a.name == parent for a in gaz.ancestors(p)))
    return found[0] if len(found) == 1 else None


def _spelled(label: str, gaz: Gazetteer, enclosing: list[Place], named: frozenset[str]) -> Place | None:
    """The place a host label spells, within the places already read from labels to its right."""
    full, initials = _pinyin()
    parent = enclosing[-1] if enclosing else None
    for core in _cores(label):
        for table_, strong in ((full, len(core) >= 4), (initials, False)):
            for prefix_len in range(0, len(core) - 1):
                prefix, rest = core[:prefix_len], core[prefix_len:]
                within = parent
                if prefix:
                    within = _spelled_prefix(prefix, gaz, parent)
                    if within is None:
                        continue
                ids = table_.get(rest, ())
                if not ids or (within is None and not strong):
                    continue
                place = _choose(ids, gaz, within, named)
                if place is not None:
                    return place
    return None


def _spelled_prefix(prefix: str, gaz: Gazetteer, parent: Place | None) -> Place | None:
    full, initials = _pinyin()
    for table_ in (full, initials):
        place = _choose(table_.get(prefix, ()), gaz, parent, frozenset(), provincial_only=parent is None)
        if place is not None:
            return place
    return None


def _cores(label: str) -> list[str]:
    """The label, and the label less a media or government word at either end."""
    out = [label]
    for affix in AFFIXES:
        if label.endswith(affix) and len(label) > len(affix) + 1:
            out.append(label[: -len(affix)])
        if label.startswith(affix) and len(label) > len(affix) + 1:
            out.append(label[len(affix):])
    return out


def _choose(ids: tuple[str, ...], gaz: Gazetteer, within: Place | None, named: frozenset[str],
            provincial_only: bool = False) -> Place | None:
    places = [gaz.by_id[i] for i in dict.fromkeys(ids) if i in gaz.by_id]
    if provincial_only:
        places = [p for p in places if p.kind in ("province", "autonomous_region", "municipality")]
    if within is not None:
        places = [p for p in places if gaz.is_within(p, within)]
    if len(places) > 1 and named:
        places = [p for p in places if p.id in named] or places
    if len(places) > 1:
        # changsha.gov.cn is the city's site, not its namesake county's (changshaxian)
        top = [p for p in places if all(q is p or gaz.is_within(q, p) for q in places)]
        places = top or places
    return places[0] if len(places) == 1 else None
