"""False agreements of tune and released halves, each cause in several wordings with a perturbation (decision 0104):
a tie ended, suspended or merged away (``교류 정지``, ``교류 중지``, ``관계 단절``, ``합병되어``) dates no further
signing;
after the document's own region signs beside a foreign head (``양평군수와 일본 마나시장은 … 서명했다``) the next
sentence's partner is the own region's, not the foreign signer's; ``체결하면서`` (while signing) plans nothing.
Foreign places invented and placed by country words; Korean ones the registry's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, document, facts

NEWS = """양평군 국제교류 소식
2024. 10. 20.

{text}
"""


def _read(text: str, kind: str = "Agreement") -> set[tuple]:
    return facts(build(document("n.txt", NEWS.format(text=text))), kind)


LIST = """광주광역시 동구 교류도시

## 해외
- **일본 마나시** — 1998. 11. 자매결연
- **{entry}
"""


@pytest.mark.parametrize(("entry", "expected"), [
    ("중국 라다시 사라구** — 2003.4.9 우호교류 협정 (2021년 사라구가 인근 구와 합병되어 현재 교류 정지)",
     ("동구", "사라구", "2003-04-09", "friendship")),
    ("몽골 바나솜** — 2010. 5. 1. 우호교류 협정, 2019년 교류 중지", ("동구", "바나솜", "2010-05-01", "friendship")),
    ("베트남 다낭성** — 2012. 3. 2. 우호교류 협정 (2020년 관계 단절)", ("다낭성", "동구", "2012-03-02", "friendship")),
])
def test_a_tie_ended_or_merged_away_dates_no_further_signing(entry: str, expected: tuple):
    found = facts(build(document("l.md", LIST.format(entry=entry))))
    assert found == {("동구", "마나시", "1998-11", "sister"), expected}


def test_perturbed_a_renewal_in_the_bracket_is_a_further_signing():
    entry = "중국 라다시 사라구** — 2003.4.9 우호교류 협정 (2021년 재체결)"
    assert facts(build(document("l.md", LIST.format(entry=entry)))) == {
        ("동구", "마나시", "1998-11", "sister"), ("동구", "사라구", "2003-04-09", "friendship"),
        ("동구", "사라구", "2021", "friendship")}


def test_a_sentence_telling_a_tie_stopped_dates_no_signing():
    text = "양평군은 2003년 중국 라다시와 우호교류 협정을 맺었으나 2021년 교류를 중지했다."
    assert _read(text) == {("라다시", "양평군", "2003", "friendship")}


@pytest.mark.parametrize(("text", "expected"), [
    ("양평군수와 일본 마나시장은 3일 우호교류 협약서에 서명했다. 중국 라다시와는 5일 자매결연 협정을 맺었다.",
     {("마나시", "양평군", "2024-10-03", "friendship"), ("라다시", "양평군", "2024-10-05", "sister")}),
    ("양평군과 베트남 사라성은 3일 우호교류 협약을 체결했다. 7일에는 몽골 바나솜과 자매결연을 맺었다.",
     {("사라성", "양평군", "2024-10-03", "friendship"), ("바나솜", "양평군", "2024-10-07", "sister")}),
    ("3일 하노이에서 양평군수와 베트남 사라성 인민위원장이 교류 협약에 서명하였다.\n"
     "2015년 5월 1일 교류를 시작한 중국 라다시와는 2024년 10월 9일 자매결연으로 관계를 격상하였다.",
     {("사라성", "양평군", "2024-10-03", "cooperationAgreement"), ("라다시", "양평군", "2024-10-09", "sister")}),
])
def test_after_signing_beside_a_foreign_head_the_own_region_goes_on(text: str, expected: set):
    assert _read(text) == expected


def test_perturbed_a_next_sentence_naming_its_own_subject_keeps_it():
    text = ("양평군수와 일본 마나시장은 3일 우호교류 협약서에 서명했다. "
            "마나시는 5일 중국 라다시와 자매결연 협정을 맺었다.")
    assert _read(text) == {("마나시", "양평군", "2024-10-03", "friendship"),
                           ("라다시", "마나시", "2024-10-05", "sister")}


@pytest.mark.parametrize(("text", "expected"), [
    ("가. 양평군은 2023. 9. 1. 베트남 사라성과 교류협력 MOU를 체결하면서 군의회 의결을 거치지 않았음.",
     {("사라성", "양평군", "2023-09-01", "mou")}),
    ("양평군은 2023년 9월 1일 일본 마나시와 자매결연 협정을 체결하면서 청소년 교류도 약속했다.",
     {("마나시", "양평군", "2023-09-01", "sister")}),
    ("2023. 9. 1. 양평군과 중국 라다시의 우호교류 협정이 체결되면서 직항 노선이 열렸다.",
     {("라다시", "양평군", "2023-09-01", "friendship")}),
])
def test_signing_while_doing_something_else_is_a_signing(text: str, expected: set):
    assert _read(text) == expected
    assert _read(text, "AgreementIntent") == set()


def test_perturbed_a_signing_under_a_condition_is_a_plan():
    text = "양평군은 일본 마나시와 2025년 자매결연 협정을 체결하면 청소년 교류를 늘릴 계획이다."
    assert _read(text) == set()


def test_a_table_cell_of_a_tie_stopped_dates_no_signing(tmp_path: Path):
    rows = [["도시", "국가", "체결일", "비고"], ["라다시", "중국", "2003. 4. 9.", "2021년 교류 정지"],
            ["마나시", "일본", "1998. 11. 2.", "2008년 재체결"]]
    found = facts(build(page(tmp_path, "docx", ["양평군 국제교류 현황", "2024. 10. 20.", rows])))
    assert found == {("라다시", "양평군", "2003-04-09", "cooperationAgreement"),
                     ("마나시", "양평군", "1998-11-02", "cooperationAgreement"),
                     ("마나시", "양평군", "2008", "cooperationAgreement")}


@pytest.mark.parametrize("text", [
    "양평교육지원청은 3일 중국 라다시 교육국과 교육교류 협약을 체결했다.",
    "양평군은 3일 일본 마나시와 자매결연을 맺었다. 군은 이날 농협 양평군지부와 판로 확대 MOU도 체결했다.",
    "양평관광공사와 베트남 사라성 관광국은 3일 공동 마케팅 협약을 체결했다.",
])
def test_bodies_named_by_their_place_sign_nothing_of_the_place(text: str):
    assert _read(text) <= {("마나시", "양평군", "2024-10-03", "sister")}
    assert _read("양평군은 3일 중국 라다시와 교육교류 협약을 체결했다.") == {
        ("라다시", "양평군", "2024-10-03", "cooperationAgreement")}


BODY_SIGNS = "양평군과 일본 마나시는 2015년 5월 7일 자매결연을 맺었다.\n{text}"


@pytest.mark.parametrize("text", [
    "이듬해 3월엔 양 도시 농협이 직거래 협약을 맺기도 했다.",  # audit18 D22
    "2019년 4월에는 양 시의 상공회의소가 경제 교류 협약을 체결했다.",
    "지난해 10월 두 도시 기업들이 수출 협약을 맺었다.",
    "양 지역 체육회가 2020년 6월 교류 협약을 체결했다.",
])
def test_a_body_of_both_places_signs_for_itself(text: str) -> None:
    assert _read(BODY_SIGNS.format(text=text)) == {("마나시", "양평군", "2015-05-07", "sister")}


def test_both_places_as_the_subject_still_sign() -> None:  # perturbation: no body between 양 도시 and its particle
    assert _read(BODY_SIGNS.format(text="이듬해 3월엔 양 도시가 직거래 협약을 맺기도 했다.")) == {
        ("마나시", "양평군", "2015-05-07", "sister"), ("마나시", "양평군", "2016-03", "cooperationAgreement")}
