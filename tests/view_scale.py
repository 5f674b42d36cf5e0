"""View data of a 1,500-document corpus, made directly (seconds) instead of built (minutes).

The sizes are those `overview_data.collect` gave for the benchmark generator's 1,500-document
corpus (bench/generate.py --docs 1500): about 500 people in 44 units; the city level with
some 370 tenures, 4,000 figures, 7,900 slogan uses of 1,500 slogans and 3,000 project
mentions; each district with about 18 tenures, 600 figures, 1,000 uses of 430 slogans and 500
project mentions. Names, titles and sentences are invented."""
from __future__ import annotations

import random

from cadregraph.outputs.overview_data import CITY, OverviewData, Person, Unit, finish

DOCS, PEOPLE, DISTRICTS = 1500, 502, 43
CITY_SIZE = {"tenures": 370, "figures": 3978, "slogan_uses": 7893, "slogans": 1534, "mentions": 3024, "projects": 900}
DISTRICT_SIZE = {"tenures": 18, "figures": 600, "slogan_uses": 1030, "slogans": 430, "mentions": 500, "projects": 140}
SYLLABLES = "安宝昌德东方丰福光海和华嘉江金锦康兰乐林龙明宁平庆瑞山盛石顺泰通文祥新兴阳永裕源泽志中"
POSTS = ["委书记", "区长", "副区长", "委副书记", "人大常委会主任", "政协主席", "组织部部长", "宣传部部长"]
INDICATORS = ["地区生产总值", "规上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入", "进出口总额",
              "城镇居民人均可支配收入", "农村居民人均可支配收入", "招商引资到位资金", "实际利用外资"]
PERIODS = [("前三季度", "01", "09"), ("上半年", "01", "06"), ("一季度", "01", "03"), ("全年", "01", "12"), ("1-5月", "01", "05")]


def _name(rng: random.Random, n: int) -> str:
    return "".join(rng.choices(SYLLABLES, k=n))


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


_CONTEXT = random.Random(0)
BEFORE = ["会议指出，" + _name(_CONTEXT, 30) + "，" for _ in range(200)]
AFTER = ["，" + _name(_CONTEXT, 40) + "。" for _ in range(200)]


def _quote(rng: random.Random, doc: str, words: str) -> dict:
    start = rng.randrange(8000)
    return {"doc": doc, "quote": words, "before": rng.choice(BEFORE), "after": rng.choice(AFTER),
            "start": start, "end": start + len(words)}


def scale_data(seed: int = 1) -> tuple[OverviewData, dict[str, dict]]:
    """(OverviewData, documents as overview.cited_documents gives them, with pages)."""
    rng = random.Random(seed)
    docs = {}
    for i in range(DOCS):
        iri = f"https://example.org/id/doc/d{i:05d}"
        docs[iri] = {"identifier": f"d{i:05d}", "name": f"d{i:05d}_{i * 7919 % 99991:05x}.txt",
                     "title": f"{_name(rng, 6)}区召开{_name(rng, 8)}推进会 奋力{_name(rng, 10)}", "date": _date(rng),
                     "source": f"https://news.example.org/{i}.html", "page": f"view/docs/d{i:05d}.html",
                     "link": f"https://news.example.org/{i}.html"}
    doc_iris = sorted(docs)
    data = OverviewData()
    data.units[CITY] = Unit(CITY, "示范市（市级）", "city")
    for k in range(DISTRICTS):
        key = f"https://example.org/id/place/9{k:05d}"
        data.units[key] = Unit(key, _name(rng, 2) + "区", "district")
    people = []
    for k in range(PEOPLE):
        key = f"https://example.org/id/person/p{k:04d}"
        people.append(data.people.setdefault(key, Person(key, _name(rng, 3))))
    for key, unit in sorted(data.units.items()):
        size = CITY_SIZE if key == CITY else DISTRICT_SIZE
        for _ in range(size["tenures"]):
            person = rng.choice(people)
            first = _date(rng)
            t = {"post": unit.label[:2] + rng.choice(POSTS), "org": unit.label + "委", "first": first,
                 "last": max(first, _date(rng)), "pred": "", "succ": "", "person": person.key,
                 "personLabel": person.label, "unit": key}
            unit.tenures.append(t)
            person.tenures.append(t)
            for _ in range(rng.randint(1, 4)):
                person.observations.append({"post": t["post"], "date": rng.choice([t["first"], t["last"], ""])}
                                           | _quote(rng, rng.choice(doc_iris), person.label + t["post"]))
        for _ in range(size["figures"]):
            ind, (written, m1, m2), year = rng.choice(INDICATORS), rng.choice(PERIODS), rng.randint(2019, 2025)
            value = f"{rng.randint(1, 3000)}.{rng.randint(0, 9)}"
            unit.figures.append({"indicator": ind, "value": value, "unit": "亿元", "date": f"{year}-{int(m2) + 1:02d}-15",
                                 "period": f"{year}年{written}"} | _quote(rng, rng.choice(doc_iris), f"{ind}{value}亿元"))
        slogans = [_name(rng, rng.randint(4, 12)) for _ in range(size["slogans"])]
        for _ in range(size["slogan_uses"]):
            text = rng.choice(slogans)
            unit.slogans.append({"slogan": text, "kind": "catchphrase", "date": _date(rng)}
                                | _quote(rng, rng.choice(doc_iris), f"“{text}”"))
        projects = [_name(rng, 5) + "产业园" for _ in range(size["projects"])]
        for _ in range(size["mentions"]):
            name = rng.choice(projects)
            unit.projects.append({"project": name, "date": _date(rng)} | _quote(rng, rng.choice(doc_iris), name))
    return finish(data), docs
