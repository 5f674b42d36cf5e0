"""Quoted words that look like slogans and are not, on pages from several provinces: generational
labels, ranks, moves and jargon of cadre work, post titles, honorary titles, ordinals and
durations, nicknames of places and products — each with a false friend that stays a slogan.
The sentences are written for these tests."""
from __future__ import annotations

import pytest

from cadregraph.extractors.slogan_kinds import classify
from cadregraph.extractors.slogans import SlogansExtractor

from helpers import run_extractor

EXTRACTOR = SlogansExtractor()


def kinds(text: str) -> dict[str, str]:
    return {u.text: u.kind for u in run_extractor(EXTRACTOR, text)}


@pytest.mark.parametrize("text, expected", [
    # generational labels: two digits (or numerals) and 后, also split by the quote
    ("湖北一批“80后”“90后”年轻干部走上县级领导岗位。", {"80后": "emphasis", "90后": "emphasis"}),
    ("这位“准90后”副县长到任后首先走访了园区企业。", {"准90后": "emphasis"}),
    ("安徽省新一届班子中，“70”后厅官已有多人。", {"70": "emphasis"}),
    ("当地出现了一批“八〇后”乡镇党委书记。", {"八〇后": "emphasis"}),
    # false friends: digits that count
    ("全面落实“1+8”政策体系，推进“3+2”产业布局。", {"1+8": "numbered", "3+2": "numbered"}),
])
def test_generational_labels(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # ranks, moves and cadre jargon
    ("这名干部由“正处级”调整为“副处级”，此番可谓“连降两级”。",
     {"正处级": "emphasis", "副处级": "emphasis", "连降两级": "emphasis"}),
    ("江西多地县级党政“一把手”实现交流任职。", {"一把手": "emphasis"}),
    ("他目前暂时“双跨”省委常委和省人大常委会副主任两个岗位。", {"双跨": "emphasis"}),
    ("干部任用中的“七上八下”惯例引发讨论。", {"七上八下": "emphasis"}),
    ("全国“两会”期间，代表们建言献策。", {"两会": "emphasis"}),
    ("他被任命为“一级巡视员”。", {"一级巡视员": "emphasis"}),
    # post titles set off in quotes
    ("这几位都有一项兼职——“市委副书记”或“市委常委”。", {"市委副书记": "emphasis", "市委常委": "emphasis"}),
    ("他的第一份工作是“四川省某县委办公室秘书组秘书”。", {"四川省某县委办公室秘书组秘书": "emphasis"}),
    # false friends: formulations that hold a numeral or end in a role word
    ("深入学习“三个代表”重要思想，坚决做到“两个维护”。", {"三个代表": "numbered", "两个维护": "numbered"}),
    ("落实“一岗双责”，推动“三级书记抓乡村振兴”。", {"一岗双责": "numbered", "三级书记抓乡村振兴": "numbered"}),
    ("严格落实“三会一课”制度，贯彻“十一五”以来的经验。", {"三会一课": "numbered", "十一五": "numbered"}),
])
def test_ranks_moves_posts_and_jargon(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # honorary titles: an honorary word and a level of place, or an award verb before a list
    ("该县荣获“全国文明城市”称号，连续三年进入全省“十强县”。", {"全国文明城市": "honour", "十强县": "honour"}),
    ("先后被评为“2022年度全省县域经济发展先进县”“第九届全国双拥模范城”、“国家卫生县城”。",
     {"2022年度全省县域经济发展先进县": "honour", "第九届全国双拥模范城": "honour", "国家卫生县城": "honour"}),
    ("获评“全国科普示范区”“中国营商环境最佳城区”。", {"全国科普示范区": "honour", "中国营商环境最佳城区": "honour"}),
    ("该村成功入选“中国美丽休闲乡村”。", {"中国美丽休闲乡村": "honour"}),
    # prizes for people and bodies; days named by their date count nothing
    ("她佩戴“全国五一劳动奖章”，曾获“三八红旗手”“七一勋章”。",
     {"全国五一劳动奖章": "honour", "三八红旗手": "honour", "七一勋章": "honour"}),
    ("该支部获评“全国先进基层党组织”。", {"全国先进基层党组织": "honour"}),
    # false friends: goals that count, mottos ending in a place word
    ("加快建设“两个示范区”，打造“一区两城”。", {"两个示范区": "numbered", "一区两城": "numbered"}),
    ("坚持“工业强区”，建设“小县大城”。", {"工业强区": "catchphrase", "小县大城": "catchphrase"}),
])
def test_honorary_titles(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # ordinals and durations count nothing
    ("烧旺开春招商“第一把火”，开好“开年第一会”。", {"第一把火": "catchphrase", "开年第一会": "catchphrase"}),
    ("全面开展“项目建设百日攻坚战”。", {"项目建设百日攻坚战": "catchphrase"}),
    # nicknames of places and products, an account's name
    ("打造“十字金街”，擦亮“金秋消费季”。", {"十字金街": "brand", "金秋消费季": "brand"}),
    ("据“天府发布”微信公众号消息，活动将持续一个月。", {"天府发布": "brand"}),
    ("推广“晋江模式”。", {"晋江模式": "catchphrase"}),
    # false friends: the numbered formulations stay numbered
    ("围绕“十四五”规划，实施“三攻坚一盘活”。", {"十四五": "numbered", "三攻坚一盘活": "numbered"}),
    ("推进“一件事一次办”，深化“放管服”改革。", {"一件事一次办": "numbered", "放管服": "catchphrase"}),
])
def test_ordinals_durations_and_nicknames(text, expected):
    assert kinds(text) == expected


def test_the_documents_own_places_are_names_not_numerals():
    # a report of 六合区: 六合 in the motto is the district, not the numeral six
    page = ("南京市六合区政府工作报告\n六合区坚持以“争当领头雁、六合再出发”竞赛活动为主线，"
            "深入推进“六合再出发”。六合区经济稳中向好。")
    assert kinds(page) == {"争当领头雁、六合再出发": "catchphrase", "六合再出发": "brand"}
    # a page that does not name the district: the same words count
    assert kinds("坚持“六合再出发”。")["六合再出发"] == "numbered"


def test_the_classifier_on_its_own():
    assert classify("60", "一批", "后干部").kind == "emphasis"
    assert classify("60", "一批", "个项目").kind == "numbered"
    assert classify("双拥模范城", "被评为“先进县”", "").kind == "honour"
    assert classify("一区两城", "建设", "").kind == "numbered"
