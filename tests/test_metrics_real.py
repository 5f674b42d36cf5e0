"""Headline figures in ordinary economic news of any city, district, county or province: the
area of every figure (sentence subject, area words, the document's own area), the sentence
shapes of statistics releases and work reports, targets, traditional script, and what is not a
headline figure. Every sentence here was written for these tests."""
from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from cadregraph.documents.model import DocDate, Document
from cadregraph.extractors.metric_areas import document_area
from cadregraph.extractors.metrics import MetricsExtractor
from cadregraph.extractors.prepare import prepare

EXTRACTOR = MetricsExtractor()


def document(text: str, date: str | None = "2024-10-25", title: str | None = None) -> Document:
    return Document(doc_id="n", name="n.txt", path=Path("n.txt"), text=text, encoding="utf-8",
                    sha256=hashlib.sha256(text.encode()).hexdigest(), title=title,
                    date=DocDate(date, "metadata" if date else "unknown"))


def metrics(text: str, date: str | None = "2024-10-25", title: str | None = None):
    return list(EXTRACTOR.extract(prepare(document(text, date, title))))


def rows(text: str, date: str | None = "2024-10-25", title: str | None = None):
    return [(m.area.name, m.indicator or m.metric, m.value, m.unit, m.growth)
            for m in metrics(text, date, title)]


def d(x: str) -> Decimal:
    return Decimal(x)


# ---------------------------------------------------------------- the area of a figure


@pytest.mark.parametrize("text, title, expected", [
    # a prefecture city's statistics release: 全市 is the city the release names
    ("株洲市统计局近日发布数据。前三季度，全市实现地区生产总值2650.3亿元，同比增长5.9%。\n", None,
     [("株洲市", "gdp", d("2650.3"), "亿元", False), ("株洲市", "gdp", d("5.9"), "%", True)]),
    # a province: 全省, the province of the title
    ("前三季度，全省规模以上工业增加值同比增长7.1%，社零总额增长5.6%。\n", "江苏经济运行稳中有进",
     [("江苏省", "industrial_value_added", d("7.1"), "%", True), ("江苏省", "retail_sales", d("5.6"), "%", True)]),
    # 我区 in a district's work report; 西湖区 is read inside 杭州市 (Nanchang has one too)
    ("过去一年，我区地区生产总值增长6.2%，一般公共预算收入完成98.6亿元。\n", "2024年杭州市西湖区政府工作报告",
     [("西湖区", "gdp", d("6.2"), "%", True), ("西湖区", "general_budget_revenue", d("98.6"), "亿元", False)]),
    # 全县, and a county named only in the title
    ("全县实现社会消费品零售总额58.6亿元，增长8.2%。\n", "湄潭县上半年经济运行情况",
     [("湄潭县", "retail_sales", d("58.6"), "亿元", False), ("湄潭县", "retail_sales", d("8.2"), "%", True)]),
    # a place named as the clause's subject wins over the document's area; the second city's
    # figure has no metric of its own and takes its sentence's (GDP)
    ("上半年，宜昌市GDP增长6.8%，洛阳市增长5.1%。\n", "湖北经济观察",
     [("宜昌市", "gdp", d("6.8"), "%", True), ("洛阳市", "gdp", d("5.1"), "%", True)]),
    # 全区 of an autonomous region is the region
    ("广西壮族自治区统计局发布，前三季度全区地区生产总值增长4.5%。\n", None,
     [("广西壮族自治区", "gdp", d("4.5"), "%", True)]),
    # a district of a prefecture city, named in the opening line only
    ("宝鸡市渭滨区召开经济运行分析会\n会议通报，一季度地区生产总值完成96.2亿元，同比增长6.1%。\n", None,
     [("渭滨区", "gdp", d("96.2"), "亿元", False), ("渭滨区", "gdp", d("6.1"), "%", True)]),
])
def test_every_figure_gets_the_area_its_text_names(text, title, expected):
    assert rows(text, title=title) == expected


@pytest.mark.parametrize("text, title", [
    ("前三季度，全国GDP增长4.8%，社会消费品零售总额增长3.3%。\n", "厦门经济观察"),        # national figures
    ("一季度地区生产总值增长5.3%，规上工业增加值增长6.0%。\n", None),                  # no place at all
    ("前三季度，厦门市地区生产总值增长5.6%，比全国高0.8个百分点。\n", None),            # a comparison
])
def test_a_figure_whose_area_cannot_be_told_or_is_national_is_left_out(text, title):
    found = rows(text, title=title)
    assert all(area == "厦门市" and value == d("5.6") for area, _, value, _, _ in found)
    assert len(found) == (1 if "厦门市地区" in text else 0)


