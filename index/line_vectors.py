"""Line vectors: each line of a multi-line document passage embedded on its own, searched as a fourth fused list.

A passage vector averages a screen of lines, so a question that paraphrases one of them meets a diluted
vector. Each line of a document passage of :data:`MIN_LINES` lines or more gets its own vector (the model's
``passage:`` prompt, the line alone); the hybrid ranking fuses the passages ordered by their best line
(:meth:`LineIndex.ranking`) as one more list (decision 0034). Fact passages and one-line passages have none:
their passage vector already is the line's.

Lines are embedded on ``settings.line_engine`` (:func:`line_settings`; int8 by default: a quarter less CPU than
fp32, within 0.005 nDCG@10, decision 0041), passages and queries on ``settings.embed_engine``. Vectors
are keyed by the SHA-256 of the line text and reused from the previous build when its lines were embedded by
the same model on the same engine (``model`` in ``lines.json``), so an ingest embeds only the lines it has not seen.

>>> from index.passages import Passage
>>> [t for _, t in line_texts(Passage("d", 3, 5, "가\\n나\\n다", "제목"))]
['가', '나', '다']
>>> line_texts(Passage("d", 3, 3, "가", "제목")), line_texts(Passage("d", 3, 4, "가\\n나", "제목", summary="사실"))
([], [])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from index import artifacts
from index.dense import build_faiss, flat_vectors, inner_products, load_faiss, refined, save_faiss, search_faiss
from index.passages import MAX_LINES, Passage
from index.reuse import encode_with_reuse, keyed_rows, text_key
from runtime.settings import Settings

#: Fewest lines a document passage needs for its lines to get vectors of their own.
MIN_LINES = 2
LINES = "lines.json"
LINE_VECTORS = "line_vectors.npy"
LINE_FAISS = "lines.faiss"


def line_texts(passage: Passage) -> list[tuple[int, str]]:
    """``(index of the line in the passage text, line)`` for each non-blank line of a document passage of at least
    :data:`MIN_LINES` lines; nothing for a fact passage."""
    if passage.summary:
        return []
    lines = [(i, line) for i, line in enumerate(passage.text.split("\n")) if line.strip()]
    return lines if len(lines) >= MIN_LINES else []


def line_settings(settings: Settings) -> Settings:
    """``settings`` with the line engine as the embedding engine (what :class:`~index.embedder.Embedder` loads)."""
    return replace(settings, embed_engine=settings.line_engine)


def lines_json(owners: list[int], keys: list[str], model_sha256: str) -> dict:
    """The content of ``lines.json``: each line's passage and text key, and the hash of what embedded them."""
    return {"passages": owners, "keys": keys, "model": model_sha256}


def previous_line_vectors(previous: Path | None, model_sha256: str) -> dict[str, np.ndarray]:
    """Line vectors of the previous build's index by text key, when they were embedded by ``model_sha256`` (model
    and engine; an index from before ``lines.json`` named it: the model of its manifest)."""
    if previous is None:
        return {}
    folder = artifacts.index_dir(previous)
    try:
        saved = artifacts.read_json(folder / LINES)
        made_by = saved.get("model") or artifacts.read_json(folder / artifacts.MANIFEST).get("model", {}).get("sha256")
        if made_by != model_sha256:
            return {}
        keys = saved["keys"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return keyed_rows(keys, folder / LINE_VECTORS)


def build_line_vectors(passages: list[Passage], target: Path, previous: dict[str, np.ndarray],
                       encode: Callable[[list[str]], np.ndarray], dim: int, model_sha256: str) -> tuple[int, int]:
    """Write the line vectors of ``passages`` into the index folder ``target`` (``encode``, the model
    ``model_sha256``, embeds the lines ``previous`` lacks); returns how many lines and how many were reused."""
    owners, texts = [], []
    for pid, passage in enumerate(passages):
        for _, text in line_texts(passage):
            owners.append(pid)
            texts.append(text)
    vectors, reused = encode_with_reuse(texts, previous, encode, dim)
    np.save(target / LINE_VECTORS, vectors)
    save_faiss(build_faiss(vectors), target / LINE_FAISS)
    artifacts.write_json(target / LINES, lines_json(owners, [text_key(t) for t in texts], model_sha256))
    return len(texts), reused


@dataclass
class LineIndex:
    """The line vectors of an index: FAISS over them and the passage each line belongs to."""

    faiss_index: object
    owners: np.ndarray
    #: An exact index's vectors, and where each passage's run of lines starts (:meth:`ranking` scans them).
    _vectors: np.ndarray | None = field(default=None, init=False, repr=False)
    _starts: np.ndarray = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        owners = np.asarray(self.owners, dtype=np.int64)
        starts = np.flatnonzero(np.diff(owners, prepend=-1) != 0) if len(owners) else owners
        vectors = flat_vectors(self.faiss_index)
        if vectors is not None and len(vectors) == len(owners) and len(np.unique(owners)) == len(starts):
            self._vectors, self._starts = vectors, starts  # each passage's lines side by side (as the build writes)

    @classmethod
    def load(cls, folder: Path) -> LineIndex | None:
        """The line index in the index folder ``folder``, or None for an index built without one."""
        if not (folder / LINE_FAISS).exists() or not (folder / LINES).exists():
            return None
        owners = np.asarray(artifacts.read_json(folder / LINES)["passages"], dtype=np.int64)
        path, stored = folder / LINE_FAISS, folder / LINE_VECTORS
        index = load_faiss(path, mmap=artifacts.mapped(path))
        if stored.exists():  # an inverted file is re-ranked over the stored line vectors
            index = refined(index, np.load(stored, mmap_mode="r"))  # mapped: only candidates' rows are read
        return cls(faiss_index=index, owners=owners)

    def ranking(self, vector: np.ndarray, depth: int) -> list[int]:
        """Passage ids by their best line's similarity to ``vector``, best first, at most ``depth`` of them.

        A passage has at most :data:`index.passages.MAX_LINES` lines, so the ``depth × MAX_LINES`` closest lines
        name at least ``depth`` passages when the index has that many.
        """
        if not len(self.owners):
            return []
        if self._vectors is not None:
            return self._exact_ranking(vector, depth)
        ids, _ = search_faiss(self.faiss_index, vector, min(len(self.owners), depth * MAX_LINES))
        owners = self.owners[np.asarray(ids, dtype=np.int64)[np.asarray(ids) >= 0]]
        _, first = np.unique(owners, return_index=True)
        return owners[np.sort(first)][:depth].tolist()

    def _exact_ranking(self, vector: np.ndarray, depth: int) -> list[int]:
        """:meth:`ranking` over an exact index without a top-k search: every line's score by FAISS's kernel, each
        passage's best, passages by it. The same list as the search's: equal scores put the later line (so the later
        passage) first, as a flat FAISS search orders them."""
        best = np.maximum.reduceat(inner_products(self._vectors, vector), self._starts)
        order = np.lexsort((-self._starts, -best))[:depth]
        return self.owners[self._starts[order]].tolist()
