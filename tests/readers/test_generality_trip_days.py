"""Generality of numbered trip days (:mod:`graph.readers.trip_days`, decision 0067) beyond the layout they were tuned
on: other Korean regions and foreign partners (a registry one and invented ones), other ways of numbering a day,
every page format, a period moved (the dates move with it), a period over a month's end in a leap year and over the
new year, and events that sign nothing (a plan, an anniversary, a visit, a university's MOU). A period that is no trip
(an agreement's term) must not date the schedule. The pages are written by the tests; the foreign names are invented
or taken from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts


def _report(home: str, country: str, partner: str, period: str, days: list[tuple[str, str]]) -> list[str]:
    return [
        f"{home} 대표단 {country} 방문 결과 보고",
        "□ 출장 개요",
        f"○ 출장 기간: {period}",
        f"○ 방문지: {country} {partner}",
        "□ 세부 일정",
        *(f"◇ {d}: {event}" for d, event in days),
    ]


def _facts(tmp_path: Path, kind: str, blocks: list) -> set:
    return facts(build(page(tmp_path, kind, blocks)))


SOKCHO = ("속초시", "일본", "마바시", "2025. 10. 29.(수) ~ 11. 1.(토)", "2025-10-30")
JEONNAM = ("전라남도", "중국", "시안시", "2023. 4. 10. ~ 4. 13.", "2023-04-11")


@pytest.mark.parametrize(
    ("kind", "trip"), [(k, SOKCHO) for k in ("txt", "md", "html", "docx", "hwpx")] + [("docx", JEONNAM)]
)
def test_a_numbered_day_in_every_format_and_another_region(tmp_path: Path, kind: str, trip: tuple):
    home, country, partner, period, date = trip
    days = [("제1일", f"{partner} 도착"), ("제2일", f"{partner}와 우호교류 협약 체결"), ("제3일", "귀국")]
    assert _facts(tmp_path, kind, _report(home, country, partner, period, days)) == {
        tuple(sorted((home, partner))) + (date, "friendship")
    }


@pytest.mark.parametrize(
    ("day", "date"),
    [
        ("1일차", "2025-10-29"),
        ("3일차", "2025-10-31"),
        ("셋째 날", "2025-10-31"),
        ("넷째 날", "2025-11-01"),
        ("Day 2", "2025-10-30"),
        ("D+1", "2025-10-30"),
    ],
)
def test_other_numberings_of_the_signing_day(tmp_path: Path, day: str, date: str):
    blocks = _report(
        "속초시", "일본", "마바시", "2025. 10. 29.(수) ~ 11. 1.(토)", [(day, "마바시와 자매결연 협정 체결")]
    )
    assert _facts(tmp_path, "txt", blocks) == {("마바시", "속초시", date, "sister")}


def test_perturbed_the_period_moved_and_the_date_form_changed(tmp_path: Path):
    days = [("제1일", "다라현 도착"), ("제2일", "다라현과 우호교류 협약 체결")]
    for period, date in [
        ("2025. 10. 29.(수) ~ 11. 1.(토)", "2025-10-30"),
        ("2019년 3월 4일 ~ 3월 7일", "2019-03-05"),
        ("2021.06.30 ~ 07.03", "2021-07-01"),
    ]:
        blocks = _report("양양군", "일본", "다라현", period, days)
        assert _facts(tmp_path, "txt", blocks) == {("다라현", "양양군", date, "friendship")}, period


@pytest.mark.parametrize(
    ("kind", "period", "day", "date"),
    [
        ("md", "2024. 2. 28. ~ 3. 2.", "제3일", "2024-03-01"),
        ("hwpx", "2024. 12. 30.(월) ~ 2025. 1. 2.(목)", "제4일", "2025-01-02"),
    ],
)
def test_a_period_over_a_leap_month_end_and_over_the_new_year(
    tmp_path: Path, kind: str, period: str, day: str, date: str
):
    blocks = _report(
        "강릉시", "일본", "가나시", period, [("제1일", "가나시 도착"), (day, "가나시와 우호교류 협약 체결")]
    )
    assert _facts(tmp_path, kind, blocks) == {("가나시", "강릉시", date, "friendship")}


@pytest.mark.parametrize(
    "event",
    [
        "가나시와 우호교류 협약 체결 추진 협의",
        "가나시 자매결연 10주년 기념식 참석",
        "가나시청 방문 및 시장 면담",
        "가나대학과 강릉원주대학교 간 MOU 체결",
    ],
)
def test_negative_events_that_sign_nothing(tmp_path: Path, event: str):
    blocks = _report("강릉시", "일본", "가나시", "2025. 10. 29. ~ 11. 1.", [("제1일", "가나시 도착"), ("제2일", event)])
    assert _facts(tmp_path, "txt", blocks) == set()


def test_a_row_added_to_a_numbered_schedule_table(tmp_path: Path):
    head = ["강릉시 대표단 일본 방문 결과 보고", "○ 기간: 2024. 7. 8.(월) ~ 7. 11.(목)", "○ 방문지: 일본 가나시"]
    rows = [
        ["일차", "시간", "주요 내용"],
        ["1일차", "10:00", "가나시 도착"],
        ["2일차", "11:00", "가나시와 자매결연 협정 체결"],
    ]
    for kind in ("tsv", "docx"):
        assert _facts(tmp_path, kind, [*head, rows]) == {("가나시", "강릉시", "2024-07-09", "sister")}
    added = [
        *rows[:2],
        ["", "15:00", "가나시 국제교류협회 방문"],
        *rows[2:],
        ["3일차", "10:00", "가나시와 우호교류 협약 갱신 체결"],
    ]
    assert _facts(tmp_path, "html", [*head, added]) == {
        ("가나시", "강릉시", "2024-07-09", "sister"),
        ("가나시", "강릉시", "2024-07-10", "friendship"),
    }


AGREEMENT_TERM = [
    "강릉시 일본 가나현 우호교류 협약 갱신 결과 보고",
    "2024. 6. 3. 국제협력과",
    "○ 협약기간: 2019. 5. 28. ~ 2024. 5. 27.",
    "◇ 5. 29.(수)",
    "○ 일본 가나현과 우호교류 협약 갱신 체결",
]


def test_an_agreements_term_is_no_trip_period(tmp_path: Path):
    """The term of the agreement being renewed (``협약기간: 2019. 5. 28. ~ 2024. 5. 27.``) is no trip: the day
    heading ``5. 29.(수)`` of a report written 2024. 6. 3. is 2024's (a Wednesday in 2024, a Wednesday in 2019 too:
    the weekday cannot settle it, the term must not)."""
    assert _facts(tmp_path, "txt", AGREEMENT_TERM) == {("가나현", "강릉시", "2024-05-29", "friendship")}


def test_an_agreements_term_does_not_date_a_schedule_table(tmp_path: Path):
    rows = [
        ["일자", "시간", "주요 내용"],
        ["5. 28.(화)", "10:00", "일본 가나현 도착"],
        ["5. 29.(수)", "11:00", "일본 가나현과 우호교류 협약 갱신 체결"],
    ]
    assert _facts(tmp_path, "docx", [*AGREEMENT_TERM[:3], rows]) == {("가나현", "강릉시", "2024-05-29", "friendship")}


@pytest.mark.parametrize(
    "event",
    [
        "중국 산업성장 간담회 및 우호교류 협약 체결",
        "중국 측 인감도장 날인 및 우호교류 협약 체결",
    ],
)
def test_negative_a_word_ending_like_a_heads_post_is_no_place(tmp_path: Path, event: str):
    """``산업성장`` (industrial growth) and ``인감도장`` (a seal) end like a head's post (``…성장``, ``…도장``) but
    name no province: a schedule row naming no place signs with nobody (no minted ``산업성`` or ``인감도``)."""
    head = [
        "강릉시 대표단 중국 방문 결과 보고",
        "○ 출장 기간: 2024. 5. 30.(목) ~ 6. 2.(일)",
    ]
    rows = [
        ["일자", "시간", "주요 내용"],
        ["5. 30.(목)", "10:00", "중국 도착"],
        ["5. 31.(금)", "11:00", event],
    ]
    assert _facts(tmp_path, "tsv", [*head, rows]) == set()


def test_a_day_heading_before_the_period_keeps_the_year_its_weekday_names(
    tmp_path: Path,
):
    """``◇ 7. 5.(금)`` above a trip of ``2024. 7. 8.(월) ~ 7. 12.(금)`` is 2024-07-05 (a Friday; 2025-07-05 is a
    Saturday): a day before the start is no day of next year's when its weekday says otherwise."""
    lines = [
        "강릉시 대표단 일본 방문 결과 보고",
        "○ 기간: 2024. 7. 8.(월) ~ 7. 12.(금)",
        "◇ 7. 5.(금)",
        "○ 일본 가나시와 우호교류 협약 체결",
    ]
    assert _facts(tmp_path, "txt", lines) == {("가나시", "강릉시", "2024-07-05", "friendship")}
