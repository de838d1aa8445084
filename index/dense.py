"""FAISS over L2-normalised embeddings (inner product = cosine).

The index type follows the corpus size: below :data:`EXACT_LIMIT` passages an exact
``IndexFlatIP`` (a few thousand passages search in well under a millisecond); up to
:data:`HNSW_LIMIT` an ``IndexHNSWFlat`` graph with inner-product metric (approximate, sub-linear); above
it an inverted file of 8-bit scalar-quantised vectors (``IndexIVFScalarQuantizer``, √n lists, trained on
a sample): a quarter of the memory of the vectors themselves, and built in minutes where an HNSW graph of
millions of vectors takes hours on one core. A search process re-ranks its candidates exactly over the stored
vectors (:func:`refined`), so hits carry exact cosines. Product quantisation (``IndexIVFPQ``, 48 bytes a vector)
was the type past 5 M vectors until decision 0071 measured it there: recall@10 0.098 alone and 0.446 with 16 times
the candidates re-ranked, so the inverted file stays SQ8 at every size (its lists are memory-mapped, so its larger
codes cost disk, not memory). Every type is filled in chunks of :data:`_CHUNK` rows, so a memory-mapped
``embeddings.npy`` is never read whole.
``bench/scale.py``, ``bench/scale_stand_in.py`` and ``bench/scale_projection.py --faiss`` measure each one's
recall@10 against exact search.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

EXACT_LIMIT = 50_000
HNSW_LIMIT = 1_000_000
HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 128
IVF_TRAINING = 100_000  # vectors the quantiser and the lists are trained on
IVF_NPROBE = 32  # lists searched per query
#: Candidates an inverted-file search asks for per hit wanted, re-scored exactly (decision 0071: recall by factor).
REFINE_FACTOR = 4
_CHUNK = 100_000


def ivf_lists(count: int) -> int:
    """Lists of the inverted file for ``count`` vectors: about √count (1,000 for a million).

    >>> ivf_lists(3_000_000)
    1732
    """
    return max(256, round(count ** 0.5))


def build_faiss(vectors: np.ndarray) -> faiss.Index:
    """An inner-product index over ``vectors`` (rows must be L2-normalised; read :data:`_CHUNK` rows at a time,
    so a memory-mapped array is never loaded whole)."""
    count, dim = vectors.shape
    if count > HNSW_LIMIT:
        index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dim), dim, ivf_lists(count),
                                              faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
        step = max(1, count // IVF_TRAINING)
        index.train(np.ascontiguousarray(vectors[::step][:IVF_TRAINING], dtype=np.float32))
        index.nprobe = IVF_NPROBE
    elif count < EXACT_LIMIT:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
    for start in range(0, count, _CHUNK):
        index.add(np.ascontiguousarray(vectors[start:start + _CHUNK], dtype=np.float32))
    return index


class Refined:
    """An approximate index whose candidates are re-scored exactly: ``factor`` times the hits asked for are taken
    from ``index``, their inner products computed over ``vectors`` (the stored rows, e.g. a memory-mapped
    ``embeddings.npy``, of which only the candidates' rows are read) by FAISS's kernel, and the best returned with
    those exact scores. ``search`` answers as a FAISS index's does (scores, ids; -1 where nothing was found)."""

    def __init__(self, index: faiss.Index, vectors: np.ndarray, factor: int = REFINE_FACTOR) -> None:
        if len(vectors) != index.ntotal:
            raise ValueError(f"{len(vectors)} stored vectors for an index of {index.ntotal}")
        self.index, self.vectors, self.factor = index, vectors, factor

    @property
    def ntotal(self) -> int:
        return self.index.ntotal

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The exact top ``k`` among each query's ``k × factor`` candidates."""
        found_scores, found_ids = self.index.search(queries, min(self.ntotal, k * self.factor))
        scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        ids = np.full((len(queries), k), -1, dtype=np.int64)
        for row, (query, candidates) in enumerate(zip(queries, found_ids, strict=True)):
            candidates = np.sort(candidates[candidates >= 0])  # file order: pages read once, ties to the lower id
            if not len(candidates):
                continue
            exact = inner_products(np.ascontiguousarray(self.vectors[candidates], dtype=np.float32), query)
            best = np.argsort(-exact, kind="stable")[:k]
            scores[row, :len(best)], ids[row, :len(best)] = exact[best], candidates[best]
        return scores, ids


def refined(index: faiss.Index, vectors: np.ndarray) -> faiss.Index | Refined:
    """``index`` as a search process serves it: an inverted file of quantised codes re-ranked exactly over its
    stored ``vectors`` (:class:`Refined`), the exact and HNSW indexes as they are (they score the vectors
    themselves)."""
    return Refined(index, vectors) if isinstance(index, faiss.IndexIVF) else index


def index_kind(index: faiss.Index | Refined) -> str:
    """A short description of the index type, for the build manifest."""
    if isinstance(index, Refined):
        return f"{index_kind(index.index)}, re-ranked exactly ×{index.factor}"
    if isinstance(index, faiss.IndexIVFScalarQuantizer):
        return f"IndexIVFScalarQuantizer(SQ8, IP, {index.nlist} lists, nprobe {index.nprobe})"
    if isinstance(index, faiss.IndexIVFPQ):  # not built since decision 0071; kept legible in old manifests
        return f"IndexIVFPQ({index.pq.M} bytes, IP, {index.nlist} lists, nprobe {index.nprobe})"
    return "IndexHNSWFlat(IP)" if isinstance(index, faiss.IndexHNSWFlat) else "IndexFlatIP"


def save_faiss(index: faiss.Index, path: Path) -> None:
    """Write ``index`` to ``path``."""
    faiss.write_index(index, str(path))


def load_faiss(path: Path, mmap: bool = False) -> faiss.Index:
    """Read an index written by :func:`save_faiss`; ``mmap`` maps its stored vectors or codes from the file (the
    exact and HNSW indexes' vectors, an inverted file's lists) instead of reading them into memory (same results)."""
    index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY if mmap else 0)
    if isinstance(index, faiss.IndexHNSWFlat):
        index.hnsw.efSearch = HNSW_EF_SEARCH
    elif isinstance(index, faiss.IndexIVF):
        index.nprobe = IVF_NPROBE
    return index


