"""Prose of reports and news read with what the rest of the document says: a partner placed by a table row or a
known parent keeps that country when prose names it alone later; a line opening with a date in brackets is an
entry of its own; a place's office (``다라구청에서``) is where, not a party; parties listed before the subject sign
jointly with the partner after it; a lead naming its partner only in titles takes the headline's partner even when
the headline carries the newspaper's name. Names of foreign places are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file

_PARTY_IDS = """SELECT ?a (GROUP_CONCAT(DISTINCT STR(?p); separator="|") AS ?ps) (SAMPLE(?d) AS ?date) WHERE {
  ?a a gy:Agreement ; gy:party ?p ; gy:signedOn ?d ; gy:extractionMethod "automatic" } GROUP BY ?a"""


def party_ids(result) -> set[tuple[str, str, str]]:
    """``(id, id, date)`` of every automatic agreement (ids sorted: registry ids, minted ``cc-name``)."""
    from ontology.namespaces import GY

    result.dataset.default_union = True
    out = set()
    for row in result.dataset.query(_PARTY_IDS, initNs={"gy": GY}):
        a, b = sorted(p.rsplit("/", 1)[-1] for p in str(row.ps).split("|"))
        out.add((a, b, str(row.date)))
    return out


WORK_REPORT = """2024년 수성구 국제교류 업무보고
대구광역시 수성구 기획예산실 | 보고일 2024. 12. 20.
1. 교류 현황
수성구는 현재 4개국 4개 도시와 교류하고 있으며, 2024년에는 신규 협약 1건을 체결하였다.
구분 | 상대도시 | 국가 | 체결일 | 주요 교류
자매결연 | 오카베시 | 일본 | 2003. 4. 22. | 청소년 홈스테이
우호교류 | 라부안시 | 필리핀 | 2012. 3. 5. | 의료봉사
교류협력 MOU | 사르칸시 누르벡구 | 카자흐스탄 | 2024. 9. 12. | 동포 교류
2. 2024년 주요 실적
(9월 12일) 사르칸시 누르벡구청에서 수성구청장과 누르벡구청장이 교류협력 양해각서에 서명
(5월) 오카베시 시민교류단 40명 수성구 방문
(10월) 오카베시 자매결연 21주년 기념 사진전 개최
3. 2025년 계획
몽골 울란바타르시 바얀골구와 우호교류 의향서 체결 추진
4. 기타
라부안시와는 2012. 3. 5. 협약 이후 매년 의료봉사단을 파견하고 있으며, 2017년 4월 10일 라부안시와 교육협력 협약을 \
추가로 체결하였다.
"""
WORK_REPORT_IDS = {("jp-오카베시", "kr-daegu-suseong", "2003-04-22"), ("kr-daegu-suseong", "ph-라부안시", "2012-03-05"),
                   ("kr-daegu-suseong", "kz-누르벡구", "2024-09-12"), ("kr-daegu-suseong", "ph-라부안시", "2017-04-10")}


@pytest.mark.parametrize("name", ["report.txt", "report.docx"])
def test_a_partner_placed_by_a_table_row_keeps_its_country_in_later_prose(tmp_path: Path, name: str):
    if name.endswith(".docx"):
        blocks: list = []
        for line in WORK_REPORT.strip("\n").split("\n"):
            if " | " in line:
                if not blocks or isinstance(blocks[-1], str):
                    blocks.append([])
                blocks[-1].append(line.split(" | "))
            else:
                blocks.append(line)
        doc = from_file(docx_file(tmp_path / name, blocks))
    else:
        doc = document(name, WORK_REPORT)
    assert party_ids(build(doc)) == WORK_REPORT_IDS


def test_entries_opening_with_a_bracketed_date_are_read_one_by_one():
    # joined into one sentence, the visit's and the anniversary's partners took the signing of the line above
    text = WORK_REPORT.replace("(9월 12일) 사르칸시 누르벡구청에서", "(9월 12일) 사르칸시에서")
    got = party_ids(build(document("r.txt", text)))
    assert not any("오카베시" in a + b and date.startswith("2024") for a, b, date in got)
    assert not any("사르칸시" in a + b for a, b, _ in got)  # the city where it was signed is no party
    # a date changed in the row and the prose: the signing moves with it
    text = WORK_REPORT.replace("2017년 4월 10일", "2018년 6월 1일")
    assert ("kr-daegu-suseong", "ph-라부안시", "2018-06-01") in party_ids(build(document("r.txt", text)))


def test_a_row_added_in_another_country_does_not_move_an_earlier_partner():
    text = WORK_REPORT.replace("교류협력 MOU |", "우호교류 | 다르한시 | 몽골 | 2015. 5. 1. | 교육\n교류협력 MOU |")
    got = party_ids(build(document("r.txt", text)))
    assert ("kr-daegu-suseong", "ph-라부안시", "2017-04-10") in got
    assert ("kr-daegu-suseong", "mn-다르한시", "2015-05-01") in got


PARENT_ROWS = """양평군 국제교류 현황 보고
2025. 2. 21.
국가 | 도시 | 구분 | 체결일
일본 | 니가타현 하루미시 | 우호교류 | 2016. 10. 11.
호주 | 퀸즐랜드주 누리카운티 | 교류협력 MOU | 2022. 11. 29.
※ 하루미시와는 2021. 10. 11. 우호교류 협약을 갱신하였음
"""


def test_a_new_place_after_a_known_parent_takes_the_parents_country():
    # 니가타현 (registry, Japan) places 하루미시 though the row before the note names Australia
    got = party_ids(build(document("p.txt", PARENT_ROWS)))
    assert ("jp-하루미시", "kr-gyeonggi-yangpyeong", "2021-10-11") in got
    assert not any(a.startswith("au-하루미") or b.startswith("au-하루미") for a, b, _ in got)


JOINT = """철원군, 몽골 바롱아이막과 접경지역 협력 확대
입력 2025.06.16 14:32

