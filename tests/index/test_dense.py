"""The FAISS index type follows the number of vectors; each finds a stored vector's own row first."""

from __future__ import annotations

import numpy as np
import pytest

import index.dense as dense


def clustered(count: int, dim: int = 32, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((40, dim))
    vectors = centres[rng.integers(0, 40, count)] + 0.3 * rng.standard_normal((count, dim))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize(("count", "kind"), [(400, "IndexFlatIP"), (1_500, "IndexHNSWFlat(IP)"),
                                             (12_000, "IndexIVFScalarQuantizer(SQ8, IP, 256 lists, nprobe 32)"),
                                             (24_000, "IndexIVFPQ(8 bytes, IP, 256 lists, nprobe 32)")])
def test_index_type_by_size_and_round_trip(tmp_path, monkeypatch, count, kind):
    monkeypatch.setattr(dense, "EXACT_LIMIT", 1_000)
    monkeypatch.setattr(dense, "HNSW_LIMIT", 10_000)
    monkeypatch.setattr(dense, "PQ_LIMIT", 20_000)
    monkeypatch.setattr(dense, "PQ_BYTES", 8)  # 4 of the 32 dimensions a byte
    monkeypatch.setattr(dense, "_CHUNK", 5_000)  # several chunks filled one after the other
    np.save(tmp_path / "v.npy", clustered(count))
    vectors = np.load(tmp_path / "v.npy", mmap_mode="r")  # read in chunks, as the build's embeddings.npy can be
    index = dense.build_faiss(vectors)
    assert dense.index_kind(index) == kind and index.ntotal == count
    dense.save_faiss(index, tmp_path / "i.faiss")
    loaded = dense.load_faiss(tmp_path / "i.faiss")
    assert dense.index_kind(loaded) == kind
    rows = [0, count // 2, count - 1]
    found = [int(dense.search_faiss(loaded, vectors[r], 5)[0][0]) for r in rows]
    assert found == rows
    mapped = dense.load_faiss(tmp_path / "i.faiss", mmap=True)  # vectors or lists read from the file as needed
    assert dense.index_kind(mapped) == kind
    for r in rows:
        assert [a.tolist() for a in dense.search_faiss(mapped, vectors[r], 5)] == \
            [a.tolist() for a in dense.search_faiss(loaded, vectors[r], 5)]


def passages_and_questions(count: int, dim: int = 64, questions: int = 200, seed: int = 5
                           ) -> tuple[np.ndarray, np.ndarray]:
    """``count`` normalised vectors round 200 topics, and questions near stored vectors but none of them."""
    rng = np.random.default_rng(seed)
    topics = rng.standard_normal((200, dim))
    vectors = topics[rng.integers(0, 200, count)] + 0.7 * rng.standard_normal((count, dim))
    asked = vectors[rng.integers(0, count, questions)] + 0.35 * rng.standard_normal((questions, dim))
    return tuple((v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32) for v in (vectors, asked))


@pytest.mark.parametrize(("count", "kind", "bound"), [
    (5_000, "IndexHNSWFlat(IP)", 0.98),
    (12_000, "IndexIVFScalarQuantizer(SQ8, IP, 256 lists, nprobe 32)", 0.95)])
def test_recall_at_10_of_the_approximate_index_types_against_exact_search(monkeypatch, count, kind, bound):
    """The type the size switches to (limits lowered: HNSW above 1,000 vectors, IVF/SQ8 above 10,000) finds at least
    ``bound`` of the exact top 10 of each question (issue 13.2: recall measured against exact search)."""
    monkeypatch.setattr(dense, "EXACT_LIMIT", 1_000)
    monkeypatch.setattr(dense, "HNSW_LIMIT", 10_000)
    vectors, questions = passages_and_questions(count)
    index = dense.build_faiss(vectors)
    assert dense.index_kind(index) == kind
    exact = dense.build_faiss(vectors[:0])  # an empty exact index, filled with the same vectors
    assert dense.index_kind(exact) == "IndexFlatIP"
    exact.add(vectors)
    found = [set(dense.search_faiss(index, q, 10)[0].tolist()) for q in questions]
    truth = [set(dense.search_faiss(exact, q, 10)[0].tolist()) for q in questions]
    recall = sum(len(f & t) for f, t in zip(found, truth, strict=True)) / (10 * len(questions))
    assert recall >= bound, f"{kind}: recall@10 {recall:.3f} < {bound}"
