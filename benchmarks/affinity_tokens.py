"""Which tokens rank better on the shipped demo: character 2–3-grams (what techvp uses) or jieba
words. jieba is not a dependency: `pip install jieba` first. Run by hand.

The demo's applications and named pairs are the relevance labels: for each need with at least one
such expert, the experts of the batch are ranked by text similarity alone (the `text` component,
TF-IDF cosine), and we report the mean reciprocal rank of the first labelled expert and recall at
5. Labels come from the demo generator, so this measures agreement with it, not truth.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import jieba
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from techvp.build import run
from techvp.matching.affinity import expert_text, need_text, terms_of

ROOT = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"[\u3400-\u9fff]|[a-z0-9]")


def jieba_terms(text: str) -> list[str]:
    return [w for w in jieba.lcut(text.lower()) if _WORD.search(w) and len(w.strip()) > 1]


def evaluate(analyzer: Callable[[str], list[str]]) -> tuple[float, float]:
    result = run(ROOT, datetime(2022, 3, 1, tzinfo=UTC))
    needs = [n.record for n in result.views.needs_by_batch["wuhan-2022"]]
    experts = [e.record for e in result.views.experts_by_batch["wuhan-2022"]]
    labels: dict[str, set[int]] = {}
    for j, e in enumerate(experts):
        for need_id in e.applications:
            labels.setdefault(need_id, set()).add(j)
    for expert_id, namings in result.views.namings.items():
        j = [e.id for e in experts].index(expert_id)
        for naming in namings:
            labels.setdefault(naming.need, set()).add(j)
    vec = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)
    matrix = vec.fit_transform([need_text(n) for n in needs] + [expert_text(e) for e in experts])
    sims = (matrix[: len(needs)] @ matrix[len(needs) :].T).toarray()
    rr, hits = [], []
    for i, need in enumerate(needs):
        wanted = labels.get(need.id)
        if not wanted:
            continue
        order = np.argsort(-sims[i], kind="stable").tolist()
        first = min(order.index(j) for j in wanted) + 1
        rr.append(1 / first)
        hits.append(len(wanted & set(order[:5])) / min(5, len(wanted)))
    return float(np.mean(rr)), float(np.mean(hits))


def main() -> None:
    jieba.setLogLevel(60)
    for name, analyzer in (("char 2-3-grams", terms_of), ("jieba words", jieba_terms)):
        mrr, recall = evaluate(analyzer)
        print(f"{name}: MRR {mrr:.3f}, recall@5 {recall:.3f}")


if __name__ == "__main__":
    main()
