"""Personnel changes and biographies (official_changes.py, biographies.py) on sentences written
for these tests: other names, provinces and cities than any real page, negatives included."""
from __future__ import annotations

import pytest

from cadregraph.extractors.officials import OfficialsExtractor

from helpers import run_extractor

EXTRACTOR = OfficialsExtractor()


def found(text):
    return sorted((h.person, h.post.label, h.status) for h in run_extractor(EXTRACTOR, text))


@pytest.mark.parametrize("text, expected", [
    # verbs with their status, a party prefix, words between the name and the verb
    ("王海涛已辞任宜都市市长。", [("王海涛", "宜都市长", "leaves")]),
    ("李卫国以全票当选襄阳市人民政府市长。", [("李卫国", "襄阳市长", "takes-up")]),
    ("陈东当选中共绵阳市委书记。", [("陈东", "绵阳市委书记", "takes-up")]),
    ("吕方同志被任命为中共江夏区委书记，兼任江夏区人民政府区长。",
     [("吕方", "江夏区区长", "takes-up"), ("吕方", "江夏区委书记", "takes-up")]),
    ("孙立经中央批准担任湖北省委常委。", [("孙立", "湖北省委常委", "takes-up")]),
    ("左明同志被提名为宜昌市人民政府市长候选人。", [("左明", "宜昌市长", "proposed")]),
    # the name regex must not eat the verb's first character
    ("2012年6月，黄强升任湖北省委常委。", [("黄强", "湖北省委常委", "takes-up")]),
    ("青年干部张立新履新丹寨县委副书记。", [("张立新", "丹寨县委副书记", "takes-up")]),
    # single-name removals
    ("会议决定接受张晓辞去宜都市市长职务的请求。", [("张晓", "宜都市长", "leaves")]),
    ("原市委常委王伟、孙明未进入新一届常委名单。",
     [("孙明", "重庆市委常委", "leaves"), ("王伟", "重庆市委常委", "leaves")]),
    # elections: a list after a count, then who is what ("A和B为…")
    ("会议选举产生5名绵阳市委常委：欧阳明、乌兰、保国强。其中，李东为绵阳市委书记，王强和赵刚为绵阳市委副书记。",
     [("乌兰", "绵阳市委常委", "takes-up"), ("保国强", "绵阳市委常委", "takes-up"), ("李东", "绵阳市委书记", "takes-up"),
      ("欧阳明", "绵阳市委常委", "takes-up"), ("王强", "绵阳市委副书记", "takes-up"), ("赵刚", "绵阳市委副书记", "takes-up")]),
    ("许昌市第八届人民代表大会第三次会议选举赵一鸣为人民政府市长。", [("赵一鸣", "许昌市长", "takes-up")]),
    # succession: the successor takes the post up, the predecessor leaves it
    ("周凯接替马东，任宜昌市委副书记。", [("周凯", "宜昌市委副书记", "takes-up"), ("马东", "宜昌市委副书记", "leaves")]),
    # respectively, with short place names sharing the last post's body and role
    ("刘刚、陈亮分别任江宁、六合区委书记。", [("刘刚", "江宁区委书记", "takes-up"), ("陈亮", "六合区委书记", "takes-up")]),
    ("孙楠、吴迪分别当选襄阳市、宜昌市市长。", [("吴迪", "宜昌市长", "takes-up"), ("孙楠", "襄阳市长", "takes-up")]),
    # a post between the verb and its holder (任前公示)
    ("拟任黄冈市委常委、副书记的张力同志", [("张力", "黄冈市委副书记", "proposed"), ("张力", "黄冈市委常委", "proposed")]),
])
def test_changes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a biography's career, about the person it opens with, the 历任 list as past posts
    ("黄强出生于1965年，湖北麻城人，1997年后历任黄冈市委副书记、书记，咸宁市市长等职。",
     [("黄强", "咸宁市长", "held"), ("黄强", "黄冈市委书记", "held"), ("黄强", "黄冈市委副书记", "held")]),
    # a later clause without a name (a month only), and 他 in the next sentence
    ("2012年6月，黄强升任湖北省委常委，7月任宜昌市委书记。2016年7月，他转任湖北省副省长。",
     [("黄强", "宜昌市委书记", "takes-up"), ("黄强", "湖北省副省长", "takes-up"), ("黄强", "湖北省委常委", "takes-up")]),
    # "A接替B，任…" continues with A, never with B
    ("周凯接替马东，任宜昌市委副书记，后任宜昌市长。",
     [("周凯", "宜昌市委副书记", "takes-up"), ("周凯", "宜昌市长", "takes-up"), ("马东", "宜昌市委副书记", "leaves")]),
    # a career table: entries by the table's shape; 至今 is the holder now
    ("江汉区历任区委书记（按任职先后）：保国强(2011年2月—2016年3月,后任武汉市人大常委会主任) 和立新(2016年3月—2022年4月) 吴涛(2022年4月至今)",
     [("保国强", "武汉市人大常委会主任", "takes-up"), ("保国强", "江汉区委书记", "held"),
      ("吴涛", "江汉区委书记", "holds"), ("和立新", "江汉区委书记", "held")]),
])
def test_biographies(text, expected):
    assert found(text) == expected


