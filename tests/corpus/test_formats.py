"""Every format reader on files made by the tests with the formats' own tools: exact lines, title, problems."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from corpus.formats import READERS, UnreadableDocument, read_file
from tests.corpus.hwp5_writer import write_hwp
from tests.corpus.hwpx_writer import write_hwpx
from tests.corpus.pdf_printer import html_page, image_page, print_pdf

LIMIT = 50 * 2**20
AGREEMENTS = [["도시", "국가", "체결일"], ["오타루시", "일본", "2019. 5. 24."], ["지린시", "중국", "2024.01.28"]]
AGREEMENT_LINES = ["도시 | 국가 | 체결일", "오타루시 | 일본 | 2019. 5. 24.", "지린시 | 중국 | 2024.01.28"]


def _html_table(rows: list[list[str]]) -> str:
    head, *body = rows
    return ("<table><tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in body) + "</table>")


def test_every_suffix_has_a_reader():
    assert sorted(READERS) == [".csv", ".docx", ".htm", ".html", ".hwp", ".hwpx", ".md", ".pdf", ".tsv", ".txt"]


def test_utf8_text_keeps_every_line(tmp_path: Path):
    path = tmp_path / "note.txt"
    path.write_text("\n강릉시와 협약\n\n서울특별시 | 2025.3.5\n", encoding="utf-8")
    got = read_file(path, LIMIT)
    assert got.lines == ("", "강릉시와 협약", "", "서울특별시 | 2025.3.5")
    assert (got.title, got.format, got.problems) == ("강릉시와 협약", "txt", ())


def test_cp949_text_is_decoded_and_noted(tmp_path: Path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("강릉시 자매결연\r\n오타루시 2019.05.24\r\n".encode("cp949"))
    got = read_file(path, LIMIT)
    assert got.lines == ("강릉시 자매결연", "오타루시 2019.05.24")
    assert got.problems == ("decoded as cp949 (not UTF-8)",)


def test_utf8_with_bom(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff첫 줄\n둘째 줄".encode())
    assert read_file(path, LIMIT).lines == ("첫 줄", "둘째 줄")


def test_markdown_headings_and_tables(tmp_path: Path):
    path = tmp_path / "list.md"
    path.write_text("# 속초시 교류 도시\n\n| 도시 | 체결일 |\n|------|-------|\n"
                    "| 오타루시 | 2019.05.24 |\n\n- 지린시 (중국)\n", encoding="utf-8")
    got = read_file(path, LIMIT)
    assert got.lines == ("속초시 교류 도시", "", "도시 | 체결일", "오타루시 | 2019.05.24", "", "- 지린시 (중국)")
    assert got.title == "속초시 교류 도시"


def test_tsv_keeps_file_lines_and_empty_leading_cells(tmp_path: Path):
    path = tmp_path / "partners.tsv"
    path.write_text("원주시 해외 자매도시\n\n" + "\n".join("\t".join(r) for r in [
        *AGREEMENTS, ["", "", "2015.10.17", "재체결"], ['"쉬저우시"', "중국", "1995.10.17"], ["", "", ""]]) + "\n",
        encoding="utf-8")
    got = read_file(path, LIMIT)
    assert got.lines == ("원주시 해외 자매도시", "", *AGREEMENT_LINES, " |  | 2015.10.17 | 재체결",
                         "쉬저우시 | 중국 | 1995.10.17", "")
    assert (got.title, got.format, got.problems) == ("원주시 해외 자매도시", "tsv", ())


def test_csv_quoted_cells_and_cp949(tmp_path: Path):
    path = tmp_path / "partners.csv"
    text = "원주시 해외 자매도시\r\n" + "\r\n".join(",".join(r) for r in AGREEMENTS) + \
        '\r\n"쉬저우시, 장쑤성",중국,"1995.10.17\r\n(2015 재체결)"\r\n'
    path.write_bytes(text.encode("cp949"))
    got = read_file(path, LIMIT)
    assert got.lines == ("원주시 해외 자매도시", *AGREEMENT_LINES, "쉬저우시, 장쑤성 | 중국 | 1995.10.17 (2015 재체결)")
    assert got.format == "csv"
    assert got.problems == ("decoded as cp949 (not UTF-8)",
                            "1 record(s) span several lines: line numbers count records, not file lines")


def test_web_page_keeps_the_article_only(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>국제교류 | 강릉시청</title><script>var menu = 1;</script></head><body>"
        '<div id="skip"><a href="#content">본문 바로가기</a></div>'
        "<header><div class='logo'>강릉시청</div><ul class='gnb'><li>시정소식</li><li>분야별정보</li></ul></header>"
        "<nav><ul><li><a href='/'>홈</a></li><li>국제교류</li></ul></nav>"
        "<div id='container'><aside>관련 사이트</aside><div id='content'>"
        "<h1>자매도시 현황</h1><p>강릉시는 <strong>6개국</strong> 도시와<br>교류하고 있습니다.</p>"
        "<ul><li>일본 오타루시</li><li>중국 지린시</li></ul>"
        + _html_table(AGREEMENTS) +
        "<ol><li>친선결연</li><li>우호교류</li></ol></div></div>"
        "<footer><p>Copyright 강릉시. All rights reserved.</p><address>강원특별자치도 강릉시 강릉대로 33</address>"
        "</footer><div class='quick'>맨 위로</div></body></html>", encoding="utf-8")
    got = read_file(path, LIMIT)
    assert got.lines == ("자매도시 현황", "강릉시는 6개국 도시와", "교류하고 있습니다.", "- 일본 오타루시",
                         "- 중국 지린시", *AGREEMENT_LINES, "1. 친선결연", "2. 우호교류")
    assert got.title == "자매도시 현황 | 강릉시청"  # the <h1>, and the office whose page it is (its <title>)
    text = "\n".join(got.lines)
    for furniture in ("본문 바로가기", "시정소식", "홈", "관련 사이트", "Copyright", "강릉대로", "맨 위로", "var menu"):
        assert furniture not in text


def test_web_page_title_names_the_office_only_when_the_heading_lacks_its_region(tmp_path: Path):
    page = "<html><head><title>{title}</title></head><body><h1>{h1}</h1><p>본문</p></body></html>"
    cases = [("자매도시 | 가나시청", "자매도시 현황", "자매도시 현황 | 가나시청"),
             ("가나시, 다라시와 협약 | 가나시청", "가나시, 다라시와 협약", "가나시, 다라시와 협약"),
             ("다라군, 협약 | 가나시청", "다라군, 협약", "다라군, 협약 | 가나시청")]
    for n, (title, h1, expected) in enumerate(cases):
        path = tmp_path / f"page{n}.html"
        path.write_text(page.format(title=title, h1=h1), encoding="utf-8")
        assert read_file(path, LIMIT).title == expected


def test_web_page_table_cells_merged_down_repeat_and_merged_across_leave_empty_cells_so_columns_stay(tmp_path: Path):
    path = tmp_path / "cities.html"
    path.write_text("<html><body><table><tr><th>국가</th><th>도시</th><th>체결일</th><th>비고</th></tr>"
                    "<tr><td rowspan='3'>일본</td><td rowspan='2'>가나시</td><td>1998. 5. 1.</td><td></td></tr>"
                    "<tr><td>2008. 5. 1.</td><td>재체결</td></tr><tr><td>다라시</td><td>2001. 3. 2.</td><td></td></tr>"
                    "<tr><td colspan='2'>합계</td><td>3건</td><td></td></tr></table></body></html>", encoding="utf-8")
    assert read_file(path, LIMIT).lines == (
        "국가 | 도시 | 체결일 | 비고", "일본 | 가나시 | 1998. 5. 1. |", "일본 | 가나시 | 2008. 5. 1. | 재체결",
        "일본 | 다라시 | 2001. 3. 2. |", "합계 |  | 3건 |")


LONG = "가나시는 24일 시청 대회의실에서 다라시와 우호교류 협약을 체결하고 문화·관광 분야에서 교류하기로 했다. " * 2


def test_web_page_laid_out_in_a_table_gives_the_article_blocks_as_lines_and_data_tables_as_rows(tmp_path: Path):
    path = tmp_path / "old-news.html"
    path.write_text(
        "<html><body><table width='900'><tr><td colspan='3'>가나시 소식</td></tr><tr>"
        "<td><ul><li>홈</li><li>시정소식</li></ul></td>"
        f"<td><h2>가나시, 다라시와 우호교류 협약</h2><p>2024. 5. 24.</p><p>{LONG}</p><p>협약 내용은 다음과 같다.</p>"
        + _html_table(AGREEMENTS) + "</td>"
        "<td>관련기사<br>가나시 축제 개막<br>다라시 방문단 귀국</td></tr></table>"
        # a data table whose cells hold paragraphs (as pages exported from HWP do) stays rows
        "<table><tr><td><p>도시</p></td><td><p>체결일</p></td></tr>"
        "<tr><td><p>마바시</p></td><td><p>2001. 3. 2.</p><p>(재체결 2011. 3. 2.)</p></td></tr></table>"
        "</body></html>", encoding="utf-8")
    assert read_file(path, LIMIT).lines == (
        "가나시 소식", "- 홈", "- 시정소식", "가나시, 다라시와 우호교류 협약", "2024. 5. 24.", LONG.strip(),
        "협약 내용은 다음과 같다.", *AGREEMENT_LINES, "관련기사", "가나시 축제 개막", "다라시 방문단 귀국",
        "도시 | 체결일", "마바시 | 2001. 3. 2. (재체결 2011. 3. 2.)")


def test_web_page_article_element_wins_and_keeps_its_own_header(tmp_path: Path):
    path = tmp_path / "news.htm"
    path.write_text("<html><body><header>속초시청</header><nav>메뉴</nav><article><header><h1>속초시, 지린시와 "
                    "우호교류 협약</h1><p>2024. 1. 28.</p></header><p>속초시는 28일 지린시와 협약을 체결했다.</p>"
                    "</article><footer>저작권</footer></body></html>", encoding="cp949")
    got = read_file(path, LIMIT)
    assert got.lines == ("속초시, 지린시와 우호교류 협약", "2024. 1. 28.", "속초시는 28일 지린시와 협약을 체결했다.")
    assert got.problems == ("decoded as cp949 (not UTF-8)",)


def test_pdf_printed_from_html_gives_text_and_table_rows_and_reports_a_page_without_text(tmp_path: Path):
    html = html_page("강릉시 국제교류 현황", "<h1>강릉시 국제교류 현황</h1><p>강릉시는 다음 도시와 교류하고 있다.</p>"
                     + _html_table(AGREEMENTS) + "<p>2024년 기준.</p>" + image_page())
    got = read_file(print_pdf(html, tmp_path / "report.pdf"), LIMIT)
    assert got.lines == ("강릉시 국제교류 현황", "강릉시는 다음 도시와 교류하고 있다.", *AGREEMENT_LINES,
                         "2024년 기준.")
    assert got.title == "강릉시 국제교류 현황"
    assert got.problems == ("page 2 has no text layer (scanned?): not read, no OCR",)


def test_pdf_of_scans_only_is_refused(tmp_path: Path):
    path = print_pdf(html_page("", image_page()), tmp_path / "scan.pdf")
    with pytest.raises(UnreadableDocument, match="no page has a text layer"):
        read_file(path, LIMIT)


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path):
    document = docx.Document()
    document.add_heading("양양군 교류 현황", level=1)
    document.add_paragraph("양양군은 다음 지자체와 협약을 맺었다.")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(AGREEMENTS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("표 아래 문단.")
    merged = document.add_table(rows=2, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "우호교류"
    merged.cell(0, 2).text = "2020.7.1"
    merged.cell(1, 0).text = "평창군"
    document.add_paragraph("")
    document.add_paragraph("끝.")
    path = tmp_path / "yangyang.docx"
    document.save(str(path))
    got = read_file(path, LIMIT)
    assert got.lines == ("양양군 교류 현황", "양양군은 다음 지자체와 협약을 맺었다.", *AGREEMENT_LINES, "표 아래 문단.",
                         "우호교류 |  | 2020.7.1", "평창군 |  |", "끝.")
    assert (got.title, got.format) == ("양양군 교류 현황", "docx")


def test_hwpx_paragraphs_and_tables_with_merged_cells(tmp_path: Path):
    grid = [["시군", "상대 도시", "체결일"], [("춘천시", 2, 1), "가고시마시", "2019.05.24"],
            [None, "다롄시", "2024.01.28"]]
    path = write_hwpx(tmp_path / "gangwon.hwpx", [["강원 시군 자매결연 현황", grid, "자료: 국제협력과"], ["둘째 구역"]])
    got = read_file(path, LIMIT)
    assert got.lines == ("강원 시군 자매결연 현황", "시군 | 상대 도시 | 체결일", "춘천시 | 가고시마시 | 2019.05.24",
                         "춘천시 | 다롄시 | 2024.01.28", "자료: 국제협력과", "둘째 구역")
    assert (got.title, got.format) == ("강원 시군 자매결연 현황", "hwpx")


def test_hwp5_paragraphs_and_tables(tmp_path: Path):
    path = write_hwp(tmp_path / "gangneung.hwp", ["강릉시 자매결연 현황", AGREEMENTS, "끝."])
    got = read_file(path, LIMIT)
    assert got.lines == ("강릉시 자매결연 현황", *AGREEMENT_LINES, "끝.")
    assert (got.title, got.format) == ("강릉시 자매결연 현황", "hwp")


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"\n  \n\t\n", "no text in the document"),
    ("latin.txt", bytes(range(0x80, 0x100)) * 4, "not text in UTF-8 or CP949"),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "not a readable PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable DOCX"),
    ("broken.hwp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "not a readable HWP"),
    ("broken.hwpx", b"PK\x03\x04 not really a zip", "not a readable HWPX"),
    ("empty-zip.hwpx", b"PK\x05\x06" + b"\x00" * 18, "not an HWPX document: no Contents/section*.xml"),
    ("sheet.xlsx", b"data", "unsupported file type '.xlsx'"),
])
def test_unreadable_files_say_why(tmp_path: Path, name: str, content: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument, match=re.escape(reason)):
        read_file(path, LIMIT)


def test_size_limit(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a\n" * 600_000)
    with pytest.raises(UnreadableDocument, match=r"too large: 1\.1 MB, over the 1 MB limit"):
        read_file(path, 2**20)
    assert len(read_file(path, 2 * 2**20).lines) == 600_000
