"""Projects: real sentences from the seeds with the projects, parks, bases, hubs and roads they
name and the district each is in, negatives (category nouns, strategies, companies, counts),
the graph, the shipped answer to design question 8, the projects table and the scorer."""
from __future__ import annotations

from pathlib import Path

import pytest

from cadregraph.evaluation.projects import names_match, score_projects
from cadregraph.extractors.prepare import prepare
from cadregraph.extractors.projects import ProjectsExtractor
from cadregraph.graph.namespaces import CG, ONTOLOGY_IRI
from cadregraph.graph.vocabulary import declared_terms
from cadregraph.outputs.tables import TABLES, query_text, table_rows
from cadregraph.pipeline import Corpus, build_graph

from helpers import make_document, run_extractor

EXTRACTOR = ProjectsExtractor()
JIANGJIN = "高水平建强西部陆海新通道\n江津区委书记李应兰\n"
FENGDU = "发展为要 项目为王\n丰都县委书记 张国忠\n"


def names(text: str) -> list[str]:
    return sorted(p.name for p in run_extractor(EXTRACTOR, text))


@pytest.mark.parametrize("text, expected", [
    # the name runs left from the head noun to a verb (001 江津)
    (JIANGJIN + "珞璜港列入国家第四批多式联运示范工程，启动小南垭铁路物流中心两条集装箱线改造工程，建设一体化海关监管平台。",
     ["一体化海关监管平台", "小南垭铁路物流中心", "珞璜港"]),
    (JIANGJIN + "推动中新重庆枢纽港产业园建设，引进中冶赛迪先进机电装备及数字物流产业园。",
     ["中冶赛迪先进机电装备及数字物流产业园", "中新重庆枢纽港产业园"]),
    # items before 等 take the category (002 綦江, 两江新区)
    (FENGDU + "签约新材料及智能装备、20万吨再生铝及精密加工等项目30个。",
     ["20万吨再生铝及精密加工项目", "新材料及智能装备项目"]),
    (FENGDU + "提质打造中瑞、中德等国际合作产业园。", ["中德国际合作产业园", "中瑞国际合作产业园"]),
    (FENGDU + "推动玻纤、抽水蓄能等 4 个百亿项目，投资96亿元的特铝新材料等5个项目开工。",
     ["抽水蓄能项目", "特铝新材料项目"]),
    # a short name shares the head of the next one (003 开州)
    (FENGDU + "提速建设成达万、渝西高铁和万开达、开万梁高速和小江航道等。",
     ["万开达高速", "小江航道", "开万梁高速", "成达万高铁", "渝西高铁"]),
    # qualifiers after the head, superlatives before the name (001, 002)
    (FENGDU + "推进长江国家文化公园（重庆段）建设，建成全市首座高速公路线上油气氢电综合补能站。",
     ["长江国家文化公园（重庆段）", "高速公路线上油气氢电综合补能站"]),
    # one item before a naming category is one name (003 万州)
    (FENGDU + "谋划建设大宗商品等战略物资储运基地。", ["大宗商品等战略物资储运基地"]),
])
def test_projects_named_in_sentences(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    FENGDU + "新增数字化车间13个，新增科创平台6个。",                     # counts: categories
    FENGDU + "累计培育数字化车间、智能工厂和绿色工厂。",                    # category nouns
    FENGDU + "融入成渝地区双城经济圈建设，沿着西部陆海新通道驶往广西北部湾。",   # strategies, a corridor
    FENGDU + "全区100多个重大项目多点开花，狠抓项目。",                     # generic
    FENGDU + "记者在重庆宏锐汽车零部件有限公司车间看到。",                  # a company's workshop
    FENGDU + "工业经济高速发展，推动“疆算入渝”工程。",                      # an adverb; a programme
    FENGDU + "两江新区、西部科学城重庆高新区加快发展。",                    # districts, not projects
    FENGDU + "成功创建国家5A级景区。",                                      # a grade
])
def test_no_project(text):
    assert names(text) == []


def districts(text: str) -> dict[str, str | None]:
    return {p.name: p.district.name if p.district else None for p in run_extractor(EXTRACTOR, text)}


