"""BM25 over Korean morphemes (``bm25s``), saved next to the passages."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np

from index.korean import KoreanTokenizer

#: Score matrices larger than this (bytes) are memory-mapped when loaded (about 100× the seed corpus).
MMAP_ABOVE = 64 * 1024 * 1024


class LexicalIndex:
    """A BM25 index over passages; :meth:`scores` gives one score per passage."""

    def __init__(self, bm25: bm25s.BM25, tokenizer: KoreanTokenizer | None = None) -> None:
        self.bm25 = bm25
        self.tokenizer = tokenizer or KoreanTokenizer()

    @classmethod
    def build(cls, texts: list[str], tokenizer: KoreanTokenizer | None = None) -> LexicalIndex:
        """Index ``texts`` (one per passage, in passage order)."""
        tokenizer = tokenizer or KoreanTokenizer()
        return cls.from_tokens(tokenizer.batch(texts), tokenizer)

    @classmethod
    def from_tokens(cls, tokens: list[list[str]], tokenizer: KoreanTokenizer | None = None) -> LexicalIndex:
        """Index passages already tokenised by ``tokenizer`` (one token list per passage, in passage order)."""
        corpus = [toks or [""] for toks in tokens]
        vocab = {token: i for i, token in enumerate(sorted({t for toks in corpus for t in toks}))}
        bm25 = bm25s.BM25(k1=1.2, b=0.75)  # term ids in sorted order: the same files from the same passages
        bm25.index(([[vocab[t] for t in toks] for toks in corpus], vocab), show_progress=False)
        return cls(bm25, tokenizer or KoreanTokenizer())

    def save(self, directory: Path) -> None:
        """Write the index files into ``directory``."""
        self.bm25.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path, mmap: bool | None = None) -> LexicalIndex:
        """Read an index written by :meth:`save`; ``mmap`` (default: above :data:`MMAP_ABOVE` bytes) maps its
        score matrix from disk instead of reading it into memory (same scores; pages are read as queries need them)."""
        if mmap is None:
            mmap = sum(f.stat().st_size for f in Path(directory).glob("*.npy")) > MMAP_ABOVE
        return cls(bm25s.BM25.load(str(directory), mmap=mmap, show_progress=False, verbosity=0))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage for ``query`` (zeros when no query token is indexed); each token counts once,
        so a word both asked and added by expansion is not counted twice."""
        vocab = self.bm25.vocab_dict
        tokens = list(dict.fromkeys(t for t in self.tokenizer.tokens(query) if t in vocab))
        n = self.bm25.scores["num_docs"]
        if not tokens:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self.bm25.get_scores(tokens), dtype=np.float32)
