"""Signings a budget book or a business report states in a cell of a table about something else (decision 0088): a
row naming one foreign place whose remark or calculation basis dates a signing (``자매도시(1996. 5. 3. 결연) 학생
10명``, ``2006. 9. 1. 우호도시 체결, 2016. 9. 1. 재체결 / 대표단 초청``) is that signing of the document's region;
a planned signing, a visit, or a row naming no place or two gives nothing. Written by the tests (invented foreign
names, a registry city as the subject) as CSV, TSV, Markdown, DOCX and HWPX, with perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

HEAD = ["2025년도 제천시 세출예산 사업명세서 (국제협력과)", "(단위: 천원)"]
ROWS = [["부서", "정책사업", "세부사업", "산출기초", "예산액", "비고"],
        ["국제협력과", "국제교류", "미국 가나시 학생 홈스테이", "자매도시(1996. 5. 3. 결연) 학생 10명×1,200천원",
         "12000", ""],
        ["국제협력과", "국제교류", "중국 다라성 마바시 우호도시 교류",
         "2006. 9. 1. 우호도시 체결, 2016. 9. 1. 재체결 / 대표단 초청", "20000", ""],
        ["국제협력과", "국제교류", "일본 사아시 교류", "'03.11 자매결연 / 공무원 상호파견 2명", "8000", ""],
        ["국제협력과", "신규 발굴", "베트남 자차성 우호교류 협정 체결", "2025년 하반기 체결 예정 / 체결식 경비",
         "10000", "신규"],
        ["국제협력과", "신규 발굴", "튀르키예 카타시 의향서 전달", "2025. 4. 방문 / 의향서 전달", "6000", ""],
        ["합계", "", "", "", "56000", ""]]
FACTS = {("가나시", "제천시", "1996-05-03", "sister"), ("마바시", "제천시", "2006-09-01", "friendship"),
         ("마바시", "제천시", "2016-09-01", "friendship"), ("사아시", "제천시", "2003-11", "sister")}


@pytest.mark.parametrize("kind", ["csv", "tsv", "md", "docx", "hwpx"])
def test_a_budget_rows_remark_states_its_signing(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, [*HEAD, ROWS]))) == FACTS


def test_perturbed_a_date_changed_and_a_row_added(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[1][3] = "자매도시(1997. 6. 4. 결연) 학생 10명"
    rows.insert(4, ["국제협력과", "국제교류", "몽골 하파아이막 교류", "2012. 8. 20. 우호교류 협약 체결 / 의료 봉사",
                    "5000", ""])
    expected = (FACTS - {("가나시", "제천시", "1996-05-03", "sister")}) | {
        ("가나시", "제천시", "1997-06-04", "sister"), ("제천시", "하파아이막", "2012-08-20", "friendship")}
    assert facts(build(page(tmp_path, "csv", [*HEAD, rows]))) == expected


def test_negative_a_row_naming_two_places_or_none_states_nothing(tmp_path: Path):
    rows = [ROWS[0], ["국제협력과", "국제교류", "미국 가나시·일본 사아시 합동 행사", "1996. 5. 3. 결연 기념",
                      "9000", ""],
            ["국제협력과", "국제교류", "청소년 교류", "2001. 4. 5. 자매결연 도시 방문", "3000", ""]]
    assert facts(build(page(tmp_path, "csv", [*HEAD, rows]))) == set()


@pytest.mark.parametrize("kind", ["csv", "md", "docx"])
@pytest.mark.parametrize("remark", ["일자 미상으로 1월 1일 입력(연도만 확인)", "체결일 미상(연도만 기재)", "월일 미상"])
def test_a_placeholder_day_with_a_remark_saying_so_is_the_year(tmp_path: Path, kind: str, remark: str):
    rows = [["시군", "국가", "도시", "유형", "체결일자", "비고"],
            ["제천시", "일본", "가나시", "자매", "2003-01-01", remark],
            ["제천시", "중국", "다라시", "우호", "2011-05-17", ""]]
    assert facts(build(page(tmp_path, kind, ["지자체 국제교류 현황 내보내기", rows]))) == {
        ("가나시", "제천시", "2003", "sister"), ("다라시", "제천시", "2011-05-17", "friendship")}
