"""The officials extractor beyond the seeds' genre: meeting reports from other provinces,
appointment and removal notices, 任前公示, biographies and messy scraped pages, with the
status each observation carries. Sentences are written for these tests; negatives included."""
from __future__ import annotations

import pytest

from cadregraph.extractors.officials import OfficialsExtractor

from helpers import run_extractor

EXTRACTOR = OfficialsExtractor()


def found(text):
    """(person, post label, district or None, status, sentence date) per holding."""
    out = []
    for h in run_extractor(EXTRACTOR, text):
        district = h.post.district.name if h.post.district else None
        out.append((h.person, h.post.label, district, h.status, h.date))
    return sorted(out)


def holds(person, post, district, status="holds", date=None):
    return (person, post, district, status, date)


@pytest.mark.parametrize("text, expected", [
    # Zhejiang: bare 省/市 posts are the document's province and city
    ("杭州市召开大会。省委常委、市委书记刘捷出席会议并讲话。",
     [holds("刘捷", "杭州市委书记", "杭州市"), holds("刘捷", "浙江省委常委", "浙江省")]),
    ("武汉市召开大会。市委副书记、市长程用文，市政协主席胡亚波出席。",
     [holds("程用文", "武汉市委副书记", "武汉市"), holds("程用文", "武汉市长", "武汉市"),
      holds("胡亚波", "武汉市政协主席", "武汉市")]),
    # a party-committee department after 市委常委
    ("杭州市召开大会。市委常委、组织部部长蔡允革主持。",
     [holds("蔡允革", "杭州市委组织部部长", "杭州市"), holds("蔡允革", "杭州市委常委", "杭州市")]),
    # several leaders sharing one post
    ("成都市召开会议。市委常委张三、李四、王五出席。",
     [holds("张三", "成都市委常委", "成都市"), holds("李四", "成都市委常委", "成都市"),
      holds("王五", "成都市委常委", "成都市")]),
    # posts in any province, with the city written before the district
    ("黄石市铁山区区长王明出席。", [holds("王明", "铁山区区长", "铁山区")]),
    ("驻马店市委书记陈星主持会议。", [holds("陈星", "驻马店市委书记", "驻马店市")]),
    ("青川县委书记李军讲话。", [holds("李军", "青川县委书记", "青川县")]),
    ("温岭市委书记王成华调研。", [holds("王成华", "温岭市委书记", "温岭市")]),
    ("内蒙古自治区党委书记孙绍骋调研。", [holds("孙绍骋", "内蒙古自治区党委书记", "内蒙古自治区")]),
    ("江苏省交通运输厅厅长王晖介绍。", [holds("王晖", "江苏省交通运输厅厅长", "江苏省")]),
    ("国务院总理李强主持会议。", [holds("李强", "国务院总理", None)]),
    # an ambiguous district: resolved by the city before it or elsewhere in the document
    ("南京市鼓楼区委书记张华陪同。鼓楼区区长李敏表示。",
     [holds("张华", "鼓楼区委书记", "鼓楼区"), holds("李敏", "鼓楼区区长", "鼓楼区")]),
    ("北京市朝阳区召开会议。朝阳区委书记文献主持，朝阳区区长王灏出席。朝阳区将推动发展。",
     [holds("文献", "朝阳区委书记", "朝阳区"), holds("王灏", "朝阳区区长", "朝阳区")]),
    # … and left unresolved, never guessed, when nothing says which
    ("鼓楼区委书记张华出席。", [holds("张华", "鼓楼区委书记", None)]),
    # 总书记 after a full mention adds no one
    ("习近平总书记强调，要推动高质量发展。总书记指出，要坚持稳中求进。",
     [holds("习近平", "中共中央总书记", None)]),
    # 代表 / 委员 after a name: the congress the document reports on
    ("全国两会期间，张智奎代表建议加快通道建设。王芳委员表示，要加强生态保护。",
     [holds("张智奎", "全国人大代表", None), holds("王芳", "全国政协委员", None)]),
    ("德州市两会期间，市人大代表们热议发展。“要办好实事。”张华代表说。",
     [holds("张华", "德州市人大代表", "德州市")]),
])
def test_meeting_reports(text, expected):
    assert found(text) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("经研究决定：任命张伟为黄石市铁山区人民政府副区长。", [holds("张伟", "铁山区副区长", "铁山区", "takes-up")]),
    ("免去李强的黄石市财政局局长职务。", [holds("李强", "黄石市财政局局长", "黄石市", "leaves")]),
    ("免去李丽同志的黄石市委书记、常委、委员职务。",
     [holds("李丽", "黄石市委书记", "黄石市", "leaves"), holds("李丽", "黄石市委常委", "黄石市", "leaves"),
      holds("李丽", "黄石市委委员", "黄石市", "leaves")]),
    ("郑力同志任黄石市委委员、常委、书记。",
     [holds("郑力", "黄石市委委员", "黄石市", "takes-up"), holds("郑力", "黄石市委常委", "黄石市", "takes-up"),
      holds("郑力", "黄石市委书记", "黄石市", "takes-up")]),
    # respectively-lists: the n-th person takes the n-th post
    ("王磊、陈晨、赵亮分别任黄石市发展和改革委员会副主任、黄石市教育局副局长、下陆区副区长。",
     [holds("王磊", "黄石市发展和改革委员会副主任", "黄石市", "takes-up"),
      holds("陈晨", "黄石市教育局副局长", "黄石市", "takes-up"), holds("赵亮", "下陆区副区长", "下陆区", "takes-up")]),
    # … and a list whose lengths differ says nothing rather than something wrong
    ("王磊、陈晨分别任黄石市教育局副局长。", []),
    # the post written after a list of names
    ("张三、李四任驻马店市副市长。",
     [holds("张三", "驻马店市副市长", "驻马店市", "takes-up"), holds("李四", "驻马店市副市长", "驻马店市", "takes-up")]),
    ("近日，赵刚已履新驻马店市委书记。", [holds("赵刚", "驻马店市委书记", "驻马店市", "takes-up")]),
    ("王强不再担任青川县县长职务。", [holds("王强", "青川县县长", "青川县", "leaves")]),
    ("孙丽卸下温岭市委书记一职。", [holds("孙丽", "温岭市委书记", "温岭市", "leaves")]),
    ("刘洋调任瓯海区委书记。", [holds("刘洋", "瓯海区委书记", "瓯海区", "takes-up")]),
    ("刘洋改任禹城市委书记。", [holds("刘洋", "禹城市委书记", "禹城市", "takes-up")]),
    # a former post and the new one in one sentence
    ("原大冶市委书记吴晓东调任黄石市副市长。",
     [holds("吴晓东", "大冶市委书记", "大冶市", "leaves"), holds("吴晓东", "黄石市副市长", "黄石市", "takes-up")]),
    # 兼任 keeps the concurrent flag (checked below) and takes up the post
    ("李明兼任铁山区委书记。", [holds("李明", "铁山区委书记", "铁山区", "takes-up")]),
    # a clause without a name continues the named one
    ("刘建同志任苏州市委副书记，提名为苏州市市长候选人。",
     [holds("刘建", "苏州市委副书记", "苏州市", "takes-up"), holds("刘建", "苏州市长", "苏州市", "proposed")]),
    # lists under 任命： / 免去： headings
    ("任命：\n王晖为江苏省交通运输厅厅长；\n李洁为江苏省文化和旅游厅副厅长。\n免去：\n陈明的江苏省交通运输厅厅长职务。",
     [holds("王晖", "江苏省交通运输厅厅长", "江苏省", "takes-up"),
      holds("李洁", "江苏省文化和旅游厅副厅长", "江苏省", "takes-up"),
      holds("陈明", "江苏省交通运输厅厅长", "江苏省", "leaves")]),
    # 任前公示: 现任 (holds) and 拟任 / 拟提名为 (proposed)
    ("李军，男，汉族，1972年8月生，四川剑阁人，现任青川县委副书记、县长，拟任青川县委书记。",
     [holds("李军", "青川县委副书记", "青川县"), holds("李军", "青川县县长", "青川县"),
      holds("李军", "青川县委书记", "青川县", "proposed")]),
    ("王芳，女，1978年3月生，现任利州区副区长，拟提名为昭化区区长候选人。",
     [holds("王芳", "利州区副区长", "利州区"), holds("王芳", "昭化区区长", "昭化区", "proposed")]),
])
def test_personnel_changes(text, expected):
    assert found(text) == sorted(expected)


