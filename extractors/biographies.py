"""Biography patterns of the officials extractor: a dated or clause-opening verb and post
("2008年4月任长寿区委书记", "…，后任…", "7月任…"), a résumé line ("2008.04—2009.01 长寿区委书记"),
a career table under a heading ("历任区委书记：王某(2011年2月—2016年3月) 李某(2016年3月至今)"),
and clauses without a name that continue an earlier one.

A clause without a name is about, in this order: the person named by an earlier clause of the
same sentence ("A接替B，任…" is about A); the person last named before it in its paragraph
(among the people the document's other rules found, so a word is never read as a name); after
他/她/其, the person last named in the text before; the person the biography opens with
(changes.find_subjects). `OfficialsExtractor` mixes these in."""
from __future__ import annotations

from functools import lru_cache

import regex

from .changes import DATE, DATE_RANGE, iso_date, place_suffix, verb_regex, verbs
from .facts import Holding
from .lexicon import alternation
from .names import name_regex
from .posts import post_grammar

PARTY = r"(?:中共|中国共产党)?"
# In a career table the entry's shape says it is a name, whatever its surname.
ENTRY_NAME = r"(?:(?<=^|[\s）)：:，,；;])\p{Han}{2,4})"
CAREER_NAME = "career_lines"
CAREER_RULES = ("resume_line", "career_table")
# Every career-table heading holds 历任; every résumé line starts with a year.
CAREER_ANCHOR = r"历任|(?m:^)[ ]*(?:19|20)\d{2}"
# An acting head's title noted in a career-table entry.
ACTING = r"代(?:理)?(?:区长|县长|市长|州长|旗长|省长)"
PRONOUN_REACH = 800          # how far back 他/她/其 looks for the person meant


def biography_sources(posts: str, change: str, date: str, name: str, after: str, place: str) -> dict[str, str]:
    """The biography patterns' sources by rule name, from the shared grammar pieces."""
    define, inline = rf"(?(DEFINE)(?P<LIST>{posts}))", posts
    posts = "(?&LIST)"
    opener = r"(?:(?<=[，,；;。：:\n]|^)[ ]*(?:\d{1,2}月(?:\d{1,2}日)?[，, ]?)?|(?<=先后|后|又|再|并|同年|次年|后调|同时|其间|他|她|其))"
    resume = rf"(?m:^)[ ]*{DATE_RANGE}[ ，,、:：]*(?P<posts>{posts})(?=[ ，,。；;\d]|(?m:$))"
    table = _career_table_source(posts, name, place)
    return {
        "biography_post": rf"(?:{date}|{opener})(?P<verb>{change}){PARTY}(?P<posts>{inline})"
                          rf"(?![ ]{{0,3}}(?:{name})(?:[，,。；、\s]|{after}))",
        # résumé lines and career tables are rare and never overlap: one pattern, one post list
        CAREER_NAME: define + rf"(?:(?P<rule__resume_line>){resume}|(?P<rule__career_table>){table})",
    }


def biography_anchors(change: str) -> dict[str, regex.Pattern]:
    """Every biography clause holds its verb (`change`, the verbs biography_sources gets)."""
    return {"biography_post": regex.compile(change)}


def _career_table_source(posts: str, name: str, place: str) -> str:
    return (rf"(?P<place>\p{{Han}}{{2,12}}?)?历任(?P<posts>{posts})(?:[（(][^（()）\n]{{0,8}}[）)])?[ ]*[：:]"
            rf"(?:[ ]*[（(][^（()）\n]{{0,40}}[）)])?"
            rf"(?P<entries>(?:[^：:\n]{{0,200}}?{ENTRY_NAME}[（(]{DATE}[^（()）\n]{{0,80}}[）)]?)+)")


