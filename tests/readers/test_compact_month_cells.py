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
