"""More wordings of signings in running text: a pair named ``가나시와 일본 다라현의`` then carried by ``두 지역은``,
a signing as a noun after a partner (``다라시와의 자매결연 체결로``), partners listed with their years in brackets
and no verb (``자매도시는 가나시(1997년), 다라시(2003년)에 이어``), the relation of each partner when one sentence
names several (``A와 우호교류 협약을, B와 양해각서를``), and an anniversary's relation that is not the new signing's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file

ANNIVERSARY = """경상남도, 日 야마구치현과 자매결연 40주년 기념식
2027-08-21 경남신문

경상남도와 일본 야마구치현의 자매결연 40주년 기념식이 20일 창원컨벤션센터에서 열렸다.
두 지역은 1987년 8월 20일 자매결연을 맺은 이후 공무원 상호 파견, 청소년 교류 등을 이어왔다.
도는 또 지난 2011년 중국 산둥성과 우호교류 협약을, 2018년 5월에는 베트남 동탑성과 경제협력 양해각서를 체결한 바 있다.
한편 도는 내년 상반기 중 몽골 울란바타르시와 우호교류 협약 체결을 추진 중이다.
"""
ANNIVERSARY_FACTS = {("경상남도", "야마구치현", "1987-08-20", "sister"), ("경상남도", "산둥성", "2011", "friendship"),
                     ("경상남도", "동탑성", "2018-05", "mou")}


def test_a_pair_named_with_a_country_word_between_is_carried_by_both_sides():
    result = build(document("anniversary.txt", ANNIVERSARY))
    assert facts(result) == ANNIVERSARY_FACTS
    assert facts(result, "AgreementIntent") == {("경상남도", "울란바타르시", "2028", "friendship")}


REPORT = """전라남도 국제협력 업무보고
2025. 2. 10. 국제협력관

□ 자매·우호 교류 현황
○ 도는 중국 저장성(1998년), 일본 사가현(2011년)과 자매결연, 몽골 헹티아이막(2016년)과 우호교류 협약을 맺고 있음.
○ 2024년 11월 5일 베트남 동탑성과의 자매결연 체결로 해외 자매·우호 지역은 12곳이 됨.
○ 러시아 이르쿠츠크주와는 2019년 우호교류 의향서 전달 후 협약 체결을 협의 중임.
○ 나주시는 2023년 일본 후쿠이현 오노시와 자매결연을 체결하였고, 순천시는 지난해 3월 중국 장시성 징더전시와 우호도시 \
협약을 맺었음.
"""
REPORT_FACTS = {("저장성", "전라남도", "1998", "sister"), ("사가현", "전라남도", "2011", "sister"),
                ("전라남도", "헹티아이막", "2016", "friendship"), ("동탑성", "전라남도", "2024-11-05", "sister"),
                ("나주시", "오노시", "2023", "sister"), ("순천시", "징더전시", "2024-03", "friendship")}


def test_a_signing_named_as_a_noun_after_its_partner_and_each_partners_own_relation():
    result = build(document("report.txt", REPORT))
    assert facts(result) == REPORT_FACTS
    assert facts(result, "AgreementIntent") == {("이르쿠츠크주", "전라남도", "2019", "letterOfIntent")}


def test_a_partner_with_whom_something_else_is_done_signs_nothing():
    text = REPORT.replace("동탑성과의 자매결연 체결로", "동탑성과의 자매결연 체결을 위해 대표단이 방문하여")
    assert ("동탑성", "전라남도", "2024-11-05", "sister") not in facts(build(document("r.txt", text)))
    text = REPORT.replace("동탑성과의 자매결연 체결로", "동탑성과의 자매결연 10주년 기념행사로")
    assert ("동탑성", "전라남도", "2024-11-05", "sister") not in facts(build(document("r.txt", text)))


LISTED = """제천시, 中 장가계시와 자매결연…해외 자매도시 4곳으로
입력 2024.03.12 10:05 | 충북일보 이수민 기자

