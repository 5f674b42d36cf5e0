"""Derived careers: tenures (first/last seen as OWL-Time intervals), successions and career
steps — the rules on small tables of sightings, then in the graph built from the seeds."""
from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, TIME, XSD

from cadregraph.graph.build import build_graph
from cadregraph.graph.namespaces import CG
from cadregraph.graph.partial_dates import PartialDate
from cadregraph.graph.tenures import Sighting, build_tenures, career_steps, order_holders, role_kind
from cadregraph.pipeline import extract_document

from helpers import make_document


def s(person, post, doc, date, status="holds"):
    return Sighting(f"obs-{person}-{post}-{doc}", person, post, doc, PartialDate.parse(date), status)


# ---------------------------------------------------------------- dates of any precision

@pytest.mark.parametrize("earlier, later", [
    ("2023-12-31", "2024"), ("2024", "2024-01"), ("2024-01", "2024-01-23"), ("2024-01-23", "2024-02"),
    ("2023-10", "2023-10-24"), ("2024-12", "2025"),
])
def test_partial_dates_sort_without_inventing_a_day(earlier, later):
    a, b = PartialDate(earlier), PartialDate(later)
    assert a < b and sorted([b, a]) == [a, b]


@pytest.mark.parametrize("a, b, certain", [
    ("2024-01", "2024-02-01", True), ("2024-01", "2024-01-31", False), ("2024", "2024-06", False),
    ("2023-12-31", "2024-01", True), ("2024-01-23", "2024-01", False),
])
def test_certainly_before_only_when_the_ranges_do_not_overlap(a, b, certain):
    assert PartialDate(a).certainly_before(PartialDate(b)) is certain


@pytest.mark.parametrize("value", ["", "2024-13", "2024-02-30", "24-01", "tomorrow", None])
def test_bad_dates_are_no_dates(value):
    assert PartialDate.parse(value) is None


def test_literals_keep_their_precision():
    assert PartialDate("2024-01").literal() == Literal("2024-01", datatype=XSD.gYearMonth)
    triples = PartialDate("2024").instant_triples(URIRef("x:i"))
    assert (URIRef("x:i"), TIME.inXSDgYear, Literal("2024", datatype=XSD.gYear)) in triples


# ---------------------------------------------------------------- tenures

def test_one_tenure_from_first_to_last_seen():
    [t] = build_tenures([s("A", "P", "d2", "2024-01"), s("A", "P", "d1", "2023-10-24"), s("A", "P", "d3", "2025")])
    assert (t.begin.value, t.end.value) == ("2023-10-24", "2025")
    assert not t.started and not t.ended


def test_leaving_closes_a_tenure_and_coming_back_opens_another():
    tenures = build_tenures([s("A", "P", "d1", "2020-03"), s("A", "P", "d2", "2021-05", "leaves"),
                             s("A", "P", "d3", "2023-01", "takes-up"), s("A", "P", "d4", "2024")])
    assert [(t.begin.value, t.end.value, t.ended, t.started) for t in tenures] == [
        ("2020-03", "2021-05", True, False), ("2023-01", "2024", False, True)]


def test_an_earlier_career_layer_closes_its_tenure():
    # "曾任P" (held) in 2022, then appointed to P again in 2024: two tenures
    tenures = build_tenures([s("A", "P", "d1", "2022", "held"), s("A", "P", "d2", "2024-02", "takes-up")])
    assert [(t.begin.value, t.ended, t.started) for t in tenures] == [("2022", True, False), ("2024-02", False, True)]


def test_proposed_is_not_holding():
    assert build_tenures([s("A", "P", "d1", "2024-01", "proposed")]) == []


def test_undated_sightings_join_the_tenure_without_moving_its_dates():
    [t] = build_tenures([s("A", "P", "d1", "2024-01"), s("A", "P", "d2", None)])
    assert len(t.sightings) == 2 and (t.begin.value, t.end.value) == ("2024-01", "2024-01")


# ---------------------------------------------------------------- successions

def holders(sightings, single=True):
    tenures = build_tenures(sightings)
    order_holders(tenures, single_holder=single)
    return tenures


def test_holders_in_date_order_with_predecessors():
    a, b, c = holders([s("C", "P", "d3", "2025-01-23"), s("A", "P", "d1", "2023-10-24"), s("B", "P", "d2", "2024-01")])
    assert [(t.person, t.holder_index) for t in (a, b, c)] == [("A", 1), ("B", 2), ("C", 3)]
    assert (b.predecessor, b.successor, a.predecessor) == (a, c, None)


