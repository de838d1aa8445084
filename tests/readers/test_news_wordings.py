"""Wordings of Korean press releases and news pages that date a signing against the dateline and name its parties
indirectly: a province "too" (``전라남도도``), a delegation acting for its place (``가나시 방문단은``), a place
visited and signed with (``다라시를 찾아 … 협약을 체결했다``), a bare day before the dateline's (``이에 앞서 29일``
after ``지난달 31일`` in an article of 3 June: 29 May), the day after the event (``이튿날``), a body of a place in
brackets (``(가나시 인민정부 입회)``: no party), and an earlier signing recalled in a relative clause inside a quote
about the partner
(``"가나시는 2004년 자매결연을 맺은 러시아 사아시에 이어 …"``: the document's own region signed it). Names of
foreign places are invented; Korean parties come from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page, paragraphs
from tests.readers.helpers import build, document, facts
from tests.readers.test_report_prose import party_ids

NEWS = """안산시, 일본 다라시와 자매결연…경기도는 사가현과 우호협약
기자명 홍길동 | 입력 2024.06.03 09:41
경기 안산시는 지난달 31일 일본 나가노현 다라시 시청에서 다라시와 자매결연 협약을 체결했다고 3일 밝혔다.
같은 날 경기도도 사가현 의회에서 일본 사가현과 우호교류 협약을 맺었다.
안산시 방문단은 이에 앞서 29일 일본 마바시를 찾아 청소년 교류 협약을 체결했다. \
안산시와 마바시는 1982년 10월 자매결연을 맺어 교류를 이어오고 있다.
방문단은 또 일본 항공사 가나항공과 전세기 운항 업무협약(MOU)을 체결했다.
시장은 "다라시는 2004년 자매결연을 맺은 러시아 사아시에 이어 다섯 번째 자매도시"라며 "교류를 넓히겠다"고 말했다.
안산시는 올해 하반기 중국 타라시와 우호도시 협약을 체결할 계획이다.
홍길동 기자 hong@example.kr
"""
NEWS_FACTS = {("jp-다라시", "kr-gyeonggi-ansan", "2024-05-31"), ("jp-사가현", "kr-gyeonggi", "2024-05-31"),
              ("jp-마바시", "kr-gyeonggi-ansan", "2024-05-29"), ("jp-마바시", "kr-gyeonggi-ansan", "1982-10"),
              ("kr-gyeonggi-ansan", "ru-사아시", "2004")}


def _news_file(tmp_path: Path, name: str, text: str):
    stem, kind = name.split(".")
    return page(tmp_path, kind, paragraphs(text), name=stem, title=f"{paragraphs(text)[0]} | 가나신문")


@pytest.mark.parametrize("name", ["news.txt", "news.html"])
def test_a_news_article_dates_its_signings_against_the_dateline(tmp_path: Path, name: str):
    # no airline MOU, no plan, no quote's foreign pair, no 경기도–안산시 or 경기도–다라시 pair from 경기도도
    assert party_ids(build(_news_file(tmp_path, name, NEWS))) == NEWS_FACTS


def test_the_dates_move_with_the_dateline_and_the_wording():
    # a dateline in July: 지난달 30일 is 30 June, and the visit's bare 29일 (after the 10th) is 29 June
    text = NEWS.replace("2024.06.03", "2024.07.10").replace("지난달 31일", "지난달 30일")
    text = text.replace("3일 밝혔다", "10일 밝혔다")
    got = party_ids(build(document("n.txt", text)))
    assert ("jp-다라시", "kr-gyeonggi-ansan", "2024-06-30") in got
    assert ("jp-마바시", "kr-gyeonggi-ansan", "2024-06-29") in got
    # a bare day before the dateline's is of its own month
    text = NEWS.replace("이에 앞서 29일", "이에 앞서 2일")
    assert ("jp-마바시", "kr-gyeonggi-ansan", "2024-06-02") in party_ids(build(document("n.txt", text)))
    # a plan's bare day later than the dateline's stays ahead: no signing at all
    text = NEWS.replace("이에 앞서 29일 일본 마바시를 찾아 청소년 교류 협약을 체결했다",
                        "오는 29일 일본 마바시를 찾아 청소년 교류 협약을 체결할 예정이다")
    assert not any(f[2].startswith("2024-0") and "jp-마바시" in f for f in party_ids(build(document("n.txt", text))))


def test_a_place_visited_is_a_partner_only_when_the_clause_signs():
    text = NEWS.replace("청소년 교류 협약을 체결했다.", "청소년 교류 현장을 둘러봤다.")
    got = party_ids(build(document("n.txt", text)))
    assert not any(f[2] == "2024-05-29" for f in got)
    assert ("jp-마바시", "kr-gyeonggi-ansan", "1982-10") in got


def test_the_day_after_the_event():
    text = """충청북도, 헤이룽장성과 우호협약 재체결