제천시가 중국 후난성 장가계시와 자매결연을 체결했다.
시는 11일 시청 대회의실에서 자매결연 협약식을 가졌다고 12일 밝혔다.
이로써 제천시의 해외 자매도시는 일본 야마가타현 사카타시(1997년), 미국 오리건주 세일럼시(2003년), 베트남 동탑성\
(2015년)에 이어 4곳으로 늘었다.
시는 지난해 9월 몽골 오르홍아이막과 우호교류 의향서를 교환했으며, 올해 하반기 정식 협약을 맺을 계획이다.
"""
LISTED_FACTS = {("장가계시", "제천시", "2024-03-11", "sister"), ("사카타시", "제천시", "1997", "sister"),
                ("세일럼시", "제천시", "2003", "sister"), ("동탑성", "제천시", "2015", "sister"),
                ("오르홍아이막", "제천시", "2023-09", "letterOfIntent")}  # a letter exchanged (decision 0081)


@pytest.mark.parametrize("name", ["listed.txt", "listed.docx", "listed.html"])
def test_partners_listed_with_their_years_in_brackets_and_no_verb(tmp_path: Path, name: str):
    paragraphs = [line for line in LISTED.split("\n") if line.strip()]
    path = tmp_path / name
    if name.endswith(".docx"):
        docx_file(path, paragraphs)
    elif name.endswith(".html"):
        body = "".join(f"<p>{p}</p>" for p in paragraphs[1:])
        path.write_text(f"<html><head><title>{paragraphs[0]}</title></head><body><nav><a href='/'>홈</a></nav>"
                        f"<article><h1>{paragraphs[0]}</h1>{body}</article><footer>충북일보</footer></body></html>",
                        encoding="utf-8")
    else:
        path.write_text(LISTED, encoding="utf-8")
    result = build(from_file(path))
    assert facts(result) == LISTED_FACTS
    assert {(a, b, d) for a, b, d, _ in facts(result, "AgreementIntent")} == {("오르홍아이막", "제천시", "2024")}


def test_perturbed_forms_partner_added_date_changed_brackets_without_years():
    added = LISTED.replace("세일럼시(2003년),", "세일럼시(2003년), 러시아 이르쿠츠크주 이르쿠츠크시(2009년),")
    assert facts(build(document("a.txt", added))) == LISTED_FACTS | {("이르쿠츠크시", "제천시", "2009", "sister")}
    changed = ANNIVERSARY.replace("1987년 8월 20일", "1988년 9월 1일")
    assert facts(build(document("c.txt", changed))) == ANNIVERSARY_FACTS - {
        ("경상남도", "야마구치현", "1987-08-20", "sister")} | {("경상남도", "야마구치현", "1988-09-01", "sister")}
    countries = LISTED.replace("사카타시(1997년)", "사카타시(일본)").replace("세일럼시(2003년)", "세일럼시(미국)")
    got = facts(build(document("n.txt", countries)))
    assert ("사카타시", "제천시", "1997", "sister") not in got and ("세일럼시", "제천시", "2003", "sister") not in got
    visited = LISTED.replace("이로써 제천시의 해외 자매도시는", "시 대표단은 그동안").replace("에 이어 4곳으로 늘었다",
                                                                                   "를 차례로 방문했다")
    assert facts(build(document("v.txt", visited))) == {("장가계시", "제천시", "2024-03-11", "sister"),
                                                        ("오르홍아이막", "제천시", "2023-09", "letterOfIntent")}


LEAD = """영암군, 일본 가라쓰시와 우호교류 협약…해외 교류 5번째
전남일보 | 2024.11.20 09:10

[영암=전남일보] 박서연 기자

영암군이 일본 사가현 가라쓰시와 손잡고 도자기·관광 교류에 나선다.
군은 지난 18일 군청 대회의실에서 우승희 영암군수와 미네 다쓰야 가라쓰시장 등 30여 명이 참석한 가운데
우호교류 협약을 체결했다고 20일 밝혔다.
군은 앞서 2009년 중국 산시성(山西省) 진청시, 2015년 베트남 빈롱성과 각각 자매결연을 맺었고, 2019년 5월 2일에는 미국
조지아주 애선스-클라크카운티와 우호교류 협약을, 지난해 11월에는 몽골 헹티아이막과 교류협력 양해각서(MOU)를 체결했다.
진청시와는 2019년 6월 자매결연 협약을 한 차례 갱신했다.
군은 올해 안에 대만 타이중시에는 교류의향서를 전달할 계획이다.

[많이 읽은 기사]
1. 강진군, 中 창저우시와 우호교류 협약 (2024.11.15)
"""
LEAD_FACTS = {("가라쓰시", "영암군", "2024-11-18", "friendship"), ("영암군", "진청시", "2009", "sister"),
              ("빈롱성", "영암군", "2015", "sister"), ("애선스-클라크카운티", "영암군", "2019-05-02", "friendship"),
              ("영암군", "헹티아이막", "2023-11", "mou"), ("영암군", "진청시", "2019-06", "sister")}


def test_a_lead_naming_its_partner_only_in_titles_takes_the_headlines_partner():
    result = build(document("lead.txt", LEAD))
    assert facts(result) == LEAD_FACTS
    assert facts(result, "AgreementIntent") == {("영암군", "타이중시", "2024", "letterOfIntent")}


def test_perturbed_lead_headline_of_a_visit_and_an_old_date_take_no_partner():
    visit = LEAD.replace("일본 가라쓰시와 우호교류 협약…해외 교류 5번째", "일본 가라쓰시 방문…우호교류 협약 논의")
    assert ("가라쓰시", "영암군", "2024-11-18", "friendship") not in facts(build(document("v.txt", visit)))
    old = LEAD.replace("지난 18일", "2019년 3월 18일")
    assert ("가라쓰시", "영암군", "2019-03-18", "friendship") not in facts(build(document("o.txt", old)))
    renamed = LEAD.replace("애선스-클라크카운티", "오거스타-리치먼드카운티")
    assert ("영암군", "오거스타-리치먼드카운티", "2019-05-02", "friendship") in facts(build(document("r.txt", renamed)))


def test_a_renewal_restating_its_first_signing_gives_both():
    text = """충주시, 日 이즈모시와 자매결연 협정 갱신
배포일시 2025. 3. 18.(화)

시는 이달 5일 일본 시마네현 이즈모시와 1985년 4월 맺은 자매결연 협정을 갱신했다고 18일 밝혔다.
"""
    assert facts(build(document("renewal.txt", text))) == {("이즈모시", "충주시", "2025-03-05", "sister"),
                                                          ("이즈모시", "충주시", "1985-04", "sister")}
