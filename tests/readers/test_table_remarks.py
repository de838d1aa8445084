"""Signings a budget book or a business report states in a cell of a table about something else (decision 0088): a
row naming one foreign place whose remark or calculation basis dates a signing (``2001년 5월 9일 자매결연``,
``2008. 10. 21. 우호협약 체결(2018. 10. 22. 재체결)``) is that signing of the document's region; a planned signing,
a visit, or a row naming no place or two gives nothing. Written by the tests (invented foreign names and wording, a
registry county as the subject; a report's status table and a budget sheet) as CSV, TSV, Markdown, DOCX and HWPX,
with perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

HEAD = ["영월군 2025년 상반기 주요업무 추진실적", "국제교류 분야"]
ROWS = [["분야", "사업명", "추진 실적", "소요예산(천원)", "비고"],
        ["인재 양성", "미국 가나시 청소년 어학연수", "고교생 6명 3주 연수", "9600", "2001년 5월 9일 자매결연"],
        ["행정 교류", "중국 다라성 마바시 공무원 상호 파견", "연수생 2명 파견",
         "14000", "2008. 10. 21. 우호협약 체결(2018. 10. 22. 재체결)"],
        ["농업 교류", "일본 사아시 딸기 재배 기술 연수", "농업인 4명 연수", "7000", "'97.06 자매결연; 격년 상호 방문"],
        ["신규 교류", "베트남 자차성 교류 협의", "실무 협의 2회", "3000", "2025. 11. 우호협약 체결 추진"],
        ["해외 방문", "튀르키예 카타시 방문", "군수 일행 방문, 의향서 전달", "6000", "2025. 4. 14. 방문"]]
FACTS = {("가나시", "영월군", "2001-05-09", "sister"), ("마바시", "영월군", "2008-10-21", "friendship"),
         ("마바시", "영월군", "2018-10-22", "friendship"), ("사아시", "영월군", "1997-06", "sister")}

BUDGET_HEAD = ["2026년도 영월군 일반회계 예산서 (자치행정과)", "(단위: 천원)"]
BUDGET = [["세부사업", "산출기초", "예산액", "비고"],
          ["일본 사아시 교류", "방문단 5명×1,500 (1997. 6. 12. 자매결연)", "7500", ""],
          ["해외 교류도시 발굴", "후보지 방문 2명×2,000", "4000", ""],
          ["외국어 통역 지원", "통역 수당 10일×150", "1500", ""]]


@pytest.mark.parametrize("kind", ["csv", "tsv", "md", "docx", "hwpx"])
def test_a_report_rows_remark_states_its_signing(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, [*HEAD, ROWS]))) == FACTS


@pytest.mark.parametrize("kind", ["csv", "md", "docx"])
def test_a_budget_rows_calculation_basis_states_its_signing(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, [*BUDGET_HEAD, BUDGET]))) == {("사아시", "영월군", "1997-06-12", "sister")}


def test_perturbed_a_date_changed_and_a_row_added(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[1][4] = "2002년 8월 16일 자매결연"
    rows.insert(4, ["보건 교류", "몽골 하파아이막 의료 봉사", "의료진 5명 파견", "5000",
                    "2012. 8. 20. 우호교류 협약 체결"])
    expected = (FACTS - {("가나시", "영월군", "2001-05-09", "sister")}) | {
        ("가나시", "영월군", "2002-08-16", "sister"), ("영월군", "하파아이막", "2012-08-20", "friendship")}
    assert facts(build(page(tmp_path, "csv", [*HEAD, rows]))) == expected


def test_negative_a_row_naming_two_places_or_none_states_nothing(tmp_path: Path):
    rows = [ROWS[0], ["행정 교류", "미국 가나시·일본 사아시 합동 행사", "기념 공연", "9000", "2001. 5. 9. 결연 기념"],
            ["인재 양성", "청소년 교류", "홈스테이 4명", "3000", "2003. 4. 5. 자매결연 도시 방문"]]
    assert facts(build(page(tmp_path, "csv", [*HEAD, rows]))) == set()


@pytest.mark.parametrize("kind", ["csv", "md", "docx"])
@pytest.mark.parametrize("remark", ["일자 미상으로 1월 1일 입력(연도만 확인)", "체결일 미상(연도만 기재)", "월일 미상"])
def test_a_placeholder_day_with_a_remark_saying_so_is_the_year(tmp_path: Path, kind: str, remark: str):
    rows = [["시군", "국가", "도시", "유형", "체결일자", "비고"],
            ["영월군", "일본", "가나시", "자매", "2003-01-01", remark],
            ["영월군", "중국", "다라시", "우호", "2011-05-17", ""]]
    assert facts(build(page(tmp_path, kind, ["지자체 국제교류 현황 내보내기", rows]))) == {
        ("가나시", "영월군", "2003", "sister"), ("다라시", "영월군", "2011-05-17", "friendship")}
