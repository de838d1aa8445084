"""ONNX Runtime engines for a BERT sentence-transformers folder: its encoder written as an ONNX graph, in fp32
(``onnx``) or with the matrix products quantised to int8 per output channel (``onnx-int8``; decision 0035).

The graph is written from the folder's own ``config.json`` and ``model.safetensors`` (never downloaded), for
int8 quantised with ``onnxruntime.quantization.quantize_dynamic``, and cached in a sibling folder of the model
(the one-time conversion, like the model's own; the same bytes every time). Every text runs alone, without
padding: its vector depends on the text only — never on the texts beside it in a batch or on how many threads
or processes run — and a batch of one is also the fastest on this CPU (no padded tokens, a small working set).
Several texts run at once on threads that share one session, each on one core.

ONNX Runtime fuses the plain graph when it loads it (LayerNorm, GELU, attention scaling). In int8, activations
are quantised per text and per product (dynamic uint8), weights per output channel to 7 bits (``reduce_range``,
which keeps AVX2's ``u8 × s8`` products from saturating).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

#: The engine names ``GYORYU_EMBED_ENGINE`` takes.
TORCH = "torch"
ONNX = "onnx"
ONNX_INT8 = "onnx-int8"
ENGINES = (TORCH, ONNX, ONNX_INT8)
#: Bumped whenever the written graph or its quantisation changes its vectors, so a cached graph is written again (part
#: of the model's hash: an index embedded before is then stale).
CONVERTER_VERSION = "2"
#: Bumped when the graph gains outputs but its vectors stay the same bits: the cached graph is written again, the
#: model's hash and every built index stay valid ("s": the token states as a second output, decision 0062).
OUTPUTS_VERSION = "s"
#: Linear layers of every encoder layer kept in fp32: the feed-forward output reads GELU's output, whose long
#: tail per-tensor uint8 activations resolve worst (mean cosine to fp32 0.9965 with it quantised, 0.9990 without,
#: for 17 % more time; decision 0035).
FP32_LINEARS = ("output.dense",)
_OPSET = 17


def _bert_graph(config: dict, weights: dict[str, np.ndarray]):
    """The encoder of a BERT model as an fp32 ONNX graph: ``input_ids`` (1 × L) → mean-pooled ``embedding`` (1 × H)
    and the final token ``states`` it pools (1 × L × H; a run that asks only for the embedding copies none)."""
    from onnx import TensorProto, helper, numpy_helper

    hidden, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
    eps = float(config.get("layer_norm_eps", 1e-12))
    inits, nodes = [], []

    def const(name: str, value) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(kind: str, inputs: list[str], output: str, **attrs) -> str:
        nodes.append(helper.make_node(kind, inputs, [output], name=output, **attrs))
        return output

    def linear(prefix: str, x: str) -> str:
        weight = const(prefix + ".weight", weights[prefix + ".weight"].T)
        return op("Add", [op("MatMul", [x, weight], prefix + ".matmul"), const(prefix + ".bias",
                                                                              weights[prefix + ".bias"])], prefix)

    def layer_norm(prefix: str, x: str) -> str:
        return op("LayerNormalization", [x, const(prefix + ".weight", weights[prefix + ".weight"]),
                                         const(prefix + ".bias", weights[prefix + ".bias"])], prefix, axis=-1,
                  epsilon=eps)

    emb = "embeddings."
    # positions and the one token type every text has, added in the order BERT adds them
    const("shape.heads", np.array([0, 0, heads, hidden // heads], np.int64))
    const("shape.hidden", np.array([0, 0, hidden], np.int64))
    const("scale", np.array(1.0 / np.sqrt(hidden // heads), np.float32))
    const("one", np.array([1], np.int64))
    const("two", np.array([2], np.int64))
    const("zero", np.array([0], np.int64))
    words = op("Gather", [const(emb + "word", weights[emb + "word_embeddings.weight"]), "input_ids"], "words")
    typed = op("Add", [words, const(emb + "type", weights[emb + "token_type_embeddings.weight"][0])], "typed")
    length = op("Slice", [op("Shape", ["input_ids"], "shape"), "one", "two"], "length")
    positions = op("Slice", [const(emb + "position", weights[emb + "position_embeddings.weight"]), "zero", length],
                   "positions")
    x = layer_norm(emb + "LayerNorm", op("Add", [typed, positions], "embedded"))
    for n in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{n}."
        q, k, v = (op("Reshape", [linear(p + f"attention.self.{part}", x), "shape.heads"], p + part + ".heads")
                   for part in ("query", "key", "value"))
        scores = op("Mul", [op("MatMul", [op("Transpose", [q], p + "q.t", perm=[0, 2, 1, 3]),
                                          op("Transpose", [k], p + "k.t", perm=[0, 2, 3, 1])], p + "scores"),
                            "scale"], p + "scaled")
        context = op("MatMul", [op("Softmax", [scores], p + "probs", axis=-1),
                                op("Transpose", [v], p + "v.t", perm=[0, 2, 1, 3])], p + "context")
        merged = op("Reshape", [op("Transpose", [context], p + "context.t", perm=[0, 2, 1, 3]), "shape.hidden"],
                    p + "merged")
        attended = layer_norm(p + "attention.output.LayerNorm",
                              op("Add", [linear(p + "attention.output.dense", merged), x], p + "attention.sum"))
        inner = op("Gelu", [linear(p + "intermediate.dense", attended)], p + "gelu", domain="com.microsoft")
        x = layer_norm(p + "output.LayerNorm", op("Add", [linear(p + "output.dense", inner), attended], p + "sum"))
    op("ReduceMean", [x], "embedding", axes=[1], keepdims=0)
    op("Identity", [x], "states")
    graph = helper.make_graph(nodes, "sentence_encoder", [helper.make_tensor_value_info("input_ids", TensorProto.INT64,
                                                                                         [1, "length"])],
                              [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [1, hidden]),
                               helper.make_tensor_value_info("states", TensorProto.FLOAT, [1, "length", hidden])],
                              inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", _OPSET),
                                                    helper.make_opsetid("com.microsoft", 1)],
                              producer_name="gyoryu", producer_version=CONVERTER_VERSION)
    model.ir_version = 9
    return model


@contextlib.contextmanager
def quiet_root_logger():
    """The quantiser warns on the root logger about every tensor after a contrib op (types it cannot infer)."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)


