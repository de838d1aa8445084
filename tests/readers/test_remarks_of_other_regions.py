"""A province's (or a city's) book whose row remark dates another Korean region's signing (audit16 B21, decision
0093): ``단양군-일본 사바시 자매도시(2004. 9. 14. 결연)`` in 충청북도's budget is 단양군's tie with 사바시, not the
province's. A row naming the document's own region (or its parent) keeps the document's region; a row naming two
other Korean regions states nothing. Written by the tests (invented foreign names) as a budget sheet, a report's
status table and a business plan, in CSV, Markdown, DOCX, HWPX and HTML, with perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

BUDGET = ["2026년도 충청북도 일반회계 세출예산 사업명세서 (국제통상과)", "(단위: 천원)",
          [["부서", "세부사업", "산출기초", "예산액", "비고"],
           ["국제통상과", "시군 국제교류 지원", "단양군-일본 사바시 자매도시(2004. 9. 14. 결연) 기념 공연 보조", "6000",
            ""],
           ["국제통상과", "도 교류 행사", "미국 마바주 대표단 초청 3명×2,000", "6000", "1999. 4. 2. 자매결연"],
           ["국제통상과", "통역 지원", "통역 수당 10일×150", "1500", ""]]]
BUDGET_FACTS = {("단양군", "사바시", "2004-09-14", "sister"), ("마바주", "충청북도", "1999-04-02", "sister")}

REPORT = ["전라남도 2025년 국제협력 추진실적", "가. 시군 교류 지원",
          [["분야", "사업명", "추진 실적", "비고"],
           ["농업", "고흥군 중국 하라시 농산물 교류전", "농업인 8명 참가", "2011년 6월 3일 우호교류 협약 체결"],
           ["청소년", "보성군·미국 자파시 청소년 홈스테이", "학생 12명", "'09.10 자매결연"],
           ["도 사업", "베트남 타마성 경제사절단", "기업 5개사", "2015. 3. 20. 우호협약 체결"]]]
REPORT_FACTS = {("고흥군", "하라시", "2011-06-03", "friendship"), ("보성군", "자파시", "2009-10", "sister"),
                ("전라남도", "타마성", "2015-03-20", "friendship")}

PLAN = ["경상북도 2026년 국제교류 사업계획", "1. 시군 교류도시 기념사업",
        [["사업", "내용", "소요예산"],
         ["청송군 교류 20주년", "청송군과 일본 나바시의 자매결연(2006. 5. 8. 체결) 20주년 사절단 지원", "12000"],
         ["영양군 교류", "몽골 하사아이막 의료봉사 (2013. 8. 20. 우호교류 협약 체결)", "8000"],
         ["경상북도 교류", "도청 방문단 접견, 일본 가사현 (1989. 10. 5. 자매결연)", "5000"]]]
PLAN_FACTS = {("나바시", "청송군", "2006-05-08", "sister"), ("영양군", "하사아이막", "2013-08-20", "friendship"),
              ("가사현", "경상북도", "1989-10-05", "sister")}


@pytest.mark.parametrize(("blocks", "expected", "kind"), [
    *((BUDGET, BUDGET_FACTS, k) for k in ("csv", "md", "docx")),  # a province's budget sheet
    *((REPORT, REPORT_FACTS, k) for k in ("md", "hwpx", "html")),  # a province's status report
    *((PLAN, PLAN_FACTS, k) for k in ("tsv", "docx")),  # a plan whose 사업 column names the counties
])
def test_a_row_naming_another_korean_region_states_that_regions_tie(tmp_path: Path, blocks, expected, kind: str):
    assert facts(build(page(tmp_path, kind, blocks))) == expected


def test_perturbed_two_counties_in_a_row_state_nothing_and_a_county_changed(tmp_path: Path):
    rows = [list(r) for r in BUDGET[2]]
    rows[1][2] = "괴산군·단양군-일본 사바시 자매도시(2004. 9. 14. 결연) 기념 공연 보조"
    rows.insert(2, ["국제통상과", "시군 국제교류 지원", "옥천군-중국 다파시 우호도시(2010. 11. 2. 체결) 교류 보조",
                    "3000", ""])
    assert facts(build(page(tmp_path, "csv", [*BUDGET[:2], rows]))) == {
        ("마바주", "충청북도", "1999-04-02", "sister"), ("다파시", "옥천군", "2010-11-02", "friendship")}


#: Another Korean region named in a row but not joined to the tie (audit17 C8): a co-visitor (``괴산군과 공동
#: 방문``), a place seen (``옥천군 견학``), a region gone along with in its own column. In the signing's cell the
#: region is the party only when joined to the tie (a dash, 및, ``A와 B의``, right before the relation word).
OWN_BOOK = ["2026년도 단양군 일반회계 세출예산 사업명세서 (기획감사실)", "(단위: 천원)",
            [["세부사업", "동행", "예산액", "비고"],
             ["일본 사바시 교류", "", "5000", "괴산군과 공동 방문, 2004. 9. 14. 자매결연"],
             ["중국 다파시 교류", "", "3000", "옥천군 견학 포함 / 2010. 11. 2. 우호교류 체결"],
             ["미국 마바주 교류", "보은군과 함께", "4000", "1999. 4. 2. 자매결연"]]]
PROVINCE_BOOK = ["충청북도 2026년 시군 국제교류 지원 계획", "가. 기념사업",
                 [["사업", "내용", "예산"],
                  ["교류 기념 공연", "괴산군과 일본 사바시의 자매결연(2004. 9. 14. 체결) 기념 공연", "6000"],
                  ["청소년 교류", "중국 다파시와 옥천군의 우호도시 (2010. 11. 2. 체결) 청소년 교류", "3000"],
                  ["도 대표단", "보은군 공무원 동행, 미국 마바주 방문 (1999. 4. 2. 자매결연)", "4000"]]]


@pytest.mark.parametrize("kind", ["md", "csv", "docx"])
def test_a_region_seen_or_gone_along_with_is_no_party(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, OWN_BOOK))) == set()
    assert facts(build(page(tmp_path, kind, PROVINCE_BOOK))) == {
        ("괴산군", "사바시", "2004-09-14", "sister"), ("다파시", "옥천군", "2010-11-02", "friendship")}


def test_perturbed_without_the_other_region_the_row_is_the_documents(tmp_path: Path):
    rows = [list(r) for r in OWN_BOOK[2]]
    rows[1][3] = "대표단 방문, 2004. 9. 14. 자매결연"
    rows[3][1] = ""
    assert facts(build(page(tmp_path, "md", [*OWN_BOOK[:2], rows]))) == {
        ("단양군", "사바시", "2004-09-14", "sister"), ("단양군", "마바주", "1999-04-02", "sister")}
