"""Partner-city cards (a saved web page, a text or an office file): a name line, a country or parent line,
fields such as 구분 / 체결일 / 협정일 / 자매결연일 laid out as definition lists, label lines, two-cell rows or
``label : value`` lines; every card's partner with its own date, plans never signings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file, hwpx_file

PAGE = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>자매·우호도시 | 국제교류 | 광명시청</title>
</head><body>
<header id="header"><ul class="gnb"><li><a href="/">광명시청</a></li><li><a href="/a">시정소식</a></li></ul></header>
<div id="container"><div class="lnb"><ul><li>국제교류</li><li>자매도시</li></ul></div>
<div id="contents">
<div class="location">홈 &gt; 국제교류 &gt; 자매·우호도시</div>
<h3>광명시 자매·우호도시 현황</h3>
<div class="city-cards">
  <div class="card">
    <h4 class="name">하루미시 <span class="en">Harumi City</span></h4>
    <p class="country">일본 · 시즈오카현</p>
    <dl><dt>구분</dt><dd>자매도시</dd><dt>체결일</dt><dd>1998. 11. 20.</dd>
        <dt>주요교류</dt><dd>청소년 홈스테이, 공무원 교류</dd></dl>
  </div>
  <div class="card">
    <h4 class="name">청룡시 <span class="en">Qinglong</span></h4>
    <p class="country">중국 · 허베이성</p>
    <dl><dt>구분</dt><dd>우호도시</dd><dt>협정일</dt><dd>2005.3.4</dd></dl>
  </div>
  <div class="card">
    <h4 class="name"><span class="no">03</span> 다르항솜</h4><p class="country">몽골</p>
    <dl><dt>구분</dt><dd>우호교류</dd><dt>체결일</dt><dd>2016년 9월</dd></dl>
  </div>
  <div class="card">
    <h4 class="name">바흐마치구</h4><p class="country">베트남 하노이시</p>
    <dl><dt>구분</dt><dd>교류 추진</dd><dt>현황</dt><dd>2024. 5. 교류의향서 전달, 협약 체결 추진 중</dd></dl>
  </div>
</div>
<ul class="cards">
 <li class="card"><div class="tit">미국 레드우드시</div>
   <div class="txt"><span class="label">자매결연일</span> <span>2001. 4. 12.</span></div>
   <div class="txt"><span class="label">인구</span> <span>8만 명</span></div></li>
 <li class="card"><div class="tit">러시아 볼로그다주 체레포베츠시</div>
   <div class="txt"><span class="label">자매결연일</span> <span>2012.10.09</span></div></li>
</ul>
<table class="info"><tr><th>도시명</th><td>투르판시 (중국 신장위구르자치구)</td></tr><tr><th>체결일</th>
<td>2010. 8. 15.</td></tr><tr><th>구분</th><td>우호도시</td></tr></table>
<p class="info">※ 하루미시와는 2018년 자매결연 20주년 기념 행사를 개최하였습니다.</p>
<p class="update">담당부서 : 국제교류과 최종수정일 : 2024-10-02</p>
</div></div>
<footer id="footer"><address>광명시 철산로 1</address><p>Copyright 2024</p></footer>
</body></html>
"""
PAGE_FACTS = {
    ("광명시", "하루미시", "1998-11-20", "sister"), ("광명시", "청룡시", "2005-03-04", "friendship"),
    ("광명시", "다르항솜", "2016-09", "friendship"), ("광명시", "레드우드시", "2001-04-12", "sister"),
    ("광명시", "체레포베츠시", "2012-10-09", "sister"), ("광명시", "투르판시", "2010-08-15", "friendship"),
}

TEXT_CARDS = """부천시 해외 교류도시

미국 레드우드시
구분 : 자매도시
체결일 : 1998. 11. 20.
재체결일 : 2018. 11. 20.

중국 청룡시
우호도시
협정일 : 2005. 3. 4.
비고 : 구 원미구 교류

일본 하루미시
체결 예정일 : 2025. 3.
비고 : 우호교류 협약 추진 중

베트남 박하성
협약일 : 2010. 8. 15.
상태 : 체결 추진 중
"""
TEXT_FACTS = {("레드우드시", "부천시", "1998-11-20", "sister"), ("레드우드시", "부천시", "2018-11-20", "sister"),
              ("부천시", "청룡시", "2005-03-04", "friendship")}


