"""BM25 over Korean morphemes (``bm25s``), saved next to the passages."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np

from index.korean import KoreanTokenizer


class LexicalIndex:
    """A BM25 index over passages; :meth:`scores` gives one score per passage."""

    def __init__(self, bm25: bm25s.BM25, tokenizer: KoreanTokenizer | None = None) -> None:
        self.bm25 = bm25
        self.tokenizer = tokenizer or KoreanTokenizer()

    @classmethod
    def build(cls, texts: list[str], tokenizer: KoreanTokenizer | None = None) -> LexicalIndex:
        """Index ``texts`` (one per passage, in passage order)."""
        tokenizer = tokenizer or KoreanTokenizer()
        bm25 = bm25s.BM25(k1=1.2, b=0.75)
        bm25.index([toks or [""] for toks in tokenizer.batch(texts)], show_progress=False)
        return cls(bm25, tokenizer)

    def save(self, directory: Path) -> None:
        """Write the index files into ``directory``."""
        self.bm25.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        """Read an index written by :meth:`save`."""
        return cls(bm25s.BM25.load(str(directory), show_progress=False, verbosity=0))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for ``query`` (zeros when no query token is indexed); each token counts once,
        so a word both asked and added by expansion is not counted twice."""
        vocab = self.bm25.vocab_dict
        tokens = list(dict.fromkeys(t for t in self.tokenizer.tokens(query) if t in vocab))
        n = self.bm25.scores["num_docs"]
        if not tokens:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self.bm25.get_scores(tokens), dtype=np.float32)
