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
    """Fuse ranked id lists; returns ``(id, score)`` best first, scores scaled so 1.0 = top in every list."""
    scores: dict[int, float] = {}
    for name, ranking in rankings.items():
        weight = weights.get(name, 1.0)
        for rank, pid in enumerate(ranking, start=1):
            scores[pid] = scores.get(pid, 0.0) + weight / (k + rank)
    best = sum(weights.get(name, 1.0) for name in rankings) / (k + 1)
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [(pid, score / best) for pid, score in ordered]
