"""WordScan finds every occurrence of its words, overlapping and nested ones too, as a find
loop per word would."""
from cadregraph.extractors.word_scan import WordScan


def _by_find(words, text):
    out = []
    for word, value in words:
        pos = text.find(word)
        while pos >= 0:
            out.append((pos, pos + len(word), value))
            pos = text.find(word, pos + 1)
    return sorted(out)


def test_every_occurrence_as_a_find_loop_gives():
    words = [("全区", "district"), ("区属", "district"), ("全区域", "whole"), ("我市", "city"), ("市", "x")]
    for text in ["全区属地我市全区域", "全区全区", "市市市", "", "无关文字"]:
        assert sorted(WordScan(words).occurrences(text)) == _by_find(words, text)


def test_any_and_an_empty_list():
    scan = WordScan([("地区生产总值", 1), ("GDP", 2)])
    assert scan.any("全市GDP增长5%") and not scan.any("全市增长5%")
    empty = WordScan([])
    assert not empty.any("全区") and list(empty.occurrences("全区")) == []
