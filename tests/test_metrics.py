"""Reported figures: real sentences from the seeds (respectively-lists, declines, targets, OCR
damage, line wraps, the repeated 铜梁 paragraph), negatives, periods, the Data Cube graph, the
metrics table, question 7 and the scorer."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import QB, RDF, SKOS, TIME, XSD

from cadregraph.evaluation.metrics import same_metric, score_metrics
from cadregraph.extractors.metrics import MetricsExtractor
from cadregraph.extractors.periods import find_periods, resolve
from cadregraph.graph.namespaces import CG, ONTOLOGY_IRI, SDMX_DIMENSION, SDMX_MEASURE
from cadregraph.graph.vocabulary import declared_terms
from cadregraph.outputs.tables import TABLES, query_text, table_rows
from cadregraph.pipeline import build_graph, extract_corpus

from helpers import make_document, run_extractor

EXTRACTOR = MetricsExtractor()

# Section openers: a speaker line (the section's unit), and the numbered point that ends a
# section's opening summary, so a figure after it is in the body.
BISHAN = "深化改革创新引领高质量发展\n璧山区区长江志斌\n"
RONGCHANG = "燃动投资消费“双引擎”\n荣昌区委书记 高洪波\n荣昌区实施“转型升级十大行动”。\n"
BODY = "一、做大产业，增强企业投资信心。"


def figures(text: str, date: str = "2025-04-24"):
    return [(m.area.name, m.indicator or m.metric, m.value, m.unit, m.growth)
            for m in run_extractor(EXTRACTOR, text, date=date)]


def d(x: str) -> Decimal:
    return Decimal(x)


@pytest.mark.parametrize("text, date, expected", [
    # a respectively-list of four controlled indicators (001 璧山)
    (BISHAN + "三季度，全区地区生产总值、规上工业增加值、固定资产投资、税收收入分别增长7%、8.6%、13.9%、81.7%。\n",
     "2023-10-24",
     [("璧山区", "gdp", d("7"), "%", True), ("璧山区", "industrial_value_added", d("8.6"), "%", True),
      ("璧山区", "fixed_asset_investment", d("13.9"), "%", True), ("璧山区", "tax_revenue", d("81.7"), "%", True)]),
    # a list in the body, outside the vocabulary: still three figures (000 荣昌)
    (RONGCHANG + BODY + "全年开展文体活动300多场次，带动零售、住宿、餐饮分别增长23.9%、23.5%、30.8%。\n", "2025-01-23",
     [("荣昌区", "零售", d("23.9"), "%", True), ("荣昌区", "住宿", d("23.5"), "%", True),
      ("荣昌区", "餐饮", d("30.8"), "%", True)]),
    # a shared head noun goes to every item; spaced-out characters (002 九龙坡)
    ("拓展主战场\n九龙坡区委书记 覃昌德\n" + BODY + "带动 2 个主导产业、4 个优势产业、8\n个 特 色 产 业 产 值 分 别 增 长 4.9% 、\n25.8%、10.8%。\n",
     "2025-04-24",
     [("九龙坡区", "主导产业产值", d("4.9"), "%", True), ("九龙坡区", "优势产业产值", d("25.8"), "%", True),
      ("九龙坡区", "特色产业产值", d("10.8"), "%", True)]),
    # a level, then a growth rate of the same metric (000 九龙坡)
    ("空间重构\n九龙坡区委书记 覃昌德\n九龙坡区全力构建现代化产业体系，推动2024年GDP达2060亿元、增长6%，成为全市第2个“两千亿”经济大区。\n",
     "2025-01-23", [("九龙坡区", "gdp", d("2060"), "亿元", False), ("九龙坡区", "gdp", d("6"), "%", True)]),
    # OCR damage: DP is GDP (001 重庆高新区), an abbreviation (固投)
    ("以数字化变革塑造高质量发展新动能\n西部科学城重庆高新区党工委书记张安疆\n科学城高新区全力添措施、促创新、转动能，前三季度DP增长8.6%，固投增长19.4%、其中工业投资增长18.7%，"
     "规上高技术服务业营收增长27.3%。\n", "2023-10-24",
     [("重庆高新区", "gdp", d("8.6"), "%", True), ("重庆高新区", "fixed_asset_investment", d("19.4"), "%", True),
      ("重庆高新区", "industrial_investment", d("18.7"), "%", True),
      ("重庆高新区", "规上高技术服务业营收", d("27.3"), "%", True)]),
    # a figure hard-wrapped across lines, and a department reporting for the city (002 市文化旅游委)
    # (the page names its city: on a page naming no place a department's figures get no area)
    ("激活文旅新引擎\n市文化旅游委党委书记 石强\n重庆市文化旅游委以巴蜀文化旅游走\n廊建设为牵引。一季度，全市接待国内游客\n1.12亿人次、同比增长8.6%，旅游总花\n"
     "费同比增长14.7%，完成固定资产投资\n同比增长30%以上。\n", "2025-04-24",
     [("重庆市", "domestic_tourist_arrivals", d("1.12"), "亿人次", False),
      ("重庆市", "domestic_tourist_arrivals", d("8.6"), "%", True), ("重庆市", "tourism_spending", d("14.7"), "%", True),
      ("重庆市", "fixed_asset_investment", d("30"), "%", True)]),
    # 同\n\n比增长 split over a blank line
    ("重庆激活文旅新引擎\n市文化旅游委党委书记 石强\n" + BODY + "一季度，全市接待入境游客同\n\n比增长 102%。\n", "2025-04-24",
     [("重庆市", "inbound_tourist_arrivals", d("102"), "%", True)]),
    # a decline is negative (001 江津, here in an opening summary)
    ("高水平建强主枢纽\n江津区委书记 李应兰\n江津区启动小南垭智慧货站建设，通道物流成本下降15%。\n", "2023-10-24",
     [("江津区", "通道物流成本", d("-15"), "%", True)]),
    # a level after a comma and a growth rate after a comma (004 璧山, a feature article)
    ("璧山\n铆足劲 拉满弓\n前三季度，全区地区生产总值实现766.6亿元，增长6.9%，其中，第一产业增加值33.3亿元，增长2.6%。\n", "2024-12",
     [("璧山区", "gdp", d("766.6"), "亿元", False), ("璧山区", "gdp", d("6.9"), "%", True),
      ("璧山区", "primary_value_added", d("33.3"), "亿元", False), ("璧山区", "primary_value_added", d("2.6"), "%", True)]),
    # counts are not figures; a narrower metric is not the controlled one; a share is not a level
    (RONGCHANG + BODY + "新签约项目68个，合同额295亿元。民营规上工业总产值增长9.9%。工业投资增长41.8%，占固定资产投资52.8%。\n",
     "2025-01-23", [("荣昌区", "industrial_investment", d("41.8"), "%", True)]),
    # rankings, process ratios and dates are not figures
    ("围着企业转\n江北区委书记滕宏伟\n江北区前三季度DP增长6.2%、居中心城区第一，社零增速居全市（行政区）第一。\n" + BODY +
     "11月5日，技改后平均生产效率提高41%，亩均税收增速居全市第二。\n", "2023-10-24",
     [("江北区", "gdp", d("6.2"), "%", True)]),
    # place-like words are not places: 大关 (a county in Yunnan) in 突破5000亿元大关
    ("坚持以新质生产力为引领\n市委常委,两江新区党工委书记 罗楠\n2024年，两江新区全域GDP突破5000亿元大关，其中直管区GDP增长7.2%。\n",
     "2025-01-23", [("两江新区", "gdp", d("5000"), "亿元", False), ("两江新区", "gdp", d("7.2"), "%", True)]),
])
def test_figures_from_sentences(text, date, expected):
    assert figures(text, date) == expected


def test_a_sentence_opening_with_a_bare_figure_list_keeps_its_other_figures():
    # "5亿元、增长23.9%" with no item before it (a figure cut by a page break) once ended the
    # whole document's extraction with an IndexError; now it says nothing, and the figure
    # after it still counts
    from cadregraph.extractors.figures import grammar

    members = grammar().members("5亿元、增长23.9%，实际使用外资增长10.1%")
    assert [(m.item, m.figure.number) for m in members] == [("实际使用外资", "10.1")]
    found = figures(BISHAN + "全区实际利用内资持续增长。\n\n5亿元、增长23.9%，实际使用外资增长10.1%。\n")
    assert [f[2] for f in found] == [d("10.1")]


def test_targets_with_their_year_and_qualifiers():
    text = ("市人大代表、彭水县委书记石强：\n探索走好强县富民现代化新路子\n报告内容：培育壮大特色产业集群区县目标：打造生态绿色产品供给地，"
            "力争地区生产总值增长7%，农产品加工产值5亿元，规模以上工业增加值增长11%。\n行动计划：\n"
            "加快推进总投资63亿元的产业园建设。\n")
    found = run_extractor(EXTRACTOR, text, date="2024-01")
    assert [(m.indicator or m.metric, m.value, m.growth, m.kind) for m in found] == [
        ("gdp", 7, True, "target"), ("农产品加工产值", 5, False, "target"), ("industrial_value_added", 11, True, "target")]
    assert {(m.period.start, m.period.end, m.period.inferred) for m in found} == {("2024-01", "2024-12", True)}
    hechuan = "合川\n全力构建现代化产业体系\n合川将锚定全年目标任务冲刺攻坚，努力实现全年规上工业总产值增长15%以上，突破360亿元。\n"
    found = run_extractor(EXTRACTOR, hechuan, date="2024-12")
    assert [(m.value, m.growth, m.kind, m.qualifier, m.qualifier_as_written) for m in found] == [
        (15, True, "target", "lower-bound", "以上"), (360, False, "target", "lower-bound", "突破")]
    assert found[0].period.written == "全年" and (found[0].period.start, found[0].period.end) == ("2024-01", "2024-12")


def test_repeated_paragraph_keeps_its_district():
    """004's 大足 section repeats 铜梁's paragraphs: a figure in a sentence about 铜梁 is 铜梁's."""
    text = ("大足\n以奋进之姿决胜攻坚之战\n2024年，大足深入贯彻落实习近平总书记视察重庆重要讲话精神。\n"
            "聚焦细分赛道招商，新兴产业提速集聚。铜梁细分赛道招商，新兴产业提速集聚。\n"
            "今年以来，铜梁着力强化科技创新赋能，规上工业增加值增长10.2%。\n"
            "依托江北机场入境服务中心，大足规上工业增加值增长8.1%。\n")
    found = run_extractor(EXTRACTOR, text, date="2024-12")
    assert [(m.area.name, m.reporter.name, m.value) for m in found] == [("铜梁区", "大足区", d("10.2")), ("大足区", "大足区", d("8.1"))]


