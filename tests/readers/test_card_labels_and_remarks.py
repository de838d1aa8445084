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


PAIRS = [
    "영주시 국제자매·우호도시 카드",
    "영주시 국제협력팀 | 2025. 6. 30. 현재",
    "미국 하바주 다라시 (Dara)",
    [["구분", "자매도시", "결연일", "1996. 10. 15."], ["인구", "약 11만 명", "면적", "124㎢"],
     ["교류분야", "청소년", "주요교류", "2021. 10. 결연 25주년 기념 방문"]],
    "중국 마바성 사아시",
    [["구분", "우호도시", "체결일자", "2005. 3. 24."], ["인구", "약 116만 명", "면적", "1,440㎢"],
     ["교류분야", "수산", "비고", "2015. 3. 24. 재체결 / 2025. 3. 24. 재체결"]],
    "노르웨이 자차주 카타시",
    [["구분", "교류도시", "교류 시작", "2012년"], ["교류분야", "해양", "주요교류", "2012. 9. 시찰단 방문(협약 없음)"]],
    "폴란드 타카주 라마시 (추진)",
    [["구분", "우호교류 추진", "추진 상황", "2025. 10. 교류의향서 서명 예정"]],
]
PAIR_FACTS = {("다라시", "영주시", "1996-10-15"), ("사아시", "영주시", "2005-03-24"),
              ("사아시", "영주시", "2015-03-24"),
              ("사아시", "영주시", "2025-03-24")}


@pytest.mark.parametrize("fmt", ["docx", "hwpx", "txt"])
def test_cards_whose_rows_hold_pairs_of_labels_and_values(tmp_path, fmt):
    """``구분 | 자매도시 | 결연일 | 1996. 10. 15.``: a card's fields two to a row, its name on the line above; the start
    of exchanges, an anniversary visit and a plan sign nothing."""
    from tests.readers.helpers import hwpx_file

    if fmt == "txt":
        text = "\n".join(b if isinstance(b, str) else "\n".join(" | ".join(r) for r in b) for b in PAIRS)
        result = build(document("yeongju.txt", text))
    else:
        result = build(from_file((docx_file if fmt == "docx" else hwpx_file)(tmp_path / f"yeongju.{fmt}", PAIRS)))
    assert _signings(result) == PAIR_FACTS


def test_pair_cards_perturbed_a_card_added_and_a_date_changed():
    blocks = [*PAIRS[:3], [["구분", "자매도시", "결연일", "1997. 1. 9."]], *PAIRS[4:],
              "베트남 바사성 아자시", [["구분", "우호협력(MOU)", "협약일", "2019년 11월 7일"]]]
    text = "\n".join(b if isinstance(b, str) else "\n".join(" | ".join(r) for r in b) for b in blocks)
    assert _signings(build(document("yeongju.txt", text))) == (PAIR_FACTS - {("다라시", "영주시", "1996-10-15")}) | {
        ("다라시", "영주시", "1997-01-09"), ("아자시", "영주시", "2019-11-07")}


NAMED_ROWS = [
    "남원시 국제자매·우호도시 현황",
    "남원시 국제교류팀 | 2025. 9. 1. 기준",
    [["도시명", "일본 가나현 다라시"], ["협약", "자매결연 1993. 3. 2."], ["", "재체결 2013. 3. 2."],
     ["주요교류", "2023. 3. 결연 30주년 기념식"]],
    [["도시명", "중국 마바성 사아구"], ["협약", "우호교류 2002. 10. 9."], ["", "명칭 변경 2012. 9. 사아시 → 사아구"],
     ["주요교류", "결연 당시 명칭은 사아시"]],
    [["도시명", "미국 자차주 카타시"], ["협약", "자매도시 1998. 5. 20."]],
    [["도시명", "몽골 하나아이막"], ["협약", "우호교류 협약 2016. 8. 11."],
     ["", "재체결 2023. 8. 11.(2021. 8. 만료 후)"]],
]
NAMED_FACTS = {("남원시", "다라시", "1993-03-02"), ("남원시", "다라시", "2013-03-02"),
               ("남원시", "사아구", "2002-10-09"),
               ("남원시", "카타시", "1998-05-20"), ("남원시", "하나아이막", "2016-08-11"),
               ("남원시", "하나아이막", "2023-08-11")}


