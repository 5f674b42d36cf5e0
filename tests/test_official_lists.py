"""Meeting-report lists and the post grammar at every level: invented names, several
provinces, and the precision traps (negatives)."""
from __future__ import annotations

import pytest

from cadregraph.extractors.officials import OfficialsExtractor

from helpers import run_extractor

EXTRACTOR = OfficialsExtractor()
# A district named often enough to be the document's county (context.py)
LIANXI = "九江市濂溪区召开会议。濂溪区委、濂溪区政府。"
HUNAN = "湖南省召开会议。湖南省委、湖南省政府。"


def found(text):
    return [(h.person, h.post.label, h.status) for h in run_extractor(EXTRACTOR, text)]


def people_posts(text):
    return [(p, post) for p, post, _ in found(text)]


@pytest.mark.parametrize("text, expected", [
    # combined posts split, a second name after a comma
    (LIANXI + "区委副书记、区长严柏松，区委副书记甘露出席。",
     [("严柏松", "濂溪区委副书记"), ("严柏松", "濂溪区区长"), ("甘露", "濂溪区委副书记")]),
    # several names sharing one post
    (LIANXI + "副区长严柏松、甘露、凌云出席。",
     [("严柏松", "濂溪区副区长"), ("甘露", "濂溪区副区长"), ("凌云", "濂溪区副区长")]),
    (LIANXI + "区人大常委会副主任严柏松、甘露列席。",
     [("严柏松", "濂溪区人大常委会副主任"), ("甘露", "濂溪区人大常委会副主任")]),
    # a bare deputy role after a full post and a name continues its body
    (LIANXI + "区政协主席严柏松，副主席甘露、凌云出席。",
     [("严柏松", "濂溪区政协主席"), ("甘露", "濂溪区政协副主席"), ("凌云", "濂溪区政协副主席")]),
    # courts, procuratorates, executive deputies
    (LIANXI + "区法院院长严柏松，区检察院代理检察长甘露，常务副区长凌云列席。",
     [("严柏松", "濂溪区人民法院院长"), ("甘露", "濂溪区人民检察院代理检察长"), ("凌云", "濂溪区常务副区长")]),
    # party groups inside a congress and a CPPCC; a list eliding the body
    (HUNAN + "省政协常务副主席、党组副书记严柏松，省政协副主席、党组成员甘露、凌云出席。",
     [("严柏松", "湖南省政协党组副书记"), ("严柏松", "湖南省政协常务副主席"),
      ("甘露", "湖南省政协党组成员"), ("凌云", "湖南省政协党组成员"),
      ("甘露", "湖南省政协副主席"), ("凌云", "湖南省政协副主席")]),
    (HUNAN + "省人大常委会副主任、党组副书记严柏松讲话。",
     [("严柏松", "湖南省人大常委会党组副书记"), ("严柏松", "湖南省人大常委会副主任")]),
    (LIANXI + "区政府党组成员、副区长严柏松出席。", [("严柏松", "濂溪区政府党组成员"), ("严柏松", "濂溪区副区长")]),
    # elliptic list joined by 和: the body carries over
    ("江西省委委员、常委和南昌市委书记严柏松出席。",
     [("严柏松", "江西省委委员"), ("严柏松", "江西省委常委"), ("严柏松", "南昌市委书记")]),
    # a post after 等 is shared by the officials the sentence listed
    (HUNAN + "省委书记严柏松，省政协副主席甘露等全国人大代表参加。",
     [("严柏松", "湖南省委书记"), ("甘露", "湖南省政协副主席"), ("严柏松", "全国人大代表"), ("甘露", "全国人大代表")]),
    # every level: prefecture, autonomous prefecture in full, banner, league
    ("恩施州召开会议。恩施州委、恩施州政府。州委书记严柏松讲话。",
     [("严柏松", "恩施土家族苗族自治州委书记")]),
    ("锡林郭勒盟正镶白旗旗委书记严柏松调研。", [("严柏松", "正镶白旗委书记")]),
])
def test_lists_and_levels(text, expected):
    assert sorted(people_posts(text)) == sorted(expected)


def test_a_former_holder_is_leaving():
    assert found(LIANXI + "区人大常委会原主任严柏松应邀就座。") == [("严柏松", "濂溪区人大常委会主任", "leaves")]


@pytest.mark.parametrize("text", [
    LIANXI + "区领导严柏松、甘露出席。",                         # no post: no holding
    LIANXI + "原一级巡视员严柏松、二级巡视员甘露应邀就座。",        # ranks are not posts
    LIANXI + "大会执行主席严柏松主持会议。",                       # a session role
    LIANXI + "区融媒体中心记者严柏松 摄影 甘露\n",                # journalists
    "市委常委和县委书记们出席。",                               # 和 before 县 is no county 和县
    "安徽省召开会议。市委常委和县委书记严柏松出席。",              # and 县委书记 needs a county
])
def test_no_holding(text):
    assert [h for h in found(text) if h[0] in ("严柏松", "甘露") and "和县" in h[1] or "巡视员" in h[1]
            or "执行主席" in h[1] or "领导" in h[1] or "记者" in h[1]] == []
    assert not any("和县" in post for _, post, _ in found(text))


def test_no_holding_at_all_for_leaders_without_posts():
    assert found(LIANXI + "区领导严柏松、甘露出席。") == []
    assert found(LIANXI + "大会执行主席严柏松主持会议。") == []


def test_names_are_not_cut_from_words_or_verbs():
    # 其 may stand in a given name; a verb after the name is left out
    assert people_posts(LIANXI + "区委书记严其昌签署协议。") == [("严其昌", "濂溪区委书记")]
    assert people_posts(LIANXI + "区委书记严柏签约。") == [("严柏", "濂溪区委书记")]


@pytest.mark.parametrize("text", [
    LIANXI + "区政协主席常务委员会议召开。",       # 常务 is no name
    LIANXI + "区委书记高度重视此项工作。",          # nor 高度
    LIANXI + "区委常委向全区发出倡议。",            # nor 向全
    LIANXI + "区长严格要求各部门。",                # nor 严格
    "会上，与会同志围绕市委书记的讲话作了交流。",  # 会同 is no county inside 与会同志
])
def test_words_that_start_with_a_surname_are_no_names(text):
    assert found(text) == []


def test_yesterday_and_today_are_not_glued_to_names():
    assert people_posts(LIANXI + "区委书记严柏昨日调研，区长甘露今天主持会议。") == [
        ("严柏", "濂溪区委书记"), ("甘露", "濂溪区区长")]


def test_a_department_never_ends_in_another_levels_committee():
    assert people_posts("与会同志围绕市委书记严柏松的讲话交流。") == [("严柏松", "重庆市委书记")]


@pytest.mark.parametrize("text, expected", [
    ("奉节县长江产业园区建设提速。", []),                  # 县 + 长江 the river, not 县长 + a name
    ("云阳县长江大桥今日通车。", []),
    ("开州区长江沿线生态修复启动。", []),
    ("忠县县长江明主持会议。", [("江明", "忠县县长")]),      # a real 江 after 县长 still is a name
])
def test_a_river_after_a_post_is_no_name(text, expected):
    from cadregraph.pipeline import extract_document
    from helpers import make_document

    found = [(f.person, f.post.label) for f in extract_document(make_document(text + "\n")) if hasattr(f, "person")]
    assert found == expected
