"""Sentences that must not mint a party: a person named right after a post title whose given name ends like a
place (``부시장 홍재현``: 현 is also a prefecture's suffix, ``국장 김성군``), in news text, a saved news page and a
trip report; the signing itself is still read with the right parties. Names of foreign places are invented;
Korean parties come from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document
from tests.readers.test_news_wordings import _news_file
from tests.readers.test_report_prose import party_ids

NEWS = """김천시, 베트남 다라시와 우호도시 협약
기사입력 2025.08.29 오후 3:12 | 홍길동 기자
김천시는 지난 27일 시청에서 베트남 다라시와 우호도시 협약을 체결했다고 29일 밝혔다.
김천시는 오는 11월 일본 마바시와 자매결연을 맺을 예정이다.
마바시와는 지난 3월 김천시 부시장 최재현이 현지를 방문해 교류의향서에 서명한 바 있다.
홍길동 기자 hong@example.kr
"""
FACTS = {("kr-gyeongbuk-gimcheon", "vn-다라시", "2025-08-27"), ("jp-마바시", "kr-gyeongbuk-gimcheon", "2025-03")}


@pytest.mark.parametrize("name", ["news.txt", "news.html"])
def test_a_person_after_a_post_is_no_place(tmp_path: Path, name: str):
    assert party_ids(build(_news_file(tmp_path, name, NEWS))) == FACTS


@pytest.mark.parametrize("post, person", [("부시장", "최재현"), ("국제협력과장", "박성군"), ("김천시장", "이동현"),
                                          ("행정국장", "정지현")])
def test_other_posts_and_names(post: str, person: str):
    text = NEWS.replace("김천시 부시장 최재현이", f"{post} {person}이")
    got = party_ids(build(document("n.txt", text)))
    assert got == FACTS
    assert not any(person in p for f in got for p in f)


def test_a_prefecture_after_a_post_word_that_is_no_title_is_still_a_party():
    # 방문단 is no post: 일본 사가현 after it is the partner, and the pair is read
    text = NEWS.replace("마바시와는 지난 3월 김천시 부시장 최재현이 현지를 방문해 교류의향서에 서명한 바 있다.",
                        "김천시 방문단은 지난 3월 일본 사가현과 교류의향서에 서명했다.")
    got = party_ids(build(document("n.txt", text)))
    assert ("jp-사가현", "kr-gyeongbuk-gimcheon", "2025-03") in got


TRIP = """공무국외출장 결과보고
김천시 국제협력과 | 보고일 2025. 6. 20.
1. 출장 기간: 2025. 6. 9. ~ 6. 13. / 방문국: 일본
2. 출장 결과
가. 일본 마바시와 우호교류 협약 체결(6. 10.): 김천시 부시장 최재현과 마바시 부시장이 서명
나. 다라시 방문(6. 12.): 행정국장 정승현이 다라시 관계자와 면담
"""


def test_a_trip_report_signer_named_after_a_post_is_no_party():
    got = party_ids(build(document("trip.txt", TRIP)))
    assert got == {("jp-마바시", "kr-gyeongbuk-gimcheon", "2025-06-10")}


FORUM = """가나도, 섬 지역 2곳과 잇따라 협약
입력 2024.10.21 14:32 | 홍길동 기자
제주특별자치도는 지난 18일 컨벤션센터에서 열린 '2024 세계 섬 관광 포럼'에서 인도네시아 다라주와 우호교류 협약을, \
필리핀 마바주와 관광교류 양해각서(MOU)를 각각 체결했다고 21일 밝혔다.
"""


@pytest.mark.parametrize("quote", ["'", "‘", "「", "<"])
def test_a_year_that_opens_an_event_name_is_no_signing_date(tmp_path: Path, quote: str):
    close = {"'": "'", "‘": "’", "「": "」", "<": ">"}[quote]
    text = FORUM.replace("'2024 세계 섬 관광 포럼'", f"{quote}2024 세계 섬 관광 포럼{close}")
    assert party_ids(build(document("n.txt", text))) == {("id-다라주", "kr-jeju", "2024-10-18"),
                                                         ("kr-jeju", "ph-마바주", "2024-10-18")}


def test_a_bare_year_in_brackets_after_a_partner_is_still_its_date():
    text = FORUM.replace("지난 18일 컨벤션센터에서 열린 '2024 세계 섬 관광 포럼'에서 ", "").replace(
        "필리핀 마바주와", "필리핀 마바주(2019)와").replace("각각 체결했다고", "체결했다고")
    assert ("kr-jeju", "ph-마바주", "2019") in party_ids(build(document("n.txt", text)))


VISITS = """국외출장 결과보고서
이천시 문화관광과 | 보고일 2025. 6. 20.
○ 방문국: 이탈리아(다라), 프랑스(마바)
Ⅲ. 주요 성과
1. 다라시와 자매결연 협정 체결(2025. 6. 10.): 엄가온 이천시장 서명
2. 마바시와 우호교류 협약 체결(2025. 6. 12.): 엄가온 이천시장 서명
Ⅴ. 참고
○ 이천시–미국 사라시 자매결연 협정은 창의도시 교류의 첫 사례임
"""


@pytest.mark.parametrize("name", ["trip.txt", "trip.docx"])
def test_places_in_brackets_after_their_country_keep_it(tmp_path: Path, name: str):
    from tests.readers.helpers import docx_file, from_file

    doc = document(name, VISITS) if name.endswith(".txt") else from_file(docx_file(
        tmp_path / name, VISITS.strip("\n").split("\n")))
    got = party_ids(build(doc))
    assert got == {("it-다라시", "kr-gyeonggi-icheon", "2025-06-10"), ("fr-마바시", "kr-gyeonggi-icheon", "2025-06-12")}


def test_the_countries_swapped_and_a_relation_word_after_a_place():
    text = VISITS.replace("이탈리아(다라), 프랑스(마바)", "프랑스(마바, 타라), 이탈리아(다라)")
    assert party_ids(build(document("t.txt", text))) == {("it-다라시", "kr-gyeonggi-icheon", "2025-06-10"),
                                                         ("fr-마바시", "kr-gyeonggi-icheon", "2025-06-12")}
    text = VISITS.replace("자매결연 협정은", "자매결연(2006. 10. 26.)은")
    assert not any("자매결연" in p for f in party_ids(build(document("t.txt", text))) for p in f)


@pytest.mark.parametrize("ended", ["2021. 8. 기간 만료로 효력을 잃었다가", "2021년 8월 협약 만료 후",
                                   "2021. 8. 효력 상실 뒤"])
def test_a_date_the_relation_ended_on_is_no_signing(ended: str):
    text = f"""남원시 국제교류 현황
남원시 국제교류팀 | 2025. 3. 1.
※ 몽골 다라아이막 협약은 {ended} 2023. 8. 11. 다시 체결함
"""
    assert party_ids(build(document("n.txt", text))) == {("kr-jeonbuk-namwon", "mn-다라아이막", "2023-08-11")}


CARDS = """# 부여군 국제교류 도시 카드

부여군 문화관광과 국제교류 담당 · 2025. 5. 20. 갱신

## 일본 다라무라
결연 형태 — 자매결연
체결일자 — 1972. 10. 3.

## 참고
- 충청남도와 일본 마바현은 2019. 2. 14. 우호교류 협약을 체결하였으며, 군 단위 결연은 그보다 앞섭니다.
"""


@pytest.mark.parametrize("label", ["체결일자 — ", "결연일: ", "협약 체결일 "])
def test_a_card_signing_date_near_the_top_is_not_the_documents_date(label: str):
    got = party_ids(build(document("cards.md", CARDS.replace("체결일자 — ", label))))
    assert ("jp-마바현", "kr-chungnam", "2019-02-14") in got
