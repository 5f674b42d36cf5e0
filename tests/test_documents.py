"""Reading, decoding, normalising and dating documents."""
from __future__ import annotations

import pytest

from cadregraph.documents import DocumentError, read_document, read_documents
from cadregraph.documents.normalize import normalize
from cadregraph.extractors.prepare import prepare
from cadregraph.pipeline import bundled_seeds, extract_corpus

TEXT = "璧山区委书记、区长 江志斌\n\n璧山区前三季度GDP同\n\n比增长７．２％。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / f"doc-{encoding}.txt"
    path.write_bytes(TEXT.encode(encoding))
    doc = read_document(path)
    assert doc.text.lstrip("\ufeff") == TEXT


@pytest.mark.parametrize("payload, problem", [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, "binary"),
])
def test_bad_files_get_an_error_naming_them(tmp_path, payload, problem):
    path = tmp_path / "bad.bin"
    path.write_bytes(payload)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert "bad.bin" in str(err.value) and problem in str(err.value)


def test_one_bad_file_does_not_stop_the_corpus(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "c.txt").write_text(TEXT.replace("江志斌", "李成群"), encoding="gb18030")
    corpus = extract_corpus([tmp_path])
    assert [d.name for d in corpus.documents] == ["a.txt", "c.txt"]
    assert len(corpus.failures) == 1 and "b.txt" in str(corpus.failures[0])
    people = {f.person for f in corpus.facts if type(f).__name__ == "Holding"}
    assert people == {"江志斌", "李成群"}


def test_reads_files_and_folders_and_skips_metadata(tmp_path):
    seeds = bundled_seeds()
    docs = [d for d in read_documents([seeds]) if not isinstance(d, DocumentError)]
    assert len(docs) == 5
    single = list(read_documents([seeds / "001_e3967ce29b2979f4.txt"]))
    assert len(single) == 1 and single[0].date.value == "2023-10-24"


def test_normalisation_joins_wraps_and_folds_width_keeping_offsets():
    original = "一季度，全区GDP同\n\n比增长７．２％，AAA32311699整理。\n##paidbegin##下一段"
    norm = normalize(original)
    assert "同比增长7.2%，" in norm.text
    assert "AAA" not in norm.text and "paidbegin" not in norm.text
    start = norm.text.index("7.2%")
    s, e = norm.span(start, start + 4)
    assert original[s:e] == "７．２％"
    s, e = norm.span(norm.text.index("同比"), norm.text.index("同比") + 4)
    assert original[s:e] == "同\n\n比增长"


def test_ads_are_dropped(seeds_corpus):
    doc = next(d for d in seeds_corpus.documents if d.doc_id.startswith("001"))
    prepared = prepare(doc)
    assert "哒哒" not in prepared.norm.text and "AAA32311699" not in prepared.norm.text


@pytest.mark.parametrize("doc_prefix, layout, first_speaker, first_unit", [
    ("000", "before_body", "罗楠", "两江新区"),
    ("001", "before_body", "张安疆", "重庆高新区"),
    ("002", "after_body", "石强", "重庆市文化旅游委"),
    ("003", "before_body", "李庆", "万州区"),
])
def test_sections_in_both_layouts(seeds_corpus, doc_prefix, layout, first_speaker, first_unit):
    doc = next(d for d in seeds_corpus.documents if d.doc_id.startswith(doc_prefix))
    sections = prepare(doc).sections
    assert sections[0].layout == layout
    assert sections[0].speaker == first_speaker
    unit = sections[0].unit
    assert getattr(unit, "name", None) == first_unit or getattr(unit, "label", None) == first_unit


def test_after_body_section_holds_its_own_body(seeds_corpus):
    doc = next(d for d in seeds_corpus.documents if d.doc_id.startswith("002"))
    prepared = prepare(doc)
    first = prepared.sections[0]
    body = prepared.norm.text[first.start:first.end]
    assert body.startswith("市文化旅游委以巴蜀文化旅游走廊建设为牵引")
    assert "两江新区深入贯彻" not in body
    second = prepared.sections[1]
    assert prepared.norm.text[second.start:second.end].startswith("两江新区深入贯彻")


def test_place_header_sections(seeds_corpus):
    doc = next(d for d in seeds_corpus.documents if d.doc_id.startswith("004"))
    units = [s.unit.name for s in prepare(doc).sections]
    assert units == ["潼南区", "江津区", "永川区", "合川区", "璧山区", "铜梁区", "大足区", "荣昌区"]


@pytest.mark.parametrize("text, value, method", [
    ("（重庆日报，2023年10月24日）\n正文。", "2023-10-24", "text"),
    ("1月23日，市委召开例会。2024年GDP增长5.8%。", "2025-01-23", "inferred"),
    ("4月24日，市委召开例会。2025年一季度GDP增长6%。", "2025-04-24", "inferred"),
    ("没有日期的文字。从2002年到2022年产值增长39倍。", None, "unknown"),
])
def test_dates_from_text(tmp_path, text, value, method):
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert (doc.date.value, doc.date.method) == (value, method)


def test_metadata_date_keeps_its_precision(seeds_corpus):
    dates = {d.doc_id[:3]: (d.date.value, d.date.method, d.date.precision) for d in seeds_corpus.documents}
    assert dates["003"] == ("2024-01", "metadata", "month")
    assert dates["004"] == ("2024-12", "metadata", "month")
    assert dates["000"] == ("2025-01-23", "metadata", "day")


def test_bad_metadata_is_a_clear_error(tmp_path):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "x.meta.json").write_text('{"date": "2024-13"}', encoding="utf-8")
    with pytest.raises(DocumentError, match="2024-13"):
        read_document(tmp_path / "x.txt")
