"""Converter reading glosses are dropped from the reading copy by their pinyin grammar; asides,
labels and spelt names in brackets stay; every kept character still maps to the original."""
from __future__ import annotations

import pytest

from cadregraph.documents.normalize import normalize
from cadregraph.documents.pinyin import gloss_spans
from cadregraph.documents.script import to_simplified

# Invented people and places throughout.
TRAD = ("青禾縣(xiàn)召開(kāi)會(huì)議。縣委書(shū)記周明遠(yuǎn)主持，副縣長(zhǎng)：林　澤、文　達，出席"
        "縣政協(xié)主席陳曉風(fēng)講話。會議強調，要抓好農業發展和鄉村振興工作。")


@pytest.mark.parametrize("raw, clean", [
    ("白沙区(qū)委书(shū)记孙启航", "白沙区委书记孙启航"),
    ("白沙区（qū）委书记孙启航", "白沙区委书记孙启航"),                  # full-width brackets
    ("白沙区委书记(shū jì)孙启航", "白沙区委书记孙启航"),                # a word's gloss, spaced
    ("白沙区委书记(shūjì)孙启航", "白沙区委书记孙启航"),                 # run together
    ("白沙区qū委书记shūjì孙启航", "白沙区委书记孙启航"),                 # no brackets
    ("白沙区(qu1)委书记孙启航", "白沙区委书记孙启航"),                  # tone digits
    ("白沙区委副书记孙(sūn)启(qǐ)航", "白沙区委副书记孙启航"),            # inside a name
    ("白沙区委副主任?xiàng)孙启航", "白沙区委副主任?孙启航"),             # bracket lost with the character
    ("白沙区委常委(bǖ)孙启航", "白沙区委常委(bǖ)孙启航"),               # not a syllable of the table
])
def test_gloss_is_dropped(raw, clean):
    assert normalize(raw).text == clean


@pytest.mark.parametrize("raw", [
    "考核办法(试行)全文", "经费(含)配套资金", "项目(一期)已完工",
    "特邀嘉宾李安(Li An)发言", "特邀嘉宾李安(li an)发言",                 # a spelt name, not a gloss
    "情形(a)或者情形(e)", "储蓄银行(bank)网点", "来自(china)的客人",
    "区委书记(wáng lì míng hǎo xué shēng)",                            # more syllables than characters
    "采用GDP核算", "城区wifi覆盖",
])
def test_not_a_gloss_stays(raw):
    assert normalize(raw).text == raw


def test_traditional_page_reads_clean_with_offsets_exact():
    norm = normalize(TRAD)
    assert "县委书记周明远主持" in norm.text
    assert "副县长:林泽、文达,出席" in norm.text or "副县长：林泽、文达，出席" in norm.text
    assert "县政协主席陈晓风讲话" in norm.text
    assert not any(ch.isascii() and ch.isalpha() for ch in norm.text)
    # Each kept character comes from the same place of the original (same or simplified form).
    simple = to_simplified(TRAD)
    for i, ch in enumerate(norm.text):
        o = norm.origin[i]
        assert simple[o] == ch
    start = norm.text.index("周明远")
    lo, hi = norm.span(start, start + 3)
    assert TRAD[lo:hi] == "周明遠"
    start = norm.text.index("县委书记周明远")
    lo, hi = norm.span(start, start + 7)
    assert TRAD[lo:hi] == "縣委書(shū)記周明遠"   # the quote is the original substring


def test_spans_do_not_overlap_and_keep_order():
    line = "某镇(zhèn)长(zhǎng)?wù)委(wěi)员"
    spans = gloss_spans(line)
    assert [line[a:b] for a, b in spans] == ["(zhèn)", "(zhǎng)", "wù)", "(wěi)"]



@pytest.mark.parametrize("raw, clean", [
    ("由县.委副.书记、代县长钟一凡主持", "由县委副书记、代县长钟一凡主持"),
    ("一.总则", "一.总则"),                     # a list number keeps its dot
    ("增长3.5%,比上年提高0.2个百分点", "增长3.5%,比上年提高0.2个百分点"),
    ("阿依古丽·吐尔逊出席", "阿依古丽·吐尔逊出席"),   # the dot inside a minority name stays
])
def test_dot_breaking_a_word_is_dropped(raw, clean):
    assert normalize(raw).text == clean


def test_officials_read_through_glosses_and_quote_the_original():
    from cadregraph.extractors.officials import OfficialsExtractor
    from helpers import run_extractor

    text = ("鶴壁市召開(kāi)會議(yì)。市委書記(shū jì)韓立(lì)新出席，"
            "市長（shì zhǎng）馮?xiàng)振宇主持。市政協(xié)主席zhǔ xí曹文博講話。")
    found = {(h.person, h.post.label): h for h in run_extractor(OfficialsExtractor(), text)}
    h = found[("韩立新", "鹤壁市委书记")]
    assert h.evidence.quote == text[h.evidence.start:h.evidence.end]
    assert "(lì)" in h.evidence.quote      # the quote is what the page says, glosses and all
    assert ("曹文博", "鹤壁市政协主席") in found