def test_evidence_quotes_the_original_text():
    text = "精准落子消费\n荣昌区委书记 高洪波\n荣昌区牵住促消费“牛鼻子”，一季度\nGDP 增长 6%，规上工业增加值增长\n8.2%。\n"
    found = run_extractor(EXTRACTOR, text, date="2025-04-24")
    for m in found:
        assert text[m.evidence.start:m.evidence.end] == m.evidence.quote
    assert [m.evidence.quote for m in found] == ["一季度\nGDP 增长 6%", "规上工业增加值增长\n8.2%"]
    assert all(m.summary and m.period.written == "一季度" for m in found)


@pytest.mark.parametrize("written, date, kind, expected", [
    ("前三季度", "2023-10-24", "actual", ("2023-01", "2023-09")),
    ("1—9月", "2023-10-24", "actual", ("2023-01", "2023-09")),
    ("1-11月", "2024-12", "actual", ("2024-01", "2024-11")),
    ("1至10月", "2024-12", "actual", ("2024-01", "2024-10")),
    ("今年前10月", "2024-12", "actual", ("2024-01", "2024-10")),
    ("一季度", "2025-04-24", "actual", ("2025-01", "2025-03")),
    ("一季度", "2025-01-23", "actual", ("2024-01", "2024-03")),    # not over yet: last year's
    ("一季度", "2025-01-23", "target", ("2025-01", "2025-03")),    # a target is for this year
    ("3月末", "2025-04-24", "actual", ("2025-03", "2025-03")),
    ("2024年", "2025-01-23", "actual", ("2024-01", "2024-12")),
    ("2024年前三季度", "2025-01-23", "actual", ("2024-01", "2024-09")),
    ("上半年", "2024-08", "actual", ("2024-01", "2024-06")),
    ("今年以来", "2023-10-24", "actual", ("2023-01", "2023-10")),
    ("到2030年", "2024-12", "target", ("2030-01", "2030-12")),
    ("前三季度", "2024", "actual", ("2024-01", "2024-09")),        # year-only date
    ("前三季度", None, "actual", (None, None)),                    # no date: not placed
])
def test_periods_resolve_against_the_document_date(written, date, kind, expected):
    mentions = find_periods(written)
    assert [m.text for m in mentions] == [written]
    period = resolve(mentions[0], date, kind)
    assert (period.start, period.end) == expected