def test_district_of_a_project():
    # the section's district; a district in the name wins (a caption at the end of another section)
    text = "荣昌\n推进项目加速落地\n复合玻璃澄清剂生产基地已建成投用。\n潼南东兴大桥完成中跨钢箱拱主拱合龙。\n"
    assert districts(text) == {"复合玻璃澄清剂生产基地": "荣昌区", "潼南东兴大桥": "潼南区"}
    # a city department's projects are the city's, even with a district's name inside
    dept = "激活文旅新引擎\n市文化旅游委党委书记 石强\n依托江北机场入境服务中心，设立重庆旅游多语种呼叫中心。\n"
    assert districts(dept) == {"江北机场入境服务中心": "重庆市", "重庆旅游多语种呼叫中心": "重庆市"}
    # outside every section: the district the sentence names (a photo caption)
    caption = "位于璧山高新区的比亚迪刀片电池生产基地，工人们正在忙碌。\n潼南\n标题\n正文。\n"
    assert districts(caption) == {"璧山高新区": "璧山区", "比亚迪刀片电池生产基地": "璧山区"}


def test_evidence_is_original_text_with_the_name_as_its_span():
    text = FENGDU + "推动玻纤、抽水蓄能等 4 个百亿项\n目。"
    found = {p.name: p for p in run_extractor(EXTRACTOR, text)}
    p = found["抽水蓄能项目"]
    assert text[p.evidence.start:p.evidence.end] == p.evidence.quote and "抽水蓄能等 4 个百亿项\n目" in p.evidence.quote
    assert p.span.quote.startswith("抽水蓄能") and p.evidence.rule == "listed-before-category"


# ---------------------------------------------------------------- the seeds' graph


def test_question_8_shipped_query(seeds_graph):
    rows = [r.asdict() for r in seeds_graph.query(query_text("q8_district_projects.rq"))]
    projects = {str(r["project"]) for r in rows}
    assert {"珞璜港", "白沙工业园", "中新重庆枢纽港产业园", "小南垭智慧货站", "西部陆海新通道重庆主枢纽"} <= projects
    assert all(str(r["district_name"]) == "江津区" and r["evidence"] and r["document"] for r in rows)
    assert not projects & {"成渝地区双城经济圈", "西部陆海新通道", "数字化车间"}


def test_projects_table(seeds_graph):
    assert TABLES["projects"].columns == ("project", "district", "document", "date", "evidence")
    rows = table_rows(seeds_graph, "projects")
    assert len(rows) > 100
    found = {(r["project"], r["district"], Path(r["document"]).stem[:3]) for r in rows}
    assert ("黄水国家级旅游度假区", "石柱土家族自治县", "000") in found
    assert ("西部数据交易中心", "重庆市", "000") in found
    assert ("潼南东兴大桥", "潼南区", "004") in found


def test_every_emitted_term_is_declared():
    declared = declared_terms(ONTOLOGY_IRI)
    own = [t for t in EXTRACTOR.emits if ":" not in t]
    assert own and all(CG[t] in declared for t in own)


# ---------------------------------------------------------------- scorer


@pytest.mark.parametrize("a, b, same", [
    ("万顺场储气库", "万顺场储气库项目", True),
    ("全市“平急两用”保供基地", "全市平急两用保供基地", True),
    ("项目", "特铝新材料项目", False),           # a bare head never matches
    ("九龙新城", "重庆枢纽港产业园九龙新城", False),   # too small a part of the longer name
])
def test_names_match(a, b, same):
    assert names_match(a, b) is same


def test_scorer():
    doc = make_document(FENGDU + "提速建设渝西高铁，打造新市民就业创业园。", doc_id="p")
    g = build_graph(Corpus([doc], list(EXTRACTOR.extract(prepare(doc)))))
    gold = {"p": {"projects": [
        {"name": "渝西高铁", "district": "丰都县"},
        {"name": "垫丰武高速", "district": "丰都县"},
    ]}}
    score = score_projects(g, gold)
    assert (score.true_positives, len(score.false_positives), len(score.false_negatives)) == (1, 1, 1)
