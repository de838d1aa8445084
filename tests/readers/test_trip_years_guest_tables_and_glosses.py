"""Years of days written without one, and names written with their gloss:

* a trip report's ``○ 7. 9.(화) 충청북도–가나아이막 자매결연 협정 체결`` is of the year of the trip's stated period
  (``기간: 2024. 7. 8.(월) ~ 7. 12.(금)``), which is no date line of the document (its signings after the period's first
  day are no plans);
* a table of receptions (``일자 | 국가 | 외빈 | 직위 | 주요 내용``) under a title naming its year (``2024년 … 현황``)
  dates its ``2. 7.`` rows in that year, not in the year of the line it was written on (``2025. 1. 10.``), and a
  signing row naming its partner only in a head's post (``가나시장``) is that place's;
* a party cell with a Latin gloss after the Hangul name (``지린성 가나시 Gana City``, ``서울 마포구 Mapo-gu,
  Seoul``) names the Hangul place.

Written as text, Markdown, DOCX and HWPX, perturbed; the foreign names are invented but for registry regions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file, hwpx_file
from tests.readers.table_files import table_document

TRIP = ["충청북도 대표단 몽골 방문 결과 보고", "", "□ 방문 개요", "  ○ 기간: 2024. 7. 8.(월) ~ 7. 12.(금)",
        "  ○ 방문지: 몽골 울란바타르시, 투브아이막", "", "□ 주요 성과",
        "  ○ 7. 9.(화) 충청북도–투브아이막 자매결연 협정 체결", "    - 서명: 도지사, 투브아이막 주지사",
        "  ○ 7. 11.(목) 울란바타르시 부시장 면담, 우호교류 협약 체결 추진 합의(2025년 중)"]
TRIP_FACTS = {("충청북도", "투브아이막", "2024-07-09", "sister")}


@pytest.mark.parametrize("kind", ["txt", "docx", "hwpx"])
def test_a_trip_days_year_is_the_stated_periods(tmp_path: Path, kind: str):
    if kind == "txt":
        doc = document("trip.txt", "\n".join(TRIP))
    else:
        write = docx_file if kind == "docx" else hwpx_file
        doc = from_file(write(tmp_path / f"trip.{kind}", [t for t in TRIP if t.strip()]))
    assert facts(build(doc)) == TRIP_FACTS


def test_perturbed_a_trip_over_the_new_year_and_a_changed_day():
    lines = list(TRIP)
    lines[3] = "  ○ 기간: 2024. 12. 30.(월) ~ 2025. 1. 3.(금)"
    lines[7] = "  ○ 1. 2.(목) 충청북도–투브아이막 자매결연 협정 체결"
    assert facts(build(document("trip.txt", "\n".join(lines)))) == {("충청북도", "투브아이막", "2025-01-02", "sister")}
    lines = list(TRIP)
    lines[7] = lines[7].replace("7. 9.(화)", "7. 10.(수)")
    assert facts(build(document("trip.txt", "\n".join(lines)))) == {("충청북도", "투브아이막", "2024-07-10", "sister")}


GUESTS = [["일자", "국가", "외빈", "직위", "주요 내용"],
          ["1. 16.", "중국", "천가나", "다라시 부시장", "우호도시 30주년 기념 교류 논의"],
          ["2. 7.", "일본", "기타 유키", "마바시장", "자매결연 협정 재체결 서명"],
          ["4. 9.", "베트남", "응우옌 반 사", "사하시 인민위원회 위원장", "우호협력 양해각서(MOU) 체결"],
          ["10. 22.", "중국", "리훙", "아자성 외사판공실 주임", "2025년 우호교류 협정 체결 추진 합의"]]
GUEST_TITLE = "2024년 인천광역시 외빈 접견 현황"
GUEST_FACTS = {("마바시", "인천광역시", "2024-02-07"), ("사하시", "인천광역시", "2024-04-09")}


@pytest.mark.parametrize("kind", ["md", "tsv", "docx", "hwpx"])
def test_a_reception_table_under_a_titled_year(tmp_path: Path, kind: str):
    rows = [GUESTS[0], *GUESTS[1:]]
    doc = table_document(tmp_path, kind, GUEST_TITLE, rows, "guests")
    doc = type(doc)(id=doc.id, lines=(*doc.lines[:1], "> 작성: 국제협력과 / 2025. 1. 10.", *doc.lines[1:]),
                    sha256=doc.sha256, title_ko=doc.title_ko)
    assert {(a, b, d) for a, b, d, _ in facts(build(doc))} == GUEST_FACTS


def test_perturbed_a_post_of_a_place_of_another_row_and_a_talk():
    rows = [list(r) for r in GUESTS]
    rows[2][4] = "자매결연 협정 재체결 논의"  # talks: no signing
    assert {(a, b, d) for a, b, d, _ in facts(build(document(
        "g.tsv", "\n".join([GUEST_TITLE, *("\t".join(r) for r in rows)]))))} == {("사하시", "인천광역시", "2024-04-09")}


GLOSSED = [["구분 Type", "상대도시 Partner", "국가 Country", "체결일 Date Signed"],
           ["자매결연 Sister", "서울 마포구 Mapo-gu, Seoul", "대한민국 Korea", "2010. 11."],
           ["우호교류 Friendship", "투브아이막 Töv Province", "몽골 Mongolia", "2017. 9. 5."],
           ["우호교류 Friendship", "지린성 가나시 Gana City", "중국 China", "2016. 7. 20."],
           ["우호교류 추진 Planned", "다라성 Dara Province", "베트남 Vietnam", "2025 예정 (planned)"]]
GLOSSED_FACTS = {("마포구", "인제군", "2010-11"), ("인제군", "투브아이막", "2017-09-05"),
                 ("가나시", "인제군", "2016-07-20")}


@pytest.mark.parametrize("kind", ["md", "tsv", "docx", "html"])
def test_a_latin_gloss_after_the_hangul_name_is_no_part_of_it(tmp_path: Path, kind: str):
    doc = table_document(tmp_path, kind, "인제군 자매·우호도시 | Sister & Friendship Cities of Inje County", GLOSSED)
    assert {(a, b, d) for a, b, d, _ in facts(build(doc))} == GLOSSED_FACTS


def test_perturbed_a_gloss_dropped_and_a_row_added(tmp_path: Path):
    rows = [list(r) for r in GLOSSED]
    rows[3][1] = "지린성 가나시"
    rows.append(["자매결연 Sister", "나가노현 마바촌 Mabamura Village", "일본 Japan", "2005. 2. 1."])
    doc = table_document(tmp_path, "tsv", "인제군 자매·우호도시", rows)
    assert {(a, b, d) for a, b, d, _ in facts(build(doc))} == GLOSSED_FACTS | {("마바촌", "인제군", "2005-02-01")}
