"""Headline figures in shapes the first fixtures did not have: growth-only statistics after
该区/该县, a target list introduced by a dash or continued past a stray full stop, 实际增长,
exports, and pages whose area nobody can tell (never the home corpus). Every sentence here was
written for these tests (places and numbers invented)."""
from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from cadregraph.documents.model import DocDate, Document
from cadregraph.extractors.metrics import MetricsExtractor
from cadregraph.extractors.prepare import prepare

EXTRACTOR = MetricsExtractor()


def metrics(text: str, date: str | None = "2024-10-25", title: str | None = None, source: str | None = None):
    doc = Document(doc_id="g", name="g.txt", path=Path("g.txt"), text=text, encoding="utf-8",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), title=title, source=source,
                   date=DocDate(date, "metadata" if date else "unknown"))
    return list(EXTRACTOR.extract(prepare(doc)))


def rows(text: str, **kw):
    return [(m.area.name, m.indicator or m.metric, m.value, m.unit, m.growth) for m in metrics(text, **kw)]


def d(x: str) -> Decimal:
    return Decimal(x)


# ---------------------------------------------------------------- growth-only, 该区 / 该县


@pytest.mark.parametrize("text, title, expected", [
    ("上半年，该市地区生产总值同比增长6.7%，高于全省0.9个百分点，增速居全省第4位。\n"
     "该市固定资产投资同比增长4%。\n", "邵东市上半年经济运行情况",
     [("邵东市", "gdp", d("6.7"), "%", True), ("邵东市", "fixed_asset_investment", d("4"), "%", True)]),
    ("前三季度，该县规模以上工业增加值同比增长11.3%。该县社会消费品零售总额增长7.5%。\n", "桐庐县经济运行稳中向好",
     [("桐庐县", "industrial_value_added", d("11.3"), "%", True), ("桐庐县", "retail_sales", d("7.5"), "%", True)]),
    ("一季度，全旗地区生产总值同比增长5.4%。\n", "达拉特旗一季度经济运行",
     [("达拉特旗", "gdp", d("5.4"), "%", True)]),
])
def test_growth_only_figures_after_an_area_word(text, title, expected):
    assert rows(text, title=title) == expected


def test_a_rank_after_a_growth_is_no_figure():
    assert rows("该区社会消费品零售总额增速排在全市第5位。\n", title="萧山区经济简况") == []
    assert rows("该区社会消费品零售总额增长8.2%，增速排在全市第5位。\n", title="萧山区经济简况") == [
        ("萧山区", "retail_sales", Decimal("8.2"), "%", True)]


# ---------------------------------------------------------------- no area: never the home corpus


@pytest.mark.parametrize("text", [
    "前三季度，全市规模以上工业增加值同比增长5.2%，全市实现社会消费品零售总额188.6亿元。\n",
    "今年以来，全县地区生产总值增长4.9%。\n",
    "全区固定资产投资同比增长3.1%。\n",
])
def test_a_page_naming_no_place_gives_no_area(text):
    assert rows(text) == []
    assert rows(text, source="https://epaper.example.com/html/2024-10/26/content_1.htm") == []


# ---------------------------------------------------------------- target lists


def test_a_dash_opens_the_target_list():
    text = ("绵阳市人民政府市长在政府工作报告中提出今年主要预期目标——地区生产总值增长6%左右，"
            "一般公共预算收入增长5%，外贸出口增长9%。\n")
    found = metrics(text, date="2024-01-20")
    assert [(m.area.name, m.indicator, m.value, m.kind) for m in found] == [
        ("绵阳市", "gdp", d("6"), "target"), ("绵阳市", "general_budget_revenue", d("5"), "target"),
        ("绵阳市", "exports", d("9"), "target")]
    assert found[0].qualifier == "approximate"


def test_a_target_list_continues_past_a_stray_full_stop():
    text = ("2024年芜湖市经济社会发展的主要预期目标是：地区生产总值增长6.5%；城镇登记失业率控制在4.6%以内。"
            "城镇居民人均可支配收入实际增长6%，农村居民人均可支配收入实际增长7%。\n")
    found = metrics(text, date="2024-01-18")
    assert [(m.indicator, m.value, m.growth, m.kind) for m in found] == [
        ("gdp", d("6.5"), True, "target"), ("registered_unemployment_rate", d("4.6"), False, "target"),
        ("urban_income", d("6"), True, "target"), ("rural_income", d("7"), True, "target")]
    # a new paragraph is no longer the list
    later = text + "全年城镇居民人均可支配收入实际增长5.1%。\n"
    assert metrics(later, date="2024-01-18")[-1].kind == "actual"


def test_exports_are_not_imports_and_exports():
    found = rows("一季度，泉州市外贸出口增长12.4%，进出口总值增长8.8%。\n")
    assert found == [("泉州市", "exports", d("12.4"), "%", True), ("泉州市", "import_export", d("8.8"), "%", True)]


