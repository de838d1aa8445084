"""The judged set and the scorer: graded nDCG@10 per split × mode × language; the frozen files are intact."""

from __future__ import annotations

import hashlib
import json

import pytest

from index.artifacts import read_jsonl
from index.evaluation import (
    EVAL_DIR,
    PARTNER_NEEDS,
    QUESTIONS,
    SEARCH_DOCS,
    earlier_run,
    evaluate_partners,
    format_eval,
    format_gains,
    format_oracle,
    format_span_places,
    format_tune_questions,
    judged_spans,
    metrics,
    oracle_order,
    paired_gain,
    read_split,
    run_eval,
    span_place,
    tune_gains,
    tune_oracle,
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


def _write_jsonl(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def _recorded_questions(engine, monkeypatch) -> list[str]:
    """The list every question the engine's ``hits`` is asked for goes into, from now on."""
    asked = []
    hits = engine.hits

    def recorded(query, *args, **kwargs):
        asked.append(query)
        return hits(query, *args, **kwargs)

    monkeypatch.setattr(engine, "hits", recorded)
    return asked


def test_read_split_keeps_one_half(tmp_path):
    rows = [{"id": "a", "split": "tune"}, {"id": "b", "split": "heldout"}, {"id": "c", "split": "tune"}, {"id": "d"}]
    path = _write_jsonl(tmp_path / "q.jsonl", rows)
    assert [r["id"] for r in read_split(path, "tune")] == ["a", "c"]
    assert [r["id"] for r in read_split(path, "heldout")] == ["b"]


def test_the_tune_half_alone_never_searches_a_held_out_question(engine, index_settings, tmp_path, monkeypatch):
    tune = {"id": "t-disaster", "lang": "ko", "split": "tune", "kind": "subcommittee",
            "query": "방재 분과위원회의 코디네이터", "relevant": [["002_034c79dc83e9e66f.txt", 405, 405, 3]]}
    held = {**tune, "id": "h-disaster", "split": "heldout", "query": "held-out wording"}
    questions = _write_jsonl(tmp_path / "q.jsonl", [tune, held])
    need = {"id": "n", "query": "방재 분야 협력을 이끄는 지방정부", "expected": ["효고현"], "split": "tune"}
    needs = _write_jsonl(tmp_path / "n.jsonl", [need, {**need, "id": "m", "split": "heldout"}])
    asked = _recorded_questions(engine, monkeypatch)
    result = run_eval(index_settings.data_dir, index_settings, engine=engine, questions=questions, needs=needs,
                      split="tune")
    assert set(asked) == {tune["query"]} and len(asked) == 3  # one search per mode
    assert list(result["splits"]) == ["tune"] and [r["id"] for r in result["per_query"]] == ["t-disaster"]
    assert result["questions"] == 1 and result["splits"]["tune"]["hybrid"]["all"]["ndcg@10"] > 0
    assert {split: p["needs"] for split, p in result["partners"].items()} == {"tune": 1, "all": 1}
    gains = tune_gains(result, result)
    assert gains["hybrid"] == {"n": 1, "mean": 0.0, "low": 0.0, "high": 0.0, "up": 0, "down": 0}


def test_tune_gains_pair_tune_questions_and_skip_held_out_rows():
    def run(**scores):
        return {"per_query": [{"id": qid, "split": "heldout" if qid.startswith("h") else "tune", "lexical": s,
                               "dense": s, "hybrid": s} for qid, s in scores.items()]}

    gains = tune_gains(run(a=0.5, b=0.2, c=0.9, h1=0.0), run(a=0.7, b=0.2, c=0.6, h1=1.0, d=1.0))
    assert gains["hybrid"]["n"] == 3 and (gains["hybrid"]["up"], gains["hybrid"]["down"]) == (1, 1)
    assert gains["hybrid"]["mean"] == round((0.2 - 0.3) / 3, 4)
    assert gains["hybrid"]["low"] <= gains["hybrid"]["mean"] <= gains["hybrid"]["high"]
    assert "hybrid   -0.0333" in format_gains(gains)
    assert paired_gain({"a": 0.0, "b": 0.0}, {"a": 0.5, "b": 0.5})["low"] == 0.5  # every draw the same gain


def test_an_earlier_run_that_is_not_one_is_a_clear_error(tmp_path):
    (tmp_path / "text.json").write_text("nDCG 0.7", encoding="utf-8")
    (tmp_path / "other.json").write_text('{"questions": 3}', encoding="utf-8")
    with pytest.raises(ValueError, match="is not JSON"):
        earlier_run(tmp_path / "text.json")
    with pytest.raises(ValueError, match="no per-question scores"):
        earlier_run(tmp_path / "other.json")


def test_the_oracle_order_earns_every_grade_the_hits_can_and_keeps_the_rest():
    spans = judged_spans({"relevant": [["a", 1, 1, 3], ["a", 2, 2, 3], ["b", 7, 7, 2], ["c", 1, 1, 1]]})
    hits = [("z", i, i, "") for i in range(8)] + [("b", 6, 8, ""), ("a", 1, 2, ""), ("a", 2, 2, ""), ("y", 1, 1, "")]
    ordered = oracle_order(hits, spans)
    assert sorted(ordered) == sorted(hits)  # a re-ordering: nothing added, nothing lost
    assert ordered[:3] == [("a", 1, 2, ""), ("a", 2, 2, ""), ("b", 6, 8, "")]  # grade 3, the other grade 3, grade 2
    assert ordered[3:] == [h for h in hits if h[0] in "zy"]  # the hits that earn nothing, in their order
    best = metrics(ordered, spans)["ndcg@10"]
    assert best > metrics(hits, spans)["ndcg@10"] and best == pytest.approx(
        metrics([("a", 1, 1, ""), ("a", 2, 2, ""), ("b", 7, 7, "")], spans)["ndcg@10"])
    assert oracle_order([], spans) == [] and oracle_order(hits[:2], spans) == hits[:2]


def test_the_oracle_bounds_the_tune_half_from_above_and_never_searches_a_held_out_question(engine, monkeypatch):
    tune = [q for q in read_split(QUESTIONS, "tune")][:6]
    held = {**tune[0], "id": "h", "split": "heldout", "query": "held-out wording"}
    asked = _recorded_questions(engine, monkeypatch)
    table = tune_oracle(engine, [*tune, held], depths=(10, 20, 50))
    assert asked == [q["query"] for q in tune]  # one search each, 50 hits deep; the held-out row unread
    assert table["all"]["questions"] == len(tune)
    assert sum(row["questions"] for lang, row in table.items() if lang != "all") == len(tune)
    for row in table.values():
        assert row["shipped"] <= row[10] <= row[20] <= row[50] <= 1.0
    assert table["all"][50] > table["all"]["shipped"]
    assert format_oracle(table).splitlines()[1].split() == ["lang", "n", "shipped", "n=10", "n=20", "n=50"]
