"""Property-based tests (hypothesis): on arbitrary Unicode, mixed with the pieces real pages are
made of, the normaliser and every registered extractor never raise, every span points at its
evidence in the original text, and the resulting graph always parses as Turtle."""
from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from cadregraph.documents.model import DocDate, Document
from cadregraph.documents.normalize import _FOLD, normalize
from cadregraph.documents.script import to_simplified
from cadregraph.extractors import EXTRACTORS
from cadregraph.extractors.facts import Evidence
from cadregraph.extractors.prepare import prepare
from cadregraph.graph.build import build_graph
from cadregraph.graph.serialize import to_turtle

FRAGMENTS = [
    "璧山区委书记、区长 江志斌", "长寿区委书记刘小强", "市财政局党组书记、局长", "重庆高新区党工委书记 张安疆",
    "谭  庆", "區(qū)委書記", "彭水县", "两江新区", "“33618”", "“六区一高地”", "“两高”", "GDP同比增长7.2%",
    "前三季度", "２０２４年１月２３日", "1-11月", "增长10.5%", "亿元", "下降3%", "任命张三为璧山区副区长",
    "免去李四的长寿区区长职务", "产业园", "智能网联新能源汽车", "表示，", "。", "，", "、", "：", "；", "“", "”",
    "（", "）", "(", ")", "\n", "\n\n", "\r\n", "\r", " ", "\u3000", "\t", "\u200b", "\ufeff", "\x00", "\x07",
    "##paidbegin##", "AAA32311699整理", "![](x)", "<script>alert(1)</script>", "\"><img src=x onerror=1>",
    "# 标题", "一、", "（一）", "1.", "\U0002a6a5", "\ufffd", "\u2028",
    # enough traditional script to make the normaliser read through a simplified copy
    "璧山區委書記、區長 江志斌表示，會議強調經濟發展。", "區(qū)長", "陳  亮",
]
TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join)
NAMES = st.text(min_size=1, max_size=30)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _document(text: str, doc_id: str = "t", date: str | None = "2024-01-23") -> Document:
    return Document(doc_id=doc_id, name=f"{doc_id}.txt", path=Path(f"{doc_id}.txt"), text=text,
                    encoding="utf-8", sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                    title=doc_id, date=DocDate(date, "metadata" if date else "unknown"))


def _evidences(fact):
    for f in dataclasses.fields(fact):
        value = getattr(fact, f.name)
        if isinstance(value, Evidence):
            yield value


@SETTINGS
@given(TEXTS)
def test_normaliser_maps_every_character_back_to_the_original(text):
    norm = normalize(text)
    assert len(norm.origin) == len(norm.text)
    source = to_simplified(text)           # what the lines are read through (same length)
    assert len(source) == len(text)
    previous = -1
    for ch, o in zip(norm.text, norm.origin):
        assert previous < o < len(text)
        previous = o
        original = source[o]
        assert ch == _FOLD.get(original, original) or (ch in " \n" and original in "\r\n"), (ch, original)
    for start in range(0, len(norm.text) + 1, 7):
        s, e = norm.span(start, min(len(norm.text), start + 5))
        assert 0 <= s <= e <= len(text)


@SETTINGS
@given(TEXTS, NAMES)
def test_every_extractor_survives_and_its_spans_point_at_the_evidence(text, doc_id):
    doc = _document(text, doc_id)
    prepared = prepare(doc)
    for extractor in EXTRACTORS:
        for fact in extractor().extract(prepared):
            evidences = list(_evidences(fact))
            assert evidences, (extractor.__name__, fact)
            for ev in evidences:
                assert ev.doc_id == doc_id
                assert 0 <= ev.start <= ev.end <= len(text)
                assert text[ev.start:ev.end] == ev.quote
                assert ev.rule


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(TEXTS, NAMES, st.sampled_from([None, "2024", "2024-01", "2025-01-23"])),
                min_size=1, max_size=3, unique_by=lambda t: t[1]))
def test_the_graph_always_parses_as_turtle(docs):
    documents = [_document(text, doc_id, date) for text, doc_id, date in docs]
    facts = []
    for doc in documents:
        prepared = prepare(doc)
        for extractor in EXTRACTORS:
            facts.extend(extractor().extract(prepared))
    data = to_turtle(build_graph(documents, facts))
    quads = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(Graph().parse(data=data, format="turtle")) == len(quads)
