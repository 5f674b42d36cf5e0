"""Finding project names in running text: a head noun (产业园, 基地, 中心, 高铁 …) and the
name that runs left from it to a stop word or punctuation.

Rules, each with a name that becomes the fact's rule:
- `head`: the name before a head noun ("启动小南垭智慧货站建设" → 小南垭智慧货站), with a
  qualifier right after it ("（重庆段）", "开州段"). A head inside a longer name belongs to it
  (西部数据交易中心璧山专区).
- `listed-before-category`: items before 等 share the category after it ("签约新材料及智能
  装备、20万吨再生铝及精密加工等项目30个" → 新材料及智能装备项目, 20万吨再生铝及精密加工项目;
  "中瑞、中德等国际合作产业园" → 中瑞国际合作产业园, 中德国际合作产业园). One item before a
  category that names something is one name ("大宗商品等战略物资储运基地").
- `named-category`: a category after 等 that is itself named stands alone ("开通中老、中越等
  10条西部陆海新通道江津班列" → 西部陆海新通道江津班列).
- `shared-head`: a short name before 、 shares the head of the next one ("成达万、渝西高铁" →
  成达万高铁).
Candidates that only classify are dropped: a count before or after ("9个光伏产业园", "科创平台
6个"), a name made of generic words (重点项目, 数字化车间), too little name for its head
(project_heads.tsv `needs`), strategies and labels (project_exclusions.txt), a district's own
name, a company's workshop, a programme in quotes (“疆算入渝”工程).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from .gazetteer import gazetteer
from .lexicon import _data_text, alternation, table, words
from .project_checks import is_clause

MAX_NAME = 32              # characters; longer runs are clauses, not names
MAX_SHARED = 4             # a name sharing a head with the next one is this short ("渝西")
LONG_NAME = 3              # non-generic characters a `long` head needs without a proper element
_PUNCT = set("，,。；;：:！？!?、\n《》【】[]#+＋.．|｜")
# A count of things ends a name on the left ("产量达到80万块…", "新增12台…"); a capacity does
# not, it is part of the name ("20万吨再生铝项目", "100兆瓦光伏电站"), so 吨/瓦/米 are not here.
_NUM = r"(?:\d+(?:\.\d+)?\s*[十百千万亿]*|[一二三四五六七八九十百千万两几数]+)\s*(?:余|多)?\s*"
_CLASSIFIER = r"(?:个|家|条|座|所|处|项|批|类|大|辆|亩|公里|块|台|件|只|头|户|人次|人|张|部|架|艘|间|栋)"
_COUNTED = regex.compile(_NUM + _CLASSIFIER + r"$")
_COUNT_FIRST = regex.compile(_NUM + _CLASSIFIER)
_DATE_BEFORE = regex.compile(r"\d+\s*(?:年|月|日)$|月\s*\d+\s*号$")    # not 1号线: a line's number
# The characters a count or a date ends in (and a line break, before which `$` matches too): a
# position after any other character needs no look-behind search, and left_boundary asks at
# every character of every name.
_COUNTED_ENDS = frozenset("个家条座所处项批类大辆亩里块台件只头户次人张部架艘间栋\n")
_DATE_ENDS = frozenset("年月日号\n")
STOP_REACH = 8             # characters before a position in which a stop word ending there is sought
_SPACE_RUN = regex.compile(r"\s+")
_BOUNDARY_CHARS = frozenset(_PUNCT) | _COUNTED_ENDS | _DATE_ENDS | frozenset("— ”’“‘")
_COUNT_AFTER = regex.compile(r"^\s*\d+\s*(?:余|多)?\s*(?:个|家|条|座|所|处|项|批)")
_AFTER_DENG = regex.compile(r"等\s*(?:" + _NUM + r"(?:个|家|条|座|所|处|项|批))?\s*$")
_UNIT = r"(?:个|家|条|座|所|处|项|批|亿元|亿|万元|万吨|万套|万|吨|套)"
_QUANTITY = regex.compile(r"^(?:\d+(?:\.\d+)?\s*" + _UNIT + r"?|[一二三四五六七八九十百千万两几数]+\s*(?:余|多)?\s*" + _UNIT
                          + r")\s*级?(?:以上)?")
_QUALIFIER = regex.compile(r"^(?:[（(][^（）()\n]{1,10}[）)]|[\p{Han}]{1,3}段)")
_PROPER = regex.compile(r"[A-Za-z0-9]|期")
_COMPANY = regex.compile(r"有限公司|股份公司|有限责任公司")
_COMPANY_PLANT = ("车间", "产线", "生产线")
_QUOTE_ONLY = regex.compile(r"^[“‘][^“”‘’]+[”’]$")
_MARKS = regex.compile(r"[“”‘’\s]")
_RATING = regex.compile(r"\d*A{1,5}级|\d+星级?")      # 5A级景区, 4星级酒店: a grade, not a name
_QUOTE_MARKS = frozenset("“”‘’")
_COUNT_OPENERS = "一二三四五六七八九十百千万两几数"       # how a _QUANTITY written in words begins


@dataclass(frozen=True)
class Candidate:
    start: int          # normalised span of the name as written
    end: int
    name: str
    head: str
    type: str
    rule: str
    quote_end: int = 0  # where the evidence ends when it runs on to a shared category

    @property
    def evidence_end(self) -> int:
        return max(self.end, self.quote_end)


@dataclass(frozen=True)
class _Head:
    type: str
    needs: str
    not_before: regex.Pattern | None
    not_after: regex.Pattern | None


@dataclass(frozen=True)
class _Lexicon:
    heads: dict[str, _Head]
    head_pattern: regex.Pattern
    stops: tuple[str, ...]
    stop_at_end: regex.Pattern
    generic: regex.Pattern
    excluded: frozenset[str]
    modifiers: tuple[regex.Pattern, ...]
    places: frozenset[str]
    place_pattern: regex.Pattern         # district names of three or more characters
    any_place: regex.Pattern
    stops_by_end: dict[str, tuple[str, ...]]   # the stop words that fit in STOP_REACH, by last character
    watched: frozenset[str]              # characters left_boundary must look at: any other is in the name
    head_ends: tuple[str, ...]           # the heads, for str.endswith


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    heads = {row["head"]: _Head(row["type"], row["needs"], _optional(row["not_before"]),
                                _optional(row["not_after"], "(?:{})$"))
             for row in table("project_heads.tsv")}
    mods = tuple(regex.compile(ln.strip()) for ln in _data_text("project_modifiers.txt").splitlines()
                 if ln.strip() and not ln.startswith("#"))
    places = frozenset(f for p in gazetteer().places for f in (p.name, *p.short_names) if len(f) >= 2)
    stops = tuple(sorted(set(words("project_stops.txt")), key=len, reverse=True))
    by_end: dict[str, tuple[str, ...]] = {}
    for w in stops:
        if len(w) <= STOP_REACH:
            by_end[w[-1]] = by_end.get(w[-1], ()) + (w,)
    return _Lexicon(heads, regex.compile(alternation(heads)), stops,
                    regex.compile(f"(?:{alternation(stops)})$"),
                    regex.compile(f"(?:{alternation(words('project_generic.txt'))})"),
                    frozenset(words("project_exclusions.txt")), mods, places,
                    regex.compile(alternation(p for p in places if len(p) >= 3)), regex.compile(alternation(places)),
                    by_end, frozenset(by_end) | _BOUNDARY_CHARS, tuple(heads))


def _optional(pattern: str, form: str = "{}") -> regex.Pattern | None:
    return regex.compile(form.format(pattern)) if pattern else None


def find_candidates(text: str) -> list[Candidate]:
    lex = lexicon()
    found: list[Candidate] = []
    for m in lex.head_pattern.finditer(text):
        spec = lex.heads[m.group()]
        if spec.not_before is not None and spec.not_before.match(text, m.end()) \
                or spec.not_after is not None and spec.not_after.search(text, max(0, m.start() - 4), m.start()):
            continue
        start = left_boundary(text, m.start())
        qualifier = _QUALIFIER.match(text[m.end():m.end() + 12])
        end = m.end() + (qualifier.end() if qualifier else 0)
        cand = Candidate(start, end, text[start:end], m.group(), spec.type, "head")
        deng = _AFTER_DENG.search(text, max(0, start - 12), start)
        if deng is not None:
            found.extend(_listed(text, deng.start(), cand))
            continue
        found.extend(_shared_head(text, cand))
        found.append(cand)
    in_place = _within_place(text, lex)
    kept = [c for c in (_trim(c) for c in found) if c is not None and _is_named(text, c)
            and not in_place(c.start, c.end)]
    return _outermost(kept)


def _within_place(text: str, lex: _Lexicon):
    """A test whether text[start:end] lies inside a district's name. The names are found left
    to right without overlaps, so only the last one opening at or before `start` can hold it."""
    spans = [(m.start(), m.end()) for m in lex.place_pattern.finditer(text)]
    starts = [s for s, _ in spans]

    def inside(start: int, end: int) -> bool:
        k = bisect_right(starts, start)
        return k > 0 and end <= spans[k - 1][1]
    return inside


def _counted_before(text: str, i: int) -> bool:
    """A count of things ends at i ("新增12台")."""
    return text[i - 1:i] in _COUNTED_ENDS and _COUNTED.search(text, max(0, i - 6), i) is not None


def _stop_before(text: str, i: int, lex: _Lexicon) -> bool:
    """A stop word ends at i, within STOP_REACH characters (after a line break, which ends a name
    anyway, the anchored pattern also took a stop word before it)."""
    ends = lex.stops_by_end.get(text[i - 1:i])
    return ends is not None and text.endswith(ends, max(0, i - STOP_REACH), i)


def left_boundary(text: str, head_start: int) -> int:
    """Where the name ending in the head at `head_start` begins: after punctuation, a space
    between Chinese words, a stop word, a count, a date, a dash or an unmatched opening quote."""
    lex = lexicon()
    watched = lex.watched
    i = head_start
    open_quote = False
    while i > 0 and head_start - i < MAX_NAME:
        ch = text[i - 1]
        if ch not in watched:           # no rule below applies to it
            i -= 1
            continue
        if ch in _PUNCT or ch == "—" and text.startswith("——", i - 2) or _counted_before(text, i) \
                or ch in _DATE_ENDS and _DATE_BEFORE.search(text, max(0, i - 8), i):
            break
        if ch == " " and not (text[i - 2:i - 1].isascii() or text[i:i + 1].isascii()):
            break
        if ch in "”’":
            open_quote = True
        elif ch in "“‘":
            if not open_quote:
                break
            open_quote = False
        elif _stop_before(text, i, lex):
            break
        i -= 1
    return i


def _listed(text: str, deng: int, category: Candidate) -> list[Candidate]:
    """Items written before 等, each named with the category."""
    items = _items_before(text, deng)
    own = _strip_generic(_own(category))
    counted = bool(text[deng + 1:category.start].strip())
    if own and _has_proper(own):
        name = own + category.head
        return [Candidate(category.end - len(name), category.end, name, category.head, category.type,
                          "named-category")]
    if len(items) == 1 and own and not counted:
        s = items[0][0]
        return [Candidate(s, category.end, _SPACE_RUN.sub("", text[s:category.end]), category.head,
                          category.type, "listed-before-category")]
    suffix = category.head if category.head in ("项目", "工程") else own + category.head
    return [Candidate(s, s + len(item), item + suffix, category.head, category.type, "listed-before-category",
                      category.end)
            for s, item in items if not _ends_with_head(item)]


def _items_before(text: str, deng: int) -> list[tuple[int, str]]:
    """The names joined by 、 和 与 before 等, each found the way a name is found."""
    items: list[tuple[int, str]] = []
    end = deng
    while end > 0:
        start = left_boundary(text, end)
        item = _SPACE_RUN.sub("", text[start:end])
        if item and not _COUNTED.search(item) and text[start - 1:start] != "等":
            items.append((start, item))
        joiner = next((j for j in ("、", "和", "与", "及其") if text.startswith(j, start - len(j))), None)
        if joiner is None or start == end:
            break
        end = start - len(joiner)
    return list(reversed(items))


def _ends_with_head(item: str) -> bool:
    return item.endswith(lexicon().head_ends)


def _strip_generic(own: str) -> str:
    """A category's own words without its count and generic words: "4 个百亿" → ""."""
    rest = own.strip()
    while True:
        before = rest
        rest = _QUANTITY.sub("", rest).strip()
        m = lexicon().generic.match(rest)
        if m:
            rest = rest[m.end():]
        if rest == before:
            return rest


