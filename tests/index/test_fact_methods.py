"""Fact passages say how their fact was read, so search hits and partner reasons (and the web page) show
curated and automatic facts apart."""

from __future__ import annotations

from corpus import load_corpus
from graph.build import build_graph
from index.fact_passages import fact_passages
from tests.readers.helpers import document

NOTE = document("note.txt", "강릉시 교류 소식\n강릉시는 2025년 3월 5일 일본 오타루시와 우호교류 협약을 체결했다.\n")


def test_fact_passages_carry_the_method_and_the_confidence_of_their_fact():
    seed = next(d for d in load_corpus() if d.id.startswith("000"))
    documents = [seed, NOTE]
    passages, _ = fact_passages(build_graph(documents).dataset, documents)
    automatic = [p for p in passages if p.doc == "note.txt"]
    assert [(p.line_start, p.method) for p in automatic] == [(2, "automatic")]
    assert 0 < automatic[0].confidence <= 1
    curated = [p for p in passages if p.doc == seed.id]
    assert curated and {p.method for p in curated} == {"curated"} and {p.confidence for p in curated} == {None}
