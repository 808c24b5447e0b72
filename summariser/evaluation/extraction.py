"""How well a page's body was extracted, as the article-extraction benchmark scores it (its
evaluate.py, re-implemented from its README; shared/eval/html holds such pages).

Texts are tokenised on \\w+; each is a multiset of 4-token shingles; precision and recall are
taken per document, averaged over documents, and F1 is computed from the two means.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["corpus_f1", "precision_recall", "shingles"]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def precision_recall(predicted: str, expected: str) -> tuple[float, float]:
    got, want = shingles(predicted), shingles(expected)
    true_positive = sum((got & want).values())
    precision = true_positive / sum(got.values()) if got else float(not want)
    recall = true_positive / sum(want.values()) if want else float(not got)
    return precision, recall


def corpus_f1(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    scores = [precision_recall(p, e) for p, e in pairs]
    precision = sum(s[0] for s in scores) / len(scores)
    recall = sum(s[1] for s in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
