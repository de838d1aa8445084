"""Reports (a trip report, a district's annual report) in text and office files: a subject carried by 도는 /
구는 from the title, the most specific region of a title (가나광역시 다라구), several partners in one item with
their dates in brackets, several pairs in one sentence, a report's date for 9월 24일; schedules, visits,
anniversaries and plans are not signings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file, hwpx_file

TRIP = """몽골 투브아이막 우호교류 협약 체결 공무국외출장 결과보고

2024. 6. 20.
전라남도 국제협력관

Ⅰ. 출장 개요
  ○ 출장기간 : 2024. 6. 10.(월) ~ 6. 14.(금), 4박 5일
  ○ 방 문 지 : 몽골 울란바타르시, 투브아이막
  ○ 출 장 자 : 김가람 국제협력관 외 4명
  ○ 출장목적 : 투브아이막과 우호교류 협약 체결 및 교류사업 협의

Ⅱ. 주요 일정
  ○ 6. 10.(월) 인천 출발, 울란바타르 도착
  ○ 6. 11.(화) 투브아이막 청사 방문, 우호교류 협약 체결
  ○ 6. 12.(수) 주몽골 대한민국 대사관 방문

Ⅲ. 주요 활동 내용
  ○ 전라남도는 6월 11일 투브아이막 청사에서 투브아이막과 우호교류 협약을 체결하였음.
  ○ 협약식에는 김가람 국제협력관과 바트 투브아이막 도지사 등이 참석하였음.
  ○ 도는 2015. 9. 1. 몽골 셀렝그아이막과 자매결연을 체결한 이후 공무원 연수, 의료봉사 등을 이어 왔으며, \
2020. 9. 1. 자매결연 5주년 기념행사를 개최하였음.
  ○ 도내에서는 목포시가 2018년 다르항오올아이막과, 순천시가 2019. 5. 24. 울란바타르시 바양주르흐구와 \
각각 우호교류 협약을 체결한 바 있음.
  ○ 2023. 8. 셀렝그아이막 대표단이 도를 방문하여 교류 확대를 협의하였음.

Ⅳ. 향후 계획
  ○ 2025년 상반기 투브아이막과 자매결연 체결 추진
  ○ 우호교류 협약 체결 10주년(2029년) 기념 교류행사 개최 검토
"""
TRIP_FACTS = {("전라남도", "투브아이막", "2024-06-11", "friendship"),
              ("셀렝그아이막", "전라남도", "2015-09-01", "sister"),
              ("다르항오올아이막", "목포시", "2018", "friendship"),
              ("바양주르흐구", "순천시", "2019-05-24", "friendship")}

ANNUAL = """2024년 부평구 국제교류 연간 보고서

인천광역시 부평구 자치행정과
2024. 12.

Ⅰ. 국제교류 현황

1. 자매·우호도시 현황
  ○ 자매도시 : 중국 청룡시 다라구(2005. 5. 12.), 일본 하루미시(2011. 10. 1.)
  ○ 우호도시 : 베트남 박하성 하롱시(2014년), 몽골 울란바타르시 칭길테구(2016. 9.)
  ○ 교류 추진 : 미국 레드우드시 (2025년 자매결연 체결 추진)

2. 2024년 주요 교류 실적
  ○ 3월 : 하루미시 청소년 교류단 방문 (3. 25.~3. 29.)
  ○ 5월 : 다라구 대표단 초청, 자매결연 19주년 기념행사
  ○ 9월 : 구는 9월 24일 카자흐스탄 알마티시 메데우구와 우호교류 협약을 체결하였다.
  ○ 11월 : 칭길테구와 우호교류 협약 갱신 (2024. 11. 5.)

Ⅱ. 교류 사업 평가
  ○ 구는 2005년 다라구와 자매결연을 맺은 이후 20년째 청소년 교류를 이어 오고 있음.
  ○ 구는 올해 하루미시와의 교류를 확대하여 2024. 7. 1. 경제교류 양해각서(MOU)를 체결하였음.

Ⅲ. 2025년 추진 계획
  ○ 레드우드시와 자매결연 체결 추진 (2025. 상반기)
  ○ 하롱시 우호교류 10주년 기념 방문 계획
