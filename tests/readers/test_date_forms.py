"""Dates in the forms old records, registers and PDF copies print them, with their precision (decision 0080): 단기
(檀紀) years, Hanja and full-width units, two-digit years, six-digit YYMMDD cells of a date column, ranges and a date
the page's wrap split over two lines; and the numbers that must stay numbers (counts, phone numbers, budgets,
document numbers, a list's item numbers). The documents are written by the tests in several formats; the foreign
names are invented, the Korean ones are registry names."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.dates import compact_date, find_dates
from tests.fixtures.pages import page
from tests.readers.helpers import build, facts


@pytest.mark.parametrize(("text", "iso"), [
    ("2024.01.28", ["2024-01-28"]),
    ("2024. 1. 28.", ["2024-01-28"]),
    ("'19.05.24", ["2019-05-24"]),
    ("'94. 6. 17.", ["1994-06-17"]),
    ("2024년 1월 28일", ["2024-01-28"]),
    ("2019년 5월", ["2019-05"]),
    ("1990년", ["1990"]),
    ("檀紀 4328年 7月", ["1995-07"]),
    ("단기 4325년 10월 9일", ["1992-10-09"]),
    ("단기4329. 6. 1.", ["1996-06-01"]),
    ("1992年 10月 9日", ["1992-10-09"]),
    ("１９９８．５．２４", ["1998-05-24"]),
    ("2024. 3. 5.~7.", ["2024-03-05"]),
    ("2024.3.5~2024.3.7", ["2024-03-05", "2024-03-07"]),
])
def test_date_forms_with_their_precision(text: str, iso: list[str]):
    assert [d.value.iso for d in find_dates(text)] == iso


@pytest.mark.parametrize("text", [
    "인구 45,000명, 2024명 참석", "문의 043-740-1234", "사업비 19,930,512원", "제2019-0524호", "4330명",
    "1990년대", "3.5%", "전화 (043)740-2019",
])
def test_negative_numbers_that_are_no_dates(text: str):
    assert find_dates(text) == []


def test_compact_dates_only_as_whole_cells():
    assert [compact_date(c).iso for c in ("940617", "19940617", "020115")] == ["1994-06-17", "1994-06-17",
                                                                               "2002-01-15"]
    assert [compact_date(c) for c in ("150000", "941332", "9406170", "제940617호", "94-06-17")] == [None] * 5


REGISTER = [["연번", "상대도시", "국가", "체결일자", "사업비(천원)"],
            ["1", "가나시", "일본", "940617", "120531"],
            ["2", "다라시", "중국", "19980304", "150000"],
            ["3", "서울특별시 송파구", "국내", "020115", "80000"]]
REGISTER_FACTS = {("가나시", "영동군", "1994-06-17", "sister"), ("다라시", "영동군", "1998-03-04", "sister"),
                  ("송파구", "영동군", "2002-01-15", "sister")}


@pytest.mark.parametrize("kind", ["txt", "md", "csv", "html", "docx", "hwpx"])
def test_a_register_with_six_digit_dates_in_every_format(tmp_path: Path, kind: str):
    """``940617`` in the 체결일자 column is 1994-06-17; a budget column's ``120531`` dates nothing."""
    assert facts(build(page(tmp_path, kind, ["영동군 자매결연 현황", REGISTER]))) == REGISTER_FACTS


def test_perturbed_register_a_row_added_and_a_date_changed(tmp_path: Path):
    rows = [*REGISTER[:2], ["2", "다라시", "중국", "990304", "150000"], REGISTER[3],
            ["4", "마바시", "일본", "110707", "5000"]]
    expected = (REGISTER_FACTS - {("다라시", "영동군", "1998-03-04", "sister")}) | {
        ("다라시", "영동군", "1999-03-04", "sister"), ("마바시", "영동군", "2011-07-07", "sister")}
    assert facts(build(page(tmp_path, "docx", ["영동군 자매결연 현황", rows]))) == expected


WRAPPED = [
    "영동군 국제교류 현황",
    "(2022. 1. 작성)",
    "",
    "영동군은 국제교류의 폭을 넓히기 위하여 여러 해에 걸쳐 협의를 이어 온 끝에 2019. 5.",
    "24. 일본 가나시와 자매결연을 체결하였다. 이어 양 도시는 청소년 교류와 농산물 교역을 해마다 이어 왔으며 2021년 3월",
    "5일 중국 다라시와 우호교류 협정을 체결하였다.",
]


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_date_the_page_wrap_split_over_two_lines(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, WRAPPED))) == {("가나시", "영동군", "2019-05-24", "sister"),
                                                          ("다라시", "영동군", "2021-03-05", "friendship")}


def test_negative_a_numbered_list_dated_to_the_month_keeps_its_item_numbers(tmp_path: Path):
    """``1. … 2019. 5.`` then ``2. …``: the 2 numbers the next item, it is no day of May."""
    lines = ["영동군 국제교류 현황",
             "1. 일본 가나시와 청소년 교류를 이어 가기로 하고 자매결연 체결 2019. 5.",
             "2. 중국 다라시와 농산물 교역을 이어 가기로 하고 우호교류 협정 체결 2021. 3."]
    assert facts(build(page(tmp_path, "txt", lines))) == {("가나시", "영동군", "2019-05", "sister"),
                                                         ("다라시", "영동군", "2021-03", "friendship")}
