"""Personnel-change patterns of the officials extractor: "任命张三为…", "免去张三的…职务",
"张三任/调任/兼任/履新…", "A、B分别任甲、乙", lists under a heading ("任命：\n王晖为…；"),
elections ("选举产生5名常委：A、B…", "…人民代表大会…选举张三为人民政府市长"), successions
("A接替B任…": B leaves the post), "接受张三辞去…职务", "原…A、B未进入…", and a post between
a verb and its holder ("拟任…的李四", "新任区长王五"). Each verb's status is in
data/change_verbs.tsv. `OfficialsExtractor` mixes these handlers in; each yields
(person, post, as written, status, concurrent, date)."""
from __future__ import annotations

from functools import lru_cache

import regex

from .biographies import CAREER_ANCHOR, CAREER_NAME, CAREER_RULES, clauses
from .changes import heading_status, iso_date, place_suffix, verb_regex, verbs
from .names import name_regex, split_names
from .posts import post_grammar

INCLUDES = r"包括|分别是|分别为"
# Rules whose clause names one person that a following clause without a name continues.
CLAUSE_OPENERS = ("appoint_as", "remove_from", "name_verb_post", "listed_as", "succeeds", "elected_as")
# Rules run as one pattern (see change_sources); order matters where two match at one place.
COMBINED = ("post_includes", "assembly_elects", "elected_list", "elected_as", "appoint_as", "remove_from", "accept_resignation", "post_terminated",
            "listed_removed", "former_not_kept", "succeeds", "titled_by_verb", "respectively_places")
COMBINED_NAME = "change_rules"
# Every match of a COMBINED rule holds one of these words: the combined pattern runs only in the
# sentences that hold one (base.NamedPattern.anchor), so its many branches cost little per MB.
COMBINED_ANCHOR = (r"任命|提名|推荐|选举|推选|补选|增选|增补|选出|免去|接受|原[^，,。；\n]{1,30}?(?:未|没有)|拟任|新任|时任"
                   r"|曾任|现任|新当选|接替|分别(?:任|担任|当选|出任|调任|兼任|改任|转任|升任|为)|终止|人民代表大会|职务|包括")
# (succeeds names two people and anchors its successor itself.)
# The word each rule that does not open with its verb holds further on (see _guard).
NEEDS = {"post_includes": INCLUDES, "post_terminated": "终止", "succeeds": "接替", "respectively_places": "分别",
         "listed_removed": "职务", "assembly_elects": "人民代表大会"}
# A party committee's post is often written after the party's name: "中共某县委书记".
PARTY = r"(?:中共|中国共产党)?"
# Between a name and its verb: adverbs, a date, how the vote went ("零反对票当选").
FILLER = (r"(?:已经|已|正式|近日|日前|目前|现|又|再|将|被|于(?:今年|去年|本月|同日)?(?:\d{1,2}月)?(?:\d{1,2}日)?"
          r"|以?(?:全票|高票|满票|零反对票|[\d零一二三四五六七八九十百]+票)"
          r"|(?:已经|已)?经[^，,。；;\n]{0,8}?(?:批准|同意|决定|研究))")
# A name may follow these nouns directly ("青年干部王某履新…").
NOUN_BEFORE = r"(?:干部|官员|人士|女士|先生)"
VOTE = r"(?:选举产生|选举|推选|补选|增选|增补|选出)"
# Han characters before a word a place name stands before ("…人民代表大会", "…历任"): the place is the
# longest ending of them the gazetteer knows (place_suffix), so no place alternation is compiled in.
PLACE_RUN = r"\p{Han}{2,12}?"
# A name in a list whose shape says it holds names (after "选举产生9名常委：").
LISTED = r"\p{Han}{2,4}"
# The verb before a post that stands before its holder, and the status it gives.
TITLE_VERBS = {"拟任": "proposed", "拟提名为": "proposed", "新任": "takes-up", "新当选的": "takes-up",
               "新当选": "takes-up", "时任": "held", "原任": "held", "曾任": "held", "现任": "holds"}
