"""The grammar of posts as officials write them, built from the data files.

A post is a place (or a chain of places: "黄石市铁山区"), a body and a role ("区委书记",
"区长", "财政局党组书记"); or a bare level word standing for the document's own place
("市委书记", "省长", see context.py); or a national body ("全国人大代表", "国务院总理").
A post list is one or more posts separated by 、，, each optionally followed by a remark in
brackets ("(兼)"). A later post may leave out what it shares with the one before
("璧山区委书记、区长", "市委常委、组织部部长", "市财政局党组书记、局长").
`PostGrammar.list_regex()` finds such lists; `parse_list()` turns one into `Post`s.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .context import PlaceContext
from .facts import Organization, Place, Post, ascii_key
from .gazetteer import Gazetteer, gazetteer
from .lexicon import alternation, table, trie
from .post_build import LEVEL_OF_KIND, WRITTEN_BODIES, PostBuilder, grammar_words, level_of, load_bodies

SEPARATOR = r"[、，,]"
CONJUNCTIONS = "和及与"          # also join posts after a role: "省委委员、常委和市委书记"
REMARK = r"(?:[（(][^（()）\n]{1,30}[）)])"
_REMARK_AT_END = regex.compile(REMARK + "$")
MAX_CHAIN = 3
ZONE_BODIES = ("party_working_committee", "administrative_committee")
SESSION = "(?:第?[一二三四五六七八九十]{1,3}届)?"     # 第十届全国人大常委会副委员长
OPEN_ROLES = ("副总指挥", "总指挥", "副指挥长", "指挥长", "总河长", "河长", "林长", "路长")


class PostGrammar:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.bodies = load_bodies()
        self.build = PostBuilder()
        self.national = [(regex.compile(f"{SESSION}(?P<body>{r['body']})(?P<role>{alternation(r['roles'].split('|'))})", regex.V1),
                          Organization(r["organization_id"], r["organization"], "central"))
                         for r in table("national_bodies.tsv")]
        self.role_ends = regex.escape("".join(sorted({r[-1] for b in self.bodies for r in b.roles})))
        # A place whose name starts with a conjunction (和县, 和平区, 与…) is never read right
        # after a role: "市委常委和县委书记" is 常委 and 县委书记, not 和县.
        conj = [f for f in gaz.by_written if f[0] in CONJUNCTIONS]
        self.place_alt = (f"(?:(?<![{self.role_ends}])(?:{trie(conj)})"
                          f"|{trie(f for f in gaz.by_written if f[0] not in CONJUNCTIONS)})")
        self.separator = rf"(?:{SEPARATOR}|(?<=[{self.role_ends}])[{CONJUNCTIONS}](?=\p{{Han}}))"
        # a separator between the items of a matched list, not inside a bracketed remark
        self._list_separator = regex.compile(rf"(?<={REMARK}|[^（()）]){self.separator}(?![^（(]*[）)])")
        roles = {r for b in self.bodies for r in b.roles} - {"长"}     # 长 only after its department
        self.role_alt = alternation(roles)
        self.words = grammar_words()
        self.zone = regex.compile(self.words["zone"], regex.V1)
        self.open = regex.compile(self.words["open"], regex.V1)

    # -- regex sources -------------------------------------------------------------------
    def item_regex(self) -> str:
        placed = "|".join(b.placed for b in self.bodies)
        bare = "|".join(b.bare for b in self.bodies if b.bare)
        national = "|".join(_source(p) for p, _ in self.national)
        return (f"(?:(?:{self.place_alt}){{1,{MAX_CHAIN}}}(?:{placed})"
                f"|(?<!{self.words['not_before_level']})(?:{bare})|(?:{national}))")

    def elided_regex(self) -> str:
        bodies = "|".join(b.placed.rsplit("(?:", 1)[0] for b in self.bodies if b.kind != "government")
        dept = next(b.placed.rsplit("(?:", 1)[0] for b in self.bodies if b.kind == "department")
        subs = alternation(self.build.subs)
        # 市委常委、组织部长; 省政协副主席、党组副书记
        return f"(?:(?:{bodies})?(?:{self.role_alt})|{dept}长|(?:{subs})(?:{self.role_alt}))"

    def list_regex(self) -> str:
        item, elided = self.item_regex(), self.elided_regex()
        # after a separator only (a full scan for them would cost every pattern dearly): a
        # zone the gazetteer does not list ("、白鹭经开区管委会主任"), a task force's post
        zone_bodies = "|".join(b.placed for b in self.bodies if b.kind in ZONE_BODIES)
        zoned = f"{self.words['zone']}(?:{zone_bodies})"
        opened = self.words["open"]
        # a zone also opens a list right after a verb of taking up (兼任…保税区党工委书记): a
        # one-character look behind, cheap where it fails
        return (rf"(?:{item}|(?<=任){zoned}){REMARK}?"
                rf"(?:{self.separator}(?:{item}|{zoned}|{elided}|{opened}){REMARK}?)*")

    def last_characters(self) -> str:
        """Every character a post list can end with: the last character of each role the
        grammar knows, and the bracket closing a remark ("（兼）")."""
        roles = {r for b in self.bodies for r in b.roles} | {row["label"] for row in table("roles.tsv")}
        roles |= {r for row in table("national_bodies.tsv") for r in row["roles"].split("|")}
        roles |= {r for sub in self.build.subs.values() for r in sub["roles"].split("|")}
        return "".join(sorted({r[-1] for r in roles if r} | {"）", ")"}))

    # -- parsing one list ----------------------------------------------------------------
    def parse_list(self, text: str, ctx: PlaceContext) -> list[tuple[Post, str, bool]]:
        """(post, as written, concurrent) for each post in a matched post list."""
        items = self._list_separator.split(text)
        out: list[tuple[Post, str, bool]] = []
        previous: Post | None = None
        for raw in items:
            remark = _REMARK_AT_END.search(raw)
            written = raw[: remark.start()] if remark else raw
            concurrent = bool(remark and "兼" in remark.group())
            post = self.parse_item(written, ctx, previous)
            if post is not None:
                out.append((post, raw, concurrent))
                previous = post
        return out

    def parse_item(self, text: str, ctx: PlaceContext, previous: Post | None = None) -> Post | None:
        post = self._placed(text, ctx)
        if post is None and previous is not None:
            post = self._elided(text, previous)
        if post is None:
            post = self._bare(text, ctx)
        if post is None:
            post = self._national(text)
        return post

    def _placed(self, text: str, ctx: PlaceContext) -> Post | None:
        for chain, rest in self._chains(text, MAX_CHAIN):
            for body in self.bodies:
                m = body.pattern.fullmatch(rest)
                if m:
                    post = self.build.place_post(self._resolve_chain(chain, ctx), "".join(chain), body, m)
                    if post is not None:
                        return post
        return None

    def _chains(self, text: str, depth: int):
        """Ways to read the start of `text` as 1..depth place names; longest names and chains first."""
        if depth == 0:
            return
        zone = self.zone.match(text)
        for k in range(min(len(text) - 1, 24), 1, -1):
            head = text[:k]
            # a zone the gazetteer does not list stands as a place of its own, as written
            if head in self.gaz.by_written or (zone is not None and zone.end() == k and head not in self.gaz.by_written):
                # the longer chain first: 锡林郭勒盟+正镶白旗+委, never a department 正镶白旗委
                for chain, rest in self._chains(text[k:], depth - 1):
                    yield [head, *chain], rest
                yield [head], text[k:]

    def _resolve_chain(self, chain: list[str], ctx: PlaceContext) -> Place | None:
        place = self.gaz.resolve(chain[0], context=ctx.named)
        for written in chain[1:]:
            place = self.gaz.resolve(written, parent=place) if place is not None else None
        return place

    def _bare(self, text: str, ctx: PlaceContext) -> Post | None:
        for body in self.bodies:
            if body.bare is None:
                continue
            m = body.pattern.fullmatch(text)
            level = level_of(m) if m else None
            if level is not None:
                place = ctx.for_level(level)
                post = self.build.place_post(place, "", body, m) if place is not None else None
                if post is not None:      # else a later body: 区法院院长 is no department 法院院+长
                    return post
        return None

    def _national(self, text: str) -> Post | None:
        for pattern, org in self.national:
            m = pattern.fullmatch(text)
            if m:
                if org.label == "*":        # a ministry or commission, named as written
                    body = m.group("body").removeprefix("国务院")
                    org = Organization(f"{org.key}-{ascii_key(body, 10)}", body, "central")
                return self.build.post(org, m.group("role"), org.label + m.group("role"))
        return None

    def _elided(self, text: str, previous: Post) -> Post | None:
        org = previous.org.parent or previous.org
        if org.kind == "central":          # 财政部党组书记、部长
            return self._national(org.label + text)
        if self.open.fullmatch(text):          # "区委书记、…指挥部指挥长": the place's task force
            role = next(r for r in OPEN_ROLES if text.endswith(r))
            return self.build.open_post(org, text, role)
        if org.kind in WRITTEN_BODIES:
            sub = next((s for s in self.build.subs if text.startswith(s)), None)
            role = text[len(sub):] if sub else text
            dept_body = next(b for b in self.bodies if b.kind == org.kind)
            if role in dept_body.roles and role not in ("长", "成员") and (
                    sub is None or role in self.build.subs[sub]["roles"].split("|")):
                return self.build.department_post(org, sub, role)
            if sub and role in self.build.subs[sub]["roles"].split("|"):
                return self.build.department_post(org, sub, role)      # 公司董事、党委常委
            return None
        written = _written_place(org)
        sub = next((k for k in self.build.subs if previous.org.parent is not None and previous.org.label.endswith(k)), None)
        if sub and text in self.build.subs[sub]["roles"].split("|") and text not in ("书记",):
            return self.build.department_post(org, sub, text)      # "政协党组书记、副书记"
        sub = next((k for k in self.build.subs if text.startswith(k)), None)
        if sub and text[len(sub):] in self.build.subs[sub]["roles"].split("|") and any(
                b.kind == org.kind and "(?P<sub>" in b.pattern.pattern for b in self.bodies):
            return self.build.department_post(org, sub, text[len(sub):])     # "政协副主席、党组副书记"
        same = next((b for b in self.bodies if b.kind == org.kind and text in b.own_roles), None)
        if same is not None:           # "市委委员、常委、书记": the role alone, same body
            return self.build.role_post(org, written, same, text)
        for body in self.bodies:
            m = body.pattern.fullmatch(text)
            if not m or not _same_level(level_of(m), org.place):
                continue
            if body.kind == "department" and org.kind == "party_committee" and not m.groupdict().get("level"):
                dept = self.build.committee_department(org, m.group("dept"))
                return self.build.department_post(dept, m.group("sub"), m.group("role"))
            return self.build.place_post(org.place, written, body, m)
        return None


def _written_place(org: Organization) -> str:
    """For an unresolved place, its name as written (the organization's label less its body)."""
    if org.place is not None:
        return org.place.name
    for suffix in ("人大常委会", "党工委", "管委会", "政府", "人大", "政协", "纪委", "党委", "委"):
        if org.label.endswith(suffix):
            return org.label[: -len(suffix)]
    return org.label


def _same_level(level: str | None, place: Place | None) -> bool:
    if level is None or place is None:
        return True
    return LEVEL_OF_KIND.get(place.kind) == level


def _source(pattern: regex.Pattern) -> str:
    return regex.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)


@lru_cache(maxsize=1)
def post_grammar() -> PostGrammar:
    return PostGrammar(gazetteer())
