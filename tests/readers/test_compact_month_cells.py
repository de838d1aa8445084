"""A month printed as six digits in a column of ``YYYYMMDD`` dates (decision 0105): ``201410`` cannot be ``YYMMDD``
(no 14th month), so it is October 2014, a month whose day is not known; ``200605`` stays ``YYMMDD`` (2020-06-05).
Tables written by the tests (invented partner names) as TSV, CSV, DOCX and HTML, with a perturbation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, facts
from tests.readers.table_files import table_document

TITLE = "평창군 국제자매우호도시 현황"
HEADER = ["연번", "상대도시명", "국가", "결연구분", "체결일자(YYYYMMDD)", "비고"]
BODY = [["1", "가나시", "중국", "우호", "20060523", ""], ["2", "다라시", "베트남", "우호", "201410", "일자 미상"],
        ["3", "마바시", "일본", "자매", "19940520", ""]]
FACTS = {("가나시", "평창군", "2006-05-23", "friendship"), ("다라시", "평창군", "2014-10", "friendship"),
         ("마바시", "평창군", "1994-05-20", "sister")}


@pytest.mark.parametrize("kind", ["tsv", "csv", "docx", "html"])
def test_a_six_digit_month_in_a_column_of_compact_dates(tmp_path: Path, kind: str):
    assert facts(build(table_document(tmp_path, kind, TITLE, [HEADER, *BODY]))) == FACTS


def test_perturbed_a_row_added_and_the_month_changed(tmp_path: Path):
    body = [BODY[0], BODY[1][:4] + ["201512", ""], BODY[2], ["4", "사아시", "몽골", "자매", "199807", ""]]
    expected = (FACTS - {("다라시", "평창군", "2014-10", "friendship")}) | {
        ("다라시", "평창군", "2015-12", "friendship"), ("사아시", "평창군", "1998-07", "sister")}
    assert facts(build(table_document(tmp_path, "tsv", TITLE, [HEADER, *body]))) == expected


#: A column of months only (audit18 D21): ``199905`` can only be ``YYYYMM``, so ``200312`` beside it is December
#: 2003, not 2020-03-12; a header naming a year and a month (``체결연월``, ``결연 년월``) says so for every cell.
MONTHS_TITLE = "양구군 자매우호도시 등록부"
MONTHS_BODY = [["1", "일본", "가나시", "자매결연", "199905"], ["2", "중국", "다라시", "우호교류", "200312"],
               ["3", "몽골", "마바시", "우호교류", "201012"]]
MONTHS_FACTS = {("가나시", "양구군", "1999-05", "sister"), ("다라시", "양구군", "2003-12", "friendship"),
                ("마바시", "양구군", "2010-12", "friendship")}


@pytest.mark.parametrize("kind", ["tsv", "csv", "docx", "html"])
@pytest.mark.parametrize("head", ["체결연월", "결연 년월", "체결일"])
def test_a_column_of_six_digit_months_is_read_whole(tmp_path: Path, kind: str, head: str):
    header = ["연번", "국가", "도시", "구분", head]
    assert facts(build(table_document(tmp_path, kind, MONTHS_TITLE, [header, *MONTHS_BODY]))) == MONTHS_FACTS


def test_perturbed_a_header_of_months_without_a_month_only_cell(tmp_path: Path):
    body = [MONTHS_BODY[1], MONTHS_BODY[2]]  # 200312, 201012 could be days; the header says months
    header = ["연번", "국가", "도시", "구분", "결연연월"]
    assert facts(build(table_document(tmp_path, "tsv", MONTHS_TITLE, [header, *body]))) == MONTHS_FACTS - {
        ("가나시", "양구군", "1999-05", "sister")}
