"""Search on the real corpus: shapes, modes, Korean paraphrases, English queries, OCR-spaced names, errors."""

from __future__ import annotations

import shutil
import threading
from collections import OrderedDict
from dataclasses import replace

import numpy as np
import pytest

from index import artifacts, search
from index.errors import MissingIndexError, StaleIndexError
from index.fact_passages import MAX_SPAN_LINES
from index.fusion import blend, reciprocal_rank_fusion
from index.search import SearchEngine


def _lines(hits):
    return [(h["doc"][:3], h["line_start"], h["line_end"]) for h in hits]


def _covers(hits, doc_prefix, line):
    return any(h["doc"].startswith(doc_prefix) and h["line_start"] <= line <= h["line_end"] for h in hits)


def test_hit_shape_matches_design(engine):
    result = engine.search("재난 구호 협력", k=5)
    assert set(result) == {"query", "mode", "hits", "took_ms", "linked"}
    assert result["mode"] == "hybrid" and len(result["hits"]) == 5
    for hit in result["hits"]:
        assert set(hit) == {"doc", "line_start", "line_end", "text", "score", "title", "entities", "summary",
                            "summary_en", "terms", "method", "confidence"}
        for entity in hit["entities"]:
            assert set(entity) == {"iri", "label", "type"}
            assert entity["iri"].startswith("https://w3id.org/gyoryu/id/")


def test_korean_paraphrase_finds_the_senior_centre_meal_kits(engine):
    hits = engine.search("노인정에 반찬 재료 꾸러미를 보내는 사업", k=5)["hits"]
    assert _covers(hits, "004", 303), _lines(hits)


def test_korean_paraphrase_finds_hometown_donation_agreements(engine):
    hits = engine.search("고향에 기부하는 제도를 함께 키우기로 한 협약", k=10)["hits"]
    assert sum(_covers(hits, "001", line) for line in (299, 301, 336, 343, 346)) >= 3, _lines(hits)


@pytest.mark.parametrize("mode", ["dense", "hybrid"])
def test_english_query_finds_korean_passage(engine, mode):
    hits = engine.search("Which region coordinates the disaster prevention sub-committee?", k=3, mode=mode)["hits"]
    assert _covers(hits, "003", 182) or _covers(hits, "002", 405), _lines(hits)


def test_lexical_finds_ocr_spaced_name(engine):
    hits = engine.search("전라남도", k=5, mode="lexical")["hits"]
    assert _covers(hits, "001", 296), _lines(hits)
    hits = engine.search("완주군 귀농귀촌", k=3, mode="lexical")["hits"]
    assert _covers(hits, "001", 312), _lines(hits)


def test_hits_list_the_entities_they_state_facts_about(engine):
    hits = engine.search("방재분과위원회 코디네이터 효고현", k=3, mode="lexical")["hits"]
    hit = next(h for h in hits if h["doc"].startswith("003"))
    assert "효고현" in {e["label"] for e in hit["entities"]}


@pytest.mark.parametrize("text,k,mode", [("", 5, "hybrid"), ("   ", 5, "hybrid"), ("x" * 501, 5, "hybrid"),
                                         ("재난", 0, "hybrid"), ("재난", 51, "hybrid"), ("재난", 5, "fuzzy")])
def test_bad_input_is_a_value_error(engine, text, k, mode):
    with pytest.raises(ValueError):
        engine.search(text, k=k, mode=mode)


