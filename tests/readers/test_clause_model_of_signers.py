"""Who signed what with whom when, read from the clause whatever the wording (decision
0092, audit16 a16c, B16, A2, cd6, rst3): a signing stated inside a clause of another
subject is that clause's pair (``사라시 시장은 양평군과 마나시가 협정을 체결한 것을 축하했다``); a pair named
with 의 before its dated relation (``양평군과 마나시의 자매결연(2010. 3. 5. 체결)``); letters
exchanged both ways (``맞교환``); a Latin title on a line of its own inside a Korean
sentence; ``각각`` of a verb after the signing's; a renewal stated as ``갱신되어``; ``같은
자리에서`` as the day of the signing before. Foreign places invented and placed by country
words; Korean ones the registry's. Perturbations beside each."""

from __future__ import annotations

import pytest

from tests.readers.helpers import build, document, facts

NEWS = """양평군 국제교류 소식
2024. 1. 10.

{text}
"""


def _read(text: str, kind: str = "Agreement") -> set[tuple[str, str, str | None, str]]:
    return facts(build(document("n.txt", NEWS.format(text=text))), kind)


#: A signing inside a clause whose subject is not the sentence's topic, in three wordings.
EMBEDDED = (
    ("중국 사라시 시장은 2023년 5월 3일 양평군과 일본 마나시가 자매결연 협정을 체결한 것을 축하했다.", "sister"),
    ("중국 사라시 대표단은 양평군과 일본 마나시가 2023. 5. 3. 우호교류 협약을 맺었다고 전했다.", "friendship"),
    ("중국 사라시는 2023년 5월 3일 양평군과 일본 마나시가 우호교류 협약을 체결한 사실을 환영했다.", "friendship"),
)


@pytest.mark.parametrize(("text", "relation"), EMBEDDED)
def test_a_signing_inside_a_clause_of_another_subject_is_that_clauses_pair(text: str, relation: str):
    assert _read(text) == {("마나시", "양평군", "2023-05-03", relation)}


def test_the_topic_signs_when_the_signing_verb_is_its_own():
    assert _read("중국 사라시는 2023년 5월 3일 양평군과 우호교류 협약을 체결했다.") == {
        ("사라시", "양평군", "2023-05-03", "friendship")}


@pytest.mark.parametrize("text", [
    "양평군은 이웃 가평군과 일본 마나시의 자매결연(2010. 3. 5. 체결)을 본보기로 삼았다.",
    "양평군 대표단은 가평군과 일본 마나시의 자매결연 협정(2010년 3월 5일 체결) 사례를 들었다.",
    "양평군은 가평군과 일본 마나시의 2010. 3. 5. 자매결연 체결을 사례로 소개했다.",
])
def test_a_pair_named_with_its_dated_relation_is_that_pair_not_the_speakers(text: str):
    assert _read(text) == {("가평군", "마나시", "2010-03-05", "sister")}


@pytest.mark.parametrize(("text", "relation"), [
    ("양평군은 2019년 5월 3일 일본 마나시와 우호교류 의향서를 맞교환하고 교류를 제안했다.", "letterOfIntent"),
    ("양평군과 일본 마나시는 2019. 5. 3. 자매결연 협정서를 맞교환했다.", "sister"),
    ("2019년 5월 3일 양평군은 일본 마나시와 MOU를 맞교환한 뒤 기념촬영을 했다.", "mou"),
])
def test_papers_exchanged_both_ways_are_a_signing(text: str, relation: str):
    assert _read(text) == {("마나시", "양평군", "2019-05-03", relation)}


def test_a_letter_only_sent_stays_an_intent():
    text = "양평군은 2019년 5월 3일 일본 마나시에 우호교류 의향서를 전달했다."
    assert _read(text) == set() and _read(text, "AgreementIntent")


@pytest.mark.parametrize("title", ['"Sister City Agreement"', "「Sister City Agreement」", "Sister City Agreement",
                                  "'Sister-City Agreement'"])
def test_a_latin_title_on_a_line_of_its_own_is_inside_the_korean_sentence(title: str):
    text = f"양평군은 2023년 5월 3일 미국 오리건주 마나빌시와\n{title}\n를 체결했다."
    assert _read(text) == {("마나빌시", "양평군", "2023-05-03", "sister")}


