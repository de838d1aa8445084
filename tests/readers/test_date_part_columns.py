"""A signing date printed in columns of its parts (decision 0105): ``연 | 월 | 일`` headers, one ``체결일`` header
merged over three columns with ``년 | 월 | 일`` below it, or ``Year | Month | Day``; a month or a day left empty or
``-`` where it is unknown. The parts are one date, at the precision the row states (a month beside ``일자 미상`` is
kept). Tables are written by the tests (invented partner names) in several formats, with perturbations and a table of
yearly counts that holds no date."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import spanned_page
from tests.readers.helpers import build, facts
from tests.readers.table_files import table_document

TITLE = "평창군 자매결연 현황"
ROWS = [["일본", "가나시", "자매결연", "1999", "11", "5", ""],
        ["중국", "다라시", "우호교류", "1994", "6", "17", ""],
        ["러시아", "마바시", "자매결연", "2006", "10", "-", "일자 미상"],
        ["베트남", "사아성", "우호교류", "2016", "4", "", ""]]
FACTS = {("가나시", "평창군", "1999-11-05", "sister"), ("다라시", "평창군", "1994-06-17", "friendship"),
         ("마바시", "평창군", "2006-10", "sister"), ("사아성", "평창군", "2016-04", "friendship")}


@pytest.mark.parametrize("kind", ["tsv", "md", "docx", "hwpx", "html"])
def test_year_month_day_columns_are_one_date(tmp_path: Path, kind: str):
    rows = [["국가", "도시명", "구분", "연", "월", "일", "비고"], *ROWS]
    assert facts(build(table_document(tmp_path, kind, TITLE, rows))) == FACTS


@pytest.mark.parametrize("kind", ["html", "docx", "hwpx"])
def test_a_date_header_merged_over_its_parts(tmp_path: Path, kind: str):
    grid = [[("국가", 2, 1), ("도시명", 2, 1), ("구분", 2, 1), ("체결일", 1, 3), None, None, ("비고", 2, 1)],
            [None, None, None, "년", "월", "일", None], *ROWS]
    assert facts(build(spanned_page(tmp_path, kind, TITLE, grid, head_rows=2))) == FACTS


@pytest.mark.parametrize("kind", ["tsv", "docx"])
def test_english_year_month_day_headers_and_another_column_order(tmp_path: Path, kind: str):
    rows = [["No.", "Partner city", "Year", "Month", "Day", "Country", "Type"],
            *[[str(i), r[1], r[3], r[4], r[5], r[0], r[2]] for i, r in enumerate(ROWS, start=1)]]
    assert facts(build(table_document(tmp_path, kind, TITLE, rows))) == FACTS


def test_perturbed_a_row_added_and_a_day_changed(tmp_path: Path):
    rows = [["국가", "도시명", "구분", "연", "월", "일", "비고"], ROWS[0][:5] + ["25", ""], *ROWS[1:],
            ["미국", "자차시", "자매결연", "2021", "3", "9", "재체결 예정 없음"]]
    expected = (FACTS - {("가나시", "평창군", "1999-11-05", "sister")}) | {
        ("가나시", "평창군", "1999-11-25", "sister"), ("자차시", "평창군", "2021-03-09", "sister")}
    assert facts(build(table_document(tmp_path, "tsv", TITLE, rows))) == expected


def test_negative_a_year_column_beside_counts_is_no_date_of_parts(tmp_path: Path):
    rows = [["국가", "도시명", "연도", "방문 횟수", "참가 인원"],
            ["일본", "가나시", "2019", "3", "25"], ["중국", "다라시", "2021", "2", "14"]]
    assert facts(build(table_document(tmp_path, "tsv", "평창군 국제교류 실적", rows))) == set()
