"""Cards whose labels stand apart from their values with no colon (``<span>결연</span> 2001년 4월 17일``), in web
pages, Markdown and DOCX; table remarks of a renewal on an anniversary (``2023 재체결(30주년)``), a letter of intent
signed while the agreement is still planned, Korean parties under a vague ``구분`` header; prose wrapped after a date
(``… 체결하였으며,``) names no partner ``하였으며``. Each with perturbations."""

from __future__ import annotations

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file, tsv

CARDS = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>해외 자매도시 - 영주시청</title></head>
<body><header><div class="logo">영주시청</div><nav><a href="#">국제교류</a> <a href="#">민원</a></nav></header>
<main><h2>해외 자매도시 소개</h2>
<p class="lead">영주시는 5개국 5개 도시와 교류하고 있습니다. 카드의 날짜는 협약서 서명일입니다.</p>
<section class="card"><h4>▣ 중국 가나성 다라시(多羅市)</h4><ul>
<li><span class="k">관계</span> 우호도시 → 자매도시</li>
<li><span class="k">결연</span> 1999. 10. 8.(우호도시) → 2009. 10.(자매도시 격상)</li>
<li><span class="k">주요사업</span> 공무원 상호 연수</li></ul></section>
<section class="card"><h4>▣ 일본 마바현 사아시</h4><ul>
<li><span class="k">관계</span> 자매도시</li>
<li><span class="k">결연</span> 2001년 4월 17일</li></ul></section>
<section class="card"><h4>▣ 몽골 자차아이막</h4><ul>
<li><span class="k">관계</span> 우호교류</li>
<li><span class="k">협정체결</span> 2014. 8. 11. / 재체결 2024. 8. 11.</li></ul></section>
<section class="card"><h4>▣ 미국 카타주 하나시</h4><ul>
<li><span class="k">관계</span> 교류도시(협약 없음)</li>
<li><span class="k">교류</span> 2018년부터 실무 교류, 협약 체결 협의 중</li></ul></section>
<section class="card plan"><h4>▣ 필리핀 두라주 (협약 추진)</h4><ul>
<li><span class="k">추진</span> 2025. 5. 대표단 방문 시 협약 체결 예정</li></ul></section>
</main><footer><p>관련사이트: 이웃 군 자매도시(2012. 다른시)</p></footer></body></html>
"""
CARD_FACTS = {("다라시", "영주시", "1999-10-08"), ("다라시", "영주시", "2009-10"), ("사아시", "영주시", "2001-04-17"),
              ("영주시", "자차아이막", "2014-08-11"), ("영주시", "자차아이막", "2024-08-11")}


def _signings(result) -> set[tuple[str, str, str]]:
    return {f[:3] for f in facts(result)}


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("", "", set(), set()),
    ("2001년 4월 17일", "2002년 3월 5일", {("사아시", "영주시", "2001-04-17")}, {("사아시", "영주시", "2002-03-05")}),
    ("<section class=\"card plan\">", "<section class=\"card\"><h4>▣ 베트남 라마성</h4><ul><li><span class=\"k\">결연"
     "</span> 2023년 5월</li></ul></section><section class=\"card plan\">", set(), {("라마성", "영주시", "2023-05")}),
    ("<span class=\"k\">결연</span> 2001년", "<span class=\"k\">결연일</span> 2001년", set(), set()),
])
def test_web_page_cards_whose_labels_stand_apart_with_no_colon(tmp_path, old, new, gone, added):
    path = tmp_path / "yeongju.html"
    path.write_text(CARDS.replace(old, new) if old else CARDS, encoding="utf-8")
    result = build(from_file(path))
    assert _signings(result) == (CARD_FACTS - gone) | added
    assert not {f for f in _signings(result) if "하나시" in f or "두라주" in f}  # talks and a plan: none


MD = """# 영주시 해외 자매도시

▣ 중국 가나성 다라시
- 관계 우호도시
- 결연 1999. 10. 8.