def test_cards_named_by_a_field_below_a_field_naming_a_former_name(tmp_path):
    """A card named by its ``도시명`` row right under the card before, whose last field names a former name; a
    renewal row with an empty label cell and an expiry in brackets: one signing each, the expiry none."""
    from tests.readers.helpers import hwpx_file

    assert _signings(build(from_file(hwpx_file(tmp_path / "namwon.hwpx", NAMED_ROWS)))) == NAMED_FACTS
    moved = [*NAMED_ROWS[:4], [["도시명", "미국 자차주 카타시"], ["협약", "자매도시 1999. 6. 1."]], NAMED_ROWS[5]]
    assert _signings(build(from_file(hwpx_file(tmp_path / "namwon2.hwpx", moved)))) == (
        NAMED_FACTS - {("남원시", "카타시", "1998-05-20")}) | {("남원시", "카타시", "1999-06-01")}


REGISTER = """전라남도 시군 국제협약 체결 현황
전라남도 국제협력관 | 2025. 4. 15. 작성
연번 | 시군 | 국가 | 상대 지역 | 협약 형태 | 최초 체결 | 진행 상태
1 | 목포시 | 일본 | 가나시 | 자매결연 협약 | 2014. 5. 21. | 유지
2 | 영암군 | 일본 | 다라시 | 우호교류 협약 | 2025. 9. | 추진
3 | 신안군 | 프랑스 | 마바시 | 협약 | 2026년 상반기 | 계획
4 | 진도군 | 필리핀 | 사아주 | 교류의향서 | 2024. 12. 4. | 의향서 서명
2025년 협약 추진 계획
가. 영암군-다라시 우호교류 협약 체결: 2025. 9.
나. 진도군-사아주 정식 우호교류 협약: 2025년 하반기
"""


def test_signings_dated_after_the_date_a_register_was_written_and_entries_under_a_heading_of_plans_are_plans():
    result = build(document("jeonnam.txt", REGISTER))
    assert _signings(result) == {("가나시", "목포시", "2014-05-21"), ("사아주", "진도군", "2024-12-04")}
    assert {f[:3] for f in facts(result, "AgreementIntent")} >= {
        ("다라시", "영암군", "2025-09"), ("마바시", "신안군", "2026"), ("사아주", "진도군", "2025")}
    done = REGISTER.replace("2025. 4. 15. 작성", "2026. 12. 1. 작성").replace("2025년 협약 추진 계획",
                                                                             "2025년 협약 실적")
    assert _signings(build(document("jeonnam.txt", done))) >= {
        ("다라시", "영암군", "2025-09"), ("마바시", "신안군", "2026"), ("사아주", "진도군", "2025")}


LEDGER = "구미시 국제교류 협약 관리 대장\n" + tsv(
    ["연번", "상대 지역", "협약명", "최초 체결", "재체결(갱신)", "향후 계획"],
    ["1", "일본 가나현 다라시(多羅市)", "자매결연 협약", "1996. 4. 17.", "2006. 4. 17. 2016. 4. 17.",
     "2026. 4. 재체결 예정"],
    ["2", "중국 마바성 사아구", "교류의향서", "2023. 11. 8.", "-", "2025. 11. 우호교류 협약 체결 예정"],
    ["3", "독일 자차주 카타시", "우호교류 양해각서", "-", "-", "2025. 9. 체결 예정"]) + """
5. 참고: 경상북도는 2019. 4. 9. 바사성과 우호교류 협약을 체결하였음(도 협약)
"""
LEDGER_FACTS = {("구미시", "다라시", "1996-04-17"), ("구미시", "다라시", "2006-04-17"),
                ("구미시", "다라시", "2016-04-17"),
                ("구미시", "사아구", "2023-11-08")}


def test_a_column_of_plans_leaves_the_row_s_signing_and_a_cjk_gloss_stays_out_of_the_name():
    """``향후 계획`` plans steps of their own; ``일본 가나현 다라시(多羅市)`` is 다라시; a city's own province is none
    of its partners."""
    result = build(document("gumi.tsv", LEDGER))
    assert _signings(result) - {("경상북도", "바사성", "2019-04-09")} == LEDGER_FACTS
    assert not {f for f in _signings(result) if set(f[:2]) == {"구미시", "경상북도"}}
    moved = LEDGER.replace("2023. 11. 8.", "2022. 6. 1.")
    assert _signings(build(document("gumi.tsv", moved))) - {("경상북도", "바사성", "2019-04-09")} == (
        LEDGER_FACTS - {("구미시", "사아구", "2023-11-08")}) | {("구미시", "사아구", "2022-06-01")}


