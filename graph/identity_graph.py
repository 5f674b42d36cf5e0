"""Identity decisions to RDF: one `cg:IdentityDecision` per merge or near-miss kept apart.

Each decision node (in the shared graph) says what was decided (`cg:decision` "merge" or
"apart"), by which rule (`cg:rule`: same-name, name-variant, title-match, identity-file,
near-variant, common-name, same-date-conflict, inside-another-tenure), why (`cg:reason`, one sentence), the people it
concerns (`cg:aboutPerson`), the spellings (`cg:spelling`), the post observations of each side
(`cg:sideA`, `cg:sideB`, both sub-properties of `cg:observation`: document, date, post and
quote are on the observation) and the documents (`prov:wasDerivedFrom`). `cadregraph identity`
lists them; `outputs/identity_listing.py` reads them back.
"""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from .iris import digest
from .namespaces import CG, PROV


def add_decisions(ctx, resolution, observations: dict[tuple[str, str], list[URIRef]]) -> None:
    g = ctx.out
    for d in resolution.decisions:
        sides = "\x1e".join("\x1f".join(k) for k in d.left) + "\x1d" + "\x1e".join("\x1f".join(k) for k in d.right)
        node = ctx.iris.observation("identity-decision", d.kind, d.rule, digest(sides))
        if not ctx.first_time(node):
            continue
        g.add((node, RDF.type, CG.IdentityDecision))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, CG.decision, Literal(d.kind)))
        g.add((node, CG.rule, Literal(d.rule)))
        g.add((node, CG.reason, Literal(d.reason)))
        for name in d.names:
            g.add((node, CG.spelling, Literal(name, lang="zh")))
        for prop, keys in ((CG.sideA, d.left), (CG.sideB, d.right)):
            for key in keys:
                person = resolution.people.get(key)
                if person is not None:
                    g.add((node, CG.aboutPerson, ctx.iris.person(person.key)))
                g.add((node, PROV.wasDerivedFrom, ctx.doc_iri(key[1])))
                for obs in observations.get(key, []):
                    g.add((node, prop, obs))