def test_overlapping_holders_of_a_single_post_are_not_linked():
    a, b = holders([s("A", "P", "d1", "2023-10"), s("A", "P", "d3", "2024-06"), s("B", "P", "d2", "2024-01")])
    assert b.predecessor is None and a.successor is None


def test_an_inner_overlap_does_not_hide_the_real_predecessor():
    a, b, c = holders([s("A", "P", "d1", "2023-10"), s("A", "P", "d3", "2025-04"), s("B", "P", "d2", "2024-01"),
                       s("C", "P", "d4", "2025-06")])
    assert c.predecessor is a and b.predecessor is None and b.successor is None


def test_an_observed_handover_links_holders_seen_in_the_same_month():
    a, b = holders([s("A", "P", "d1", "2023-05"), s("A", "P", "d2", "2024-01", "leaves"),
                    s("B", "P", "d2", "2024-01", "takes-up")])
    assert b.predecessor is a


def test_same_month_without_a_handover_is_not_an_order():
    a, b = holders([s("A", "P", "d1", "2024-01"), s("B", "P", "d2", "2024-01-15")])
    assert b.predecessor is None


def test_shared_posts_are_numbered_but_not_chained():
    tenures = holders([s("A", "D", "d1", "2023"), s("B", "D", "d2", "2024")], single=False)
    assert [t.holder_index for t in tenures] == [1, 2] and all(t.predecessor is None for t in tenures)


@pytest.mark.parametrize("role, kind", [("书记", "single"), ("区长", "single"), ("代表", "membership"),
                                        ("常委", "shared"), ("副区长", "shared"), ("常务副区长", "single"),
                                        ("副秘书长", "shared")])
def test_role_kinds(role, kind):
    assert role_kind(role) == kind


# ---------------------------------------------------------------- career steps

def test_a_new_post_changes_the_career_and_fewer_posts_do_not():
    steps = career_steps([s("A", "区长", "d1", "2023-10-24"),
                          s("A", "区长", "d2", "2025-01-23"), s("A", "书记", "d2", "2025-01-23"),
                          s("A", "书记", "d3", "2025-04-24")], membership_posts=set())["A"]
    assert [(st.index, st.changed, st.new) for st in steps] == [(1, False, ["区长"]), (2, True, ["书记"]), (3, False, [])]
    assert steps[2].previous is steps[1]


def test_a_first_membership_is_not_a_change():
    steps = career_steps([s("A", "书记", "d1", "2023-10-24"), s("A", "书记", "d2", "2024-01"),
                          s("A", "人大代表", "d2", "2024-01")], membership_posts={"人大代表"})["A"]
    assert [st.changed for st in steps] == [False, False]


def test_leaving_is_a_change_and_undated_steps_take_no_place():
    steps = career_steps([s("A", "P", "d1", "2023"), s("A", "P", "d2", "2024", "leaves"), s("A", "Q", "d3", None)],
                         membership_posts=set())["A"]
    assert [(st.index, st.changed, st.left) for st in steps] == [(1, False, []), (2, True, ["P"]), (None, False, [])]


# ---------------------------------------------------------------- in the graph

def _tenure(g, person, post):
    p = next(g.subjects(RDFS.label, Literal(person, lang="zh")))
    q = next(x for x in g.subjects(RDFS.label, Literal(post, lang="zh")) if (x, RDF.type, ORG.Post) in g)
    [t] = [t for t in g.subjects(ORG.member, p) if (t, CG.ofPost, q) in g]
    return t


def _interval(g, t):
    """The beginning's position, and the end instant's bounds: {"after": (prop, literal), "before": …}."""
    interval = g.value(t, ORG.memberDuring)
    begin, end = g.value(interval, TIME.hasBeginning), g.value(interval, TIME.hasEnd)
    bounds = {}
    for name, prop in (("after", TIME.after), ("before", TIME.before)):
        instant = g.value(end, prop)
        if instant is not None:
            [position] = [(p, o) for p, o in g.predicate_objects(instant) if p != RDF.type]
            bounds[name] = position
    return list(g.predicate_objects(begin)), bounds


