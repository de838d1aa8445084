"""FAISS over L2-normalised embeddings (inner product = cosine).

The index type follows the corpus size: below :data:`EXACT_LIMIT` passages an exact
``IndexFlatIP`` (a few thousand passages search in well under a millisecond); above it an
``IndexHNSWFlat`` graph with inner-product metric (approximate, sub-linear).
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

EXACT_LIMIT = 50_000
HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 128


def build_faiss(vectors: np.ndarray) -> faiss.Index:
    """An inner-product index over ``vectors`` (rows must be L2-normalised)."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    dim = vectors.shape[1]
    if len(vectors) < EXACT_LIMIT:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
    index.add(vectors)
    return index


def index_kind(index: faiss.Index) -> str:
    """A short description of the index type, for the build manifest."""
    return "IndexHNSWFlat(IP)" if isinstance(index, faiss.IndexHNSWFlat) else "IndexFlatIP"


def save_faiss(index: faiss.Index, path: Path) -> None:
    """Write ``index`` to ``path``."""
    faiss.write_index(index, str(path))


def load_faiss(path: Path) -> faiss.Index:
    """Read an index written by :func:`save_faiss`."""
    index = faiss.read_index(str(path))
    if isinstance(index, faiss.IndexHNSWFlat):
        index.hnsw.efSearch = HNSW_EF_SEARCH
    return index


def search_faiss(index: faiss.Index, query: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
    """Top ``depth`` passage ids and cosine scores for one normalised query vector."""
    depth = min(depth, index.ntotal)
    scores, ids = index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), depth)
    keep = ids[0] >= 0
    return ids[0][keep], scores[0][keep]