def _shared_head(text: str, cand: Candidate) -> list[Candidate]:
    """"成达万、渝西高铁": the short name before 、 takes the head of the one after it."""
    own = cand.name[:len(cand.name) - len(cand.head)] if cand.name.endswith(cand.head) else ""
    if cand.start == 0 or text[cand.start - 1] != "、" or not 1 <= len(own) <= MAX_SHARED:
        return []
    if len(_specific(own)) < 2:
        return []
    end = cand.start - 1
    start = left_boundary(text, end)
    prev = text[start:end]
    if not 2 <= len(prev) <= MAX_SHARED or _ends_with_head(prev):
        return []
    return [Candidate(start, end, prev + cand.head, cand.head, cand.type, "shared-head")]


def _trim(c: Candidate) -> Candidate | None:
    """Cut superlatives off the front ("全球首套…产线") and spaces out of the name."""
    name, start = c.name, c.start
    for mod in lexicon().modifiers:
        m = mod.match(name)
        if m and m.end():
            name, start = name[m.end():], start + m.end() if c.rule == "head" else start
    name = _SPACE_RUN.sub("", name)
    if name == c.name and start == c.start:
        return c if len(name) > len(c.head) else None
    return Candidate(start, c.end, name, c.head, c.type, c.rule, c.quote_end) if len(name) > len(c.head) else None


