"""The lexical index's passage rows (``LexicalIndex.by_passage``) are written at build time and memory-mapped at
load: the same matrix as the one made from bm25s's columns, so feedback terms and rankings cannot change."""

from __future__ import annotations

import mmap

import numpy as np
import pytest

from index.errors import MissingIndexError
from index.lexical import ROW_FILES, LexicalIndex

TOKENS = [["서울", "도쿄", "교류"], ["도쿄", "우호", "협력", "협력"], [], ["교류", "협력", "축제", "서울"], ["축제"]]


def _mapped(array: np.ndarray) -> bool:
    base = array
    while getattr(base, "base", None) is not None and not isinstance(base, mmap.mmap):
        base = base.base
    return isinstance(base, mmap.mmap)


def test_saved_rows_are_mapped_and_equal_to_the_computed_ones(tmp_path) -> None:
    built = LexicalIndex.from_tokens(TOKENS)
    computed = built.by_passage.copy()
    built.save(tmp_path)
    assert all((tmp_path / name).is_file() for name in ROW_FILES.values())
    loaded = LexicalIndex.load(tmp_path)
    rows = loaded.by_passage
    assert rows.shape == computed.shape == (5, len(built.bm25.vocab_dict))
    for part in ("data", "indices", "indptr"):
        assert np.array_equal(getattr(rows, part), getattr(computed, part))
        assert getattr(rows, part).dtype == getattr(computed, part).dtype
        assert _mapped(getattr(rows, part))
    # a passage's row holds its terms' BM25 weights: the same as its entries in the term columns
    tokyo = built.bm25.vocab_dict["도쿄"]
    assert rows[1, tokyo] == pytest.approx(built.scores("도쿄")[1]) and rows[1, tokyo] > 0
    assert rows[2].nnz == 1  # a passage without tokens counts the empty term once


def test_an_index_saved_without_rows_makes_them_at_first_use(tmp_path) -> None:
    built = LexicalIndex.from_tokens(TOKENS)
    built.save(tmp_path)
    for name in ROW_FILES.values():
        (tmp_path / name).unlink()
    rows = LexicalIndex.load(tmp_path).by_passage
    assert (rows != built.by_passage).nnz == 0 and not _mapped(rows.data)


def test_rows_of_another_index_are_refused(tmp_path) -> None:
    LexicalIndex.from_tokens(TOKENS).save(tmp_path)
    other = tmp_path / "other"
    LexicalIndex.from_tokens(TOKENS[:3]).save(other)
    (tmp_path / ROW_FILES["indptr"]).write_bytes((other / ROW_FILES["indptr"]).read_bytes())
    with pytest.raises(MissingIndexError, match="inconsistent"):
        LexicalIndex.load(tmp_path)