@pytest.mark.parametrize("text", ["11月5日", "10月30日同一天", "2024中国（潼南）柠檬产业", "第2个"])
def test_dates_and_numbers_are_not_periods(text):
    assert find_periods(text) == []


# ---------------------------------------------------------------- graph, table, question 7


def test_every_emitted_term_is_declared():
    declared = declared_terms(ONTOLOGY_IRI)
    own = [t for t in EXTRACTOR.emits if ":" not in t]
    assert own and all(CG[t] in declared for t in own)


def test_observations_are_data_cube_with_decimal_values_and_month_intervals(seeds_graph):
    g = seeds_graph
    observations = set(g.subjects(RDF.type, QB.Observation))
    assert len(observations) > 100
    for obs in observations:
        value = g.value(obs, SDMX_MEASURE.obsValue)
        assert value.datatype == XSD.decimal and isinstance(value.toPython(), Decimal)
        assert g.value(obs, QB.dataSet) is not None and g.value(obs, CG.indicator) is not None
    intervals = set(g.objects(None, SDMX_DIMENSION.refPeriod))
    instants = {i for iv in intervals for p in (TIME.hasBeginning, TIME.hasEnd) for i in g.objects(iv, p)}
    months = {g.value(i, TIME.inXSDgYearMonth) for i in instants}
    assert months and all(m.datatype == XSD.gYearMonth and len(str(m)) == 7 for m in months)
    gdp = next(g.subjects(SKOS.notation, Literal("gdp")))
    assert {lbl.language for lbl in g.objects(gdp, SKOS.prefLabel)} == {"zh", "en"}
    assert Literal("固投", lang="zh") in set(g.objects(next(g.subjects(SKOS.notation, Literal("fixed_asset_investment"))),
                                                        SKOS.altLabel))


