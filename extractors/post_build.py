"""Turning a parsed post (a place, or an unresolved written place, a body and a role) into the
`Organization` and `Post` facts, with the labels and keys officials and the graph expect:
"璧山区委" + "书记" → 璧山区委书记; 彭水 → 彭水苗族土家族自治县委书记; 忠县 → 忠县县委."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .facts import Organization, Place, Post, ascii_key
from .lexicon import alternation, table

# What a bare level word is called for each kind of place, to check that an elided post
# ("市委副书记、市长") stays with the place of the post before it.
LEVEL_OF_KIND = {
    "province": "省", "autonomous_region": "自治区", "municipality": "市", "prefecture_city": "市",
    "county_city": "市", "autonomous_prefecture": "州", "prefecture": "地区", "league": "盟",
    "district": "区", "county": "县", "autonomous_county": "县", "banner": "旗",
    "autonomous_banner": "旗", "forestry_area": "区", "special_district": "区",
}


@dataclass(frozen=True)
class Body:
    pattern: regex.Pattern   # fullmatch on what follows the place; groups level, dept, sub, role
    placed: str              # regex source after a written place (level word optional)
    bare: str | None         # regex source without a place (a level word is required)
    kind: str
    label: str
    roles: tuple[str, ...]
    role_prefix: str
    own_roles: tuple[str, ...] = ()     # roles of the body itself (not of a party group in it)


@lru_cache(maxsize=1)
def grammar_words() -> dict[str, str]:
    return {row["name"]: row["pattern"] for row in table("level_words.tsv")}


# Bodies named as written after their place: departments and companies.
WRITTEN_BODIES = ("department", "company")
# "区人大常委会原主任": a former holder, written with 原 right before the role.
FORMER = "(?:原)?"


def former(written: str, post: Post) -> bool:
    """Whether a post as written names its former holder (原 right before the role)."""
    role = post.role
    for prefix in ("党工委", "党组", "党委"):
        if role.startswith(prefix) and not written.endswith(role):
            role = role[len(prefix):]
    return written.endswith("原" + role)


def _plain(source: str) -> str:
    return regex.sub(r"\(\?P<\w+>", "(?:", source)


def load_bodies() -> list[Body]:
    words = grammar_words()
    level, dept = words["level"], words["dept"]
    subs = alternation(row["body"] for row in table("sub_bodies.tsv"))
    sub_roles = tuple(dict.fromkeys(r for row in table("sub_bodies.tsv") for r in row["roles"].split("|") if r))
    bodies = []
    for row in table("place_bodies.tsv"):
        roles = tuple(r for r in row["roles"].split("|") if r)
        body = row["body"].replace("{DEPT}", f"(?P<dept>{dept})(?P<sub>{subs})?")
        body = body.replace("{COMPANY}", f"(?P<dept>{words['company']})(?P<sub>{subs})?")
        if "{SUB}" in body:       # "政协党组书记": the party group's roles are the body's too
            body = body.replace("{SUB}", f"(?P<sub>{subs})")
            roles = tuple(dict.fromkeys(roles + sub_roles))
        role_alt = alternation(roles)
        full = body.replace("{L}", f"(?P<level>{level})") + f"{FORMER}(?P<role>{role_alt})"
        bare = None
        if "{L}" in row["body"]:
            required = body.replace("{L}?", f"(?P<level>{level})")
            bare = required + f"{FORMER}(?:{role_alt})"
            if row["kind"] == "government":
                heads = alternation(r for r in roles if r.endswith("长") and not r.endswith("秘书长"))
                # "政府副旗长", "政府党组成员": the own place's government, its level word left
                # out after 政府 as after 旗委 (the head's role carries the level)
                gov = "(?:(?:人民)?政府|行署|行政公署)"     # a league's government is its 行政公署
                bare = (f"(?:(?:{level})?{gov})?{FORMER}(?:{heads})"
                        f"|(?:{level})?{gov}(?:{subs})?{FORMER}(?:{role_alt})")
        own = tuple(r for r in row["roles"].split("|") if r)
        placed = _plain(body.replace("{L}", f"(?:{level})")) + f"{FORMER}(?:{role_alt})"
        bodies.append(Body(regex.compile(full, regex.V1), placed,
                           _plain(bare) if bare else None, row["kind"], row["label"], roles,
                           row.get("role_prefix", "") or "", own))
    return bodies


def level_of(match: regex.Match) -> str | None:
    """The level word of a parsed body: written before the body, or inside the head's role."""
    level = match.groupdict().get("level")
    if level:
        return level
    role = match.group("role")
    if role.endswith("长") and len(role) >= 2 and role[-2] in "省市州盟区县旗":
        return role[-2]
    return None