# ---------------------------------------------------------------- area only from the site


def test_a_county_paper_named_today_x_speaks_for_its_county():
    text = "本报讯 元至九月，全县完成生产总值38.2亿，增长6.4%；固定资产投资71亿元，增长9.9%。\n"
    found = metrics(text, date="2021-11-10", source="http://epaper.jinrizhuxi.com/content/2021-11/10/001.html")
    assert [(m.area.name, m.indicator, m.value, m.unit) for m in found] == [
        ("竹溪县", "gdp", d("38.2"), "亿元"), ("竹溪县", "gdp", d("6.4"), "%"),
        ("竹溪县", "fixed_asset_investment", d("71"), "亿元"), ("竹溪县", "fixed_asset_investment", d("9.9"), "%")]
    assert all(m.period.start == "2021-01" and m.period.end == "2021-09" for m in found)


def test_a_county_spelled_in_the_url_path():
    text = "今年以来，全县实现地区生产总值88.4亿元，同比增长4.2%。\n"
    source = "https://mirror.example.com/xiuning/c1001/202010/abc.shtml"
    found = metrics(text, date="2020-10-30", source=source)
    assert [m.area.name for m in found] == ["休宁县", "休宁县"]
    # a spelling two counties share (景县, 泾县) says nothing
    assert metrics(text, date="2020-10-30", source=source.replace("xiuning", "jingxian")) == []
    # the page speaks as a city, the path names a county: no area
    assert metrics(text.replace("全县", "全市"), date="2020-10-30", source=source) == []
    # a path word that spells nothing, or initials, says nothing
    assert metrics(text, date="2020-10-30", source="https://mirror.example.com/xinwen/c1/a.shtml") == []
    assert metrics(text, date="2020-10-30", source="https://epaper.example.com/jxrb/2020/10/30/a.html") == []


def test_a_prefecture_and_county_in_initials_on_a_government_host():
    text = "2019年，全县地区生产总值完成312600万元，比上年增长9.1%。\n"
    found = metrics(text, date="2020-04-02", source="http://www.qdnlp.gov.cn/zwgk/tjgb/a.html")
    assert [(m.area.name, m.value, m.unit) for m in found] == [("黎平县", d("312600"), "万元"), ("黎平县", d("9.1"), "%")]


@pytest.mark.parametrize("written, start, end", [
    ("元至九月", "2018-01", "2018-09"), ("一至十一月", "2018-01", "2018-11"), ("元月至5月", "2018-01", "2018-05"),
])
def test_months_counted_from_january_in_words(written, start, end):
    found = metrics(f"{written}，全县社会消费品零售总额增长8.8%。\n", date="2018-12-20", title="桐庐县经济运行")
    assert [(m.period.written, m.period.start, m.period.end) for m in found] == [(written, start, end)]


def test_a_unit_before_zhi_is_no_january():
    found = metrics("全县固定资产投资50万元至9月底完成。\n", date="2018-12-20", title="桐庐县经济运行")
    assert all(m.period is None or m.period.written != "元至9月" for m in found)


# ---------------------------------------------------------------- fiscal namings, comparisons, periods

ZHUZHOU = "株洲市经济运行情况"


@pytest.mark.parametrize("sentence, expected", [
    ("全市完成地方级收入45.6亿元，比去年增长3.2%。",
     [("general_budget_revenue", d("45.6"), False), ("general_budget_revenue", d("3.2"), True)]),
    ("全市公共财政收入完成89.2亿元。", [("general_budget_revenue", d("89.2"), False)]),
    ("全市财政总收入完成120.3亿元，其中地方税收收入52亿元。",
     [("fiscal_revenue", d("120.3"), False), ("tax_revenue", d("52"), False)]),
    ("全市地区GDP与上年同期相比增长5.2%。", [("gdp", d("5.2"), True)]),
    ("全市规模以上工业企业增加值增长6.2%。", [("industrial_value_added", d("6.2"), True)]),
    ("截至9月末，全市金融机构人民币贷款余额3200亿元，较年初增长9%。",
     [("loans", d("3200"), False), ("loans", d("9"), True)]),
    # a share of a fiscal figure is no figure of its own
    ("全市税收收入占一般公共预算收入的比重为71.3%。", []),
])
def test_fiscal_namings_and_comparisons(sentence, expected):
    assert [(i, v, g) for _, i, v, _, g in rows(sentence + "\n", title=ZHUZHOU)] == expected


@pytest.mark.parametrize("sentence, written, start, end", [
    ("今年一至三季度，全市外贸进出口总额增长12%。", "今年一至三季度", "2024-01", "2024-09"),
    ("1-3季度，全市社零总额增长5%。", "1-3季度", "2024-01", "2024-09"),
    ("年初以来，全市社零总额增长5%。", "年初以来", "2024-01", "2024-10"),
    # the base of a comparison is no period
    ("全市地区生产总值与上年同期相比增长5.2%。", None, None, None),
])
def test_period_wordings(sentence, written, start, end):
    found = metrics(sentence + "\n", title=ZHUZHOU)
    period = found[0].period
    assert (period.written, period.start, period.end) == (written, start, end) if written else period is None


