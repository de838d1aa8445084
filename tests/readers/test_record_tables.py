"""Tables of records written field by field (decision 0105, :mod:`graph.readers.table_records`): a long table
``교류도시 | 항목 | 내용`` (a partner per group of rows, merged or repeated), a transposed table (one column per
partner) are read as one row per partner; a date cell stating two steps gives each its own relation. The pages are
written by the tests (invented partner names) in several formats, with perturbations (a partner added, a date changed,
a plan) and tables of rows that must stay rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import spanned_page
from tests.readers.helpers import build, facts
from tests.readers.table_files import table_document

TITLE = "가평군 해외 교류도시 현황"
CITIES = [("중국 허난성 가나시", "우호도시", "2004년 6월 24일", "2014년 6월 24일 우호도시 재체결"),
          ("일본 다라현 마바시", "자매도시", "1997년 8월 5일", ""),
          ("미국 사아주 자차시", "자매도시 (추진)", "미정 (2027년 체결 목표)", "")]
FACTS = {("가나시", "가평군", "2004-06-24", "friendship"), ("가나시", "가평군", "2014-06-24", "friendship"),
         ("가평군", "마바시", "1997-08-05", "sister")}


def long_rows(cities=CITIES) -> list[list[str]]:
    rows = [["교류도시", "항목", "내용"]]
    for name, kind, date, note in cities:
        rows += [[name, "구분", kind], [name, "체결일", date]] + ([[name, "비고", note]] if note else [])
    return rows


@pytest.mark.parametrize("kind", ["tsv", "md", "docx", "hwpx", "html"])
def test_a_long_table_is_one_row_per_partner(tmp_path: Path, kind: str):
    assert facts(build(table_document(tmp_path, kind, TITLE, long_rows()))) == FACTS


@pytest.mark.parametrize("kind", ["html", "docx", "hwpx"])
def test_a_long_table_with_the_partner_merged_over_its_rows(tmp_path: Path, kind: str):
    grid: list[list] = [["교류도시", "항목", "내용"]]
    for name, kind_, date, note in CITIES:
        fields = [("구분", kind_), ("체결일", date)] + ([("비고", note)] if note else [])
        grid += [[(name, len(fields), 1) if i == 0 else None, k, v] for i, (k, v) in enumerate(fields)]
    assert facts(build(spanned_page(tmp_path, kind, TITLE, grid))) == FACTS


def test_long_table_perturbed_a_partner_added_and_a_date_changed(tmp_path: Path):
    cities = [CITIES[0], (CITIES[1][0], "자매도시", "1998년 9월 1일", ""), CITIES[2],
              ("베트남 하바성", "교류협력 MOU", "2023년 3월 30일", "하바성 인민위원회 서명")]
    expected = (FACTS - {("가평군", "마바시", "1997-08-05", "sister")}) | {
        ("가평군", "마바시", "1998-09-01", "sister"), ("가평군", "하바성", "2023-03-30", "mou")}
    assert facts(build(table_document(tmp_path, "tsv", TITLE, long_rows(cities)))) == expected


#: One column per partner, keys down the first column (rows written as ``;``-separated text).
TRANSPOSED = [row.split(" ; ") for row in """구 분 ; 가나시 ; 다라시 ; 마바시 ; 사아시
국 가 ; 일본(다라현) ; 중국(하바성) ; 미국(자차주) ; 러시아(카타주)
관 계 ; 자매 ; 우호 ; 자매 ; 우호
체결일 ; 2000. 3. 10. ; 1995. 6. 20. ; 1998. 9. ; 추진중(2027년 목표)
인 구 ; 46만 ; 23만 ; 45만 ; 43만""".splitlines()]
TRANSPOSED_FACTS = {("가나시", "가평군", "2000-03-10", "sister"), ("가평군", "다라시", "1995-06-20", "friendship"),
                    ("가평군", "마바시", "1998-09", "sister")}


@pytest.mark.parametrize("kind", ["txt", "tsv", "md", "docx", "hwpx", "html"])
def test_a_transposed_table_is_one_row_per_column(tmp_path: Path, kind: str):
    built = build(table_document(tmp_path, kind, "2025년 가평군 국제교류 업무계획", TRANSPOSED))
    assert facts(built) == TRANSPOSED_FACTS
    assert not any(p == "사아시" for f in facts(built) for p in f[:2])  # a plan: no signing


def test_transposed_perturbed_rows_in_another_order_and_a_column_added(tmp_path: Path):
    rows = [TRANSPOSED[0] + ["타파시"], TRANSPOSED[3] + ["2011. 4. 9."], TRANSPOSED[1] + ["몽골"],
            TRANSPOSED[2] + ["우호"]]
    expected = TRANSPOSED_FACTS | {("가평군", "타파시", "2011-04-09", "friendship")}
    assert facts(build(table_document(tmp_path, "tsv", "2025년 가평군 국제교류 업무계획", rows))) == expected


#: A date cell stating two steps of one tie, each with its own relation word.
STEPS = "1995. 10. 16. 우호교류 → 2007. 4. 자매결연 격상"
STEP_FACTS = {("가평군", "다라성", "1995-10-16", "friendship"), ("가평군", "다라성", "2007-04", "sister")}


@pytest.mark.parametrize("kind", ["tsv", "docx", "html"])
def test_a_date_cell_of_two_steps_gives_each_step_its_own_relation(tmp_path: Path, kind: str):
    rows = [["교류도시", "항목", "내용"], ["중국 다라성", "체결일", STEPS], ["중국 다라성", "인구", "약 1,027만 명"]]
    assert facts(build(table_document(tmp_path, kind, TITLE, rows))) == STEP_FACTS


@pytest.mark.parametrize("steps", [STEPS, "2007. 4. 자매결연 격상 (1995. 10. 16. 우호교류 체결)",
                                   "우호교류 1995. 10. 16., 자매결연 2007. 4."])
def test_the_steps_in_a_table_of_rows_in_other_wordings(tmp_path: Path, steps: str):
    rows = [["국가", "도시명", "결연일"], ["중국", "다라성", steps], ["일본", "마바시", "1997. 8. 5. 자매결연"]]
    assert facts(build(table_document(tmp_path, "tsv", TITLE, rows))) == STEP_FACTS | {
        ("가평군", "마바시", "1997-08-05", "sister")}


def test_negative_a_table_of_rows_whose_first_column_holds_relation_words_stays_rows(tmp_path: Path):
    rows = [["구분", "도시명", "체결일"], ["자매도시", "일본 가나시", "2001. 5. 3."],
            ["우호도시", "중국 다라시", "2005. 7. 8."]]
    assert facts(build(table_document(tmp_path, "tsv", TITLE, rows))) == {
        ("가나시", "가평군", "2001-05-03", "sister"), ("가평군", "다라시", "2005-07-08", "friendship")}


def test_negative_one_record_in_two_languages_is_not_two_partners(tmp_path: Path):
    rows = [["항목", "국문", "English"], ["협약명", "가평군-몽골 가나아이막 우호교류 협약", "Friendship Agreement"],
            ["체결일", "2016. 8. 30.", "30 August 2016"], ["장소", "몽골 다라시", "Dara, Mongolia"]]
    got = facts(build(table_document(tmp_path, "md", "가평군-가나아이막 우호교류 협약", rows)))
    assert not any("다라시" in f[:2] for f in got)


#: Records of visits, anniversaries and talks (audit18 D11): a date key that names no signing (``날짜``, ``일자``) and
#: values of events (``시장 일행 방문``, ``자매결연 10주년 기념 방문``, ``우호교류 협약 갱신 협의``) are no signings.
VISITS = [["구분", "가나시", "다라시", "마바성"], ["국가", "일본", "중국", "베트남"],
          ["날짜", "2019. 5. 3.", "2022. 8. 1.", "2023. 4. 17."],
          ["내용", "시장 일행 방문", "청소년 교류단 파견", "농업 연수단 초청"]]
EVENTS = [("가나시", "2025. 5. 7.", "자매결연 10주년 기념 방문"), ("다라시", "2022. 8. 1.", "우호교류 협약 갱신 협의"),
          ("마바성", "2024. 3. 5.", "자매결연 추진 실무 회의")]


@pytest.mark.parametrize("kind", ["txt", "tsv", "md", "html"])
def test_negative_a_transposed_table_of_visits_gives_no_signing(tmp_path: Path, kind: str):
    assert facts(build(table_document(tmp_path, kind, "가평군 해외 교류 기록", VISITS))) == set()


@pytest.mark.parametrize("key", ["날짜", "일자"])
def test_negative_long_records_of_events_give_no_signing(tmp_path: Path, key: str):
    rows = [[name, k, v] for name, day, what in EVENTS for k, v in (("국가", "일본"), (key, day), ("내용", what))]
    assert facts(build(table_document(tmp_path, "tsv", "가평군 해외 교류 기록", rows))) == set()


def test_perturbed_a_signing_column_beside_visits_is_still_read(tmp_path: Path):
    rows = [VISITS[0] + ["사아시"], VISITS[1] + ["몽골"], VISITS[2] + ["2011. 4. 9."],
            VISITS[3] + ["우호교류 협약 체결"]]
    assert facts(build(table_document(tmp_path, "tsv", "가평군 해외 교류 기록", rows))) == {
        ("가평군", "사아시", "2011-04-09", "friendship")}
