"""The judged set and the scorer: graded nDCG@10 per split × mode × language; the frozen files are intact."""

from __future__ import annotations

import hashlib

from index.artifacts import read_jsonl
from index.evaluation import (
    EVAL_DIR,
    PARTNER_NEEDS,
    QUESTIONS,
    SEARCH_DOCS,
    evaluate_partners,
    format_eval,
    format_span_places,
    format_tune_questions,
    judged_spans,
    metrics,
    run_eval,
    span_place,
    tune_span_places,
)
from index.partners import rank_partners


def test_judged_set_is_frozen_by_its_hashes():
    for line in (EVAL_DIR / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        path = EVAL_DIR / name.lstrip("*")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, name


def test_judged_set_is_split_bilingual_and_judged_on_real_lines(documents):
    lengths = {d.id: len(d.lines) for d in documents}
    lengths.update({p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in SEARCH_DOCS.iterdir()})
    queries = read_jsonl(QUESTIONS)
    assert len(queries) >= 120 and sum(q["lang"] == "en" for q in queries) >= 40
    assert {q["split"] for q in queries} == {"tune", "heldout"}
    for q in queries:
        for doc, start, end, grade in q["relevant"]:
            assert 1 <= start <= end <= lengths[doc] and grade in (1, 2, 3), q["id"]
    assert len(read_jsonl(PARTNER_NEEDS)) >= 40


def test_graded_gain_and_each_span_counted_once():
    q = {"relevant": [["a", 1, 1, 3], ["a", 5, 5, 1]],
         "quotes": [{"doc": "a", "line": 5, "quote": "partner cities"}]}
    spans = judged_spans(q)
    best = metrics([("a", 1, 2, ""), ("b", 1, 1, "")], spans)
    repeated = metrics([("a", 1, 1, ""), ("a", 1, 1, "")], spans)
    by_quote = metrics([("x", 1, 1, ""), ("a", 40, 41, "our partner  cities")], spans)
    assert round(best["ndcg@10"], 4) == round(3 / (3 + 1 / 1.5849625), 4)
    assert repeated["ndcg@10"] == best["ndcg@10"] and repeated["recall@10"] == 0.5
    assert by_quote["recall@10"] == 0.5 and by_quote["mrr"] == 0.5


def test_eval_reports_every_split_mode_and_language(engine, index_settings):
    result = run_eval(index_settings.data_dir, index_settings, engine=engine)
    for split in ("tune", "heldout"):
        for mode in ("lexical", "dense", "hybrid"):
            assert set(result["splits"][split][mode]) == {"ko", "en", "all"}
        needs = [q for q in read_jsonl(PARTNER_NEEDS) if q["split"] == split]
        assert result["partners"][split]["needs"] == len(needs)
        assert result["partners"][split]["recall@10"] > 0, split
    tune = result["splits"]["tune"]
    assert tune["hybrid"]["all"]["ndcg@10"] > tune["dense"]["all"]["ndcg@10"]
    assert tune["hybrid"]["all"]["ndcg@10"] > tune["lexical"]["all"]["ndcg@10"]
    text = format_eval(result)
    assert "heldout  hybrid   en" in text and "partner recall@10 [heldout]" in text
    listed = format_tune_questions(result).splitlines()[2:]
    tune = [q for q in read_jsonl(QUESTIONS) if q["split"] == "tune"]
    assert sorted(line.split()[-1] for line in listed) == sorted(q["id"] for q in tune)  # never a held-out one
    scores = [float(line.split()[2]) for line in listed]
    assert scores == sorted(scores)


def test_partner_recall_counts_the_expected_partners_found(engine):
    need = "방재 분야 협력을 이끄는 지방정부"
    found = [p["label"] for p in rank_partners(engine, need, k=10)["partners"]]
    assert len(found) == 10
    result = evaluate_partners(engine, [
        {"query": need, "expected": found[:4], "split": "tune"},
        {"query": need, "expected": [found[0], found[9], "없는지역", "또없는지역"], "split": "heldout"},
        {"query": need, "expected": ["없는지역"], "split": "heldout"},
    ])
    assert result == {"tune": {"recall@10": 1.0, "needs": 1}, "heldout": {"recall@10": 0.25, "needs": 2},
                      "all": {"recall@10": 0.5, "needs": 3}}


def test_span_places_count_every_tune_span_once_and_skip_held_out(engine):
    tune = [q for q in read_jsonl(QUESTIONS) if q["split"] == "tune"][:12]
    unread = {"id": "x", "split": "heldout", "kind": "secret", "query": "서울", "relevant": [["nowhere", 1, 1, 3]]}
    kinds = tune_span_places(engine, [*tune, unread])
    assert "secret" not in kinds and sum(row["questions"] for row in kinds.values()) == len(tune)
    counted = sum(sum(row["places"].values()) for row in kinds.values())
    assert counted == sum(len(q["relevant"]) for q in tune)
    losses = [row["loss"] for row in kinds.values()]
    assert losses == sorted(losses, reverse=True)
    table = format_span_places(kinds).splitlines()
    assert len(table) == 2 + len(kinds) and table[2].split()[0] == next(iter(kinds))


def test_span_place_tells_a_shadowed_span_from_a_late_one():
    spans = judged_spans({"relevant": [["a", 1, 1, 3], ["a", 2, 2, 3], ["a", 30, 30, 2]]})
    hits = [("a", 1, 2, "")] + [("z", i, i, "") for i in range(20)] + [("a", 30, 30, "")]
    assert span_place(hits, spans) == ["credited", "shadowed", "21-100"]
    assert span_place(hits[:1] + hits[-1:], spans) == ["credited", "shadowed", "credited"]
