"""Reports of trips and council visits: a schedule's day headings (``◇ 5. 28.(화)``) date the signings listed
under them, a sub-item goes on with its item's pair, a pair signing ``가나시와 다라시 간``, a district named with
its city and an institution's ending (``가나광역시 남구의회``) is the report's own region; purposes, visits, the
report's own date, anniversaries and declarations sign nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file

TRIP = """강원특별자치도지사 일본 방문 결과 보고

                                                  2024. 6. 3. / 국제협력과

1. 개요
  가. 기    간 : 2024. 5. 27.(월) ~ 5. 30.(목)
  나. 목    적 : 자매·우호 지역과의 협력 강화, 홋카이도와 관광 협약 체결

2. 일자별 주요 일정
  ◇ 5. 27.(월)
    ○ 히라타 신지 돗토리현 지사 면담 및 「자매결연 30주년 공동선언」 서명
      ※ 강원도와 돗토리현은 1994년 11월 7일 자매결연 체결
  ◇ 5. 28.(화)
    ○ 돗토리현-강원특별자치도 「수소경제 협력 양해각서」 서명
    ○ 요나고시와 동해시의 자매결연(1995. 10. 2.) 교류 현황 청취
  ◇ 5. 29.(수)
    ○ 야마가타현과 「관광·스포츠 교류 협정」 체결
      - 2018년 9월 체결한 우호교류 의향서에 이은 정식 협정
    ○ 야마가타현 신조시와 홍천군 간 청소년 교류 협약 체결식 참관
    ○ 야마가타현 사카타시 방문, 우호교류 협약 체결 논의

3. 향후 계획
  ○ 2025년 상반기 홋카이도와 우호교류 의향서 체결 추진
"""
TRIP_FACTS = {("강원특별자치도", "돗토리현", "1994-11-07", "sister"),
              ("강원특별자치도", "돗토리현", "2024-05-28", "mou"),
              ("동해시", "요나고시", "1995-10-02", "sister"),
              ("강원특별자치도", "야마가타현", "2024-05-29", "cooperationAgreement"),
              ("강원특별자치도", "야마가타현", "2018-09", "letterOfIntent"),
              ("신조시", "홍천군", "2024-05-29", "cooperationAgreement")}


@pytest.mark.parametrize("name", ["trip.txt", "trip.docx"])
def test_a_schedules_day_headings_date_its_signings(tmp_path: Path, name: str):
    path = tmp_path / name
    if name.endswith(".docx"):
        docx_file(path, [line for line in TRIP.split("\n") if line.strip()])
    else:
        path.write_text(TRIP, encoding="utf-8")
    got = facts(build(from_file(path)))
    assert got >= TRIP_FACTS
    sentences_may_not = {f for f in got if f[2] in ("2024-05-27", "2025") or "사카타시" in f or "홋카이도" in f}
    assert not sentences_may_not  # the declaration, the talks and the plan sign nothing


def test_perturbed_schedule_day_moved_item_added_heading_without_a_weekday():
    moved = TRIP.replace("◇ 5. 29.(수)", "◇ 5. 30.(목)")
    got = facts(build(document("m.txt", moved)))
    assert ("강원특별자치도", "야마가타현", "2024-05-30", "cooperationAgreement") in got
    assert ("신조시", "홍천군", "2024-05-30", "cooperationAgreement") in got
    added = TRIP.replace("  ◇ 5. 29.(수)", "    ○ 사카이미나토시와 「크루즈 관광 협력 협약」 체결\n  ◇ 5. 29.(수)")
    assert ("강원특별자치도", "사카이미나토시", "2024-05-28", "cooperationAgreement") in facts(
        build(document("a.txt", added)))
    plain = TRIP.replace("◇ 5. 28.(화)", "5월 28일 일정")
    assert ("강원특별자치도", "돗토리현", "2024-05-28", "mou") not in facts(build(document("p.txt", plain)))


def test_the_reports_date_and_its_purpose_date_nothing():
    text = """몽골 투브아이막 방문 결과보고

2024. 6. 20.
전라남도 국제협력관

  ○ 출장목적 : 투브아이막과 우호교류 협약 체결 및 교류사업 협의
  ○ 투브아이막 청사 방문, 협약 체결
"""
    assert facts(build(document("purpose.txt", text))) == set()


COUNCIL = """울산광역시 남구의회 공무국외출장 결과보고서

  ○ 출장기간 : 2024. 10. 21.(월) ~ 10. 26.(토)
  ○ 방 문 국 : 일본(아마가사키시), 중국(창춘시)
  ○ 남구와 아마가사키시는 1998년 5월 12일 자매결연을 체결한 이래 환경 정책을 공유
  ○ 차오양구와 우호교류 협약 체결(2024. 10. 25.)
"""


def test_a_district_named_with_its_city_and_an_institutions_ending_is_the_reports_own():
    assert facts(build(document("council.txt", COUNCIL))) == {("남구", "아마가사키시", "1998-05-12", "sister"),
                                                               ("남구", "차오양구", "2024-10-25", "friendship")}
    other = COUNCIL.replace("울산광역시 남구의회", "대구광역시 남구의회")
    result = build(document("c.txt", other))
    result.dataset.default_union = True
    parties = {str(r.p) for r in result.dataset.query(
        "SELECT DISTINCT ?p WHERE { ?a a <https://w3id.org/gyoryu/ontology#Agreement> ; "
        "<https://w3id.org/gyoryu/ontology#party> ?p }")}
    assert "https://w3id.org/gyoryu/id/region/kr-daegu-nam" in parties
    assert "https://w3id.org/gyoryu/id/region/kr-ulsan-nam" not in parties
