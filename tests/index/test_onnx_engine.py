"""The ONNX Runtime engines: the graph computes BERT exactly (checked in fp32 against transformers on a small
random BERT), the conversion is deterministic, and a text's vector depends on that text alone."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import torch
from safetensors.numpy import save_file

from index.embedder import Embedder
from index.onnx_engine import ONNX, ONNX_INT8, TORCH, OnnxEncoder, _bert_graph, ensure_graph, write_graph
from runtime.settings import Settings

TEXTS = [
    "서울특별시와 전 라 남 도 의 농수특산물 직거래 협약",
    "Which region coordinates the disaster prevention sub-committee?",
    "Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ　１２３ and ㈜청양 ①항 ㎡",
    "NEAR 사무국은 2024년 8월 5일부터 한동대학교에서 「2024 NEAR 청년리더스포럼」을 개최하였다.",
]
SMALL = {"architectures": ["BertModel"], "model_type": "bert", "hidden_size": 64, "num_hidden_layers": 2,
         "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 97, "max_position_embeddings": 40,
         "type_vocab_size": 2, "layer_norm_eps": 1e-12, "hidden_act": "gelu"}


@pytest.fixture(scope="module")
def small_bert(tmp_path_factory) -> tuple[Path, object]:
    """A random BERT (seeded) saved as a model folder, and the transformers model itself."""
    from transformers import BertConfig, BertModel

    torch.manual_seed(13)
    model = BertModel(BertConfig(**SMALL), add_pooling_layer=False).eval()
    with torch.no_grad():  # non-trivial LayerNorms and biases
        for name, tensor in model.named_parameters():
            if "LayerNorm" in name or name.endswith("bias"):
                tensor.normal_(1.0 if name.endswith("weight") else 0.0, 0.2)
    folder = tmp_path_factory.mktemp("small") / "bert"
    folder.mkdir()
    save_file({k: v.numpy().copy() for k, v in model.state_dict().items()}, str(folder / "model.safetensors"))
    (folder / "config.json").write_text(json.dumps(SMALL))
    return folder, model


def _fp32_session(folder: Path) -> ort.InferenceSession:
    from safetensors.numpy import load_file

    graph = _bert_graph(json.loads((folder / "config.json").read_text()), load_file(str(folder / "model.safetensors")))
    return ort.InferenceSession(graph.SerializeToString(), providers=["CPUExecutionProvider"])


@pytest.mark.parametrize("ids", [[2, 5, 9, 96, 3], [7], list(range(1, 40))])
def test_fp32_graph_is_bert_mean_pooled(small_bert, ids):
    folder, model = small_bert
    with torch.no_grad():
        expected = model(input_ids=torch.tensor([ids])).last_hidden_state.mean(dim=1).numpy()
    got = _fp32_session(folder).run(None, {"input_ids": np.array([ids], dtype=np.int64)})[0]
    assert got.shape == (1, 64)
    np.testing.assert_allclose(got, expected, atol=2e-5, rtol=1e-4)


def test_int8_graph_is_close_and_written_the_same_twice(small_bert, tmp_path):
    folder, _ = small_bert
    first = write_graph(folder, tmp_path / "a.onnx", ONNX_INT8)
    second = write_graph(folder, tmp_path / "b.onnx", ONNX_INT8)
    assert first.read_bytes() == second.read_bytes()
    ids = np.array([[2, 5, 9, 96, 3, 11, 40, 41]], dtype=np.int64)
    exact = _fp32_session(folder).run(None, {"input_ids": ids})[0][0]
    quantised = ort.InferenceSession(str(first), providers=["CPUExecutionProvider"]).run(None, {"input_ids": ids})[0][0]
    assert not np.array_equal(exact, quantised)
    assert float(exact @ quantised / np.linalg.norm(exact) / np.linalg.norm(quantised)) > 0.99
    kinds = {node.op_type for node in __import__("onnx").load(str(first)).graph.node}
    assert "MatMulInteger" in kinds or "DynamicQuantizeMatMul" in kinds


def test_only_bert_folders_convert(small_bert, tmp_path):
    folder, _ = small_bert
    other = tmp_path / "other"
    other.mkdir()
    (other / "config.json").write_text(json.dumps({**SMALL, "model_type": "roberta"}))
    (other / "model.safetensors").write_bytes((folder / "model.safetensors").read_bytes())
    with pytest.raises(ValueError, match="BERT"):
        write_graph(other, tmp_path / "x.onnx")


@pytest.fixture(scope="module")
def engines() -> dict[str, Embedder]:
    """The default model on each engine."""
    settings = Settings.from_env()
    return {engine: Embedder.load(replace(settings, embed_engine=engine)) for engine in (ONNX, ONNX_INT8, TORCH)}


def test_onnx_engines_are_close_to_torch_and_have_their_own_hash(engines):
    fp32 = engines[TORCH]
    assert len({e.sha256 for e in engines.values()}) == 3
    for engine, floor in ((ONNX, 0.99999), (ONNX_INT8, 0.985)):
        ours = engines[engine]
        assert ours.engine == engine and len(ours.sha256) == 64
        assert ours.dim == fp32.dim == 384 and ours.max_tokens == fp32.max_tokens
        for encode in ("encode_queries", "encode_passages"):
            mine, theirs = getattr(ours, encode)(TEXTS), getattr(fp32, encode)(TEXTS)
            assert mine.shape == (4, 384) and mine.dtype == np.float32
            np.testing.assert_allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-5)
            cosines = (mine * theirs).sum(axis=1)
            assert cosines.min() > floor, (engine, encode, cosines)
        # queries and passages keep their E5 prompts: the same text embeds differently as each
        assert float(ours.encode_queries(TEXTS[:1])[0] @ ours.encode_passages(TEXTS[:1])[0]) < 0.999


@pytest.mark.parametrize("prompt", ["query", "passage"])
def test_one_run_gives_the_vector_and_the_content_token_states_torch_gives(engines, prompt):
    ours, theirs = engines[ONNX].token_states(TEXTS, prompt), engines[TORCH].token_states(TEXTS, prompt)
    vectors = engines[ONNX].encode_queries(TEXTS) if prompt == "query" else engines[ONNX].encode_passages(TEXTS)
    for n, ((vector, states), (_, torch_states)) in enumerate(zip(ours, theirs, strict=True)):
        assert np.array_equal(vector, vectors[n])  # bit for bit what the vector-only run gives
        content = engines[ONNX].token_counts([TEXTS[n]])[0] - 2  # the text's pieces without <s> and </s>
        assert states.shape == torch_states.shape == (content, 384)
        np.testing.assert_allclose(states, torch_states, atol=2e-3)


def test_the_fp32_graph_outputs_the_states_it_pools(small_bert):
    folder, model = small_bert
    ids = [2, 5, 9, 96, 3]
    with torch.no_grad():
        expected = model(input_ids=torch.tensor([ids])).last_hidden_state.numpy()
    pooled, states = _fp32_session(folder).run(["embedding", "states"], {"input_ids": np.array([ids], dtype=np.int64)})
    assert states.shape == (1, 5, 64)
    np.testing.assert_allclose(states, expected, atol=2e-5, rtol=1e-4)
    np.testing.assert_allclose(pooled, states.mean(axis=1), atol=1e-6)


@pytest.mark.parametrize("engine", [ONNX, ONNX_INT8])
def test_a_text_vector_depends_on_the_text_alone(engines, engine):
    ours = engines[engine]
    together = ours.encode_passages(TEXTS)
    alone = np.stack([ours.encode_passages([text])[0] for text in reversed(TEXTS)])[::-1]
    assert np.array_equal(together, alone)
    one_thread = OnnxEncoder(ours.folder, engine, threads=1).encode(TEXTS, "passage: ")
    assert np.array_equal(one_thread, together)
    assert ours.encode_passages([]).shape == (0, 384)


def test_int8_is_quantised_from_the_cached_fp32_graph_with_the_same_bytes(small_bert, tmp_path):
    folder, _ = small_bert
    int8 = ensure_graph(folder, ONNX_INT8)  # nothing cached yet: the fp32 graph is written first, then quantised
    fp32 = ensure_graph(folder, ONNX)
    assert int8.read_bytes() == write_graph(folder, tmp_path / "own.onnx", ONNX_INT8).read_bytes()
    assert fp32.read_bytes() == write_graph(folder, tmp_path / "fp32.onnx", ONNX).read_bytes()
    assert [p.name for p in int8.parent.iterdir()] == [p.name for p in fp32.parent.iterdir()] == ["model.onnx"]


def test_the_graph_is_cached_beside_the_model(engines):
    folder = engines[ONNX].folder
    path = ensure_graph(folder, ONNX)
    assert path.parent.parent == folder.parent and path.parent.name.startswith(folder.name + "-onnx-v")
    assert ensure_graph(folder, ONNX_INT8).parent.name.startswith(folder.name + "-onnx-int8-v")
    stamp = path.stat().st_mtime_ns
    assert ensure_graph(folder, ONNX) == path and path.stat().st_mtime_ns == stamp


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="GYORYU_EMBED_ENGINE"):
        Embedder.load(replace(Settings.from_env(), embed_engine="tensorflow"))


def test_search_embeds_queries_on_the_engine_the_index_was_built_with(built_data, index_manifest):
    from index.search import SearchEngine

    built_with = index_manifest["model"].get("engine", TORCH)  # an index from before engines was built on torch
    for engine in {ONNX, ONNX_INT8, TORCH} - {built_with}:
        settings = replace(Settings.from_env(), data_dir=built_data, embed_engine=engine)
        search = SearchEngine.load(built_data, settings)
        assert search.embedder.engine == built_with
        assert search.embedder.sha256 == index_manifest["model"]["sha256"]


def test_prompts_are_read_once_not_for_every_query(engines, monkeypatch):
    import index.embedder

    ours = Embedder.load(replace(Settings.from_env(), embed_engine=ONNX))
    first = ours.encode_queries(TEXTS[:1])
    assert ours.prompts == {"query": "query: ", "passage": "passage: "}

    def no_reading(folder, name):
        raise AssertionError(f"{name} read again")

    monkeypatch.setattr(index.embedder, "_folder_json", no_reading)
    again = ours.encode_queries(TEXTS[:1])
    assert np.array_equal(again, first)
    assert np.array_equal(again, ours.model.encode(TEXTS[:1], "query: "))
    assert not np.array_equal(ours.encode_passages(TEXTS[:1]), again)
    (vector, states), = ours.token_states(TEXTS[:1], "query")  # a query with latent terms reads none either
    assert np.array_equal(vector, first[0]) and len(states) > 0


def test_then_runs_on_the_text_s_thread_and_gives_what_applying_it_afterwards_gives(engines):
    import threading

    ours = engines[ONNX]
    encoder = OnnxEncoder(ours.folder, ONNX, threads=2)
    seen: set[str] = set()

    def then(vector, states):
        seen.add(threading.current_thread().name)
        return vector.tobytes(), states.shape, float(states.sum())

    texts = TEXTS * 3
    after = [then(vector, states) for vector, states in encoder.encode_with_states(texts, "passage: ")]
    seen.clear()
    assert encoder.encode_with_states(texts, "passage: ", then=then) == after  # bit for bit, in order
    assert threading.current_thread().name not in seen  # on the pool's threads, not the caller's
    assert ours.token_states(texts, "passage", then=then) == after


def test_the_engines_and_embedders_of_a_folder_read_its_tokenizer_once(engines):
    folder = engines[ONNX].folder
    fp32, int8 = OnnxEncoder(folder, ONNX), OnnxEncoder(folder, ONNX_INT8)
    assert fp32.tokenizer is int8.tokenizer  # the truncating one, shared
    assert engines[ONNX].token_counts(TEXTS) == engines[ONNX_INT8].token_counts(TEXTS)
    counting = engines[ONNX]._tokenizer
    assert counting is engines[ONNX_INT8]._tokenizer and counting is not fp32.tokenizer
    long = " ".join(["교류"] * 2000)
    assert engines[ONNX].token_count(long) > engines[ONNX].max_tokens  # counting never truncates
    assert len(fp32.tokenizer.encode(long).ids) == engines[ONNX].max_tokens
