"""Personnel-change patterns of the officials extractor: "任命张三为…", "免去张三的…职务",
"张三任/调任/兼任/履新…", "A、B分别任甲、乙", and lists under a heading ("任命：\n王晖为…；").
Each verb's status is in data/change_verbs.tsv. `OfficialsExtractor` mixes these handlers in;
each yields (person, post, as written, status, concurrent, date)."""
from __future__ import annotations

from .changes import heading_status, iso_date, verbs
from .posts import post_grammar
from .names import split_names

# Rules whose clause names one person that a following clause without a name continues.
CLAUSE_OPENERS = ("appoint_as", "remove_from", "name_verb_post", "listed_as")


def change_sources(posts: str, names: str, left: str, verb: str, date: str) -> dict[str, str]:
    """The change patterns' sources by rule name, from the shared grammar pieces."""
    return {
        "appoint_as": rf"(?P<verb>任命|提名|推荐)[：:\s]*(?P<names>{names})(?P<resp>分别)?(?:为|担任)(?P<posts>{posts})",
        "remove_from": rf"免去(?P<names>{names})(?:的)?(?P<posts>{posts})(?:等)?(?:的)?职务",
        "name_verb_post": rf"{date}?{left}(?P<names>{names})(?:已经|已|正式|近日|日前|现)?(?P<resp>分别)?"
                          rf"(?P<verb>{verb})(?P<posts>{posts})",
        # lists under a heading: "任命：\n王晖为…；\n李洁为…。免去：\n陈明的…职务。"
        "listed_as": rf"(?<=^|[；;：:\n])[ ]*(?P<names>{names})为(?P<posts>{posts})(?=[；;。，,\n]|$)",
        "listed_removed": rf"(?<=^|[；;：:\n])[ ]*(?P<names>{names})的(?P<posts>{posts})(?:等)?职务",
    }


class ChangeRules:
    """Handlers of the change patterns (one method per rule, named after it)."""

    def _appoint_as(self, doc, ctx, m):
        status = "takes-up" if m.group("verb") == "任命" else "proposed"
        yield from pairs(m, ctx, status, False, None)

    def _remove_from(self, doc, ctx, m):
        yield from pairs(m, ctx, "leaves", False, None)

    def _name_verb_post(self, doc, ctx, m):
        status, concurrent = verbs()[m.group("verb")]
        yield from pairs(m, ctx, status, concurrent, iso_date(m.group("date")))

    def _listed_as(self, doc, ctx, m):
        status = heading_status(doc.norm.text, m.start())
        if status in ("takes-up", "proposed"):
            yield from pairs(m, ctx, status, False, None)

    def _listed_removed(self, doc, ctx, m):
        if heading_status(doc.norm.text, m.start()) == "leaves":
            yield from pairs(m, ctx, "leaves", False, None)


def pairs(m, ctx, status: str, concurrent: bool, date: str | None):
    """People × posts; with 分别 ("respectively") the n-th person takes the n-th post, and a
    list whose lengths differ says nothing rather than something wrong."""
    people = split_names(m.group("names"))
    posts = post_grammar().parse_list(m.group("posts"), ctx)
    if m.groupdict().get("resp"):
        if len(people) != len(posts):
            return
        matched = zip(people, posts)
    else:
        matched = ((person, p) for person in people for p in posts)
    for person, (post, written, remark) in matched:
        yield person, post, written, status, concurrent or remark, date
