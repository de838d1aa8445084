"""Precision of tables, cards and lists: an expiry (``만료(2020. 8. 26.) 재체결 안 함``, ``기간 만료 후 재체결하지
않음``) is no renewal; a row pairing a city with its own district (a table of events by district) is no agreement; a
card's renaming or upgrade date (``2008년 시 승격``) is no signing; a list entry's dated visit, briefing, camp or
talks (``2024. 5. 대표단 방문``, ``협약 갱신 논의``) are no signings, while the signing it names beside them is; an
entry labelled as plans (``2025년 계획:``) plans. Each in several formats, with perturbations."""

from __future__ import annotations

import pytest

from tests.fixtures.pages import page, write_page
from tests.readers.helpers import build, docx_file, facts, from_file

TITLE = ["대구광역시 구·군 국제교류 협약 현황", "대구광역시 국제통상과 | 2025. 6. 30. 기준"]
HEADER = ["구군", "상대 도시", "국가", "협약 종류", "최초 체결", "재체결", "상태·비고"]
ROWS = [["수성구", "가나성 다라시", "중국", "우호교류 협약", "2010. 10. 5.", "2020. 10. 5.", "유지"],
        ["달서구", "마바현 사아시", "일본", "자매결연 협약", "2015. 8. 27.", "", "만료(2020. 8. 26.) 재체결 안 함"]]
EVENTS_HEADING = "2025년 상반기 주요 교류"
EVENTS = [["2025. 3. 12.", "수성구", "다라시 우호교류 협약 재체결 후속 기업 설명회"],
          ["2025. 4. 20.", "달서구", "사아시 시장 방한, 달서구청장 접견"]]
TABLE_FACTS = {("다라시", "수성구", "2010-10-05"), ("다라시", "수성구", "2020-10-05"),
               ("달서구", "사아시", "2015-08-27")}


def _signings(result) -> set[tuple[str, str, str]]:
    return {f[:3] for f in facts(result)}


def _table_file(tmp_path, kind: str, rows: list[list[str]]):
    return write_page(tmp_path / f"daegu.{kind}", [*TITLE, [HEADER, *rows], EVENTS_HEADING, EVENTS])


@pytest.mark.parametrize("kind", ["tsv", "docx", "hwpx"])
@pytest.mark.parametrize(("change", "added"), [
    (None, set()),
    ((1, 6, "2021. 3. 2. 재체결"), {("달서구", "사아시", "2021-03-02")}),  # a renewal stated, not negated
    ((1, 6, "효력 종료: 2020. 8. 26., 갱신하지 않음"), set()),
    ((0, 4, "2011. 10. 5."), {("다라시", "수성구", "2011-10-05")}),
])
def test_an_expiry_is_no_renewal_and_a_city_never_pairs_with_its_own_district(tmp_path, kind, change, added):
    rows = [list(r) for r in ROWS]
    gone = set()
    if change is not None:
        row, col, text = change
        if col == 4:
            gone = {("다라시", "수성구", "2010-10-05")}
        rows[row][col] = text
    result = build(from_file(_table_file(tmp_path, kind, rows)))
    assert _signings(result) == (TABLE_FACTS - gone) | added
    assert not any("대구광역시" in f for f in facts(result))  # the events table names districts, not partners


CARDS = [("① 베트남 가나성 다라시", ["결연 형태 — 우호협력",
                                "체결일자 — 2006년 4월 22일 (결연 당시 다라읍, 2008년 시 승격)",
                                "교류분야 — 농업 인력"]),
         ("② 미국 마바주 사아시", ["구분 — 교류협력 MOU (효력 종료)", "체결일 — 2014. 10.",
                              "비고 — 2019. 10. 기간 만료 후 재체결하지 않음, 민간 교류는 지속"]),
         ("③ 일본 자차현 하나시", ["결연 형태 — 자매결연", "체결일자 — 2001. 3. 5."])]
CARD_FACTS = {("다라시", "영주시", "2006-04-22"), ("사아시", "영주시", "2014-10"), ("영주시", "하나시", "2001-03-05")}