def test_seed_tenure_is_an_interval_with_the_real_precision(seeds_graph):
    g = seeds_graph
    t = _tenure(g, "石强", "彭水苗族土家族自治县委书记")
    assert (t, RDF.type, CG.Tenure) in g          # an org:Membership by its class, not written again
    assert (t, RDF.type, ORG.Membership) not in g
    begin, end = _interval(g, t)
    assert (TIME.inXSDDate, Literal("2023-10-24", datatype=XSD.date)) in begin
    assert end["after"] == (TIME.inXSDgYearMonth, Literal("2024-01", datatype=XSD.gYearMonth))
    assert g.value(t, CG.lastSeen) == Literal("2024-01", datatype=XSD.gYearMonth)
    # seen next as a city body's party secretary: the county post ended before that
    assert end["before"] == (TIME.inXSDDate, Literal("2025-04-24", datatype=XSD.date))
    assert g.value(t, CG.openEnded) == Literal(False) and g.value(t, CG.openBeginning) == Literal(True)
    assert len(list(g.objects(t, CG.observation))) == 2


def test_seed_successions(seeds_graph):
    g = seeds_graph
    assert g.value(_tenure(g, "江夏", "长寿区委书记"), CG.predecessor) == _tenure(g, "刘小强", "长寿区委书记")
    assert g.value(_tenure(g, "姜天波", "綦江区委书记"), CG.successor) == _tenure(g, "尹国喜", "綦江区委书记")
    assert g.value(_tenure(g, "聂红焰", "重庆高新区党工委书记"), CG.predecessor) == _tenure(g, "张安疆", "重庆高新区党工委书记")
    # a people's-congress seat is shared: numbered, never chained
    deputy = _tenure(g, "石强", "重庆市人大代表")
    assert g.value(deputy, CG.holderIndex) is not None and g.value(deputy, CG.predecessor) is None


def test_seed_career_flags_the_change_of_post(seeds_graph):
    g = seeds_graph
    shi = next(g.subjects(RDFS.label, Literal("石强", lang="zh")))
    steps = sorted(((int(g.value(st, CG.careerIndex)), st) for st in g.subjects(CG.stepOf, shi)))
    assert [g.value(st, CG.postChanged).toPython() for _, st in steps] == [False, False, True]
    new = {str(g.value(p, RDFS.label)) for p in g.objects(steps[2][1], CG.newPost)}
    assert new == {"重庆市文化旅游委党委书记"}


def test_careers_are_recomputed_from_the_observations_on_every_build():
    text = "江北区委书记 李明远\n\n江北区深入学习贯彻。\n"
    docs = [make_document(text, "a", "2023-05"), make_document(text.replace("李明远", "赵新成"), "b", "2024-09")]
    facts = [f for d in docs for f in extract_document(d)]
    g = build_graph(docs, facts)
    assert g.value(_tenure(g, "赵新成", "江北区委书记"), CG.predecessor) == _tenure(g, "李明远", "江北区委书记")
    # an observation that 李明远 left the post in the later document closes his tenure there
    leaves = replace(facts[0], status="leaves", evidence=replace(facts[0].evidence, doc_id="b"))
    g2 = build_graph(docs, facts + [leaves])
    t = _tenure(g2, "李明远", "江北区委书记")
    assert g2.value(t, CG.openEnded) == Literal(False)
    _, end = _interval(g2, t)
    assert end == {"after": (TIME.inXSDgYearMonth, Literal("2023-05", datatype=XSD.gYearMonth)),
                   "before": (TIME.inXSDgYearMonth, Literal("2024-09", datatype=XSD.gYearMonth))}
    assert g2.value(t, CG.endReason) == Literal("left")
    assert g2.value(_tenure(g2, "赵新成", "江北区委书记"), CG.predecessor) == t


def test_careers_ontology_declares_every_term_it_uses():
    from rdflib import Graph
    from importlib import resources

    onto = Graph().parse(data=resources.files("cadregraph.ontology").joinpath("careers.ttl").read_text("utf-8"),
                         format="turtle")
    names = ("Tenure CareerStep ofPost openBeginning openEnded holderIndex predecessor successor observation "
             "stepOf heldPost leftPost newPost careerIndex previousStep postChanged firstSeen lastSeen endReason "
             "endEvidence IdentityDecision decision reason aboutPerson spelling sideA sideB").split()
    for name in names:
        term = getattr(CG, name)
        langs = {lbl.language for lbl in onto.objects(term, RDFS.label)}
        assert {"en", "zh"} <= langs, name
        assert onto.value(term, RDFS.comment) is not None, name


# ---------------------------------------------------------------- tenures that end

