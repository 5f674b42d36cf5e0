"""Scoring extraction against hand-annotated gold files (`cadregraph evaluate`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS

from cadregraph.outputs.tables import table_rows

from .gold import load_gold
from .holdings import score_holdings
from .metrics import score_metrics
from .projects import score_projects
from .scoring import Score
from .slogans import SLOGAN_SCORERS


@dataclass
class Evaluation:
    scores: list[Score]
    documents_scored: list[str]


def person_labels(g: Graph) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for person in g.subjects(RDF.type, FOAF.Person):
        labels = {str(o) for o in g.objects(person, RDFS.label)} | {str(o) for o in g.objects(person, SKOS.altLabel)}
        for label in g.objects(person, RDFS.label):
            out.setdefault(str(label), set()).update(labels)
    return out


def rows_by_document(g: Graph, table: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in table_rows(g, table):
        out.setdefault(Path(row["document"]).stem, []).append(row)
    return out


def evaluate_graph(g: Graph, gold_folder: Path | str) -> Evaluation:
    gold = load_gold(gold_folder)
    built = {str(o) for o in g.objects(None, DCTERMS.identifier)}
    gold = {k: v for k, v in gold.items() if k in built}
    scores = [score_holdings(gold, rows_by_document(g, "holdings"), person_labels(g))]
    for scorer in EXTRA_SCORERS:
        scores.append(scorer(g, gold))
    return Evaluation(scores, sorted(gold))

# Scorers for other fact kinds register here: callables (graph, gold_by_doc) -> Score.
EXTRA_SCORERS: list = [score_metrics, *SLOGAN_SCORERS, score_projects]
