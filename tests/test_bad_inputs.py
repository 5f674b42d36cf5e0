"""Untrusted documents: every bad input is read correctly or gets a clear error naming the file,
and one bad file never stops a corpus."""
from __future__ import annotations

import codecs
import time

import pytest
from click.testing import CliRunner

from cadregraph.cli import main
from cadregraph.documents import DocumentError, read_document
from cadregraph.documents.html import html_to_text
from cadregraph.documents.normalize import _DROP, normalize
from cadregraph.extractors.facts import Holding
from cadregraph.pipeline import extract_corpus, extract_document

TEXT = "（重庆日报，2024年1月5日）\n璧山区委书记、区长 江志斌表示，全区GDP同比增长7.2%。\n"
TRAD = "璧山區委書記、區長 江志斌表示，全區GDP同比增長7.2%。\n"
PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>璧山 &amp; 会议</title>"
        "<style>p{color:red}</style><script>var s='璧山区委书记 张三';</script></head><body>"
        "<!-- 璧山区委书记 李四 --><p>璧山区委书记、区长 江志斌表示。</p>"
        "<script>document.write('<p>璧山区委书记 王五</p>')</script><noscript>璧山区委书记 赵六</noscript>"
        "<p>a &lt; b</p></body></html>")


def _people(doc) -> set[str]:
    return {f.person for f in extract_document(doc) if isinstance(f, Holding)}


# name → (bytes, expected: ("ok", text that must be in doc.text, warning substring or "") or ("error", problem))
GOOD = {
    "utf8.txt": (TEXT.encode(), "璧山区委书记", ""),
    "utf8-bom.txt": (codecs.BOM_UTF8 + TEXT.encode(), "璧山区委书记", ""),
    "gbk.txt": (TEXT.encode("gbk"), "璧山区委书记", ""),
    "gb18030.txt": ((TEXT + "𠀀€").encode("gb18030"), "𠀀€", ""),
    "utf16-le-bom.txt": (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "璧山区委书记", ""),
    "utf16-be-bom.txt": (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "璧山区委书记", ""),
    "utf16-le.txt": (TEXT.encode("utf-16-le"), "璧山区委书记", ""),
    "utf16-be.txt": (TEXT.encode("utf-16-be"), "璧山区委书记", ""),
    "utf32.txt": (TEXT.encode("utf-32"), "璧山区委书记", ""),
    "big5.txt": (TRAD.encode("big5"), "璧山區委書記", ""),
    "crlf.txt": (TEXT.replace("\n", "\r\n").encode(), "璧山区委书记", ""),
    "cr-only.txt": (TEXT.replace("\n", "\r").encode(), "璧山区委书记", ""),
    "truncated.txt": (TEXT.encode()[:-2], "璧山区委书记", "truncated UTF-8"),
    "damaged.txt": (TEXT.encode()[:10] + b"\xe6" + TEXT.encode()[10:], "\ufffd", "damaged UTF-8: 1 invalid byte"),
    "one-nul.txt": (TEXT.encode() + b"\x00" + TEXT.encode(), "璧山区委书记", ""),
    "zero-width.txt": ("璧山区委书记、区长\u200b江\u200d志斌\x07表示。\n".encode(), "江\u200d志斌", ""),
    "page.html": (PAGE.encode(), "璧山区委书记、区长 江志斌表示。", ""),
    "page-gbk.htm": (PAGE.replace("utf-8", "gbk").encode("gbk"), "江志斌", ""),
    "page-no-suffix.txt": (PAGE.encode(), "江志斌", ""),
}
BAD = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \r\n\t\n\x0c  \n", "no text"),
    "controls.txt": (bytes(range(1, 9)) * 40, "binary"),
    "image.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20, "binary"),
    "archive.zip": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, "binary"),
    "latin1.txt": ("Café résumé naïve œuvre — text only\n".encode("cp1252") * 3, "readable text"),
    "empty-page.html": (b"<html><head><script>alert(1)</script></head><body> </body></html>", "no visible text"),
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_readable_inputs_are_read(tmp_path, name):
    data, expected, warning = GOOD[name]
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_document(path)
    assert expected in doc.text
    assert (warning in " ".join(doc.warnings)) if warning else not doc.warnings
    assert data == path.read_bytes()     # inputs are never modified
    if "江志斌" in doc.text:
        assert "江志斌" in _people(doc)