def test_a_post_list_stops_at_the_next_clause_and_the_next_person():
    assert found("张三任宜都市市长，后任宜昌市副市长。") == [("张三", "宜昌市副市长", "takes-up"), ("张三", "宜都市长", "takes-up")]
    got = found("刘明近日出任江西省人大常委会党组书记,九江市委副书记、市长陈亮调任江西省人大常委会副主任。")
    assert ("刘明", "江西省人大常委会党组书记", "takes-up") in got
    assert not any(person == "刘明" and post.startswith("九江") for person, post, _ in got)


def test_post_includes_names():
    got = set(found("宜昌市委常委包括王一鸣、李东、赵刚。"))
    assert {("李东", "宜昌市委常委", "holds"), ("王一鸣", "宜昌市委常委", "holds"), ("赵刚", "宜昌市委常委", "holds")} <= got


def test_career_table_acting_term():
    got = found("汉阳区历任区长：钱进(2019年5月至今) 孔立(2012年11月—2013年1月,代区长;2013年1月—2019年5月)")
    assert got == [("孔立", "汉阳区代区长", "held"), ("孔立", "汉阳区区长", "held"), ("钱进", "汉阳区区长", "holds")]


def test_career_table_dates():
    got = {(h.person, h.date) for h in run_extractor(EXTRACTOR, "汉阳区历任区长：钱进(2019年5月至今) 孔立(2013年1月—2019年5月)")}
    assert got == {("钱进", "2019-05"), ("孔立", "2013-01")}


@pytest.mark.parametrize("text", [
    # no person: verbs and titles are never names
    "会议强调，曾任区委书记的同志要做好传帮带。",
    "兼任宜昌市委书记的安排已经明确。",
    # respectively with lists of different lengths says nothing
    "刘刚、陈亮、马丽分别任江宁、六合区委书记。",
    # names with dates but no 历任 heading are not a career table
    "参加活动的有钱进(2019年5月入职) 孔立(2013年1月入职)。",
    # a journalist's byline
    "记者 王晓明 通讯员 李芳 报道",
    # 包括 followed by things, not a list of names
    "宜昌市委常委会议内容包括经济形势。",
])
def test_not_officials(text):
    assert found(text) == []


@pytest.mark.parametrize("text, written", [
    ("绵竹市委书记 李  亮\n", "李  亮"),                  # padding spaces the normalised text drops
    ("綿竹市委書記羅楠出席會議。", "羅楠"),                  # traditional script
    ("绵竹市委书记罗楠出席会议。", ""),                      # written as read: nothing to add
])
def test_names_keep_their_written_form(text, written):
    [h] = run_extractor(EXTRACTOR, text)
    assert h.person_as_written == written