def test_concurrent_post_is_flagged():
    [h] = run_extractor(EXTRACTOR, "李明兼任铁山区委书记。")
    assert h.concurrent and h.status == "takes-up"


@pytest.mark.parametrize("text, expected", [
    # dated past posts: the date comes from the sentence, not the document
    ("李成同志简历\n李成，男，1968年5月生。2008年4月任长寿区委书记，2009年1月至今任江北区委书记。",
     [holds("李成", "长寿区委书记", "长寿区", "takes-up", "2008-04"),
      holds("李成", "江北区委书记", "江北区", "takes-up", "2009-01")]),
    # a résumé list
    ("王红简历\n王红，女，1975年2月生。\n2005.09—2010.12 垫江县副县长\n2016.06— 垫江县委书记\n",
     [holds("王红", "垫江县副县长", "垫江县", "takes-up", "2005-09"),
      holds("王红", "垫江县委书记", "垫江县", "takes-up", "2016-06")]),
    # the same post twice: the earliest dated observation is kept
    ("郭宁宁，女，1970年1月生。2013年任福州市委常委；2021年起任福建省委常委、福州市委常委。",
     [holds("郭宁宁", "福州市委常委", "福州市", "takes-up", "2013"),
      holds("郭宁宁", "福建省委常委", "福建省", "takes-up", "2021")]),
    # a dated sentence without a biography's person is nobody's
    ("2008年4月任长寿区委书记。", []),
])
def test_biographies(text, expected):
    assert found(text) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # traditional script, read through a simplified copy
    ("駐馬店市召開會議。市委書記陳星出席會議並講話。", [holds("陈星", "驻马店市委书记", "驻马店市")]),
    # names padded with spaces, inside a line and alone
    ("驻马店市召开会议。市委书记陈  星出席会议。", [holds("陈星", "驻马店市委书记", "驻马店市")]),
    ("铜梁区委书记 谭  庆\n", [holds("谭庆", "铜梁区委书记", "铜梁区")]),
    ("铜梁区召开会议。铜梁区委书记　谭　庆表示，要抓好项目。", [holds("谭庆", "铜梁区委书记", "铜梁区")]),
    ("铜梁区召开会议。铜梁区委书记 谭 庆强调，要抓好项目。", [holds("谭庆", "铜梁区委书记", "铜梁区")]),
    ("驻马店市召开会议。市人大常委会主任张　明，市政协主席王伟出席。",
     [holds("张明", "驻马店市人大常委会主任", "驻马店市"), holds("王伟", "驻马店市政协主席", "驻马店市")]),
    # pinyin glosses left by a converter inside a name
    ("驻马店市召开会议。市长李(lǐ)跃(yuè)进主持会议。", [holds("李跃进", "驻马店市长", "驻马店市")]),
    ("驛城區委書記衛(wèi)國勝出席。", [holds("卫国胜", "驿城区委书记", "驿城区")]),
    # spam pasted into the text neither breaks an official nor makes one
    ("确山县委书记赵小兵【澳门葡京娱乐城开户】出席。www.spam-bet.com 市委书记", [holds("赵小兵", "确山县委书记", "确山县")]),
    ("打印\n纠错\n![]()\n确山县委书记赵小兵出席。\n", [holds("赵小兵", "确山县委书记", "确山县")]),
])
def test_messy_pages(text, expected):
    assert found(text) == sorted(expected)


