"""Pseudo-relevance feedback: the lexical terms of a query's best hits as one more ranked list.

A relevance model in the manner of RM3 (Lavrenko and Croft, 2001; Abdul-Jaleel et al., 2004) over the BM25 weights
the index already holds: each of the first hits of the fused ranking spreads its strength (its blended score
relative to the first's) over its terms in proportion to their BM25 weights in it; the strongest terms the query
did not ask for are then a weighted BM25 query of their own. Its ranking joins the rank fusion as one more list
(decision 0069): it finds passages that say what the best hits say in words the question lacks, a
paraphrase's or an English question's, which the lexical list alone cannot.

>>> import scipy.sparse as sp
>>> rows = sp.csr_matrix(np.array([[1.0, 1.0, 0.0, 0.0], [0.0, 2.0, 2.0, 0.0], [0.0, 0.0, 0.0, 3.0]]))
>>> terms, weights = expansion_terms(rows, np.array([0, 1]), np.array([1.0, 0.5]), asked={0}, count=5)
>>> terms.tolist(), weights.round(3).tolist()
([1, 2], [0.75, 0.25])
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import scipy.sparse as sp

#: How many of the blended ranking's first passages give their terms (tuned on the tune half, decision 0069).
FEEDBACK_PASSAGES = 3
#: How many of their strongest terms the feedback query keeps.
FEEDBACK_TERMS = 20


def expansion_terms(by_passage: sp.csr_matrix, top: np.ndarray, strengths: np.ndarray, asked: Iterable[int],
                    count: int = FEEDBACK_TERMS) -> tuple[np.ndarray, np.ndarray]:
    """The ``count`` strongest terms of the passages ``top`` (rows of ``by_passage``, passages × terms weights), each
    passage's row scaled to sum 1 and then by its strength; terms in ``asked`` are left out. Returns ``(term ids,
    weights)``, strongest first (ties by term id), only terms with a positive weight."""
    if not len(top):
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    starts, ends = by_passage.indptr[top], by_passage.indptr[np.asarray(top) + 1]
    columns = [by_passage.indices[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
    values = [by_passage.data[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
    sums = np.array([float(v.sum()) for v in values])
    scale = np.divide(np.asarray(strengths, dtype=float), sums, out=np.zeros(len(sums)), where=sums > 0)
    terms, where = np.unique(np.concatenate(columns), return_inverse=True)
    weights = np.bincount(where, weights=np.concatenate([v * f for v, f in zip(values, scale.tolist(), strict=True)]),
                          minlength=len(terms))
    asked = np.fromiter(asked, dtype=np.int64)
    at = np.searchsorted(terms, asked)  # terms are sorted: each asked term's place, kept where it is there
    inside = at < len(terms)
    weights[at[inside][terms[at[inside]] == asked[inside]]] = 0.0
    candidates = np.flatnonzero(weights > 0)
    order = np.lexsort((terms[candidates], -weights[candidates]))[:count]
    kept = candidates[order]
    return terms[kept], weights[kept]
