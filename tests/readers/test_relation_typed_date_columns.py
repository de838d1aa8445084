"""A consulate's list with one date column per relation type headed by the relation word alone (``자매결연 |
우호교류``, no 체결일): each column of dates is a date column (not a party column, as the header word alone would
say), and its header types the signings it dates. Written as TSV, CSV and DOCX, with perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

TITLE = "호치민 총영사관 관할 베트남 남부 지방정부와 한국 지자체 교류 현황"
HEADER = ["베트남 지방정부", "한국 광역", "한국 기초", "자매결연", "우호교류", "비고"]
ROWS = [["빈즈엉성", "경기도", "", "", "2009. 3. 2.", ""],
        ["동나이성", "경상북도", "포항시", "2012. 5. 6.", "", ""],
        ["껀터시", "충청남도", "", "", "2016. 9. 1.", "2021. 9. 1. 갱신"],
        ["떠이닌성", "전라남도", "", "2018. 11. 20.", "", ""]]
FACTS = {("경기도", "빈즈엉성", "2009-03-02", "friendship"), ("동나이성", "포항시", "2012-05-06", "sister"),
         ("껀터시", "충청남도", "2016-09-01", "friendship"), ("껀터시", "충청남도", "2021-09-01", "friendship"),
         ("떠이닌성", "전라남도", "2018-11-20", "sister")}


def _doc(tmp_path: Path, kind: str, rows=ROWS):
    return page(tmp_path, kind, [TITLE, [HEADER, *rows]], name="hcmc")


@pytest.mark.parametrize("kind", ["tsv", "csv", "docx"])
def test_a_date_column_per_relation_type_dates_and_types_each_signing(tmp_path: Path, kind: str):
    assert facts(build(_doc(tmp_path, kind))) == FACTS


def test_perturbed_a_row_added_a_date_moved_to_the_other_column(tmp_path: Path):
    rows = [list(r) for r in ROWS] + [["롱안성", "강원특별자치도", "", "", "2023. 4. 7.", ""]]
    rows[0][3], rows[0][4] = "2009. 3. 2.", ""
    assert facts(build(_doc(tmp_path, "tsv", rows))) == (
        FACTS - {("경기도", "빈즈엉성", "2009-03-02", "friendship")}) | {
        ("경기도", "빈즈엉성", "2009-03-02", "sister"), ("강원특별자치도", "롱안성", "2023-04-07", "friendship")}
