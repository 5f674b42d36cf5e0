"""Vocabulary.strip reads a leading place name by a set lookup per length; it must strip what
the alternation of all names, tried longest first in one pattern with the other strippers, did."""
import regex

from cadregraph.extractors.indicators import _place_prefix, vocabulary
from cadregraph.extractors.lexicon import alternation, table
from cadregraph.extractors.periods import period_patterns


def _reference_strip(phrase: str) -> tuple[str, int]:
    v = vocabulary()
    areas = [r["word"] for r in table("metric_area_words.tsv")]
    parts = [f"(?:{alternation([*v.role('prefix'), *areas])})", r"\d+(?:\.\d+)?(?:个|家|项|批)",
             r"[，,、：:“”‘’\"]", alternation(_place_prefix().names), *(p.pattern for _, p in period_patterns())]
    pattern = regex.compile("|".join(f"(?:{p})" for p in parts))
    pos = 0
    while pos < len(phrase):
        m = pattern.match(phrase, pos)
        if not m or m.end() <= pos:
            break
        pos = m.end()
    return phrase[pos:], pos


def test_strip_is_the_alternation_it_replaced():
    phrases = ["重庆市渝北区规上工业增加值", "全市2024年前三季度地区生产总值", "四川省成都市120个项目完成投资",
               "江北", "重庆", "其中，直管区GDP", "北京市", "上海浦东新区社会消费品零售总额", "某某县工业总产值",
               "今年以来全县固定资产投资", "，“十四五”以来", ""]
    for phrase in phrases:
        assert vocabulary().strip(phrase) == _reference_strip(phrase), phrase


def test_a_phrase_that_is_all_place_or_none():
    core, skipped = vocabulary().strip("重庆市")
    assert (core, skipped) == ("", 3)
    assert vocabulary().strip("GDP") == ("GDP", 0)
