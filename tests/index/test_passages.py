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


def _doc(lines: list[str], title: str = "합성 문서"):
    import hashlib

    from corpus import Document

    body = "\n".join(lines)
    return Document(id="synthetic.txt", lines=tuple(lines), sha256=hashlib.sha256(body.encode()).hexdigest(),
                    title_ko=title)


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


def _report(footer: str, pages: int = 4, lines_a_page: int = 25, header: str = "") -> list[str]:
    """A printed report as text: each page's sentences, then its running footer (``{n}`` is the page number)."""
    out: list[str] = []
    for page in range(1, pages + 1):
        out += [header] if header else []
        out += [f"{page}쪽의 {n}번째 문장에서 교류 사업을 설명하였다." for n in range(lines_a_page)]
        out.append(footer.format(n=page + 100))
    return out


@pytest.mark.parametrize("footer", ["{n} 가나시 국제교류 연차보고서 2024 Annual Report",
                                    "Gana City Annual Report 2024 | {n}", "- {n} -  합성 문서 2024 사업보고 {n}"])
def test_running_footers_with_page_numbers_are_read_by_no_passage(footer):
    from index.page_furniture import furniture_lines
    from index.passages import segment

    doc = _doc(_report(footer))
    footers = {26 * page for page in range(1, 5)}  # the 26th line of each page
    assert furniture_lines(doc) == footers
    ps = segment(doc)
    assert all("Annual" not in p.embed_text and "Annual" not in p.lexical_text for p in ps)
    assert not any(footer.format(n=101) in p.text for p in ps)
    # every sentence is still in exactly one passage; the footers' line numbers stay the document's
    read = [n for p in ps for n, _ in enumerate(p.text.split("\n"))]
    assert len(read) == 100 and doc.line(26) == footer.format(n=101)


def test_a_running_header_naming_the_document_and_its_web_address_are_furniture():
    from index.page_furniture import furniture_lines

    title = "가나시국제교류재단 연차보고서"
    doc = _doc(_report("www.gana.example", header="가나시국제교류재단 국제교류의 중심"), title)
    headers = {1 + 27 * page for page in range(4)}
    addresses = {27 * page for page in range(1, 5)}
    assert furniture_lines(doc) == headers | addresses
    # run together on one line, they are still furniture
    lines = list(doc.lines)
    lines[27] = "www.gana.example 가나시국제교류재단 국제교류의 중심"
    assert 28 in furniture_lines(_doc(lines, title))
    # a repeated line that names neither the document nor an address is the document's own text
    assert furniture_lines(_doc(_report("gana example", header="나라시 국제교류의 중심"), title)) == set()


REPEATED_CONTENT = ["분과위원회 코디네이터 구성연도 개최횟수", "이 헌장은 2010년 10월 28일부터 시행한다.",
                    "※ 기타 : 자부담, 민자 등", "1 행사개요", "연번\t지역\t체결일", "합성 문서 12월 주요 운영계획"]


@pytest.mark.parametrize("repeated", REPEATED_CONTENT)
def test_content_that_repeats_is_not_furniture(repeated):
    """Table headers, finished sentences, notes, numbered headings and rows repeat in documents as content."""
    from index.page_furniture import furniture_lines

    assert furniture_lines(_doc(_report(repeated.replace("{", "{{").replace("}", "}}")))) == set()


def test_a_footer_on_one_page_only_or_on_adjacent_lines_is_not_furniture():
    from index.page_furniture import furniture_lines

    once = _report("{n} 합성 문서 Annual Report", pages=1)
    assert furniture_lines(_doc(once)) == set()
    close = ["101 합성 문서 Annual Report", "본문 문장이다.", "102 합성 문서 Annual Report"]
    assert furniture_lines(_doc(close)) == set()
