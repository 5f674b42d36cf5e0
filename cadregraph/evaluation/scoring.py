"""Precision, recall and F1 over matched items, with the misses kept for the report."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Score:
    name: str
    true_positives: int = 0
    false_positives: list = field(default_factory=list)
    false_negatives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        denom = self.true_positives + len(self.false_positives)
        return self.true_positives / denom if denom else 1.0

    @property
    def recall(self) -> float:
        denom = self.true_positives + len(self.false_negatives)
        return self.true_positives / denom if denom else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        return (f"{self.name}: precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
                f"(tp {self.true_positives}, fp {len(self.false_positives)}, fn {len(self.false_negatives)})")


def match(name: str, gold: list, predicted: list, same: Callable[[object, object], bool],
          ignore: Callable[[object], bool] | None = None) -> Score:
    """Greedy one-to-one matching: each gold item is matched by at most one prediction.
    Predictions for which `ignore` is true count neither way when unmatched."""
    score = Score(name)
    used = [False] * len(predicted)
    for g in gold:
        for i, p in enumerate(predicted):
            if not used[i] and same(g, p):
                used[i] = True
                score.true_positives += 1
                break
        else:
            score.false_negatives.append(g)
    for i, p in enumerate(predicted):
        if not used[i] and not (ignore and ignore(p)):
            score.false_positives.append(p)
    return score