def ended(sightings, posts):
    from cadregraph.graph.tenure_ends import PostInfo, close_tenures

    tenures = build_tenures(sightings)
    for post in {t.post for t in tenures}:
        order_holders([t for t in tenures if t.post == post], single_holder=posts[post][1])
    close_tenures(tenures, {p: PostInfo(single, place) for p, (place, single) in posts.items()})
    return {(t.person, t.post, t.number): (t.open_ended, str(t.end_after) if t.end_after else None,
                                           str(t.end_before) if t.end_before else None, t.end_reason) for t in tenures}


ONE_PLACE = {"P": ("x", True), "Q": ("y", True), "R": ("x", True), "S": ("x", False)}


def test_a_tenure_ends_before_its_successor_is_first_seen():
    out = ended([s("A", "P", "d1", "2023-10-24"), s("B", "P", "d2", "2025-01-23")], ONE_PLACE)
    assert out[("A", "P", 1)] == (False, "2023-10-24", "2025-01-23", "successor")
    assert out[("B", "P", 1)] == (True, "2025-01-23", None, None)


def test_a_tenure_ends_when_the_person_is_seen_leaving():
    out = ended([s("A", "P", "d1", "2023-05"), s("A", "P", "d2", "2024-09", "leaves")], ONE_PLACE)
    assert out[("A", "P", 1)] == (False, "2023-05", "2024-09", "left")


def test_a_tenure_ends_when_the_person_is_seen_in_a_post_of_another_place():
    out = ended([s("A", "P", "d1", "2022"), s("A", "Q", "d2", "2024-01")], ONE_PLACE)
    assert out[("A", "P", 1)] == (False, "2022", "2024-01", "other-post")
    assert out[("A", "Q", 1)][0] is True


def test_posts_of_one_place_and_shared_posts_do_not_end_each_other():
    out = ended([s("A", "P", "d1", "2022"), s("A", "R", "d2", "2024-01"), s("A", "S", "d3", "2024-06"),
                 s("B", "S", "d4", "2025")], ONE_PLACE)
    assert all(v[0] for v in out.values())


def test_overlapping_or_same_month_sightings_do_not_end_a_tenure():
    out = ended([s("A", "P", "d1", "2024-01"), s("B", "P", "d2", "2024-01-15")], ONE_PLACE)
    assert out[("A", "P", 1)][0] is True and out[("B", "P", 1)][0] is True


def test_the_tightest_bound_wins_and_keeps_its_precision():
    out = ended([s("A", "P", "d1", "2023-03-01"), s("A", "Q", "d2", "2024"), s("B", "P", "d3", "2023-11")], ONE_PLACE)
    assert out[("A", "P", 1)] == (False, "2023-03-01", "2023-11", "successor")
    out = ended([s("A", "P", "d1", "2023-03-01"), s("A", "Q", "d2", "2024-06"), s("B", "P", "d3", "2024")], ONE_PLACE)
    assert out[("A", "P", 1)] == (False, "2023-03-01", "2024-06", "other-post")


def test_biography_posts_with_their_own_dates_take_part():
    # 2016年任韶山市委书记，2019年任湘潭县委书记: the first post ended between the two dates
    doc = make_document("邵建平，男，1970年生，2016年任韶山市委书记，2019年任湘潭县委书记。\n", "bio", "2024-01-05")
    g = build_graph([doc], list(extract_document(doc)))
    t = _tenure(g, "邵建平", "韶山市委书记")
    _, end = _interval(g, t)
    assert end == {"after": (TIME.inXSDgYear, Literal("2016", datatype=XSD.gYear)),
                   "before": (TIME.inXSDgYear, Literal("2019", datatype=XSD.gYear))}
    assert g.value(t, CG.endReason) == Literal("other-post")
    assert g.value(_tenure(g, "邵建平", "湘潭县委书记"), CG.openEnded) == Literal(True)


def test_seed_changshou_tenure_ends_before_the_successor_begins(seeds_graph):
    g = seeds_graph
    t = _tenure(g, "刘小强", "长寿区委书记")
    successor = _tenure(g, "江夏", "长寿区委书记")
    _, end = _interval(g, t)
    assert end["before"][1] == g.value(successor, CG.firstSeen) == Literal("2025-01-23", datatype=XSD.date)
    assert end["after"][1] == Literal("2023-10-24", datatype=XSD.date)
    assert g.value(t, CG.openEnded) == Literal(False) and g.value(successor, CG.openEnded) == Literal(True)
