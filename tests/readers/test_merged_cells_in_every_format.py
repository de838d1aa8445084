"""Table structure from the file's own markup, in every format that has it: a cell merged down (HTML ``rowspan``,
DOCX ``w:vMerge``, HWPX ``hp:cellSpan rowSpan`` with the covered cells omitted, a ruled PDF cell) belongs to every
row it covers; a cell merged across (``colspan``, ``w:gridSpan``) keeps the columns in place; a header of two rows
(a ``<thead>`` of two rows, merged header cells) is read as one, the words of both rows per column; row headers
(``<th scope="row">``); partners side by side under groups of columns; a PDF table continued on the next page, its
header repeated or not. The pages are written by the tests with each format's own library or markup; the foreign
names are invented (minted under the country the table gives them) or taken from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import SPANNED_KINDS, spanned_page
from tests.readers.helpers import build, facts

TITLE = "속초시 국제교류 현황"


def _facts(doc) -> set[tuple[str, str, str, str]]:
    return facts(build(doc))


#: A date, a country and a relation each merged down over the rows they belong to.
MERGED_DOWN = [
    ["국가", "도시", "체결일", "구분"],
    [("일본", 3, 1), "가나시", ("2005. 3. 12.", 2, 1), ("자매결연", 3, 1)],
    [None, "다라시", None, None],
    [None, "마바시", "2009. 1. 20.", None],
    ["중국", "시안시", "2010. 5. 3.", "우호교류"],
]
MERGED_DOWN_FACTS = {("가나시", "속초시", "2005-03-12", "sister"), ("다라시", "속초시", "2005-03-12", "sister"),
                     ("마바시", "속초시", "2009-01-20", "sister"), ("속초시", "시안시", "2010-05-03", "friendship")}


@pytest.mark.parametrize("kind", ["html", "docx", "hwpx"])
def test_perturbed_a_row_added_under_the_merged_date_and_a_date_changed(tmp_path: Path, kind: str):
    grid = [
        ["국가", "도시", "체결일", "구분"],
        [("일본", 4, 1), "가나시", ("2005. 3. 12.", 3, 1), ("자매결연", 4, 1)],
        [None, "다라시", None, None],
        [None, "나하시", None, None],
        [None, "마바시", "2009. 1. 21.", None],
        ["중국", "시안시", "2010. 5. 3.", "우호교류"],
    ]
    assert _facts(spanned_page(tmp_path, kind, TITLE, grid, after=("※ 2024. 12. 31. 기준",))) == {
        *(f for f in MERGED_DOWN_FACTS if f[0] != "마바시"),
        ("나하시", "속초시", "2005-03-12", "sister"),
        ("마바시", "속초시", "2009-01-21", "sister"),
    }


#: A header of two rows: the partner's columns (국가 | 도시) under 교류도시, the first signing and its renewal
#: (최초 | 재체결) under 체결일; a partner merged down over its renewal row.
TWO_ROW_HEADER = [[("연번", 2, 1), ("교류도시", 1, 2), None, ("체결일", 1, 2), None],
                  [None, "국가", "도시", "최초", "재체결"], ["1", "일본", "가나시", "2005. 3. 12.", "2015. 3. 12."],
                  ["2", "중국", "시안시", "2010. 5. 3.", ""], ["3", "몽골", "사하솜", "2012. 9. 1.", "2022. 9. 2."]]


@pytest.mark.parametrize("kind", SPANNED_KINDS)
def test_a_header_of_two_rows_names_each_column_by_the_words_of_both(tmp_path: Path, kind: str):
    assert {(a, b, d) for a, b, d, _ in _facts(spanned_page(tmp_path, kind, TITLE, TWO_ROW_HEADER, head_rows=2))} == {
        ("가나시", "속초시", "2005-03-12"),
        ("가나시", "속초시", "2015-03-12"),
        ("속초시", "시안시", "2010-05-03"),
        ("사하솜", "속초시", "2012-09-01"),
        ("사하솜", "속초시", "2022-09-02"),
    }


#: Partners side by side: a sister city and a friendship city per country, each with its date, under a header of
#: two rows naming the relation of each group.
SIDE_BY_SIDE = [
    [("국가", 2, 1), ("자매결연", 1, 2), None, ("우호교류", 1, 2), None],
    [None, "도시", "체결일", "도시", "체결일"],
    ["일본", "가나시", "2005. 3. 12.", "다라시", "2010. 5. 3."],
    ["중국", "시안시", "2001. 1. 2.", "", ""],
    ["미국", "", "", "마바카운티", "2018. 10. 9."],
]
SIDE_BY_SIDE_FACTS = {("가나시", "속초시", "2005-03-12", "sister"), ("속초시", "시안시", "2001-01-02", "sister"),
                      ("다라시", "속초시", "2010-05-03", "friendship"),
                      ("마바카운티", "속초시", "2018-10-09", "friendship")}
#: Each table of merged cells with the rows its header takes and its exact facts.
CASES = {"a date merged down over two partners dates both": (MERGED_DOWN, 1, MERGED_DOWN_FACTS),
         "partners side by side under groups of columns each take their group": (SIDE_BY_SIDE, 2, SIDE_BY_SIDE_FACTS)}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("kind", SPANNED_KINDS)
def test_merged_cells_give_each_row_its_own_facts(tmp_path: Path, kind: str, case: str):
    grid, head_rows, expected = CASES[case]
    assert _facts(spanned_page(tmp_path, kind, TITLE, grid, head_rows=head_rows)) == expected


@pytest.mark.parametrize("kind", ["html", "hwpx"])
def test_side_by_side_groups_under_one_header_row_and_a_group_added(tmp_path: Path, kind: str):
    grid = [["국가", "자매도시", "체결일", "우호도시", "체결일", "교류도시", "체결일"],
            ["일본", "가나시", "2005. 3. 12.", "다라시", "2010. 5. 3.", "", ""],
            ["중국", "시안시", "2001. 1. 2.", "", "", "하얼빈시", "2019. 4. 4."]]
    got = _facts(spanned_page(tmp_path, kind, TITLE, grid))
    assert {(a, b, d) for a, b, d, _ in got} == {
        ("가나시", "속초시", "2005-03-12"), ("다라시", "속초시", "2010-05-03"), ("속초시", "시안시", "2001-01-02"),
        ("속초시", "하얼빈시", "2019-04-04")}
    assert {t for a, _, _, t in got if a == "가나시"} == {"sister"}
    assert {t for a, _, _, t in got if a == "다라시"} == {"friendship"}


def test_negative_a_home_column_and_a_partner_column_with_their_dates_stay_one_pair(tmp_path: Path):
    grid = [["시군", "결연일", "상대 도시", "갱신일"],
            ["춘천시", "2005. 3. 12.", "가나시", "2015. 3. 12."]]
    got = {(a, b, d) for a, b, d, _ in _facts(spanned_page(tmp_path, "html", "강원특별자치도 시군 국제교류 현황",
                                                          grid, before=("일본 자매도시",)))}
    assert ("가나시", "춘천시", "2005-03-12") in got
    assert all("속초시" not in (a, b) for a, b, _ in got)


#: The relation of each group as a row header (``<th scope="row">``) merged down over its rows.
ROW_HEADERS = [
    [("구분", 2, 1), ("상대 도시", 1, 2), None, ("결연일", 2, 1)],
    [None, "국가", "명칭", None],
    [("자매도시", 2, 1), "일본", "가나시", "2005. 3. 12."],
    [None, "일본", "다라시", "2008. 6. 7."],
    ["우호도시", "중국", "시안시", "2010. 5. 3."],
]


@pytest.mark.parametrize("kind", ["html", "pdf"])
def test_row_headers_name_the_relation_of_the_rows_they_head(tmp_path: Path, kind: str):
    assert _facts(spanned_page(tmp_path, kind, TITLE, ROW_HEADERS, head_rows=2, row_headers=True)) == {
        ("가나시", "속초시", "2005-03-12", "sister"),
        ("다라시", "속초시", "2008-06-07", "sister"),
        ("속초시", "시안시", "2010-05-03", "friendship"),
    }


def _long_table(rows: int, dates: dict[int, str] | None = None) -> tuple[list[list[str]], set]:
    names = ["가나", "다라", "마바", "사아", "자차", "카타", "파하", "나다", "라마", "바사"]
    grid: list[list[str]] = [["연번", "국가", "도시", "체결일"]]
    expected = set()
    for i in range(1, rows + 1):
        name = f"{names[i % 10]}{'가다라마'[(i - 1) // 10]}시"
        date = (dates or {}).get(i, f"{2000 + i % 20}. {1 + i % 12}. {1 + i % 27}.")
        grid.append([str(i), "일본", name, date])
        y, m, d = (int(p) for p in date.rstrip(".").split(". "))
        expected.add((name, "속초시", f"{y:04d}-{m:02d}-{d:02d}"))
    return grid, expected


@pytest.mark.parametrize("repeated", [True, False])
def test_a_pdf_table_continued_on_the_next_page_is_one_table(tmp_path: Path, repeated: bool):
    grid, expected = _long_table(40, {33: "2019. 7. 7."})
    doc = spanned_page(tmp_path, "pdf", TITLE, grid, head_rows=1 if repeated else 0,
                       before=tuple(f"본문 {n}" for n in range(20)))
    assert sum(1 for line in doc.lines if line.startswith("연번 |")) == (2 if repeated else 1)  # two pages
    assert {(a, b, d) for a, b, d, _ in _facts(doc)} == {tuple(sorted(f[:2])) + f[2:] for f in expected}