# The elective posts an assembly fills when its report leaves out the place ("人民政府市长").
ASSEMBLY_POST = r"(?:人民政府|人大常委会|人民代表大会常务委员会|政府)?(?:副)?(?:市长|县长|区长|州长|省长|主任|主席|院长|检察长)"


def change_anchors() -> dict[str, regex.Pattern]:
    """Cheap patterns every match of a costly rule contains (see base.NamedPattern.anchor):
    a rule that opens with a post list would otherwise try the big place alternation at
    every character of the text."""
    return {COMBINED_NAME: regex.compile(COMBINED_ANCHOR), CAREER_NAME: regex.compile(CAREER_ANCHOR),
            # a rule that opens with a name is tried at every character: its verb, or the 为 of
            # a list item, is in every match
            "name_verb_post": regex.compile(verb_regex()), "listed_as": regex.compile("为")}


def change_sources(g: dict[str, str]) -> dict[str, str]:
    """The change patterns' sources by pattern name, from the shared grammar pieces in `g`
    (posts, name, names, left, verb, date, after, place, last). The rules of COMBINED run as
    one pattern, the post list defined once in it (?(DEFINE)…): each copy of the post list
    costs ~0.4 s to compile. They open with distinct words, so one rarely hides another."""
    rules = _rule_sources(g)
    define = rf"(?(DEFINE)(?P<LIST>{g['posts']}))"
    out = {name: source.replace("(?&LIST)", f"(?:{g['posts']})") for name, source in rules.items() if name not in COMBINED}
    out[COMBINED_NAME] = define + "(?:" + "|".join(f"(?P<rule__{name}>){_guard(name)}{rules[name]}" for name in COMBINED) + ")"
    return out


def _guard(rule: str) -> str:
    """A rule that opens with a name or a post list (not with its verb) is tried at every
    character of a sentence, and the post list, called as a subroutine, is dear: a lookahead
    for the word the rule needs later in its line (names and posts never hold a line end)
    fails at once where the word is missing, and never where the rule could match."""
    word = NEEDS.get(rule)
    return rf"(?=[^\n]*?(?:{word}))" if word else ""


