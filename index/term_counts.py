"""Per-passage term counts: what BM25 is built from, kept with the index so a passage is tokenised once.

The counts are a sparse passages × terms matrix (CSR: ``indptr``, ``indices``, ``counts``) over a sorted
vocabulary, with the SHA-256 of each passage's lexical text. A build takes the rows of passages whose text
it has seen (no Kiwi), tokenises only the new texts, and stacks the rows in passage order; document
frequencies, lengths and BM25 weights then follow from the matrix in a few array operations, so an ingest
into a large corpus re-tokenises nothing and a removed passage's row is simply left out. The matrix depends
only on the passages and their order (sorted vocabulary, sorted columns per row), never on what was reused:
an incremental build writes the same files as a build from scratch.

>>> counts = TermCounts.from_tokens([["강릉", "관광"], [], ["관광", "관광"]], ["a", "b", "c"])
>>> counts.vocab, counts.document_frequencies().tolist(), counts.lengths().tolist()
(['', '강릉', '관광'], [1, 1, 2], [2, 1, 2])
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ARRAYS = "term_counts.npz"
KEYS = "term_counts.json"


@dataclass
class TermCounts:
    """Term counts of passages (rows, in passage order) over ``vocab`` (columns, sorted)."""

    vocab: list[str]
    keys: list[str]
    indptr: np.ndarray
    indices: np.ndarray
    counts: np.ndarray

    @classmethod
    def empty(cls) -> TermCounts:
        """No passages."""
        return cls([], [], np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32))

    @classmethod
    def from_tokens(cls, tokens: list[list[str]], keys: list[str]) -> TermCounts:
        """Counts of token lists (a passage without tokens counts the empty term once, as bm25s did)."""
        return cls.empty().assemble(keys, {k: t for k, t in zip(keys, tokens, strict=True)}.get)

    @classmethod
    def stacked(cls, parts: list[TermCounts]) -> TermCounts:
        """The rows of ``parts`` one after the other, over the sorted union of their vocabularies (what
        :meth:`assemble` gives for all their keys at once).

        >>> a, b = TermCounts.from_tokens([["나", "가"]], ["a"]), TermCounts.from_tokens([["다", "나", "나"]], ["b"])
        >>> both = TermCounts.stacked([a, b])
        >>> both.vocab, both.indices.tolist(), both.counts.tolist(), both.indptr.tolist()
        (['가', '나', '다'], [0, 1, 1, 2], [1, 1, 2, 1], [0, 2, 4])
        """
        vocab = sorted(set().union(*(part.vocab for part in parts)))
        column = {term: i for i, term in enumerate(vocab)}
        indices, counts, indptr, keys = [], [], [np.zeros(1, dtype=np.int64)], []
        offset = 0
        for part in parts:
            remap = np.asarray([column[t] for t in part.vocab], dtype=np.int32)  # sorted to sorted: rows stay sorted
            indices.append(remap[part.indices] if len(part.indices) else part.indices.astype(np.int32))
            counts.append(part.counts.astype(np.int32))
            indptr.append(part.indptr[1:].astype(np.int64) + offset)
            offset += int(part.indptr[-1])
            keys += part.keys
        if not parts:
            return cls.empty()
        return cls(vocab, keys, np.concatenate(indptr), np.concatenate(indices).astype(np.int32),
                   np.concatenate(counts))

    def row_of(self) -> dict[str, int]:
        """Row index by text key (the first row of a key)."""
        out: dict[str, int] = {}
        for i, key in enumerate(self.keys):
            out.setdefault(key, i)
        return out

    def assemble(self, keys: list[str], tokens_of: Callable[[str], list[str] | None]) -> TermCounts:
        """The counts of passages with lexical-text ``keys``: this matrix's row for a key it holds, else the counts
        of ``tokens_of(key)`` (called once per new key). Rows taken over are copied as arrays, never re-read."""
        known = self.row_of()
        fresh: dict[str, Counter] = {}
        for key in keys:
            if key not in known and key not in fresh:
                fresh[key] = Counter(tokens_of(key) or [""])
        taken = np.array([known.get(k, -1) for k in keys], dtype=np.int64)
        old_rows = taken[taken >= 0]
        old_entries, old_indptr = _gather(self.indptr, old_rows)
        used = np.unique(self.indices[old_entries])
        terms = sorted({self.vocab[i] for i in used.tolist()}.union(*fresh.values()))
        column = {t: i for i, t in enumerate(terms)}
        old_to_new = np.full(len(self.vocab), -1, dtype=np.int32)
        old_to_new[used] = [column[self.vocab[i]] for i in used.tolist()]  # sorted to sorted: rows stay sorted
        new_keys = list(fresh)
        new_cols: list[int] = []
        new_vals: list[int] = []
        new_indptr = [0]
        for key in new_keys:
            pairs = sorted((column[t], n) for t, n in fresh[key].items())
            new_cols.extend(c for c, _ in pairs)
            new_vals.extend(n for _, n in pairs)
            new_indptr.append(len(new_cols))
        pool_indices = np.concatenate([old_to_new[self.indices[old_entries]], np.asarray(new_cols, dtype=np.int32)])
        pool_counts = np.concatenate([self.counts[old_entries], np.asarray(new_vals, dtype=np.int32)])
        pool_indptr = np.concatenate([old_indptr, old_indptr[-1] + np.asarray(new_indptr[1:], dtype=np.int64)])
        new_row = {k: len(old_rows) + i for i, k in enumerate(new_keys)}
        pool_row = np.empty(len(keys), dtype=np.int64)
        pool_row[taken >= 0] = np.arange(len(old_rows))
        pool_row[taken < 0] = [new_row[k] for k, t in zip(keys, taken.tolist(), strict=True) if t < 0]
        entries, indptr = _gather(pool_indptr, pool_row)
        return TermCounts(terms, list(keys), indptr, pool_indices[entries].astype(np.int32),
                          pool_counts[entries].astype(np.int32))

    def document_frequencies(self) -> np.ndarray:
        """How many passages hold each term."""
        return np.bincount(self.indices, minlength=len(self.vocab))

    def lengths(self) -> np.ndarray:
        """Tokens per passage (repeats counted)."""
        return np.add.reduceat(self.counts, self.indptr[:-1]) if len(self.counts) else np.zeros(len(self.keys), int)

    def save(self, directory: Path) -> None:
        """Write the matrix (``.npz``) and the vocabulary and keys (``.json``) into ``directory``."""
        np.savez(directory / ARRAYS, indptr=self.indptr, indices=self.indices, counts=self.counts)
        (directory / KEYS).write_text(json.dumps({"vocab": self.vocab, "keys": self.keys}, ensure_ascii=False),
                                      encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> TermCounts:
        """Read what :meth:`save` wrote; :class:`OSError` or :class:`ValueError` when it is missing or damaged."""
        names = json.loads((directory / KEYS).read_text(encoding="utf-8"))
        with np.load(directory / ARRAYS) as arrays:
            counts = cls(names["vocab"], names["keys"], arrays["indptr"], arrays["indices"], arrays["counts"])
        if len(counts.indptr) != len(counts.keys) + 1 or counts.indptr[-1] != len(counts.indices):
            raise ValueError(f"{directory / ARRAYS} does not match {directory / KEYS}")
        return counts


def _gather(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Entry positions of ``rows`` (in that order) in a CSR matrix with ``indptr``, and the indptr they form."""
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    out_indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=out_indptr[1:])
    entries = np.arange(out_indptr[-1], dtype=np.int64) - np.repeat(out_indptr[:-1] - starts, lengths)
    return entries, out_indptr