def test_a_national_story_gives_no_area_to_its_figures():
    text = ("新华社北京10月18日电 国家统计局18日发布数据，前三季度国内生产总值同比增长4.8%。"
            "规模以上工业增加值同比增长5.8%，社会消费品零售总额增长3.3%。全国固定资产投资增长3.4%。\n")
    assert rows(text) == []
    # a local page that names the nation only in honours keeps its own area
    local = "渭滨区经济运行简况\n全区地区生产总值增长6.1%，获评全国百强区，居全国第二。\n"
    assert rows(local) == [("渭滨区", "gdp", d("6.1"), "%", True)]


def test_a_sentence_without_subject_keeps_its_paragraphs():
    """The dateline names the city the story was filed in; the figures are the province's."""
    text = ("新华社长沙10月18日电 湖南省统计局18日发布数据，前三季度全省地区生产总值同比增长4.8%。"
            "规模以上工业增加值同比增长5.8%。\n")
    assert [r[0] for r in rows(text)] == ["湖南省", "湖南省"]


def test_document_area_prefers_the_title_then_the_opening():
    assert document_area(prepare(document("正文。\n", title="南宁市青秀区2023年国民经济和社会发展统计公报"))).name == "青秀区"
    opening = prepare(document("昆山市统计局\n2024年1-6月全市经济运行简况\n全市完成进出口总值5023亿元。\n"))
    assert document_area(opening).name == "昆山市"
    # two cities at the same level: no one area of the page
    assert document_area(prepare(document("株洲、厦门两市举行经贸对接会。\n"))) is None


# ---------------------------------------------------------------- sentence shapes


@pytest.mark.parametrize("text, expected", [
    # an aside after the metric; the rate after a comma chains to the level
    ("一季度全市实现地区生产总值(GDP)4821亿元，同比增长4.7%。\n",
     [("gdp", d("4821"), "亿元", False), ("gdp", d("4.7"), "%", True)]),
    # level verb after the metric, then a two-year average, which is not a headline figure
    ("全市地区生产总值实现862.3亿元、增长7.4%，两年平均增长5.1%。\n",
     [("gdp", d("862.3"), "亿元", False), ("gdp", d("7.4"), "%", True)]),
    # a calculation clause between the level and its rate
    ("全市实现地区生产总值1533.6亿元，按可比价格计算，同比增长5.3%。\n",
     [("gdp", d("1533.6"), "亿元", False), ("gdp", d("5.3"), "%", True)]),
    # respectively, the comparison before 分别, the last value after 和
    ("规上工业增加值、固定资产投资同比分别增长9.3%和11.8%。\n",
     [("industrial_value_added", d("9.3"), "%", True), ("fixed_asset_investment", d("11.8"), "%", True)]),
    # a paired qualifier splits over the values
    ("城乡居民人均可支配收入分别增长5.2%、6.9%。\n",
     [("urban_income", d("5.2"), "%", True), ("rural_income", d("6.9"), "%", True)]),
    ("城、乡居民人均可支配收入分别达到48210元、23160元。\n",
     [("urban_income", d("48210"), "元", False), ("rural_income", d("23160"), "元", False)]),
    # declines: a signed growth and 下降
    ("全市固定资产投资增长-6.2%，进出口总值下降3.5%。\n",
     [("fixed_asset_investment", d("-6.2"), "%", True), ("import_export", d("-3.5"), "%", True)]),
    # a rank is not a figure; the growth before it is
    ("全市社会消费品零售总额增长6.4%，增速居全省第3位。\n", [("retail_sales", d("6.4"), "%", True)]),
    # a range is no headline figure
    ("各县区地区生产总值增速在1.5%-12.0%之间。\n", []),
    # full-width digits
    ("全市地区生产总值实现８６２．３亿元、增长７．４％。\n",
     [("gdp", d("862.3"), "亿元", False), ("gdp", d("7.4"), "%", True)]),
    # a figure wrapped over a line, inside a word
    ("全市规模以上工业增\n加值同比增长6.6%，地区生产\n总值增长5.8%。\n",
     [("industrial_value_added", d("6.6"), "%", True), ("gdp", d("5.8"), "%", True)]),
    # the rate word after the figure, and a rate word in the metric
    ("全市固定资产投资保持了12%以上增速，地区生产总值的增长速度为5.2%。\n",
     [("fixed_asset_investment", d("12"), "%", True), ("gdp", d("5.2"), "%", True)]),
    # a growth series after the metric it is of
    ("全市GDP增速逐季加快，一季度4.1%、上半年4.9%、前三季度5.6%。\n",
     [("gdp", d("4.1"), "%", True), ("gdp", d("4.9"), "%", True), ("gdp", d("5.6"), "%", True)]),
    # from an earlier level to a new one: only the new level
    ("全市地区生产总值从2019年的802亿元增加到1050亿元。\n", [("gdp", d("1050"), "亿元", False)]),
    # levels first, then their rates in order after 分别
    ("全市接待游客1234.5万人次，实现旅游综合收入98.7亿元，分别增长15.6%和18.9%。\n",
     [("tourist_arrivals", d("1234.5"), "万人次", False), ("tourism_spending", d("98.7"), "亿元", False),
      ("tourist_arrivals", d("15.6"), "%", True), ("tourism_spending", d("18.9"), "%", True)]),
    # a label and a colon
    ("地区生产总值：1234.5亿元，增长6.1%。\n", [("gdp", d("1234.5"), "亿元", False), ("gdp", d("6.1"), "%", True)]),
    # the base of a comparison between the metric and its verb
    ("全市地区生产总值比2023年增长5.2%。\n", [("gdp", d("5.2"), "%", True)]),
    # 增长到 reaches a level
    ("全市地区生产总值从3000亿元增长到4500亿元，年均增长8.4%。\n", [("gdp", d("4500"), "亿元", False)]),
    # a threshold, then the level reached and its rate
    ("全市社会消费品零售总额突破1000亿元大关，达到1023.4亿元，增长9.1%。\n",
     [("retail_sales", d("1000"), "亿元", False), ("retail_sales", d("1023.4"), "亿元", False),
      ("retail_sales", d("9.1"), "%", True)]),
    ("城镇、农村居民人均可支配收入分别达到45678元和23456元。\n",
     [("urban_income", d("45678"), "元", False), ("rural_income", d("23456"), "元", False)]),
    ("全市GDP年增长7.5%。\n", [("gdp", d("7.5"), "%", True)]),
    # the change of a growth rate is not a growth of the indicator
    ("全市规上工业增加值增长8.1%，比去年同期提高2.4个百分点。\n", [("industrial_value_added", d("8.1"), "%", True)]),
])
def test_sentence_shapes(text, expected):
    found = rows("株洲市经济运行简况\n" + text)
    assert [row[1:] for row in found] == expected
    assert all(row[0] == "株洲市" for row in found)


