"""Normalising messy scraped pages: traditional script, pinyin glosses, padded names, navigation
leftovers and spam, always with the map back to the original text intact."""
from __future__ import annotations

import pytest

from cadregraph.documents.normalize import normalize
from cadregraph.documents.script import is_traditional, to_simplified


def test_traditional_is_read_through_a_same_length_copy():
    text = "駐馬店市召開全市經濟工作會議，市委書記陳星出席會議並講話。"
    simple = to_simplified(text)
    assert simple == "驻马店市召开全市经济工作会议，市委书记陈星出席会议并讲话。"
    assert len(simple) == len(text)
    norm = normalize(text)
    assert norm.text == simple
    assert [text[o] for o in norm.origin] == list(text)


@pytest.mark.parametrize("text", ["市委书记袁家军出席会议并讲话。于是乾隆年间", "GDP增长5.8%"])
def test_simplified_text_is_left_alone(text):
    assert not is_traditional(text)
    assert to_simplified(text) == text


@pytest.mark.parametrize("text, traditional", [
    ("發展經濟", False),                                  # four characters change: under five
    ("發展經濟，會議", True),                              # five of six Han characters
    ("會議" * 3 + "市委书记出席会议并讲话" * 20, False),     # six of 226 change: under 3 %
    ("會議" * 4 + "市委书记出席会议并讲话" * 20, True),      # eight of 228: over 3 %
    ("１２３ ABC 「」", False),                            # no Han character at all
])
def test_traditional_means_five_characters_and_three_percent_change(text, traditional):
    assert is_traditional(text) is traditional


@pytest.mark.parametrize("raw, clean", [
    ("市长李(lǐ)跃(yuè)进主持会议", "市长李跃进主持会议"),
    ("衛(wèi)國勝同志任驛城區委書記", "卫国胜同志任驿城区委书记"),
    ("赵(zhao4)小兵", "赵小兵"),
    # brackets that are not pinyin stay
    ("GDP(亿元)增长，面积(km)", "GDP(亿元)增长，面积(km)"),
    # a name padded to three columns, when it stands alone
    ("铜梁区委书记 谭  庆：", "铜梁区委书记 谭庆："),
    ("主任张　明，", "主任张 明，"),
    ("璧山区委书记、区长 江志斌", "璧山区委书记、区长 江志斌"),
    # navigation leftovers and spam
    ("首页 > 新闻中心 > 正文", ""),
    ("打印", ""),
    ("【澳门葡京娱乐城开户】市委书记袁家军", "市委书记袁家军"),
    ("详见www.bet-spam.com 市委", "详见 市委"),
    ("请加微信：abc12345咨询", "请咨询"),
    ("![](http://x.cn/a.png)袁家军", "袁家军"),
])
def test_noise_is_dropped_with_offsets_kept(raw, clean):
    norm = normalize(raw)
    assert norm.text == clean
    simple = to_simplified(raw)
    assert all(simple[o] == ch or ch == " " for o, ch in zip(norm.origin, norm.text))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_noise_on_one_line_of_many_is_dropped_whatever_the_line_ends(newline):
    # the noise patterns are first tried over the whole text, then only the ones that match
    # run line by line: a line-anchored pattern must still see its line with old Mac line ends
    lines = ["区委书记王海峰主持会议。", "打印", "全区生产总值增长6.1%。", "首页 > 要闻 > 正文",
             "主任张　明，出席"]
    norm = normalize(newline.join(lines))
    assert "打印" not in norm.text and "首页" not in norm.text
    assert "区委书记王海峰主持会议。" in norm.text and "全区生产总值增长6.1%。" in norm.text
    assert "主任张 明" in norm.text
