"""Timeline cards: a heading naming one foreign partner, then a table of its dated steps with no party column
(``■ 일본 가나시 (자매도시)`` / ``일자 | 내용 | 비고`` / ``1995. 4. 12. | 자매결연 체결 | 통영시청``). Each row
stating a signing is the document's region's signing with the heading's partner; events, anniversaries, ends and offices
(``통영시청``: where it was signed) are none; a planned step is an intent. Written as HWPX, DOCX and Markdown, with
a header row or a label row (``구분 | 자매도시``) over the steps, and perturbed. Foreign names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

TITLE = ["통영시 해외 자매·우호도시 교류 연혁", "2025. 3. 10. 국제교류팀"]
CARDS = [("■ 일본 가나시 (자매도시)", [["1995. 4. 12.", "자매결연 체결", "통영시청"],
                                  ["2005. 4. 12.", "자매결연 10주년 기념 방문", ""],
                                  ["2015. 5. 20.", "자매결연 재체결", "가나시청"]]),
         ("■ 중국 다라시 (우호도시)", [["2008. 9. 3.", "우호교류 협약 체결", ""],
                                  ["2019. 10. 1.", "청소년 교류단 방문", ""],
                                  ["2020. 2. 1.", "코로나19로 교류 중단", ""]]),
         ("■ 베트남 마바성 (우호도시)", [["2016. 7. 8.", "우호교류 의향서 서명", ""],
                                   ["2018. 11. 2.", "우호교류 협약 체결", "마바성 인민위원회"]])]
FACTS = {("가나시", "통영시", "1995-04-12", "sister"), ("가나시", "통영시", "2015-05-20", "sister"),
         ("다라시", "통영시", "2008-09-03", "friendship"), ("마바성", "통영시", "2016-07-08", "letterOfIntent"),
         ("마바성", "통영시", "2018-11-02", "friendship")}


def _blocks(cards, header: list[str]) -> list:
    out: list = list(TITLE)
    for heading, rows in cards:
        out += [heading, [header, *rows]]
    return out


def _doc(tmp_path: Path, kind: str, cards=CARDS, header=("일자", "내용", "비고")):
    return page(tmp_path, kind, _blocks(cards, list(header)), name="cards")


@pytest.mark.parametrize("kind", ["hwpx", "docx", "md"])
def test_each_signing_step_of_a_card_is_a_signing_with_its_partner(tmp_path: Path, kind: str):
    assert facts(build(_doc(tmp_path, kind))) == FACTS


@pytest.mark.parametrize("kind", ["hwpx", "docx"])
def test_a_label_row_over_the_steps_instead_of_a_header(tmp_path: Path, kind: str):
    built = build(_doc(tmp_path, kind, header=("구분", "자매도시", "")))
    assert facts(built) == FACTS


def test_perturbed_a_date_changed_a_step_added_and_a_plan(tmp_path: Path):
    cards = [(CARDS[0][0], [*CARDS[0][1][:2], ["2015. 5. 21.", "자매결연 재체결", "가나시청"],
                            ["2025. 10. 1.", "자매결연 30주년 재체결 예정", ""]]),
             (CARDS[1][0], [*CARDS[1][1], ["2021. 6. 30.", "우호교류 협약 만료, 재체결하지 않음", ""]]),
             (CARDS[2][0], [["2017. 3. 3.", "경제협력 양해각서 체결", ""], *CARDS[2][1]])]
    built = build(_doc(tmp_path, "hwpx", cards))
    assert facts(built) == (FACTS - {("가나시", "통영시", "2015-05-20", "sister")}) | {
        ("가나시", "통영시", "2015-05-21", "sister"), ("마바성", "통영시", "2017-03-03", "mou")}
    assert facts(built, "AgreementIntent") == {("가나시", "통영시", "2025-10-01", "sister")}


def test_a_card_heading_naming_a_korean_place_or_no_place_reads_nothing_as_steps(tmp_path: Path):
    cards = [("■ 교류 일지", CARDS[0][1]), ("■ 통영시 내부 일정", CARDS[1][1])]
    assert facts(build(_doc(tmp_path, "hwpx", cards))) == set()
