"""Derived career facts, recomputed from the post observations on every build.

What is written (terms in `ontology/careers.ttl`; the rules are in `tenures.py`):

- one `cg:Tenure` (an `org:Membership` by its class, not typed so again) per person and post — per stretch of it, when the
  person left and came back — with `org:member`, `org:organization`, `org:role`, `cg:ofPost`,
  `cg:firstSeen` / `cg:lastSeen` (the dates the documents attest) and `org:memberDuring` a
  `time:Interval` (by org:memberDuring's range, not typed). Its `time:hasBeginning` is a `time:Instant` placed at the first sighting
  (`time:inXSDDate`, `time:inXSDgYearMonth` or `time:inXSDgYear`, as precise as the source).
  Its `time:hasEnd` is a `time:Instant` whose place is known only by bounds: `time:after` an
  instant placed at the last date the person is seen holding the post and, when something
  shows the end (`tenure_ends.py`), `time:before` an instant placed at that bound, with
  `cg:endReason` (successor, left, other-post) and `cg:endEvidence` (the observation).
  `cg:openEnded true` says nothing closed it (the person may hold the post still).
  `cg:openBeginning`: `false` only when an observation says they took the post up then.
- per post, `cg:holderIndex` on each tenure in date order, and `cg:predecessor` /
  `cg:successor` between tenures where the order is certain and one person holds it at a time;
- per person, one `cg:CareerStep` per document and date with the posts held there
  (`cg:heldPost`), `cg:careerIndex`, `cg:previousStep`, `cg:newPost`, `cg:leftPost` and
  `cg:postChanged`.
Every derived node links to the observations it rests on (`cg:observation`).
"""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, TIME, XSD

from .namespaces import CG
from .tenure_ends import PostInfo, close_tenures
from .tenures import Sighting, Step, Tenure, build_tenures, career_steps, order_holders, role_kind

def career_triples(ctx, sightings: list[Sighting], posts: dict[str, dict]) -> list[tuple]:
    """Tenures (with their ends), successions and career steps of the sightings, as triples;
    `posts`: {post IRI: {"org", "role", "place", "role_label"}}. A pure function of plain rows,
    shared by the in-memory graph and the streaming corpus pass (shared.py)."""
    tenures = build_tenures(sightings)
    by_post: dict[str, list[Tenure]] = {}
    for t in tenures:
        by_post.setdefault(t.post, []).append(t)
    for post, group in sorted(by_post.items()):
        order_holders(group, single_holder=role_kind(posts[post]["role_label"]) == "single")
    close_tenures(tenures, {p: PostInfo(role_kind(info["role_label"]) == "single", str(info["place"]))
                            for p, info in posts.items()})
    membership = {p for p, info in posts.items() if role_kind(info["role_label"]) == "membership"}
    triples: list[tuple] = []
    iris = {id(t): _tenure_iri(ctx, t) for t in tenures}
    for t in tenures:
        triples.extend(_tenure_triples(t, iris, posts[t.post]))
    for person_steps in career_steps(sightings, membership).values():
        step_iris = {id(s): _step_iri(ctx, s) for s in person_steps}
        for s in person_steps:
            triples.extend(_step_triples(s, step_iris))
    return triples


def one(g, subject, predicate):
    """The value of a property (the least, if a resource has several, so builds are stable)."""
    values = list(g.objects(subject, predicate))
    return min(values) if values else None


def zh_label(g, subject):
    labels = sorted(o for o in g.objects(subject, RDFS.label) if getattr(o, "language", None) == "zh")
    return labels[0] if labels else one(g, subject, RDFS.label)


def _tenure_iri(ctx, t: Tenure) -> URIRef:
    return ctx.iris.observation("tenure", t.person, t.post, str(t.number))


def _step_iri(ctx, s: Step) -> URIRef:
    return ctx.iris.observation("career-step", s.person, s.doc, s.date.value if s.date else "")


def _tenure_triples(t: Tenure, iris: dict[int, URIRef], post: dict) -> list[tuple]:
    node = iris[id(t)]
    person, post_iri = URIRef(t.person), URIRef(t.post)
    out = [
        (node, RDF.type, CG.Tenure),          # an org:Membership by its class (ontology/careers.ttl)
        (node, ORG.member, person),
        (node, CG.ofPost, post_iri),
        (node, CG.openBeginning, Literal(not t.started)),
        (node, CG.openEnded, Literal(t.open_ended)),
        (node, CG.holderIndex, Literal(t.holder_index, datatype=XSD.integer)),
    ]
    if post["org"] is not None:
        out.append((node, ORG.organization, post["org"]))
    if post["role"] is not None:
        out.append((node, ORG.role, post["role"]))
    out += [(node, CG.observation, URIRef(s.obs)) for s in t.sightings]
    if t.begin is not None:
        out += [(node, CG.firstSeen, t.begin.literal()), (node, CG.lastSeen, t.end.literal())]
        out += _interval_triples(node, t)
    if t.end_reason is not None:
        out += [(node, CG.endReason, Literal(t.end_reason)), (node, CG.endEvidence, URIRef(t.end_evidence))]
    if t.predecessor is not None:
        out.append((node, CG.predecessor, iris[id(t.predecessor)]))
    if t.successor is not None:
        out.append((node, CG.successor, iris[id(t.successor)]))
    return out


def _interval_triples(node: URIRef, t: Tenure) -> list[tuple]:
    """OWL-Time: the beginning placed at the first sighting; the end an instant known by its
    bounds (after the last date held, before what shows the end)."""
    interval, begin, end = URIRef(f"{node}-interval"), URIRef(f"{node}-begin"), URIRef(f"{node}-end")
    # the interval is a time:Interval by the range of org:memberDuring: no type written
    out = [(node, ORG.memberDuring, interval),
           (interval, TIME.hasBeginning, begin), (interval, TIME.hasEnd, end), (end, RDF.type, TIME.Instant)]
    out += t.begin.instant_triples(begin)
    if t.end_after is not None:
        after = URIRef(f"{node}-end-after")
        out += [(end, TIME.after, after)] + t.end_after.instant_triples(after)
    if t.end_before is not None:
        before = URIRef(f"{node}-end-before")
        out += [(end, TIME.before, before)] + t.end_before.instant_triples(before)
    return out


def _step_triples(s: Step, iris: dict[int, URIRef]) -> list[tuple]:
    node = iris[id(s)]
    out = [(node, RDF.type, CG.CareerStep), (node, CG.stepOf, URIRef(s.person))]
    out += [(node, CG.observation, URIRef(x.obs)) for x in s.sightings]
    out += [(node, CG.heldPost, URIRef(p)) for p in s.held]
    out += [(node, CG.leftPost, URIRef(p)) for p in s.left]
    if s.date is not None:
        out.append((node, DCTERMS.date, s.date.literal()))
    if s.index is not None:
        out += [(node, CG.careerIndex, Literal(s.index, datatype=XSD.integer)),
                (node, CG.postChanged, Literal(s.changed))]
        out += [(node, CG.newPost, URIRef(p)) for p in s.new]
    if s.previous is not None:
        out.append((node, CG.previousStep, iris[id(s.previous)]))
    return out