def test_a_page_without_sections_states_its_period_at_the_top():
    text = ("本报讯 今年前三季度以来，龙泉驿区上下凝心聚力，主要指标稳中有进。\n"
            "工业运行平稳。该区规模以上工业增加值同比增长7.7%。\n")
    found = metrics(text, date="2024-10-28")
    assert [(m.area.name, m.period.start, m.period.end, m.period.inferred) for m in found] == [
        ("龙泉驿区", "2024-01", "2024-09", True)]


def test_an_undated_target_takes_the_year_of_its_title():
    found = metrics("主要预期目标是：地区生产总值增长8%。\n", date=None, title="2011年莆田市经济社会发展预期目标")
    assert [(m.area.name, m.kind, m.period.written, m.period.start) for m in found] == [("莆田市", "target", "2011年", "2011-01")]


def test_the_nation_and_an_assumed_home_city_are_no_area():
    # 我国 names the nation: its figure is left out, the city's kept
    assert rows("前三季度，我国GDP增长4.8%，全市GDP增长5.3%。\n", title=ZHUZHOU) == [("株洲市", "gdp", d("5.3"), "%", True)]
    # a department's section on a page naming no place: its city is not the home corpus
    assert rows("市统计局局长 王明\n前三季度，全市GDP增长5.3%，固定资产投资增长4%。\n") == []


# ---------------------------------------------------------------- a verb alone after its metric's clause

WULING = "武陵区经济运行情况"


@pytest.mark.parametrize("sentence, expected", [
    ("全区规模以上工业增加值由负转正，增长0.8%。", [("industrial_value_added", d("0.8"), True)]),
    ("全区GDP完成455亿元，固定资产投资由降转升，增长1.2%。",
     [("gdp", d("455"), False), ("fixed_asset_investment", d("1.2"), True)]),
    # the clause before names no indicator: nothing
    ("全区项目建设加快推进，增长12%。", []),
    ("全区经济持续向好，增长6%。", []),
])
def test_a_rate_alone_takes_the_metric_its_clause_before_opens_with(sentence, expected):
    assert [(i, v, g) for _, i, v, _, g in rows(sentence + "\n", title=WULING)] == expected


def test_year_end_balances_and_visitor_totals():
    text = ("年末金融机构人民币各项贷款余额5210亿元，比年初增长10.5%。年末金融机构本外币各项存款余额6210亿元。"
            "全年接待国内外游客5230.5万人次，增长35.6%。\n")
    found = metrics(text, date="2024-03-30", title="岳阳市2023年国民经济和社会发展统计公报")
    assert [(m.indicator, m.value, m.period.start, m.period.end) for m in found] == [
        ("loans", d("5210"), "2023-12", "2023-12"), ("loans", d("10.5"), "2023-12", "2023-12"),
        ("deposits", d("6210"), "2023-12", "2023-12"),
        ("tourist_arrivals", d("5230.5"), "2023-01", "2023-12"), ("tourist_arrivals", d("35.6"), "2023-01", "2023-12")]


def test_places_listed_before_one_metric_each_get_their_value():
    found = rows("上半年，襄阳市、宜昌市、荆州市规上工业增加值分别增长6.1%、5.8%和7%。\n", title="湖北经济观察")
    assert found == [("襄阳市", "industrial_value_added", d("6.1"), "%", True),
                     ("宜昌市", "industrial_value_added", d("5.8"), "%", True),
                     ("荆州市", "industrial_value_added", d("7"), "%", True)]
    # metrics listed after one place stay that place's
    assert [r[0] for r in rows("上半年，全省地区生产总值、规上工业增加值分别增长6.1%、5.8%。\n", title="湖北经济观察")] == ["湖北省", "湖北省"]


def test_two_metrics_joined_by_he_share_a_respectively_list():
    assert [(i, v) for _, i, v, _, _ in rows("全区城镇居民人均可支配收入和农村居民人均可支配收入分别增长5%和6%。\n", title=WULING)] == [
        ("urban_income", d("5")), ("rural_income", d("6"))]
    # 和 inside one sector name splits nothing
    assert rows("全区批发和零售业增加值分别增长8%、9%。\n", title=WULING) == []


def test_a_source_line_names_the_page_s_own_county():
    text = ("来源：竹溪县融媒体中心 发布时间：2024-10-28\n"
            "前三季度，全县地区生产总值增长6.2%，增速快于竹山县、郧西县，竹山县、郧西县分列二三位。\n")
    assert rows(text) == [("竹溪县", "gdp", d("6.2"), "%", True)]
    # a news agency as the source says no place: the neighbours named do not make one
    assert rows(text.replace("竹溪县融媒体中心", "新华社")) == []