def test_an_english_sentence_on_its_own_line_stays_its_own():
    text = ("양평군은 2023년 5월 3일 미국 오리건주 마나빌시와 자매결연을 맺었다.\n"
            "The two cities signed a sister city agreement on May 3, 2023.\n양평군은 교류를 이어간다.")
    assert _read(text) == {("마나빌시", "양평군", "2023-05-03", "sister")}


FOUR = {("마나시", "양평군", "2023-05-03", "friendship"), ("사라시", "양평군", "2023-05-03", "friendship"),
        ("가평군", "마나시", "2023-05-03", "friendship"), ("가평군", "사라시", "2023-05-03", "friendship")}


@pytest.mark.parametrize("text", [
    "가평군과 양평군은 2023년 5월 3일 일본 마나시, 중국 사라시와 공동 우호교류 협약을 체결하고 기념품을 각각 전달했다.",
    "가평군과 양평군은 2023. 5. 3. 일본 마나시, 중국 사라시와 공동으로 우호교류 협약을 맺고 각각 기념식수를 했다.",
    "2023년 5월 3일 가평군과 양평군은 일본 마나시, 중국 사라시와 우호교류 협약을 공동 체결한 다음 각각 답례했다.",
])
def test_respectively_of_a_verb_after_the_signing_leaves_every_pair(text: str):
    assert _read(text) == FOUR


def test_respectively_before_the_signing_verb_still_pairs_in_order():
    text = "가평군과 양평군은 2023년 5월 3일 각각 일본 마나시, 중국 사라시와 우호교류 협약을 체결했다."
    assert _read(text) == {("가평군", "마나시", "2023-05-03", "friendship"),
                           ("사라시", "양평군", "2023-05-03", "friendship")}


@pytest.mark.parametrize(("text", "renewed"), [
    ("양평군은 일본 마나시와 2010. 3. 5. 자매결연을 맺었으며, 협정은 2015. 3. 5. 갱신되어 2025. 3. 4.까지 유효하다.",
     "2015-03-05"),
    ("양평군은 2010년 3월 5일 일본 마나시와 자매결연을 맺었고, 2018년 6월 1일 협정이 갱신돼 교류가 이어지고 있다.",
     "2018-06-01"),
    ("양평군은 일본 마나시와 2010. 3. 5. 자매결연 협정을 체결하였으며, 이 협정은 2021. 4. 2. 재체결되어 지금에 이른다.",
     "2021-04-02"),
])
def test_a_renewal_stated_as_renewed_is_a_further_signing(text: str, renewed: str):
    assert _read(text) == {("마나시", "양평군", "2010-03-05", "sister"), ("마나시", "양평군", renewed, "sister")}


def test_a_renewal_that_ought_to_be_made_signs_nothing():
    text = "양평군은 일본 마나시와 2010. 3. 5. 자매결연을 맺었으며, 협정은 2015. 3. 5. 갱신되어야 한다는 의견이 있다."
    assert _read(text) == {("마나시", "양평군", "2010-03-05", "sister")}


@pytest.mark.parametrize("text", [
    "가평군은 2023년 5월 3일 일본 마나시와 자매결연을 맺었고, 양평군도 같은 자리에서 중국 사라시와 우호협약을 맺었다.",
    "가평군은 2023. 5. 3. 일본 마나시와 자매결연을 맺었으며 이 자리에서 양평군도 중국 사라시와 우호교류 협약을 맺었다.",
    "가평군은 2023년 5월 3일 일본 마나시와 자매결연을 맺었다. 같은 자리에서 양평군도 중국 사라시와 우호협약을 맺었다.",
])
def test_the_same_occasion_is_the_day_of_the_signing_before(text: str):
    assert _read(text) == {("가평군", "마나시", "2023-05-03", "sister"),
                           ("사라시", "양평군", "2023-05-03", "friendship")}


def test_the_same_day_in_news_is_the_event_day_not_an_older_date_of_the_sentence_before():
    text = ("양평군은 25일 일본 마나시와 우호협력 협정에 서명했다. 두 도시는 2007년 4월 우호교류 의향서를 교환한 뒤 "
            "정식 협정을 맺게 됐다.\n\n같은 날 가평군과 중국 사라시는 자매결연 협정서를 교환했다.")
    got = facts(build(document("n.txt", "양평군 국제교류 소식\n2025. 9. 26.\n\n" + text + "\n")))
    assert ("가평군", "사라시", "2025-09-25", "sister") in got and not any(
        d == "2007-04" and "사라시" in (a, b) for a, b, d, _ in got)


