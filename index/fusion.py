"""Rank fusion of lexical and dense result lists.

Reciprocal rank fusion (Cormack et al., 2009): ``score(p) = Σ_m w_m / (K + rank_m(p))``.
It needs no score calibration between BM25 and cosine, which differ in scale per query.
The lexical list's weight is the share of Korean (Hangul or Hanja) letters in the query:
BM25 runs over Korean morphemes, so an English query's lexical matches are noise, while
the multilingual dense list carries it across languages.

>>> fused = reciprocal_rank_fusion({"dense": [3, 1], "lexical": [1, 2]}, {"dense": 1.0, "lexical": 1.0})
>>> [pid for pid, _ in fused]
[1, 3, 2]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

RRF_K = 10


def korean_share(text: str) -> float:
    """Share of the letters of ``text`` that are Hangul or CJK ideographs (0 when it has no letters).

    >>> korean_share("재난 구호"), korean_share("disaster relief"), round(korean_share("NEAR 총회"), 2)
    (1.0, 0.0, 0.33)
    """
    letters = [ch for ch in text if ch.isalpha()]
    korean = sum(1 for ch in letters if "\uac00" <= ch <= "\ud7a3" or "\u4e00" <= ch <= "\u9fff")
    return korean / len(letters) if letters else 0.0


def reciprocal_rank_fusion(rankings: Mapping[str, Sequence[int]], weights: Mapping[str, float],
                           k: int = RRF_K) -> list[tuple[int, float]]:
    """Fuse ranked id lists; returns ``(id, score)`` best first (ties by id), scores scaled so 1.0 = top in every list.

    >>> reciprocal_rank_fusion({"a": [3, 1], "b": [1]}, {"a": 1.0, "b": 0.5}, 10)
    [(1, 0.9444444444444445), (3, 0.6666666666666667)]
    """
    ids, scores = fused_arrays(rankings, weights, k)
    return list(zip(ids.tolist(), scores.tolist(), strict=True))


def fused_arrays(rankings: Mapping[str, Sequence[int]], weights: Mapping[str, float],
                 k: int = RRF_K) -> tuple[np.ndarray, np.ndarray]:
    """:func:`reciprocal_rank_fusion` as two arrays (ids, scores), best first.

    In array operations: each id's terms are added in the order of the lists, as a loop over them would (the same
    floating-point sums, so the same order).
    """
    lists = [(np.asarray(ranking, dtype=np.int64).reshape(-1), weights.get(name, 1.0))
             for name, ranking in rankings.items()]
    if not lists or not sum(len(ranking) for ranking, _ in lists):
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    ids, where = np.unique(np.concatenate([ranking for ranking, _ in lists]), return_inverse=True)
    scores = np.zeros(len(ids))
    ranks = k + np.arange(1, 1 + max(len(ranking) for ranking, _ in lists))  # k + rank
    start = 0
    for ranking, weight in lists:  # each list's positions among the ids: its run of the unique's inverse
        np.add.at(scores, where[start:start + len(ranking)], weight / ranks[:len(ranking)])
        start += len(ranking)
    best = sum(weight for _, weight in lists) / (k + 1)
    order = np.lexsort((ids, -scores))
    return ids[order], scores[order] / best


def blend(ids: np.ndarray, scores: np.ndarray, cosines: np.ndarray, facts: np.ndarray, share: float,
          fact_ko: float, fact_en: float, cosine_weight: float) -> list[tuple[int, float]]:
    """Re-rank a fused list (the arrays :func:`fused_arrays` gives): each passage's fused score plus
    ``cosine_weight`` × (its cosine − the best cosine) and, for fact passages, a bonus between ``fact_en`` (an English
    query) and ``fact_ko`` (a Korean one) by the query's share of Korean letters. ``cosines`` and ``facts`` are
    aligned with ``ids``. Scores stay positive: ``exp(blended − 1)``, so 1.0 is still a passage first in every list
    and closest in meaning.

    Ranks alone hide how far apart two passages are in meaning; and a fact passage's embedding reads an English fact
    sentence, which draws English questions to facts whatever they are about.

    >>> blend(np.array([7, 8, 9]), np.array([1.0, 0.9, 0.8]), np.array([0.80, 0.85, 0.70]),
    ...       np.array([True, False, False]), 0.0, 0.1, -0.3, 3.0)
    [(8, 0.904837), (7, 0.637628), (9, 0.522046)]
    """
    ids, scores = blended_arrays(ids, scores, cosines, facts, share, fact_ko, fact_en, cosine_weight)
    return list(zip(ids.tolist(), scores.tolist(), strict=True))


def blended_arrays(ids: np.ndarray, scores: np.ndarray, cosines: np.ndarray, facts: np.ndarray, share: float,
                   fact_ko: float, fact_en: float, cosine_weight: float) -> tuple[np.ndarray, np.ndarray]:
    """:func:`blend` as two arrays (ids, scores), best first: a caller that reads only the first few needs no list."""
    if not len(ids):
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    scores = scores + cosine_weight * (cosines - cosines.max())
    scores += np.where(facts, share * fact_ko + (1 - share) * fact_en, 0.0)
    order = np.argsort(-scores, kind="stable")
    return ids[order], np.round(np.exp(scores[order] - 1.0), 6)


def top_positive(scores: np.ndarray, depth: int) -> np.ndarray:
    """Indices of the ``depth`` highest positive scores, best first, ties in index order.

    The same as ``np.argsort(-scores, kind="stable")[:depth]`` restricted to positive scores, without
    sorting every passage (a partial selection first: the lexical list of a large index).

    >>> top_positive(np.array([0.0, 2.0, 1.0, 2.0, 3.0]), 3).tolist()
    [4, 1, 3]
    """
    positive = np.flatnonzero(scores > 0)
    if len(positive) > depth:
        threshold = np.partition(scores[positive], len(positive) - depth)[len(positive) - depth]
        positive = positive[scores[positive] >= threshold]
    order = np.argsort(-scores[positive], kind="stable")  # positive is in index order: ties stay so
    return positive[order][:depth]
