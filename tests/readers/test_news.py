"""News articles (text, saved web page, office file): a dateline and relative dates, a subject carried by
도는 / 시는, foreign places named once with their country and later alone, several pairs in one sentence
(``가나시는 다라시(1997년), 마바시는 …``, ``가나시와 다라시는 …``, ``▲가나시-다라시(1996년)``), relations
raised (격상), plans and anniversaries that are not signings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file

ARTICLE = """충청남도, 中 허베이성과 우호교류 30주년 맞아 협력 강화 협약
경제·관광·청소년 교류 확대

충남일보 | 입력 2024.05.16 11:20

(홍성=충남일보) 김하늘 기자 = 충청남도는 지난 14일 중국 허베이성 스자좡시에서 허베이성과 "경제·문화 협력 강화 \
협약"을 체결했다고 16일 밝혔다.
충남도와 허베이성은 1994년 10월 우호교류 협약을 체결한 뒤 2004년 자매결연으로 관계를 격상했다.
이날 협약식에는 김가람 충남도지사와 왕다라 허베이성장 등 50여 명이 참석했다.
도내 시군도 허베이성 도시들과 활발히 교류하고 있다. 천안시는 청룡시(1997년), 아산시는 바오딩시(2005년), \
당진시는 탕산시(2012년)와 각각 자매결연을 맺었다.
공주시는 지난해 11월 랑팡시와 우호도시 협약을 체결했다.
또 논산시와 창저우시는 2010년 우호교류 협약을, 보령시와 난퉁시는 2012. 3. 5. 우호교류 협약을 각각 체결했다.
서산시도 지난달 27일 허베이성 한단시와 우호도시 협약을 맺었다.
도는 내년 허베이성 형수시와 경제협력 MOU 체결을 추진할 계획이다.
한편 충남도는 2019년 일본 구마모토현과 자매결연 5주년 기념행사를 열었다.

김하늘 기자 sky@example.kr
"""
ARTICLE_FACTS = {
    ("충청남도", "허베이성", "2024-05-14", "cooperationAgreement"), ("충청남도", "허베이성", "1994-10", "friendship"),
    ("충청남도", "허베이성", "2004", "sister"), ("천안시", "청룡시", "1997", "sister"),
    ("바오딩시", "아산시", "2005", "sister"), ("당진시", "탕산시", "2012", "sister"),
    ("공주시", "랑팡시", "2023-11", "friendship"), ("논산시", "창저우시", "2010", "friendship"),
    ("난퉁시", "보령시", "2012-03-05", "friendship"), ("서산시", "한단시", "2024-04-27", "friendship"),
}


def test_news_text_dateline_relative_dates_subjects_and_several_pairs():
    result = build(document("news.txt", ARTICLE))
    assert facts(result) == ARTICLE_FACTS
    assert facts(result, "AgreementIntent") == {("충청남도", "형수시", "2025", "mou")}


def test_pairs_written_with_dashes_and_short_forms_of_special_self_governing_provinces():
    text = """전북자치도, 中 장쑤성과 교류 30년…"새 협력 시대"

전북특별자치도와 중국 장쑤성(江蘇省)이 자매결연 30주년을 맞았다.
전북자치도는 지난 1994년 10월 27일 장쑤성과 자매결연을 체결했다.
현재 ▲전주시-쑤저우시(1996년) ▲군산시-옌청시(2002년) ▲익산시-양저우시(2005년 5월) 등이 자매결연을 맺고 있다.
도는 올해 장쑤성 우시시와 교류의향서 체결을 추진 중이다.

2024.10.22 전북일보 김민지 기자
"""
    assert facts(build(document("jiangsu.txt", text))) == {
        ("장쑤성", "전북특별자치도", "1994-10-27", "sister"), ("쑤저우시", "전주시", "1996", "sister"),
        ("군산시", "옌청시", "2002", "sister"), ("양저우시", "익산시", "2005-05", "sister")}


PAGE = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>강원특별자치도, 몽골 셀렝그아이막과 자매결연 - 강원신문</title></head><body>
<header class="site-header"><div class="brand"><a href="/">강원신문</a></div>
<nav class="sections"><a href="/politics">정치</a> <a href="/local">지역</a></nav>
<div class="ticker">[속보] 춘천시, 일본 하루미시와 우호교류 협약 체결 (2023.05.02)</div></header>
<div class="layout"><article class="news-view">
<h1 class="headline">강원특별자치도, 몽골 셀렝그아이막과 자매결연</h1>
<p class="byline">박수진 기자 | 입력 2024.09.05 14:02</p>
<div class="article-body">
<p>강원특별자치도는 지난 3일 도청 통상상담실에서 몽골 셀렝그아이막과 자매결연 협약을 체결했다고 5일 밝혔다.</p>
<p>도는 앞서 2019년 6월 몽골 수흐바타르아이막과 우호교류 협약을, 2022. 8. 17. 울란바타르시와 경제협력 \
양해각서(MOU)를 맺었다.</p>
<p>지난달 27일에는 도내 홍천군이 몽골 투브아이막 바양촐로트솜과 우호교류 협약을 맺기도 했다.</p>
<p>도 관계자는 "오는 11월 다르항오올아이막과도 협약 체결을 논의할 예정"이라고 말했다.</p>
<p class="reporter">박수진 기자 park@example.kr</p>
</div></article>
<aside class="sidebar"><h3>관련기사</h3><ul><li><a href="/n/1">원주시, 中 청룡시와 자매결연 \
(2024.08.01)</a></li></ul>
</aside></div>
<footer class="site-footer"><p>강원신문 | 춘천시 ○○로 1 | 발행인 홍길동</p></footer></body></html>
"""
PAGE_FACTS = {("강원특별자치도", "셀렝그아이막", "2024-09-03", "sister"),
              ("강원특별자치도", "수흐바타르아이막", "2019-06", "friendship"),
              ("강원특별자치도", "울란바타르시", "2022-08-17", "mou"),
              ("바양촐로트솜", "홍천군", "2024-08-27", "friendship")}


