"""Scoring reported figures: district + metric + value (with its sign) + growth or level.

Recall is measured on the gold figures marked headline. A predicted figure that matches no
headline figure but does match a minor gold figure counts neither way (extracting it is not
wrong); any other prediction is a false positive.

Metrics are compared through the indicator vocabulary (GDP = 地区生产总值, 固投 = 固定资产投资,
社零 = 社零总额 = 社会消费品零售总额, 规上 = 规模以上, 增速 = 增长): two metrics that both name a
controlled indicator must name the same one; two that name none must contain one another once
normalised; a controlled indicator never matches a metric outside the vocabulary.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

import regex
from rdflib import Graph

from cadregraph.extractors.indicators import vocabulary
from cadregraph.outputs.tables import table_rows

from .gold import norm
from .scoring import Score, match

_NOTE = regex.compile(r"[（(][^）)]*[）)]")
_RATE_WORD = regex.compile(r"(?:增速|增长|增幅)$")


def metric_key(text: str) -> tuple[str | None, str]:
    """(indicator id or None, normalised text) for a metric as written or labelled."""
    vocab = vocabulary()
    text = _NOTE.sub("", norm(text))
    text = _RATE_WORD.sub("", text) or text
    core, _ = vocab.strip(text)
    indicator, _ = vocab.lookup(core)
    return (indicator.id if indicator else None), core.replace("规模以上", "规上")


def same_metric(a: str, b: str) -> bool:
    (ia, ta), (ib, tb) = metric_key(a), metric_key(b)
    if ia or ib:
        return ia == ib
    return bool(ta and tb) and (ta in tb or tb in ta)


def _value(v) -> Decimal | None:
    try:
        return Decimal(str(v))
    except (InvalidOperation, ValueError):
        return None


def _gold_value(item: dict) -> Decimal | None:
    value = _value(item.get("value"))
    if value is not None and item.get("direction") == "下降" and value > 0:
        value = -value
    return value


def _same(gold: tuple[str, dict], pred: tuple[str, dict]) -> bool:
    (gdoc, g), (pdoc, p) = gold, pred
    return (gdoc == pdoc and norm(g.get("district")) == norm(p["district"])
            and _gold_value(g) is not None and _gold_value(g) == _value(p["value"])
            and bool(g.get("change")) == (p["is_growth"] == "true")
            and same_metric(g.get("metric") or "", p["metric"]))


def predicted_figures(g: Graph) -> list[tuple[str, dict]]:
    out = []
    for row in table_rows(g, "metrics"):
        out.append((Path(row["document"]).stem, {**row, "metric": row["indicator"]}))
    return out


def score_metrics(g: Graph, gold_docs: dict[str, dict]) -> Score:
    headline, minor = [], []
    for doc_id, gold in gold_docs.items():
        for item in gold.get("metrics", []):
            (headline if item.get("headline") else minor).append((doc_id, item))
    predicted = [p for p in predicted_figures(g) if p[0] in gold_docs]
    score = match("metrics (headline)", headline, predicted, _same)
    # Unmatched predictions that are minor gold figures are not errors.
    score.false_positives = match("minor", minor, score.false_positives, _same).false_positives
    return score
