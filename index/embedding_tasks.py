"""Passage embedding as tasks an executor runs: the texts to embed sorted by length and cut into chunks,
the model loaded once per worker (and once in this process, shared with the rest of the index build).

The chunks depend only on the set of texts (sorted by token count, then by text), never on the order
they come in or on what runs them, so a build in this process and one on workers give the same vectors
bit for bit (the model's batches, and so its rounding, are the same). Sorting the whole corpus by length
keeps each batch's padding small: a batch is as long as its longest text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from math import ceil

import numpy as np

from index.embedder import Embedder
from index.latent_terms import PASSAGE_TERMS, Latent, passage_head
from index.onnx_engine import TORCH
from runtime.executors import Executor, chunks, made_count, per_worker, worker_id
from runtime.progress import Progress
from runtime.settings import Settings

#: Passages per task, at most.
CHUNK_PASSAGES = 64
#: Fewest tasks a set of texts is cut into (when it has that many texts), so that several workers share
#: even a small corpus.
MIN_CHUNKS = 4
#: Documents a chunk's label names before "…".
LABEL_DOCUMENTS = 3

Loader = Callable[[Settings], Embedder]


def _model_key(load: Loader, settings: Settings) -> tuple:
    """What names one loaded model (not the whole settings: builds into other data directories share it)."""
    return "embedder", load, settings.embed_model, settings.embed_engine, str(settings.model_cache)


def loaded_embedder(load: Loader, settings: Settings) -> Embedder:
    """``load(settings)``, once per process."""
    return per_worker(_model_key(load, settings), partial(load, settings))


def encode_chunk(load: Loader, settings: Settings, texts: list[str], latent: bool = False
                 ) -> tuple[np.ndarray, str, int, list[Latent] | None]:
    """The task: passage vectors of ``texts``, the worker that made them, how often it has loaded the model and, when
    ``latent`` and the engine is ONNX, the texts' latent terms from the same run (the graph outputs the token states;
    decision 0062), else None."""
    embedder = loaded_embedder(load, settings)
    latents = None
    if latent and embedder.engine != TORCH:
        head = passage_head()
        head.session  # noqa: B018 - made once here, not by two threads at once
        rows = embedder.token_states(texts, "passage", then=lambda vector, states: (
            vector, head.latents(states, PASSAGE_TERMS)))
        vectors = np.stack([vector for vector, _ in rows]) if rows else embedder.encode_passages(texts)
        latents = [terms for _, terms in rows]
    else:
        vectors = embedder.encode_passages(texts)
    return vectors, worker_id(), made_count[_model_key(load, settings)], latents


def length_sorted_chunks(texts: Sequence[str], counts: Sequence[int]) -> list[list[str]]:
    """The distinct ``texts`` sorted by token count (``counts[i]`` is that of ``texts[i]``) then by text, cut
    into chunks of at most :data:`CHUNK_PASSAGES` (at least :data:`MIN_CHUNKS` chunks when there are enough).

    >>> length_sorted_chunks(["ccc", "a", "bb", "a", "dd"], [3, 1, 2, 1, 2])
    [['a'], ['bb'], ['dd'], ['ccc']]
    """
    count_of = dict(zip(texts, counts, strict=True))
    ordered = sorted(count_of, key=lambda text: (count_of[text], text))
    size = max(1, min(CHUNK_PASSAGES, ceil(len(ordered) / MIN_CHUNKS)))
    return chunks(ordered, size)


def _label(chunk: list[str], owner: dict[str, str], unit: str) -> str:
    docs = list(dict.fromkeys(sorted(owner[t] for t in chunk)))
    named = ", ".join(docs[:LABEL_DOCUMENTS]) + (f" and {len(docs) - LABEL_DOCUMENTS} more" if len(docs) >
                                                 LABEL_DOCUMENTS else "")
    return f"{named} ({len(chunk)} {unit})"


def chunked_encoder(executor: Executor, load: Loader, settings: Settings, texts: Sequence[str],
                    docs: Sequence[str], counts: Callable[[list[str]], list[int]],
                    progress: Progress, unit: str = "passages", latents: dict[str, Latent] | None = None
                    ) -> Callable[[list[str]], np.ndarray]:
    """``encode(some_texts)`` for :func:`index.reuse.encode_with_reuse`: :func:`length_sorted_chunks` of the
    texts (``counts`` gives their token counts) mapped over ``executor``; a chunk's label names the documents
    of its texts (``docs[i]`` is the document of ``texts[i]``) and counts them as ``unit``. ``latents``: filled
    with the latent terms of each text embedded, by text, when the engine gives them from the same run."""
    owner = dict(zip(reversed(texts), reversed(docs), strict=True))  # a text's first document

    def encode(wanted: list[str]) -> np.ndarray:
        distinct = list(dict.fromkeys(wanted))
        work = length_sorted_chunks(distinct, counts(distinct))
        labels = [_label(chunk, owner, unit) for chunk in work]
        vector_of, loads = {}, {}
        results = executor.map(partial(encode_chunk, load, settings, latent=latents is not None), work, labels)
        for n, (chunk, label, (vectors, worker, loaded, rows)) in enumerate(zip(work, labels, results, strict=True),
                                                                            1):
            vector_of.update(zip(chunk, vectors, strict=True))
            if rows is not None and latents is not None:
                latents.update(zip(chunk, rows, strict=True))
            loads[worker] = loaded
            progress.step(f"chunk {n} of {len(work)}: {label} embedded")
        times = "once in each" if set(loads.values()) == {1} else f"{sum(loads.values())} times in all"
        progress.step(f"model loaded {times} of {len(loads)} workers ({executor.description})")
        return np.stack([vector_of[text] for text in wanted]) if wanted else np.zeros((0, 0), dtype=np.float32)

    return encode
