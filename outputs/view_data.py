"""What the HTML view shows, read from the graph into compact, indexed tables (a list per
kind; rows refer to each other by position), so the page stays small for big corpora. Figures,
slogans and projects are read when their facts are in the graph and are empty otherwise.

The graph is read with plain triple lookups, not SPARQL: rdflib's engine needs minutes for the
wide joins of a thousand-document graph, lookups take seconds on either store.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, QB, RDF, SKOS, TIME, XSD

from cadregraph.graph.careers import one, zh_label
from cadregraph.graph.namespaces import CG, OA, PROV, SDMX_DIMENSION, STATUSES
from cadregraph.graph.partial_dates import PartialDate, sort_key

from .view_text import period_label, source_link

_STATUS = {str(iri): name for name, iri in STATUSES.items()}


class Index:
    """Positions of resources of one kind, in first-seen order, with their rows."""

    def __init__(self):
        self.pos: dict[str, int] = {}
        self.rows: list[dict] = []

    def add(self, key: str, row: dict) -> int:
        if key not in self.pos:
            self.pos[key] = len(self.rows)
            self.rows.append(row)
        return self.pos[key]

    def get(self, key) -> int | None:
        return None if key is None else self.pos.get(str(key))


@dataclass
class ViewData:
    people: Index = field(default_factory=Index)
    posts: Index = field(default_factory=Index)
    orgs: Index = field(default_factory=Index)
    districts: Index = field(default_factory=Index)
    docs: Index = field(default_factory=Index)
    slogans: Index = field(default_factory=Index)
    projects: Index = field(default_factory=Index)
    obs: Index = field(default_factory=Index)
    tenures: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    slogan_uses: list[dict] = field(default_factory=list)
    project_mentions: list[dict] = field(default_factory=list)

    def tables(self) -> dict:
        return {
            "people": self.people.rows, "posts": self.posts.rows, "orgs": self.orgs.rows,
            "districts": self.districts.rows, "docs": self.docs.rows, "slogans": self.slogans.rows,
            "projects": self.projects.rows, "obs": self.obs.rows, "tenures": self.tenures,
            "figures": self.figures, "sloganUses": self.slogan_uses,
            "projectMentions": self.project_mentions,
        }


def _s(value) -> str:
    return "" if value is None else str(value)


def _date_key(value: str):
    return sort_key(PartialDate.parse(value or None))


def collect(g: Graph) -> ViewData:
    data = ViewData()
    _holdings(g, data)
    _people(g, data)
    _tenures(g, data)
    _steps(g, data)
    _figures(g, data)
    _slogans(g, data)
    _projects(g, data)
    return data


def _subjects(g: Graph, cls) -> list:
    return [] if cls is None else sorted(set(g.subjects(RDF.type, cls)))


def _cg(name: str):
    """A term the statistics, slogans or projects vocabulary declares; None without it, and
    the view then leaves that part empty."""
    try:
        return getattr(CG, name)
    except AttributeError:
        return None


def _one_cg(g: Graph, subject, name: str):
    term = _cg(name)
    return None if term is None else one(g, subject, term)


def _district(g: Graph, data: ViewData, iri) -> int | None:
    if iri is None:
        return None
    if data.districts.get(iri) is not None:
        return data.districts.get(iri)
    return data.districts.add(str(iri), {"id": str(iri), "label": _s(zh_label(g, iri))})


def _doc(g: Graph, data: ViewData, iri) -> int:
    """A document as the page names it: title, date, source (a link when it is a web address);
    view.py adds "page", its document page, when those are written."""
    index = data.docs.get(iri)
    if index is not None:
        return index
    source = _s(one(g, iri, DCTERMS.source))
    return data.docs.add(str(iri), {"id": str(iri), "name": _s(one(g, iri, CG.fileName)),
                                    "title": _s(one(g, iri, DCTERMS.title)), "date": _s(one(g, iri, DCTERMS.date)),
                                    "source": source, "link": source_link(source)})


def _fact_date(g: Graph, node, doc) -> str:
    """A fact's date: its sentence's own (a post observation's cg:sentenceDate), else its
    document's — the graph keeps no per-fact copy of the document's date."""
    date = one(g, node, CG.sentenceDate)
    return _s(date if date is not None else one(g, doc, DCTERMS.date))


def _quote(g: Graph, node) -> dict:
    """A fact's quote, the rest of its sentence (or of its clause, for a slogan or project name)
    before and after it, and its span: all on the fact itself (oa:exact, oa:prefix, oa:suffix,
    oa:start; the end is the start plus the quote's length)."""
    exact = one(g, node, OA.exact)
    if exact is None:
        return {"quote": "", "before": "", "after": "", "start": 0, "end": 0}
    start = one(g, node, OA.start)
    start = int(start) if start is not None else 0
    return {"quote": _s(exact), "before": _s(one(g, node, OA.prefix)), "after": _s(one(g, node, OA.suffix)),
            "start": start, "end": start + len(exact)}


def _holdings(g: Graph, data: ViewData) -> None:
    rows = []
    for obs in _subjects(g, CG.PostObservation):
        person, post, doc = one(g, obs, CG.holder), one(g, obs, CG.post), one(g, obs, PROV.wasDerivedFrom)
        if person is None or post is None or doc is None:
            continue
        quote = _quote(g, obs)
        date = _fact_date(g, obs, doc)
        rows.append((_date_key(date), _s(one(g, doc, CG.fileName)), quote["start"], str(obs), obs, person, post, doc, date, quote))
    for *_, obs, person, post, doc, date, quote in sorted(rows, key=lambda r: r[:4]):
        p = data.posts.get(post)
        if p is None:
            org_iri = one(g, post, ORG.postIn)
            district = _district(g, data, one(g, post, CG.district))
            org = data.orgs.get(org_iri)
            if org is None:
                org = data.orgs.add(str(org_iri), {"id": str(org_iri), "label": _s(zh_label(g, org_iri)), "district": district})
            p = data.posts.add(str(post), {"id": str(post), "label": _s(zh_label(g, post)), "org": org, "district": district})
        who = data.people.get(person)
        if who is None:
            who = data.people.add(str(person), {"id": str(person), "label": _s(zh_label(g, person)), "alt": [], "why": [],
                                                "steps": []})
        data.obs.add(str(obs), {"person": who, "post": p, "doc": _doc(g, data, doc), "date": date,
                                "status": _STATUS.get(str(one(g, obs, CG.status)), "holds"),
                                "written": _s(one(g, obs, CG.nameAsWritten))} | quote)


def _people(g: Graph, data: ViewData) -> None:
    for person in data.people.rows:
        iri = URIRef(person["id"])
        person["alt"] = sorted(str(a) for a in g.objects(iri, SKOS.altLabel))
        person["why"] = sorted(str(r) for r in g.objects(iri, CG.mergeReason))


def _tenures(g: Graph, data: ViewData) -> None:
    found = []
    for t in _subjects(g, CG.Tenure):
        person, post = data.people.get(one(g, t, ORG.member)), data.posts.get(one(g, t, CG.ofPost))
        if person is None or post is None:
            continue
        interval = one(g, t, ORG.memberDuring)
        first, last = "", _s(one(g, t, CG.lastSeen))
        end_after = end_before = ""
        if interval is not None:
            first = _instant(g, one(g, interval, TIME.hasBeginning))
            end = one(g, interval, TIME.hasEnd)
            if end is not None:      # the end instant is known by its bounds (careers.py)
                end_after, end_before = _instant(g, one(g, end, TIME.after)), _instant(g, one(g, end, TIME.before))
        obs = sorted((i for i in (data.obs.get(o) for o in g.objects(t, CG.observation)) if i is not None),
                     key=lambda i: (_date_key(data.obs.rows[i]["date"]), i))
        index = one(g, t, CG.holderIndex)
        found.append({"iri": str(t), "person": person, "post": post, "first": first, "last": last,
                      "open": bool(one(g, t, CG.openEnded).toPython()) if one(g, t, CG.openEnded) is not None else True,
                      "ended_after": end_after, "ended_before": end_before, "end_reason": _s(one(g, t, CG.endReason)),
                      "index": int(index) if index is not None else 0, "obs": obs,
                      "pred": _s(one(g, t, CG.predecessor)), "succ": _s(one(g, t, CG.successor))})
    found.sort(key=lambda t: (t["post"], t["index"], t["iri"]))
    position = {t["iri"]: i for i, t in enumerate(found)}
    for t in found:
        t["pred"], t["succ"] = position.get(t["pred"]), position.get(t["succ"])
        del t["iri"]
    data.tenures = found


def _instant(g: Graph, instant) -> str:
    if instant is None:
        return ""
    for p in (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear):
        value = one(g, instant, p)
        if value is not None:
            return str(value)
    return ""


def _steps(g: Graph, data: ViewData) -> None:
    steps = []
    for step in _subjects(g, CG.CareerStep):
        person, index = data.people.get(one(g, step, CG.stepOf)), one(g, step, CG.careerIndex)
        obs = sorted(i for i in (data.obs.get(o) for o in g.objects(step, CG.observation)) if i is not None)
        if person is None or index is None or not obs:
            continue
        changed = one(g, step, CG.postChanged)
        steps.append((person, int(index), {
            "index": int(index), "doc": data.obs.rows[obs[0]]["doc"], "date": data.obs.rows[obs[0]]["date"],
            "changed": bool(changed.toPython()) if changed is not None else False,
            "new": sorted(i for i in (data.posts.get(p) for p in g.objects(step, CG.newPost)) if i is not None),
            "left": sorted(i for i in (data.posts.get(p) for p in g.objects(step, CG.leftPost)) if i is not None)}))
    for person, _, step in sorted(steps, key=lambda s: s[:2]):
        data.people.rows[person]["steps"].append(step)


def _figures(g: Graph, data: ViewData) -> None:
    """Every Data Cube observation about a district (whatever property links it to one), with
    what it has of indicator, value, unit and period, and its quote."""
    # Districts and units are few and every observation names them: look each up once.
    all_districts, units = set(_subjects(g, CG.District)), set(_subjects(g, _cg("UnitOfMeasure")))
    labels: dict = {}
    for obs in _subjects(g, QB.Observation):
        doc = one(g, obs, PROV.wasDerivedFrom)
        links = sorted(g.predicate_objects(obs))
        districts = sorted({o for _, o in links if o in all_districts})
        if doc is None or not districts:
            continue
        indicator, value, unit = "", "", ""
        for p, o in links:
            if isinstance(o, Literal) and o.datatype == XSD.decimal and not value:
                value = str(o)
            elif o in units and not unit:
                if o not in labels:
                    labels[o] = _s(zh_label(g, o))
                unit = labels[o]
            elif p == _cg("indicator") and not indicator:
                if ("indicator", o) not in labels:
                    zh = sorted(x for x in g.objects(o, SKOS.prefLabel) if getattr(x, "language", None) == "zh")
                    labels["indicator", o] = _s(zh[0] if zh else zh_label(g, o))
                indicator = labels["indicator", o]
        quote = _quote(g, obs)
        date = _fact_date(g, obs, doc)
        period = _period(g, obs, date)
        for d in districts:
            data.figures.append({"district": _district(g, data, d), "indicator": indicator or _s(_one_cg(g, obs, "metricAsWritten")),
                                 "value": value, "unit": unit, "period": period, "doc": _doc(g, data, doc), "date": date} | quote)
    data.figures.sort(key=lambda f: (f["district"], _date_key(f["date"]), f["indicator"], f["quote"]))


def _period(g: Graph, obs, date: str) -> str:
    """The figure's period as written, with its year (view_text.period_label)."""
    interval = one(g, obs, SDMX_DIMENSION.refPeriod)
    start = end = ""
    if interval is not None:
        start, end = _instant(g, one(g, interval, TIME.hasBeginning)), _instant(g, one(g, interval, TIME.hasEnd))
    return period_label(_s(_one_cg(g, obs, "periodAsWritten")), start, end, date)


def _slogans(g: Graph, data: ViewData) -> None:
    for use in _subjects(g, _cg("SloganUse")):
        slogan, user, doc = _one_cg(g, use, "slogan"), _one_cg(g, use, "user"), one(g, use, PROV.wasDerivedFrom)
        if slogan is None or user is None or doc is None or (slogan, RDF.type, _cg("Slogan")) not in g:
            continue
        label = one(g, slogan, SKOS.prefLabel) or zh_label(g, slogan)   # slogans are labelled as written
        s = data.slogans.add(str(slogan), {"id": str(slogan), "label": _s(label)})
        district = org = None
        if (user, RDF.type, CG.District) in g:
            district = _district(g, data, user)
        else:
            org = data.orgs.add(str(user), {"id": str(user), "label": _s(zh_label(g, user)), "district": None})
        data.slogan_uses.append({"slogan": s, "district": district, "org": org, "doc": _doc(g, data, doc),
                                 "date": _fact_date(g, use, doc)} | _quote(g, use))
    data.slogan_uses.sort(key=lambda u: (u["slogan"], _date_key(u["date"]), u["doc"]))


def _projects(g: Graph, data: ViewData) -> None:
    """Projects with their district, and every mention of one: document, date, quote."""
    for project in _subjects(g, _cg("Project")):
        district = one(g, project, CG.district)
        if district is not None:
            data.projects.add(str(project), {"id": str(project), "label": _s(zh_label(g, project)),
                                             "district": _district(g, data, district)})
    for mention in _subjects(g, _cg("ProjectMention")):
        project, doc = data.projects.get(_one_cg(g, mention, "project")), one(g, mention, PROV.wasDerivedFrom)
        if project is None or doc is None:
            continue
        data.project_mentions.append({"project": project, "doc": _doc(g, data, doc),
                                      "date": _fact_date(g, mention, doc)} | _quote(g, mention))
    data.project_mentions.sort(key=lambda m: (m["project"], _date_key(m["date"]), m["doc"], m["start"]))