@pytest.mark.parametrize(("text", "expected"), [
    ("양평군은 2006년 맺은 경기 광명시와의 자매결연을 2016년 해지했다.", ("광명시", "양평군", "2006", "sister")),
    ("2009. 4. 1. 맺은 일본 마나시와의 자매결연은 2019년 종료되었다.", ("마나시", "양평군", "2009-04-01", "sister")),
    ("2011년 체결한 중국 사라시와의 우호교류 협약은 지금도 이어지고 있다.", ("사라시", "양평군", "2011", "friendship")),
])
def test_a_tie_told_as_what_a_partner_with_its_relation_is_a_signing(text: str, expected: tuple):
    assert _read(text) == {expected}


def test_a_tie_still_to_be_made_before_a_partner_is_no_signing():
    assert _read("2026년 맺을 일본 마나시와의 자매결연은 준비 단계다.") == set()


#: A news page printed at a fixed width by OCR: its date's month read as letters, a name and a year split by the wrap.
OCR_PAGE = """양 평 소 식   2O24년 lO월 9일 (수)
-------------------------------------------
[양평=홍길동 기자]  양평군은 7일 인도 마나푸르시청에서{a}
{b} 우호교류 협약을 맺었다고  전했다.
  이에 앞서 양평군은 2OO4년 5월 l2일 일본 사라시와 자매결연을 맺었고,{c}
{d}년 6월 3일에는 중국 마바시와 우호교류 협약을 체결했다.
"""
#: Three wraps: the name split before its suffix and the year in halves; the name whole on the next line; both whole.
WRAPS = ({"a": " 마나푸르", "b": "시와", "c": " 2O", "d": "l9"},
         {"a": "", "b": "마나푸르시와", "c": " 2O", "d": "l9"},
         {"a": " 마나푸르시와", "b": "", "c": "", "d": "2Ol9"})


@pytest.mark.parametrize("wrap", WRAPS)
def test_an_ocr_page_with_hard_wraps_reads_its_dates_and_names_whole(wrap: dict[str, str]):
    got = facts(build(document("o.txt", OCR_PAGE.format(**wrap))))
    assert got == {("마나푸르시", "양평군", "2024-10-07", "friendship"), ("사라시", "양평군", "2004-05-12", "sister"),
                   ("마바시", "양평군", "2019-06-03", "friendship")}


def test_a_word_ending_a_line_is_not_glued_to_a_suffix_the_document_never_writes_whole():
    page = OCR_PAGE.format(**WRAPS[0]).replace("인도 마나푸르시청에서", "인도 타라시청에서")
    got = facts(build(document("o.txt", page)))
    assert not any("마나푸르시" in (a, b) for a, b, _, _ in got)


#: Both sides (양측, 두 도시) after a sentence about one of them, in a document of the other: three wordings.
BOTH_SIDES = (
    ("헤이룽장성 인민정부 외사판공실 한국어 뉴스", "등록일: 2025-04-18",
     "외사판공실은 3일 전라북도 방문단을 환영했다.\n전라북도 방문단은 부지사를 포함해 8명이다.\n\n"
     "양측은 1997년 3월 자매결연을 체결한 뒤 해마다 청소년을 보내고 있다.",
     ("전북특별자치도", "헤이룽장성", "1997-03", "sister")),
    ("양평군 국제교류 소식", "2024. 1. 10.",
     "일본 마나시 대표단이 9일 양평군을 방문했다. 두 도시는 2010년 5월 3일 자매결연을 맺었다.",
     ("마나시", "양평군", "2010-05-03", "sister")),
    ("가평군 국제교류 소식", "2024. 1. 10.",
     "중국 사라시 대표단이 9일 가평군을 찾았다. 사라시 대표단은 시장을 단장으로 5명이다. "
     "양측은 2010년 우호교류 협약을 맺은 뒤 교류를 이어 왔다.", ("가평군", "사라시", "2010", "friendship")),
)


@pytest.mark.parametrize(("title", "date", "body", "expected"), BOTH_SIDES)
def test_both_sides_are_the_place_the_text_follows_and_the_documents_own(title: str, date: str, body: str,
                                                                          expected: tuple):
    assert facts(build(document("b.txt", f"{title}\n{date}\n\n{body}\n"))) == {expected}


def test_both_sides_aiming_at_a_signing_sign_nothing():
    title, date, body, _ = BOTH_SIDES[2]
    body = body.replace("2010년 우호교류 협약을 맺은 뒤 교류를 이어 왔다", "2025년 우호교류 협약을 체결하기로 했다")
    assert facts(build(document("b.txt", f"{title}\n{date}\n\n{body}\n"))) == set()