입력 2024.04.22 11:08 홍길동 기자
충청북도는 지난 18일 중국 헤이룽장성과 우호교류 협약을 재체결했다고 22일 밝혔다.
증평군 방문단은 이튿날 중국 가나시를 찾아 우호교류 의향서에 서명했다.
같은 날 제천시는 헤이룽장성 다라시와 자매결연 협약을 맺었다.
"""
    got = party_ids(build(document("n.txt", text)))
    assert got == {("cn-heilongjiang", "kr-chungbuk", "2024-04-18"), ("cn-가나시", "kr-chungbuk-jeungpyeong",
                                                                    "2024-04-19"),
                   ("cn-다라시", "kr-chungbuk-jecheon", "2024-04-18")}
    text = text.replace("이튿날", "다음 날").replace("지난 18일", "지난 19일")
    assert ("cn-가나시", "kr-chungbuk-jeungpyeong", "2024-04-20") in party_ids(build(document("n.txt", text)))


def test_a_foreign_delegation_is_no_subject_carried_to_the_next_sentence():
    text = """옥천군, 베트남 가나성과 우호협약
2024.09.03 가나일보
군은 지난달 22일 가나성 인민위원회 청사에서 가나성과 우호교류 협약을 맺었다고 3일 밝혔다.
이번 협약은 올해 3월 가나성 대표단이 옥천을 찾아 교류의향서를 전달한 지 5개월 만에 성사됐다.
다라시와는 2013년 10월 우호교류 협약을 한 차례 갱신했다.
"""
    got = party_ids(build(document("n.txt", text.replace("다라시와는", "중국 다라시와는"))))
    assert ("cn-다라시", "kr-chungbuk-okcheon", "2013-10") in got
    assert not any("vn-가나성" in f and "cn-다라시" in f for f in got)


PROVINCE_NEWS = """전북자치도, 장쑤성과 우호 30년
2024.10.30
전북특별자치도는 지난 27일 중국 장쑤성 난징에서 '교류협력 강화 협약'을 맺었다.
전북도와 장쑤성은 1994년 10월 27일 자매결연을 체결한 이래 30년간 우정을 쌓아왔다.
이날 두 지역은 '자매결연 30주년 공동선언문'에 서명했다.
한편 충남도도 지난 25일 장쑤성과 청소년 교류 협약을 맺었다.
"""


def test_a_declaration_is_no_agreement_and_a_short_province_too_is_a_subject():
    got = party_ids(build(document("n.txt", PROVINCE_NEWS)))
    assert got == {("cn-jiangsu", "kr-jeonbuk", "2024-10-27"), ("cn-jiangsu", "kr-jeonbuk", "1994-10-27"),
                   ("cn-jiangsu", "kr-chungnam", "2024-10-25")}
    # the declaration names an agreement's paper beside it: then it is one
    text = PROVINCE_NEWS.replace("'자매결연 30주년 공동선언문'에 서명했다",
                                 "공동선언문과 함께 경제협력 협약서에 서명했다")
    assert ("cn-jiangsu", "kr-jeonbuk", "2024-10-27") in party_ids(build(document("n.txt", text)))
    # a building named after the partner is where it happened, the partner still signs
    text = PROVINCE_NEWS.replace("중국 장쑤성 난징에서", "중국 장쑤성 인민정부 청사에서 장쑤성과")
    assert ("cn-jiangsu", "kr-jeonbuk", "2024-10-27") in party_ids(build(document("n.txt", text)))


ANNUAL_REPORT = """2024 울산광역시 중구 구정백서
1. 현황
① 중국 랴오닝성 안산시(鞍山市)
 - '16.07.07 우호도시 협약 체결
② 중국 톈진시 허핑구(和平区)
 - 2013-5-9 자매결연 체결(톈진시 인민정부 외사판공실 입회)
③ 일본 후쿠오카현 야메시(八女市)
 - 2011.03.15 우호교류 협정 체결, 2021.03.15 재체결
 - 2024. 5. 녹차 축제 참가