def _cards_file(tmp_path, kind: str, cards):
    if kind == "md":
        text = "# 영주시 국제교류 도시 카드\n\n영주시 국제교류팀 · 2025. 5. 20. 갱신\n\n" + "\n".join(
            f"### {name}\n\n" + "\n".join(fields) + "\n" for name, fields in cards)
        path = tmp_path / "yeongju.md"
        path.write_text(text, encoding="utf-8")
        return path
    if kind == "html":
        body = "".join(f"<section><h3>{name}</h3><ul>" + "".join(f"<li>{f}</li>" for f in fields) + "</ul></section>"
                       for name, fields in cards)
        path = tmp_path / "yeongju.html"
        path.write_text(f"<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\">"
                        f"<title>영주시 국제교류 도시 카드</title></head><body><main><h2>영주시 국제교류 도시 카드</h2>"
                        f"{body}</main></body></html>",
                        encoding="utf-8")
        return path
    return docx_file(tmp_path / "yeongju.docx", ["영주시 국제교류 도시 카드", *(x for name, fields in cards
                                                                        for x in (name, *fields))])


@pytest.mark.parametrize("kind", ["md", "html", "docx"])
@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("", "", set(), set()),
    ("2006년 4월 22일", "2007년 5월 2일", {("다라시", "영주시", "2006-04-22")}, {("다라시", "영주시", "2007-05-02")}),
    ("2019. 10. 기간 만료 후 재체결하지 않음", "2019. 10. 재체결", set(), {("사아시", "영주시", "2019-10")}),
    ("2008년 시 승격", "2008년 명칭 변경", set(), set()),
])
def test_a_cards_upgrade_or_expiry_date_is_no_signing(tmp_path, kind, old, new, gone, added):
    cards = [(name, [f.replace(old, new) if old else f for f in fields]) for name, fields in CARDS]
    assert _signings(build(from_file(_cards_file(tmp_path, kind, cards)))) == (CARD_FACTS - gone) | added


REPORT = """2024 영주시 국제교류 백서
1. 해외 교류도시 현황 (2024. 12. 31. 기준)
교류도시 | 국가 | 형태 | 체결일 | 비고
가나성 다라구 | 중국 | 우호교류 | 2012. 5. 17. | 2022. 5. 17. 재체결
마바주 사아시 | 베트남 | 우호교류 | 2023. 4. 11. |
자차주 하나시 | 미국 | 교류협력 MOU | 2019. 10. | 과학기술
2. 2024년 주요 추진 실적
가. 다라구: 2022. 5. 17. 재체결 이후 첫 대면 교류로 2024. 5. 다라구 대표단이 영주시를 방문함
나. 사아시: 2023년 협약 체결 이후 2024. 3. 유학생 교류 설명회 개최
다. 하나시: MOU에 따라 2024. 7. 청소년 과학캠프 공동 운영
라. 2024. 11. 영주시 대표단 사아시 방문, 협약 갱신 논의
3. 2025년 추진 계획
(1) 2025년 계획: 영주시-하나시 자매결연 협약 체결(2025. 12.)
"""
REPORT_FACTS = {("다라구", "영주시", "2012-05-17"), ("다라구", "영주시", "2022-05-17"),
                ("사아시", "영주시", "2023-04-11"), ("영주시", "하나시", "2019-10")}


@pytest.mark.parametrize("kind", ["txt", "md", "docx"])
@pytest.mark.parametrize(("old", "new", "added"), [
    ("", "", set()),
    ("2024. 3. 유학생 교류 설명회 개최", "2024. 3. 자매결연 협약 체결", {("사아시", "영주시", "2024-03")}),
    ("협약 갱신 논의", "협약 갱신 서명", {("사아시", "영주시", "2024-11")}),
    ("청소년 과학캠프 공동 운영", "청소년 과학캠프 공동 운영(추가 협약 없음)", set()),
])
def test_an_entrys_dated_visit_briefing_or_talks_are_no_signings(tmp_path, kind, old, new, added):
    text = REPORT.replace(old, new) if old else REPORT
    result = build(from_file(write_page(tmp_path / f"yeongju_report.{kind}", text.strip().split("\n"))))
    assert _signings(result) == REPORT_FACTS | added
    assert {f[:3] for f in facts(result, "AgreementIntent")} >= {("영주시", "하나시", "2025-12")} or kind != "txt" or \
        not facts(result, "AgreementIntent")  # the plan is a plan if read at all, never a signing