def flat_vectors(index: faiss.Index) -> np.ndarray | None:
    """The vectors an exact ``IndexFlatIP`` holds, as a read-only view of its own storage (no copy); ``None`` for
    the approximate index types, whose search is not a scan of every vector."""
    if type(index) is not faiss.IndexFlatIP or not index.ntotal:
        return None
    view = faiss.rev_swig_ptr(index.get_xb(), index.ntotal * index.d).reshape(index.ntotal, index.d)
    view.flags.writeable = False
    return view


def inner_products(vectors: np.ndarray, query: np.ndarray) -> np.ndarray:
    """The inner product of ``query`` with each row of ``vectors`` (float32, C-contiguous) by FAISS's own kernel: the
    very scores an ``IndexFlatIP`` search over them returns, bit for bit (numpy's matrix product rounds otherwise)."""
    query = np.ascontiguousarray(query, dtype=np.float32).reshape(-1)
    out = np.empty(len(vectors), dtype=np.float32)
    faiss.fvec_inner_products_ny(faiss.swig_ptr(out), faiss.swig_ptr(query), faiss.swig_ptr(vectors), len(query),
                                 len(vectors))
    return out


def search_faiss(index: faiss.Index | Refined, query: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
    """Top ``depth`` passage ids and cosine scores for one normalised query vector."""
    depth = min(depth, index.ntotal)
    scores, ids = index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), depth)
    keep = ids[0] >= 0
    return ids[0][keep], scores[0][keep]
