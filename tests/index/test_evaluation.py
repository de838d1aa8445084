"""The dev set and the evaluation: hybrid beats both single modes on nDCG@10."""

from __future__ import annotations

from index.artifacts import read_jsonl
from index.evaluation import DEVSET, PARTNER_SET, format_eval, run_eval


def test_devset_is_large_bilingual_and_judged_on_real_lines(documents):
    queries = read_jsonl(DEVSET)
    lengths = {d.id: len(d.lines) for d in documents}
    assert len(queries) >= 40
    assert {q["lang"] for q in queries} == {"ko", "en"}
    assert len({q["id"] for q in queries}) == len(queries)
    for q in queries:
        assert q["relevant"], q["id"]
        for doc, start, end in q["relevant"]:
            assert 1 <= start <= end <= lengths[doc], q["id"]
    assert read_jsonl(PARTNER_SET)


def test_hybrid_beats_both_single_modes(engine, index_settings):
    result = run_eval(index_settings.data_dir, index_settings, engine=engine)
    ndcg = {mode: result["modes"][mode]["ndcg@10"] for mode in ("lexical", "dense", "hybrid")}
    assert ndcg["hybrid"] > ndcg["dense"] and ndcg["hybrid"] > ndcg["lexical"], ndcg
    assert 0 <= result["partners"]["recall@10"] <= 1
    text = format_eval(result)
    assert "nDCG@10" in text and "partner recall@10" in text