철원군은 지난 14일 바롱아이막 청사에서 협력 사업 설명회를 열었다고 16일 밝혔다.
앞서 2019년에는 철원군과 연천군, 화천군이 공동으로 몽골 바롱아이막과 접경지역 협력 협약을 맺은 바 있다.
"""


def test_parties_listed_before_the_subject_sign_jointly_with_the_partner_after_it():
    assert facts(build(document("joint.txt", JOINT))) == {
        ("바롱아이막", county, "2019", "cooperationAgreement") for county in ("철원군", "연천군", "화천군")}
    # a Korean pair with no partner after it is one signing of the pair
    pair = JOINT.replace("철원군과 연천군, 화천군이 공동으로 몽골 바롱아이막과 접경지역 협력 협약을",
                         "철원군과 연천군은 접경지역 협력 협약을")
    assert facts(build(document("pair.txt", pair))) == {("연천군", "철원군", "2019", "cooperationAgreement")}


HEADLINE = """강진군, 인도 바르마푸르시와 자매결연 | 남도일보
남도일보 | 로그인 | 2023년 7월 12일 수요일
강진군, 인도 바르마푸르시와 자매결연
박하늘 기자 | 승인 2023.07.12 16:40
강진군은 11일 군청 소회의실에서 강진군수와 라지브 바르마푸르시장이 자매결연 협정서에 서명했다고 12일 밝혔다.
두 도시는 2000년 3월 우호도시 협약을 맺은 뒤 23년 만에 관계를 자매도시로 격상했다.
"""


def test_a_lead_takes_the_partner_of_a_headline_carrying_the_newspapers_name():
    assert facts(build(document("h.txt", HEADLINE))) == {("강진군", "바르마푸르시", "2023-07-11", "sister"),
                                                       ("강진군", "바르마푸르시", "2000-03", "friendship")}
    # a headline of a visit gives the lead no partner
    visit = HEADLINE.replace("바르마푸르시와 자매결연 |", "바르마푸르시 방문 |").replace(
        "바르마푸르시와 자매결연\n", "바르마푸르시 방문\n")
    assert ("강진군", "바르마푸르시", "2023-07-11", "sister") not in facts(build(document("v.txt", visit)))


TRIP = """경상북도 대표단 일본 시마네현 방문 결과보고
2024. 6. 3.
국제통상과