class BiographyRules:
    """Handlers of the biography patterns; `_state(doc)` is the extractor's per-document state
    (subjects, anchors of named clauses, pending clauses without a person)."""

    def _biography_post(self, doc, ctx, m):
        self._state(doc)["pending"].append(m)      # the person is found in _continuations
        return ()

    def _resume_line(self, doc, ctx, m):
        person = self._state(doc)["subjects"].at(m.start())
        if person is None:
            return
        for post, written, remark in post_grammar().parse_list(m.group("posts"), ctx):
            yield person, post, written, "takes-up", remark, iso_date(m.group("date"))

    def _career_table(self, doc, ctx, m):
        """Each entry is a holder of the heading's post over a period: 'holds' when the period
        runs to now (至今), else an earlier one ('held', dated by its start)."""
        place = place_suffix(m.group("place"))
        posts = post_grammar().parse_list(place + m.group("posts"), ctx)
        entries = m.group("entries")
        for e in _entry_regex().finditer(entries):
            status = "holds" if regex.search(r"至今|今$", e.group("range")) else "held"
            for post, written, remark in posts:
                yield e.group("name"), post, written, status, remark, iso_date(e.group("date"))
            # an acting term noted in the entry ("王某(2010年12月—2011年2月,代区长;…)")
            note = entries[e.end():e.end() + 40].split(")")[0].split("）")[0]
            acting = regex.search(ACTING, note)
            if acting and place:
                post = post_grammar().parse_item(place + acting.group(), ctx)
                if post is not None:
                    yield e.group("name"), post, acting.group(), "held", False, iso_date(e.group("date"))

    def _continuations(self, doc, ctx, found):
        """Clauses with a verb and no name, each given to the person it is about (see the
        module's docstring)."""
        if self._doc_state is None or not self._doc_state["pending"]:
            return
        text, state = doc.norm.text, self._doc_state
        anchors = sorted(state["anchors"])
        known = {h.person for h in found} | set(state["subjects"].names)
        known_re = regex.compile(alternation(known)) if known else None
        for m in state["pending"]:
            if any(start < m.start() < end for start, end in state["named"]):
                continue                # a verb inside a named clause ("王强不再担任…")
            person = _same_sentence(text, anchors, m.start()) or _last_named(text, known_re, m.start())
            if person is None:
                person = state["subjects"].at(m.start())
            if person is None:
                continue
            evidence = doc.evidence(m.start(), m.end(), "biography_post")
            here = self._context_at(doc, m.start()) if hasattr(self, "_context_at") else ctx
            for verb, posts in clauses(m.group("verb"), m.group("posts")):
                status, concurrent = verbs()[verb]
                for post, written, remark in post_grammar().parse_list(posts, here):
                    yield Holding(person, post, written, evidence, status=status,
                                  concurrent=concurrent or remark, date=iso_date(m.group("date")))


@lru_cache(maxsize=1)
def _clause_start() -> regex.Pattern:
    """Where a post list runs on into the next clause: "区长，后任某市委常委"."""
    return regex.compile(rf"[，,；;](?:后|又|再|并|同时|随后|其后|之后|后来)?(?P<verb>{verb_regex()})")


def clauses(verb: str, posts: str) -> list[tuple[str, str]]:
    """A matched post list cut where a new clause with its own verb starts, each piece with
    the verb that governs it."""
    out, start = [], 0
    for m in _clause_start().finditer(posts):
        out.append((verb, posts[start:m.start()]))
        verb, start = m.group("verb"), m.end()
    out.append((verb, posts[start:]))
    return out


@lru_cache(maxsize=1)
def _entry_regex() -> regex.Pattern:
    return regex.compile(rf"(?P<name>{ENTRY_NAME})[（(](?P<range>{DATE_RANGE})", regex.V1)


def _same_sentence(text: str, anchors: list[tuple[int, str]], pos: int) -> str | None:
    before = [(end, person) for end, person in anchors if end <= pos]
    if not before or regex.search(r"[。；;\n]", text[before[-1][0]:pos]):
        return None
    return before[-1][1]


def _last_named(text: str, known_re, pos: int) -> str | None:
    """The person last named before `pos` in its paragraph; after a pronoun, further back."""
    if known_re is None:
        return None
    start = text.rfind("\n", 0, pos) + 1
    if regex.search(r"[他她其][^，,。；;\n]{0,12}$", text[max(start, pos - 14):pos]):
        start = max(0, min(start, pos - PRONOUN_REACH))
    last = None
    for hit in known_re.finditer(text, start, pos):
        last = hit.group()
    return last
