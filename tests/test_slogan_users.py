"""Who uses a slogan on pages without speaker sections: the sentence's subject, the one district
the sentence names, the document's own place (a district's own news, a city's report), or
"unknown"; never a place read out of a longer word (范县 in 示范县). Sentences written for
these tests, from several provinces; the graph keeps both scripts of a traditional slogan."""
from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import SKOS

from cadregraph.extractors.prepare import prepare
from cadregraph.extractors.slogans import SlogansExtractor
from cadregraph.extractors.units import UnitResolver, document_unit
from cadregraph.graph.namespaces import CG
from cadregraph.outputs.tables import table_rows
from cadregraph.pipeline import Corpus, build_graph

from helpers import make_document, run_extractor

EXTRACTOR = SlogansExtractor()


def users(text: str) -> dict[str, tuple[str | None, str]]:
    return {u.text: (u.unit.name if u.unit else None, u.user_rule) for u in run_extractor(EXTRACTOR, text)}


def places(text: str) -> list[str]:
    doc = prepare(make_document(text))
    return [p.name for p in UnitResolver(doc).places_in(0, len(doc.norm.text))]


def test_a_place_is_never_read_out_of_a_longer_word():
    assert places("该区获评全国科普示范县。") == []                 # 范县 in 示范县
    assert places("推进省直接管理县财政改革。") == []               # 理县 in 管理县
    assert places("成渝中线高铁建设进展顺利。") == []               # 渝中 in 成渝中线
    # the same places where they are written as places
    assert places("河南省濮阳市范县召开会议。") == ["范县"]
    assert places("调研组一行在理县调研。") == ["理县"]
    assert places("渝中区推进城市更新。") == ["渝中区"]


def test_an_honour_list_is_the_subject_districts_not_a_county_cut_from_it():
    page = ("五华区2023年政府工作报告\n过去一年，五华区获评“全国科普示范县”“全省十强县”，"
            "区政府坚持“三攻坚一盘活”。五华区经济运行稳中有进。")
    found = users(page)
    assert found["全国科普示范县"][0] == "五华区" and found["三攻坚一盘活"][0] == "五华区"


def test_the_subject_of_the_sentence_wins_over_other_districts_it_names():
    text = "今年以来，江宁区联合浦口区、六合区推进“宁聚计划”。"
    assert users(text)["宁聚计划"] == ("江宁区", "sentence")


def test_a_districts_own_news_belongs_to_the_district():
    # a page that speaks as one district (区政协, 全区) and names it once
    page = ("区政协十六届三次会议召开\n政协重庆市綦江区第十六届委员会第三次会议今天开幕。"
            "会议指出，全区上下要围绕“2456”发展思路，奋力推动高质量发展。")
    assert users(page)["2456"] == ("綦江区", "document")


def test_a_city_report_belongs_to_the_city():
    page = ("黄石市召开全市经济工作会议\n黄石市委书记在会上强调，要扎实推进“五城同创”，"
            "奋力夺取全年“开门红”。黄石市上半年经济稳中有进，武汉都市圈协同发展。")
    found = users(page)
    assert found["五城同创"] == ("黄石市", "document") and found["开门红"] == ("黄石市", "document")


def test_a_page_that_names_no_place_has_an_unknown_user():
    found = users("评论员文章\n干部要敢于担当，过好“紧日子”，勇当“排头兵”。")
    assert found["紧日子"] == (None, "unknown")
    doc = prepare(make_document("干部要敢于担当，过好“紧日子”。"))
    assert document_unit(doc) is None        # not guessed to be the home city's


def test_unknown_users_in_the_graph_and_the_table():
    doc = make_document("干部要敢于担当，过好“紧日子”。", doc_id="u")
    g = build_graph(Corpus([doc], list(EXTRACTOR.extract(prepare(doc)))))
    [use] = list(g.subjects(CG.slogan, None))
    assert g.value(use, CG.user) is None and str(g.value(use, CG.userRule)) == "unknown"
    [row] = table_rows(g, "slogans")
    assert row["user"] == "unknown" and row["slogan"] == "紧日子"


TRADITIONAL = ("湖南省委組織部近日公佈，該縣縣長此番“連降兩級”。會議強調，全省上下要堅決做到“兩個維護”，"
               "深入學習貫徹黨的二十大精神，推動經濟社會高質量發展。")
SIMPLIFIED = "湖南省委组织部强调，全省上下要坚决做到“两个维护”。"


def test_a_traditional_slogan_is_one_concept_with_both_spellings():
    trad, simp = make_document(TRADITIONAL, doc_id="t1"), make_document(SIMPLIFIED, doc_id="s1")
    facts = [f for d in (trad, simp) for f in EXTRACTOR.extract(prepare(d))]
    found = {(u.text, u.original, u.kind) for u in facts}
    assert ("两个维护", "兩個維護", "numbered") in found and ("连降两级", "連降兩級", "emphasis") in found
    assert ("两个维护", "", "numbered") in found
    g = build_graph(Corpus([trad, simp], facts))
    concepts = set(g.subjects(SKOS.prefLabel, Literal("两个维护", lang="zh")))
    assert len(concepts) == 1
    [concept] = concepts
    assert Literal("兩個維護", lang="zh-Hant") in set(g.objects(concept, SKOS.altLabel))
    assert {r["document"] for r in table_rows(g, "slogans") if r["slogan"] == "两个维护"} == {"t1.txt", "s1.txt"}


def test_slogan_spread_orders_the_units_by_their_first_use(seeds_graph):
    from cadregraph.outputs.tables import typed_rows

    rows = [r for r in typed_rows(seeds_graph, "slogan_spread") if r["slogan"] == "33618"]
    assert [(r["user"], r["adoption"], r["first_document"][:3]) for r in rows] == [
        ("璧山区", 1, "001"), ("重庆市财政局", 2, "000"), ("綦江区", 3, "002"), ("重庆市人力社保局", 3, "002")]
    assert all(r["users"] == 4 and "33618" in r["evidence"] for r in rows)
    assert str(rows[0]["first_date"]) == "2023-10-24"
