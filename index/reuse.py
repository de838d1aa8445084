"""Reuse passage vectors from the previous build: only new or changed passages are embedded again.

A vector is reused when the previous index was built with the same model weights (same sha256)
and the passage's embedding text is identical (matched by its SHA-256).

>>> text_key("passage text") == text_key("passage text")
True
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from index import artifacts

KEYS = "embedding_keys.json"


def text_key(text: str) -> str:
    """Identity of one embedding text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def previous_vectors(previous: Path | None, model_sha256: str) -> dict[str, np.ndarray]:
    """Vectors of the previous build by text key ({} when there is none, or another model built it)."""
    if previous is None:
        return {}
    directory = artifacts.index_dir(previous)
    try:
        manifest = artifacts.read_json(directory / artifacts.MANIFEST)
        if manifest["model"]["sha256"] != model_sha256:
            return {}
        keys = artifacts.read_json(directory / KEYS)
        vectors = np.load(directory / artifacts.EMBEDDINGS)
    except (OSError, KeyError, ValueError):
        return {}
    if len(keys) != len(vectors):
        return {}
    return dict(zip(keys, vectors, strict=True))


def encode_with_reuse(texts: list[str], reusable: dict[str, np.ndarray], encode) -> tuple[np.ndarray, int]:
    """Vectors for ``texts``: reused where possible, ``encode(new_texts)`` for the rest; also the reuse count."""
    keys = [text_key(t) for t in texts]
    missing = [i for i, k in enumerate(keys) if k not in reusable]
    fresh = encode([texts[i] for i in missing]) if missing else None
    dim = fresh.shape[1] if fresh is not None else len(next(iter(reusable.values())))
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for i, k in enumerate(keys):
        if k in reusable:
            out[i] = reusable[k]
    if fresh is not None:
        out[missing] = fresh
    return out, len(texts) - len(missing)


def save_keys(directory: Path, texts: list[str]) -> None:
    """Record the text key of every embedded passage, in index order."""
    artifacts.write_json(directory / KEYS, [text_key(t) for t in texts])
