"""The view's fact rows kept on disk (spilled_rows.py): what goes in comes out, in any process,
and pages made from spilled rows are the pages made from rows in memory."""
from __future__ import annotations

import multiprocessing
import random

import pytest

from cadregraph.outputs.overview import render_pages
from cadregraph.outputs.overview_summary import summarize
from cadregraph.outputs.overview_data import ORDER, OverviewData, Person, SpilledFacts, Unit, finish
from cadregraph.outputs.spilled_rows import SpilledRows

from view_scale import scale_data


def test_rows_come_back_by_section_and_owner(tmp_path):
    spilled = SpilledRows(tmp_path / "rows.sqlite", write=True)
    owners = [f"https://example.org/id/org/o{i}" for i in range(1200)]     # more than one IN (…) at a time
    spilled.add("slogans", ((o, {"slogan": f"口号{i}", "start": i, "quote": "“坚持”"}) for i, o in enumerate(owners)))
    spilled.add("figures", [(owners[0], {"value": "12.5", "start": 3})])
    spilled.finish()
    assert spilled.counts("figures") == {owners[0]: 1}
    assert sum(spilled.counts("slogans").values()) == 1200
    got = spilled.load("slogans", owners[100:1100])
    assert sorted(r["start"] for r in got) == list(range(100, 1100))
    assert {"slogan": "口号7", "start": 7, "quote": "“坚持”"} in spilled.load("slogans", [owners[7]])
    assert spilled.load("projects", owners) == []
    assert spilled.load("slogans", []) == []


def _count_in_child(spilled, queue):
    queue.put(len(spilled.load("spans", ["https://example.org/id/doc/a"])))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_forked_process_reads_the_rows_through_its_own_connection(tmp_path):
    spilled = SpilledRows(tmp_path / "rows.sqlite", write=True)
    spilled.add("spans", [("https://example.org/id/doc/a", {"start": i}) for i in range(5)])
    spilled.finish()
    assert len(spilled.load("spans", ["https://example.org/id/doc/a"])) == 5    # the parent's connection is open
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_count_in_child, args=(spilled, queue))
    child.start()
    child.join(30)
    assert child.exitcode == 0 and queue.get(timeout=5) == 5


def _spill(data: OverviewData, spilled: SpilledRows, rng: random.Random) -> OverviewData:
    """`data` with its fact rows moved to `spilled`, in shuffled order, some of each unit's
    under an organization of the unit (as a streaming build spills them: by the IRI the row
    names)."""
    out = OverviewData(aliases=dict(data.aliases))
    for key, unit in data.units.items():
        out.units[key] = Unit(unit.key, unit.label, unit.kind, unit.tenures)
        org = key + "/org"
        out.aliases[org] = key
        for section in ("figures", "slogans", "projects"):
            rows = list(getattr(unit, section))
            rng.shuffle(rows)
            spilled.add(section, ((rng.choice([key, org]), r) for r in rows))
    for key, person in data.people.items():
        out.people[key] = Person(person.key, person.label, person.tenures)
        spilled.add("observations", ((key, o) for o in reversed(person.observations)))
    spilled.finish()
    from cadregraph.outputs.overview_data import _spilled_facts
    _spilled_facts(spilled, out)
    return finish(out)


def test_pages_of_spilled_rows_are_the_pages_of_rows_in_memory(tmp_path):
    data, docs = scale_data()
    spilled = _spill(data, SpilledRows(tmp_path / "rows.sqlite", write=True), random.Random(3))
    some_unit = next(k for k, u in data.units.items() if u.slogans)
    assert spilled.units[some_unit].slogans == []             # nothing of it held in memory …
    assert spilled.count(some_unit, "slogans") == len(data.units[some_unit].slogans)
    assert spilled.unit(some_unit).slogans == data.units[some_unit].slogans        # … until its page asks
    assert spilled.unit(some_unit).slogans == sorted(data.units[some_unit].slogans, key=ORDER["slogans"])
    assert render_pages(spilled, docs) == render_pages(data, docs)


