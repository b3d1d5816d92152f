"""The article-extraction benchmark's metric (Zyte article-extraction-benchmark).

Tokens are `\\w+` matches; each text becomes a multiset of token 4-grams; per page
tp/fp/fn are normalised to sum to 1; precision and recall are averaged over pages
(pages with an empty prediction are skipped for precision); F1 is the harmonic mean
of the two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


@dataclass(frozen=True, slots=True)
class PageScore:
    tp: float
    fp: float
    fn: float
    empty: bool


def score_page(predicted: str, expected: str) -> PageScore:
    pred, gold = shingles(predicted), shingles(expected)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(1.0, 0.0, 0.0, empty=not pred)
    return PageScore(tp / total, fp / total, fn / total, empty=not pred)


@dataclass(frozen=True, slots=True)
class Summary:
    precision: float
    recall: float
    f1: float
    pages: int


def summarise(scores: Iterable[PageScore]) -> Summary:
    scores = list(scores)
    precisions = [s.tp / (s.tp + s.fp) if s.tp + s.fp else 0.0 for s in scores if not s.empty]
    recalls = [s.tp / (s.tp + s.fn) if s.tp + s.fn else 1.0 for s in scores]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Summary(p, r, f1, len(scores))
