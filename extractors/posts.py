"""The grammar of posts as officials write them, built from the data files.

A post list is one or more posts separated by 、，, each optionally followed by a remark in
brackets ("(兼)", "（分管日常工作）"). A later post may leave out what it shares with the one
before ("璧山区委书记、区长", "市财政局党组书记、局长", "…党工委书记、管委会主任").
`PostGrammar.list_regex()` finds such lists; `parse_list()` turns one into `Post`s.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .facts import Organization, Place, Post, ascii_key
from .gazetteer import Gazetteer, gazetteer
from .lexicon import alternation, table

SEPARATOR = r"[、，,]"
REMARK = r"(?:[（(][^（()）\n]{1,30}[）)])"


@dataclass(frozen=True)
class _Body:
    pattern: regex.Pattern   # body then role, anchored, with group 'role'
    source: str
    kind: str
    label: str
    roles: tuple[str, ...]
    role_prefix: str


def _body_rows(name: str) -> list[_Body]:
    rows = []
    for row in table(name):
        roles = tuple(r for r in row["roles"].split("|") if r)
        source = f"(?:{row['body']})(?P<role>{alternation(roles)})"
        rows.append(_Body(regex.compile(source, regex.V1), source, row["kind"], row.get("label", ""),
                          roles, row.get("role_prefix", "") or ""))
    return rows


class PostGrammar:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.place_bodies = _body_rows("place_bodies.tsv")
        self.city_bodies = _body_rows("city_bodies.tsv")
        self.sub_bodies = _body_rows("sub_bodies.tsv")
        self.roles = {row["label"]: row for row in table("roles.tsv")}
        self.place_alt = alternation(gaz.by_written)
        all_roles = {r for b in self.place_bodies + self.city_bodies + self.sub_bodies for r in b.roles}
        self.role_alt = alternation(all_roles)
        self._place_re = regex.compile(self.place_alt)

    # -- regex sources -------------------------------------------------------------------
    def item_regex(self) -> str:
        place_item = f"(?:{self.place_alt})(?:{'|'.join(b.source.replace('(?P<role>', '(?:') for b in self.place_bodies)})"
        dept = self.city_bodies[-1].source.split("(?P<role>")[0]
        subs = "|".join(b.source.split("(?P<role>")[0] for b in self.sub_bodies)
        city_fixed = "|".join(b.source.replace("(?P<role>", "(?:") for b in self.city_bodies[:-1])
        city_item = f"市(?:{city_fixed}|{dept}(?:{subs})?(?:{self.role_alt}))"
        return f"(?:{place_item}|{city_item})"

    def elided_regex(self) -> str:
        bodies = "|".join(b.source.split("(?P<role>")[0] for b in self.place_bodies + self.sub_bodies)
        return f"(?:(?:{bodies})?(?:{self.role_alt}))"

    def list_regex(self) -> str:
        item, elided = self.item_regex(), self.elided_regex()
        return rf"(?:{item}){REMARK}?(?:{SEPARATOR}(?:{item}|{elided}){REMARK}?)*"

    # -- parsing one list ----------------------------------------------------------------
    def parse_list(self, text: str, city: Place) -> list[tuple[Post, str, bool]]:
        """(post, as written, concurrent) for each post in a matched post list."""
        items = regex.split(rf"(?<={REMARK}|[^（()）]){SEPARATOR}(?![^（(]*[）)])", text)
        out: list[tuple[Post, str, bool]] = []
        previous: Post | None = None
        for raw in items:
            remark = regex.search(REMARK + "$", raw)
            written = raw[: remark.start()] if remark else raw
            concurrent = bool(remark and "兼" in remark.group())
            post = self.parse_item(written, city, previous)
            if post is not None:
                out.append((post, raw, concurrent))
                previous = post
        return out

    def parse_item(self, text: str, city: Place, previous: Post | None) -> Post | None:
        m = self._place_re.match(text)
        if m:
            place = self.gaz.lookup(m.group())
            post = self._place_post(place, text[m.end():])
            if post:
                return post
        if text.startswith("市"):
            post = self._city_post(city, text[1:])
            if post:
                return post
        if previous is not None:
            return self._elided_post(text, previous, city)
        return None

    def _place_post(self, place: Place, rest: str) -> Post | None:
        if place.kind == "municipality":
            return self._city_post(place, rest)
        for body in self.place_bodies:
            m = body.pattern.fullmatch(rest)
            if m:
                return self._make_place_post(place, body, m.group("role"))
        return None

    def _make_place_post(self, place: Place, body: _Body, role: str) -> Post:
        org = self.place_org(place, body)
        if body.kind == "government":
            label = (place.name[:-1] if place.name.endswith("市") and role.startswith("市") else place.name) + role
        else:
            label = org.label + role
        return self._post(org, body.role_prefix + role, label)

    def place_org(self, place: Place, body: _Body) -> Organization:
        suffix = body.label
        # "忠县县委": a two-character county repeats its 县 before 委, as officials write it.
        name = place.name + place.name[-1] if len(place.name) == 2 and suffix in ("委", "政府") else place.name
        return Organization(f"{place.id}-{body.kind.replace('_', '-')}", name + suffix, body.kind, place)

    def _city_post(self, city: Place, rest: str) -> Post | None:
        for body in self.city_bodies[:-1]:
            m = body.pattern.fullmatch(rest)
            if m:
                org = self._city_org(city, body, rest[: m.start("role")])
                role = m.group("role")
                label = (city.name[:-1] + role) if body.kind == "government" else org.label + role
                return self._post(org, role, label)
        dept_body = self.city_bodies[-1]
        for sub in self.sub_bodies + [None]:
            pattern = dept_body.source.split("(?P<role>")[0]
            if sub is not None:
                pattern += sub.source
            else:
                pattern += f"(?P<role>{alternation(dept_body.roles)})"
            m = regex.fullmatch(pattern, rest, regex.V1)
            if m:
                dept_name = rest[: m.start("role")]
                if sub is not None:
                    dept_only, sub_name = self._split_sub(dept_name)
                    dept = self._department(city, dept_only)
                    org = Organization(f"{dept.key}-{sub.kind.replace('_', '-')}", dept.label + sub_name, sub.kind, None, dept)
                    return self._post(org, sub_name + m.group("role"), org.label + m.group("role"))
                dept = self._department(city, dept_name)
                return self._post(dept, m.group("role"), dept.label + m.group("role"))
        return None

    def _split_sub(self, name: str) -> tuple[str, str]:
        for sub in self.sub_bodies:
            body = sub.source.split("(?P<role>")[0].strip("(?:)")
            if name.endswith(body):
                return name[: -len(body)], body
        return name, ""

    def _city_org(self, city: Place, body: _Body, written: str) -> Organization:
        label = city.name + (written or "政府")
        return Organization(f"{city.id}-{body.kind.replace('_', '-')}", label, body.kind, city)

    def _department(self, city: Place, name: str) -> Organization:
        label = city.name + name
        return Organization(f"{city.id}-dept-{ascii_key(label, 10)}", label, "department", city)

    def _elided_post(self, text: str, previous: Post, city: Place) -> Post | None:
        org = previous.org.parent or previous.org
        place = org.place if org.kind != "department" else None
        if place is not None and place.kind != "municipality":
            for body in self.place_bodies:
                m = body.pattern.fullmatch(text)
                if m:
                    return self._make_place_post(place, body, m.group("role"))
            return None
        if org.kind == "department":
            for sub in self.sub_bodies:
                m = sub.pattern.fullmatch(text)
                if m:
                    body = sub.source.split("(?P<role>")[0].strip("(?:)")
                    sub_org = Organization(f"{org.key}-{sub.kind.replace('_', '-')}", org.label + body, sub.kind, None, org)
                    return self._post(sub_org, body + m.group("role"), sub_org.label + m.group("role"))
            if text in self.city_bodies[-1].roles:
                return self._post(org, text, org.label + text)
            return None
        return self._city_post(org.place or city, text)

    def _post(self, org: Organization, role: str, label: str) -> Post:
        row = self.roles.get(role)
        role_id = row["id"] if row else "role-" + ascii_key(role, 8)
        return Post(org, role, role_id, label)


@lru_cache(maxsize=1)
def post_grammar() -> PostGrammar:
    return PostGrammar(gazetteer())
