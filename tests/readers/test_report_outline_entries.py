"""Entries of a report's outline (decision 0088): an entry opening with a month and day (``○ 5. 31.(화) …``) in the
report of a trip whose period the document states takes the trip's year; a signing whose parties are named only by
their heads' posts (``서명: 가나시장, 다라시장``) pairs the Korean one with the foreign one the document places
elsewhere (its title); a ``-`` entry right under a ``○`` entry at the same margin is its sub-item (a renewal note
under it is a further signing of the same pair); a date in a bracket after a signing date's label (``(협약일 미상,
2012년경으로 보임)``, ``(2차 갱신: 2016. 8. 19.)``) is that signing's. The pages are written by the tests
(invented foreign names, registry cities as the Korean side) in several formats, with perturbations and traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

REPORT = ["일본 가나시 방문단 접견 결과", "2022. 6. 3. 국제협력팀", "1. 개요",
          "○ 방문 기간 : 2022. 5. 30.(월) ~ 6. 1.(수)", "○ 방문단 : 가나시장 등 6명", "2. 결과",
          "○ 5. 31.(화) 본청 접견실에서 자매결연 협정 갱신 서명 (서명: 홍길동 제천시장, 다나카 가나시장)",
          "- 2001년 4월 자매결연 체결 이후 세 번째 갱신 (2차 갱신: 2016. 8. 19.)",
          "○ 6. 1.(수) 전통시장 견학", "3. 후속 조치", "○ 2023년 학생 교류 추진 검토"]
FACTS = {("가나시", "제천시", "2022-05-31", "sister"), ("가나시", "제천시", "2001-04", "sister"),
         ("가나시", "제천시", "2016-08-19", "sister")}


@pytest.mark.parametrize("kind", ["txt", "docx", "hwpx", "html"])
def test_a_trip_reports_entries_give_the_signing_and_its_history(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, REPORT))) == FACTS


def test_indented_sub_items_read_the_same(tmp_path: Path):
    lines = [("   " + line) if line.startswith("- ") else line for line in REPORT]
    assert facts(build(page(tmp_path, "txt", lines))) == FACTS


def test_perturbed_a_day_changed_and_the_renewal_note_dropped(tmp_path: Path):
    lines = [line.replace("5. 31.(화)", "5. 30.(월)") for line in REPORT if not line.startswith("- ")]
    assert facts(build(page(tmp_path, "txt", lines))) == {("가나시", "제천시", "2022-05-30", "sister")}


def test_negative_without_a_trip_period_or_a_date_a_month_and_day_dates_nothing(tmp_path: Path):
    lines = [line for line in REPORT if not line.startswith(("○ 방문 기간", "2022. 6. 3."))]  # nor a date of its own
    assert ("가나시", "제천시", "2022-05-31", "sister") not in facts(build(page(tmp_path, "txt", lines)))


def test_negative_a_place_the_document_does_not_place_is_no_partner(tmp_path: Path):
    lines = [line.replace("일본 가나시 방문단", "해외 방문단") for line in REPORT]
    assert not any("가나시" in (a, b) for a, b, _, _ in facts(build(page(tmp_path, "txt", lines))))


LIST = ["제천시 교류 현황 회신", "1. 서울 마포구 — 2003년 6월 자매결연",
        "2. 충청남도 논산시 — 교류 협력(협약일 미상, 2012년경으로 보임)",
        "3. 일본 가나현 다라시 — 우호교류(협정일: 2007. 9. 3.)",
        "4. 중국 마바시 — 교류 협력(방문일 2019년, 체결은 미정)"]


@pytest.mark.parametrize("kind", ["txt", "md", "docx"])
def test_a_date_after_a_signing_dates_label_in_brackets(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, LIST))) == {
        ("마포구", "제천시", "2003-06", "sister"), ("논산시", "제천시", "2012", "cooperationAgreement"),
        ("다라시", "제천시", "2007-09-03", "friendship")}


@pytest.mark.parametrize("amount", ["30,000천원", "3백만원", "1.2억 원", "45000원"])
def test_a_budget_line_under_a_relation_heading_is_no_signing(tmp_path: Path, amount: str):
    lines = ["제천시 국제교류 동의안", "○ 제천시 자매·우호도시", "- 미국 다라시 (2001)",
             f"○ 관련 예산 : 국제교류 운영비 {amount}(2025년 본예산 편성)"]
    assert facts(build(page(tmp_path, "txt", lines))) == {("다라시", "제천시", "2001", "sister")}


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_dated_outline_entry_written_as_a_sentence(tmp_path: Path, kind: str):
    lines = ["제천시 대표단 몽골 가나아이막 방문 결과 보고", "2026. 8. 20. 국제교류과", "1. 방문 개요",
             "○ 기간: 2026. 8. 11.(화) ~ 8. 14.(금)", "○ 방문지: 몽골 가나아이막", "2. 주요 성과",
             "○ 8. 12.(수) 가나아이막 청사에서 시장과 가나아이막 지사가 「우호교류 협약」에 서명함",
             "○ 8. 13.(목) 농업 시범단지 시찰을 마침"]
    assert facts(build(page(tmp_path, kind, lines))) == {("가나아이막", "제천시", "2026-08-12", "friendship")}


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_day_without_its_year_beside_a_full_date_is_of_the_newsletters_year(tmp_path: Path, kind: str):
    lines = ["국제협력 소식지 제12호 (2026년 7월)", "① 단신",
             "▶ 제천시, 일본 가나정과 2016. 9. 12. 맺은 자매결연을 6월 3일 재체결",
             "▶ 충주시, 중국 다라시와 2012. 4. 5. 맺은 우호협약 10주년 행사를 6월 9일 개최"]
    assert facts(build(page(tmp_path, kind, lines))) == {
        ("가나정", "제천시", "2016-09-12", "sister"), ("가나정", "제천시", "2026-06-03", "sister"),
        ("다라시", "충주시", "2012-04-05", "friendship")}
