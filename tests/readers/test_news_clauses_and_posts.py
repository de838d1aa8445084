"""News and report sentences: a signing followed by a contrast that ends the relation (``…맺었으나 2020년 교류를
종료했다``: the signing's date, never the end's), and a foreign official's name of two words whose last word ends
like a city before a governor's title (``가나현 다나카 히로시 지사``: no city ``히로시``). Written in several formats
(text, a saved news page, DOCX) with perturbations. Foreign places and people are invented; Korean parties come from
the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.people import fits_title
from tests.readers.helpers import build, document, docx_file, from_file
from tests.readers.test_people import posts
from tests.readers.test_report_prose import party_ids

CONTRASTS = """제천시 국제교류 현황
2023년 11월 3일
시는 2012년 일본 다라정과 자매결연을 맺었으나 2020년 교류를 종료했다.
시는 중국 가나시와 자매결연을 추진했으나 2019년 3월 결국 우호교류 협약을 체결했다.
시는 2015년 미국 마바시와 우호협약을 체결했지만 2021년 협약이 해지됐다.
시는 2016년 베트남 사아시와 자매결연 협약을 체결하였으나, 코로나19로 교류가 중단됐다.
"""
CONTRAST_FACTS = {("jp-다라정", "kr-chungbuk-jecheon", "2012"), ("cn-가나시", "kr-chungbuk-jecheon", "2019-03"),
                  ("kr-chungbuk-jecheon", "us-마바시", "2015"), ("kr-chungbuk-jecheon", "vn-사아시", "2016")}


def _as(tmp_path: Path, name: str, text: str):
    lines = text.strip("\n").split("\n")
    if name.endswith(".txt"):
        return document(name, text)
    if name.endswith(".docx"):
        return from_file(docx_file(tmp_path / name, lines))
    body = "".join(f"<p>{line}</p>\n" for line in lines[1:])
    path = tmp_path / name
    path.write_text(f"<!DOCTYPE html>\n<html lang='ko'><head><meta charset='utf-8'><title>{lines[0]} | 가나일보"
                    f"</title></head>\n<body><nav><a href='#'>홈</a> <a href='#'>정치</a></nav>\n"
                    f"<article><h1>{lines[0]}</h1>\n<div class='article-body'>\n{body}</div></article>\n"
                    f"<aside><h3>많이 본 뉴스</h3><ul><li>다라시, 일본 마라시와 자매결연 맺어</li></ul></aside>\n"
                    f"<footer><p>가나일보 | 발행인 김가나</p></footer></body></html>\n", encoding="utf-8")
    return from_file(path)


@pytest.mark.parametrize("name", ["contrasts.txt", "contrasts.html", "contrasts.docx"])
def test_a_signing_then_its_end_keeps_the_signing_date(tmp_path: Path, name: str):
    assert party_ids(build(_as(tmp_path, name, CONTRASTS))) == CONTRAST_FACTS


def test_contrast_perturbations():
    # a plan that came to nothing gives no signing; a date moved moves the signing; the end alone signs nothing
    text = CONTRASTS.replace("2019년 3월 결국 우호교류 협약을 체결했다", "결국 무산됐다").replace("2012년", "2013년")
    text += "시는 2018년 몽골 다라솜과의 교류를 중단했다.\n"
    got = party_ids(build(document("c.txt", text)))
    assert got == (CONTRAST_FACTS - {("cn-가나시", "kr-chungbuk-jecheon", "2019-03"),
                                     ("jp-다라정", "kr-chungbuk-jecheon", "2012")}
                   ) | {("jp-다라정", "kr-chungbuk-jecheon", "2013")}


GOVERNORS = """강릉시 국제교류 소식
2024. 6. 10.
강릉시 김나래 시장은 이날 일본 가나현 다나카 히로시 지사와 면담했다.
중국 마라성 장 샤오시 성장도 함께했다.
"""


def test_a_name_ending_like_a_city_before_a_governors_title_is_no_city(tmp_path: Path):
    assert posts(GOVERNORS, tmp_path) == {
        ("김나래", "시장", "region/kr-gangwon-gangneung"),
        ("다나카 히로시", "지사", "region/jp-가나현"),
        ("장 샤오시", "성장", "region/cn-마라성"),
    }
    # a city's head keeps its city: ``가나현 다라시 시장 …`` is still a city's post
    got = posts(GOVERNORS.replace("다나카 히로시 지사와", "다라시 시장 다나카 히로시와"), tmp_path)
    assert ("다나카 히로시", "시장", "region/jp-다라시") in got


def test_titles_fit_levels():
    assert [fits_title(w, t) for w, t in (("히로시", "지사"), ("가나성", "성장"), ("가나군", "부지사"),
                                          ("가나주", "주지사"), ("가나구", "구청장"), ("가나도", "군수"))] == [
        False, True, False, True, True, False]


MISSIONS = """강릉시 국제교류 소식
2024. 6. 10.
행사에는 주부산 중국총영사관 영사 왕밍과 주한 몽골대사관 참사관 도르지가 참석했다.
주한 가나국 대사관 서기관 홍다라도 함께했다.
중국 마라시 인민대표대회 상무위원회 주임 리창은 축사를 했다.
"""


@pytest.mark.parametrize("joined", [False, True])
def test_diplomats_of_a_mission_named_before_their_title_and_bodies_of_a_minted_city(tmp_path: Path, joined: bool):
    # a mission's staff serve the sending country (a three-syllable name starting like a Korean surname too);
    # ``마라시 인민대표대회`` is a body of the city the sentence places in China (its units the role), also when
    # the line before ends with a full stop the next line's country word is glued to (a saved page's paragraphs)
    text = MISSIONS.replace("참석했다.\n", "참석했다.") if joined else MISSIONS
    got = posts(text, tmp_path)
    assert {("왕밍", "영사", "country/CN"), ("도르지", "참사관", "country/MN"),
            ("리창", "상무위원회 주임", "organization/minted-마라시인민대표대회")} <= got
    assert not any(org == "country/KR" for _, _, org in got)


NEWSLETTER = """영동소식 제87호 | 2024년 11월 1일 발행
[군정소식] 영동군, 자매도시와 교류 확대
영동군은 앞서 2016년 4월 중국 지린성 가나시와 우호교류 협약을, 2019. 5. 24. 서울 중구와 자매결연을 맺은 바 있다.
2008년 결연한 중국 헤이룽장성 다라시와는 2019년 교류를 종료했다.
군의회는 지난달 중국 마라성 인민대표대회와 교류 협력 양해각서를 체결했다.
- 영동군의회와 중국 마라성 인민대표대회 간 교류 협력 양해각서 체결(10. 17.)
"""
NEWSLETTER_FACTS = {("cn-가나시", "kr-chungbuk-yeongdong", "2016-04"),
                    ("kr-chungbuk-yeongdong", "kr-seoul-jung", "2019-05-24"),
                    ("cn-다라시", "kr-chungbuk-yeongdong", "2008")}


@pytest.mark.parametrize("name", ["newsletter.txt", "newsletter.html", "newsletter.docx"])
def test_two_pairs_sharing_one_verb_a_tie_ended_and_a_bodys_mou(tmp_path: Path, name: str):
    # ``…협약을, 2019. 5. 24. …와 자매결연을 맺은 바 있다``: both pairs (맺은 바 is no relative clause);
    # ``2008년 결연한 다라시와는 2019년 교류를 종료했다``: the tie's year, not the end's; a council's MOU with a
    # province's congress: none
    assert party_ids(build(_as(tmp_path, name, NEWSLETTER))) == NEWSLETTER_FACTS


def test_newsletter_perturbations():
    text = NEWSLETTER.replace("맺은 바 있다", "맺었다").replace("2008년 결연한", "2009년 결연한")
    text = text.replace("2019년 교류를 종료했다", "2019년 교류를 재개했다")
    got = party_ids(build(document("n.txt", text)))
    # the resumed exchange is no signing either: the tie keeps its own year
    assert got == (NEWSLETTER_FACTS - {("cn-다라시", "kr-chungbuk-yeongdong", "2008")}) | {
        ("cn-다라시", "kr-chungbuk-yeongdong", "2009")}


TRIP_DAYS = """충청북도 대표단 몽골 순방 결과
□ 순방 개요
  ○ 기간: 2024. 7. 8.(월) ~ 7. 12.(금)
