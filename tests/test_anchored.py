"""An anchored pattern (NamedPattern.anchor) is searched only in sentences holding its anchor:
that must give exactly the matches a scan of the whole text gives."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from cadregraph.documents import read_document
from cadregraph.extractors import EXTRACTORS
from cadregraph.extractors.base import NamedPattern, anchored_sentences
from cadregraph.extractors.prepare import prepare
from cadregraph.pipeline import _extractors, bundled_seeds

GENRES = Path(__file__).parent / "data" / "genres" / "docs"
TEXTS = sorted([*bundled_seeds().glob("*.txt"), *GENRES.rglob("*.txt")])
ANCHORED = [p for e in _extractors(EXTRACTORS) for p in e.patterns() if p.anchor is not None]


def test_the_officials_pattern_is_anchored():
    assert [p.name for p in ANCHORED] == ["post_then_name", "name_then_title", "elided_then_name", "names_then_shared_post",
                                          "name_verb_post", "listed_as", "change_rules", "biography_post", "career_lines"]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_anchored_search_finds_what_a_full_scan_finds(path):
    text = prepare(read_document(path)).norm.text
    for pattern in ANCHORED:
        full = [(m.span(), m.group()) for m in pattern.regex.finditer(text)]
        fast = [(m.span(), m.group()) for m in pattern.finditer(text)]
        assert fast == full


def test_the_comparison_covers_many_matches():
    texts = [prepare(read_document(path)).norm.text for path in TEXTS]
    assert sum(1 for t in texts for p in ANCHORED for _ in p.finditer(t)) > 80


def test_sentences_are_cut_at_sentence_ends_and_keep_their_mark():
    text = "甲乙丙。丁戊X己；庚\n辛X"
    spans = list(anchored_sentences(regex.compile("X"), text))
    assert [text[a:b] for a, b in spans] == ["丁戊X己；", "辛X"]


def test_a_match_outside_any_anchored_sentence_is_not_searched():
    pattern = NamedPattern("p", regex.compile("乙丙"), anchor=regex.compile("X"))
    assert [m.group() for m in pattern.finditer("乙丙。X乙丙")] == ["乙丙"]
    assert [m.start() for m in pattern.finditer("乙丙。X乙丙")] == [4]


def test_an_anchor_running_over_a_sentence_end_does_not_hide_the_next_sentence():
    # the anchor's first match takes "X。X"; the second sentence holds an anchor of its own
    pattern = NamedPattern("p", regex.compile("X"), anchor=regex.compile("X(?:。X)?"))
    assert [m.start() for m in pattern.finditer("X。X")] == [0, 2]


def test_sentence_ends_are_those_of_the_text_asked_for():
    expected = {"甲X。乙X": ["甲X。", "乙X"], "X丙丁；戊己X": ["X丙丁；", "戊己X"]}
    for text in [*expected, *expected]:
        assert [text[a:b] for a, b in anchored_sentences(regex.compile("X"), text)] == expected[text]
