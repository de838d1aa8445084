"""Cards of a printed booklet (decision 0083): a partner's name line, then labelled fields (``· 결연일자 : 1992. 9.
14``, ``· 교류내용 : 공무원 연수``). The signing date's field ends where the next label starts, so the activities of
the next field (연수, 방문, 교환) do not make the signing date an event's. An OCR scan may read a date's month as
letters (``1993. ll. 2``). The pages are written by the tests (invented foreign names, a registry county as the
subject) in several formats and bullet styles, with perturbations and traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

CARDS = [
    ("미국 가나비치시 (캘리포니아주)", "결연 일자 : 1987. 6. 12", "교류 내용 : 청소년 교류, 스포츠 대회 참가"),
    ("일본 다라시 (가나현)", "결연일자 : 1992. 9. 14", "주요 교류 : 청소년 홈스테이, 농산물 박람회 참가"),
    ("중국 마바시 (다라성)", "자매결연 체결일 : 1996. 11. 2", "주요 교류 : 대표단 상호 방문"),
]
FACTS = {("가나비치시", "영동군", "1987-06-12", "sister"), ("다라시", "영동군", "1992-09-14", "sister"),
         ("마바시", "영동군", "1996-11-02", "sister")}
MARKS = {"가나다": ("가. ", "나. ", "다. "), "numbers": ("1) ", "2) ", "3) "), "circles": ("○ ", "○ ", "○ ")}


def booklet(marks: tuple[str, ...], cards=CARDS, field: str = "· ") -> list[str]:
    lines = ["영동군 군정 안내", "발행 : 영동군 공보실", "1. 자매결연 도시"]
    for mark, (name, *fields) in zip(marks, cards, strict=True):
        lines += [f"  {mark}{name}", *(f"      {field}{f}" for f in fields), ""]
    return lines


@pytest.mark.parametrize("marks", list(MARKS))
@pytest.mark.parametrize("field", ["· ", "- ", "ㆍ"])
def test_each_card_gives_its_signing_whatever_its_other_fields_say(tmp_path: Path, marks: str, field: str):
    assert facts(build(page(tmp_path, "txt", booklet(MARKS[marks], field=field)))) == FACTS


@pytest.mark.parametrize("kind", ["md", "docx", "html"])
def test_the_booklet_in_other_formats(tmp_path: Path, kind: str):
    lines = [line for line in booklet(MARKS["가나다"]) if line.strip()]
    assert facts(build(page(tmp_path, kind, lines))) == FACTS


def test_perturbed_ocr_digits_a_card_added_and_a_date_changed(tmp_path: Path):
    cards = [("미국 가나비치시 (캘리포니아주)", "결연 일자 : l987. 6. l2", "교류 내용 : 청소년 교류"),
             ("일본 다라시 (가나현)", "결연일자 : 1994. ll. 7", "교류내용 : 문화예술단 파견"), CARDS[2],
             ("베트남 사아시", "결연일자 : 2OO4. lO. 5", "교류 내용 : 의료 봉사단 방문")]
    expected = (FACTS - {("다라시", "영동군", "1992-09-14", "sister")}) | {
        ("다라시", "영동군", "1994-11-07", "sister"), ("사아시", "영동군", "2004-10-05", "sister")}
    assert facts(build(page(tmp_path, "txt", booklet(("가. ", "나. ", "다. ", "라. "), cards)))) == expected


@pytest.mark.parametrize("fields", [
    ("방문 일자 : 1992. 9. 14", "교류내용 : 공무원 연수"),  # the dated field is a visit's
    ("교류내용 : 1992. 9. 14 공무원 연수",),  # the date is inside the activity's field
])
def test_negative_a_card_whose_only_date_is_an_events_signs_nothing(tmp_path: Path, fields: tuple[str, ...]):
    cards = [CARDS[0], ("일본 다라시 (가나현)", *fields)]
    assert facts(build(page(tmp_path, "txt", booklet(("가. ", "나. "), cards)))) == {
        ("가나비치시", "영동군", "1987-06-12", "sister")}
