"""Projects on real-looking pages: names holding a verb, a person or a clause are rejected or cut
at the verb; navigation bars, websites, companies and posts are not projects; one project
however it is written (国家高新区/高新区, with and without the district), each spelling kept with
its document, date and quote. Sentences written for these tests, from several provinces."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

from cadregraph.extractors.prepare import prepare
from cadregraph.extractors.project_checks import is_clause
from cadregraph.extractors.projects import ProjectsExtractor, project_key
from cadregraph.extractors.gazetteer import gazetteer
from cadregraph.graph.namespaces import CG, OA
from cadregraph.outputs.tables import table_rows
from cadregraph.pipeline import Corpus, build_graph

from helpers import make_document, run_extractor

EXTRACTOR = ProjectsExtractor()
BISHAN = "强平台 育产业 优生态\n璧山区委书记、区长 江志斌\n"


def names(text: str) -> list[str]:
    return sorted(p.name for p in run_extractor(EXTRACTOR, text))


@pytest.mark.parametrize("text, expected", [
    # a verb of visiting or of office ends the name; the person before it is not part of it
    ("江津区人大常委会主任李明调研双福国际农贸城物流园。", ["双福国际农贸城物流园"]),
    ("今年完工李家沱大桥、鹅公岩大桥。", ["李家沱大桥", "鹅公岩大桥"]),
    ("我们将继续开发建设好锦屏官地电站。", ["锦屏官地电站"]),
    ("区长以及雨花经开区管委会主任出席会议。", ["雨花经开区"]),
    ("完工轨道3号线解放碑站。", ["轨道3号线解放碑站"]),          # 1号 is a line's number, not a date
    # posts and districts are not projects, whatever head they end in
    ("经研究，刘军不再担任黄石港区区长。", []),
    ("他兼任天府新区党工委书记。", []),
    ("张明不再担任连云港市委书记。", []),
    # clauses, counts, companies, websites, navigation bars
    ("他强调高新区要加快转型。", []),
    ("要继续争取更多项目。", []),
    ("光伏组件产量达到80万块沿江高铁等项目进展顺利。", []),
    ("北部湾国际港务集团有限公司副董事长出席。", []),
    ("收藏本站 | 设为首页", []),
    ("人民日报网站服务条款", []),
    ("首页 | 商会概况 | 信息动态 | 服务平台", []),
    ("区政协机关委室(中心)主任列席会议。", []),
])
def test_names_on_real_pages(text, expected):
    assert names(text) == expected


def test_a_person_or_a_clause_inside_a_name():
    assert is_clause("政协主席钱某调研花椒基地") and is_clause("他强调高新区") and is_clause("不再担任黄石港")
    assert not is_clause("江津花椒精深加工基地") and not is_clause("人大代表工作站") and not is_clause("市长热线服务中心")


def test_one_project_however_it_is_written():
    bishan = gazetteer().lookup("璧山区")
    keys = {project_key(n, bishan) for n in ("璧山国家高新区", "璧山高新区", "重庆璧山高新区", "高新区", "璧山国家级高新区")}
    assert len(keys) == 1
    assert project_key("万州经济技术开发区", gazetteer().lookup("万州区")) == project_key("经开区", gazetteer().lookup("万州区"))
    # another district's park stays another project
    assert project_key("铜梁高新区", gazetteer().lookup("铜梁区")) == project_key("高新区", bishan)   # key per district
    found = {(p.name, p.district.name) for p in run_extractor(EXTRACTOR, BISHAN + "璧山国家高新区加快发展，铜梁高新区也在发展。")}
    assert found == {("璧山国家高新区", "璧山区"), ("铜梁高新区", "铜梁区")}


def test_a_bare_level_word_is_the_documents_own_district():
    page = ("区政协十六届三次会议召开\n政协重庆市綦江区第十六届委员会第三次会议在区会展中心开幕，"
            "全区上下要奋力推动高质量发展。")
    [p] = run_extractor(EXTRACTOR, page)
    assert (p.name, p.district.name) == ("区会展中心", "綦江区")
    assert p.key == project_key("綦江区会展中心", p.district)


def test_the_graph_has_one_project_with_every_spelling_and_each_mention_with_its_quote():
    one = make_document(BISHAN + "位于璧山高新区的电池生产基地投产。璧山国家高新区三大平台加快建设。", doc_id="a")
    two = make_document(BISHAN + "璧山高新区新签约项目。", doc_id="b", date="2024-03-01")
    facts = [f for d in (one, two) for f in EXTRACTOR.extract(prepare(d))]
    g = build_graph(Corpus([one, two], facts))
    parks = [p for p in g.subjects(RDF.type, CG.Project)
             if "高新区" in str(g.value(p, RDFS.label))]
    assert len(parks) == 1
    [park] = parks
    labels = {str(g.value(park, RDFS.label))} | {str(o) for o in g.objects(park, SKOS.altLabel)}
    assert labels == {"璧山高新区", "璧山国家高新区"}
    rows = {(r["project"], r["document"], r["date"]) for r in table_rows(g, "projects") if "高新区" in r["project"]}
    assert rows == {("璧山高新区", "a.txt", "2024-01-01"), ("璧山国家高新区", "a.txt", "2024-01-01"),
                    ("璧山高新区", "b.txt", "2024-03-01")}
    quotes = {r["evidence"] for r in table_rows(g, "projects") if r["project"] == "璧山国家高新区"}
    assert quotes == {"璧山国家高新区三大平台加快建设"}
    # the mention's quote is its spelling: no rdfs:label repeats it
    assert Literal("璧山国家高新区") in set(g.objects(None, OA.exact))
    assert Literal("璧山国家高新区", lang="zh") not in set(g.objects(None, RDFS.label))