"""


def test_an_annual_reports_items_under_their_partner_headings():
    got = party_ids(build(document("r.md", ANNUAL_REPORT)))
    # a foreign namesake of a Korean city is minted in its country; a body of the parent in brackets is no party;
    # a sub-item with two dates each signed gives both
    assert got == {("cn-안산시", "kr-ulsan-jung", "2016-07-07"), ("cn-허핑구", "kr-ulsan-jung", "2013-05-09"),
                   ("jp-야메시", "kr-ulsan-jung", "2011-03-15"), ("jp-야메시", "kr-ulsan-jung", "2021-03-15")}
    # a second date that is a visit, not a signing, gives no second signing
    text = ANNUAL_REPORT.replace("2021.03.15 재체결", "2021.03.15 대표단 방문")
    got = party_ids(build(document("r.md", text)))
    assert {f for f in got if "jp-야메시" in f} == {("jp-야메시", "kr-ulsan-jung", "2011-03-15")}


TRIP_REPORT = """원주시 중앙아시아 국외출장 결과보고
원주시 국제교류과 | 보고일 2024. 11. 18.
1. 출장 개요
기간: 2024. 11. 11.(월) ~ 11. 15.(금), 4박 5일 / 방문지: 우즈베키스탄 타슈켄트주·사마르칸트시
목적: 치르치크시와 우호교류 협약 체결, 기존 자매도시 교류 점검
2. 일정별 활동
◇ 11. 12.(화) 우즈베키스탄 치르치크시 방문
  - 원주시-치르치크시 우호교류 협약 체결
◇ 11. 13.(수) 우즈베키스탄 사마르칸트시 방문
  - 자매결연 7주년 기념 문화교류 공연 관람
  - 자매결연 협약 부속 합의서(청소년 교류) 서명
