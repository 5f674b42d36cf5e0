"""Meeting-report lists that lean on the posts around them (the officials extractor's mixin):
- "区政协主席A，副主席B、C": a role written alone after a name continues the body of the
  post before it in the same sentence (`elided_then_name`);
- "州委书记A，州政协副主席B等省人大代表参加": a deputy's post after 等 is shared by every
  official the sentence has listed so far, and by names written just before it ("A、B等市人大代表")
  (`names_then_shared_post`).
Both need the posts the post-then-name rule found earlier in the sentence: the extractor
records them in its per-document state as `listed` (start, end, person, post).
"""
from __future__ import annotations

import regex

from .lexicon import alternation
from .posts import post_grammar

CLAUSE_END = regex.compile(r"[。；;！？!?\n]")
# Roles written alone after a name, continuing the body before it.
ALONE = ("副主席", "常务副主席", "副主任", "常务副主任", "秘书长", "副秘书长", "委员", "常委", "副书记",
         "副院长", "副检察长", "副局长", "副部长")


SHARED = r"(?:全国|省|自治区|市|州|区|县|旗)(?:人大代表|政协委员|党代表)"


def list_sources(posts: str, name: str, name_before: str, left: str, after: str) -> dict[str, str]:
    more = rf"(?:、(?P<more>{name})(?=[、，,。；;：:\s）)]|等|{after}))*"
    return {
        "elided_then_name": rf"(?<=[，,；;])(?P<role>{alternation(ALONE)})(?P<name>{name}){more}",
        # the posts officials share after 等 are a level's deputies (a cheap pattern: one more
        # copy of the whole post grammar would cost every process its compile time)
        "names_then_shared_post": rf"{left}(?P<names>{name_before}(?:、{name_before})*)等(?P<posts>{SHARED})",
    }


def list_anchors() -> dict[str, regex.Pattern]:
    return {"elided_then_name": regex.compile(alternation(ALONE)),
            "names_then_shared_post": regex.compile("等")}


class ListRules:
    """Handlers of the list patterns; `_state(doc)["listed"]` holds the posts listed so far."""

    def _elided_then_name(self, doc, ctx, m):
        previous = _listed_before(self._state(doc)["listed"], doc.norm.text, m.start())
        if not previous:
            return
        post = post_grammar().parse_item(m.group("role"), ctx, previous[-1][3])
        if post is None or post.key == previous[-1][3].key:
            return
        for person in (m.group("name"), *m.captures("more")):
            yield person, post, m.group("role"), "holds", False, None

    def _names_then_shared_post(self, doc, ctx, m):
        posts = post_grammar().parse_list(m.group("posts"), ctx)
        if not posts:
            return
        people = [person for _, _, person, _ in _listed_before(self._state(doc)["listed"], doc.norm.text, m.start())]
        people += [n for n in m.group("names").split("、") if n]
        for person in dict.fromkeys(people):
            for post, written, concurrent in posts:
                yield person, post, written, "holds", concurrent, None


def _listed_before(listed, text: str, pos: int):
    """The posts listed in the sentence of `pos`, before it."""
    start = max((m.end() for m in CLAUSE_END.finditer(text, 0, pos)), default=0)
    return [row for row in listed if start <= row[0] and row[1] <= pos]