def test_traditional_evidence_stays_on_the_original():
    text = "駐馬店市召開會議。市委書記陳星出席會議。"
    [h] = run_extractor(EXTRACTOR, text)
    assert h.evidence.quote == text[h.evidence.start:h.evidence.end] == "市委書記陳星"


@pytest.mark.parametrize("text", [
    # journalists, correspondents, photographers
    "本报记者 张三 通讯员 李四 报道。",
    "深圳新闻网记者 李娜 摄影 钱进",
    # ordinary citizens named in a story
    "村民王大山告诉记者，家门口的路修好了。",
    "市民刘芳说，公园越来越多了。",
    # honorary titles
    "荣誉市民、企业家赵刚也来到会场。",
    "聘请刘七为青川县名誉县长。",
    "青川县名誉县长刘七出席活动。",
    # 市领导 and bare 总书记 are not posts with a name
    "杭州市召开会议。市领导张玲、黄敏出席。",
    "总书记指出，要坚持稳中求进。",
    # a compound ending in 市 before 长 is not 市长
    "全市长江流域生态保护取得成效。",
    # 代表 as a verb
    "德州市人大代表视察。张华代表市委讲话。",
])
def test_not_officials(text):
    assert found(text) == []


@pytest.mark.parametrize("text, city, province", [
    ("杭州市召开大会。西湖区、余杭区参加。", "杭州市", "浙江省"),
    ("黄石市铁山区召开会议。", "黄石市", "湖北省"),
    ("温岭市召开会议，温岭将加快发展，温岭市委部署。台州市领导出席。", "温岭市", "浙江省"),
    # a document that names no place is from the home corpus
    ("会议强调，要加快发展。", "重庆市", None),
    # places named but no clear city: a bare 市 stays unresolved
    ("杭州市和武汉市签署合作协议。", None, None),
])
def test_document_context(text, city, province):
    from cadregraph.extractors.prepare import prepare
    from helpers import make_document

    places = prepare(make_document(text)).places
    assert (places.city.name if places.city else None) == city
    assert (places.province.name if places.province else None) == province
