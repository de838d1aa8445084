"""Perturbations beside the audit's generality findings (decision 0067, "Generality fixes after the audit"): a
trip's own period still dates its days when another period (a programme's run) stands beside it, a head's post of a
place the document names elsewhere still names the partner, a weekday after the period keeps the trip's year, a
planned card among signed cards, slash clauses in another province, and a dated note beside a signing column. The
pages are written by the tests; the foreign names are invented or taken from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts


def _facts(tmp_path: Path, kind: str, blocks: list) -> set:
    return {(a, b, d) for a, b, d, _ in facts(build(page(tmp_path, kind, blocks)))}


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("label", ["출장기간", "방문 기간", "기간"])
def test_a_trip_period_beside_a_programmes_term_dates_the_days(tmp_path: Path, kind: str, label: str):
    lines = [
        "속초시 대표단 일본 방문 결과 보고",
        f"○ {label}: 2025. 1. 28.(화) ~ 1. 31.(금)",
        "○ 사업기간: 2024. 3. 1. ~ 2026. 2. 28.",
        "◇ 제2일: 일본 마바시 방문",
        "○ 일본 마바시와 우호교류 협약 체결",
    ]
    assert _facts(tmp_path, kind, lines) == {("마바시", "속초시", "2025-01-29")}


def test_negative_a_programmes_term_alone_dates_no_numbered_day(tmp_path: Path):
    lines = [
        "속초시 대표단 일본 방문 결과 보고",
        "2025. 2. 10. 국제교류팀",
        "○ 사업 기간: 2024. 3. 1. ~ 2026. 2. 28.",
        "◇ 제2일: 일본 마바시 방문",
        "○ 일본 마바시와 우호교류 협약 체결",
    ]
    assert ("마바시", "속초시", "2024-03-02") not in _facts(tmp_path, "txt", lines)


HEAD = ["속초시 대표단 중국 방문 결과 보고", "○ 출장 기간: 2024. 5. 30.(목) ~ 6. 2.(일)"]


@pytest.mark.parametrize("event", ["중국 현장 방문 및 우호교류 협약 체결", "인감도장 날인 및 협약 체결"])
def test_negative_a_site_or_a_seal_is_no_heads_post(tmp_path: Path, event: str):
    """``현장`` (a site) and ``인감도장`` (a seal) end like posts no place's head holds (현's head is 현지사, 도's
    도지사)."""
    rows = [["일자", "시간", "주요 내용"], ["5. 30.(목)", "10:00", "중국 도착"], ["5. 31.(금)", "11:00", event]]
    assert _facts(tmp_path, "tsv", [*HEAD, rows]) == set()


def test_a_heads_post_of_a_place_named_elsewhere(tmp_path: Path):
    head = ["속초시 대표단 중국 방문 결과 보고", "○ 출장 기간: 2024. 5. 30.(목) ~ 6. 2.(일)", "○ 방문지: 중국 사하성"]
    rows = [["일자", "시간", "주요 내용"], ["5. 30.(목)", "10:00", "중국 도착"],
            ["5. 31.(금)", "11:00", "사하성장 면담 및 우호교류 협약 체결"]]
    assert _facts(tmp_path, "tsv", [*head, rows]) == {("사하성", "속초시", "2024-05-31")}


@pytest.mark.parametrize(("heading", "day"), [("◇ 7. 10.(수)", "2024-07-10"), ("◇ 7. 5.(금)", "2024-07-05"),
                                              ("◇ 1. 2.(목)", None)])
def test_a_weekday_settles_a_day_near_the_period(tmp_path: Path, heading: str, day: str | None):
    """``7. 5.(금)`` before a trip from 2024. 7. 8. is 2024's (a Friday); ``1. 2.(목)`` fits 2025 only (a
    Thursday): the day after the new year, as without a weekday."""
    lines = ["강릉시 대표단 일본 방문 결과 보고", "○ 기간: 2024. 7. 8.(월) ~ 7. 12.(금)", heading,
             "○ 일본 가나시와 우호교류 협약 체결"]
    expected = {("가나시", "강릉시", day)} if day else {("가나시", "강릉시", "2025-01-02")}
    assert _facts(tmp_path, "txt", lines) == expected


@pytest.mark.parametrize("plan", [" - 우호교류 협약 체결 예정", " - 자매결연 협의"])
def test_negative_planned_cards_among_signed_ones(tmp_path: Path, plan: str):
    lines = ["경상북도 해외 자매·우호도시", "■ 마바시(일본)", plan, " - 2026. 4.", "■ 시안시(중국)", " - 자매결연",
             " - 1998. 4. 2."]
    assert _facts(tmp_path, "txt", lines) == {("경상북도", "시안시", "1998-04-02")}


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_slash_clauses_of_plain_subjects_in_another_province(tmp_path: Path, kind: str):
    note = ("※ 참고: 목포시는 2012. 4. 5. 중국 가나시와 자매결연 / 여수시는 2016. 9. 1. 일본 다라시와 우호협약"
            " / 순천시는 2001. 3. 2. 일본 마바시와 자매결연")
    lines = ["전라남도 대표단 일본 방문 결과 보고", "", note]
    assert _facts(tmp_path, kind, lines) == {("가나시", "목포시", "2012-04-05"), ("다라시", "여수시", "2016-09-01"),
                                             ("마바시", "순천시", "2001-03-02")}


@pytest.mark.parametrize("kind", ["md", "tsv"])
def test_a_dated_note_beside_a_signing_column_keeps_the_signing(tmp_path: Path, kind: str):
    rows = [["도시", "체결일", "비고"], ["시안시(중국)", "1998. 4. 2.", "2019. 4. 2. 대표단 방문"],
            ["마바시(일본)", "", "대표단 방문 / 2019. 5. 7."]]
    assert _facts(tmp_path, kind, ["전라남도 해외 교류도시", rows]) == {("시안시", "전라남도", "1998-04-02")}