#: A reception log whose rows name the guest's city only glued to the guest's title, and a note on one of them.
LOG = """2024년 양평군 외빈 접견 현황
2025. 1. 10.

일자{s}국가{s}외빈{s}직위{s}주요 내용
2. 7.{s}일본{s}마바 사아{s}{title}{s}자매결연 협정 재체결 서명
4. 9.{s}베트남{s}홍길동{s}타라시 부시장{s}MOU 체결 논의

※ {place}와는 1991. 6. 3. 자매결연을 처음 체결하였음.
"""


@pytest.mark.parametrize(("s", "title", "place"), [(" | ", "마나시장", "마나시"), ("\t", "마나현지사", "마나현"),
                                                    (" | ", "마나성장", "마나성")])
def test_a_place_glued_to_its_heads_title_in_a_row_is_placed_for_the_prose_after(s: str, title: str, place: str):
    got = facts(build(document("log.txt", LOG.format(s=s, title=title, place=place))))
    assert (place, "양평군", "1991-06-03", "sister") in {(a, b, d, r) for a, b, d, r in got}


#: A pair given as an example (``A과 B처럼``, ``A과 B같이``) whose both sides (양측이, 두 도시가) signed.
EXAMPLES = (
    ("그러나 가평군과 일본 마바현 마나시처럼 양측이 2021. 7. 1. 의향서에 함께 서명했다면 집계합니다.", "2021-07-01",
     "letterOfIntent"),
    ("예를 들어 가평군과 일본 마나시처럼 두 도시가 2019년 5월 3일 협약서에 서명한 경우가 해당합니다.", "2019-05-03",
     "cooperationAgreement"),
    ("가평군과 일본 마나시같이 양측이 2020. 6. 1. 의향서를 교환한 곳도 있습니다.", "2020-06-01", "letterOfIntent"),
)


@pytest.mark.parametrize(("text", "date", "relation"), EXAMPLES)
def test_a_pair_given_as_an_example_is_the_pair_both_sides_are(text: str, date: str, relation: str):
    page = ("경기도 국제교류 FAQ\n2025. 7. 14.\n\n"
            "A. 양평군처럼 중국 사라시에 2022년 의향서만 보낸 경우는 빼고 셉니다. ")
    got = facts(build(document("q.txt", page + text + "\n")))
    assert got == {("가평군", "마나시", date, relation)}


def test_a_pair_given_as_an_example_of_a_letter_only_sent_signs_nothing():
    text = "가평군과 일본 마나시처럼 양측 가운데 한쪽만 2020. 6. 1. 의향서를 전달한 곳도 있습니다."
    assert _read(text) == set()


#: A signing restated before its partner with 와의 and the relation after it, beside a date of the clause's own.
RESTATED = (
    ("양평군은 2012년 체결한 미국 오리건주 마나시와의 자매결연 15주년을 기념해 2027년 봄 음악회를 열 예정이다.",
     ("마나시", "양평군", "2012", "sister")),
    ("가평군은 2012. 5. 3. 맺은 일본 마나시와의 우호교류 협약 10주년을 맞아 2022년 9월 기념식을 열었다.",
     ("가평군", "마나시", "2012-05-03", "friendship")),
    ("양평군은 2011년 5월 체결한 중국 사라시와의 자매결연 관계를 2024년 10월 우호도시로 재정비할 계획이다.",
     ("사라시", "양평군", "2011-05", "sister")),
)


@pytest.mark.parametrize(("text", "expected"), RESTATED)
def test_a_signing_restated_before_a_partner_with_its_relation_after_is_that_pairs(text: str, expected: tuple):
    assert _read(text) == {expected}


def test_a_signing_to_come_before_a_partner_is_no_restatement():
    assert _read("양평군은 2026년 체결할 중국 사라시와의 자매결연을 위해 2025년 6월 실무단을 보냈다.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("홍길동 가평군수는 환영사에서 \"2016년 자매도시가 된 중국 마바성 사라시와의 우의를 다지겠다\"고 했다.",
     ("가평군", "사라시", "2016", "sister")),
    ("가평군은 2012년 우호도시가 된 일본 마나시와의 교류를 2024년 5월 청소년 분야로 넓혔다.",
     ("가평군", "마나시", "2012", "friendship")),
    ("가평군은 2012. 5. 3. 자매도시로 된 일본 지바현 마나시와의 교류를 이어 왔다.",
     ("가평군", "마나시", "2012-05-03", "sister")),
])
def test_partners_that_became_sister_or_friendship_cities_before_a_partner(text: str, expected: tuple):
    assert _read(text) == {expected}


