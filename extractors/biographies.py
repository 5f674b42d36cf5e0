"""Biography patterns of the officials extractor: a dated or clause-opening verb and post
("2008年4月任长寿区委书记", "…，后任…"), a résumé line ("2008.04—2009.01 长寿区委书记"), all
about the person the biography opens with (changes.find_subjects), and clauses without a name
that continue the sentence's last named clause. `OfficialsExtractor` mixes these in."""
from __future__ import annotations

import regex

from .changes import DATE_RANGE, iso_date, verbs
from .facts import Holding
from .posts import post_grammar


def biography_sources(posts: str, change: str, date: str) -> dict[str, str]:
    """The biography patterns' sources by rule name, from the shared grammar pieces."""
    return {
        "biography_post": rf"(?:{date}|(?<=[，,；;。：:\n]|^)[ ]*|(?<=先后|后|又|再|并|同年|次年|后调))"
                          rf"(?P<verb>{change})(?P<posts>{posts})",
        "resume_line": rf"(?m)^[ ]*{DATE_RANGE}[ ，,、:：]*(?P<posts>{posts})(?=[ ，,。；;\d]|$)",
    }


class BiographyRules:
    """Handlers of the biography patterns; `_state(doc)` is the extractor's per-document state
    (subjects, anchors of named clauses, pending clauses without a person)."""

    def _biography_post(self, doc, ctx, m):
        person = self._state(doc)["subjects"].at(m.start())
        if person is None:
            self._state(doc)["pending"].append(m)      # "…任A，提名为B": see _continuations
            return
        status, concurrent = verbs()[m.group("verb")]
        date = iso_date(m.group("date"))
        for post, written, remark in post_grammar().parse_list(m.group("posts"), ctx):
            yield person, post, written, status, concurrent or remark, date

    def _resume_line(self, doc, ctx, m):
        person = self._state(doc)["subjects"].at(m.start())
        if person is None:
            return
        for post, written, remark in post_grammar().parse_list(m.group("posts"), ctx):
            yield person, post, written, "takes-up", remark, iso_date(m.group("date"))

    def _continuations(self, doc, ctx):
        """A clause with a verb and no name continues the sentence's last named clause:
        "刘建同志任苏州市委副书记，提名为苏州市市长候选人" — 刘建 is proposed for 市长."""
        if self._doc_state is None:
            return
        text = doc.norm.text
        anchors = sorted(self._doc_state["anchors"])
        for m in self._doc_state["pending"]:
            before = [(end, person) for end, person in anchors if end <= m.start()]
            if not before or regex.search(r"[。；;\n]", text[before[-1][0]:m.start()]):
                continue
            status, concurrent = verbs()[m.group("verb")]
            evidence = doc.evidence(m.start(), m.end(), "continued_clause")
            for post, written, remark in post_grammar().parse_list(m.group("posts"), ctx):
                yield Holding(before[-1][1], post, written, evidence, status=status,
                              concurrent=concurrent or remark, date=iso_date(m.group("date")))