BODIES = """2024 영주시 국제교류 백서
1. 해외 교류도시 현황
교류도시 | 국가 | 형태 | 체결일
가나성 다라구 | 중국 | 우호교류 | 2012. 5. 17.
2. 참고: 관내 기관의 해외 협약
- 영주시체육회-다라구 체육총회 생활체육 교류 약정(2023. 8.)
- 다라구 우호교류 협약 재체결(2022. 5. 17.)
3. 통계
- 2024년 국제교류 사업 8건, 참여 인원 312명
"""


@pytest.mark.parametrize("kind", ["txt", "md", "docx"])
def test_a_places_body_signs_for_itself_and_a_statistic_dates_no_signing(tmp_path, kind):
    path = write_page(tmp_path / f"yeongju_bodies.{kind}", BODIES.strip().split("\n"))
    assert _signings(build(from_file(path))) == {("다라구", "영주시", "2012-05-17"), ("다라구", "영주시", "2022-05-17")}
    spaced = BODIES.replace("영주시체육회", "영주시 다라구")  # the place itself, then: a signing
    write_page(path, spaced.strip().split("\n"))
    assert ("다라구", "영주시", "2023-08") in _signings(build(from_file(path)))


def _party_ids(result) -> set[str]:
    from ontology.namespaces import GY

    result.dataset.default_union = True
    return {str(p).rsplit("/", 1)[-1] for p in result.dataset.objects(None, GY.party)}


@pytest.mark.parametrize("kind", ["md", "docx"])
def test_a_card_places_its_partner_in_the_country_it_states_not_in_a_namesakes(tmp_path, kind):
    cards = [("① 베트남 하남성 다라시", ["결연 형태 — 우호협력", "체결일자 — 2006. 4. 22."]),
             ("② 중국 하남성 마바시", ["결연 형태 — 우호교류", "체결일자 — 2010. 5. 6."])]
    result = build(from_file(_cards_file(tmp_path, kind, cards)))
    assert _signings(result) == {("다라시", "영주시", "2006-04-22"), ("마바시", "영주시", "2010-05-06")}
    ids = _party_ids(result)
    assert {i for i in ids if i.endswith("다라시")} == {"vn-다라시"}
    assert {i for i in ids if i.endswith("마바시")} == {"cn-마바시"}


CONSULATE_TITLE = ["주가나 대한민국 총영사관 관할 지역 한국 지자체 교류 현황",
                   "2025년 6월 말 기준 (지린성 외사판공실 자료 참고)"]
CONSULATE_HEADER = ["관할 도시", "한국 지자체", "자매결연 체결", "우호교류 체결", "비고"]
CONSULATE_ROWS = [["[다라시]", "", "", "", ""],
                  ["다라시", "춘천시", "1995. 10. 17.", "", "2005년 갱신"],
                  ["", "속초시", "", "2022. 9. 6.", ""],
                  ["다라시 마바구", "원주시", "", "2017. 3.", "마바시 시절 체결, 2020. 6. 구(區)로 편입"],
                  ["[사아시]", "", "", "", ""],
                  ["사아시", "강릉시", "2009. 7. 1.", "", ""]]
CONSULATE_FACTS = {("다라시", "춘천시", "1995-10-17"), ("다라시", "춘천시", "2005"), ("다라시", "속초시", "2022-09-06"),
                   ("마바구", "원주시", "2017-03"), ("강릉시", "사아시", "2009-07-01")}