Ⅰ. 출장 개요
 ○ 출장목적 : 자매결연 35주년 기념 및 우호교류 확대 협의
 ○ 출장기간 : 2024. 5. 27.(월) ~ 5. 30.(목)

Ⅱ. 주요 일정
◇ 5. 27.(월)
 ○ 시마네현청 방문, 지사 예방
   - 도와 시마네현은 1989년 10월 자매결연을 맺은 이래 청소년 교류를 이어 옴
 ○ 자매결연 35주년 기념식 참석
◇ 5. 28.(화)
 ○ 마쓰에시 방문, 시장 면담
   - 마쓰에시와 포항시 간 우호교류 협약 체결 방안 협의
   - 내년 상반기 협약 체결을 목표로 실무 협의 진행 예정
◇ 5. 29.(수)
 ○ 돗토리현과 관광 분야 업무협약 체결
 ○ 공동선언문 채택 : 환동해 지방정부 협력 선언
◇ 5. 30.(목)
 ○ 귀국

Ⅲ. 성과 및 향후 계획
 ○ 돗토리현과 관광협력 업무협약 체결로 교류 분야 확대
 ○ 시마네현과 자매결연 갱신 협정 체결 추진(2025년 목표)
"""
TRIP_FACTS = {("경상북도", "돗토리현", "2024-05-29", "cooperationAgreement"),
              ("경상북도", "시마네현", "1989-10", "sister")}


def test_a_trip_reports_discussions_and_results_sign_nothing_on_the_schedules_days():
    assert facts(build(document("trip.txt", TRIP))) == TRIP_FACTS
    # the signing moved to another day of the schedule: its day moves with it, the results section stays undated
    moved = TRIP.replace(" ○ 돗토리현과 관광 분야 업무협약 체결\n", "").replace(
        " ○ 귀국\n", " ○ 돗토리현과 관광 분야 업무협약 체결\n ○ 귀국\n")
    assert facts(build(document("moved.txt", moved))) == {
        ("경상북도", "돗토리현", "2024-05-30", "cooperationAgreement"), ("경상북도", "시마네현", "1989-10", "sister")}
    # other ways of saying that a signing was only discussed
    for said in ("체결 여부 검토", "체결 가능성 논의", "체결 일정 협의"):
        text = TRIP.replace("체결 방안 협의", said)
        assert facts(build(document("t.txt", text))) == TRIP_FACTS, said


NEWS = """영천시, 중국 허난성 정저우시 대표단 맞아…교류 확대 논의
입력 2024.05.14 10:20 | 경북일보 김가람 기자

경북 영천시는 중국 허난성 정저우시 대표단이 13일 시청을 방문해 교류 확대 방안을 논의했다고 14일 밝혔다.
두 도시는 2016년 7월 우호교류 협약을 체결한 이후 공무원 상호 파견과 청소년 교류를 이어오고 있다.
이번 방문은 지난해 11월 체결한 경제협력 양해각서의 후속 조치로, 양측은 농산물 수출 확대 방안을 협의했다.
대표단은 14일 영천 한약축제장을 둘러본 뒤 15일 포항으로 이동해 포항시와 우호도시 협약 체결을 위한 실무 협의를 한다.
시는 오는 9월 정저우시와 자매결연으로 관계를 격상하는 협약을 체결할 계획이다.
최 시장은 "정저우시와 협약을 맺은 지 8년 만에 자매도시로 발전하게 될 것"이라며 기대감을 나타냈다.
한편 시는 2019년 일본 기후현 다카야마시와 맺은 우호교류 협약이 올해 만료됨에 따라 협약 연장을 협의 중이다.
"""


def test_a_visits_news_restates_the_pairs_signings_with_the_visiting_city_not_its_province():
    """The pair of 두 도시는 is the visiting city a city's document names, not its province; the signing a plan's
    clause restates (``… 다라시와 맺은 협약이 만료됨에 따라 연장을 협의 중``) is a signing."""
    assert facts(build(document("news.txt", NEWS))) == {("영천시", "정저우시", "2016-07", "friendship"),
                                                      ("영천시", "정저우시", "2023-11", "mou"),
                                                      ("다카야마시", "영천시", "2019", "friendship")}
    # the article a year later: 지난해 is the year before the new date
    later = NEWS.replace("입력 2024.05.14", "입력 2025.05.14")
    assert ("영천시", "정저우시", "2024-11", "mou") in facts(build(document("later.txt", later)))


PROVINCE_VISIT = """경기도지사, 中 장쑤성 방문…경제협력 MOU
입력 2023.07.05 15:20 | 경기일보 박다라 기자

