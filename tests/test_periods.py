"""Periods of reported figures as written, resolved against the document date: the forms of
statistics releases and work reports, the year of 全年 and of a period published the next year,
and the words that look like periods but are not a figure's."""
from __future__ import annotations

import pytest
import regex

from cadregraph.extractors.periods import DocumentYears, find_periods, resolve


@pytest.mark.parametrize("written, date, expected", [
    ("一季度", "2024-04-18", ("2024-01", "2024-03")),
    ("上半年", "2024-07-16", ("2024-01", "2024-06")),
    ("前三季度", "2024-10-25", ("2024-01", "2024-09")),
    ("1-8月", "2024-09-20", ("2024-01", "2024-08")),
    ("1至9月", "2024-10-25", ("2024-01", "2024-09")),
    ("1~6月", "2024-07-16", ("2024-01", "2024-06")),
    ("2024年1月至8月", "2024-09-20", ("2024-01", "2024-08")),
    ("2024年", "2025-01-20", ("2024-01", "2024-12")),
    ("去年", "2025-03-05", ("2024-01", "2024-12")),
    # published the next year: a period not over by the document date is last year's
    ("前三季度", "2025-01-20", ("2024-01", "2024-09")),
    ("全年", "2025-01-20", ("2024-01", "2024-12")),
    ("全年", "2024-12-28", ("2024-01", "2024-12")),
])
def test_period_forms_resolve_against_the_document_date(written, date, expected):
    mentions = find_periods(written)
    assert [m.text for m in mentions] == [written]
    period = resolve(mentions[0], date)
    assert (period.start, period.end) == expected


@pytest.mark.parametrize("context_year, date, kind, expected", [
    (2023, "2024-04-29", "actual", "2023"),     # a communiqué of last year, published in April
    (2023, "2024-01-15", "actual", "2023"),     # a work report reviewing last year
    (2024, "2024-01-15", "actual", "2023"),     # a January result is last year's, whatever came before
    (2019, "2024-04-29", "actual", "2024"),     # an old year written earlier says nothing
    (2023, "2024-01-15", "target", "2024"),     # a target is for the year ahead
    (2025, "2024-12-20", "target", "2025"),
])
def test_full_year_takes_the_year_the_text_last_wrote_when_it_can_be_the_one(context_year, date, kind, expected):
    mention = find_periods("全年")[0]
    assert resolve(mention, date, kind, context_year).start[:4] == expected


@pytest.mark.parametrize("text, periods", [
    ("比上年增长6.7%", []),                       # the base of a comparison
    ("较2019年提高2个百分点", []),
    ("为实现全年目标打下基础", []),                 # 全年目标 is a target, not a period
    ("全年完成投资", ["全年"]),
    ("去年同期", ["去年"]),
])
def test_what_is_not_a_figures_period(text, periods):
    assert [m.text for m in find_periods(text)] == periods


def test_document_years_give_the_year_a_figure_without_period_reviews():
    text = "一、2023年工作回顾\n过去一年，地区生产总值突破1600亿元。"
    years = DocumentYears(text)
    pos = text.index("地区")
    assert years.recent(pos) == 2023
    reviewed = years.reviewed_year(pos, "2024-01-15")
    assert (reviewed.start, reviewed.end, reviewed.inferred) == ("2023-01", "2023-12", True)
    assert years.reviewed_year(pos, "2023-07-20") is None          # this year's: any part of it
    assert years.reviewed_year(pos, "2024-10-25") is None          # no review of last year in October
    assert DocumentYears("比2023年增长").recent(8) is None           # a comparison base is no year written
    assert DocumentYears("到2030年目标").recent(5, "2024-01-15") is None   # a future year is no review


def test_every_match_of_a_period_pattern_holds_the_character_it_needs():
    """find_periods skips a pattern on a text without its `needs` character (period_patterns.tsv):
    strings built from the patterns' own pieces never match one without it."""
    import random

    from cadregraph.extractors.lexicon import table

    pieces = ["2024", "年", "今年", "去年", "上年", "前", "三", "十一", "个", "月", "1", "8", "12", "-", "至",
              "季度", "季", "第", "一", "二", "4", "—", "半年", "上", "下", "末", "底", "以来", "初", "全", "到", "份", "日", "元"]
    rnd = random.Random(7)
    samples = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(2, 6))) for _ in range(60000)]
    samples += ["2024年1-8月", "元至5月", "今年以来", "年初以来", "第三季", "一至三季度", "第一至第四季度", "1—4季度",
                "3月末", "上年", "到2030年", "到2025年底", "全年"]
    for row in table("period_patterns.tsv"):
        pattern = regex.compile(row["regex"])
        assert row["needs"], row["name"]
        matches = [m.group() for text in samples for m in pattern.finditer(text)]
        assert matches, row["name"]          # the samples do try the pattern
        assert all(row["needs"] in m for m in matches), row["name"]


def test_a_text_without_year_month_or_quarter_has_no_period():
    assert find_periods("规模以上工业增加值增长8.5%，固定资产投资增长10%") == []
    assert [m.text for m in find_periods("季度数据：二季度增长")] == ["二季度"]
