"""A trip through two countries (decision 0088): a schedule row signing with a place the registry lacks, whose row
states no country, is placed in the one foreign country the rows of its day name (a province or prefecture the
registry or its gazetteer knows, or a country word); a day naming both countries, or none, places nothing. A signing
row recalling an earlier signing (``(2005년 결연 기념)``) states that one too. Written as DOCX, HWPX and a Markdown
pipe table, with perturbations. Foreign names are invented; the provinces are the gazetteer's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

HEAD = ["공무국외출장 결과보고서 (충주시 국제교류팀)", "출장명 : 중국 지린성·일본 홋카이도 교류도시 방문",
        "출장기간 : 2025. 9. 22.(월) ~ 9. 26.(금)", "출장자 : 충주시장 외 4명", "1. 주요 일정"]
ROWS = [["날짜", "주요 일정", "방문지"],
        ["9.22.(월)", "총영사관 방문 및 업무 협의", "가라"],
        ["9.23.(화)", "오전 지린성 인민정부 예방", "가라"],
        ["9.23.(화)", "오후 가나시 우호교류 협약 체결식", "가나"],
        ["9.25.(목)", "다라시 자매결연 갱신 협정 체결식 (2005년 결연 기념)", "다라"],
        ["9.25.(목)", "홋카이도청 국제과 간담회", "삿포로"],
        ["9.26.(금)", "귀국", "충주"]]
TAIL = ["2. 방문 성과", "○ 두 도시와의 교류 기반을 마련함."]
FACTS = {("가나시", "충주시", "2025-09-23", "friendship"), ("다라시", "충주시", "2025-09-25", "sister"),
         ("다라시", "충주시", "2005", "sister")}


def _doc(tmp_path: Path, kind: str, rows=ROWS):
    return page(tmp_path, kind, [*HEAD, rows, *TAIL], name="trip")


@pytest.mark.parametrize("kind", ["docx", "hwpx", "md"])
def test_each_signing_row_is_placed_in_its_days_country(tmp_path: Path, kind: str):
    got = facts(build(_doc(tmp_path, kind)))
    assert got == FACTS


def test_the_minted_places_are_in_the_days_countries(tmp_path: Path):
    built = build(_doc(tmp_path, "docx"))
    built.dataset.default_union = True
    ids = {str(s).rsplit("/", 1)[-1] for s, _, _ in built.dataset.triples((None, None, None))
           if "가나시" in str(s) or "다라시" in str(s)}
    assert {"cn-가나시", "jp-다라시"} <= ids


def test_perturbed_a_day_changed_and_a_row_added(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[3][0] = "9.24.(수)"  # the signing moves to a day naming no country: placed nowhere
    rows.insert(5, ["9.25.(목)", "마바정 우호교류 협약 체결", "마바"])  # a second place on a Japanese day
    expected = (FACTS - {("가나시", "충주시", "2025-09-23", "friendship")}) | {
        ("마바정", "충주시", "2025-09-25", "friendship")}
    assert facts(build(_doc(tmp_path, "docx", rows))) == expected


def test_negative_a_day_naming_both_countries_places_nothing(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[2][1] = "지린성 인민정부 예방 후 홋카이도 이동"
    got = facts(build(_doc(tmp_path, "docx", rows)))
    assert got == FACTS - {("가나시", "충주시", "2025-09-23", "friendship")}


def test_negative_a_recalled_visit_is_no_earlier_signing(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[4][1] = "다라시 자매결연 체결식 (2005년 첫 방문 이후 20년)"
    got = facts(build(_doc(tmp_path, "docx", rows)))
    assert got == FACTS - {("다라시", "충주시", "2005", "sister")}


PEOPLE = [["성명", "소속", "직위"], ["홍길동", "제천시", "시장"], ["김철수", "제천시 자치행정과", "과장"]]
PLACED = [["일자", "장소", "주요 일정", "면담자"],
          ["5.9.", "가나시", "도착, 환영 오찬", "가나시 부시장"],
          ["5.10.", "가나시 인민정부", "제천시-가나시 우호교류 협정 체결식", "가나시장"],
          ["5.11.", "다라시", "다라시 무역관 방문", "다라시 무역관장"]]


def _placed_doc(tmp_path: Path, kind: str, rows=PLACED):
    blocks = ["국외출장 결과보고서", "1. 출장개요", "○ 출장기간: 2022. 5. 9.(월) ~ 5. 12.(목)",
              "○ 출장지: 중국 산둥성 가나시, 다라시", "2. 출장자", PEOPLE, "3. 세부일정", rows, "4. 성과",
              "○ 가나시와의 교류 기반을 마련함"]
    return page(tmp_path, kind, blocks, name="placed")


@pytest.mark.parametrize("kind", ["docx", "hwpx", "md"])
def test_a_schedule_with_a_place_column_under_a_section_heading(tmp_path: Path, kind: str):
    assert facts(build(_placed_doc(tmp_path, kind))) == {("가나시", "제천시", "2022-05-10", "friendship")}


def test_perturbed_the_signing_moved_and_turned_into_talks(tmp_path: Path):
    rows = [list(r) for r in PLACED]
    rows[2][2], rows[3][2] = "가나시 우호교류 협의", "제천시-다라시 자매결연 협정 체결식"
    assert facts(build(_placed_doc(tmp_path, "docx", rows))) == {("다라시", "제천시", "2022-05-11", "sister")}


UPGRADE = [["일자", "일정", "주요 내용"],
           ["6. 2.(월)", "총영사관 방문", "총영사 면담"],
           ["6. 3.(화)", "자매결연 격상 협정 체결식", "2011년 우호교류 협정 체결 이후 자매결연으로 격상, 양 지사 서명"],
           ["6. 4.(수)", "가나현립대학 방문", "도립대학–가나현립대학 학술교류 MOU 체결 입회"]]


@pytest.mark.parametrize("kind", ["docx", "hwpx", "md"])
def test_an_upgrade_row_recalls_the_first_signing_and_a_witnessed_mou_is_others(tmp_path: Path, kind: str):
    blocks = ["일본 가나현 방문 결과보고 (충청남도 국제통상과)", "○ 기간: 2026. 6. 2.(월) ~ 6. 4.(수)",
              "○ 방문지: 일본 가나현", UPGRADE, "○ 후속 조치: 청소년 교류 확대"]
    assert facts(build(page(tmp_path, kind, blocks, name="upgrade"))) == {
        ("가나현", "충청남도", "2026-06-03", "sister"), ("가나현", "충청남도", "2011", "friendship")}
