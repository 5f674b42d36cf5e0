"""The shortcuts the slogans and projects extractors take for speed give the answers of the plain
definitions they replace: nesting and containment by bisect instead of all pairs, stop words,
counts and dates looked up only after a character they can end in, the joint word-class
pattern matched right to left, numerals sought only when a quote holds one."""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cadregraph.extractors import project_names as pn
from cadregraph.extractors.lexicon import alternation
from cadregraph.extractors.project_names import Candidate
from cadregraph.extractors.slogan_classes import _classes, cadre_word
from cadregraph.extractors.slogan_kinds import has_counting_numeral
from cadregraph.extractors.slogans import _enclosed

SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])),
                 max_size=25)
# Characters the rules look at (stop words, counts, dates, marks) among ordinary ones.
ALPHABET = "建设推进的在3个2月年日号等，、“”‘’ —\n项目基地中心园区数字产业新城高铁十两万级"


@settings(max_examples=300, deadline=None)
@given(SPANS)
def test_nested_is_strictly_inside_another_span(spans):
    inside = _enclosed(sorted(spans))
    for s, e in spans:
        assert inside(s, e) == any(o < s and e < c for o, c in spans)


def _candidate(start: int, end: int) -> Candidate:
    return Candidate(start, end, "x" * (end - start), "x", "park", "head")


@settings(max_examples=300, deadline=None)
@given(SPANS)
def test_outermost_drops_exactly_what_a_longer_span_reaching_further_holds(spans):
    cands = [_candidate(s, e) for s, e in spans]
    expected = []
    for c in cands:
        if not any(o is not c and o.start <= c.start and c.end < o.end for o in cands) and c not in expected:
            expected.append(c)
    assert pn._outermost(cands) == sorted(expected, key=lambda c: (c.start, c.end))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_stop_count_and_date_look_ups_agree_with_the_anchored_patterns(text):
    lex = pn.lexicon()
    stop_at_end = regex.compile(f"(?:{alternation(lex.stops)})$")
    for i in range(len(text) + 1):
        assert pn._counted_before(text, i) == bool(pn._COUNTED.search(text, max(0, i - 6), i))
        if text[i - 1:i] != "\n":       # `$` before a line break: left_boundary stops there first
            assert pn._stop_before(text, i, lex) == bool(stop_at_end.search(text, max(0, i - 8), i))


def test_a_count_before_a_line_break_is_still_a_count():
    # `$` matches before a final line break: "3个\n" ends in a count as "3个" does.
    assert pn._counted_before("新增3个\n园区", 4)
    assert pn._counted_before("新增3个\n园区", 5)
    assert not pn._counted_before("新增园区", 4)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30))
def test_left_boundary_matches_the_character_by_character_rules(text):
    lex = pn.lexicon()
    stop_at_end = regex.compile(f"(?:{alternation(lex.stops)})$")

    def plain(head_start: int) -> int:
        i, open_quote = head_start, False
        while i > 0 and head_start - i < pn.MAX_NAME:
            ch = text[i - 1]
            if ch in pn._PUNCT or text.startswith("——", i - 2) or pn._COUNTED.search(text, max(0, i - 6), i) \
                    or pn._DATE_BEFORE.search(text, max(0, i - 8), i):
                break
            if ch == " " and not (text[i - 2:i - 1].isascii() or text[i:i + 1].isascii()):
                break
            if ch in "”’":
                open_quote = True
            elif ch in "“‘":
                if not open_quote:
                    break
                open_quote = False
            elif stop_at_end.search(text, max(0, i - 8), i):
                break
            i -= 1
        return i

    for pos in range(len(text) + 1):
        assert pn.left_boundary(text, pos) == plain(pos)


def test_a_name_runs_left_to_the_verb_and_not_past_a_count():
    text = "今年将加快建设云岭智慧物流园，新增5个产业园"
    found = {c.name for c in pn.find_candidates(text)}
    assert "云岭智慧物流园" in found
    assert not any(n.endswith("产业园") and "5" in n for n in found)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="准60后八零九把手正副处级县长市委书记常委两会连升一二三组长镇乡 ", max_size=14))
def test_the_joint_word_class_pattern_answers_as_the_classes_one_by_one(text):
    after = "后干部"
    bare = text.replace(" ", "")
    expected = next((wc for wc in _classes().patterns
                     if wc.pattern.fullmatch(bare) and (wc.after is None or wc.after.match(after))), None)
    if bare in _classes().jargon:
        return
    assert cadre_word(text, after) == expected


def test_word_classes_still_found():
    assert cadre_word("85后", "").name == "generation"
    assert cadre_word("副处级", "").name == "civil-service-rank"
    assert cadre_word("某某县委书记", "").name == "post-title"
    assert cadre_word("山水之城", "") is None


def test_numerals_counted_only_where_they_count():
    assert has_counting_numeral("三攻坚一盘活")
    assert has_counting_numeral("服务365")
    assert not has_counting_numeral("山水之城")
    assert not has_counting_numeral("第一把火")          # an ordinal
    assert not has_counting_numeral("世界500强")         # a ranking