def test_news_web_page_without_menus_sidebars_and_verbs_that_look_like_places(tmp_path: Path):
    path = tmp_path / "news.html"
    path.write_text(PAGE, encoding="utf-8")
    assert facts(build(from_file(path))) == PAGE_FACTS


@pytest.mark.parametrize("name", ["article.docx", "article.md"])
def test_news_in_an_office_file_and_markdown(tmp_path: Path, name: str):
    paragraphs = [line for line in ARTICLE.split("\n") if line.strip()]
    path = tmp_path / name
    if name.endswith(".docx"):
        docx_file(path, paragraphs)
    else:
        path.write_text("# " + "\n\n".join(paragraphs), encoding="utf-8")
    assert facts(build(from_file(path))) == ARTICLE_FACTS


def test_perturbed_news_pair_added_date_changed_plan_inserted_noise():
    added = ARTICLE.replace("당진시는 탕산시(2012년)와", "당진시는 탕산시(2012년), 서천군은 친황다오시(2015년)와")
    assert facts(build(document("n.txt", added))) == ARTICLE_FACTS | {("서천군", "친황다오시", "2015", "sister")}
    changed = ARTICLE.replace("입력 2024.05.16", "입력 2024.06.03").replace("지난 14일", "지난 30일")
    got = facts(build(document("n.txt", changed)))
    assert ("충청남도", "허베이성", "2024-05-30", "cooperationAgreement") in got  # 지난 30일 on June 3rd
    assert ("서산시", "한단시", "2024-05-27", "friendship") in got  # 지난달 27일
    plan = ARTICLE.replace("한편 충남도는", "도는 2025년 허베이성 바오딩시와 자매결연을 맺을 예정이다.\n한편 \
충남도는")
    assert facts(build(document("n.txt", plan))) == ARTICLE_FACTS
    noisy = ARTICLE.replace("천안시는 청룡시(1997년),", "천안시는  청룡시 (1997년) ,").replace("。", ".")
    assert facts(build(document("n.txt", noisy))) == ARTICLE_FACTS


def test_relations_made_verbs_both_sides_carried_and_places_named_without_suffix():
    text = """전북도-장쑤성 자매결연 30년…"교류 새 장 연다"

전북일보 | 2024.10.22

전라북도와 중국 장쑤성은 1994년 10월 27일 자매결연한 이후 30년간 교류를 이어 왔다.
양 지역은 2004년 자매결연 10주년을 맞아 경제협력 협정을 체결했고, 2014년 10월에는 우호협력 강화 양해각서를 맺었다.
장쑤성 난퉁시는 2001년 전주시와 자매결연을 체결한 데 이어 2008년 군산시와 우호도시 협약을 맺었다.
익산시는 2016년 우호교류 협약 이후 쑤첸시와 청소년 교류를 이어 오고 있다.
정읍시는 2018년 중국 화이안과 우호교류 협약을 맺었다. 도는 중국 정부와 2019년 교류 협약을 체결했다.
도는 지난 21일 장쑤성 대표단과 '교류 30주년 공동선언문'을 발표했다.
"""
    assert facts(build(document("jiangsu.txt", text))) == {
        ("장쑤성", "전북특별자치도", "1994-10-27", "sister"),
        ("장쑤성", "전북특별자치도", "2004", "cooperationAgreement"),
        ("장쑤성", "전북특별자치도", "2014-10", "friendship"), ("난퉁시", "전주시", "2001", "sister"),
        ("군산시", "난퉁시", "2008", "friendship"), ("쑤첸시", "익산시", "2016", "friendship"),
        ("정읍시", "화이안", "2018", "friendship")}