"""
ANNUAL_FACTS = {
    ("다라구", "부평구", "2005-05-12", "sister"), ("부평구", "하루미시", "2011-10-01", "sister"),
    ("부평구", "하롱시", "2014", "friendship"), ("부평구", "칭길테구", "2016-09", "friendship"),
    ("메데우구", "부평구", "2024-09-24", "friendship"), ("부평구", "칭길테구", "2024-11-05", "friendship"),
    ("부평구", "하루미시", "2024-07-01", "mou"),
}


def test_trip_report_schedule_visits_anniversaries_and_plans():
    result = build(document("trip.txt", TRIP))
    assert facts(result) == TRIP_FACTS
    assert ("전라남도", "투브아이막", "2025", "sister") in facts(result, "AgreementIntent")


def test_annual_report_items_with_several_partners_and_the_district_of_its_title():
    result = build(document("annual.txt", ANNUAL))
    assert facts(result) == ANNUAL_FACTS
    assert ("레드우드시", "부평구", "2025", "sister") in facts(result, "AgreementIntent")


@pytest.mark.parametrize("kind", ["docx", "hwpx"])
def test_reports_in_office_files(tmp_path: Path, kind: str):
    write = docx_file if kind == "docx" else hwpx_file
    for name, text, expected in (("trip", TRIP, TRIP_FACTS), ("annual", ANNUAL, ANNUAL_FACTS)):
        paragraphs = [line for line in text.split("\n") if line.strip()]
        assert facts(build(from_file(write(tmp_path / f"{name}.{kind}", paragraphs)))) == expected


def test_perturbed_reports_item_added_date_changed_plan_inserted_noise():
    added = ANNUAL.replace("일본 하루미시(2011. 10. 1.)",
                           "일본 하루미시(2011. 10. 1.), 러시아 톰스크주 세베르스크시(2019. 3. 2.)")
    assert facts(build(document("a.txt", added))) == ANNUAL_FACTS | {("부평구", "세베르스크시", "2019-03-02", "sister")}
    changed = TRIP.replace("2015. 9. 1. 몽골", "2016. 10. 4. 몽골")
    assert ("셀렝그아이막", "전라남도", "2016-10-04", "sister") in facts(build(document("t.txt", changed)))
    talks = "  ○ 2024. 6. 12. 울란바타르시와 자매결연 체결을 위한 실무 협의를 진행하였음.\n\n"
    plan = TRIP.replace("Ⅳ. 향후 계획", talks + "Ⅳ. 향후 계획")
    assert facts(build(document("t.txt", plan))) == TRIP_FACTS
    noisy = TRIP.replace("6월 11일", "6 월 11 일").replace("○ 도는", "○  도는 ")
    assert facts(build(document("t.txt", noisy))) == TRIP_FACTS


SCHEDULE = """공무국외출장 결과 보고서 (몽골 도르노드아이막)

보고일 : 2023. 9. 8.
보고자 : 경상북도 국제관계대사 박가람

1. 출장 개요
 가. 기간 : 2023. 8. 28.(월) ~ 9. 1.(금)
 나. 방문국 : 몽골(울란바타르시, 도르노드아이막)
 다. 출장자 : 경상북도 국제관계대사 박가람, 국제통상과장 이다라 등 5명

2. 주요 활동
 가. 도르노드아이막 우호교류 협약 체결
  - 일시 : 2023. 8. 29.(화) 10:00
  - 장소 : 도르노드아이막 청사 대회의실
  - 내용 : 이철우 경상북도지사를 대신하여 박가람 대사가 도르노드아이막 지사 바트에르덴과 우호교류 \
협약서에 서명
 나. 울란바타르시 부시장 면담
  - 일시 : 2023. 8. 30.(수) 14:00
  - 내용 : 2019년 체결한 울란바타르시와의 우호교류 협약에 따른 교류 사업 점검
 다. 주몽골 대한민국 대사관 방문 (8. 31.)

3. 교류 현황
 - 경상북도는 2010. 4. 8. 몽골 투브아이막과 자매결연을 체결하였으며, 2019. 6. 12. 울란바타르시와 \
우호교류 협약을 체결함.
 - 도내 시군 중 경주시가 2015년 헨티아이막 체르헝솜과, 포항시가 2018. 10. 2. 셀렝그아이막 \
수흐바타르솜과 우호교류 협약을 맺음.

4. 향후 계획
 - 2024년 도르노드아이막과 자매결연 체결 검토
 - 투브아이막 자매결연 15주년(2025년) 기념 교류단 파견
"""


def test_report_schedule_times_are_no_cards_and_short_words_no_places():
    """A schedule's 일시 is no signing date and no place (not a near spelling of a city); a title naming only a
    foreign place leaves the report's Korean region its subject; a plan under review (체결 검토) is no signing."""
    assert facts(build(document("schedule.txt", SCHEDULE))) == {
        ("경상북도", "투브아이막", "2010-04-08", "sister"), ("경상북도", "울란바타르시", "2019-06-12", "friendship"),
        ("경주시", "체르헝솜", "2015", "friendship"), ("수흐바타르솜", "포항시", "2018-10-02", "friendship")}


def test_months_of_a_reports_year_the_same_year_and_the_year_after():
    text = """2024년 부평구 국제교류 실적 보고

2025. 1. 15.
부평구 자치행정과

○ 구는 3월 5일 일본 하루미시와 우호교류 협약을 체결하였으며, 같은 해 9월 중국 청룡시와 자매결연을 맺었음.
○ 구는 2019년 5월 몽골 칭길테구와 우호교류 협약을 체결하고, 이듬해 6월 자매결연으로 격상하였음.
○ 보도자료 배포일 : 2025. 1. 16.
"""
    assert facts(build(document("report.txt", text))) == {
        ("부평구", "하루미시", "2024-03-05", "friendship"), ("부평구", "청룡시", "2024-09", "sister"),
        ("부평구", "칭길테구", "2019-05", "friendship"), ("부평구", "칭길테구", "2020-06", "sister")}


def test_each_partner_of_an_item_takes_the_country_named_before_it():
    result = build(document("annual.txt", ANNUAL))
    result.dataset.default_union = True
    parties = {str(r.p).rsplit("/", 1)[-1] for r in result.dataset.query(
        "SELECT DISTINCT ?p WHERE { ?a a <https://w3id.org/gyoryu/ontology#Agreement> ; "
        "<https://w3id.org/gyoryu/ontology#party> ?p }")}
    assert parties >= {"cn-다라구", "jp-하루미시", "vn-하롱시", "mn-칭길테구", "kz-메데우구"}
    assert not any(p.startswith(("cn-", "vn-")) and p.endswith(("하루미시", "칭길테구")) for p in parties)