def write_graph(folder: Path, target: Path, engine: str = ONNX, keep_fp32: tuple[str, ...] | None = None,
                fp32_graph: Path | None = None) -> Path:
    """Write ``target``: the BERT encoder of the sentence-transformers ``folder`` in fp32 (``onnx``) or with int8
    matrix products (``onnx-int8``) but for the linear layers named in ``keep_fp32`` (default:
    :data:`FP32_LINEARS` of every layer). ``fp32_graph``: the fp32 graph of ``folder`` already written, which int8
    quantises instead of writing its own copy (the same bytes)."""
    import onnx
    from safetensors.numpy import load_file

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") != "bert":
        raise ValueError(f"the {engine} engine reads BERT models; {folder.name} is {config.get('model_type')!r}")
    if engine == ONNX or fp32_graph is None:
        stored = load_file(str(folder / "model.safetensors"))
        graph = _bert_graph(config, {name.removeprefix("bert."): value for name, value in stored.items()})
    if engine == ONNX:
        onnx.save(graph, str(target))
        return target
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if keep_fp32 is None:
        keep_fp32 = tuple(f"encoder.layer.{n}.{name}" for n in range(int(config["num_hidden_layers"]))
                          for name in FP32_LINEARS)
    with tempfile.TemporaryDirectory(prefix=".onnx-", dir=target.parent) as scratch, quiet_root_logger():
        fp32 = Path(scratch) / "fp32.onnx"  # the quantiser writes its shape-inferred copy beside its input
        if fp32_graph is None:
            onnx.save(graph, str(fp32))
        else:
            try:
                os.link(fp32_graph, fp32)
            except OSError:  # another file system
                shutil.copyfile(fp32_graph, fp32)
        quantize_dynamic(str(fp32), str(target), per_channel=True, reduce_range=True, weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul"], nodes_to_exclude=[f"{name}.matmul" for name in keep_fp32],
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT, "MatMulConstBOnly": True})
    return target


