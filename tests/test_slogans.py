"""Slogans: real sentences from the seeds with the kind each quoted span gets (numbered
formulations, catchphrases, brands, emphasis, titles, speech), negatives, the unit a use
belongs to in both layouts, the graph (SKOS concepts, uses with evidence), the shipped answers
to design questions 5 and 6, the slogans table and the scorer."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from cadregraph.evaluation.slogans import score_kinds
from cadregraph.extractors.slogans import SlogansExtractor, slogan_key
from cadregraph.graph.namespaces import CG, ONTOLOGY_IRI
from cadregraph.graph.vocabulary import declared_terms
from cadregraph.outputs.tables import TABLES, query_text, table_rows
from cadregraph.pipeline import Corpus, build_graph

from helpers import make_document, run_extractor

EXTRACTOR = SlogansExtractor()
# A speaker line opens the section, so the sentences after it are 璧山区's.
BISHAN = "强平台 育产业 优生态\n璧山区委书记、区长 江志斌\n"


def kinds(text: str) -> list[tuple[str, str]]:
    return [(u.text, u.kind) for u in run_extractor(EXTRACTOR, BISHAN + text)]


@pytest.mark.parametrize("text, expected", [
    # numbered formulations: digits, formulas, Chinese numerals (000, 002, 003)
    ("形成以“一港九园三区”和“1+8”开放平台体系共同托举工业经济发展的新格局。",
     [("一港九园三区", "numbered"), ("1+8", "numbered")]),
    ("构建“2335”现代制造业集群体系，推动“双倍增”行动计划。", [("2335", "numbered"), ("双倍增", "numbered")]),
    ("巩固拓展“两不愁三保障”成果，深入推进“三攻坚一盘活”改革突破。",
     [("两不愁三保障", "numbered"), ("三攻坚一盘活", "numbered")]),
    # a quote broken by a hard line wrap (002 市委金融办)
    ("全市金融系统紧紧围绕“六区一\n高地”建设，扎实推进各项工作。", [("六区一高地", "numbered")]),
    # catchphrases: lists of slogans, set metaphors, formulas of words (000, 001)
    ("实施“招进来、引回来、育起来”行动计划，通过“一对一”服务。",
     [("招进来、引回来、育起来", "catchphrase"), ("一对一", "numbered")]),
    ("牵住重大项目“牛鼻子”，筑牢乡村振兴“压舱石”。", [("牛鼻子", "catchphrase"), ("压舱石", "catchphrase")]),
    ("促进“产业+科技+金融+人才”贯通。", [("产业+科技+金融+人才", "catchphrase")]),
    ("推动传统产业“向新而行”，以“新”破“卷”。", [("向新而行", "catchphrase"), ("新", "emphasis"), ("卷", "emphasis")]),
    # numerals that count nothing: a place, a ranking, a figurative 万, zero as a goal
    ("打好“三峡牌”，擦亮“三峡里”金字招牌。", [("三峡牌", "catchphrase"), ("三峡里", "brand")]),
    ("招商落户中煤集团等“世界500强”8个。", [("世界500强", "catchphrase")]),
    ("举办“渝疆万里行”活动，风险隐患“动态清零”。", [("渝疆万里行", "brand"), ("动态清零", "catchphrase")]),
    # brand names: a platform noun before, a brand noun after, a place name or suffix inside
    ("上线供需对接服务平台“璧商荟”，深化落实“满天星”行动。", [("璧商荟", "brand"), ("满天星", "brand")]),
    ("组织开展“山城人家”主题美食宣传推广，推出“稳岗贷”。", [("山城人家", "brand"), ("稳岗贷", "brand")]),
    # 《…》 is a title; the quote nested in it is its own span
    ("研究制定《重庆市文旅“爆款”产品培育工作方案》。",
     [("爆款", "emphasis"), ("重庆市文旅“爆款”产品培育工作方案", "title")]),
    # a quoted utterance is speech (004 潼南)
    ("“承天时、秉地利、聚人和，当前的潼南孕育着非凡的发展机遇，欢迎大家来潼南投资兴业。”潼南区相关负责人说。",
     [("承天时、秉地利、聚人和，当前的潼南孕育着非凡的发展机遇，欢迎大家来潼南投资兴业。", "speech")]),
    # nested single quotes inside a double-quoted name (002 两江新区)
    ("成功举办“‘三企’联动两江行”活动。", [("‘三企’联动两江行", "brand"), ("三企", "numbered")]),
])
def test_quoted_spans_and_their_kinds(text, expected):
    assert sorted(kinds(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "没有引号的句子，也没有提法。",
    "一个没有闭合的“引号跨过段落\n\n到了另一段，这里结束。",   # an open mark never swallows a paragraph
    "“”空引号不算。",
])
def test_no_slogan(text):
    assert kinds(text) == []


def test_evidence_is_the_clause_in_the_original_text_and_the_span_is_kept():
    text = BISHAN + "全市金融系统紧紧围绕“六区一\n高地”建设，扎实推进。"
    [use] = run_extractor(EXTRACTOR, text)
    assert use.span.quote == "“六区一\n高地”" and text[use.span.start:use.span.end] == use.span.quote
    assert use.evidence.quote == "全市金融系统紧紧围绕“六区一\n高地”建设"
    assert use.unit.name == "璧山区" and use.user_rule == "section"


def test_slogan_key_ignores_inner_quotes_and_spaces():
    assert slogan_key("‘三企’联动两江行") == slogan_key("三企联动两江行")
    assert slogan_key("再创业 再出发") == "再创业再出发"


def test_users_in_both_layouts_and_outside_sections():
    # after_body layout: the body comes before its speaker line
    text = ("綦江对标“33618”现代制造业产业集群，推动工业高质量发展。\n"
            "突出“链”上发力 推动工业高质量发展跑出加速度\n綦江区委书记 尹国喜\n"
            "丰都县围绕建设“六区一高地”要求，奋力推动经济社会高质量发展。\n"
            "发展为要 项目为王\n丰都县委书记 张国忠\n")
    users = {(u.text, u.unit.name if u.unit else None) for u in run_extractor(EXTRACTOR, text)}
    assert ("33618", "綦江区") in users and ("六区一高地", "丰都县") in users
    # a document's headline above its "——" subtitle is the document's own place's: the city
    head = "# 全力以赴夺取一季度“开门红”\n——重庆市区县委书记和部门一把手例会发言摘登\n" + BISHAN + "实施“万家创新”工程。"
    found = {u.text: (u.unit.name if u.unit else None, u.user_rule) for u in run_extractor(EXTRACTOR, head)}
    assert found["开门红"] == ("重庆市", "document") and found["万家创新"][0] == "璧山区"


def test_a_group_of_districts_speaks_for_itself_not_for_its_section():
    text = "潼南\n招商引资宣传捷报\n今年以来，渝西八区高质量发展蹄疾步稳，老树发“新芽”；产业涌“活水”。\n潼南以全面抓好招商引资作为突破口，不断优化完善“11744”工作机制。\n"
    found = {u.text: u.unit for u in run_extractor(EXTRACTOR, text)}
    assert found["新芽"] is None and found["活水"] is None and found["11744"].name == "潼南区"


# ---------------------------------------------------------------- the seeds' graph


def uses_of(g: Graph, label: str) -> set[tuple[str, str]]:
    rows = table_rows(g, "slogans")
    return {(r["user"], Path(r["document"]).stem[:3]) for r in rows if slogan_key(r["slogan"]) == slogan_key(label)}


def test_33618_users_on_the_seeds(seeds_graph):
    assert uses_of(seeds_graph, "33618") == {("重庆市财政局", "000"), ("璧山区", "001"), ("綦江区", "002"),
                                             ("重庆市人力社保局", "002")}


def test_six_districts_one_highland_users_on_the_seeds(seeds_graph):
    assert uses_of(seeds_graph, "六区一高地") == {("丰都县", "002"), ("石柱土家族自治县", "002"), ("重庆市委金融办", "002")}
    rows = [r for r in table_rows(seeds_graph, "slogans") if r["slogan"] == "六区一高地" and r["user"] == "重庆市委金融办"]
    assert rows and "“六区一\n高地”" in rows[0]["evidence"]


def test_a_pasted_passage_keeps_its_first_unit(seeds_graph):
    # 004 repeats 铜梁's paragraphs inside 大足's section: the uses stay 铜梁区's
    assert uses_of(seeds_graph, "巴岳农庄") == {("铜梁区", "004")}
    assert ("大足区", "004") not in uses_of(seeds_graph, "三攻坚一盘活")


def test_single_characters_and_titles_are_never_slogans(seeds_graph):
    g = seeds_graph
    concepts = set(g.objects(None, CG.slogan))         # skos:Concepts (a cg:Slogan is one by its class)
    assert len(concepts) > 300
    for c in concepts:
        label = str(g.value(c, SKOS.prefLabel))
        if len(label) == 1:
            assert (c, RDF.type, CG.Slogan) not in g and g.value(c, CG.sloganKind) == CG.Emphasis
    titles = set(g.subjects(CG.sloganKind, CG.DocumentTitle))
    assert Literal("重庆市入境旅游促进计划", lang="zh") in {g.value(t, SKOS.prefLabel) for t in titles}
    assert all((t, RDF.type, CG.Slogan) not in g for t in titles)
    scheme = g.value(next(iter(concepts)), SKOS.inScheme)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in g


def _ask(g: Graph, name: str) -> list[dict]:
    return [r.asdict() for r in g.query(query_text(name))]


def test_question_5_shipped_query(seeds_graph):
    rows = _ask(seeds_graph, "q5_slogan_users.rq")
    answer = {(str(r["user"]), str(r["document"])[:3]) for r in rows}
    assert answer == {("重庆市财政局", "000"), ("璧山区", "001"), ("綦江区", "002"), ("重庆市人力社保局", "002")}
    assert all("33618" in str(r["evidence"]) for r in rows)
    assert [str(r["date"]) for r in rows] == sorted(str(r["date"]) for r in rows)


def test_question_6_shipped_query(seeds_graph):
    rows = _ask(seeds_graph, "q6_shared_slogans.rq")
    users: dict[str, set[str]] = {}
    for r in rows:
        users.setdefault(str(r["slogan"]), set()).add(str(r["user"]))
        assert str(r["kind"]) in ("numbered", "catchphrase", "brand") and r["evidence"] and r["document"]
    assert {"33618", "双倍增", "六区一高地", "三攻坚一盘活", "一件事", "牛鼻子"} <= set(users)
    assert all(len(u) >= 3 for u in users.values())
    # the same question answered from the table, independently of the query
    table: dict[str, set[str]] = {}
    for r in table_rows(seeds_graph, "slogans"):
        if r["user"] and r["kind"] in ("numbered", "catchphrase", "brand"):
            table.setdefault(r["slogan"], set()).add(r["user"])
    assert set(users) == {s for s, u in table.items() if len(u) >= 3}


def test_slogans_table_columns():
    assert TABLES["slogans"].columns == ("slogan", "kind", "user", "document", "date", "evidence")


def test_every_emitted_term_is_declared():
    declared = declared_terms(ONTOLOGY_IRI)
    own = [t for t in EXTRACTOR.emits if ":" not in t]
    assert own and all(CG[t] in declared for t in own)


# ---------------------------------------------------------------- scorer


def _graph(text: str):
    doc = make_document(BISHAN + text, doc_id="s")
    from cadregraph.extractors.prepare import prepare

    return build_graph(Corpus([doc], list(EXTRACTOR.extract(prepare(doc)))))


def test_scorer_accepts_alt_kind_and_counts_misses():
    g = _graph("推动“双倍增”，以“一对一”服务，擦亮“新”招牌。")
    gold = {"s": {"slogans": [
        {"text": "双倍增", "user": "璧山区", "kind": "numbered"},
        {"text": "一对一", "user": "璧山区", "kind": "catchphrase", "alt_kind": "numbered"},
        {"text": "三攻坚一盘活", "user": "璧山区", "kind": "numbered"},
        {"text": "广告", "user": "(advertisement)", "kind": "brand", "noise": True},
    ]}}
    numbered = score_kinds(g, gold, frozenset({"numbered"}), "n")
    assert (numbered.true_positives, len(numbered.false_positives), len(numbered.false_negatives)) == (2, 0, 1)
    everything = score_kinds(g, gold, None, "all")
    assert everything.true_positives == 2 and len(everything.false_positives) == 1   # 新 is not in the gold