def test_a_units_pages_read_its_rows_as_a_stream_never_as_a_list(tmp_path, monkeypatch):
    """The city level of a big corpus has over a million rows: its pages aggregate them one
    at a time from the spill (a list of them was the build's peak at 100,000 documents)."""
    data, docs = scale_data()
    spilled = _spill(data, SpilledRows(tmp_path / "rows.sqlite", write=True), random.Random(5))
    expected = render_pages(data, docs)
    real_load = SpilledRows.load

    def load(self, section, owners):
        assert section == "observations", f"the {section} of a unit loaded whole"
        return real_load(self, section, owners)

    monkeypatch.setattr(SpilledRows, "load", load)
    assert render_pages(spilled, docs) == expected


def test_a_summary_is_the_same_whatever_order_its_rows_come_in():
    data, _ = scale_data()
    city = max(data.units.values(), key=lambda u: len(u.slogans))
    assert len(city.slogans) > 1000
    expected = summarize(city.slogans, city.figures, city.projects)
    shuffled = [list(rows) for rows in (city.slogans, city.figures, city.projects)]
    for rows in shuffled:
        random.Random(len(rows)).shuffle(rows)
    assert summarize(*(iter(rows) for rows in shuffled)) == expected      # each read once
    top = expected["slogans"][0]
    assert top["count"] == max(s["count"] for s in expected["slogans"]) and top["first"] <= top["last"]
    assert sum(s["count"] for s in expected["slogans"]) == len(city.slogans)
    assert sum(f["count"] for f in expected["figures"]) == len(city.figures)


def test_a_documents_facts_read_when_asked_once_each_in_text_order(tmp_path):
    spilled = SpilledRows(tmp_path / "rows.sqlite", write=True)
    doc = "https://example.org/id/doc/a"
    fact = {"kind": "holding", "label": "王某", "detail": "区长", "start": 10, "end": 14}
    spilled.add("spans", [(doc, {**fact, "start": 30, "end": 33}), (doc, fact), (doc, fact),
                          (doc, {**fact, "end": 20, "kind": "metric"})])
    spilled.finish()
    facts = SpilledFacts(spilled)
    assert [(f["start"], f["end"]) for f in facts[doc]] == [(10, 20), (10, 14), (30, 33)]
    assert facts.get("https://example.org/id/doc/none", []) == []
    assert list(facts) == [doc] and len(facts) == 1


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_the_rows_of_a_build_read_by_two_processes_are_those_read_by_one(tmp_path, built_seeds, monkeypatch):
    from cadregraph.outputs import overview_data
    from cadregraph.outputs.overview_data import ShardRows, collect, document_facts, documents

    state = built_seeds / ".cadregraph-build"
    shards = sorted((state / "shards").glob("*.nq.gz"))
    assert len(shards) == 5

    def read(workers, folder):
        rows = ShardRows(shards, state / "shared.nq.gz", tmp_path / folder / "rows.sqlite", batch=1,
                         workers=workers)
        (tmp_path / folder).mkdir()
        data, facts = collect(rows), document_facts(rows)
        return ({k: data.person(k) for k in data.people}, {k: data.unit(k) for k in data.units},
                documents(rows), {doc: facts[doc] for doc in facts}, rows.fact_count())

    one, two = read(1, "w1"), read(2, "w2")
    assert len(list((tmp_path / "w2").glob("rows-*.sqlite"))) == 2        # each process spilled its own
    assert two == one
    assert not (tmp_path / "w2" / "shared-store").exists()               # a small shared graph: in memory
    # a shared graph above the size kept in memory: a store on disk, opened by each process
    monkeypatch.setattr(overview_data, "SHARED_IN_MEMORY_BYTES", 0)
    assert read(2, "disk") == one
    assert (tmp_path / "disk" / "shared-store").is_dir()
    people, units, docs, facts, count = one
    assert len(docs) == 5 and len(facts) == 5 and count > 100
    assert any(p.observations for p in people.values()) and any(u.slogans for u in units.values())
