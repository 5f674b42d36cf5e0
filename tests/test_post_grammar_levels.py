"""The post grammar beyond districts: national bodies, companies, zones, task forces, contracted
department heads, and the list shapes around names (和, 包括, a verb before the list).
Invented sentences; negatives included."""
from __future__ import annotations

import pytest

from cadregraph.extractors.names import split_names
from cadregraph.extractors.officials import OfficialsExtractor

from helpers import run_extractor

EXTRACTOR = OfficialsExtractor()
LIANXI = "九江市濂溪区召开会议。濂溪区委、濂溪区政府。"


def people_posts(text):
    return sorted((h.person, h.post.label) for h in run_extractor(EXTRACTOR, text))


@pytest.mark.parametrize("text, expected", [
    # ministries and national bodies, written as themselves
    ("财政部党组书记、部长严柏松出席。", [("严柏松", "财政部党组书记"), ("严柏松", "财政部部长")]),
    ("国家统计局副局长严柏松介绍情况。", [("严柏松", "国家统计局副局长")]),
    ("第十届全国人大常委会副委员长严柏松出席。", [("严柏松", "全国人大常委会副委员长")]),
    ("中央办公厅副主任严柏松，中央党校副校长甘露出席。",
     [("严柏松", "中共中央办公厅副主任"), ("甘露", "中共中央党校副校长")]),
    # companies: the roles after the company stay with it
    ("广西北海钢铁(集团)公司董事、党委常委、副总经理严柏松出席。",
     [("严柏松", "广西北海钢铁(集团)公司董事"), ("严柏松", "广西北海钢铁(集团)公司党委常委"),
      ("严柏松", "广西北海钢铁(集团)公司副总经理")]),
    # a zone the gazetteer does not list, as written
    (LIANXI + "区委副书记、白鹭经开区管委会主任严柏松出席。",
     [("严柏松", "濂溪区委副书记"), ("严柏松", "白鹭经开区管委会主任")]),
    # a zone right after a verb of taking up
    ("严柏松兼任白鹭经开区党工委书记。", [("严柏松", "白鹭经开区党工委书记")]),
    # task forces and rivers after a place's post belong to that place
    (LIANXI + "区政协主席、鄱阳河区级河长严柏松巡河。",
     [("严柏松", "濂溪区政协主席"), ("严柏松", "鄱阳河区级河长")]),
    # contracted heads of departments
    ("湖北省委常委、宣传部长严柏松出席。", [("严柏松", "湖北省委宣传部部长"), ("严柏松", "湖北省委常委")]),
    ("市公安局长甘露出席。", [("甘露", "重庆市公安局局长")]),
    ("原宁夏区委组织部长严柏松出席。", [("严柏松", "宁夏区委组织部部长")]),
    # departments named as written
    ("江西团省委副书记、书记严柏松出席。", [("严柏松", "江西团省委书记"), ("严柏松", "江西团省委副书记")]),
    # a list of names after 包括
    ("其余市委常委包括严柏松、甘露。", [("严柏松", "重庆市委常委"), ("甘露", "重庆市委常委")]),
    # the posts before a comma after a verb are that verb's object, not the name's
    ("会议同意甘露担任省委常委，副省长严柏松辞去职务。四川省。", [("严柏松", "四川省副省长")]),
])
def test_posts_at_every_level(text, expected):
    people = {person for person, _ in expected}
    assert sorted(p for p in people_posts(text) if p[0] in people) == sorted(expected)


def test_names_joined_by_and():
    assert split_names("严柏松和甘露") == ["严柏松", "甘露"]
    assert split_names("李和平") == ["李和平"] and split_names("严柏、李和平同志") == ["严柏", "李和平"]


@pytest.mark.parametrize("text", [
    "财政局局长严柏松出席。",                  # a department without a place is not national
    "该公司总经理严柏松介绍。",                 # a company without a name
    "河长严柏松巡河。",                         # a river chief without a river or place
    "市委书记和市长共同出席。",                 # no names
])
def test_no_post_without_its_body(text):
    assert [p for p in people_posts(text) if p[0] == "严柏松"] == []


@pytest.mark.parametrize("text, expected", [
    # "政府" with the level word left out: the own place's government, as after 旗委
    ("阿巴嘎旗召开会议。旗委副书记、政府旗长甘露讲话。",
     [("甘露", "阿巴嘎旗委副书记"), ("甘露", "阿巴嘎旗旗长")]),
    ("阿巴嘎旗召开会议。旗委常委、政府党组副书记、副旗长刘海明陪同。",
     [("刘海明", "阿巴嘎旗委常委"), ("刘海明", "阿巴嘎旗政府党组副书记"), ("刘海明", "阿巴嘎旗副旗长")]),
    ("阿巴嘎旗召开会议。政府副旗长刘海明陪同。", [("刘海明", "阿巴嘎旗副旗长")]),
    (LIANXI + "区委副书记、政府区长甘露讲话。", [("甘露", "濂溪区委副书记"), ("甘露", "濂溪区区长")]),
    # no level anywhere: no post
    ("阿巴嘎旗召开会议。政府工作人员刘海明出席。政府秘书长甘露出席。", []),
])
def test_government_without_its_level_word(text, expected):
    assert people_posts(text) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # the own place's court and procuratorate, "人民" left out, an acting head as 代…长
    (LIANXI + "区法院院长刘海明、区检察院代检察长孙丽出席。",
     [("刘海明", "濂溪区人民法院院长"), ("孙丽", "濂溪区人民检察院代检察长")]),
    (LIANXI + "区人民法院代院长张小军出席。", [("张小军", "濂溪区人民法院代院长")]),
    # a district's page names no county: a county's court is left alone
    (LIANXI + "县法院院长王建国出席。", []),
])
def test_own_court_and_procuratorate(text, expected):
    assert people_posts(text) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # a league (盟) above the own banner: its committee, its head, its 行署
    ("阿拉善盟阿拉善左旗召开会议。盟委副书记、盟长严柏松出席。盟行署副盟长甘露、旗委书记刘海明陪同。",
     [("严柏松", "阿拉善盟委副书记"), ("严柏松", "阿拉善盟盟长"), ("甘露", "阿拉善盟副盟长"),
      ("刘海明", "阿拉善左旗委书记")]),
    # a district's page has no league above it
    (LIANXI + "盟委书记严柏松出席。", []),
])
def test_league_posts(text, expected):
    assert people_posts(text) == sorted(expected)


def test_a_league_is_governed_by_its_administrative_office():
    held = run_extractor(EXTRACTOR, "阿拉善盟阿拉善左旗召开会议。盟长严柏松出席。")
    assert [(h.person, h.post.org.label) for h in held] == [("严柏松", "阿拉善盟行政公署")]
