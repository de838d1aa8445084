"""The dev set holds what the search issue asks of it: every kind of question in both halves, paraphrases that
share no content word with their passage, questions about people, events, budgets, memberships, changes over time
and questions answered in the ingested documents of ``eval/search_docs``."""

from __future__ import annotations

from index.artifacts import read_jsonl
from index.evaluation import QUESTIONS, SEARCH_DOCS

#: The kinds of question the issue names.
KINDS = {"paraphrase", "table-row", "person", "event", "budget", "membership", "change-over-time", "ingested-doc"}


def test_every_kind_asked_for_is_in_both_halves_with_twenty_paraphrases_and_ingested_documents():
    queries = read_jsonl(QUESTIONS)
    for split in ("tune", "heldout"):
        assert {q["kind"] for q in queries if q["split"] == split} >= KINDS, split
    assert sum(q["paraphrase_no_shared_words"] is True for q in queries) >= 20
    ingested = {p.name for p in SEARCH_DOCS.iterdir()}
    on_ingested = [q for q in queries if q["kind"] == "ingested-doc"]
    assert on_ingested and all(any(doc in ingested for doc, *_ in q["relevant"]) for q in on_ingested)
