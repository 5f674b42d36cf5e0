"""The officials extractor on real sentences from the seeds, the hard cases of DESIGN.md §1,
and negatives."""
from __future__ import annotations

import pytest

from cadregraph.extractors.officials import OfficialsExtractor

from helpers import run_extractor

EXTRACTOR = OfficialsExtractor()


def holdings(text):
    out = []
    for h in run_extractor(EXTRACTOR, text):
        district = h.post.district.name if h.post.district else None
        out.append((h.person, h.post.label, h.post.role, district))
    return out


@pytest.mark.parametrize("text, expected", [
    # speaker line before the body, combined posts split
    ("璧山区委书记、区长 江志斌\n", [("江志斌", "璧山区委书记", "书记", "璧山区"), ("江志斌", "璧山区区长", "区长", "璧山区")]),
    # 长江 is a word: the name is anchored on the post
    ("深化改革创新引领高质量发展\n\n璧山区区长江志斌\n", [("江志斌", "璧山区区长", "区长", "璧山区")]),
    # a title glued to the post in a table of contents
    ("8．奋力交出强县富民高分报表忠县县委书记李电：\n", [("李电", "忠县县委书记", "书记", "忠县")]),
    ("5．加快建设现代制造业基地永川区委书记张智奎：\n", [("张智奎", "永川区委书记", "书记", "永川区")]),
    # 市人大代表、 prefix and a short county name resolved to the full one
    ("市人大代表、彭水县委书记石强：\n", [("石强", "重庆市人大代表", "代表", None),
                                   ("石强", "彭水苗族土家族自治县委书记", "书记", "彭水苗族土家族自治县")]),
    ("石柱县委书记 张华\n", [("张华", "石柱土家族自治县委书记", "书记", "石柱土家族自治县")]),
    # department posts with a party group, the second post eliding the department
    ("市财政局党组书记、局长 刘小强\n", [("刘小强", "重庆市财政局党组书记", "党组书记", None),
                                   ("刘小强", "重庆市财政局局长", "局长", None)]),
    ("市文化旅游委党委书记 石强\n", [("石强", "重庆市文化旅游委党委书记", "党委书记", None)]),
    # working committee + administrative committee, elided place
    ("市人大代表、西部科学城重庆高新区党工委书记、管委会主任聂红焰：\n",
     [("聂红焰", "重庆市人大代表", "代表", None), ("聂红焰", "重庆高新区党工委书记", "党工委书记", "重庆高新区"),
      ("聂红焰", "重庆高新区管委会主任", "主任", "重庆高新区")]),
    # remarks in brackets, with a separator inside them
    ("市委金融办副主任（分管日常工作、正厅局长级），市委金融工委副书记（分管日常工作）周和华\n",
     [("周和华", "重庆市委金融办副主任", "副主任", None), ("周和华", "重庆市委金融工委副书记", "副书记", None)]),
    ("市人大代表、南岸区委书记、重庆经开区党工委书记(兼)许洪斌：\n",
     [("许洪斌", "重庆市人大代表", "代表", None), ("许洪斌", "南岸区委书记", "书记", "南岸区"),
      ("许洪斌", "重庆经开区党工委书记", "党工委书记", "重庆经开区")]),
    ("市委常委,两江新区党工委书记 罗楠\n", [("罗楠", "重庆市委常委", "常委", None),
                                    ("罗楠", "两江新区党工委书记", "党工委书记", "两江新区")]),
    # running text: a post broken across a blank line, and a name followed by a verb
    ("忠县积极融入长江经济带高质量发展，深入落实市委\n\n书记袁家军调研忠县指示要求。\n", [("袁家军", "重庆市委书记", "书记", None)]),
    ("忠县始终牢记习近平总书记殷殷嘱托。\n", [("习近平", "中共中央总书记", "总书记", None)]),
])
def test_holdings_from_sentences(text, expected):
    assert holdings(text) == expected


@pytest.mark.parametrize("text", [
    # reporters and correspondents are not officials
    "潼南区融媒体中心记者 马艾 江津区融媒体中心记者 廖洋 渝西都市报记者 肖必胜 陈仕川\n",
    "荣昌区融媒体中心记者 何文杰 通讯员 闫斌\n",
    # a post with no name after it
    "1月23日,市委召开区县县委书记和部门一把手例会。\n",
    "4月24日，市委召开区县委书记和部门一把手例会。\n",
    # a name with no post word ("市委袁家军": 书记 omitted)
    "认真落实市委袁家军调研忠县指示要求。\n",
    # an OCR-garbled name
    "以开展学习贯彻A新时代中国特色社会主义思想主题教育为引领。\n",
])
def test_no_officials(text):
    assert holdings(text) == []


def test_evidence_points_at_the_original_text():
    text = "　　以主题教育为契机，深入落实市委\n\n书记袁家军调研忠县。"
    [h] = run_extractor(EXTRACTOR, text)
    assert text[h.evidence.start:h.evidence.end] == h.evidence.quote == "市委\n\n书记袁家军"
    assert h.evidence.rule == "post_then_name"


def _seed_holdings(corpus, prefix):
    return {(f.person, f.post.label) for f in corpus.facts
            if f.evidence.doc_id.startswith(prefix) and type(f).__name__ == "Holding"}


def test_seed_facts(seeds_corpus):
    assert ("刘小强", "长寿区委书记") in _seed_holdings(seeds_corpus, "001")
    assert {("刘小强", "重庆市财政局党组书记"), ("刘小强", "重庆市财政局局长")} <= _seed_holdings(seeds_corpus, "000")
    assert ("石强", "彭水苗族土家族自治县委书记") in _seed_holdings(seeds_corpus, "001")
    assert ("石强", "彭水苗族土家族自治县委书记") in _seed_holdings(seeds_corpus, "003")
    assert ("石强", "重庆市文化旅游委党委书记") in _seed_holdings(seeds_corpus, "002")
    # 002's speaker comes after the body: still found
    assert ("罗蔺", "两江新区党工委书记") in _seed_holdings(seeds_corpus, "002")


def test_reporters_in_004_are_not_officials(seeds_corpus):
    people = {p for p, _ in _seed_holdings(seeds_corpus, "004")}
    assert people == {"习近平"}