def _page(tmp_path: Path, html: str, name: str = "cards.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return from_file(path)


def test_web_page_cards_as_definition_lists_items_and_key_value_tables(tmp_path):
    assert facts(build(_page(tmp_path, PAGE))) == PAGE_FACTS


def test_cards_with_the_date_alone_and_the_relation_below_or_after_it(tmp_path):
    html = """<html><head><title>해외 자매도시 | 부천시</title></head><body><div id="gnb"><a href="/">부천시</a></div>
<div id="contents"><h2>부천시 해외 자매·우호도시</h2>
<div class="card"><p class="name">일본 하루미시</p><p class="date">1998.11.20</p><p class="type">자매결연</p></div>
<div class="card"><p class="name">중국 허베이성 청룡시</p><p class="date">2005. 3. 4. 우호교류</p></div>
<div class="card"><p class="name">몽골 다르항솜</p><p class="date">2016. 9. 1. 체결</p>
<p class="memo">2020. 10. 청소년 교류단 방문</p></div>
<div class="card"><p class="name">우즈베키스탄 사마르칸트주</p><p class="date">2024. 5.</p>
<p class="type">교류의향서 전달 (추진 중)</p></div>
</div><div id="footer">부천시청 주소</div></body></html>"""
    assert facts(build(_page(tmp_path, html))) == {
        ("부천시", "하루미시", "1998-11-20", "sister"), ("부천시", "청룡시", "2005-03-04", "friendship"),
        ("다르항솜", "부천시", "2016-09-01", "sister")}  # the heading's relation, not the card above's


def test_text_cards_a_second_signing_and_plans_in_their_fields():
    assert facts(build(document("cards.txt", TEXT_CARDS))) == TEXT_FACTS


@pytest.mark.parametrize("kind", ["docx", "hwpx"])
def test_cards_in_office_files_as_paragraphs_and_key_value_tables(tmp_path, kind):
    blocks = ["부천시 해외 교류도시", "미국 레드우드시", [["구분", "자매도시"], ["체결일", "1998. 11. 20."]],
              "중국 청룡시", [["구분", "우호도시"], ["협정일", "2005. 3. 4."]],
              "일본 하루미시", [["구분", "우호교류"], ["체결일", "2025. 3. (예정)"]]]
    path = (docx_file if kind == "docx" else hwpx_file)(tmp_path / f"cards.{kind}", blocks)
    assert facts(build(from_file(path))) == {("레드우드시", "부천시", "1998-11-20", "sister"),
                                             ("부천시", "청룡시", "2005-03-04", "friendship")}


def test_perturbed_cards_added_date_changed_noise_and_a_plan(tmp_path):
    added = PAGE.replace('<ul class="cards">', '<ul class="cards">\n <li class="card"><div class="tit">카자흐스탄 '
                         '쿠스타나이주</div><div class="txt"><span class="label">우호교류 협약일</span> '
                         '<span>2019년 6월 3일</span></div></li>')
    assert facts(build(_page(tmp_path, added))) == PAGE_FACTS | {("광명시", "쿠스타나이주", "2019-06-03", "friendship")}
    changed = PAGE.replace("2005.3.4", "2006. 7. 8.")
    assert ("광명시", "청룡시", "2006-07-08", "friendship") in facts(build(_page(tmp_path, changed)))
    noisy = TEXT_CARDS.replace("체결일 : 1998. 11. 20.", "체 결 일 :  1998 .11. 20 .").replace("\n\n", "\n \n\n")
    assert facts(build(document("cards.txt", noisy))) == TEXT_FACTS
    planned = TEXT_CARDS.replace("비고 : 구 원미구 교류", "비고 : 자매결연 격상 추진 중")
    signed = TEXT_FACTS - {("부천시", "청룡시", "2005-03-04", "friendship")}
    assert facts(build(document("cards.txt", planned))) == signed


def test_cards_of_label_value_paragraphs_a_raised_relation_and_a_plan(tmp_path):
    html = """<html><head><title>자매도시 | 김해시청</title></head><body>
<div id="header"><ul id="gnb"><li>시정</li><li>국제교류</li></ul></div><div id="content">
<h3>김해시 해외 자매·우호도시</h3>
<div class="box"><p>국가 : 일본</p><p>도시 : 하루미시</p><p>결연일 : 1998. 11. 20.</p><p>구분 : 자매결연</p></div>
<div class="box"><p>국가 : 중국</p><p>도시 : 청룡시(靑龍市)</p><p>결연일 : 2005. 3. 4.</p><p>구분 : 우호교류</p></div>
<div class="box"><p>국가 : 베트남</p><p>도시 : 박하성</p><p>결연일 : 2012년 8월</p>
<p>구분 : 우호교류 (2022. 8. 자매결연으로 격상)</p></div>
<div class="box"><p>국가 : 미국</p><p>도시 : 레드우드시</p><p>현황 : 자매결연 추진 중 (2024. 9. 의향서 교환)</p></div>
<div class="box"><p>국가 : 러시아</p><p>도시 : 톰스크주 세베르스크시</p><p>결연일 : 2019. 3. 2.</p>
<p>주요교류 : 2023. 5. 청소년 교류단 방문</p></div>
</div><div id="footer">김해시 주소 | 개인정보처리방침</div></body></html>"""
    result = build(_page(tmp_path, html))
    got = {(a, b, date) for a, b, date, _ in facts(result)}
    assert got == {("김해시", "하루미시", "1998-11-20"), ("김해시", "청룡시", "2005-03-04"),
                   ("김해시", "박하성", "2012-08"), ("김해시", "박하성", "2022-08"),
                   ("김해시", "세베르스크시", "2019-03-02")}
    # each card's country is its own 국가 line (above its name), not the next card's below its fields
    result.dataset.default_union = True
    parties = {str(r.p).rsplit("/", 1)[-1] for r in result.dataset.query(
        "SELECT DISTINCT ?p WHERE { ?a a <https://w3id.org/gyoryu/ontology#Agreement> ; "
        "<https://w3id.org/gyoryu/ontology#party> ?p }")}
    assert parties - {"kr-gyeongnam-gimhae"} == {"jp-하루미시", "cn-청룡시", "vn-박하성", "ru-세베르스크시"}


def test_cards_with_english_fields(tmp_path):
    html = """<html><head><title>Sister Cities | 김해시</title></head><body><main>
<h2>김해시 해외 자매도시 Sister Cities</h2>
<div class="card"><h4>하루미시 Harumi</h4><p>Country: Japan</p><p>Signed: 1998. 11. 20.</p>
<p>Type: Sister City</p></div>
<div class="card"><h4>레드우드시 Redwood</h4><p>Country: USA</p><p>Sister city since 2001. 4. 12.</p></div>
<div class="card"><h4>다라성 Dara Province</h4><p>Country: Viet Nam</p><p>Agreement signed 2014. 5.</p></div>
</main></body></html>"""
    got = {(a, b, date) for a, b, date, _ in facts(build(_page(tmp_path, html)))}
    assert got == {("김해시", "하루미시", "1998-11-20"), ("김해시", "레드우드시", "2001-04-12"),
                   ("김해시", "다라성", "2014-05")}


#: One set of cards (partner, country line, population, relation, signing date), laid out below in every shape a
#: city hall page or file gives them: fields as list items, as glued inline elements, one element each, one line.
CARDS = [("하루미시", "일본 시즈오카현", "인구 19만 명", "자매도시", "1998. 11. 20."),
         ("청룡시", "중국 허베이성", "인구 1,100만 명", "우호도시", "2005. 3. 4."),
         ("레드우드시", "미국 캘리포니아주", "인구 8만 명", "", "2001. 4. 12.")]
CARDS_FACTS = {("광명시", "하루미시", "1998-11-20", "sister"), ("광명시", "청룡시", "2005-03-04", "friendship"),
               ("광명시", "레드우드시", "2001-04-12", "cooperationAgreement")}  # no relation of its own, none above
PLANNED_CARD = ("박하성", "베트남", "인구 120만 명", "우호교류", "")


def _cards_html(layout: str) -> str:
    out = []
    for name, country, people, relation, date in [*CARDS, PLANNED_CARD]:
        fields = [("국가", country), ("인구", people.split(" ", 1)[1]), ("구분", relation),
                  ("결연일", date) if date else ("비고", "2025년 협약 체결 추진 중")]
        fields = [(label, value) for label, value in fields if value]
        if layout == "items":
            body = "<ul>" + "".join(f"<li><strong>{k}</strong> {v}</li>" for k, v in fields) + "</ul>"
        elif layout == "glued":
            body = "".join(f"<span class='k'>{k}</span><span class='v'>{v}</span>" for k, v in fields)
        elif layout == "elements":
            body = "".join(f"<div class='k'>{k}</div><div class='v'>{v}</div>" for k, v in fields)
        elif layout in ("pipes", "slashes"):  # one paragraph of label: value fields set apart by | or /
            body = "<p>" + (" | " if layout == "pipes" else " / ").join(f"{k}: {v}" for k, v in fields) + "</p>"
        else:  # one line of inline fields
            body = "<p>" + " ".join(f"<em>{k}</em> {v}" for k, v in fields) + "</p>"
        out.append(f"<div class='card'><h4>{name}</h4>{body}</div>" if layout != "line" else
                   f"<div class='card'><b>{name}</b>{body[3:-4]}</div>")
    return (f"<html><head><title>자매우호도시 | 광명시청</title></head><body><div id='gnb'><a href='/'>홈</a></div>"
            f"<div id='contents'><h3>광명시 해외 교류도시</h3>{''.join(out)}</div>"
            f"<div id='footer'>광명시 철산로 1</div></body></html>")


@pytest.mark.parametrize("layout", ["items", "glued", "elements", "line", "pipes", "slashes"])
def test_cards_with_fields_as_items_glued_elements_or_one_line(tmp_path, layout):
    assert facts(build(_page(tmp_path, _cards_html(layout)))) == CARDS_FACTS


def _cards_paragraphs(bullet: str = "") -> list[str]:
    out = ["광명시 해외 교류도시"]
    for name, country, people, relation, date in CARDS:
        out += [name, f"{bullet}국가: {country}", f"{bullet}{people}"]
        out += [f"{bullet}구분: {relation}"] if relation else []
        out += [f"{bullet}결연일: {date}"]
    return out


@pytest.mark.parametrize("kind", ["txt", "md", "docx", "hwpx", "pdf"])
def test_cards_whose_country_population_and_date_sit_on_lines_of_their_own(tmp_path, kind):
    if kind in ("txt", "md"):
        paragraphs = _cards_paragraphs("- " if kind == "md" else "")
        if kind == "md":
            paragraphs = [f"## {paragraphs[0]}", *(p if p.startswith("- ") else f"### {p}" for p in paragraphs[1:])]
        path = tmp_path / f"cards.{kind}"
        path.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    elif kind == "pdf":
        from tests.corpus.pdf_printer import html_page, print_pdf

        body = "".join(f"<p>{p}</p>" for p in _cards_paragraphs())
        path = print_pdf(html_page("광명시 해외 교류도시", body), tmp_path / "cards.pdf")
    else:
        path = (docx_file if kind == "docx" else hwpx_file)(tmp_path / f"cards.{kind}", _cards_paragraphs())
    assert facts(build(from_file(path))) == CARDS_FACTS


def test_perturbed_one_element_cards_a_date_changed_a_card_added_and_no_relation_from_the_card_above(tmp_path):
    html = _cards_html("elements")
    changed = html.replace("2005. 3. 4.", "2006년 7월")
    assert facts(build(_page(tmp_path, changed))) == (CARDS_FACTS - {("광명시", "청룡시", "2005-03-04", "friendship")}
                                                      ) | {("광명시", "청룡시", "2006-07", "friendship")}
    added = html.replace("<div class='card'><h4>레드우드시", "<div class='card'><h4>다르항솜</h4><div>국가</div>"
                         "<div>몽골</div><div>결연일</div><div>2016. 9. 1.</div><div>구분</div><div>친선결연</div>"
                         "</div><div class='card'><h4>레드우드시")
    assert facts(build(_page(tmp_path, added))) == CARDS_FACTS | {("광명시", "다르항솜", "2016-09-01", "goodwill")}


def test_card_remarks_a_raise_under_the_date_an_anniversary_field_and_the_next_card_untouched(tmp_path):
    html = """<html><head><title>국제자매도시</title></head><body><main><h2>광명시 국제자매도시</h2>
<section><h3>하루미시(晴海市)</h3><p>일본 · 시즈오카현</p><p>인구 190,000명 / 면적 72.7㎢</p>
<p>결연일 : 1998년 11월 20일</p></section>
<section><h3>청룡시(靑龍市)</h3><p>중국 · 허베이성</p><p>인구 957만명 / 면적 11,784㎢</p>
<p>결연일 : 2006년 6월 22일</p><p>우호도시 협정 체결 후 2010. 3. 18. 자매결연으로 격상</p></section>
<section><h3>하바롭스크시</h3><p>러시아 · 하바롭스크주</p><p>인구 61만명</p><p>결연일 : 2016년 5월 10일</p></section>
<section><h3>미국 레드우드시</h3><ul><li><em>결연일</em> 2001. 4. 12.</li>
<li><em>구분</em> 자매도시 (구 철산군)</li><li><em>비고</em> 2021년 결연 20주년 기념 교류</li>
<li><em>비고</em> 결연 20주년 기념 청소년 교류 활발</li></ul></section>
<section><h3>달랏시</h3><p>베트남 · 럼동성</p><p>2025년 우호교류 협약 체결 예정</p></section>
</main></body></html>"""
    result = build(_page(tmp_path, html))
    assert facts(result) == {
        ("광명시", "하루미시", "1998-11-20", "sister"), ("광명시", "청룡시", "2006-06-22", "friendship"),
        ("광명시", "청룡시", "2010-03-18", "sister"), ("광명시", "하바롭스크시", "2016-05-10", "sister"),
        ("광명시", "레드우드시", "2001-04-12", "sister")}
    assert facts(result, "AgreementIntent") == {("광명시", "달랏시", "2025", "friendship")}


@pytest.mark.parametrize("kind", ["html", "txt"])
def test_one_line_cards_a_latin_name_first_domestic_homonyms_settled_by_their_province_and_plans(tmp_path, kind):
    cards = ["Harumi 하루미시 일본 시즈오카현 결연일자 1998.11.20 (구 철산군)",
             "청룡시 중국 허베이성 체결연월일 2005.3.4", "고성군 강원특별자치도 결연일 2012. 9. 4.",
             "달랏시 베트남 2024. 5. 교류의향서 전달", "다르항솜 몽골 협약 예정일 2025. 3."]
    if kind == "html":
        body = "".join("<div class='card'>" + "".join(f"<span>{part}</span>" for part in card.split(" ", 1))
                       + "</div>" for card in cards)
        doc = _page(tmp_path, f"<html><body><div id='content'><h2>광명시 자매·우호도시</h2>{body}</div></body></html>")
    else:
        doc = document("cards.txt", "\n".join(["광명시 자매·우호도시", *cards]))
    result = build(doc)
    assert facts(result) == {("광명시", "하루미시", "1998-11-20", "sister"),  # plans (전달, 예정일) sign nothing
                             ("광명시", "청룡시", "2005-03-04", "sister"), ("고성군", "광명시", "2012-09-04", "sister")}
    result.dataset.default_union = True
    assert {str(r.p).rsplit("/", 1)[-1] for r in result.dataset.query(
        "SELECT ?p WHERE { ?a a <https://w3id.org/gyoryu/ontology#Agreement> ; "
        "<https://w3id.org/gyoryu/ontology#party> ?p }")} >= {"kr-gangwon-goseong"}


DL_PAGE = """<html><head><title>가나시청 - 국제교류 - 자매우호도시 현황</title></head><body><div id="gnb">홈</div><main>
<h1>자매우호도시 현황</h1><h2>자매도시</h2><dl>
<dt>미국 레드우드시 (Redwood)</dt><dd>1990년 12월 13일 자매결연 · 공무원 연수, 청소년 어학연수</dd>
<dt>일본 하루미시 (晴海市)</dt><dd>1996년 10월 8일 자매결연 · 통합 전 가나군 체결, 2014년 가나시 승계</dd>
<dt>베트남 박하성</dt><dd>2018. 3. 27. 우호교류 협약 / 2023. 3. 27. 협약 갱신(5년 단위)</dd></dl>
<h2>교류 관계 변동</h2><ul><li>2022. 12. 일본 다라시와의 교류 종료</li></ul></main></body></html>"""


def test_definition_list_cards_dated_first_and_the_page_office_as_subject(tmp_path):
    """``<dt>`` names the partner, ``<dd>`` opens with the date and its relation; the ``<title>``'s office (가나시청)
    says whose page it is; a relation handed on (2014년 … 승계) or ended (교류 종료) is no signing."""
    assert facts(build(_page(tmp_path, DL_PAGE.replace("가나", "광명")))) == {
        ("광명시", "레드우드시", "1990-12-13", "sister"), ("광명시", "하루미시", "1996-10-08", "sister"),
        ("광명시", "박하성", "2018-03-27", "friendship"),
        ("광명시", "박하성", "2023-03-27", "cooperationAgreement")}  # 협약 갱신: the renewal's own word


FIELD_CARDS = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>국제자매도시 | 양주시청</title>
</head><body>
<header><ul class="gnb"><li>시정</li><li>국제교류</li></ul></header>
<div id="contents"><h2>양주시 국제자매·우호도시</h2>
<div class="city"><h3>미국 가나브라시</h3><p>국가 : 미국 캘리포니아주</p><p>체결일 : 1997. 6. 10.</p>
<p>구분 : 자매도시</p></div>
<div class="city"><h3>중국 다라시 마바구</h3><p>국가 : 중국 산둥성</p><p>우호교류 체결 : 2004. 3. 15.</p>
<p>자매결연 격상 : 2011. 9. 20.</p></div>
<div class="city"><h3>일본 사아시마시</h3><p>국가 : 일본 도쿠시마현</p><p>구분 : 우호도시</p>
<p>주요교류 : 청소년 교류</p></div>
<div class="city"><h3>베트남 자차성</h3><p>국가 : 베트남</p><p>구분 : 우호교류 추진 중</p>
<p>체결 예정 : 2025년 하반기</p></div>
<div class="city"><h3>몽골 카타아이막</h3><p>국가 : 몽골</p><p>구분 : 우호도시</p><p>체결일 : 2018년 5월</p></div>
</div><footer><p>양주시청 경기도 양주시</p></footer></body></html>
"""
FIELD_CARD_FACTS = {("가나브라시", "양주시", "1997-06-10"), ("마바구", "양주시", "2004-03-15"),
                    ("마바구", "양주시", "2011-09-20"), ("양주시", "카타아이막", "2018-05")}


def _signings(result) -> set[tuple[str, str, str]]:
    return {f[:3] for f in facts(result)}


def test_a_card_without_a_date_above_a_dated_card_lends_it_neither_its_name_nor_its_country(tmp_path):
    path = tmp_path / "yangju.html"
    path.write_text(FIELD_CARDS, encoding="utf-8")
    result = build(from_file(path))
    assert _signings(result) == FIELD_CARD_FACTS
    assert {f[:3] for f in facts(result, "AgreementIntent")} == {("양주시", "자차성", "2025")}  # not 사아시마시's


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("<p>구분 : 우호도시</p>\n<p>주요교류", "<p>체결일 : 2009. 4. 1.</p><p>주요교류", set(),
     {("사아시마시", "양주시", "2009-04-01")}),  # the dateless card gets a date: its own signing
    ("<p>체결일 : 2018년 5월</p>", "<p>체결일 : 2019년 6월</p>", {("양주시", "카타아이막", "2018-05")},
     {("양주시", "카타아이막", "2019-06")}),
])
def test_field_cards_perturbed(tmp_path, old, new, gone, added):
    path = tmp_path / "yangju.html"
    path.write_text(FIELD_CARDS.replace(old, new), encoding="utf-8")
    assert _signings(build(from_file(path))) == (FIELD_CARD_FACTS - gone) | added


def test_text_cards_with_square_bullets_and_a_dateless_card_between_dated_ones():
    text = """안성시 국제교류 도시 현황

■ 중국 가나시 (장쑤성)
 ○ 체결일 : 1995. 3. 2.
 ○ 구분 : 자매도시
■ 러시아 다라시
 ○ 구분 : 우호도시
 ○ 비고 : 2019년 교류 재개
■ 미국 마바카운티
 ○ 체결일 : 2014. 9.
 ○ 구분 : 우호교류
 ○ 비고 : 2024. 9. 재체결
"""
    assert _signings(build(document("anseong.txt", text))) == {
        ("가나시", "안성시", "1995-03-02"), ("마바카운티", "안성시", "2014-09"), ("마바카운티", "안성시", "2024-09")}