□ 성과
  ○ 7. 9.(화) 투브아이막과 자매결연 협정 체결
  ○ 7. 10.(수) 충청북도–다르항오올아이막 농업 교류 업무협약(MOU) 체결
"""


@pytest.mark.parametrize("start", ["2024. 7. 8.(월)", "2024. 7. 5.(금)"])
def test_a_trip_reports_later_days_are_signings_of_its_year(start: str):
    # the period's first day is no date the report was written on: the later days are signings, not plans
    got = party_ids(build(document("trip.txt", TRIP_DAYS.replace("2024. 7. 8.(월)", start))))
    assert got == {("kr-chungbuk", "mn-tuv", "2024-07-09"), ("kr-chungbuk", "mn-darkhan-uul", "2024-07-10")}


def test_a_place_glued_to_a_mayors_title_and_a_name_before_a_count(tmp_path: Path):
    text = """중국 하이시 대표단 방문 결과
2024. 5. 21.
○ 2024. 5. 20. 중국 저장성 하이시 대표단 청도군 방문 (부시장 천젠 외 5명)
운난시장 이시야마 유지
"""
    got = posts(text, tmp_path)
    assert ("천젠", "부시장", "region/cn-하이시") in got
    assert not any(name == "운난" for name, _, _ in got)  # 운난시 + 장: a place the registry lacks, no name


ANNUAL = """2024년 창원시 국제교류 실적
작성: 국제협력과 (2025. 1. 20.)
Ⅲ. 2024년 주요 실적
  ○ 4. 8. 최한결 창원특례시장과 야마다 타로 일본 가나시장이 자매결연 43주년 기념 교류협정을 갱신하였다.
  ○ 9. 12. 중국 다라시 부시장 왕린 일행 방문, 경제교류 확대 협의
  ○ 11. 5. 김마루 창원특례시장과 장웨이 중국 마라시장이 우호교류 협약을 체결하였다.
"""


@pytest.mark.parametrize("name", ["annual.txt", "annual.docx"])
def test_heads_with_their_places_glued_sign_for_them_on_their_entrys_day(tmp_path: Path, name: str):
    assert party_ids(build(_as(tmp_path, name, ANNUAL))) == {
        ("jp-가나시", "kr-gyeongnam-changwon", "2024-04-08"), ("cn-마라시", "kr-gyeongnam-changwon", "2024-11-05")}


def test_heads_perturbations():
    # a visit signs nothing; a plan is no signing; an outline number (2.1.) is no day; a place named in the clause
    # is the party, not the heads' places
    text = ANNUAL.replace("교류협정을 갱신하였다", "교류 방안을 논의하였다").replace(
        "우호교류 협약을 체결하였다", "우호교류 협약을 체결할 예정이다")
    text += "2.1. 김마루 창원특례시장과 장웨이 중국 마라시장이 교류협정을 체결하였다.\n"
    assert party_ids(build(document("a.txt", text))) == set()
