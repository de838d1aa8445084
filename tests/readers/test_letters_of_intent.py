"""A letter of intent (교류의향서) exchanged or signed is a signing of type letterOfIntent; one handed over, sent,
proposed, planned or aimed at is an intent (decision 0081). Sentences of several shapes (subject and partner, both
named, a carried subject, a date in brackets, two sides named as ``두 지역``), a table row and a list item; guards
(교환하기 위해, 교환을 제안, 교환할 예정, 전달, 발송, 교환을 추진, 협의 중); text, DOCX and a saved news page;
perturbations. Foreign places invented and placed by country words; Korean ones the registry's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, facts
from tests.readers.test_news_clauses_and_posts import _as

EXCHANGED = """가평군 국제교류 현황
2024. 1. 10.
가평군은 2019년 5월 3일 일본 가나시와 우호교류 의향서를 교환했다.
가평군과 중국 다라시는 2020. 6. 4. 교류의향서를 교환하였다.
군은 베트남 마바성과 교류의향서 교환(2021. 7. 5.) 이후 실무 교류를 이어왔다.
가평군은 2017년 8월 미국 사아빌시와 자매결연 의향서에 서명했다.
"""
EXCHANGED_FACTS = {("가나시", "가평군", "2019-05-03", "letterOfIntent"),
                   ("가평군", "다라시", "2020-06-04", "letterOfIntent"),
                   ("가평군", "마바성", "2021-07-05", "letterOfIntent"),
                   ("가평군", "사아빌시", "2017-08", "letterOfIntent")}

GUARDS = """가평군 국제교류 현황
2024. 1. 10.
가평군 대표단은 일본 가나시와 우호교류 의향서를 교환하기 위해 2019년 5월 3일 출국했다.
가평군은 2020년 6월 4일 중국 다라시에 우호교류 의향서 교환을 제안했다.
가평군은 2025년 5월 베트남 마바성과 교류의향서를 교환할 예정이다.
가평군은 2021년 7월 미국 사아빌시에 교류의향서를 전달했다.
가평군은 2022년 3월 몽골 타라아이막에 교류의향서를 발송했다.
가평군은 캐나다 파라시와 2025년 우호교류 의향서 교환을 추진하고 있다.
"""
GUARD_INTENTS = {("가나시", "가평군", "2019-05-03"), ("가평군", "다라시", "2020-06-04"),
                 ("가평군", "마바성", "2025-05"), ("가평군", "사아빌시", "2021-07"),
                 ("가평군", "타라아이막", "2022-03"), ("가평군", "파라시", "2025")}

TABLE = """가평군 국제교류 현황

연번 | 국가 | 도시 | 구분 | 일자 | 비고
1 | 일본 | 가나시 | 교류의향서 | 2019. 5. 3. | 교환
2 | 중국 | 다라시 | 교류의향서 | 2020. 6. 4. | 전달
3 | 미국 | 마바시 | 우호교류 의향서 교환 | 2021. 7. 5. |
4 | 몽골 | 사아아이막 | 교류의향서 | 2025. 9. | 교환 예정
"""
LIST = """가평군 국제교류 현황

- 2019. 5. 3. 일본 가나시와 우호교류 의향서 교환
- 2020. 6. 4. 중국 다라시에 교류의향서 전달
- 2021. 7. 5. 미국 마바시와 우호교류 의향서 교환 예정
- 2022. 8. 6. 몽골 사아아이막과 자매결연 의향서 체결
"""


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_letters_exchanged_or_signed_are_signings_of_type_letter_of_intent(tmp_path: Path, fmt: str):
    result = build(_as(tmp_path, f"letters.{fmt}", EXCHANGED))
    assert facts(result) == EXCHANGED_FACTS
    assert facts(result, "AgreementIntent") == set()


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_letters_aimed_at_proposed_planned_or_sent_are_intents(tmp_path: Path, fmt: str):
    result = build(_as(tmp_path, f"guards.{fmt}", GUARDS))
    assert facts(result) == set()
    assert {(a, b, d) for a, b, d, t in facts(result, "AgreementIntent")} == GUARD_INTENTS
    assert {t for *_, t in facts(result, "AgreementIntent")} == {"letterOfIntent"}


def test_a_table_row_of_a_letter_exchanged_is_a_signing_and_one_handed_over_an_intent():
    result = build(document("table.txt", TABLE))
    assert facts(result) == {("가나시", "가평군", "2019-05-03", "letterOfIntent"),
                             ("가평군", "마바시", "2021-07-05", "letterOfIntent")}
    assert {(a, b, d) for a, b, d, _ in facts(result, "AgreementIntent")} == {
        ("가평군", "다라시", "2020-06-04"), ("가평군", "사아아이막", "2025-09")}


def test_list_items_a_letter_named_after_another_relation_word_is_still_a_letter():
    result = build(document("list.txt", LIST))
    assert facts(result) == {("가나시", "가평군", "2019-05-03", "letterOfIntent"),
                             ("가평군", "사아아이막", "2022-08-06", "letterOfIntent")}
    assert facts(result, "AgreementIntent") == {("가평군", "다라시", "2020-06-04", "letterOfIntent"),
                                                ("가평군", "마바시", "2021-07-05", "letterOfIntent")}


def test_two_sides_that_exchanged_a_letter_before_their_agreement_give_both_signings():
    text = """가평군 국제교류 현황
2024. 1. 10.
가평군은 2023년 9월 몽골 사아아이막과 우호교류 협약을 체결했다.
두 지역은 2018년 4월 우호교류 의향서를 교환한 뒤 5년 만에 정식 협약을 맺었다.
"""
    assert facts(build(document("both.txt", text))) == {("가평군", "사아아이막", "2023-09", "friendship"),
                                                        ("가평군", "사아아이막", "2018-04", "letterOfIntent")}


PERTURBATIONS = [
    ({"교환했다": "교환하기로 했다"}, EXCHANGED_FACTS - {("가나시", "가평군", "2019-05-03", "letterOfIntent")}),
    ({"2020. 6. 4. 교류의향서를 교환하였다": "2020. 6. 4. 교류의향서를 전달하였다"},
     EXCHANGED_FACTS - {("가평군", "다라시", "2020-06-04", "letterOfIntent")}),
    ({"교환(2021. 7. 5.)": "교환(2022. 1. 9.)"},
     EXCHANGED_FACTS - {("가평군", "마바성", "2021-07-05", "letterOfIntent")}
     | {("가평군", "마바성", "2022-01-09", "letterOfIntent")}),
    ({"의향서에 서명했다": "의향서 교환을 협의 중이다"},
     EXCHANGED_FACTS - {("가평군", "사아빌시", "2017-08", "letterOfIntent")}),
]


@pytest.mark.parametrize(("changes", "expected"), PERTURBATIONS)
def test_perturbations(changes: dict[str, str], expected: set):
    text = EXCHANGED
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    assert facts(build(document("p.txt", text))) == expected