@pytest.mark.parametrize("text", [
    "全市新增规上工业企业35家，新开工项目120个。\n",           # counts of firms and projects
    "全市第三产业增加值占地区生产总值比重达52.3%。\n",          # a share
    "全市人均地区生产总值达到8.2万元。\n",                      # per capita
    "全市新能源汽车产量达到2.88亿辆。\n",                       # a count with a measure word
    "汽车、电子产业分别增长12.5%、8.1%。\n",                    # a sector breakdown outside a speaker's section
    "全市规上工业增加值增速比全省快1.2个百分点。\n",            # a comparison with another area
])
def test_what_is_not_a_headline_figure(text):
    assert rows("株洲市经济运行简况\n" + text) == []


# ---------------------------------------------------------------- vocabulary, script, scope


@pytest.mark.parametrize("written, indicator", [
    ("生产总值", "gdp"), ("GDP", "gdp"), ("经济", "gdp"), ("规上工业增加值", "industrial_value_added"),
    ("规模以上工业增加值", "industrial_value_added"), ("社零", "retail_sales"), ("社会消费品零售总额", "retail_sales"),
    ("一般公共预算收入", "general_budget_revenue"), ("居民人均可支配收入", "resident_income"),
    ("进出口总值", "import_export"), ("固定资产投资总额", "fixed_asset_investment"), ("地方财政收入", "fiscal_revenue"),
    ("区级一般公共预算收入", "general_budget_revenue"), ("接待旅游人数", "tourist_arrivals"),
    ("规模工业增加值", "industrial_value_added"), ("金融机构本外币贷款余额", "loans"),
])
def test_indicator_synonyms(written, indicator):
    assert [r[1] for r in rows(f"株洲市经济运行简况\n全市{written}增长6.5%。\n")] == [indicator]


def test_traditional_script():
    text = ("廈門市統計局公佈，前三季度全市實現地區生產總值6082.7億元，同比增長5.2%；"
            "規模以上工業增加值增長3.8%，社會消費品零售總額增長4.1%。\n")
    assert rows(text) == [("厦门市", "gdp", d("6082.7"), "亿元", False), ("厦门市", "gdp", d("5.2"), "%", True),
                          ("厦门市", "industrial_value_added", d("3.8"), "%", True),
                          ("厦门市", "retail_sales", d("4.1"), "%", True)]
    first = metrics(text)[0]
    assert first.evidence.quote == "前三季度全市實現地區生產總值6082.7億元"     # the original script


def test_hong_kong_and_macau_wording():
    text = "澳門特區政府統計暨普查局公佈，第三季本地生產總值按年增長5.2%，按季下跌1.1%。\n"
    found = metrics(text, date="2024-11-05")
    assert [(m.area.name, m.indicator, m.value, m.period.start, m.period.end) for m in found] == [
        ("澳门特别行政区", "gdp", d("5.2"), "2024-07", "2024-09")]


