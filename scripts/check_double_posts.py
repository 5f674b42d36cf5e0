"""Check a built graph for people holding two one-holder posts of different places on one date.

    python scripts/check_double_posts.py OUT        # a build folder, graph file or store

Prints, per person, each date on which the graph has them holding one-holder posts (roles one
person holds at a time: graph/data/role_kinds.tsv) of two places (the post's district, else its
organization's parent body, else the organization), split into doubles that come from two
documents (an identity error: two people merged) and doubles inside one document (an extraction
matter: one speaker line naming two places). Ends with the counts; exit status 1 when any
double comes from two documents. Also prints how many identity decisions the graph holds, by
kind and rule, as `cadregraph identity` lists them.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict

from cadregraph.graph.tenures import role_kind
from cadregraph.outputs.identity_listing import identity_decisions
from cadregraph.outputs.queries import load_store, run_sparql

QUERY = """
PREFIX cg: <https://cadregraph.org/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?person ?label ?post ?postLabel ?role ?place ?date ?doc WHERE {
  ?obs a cg:PostObservation ; cg:holder ?person ; cg:post ?post ; cg:status ?status ;
       dcterms:date ?date ; prov:wasDerivedFrom ?doc .
  FILTER (?status IN (cg:Holds, cg:TakesUp))
  ?person rdfs:label ?label .
  ?post rdfs:label ?postLabel ; org:role/rdfs:label ?role ; org:postIn ?org .
  FILTER (lang(?role) = "zh")
  OPTIONAL { ?post cg:district ?district }
  OPTIONAL { ?org org:subOrganizationOf ?parent }
  BIND (COALESCE(?district, ?parent, ?org) AS ?place)
}
"""


def doubles(store) -> tuple[list, list]:
    held: dict[tuple[str, str], list] = defaultdict(list)
    for r in run_sparql(store, QUERY, "double posts").rows:
        if role_kind(r["role"]) == "single":
            held[(r["person"], r["date"])].append((r["place"], r["postLabel"], r["doc"], r["label"]))
    across, within = [], []
    for (person, date), items in sorted(held.items()):
        for i, (p, post_p, doc_p, label) in enumerate(items):
            for q, post_q, doc_q, _ in items[i + 1:]:
                if p != q:
                    (within if doc_p == doc_q else across).append((label, date, post_p, post_q, doc_p, doc_q))
    return sorted(set(across)), sorted(set(within))


def main(path: str) -> int:
    store = load_store(path)
    across, within = doubles(store)
    for label, date, a, b, da, db in across:
        print(f"TWO DOCUMENTS  {label} {date}: {a} ({da.rsplit('/', 1)[-1]}) and {b} ({db.rsplit('/', 1)[-1]})")
    for label, date, a, b, da, _ in within:
        print(f"one document   {label} {date}: {a} and {b} ({da.rsplit('/', 1)[-1]})")
    decisions = identity_decisions(store)
    counts = Counter((d["decision"], d["rule"]) for d in decisions)
    print(f"people holding one-holder posts of two places on one date, from two documents: {len(across)}")
    print(f"the same inside one document: {len(within)}")
    print("identity decisions: " + ", ".join(f"{k} {r} {n}" for (k, r), n in sorted(counts.items())))
    return 1 if across else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "out"))
