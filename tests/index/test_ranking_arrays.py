"""The ranking's array paths give exactly what their loops gave (decision 0070): the rank fusion against the sums
of a loop over the lists, the feedback query's scores against a loop over its terms, the expansion's left-out terms
against ``np.isin``; on random inputs with repeated ids, empty lists and terms outside the vocabulary."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from index.feedback import expansion_terms
from index.fusion import blend, blended_arrays, fused_arrays
from index.lexical import LexicalIndex

WEIGHTS = {"dense": 1.5, "lexical": 0.7, "entity": 1.5, "lines": 0.5, "latent": 1.5, "feedback": 0.5}


def fusion_by_loop(rankings: dict, weights: dict, k: int = 10) -> tuple[list[int], list[float]]:
    """Reciprocal rank fusion as its definition: each list's terms added in list order, ties by id."""
    scores: dict[int, float] = {}
    for name, ranking in rankings.items():
        for rank, pid in enumerate(np.asarray(ranking, dtype=np.int64).tolist(), start=1):
            scores[pid] = scores.get(pid, 0.0) + weights.get(name, 1.0) / (k + rank)
    best = sum(weights.get(name, 1.0) for name in rankings) / (k + 1)
    order = sorted(scores, key=lambda pid: (-scores[pid], pid))
    return order, [scores[pid] / best for pid in order]


def test_fusion_in_arrays_is_the_loop_over_the_lists() -> None:
    rng = np.random.default_rng(70)
    for _ in range(1500):
        rankings = {}
        for name in rng.choice(list(WEIGHTS), rng.integers(0, 6), replace=False):
            size = int(rng.integers(0, 101))
            ids = rng.choice(int(rng.integers(size + 1, 2000)), size, replace=bool(rng.random() < 0.2))
            rankings[str(name)] = ids.tolist() if rng.random() < 0.5 else ids
        ids, scores = fused_arrays(rankings, WEIGHTS)
        expected_ids, expected_scores = fusion_by_loop(rankings, WEIGHTS)
        assert ids.tolist() == expected_ids and scores.tolist() == expected_scores


def test_blended_arrays_are_the_blend_list() -> None:
    rng = np.random.default_rng(71)
    for _ in range(200):
        n = int(rng.integers(0, 50))
        args = (rng.choice(5000, n, replace=False), rng.random(n), rng.random(n), rng.random(n) < 0.3,
                float(rng.random()), 0.1, -0.3, 3.0)
        ids, scores = blended_arrays(*args)
        assert list(zip(ids.tolist(), scores.tolist(), strict=True)) == blend(*args)


def weighted_by_loop(index: LexicalIndex, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The feedback query's scores term by term (each weight times its column, added into float64 scores)."""
    indptr, indices, data = (index.bm25.scores[key] for key in ("indptr", "indices", "data"))
    scores = np.zeros(index.bm25.scores["num_docs"])
    for term, weight in zip(ids.tolist(), weights.tolist(), strict=True):
        column = slice(indptr[term], indptr[term + 1])
        scores[indices[column]] += weight * data[column]
    return scores


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    rng = np.random.default_rng(72)
    words = [f"w{n}" for n in range(60)]
    texts = [" ".join(rng.choice(words, int(rng.integers(1, 30)))) for _ in range(80)]
    return LexicalIndex.from_tokens([text.split() for text in texts])


def test_weighted_scores_are_the_loop_over_the_terms(lexical: LexicalIndex) -> None:
    rng = np.random.default_rng(73)
    vocabulary = len(lexical.bm25.vocab_dict)
    for _ in range(500):
        ids = rng.choice(vocabulary, int(rng.integers(0, 25)), replace=False)
        weights = rng.random(len(ids)) * float(rng.choice([1e-3, 1.0, 1e3]))
        got, expected = lexical.weighted_scores(ids, weights), weighted_by_loop(lexical, ids, weights)
        assert got.dtype == expected.dtype and np.array_equal(got, expected)


def test_expansion_leaves_out_exactly_the_asked_terms() -> None:
    rng = np.random.default_rng(74)
    rows = sp.random(300, 500, density=0.05, random_state=75, format="csr", dtype=np.float32)
    for _ in range(500):
        top = rng.choice(300, int(rng.integers(1, 4)), replace=False)
        strengths = np.sort(rng.random(len(top)))[::-1]
        asked = set(rng.choice(520, int(rng.integers(0, 15))).tolist())  # some beyond the vocabulary
        terms, weights = expansion_terms(rows, top, strengths, asked, count=1000)
        everything, all_weights = expansion_terms(rows, top, strengths, set(), count=1000)
        kept = ~np.isin(everything, list(asked))
        assert terms.tolist() == everything[kept].tolist() and weights.tolist() == all_weights[kept].tolist()


def test_the_latent_ranking_is_every_positive_passage_sorted() -> None:
    """The latent list chooses its first ``depth`` before sorting (decision 0077): the same list as sorting every
    passage with a positive score, best first, ties by passage id; on random rows with tied weights and empty rows."""
    from index.latent_terms import LatentIndex

    rng = np.random.default_rng(77)
    rows = []
    for _ in range(300):
        size = int(rng.integers(0, 40))
        weights = rng.choice([0.5, 1.0, 2.0], size) if rng.random() < 0.5 else rng.random(size) * 3
        rows.append((np.sort(rng.choice(500, size, replace=False)).astype(np.int32), weights.astype(np.float32)))
    index = LatentIndex.from_rows(rows, 500)
    for _ in range(300):
        ids = rng.choice(500, int(rng.integers(1, 64)), replace=False).astype(np.int32)
        weights = rng.choice([1.0, 2.0], len(ids)).astype(np.float32)
        scores = index.matrix[:, ids] @ (weights * index.idf[ids])
        positive = np.flatnonzero(scores > 0)
        expected = positive[np.lexsort((positive, -scores[positive]))].tolist()
        depth = int(rng.integers(1, 400))
        assert index.ranking((ids, weights), depth) == expected[:depth]
