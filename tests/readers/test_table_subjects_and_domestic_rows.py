"""General table rules found by the error taxonomy of blind challenge sets 9 and 10 (tune halves), tested beyond the
documents that showed them: a country cell saying ``국내`` makes the row's partner a Korean region (qualified by its
province or city); a table with no title names its own region by the office that wrote it (``작성 | … 과``), not by
its first row; a remarks column holding dates does not take the role of an unnamed signing-date column
(``서명일``); an English title names its region as the registry romanizes it (``…-do``, ``… City``); a table laid out
with spaces by OCR (read through decision 0080's reading form) with a renewal noted under a row in its name
column. The pages are written by the
tests; foreign names are invented or from the registry, Korean ones from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, document, facts


def _pairs(doc) -> set[tuple[str, str, str]]:
    return {(a, b, d) for a, b, d, _ in facts(build(doc))}


DOMESTIC = [["연번", "상대 자치단체", "국가", "구분", "체결일자"],
            ["1", "서울특별시 노원구", "국내", "자매결연", "1996.04.12"],
            ["2", "부산광역시 사하구", "국내", "자매결연", "2001.06.30"],
            ["3", "가나시", "일본", "우호교류", "2007.10.05"]]
DOMESTIC_FACTS = {("노원구", "화천군", "1996-04-12"), ("사하구", "화천군", "2001-06-30"),
                  ("가나시", "화천군", "2007-10-05")}


@pytest.mark.parametrize("kind", ["txt", "csv", "html", "docx", "hwpx"])
def test_a_country_cell_saying_domestic_makes_the_partner_a_korean_region(tmp_path: Path, kind: str):
    assert _pairs(page(tmp_path, kind, ["강원특별자치도 화천군 자매·우호도시 현황", DOMESTIC])) == DOMESTIC_FACTS


def test_perturbed_domestic_spelt_otherwise_a_row_added_and_a_date_changed(tmp_path: Path):
    rows = [r[:] for r in DOMESTIC]
    rows[1][2] = "국내도시"
    rows[2][4] = "2001.07.01"
    rows.append(["4", "대구광역시 수성구", "국내", "우호교류", "2015.03.03"])
    assert _pairs(page(tmp_path, "tsv", ["강원특별자치도 화천군 자매·우호도시 현황", rows])) == {
        ("노원구", "화천군", "1996-04-12"), ("사하구", "화천군", "2001-07-01"), ("가나시", "화천군", "2007-10-05"),
        ("수성구", "화천군", "2015-03-03")}


@pytest.mark.parametrize("kind", ["csv", "txt"])
def test_a_register_without_a_title_is_the_writing_offices_region_not_its_first_rows(tmp_path: Path, kind: str):
    rows = [*DOMESTIC, ["합계", "3건", "", "", ""], ["작성일", "2024.02.01", "작성", "화천군 기획감사실", ""]]
    assert _pairs(page(tmp_path, kind, [rows])) == DOMESTIC_FACTS


def test_negative_a_register_written_by_no_office_of_a_region_has_no_subject(tmp_path: Path):
    rows = [*DOMESTIC[:1], DOMESTIC[3], ["작성일", "2024.02.01", "작성", "국제교류 담당자", ""]]
    assert _pairs(page(tmp_path, "csv", [rows])) == set()


@pytest.mark.parametrize("date_header", ["서명일", "서명일자", "일시"])
def test_remarks_with_dates_leave_the_signing_date_column_its_role(tmp_path: Path, date_header: str):
    rows = [["№", "상대 지방정부", "문서 명칭", date_header, "상태", "비고"],
            ["1", "가나시", "자매결연 협정", "1993-05-20", "유효", "2020년 명칭 변경"],
            ["2", "다라시", "우호협력 협정", "1999-11-02", "유효", ""],
            ["3", "마바시", "경제협력 양해각서", "2014-08-19", "종료(2021)", "2019년 교류 중단"]]
    got = _pairs(page(tmp_path, "txt", ["일본 가나현 정부 국제과 — 강원특별자치도 양구군과의 협력 문서", rows]))
    assert got == {("가나시", "양구군", "1993-05-20"), ("다라시", "양구군", "1999-11-02"),
                   ("마바시", "양구군", "2014-08-19")}


@pytest.mark.parametrize("title", ["Sister Regions of Jeollanam-do", "Partner Cities of Suncheon City",
                                   "Suncheon-si Sister Cities"])
def test_an_english_title_names_its_region_as_the_registry_romanizes_it(tmp_path: Path, title: str):
    rows = [["Region", "Country", "Relationship", "Date Signed"],
            ["Gana Province", "China", "Sister Region", "Oct. 28, 1996"],
            ["Dara Prefecture", "Japan", "Friendship Region", "June 14, 2013"]]
    home = "전라남도" if "Jeollanam" in title else "순천시"
    assert _pairs(page(tmp_path, "html", [title, rows], title=title)) == {
        ("Gana Province", home, "1996-10-28"), ("Dara Prefecture", home, "2013-06-14")}  # unit words as written (0076)


OCR = """[OCR 결과]
양 구 군   국 제 자 매 도 시  현 황
                                   2O20. l2. 31. 현재