def test_scope_and_qualifier():
    text = "宜昌高新区经济运行情况\n全域地区生产总值突破520亿元，规上工业增加值增长7.2%（直管区）。\n"
    found = metrics(text)
    assert [(m.value, m.qualifier, m.qualifier_as_written, m.scope) for m in found] == [
        (d("520"), "lower-bound", "突破", "whole"), (d("7.2"), None, "", "direct")]


# ---------------------------------------------------------------- targets and plans


def test_targets_and_plans_of_a_work_report():
    text = ("2025年洛阳市政府工作报告\n"
            "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，"
            "力争规上工业增加值增长8%，确保固定资产投资增长10%以上。\n"
            "预计全年地区生产总值增长5.5%左右。\n"
            "到2027年，全市地区生产总值突破7000亿元。\n")
    found = metrics(text, date="2025-01-16")
    assert [(m.indicator, m.value, m.kind, m.qualifier, m.period.start, m.period.end) for m in found] == [
        ("gdp", d("6"), "target", "approximate", "2025-01", "2025-12"),
        ("general_budget_revenue", d("5"), "target", None, "2025-01", "2025-12"),
        ("industrial_value_added", d("8"), "target", None, "2025-01", "2025-12"),
        ("fixed_asset_investment", d("10"), "target", "lower-bound", "2025-01", "2025-12"),
        ("gdp", d("5.5"), "actual", "approximate", "2024-01", "2024-12"),      # an estimate of last year
        ("gdp", d("7000"), "plan", "lower-bound", "2027-01", "2027-12"),
    ]
    assert all(m.area.name == "洛阳市" for m in found)


def test_beyond_expectations_is_no_target():
    found = metrics("株洲市经济运行简况\n全市经济超预期增长，地区生产总值增长6.1%。\n")
    assert [(m.value, m.kind) for m in found] == [(d("6.1"), "actual")]


# ---------------------------------------------------------------- two-column pages

TWO_COLUMNS = (
    "          各位代表:                                          一年来,全区经济运行稳中有进。初步核算,\n"
    "          现在,我代表区人民政府向大会报告工作,             全年实现地区生产总值412.6亿元,同比增长\n"
    "          请予审议。                                        6.8%;一般公共预算收入28.3亿元,增长5.1%;\n"
    "          一、过去一年的工作回顾                            固定资产\n"
    "                                                            投资增长9.4%。\n"
    "          过去一年,我们坚持稳中求进工作总基调。\n")


def test_two_column_page_is_read_column_by_column():
    found = metrics(TWO_COLUMNS, date="2024-01-10", title="渭滨区政府工作报告")
    assert [(m.area.name, m.indicator, m.value, m.growth, m.period.start) for m in found] == [
        ("渭滨区", "gdp", d("412.6"), False, "2023-01"), ("渭滨区", "gdp", d("6.8"), True, "2023-01"),
        ("渭滨区", "general_budget_revenue", d("28.3"), False, "2023-01"),
        ("渭滨区", "general_budget_revenue", d("5.1"), True, "2023-01"),
        ("渭滨区", "fixed_asset_investment", d("9.4"), True, "2023-01")]
    for m in found:
        assert TWO_COLUMNS[m.evidence.start:m.evidence.end] == m.evidence.quote


def test_spaced_headlines_and_tables_are_no_columns():
    from cadregraph.extractors.columns import column_blocks
    assert column_blocks("特        载\n全区地区生产总值增长6%。\n") == []
    table = "指标        单位      数值\n地区生产总值        亿元      412.6\n"
    assert column_blocks(table) == []
    assert rows("渭滨区经济运行简况\n" + table) == []


def test_a_target_met_makes_its_figures_results():
    found = metrics("株洲市经济运行简况\n全市超额完成年初确定的预期目标，地区生产总值增长7%。\n"
                    "今年要完成的主要目标：地区生产总值增长6%左右。\n", date="2024-01-20")
    assert [(m.value, m.kind) for m in found] == [(d("7"), "actual"), (d("6"), "target")]


def test_a_headline_run_into_the_body_says_nothing_of_its_figure():
    """The normaliser joins lines without punctuation; the figure's metric, evidence, kind and
    period start on its own line."""
    text = "株洲2025年预期目标一览\n株洲市地区生产总值预计从2020年的3100亿元增加到4000亿元以上\n"
    found = metrics(text, date="2025-01-20")
    assert [(m.indicator, m.value, m.kind, m.qualifier) for m in found] == [("gdp", d("4000"), "actual", "lower-bound")]
    assert found[0].evidence.quote == "株洲市地区生产总值预计从2020年的3100亿元增加到4000亿元以上"
    assert found[0].period is None or found[0].period.start != "2025-01"
