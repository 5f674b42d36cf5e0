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


def _by_scanner(words, text):
    """Left to right, the longest word starting at each position, then on after it."""
    table, out, i = dict(words), [], 0
    longest = max(map(len, table), default=0)
    while i < len(text):
        size = next((k for k in range(min(longest, len(text) - i), 0, -1) if text[i:i + k] in table), 0)
        if size:
            out.append((i, i + size, table[text[i:i + size]]))
            i += size
        else:
            i += 1
    return out


def test_leftmost_longest_reads_as_a_scanner_does():
    # 南京市 beats 南京 at the same start; 京市长 starts inside 南京市 and is not read; 市长
    # after 南京 (when 南京市 is not a word) is.
    words = [("南京", "city"), ("南京市", "city-full"), ("京市长", "x"), ("市长", "post"), ("长江", "river")]
    for text in ["南京市长江大桥", "南京市市长", "京市长江", "", "无关", "南京南京市长江"]:
        assert WordScan(words).leftmost_longest(text) == _by_scanner(words, text)
    assert WordScan(words).leftmost_longest("南京市长江大桥") == [(0, 3, "city-full"), (3, 5, "river")]
    assert WordScan(words[:1] + words[3:]).leftmost_longest("南京市长江") == [(0, 2, "city"), (2, 4, "post")]
    assert WordScan([]).leftmost_longest("南京") == []
