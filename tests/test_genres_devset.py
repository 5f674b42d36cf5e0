"""The development set beyond the seeds' genre (tests/data/genres): meeting reports,
appointment notices, a 任前公示, biographies and a scraped traditional-script page from eight
provinces, written for the project with hand-made gold in the seeds' gold format (plus each
holding's status and, for biographies, its date). See tests/data/genres/README.md."""
from __future__ import annotations

from pathlib import Path

import pytest

from cadregraph.evaluation import evaluate_graph
from cadregraph.evaluation.gold import load_gold, norm
from cadregraph.evaluation.holdings import role_key
from cadregraph.pipeline import build_graph, extract_corpus

DATA = Path(__file__).parent / "data" / "genres"


@pytest.fixture(scope="module")
def corpus():
    corpus = extract_corpus([DATA / "docs"])
    assert not corpus.failures
    return corpus


def test_holdings_f1(corpus):
    result = evaluate_graph(build_graph(corpus), DATA / "gold")
    holdings = next(s for s in result.scores if s.name == "holdings")
    assert len(result.documents_scored) == len(list((DATA / "gold").glob("*.json")))
    assert holdings.f1 >= 0.90, holdings.summary()


def _matches(fact, doc_id, h) -> bool:
    if fact.evidence.doc_id != doc_id or fact.person != h["person"]:
        return False
    if role_key(fact.post.role) != role_key(h["role"]):
        return False
    district = fact.post.district.name if fact.post.district else None
    if h["district"]:
        return district == h["district"]
    return district is None and norm(fact.post.org.label).endswith(norm(h["org"]))


def test_status_and_sentence_date(corpus):
    """Each observation says whether the person holds, takes up, leaves or is proposed for the
    post, and a biography's observations carry the date written in the sentence."""
    holdings = [f for f in corpus.facts if type(f).__name__ == "Holding"]
    wrong = []
    for doc_id, gold in load_gold(DATA / "gold").items():
        for h in gold["holdings"]:
            facts = [f for f in holdings if _matches(f, doc_id, h)]
            got = [(f.status, f.date) for f in facts]
            if (h.get("status", "holds"), h.get("date")) not in got:
                wrong.append((doc_id, h["person"], h["post"], h.get("status"), h.get("date"), got))
    assert not wrong


def test_evidence_quotes_the_original_page(corpus):
    """On the traditional-script page the quotes are traditional, as the page is."""
    quotes = {f.person: f.evidence.quote for f in corpus.facts
              if type(f).__name__ == "Holding" and f.evidence.doc_id == "hn_zhumadian_scraped"}
    assert quotes["陈星"] == "市委書記陳  星"
    assert quotes["李跃进"].endswith("市長李(lǐ)躍(yuè)進")
