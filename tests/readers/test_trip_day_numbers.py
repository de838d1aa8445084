"""A trip report whose schedule numbers its days (``1일차``, ``둘째 날``, ``D+1``, ``◇ 제2일:``) instead of dating
them: each numbered day is dated from the trip's stated period (``기간: 2024. 5. 30.(목) ~ 6. 2.(일)``), and a row
stating a finished signing is the report's region's signing with the one foreign place on that day (a row naming
the partner only in a post, ``가나시장 면담``, takes the one foreign place the schedule names). Two different stated
periods date no numbered day. Written as DOCX, HWPX, a Markdown pipe table and TSV, with perturbations; the foreign
names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file, hwpx_file

HEAD = ["강릉시 대표단 일본 방문 결과 보고", "□ 출장 개요", "○ 기간: 2024. 5. 30.(목) ~ 6. 2.(일), 3박 4일",
        "○ 방문지: 일본 가나시", "□ 세부 일정"]
ROWS = [["일차", "시간", "주요 내용"],
        ["1일차", "10:00", "인천 출발, 가나시 도착"],
        ["", "15:00", "가나시 국제교류협회 방문"],
        ["2일차", "11:00", "가나시장 면담"],
        ["3일차", "10:00", "가나시와 우호교류 협약 체결"],
        ["4일차", "", "귀국"]]
TAIL = ["□ 향후 계획", "○ 가나시 대표단 초청 추진"]
FACTS = {("가나시", "강릉시", "2024-06-01", "friendship")}


def _doc(tmp_path: Path, kind: str, rows=ROWS, head=HEAD):
    blocks = [*head, rows, *TAIL]
    if kind == "docx":
        return from_file(docx_file(tmp_path / "trip.docx", blocks))
    if kind == "hwpx":
        return from_file(hwpx_file(tmp_path / "trip.hwpx", blocks))
    if kind == "tsv":
        return document("trip.txt", "\n".join([*head, *("\t".join(r) for r in rows), *TAIL]))
    table = [f"| {' | '.join(c or ' ' for c in r)} |" for r in rows]
    return document("trip.md", "\n".join([*head, table[0], "|---|---|---|", *table[1:], *TAIL]))


@pytest.mark.parametrize("kind", ["docx", "hwpx", "md", "tsv"])
def test_a_numbered_day_is_dated_from_the_trips_start(tmp_path: Path, kind: str):
    assert facts(build(_doc(tmp_path, kind))) == FACTS


@pytest.mark.parametrize(("day", "date"), [("둘째 날", "2024-05-31"), ("D+3", "2024-06-02"), ("제 1 일", "2024-05-30"),
                                           ("Day 4", "2024-06-02")])
def test_other_ways_of_numbering_days(tmp_path: Path, day: str, date: str):
    rows = [list(r) for r in ROWS]
    rows[4][0] = day
    assert facts(build(_doc(tmp_path, "docx", rows))) == {("가나시", "강릉시", date, "friendship")}


def test_the_partner_named_only_in_a_post_is_the_schedules_one_place(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[3][2], rows[4][2] = "가나시와 우호교류 협약 체결", "가나시장 면담 및 자매결연 협정 서명"
    assert facts(build(_doc(tmp_path, "hwpx", rows))) == {("가나시", "강릉시", "2024-05-31", "friendship"),
                                                          ("가나시", "강릉시", "2024-06-01", "sister")}


def test_perturbed_a_visit_instead_of_the_signing_and_two_stated_periods(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[4][2] = "가나시와 우호교류 협약 체결 협의"
    assert facts(build(_doc(tmp_path, "md", rows))) == set()
    two = [*HEAD[:3], "○ 2차 출장 기간: 2024. 9. 2. ~ 9. 5.", *HEAD[3:]]
    assert facts(build(_doc(tmp_path, "docx", head=two))) == set()  # which trip's third day: not guessed
    rows = [list(r) for r in ROWS]
    rows.insert(3, ["", "17:00", "일본 다라시 문화시설 시찰"])  # a second foreign place
    rows[5][2] = "가나시장 면담 및 자매결연 협정 서명"  # the signing row names neither: which one is not guessed
    assert facts(build(_doc(tmp_path, "tsv", rows))) == set()


def test_a_numbered_day_heading_dates_its_entries():
    text = "\n".join(["강릉시 대표단 방문 결과 보고", "1. 방문 기간: 2024. 5. 30. ~ 6. 2.", "2. 방문 일정",
                      " ◇ 제1일(5. 30.): 출국 및 일본 가나시 도착", " ◇ 제3일: 가나시와 우호교류 협약 체결",
                      " ◇ 제4일: 귀국"])
    assert facts(build(document("trip.txt", text))) == FACTS
    assert facts(build(document("trip.txt", text.replace("제3일", "제2일")))) == {
        ("가나시", "강릉시", "2024-05-31", "friendship")}