@pytest.mark.parametrize("name", sorted(BAD))
def test_unreadable_inputs_get_a_clear_error(tmp_path, name):
    data, problem = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert name in str(err.value) and problem in str(err.value)


def test_html_keeps_visible_text_only(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    assert doc.encoding == "utf-8+html"
    assert doc.text.splitlines()[0] == "璧山 & 会议"          # the title, entities decoded
    assert "a < b" in doc.text
    for hidden in ("张三", "李四", "王五", "赵六", "color:red", "document.write", "<p>"):
        assert hidden not in doc.text
    assert _people(doc) == {"江志斌"}


@pytest.mark.parametrize("markup, text", [
    ("<p>一</p><p>二</p>", "一\n\n二\n"),
    ("<div>一<br/>二</div>", "一\n二\n"),
    ("<p title='x>y'>一</p>", "一\n"),
    ("<P>一</P><SCRIPT>二</SCRIPT >三", "一\n三\n"),
    ("一<script>unterminated 二", "一\n"),
    ("一<!-- unterminated 二", "一\n"),
    ("一<svg><text>二</text></svg>三<svg/>四", "一三四\n"),
    ("1 < 2 and 3 <4", "1 < 2 and 3 <4\n"),
    ("<textarea>&lt;b&gt;</textarea>", "<b>\n"),
])
def test_html_markup(markup, text):
    assert html_to_text(markup) == text


@pytest.mark.parametrize("unit", ["<a", "</", "<?", "<!", "<a \"", "<svg>", "<!--", "<script>", "&#", "<p>字</p>"])
def test_html_scanning_is_linear_on_hostile_pages(unit):
    # html.parser takes minutes on 100 kB of "<a"; the scanner must take well under a second
    # per megabyte whatever the page repeats.
    markup = "<html>" + unit * (1_000_000 // len(unit))
    start = time.perf_counter()
    html_to_text(markup)
    assert time.perf_counter() - start < 20


@pytest.mark.parametrize("unit", ["![", "![](", "AAAA1", "哒哒", "##paid", "添加", "微信 ", "谭 ", "（", "\u200b", "Ａ"])
def test_normalising_one_huge_line_is_linear(unit):
    # 1 M characters on one line: a quadratic pattern (the old "![…" image-link rule) takes hours.
    line = unit * (1_000_000 // len(unit))
    start = time.perf_counter()
    norm = normalize(line)
    assert time.perf_counter() - start < 60
    assert len(norm.origin) == len(norm.text)


def test_a_50_mb_single_line_file_is_read(tmp_path):
    path = tmp_path / "one-line.txt"
    unit = "璧山区委书记、区长江志斌表示，全区GDP同比增长7.2%，".encode()
    path.write_bytes(unit * (50_000_000 // len(unit)))
    start = time.perf_counter()
    doc = read_document(path)
    assert time.perf_counter() - start < 30
    assert "\n" not in doc.text and len(doc.text.encode()) > 49_000_000


def test_every_dropped_character_is_unprintable():
    # clean_lines skips its per-character search on printable stretches
    assert not any(ch.isprintable() for ch in _DROP)


def test_evidence_of_a_messy_line_points_at_the_original(tmp_path):
    raw = "\ufeff  璧山区委书记、区长\u200b 江志斌\x07表示，ＧＤＰ增长７．２％。\r\n"
    path = tmp_path / "messy.txt"
    path.write_bytes(raw.encode())
    doc = read_document(path)
    facts = [f for f in extract_document(doc) if isinstance(f, Holding)]
    assert facts
    for f in facts:
        assert doc.text[f.evidence.start:f.evidence.end] == f.evidence.quote
        assert "江志斌" in f.evidence.quote


def test_metadata_of_the_wrong_type_is_a_clear_error(tmp_path):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "x.meta.json").write_text('{"title": ["<script>"]}', encoding="utf-8")
    with pytest.raises(DocumentError, match="x.meta.json.*'title' must be a string"):
        read_document(tmp_path / "x.txt")


def test_a_folder_or_a_fifo_is_not_read(tmp_path):
    import os

    (tmp_path / "dir").mkdir()
    with pytest.raises(DocumentError, match="is a directory"):
        read_document(tmp_path / "dir")
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(DocumentError, match="not a regular file"):
        read_document(tmp_path / "pipe")


def _corpus(folder):
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT.encode()[:-2])     # truncated: read, with a warning
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "d.txt").write_text(TEXT.replace("江志斌", "李成群"), encoding="gb18030")
    return folder


def test_bad_files_do_not_stop_the_corpus(tmp_path):
    corpus = extract_corpus([_corpus(tmp_path / "docs")])
    assert [d.name for d in corpus.documents] == ["a.txt", "d.txt"]
    assert [f.path.name for f in corpus.failures] == ["b.txt", "c.bin"]


def test_strict_stops_at_the_first_failure(tmp_path):
    corpus = extract_corpus([_corpus(tmp_path / "docs")], strict=True)
    assert [d.name for d in corpus.documents] == ["a.txt"]
    assert [f.path.name for f in corpus.failures] == ["b.txt"]


def test_an_extractor_crash_is_one_failed_file(tmp_path, monkeypatch):
    import cadregraph.pipeline as pipeline

    real = pipeline.extract_document

    def flaky(doc):
        if doc.name == "a.txt":
            raise RecursionError("deep")
        return real(doc)
    monkeypatch.setattr(pipeline, "extract_document", flaky)
    corpus = extract_corpus([_corpus(tmp_path / "docs")])
    assert [d.name for d in corpus.documents] == ["d.txt"]
    assert "a.txt: extraction failed: RecursionError: deep" in [str(f) for f in corpus.failures][0]


def test_build_reports_failures_at_the_end_and_exits_1(tmp_path):
    docs = _corpus(tmp_path / "docs")
    result = CliRunner().invoke(main, ["build", str(docs), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    tail = result.output.strip().splitlines()[-3:]
    assert tail[0] == "files failed: 2"
    assert "b.txt: empty file" in tail[1] and "c.bin: binary" in tail[2]
    assert "  warning: " in result.output and "a.txt: truncated UTF-8" in result.output
    assert (tmp_path / "o" / "graph.ttl").exists()


def test_build_strict_stops_and_writes_nothing(tmp_path):
    docs = _corpus(tmp_path / "docs")
    result = CliRunner().invoke(main, ["build", str(docs), "--out", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 1
    assert "stopped at the first file that failed" in result.output and "b.txt" in result.output
    assert "c.bin" not in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("text, person, post, quote", [
    # traditional script: matched on a simplified copy, evidence on the original
    ("璧山區委書記、區長 江志斌表示，全區GDP同比增長7.2%。\n", "江志斌", "璧山区区长", "璧山區委書記、區長 江志斌"),
    # pinyin glosses a converter left inside words
    ("璧山區(qū)委書記、區(qū)長 江志斌表示。\n", "江志斌", "璧山区委书记", "璧山區(qū)委書記、區(qū)長 江志斌"),
    # a two-character name padded to the width of three
    ("會議由璧山區委書記 谭  庆主持。\n", "谭庆", "璧山区委书记", "璧山區委書記 谭  庆"),
    ("江津區(qū)委書記、區(qū)長 陳  亮表示。\n", "陈亮", "江津区区长", "江津區(qū)委書記、區(qū)長 陳  亮"),
])
def test_converted_pages_keep_evidence_on_the_original(tmp_path, text, person, post, quote):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    holdings = [f for f in extract_document(doc) if isinstance(f, Holding)]
    match = [h for h in holdings if h.person == person and h.post.label == post]
    assert match, [(h.person, h.post.label) for h in holdings]
    ev = match[0].evidence
    assert ev.quote == quote and doc.text[ev.start:ev.end] == quote
