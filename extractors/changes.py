"""Pieces of the personnel-change and biography patterns: the verbs and the status each gives,
dates written in a sentence ("2008年4月", "2008.04—2009.01", "2009年1月至今"), who a
biography is about, and which people's congress a bare "代表"/"委员" belongs to."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from .gazetteer import gazetteer
from .lexicon import alternation, table, trie
from .names import clean_name, name_regex

YEAR = r"(?:19|20)\d{2}"
DATE = rf"{YEAR}(?:年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?|[.．/]\d{{1,2}}(?![\d]))?"
_ISO_DATE = regex.compile(rf"({YEAR})(?:年(?:(\d{{1,2}})月(?:(\d{{1,2}})日)?)?|[.．/](\d{{1,2}}))?")
DATE_RANGE = rf"(?P<date>{DATE})(?:\s*(?:[—–\-~～至到]+)\s*(?:{DATE}|今)?|至今|起|以来)?"
SUBJECT_GAP = 3000      # a biography's facts stay with its person for this many characters


@lru_cache(maxsize=1)
def verbs() -> dict[str, tuple[str, bool]]:
    return {row["verb"]: (row["status"], row["concurrent"] == "yes") for row in table("change_verbs.tsv")}


def verb_regex(*statuses: str) -> str:
    chosen = [v for v, (status, _) in verbs().items() if not statuses or status in statuses]
    return trie(chosen)


def iso_date(text: str | None) -> str | None:
    """'2008年4月' → '2008-04'; '2008.04' → '2008-04'; '2008年' → '2008'."""
    if not text:
        return None
    m = _ISO_DATE.match(text)
    if not m:
        return None
    year, month, day, month2 = m.groups()
    month = month or month2
    if month and 1 <= int(month) <= 12:
        if day and 1 <= int(day) <= 31:
            return f"{year}-{int(month):02d}-{int(day):02d}"
        return f"{year}-{int(month):02d}"
    return year


@dataclass(frozen=True)
class Subjects:
    """Where biographies start in a text and whose they are."""

    starts: tuple[int, ...]
    names: tuple[str, ...]

    def at(self, pos: int) -> str | None:
        i = bisect_right(self.starts, pos) - 1
        if i < 0 or pos - self.starts[i] > SUBJECT_GAP:
            return None
        return self.names[i]


@lru_cache(maxsize=1)
def _subject_regex() -> regex.Pattern:
    name = name_regex()
    opener = rf"(?:男|女|汉族|\p{{Han}}{{1,4}}族|{YEAR}年|中共党员|现任|拟任|曾任|历任|出生于|生于)"
    titled = rf"(?P<name>{name})(?:同志)?(?:个人简历|简历|简介|基本情况)"
    born = rf"(?:出生于|生于|[（(]?{YEAR}年(?:\d{{1,2}}月)?(?:出)?生)"     # "张三出生于…", "张三1965年生"
    opening = (rf"(?:^|(?<=[\n。；;：:]|简历|简介))[ ]*(?P<name>{name})(?:同志)?"
               rf"(?:[，,][ ]*(?={opener})|[，,]?[ ]*(?={born}))")
    alone = rf"^[ ]*(?P<name>{name})(?:同志)?[ ]*$"
    return regex.compile(f"{titled}|{opening}|{alone}", regex.V1 | regex.M)


class LazySubjects:
    """The Subjects of a text, found the first time they are asked for: most documents have
    no biography clause and never need them."""

    def __init__(self, text: str):
        self._text, self._found = text, None

    def _get(self) -> Subjects:
        if self._found is None:
            self._found = find_subjects(self._text)
        return self._found

    @property
    def names(self) -> tuple[str, ...]:
        return self._get().names

    def at(self, pos: int) -> str | None:
        return self._get().at(pos)


def find_subjects(text: str) -> Subjects:
    starts, names = [], []
    for m in _subject_regex().finditer(text):
        starts.append(m.start("name"))
        names.append(clean_name(m.group("name")))
    return Subjects(tuple(starts), tuple(names))


_HEADING = regex.compile(r"(任命|聘任|免去|提名|推荐|选举)[：:]?")
HEADING_REACH = 600
HEADING_STATUS = {"任命": "takes-up", "聘任": "takes-up", "免去": "leaves", "提名": "proposed", "推荐": "proposed",
                  "选举": "takes-up"}


def heading_status(text: str, pos: int) -> str | None:
    """The status a list item takes from the last heading above it ("任命：", "免去：")."""
    found = None
    for m in _HEADING.finditer(text, max(0, pos - HEADING_REACH), pos):
        found = m
    return HEADING_STATUS[found.group(1)] if found else None


_CONGRESS = regex.compile(r"(全国|省|自治区|市|州|区|县)(?:人大代表|政协委员|两会|人代会|人民代表大会|政协)")


def congress_level(text: str) -> str | None:
    """The level of the congress a document reports on ("全国两会", "市人大代表…"): the most
    named one, if one leads; None when the text names none or is split."""
    counts = Counter(m.group(1) for m in _CONGRESS.finditer(text))
    if not counts:
        return None
    (first, n), *rest = counts.most_common()
    if rest and rest[0][1] * 2 > n:
        return None
    return first


def place_suffix(run: str | None) -> str:
    """The longest ending of `run` that is a place name as written ("会议上柳州市" → "柳州市")."""
    written = gazetteer().by_written
    return next((run[i:] for i in range(len(run or "") - 1) if run[i:] in written), "")