def test_a_ceremony_held_is_a_signing_and_agreed_or_future_signings_are_plans():
    text = """경기도, 中 장쑤성과 우호교류 협약식 가져

입력 2024.06.12

경기도는 지난 10일 수원 도청에서 중국 장쑤성 난징시와 우호교류 협약식을 가졌다.
도는 장쑤성과 내년 자매결연을 체결하기로 합의했다.
또 도는 다음 달 중국 쑤저우시와 경제협력 MOU를 체결한다.
"""
    result = build(document("gyeonggi.txt", text))
    assert facts(result) == {("경기도", "난징시", "2024-06-10", "friendship")}
    assert {(a, b) for a, b, _, _ in facts(result, "AgreementIntent")} == {("경기도", "장쑤성"), ("경기도", "쑤저우시")}


def test_a_date_right_before_a_relation_states_its_signing_but_not_a_visit_or_a_plan():
    text = """전북-中 장쑤 교류 30년

입력 2024.10.22

전라북도와 장쑤성의 인연은 1994년 10월 27일 자매결연으로 시작됐다.
전주시와 쑤저우시는 1996년 자매결연 이후 해마다 청소년을 교류하고 있다.
도는 2023년 자매결연 도시 장쑤성을 방문했다.
익산시와 양저우시는 2025년 자매결연을 추진하고 있다.
"""
    assert facts(build(document("jiangsu.txt", text))) == {("장쑤성", "전북특별자치도", "1994-10-27", "sister"),
                                                           ("쑤저우시", "전주시", "1996", "sister")}


def test_a_new_place_takes_the_country_of_the_registry_places_beside_it_not_the_last_country_named():
    text = """전북도, 해외 교류 확대

입력 2024.10.22

도는 1996년 일본 이시카와현과 우호교류 협약을 맺었다.
도내 시군도 장쑤성 도시들과 교류하고 있다. 전주시는 쑤저우시(1996년), 군산시는 옌청시(2002년)와 각각 자매결연을 맺었다.
"""
    result = build(document("news.txt", text))
    result.dataset.default_union = True
    parties = {str(r.p).rsplit("/", 1)[-1] for r in result.dataset.query(
        "SELECT DISTINCT ?p WHERE { ?a a <https://w3id.org/gyoryu/ontology#Agreement> ; "
        "<https://w3id.org/gyoryu/ontology#party> ?p }")}
    assert {p for p in parties if not p.startswith("kr-")} == {"jp-ishikawa", "cn-쑤저우시", "cn-옌청시"}


RESTATED = """경기도, 中 장쑤성과 경제협력 MOU…자매결연 10년 우정 잇는다

입력 2024.10.22 09:30
경기일보 이민수 기자

경기도는 지난 1994년 자매결연을 맺은 중국 장쑤성과 21일 경제·통상 협력 양해각서(MOU)를 체결했다고 22일 밝혔다.
도와 장쑤성은 2014년 6월 우호교류 협약을 맺은 뒤 공무원 교류를 이어왔다.
이날 양 지역은 청소년 교류 확대를 위한 우호협력 협약도 체결했다.
수원시는 쑤저우시(2002년), 안산시는 옌청시(2006년)와 자매결연을 맺었으며 화성시는 지난 2019년 양저우시와 \
우호교류 협약을 체결했다.
고양시와 난징시(2010년 자매결연)는 20일 문화교류 협약을 새로 체결했다.
도는 하반기 장쑤성 창저우시와 교류의향서를 교환할 예정이다.
"""
RESTATED_FACTS = {
    ("경기도", "장쑤성", "1994", "sister"), ("경기도", "장쑤성", "2014-06", "friendship"),
    ("경기도", "장쑤성", "2024-10-21", "mou"),  # the MOU and 이날's agreement: one signing of that day
    ("수원시", "쑤저우시", "2002", "sister"), ("안산시", "옌청시", "2006", "sister"),
    ("양저우시", "화성시", "2019", "friendship"), ("고양시", "난징시", "2010", "sister"),
    ("고양시", "난징시", "2024-10-20", "cooperationAgreement")}


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_restated_signings_beside_new_ones_this_day_and_the_own_region_as_a_partner(tmp_path: Path, kind: str):
    if kind == "txt":
        doc = document("restated.txt", RESTATED)
    else:
        lines = [line for line in RESTATED.splitlines() if line.strip()]
        path = tmp_path / f"restated.{kind}"
        if kind == "html":
            body = "".join(f"<p>{line}</p>" for line in lines[1:])
            path.write_text(f"<html><body><article><h1>{lines[0]}</h1>{body}</article>"
                            "<aside>관련기사 2023.05.02 수원시, 쑤저우시와 자매결연</aside></body></html>",
                            encoding="utf-8")
        else:
            docx_file(path, lines)
        doc = from_file(path)
    result = build(doc)
    assert facts(result) == RESTATED_FACTS
    assert facts(result, "AgreementIntent") == {("경기도", "창저우시", "", "letterOfIntent")}


