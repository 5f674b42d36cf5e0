"""Officials and the posts they hold, take up, leave or are proposed for.

- Meeting reports: "璧山区委书记、区长 江志斌" → two holdings; "市委常委张三、李四" → one post, two
  people; "习近平总书记"; "张智奎代表" (a deputy of the congress the document reports on).
- Personnel changes ("任命张三为…", "免去张三的…职务") are in official_changes.py, biographies
  and résumé lines in biographies.py; this module runs them with the meeting-report patterns.
Names are anchored on a post, a verb or a biography's opening, never found by a general word
segmenter, so reporters and people in a story without a post never match. Within one
document one observation is kept per person and post: the most informative (see `_best`).
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .base import Extractor, NamedPattern
from .biographies import BiographyRules, biography_anchors, biography_sources
from .changes import DATE_RANGE, LazySubjects, congress_level, verb_regex, verbs
from .context import PlaceContext, home_context
from .facts import Holding, Place, PreparedDocument
from .gazetteer import gazetteer
from .lexicon import alternation, table, trie, words
from .names import clean_name, left_boundary, name_before_regex, name_regex, names_regex
from .list_rules import ListRules, list_anchors, list_sources
from .official_changes import CLAUSE_OPENERS, ChangeRules, change_anchors, change_sources, own_posts
from .post_build import former
from .posts import post_grammar

NAME_GAP = r"(?:包括[：:]?|[ ]{0,3})"     # "其余市委常委包括A、B"
LISTING = ("post_then_name", "elided_then_name")    # rules whose posts a later list may share
STATUS_RANK = {"takes-up": 3, "leaves": 2, "held": 2, "proposed": 1, "holds": 0}
# Every post ends in one of these within a few characters: checking that first keeps the big
# place alternation from being tried at every character of the text.
POST_AHEAD = r"(?=[^。，、；\n]{0,24}?(?:书记|长|主任|主席|委员|成员|代表|常委|总理|董事|经理|总裁|监事|总指挥))"
TITLE_AFTER = r"(?=[，,。：:、“”\s（(]|表示|说|建议|指出|认为|提出|介绍|告诉|坦言|感慨|发言|呼吁|谈到|直言|提交|带来|的|$)"


class OfficialsExtractor(ListRules, ChangeRules, BiographyRules, Extractor):
    name = "officials"
    _doc_state: dict | None = None      # per-document lookups, rebuilt for each document
    emits = ("PostObservation", "holder", "post", "Person", "org:Post", "org:holds", "org:postIn",
             "org:role", "org:Organization", "District")

    @property
    def _patterns(self) -> tuple[NamedPattern, ...]:
        return _compiled_patterns()

    def patterns(self):
        return self._patterns

    def extract(self, doc: PreparedDocument):
        self._doc_state = None
        found = list(super().extract(doc))
        found.extend(self._continuations(doc, context_of(doc), found))
        return iter(_best(found))

    def facts_from_match(self, doc: PreparedDocument, pattern: NamedPattern, match):
        ctx = self._context_at(doc, match.start())
        rule = self.rule_of(pattern.name, match)
        evidence = doc.evidence(match.start(), match.end(), rule)
        handler = getattr(self, "_" + rule)
        people = set()
        for person, post, written, status, concurrent, date in handler(doc, ctx, match):
            people.add(person)
            if rule in LISTING:
                self._state(doc)["listed"].append((match.start(), match.end(), person, post))
            yield Holding(person, post, written, evidence, status=status, concurrent=concurrent, date=date,
                          person_as_written=written_name(doc, match, person))
        if people and rule in CLAUSE_OPENERS:
            # up to the end of the posts the rule used: a later clause it ran into is not its own
            used = match.start("posts") + len(own_posts(match)) if "posts" in match.re.groupindex else match.end()
            self._state(doc)["named"].append((match.start(), used))
        if len(people) == 1 and rule in CLAUSE_OPENERS:
            self._state(doc)["anchors"].append((match.end(), people.pop()))

    # -- one method per pattern: yield (person, post, as written, status, concurrent, date) ---
    def _post_then_name(self, doc, ctx, m):
        status = "leaves" if m.group("former") else "holds"
        people = [clean_name(m.group("name")), *(clean_name(x) for x in m.captures("more"))]
        posts = m.group("posts")
        if _after_verb(doc.norm.text, m.start()):
            # "…担任省委常委，副省长A": the posts before the comma are the verb's object
            posts = _COMMA.split(posts)[-1]
        for post, written, concurrent in post_grammar().parse_list(posts, ctx):
            for person in people:
                yield person, post, written, "leaves" if former(written, post) else status, concurrent, None

    def _name_then_national_post(self, doc, ctx, m):
        row = next(r for r in table("national_posts.tsv") if r["post"] == m.group("national"))
        post = post_grammar().parse_item(row["organization"] + m.group("national"), ctx)
        if post is not None:
            yield m.group("name"), post, m.group("national"), "holds", False, None

    def _name_then_title(self, doc, ctx, m):
        level = self._state(doc)["congress"]
        if level is None:
            return
        body = "人大代表" if m.group("title") == "代表" else "政协委员"
        post = post_grammar().parse_item(level + body, ctx)
        if post is not None:
            yield m.group("name"), post, m.group("title"), "holds", False, None

    def _context_at(self, doc: PreparedDocument, pos: int) -> PlaceContext:
        """The document's places, speaking for the place of the section or of the place
        header line ("● 江北区 ●") above `pos`, when there is one."""
        ctx = context_of(doc)
        section = doc.section_at(pos)
        place = section.unit if section is not None and isinstance(section.unit, Place) else None
        headers = [p for start, p in self._state(doc)["headers"] if start <= pos]
        if headers and (place is None or not gazetteer().is_within(headers[-1], place)):
            place = headers[-1] if place is None or section.start < pos else place
        return ctx.speaking_for(place, gazetteer())

    def _state(self, doc: PreparedDocument) -> dict:
        if self._doc_state is None or self._doc_state["doc"] is not doc:
            text = doc.norm.text
            self._doc_state = {"doc": doc, "subjects": LazySubjects(text), "congress": congress_level(text),
                               "anchors": [], "pending": [], "named": [], "listed": [],
                               "headers": place_headers(text, context_of(doc))}
        return self._doc_state

    # -- speaker lines (used by the sectioner) ---------------------------------------------
    def speaker_line(self, line: str, ctx: PlaceContext):
        """If a line ends with a post list and a name (a speaker line or a table-of-contents
        entry), return (name, posts, start of the post list in the line)."""
        stripped = line.rstrip("：: ")
        for m in self._patterns[0].finditer(stripped):
            if m.end() == len(stripped) and not m.captures("more"):
                posts = [p for p, _, _ in post_grammar().parse_list(m.group("posts"), ctx)]
                if posts:
                    return clean_name(m.group("name")), posts, m.start()
        return None


@lru_cache(maxsize=1)
def _compiled_patterns() -> tuple[NamedPattern, ...]:
    """The officials patterns, compiled once per process: the sectioner's speaker finder and
    the extractor share them (compiling the post grammar is the costly part)."""
    posts, name, names, left = post_grammar().list_regex(), name_regex(), names_regex(), left_boundary()
    after = trie(words("after_name_words.txt"))
    national = trie(row["post"] for row in table("national_posts.tsv"))
    verb, change = verb_regex(), verb_regex("takes-up", "leaves", "proposed", "holds", "held")
    date = rf"(?:{DATE_RANGE}[，, ]*)"
    sources = {
        "post_then_name": rf"{POST_AHEAD}(?<!名誉|荣誉)(?P<former>原)?(?P<posts>{posts}){NAME_GAP}(?P<name>{name})"
                          rf"(?:、(?P<more>{name})(?=[、，,。；;：:\s）)]|等|{after}))*",
        "name_then_national_post": rf"(?P<name>{name_before_regex()})(?P<national>{national})",
        "name_then_title": rf"{left}(?P<name>{name_before_regex()})(?P<title>代表|委员){TITLE_AFTER}",
        **list_sources(posts, name, name_before_regex(), left, after),
        **change_sources({"posts": posts, "name": name, "names": names, "left": left, "verb": verb,
                          "date": date, "after": after, "place": post_grammar().place_alt,
                          "last": post_grammar().last_characters()}),
        **biography_sources(posts, change, date, name, after, post_grammar().place_alt),
    }
    # A post followed by a name holds a post's last character followed by a surname.
    surnames = "".join(sorted({w[0] for w in words("surnames.txt")}))
    anchor = regex.compile(rf"[{regex.escape(post_grammar().last_characters())}]"
                           rf"(?={NAME_GAP}[{regex.escape(surnames)}])")
    anchors = {"post_then_name": anchor, "name_then_title": regex.compile("代表|委员"), **list_anchors(),
               **change_anchors(), **biography_anchors(change)}
    return tuple(NamedPattern(k, regex.compile(v, regex.V1), anchors.get(k)) for k, v in sources.items())


_HEADER_DECOR = r"[\s●○■□◆◇▲△▼▽·•#＃*\-—【】\[\]]*"
# a line that is a name alone between decorations, or a name between bullets
_PLACE_HEADER = regex.compile(
    rf"(?m)^{_HEADER_DECOR}(?P<name>\p{{Han}}{{2,12}}){_HEADER_DECOR}$"
    r"|(?P<open>[●○■◆▲【\[])[ ]*(?P<name>\p{Han}{2,12})[ ]*(?P<close>[●○■◆▲】\]])")
_COMMA = regex.compile(r"[，,]")


def place_headers(text: str, ctx: PlaceContext) -> list[tuple[int, Place]]:
    """(start, place) of each line that is a place name alone, bullets around it allowed."""
    gaz, out = gazetteer(), []
    for m in _PLACE_HEADER.finditer(text):
        place = gaz.resolve(m.group("name"), context=ctx.named)
        if place is not None:
            out.append((m.start(), place))
    return out


def _after_verb(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos]
    return any(before.endswith(v) for v in (*verbs(), "为", "是")) if before else False


def written_name(doc: PreparedDocument, match, person: str) -> str:
    """`person` as the document writes it, when that differs (traditional script, padding
    spaces the normalised text dropped: 李 亮); '' otherwise or when it is not in the match."""
    found = _spaced(doc.norm.text, person, match.start(), match.end())
    if found is None:
        return ""
    start, end = doc.norm.span(*found)
    written = doc.doc.text[start:end]
    return written if written != person else ""


def _spaced(text: str, name: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where `name` stands in text[lo:hi], its characters in order with up to three spaces of
    any width between them (李　亮). A scan, not a pattern: a pattern per name would be
    compiled for every holding."""
    if not name:
        return None
    at = text.find(name[0], lo, hi)
    while at >= 0:
        i, k = at + 1, 1
        while k < len(name) and i < hi:
            gap = 0
            while i < hi and text[i] in " \u3000\u00a0" and gap < 3:
                i, gap = i + 1, gap + 1
            if i >= hi or text[i] != name[k]:
                break
            i, k = i + 1, k + 1
        if k == len(name):
            return at, i
        at = text.find(name[0], at + 1, hi)
    return None


def context_of(doc: PreparedDocument) -> PlaceContext:
    ctx = getattr(doc, "places", None)
    if ctx is not None:
        return ctx
    if doc.city is not None:
        return PlaceContext(city=doc.city, named=frozenset({doc.city.id}))
    return home_context(gazetteer())


def _best(holdings: list[Holding]) -> list[Holding]:
    """One holding per person and post: a dated one before an undated one (the earliest date),
    then the most telling status (takes-up, leaves, proposed, holds), then the first seen."""
    best: dict[tuple[str, str], tuple[int, Holding]] = {}
    for i, h in enumerate(holdings):
        key = (h.person, h.post.key)
        if key not in best or _rank(h) > _rank(best[key][1]):
            best[key] = (i, h)
    return [h for _, h in sorted(best.values(), key=lambda ih: (ih[1].evidence.start, ih[0]))]


def _rank(h: Holding) -> tuple:
    date_key = tuple(-ord(c) for c in h.date) if h.date else ()
    return (h.date is not None, date_key, STATUS_RANK.get(h.status, 0), -h.evidence.start)