def test_a_name_of_the_foreign_side_is_never_a_korean_homograph():
    """A column headed by a foreign country (``중국 지방정부``) names Chinese places: 안산시(鞍山市) there is minted in
    China, not Korea's 안산시."""
    text = "동북3성 지방정부 교류 현황\n" + tsv(
        ["중국 지방정부", "한국 광역", "한국 기초", "구분", "체결일"],
        ["안산시(鞍山市)", "경기도", "안산시", "우호교류", "2010.11.3"],
        ["다라시", "전라남도", "목포시", "우호교류", "2012.5.2"])
    result = build(document("consulate.tsv", text))
    from ontology.namespaces import GY, RDF

    result.dataset.default_union = True
    pairs = {frozenset(str(p).rsplit("/", 1)[-1] for p in result.dataset.objects(a, GY.party))
             for a in set(result.dataset.subjects(RDF.type, GY.Agreement))}
    assert pairs == {frozenset({"cn-안산시", "kr-gyeonggi-ansan"}), frozenset({"cn-다라시", "kr-jeonnam-mokpo"})}


def test_a_note_naming_two_pairs_reads_each_clause_an_anniversary_event_none():
    text = """강원특별자치도 시군 국제교류 현황
시군 | 국가 | 상대 지방정부 | 구분 | 체결일
횡성군 | 중국 | 가나시 | 우호교류(추진) | 2025. 12. 예정
화천군 | 베트남 | 다라성 | 교류협력 MOU | 2024. 3. 5.
- ※ 2025년 신규: 횡성군-가나시 우호교류 협약 체결 예정(2025. 12.), 화천군-다라성 협약 1주년 교류회(2025. 3. 5.)
"""
    result = build(document("gangwon.txt", text))
    assert _signings(result) == {("다라성", "화천군", "2024-03-05")}
    edited = text.replace("협약 1주년 교류회(2025. 3. 5.)", "우호교류 협약 체결(2025. 3. 5.)")
    assert _signings(build(document("gangwon.txt", edited))) == {("다라성", "화천군", "2024-03-05"),
                                                                 ("다라성", "화천군", "2025-03-05")}


DEFINITIONS = """# 부여군 해외 자매·우호도시

## 일본 가나현 다라시

자매결연일
: 1998년 5월 1일

주요 교류
: 청소년 교류

## 중국 마바성 사아시

결연일
: 2005. 3. 4.
"""


def test_markdown_cards_as_definition_lists_whose_values_open_with_a_colon():
    assert _signings(build(document("buyeo.md", DEFINITIONS))) == {("다라시", "부여군", "1998-05-01"),
                                                                   ("부여군", "사아시", "2005-03-04")}
    moved = DEFINITIONS.replace(": 2005. 3. 4.", ": 2006. 7. 8.")
    assert _signings(build(document("buyeo.md", moved))) == {("다라시", "부여군", "1998-05-01"),
                                                             ("부여군", "사아시", "2006-07-08")}


GROUPED = "4개 특례시 해외 자매·우호도시 현황\n(2024년 12월 말 기준)\n\n■ 수원특례시 (2건)\n" + tsv(
    ["상대도시", "국가", "유형", "최초 결연일", "재결연일", "비고"],
    ["가나시", "미국", "자매", "1996. 10.", "2016. 10.", "20주년 재결연"], ["다라시", "중국", "우호", "1993년", "", ""],
    ["■ 고양특례시 (2건)"], ["마바시", "중국", "우호", "2000-05-08", "-", ""],
    ["사아시", "미국", "자매", "15.03.26", "'25.03.26(예정)", ""], ["■ 창원특례시 (1건)"],
    ["바사시", "일본", "자매", "1968. 12. 5.", "2018. 12. 5.", "50주년"], ["합계", "", "5건", "", "", ""])
GROUPED_FACTS = {("가나시", "수원시", "1996-10"), ("가나시", "수원시", "2016-10"), ("다라시", "수원시", "1993"),
                 ("고양시", "마바시", "2000-05-08"), ("고양시", "사아시", "2015-03-26"),
                 ("바사시", "창원시", "1968-12-05"), ("바사시", "창원시", "2018-12-05")}


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("", "", set(), set()),
    ("■ 고양특례시 (2건)", "■ 용인특례시 (2건)",
     {("고양시", "마바시", "2000-05-08"), ("고양시", "사아시", "2015-03-26")},
     {("마바시", "용인시", "2000-05-08"), ("사아시", "용인시", "2015-03-26")}),
    ("'25.03.26(예정)", "'25.03.26", set(), {("고양시", "사아시", "2025-03-26")}),
])
def test_korean_group_labels_between_rows_of_one_table_are_the_rows_party(old, new, gone, added):
    """``■ 고양특례시 (2건)`` between rows under one header: the rows below are 고양's; a planned renewal cell leaves
    the first signing of its row."""
    text = GROUPED.replace(old, new) if old else GROUPED
    assert _signings(build(document("special.tsv", text))) == (GROUPED_FACTS - gone) | added
