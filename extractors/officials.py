"""Officials and the posts they hold: "璧山区委书记、区长 江志斌" → two holdings.

Names are anchored on a post from the grammar and a surname list, never found by a general
word segmenter. Reporters, correspondents and people without a post never match, because no
post precedes them.
"""
from __future__ import annotations

from functools import cached_property

import regex

from .base import Extractor, NamedPattern
from .facts import Holding, Organization, Post, PreparedDocument
from .lexicon import table
from .names import name_before_regex, name_regex
from .posts import post_grammar

NAME_GAP = r"[ ]{0,3}"


class OfficialsExtractor(Extractor):
    name = "officials"
    emits = ("PostObservation", "holder", "post", "Person", "org:Post", "org:holds", "org:postIn",
             "org:role", "org:Organization", "District")

    @cached_property
    def _patterns(self) -> tuple[NamedPattern, ...]:
        grammar = post_grammar()
        post_then_name = rf"(?P<posts>{grammar.list_regex()}){NAME_GAP}(?P<name>{name_regex()})"
        national = table("national_posts.tsv")
        post_alt = "|".join(regex.escape(r["post"]) for r in national)
        name_then_post = rf"(?P<name>{name_before_regex()})(?P<national>{post_alt})"
        return (
            NamedPattern("post_then_name", regex.compile(post_then_name, regex.V1)),
            NamedPattern("name_then_national_post", regex.compile(name_then_post, regex.V1)),
        )

    def patterns(self):
        return self._patterns

    @cached_property
    def _national(self) -> dict[str, Post]:
        posts = {}
        for row in table("national_posts.tsv"):
            org = Organization(row["organization_id"], row["organization"], "central")
            posts[row["post"]] = post_grammar()._post(org, row["role"], row["organization"] + row["post"])
        return posts

    def facts_from_match(self, doc: PreparedDocument, pattern: NamedPattern, match):
        person = match.group("name")
        evidence = doc.evidence(match.start(), match.end(), pattern.name)
        if pattern.name == "name_then_national_post":
            post = self._national[match.group("national")]
            yield Holding(person, post, match.group("national"), evidence)
            return
        for post, written, concurrent in post_grammar().parse_list(match.group("posts"), doc.city):
            yield Holding(person, post, written, evidence, concurrent=concurrent)

    def speaker_line(self, line: str, city) -> tuple[str, list[Post], int] | None:
        """If a line ends with a post list and a name (a speaker line or a table-of-contents
        entry), return (name, posts, start of the post list in the line)."""
        stripped = line.rstrip("：: ")
        for m in self._patterns[0].regex.finditer(stripped):
            if m.end() == len(stripped):
                posts = [p for p, _, _ in post_grammar().parse_list(m.group("posts"), city)]
                if posts:
                    return m.group("name"), posts, m.start()
        return None
