"""The search index of copies (``bench/scale_index_copies.py``): passages renamed as the store renames them, BM25
the same as built from the stacked term counts, vectors near their source, lines owned by the right copy."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from scale_index_copies import write_copies  # noqa: E402

from graph.store import STORE_DIR  # noqa: E402
from index import artifacts  # noqa: E402
from index.lexical import ROW_FILES, LexicalIndex  # noqa: E402
from index.line_vectors import LINES  # noqa: E402
from index.term_counts import TermCounts  # noqa: E402

ID = "https://w3id.org/gyoryu/id/"


def test_two_copies_of_the_seed_index(built_data, tmp_path):
    target = tmp_path / "data"
    figures = write_copies(built_data, target, 2, built_data / STORE_DIR)
    source, out = artifacts.index_dir(built_data), artifacts.index_dir(target)
    rows = artifacts.read_jsonl(source / artifacts.PASSAGES)
    copied = artifacts.read_jsonl(out / artifacts.PASSAGES)
    assert figures["passages"] == len(copied) == 2 * len(rows)
    # a document's own entity (a programme) gets the copy's suffix; a registry region stays itself
    first = next(i for i, r in enumerate(rows) if any(e["iri"].startswith(ID + "program/") for e in r["entities"]))
    iri = next(e["iri"] for e in rows[first]["entities"] if e["iri"].startswith(ID + "program/"))
    assert iri + "--c0" in {e["iri"] for e in copied[first]["entities"]}
    assert iri + "--c1" in {e["iri"] for e in copied[len(rows) + first]["entities"]}
    assert iri + "--c1" in copied[len(rows) + first]["subjects"] and iri not in copied[first]["subjects"]
    region = next((i, e["iri"]) for i, r in enumerate(rows) for e in r["entities"]
                  if e["iri"].startswith(ID + "region/"))
    assert region[1] in {e["iri"] for e in copied[len(rows) + region[0]]["entities"]}
    assert copied[len(rows) + 5]["text"] == rows[5]["text"]

    stacked = TermCounts.stacked([TermCounts.load(source)] * 2)
    expected, got = LexicalIndex.from_counts(stacked), LexicalIndex.load(out / artifacts.BM25)
    for query in ("서울 관광 협약", "청소년 교류", "자매결연"):
        assert np.array_equal(expected.scores(query), got.scores(query))
    # the passage rows a build writes (decision 0078): mapped at load, the same files as ``save`` writes
    assert got._by_passage is not None
    expected.save(tmp_path / "saved")
    for name in ROW_FILES.values():
        written, saved = np.load(out / artifacts.BM25 / name), np.load(tmp_path / "saved" / name)
        assert written.dtype == saved.dtype and np.array_equal(written, saved), name
    assert (got.by_passage != expected.by_passage).nnz == 0

    vectors, seed = np.load(out / artifacts.EMBEDDINGS), np.load(source / artifacts.EMBEDDINGS)
    assert vectors.shape == (2 * len(seed), seed.shape[1])
    cosines = np.einsum("ij,ij->i", vectors, np.concatenate([seed, seed]))
    assert cosines.min() > 0.8 and cosines.max() < 0.99  # near their source, not equal to it
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)

    owners = json.loads((source / LINES).read_text())["passages"]
    assert json.loads((out / LINES).read_text())["passages"] == owners + [o + len(rows) for o in owners]
    assert (target / STORE_DIR).resolve() == (built_data / STORE_DIR).resolve()