경기도지사는 4일 중국 장쑤성 난징시를 방문해 장쑤성장과 면담했다.
양측은 이 자리에서 경제·통상 협력 양해각서(MOU)를 체결했다.
도지사는 이어 장쑤성 쑤저우시에서 열린 한중 기업 교류회에 참석했다.
두 지역은 2003년 10월 우호교류 협약을 맺었다.
"""


def test_a_provinces_pair_is_the_province_not_the_cities_where_its_governor_went():
    assert facts(build(document("visit.txt", PROVINCE_VISIT))) == {("경기도", "장쑤성", "2003-10", "friendship"),
                                                                  ("경기도", "장쑤성", "2023-07-04", "mou")}


CITY_VISIT = """통영시 대표단, 日 다마노시 방문…자매결연 30주년 기념
2024.11.20 경남신문

통영시 대표단이 자매도시인 일본 오카야마현 다마노시를 방문해 자매결연 30주년 기념식에 참석했다고 20일 밝혔다.
두 도시는 1994년 11월 18일 자매결연을 체결했다.
대표단은 18일 다마노시청에서 열린 기념식에서 양 도시 간 교류 협력을 다짐하는 공동선언문에 서명했다.
이어 19일에는 인근 구라시키시를 찾아 우호교류 협약 체결을 제안했다.
구라시키시와는 내년 상반기 중 협약을 체결하게 될 것으로 보인다.
또 지난달에는 미국 워싱턴주 애버딘시와 우호교류 협약을 맺기로 합의했다.
시는 호주 질롱시와 2011년 체결된 자매결연 협정에 따라 매년 청소년을 파견하고 있다.
"""


def test_the_city_a_delegation_visited_is_the_pair_and_what_is_still_to_come_is_a_plan():
    assert facts(build(document("city.txt", CITY_VISIT))) == {("다마노시", "통영시", "1994-11-18", "sister"),
                                                             ("질롱시", "통영시", "2011", "sister")}
    plans = facts(build(document("city.txt", CITY_VISIT)), "AgreementIntent")
    assert {(a, b, d) for a, b, d, _ in plans} >= {("구라시키시", "통영시", "2025"), ("애버딘시", "통영시", "2024-10")}
    # a signing dated after the article's own date is a plan however it is worded
    later = CITY_VISIT.replace("내년 상반기 중 협약을 체결하게 될 것으로 보인다", "내년 3월 우호교류 협약을 체결했다")
    assert ("구라시키시", "통영시", "2025-03", "friendship") not in facts(build(document("l.txt", later)))


UNTITLED_TRIP = """공무국외출장 결과보고서

1. 출장 개요
 ○ 기  간 : 2024. 8. 19.(월) ~ 8. 23.(금)
 ○ 방문지 : 베트남 하노이시, 떠이장성, 하이롱성 찌반시
 ○ 출장자 : 홍길동 양평군수(단장), 김가람 양평군의회 부의장

2. 주요 일정 및 활동
 ◇ 8. 20.(화)
   - 떠이장성 인민위원회 방문, 부위원장 면담
   - 양평군-떠이장성 우호교류 협약 체결(떠이장성 인민위원회 청사)
 ◇ 8. 21.(수)
   - 찌반시와 자매결연 협약서 서명, 기념 식수
   - 같은 날 찌반시 관광공사와 관광 교류 업무협약 체결

3. 결과
 ○ 하이롱성과는 기존 협약(2019. 11. 5. 체결)에 따른 계절근로자 도입 확대에 구두 합의함.

