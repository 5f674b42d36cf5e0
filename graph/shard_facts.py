"""The facts of one document into its shard (shard.py): one function per kind of fact, each
writing the document's own nodes as strings and handing shared nodes to `w.nodes` and
corpus-wide inputs (mentions, slogan forms, project names) to `w.rows`."""
from __future__ import annotations

from collections import defaultdict

from cadregraph.extractors.facts import Holding
from cadregraph.extractors.indicators import vocabulary
from cadregraph.extractors.metric_facts import Metric
from cadregraph.extractors.slogan_facts import ProjectMention, SloganUse

from . import nt
from .namespaces import DEFAULT_USER_RULE
from .metrics import _identity
from .slogans import _unit_id
from .tenures import role_kind
from .shard import _V, P


def add_holdings(w, holdings: list[Holding]) -> None:
    seen: set[tuple] = set()
    for seq, h in enumerate(holdings):
        key = (h.person, h.post.key)
        if key in seen:
            continue
        seen.add(key)
        post_iri = w.nodes.post(h.post)
        obs = str(w.iris.observation("holding", w.doc_iri, "name:" + h.person, post_iri))
        s, add = nt.iri(obs), w.add
        add(s, P["type"], P["PostObservation"])
        add(s, P["post"], nt.iri(post_iri))
        add(s, P["postAsWritten"], nt.zh(h.post_as_written))
        add(s, P["nameAsWritten"], nt.zh(h.person_as_written or h.person))
        add(s, P["status"], _V[h.status])
        if h.concurrent:
            add(s, P["concurrent"], nt.boolean(True))
        # The date is the sentence's own, else the document's: no per-fact copy of the
        # document's date (queries join through prov:wasDerivedFrom).
        date = h.date or w.doc.date.value
        if h.date:
            add(s, P["sentenceDate"], nt.date(h.date))
        w.evidence(s, h.evidence)
        post = h.post
        top = post.org.parent or post.org
        district = post.district
        # the place that makes two one-holder posts incompatible (identity, tenure ends): the
        # district, else the body (a bureau's 党组 and the bureau are one place)
        place_iri = (w.nodes.place(district) if district is not None
                     else str(w.iris.organization(post.org.parent.key)) if post.org.parent is not None
                     else str(w.iris.organization(post.org.key)))
        w.rows["holdings"].append((
            seq, h.person, post.key, top.key if top.kind != "central" else "",
            district.id if district is not None else "", obs, post_iri,
            str(w.iris.organization(post.org.key)), str(w.iris.role(post.role_id)), post.role,
            date or "", h.status, district.id if district is not None else top.key,
            int(role_kind(post.role) == "single"), post.label, h.evidence.quote, place_iri))


def add_metrics(w, metrics: list[Metric]) -> None:
    dataset = nt.iri(str(w.iris.concept("dataset", "reported-figures")))
    seen: set[tuple] = set()
    units = {u.canonical: u for u in reversed(list(vocabulary().units.values()))}
    for m in metrics:
        key = _identity(m)
        if key in seen:          # the same figure twice in one document (a repeated passage)
            continue
        seen.add(key)
        s, add = nt.iri(str(w.iris.observation("figure", *(str(k) for k in key)))), w.add
        add(s, P["type"], P["Observation"])
        add(s, P["dataSet"], dataset)
        add(s, P["refArea"], nt.iri(w.nodes.place(m.area)))
        indicator = (str(w.iris.concept("indicator", m.indicator)) if m.indicator
                     else w.nodes.indicator_as_written(m.metric))
        add(s, P["indicator"], nt.iri(indicator))
        add(s, P["statisticType"], _V[m.growth])
        add(s, P["figureKind"], _V[m.kind])
        add(s, P["obsValue"], nt.decimal(m.value))
        add(s, P["unitMeasure"], nt.iri(w.nodes.unit(units[m.unit])))
        add(s, P["metricAsWritten"], nt.zh(m.metric))
        _metric_attributes(w, s, m)
        w.evidence(s, m.evidence)
    w.rows["metrics"].append((len(seen),))


