"""Tables inside tables and paragraphs inside content controls (decision 0095): a frame of one cell around the
document, and a table nested in a cell, come back as the same lines from DOCX (python-docx), HWPX (an OWPML zip
written by the test) and HTML — paragraphs as lines, the nested table's rows as rows — and their partners as facts.
Before, python-docx's ``cell.text`` dropped a nested table, the HWPX reader ran it into one cell's text, and paragraphs
in a DOCX content control (``w:sdt``) were lost."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from corpus import Document
from corpus.formats import read_file
from tests.corpus.hwpx_writer import write_hwpx
from tests.readers.helpers import build, facts

LIMIT = 50 * 2**20
TITLE = "강릉시 자매도시 현황"
INTRO = "강릉시는 다음 도시와 자매결연을 맺고 있다."
ROWS = [["도시", "국가", "체결일"], ["오타루시", "일본", "2019. 5. 24."], ["지린시", "중국", "2024. 1. 28."]]
ROW_LINES = ["도시 | 국가 | 체결일", "오타루시 | 일본 | 2019. 5. 24.", "지린시 | 중국 | 2024. 1. 28."]
FACTS = {("강릉시", "오타루시", "2019-05-24"), ("강릉시", "지린시", "2024-01-28")}


def _fill(table, rows: list[list[str]]) -> None:
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text


def _docx_frame(path: Path, rows: list[list[str]]) -> Path:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = TITLE
    cell.add_paragraph(INTRO)
    _fill(cell.add_table(rows=len(rows), cols=3), rows)
    cell.add_paragraph("2024년 기준.")
    document.save(str(path))
    return path


def _html_frame(path: Path, rows: list[list[str]]) -> Path:
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"
    path.write_text(f"<html><body><table><tr><td><h2>{TITLE}</h2><p>{INTRO}</p>{table}<p>2024년 기준.</p></td></tr>"
                    "</table></body></html>", encoding="utf-8")
    return path


def _hwpx_frame(path: Path, rows: list[list[str]]) -> Path:
    return write_hwpx(path, [[[[[TITLE, INTRO, rows, "2024년 기준."]]]]])


WRITERS = {"docx": _docx_frame, "hwpx": _hwpx_frame, "html": _html_frame}


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_frame_around_the_document_gives_its_paragraphs_and_the_nested_tables_rows(tmp_path: Path, kind: str):
    lines = read_file(WRITERS[kind](tmp_path / f"frame.{kind}", ROWS), LIMIT).lines
    assert lines == (TITLE, INTRO, *ROW_LINES, "2024년 기준.")
    got = {(a, b, date) for a, b, date, _ in facts(build(Document(id=f"frame.{kind}", lines=lines, sha256="")))}
    assert got == FACTS


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_row_added_to_the_nested_table_is_one_more_line_and_fact(tmp_path: Path, kind: str):
    rows = [*ROWS, ["난양시", "중국", "2016. 4. 20."]]
    lines = read_file(WRITERS[kind](tmp_path / f"frame.{kind}", rows), LIMIT).lines
    assert lines[-2:] == ("난양시 | 중국 | 2016. 4. 20.", "2024년 기준.")
    got = {(a, b, date) for a, b, date, _ in facts(build(Document(id=f"frame.{kind}", lines=lines, sha256="")))}
    assert got == FACTS | {("강릉시", "난양시", "2016-04-20")}


def test_docx_table_nested_in_a_data_cell_and_hwpx_the_same(tmp_path: Path):
    document = docx.Document()
    outer = document.add_table(rows=2, cols=2)
    _fill(outer, [["구분", "교류도시"], ["해외", ""]])
    outer.cell(1, 1).paragraphs[0].text = "자매도시"
    _fill(outer.cell(1, 1).add_table(rows=3, cols=3), ROWS)
    document.save(str(tmp_path / "cell.docx"))
    hwpx = write_hwpx(tmp_path / "cell.hwpx", [[[["구분", "교류도시"], ["해외", ["자매도시", ROWS]]]]])
    expected = ("구분", "교류도시", "해외", "자매도시", *ROW_LINES)
    assert read_file(tmp_path / "cell.docx", LIMIT).lines == expected
    assert read_file(hwpx, LIMIT).lines == expected


def test_docx_content_controls_are_read_where_they_stand(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph(TITLE)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    control = parse_xml(f'<w:sdt xmlns:w="{w}"><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>{INTRO}</w:t></w:r></w:p>'
                        "</w:sdtContent></w:sdt>")
    document.element.body.insert(1, control)
    table = document.add_table(rows=3, cols=3)
    _fill(table, ROWS)
    cell = table.cell(2, 2)._tc
    for p in cell.findall(f"{{{w}}}p"):
        cell.remove(p)
    cell.append(parse_xml(f'<w:sdt xmlns:w="{w}"><w:sdtContent><w:p><w:r><w:t>2024. 1. 28.</w:t></w:r></w:p>'
                          "</w:sdtContent></w:sdt>"))
    cell.append(parse_xml(f'<w:p xmlns:w="{w}"/>'))
    document.save(str(tmp_path / "form.docx"))
    assert read_file(tmp_path / "form.docx", LIMIT).lines == (TITLE, INTRO, *ROW_LINES)


@pytest.mark.parametrize("kind", ["docx", "hwpx"])
def test_plain_tables_and_a_one_line_box_stay_rows(tmp_path: Path, kind: str):
    box = [["※ 2024년 기준"]]
    if kind == "docx":
        document = docx.Document()
        _fill(document.add_table(rows=1, cols=1), box)
        _fill(document.add_table(rows=3, cols=3), ROWS)
        document.save(str(tmp_path / "plain.docx"))
        path = tmp_path / "plain.docx"
    else:
        path = write_hwpx(tmp_path / "plain.hwpx", [[box, ROWS]])
    assert read_file(path, LIMIT).lines == ("※ 2024년 기준", *ROW_LINES)