def _rule_sources(g: dict[str, str]) -> dict[str, str]:
    posts, name, names, left = "(?&LIST)", g["name"], g["names"], g["left"]
    return {
        "appoint_as": rf"(?P<verb>任命|提名|推荐|{VOTE})(?:了)?[：: ]*(?P<names>{names})(?P<resp>分别)?(?:为|担任){PARTY}(?P<posts>{posts})",
        "remove_from": rf"免去(?P<names>{names})(?:的)?{PARTY}(?P<posts>{posts})(?:等)?(?:的)?职务",
        "name_verb_post": rf"(?:{g['date']}(?:{left}|(?<=[年月日]))|{left}|(?<={NOUN_BEFORE}))(?P<names>{names}){FILLER}{{0,3}}(?P<resp>分别)?"
                          rf"(?P<verb>{g['verb']}){PARTY}(?P<posts>{posts})",
        # lists under a heading: "任命：\n王晖为…；\n李洁为…。免去：\n陈明的…职务。"
        "listed_as": rf"(?<=^|[；;：:，,\n]|其中[，,])[ ]*(?P<names>{names})(?:和(?P<also>{name})(?:同志)?)?为(?:新晋|新任)?{PARTY}(?P<posts>{posts})(?=[；;。，,\n]|$)",
        "listed_removed": rf"(?<=^|[；;：:\n])[ ]*(?P<names>{names})的{PARTY}(?P<posts>{posts})(?:等)?职务",
        "accept_resignation": rf"接受(?P<names>{names})(?:辞去|辞任){PARTY}(?P<posts>{posts})(?:等)?职务",
        "post_terminated": rf"{left}(?P<names>{names})的?{PARTY}(?P<posts>{posts})(?:等)?(?:职务|代表资格|委员资格)(?:相应|自然|依法|自行)?终止",
        "former_not_kept": rf"原{PARTY}(?P<posts>{posts})(?P<names>{names})(?:均|都|则)?(?:未|没有|未能)(?:进入|再进入|继续留任|留任|连任)",
        # the list after "选举产生9名常委：" is names whatever their surnames
        "elected_list": rf"{VOTE}(?:了|出)?(?:新一届)?(?:[\d一二三四五六七八九十]+(?:名|位))?{PARTY}(?P<posts>{posts})[：:]"
                        rf"(?P<names>{LISTED}(?:、{LISTED})*)(?=[。；;，,\n]|$)",
        "post_includes": rf"{PARTY}(?P<posts>{posts})(?:{INCLUDES})[：:]?(?P<names>{LISTED}(?:、{LISTED})+)(?=[。；;，,\n]|$)",
        "elected_as": rf"{VOTE}出?以(?P<names>{names})为{PARTY}(?P<posts>{posts})",
        "succeeds": rf"(?:{left}|(?<=[{regex.escape(g['last'])}]))(?P<names>{name})(?:同志)?{FILLER}?接替(?P<prev>{name})(?:同志)?"
                    rf"[，, ]?(?:出任|担任|任)?{PARTY}(?P<posts>{posts})",
        "assembly_elects": rf"(?P<place>{PLACE_RUN})(?:第[一二三四五六七八九十\d]+届)?人民代表大会[^。；\n]{{0,24}}?选举"
                           rf"(?P<names>{names})为(?P<post>{ASSEMBLY_POST})",
        "titled_by_verb": rf"(?P<verb>{'|'.join(sorted(TITLE_VERBS, key=len, reverse=True))}){PARTY}(?P<posts>{posts})"
                          rf"(?:的|[ ]{{0,3}})(?P<names>{name})(?=[，,。；、\s）)]|等|{g['after']}|$)",
        "respectively_places": rf"{left}(?P<names>{names})分别(?P<verb>{g['verb']})"
                               rf"(?P<places>(?:\p{{Han}}{{2,6}}?、)+)(?P<last>{posts})",
    }


class ChangeRules:
    """Handlers of the change patterns (one method per rule, named after it)."""

    @staticmethod
    def rule_of(pattern_name: str, match) -> str:
        """The rule a match is of: its pattern's name, or the branch of the combined pattern."""
        rules = {COMBINED_NAME: COMBINED, CAREER_NAME: CAREER_RULES}.get(pattern_name)
        if rules is None:
            return pattern_name
        return next(name for name in rules if match.group("rule__" + name) is not None)

    def _appoint_as(self, doc, ctx, m):
        status = "proposed" if m.group("verb") in ("提名", "推荐") else "takes-up"
        yield from pairs(m, ctx, status, False, None)

    def _remove_from(self, doc, ctx, m):
        yield from pairs(m, ctx, "leaves", False, None)

    def _name_verb_post(self, doc, ctx, m):
        verb = m.group("verb")
        names = m.group("names")
        if len(names) >= 3 and names[-1] + verb in verbs():
            # "黄强升任…": the name regex took the verb's first character (升) as a given name
            names, verb = names[:-1], names[-1] + verb
        status, concurrent = verbs()[verb]
        yield from pairs(m, ctx, status, concurrent, iso_date(m.group("date")), names)

    def _listed_as(self, doc, ctx, m):
        status = heading_status(doc.norm.text, m.start())
        if status in ("takes-up", "proposed"):
            yield from pairs(m, ctx, status, False, None)

    def _listed_removed(self, doc, ctx, m):
        if heading_status(doc.norm.text, m.start()) == "leaves":
            yield from pairs(m, ctx, "leaves", False, None)

    def _accept_resignation(self, doc, ctx, m):
        yield from pairs(m, ctx, "leaves", False, None)

    def _post_terminated(self, doc, ctx, m):
        yield from pairs(m, ctx, "leaves", False, None)

    def _former_not_kept(self, doc, ctx, m):
        yield from pairs(m, ctx, "leaves", False, None)

    def _elected_list(self, doc, ctx, m):
        yield from pairs(m, ctx, "takes-up", False, None)

    def _post_includes(self, doc, ctx, m):
        yield from pairs(m, ctx, "holds", False, None)

    def _elected_as(self, doc, ctx, m):
        yield from pairs(m, ctx, "takes-up", False, None)

    def _succeeds(self, doc, ctx, m):
        """"A接替B任P": A takes up P, B leaves it."""
        new, old = split_names(m.group("names")), split_names(m.group("prev"))
        self._state(doc)["anchors"].append((m.end(), new[0]))   # what follows is about A, not B
        for post, written, remark in post_grammar().parse_list(m.group("posts"), ctx):
            for person in new:
                yield person, post, written, "takes-up", remark, None
            for person in old:
                yield person, post, written, "leaves", False, None

    def _assembly_elects(self, doc, ctx, m):
        place = place_suffix(m.group("place"))
        post = post_grammar().parse_item(place + m.group("post"), ctx) if place else None
        if post is not None:
            for person in split_names(m.group("names")):
                yield person, post, m.group("post"), "takes-up", False, None

    def _titled_by_verb(self, doc, ctx, m):
        status = TITLE_VERBS[m.group("verb")]
        for post, written, remark in post_grammar().parse_list(m.group("posts"), ctx):
            yield split_names(m.group("names"))[0], post, written, status, remark, None

    def _respectively_places(self, doc, ctx, m):
        """"A、B分别任江宁、六合区委书记": the last post's body and role go with each place."""
        people = split_names(m.group("names"))
        last = post_grammar().parse_list(m.group("last"), ctx)
        if len(last) != 1:
            return
        heads = [p for p in m.group("places").split("、") if p]
        posts = [post_grammar().parse_item(_with_body(head, m.group("last")), ctx) for head in heads]
        if len(people) != len(heads) + 1 or any(p is None for p in posts):
            return
        status, concurrent = verbs()[m.group("verb")]
        written = [_with_body(h, m.group("last")) for h in heads] + [m.group("last")]
        for person, post, w in zip(people, [*posts, last[0][0]], written):
            yield person, post, w, status, concurrent, None