def test_a_visit_restating_an_old_signing_and_a_byline_under_the_title_give_only_the_old_signing():
    text = """강릉시, 日 지치부시 대표단 방문…자매도시 교류 강화

2023.08.04 강원일보

일본 지치부시 대표단이 단오제 기간 강릉시를 방문했다.
강릉시와 지치부시는 1983년 자매결연을 맺은 이후 40년간 교류를 이어오고 있다.
대표단은 이날 강릉시장을 예방하고 양 도시 간 청소년 교류 확대 방안을 논의했다.
시는 올해 10월 지치부시에서 열리는 축제에 시민 대표단을 파견할 예정이다.
"""
    result = build(document("visit.txt", text))
    assert facts(result) == {("강릉시", "지치부시", "1983", "sister")}
    changed = build(document("visit.txt", text.replace("1983년", "1984년 5월")))
    assert facts(changed) == {("강릉시", "지치부시", "1984-05", "sister")}


PAGE_WITH_CHROME = """<html><head><title>경기도, 장쑤성과 협약 - 경기일보</title></head><body>
<div class="top-bar">경기일보 | 정치 경제 사회</div>
<div class="breaking">[속보] 수원시, 美 클리블랜드시와 자매결연 (2024.10.02)</div>
<div class="article-wrap"><h1>경기도, 장쑤성과 자매결연 30주년 기념 협약</h1>
<div class="info">박지은 기자 | 기사입력 2024.06.12 10:30 | 수정 2024.06.12 11:00</div>
<div class="body">
<p>경기도(도지사 김동연)는 11일 중국 난징시 장쑤성 인민정부 청사에서 장쑤성과 '교류 확대 협약'을 체결했다고
12일 밝혔다.</p>
<p>경기도와 장쑤성은 1994년 6월 자매결연을 체결한 이후 30년간 교류를 이어 왔다.</p>
<p>이후 ▲2004년 우호교류 확대 협정 ▲2014년 경제통상 협력 양해각서(MOU) ▲2019년 청소년 교류 협약을 잇따라 체결했다.</p>
<p>도내에서는 화성시가 2019년 장쑤성 양저우시와 자매결연을 맺었고, 오산시는 지난달 창저우시와 우호도시 협약을
체결했다.</p>
<p>도는 내년 장쑤성 우시시와 교류의향서 체결을 추진할 계획이다.</p></div>
<div class="reporter">박지은 기자 pje@example.kr</div>
<div class="related"><h3>관련기사</h3><ul>
<li><a href="#">평택시, 中 장쑤성 롄윈강시와 우호교류 협약 체결</a> 2024-05-20</li>
<li><a href="#">경기도, 日 가나가와현과 2023년 우호교류 협약</a></li></ul></div>
<div class="popular"><h3>많이 본 뉴스</h3><ol><li>고양시, 난징시와 MOU 체결 (2024.06.01)</li></ol></div>
</div><div class="footer">경기일보 | Copyright</div></body></html>"""
PAGE_WITH_CHROME_FACTS = {
    ("경기도", "장쑤성", "2024-06-11", "cooperationAgreement"), ("경기도", "장쑤성", "1994-06", "sister"),
    ("경기도", "장쑤성", "2004", "friendship"), ("경기도", "장쑤성", "2014", "mou"),
    ("경기도", "장쑤성", "2019", "cooperationAgreement"), ("양저우시", "화성시", "2019", "sister"),
    ("오산시", "창저우시", "2024-05", "friendship")}


@pytest.mark.parametrize("kind", ["html", "txt"])
def test_related_headlines_a_day_announced_a_government_building_and_signings_listed_after_the_pair(
        tmp_path: Path, kind: str):
    path = tmp_path / "chrome.html"
    page = PAGE_WITH_CHROME
    if kind == "txt":  # the page saved as text: its lines, menus and related headlines included (classes the HTML
        # reader would drop by their names renamed, so its lines hold them)
        page = page.replace('class="related"', 'class="box-a"').replace('class="popular"', 'class="box-b"')
    path.write_text(page, encoding="utf-8")
    doc = from_file(path)
    if kind == "txt":
        doc = document("chrome.txt", "\n".join(doc.lines))
        assert "관련기사" in doc.lines and "많이 본 뉴스" in doc.lines
    else:  # the HTML reader drops the related and most-read blocks
        assert "관련기사" not in doc.lines and "많이 본 뉴스" not in doc.lines
    result = build(doc)
    assert facts(result) == PAGE_WITH_CHROME_FACTS
    assert facts(result, "AgreementIntent") == {("경기도", "우시시", "2025", "letterOfIntent")}
