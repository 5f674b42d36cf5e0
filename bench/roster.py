"""The material of the synthetic corpus: text pools taken from the seeds and `bench/data/`, and
a roster that says who holds which post in every month of the simulated years."""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from cadregraph.documents.normalize import normalize
from cadregraph.extractors.facts import Place
from cadregraph.extractors.gazetteer import gazetteer
from cadregraph.extractors.lexicon import words
from cadregraph.pipeline import bundled_seeds

DATA = Path(__file__).parent / "data"
ROLE_WORDS = regex.compile(r"书记|区长|县长|市长|局长|主任|主席|部长|代表|记者|委员|厅长|总理|同志")
SENTENCE = regex.compile(r"[^。！？\n]{12,160}[。！？]")
QUOTED = regex.compile(r"“([^“”\n]{2,14})”")
NUMBER = regex.compile(r"\d+(?:\.\d+)?(?![\d.]*[年月日号])")   # dates stay valid
CN_DIGITS = "一二三四五六七八九十"
ZONE_KINDS = ("new_area", "high_tech_zone", "development_zone")
HEAD_ROLE = {"district": "区长", "county": "县长", "autonomous_county": "县长"}


def _data_lines(name: str) -> list[str]:
    text = (DATA / name).read_text("utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _data_table(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_data_lines(name), delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass
class Pools:
    sentences: list[str]
    headlines: list[str]
    quotes: list[str]
    given: list[str]
    surnames: list[str]
    departments: dict[str, list[str]]
    figures: list[str]
    phrases: dict[str, list[str]]
    noise: list[str]
    places: list[Place]


def load_pools() -> Pools:
    # The normaliser joins the seeds' hard-wrapped lines, so sentences and headlines are whole.
    texts = [normalize(p.read_text("utf-8")).text for p in sorted(bundled_seeds().glob("*.txt"))]
    lines = [ln.strip().lstrip("#").strip() for t in texts for ln in t.splitlines()]
    sentences = sorted({s.strip().lstrip("，,；;、") for t in texts for s in SENTENCE.findall(t)
                        if not ROLE_WORDS.search(s) and "整理" not in s and "哒哒" not in s})
    headlines = sorted({ln for ln in lines if 6 <= len(ln) <= 28 and not regex.search(r"[，。：:；、,.（(\d…]", ln)
                        and not ROLE_WORDS.search(ln) and not gazetteer().lookup(ln)})
    phrases = {row["kind"]: row["text"].split("|") for row in _data_table("phrases.tsv")}
    return Pools(
        sentences=sentences, headlines=headlines,
        quotes=sorted({q for t in texts for q in QUOTED.findall(t)}),
        given=sorted(set(" ".join(_data_lines("given_chars.txt")).split())),
        surnames=list(words("surnames.txt")),
        departments={row["name"]: row["posts"].split("|") for row in _data_table("departments.tsv")},
        figures=[row["template"] for row in _data_table("figures.tsv")],
        phrases=phrases, noise=_data_lines("noise.txt"),
        places=[p for p in gazetteer().places if p.kind != "municipality"],
    )


@dataclass
class Term:
    start: int
    end: int
    person: str


def place_post_kinds(place: Place) -> tuple[str, ...]:
    return ("sec", "head", "deputy") if place.kind in ZONE_KINDS else ("sec", "head", "deputy", "exec", "npc", "cppcc")


def render_posts(post: tuple, departments: dict[str, list[str]], rng: random.Random) -> str:
    """A post (or the post list one person is introduced with) as officials write it."""
    unit, kind = post
    if isinstance(unit, str):
        roles = departments[unit]
        return "市" + unit + (roles[0] if kind == "lead" else roles[-1])
    name = unit.name
    if unit.short_names and rng.random() < 0.25 and unit.short_names[0][-1] in "县区":
        name = unit.short_names[0]
    if unit.kind in ZONE_KINDS:
        return name + {"sec": "党工委书记", "deputy": "党工委副书记",
                       "head": "党工委副书记、管委会主任" if rng.random() < 0.4 else "管委会主任"}[kind]
    party = name + (name[-1] if len(name) == 2 else "") + "委"
    head = HEAD_ROLE[unit.kind]
    return {"sec": party + "书记", "deputy": party + "副书记", "npc": name + "人大常委会主任",
            "cppcc": name + "政协主席", "exec": name + "常务副" + head,
            "head": (party + "副书记、" + head) if rng.random() < 0.4 else name + head}[kind]


@dataclass
class Roster:
    """Who holds each post month by month: terms of 18–54 months; a vacant secretary post is
    often filled by the district's head, a department's by some district's secretary."""

    pools: Pools
    rng: random.Random
    start_year: int = 2019
    months: int = 84
    terms: dict[tuple, list[Term]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def __post_init__(self):
        posts = [(p, k) for p in self.pools.places for k in place_post_kinds(p)]
        posts += [(d, "lead") for d in self.pools.departments]
        posts += [(d, "vice") for d, roles in self.pools.departments.items() if len(roles) > 1]
        self.posts = posts
        for month in range(self.months):
            for post in posts:
                current = self.terms.get(post)
                if not current or current[-1].end <= month:
                    self._fill(post, month)

    def _fill(self, post: tuple, month: int) -> None:
        rng = self.rng
        unit, kind = post
        person = None
        if kind == "sec" and rng.random() < 0.45:
            person = self._take((unit, "head"), month)
        elif kind == "lead" and rng.random() < 0.25:
            person = self._take((rng.choice(self.pools.places), "sec"), month)
        end = month + rng.randint(18, 54) - (rng.randint(0, 40) if month == 0 else 0)
        self.terms.setdefault(post, []).append(Term(month, max(end, month + 3), person or self.fresh_name(rng)))

    def _take(self, post: tuple, month: int) -> str | None:
        """Move the current holder of `post` away from it (its vacancy is filled in turn)."""
        terms = self.terms.get(post)
        if not terms or terms[-1].end <= month or terms[-1].start == month:
            return None
        terms[-1].end = month
        return terms[-1].person

    def holder(self, post: tuple, month: int) -> str:
        for term in reversed(self.terms[post]):
            if term.start <= month:
                return term.person
        return self.terms[post][0].person

    def fresh_name(self, rng: random.Random, keep: bool = True) -> str:
        while True:
            surnames = self.pools.surnames
            surname = surnames[min(int(rng.paretovariate(1.2)) - 1, len(surnames) - 1)] if rng.random() < 0.97 \
                else rng.choice(surnames)
            name = surname + "".join(rng.choice(self.pools.given) for _ in range(1 if rng.random() < 0.25 else 2))
            if not keep or name not in self.used:
                if keep:
                    self.used.add(name)
                return name

    def variant(self, name: str, rng: random.Random) -> str:
        """The same person with one given character written differently (罗楠 / 罗蔺)."""
        return name[:-1] + rng.choice([c for c in self.pools.given if c != name[-1]])

    def pick_post(self, unit, rng: random.Random) -> tuple:
        if isinstance(unit, str):
            return (unit, "lead") if rng.random() < 0.85 or (unit, "vice") not in self.terms else (unit, "vice")
        kinds = place_post_kinds(unit)
        r = rng.random()
        return (unit, "sec" if r < 0.55 else "head" if r < 0.85 else rng.choice(kinds[2:]))

    def units(self, count: int, rng: random.Random) -> list:
        places = rng.sample(self.pools.places, min(count, len(self.pools.places)))
        departments = sorted(self.pools.departments)
        return [places[i] if rng.random() < 0.8 else rng.choice(departments) for i in range(count)]

    def random_place(self, rng: random.Random) -> Place:
        return rng.choice(self.pools.places)

    def short_name(self, unit) -> str:
        if unit is None:
            return "全市"
        if isinstance(unit, str):
            return "市" + unit
        return next((s for s in unit.short_names if len(s) >= 2), unit.name)

    def vary(self, sentence: str, unit, rng: random.Random) -> str:
        """A seed sentence moved to `unit`, with its numbers changed."""
        name, out, at = self.short_name(unit), [], 0
        for start, end in _place_spans(sentence):
            out += [sentence[at:start], name]
            at = end
        sentence = "".join(out) + sentence[at:]
        return NUMBER.sub(lambda m: _similar_number(m.group(), rng), sentence)

    def slogan(self, rng: random.Random) -> str:
        r = rng.random()
        if r < 0.5:
            return rng.choice(self.pools.quotes)
        if r < 0.8:
            units, nouns = self.pools.phrases["numbered_unit"], self.pools.phrases["numbered_noun"]
            if rng.random() < 0.5:
                return f"{rng.choice(CN_DIGITS)}{rng.choice(units)}{rng.choice(CN_DIGITS)}{rng.choice(units)}"
            return f"{rng.choice(CN_DIGITS[1:])}个{rng.choice(nouns)}"
        return "".join(str(rng.randint(1, 9)) for _ in range(rng.randint(3, 5)))

    def project(self, unit, rng: random.Random) -> str:
        prefix = rng.choice(self.pools.phrases["project_prefix"])
        return f"{self.short_name(unit) if not isinstance(unit, str) else ''}{prefix}{rng.choice(self.pools.phrases['project_suffix'])}"

    def caption(self, rng: random.Random) -> str:
        place = self.random_place(rng)
        return rng.choice(self.pools.phrases["caption"]).format(place=place.name, project=self.project(place, rng))


@lru_cache(maxsize=None)
def _place_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the gazetteer's names are in a seed sentence: what `vary` replaces. The few
    hundred seed sentences are searched once each; the gazetteer's alternation of every
    place name took nine tenths of the generator's time, searched again for every use."""
    return tuple(m.span() for m in gazetteer().pattern.finditer(sentence))


def _similar_number(number: str, rng: random.Random) -> str:
    whole, _, frac = number.partition(".")
    if len(whole) == 4 and whole.startswith("20"):
        return whole + ("." + frac if frac else "")      # a year stays a year
    new = str(rng.randint(10 ** (len(whole) - 1) if len(whole) > 1 else 0, 10 ** len(whole) - 1))
    return new + ("." + "".join(str(rng.randint(0, 9)) for _ in frac) if frac else "")