def _with_body(head: str, last: str) -> str:
    """'江宁' + '六合区委书记' → '江宁区委书记': the place's level word and the rest of the last
    post (what follows its place name) are shared."""
    written = post_grammar().gaz.by_written
    place = next((last[:k] for k in range(min(len(last) - 1, 12), 1, -1) if last[:k] in written), None)
    if place is None:
        return head + last
    rest = last[len(place):]
    level = place[-1] if place[-1] in "省市区县州旗盟" else ""
    if level and not head.endswith(level):
        head += level
    return head + rest


def own_posts(m) -> str:
    """The matched post list up to where another clause starts: a new verb ("…区长，后任…")
    or the posts of the next person ("A已任甲,乙、丙B已任…": 乙、丙 are B's)."""
    posts = clauses("", m.group("posts"))[0][1]
    if posts == m.group("posts") and _NEXT_NAME().match(m.string, m.end("posts")):
        cut = max(posts.rfind("，"), posts.rfind(","))
        if cut > 0:
            posts = posts[:cut]
    return posts


@lru_cache(maxsize=1)
def _NEXT_NAME() -> regex.Pattern:
    return regex.compile(rf"[ ]{{0,3}}{name_regex()}(?:同志)?(?:已|[，,。、]|{verb_regex()})", regex.V1)


def pairs(m, ctx, status: str, concurrent: bool, date: str | None, names: str | None = None):
    """People × posts; with 分别 ("respectively") the n-th person takes the n-th post, and a
    list whose lengths differ says nothing rather than something wrong."""
    people = split_names(names or m.group("names"))
    if m.groupdict().get("also"):
        people += split_names(m.group("also"))
    posts = post_grammar().parse_list(own_posts(m), ctx)
    if m.groupdict().get("resp"):
        if len(people) != len(posts):
            return
        matched = zip(people, posts)
    else:
        matched = ((person, p) for person in people for p in posts)
    for person, (post, written, remark) in matched:
        yield person, post, written, status, concurrent or remark, date
