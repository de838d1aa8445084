"""Pseudo-relevance feedback (index/feedback.py): the first hits' terms as one more fused list."""

from __future__ import annotations

import numpy as np
import pytest

from index import search
from index.feedback import expansion_terms
from index.fusion import blend, korean_share
from index.lexical import LexicalIndex

TEXTS = ["가나시 김장 나눔 행사 배추 3천 포기", "다라시 김장 봉사 배추 양념 버무리기", "마바시 청소년 축구 교류 경기",
         "배추 양념 나눔 봉사 부녀회", "사아시 관광 홍보 박람회 참가"]


@pytest.fixture(scope="module")
def lexical() -> LexicalIndex:
    return LexicalIndex.build(TEXTS)


def test_passage_rows_hold_the_bm25_weights_of_the_columns(lexical):
    rows = lexical.by_passage
    assert rows.shape[0] == len(TEXTS)
    for query in ("김장 배추", "청소년 축구 교류", "양념 봉사"):
        ids = lexical.term_ids(query)
        by_rows = np.asarray(rows[:, ids].sum(axis=1)).ravel()
        assert np.allclose(by_rows, lexical.scores(query), atol=1e-6)
        assert np.allclose(lexical.weighted_scores(np.array(ids), np.ones(len(ids))), lexical.scores(query), atol=1e-6)
    ids = lexical.term_ids("김장 축구")
    assert np.allclose(lexical.weighted_scores(np.array(ids), np.array([2.0, 0.0])), 2 * lexical.scores("김장"))


def test_the_first_hits_terms_find_a_passage_without_the_question_s_words(lexical):
    """A question asking 김장 finds passages 0 and 1; their other words (배추, 양념, 봉사, 나눔) find passage 3, which
    never says 김장, far above the unrelated passages."""
    asked = lexical.term_ids("김장")
    scores = lexical.scores("김장")
    assert scores[3] == 0.0 and scores[0] > 0 and scores[1] > 0
    top = np.argsort(-scores, kind="stable")[:2]
    terms, weights = expansion_terms(lexical.by_passage, top, np.array([1.0, 0.8]), asked, count=20)
    vocab = {i: t for t, i in lexical.bm25.vocab_dict.items()}
    words = {vocab[t] for t in terms.tolist()}
    assert "김장" not in words and {"배추", "양념", "봉사"} <= words and not words & {"축구", "관광"}
    assert list(weights) == sorted(weights, reverse=True) and (weights > 0).all()
    found = lexical.weighted_scores(terms, weights)
    assert found[3] > 5 * max(found[2], found[4])  # the unrelated passages share at most a piece of a place name
    assert set(search.top_positive(found, 5).tolist()[:3]) == {0, 1, 3}


def test_expansion_terms_weigh_passages_by_their_strength_and_keep_the_count():
    import scipy.sparse as sp

    rows = sp.csr_matrix(np.array([[4.0, 0.0, 0.0], [0.0, 1.0, 1.0], [0.0, 0.0, 0.0]]))
    terms, weights = expansion_terms(rows, np.array([0, 1, 2]), np.array([1.0, 1.0, 1.0]), asked=[], count=3)
    assert terms.tolist() == [0, 1, 2] and weights.tolist() == [1.0, 0.5, 0.5]  # an empty passage gives nothing
    terms, _ = expansion_terms(rows, np.array([0, 1]), np.array([0.2, 1.0]), asked=[], count=1)
    assert terms.tolist() == [1]  # the stronger passage's terms first; a tie goes to the smaller term id
    assert expansion_terms(rows, np.array([0]), np.array([1.0]), asked=[0])[0].tolist() == []
    assert expansion_terms(rows, np.array([], dtype=np.int64), np.array([]), asked=[])[0].tolist() == []


def test_hybrid_ranking_fuses_the_feedback_list(engine, monkeypatch):
    """On the built seed index: the feedback list comes from the blended ranking's first hits, and a hybrid ranking
    with it holds only candidates of the other lists or of it; partner evidence fuses the same list into the plain
    fusion."""
    question = "겨울철 배추를 함께 버무려 이웃과 나눈 행사"
    monkeypatch.setattr(search, "FEEDBACK_WEIGHT", 0.0)
    monkeypatch.setattr(search, "PARTNER_FEEDBACK_WEIGHT", 0.0)
    without = engine.ranked(question, "hybrid")
    plain = engine.ranked(question, "hybrid", blended=False)
    links = engine.link(question)
    feedback = engine.feedback_ranking(question, links, without)
    assert len(feedback) > 10
    asked = set(engine.lexical.term_ids(engine.remembered_lexical_query(question, links)))
    top_terms = set(engine.lexical.by_passage[[pid for pid, _ in without[:search.FEEDBACK_PASSAGES]]].indices.tolist())
    assert top_terms - asked  # the first hits say more than the question asked
    for pid in feedback[:10]:  # every feedback passage shares a term of the first hits that the question lacks
        assert set(engine.lexical.by_passage[pid].indices.tolist()) & (top_terms - asked)
    monkeypatch.setattr(search, "FEEDBACK_WEIGHT", 0.5)
    with_feedback = engine.ranked(question, "hybrid")
    assert {pid for pid, _ in with_feedback} == {pid for pid, _ in without} | set(feedback)
    assert [s for _, s in with_feedback] == sorted((s for _, s in with_feedback), reverse=True)
    assert engine.ranked(question, "hybrid", blended=False) == plain  # feedback off: the plain fusion as before
    monkeypatch.setattr(search, "PARTNER_FEEDBACK_WEIGHT", 0.5)
    evidence = engine.ranked(question, "hybrid", blended=False)  # partner evidence: the plain fusion with the list
    ids = np.array([pid for pid, _ in plain])  # its source: the plain fusion blended (no line or latent list)
    source = blend(ids, np.array([score for _, score in plain]), engine.vectors[ids] @ engine.embed_query(question),
                   engine.is_fact[ids], korean_share(question), search.FACT_KO, search.FACT_EN, search.COSINE_WEIGHT)
    partner_feedback = engine.feedback_ranking(question, links, source)
    assert {pid for pid, _ in evidence} == {pid for pid, _ in plain} | set(partner_feedback)
    assert set(partner_feedback) - {pid for pid, _ in plain}  # it brings candidates the plain fusion lacked
    assert [s for _, s in evidence] == sorted((s for _, s in evidence), reverse=True)
    assert engine.feedback_ranking(question, links, []) == []
