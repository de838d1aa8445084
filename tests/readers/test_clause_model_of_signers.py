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
OCR_PAGE = """양 평 신 문   2O23년 ll월 9일 (목)
-------------------------------------------
[양평=홍길동 기자]  양평군은 8일 인도 마나푸르시청에서{a}
{b} 자매결연 협정을 체결했다고  밝혔다.
  양평군은 앞서 2OO0년 3월 2l일 일본 사라시와 자매결연을,{c}
{d}년 9월 1일 중국 마바시와 우호교류 협약을 맺은 바 있다.
"""
#: Three wraps: the name split before its suffix and the year in halves; the name whole on the next line; both whole.
WRAPS = ({"a": " 마나푸르", "b": "시와", "c": " 2O", "d": "l6"},
         {"a": "", "b": "마나푸르시와", "c": " 2O", "d": "l6"},
         {"a": " 마나푸르시와", "b": "", "c": "", "d": "2Ol6"})


@pytest.mark.parametrize("wrap", WRAPS)
def test_an_ocr_page_with_hard_wraps_reads_its_dates_and_names_whole(wrap: dict[str, str]):
    got = facts(build(document("o.txt", OCR_PAGE.format(**wrap))))
    assert got == {("마나푸르시", "양평군", "2023-11-08", "sister"), ("사라시", "양평군", "2000-03-21", "sister"),
                   ("마바시", "양평군", "2016-09-01", "friendship")}


def test_a_word_ending_a_line_is_not_glued_to_a_suffix_the_document_never_writes_whole():
    page = OCR_PAGE.format(**WRAPS[0]).replace("인도 마나푸르시청에서", "인도 타라시청에서")
    got = facts(build(document("o.txt", page)))
    assert not any("마나푸르시" in (a, b) for a, b, _, _ in got)