def _own(c: Candidate) -> str:
    """The name without its head and trailing qualifier."""
    i = c.name.rfind(c.head)
    return c.name[:i] if i >= 0 else c.name


def _has_proper(own: str) -> bool:
    return bool(_PROPER.search(own)) or lexicon().any_place.search(own) is not None


def _specific(own: str) -> str:
    """What is left of a name's own words without marks, counts, grades and generic words."""
    return lexicon().generic.sub("", _without_quantity(_without_rating(_unmarked(own))))


# Each pattern is tried only when the text holds what it must begin or end with: most names
# hold no mark, grade or count, and these run several times for every candidate.
def _unmarked(text: str) -> str:
    if _QUOTE_MARKS.isdisjoint(text) and " " not in text and text.isprintable():
        return text                  # every other \s character is unprintable
    return _MARKS.sub("", text)


def _without_rating(text: str) -> str:
    return _RATING.sub("", text) if "级" in text or "星" in text else text


def _without_quantity(text: str) -> str:
    first = text[:1]
    return _QUANTITY.sub("", text) if first.isdigit() or first and first in _COUNT_OPENERS else text


def _is_named(text: str, c: Candidate) -> bool:
    lex = lexicon()
    own = _own(c)
    bare = _unmarked(own)
    specific = _specific(own)
    needs = lex.heads[c.head].needs if c.head in lex.heads else "name"
    if len(bare) < 2 or not (specific or _has_proper(_without_rating(bare))) or _QUOTE_ONLY.match(own.strip()) \
            or specific in lex.excluded or is_clause(c.name):
        return False
    if needs == "long" and not (_has_proper(bare) or len(specific) >= LONG_NAME):
        return False
    if needs == "proper" and not _has_proper(bare):
        return False
    if needs in ("long", "proper") and not _without_places(specific):
        return False                      # "大足区数字化车间": a category in a place
    plain = _unmarked(c.name)
    if plain in lex.excluded or bare in lex.excluded or plain in lex.places or gazetteer().lookup(plain):
        return False
    if c.rule != "named-category" and (_counted_before(text, c.start) or _COUNT_FIRST.match(c.name)):
        return False
    if c.rule == "head" and _COUNT_AFTER.match(text[c.end:c.end + 8]):
        return False
    return not (c.head in _COMPANY_PLANT and _COMPANY.search(c.name))


def _without_places(text: str) -> str:
    return lexicon().any_place.sub("", text)


def _outermost(cands: list[Candidate]) -> list[Candidate]:
    """Drop a candidate that lies inside a longer one reaching further right."""
    by_start = sorted((c.start, c.end) for c in cands)
    starts = [s for s, _ in by_start]
    reach, furthest = [], -1
    for _, e in by_start:
        furthest = max(furthest, e)
        reach.append(furthest)
    out, seen = [], set()
    for c in cands:
        k = bisect_right(starts, c.start)      # those opening at or before c; c itself among them
        if reach[k - 1] > c.end or c in seen:
            continue
        seen.add(c)
        out.append(c)
    return sorted(out, key=lambda c: (c.start, c.end))