def test_index_built_with_another_model_is_refused(engine, index_settings, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(artifacts.index_dir(index_settings.data_dir), artifacts.index_dir(copy))
    with pytest.raises(StaleIndexError, match="rebuild"):
        SearchEngine.load(copy, replace(index_settings, embed_model="intfloat/multilingual-e5-base"))
    manifest = artifacts.read_json(artifacts.index_dir(copy) / artifacts.MANIFEST)
    manifest["model"]["sha256"] = "0" * 64
    artifacts.write_json(artifacts.index_dir(copy) / artifacts.MANIFEST, manifest)
    with pytest.raises(StaleIndexError, match="changed"):
        SearchEngine.load(copy, index_settings)


def test_missing_index_is_refused(index_settings, tmp_path):
    with pytest.raises(MissingIndexError, match="gyoryu build"):
        SearchEngine.load(tmp_path, index_settings)


def test_repeated_questions_hit_the_embedding_cache(engine, index_settings):
    cached = SearchEngine(**{**engine.__dict__, "_query_cache": OrderedDict(), "_cache_lock": threading.Lock(),
                             "settings": replace(index_settings, embed_cache_size=2)})
    calls = []  # model passes, with or without the data's latent terms
    original = cached._encode
    cached._encode = lambda text, started=None: calls.append(text) or original(text, started)
    first = cached.embed_query("효고현 방재")
    assert cached.embed_query("효고현 방재") is first and len(calls) == 1
    cached.embed_query("b")
    cached.embed_query("c")  # size 2: the least recently used question is dropped
    cached.embed_query("효고현 방재")
    assert len(calls) == 4 and list(cached._query_cache) == ["c", "효고현 방재"]
    off = SearchEngine(**{**engine.__dict__, "_query_cache": OrderedDict(),
                          "settings": replace(index_settings, embed_cache_size=0)})
    off.embed_query("효고현 방재")
    assert not off._query_cache


@pytest.mark.parametrize("question,lines,summary", [
    # the 2024 report's table row and the 2010 brochure's paragraph both state it
    ("Which region coordinates the disaster prevention sub-committee?", {("002", 405), ("003", 182)},
     "코디네이터: 효고현"),
    ("When did Seoul sign with Wando County, and what does the agreement cover?", {("001", None)}, "완도군"),
])
def test_english_question_lands_on_the_fact_lines_with_its_sentence(engine, question, lines, summary):
    hits = engine.search(question, k=3)["hits"]
    facts = [h for h in hits if h["summary"] and summary in h["summary"]]
    assert facts, _lines(hits)
    top = facts[0]
    assert top["summary_en"]
    assert any(top["doc"].startswith(doc) and (line is None or top["line_start"] == line) for doc, line in lines)
    assert top["line_end"] - top["line_start"] < MAX_SPAN_LINES  # the fact's own lines, not a page
    assert len({(h["doc"], h["line_start"], h["line_end"]) for h in hits}) == len(hits)  # same span merged


def test_blend_orders_by_cosine_and_the_query_language():
    ids, fused = np.array([1, 2, 3]), np.array([1.0, 0.95, 0.9])
    cosines, facts = np.array([0.80, 0.80, 0.86]), np.array([True, False, False])
    korean = blend(ids, fused, cosines, facts, 1.0, 0.1, -0.3, 3.0)
    english = blend(ids, fused, cosines, facts, 0.0, 0.1, -0.3, 3.0)
    assert [pid for pid, _ in korean] == [1, 3, 2]  # the fact gains; 3's closer meaning lifts it over 2
    assert [pid for pid, _ in english] == [3, 2, 1]  # the fact loses to both for an English question
    assert all(score > 0 for _, score in english) and english[0][1] == pytest.approx(np.exp(-0.1))
    assert blend(np.array([], dtype=np.int64), np.array([]), np.array([]), np.array([], dtype=bool), 0.5, 0.1, -0.3,
                 3.0) == []


def test_hybrid_blends_the_rank_fusion_and_partners_keep_it(engine, monkeypatch):
    question = "Which region coordinates the disaster prevention sub-committee?"
    monkeypatch.setattr(search, "PARTNER_FEEDBACK_WEIGHT", 0.0)  # partner evidence's own feedback: test_feedback.py
    plain = engine.ranked(question, "hybrid", blended=False)
    blended = engine.ranked(question, "hybrid")
    plain_ids, blended_ids = {pid for pid, _ in plain}, {pid for pid, _ in blended}
    # the same candidates re-ordered, plus those of the best lines (line vectors) and of the feedback (decision 0069)
    assert plain_ids <= blended_ids
    best_lines = set(engine.lines.ranking(engine.embed_query(question), 100)) if engine.lines is not None else set()
    shipped = search.FEEDBACK_WEIGHT
    monkeypatch.setattr(search, "FEEDBACK_WEIGHT", 0.0)
    feedback = set(engine.feedback_ranking(question, engine.link(question), engine.ranked(question, "hybrid")))
    monkeypatch.setattr(search, "FEEDBACK_WEIGHT", shipped)
    latent = set(engine.latent.ranking(engine.encode_query(question)[1], 100)) if engine.latent is not None else set()
    assert blended_ids - plain_ids <= best_lines | feedback | latent
    assert [s for _, s in blended] == sorted((s for _, s in blended), reverse=True)
    facts = [sum(engine.is_fact[pid] for pid, _ in ranking[:10]) for ranking in (plain, blended)]
    assert facts[1] < facts[0], facts  # an English question is no longer drawn to fact sentences for their language
    assert engine.is_fact.sum() == sum(1 for p in engine.passages if p.summary) > 0


def test_rank_fusion_sums_as_a_loop_over_the_lists_does():
    """The array form of the fusion gives the very scores and order of the plain loop (ties by id)."""
    rng = np.random.default_rng(3)
    for _ in range(50):
        rankings = {name: rng.permutation(200)[:rng.integers(0, 100)].tolist() for name in ("a", "b", "c", "d")}
        weights = {"a": 1.5, "b": float(rng.random()), "c": 0.5}  # "d" counts 1
        expected: dict[int, float] = {}
        for name, ranking in rankings.items():
            for rank, pid in enumerate(ranking, start=1):
                expected[pid] = expected.get(pid, 0.0) + weights.get(name, 1.0) / (10 + rank)
        best = sum(weights.get(name, 1.0) for name in rankings) / 11
        assert reciprocal_rank_fusion(rankings, weights, 10) == [
            (pid, score / best) for pid, score in sorted(expected.items(), key=lambda item: (-item[1], item[0]))]
    assert reciprocal_rank_fusion({"a": [], "b": []}, {}) == []
    (first, score), (second, same) = reciprocal_rank_fusion({"a": [3, 1], "b": [1, 3]}, {}, 10)
    assert (first, second) == (1, 3) and score == same == (1 / 11 + 1 / 12) / (2 / 11)  # a tie: the smaller id first


def test_lexical_scores_are_bm25s_sums_bit_for_bit():
    """The one-call scoring adds the same weights in the same order as bm25s's scorer, a token asked twice once."""
    from index.lexical import LexicalIndex

    texts = ["가나시 청소년 교류 협약 체결", "다라시 농업 기술 연수 협약", "청소년 홈스테이 교류 20명 참가",
             "가나시 다라시 우호 협력 교류 교류", "disaster prevention sub-committee 회의"]
    lexical = LexicalIndex.build(texts)
    for query in ("청소년 교류 협약", "가나시 다라시 교류 교류 농업", "disaster 회의 없는말", "없는말"):
        tokens = [t for t in dict.fromkeys(lexical.tokenizer.tokens(query)) if t in lexical.bm25.vocab_dict]
        expected = (np.asarray(lexical.bm25.get_scores(tokens), dtype=np.float32) if tokens
                    else np.zeros(len(texts), dtype=np.float32))
        assert np.array_equal(lexical.scores(query), expected)
    assert lexical.scores("청소년 교류")[2] > lexical.scores("청소년 교류")[1] == 0.0


def test_outermost_terms_drop_the_pieces_of_longer_ones():
    from index.search import outermost

    terms = {"농특산물", "농특", "특산", "산물", "가나시", "가나", "Seoul", "seoul", "a\0b", "a\0bc"}
    assert outermost(terms) == {t for t in terms if not any(t != other and t in other for other in terms)}
    assert outermost(terms) == {"농특산물", "가나시", "Seoul", "seoul", "a\0bc"}


def test_the_lexical_side_beside_the_embedding_gives_the_same_hits(engine, monkeypatch):
    """A hybrid query's lexical side on a helper thread, started when the model starts, or in place (one core, or a
    remembered vector): the same answer, for questions seen before and forgotten ones alike."""
    from index import side_work

    questions = ["청소년 교류 협약", "disaster prevention sub-committee", "자매결연 서울"]
    monkeypatch.setattr(side_work, "cores", lambda: 1)
    in_place = [engine.search(q, 10, "hybrid") for q in questions]
    monkeypatch.setattr(side_work, "cores", lambda: 2)
    started = []
    original = side_work.SideWork.start
    monkeypatch.setattr(side_work.SideWork, "start", lambda work: started.append(work) or original(work))
    for question, expected in zip(questions, in_place, strict=True):
        engine.forget_queries()
        beside = engine.search(question, 10, "hybrid")
        assert beside["hits"] == expected["hits"] and beside["linked"] == expected["linked"]
        assert any(hit["terms"] for hit in beside["hits"])
    assert len(started) == len(questions)  # the model's start handed each new question's lexical side over
    assert engine._lexical_queries and side_work._executor()._max_workers == side_work.THREADS


def test_side_work_not_begun_by_a_helper_is_done_in_place(monkeypatch):
    """Work a helper has not picked up when its result is asked is taken back: the caller never waits for a core."""
    from index import side_work

    monkeypatch.setattr(side_work, "cores", lambda: 2)
    release = threading.Event()
    busy = [side_work._executor().submit(release.wait) for _ in range(side_work.THREADS)]  # every helper taken
    work = side_work.SideWork(lambda a, b: (threading.current_thread().name, a + b), 2, 3)
    work.start()
    name, value = work.result()
    assert value == 5 and name == threading.current_thread().name and not work.on_helper
    release.set()
    assert all(f.result(timeout=10) for f in busy)
    begun = threading.Event()
    helped = side_work.SideWork(lambda: begun.set() or threading.current_thread().name)
    helped.start()
    assert begun.wait(10)  # a helper began it: its result is awaited, not computed again
    assert helped.result().startswith("gyoryu-side") and helped.on_helper
    monkeypatch.setattr(side_work, "cores", lambda: 1)
    alone = side_work.SideWork(lambda: threading.current_thread().name)
    alone.start()
    assert alone.result() == threading.current_thread().name and not alone.on_helper


def test_an_index_loaded_memory_mapped_answers_the_same(engine, index_settings, monkeypatch):
    monkeypatch.setattr(artifacts, "MMAP_ABOVE", 0)  # every index file counts as large (as at 100× the seeds)
    mapped = SearchEngine.load(engine.data_dir, index_settings)
    assert isinstance(mapped.vectors, np.memmap) and not mapped.vectors.flags.writeable
    assert list(mapped.passages) == engine.passages and list(mapped.links) == engine.links  # parsed from the map
    assert mapped.passages[-1] == engine.passages[-1] and mapped.passages[3:9:2] == engine.passages[3:9:2]
    assert mapped.is_fact.tolist() == engine.is_fact.tolist()
    assert {iri: list(ids) for iri, ids in mapped.entity_passages.items()} == engine.entity_passages
    for query in ("재난 구호 협력", "sister city agreement with Japan", "자매결연 체결"):
        for mode in ("hybrid", "dense", "lexical"):
            assert mapped.search(query, k=10, mode=mode)["hits"] == engine.search(query, k=10, mode=mode)["hits"]
    from index.partners import rank_partners

    for need in ("문화 관광 교류 협력 도시", "disaster relief partner"):  # fact passages' links credit partners
        found = rank_partners(mapped, need)["partners"]
        assert found and any(p["reasons"] for p in found) and found == rank_partners(engine, need)["partners"]


def test_latent_terms_from_the_query_s_own_pass_lift_the_passage_sharing_them(engine, monkeypatch):
    from index.latent_terms import LatentIndex, passage_latents, rows_matrix

    monkeypatch.setattr(search, "FEEDBACK_WEIGHT", 0.0)  # the latent list alone (feedback follows the first hits)
    monkeypatch.setattr(search, "PARTNER_FEEDBACK_WEIGHT", 0.0)

    question = "구기자 축제에 온 자매도시 대표단"
    engine = replace(engine, latent=None, _query_cache=OrderedDict())  # the data's own latent terms left out
    before = [pid for pid, _ in engine.ranked(question, "hybrid")]
    target = before[19]  # a candidate at rank 20: its latent terms are the only ones the index holds
    (row,), computed = passage_latents([engine.passages[target].embed_text], lambda: engine.embedder, {})
    assert computed == 1 and len(row[0]) > 0
    empty = (np.zeros(0, np.int32), np.zeros(0, np.float32))
    latent = LatentIndex(rows_matrix([row if pid == target else empty for pid in range(len(engine.passages))]))
    with_latent = replace(engine, latent=latent, _query_cache=OrderedDict())
    vector, terms = with_latent.encode_query(question)
    assert np.array_equal(vector, engine.embedder.encode_queries([engine.model_query(question)])[0])  # one pass
    assert latent.ranking(terms, 100) == [target]
    after = [pid for pid, _ in with_latent.ranked(question, "hybrid")]
    assert after.index(target) < 10 and set(after) == set(before)
    assert [pid for pid, _ in with_latent.ranked(question, "hybrid", blended=False)] == \
        [pid for pid, _ in engine.ranked(question, "hybrid", blended=False)]  # partner evidence keeps its fusion
