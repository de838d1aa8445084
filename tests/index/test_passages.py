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


def _doc(lines: list[str]):
    import hashlib

    from corpus import Document

    body = "\n".join(lines)
    return Document(id="synthetic.txt", lines=tuple(lines), sha256=hashlib.sha256(body.encode()).hexdigest(),
                    title_ko="합성 문서")


def test_a_long_table_is_cut_to_a_screen_with_its_header_repeated():
    from index.passages import MAX_LINES, segment

    header = "연번\t지역\t체결일\t협력분야"
    rows = [f"{n}\t지역{n}\t2020.01.{n:02d}\t관광 교류" for n in range(1, 31)]
    ps = segment(_doc(["▣ 협약 현황", header, *rows, "끝."]))
    pieces = [p for p in ps if p.table]
    assert len(pieces) >= 3 and all(p.line_end - p.line_start + 1 <= MAX_LINES for p in pieces)
    assert (pieces[0].line_start, pieces[0].header_row) == (2, "")  # the first piece holds the header line itself
    assert {p.header_row for p in pieces[1:]} == {"연번 | 지역 | 체결일 | 협력분야"}
    assert [p.line_start for p in pieces[1:]] == [p.line_end + 1 for p in pieces[:-1]]
    assert "연번 | 지역" in pieces[1].embed_text and "협력분야" in pieces[2].lexical_text
    assert "연번" not in pieces[1].text  # the cited lines are the rows only
    # a row added moves the cut but keeps every row in exactly one piece
    more = segment(_doc(["▣ 협약 현황", header, *rows, "31\t지역31\t2020.02.01\t농업", "끝."]))
    covered = [n for p in more if p.table for n in range(p.line_start, p.line_end + 1)]
    assert covered == list(range(2, 34))


def test_short_ocr_lines_are_cut_to_a_screen():
    from index.passages import MAX_LINES, segment

    lines = ["1. 사업 실적"] + [f"품목{n} {n}kg" for n in range(40)]
    ps = segment(_doc(lines))
    assert all(sum(1 for t in p.text.split("\n") if t) <= MAX_LINES for p in ps)
    assert [n for p in ps for n in range(p.line_start, p.line_end + 1)] == list(range(1, 42))


def test_rows_read_from_document_formats_are_table_passages():
    from corpus import Document
    from index.passages import segment

    doc = Document(id="gangneung.docx", sha256="0", lines=(
        "강릉시 국제 자매도시 현황", "강릉시는 해외 도시와 협력하고 있다.",
        "상대 도시 | 국가 | 체결일", "오타루시 | 일본 | 2019.05.24", " | 중국 | 2024.01.28"))
    got = [(p.line_start, p.line_end, p.table) for p in segment(doc)]
    assert got == [(1, 2, False), (3, 5, True)]


def test_bm25_finds_a_passage_by_its_document_title():
    import hashlib

    from corpus import Document
    from index.lexical import LexicalIndex
    from index.passages import segment

    def doc(name: str, title: str, lines: list[str]) -> Document:
        return Document(id=name, lines=tuple(lines), sha256=hashlib.sha256(name.encode()).hexdigest(), title_ko=title)

    body = ["1. 추진 현황", "해외 자매도시와 청소년 교류를 추진하였다.", "2. 향후 계획", "교류 분야를 넓힐 계획이다."]
    docs = [doc("a.txt", "가평군 국제교류 추진 현황", body), doc("b.txt", "보은군 국제교류 추진 현황", body)]
    passages = [p for d in docs for p in segment(d)]
    assert all("가평" not in p.text and "보은" not in p.text for p in passages)  # no line names the county
    index = LexicalIndex.build([p.lexical_text for p in passages])
    scores = index.scores("보은군 청소년 교류")
    best = max(range(len(passages)), key=lambda i: scores[i])
    assert passages[best].doc == "b.txt" and "청소년" in passages[best].text
    assert all(scores[i] > scores[j] for i, p in enumerate(passages) if p.doc == "b.txt"
               for j, q in enumerate(passages) if q.doc == "a.txt" and q.text == p.text)
