"""PDF pages printed in columns are read column by column (decision 0095): PDFs printed from HTML by Chromium with CSS
columns, a headline across the columns, three columns, a table in one column; pages that only look divided (a
signature block of two halves under prose, a label beside its value) are read line by line as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import Document
from corpus.formats import read_file
from corpus.formats.pdf_columns import find_gutter
from tests.corpus.pdf_printer import html_page, print_pdf
from tests.readers.helpers import build, facts

LIMIT = 50 * 2**20
LEFT = ("강릉시는 지난 15일 시청 대회의실에서 일본 오타루시와 자매결연 협약을 맺었다. 협약식에는 양 도시 관계자 "
        "40여 명이 참석했고 두 도시는 관광과 청소년 분야의 교류를 넓히기로 했다. 시는 내년 봄 오타루시 "
        "대표단을 초청해 교류 행사를 열 계획이다.")
RIGHT = ("속초시의회는 같은 날 지린시 인민대표대회와 의회 간 교류 협정을 맺고 의원 연수를 함께 하기로 했다. "
         "의회 대표단은 다음 달 열리는 설악문화제 기간에 지린시를 방문해 교류 방안을 논의할 예정이다.")
THIRD = ("양양군은 올해 하반기 중국 훈춘시와 우호교류 의향서를 교환할 예정이며 실무 협의를 이어 가고 있다. 군은 "
         "훈춘시 대표단을 초청해 양양송이축제 기간에 교류 방안을 논의할 계획이다.")
COLUMNS = "columns:{n};column-gap:{gap}"


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _columns(n: int, paragraphs: list[str], gap: str = "1em") -> str:
    """A block of ``n`` CSS columns, each paragraph opening a column of its own."""
    body = "".join(f'<p style="break-before:{"column" if i else "auto"}">{p}</p>' for i, p in enumerate(paragraphs))
    return f'<div style="{COLUMNS.format(n=n, gap=gap)}">{body}</div>'


def _read(tmp_path: Path, name: str, body: str, style: str = "") -> tuple[str, ...]:
    html = html_page(name, body).replace("</style>", style + "</style>")
    return read_file(print_pdf(html, tmp_path / f"{name}.pdf"), LIMIT).lines


def _in_order(lines: tuple[str, ...], *texts: str) -> bool:
    whole = _squeezed("".join(lines))
    places = [whole.find(_squeezed(t)) for t in texts]
    return all(p >= 0 for p in places) and places == sorted(places)


@pytest.mark.parametrize("gap", ["1em", "3em"])
def test_two_columns_under_a_headline_are_read_left_column_first(tmp_path: Path, gap: str):
    body = "<h1>강릉시, 오타루시와 자매결연</h1><p>2024년 4월 19일 | 지역</p>" + _columns(2, [LEFT, RIGHT], gap)
    lines = _read(tmp_path, "weekly", body)
    assert lines[:2] == ("강릉시, 오타루시와 자매결연", "2024년 4월 19일 | 지역")
    assert _in_order(lines, LEFT, RIGHT)
    assert not any("오타루" in line and "지린시" in line for line in lines)  # no line holds both columns


def test_three_columns_are_read_one_after_another(tmp_path: Path):
    lines = _read(tmp_path, "newsletter", _columns(3, [LEFT, RIGHT, THIRD]))
    assert _in_order(lines, LEFT, RIGHT, THIRD)


def test_a_table_in_the_right_column_stays_rows_below_the_left_columns_text(tmp_path: Path):
    table = ("<table><tr><th>도시</th><th>체결일</th></tr><tr><td>오타루시</td><td>2019. 5. 24.</td></tr>"
             "<tr><td>지린시</td><td>2024. 1. 28.</td></tr></table>")
    body = (f'<div style="display:flex;gap:30px"><div style="flex:1"><p>{LEFT}</p><p>{RIGHT}</p></div>'
            f'<div style="flex:1"><p>{THIRD}</p>{table}</div></div>')
    lines = _read(tmp_path, "report", body)
    assert _in_order(lines, LEFT, RIGHT, THIRD, "도시 | 체결일", "오타루시 | 2019. 5. 24.", "지린시 | 2024. 1. 28.")


def test_facts_of_a_two_column_page_come_from_their_own_column(tmp_path: Path):
    left = ("강릉시는 2019년 5월 24일 시청 대회의실에서 일본 홋카이도 오타루시와 자매결연 협약을 맺었다고 밝혔다. "
            "협약식에는 양 도시 관계자 40여 명이 참석했으며 두 도시는 관광과 청소년 분야의 교류를 넓히기로 했다.")
    right = ("속초시는 2021년 3월 5일 중국 지린성 지린시와 우호교류 협약을 체결했다고 전했다. 두 도시는 관광 분야와 "
             "항만 물류 분야에서 실무 교류를 이어 가고 내년에는 청소년 교류단을 서로 보내기로 했다.")
    body = "<h1>교류 소식</h1>" + _columns(2, [left, right])
    lines = _read(tmp_path, "facts", body, "p{word-break:keep-all}")
    assert _in_order(lines, left, right)
    got = {(a, b, date) for a, b, date, _ in facts(build(Document(id="facts.pdf", lines=lines, sha256="")))}
    assert got == {("강릉시", "오타루시", "2019-05-24"), ("속초시", "지린시", "2021-03-05")}


def test_a_signature_block_under_prose_and_labels_beside_values_stay_line_by_line(tmp_path: Path):
    prose = "".join(f"<p>{s}</p>" for s in (LEFT, RIGHT, THIRD))
    signatures = ('<table style="width:100%;border:0"><tr><td style="border:0">강릉시장 홍길동</td>'
                  '<td style="border:0;text-align:right">오타루시장 김철수</td></tr></table>')
    labels = "".join(f'<div><span style="display:inline-block;width:120px">{k}</span>{v}</div>'
                     for k, v in (("국가", "일본"), ("도시", "오타루시"), ("체결일", "2019. 5. 24."), ("구분", "자매")))
    lines = _read(tmp_path, "single", prose + signatures + labels)
    assert lines[-4:] == ("국가 일본", "도시 오타루시", "체결일 2019. 5. 24.", "구분 자매")
    assert "강릉시장 홍길동 오타루시장 김철수" in lines


def test_gutter_needs_wrapped_lines_on_both_sides():
    em = 10.0
    wrapped = [[(50, 280), (310, 540)]] * 4 + [[(50, 120)], [(310, 400)]]
    assert find_gutter(wrapped, em) == (280, 310)
    labels = [[(50, 120), (310, 540)], [(50, 90), (310, 500)], [(50, 280), (310, 520)], [(50, 100), (310, 540)]]
    assert find_gutter(labels, em) is None  # labels ending far from the gutter, not wrapped text
    assert find_gutter([[(50, 280), (284, 540)]] * 4, em) is None  # a word space, not a gutter
    assert find_gutter([[(50, 280), (310, 540)]] * 2 + [[(50, 540)]] * 6, em) is None  # mostly prose across


#: A timeline printed as rows of ``date and place | what was signed`` (audit17 C12): each cell wraps, the rows' cells
#: begin level with one another, so the page is read row by row, each cell one line as the HTML gives it.
TIMELINE = (("2019년 5월 24일, 일본 홋카이도 오타루시 시청 대회의실에서 열린 협약식",
             "강릉시는 오타루시와 자매결연 협약을 맺고 관광과 청소년 분야의 교류를 넓히기로 했다. 두 도시 관계자 "
             "40여 명이 함께했다."),
            ("2021년 3월 5일, 중국 지린성 지린시 인민정부 청사에서 열린 서명식",
             "강릉시는 지린시와 우호교류 협약을 맺고 항만 물류와 문화 공연 교류를 이어 가기로 했다. 이듬해 첫 "
             "교류단이 다녀갔다."),
            ("2023년 10월 12일, 중국 지린성 훈춘시 청사 회의실에서 열린 체결식",
             "강릉시는 훈춘시와 우호협력 협약을 맺고 공무원 연수와 농산물 교역을 함께 하기로 했다. 훈춘시 "
             "부시장이 서명했다."))
ROW_LAYOUTS = {
    "flex": lambda a, b: (f'<div style="display:flex;gap:40px;margin-bottom:12px"><div style="flex:1">{a}</div>'
                          f'<div style="flex:2">{b}</div></div>'),
    "grid": lambda a, b: (f'<div style="display:grid;grid-template-columns:1fr 2fr;column-gap:3em;margin:0 0 1em">'
                          f'<div>{a}</div><div>{b}</div></div>'),
    "table": lambda a, b: (f'<tr><td style="border:none;width:33%;vertical-align:top;padding:6px 30px 6px 0">{a}</td>'
                           f'<td style="border:none;vertical-align:top;padding:6px 0">{b}</td></tr>'),
}


@pytest.mark.parametrize("layout", sorted(ROW_LAYOUTS))
def test_a_timeline_in_rows_is_read_row_by_row_each_cell_one_line(tmp_path: Path, layout: str):
    rows = "".join(ROW_LAYOUTS[layout](a, b) for a, b in TIMELINE)
    body = "<h1>강릉시 국제교류 연혁</h1><p>2024년 3월 1일</p>" + (f"<table>{rows}</table>" if layout == "table" else rows)
    lines = _read(tmp_path, layout, body, "div,td{word-break:keep-all}")
    assert lines == ("강릉시 국제교류 연혁", "2024년 3월 1일", *(cell for row in TIMELINE for cell in row))
    got = {(a, b, date) for a, b, date, _ in facts(build(Document(id=f"{layout}.pdf", lines=lines, sha256="")))}
    assert got == {("강릉시", "오타루시", "2019-05-24"), ("강릉시", "지린시", "2021-03-05"),
                   ("강릉시", "훈춘시", "2023-10-12")}


def test_columns_whose_paragraphs_part_at_their_own_heights_stay_columns(tmp_path: Path):
    """The perturbation: two columns of several paragraphs (gaps between blocks on both sides, but not level) are read
    column by column, not as rows."""
    left = ["강릉시는 지난달 일본 오타루시와 관광 교류 회의를 열고 교류 방안을 논의했다. " * 2, THIRD]
    right = [RIGHT + " 의회는 결과를 시민에게 알릴 계획이다.", LEFT[:60] + "했다."]
    body = (f'<div style="display:flex;gap:40px"><div style="flex:1">{"".join(f"<p>{p}</p>" for p in left)}</div>'
            f'<div style="flex:1">{"".join(f"<p>{p}</p>" for p in right)}</div></div>')
    lines = _read(tmp_path, "paragraphs", body, "p{word-break:keep-all}")
    assert _in_order(lines, *left, *right)