def test_metrics_table_has_the_issue_columns_and_city_figures(seeds_graph):
    assert TABLES["metrics"].columns == ("district", "indicator", "value", "unit", "is_growth", "period", "period_start",
                                         "period_end", "kind", "scope", "qualifier", "document", "date", "evidence")
    rows = table_rows(seeds_graph, "metrics")
    loans = [r for r in rows if r["indicator"] == "人民币贷款余额"]
    assert [(r["district"], r["value"], r["is_growth"], r["period"], r["period_start"], r["period_end"]) for r in loans] == [
        ("重庆市", "7.9", "true", "3月末", "2025-03", "2025-03")]
    targets = {(r["district"], r["value"]) for r in rows if r["kind"] == "target" and r["document"].startswith("003")}
    assert ("开州区", "7.0") in targets or ("开州区", "7") in targets


def test_question_7_bishan_gdp(seeds_graph):
    rows = [tuple(str(v) if v is not None else None for v in r) for r in seeds_graph.query(query_text("q7_district_gdp.rq"))]
    answer = {(r[0], r[1], Decimal(r[2]), r[3], r[5], r[6], r[8][:3]) for r in rows}
    assert answer == {
        ("璧山区", "level", Decimal("1040"), "亿元", "2024-01", "2024-12", "000"),
        ("璧山区", "growth", Decimal("7"), "%", "2023-07", "2023-09", "001"),
        ("璧山区", "level", Decimal("766.6"), "亿元", "2024-01", "2024-09", "004"),
        ("璧山区", "growth", Decimal("6.9"), "%", "2024-01", "2024-09", "004"),
    }
    assert all(r[10] for r in rows)              # every row carries its quote
    other = query_text("q7_district_gdp.rq").replace('"璧山区"', '"忠县"')
    zhong = {(str(r.statistic), Decimal(str(r.value))) for r in seeds_graph.query(other)}
    assert zhong == {("growth", Decimal("6.7")), ("growth", Decimal("6.6")), ("growth", Decimal("6.2"))}