▣ 일본 마바현 사아시
- 관계 자매도시
- 체결 2001년 4월 17일
- 주요사업 청소년 교류(2015년~)
"""


def test_markdown_and_docx_cards_with_bare_labels(tmp_path):
    expected = {("다라시", "영주시", "1999-10-08"), ("사아시", "영주시", "2001-04-17")}
    assert _signings(build(document("yeongju.md", MD))) == expected
    moved = MD.replace("1999. 10. 8.", "1998. 2. 3.")
    assert _signings(build(document("yeongju.md", moved))) == {("다라시", "영주시", "1998-02-03"),
                                                               ("사아시", "영주시", "2001-04-17")}
    blocks = [line for line in MD.splitlines() if line.strip()]
    path = docx_file(tmp_path / "yeongju.docx", [b.lstrip("# ") for b in blocks])
    assert _signings(build(from_file(path))) == expected


REMARKS = "충청북도 해외 교류 현황\n" + tsv(
    ["상대 도시", "국가", "구분", "협약 연도", "비고"],
    ["가나시", "중국", "우호협력", "1993", "2023 재체결(30주년)"],
    ["다라시", "일본", "자매결연", "1998", "2018 20주년 기념행사"],
    ["마바시", "베트남", "우호교류", "2004", "2024 20주년 기념 재체결"])
REMARK_FACTS = {("가나시", "충청북도", "1993"), ("가나시", "충청북도", "2023"), ("다라시", "충청북도", "1998"),
                ("마바시", "충청북도", "2004"), ("마바시", "충청북도", "2024")}


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("", "", set(), set()),
    ("2023 재체결(30주년)", "2023 30주년 기념 방문", {("가나시", "충청북도", "2023")}, set()),
    ("2018 20주년 기념행사", "2018 재체결(20주년)", set(), {("다라시", "충청북도", "2018")}),
    ("2024 20주년 기념 재체결", "2024년 5월 20주년 기념 재체결", {("마바시", "충청북도", "2024")},
     {("마바시", "충청북도", "2024-05")}),
])
def test_a_renewal_signed_on_an_anniversary_is_a_signing_an_anniversary_event_none(old, new, gone, added):
    text = REMARKS.replace(old, new) if old else REMARKS
    assert _signings(build(document("chungbuk.tsv", text))) == (REMARK_FACTS - gone) | added


LETTER = "베트남 남부 교류 현황\n" + tsv(
    ["베트남 측", "우리 측", "구분", "체결일", "비고"],
    ["가나성", "나주시", "교류의향서", "2023. 5. 9.", "의향서 상호 서명, 우호교류 협약은 2025년 체결 예정"],
    ["다라성", "충청남도", "우호교류", "2024. 9. 1.", "2025년 체결 예정"])


def test_a_letter_of_intent_signed_while_the_agreement_is_planned_is_a_signing():
    result = build(document("vietnam.tsv", LETTER))
    assert facts(result) == {("가나성", "나주시", "2023-05-09", "letterOfIntent")}
    assert ("다라성", "충청남도", "2024-09-01", "friendship") in facts(result, "AgreementIntent")  # a plan alone
    unsigned = LETTER.replace("의향서 상호 서명, ", "")
    assert facts(build(document("vietnam.tsv", unsigned))) == set()


SPECIAL = "특례시 해외 도시 협약 현황\n" + tsv(
    ["구분", "도시명(국가)", "협약 종류", "체결일자", "비고"],
    ["수원특례시", "가나시(미국)", "자매결연", "1996.10.3(최초) / 2016.10.3(재체결)", ""],
    ["수원특례시", "다라시(중국)", "자매결연", "1993.10.27.(수)", ""],
    ["고양특례시", "마바시(중국)", "우호교류", "2000.5.8 체결, 2010.5.8 갱신", ""],
    ["창원특례시", "사아시(일본)", "자매결연", "1968.12.5", "2018.12.5 재체결"],
    ["계", "5건", "", "", ""])
SPECIAL_FACTS = {("가나시", "수원시", "1996-10-03"), ("가나시", "수원시", "2016-10-03"),
                 ("다라시", "수원시", "1993-10-27"), ("고양시", "마바시", "2000-05-08"),
                 ("고양시", "마바시", "2010-05-08"), ("사아시", "창원시", "1968-12-05"),
                 ("사아시", "창원시", "2018-12-05")}


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("", "", set(), set()),
    ("고양특례시", "용인특례시", {("고양시", "마바시", "2000-05-08"), ("고양시", "마바시", "2010-05-08")},
     {("마바시", "용인시", "2000-05-08"), ("마바시", "용인시", "2010-05-08")}),
    ("1993.10.27.(수)", "1994.3.2.(수)", {("다라시", "수원시", "1993-10-27")}, {("다라시", "수원시", "1994-03-02")}),
])
def test_korean_parties_under_a_vague_header_are_the_rows_own(old, new, gone, added):
    text = SPECIAL.replace(old, new) if old else SPECIAL
    assert _signings(build(document("special.tsv", text))) == (SPECIAL_FACTS - gone) | added


def test_a_date_opening_prose_wrapped_over_lines_names_no_partner_of_its_verb():
    text = """2024 삼척시정 백서

  가 . 일본 가나현 다라시
     1997. 10. 3. 자매결연 협정을 체결하였으며(당시 다라시장 서명),
     2017. 10. 결연 20주년을 맞아 협정을 재체결하였다.
"""
    signed = _signings(build(document("samcheok.txt", text)))
    assert ("다라시", "삼척시", "1997-10-03") in signed
    assert not any("하였으며" in name for fact in signed for name in fact)
