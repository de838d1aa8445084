"""Passages: line spans inside one document, context headers, sizes that fit the model."""

from __future__ import annotations

import pytest


def test_passages_stay_in_one_document_with_valid_spans(engine, documents):
    lengths = {d.id: len(d.lines) for d in documents}
    for p in engine.passages:
        assert 1 <= p.line_start <= p.line_end <= lengths[p.doc]
    assert {p.doc for p in engine.passages} == set(lengths)


def test_every_passage_fits_the_model(engine):
    limit = engine.embedder.max_tokens
    assert all(engine.embedder.token_count("passage: " + p.embed_text) <= limit for p in engine.passages)


def test_headers_carry_title_and_section(engine):
    p = next(p for p in engine.passages if p.doc.startswith("003") and p.line_start <= 182 <= p.line_end)
    assert "NEAR" in p.header
    assert p.header.startswith(p.title)


@pytest.mark.parametrize("line,partner", [(296, "전라남도"), (297, "제주특별자치도"), (300, "충청북도")])
def test_seoul_table_continuation_rows_belong_to_their_partner(engine, line, partner):
    # rows 297 and 300 have empty name cells; the name of a merged group is printed on its middle
    # row (제주도 on 298, 충청 북도 on 301), and the graph's provenance says which group a row is in
    p = next(p for p in engine.passages if p.doc.startswith("001") and p.line_start <= line <= p.line_end)
    assert p.subject == partner
    assert partner in p.header
    pid = engine.passages.index(p)
    assert partner in {e.label for e in engine.links[pid].entities}