def test_same_figure_twice_in_a_document_is_one_observation():
    text = ("大足\n以奋进之姿\n今年以来，铜梁规上工业增加值增长10.2%。\n铜梁\n奋力跑出加速度\n今年以来，铜梁规上工业增加值增长10.2%。\n")
    corpus = extract_corpus([])
    corpus.documents.append(make_document(text, date="2024-12"))
    corpus.facts.extend(run_extractor(EXTRACTOR, text, date="2024-12"))
    assert len(corpus.facts) == 2
    g = build_graph(corpus)
    assert len(set(g.subjects(RDF.type, QB.Observation))) == 1
    assert {str(o) for o in g.objects(None, SDMX_DIMENSION.refArea)} == {str(g.value(predicate=SKOS.notation,
                                                                                       object=Literal("500151")))}


# ---------------------------------------------------------------- the scorer


@pytest.mark.parametrize("a, b, same", [
    ("GDP", "地区生产总值", True),
    ("GDP增速", "地区生产总值", True),
    ("固投增速", "固定资产投资", True),
    ("社零总额", "社会消费品零售总额", True),
    ("规模以上工业增加值", "规上工业增加值", True),
    ("固定资产投资（文旅）", "固定资产投资", True),
    ("线上文体娱营业收入", "文体娱营业收入", True),
    ("工业投资", "固定资产投资", False),
    ("重庆宏锐汽车零部件有限公司工业产值", "规模以上工业总产值", False),
    ("亩均税收增速", "亩均税收", True),
])
def test_scorer_metric_synonyms(a, b, same):
    assert same_metric(a, b) is same


def test_scorer_counts_minor_figures_neither_way(seeds_graph):
    doc = "001_e3967ce29b2979f4"
    gold = {doc: {"metrics": [
        {"district": "江北区", "metric": "GDP", "value": 6.2, "change": True, "headline": True},
        {"district": "长寿区", "metric": "民间投资", "value": 12.2, "change": True, "headline": False},
        {"district": "江北区", "metric": "GDP", "value": 99, "change": True, "headline": True},
    ]}}
    score = score_metrics(seeds_graph, gold)
    assert score.true_positives == 1 and len(score.false_negatives) == 1
    spurious = {(p[1]["district"], p[1]["metric"]) for p in score.false_positives}
    assert ("长寿区", "民间投资") not in spurious and ("长寿区", "地区生产总值") in spurious


def test_metrics_table_tells_scope_and_qualifier_apart(seeds_graph):
    """两江新区 (000): 全域GDP突破5000亿元 is a lower bound for the whole area, 直管区GDP增长7.2% an
    exact rate for the directly administered area."""
    rows = [r for r in table_rows(seeds_graph, "metrics")
            if r["district"] == "两江新区" and r["indicator"] == "地区生产总值" and r["document"].startswith("000")]
    assert {(r["value"], r["is_growth"], r["scope"], r["qualifier"]) for r in rows} == {
        ("5000", "false", "whole", "lower-bound"), ("7.2", "true", "direct", "")}