class PostBuilder:
    def __init__(self):
        self.roles = {row["label"]: row for row in table("roles.tsv")}
        self.subs = {row["body"]: row for row in table("sub_bodies.tsv")}

    def post(self, org: Organization, role: str, label: str) -> Post:
        row = self.roles.get(role)
        role_id = row["id"] if row else "role-" + ascii_key(role, 8)
        return Post(org, role, role_id, label)

    def place_post(self, place: Place | None, written: str, body: Body, m: regex.Match) -> Post:
        """A post of a body of `place` (or, when the place is unresolved, of `written`)."""
        role = m.group("role")
        if body.kind in WRITTEN_BODIES:
            dept = _dept_name(m)
            if role == "成员" and not m.group("sub"):
                return None
            level = m.groupdict().get("level") or ""
            return self.department_post(self.department(place, written, dept, body.kind, level), m.group("sub"), role)
        sub = m.groupdict().get("sub")
        org = self.place_org(place, written, body)
        if sub:                    # 县政府党组书记: the government's party group
            if role not in self.subs[sub]["roles"].split("|"):
                return None
            return self.department_post(org, sub, role)
        if role not in body.own_roles:
            return None
        return self.role_post(org, written, body, role)

    def role_post(self, org: Organization, written: str, body: Body, role: str) -> Post:
        """Another role of the same organization, written alone after a post of it."""
        if body.kind == "government":
            name = org.place.name if org.place is not None else written
            if role.endswith("秘书长"):          # the government's secretary-general, not the place's
                return self.post(org, role, org.label + role)
            if name[-1:] in "市省" and role.startswith(name[-1]):
                name = name[:-1]
            return self.post(org, role, name + role)
        return self.post(org, body.role_prefix + role, org.label + role)

    def place_org(self, place: Place | None, written: str, body: Body) -> Organization:
        suffix = body.label
        if place is None:
            return Organization(f"unresolved-{ascii_key(written, 10)}-{_slug(body.kind)}", written + suffix, body.kind)
        name = place.name
        # "忠县县委": a two-character county repeats its 县 before 委, as officials write it.
        if len(name) == 2 and suffix in ("委", "政府"):
            name += name[-1]
        if place.kind == "autonomous_region" and suffix == "委":
            suffix = "党委"
        if place.kind == "league" and suffix == "政府":      # a league is governed by its 行政公署
            suffix = "行政公署"
        return Organization(f"{place.id}-{_slug(body.kind)}", name + suffix, body.kind, place)

    def department(self, place: Place | None, written: str, dept: str, kind: str = "department",
                   level: str = "") -> Organization:
        """A department or company of a place, labelled as written (武汉团市委, 宁夏区委组织部,
        湖南行政学院) and keyed by the place, so that every form of its name is one organization."""
        canonical = (place.name if place is not None else written) + dept
        key = f"{place.id if place is not None else 'unresolved'}-dept-{ascii_key(canonical, 10)}"
        if not written:
            written = canonical[: -len(dept)]
        elif not written.endswith(level):       # 宁夏 + 区委组织部, but 贵州省 + 委组织部
            written += level
        label = written + dept
        return Organization(key, label, kind, place)

    def open_post(self, org: Organization, text: str, role: str) -> Post:
        """A task force's or a river's post of the place of `org`, named as written."""
        place = org.place
        base = place.id if place is not None else org.key
        unit = Organization(f"{base}-unit-{ascii_key(text, 10)}", text[: -len(role)] or text, "task_force", place)
        return self.post(unit, role, text)

    def committee_department(self, committee: Organization, dept: str) -> Organization:
        """组织部 after 市委常委: the committee's own department (市委组织部)."""
        label = committee.label + dept
        base = committee.place.id if committee.place is not None else "unresolved"
        return Organization(f"{base}-dept-{ascii_key(label, 10)}", label, "department", committee.place)

    def department_post(self, dept: Organization, sub: str | None, role: str) -> Post | None:
        if role == "长":                   # 组织部长, 公安局长: the head, contracted
            if sub or dept.label[-1] not in "部局厅处":
                return None
            role = dept.label[-1] + "长"
        if sub:
            kind = self.subs[sub]["kind"]
            org = Organization(f"{dept.key}-{_slug(kind)}", dept.label + sub, kind, None, dept)
            return self.post(org, sub + role, org.label + role)
        return self.post(dept, role, dept.label + role)


def _dept_name(m: regex.Match) -> str:
    return m.group("dept")


def _slug(kind: str) -> str:
    return kind.replace("_", "-")