@pytest.mark.parametrize("kind", ["tsv", "docx", "hwpx"])
@pytest.mark.parametrize(("title", "expected"), [
    (CONSULATE_TITLE, CONSULATE_FACTS),
    ([CONSULATE_TITLE[0], "2025년 6월 말 기준"], set()),  # no foreign region named: no country, nothing minted
    ([CONSULATE_TITLE[0], "2025년 6월 말 기준 (지린성, 미야기현 자료)"], set()),  # two countries: none chosen
])
def test_a_consulate_list_places_its_cities_in_the_country_its_opening_lines_name(tmp_path, kind, title, expected):
    rows = [CONSULATE_HEADER, *CONSULATE_ROWS]
    result = build(page(tmp_path, kind, [*title, rows], name="consulate"))
    assert _signings(result) == expected
    if expected:
        assert {i for i in _party_ids(result) if i.endswith(("다라시", "마바구", "사아시"))} == {
            "cn-다라시", "cn-마바구", "cn-사아시"}


PAIR_ROWS = [["연번", "상대 지역", "국가", "협약 형태", "체결일", "비고"],
             ["1", "가나성 다라시", "중국", "자매결연", "2002. 11. 8.", ""],
             ["2", "다라시 중의약대학 ↔ 영주대학교", "중국", "학술교류", "2015. 5. 20.", "대학 간"],
             ["3", "다라시 상공회의소 ↔ 영주상공회의소", "중국", "경제교류 MOU", "2019. 2.", ""],
             ["4", "경상북도 ↔ 미야기현", "일본", "우호교류", "2011. 10. 24.", "도 단위 협약"]]


@pytest.mark.parametrize("kind", ["tsv", "docx"])
@pytest.mark.parametrize(("row", "expected"), [
    (None, {("경상북도", "미야기현", "2011-10-24")}),
    (["5", "경상북도 ↔ 미야기현", "일본", "우호교류", "2021. 10. 24.", "재체결"],
     {("경상북도", "미야기현", "2011-10-24"), ("경상북도", "미야기현", "2021-10-24")}),
])
def test_a_cell_naming_both_sides_pairs_them_and_a_pair_of_bodies_signs_nothing(tmp_path, kind, row, expected):
    rows = [*PAIR_ROWS, *([row] if row else [])]
    title = "영주시 국제교류 협약 현황 (2025. 9. 30. 현재)"
    expected = {("다라시", "영주시", "2002-11-08"), *expected}
    assert _signings(build(page(tmp_path, kind, [title, rows], name="pairs"))) == expected


DATED_FIELD_CARDS = [["러시아 하라주 다라시"], ["국가", "러시아"], ["구분", "자매도시"],
                     ["최초 교류", "1990. 8. 귀국 지원 방문"], ["협약 체결", "1993. 4. 2."], ["재체결", "2013. 4. 2."],
                     ["중국 마바성 사아시"], ["국가", "중국"], ["구분", "우호도시"], ["협약 체결", "2011. 9. 5."]]
SIGNED = {("다라시", "영주시", "1993-04-02"), ("다라시", "영주시", "2013-04-02"), ("사아시", "영주시", "2011-09-05")}


@pytest.mark.parametrize("kind", ["docx", "txt"])
@pytest.mark.parametrize(("old", "new", "expected"), [
    ("", "", SIGNED),
    ("1993. 4. 2.", "1994. 5. 6.",
     SIGNED - {("다라시", "영주시", "1993-04-02")} | {("다라시", "영주시", "1994-05-06")}),
])
def test_a_cards_dated_field_of_a_first_visit_neither_ends_the_card_nor_signs(tmp_path, kind, old, new, expected):
    rows = [[c.replace(old, new) if old else c for c in r] for r in DATED_FIELD_CARDS]
    if kind == "docx":
        path = docx_file(tmp_path / "cards.docx", ["영주시 해외 교류도시 카드", "영주시 국제교류팀 | 2025. 10. 1. 기준",
                                                   *(r[0] if len(r) == 1 else [r] for r in rows)])
    else:
        path = tmp_path / "cards.txt"
        path.write_text("\n".join(["영주시 해외 교류도시 카드", "영주시 국제교류팀 | 2025. 10. 1. 기준",
                                   *(" | ".join(r) for r in rows)]) + "\n", encoding="utf-8")
    assert _signings(build(from_file(path))) == expected
