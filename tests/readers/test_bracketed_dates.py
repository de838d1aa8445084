"""A coarse date made precise by a bracketed date in its own clause (decision 0083): ``1997년 … 협정을
맺었으며('97. 6. 12.)`` states one signing on 1997-06-12 — not a 1997 signing beside it. The bracket may follow the
verb, the partner or the agreement's noun; it refines the year (or month) only when it holds nothing but a date that
falls within it. A number of days (``10일간``) is no day of the month. The documents are written by the tests
(invented foreign names, a registry county as the subject) in several formats, with perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.dates import find_dates
from graph.readers.text_forms import wrapped_dates
from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

HEAD = ["영동군 국제교류 연혁", "2012. 1. 5."]
SISTER_2008 = ("마바시", "영동군", "2008-04-22", "sister")


@pytest.mark.parametrize(("sentence", "expected"), [
    # the bracket after the verb, a second pair in the same sentence with its own full date
    ("영동군은 1997년 중국 다라시(多羅市)와 友好交流 協定을 맺었으며('97. 6. 12.), 2008년 4월 22일에는 일본 마바시와 "
     "자매결연을 체결하였다.", {("다라시", "영동군", "1997-06-12", "friendship"), SISTER_2008}),
    # the bracket after the sentence's verb, a four-digit year in it, OCR letters in the day
    ("영동군은 1995년 미국 사아시와 자매결연을 체결하였다(1995. 10. 2l.).",
     {("사아시", "영동군", "1995-10-21", "sister")}),
    # the bracket after the partner refines a month
    ("영동군은 2003년 5월 일본 마바시(2003. 5. 17.)와 자매결연을 체결했다.",
     {("마바시", "영동군", "2003-05-17", "sister")}),
    # the bracket after the agreement's noun, a full-width bracket
    ("영동군은 2011년 중국 다라시와 우호교류 협정（2011. 4. 5.）을 체결했다.",
     {("다라시", "영동군", "2011-04-05", "friendship")}),
    # two pairs, each with its year and its bracket
    ("영동군은 1995년 미국 사아시와(1995. 3. 2.), 2001년 일본 마바시와(2001. 4. 5.) 각각 자매결연을 맺었다.",
     {("사아시", "영동군", "1995-03-02", "sister"), ("마바시", "영동군", "2001-04-05", "sister")}),
])
@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_a_bracketed_date_refines_its_clauses_year(tmp_path: Path, kind: str, sentence: str, expected: set):
    assert facts(build(page(tmp_path, kind, [*HEAD, sentence]))) == expected


def test_a_list_entry_and_a_table_cell_refined_the_same_way(tmp_path: Path):
    entries = ["영동군 국제교류 현황", "1. 중국 다라시 — 1997년 우호교류 협정 체결('97. 6. 12.)",
               "2. 일본 마바시 — 2008년 자매결연 체결(2008. 4. 22.)"]
    table = ["영동군 국제교류 현황", "도시 | 국가 | 체결 | 구분", "다라시 | 중국 | 1997년 (1997. 6. 12.) | 우호교류",
             "마바시 | 일본 | 2008년 4월(2008. 4. 22) | 자매결연"]
    expected = {("다라시", "영동군", "1997-06-12", "friendship"), SISTER_2008}
    assert facts(build(page(tmp_path, "txt", entries))) == expected
    assert facts(build(page(tmp_path, "md", table, name="table"))) == expected


@pytest.mark.parametrize("bracket", ["('01. 6. 12.)", "(1997. 6. 12. 방문단 파견)", "(1998. 6. 12.)"])
def test_negative_a_bracket_of_another_year_or_more_than_a_date_refines_nothing(tmp_path: Path, bracket: str):
    sentence = (f"영동군은 1997년 중국 다라시와 우호교류 협정을 맺었으며{bracket}, 2008년 4월 22일에는 일본 마바시와 "
                "자매결연을 체결하였다.")
    assert facts(build(page(tmp_path, "txt", [*HEAD, sentence]))) == {
        ("다라시", "영동군", "1997", "friendship"), SISTER_2008}


def test_negative_a_bracket_in_the_next_sentence_or_after_a_full_date_refines_nothing():
    assert [d.value.iso for d in find_dates("1997년 가나시와 결연했다. 다라시와는 협의했다(1997. 6. 12.)")] == \
        ["1997", "1997-06-12"]
    assert [d.value.iso for d in find_dates("1997. 6. 2. 가나시와 결연(1997. 6. 12.)")] == ["1997-06-02", "1997-06-12"]
    assert [d.value.iso for d in find_dates("2019년 5월 가나시와(2019. 6. 1.)")] == ["2019-05", "2019-06-01"]


def test_a_number_of_days_is_no_day_of_the_month():
    assert [d.value.iso for d in find_dates("2024년 3월 10일간 협의, 2024년 3월 3일째, 2024년 3월 5일 동안")] == \
        ["2024-03", "2024-03", "2024-03"]
    assert [d.value.iso for d in find_dates("2024년 3월 10일 간담회를 열고")] == ["2024-03-10"]
    wrapped = ("가나군은 오랜 협의 끝에 청소년 교류를 이어 가기로 하고 2024년 3월", "10일간의 협의를 거쳐 결연했다.")
    assert wrapped_dates(wrapped) == wrapped


@pytest.mark.parametrize("sentence", [
    "영동군은 1997년 일본 마바시와 자매결연을 맺었고 첫 교류 행사 일시(1997. 10. 2.)를 정했다.",
    "영동군은 1997년 일본 마바시와 자매결연을 맺은 뒤 방문 일정(1997. 10. 2.)을 확정했다.",
    "1997년 일본 마바시와 자매결연을 체결한 영동군은 교류일정(1997. 10. 2.)과 장소를 함께 정하였다.",
    "영동군은 1997년 일본 마바시와 자매결연을 맺었으며, 답방 과정(1997. 10. 2.)에서 기념식수를 했다.",
])
@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_negative_a_bracket_after_a_word_ending_like_a_place_is_that_events_day(tmp_path: Path, kind: str,
                                                                                sentence: str):
    """audit16 B22: 일시(…), 일정(…), 과정(…) end like a place but name none; after the signing they date an event."""
    assert facts(build(page(tmp_path, kind, [*HEAD, sentence]))) == {("마바시", "영동군", "1997", "sister")}


@pytest.mark.parametrize("sentence", [
    "영동군은 1997년 중국 다라시(1997. 6. 12.), 일본 마바시(1997. 9. 1.)와 각각 자매결연을 맺었다.",
    "1997년에는 중국 다라시(1997. 6. 12.) 및 일본 마바시(1997. 9. 1.)와 영동군이 자매결연을 체결하였다.",
])
def test_partners_brackets_before_the_signing_refine_its_year(tmp_path: Path, sentence: str):
    assert facts(build(page(tmp_path, "txt", [*HEAD, sentence]))) == {
        ("다라시", "영동군", "1997-06-12", "sister"), ("마바시", "영동군", "1997-09-01", "sister")}