2024. 8. 26.
양평군 국제협력팀
"""


def test_a_trip_report_titled_without_its_region_is_about_the_region_it_names_most():
    # the report's date is under it (so 8. 20. is of 2024); 떠이장성 is placed by the list after 베트남
    assert party_ids(build(document("trip.txt", UNTITLED_TRIP))) == {
        ("kr-gyeonggi-yangpyeong", "vn-떠이장성", "2024-08-20"), ("kr-gyeonggi-yangpyeong", "vn-찌반시", "2024-08-21"),
        ("kr-gyeonggi-yangpyeong", "vn-하이롱성", "2019-11-05")}
    # another county named as often: no region is the report's, so no signing is guessed for it
    tied = UNTITLED_TRIP.replace("양평군 국제", "가평군 국제").replace("김가람 양평군의회", "김가람 가평군의회")
    assert not any(a.endswith("yangpyeong") and d == "2024-08-21" for a, _, d in party_ids(build(document("t", tied))))


def test_a_newspaper_named_after_a_province_is_not_the_articles_region():
    text = """[스크랩] 강원일보 2023년 9월 15일(금) 제12면
춘천시, 베트남 후에시와 우호도시 협약

춘천시는 2010년 5월 중국 후난성 창사시와 우호도시 협약을 맺었다.
"""
    assert facts(build(document("scrap.txt", text))) == {("창사시", "춘천시", "2010-05", "friendship")}


WHITE_PAPER = """2024 영주시정 백서

2. 자매·우호도시별 교류 현황

  가. 일본 시마네현 하마다나시(浜田名市)
    양 시는 1999年 10月 13日 하마다나시청에서 자매결연 협정서에 서명하였으며(협정서 원문 표기), 20주년인
    2019. 10. 13. 협정을 재체결하였다.

  나. 중국 장쑤성 다이저우시(泰州市)
    '18.09.12 우호도시 협약을 체결하였다. 공무원 교류를 2024년 재개하였다.

  다. 중국 광둥성 포하이시
    2015. 11. 교류의향서를 교환한 이후 실무 교류를 이어왔으나 아직 정식 협약은 체결하지 않았다.
"""


def test_a_sections_heading_names_the_partner_of_the_signings_in_its_text():
    assert party_ids(build(document("white.txt", WHITE_PAPER))) == {
        ("jp-하마다나시", "kr-gyeongbuk-yeongju", "1999-10-13"),
        ("jp-하마다나시", "kr-gyeongbuk-yeongju", "2019-10-13"),
        ("cn-다이저우시", "kr-gyeongbuk-yeongju", "2018-09-12"),
        ("cn-포하이시", "kr-gyeongbuk-yeongju", "2015-11")}  # a letter of intent exchanged (decision 0081)
    # a heading with the partner's parent in brackets names no one partner of its own
    bracketed = WHITE_PAPER.replace("나. 중국 장쑤성 다이저우시(泰州市)", "나. 다이저우시 (중국 장쑤성)")
    assert not any(d == "2018-09-12" and not a.startswith("cn-다이저우")
                   for a, _, d in party_ids(build(document("b.txt", bracketed))))


def test_a_schedule_day_naming_its_place_dates_the_signing_below_it():
    text = """가평군의회 공무국외출장 결과보고서
보고일 2024. 4. 19. | 가평군의회 의정담당관
Ⅱ. 일정별 주요 활동
◇ 4. 9.(화) 독일 헤센주 바르텐시 방문
- 가평군-바르텐시 우호교류 협약 체결(부군수 서명, 의장 참관)
◇ 4. 10.(수) 네덜란드 에르덴시 방문
- 에르덴시 부시장 면담, 교류협력 의향서(LOI) 서명
Ⅲ. 성과
○ 에르덴시와의 의향서는 정식 협약 전 단계로, 2024. 10. 중 우호협력 협약 체결을 추진한다.
"""
    assert party_ids(build(document("trip.txt", text))) == {("de-바르텐시", "kr-gyeonggi-gapyeong", "2024-04-09"),
                                                           ("kr-gyeonggi-gapyeong", "nl-에르덴시", "2024-04-10")}
    # without its weekday a day line with words after it is no schedule heading
    plain = text.replace("◇ 4. 10.(수) 네덜란드", "◇ 4. 10. 네덜란드")
    assert ("kr-gyeonggi-gapyeong", "nl-에르덴시", "2024-04-10") not in party_ids(build(document("p.txt", plain)))
