"""Passage embedding as tasks an executor runs: texts cut into chunks of one document each, the model loaded
once per worker (and once in this process, shared with the rest of the index build).

The chunking is the same whatever runs the chunks, so a build in this process and one on workers give
the same vectors bit for bit (the model's batches, and so its rounding, are the same).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from itertools import groupby

import numpy as np

from index.embedder import Embedder
from runtime.executors import Executor, chunks, made_count, per_worker, worker_id
from runtime.progress import Progress
from runtime.settings import Settings

#: Passages per task (at most; a chunk never spans two documents).
CHUNK_PASSAGES = 64

Loader = Callable[[Settings], Embedder]


def _model_key(load: Loader, settings: Settings) -> tuple:
    """What names one loaded model (not the whole settings: builds into other data directories share it)."""
    return "embedder", load, settings.embed_model, str(settings.model_cache)


def loaded_embedder(load: Loader, settings: Settings) -> Embedder:
    """``load(settings)``, once per process."""
    return per_worker(_model_key(load, settings), partial(load, settings))


def encode_chunk(load: Loader, settings: Settings, texts: list[str]) -> tuple[np.ndarray, str, int]:
    """The task: passage vectors of ``texts``, the worker that made them and how often it has loaded the model."""
    vectors = loaded_embedder(load, settings).encode_passages(texts)
    return vectors, worker_id(), made_count[_model_key(load, settings)]


def chunked_encoder(executor: Executor, load: Loader, settings: Settings, texts: Sequence[str],
                    docs: Sequence[str], progress: Progress) -> Callable[[list[str]], np.ndarray]:
    """``encode(some_texts)`` for :func:`index.reuse.encode_with_reuse`: chunks of :data:`CHUNK_PASSAGES`
    passages of one document (``docs[i]`` is the document of ``texts[i]``) mapped over ``executor``."""
    owner = dict(zip(reversed(texts), reversed(docs), strict=True))  # a text's first document

    def encode(wanted: list[str]) -> np.ndarray:
        work = [(doc, chunk) for doc, run in groupby(wanted, key=owner.__getitem__)
                for chunk in chunks(run, CHUNK_PASSAGES)]
        labels = [f"{doc} (passages {len(chunk)})" for doc, chunk in work]
        out, loads = [], {}
        results = executor.map(partial(encode_chunk, load, settings), [chunk for _, chunk in work], labels)
        for (doc, chunk), (vectors, worker, loaded) in zip(work, results, strict=True):
            out.append(vectors)
            loads[worker] = loaded
            progress.step(f"{doc}: {len(chunk)} passages embedded")
        times = "once in each" if set(loads.values()) == {1} else f"{sum(loads.values())} times in all"
        progress.step(f"model loaded {times} of {len(loads)} workers ({executor.description})")
        return np.concatenate(out)

    return encode
