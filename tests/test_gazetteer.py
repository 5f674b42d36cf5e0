"""The gazetteer of China's divisions and how a written place is resolved."""
from __future__ import annotations

import random

import pytest

from cadregraph.extractors.gazetteer import gazetteer

GAZ = gazetteer()


def test_every_division_has_a_code_and_a_parent():
    coded = [p for p in GAZ.all_places if p.code]
    assert len(coded) > 3200
    kinds = {p.kind for p in coded}
    assert {"province", "autonomous_region", "municipality", "prefecture_city", "autonomous_prefecture",
            "district", "county", "county_city", "autonomous_county", "banner"} <= kinds
    for place in coded:
        assert place.id == place.code and len(place.code) == 6
        if place.kind not in ("province", "autonomous_region", "municipality", "sar"):
            assert place.parent in GAZ.by_id, place


def test_home_places_stay_chongqing():
    assert {p.name for p in GAZ.places} >= {"重庆市", "璧山区", "两江新区", "重庆高新区", "万盛经开区"}
    assert all(p.id == "500000" or p.parent == "500000" for p in GAZ.places)


@pytest.mark.parametrize("written, name, parent", [
    ("温岭", "温岭市", "台州市"), ("禹城", "禹城市", "德州市"), ("瓯海", "瓯海区", "温州市"),
    ("青川县", "青川县", "广元市"), ("驻马店市", "驻马店市", "河南省"), ("铁山区", "铁山区", "黄石市"),
    ("石柱县", "石柱土家族自治县", "重庆市"), ("恩施州", "恩施土家族苗族自治州", "湖北省"),
    ("鄂温克旗", "鄂温克族自治旗", "呼伦贝尔市"), ("广西", "广西壮族自治区", None),
    ("雄安新区", "雄安新区", "河北省"),
])
def test_short_and_full_names(written, name, parent):
    place = GAZ.lookup(written)
    assert place is not None and place.name == name
    assert (GAZ.by_id[place.parent].name if place.parent else None) == parent


@pytest.mark.parametrize("written", ["鼓楼区", "朝阳区", "朝阳", "江北区", "城区", "恩施"])
def test_ambiguous_forms_are_not_guessed(written):
    assert GAZ.lookup(written) is None
    assert GAZ.resolve(written) is None


def test_resolved_by_the_place_before_it():
    nanjing = GAZ.lookup("南京市")
    fuzhou = GAZ.lookup("福州市")
    assert GAZ.by_id[GAZ.resolve("鼓楼区", parent=nanjing).parent] == nanjing
    assert GAZ.by_id[GAZ.resolve("鼓楼区", parent=fuzhou).parent] == fuzhou
    assert GAZ.resolve("鼓楼区", parent=GAZ.lookup("杭州市")) is None


def test_resolved_by_the_document_context():
    beijing, changchun, jiangsu = (GAZ.lookup(n).id for n in ("北京市", "长春市", "江苏省"))
    assert GAZ.resolve("朝阳区", context={beijing}).code == "110105"
    assert GAZ.resolve("朝阳区", context={changchun}).parent == changchun
    # both Nanjing's and Xuzhou's 鼓楼区 are in Jiangsu: the province alone does not decide
    assert GAZ.resolve("鼓楼区", context={jiangsu}) is None
    assert GAZ.resolve("江北区", context={"500000"}).id == "500105"


def test_find_forms_agrees_with_the_pattern():
    texts = ["南京市鼓楼区和温岭、朝阳区以及重庆高新区的代表", "重庆市市长江北区区长", "渝中区中区", "",
             "温岭温岭市温", "市"]
    # forms run into one another, cut short, and after stray characters: the scan's shortcuts
    # (a first-character class, the two-character head) must find what the alternation finds
    rng = random.Random(7)
    forms = sorted(f for f in GAZ.by_written if len(f) > 1)
    for _ in range(300):
        pieces = [rng.choice(forms)[:rng.randint(1, 4)] if rng.random() < 0.6 else rng.choice("的和市区县长江北")
                  for _ in range(rng.randint(1, 12))]
        texts.append("".join(pieces))
    for text in texts:
        fast = [(s, e) for s, e, _ in GAZ.find_forms(text)]
        slow = [m.span() for m in GAZ.pattern.finditer(text) if m.end() - m.start() > 1]
        assert fast == slow, text
