"""`cadregraph report`: the networkx analysis of slogans and careers on the seeds (diffusion
order, centrality, officials who moved), the Markdown it prints, escaping of document text,
determinism, and the command itself."""
from __future__ import annotations

from click.testing import CliRunner

from cadregraph.cli import main
from cadregraph.extractors.prepare import prepare
from cadregraph.extractors.slogans import SlogansExtractor
from cadregraph.graph.analysis import analyse, diffusion, Use
from cadregraph.outputs.report import md, render_report
from cadregraph.pipeline import Corpus, build_graph

from helpers import make_document


def test_diffusion_order_of_33618_on_the_seeds(seeds_graph):
    a = analyse(seeds_graph)
    steps = a.diffusion["33618"]
    assert [(unit, date) for unit, date, _ in steps] == [
        ("璧山区", "2023-10-24"), ("重庆市财政局", "2025-01-23"), ("綦江区", "2025-04-24"), ("重庆市人力社保局", "2025-04-24")]
    # every slogan has its users in first-seen order; the most widely used come first
    assert all(steps == sorted(steps, key=lambda t: (t[1] or "9999", t[2], t[0])) for steps in a.diffusion.values())
    sizes = [len(steps) for steps in a.diffusion.values()]
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1


def test_centrality_and_shared_pairs_on_the_seeds(seeds_graph):
    a = analyse(seeds_graph, top=5)
    assert a.slogans[0].label == "双倍增" and a.slogans[0].degree == 5
    assert len(a.slogans) == 5 and len(a.units) == 5
    degrees = [c.degree_centrality for c in a.slogans]
    assert degrees == sorted(degrees, reverse=True)
    assert all(n >= 1 and common for _, _, n, common in a.pairs)


def test_officials_who_moved_on_the_seeds(seeds_graph):
    movers = {m.person: m for m in analyse(seeds_graph).movers}
    assert movers["覃昌德"].units == ["云阳县", "九龙坡区"]
    assert movers["刘小强"].units == ["长寿区", "重庆市财政局"]
    assert movers["石强"].units == ["彭水苗族土家族自治县", "重庆市文化旅游委"]
    # a change of post inside one district is not a move; concurrent city seats are not either
    assert "江志斌" not in movers and "罗楠" not in movers
    there = {s for s, _, _, while_there in movers["覃昌德"].slogans["九龙坡区"] if while_there}
    assert {"1+8", "三攻坚一盘活"} <= there
    # 长寿区's slogans after 刘小强 left are listed, but not as his
    later = [row for row in movers["刘小强"].slogans["长寿区"] if row[1] == "2025-01-23"]
    assert later and not any(row[3] for row in later)


def test_report_is_markdown_and_deterministic(seeds_graph):
    a = analyse(seeds_graph)
    text = render_report(a, source="seeds")
    for heading in ("# cadregraph report", "## How slogans travel", "## The unit–slogan network",
                    "## Officials who moved", "## Career summary", "## Every slogan"):
        assert heading in text
    assert "### 覃昌德: 云阳县 → 九龙坡区" in text and "| 1 | 璧山区 | 2023-10-24 |" in text
    assert render_report(analyse(seeds_graph), source="seeds") == text


def test_document_text_cannot_inject_markup():
    assert md("a|b <script>") == "a\\|b &lt;script&gt;"
    assert md("## 标题\n*强调*") == "\\#\\# 标题 \\*强调\\*"
    uses = [Use("x|y", "numbered", f"u{i}", f"区{i}<b>", "d.txt", "2024-01", "…") for i in range(2)]
    d = diffusion(uses)
    assert list(d) == ["x|y"] and [unit for unit, _, _ in d["x|y"]] == ["区0<b>", "区1<b>"]


def test_report_on_a_small_graph_escapes_table_cells():
    text = "强平台\n璧山区委书记、区长 江志斌\n构建“1|2”体系，实施“双倍增”。\n"
    doc = make_document(text, doc_id="r", date="2024-02-01")
    g = build_graph(Corpus([doc], list(SlogansExtractor().extract(prepare(doc)))))
    report = render_report(analyse(g))
    assert "1\\|2" in report and "| 1\\|2 |" in report


def test_report_command(tmp_path, seeds_graph):
    graph_file = tmp_path / "g.ttl"
    seeds_graph.serialize(graph_file, format="turtle")
    runner = CliRunner()
    out = tmp_path / "report.md"
    result = runner.invoke(main, ["report", str(graph_file), "--output", str(out), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert out.read_text("utf-8").startswith("# cadregraph report")
    printed = runner.invoke(main, ["report", str(graph_file), "--top", "3"])
    assert printed.exit_code == 0 and printed.output == out.read_text("utf-8")
    assert runner.invoke(main, ["report", "--help"]).exit_code == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text("not turtle <<<", "utf-8")
    failed = runner.invoke(main, ["report", str(broken)])
    assert failed.exit_code == 2 and "error" in failed.output