def test_years_since_partners_became_sister_cities_are_no_signing_date():
    assert _read("가평군은 자매도시가 된 지 5년인 일본 마나시와의 교류를 2024년 5월 넓혔다.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("의원은 양평군이 미국 오리건주 마나시와 맺은 자매결연(1991)을 모범 사례로 꼽았다.",
     ("마나시", "양평군", "1991", "sister")),
    ("가평군이 일본 마나시와 2010년 맺은 자매결연처럼 교류를 넓혀야 합니다.", ("가평군", "마나시", "2010", "sister")),
    ("양평군이 중국 사라시와 체결한 우호교류 협약(2012. 5. 3.)은 좋은 예입니다.",
     ("사라시", "양평군", "2012-05-03", "friendship")),
])
def test_a_tie_a_subject_made_with_a_partner_dated_after_its_relation(text: str, expected: tuple):
    assert _read(text) == {expected}


def test_a_date_after_a_tie_of_another_event_is_no_signing():
    assert _read("양평군은 자매결연한 중국 사라시와 2019년 교류를 재개했다.") == set()


TRIP = """[국외출장 결과] 양평군 베트남 방문단

1. 기간 : {period}
2. 일정별 성과
   {day} 베트남 마나시 방문
      · 군수–마나시 부주석 면담
      · 양평군–마나시 관광교류 양해각서 체결
3. 작성일 : 2024. 10. 14.
"""


@pytest.mark.parametrize(("period", "day"), [("'24.10.07 ~ '24.10.11", "'24.10.09(수)"),
                                             ("2024. 10. 7. ~ 10. 11.", "2024. 10. 9.(수)"),
                                             ("2024년 10월 7일 ~ 11일", "2024년 10월 9일(수)")])
def test_a_day_with_its_year_and_weekday_heads_the_entries_below_it(period: str, day: str):
    got = facts(build(document("trip.txt", TRIP.format(period=period, day=day))))
    assert got == {("마나시", "양평군", "2024-10-09", "mou")}


@pytest.mark.parametrize(("text", "expected"), [
    ("중국 사라성과 양평군은 2002년 4월 11일 우호 관계를 수립했다.",
     ("사라성", "양평군", "2002-04-11", "friendship")),
    ("양평군은 2001. 4. 2. 베트남 사라성과 자매결연 관계를 수립했다.", ("사라성", "양평군", "2001-04-02", "sister")),
    ("양평군과 일본 마나시는 2005년 우호교류 관계를 수립한 뒤 청소년 교류를 이어 왔다.",
     ("마나시", "양평군", "2005", "friendship")),
])
def test_a_relation_established_is_a_signing(text: str, expected: tuple):
    assert _read(text) == {expected}


def test_a_relation_to_be_established_is_no_signing():
    assert _read("양평군은 몽골 타라아이막과 우호 관계 수립을 위한 협의를 2024년 5월 시작했다.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("중국 사라시와의 자매결연(2001. 5. 17.) 25주년 기념사업은 내년 봄 합창단 방문으로 계획되어 있다.",
     ("사라시", "양평군", "2001-05-17", "sister")),
    ("양평군은 일본 마나시와의 우호교류 협약(2004. 5. 3.) 20주년 기념행사를 열 예정이다.",
     ("마나시", "양평군", "2004-05-03", "friendship")),
    ("미국 사라시와의 자매결연(1999년) 25주년을 맞아 교류단 파견을 검토 중이다.",
     ("사라시", "양평군", "1999", "sister")),
])
def test_a_dated_tie_restated_in_a_plan_is_still_its_signing(text: str, expected: tuple):
    assert _read(text) == {expected}


def test_a_plan_in_the_ties_own_bracket_signs_nothing():
    assert _read("양평군은 베트남 타라성과의 자매결연(2026년 체결 추진) 준비를 계획하고 있다.") == set()


def test_a_year_in_the_bracket_of_an_anniversary_event_is_no_signing():
    assert _read("앞으로의 과제: 일본 마나시와의 결연 20주년 음악회(2021년 열림), 중국 사라시와 교류 확대.") == set()
