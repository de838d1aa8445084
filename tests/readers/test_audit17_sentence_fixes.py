"""Audit17's findings on the sentence reader (decision 0092), each in two invented wordings with a perturbation: a
heading not run on into a line opening with the demonstrative ``이`` (C5); a relation to be established is no signing
(C11); a raise proposed or discussed before a done signing is its history, not a plan (C3); who proposed in a list
bracket's other comma part plans nothing (C4); a sentence's full stop is not part of ``the … province of X.`` (C10);
``이 자리에서`` is the occasion of the sentence before, not the document's last signing (C2). Foreign places invented
and placed by country words; Korean ones the registry's."""

from __future__ import annotations

import pytest

from tests.readers.helpers import build, document, facts

NEWS = """양평군 국제교류 소식
2024. 10. 20.

{text}
"""


def _read(text: str, kind: str = "Agreement") -> set[tuple]:
    return facts(build(document("n.txt", NEWS.format(text=text))), kind)


@pytest.mark.parametrize(("heading", "line", "expected"), [
    ("가평군 소식", "이 밖에 우리 군은 3일 일본 마나시와 관광 교류 협약을 체결했다.",
     ("마나시", "양평군", "2024-10-03", "cooperationAgreement")),
    ("일본 마나시 학생 방문", "이 자리에서 양평군은 7일 중국 사라시와 농업 교류 의향서에 서명했다.",
     ("사라시", "양평군", "2024-10-07", "letterOfIntent")),
])
def test_a_heading_is_not_run_on_into_a_line_opening_with_the_demonstrative(heading: str, line: str, expected):
    assert _read(f"{heading}\n{line}") == {expected}


def test_a_latin_title_still_runs_on_into_a_line_opening_with_a_particle():
    text = "양평군은 3일 일본 마나시와\nMOU\n를 체결했다."
    assert _read(text) == {("마나시", "양평군", "2024-10-03", "mou")}


@pytest.mark.parametrize("verb", ["수립하기로 합의했다", "수립해 나가기로 했다", "수립할 예정이다"])
def test_a_relation_to_be_established_is_no_signing(verb: str):
    assert _read(f"양평군은 3일 베트남 사라성과 우호 관계를 {verb}.") == set()
    assert _read("양평군은 3일 베트남 사라성과 우호 관계를 수립하였다.") == {
        ("사라성", "양평군", "2024-10-03", "friendship")}


@pytest.mark.parametrize("text", [
    "양평군과 일본 마나시는 우호 관계를 이어 오다 마나시의 격상 제안을 받아들여 3일 자매결연 협정을 체결했다.",
    "양평군과 일본 마나시는 3년간의 격상 협의 끝에 지난 3일 자매결연을 맺었다.",
])
def test_a_raise_discussed_before_a_done_signing_is_the_signing(text: str):
    assert _read(text) == {("마나시", "양평군", "2024-10-03", "sister")}
    assert _read(text, "AgreementIntent") == set()


def test_a_raise_still_discussed_is_a_plan():
    text = "양평군과 일본 마나시는 3일 자매결연으로의 격상 협의를 시작했다."
    assert _read(text) == set()


LIST = """양평군 해외 교류 도시
□ 교류 도시
{entries}
"""


def _list(entries: str, kind: str = "Agreement") -> set[tuple]:
    return facts(build(document("l.txt", LIST.format(entries=entries))), kind)


@pytest.mark.parametrize(("entry", "expected"), [
    (" - 일본 마나시 : 자매결연 (2016. 4. 9. 체결, 마나시 측 제안)", ("마나시", "양평군", "2016-04-09", "sister")),
    (" - 중국 사라시 - 우호교류(2017. 8. 2., 사라시 시정부 제안)", ("사라시", "양평군", "2017-08-02", "friendship")),
])
def test_who_proposed_in_a_list_bracket_plans_nothing(entry: str, expected):
    assert _list(entry) == {expected}
    assert _list(entry, "AgreementIntent") == set()


def test_a_plan_in_a_list_bracket_is_still_a_plan():
    assert _list(" - 일본 마나시 : 자매결연 (2030. 4. 9. 체결 예정)") == set()
    assert _list(" - 일본 마나시 : 자매결연 (2030년, 재체결 예정)") == set()


ENGLISH = """PRESS RELEASE
Gimpo City, International Cooperation Division
For immediate release: Tuesday, June 4, 2024

Gimpo signs exchange agreements

GIMPO, Korea - {text}
"""


@pytest.mark.parametrize("text", [
    "Gimpo signed a friendship agreement with Sarana, China on Friday. On the same day, Gimpo signed a letter of "
    "intent with the Vietnamese province of Ben Sara.",
    "Gimpo signed a friendship agreement with the Chinese city of Sarana on Friday.\nThe same day, Gimpo also signed "
    "a letter of intent with the Vietnamese province of Ben Sara.",
])
def test_a_sentence_full_stop_is_not_part_of_a_place_after_its_kind(text: str):
    assert facts(build(document("r.txt", ENGLISH.format(text=text)))) == {
        ("Sarana", "김포시", "2024-05-31", "friendship"), ("Ben Sara", "김포시", "2024-05-31", "letterOfIntent")}


@pytest.mark.parametrize("visit", [
    "양평군 방문단은 지난 14일 마나시를 찾아 결연 10주년 기념식에 참석했다.",
    "양평군 대표단은 10월 14일 마나시 시청에서 열린 교류 행사에 참석했다.",
])
def test_this_occasion_is_the_day_of_the_sentence_before(visit: str):
    text = (f"양평군은 2014년 5월 3일 일본 마나시와 자매결연을 맺은 뒤 교류를 이어 왔다. {visit} "
            "이 자리에서 양 도시는 청소년 교류 협약을 체결했다.")
    assert _read(text) == {("마나시", "양평군", "2014-05-03", "sister"),
                           ("마나시", "양평군", "2024-10-14", "cooperationAgreement")}