def ensure_graph(folder: Path, engine: str = ONNX) -> Path:
    """The cached graph of the model ``folder`` for ``engine`` (a sibling folder), written atomically when missing
    (int8 from the cached fp32 graph, written first when missing: one fp32 graph written, not two)."""
    cache = folder.parent / f"{folder.name}-{engine}-v{CONVERTER_VERSION}{OUTPUTS_VERSION}"
    target = cache / "model.onnx"
    if target.exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".convert-", dir=cache))
    try:
        write_graph(folder, scratch / "model.onnx", engine, fp32_graph=None if engine == ONNX else ensure_graph(folder))
        with contextlib.suppress(OSError):  # another process may have won the race: its file is the same
            (scratch / "model.onnx").rename(target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


_TOKENIZERS: dict[tuple[str, int | None], object] = {}
_TOKENIZERS_LOCK = threading.Lock()


def folder_tokenizer(folder: Path, truncation: int | None = None):
    """The ``tokenizers`` tokenizer of a model folder (``tokenizer.json``), truncating at ``truncation`` tokens when
    given: read once per process and setting, shared by the engines and embedders of that folder (reading the 250k
    pieces takes ~0.8 s CPU; a cold build read it four times, decision 0110). Only encoding is called on it after."""
    key = (str(Path(folder).resolve()), truncation)
    with _TOKENIZERS_LOCK:
        if key not in _TOKENIZERS:
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(Path(folder) / "tokenizer.json"))
            if truncation is not None:
                tokenizer.enable_truncation(truncation)
            _TOKENIZERS[key] = tokenizer
        return _TOKENIZERS[key]


def default_threads() -> int:
    """Texts run at once: ``OMP_NUM_THREADS`` when set (a build worker's share), else the CPU count."""
    try:
        return max(1, int(os.environ.get("OMP_NUM_THREADS", "")))
    except ValueError:
        return os.cpu_count() or 1


class OnnxEncoder:
    """Unit vectors of texts from the ONNX graph of a sentence-transformers folder, one text per run."""

    def __init__(self, folder: Path, engine: str = ONNX, threads: int | None = None) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one core a text; texts in parallel on threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(ensure_graph(folder, engine)), options,
                                            providers=["CPUExecutionProvider"])
        limit = json.loads((folder / "sentence_bert_config.json").read_text()).get("max_seq_length") or 512
        self.tokenizer = folder_tokenizer(folder, int(limit))
        self.threads = threads or default_threads()

    def _one(self, ids: list[int]) -> np.ndarray:
        return self.session.run(["embedding"], {"input_ids": np.asarray([ids], dtype=np.int64)})[0][0]

    def _both(self, ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
        vector, states = self.session.run(["embedding", "states"], {"input_ids": np.asarray([ids], dtype=np.int64)})
        return vector[0], states[0]

    def _run(self, run: Callable, texts: list[str], prefix: str, started: Callable[[], None] | None) -> list:
        encoded = [e.ids for e in self.tokenizer.encode_batch([prefix + text for text in texts])]
        if started is not None:
            started()
        if self.threads > 1 and len(texts) > 1:
            with ThreadPoolExecutor(min(self.threads, len(texts))) as pool:
                return list(pool.map(run, encoded))
        return [run(ids) for ids in encoded]

    def encode(self, texts: list[str], prefix: str = "", started: Callable[[], None] | None = None) -> np.ndarray:
        """L2-normalised mean-pooled vectors of ``prefix + text`` for each text, in order; ``started`` is called right
        before the model runs (a query's other work then starts on another core: :mod:`index.side_work`)."""
        if not texts:
            return np.zeros((0, self.session.get_outputs()[0].shape[1]), dtype=np.float32)
        return _unit(np.stack(self._run(self._one, texts, prefix, started)))

    def encode_with_states(self, texts: list[str], prefix: str = "", started: Callable[[], None] | None = None,
                           then: Callable[[np.ndarray, np.ndarray], object] | None = None) -> list:
        """Per text, its vector (as :meth:`encode` gives it, bit for bit) and the final states of its content tokens
        (tokens × hidden: not ``<s>``, the pieces of ``prefix`` or ``</s>``), from one run of the model. ``then``:
        per text ``then(vector, states)`` instead, called on the thread that ran the text, right after its run (a
        passage's latent terms then use both cores, not one after the texts' runs; decision 0110)."""
        # the prefix's trailing space joins the text's first piece (▁구): its pieces are those of the stripped prefix
        skip = len(self.tokenizer.encode(prefix.rstrip()).ids) - 1 if prefix.strip() else 1

        def run(ids: list[int]):
            vector, states = self._both(ids)
            vector, states = _unit(vector[None])[0], states[skip:-1]
            return (vector, states) if then is None else then(vector, states)

        return self._run(run, texts, prefix, started)


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = vectors.astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
