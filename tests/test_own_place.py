"""The document's own place (masthead, source host, title, the county a page speaks as) and
the bare posts that stand for it; invented sentences, several provinces, negatives."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from cadregraph.documents.model import DocDate, Document
from cadregraph.extractors.gazetteer import gazetteer
from cadregraph.extractors.metric_areas import document_area
from cadregraph.extractors.officials import OfficialsExtractor
from cadregraph.extractors.prepare import prepare
from cadregraph.extractors.site_hosts import host_place
from cadregraph.extractors.units import document_unit

EXTRACTOR = OfficialsExtractor()


def prepared(text, source=None, title=None):
    doc = Document(doc_id="t", name="t.txt", path=Path("t.txt"), text=text, encoding="utf-8",
                   sha256=hashlib.sha256(text.encode()).hexdigest(), title=title, source=source,
                   date=DocDate("2024-01-01", "metadata"))
    return prepare(doc)


def posts(text, **kw):
    return [(h.person, h.post.label) for h in EXTRACTOR.extract(prepared(text, **kw))]


@pytest.mark.parametrize("url, expected", [
    ("https://www.jiangjin.gov.cn/zwgk/a.html", "江津区"),        # full pinyin of a district
    ("http://www.xingyi.gov.cn/news/1.html", "兴义市"),           # a county-level city
    ("http://www.changsha.gov.cn/x", "长沙市"),                   # the city, not its namesake county
    ("http://www.cqfl.gov.cn/x", "涪陵区"),                       # province code + initials
    ("http://lqy.chengdu.gov.cn/x", "龙泉驿区"),                    # initials under the city's label
    ("http://www.hubei.gov.cn/x", "湖北省"),
    ("http://www.scrd.gov.cn/x", "四川省"),                       # a provincial body's site
    ("http://sc.xinhuanet.com/x", "四川省"),                      # a national outlet's channel
    ("http://www.gxzf.gov.cn/x", "广西壮族自治区"),                # listed in site_hosts.tsv
])
def test_hosts_name_their_place(url, expected):
    assert host_place(url, gazetteer()).name == expected


@pytest.mark.parametrize("url", ["http://www.sohu.com/a", "http://10.1.2.3:8080/x", "", None,
                                 "http://www.gov.cn/x", "http://finance.example.com/x"])
def test_hosts_that_name_no_place(url):
    assert host_place(url, gazetteer()) is None


def test_a_bare_post_in_a_district_site_is_the_districts():
    text = "近日，区委书记付长青主持召开专题会议，区委副书记、区长汤明出席。"
    assert posts(text, source="http://www.jiangjin.gov.cn/a") == [
        ("付长青", "江津区委书记"), ("汤明", "江津区委副书记"), ("汤明", "江津区区长")]


def test_the_masthead_names_the_outlets_place():
    assert posts("北碚报讯 近日，区委书记付长青调研乡村振兴工作。") == [("付长青", "北碚区委书记")]
    assert posts("本报讯（记者 马力）近日，丰都县融媒体中心讯……县委书记付长青调研。")[0][1] == "丰都县委书记"


def test_a_county_level_city_from_the_url_is_never_chongqing():
    text = "市委书记付长青主持会议，市委副书记、市长汤明作报告。"
    found = posts(text, source="http://www.xingyi.gov.cn/a")
    assert found == [("付长青", "兴义市委书记"), ("汤明", "兴义市委副书记"), ("汤明", "兴义市长")]


def test_a_province_never_written_comes_from_a_provincial_outlet():
    assert posts("副省长付长青出席开幕式。", source="http://www.hubei.gov.cn/a") == [("付长青", "湖北省副省长")]


def test_a_page_that_speaks_as_a_county_and_names_it_in_short():
    text = "全县干部大会召开。县委书记付长青讲话。会议强调，万源要抓好项目。万源全力以赴。"
    assert posts(text) == []                                   # 万源 is a county-level city, not a 县
    text = "全区干部大会召开。区委书记付长青讲话。会议强调，龙华要抓好项目。龙华全力以赴。"
    assert posts(text) == []                                   # 龙华 names several districts


def test_a_place_header_speaks_for_its_section():
    text = ("● 涪陵区 ●\n区政协主席付长青出席会议。\n● 綦江区 ●\n区政协主席汤明调研。\n")
    assert posts(text) == [("付长青", "涪陵区政协主席"), ("汤明", "綦江区政协主席")]


def test_no_place_no_site_no_post():
    assert posts("近日，区委书记付长青主持召开会议。", source="http://www.example.com/a") == []


def test_slogans_and_metrics_share_the_own_place():
    doc = prepared("会议要求，全力推进“三城联动”。", source="http://www.xingyi.gov.cn/a")
    assert document_unit(doc).name == "兴义市" and document_area(doc).name == "兴义市"
    national = prepared("国家统计局发布，我国国内生产总值增长5%。", source="http://www.hubei.gov.cn/a")
    assert document_area(national) is None