3. 성과
지난 12일 치르치크시와의 협약으로 원주시의 해외 자매·우호도시는 5곳이 되었다.
"""


@pytest.mark.parametrize("name", ["trip.txt", "trip.docx"])
def test_a_trip_reports_fields_are_no_signings_and_a_days_place_is_its_partner(tmp_path: Path, name: str):
    got = party_ids(build(_news_file(tmp_path, name, TRIP_REPORT)))
    assert got == {("kr-gangwon-wonju", "uz-치르치크시", "2024-11-12"), ("kr-gangwon-wonju", "uz-사마르칸트시",
                                                                          "2024-11-13")}
    # the day's place changed: the partner moves with it; a day naming two places gives no partner
    day = "◇ 11. 13.(수) 우즈베키스탄 사마르칸트시 방문"
    text = TRIP_REPORT.replace(day, "◇ 11. 13.(수) 우즈베키스탄 부하라시 방문")
    assert ("kr-gangwon-wonju", "uz-부하라시", "2024-11-13") in party_ids(build(document(name, text)))
    text = TRIP_REPORT.replace(day, "◇ 11. 13.(수) 우즈베키스탄 부하라시와 히바시를 방문")
    assert not any(f[2] == "2024-11-13" for f in party_ids(build(document(name, text))))


RESULTS = """공무국외출장 결과보고서 (일본 규슈 자매・우호도시 방문)
공주시 자치행정과 국제교류팀 | 보고일 2025. 10. 30.
1. 출장 개요
가. 방문지: 일본 사가현 가나시, 구마모토현 다라시
나. 출장자: 공주시장, 국제교류팀장 (2명)
2. 주요 성과
가. 가나시 자매결연 재체결(10. 21.)
- 2005. 10. 21. 결연 이후 2015년 갱신에 이어 두 번째 재체결
나. 다라시 우호교류 협약 신규 체결(10. 22.)
다. 마바시 교류 기반 마련(10. 23.)
- 교류의향서를 전달하고 2026년 상반기 우호교류 협약 체결을 추진하기로 함
"""


def test_a_reports_results_dated_by_month_and_day_in_brackets():
    got = party_ids(build(document("r.txt", RESULTS)))
    assert got == {("jp-가나시", "kr-chungnam-gongju", "2025-10-21"), ("jp-가나시", "kr-chungnam-gongju", "2005-10-21"),
                   ("jp-가나시", "kr-chungnam-gongju", "2015"), ("jp-다라시", "kr-chungnam-gongju", "2025-10-22")}
    # the sub-item's renewal moved: the signing moves with it
    text = RESULTS.replace("2015년 갱신", "2016년 갱신")
    assert ("jp-가나시", "kr-chungnam-gongju", "2016") in party_ids(build(document("r.txt", text)))
    text = RESULTS.replace("신규 체결(10. 22.)", "신규 체결(10. 24.)")
    assert ("jp-다라시", "kr-chungnam-gongju", "2025-10-24") in party_ids(build(document("r.txt", text)))


PRESS = """충북도, 몽골 가나아이막과 우호교류 협약 체결
담당부서 | 국제통상과 | 등록일 | 2025-07-08
충청북도는 몽골을 방문 중인 도 대표단이 7일(현지 시각) 가나아이막 청사에서 가나아이막과 우호교류 협약을 \
체결했다고 8일 밝혔다.
같은 자리에서 제천시와 단양군은 다라아이막과 3자 공동 우호교류 협약을 맺었다.
제천시 대표단은 이튿날인 8일 몽골 마바시청을 찾아 청소년 교류 협약에 서명했다.
- 이전글 : 충북도, 베트남 사아성과 교육협력 양해각서 체결 (2025-06-27)
"""


def test_a_press_release_the_same_occasion_a_city_hall_visited_and_board_links():
    got = party_ids(build(document("p.txt", PRESS)))
    assert got == {("kr-chungbuk", "mn-가나아이막", "2025-07-07"),
                   ("kr-chungbuk-jecheon", "mn-다라아이막", "2025-07-07"),
                   ("kr-chungbuk-danyang", "mn-다라아이막", "2025-07-07"),
                   ("kr-chungbuk-jecheon", "mn-마바시", "2025-07-08")}
    text = PRESS.replace("마바시청을 찾아", "마바시청에서 열린 행사에서")  # an office named as where: no partner
    assert not any("mn-마바시" in f for f in party_ids(build(document("p.txt", text))))


CARDS_NOTE = """남원시 국제자매·우호도시 현황
남원시 관광과 국제교류팀 | 2025. 9. 1. 기준
도시명 | 일본 고치현 가나시
협약 | 자매결연 1993. 3. 2.
※ 전라북도(현 전북특별자치도)와 일본 고치현은 2005. 4. 1. 자매결연을 맺음
남원시 국제교류팀장 홍길동 / 담당 주무관 김가람 (063-000-0000)
"""


def test_a_reference_date_is_the_documents_date_and_a_reports_note_ends_without_a_full_stop():
    got = facts(build(document("c.txt", CARDS_NOTE)))
    assert ("고치현", "전북특별자치도", "2005-04-01", "sister") in got  # a signing, not a plan after the card's date
    assert not any("남원시" in f and "고치현" in f for f in got)  # the contact line below is no part of the note
    # a reference date before the note's date: the note's signing is ahead of the document, a plan
    text = CARDS_NOTE.replace("2025. 9. 1. 기준", "2004. 9. 1. 기준")
    assert not any("고치현" in f for f in facts(build(document("c.txt", text))))
    assert any("고치현" in f for f in facts(build(document("c.txt", text)), "AgreementIntent"))


OCR_REPORT = """2 0 2 4 삼 척 시 정 백 서   (스캔 변환본)
1 . 교 류 도 시 현 황
  가 . 일본 니가타현 가나시(加那市)
     1997. 10. 3. 자 매 결 연 협정을 체결 하였으며(결연 당시 가나시장 서명),
     2 0 1 7 . 1 0 . 결연 2 0 주 년을 맺아 협정 을 재 체결하였다.
  나 . 베트남 다라성
     다라성과는 2 0 1 9 . 4 . 2 6 . 다라성 인민위원회 청사에서 우호교 류 협약을 체결하였다.
"""


def test_an_ocr_report_with_spaced_digits_in_its_dates():
    got = party_ids(build(document("o.txt", OCR_REPORT)))
    assert got == {("jp-가나시", "kr-gangwon-samcheok", "1997-10-03"), ("jp-가나시", "kr-gangwon-samcheok", "2017-10"),
                   ("kr-gangwon-samcheok", "vn-다라성", "2019-04-26")}
    text = OCR_REPORT.replace("2 0 1 9 . 4 . 2 6 .", "2 0 2 0 . 5 . 1 .")
    assert ("kr-gangwon-samcheok", "vn-다라성", "2020-05-01") in party_ids(build(document("o.txt", text)))
