"""The Python API as a researcher uses it in a notebook: one fresh interpreter running cell after
cell — build, typed tables into pandas, questions, the network, and mistakes as exceptions."""
from __future__ import annotations

import subprocess
import sys
import textwrap

NOTEBOOK = textwrap.dedent('''
    import datetime, decimal, sys, warnings
    import pandas as pd
    import cadregraph

    out, docs = sys.argv[1], sys.argv[2]
    warnings.simplefilter("error")          # a notebook cell that warns is a cell that misleads

    # a build folder, as `cadregraph build --out` wrote it
    careers = cadregraph.table(out, "careers")
    shi = [r for r in careers if r["person"] == "石强"]
    assert [r["post"] for r in shi][0] == "彭水苗族土家族自治县委书记"
    assert shi[0]["first_seen"] == datetime.date(2023, 10, 24) and shi[0]["last_seen"] == "2024-01"
    assert shi[0]["documents"] == ["001_e3967ce29b2979f4.txt", "003_63b98746f0243239.txt"]
    assert shi[-1]["district"] is None
    df = pd.DataFrame(careers)
    assert list(df.columns)[:3] == ["person_id", "person", "labels"] and len(df) == len(careers)

    metrics = pd.DataFrame(cadregraph.table(out, "metrics"))
    assert all(isinstance(v, decimal.Decimal) for v in metrics["value"])
    assert metrics["is_growth"].dtype == bool
    growth = metrics[metrics["is_growth"]]["value"].astype(float)
    assert growth.min() > 0 and growth.median() < 50

    # a named question, typed like the tables
    rows = cadregraph.query(out, "q1", person="石强")
    assert rows[0]["date"] == datetime.date(2023, 10, 24)
    # the county post ended before 石强 was seen as a city body's secretary; that post is open
    assert [(r["open_ended"], r["ended_before"], r["end_reason"]) for r in rows if r["document"].startswith("00")][:1] == [
        (False, datetime.date(2025, 4, 24), "other-post")]
    assert rows[-1]["open_ended"] is True and rows[-1]["ended_before"] is None
    holders = cadregraph.query(out, "q2", post="长寿区委书记")
    assert [r["holder_index"] for r in holders] == sorted(r["holder_index"] for r in holders)
    assert isinstance(holders[0]["holder_index"], int)
    assert cadregraph.query(out, "SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }")[0]["n"] == 36

    # documents straight into a graph, and the network analysed with networkx
    g = cadregraph.build_graph([docs])
    assert {r["person"] for r in cadregraph.table(g, "holdings")} == {"刘小强", "江志斌"}
    import networkx as nx
    G = cadregraph.to_networkx(out)
    people = [n for n, d in G.nodes(data=True) if d["kind"] == "person"]
    centrality = nx.degree_centrality(G.to_undirected())
    assert len(people) == 36 and max(centrality, key=centrality.get)

    # mistakes are exceptions that say what to do
    def error(call):
        try:
            call()
        except cadregraph.CadregraphError as exc:
            return str(exc)
        raise AssertionError("no error")

    assert "nope: no such file or folder" in error(lambda: cadregraph.build_graph(["nope/"]))
    assert "nope: no such file or folder" in error(lambda: cadregraph.table("nope", "careers"))
    assert "no table named 'career'" in error(lambda: cadregraph.table(out, "career"))
    assert "no query named 'q9'" in error(lambda: cadregraph.query(out, "q9"))
    assert "has no parameter name" in error(lambda: cadregraph.query(out, "q1", name="石强"))
    message = error(lambda: cadregraph.query(out, "q1", person="刘小明"))
    assert "no person named '刘小明'" in message and "刘小强" in message
    print("notebook ran")
''')


def test_the_notebook_runs_in_a_fresh_interpreter(built_seeds, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text("长寿区委书记刘小强主持会议。\n璧山区委书记、区长江志斌讲话。\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", NOTEBOOK, str(built_seeds), str(docs)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "notebook ran"
