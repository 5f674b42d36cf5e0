"""The compact copy of one stretch of text (compact) is the copy of its positions (compact_at),
read faster: same characters, same map back to the text."""
import pytest

from cadregraph.extractors.compact_text import compact, compact_at

TEXTS = [
    "全区地区生产总值（GDP）增长 6.5 %，其中 A B 两项(人民币,下同)分别增长 3 %",
    "特 色 产 业 产 值 分 别 增 长 4.9%",
    "工业增加值（按可比价格计算）增长5%（未完",
    "（1）规上工业增加值增长8%",
    "a  b (x) (12) （ab",
    "(",
    " 1 2 ",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_compact_is_compact_at_of_every_stretch(text):
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            fast, slow = compact(text, start, end), compact_at(text, range(start, end))
            assert (fast.text, list(fast.origin)) == (slow.text, slow.origin), (start, end)


def test_asides_and_spaces_are_dropped():
    c = compact("全市GDP（初步核算） 增长 5 %", 0, 18)     # the aside ends at 10, "增" is at 12
    assert c.text == "全市GDP增长5%"
    assert [c.origin[i] for i in (0, 5, 7)] == [0, 12, 15]