def _metric_attributes(w, s: str, m: Metric) -> None:
    add = w.add
    if m.period is not None:
        if m.period.start and m.period.end:
            add(s, P["refPeriod"], nt.iri(w.nodes.interval(m.period.start, m.period.end)))
        add(s, P["periodAsWritten"], nt.zh(m.period.written))
        if m.period.inferred:
            add(s, P["periodInferred"], nt.boolean(True))
    if m.qualifier:
        add(s, P["qualifier"], _V[m.qualifier])
        add(s, P["qualifierAsWritten"], nt.zh(m.qualifier_as_written))
    if m.scope:
        add(s, P["scope"], _V[m.scope])
    reporter = w.unit_iri(m.reporter)
    if reporter is not None:
        add(s, P["reportedBy"], nt.iri(reporter))
    if m.summary:
        add(s, P["inSummary"], nt.boolean(True))
    if m.repaired:
        add(s, P["repairedFrom"], nt.text(m.metric))


def add_slogans(w, uses: list[SloganUse]) -> None:
    groups: dict[tuple[str, str], list[SloganUse]] = defaultdict(list)
    for use in uses:
        groups[(use.key, _unit_id(use.unit))].append(use)
        w.rows["slogans"].append((use.key, use.text, use.kind, use.original))
    for (key, _unit), group in sorted(groups.items()):
        concept = str(w.iris.concept("slogan", key))
        first = min(group, key=lambda u: u.evidence.start)
        user = w.unit_iri(first.unit)
        s = nt.iri(str(w.iris.observation("slogan-use", w.doc_iri, user or "document", concept)))
        add = w.add
        add(s, P["type"], P["SloganUse"])
        add(s, P["slogan"], nt.iri(concept))
        if user is not None:
            add(s, P["user"], nt.iri(user))
        if first.user_rule != DEFAULT_USER_RULE:      # absent: the default (ontology/slogans.ttl)
            add(s, P["userRule"], nt.text(first.user_rule))
        if len(group) > 1:      # absent: once (ontology/slogans.ttl)
            add(s, P["occurrences"], nt.integer(len(group)))
        w.evidence(s, first.evidence, first.span)


def add_projects(w, mentions: list[ProjectMention]) -> None:
    by_project: dict[tuple[str, str], list[ProjectMention]] = defaultdict(list)
    for seq, m in enumerate(mentions):
        district_id = m.district.id if m.district is not None else ""
        by_project[(district_id, m.key)].append(m)
        district = w.nodes.place(m.district) if m.district is not None else ""
        w.rows["projects"].append((seq, district_id, m.key, m.name, m.type, district))
    for (district_id, key), group in sorted(by_project.items()):
        project = str(w.iris.concept("project", f"{district_id}|{key}"))
        by_name: dict[str, ProjectMention] = {}
        for m in sorted(group, key=lambda m: m.evidence.start):
            by_name.setdefault(m.name, m)
        for i, mention in enumerate(by_name.values()):
            _project_mention(w, project, mention, spelling=mention.name if i else "")


def _project_mention(w, project: str, mention: ProjectMention, spelling: str) -> None:
    # the first spelling keeps the IRI a mention had before spellings were told apart
    parts = (w.doc_iri, project) + ((spelling,) if spelling else ())
    s, add = nt.iri(str(w.iris.observation("project-mention", *parts))), w.add
    add(s, P["type"], P["ProjectMention"])
    add(s, P["project"], nt.iri(project))
    reporter = w.unit_iri(mention.unit)
    if reporter is not None:
        add(s, P["reportedBy"], nt.iri(reporter))
    exact = w.evidence(s, mention.evidence, mention.span)
    # The name as this document writes it (the table shows each document's own spelling): the
    # quote already is that name, unless the name could not be found inside its clause.
    if exact != mention.name:
        add(s, P["label"], nt.zh(mention.name))
