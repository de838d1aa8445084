"""BM25 over Korean morphemes (``bm25s``), saved next to the passages."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np
import scipy.sparse as sp

from index.artifacts import MMAP_ABOVE
from index.errors import MissingIndexError
from index.korean import KoreanTokenizer
from index.term_counts import TermCounts

K1 = 1.2
B = 0.75
#: bm25s's own files (terms × passages columns); :meth:`LexicalIndex.load` sizes the index by these.
BM25S_FILES = "*.csc.index.npy"
#: The passages × terms rows (:attr:`LexicalIndex.by_passage`), written beside bm25s's files: ``data``, ``indices``
#: and ``indptr`` of the CSR matrix, memory-mapped at load (decision 0078).
ROW_FILES = {part: f"{part}.csr.index.npy" for part in ("data", "indices", "indptr")}


class LexicalIndex:
    """A BM25 index over passages; :meth:`scores` gives one score per passage."""

    def __init__(self, bm25: bm25s.BM25, tokenizer: KoreanTokenizer | None = None,
                 by_passage: sp.csr_matrix | None = None) -> None:
        self.bm25 = bm25
        self.tokenizer = tokenizer or KoreanTokenizer()
        self._by_passage = by_passage

    @classmethod
    def build(cls, texts: list[str], tokenizer: KoreanTokenizer | None = None) -> LexicalIndex:
        """Index ``texts`` (one per passage, in passage order)."""
        tokenizer = tokenizer or KoreanTokenizer()
        return cls.from_tokens(tokenizer.batch(texts), tokenizer)

    @classmethod
    def from_tokens(cls, tokens: list[list[str]], tokenizer: KoreanTokenizer | None = None) -> LexicalIndex:
        """Index passages already tokenised by ``tokenizer`` (one token list per passage, in passage order)."""
        return cls.from_counts(TermCounts.from_tokens(tokens, [str(i) for i in range(len(tokens))]), tokenizer)

    @classmethod
    def from_counts(cls, counts: TermCounts, tokenizer: KoreanTokenizer | None = None) -> LexicalIndex:
        """BM25 (bm25s's Lucene variant, k1 = 1.2, b = 0.75) over per-passage term counts: IDF from the document
        frequencies, lengths from the row sums, one weight per stored count, in array operations."""
        n = len(counts.keys)
        df = counts.document_frequencies()
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)
        lengths = counts.lengths()
        rows = np.repeat(np.arange(n), np.diff(counts.indptr))
        norm = K1 * ((1 - B) + B * lengths / lengths.mean()) if n else lengths
        tf = counts.counts.astype(np.float32)
        weights = (idf[counts.indices] * (tf / (norm[rows] + tf))).astype(np.float32)
        matrix = sp.csr_matrix((weights, counts.indices, counts.indptr), shape=(n, len(counts.vocab))).tocsc()
        matrix.sort_indices()
        bm25 = bm25s.BM25(k1=K1, b=B)
        bm25.scores = {"data": matrix.data, "indices": matrix.indices.astype(np.int32),
                       "indptr": matrix.indptr.astype(np.int32), "num_docs": n}
        bm25.vocab_dict = {term: i for i, term in enumerate(counts.vocab)}
        bm25.unique_token_ids_set = set(bm25.vocab_dict.values())
        bm25.nonoccurrence_array = None  # the Lucene variant has none
        return cls(bm25, tokenizer or KoreanTokenizer())

    def save(self, directory: Path) -> None:
        """Write the index files into ``directory``: bm25s's terms × passages columns and the passages × terms rows
        of :attr:`by_passage` (made here once, at build time, rather than by every search process at load)."""
        self.bm25.save(str(directory), show_progress=False)
        rows = self.by_passage
        for part, name in ROW_FILES.items():
            np.save(Path(directory) / name, getattr(rows, part))

    @classmethod
    def load(cls, directory: Path, mmap: bool | None = None) -> LexicalIndex:
        """Read an index written by :meth:`save`; ``mmap`` (default: above :data:`MMAP_ABOVE` bytes) maps its
        score matrix from disk instead of reading it into memory (same scores; pages are read as queries need them).
        The passage rows are always mapped (read as feedback asks for a few rows); an index saved without them
        makes them at first use, as before."""
        directory = Path(directory)
        if mmap is None:
            mmap = sum(f.stat().st_size for f in directory.glob(BM25S_FILES)) > MMAP_ABOVE
        bm25 = bm25s.BM25.load(str(directory), mmap=mmap, show_progress=False, verbosity=0)
        paths = {part: directory / name for part, name in ROW_FILES.items()}
        rows = None
        if all(path.is_file() for path in paths.values()):
            data, indices, indptr = (np.load(paths[part], mmap_mode="r") for part in ("data", "indices", "indptr"))
            shape = (bm25.scores["num_docs"], len(bm25.scores["indptr"]) - 1)
            if len(indptr) != shape[0] + 1:
                raise MissingIndexError(f"the lexical index in {directory} is inconsistent (passage rows ≠ "
                                        "passages); rebuild it")
            rows = sp.csr_matrix((data, indices, indptr), shape=shape, copy=False)
        return cls(bm25, by_passage=rows)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for ``query`` (zeros when no query token is indexed); each token counts once,
        so a word both asked and added by expansion is not counted twice.

        Each token's column of the precomputed weights is added in query order, in one unbuffered ``add.at`` over
        the columns side by side: the sums ``bm25s`` makes one call a token, without its per-call checks.
        """
        ids = self.term_ids(query)
        n = self.bm25.scores["num_docs"]
        if not ids:
            return np.zeros(n, dtype=np.float32)
        if self.bm25.nonoccurrence_array is not None:  # a variant with a score for absent words: bm25s adds it
            return np.asarray(self.bm25.get_scores_from_ids(ids), dtype=np.float32)
        indptr, indices, data = (self.bm25.scores[key] for key in ("indptr", "indices", "data"))
        columns = [slice(indptr[i], indptr[i + 1]) for i in ids]
        scores = np.zeros(n, dtype=self.bm25.dtype)
        np.add.at(scores, np.concatenate([indices[c] for c in columns]), np.concatenate([data[c] for c in columns]))
        return np.asarray(scores, dtype=np.float32)

    def term_ids(self, query: str) -> list[int]:
        """The indexed terms of ``query``, each once, in query order."""
        vocab = self.bm25.vocab_dict
        return [vocab[t] for t in dict.fromkeys(self.tokenizer.tokens(query)) if t in vocab]

    def weighted_scores(self, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Per passage, the sum over the terms ``ids`` of ``weights`` × the term's BM25 weight in the passage (a
        query whose terms count unequally, as :mod:`index.feedback` asks)."""
        indptr, indices, data = (self.bm25.scores[key] for key in ("indptr", "indices", "data"))
        scores = np.zeros(self.bm25.scores["num_docs"])
        ids = np.asarray(ids, dtype=np.int64)
        starts = np.asarray(indptr[ids], dtype=np.int64)
        lengths = np.asarray(indptr[ids + 1], dtype=np.int64) - starts
        if not lengths.sum():
            return scores
        # every column's rows side by side, each weight times its column in the weights' own type (as a Python float
        # times the column gives it), added term by term in one unbuffered add.at: the sums of a loop over the terms
        rows = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
        products = data[rows] * np.repeat(np.asarray(weights, dtype=data.dtype), lengths)
        np.add.at(scores, indices[rows], products)
        return scores

    @property
    def by_passage(self) -> sp.csr_matrix:
        """The BM25 weights as a passages × terms matrix (rows: a passage's terms): the saved rows, memory-mapped,
        or (an index saved without them, or not saved yet) made once from the terms × passages columns."""
        if self._by_passage is None:
            scores = self.bm25.scores
            self._by_passage = sp.csc_matrix((scores["data"], scores["indices"], scores["indptr"]),
                                             shape=(scores["num_docs"], len(scores["indptr"]) - 1)).tocsr()
        return self._by_passage