연번  도 시 명            국 가     결 연 일         구 분
 1   가 나 시(加那市)     일 본     l997. 5. 18.    자 매 결 연
 2   다 라 시             중 국     2OO8. 1O. 9.    우 호 교 류
 3   마 바 빌 라 드 타 운 미 국       2O13. 7. l.     자매 결연
 4   사 하 시             베트남    2Ol7. 3. 21.   MOU  ~
      ※ 2O19. 3. 21. 재 체 결
 5   아 자 시             몽골      -               교류의향서  전 달(2O2l. 5.)  *추진중*
ㆍ 문의: 국제협력 담당"""


def test_an_ocr_table_laid_out_with_spaces_is_read_with_its_spacing_and_digits_undone():
    assert _pairs(document("ocr.txt", OCR)) == {
        ("가나시", "양구군", "1997-05-18"), ("다라시", "양구군", "2008-10-09"),
        ("마바빌라드타운", "양구군", "2013-07-01"),
        ("사하시", "양구군", "2017-03-21"), ("사하시", "양구군", "2019-03-21")}


def test_perturbed_ocr_table_a_row_added_a_date_changed_and_noise_after_it():
    text = OCR.replace("2OO8. 1O. 9.", "2OO8. 1O. 8.").replace(
        " 5   아 자 시", " 5   차 카 시             일 본     2Ol9. 9. 9.     우 호 교 류\n 6   아 자 시")
    text += "\n\n※ 위 표는 스캔본으로  원문과  대조가  필요함"
    assert _pairs(document("ocr.txt", text)) == {
        ("가나시", "양구군", "1997-05-18"), ("다라시", "양구군", "2008-10-08"),
        ("마바빌라드타운", "양구군", "2013-07-01"),
        ("사하시", "양구군", "2017-03-21"), ("사하시", "양구군", "2019-03-21"), ("양구군", "차카시", "2019-09-09")}


def test_negative_prose_with_double_spaces_is_no_table():
    text = """양구군 소식
양구군은  1997년  가나시와  교류를  시작했다.  올해  기념행사를  연다.
두  도시는  2008년에  다시  만났다.  청소년  교류도  이어졌다."""
    assert _pairs(document("prose.txt", text)) == set()


def _one_cell_a_line(rows: list[list[str]]) -> str:
    return "\n".join(cell for row in rows for cell in row)


CELLS = [["연번", "국가", "도시명", "체결일", "구분"], ["1", "일본", "가나시", "1997.10.22", "자매"],
         ["2", "국내", "서울 강서구", "2003.6.30", "자매"], ["3", "국내", "충남 당진시", "2008.11.5", "우호"],
         ["4", "베트남", "다라시", "협의중", "-"]]


def test_a_table_copied_one_cell_a_line_reads_domestic_partners_by_their_qualified_names():
    text = "양구군 자매결연 도시 현황\n(2015. 1. 기준)\n" + _one_cell_a_line(CELLS) + "\n- 3 -"
    assert _pairs(document("cells.txt", text)) == {
        ("가나시", "양구군", "1997-10-22"), ("강서구", "양구군", "2003-06-30"), ("당진시", "양구군", "2008-11-05")}


def test_perturbed_cells_a_line_a_domestic_record_added_last_and_a_date_changed():
    rows = [*CELLS[:4], ["4", "국내", "부산 사하구", "2012.3.4", "자매"], CELLS[4]]
    rows[1] = ["1", "일본", "가나시", "1997.10.23", "자매"]
    text = "양구군 자매결연 도시 현황\n(2015. 1. 기준)\n" + _one_cell_a_line(rows)
    assert _pairs(document("cells.txt", text)) == {
        ("가나시", "양구군", "1997-10-23"), ("강서구", "양구군", "2003-06-30"), ("당진시", "양구군", "2008-11-05"),
        ("사하구", "양구군", "2012-03-04")}


@pytest.mark.parametrize("kind", ["docx", "md"])
def test_a_remark_holding_header_words_and_a_year_starts_no_new_table(tmp_path: Path, kind: str):
    rows = [["국가", "도시", "구분", "체결일", "비고"], ["일본", "가나시", "자매도시", "1994. 10. 17.", ""],
            ["중국", "다라시", "-", "-", "2025. 하반기 우호도시 체결 예정"],
            ["미국", "마바카운티 사하시", "자매도시", "2003. 9. 9.", "2021. 12. 교류 종료 합의"]]
    assert _pairs(page(tmp_path, kind, ["제주특별자치도 서귀포시 국제 자매·우호도시 현황", rows])) == {
        ("가나시", "서귀포시", "1994-10-17"), ("사하시", "서귀포시", "2003-09-09")}
