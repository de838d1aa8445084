"""A signing denied in words (``체결하지 못했다``, ``맺지 않았다``, ``체결에 이르지 못했다``, ``무산됐다``) is no
signing in running text as in a question-and-answer sheet (one table of denials: ``relations.negates_signing``); a
signing only tried (``맺으려 했으나``, ``맺고자``) is a plan; a signing naming only the time of another event (``맺을
때의 이야기``) is none. Each in several wordings with a perturbation that signs. Foreign places invented and placed by
country words; Korean ones the registry's (decision 0104)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.relations import FINISHED_SIGNING, SIGNED_DONE, negates_signing
from tests.fixtures.pages import page
from tests.readers.helpers import build, document, facts

NEWS = """양평군 국제교류 소식
2024. 10. 20.

{text}
"""


def _read(text: str, kind: str = "Agreement") -> set[tuple]:
    return facts(build(document("n.txt", NEWS.format(text=text))), kind)


@pytest.mark.parametrize(("denied", "signed"), [
    ("양평군은 2023년 일본 마나시와 자매결연을 맺지 못했다.", "양평군은 2023년 일본 마나시와 자매결연을 맺었다."),
    ("2023년 양평군은 일본 마나시와의 자매결연 협정 체결에 이르지 못했다.",
     "2023년 양평군은 일본 마나시와 자매결연 협정 체결을 마쳤다."),
    ("양평군과 일본 마나시는 2023년 자매결연 협정에 서명하지는 않았다.",
     "양평군과 일본 마나시는 2023년 자매결연 협정에 서명하였다."),
    ("양평군-일본 마나시 자매결연 협정은 2023년 체결이 무산됐다.",
     "양평군-일본 마나시 자매결연 협정은 2023년 체결됐다."),
    ("양평군은 일본 마나시와 2023년 자매결연 협정을 체결하지 않고 교류만 이어 왔다.",
     "양평군은 일본 마나시와 2023년 자매결연 협정을 체결하고 교류를 이어 왔다."),
])
def test_a_signing_denied_in_a_sentence_is_no_signing(denied: str, signed: str):
    assert _read(denied) == set()
    assert _read(signed) == {("마나시", "양평군", "2023", "sister")}


@pytest.mark.parametrize("text", [
    "양평군은 베트남 사라성과 2021년 우호교류 협약을 맺으려 했으나 체결하지 않았다.",
    "2021년 양평군은 베트남 사라성과 우호교류 협약을 맺고자 했지만 끝내 맺지 못했다.",
    "양평군은 2021년 베트남 사라성과의 우호교류 협약 체결을 추진했으나, 서명은 하지 않았다.",
])
def test_a_signing_tried_and_not_made_is_a_plan_at_most(text: str):
    assert _read(text) == set()
    assert _read(text, "AgreementIntent") <= {("사라성", "양평군", "2021", "friendship")}


@pytest.mark.parametrize(("text", "expected"), [
    ("양평군은 베트남 사라성과 2019년 협약을 체결하지 못했으나 2021년 5월 3일 우호교류 협약을 체결했다.",
     ("사라성", "양평군", "2021-05-03", "friendship")),
    ("양평군은 2019년 체결하지 못했던 베트남 사라성과의 협약을 2020년 3월 마침내 체결했다.",
     ("사라성", "양평군", "2020-03", "cooperationAgreement")),
    ("2018년 맺지 못한 일본 마나시와의 자매결연을 양평군은 2020. 4. 2. 맺었다.",
     ("마나시", "양평군", "2020-04-02", "sister")),
])
def test_a_denial_then_a_signing_made_at_last_is_the_signing_alone(text: str, expected: tuple):
    assert _read(text) == {expected}
    assert negates_signing(text) is False


@pytest.mark.parametrize(("answer", "kind"), [
    ("2019년 방문했으나 협약은 체결하지 못했습니다.", "md"),
    ("2019년 협의했으나 우호교류 협약 체결에 이르지 못했음", "docx"),
    ("2019년 협약을 맺으려 했으나 맺어지지 않았음", "hwpx"),
])
def test_a_question_and_answer_row_that_denies_the_signing_gives_nothing(tmp_path: Path, answer: str, kind: str):
    def sheet(text: str) -> set[tuple]:
        return facts(build(page(tmp_path, kind, [
            "양평군 국제교류 질의 답변", "2024. 10. 20.",
            [["번호", "질문", "답변"], ["1", "몽골 바나솜과 협약한 적이 있습니까", text],
             ["2", "일본 마나시와는 어떤 관계인가요?", "2001. 7. 3. 마나시와 자매결연을 맺었습니다."]]])))
    assert sheet(answer) == {("마나시", "양평군", "2001-07-03", "sister")}
    assert sheet("2019. 5. 3. 바나솜과 우호교류 협약을 체결하였습니다.") == {
        ("바나솜", "양평군", "2019-05-03", "friendship"), ("마나시", "양평군", "2001-07-03", "sister")}


@pytest.mark.parametrize(("text", "done", "finished"), [
    ("협약을 체결했다", True, True), ("협정서에 서명하였고", True, True), ("체결됐다", True, True),
    ("맺어졌다", True, True), ("맺은 협약", True, False), ("맺고", True, False), ("체결 이후", False, False),
    ("체결할 예정", False, False),
])
def test_one_table_of_done_forms(text: str, done: bool, finished: bool):
    import re
    assert bool(re.search(SIGNED_DONE, text)) is done
    assert bool(FINISHED_SIGNING.search(text)) is finished


@pytest.mark.parametrize("text", [
    "양평군수는 1일 축사에서 일본 마나시와 가평군이 협약을 맺을 때의 이야기를 꺼냈다.",
    "1일 열린 간담회에서 양평군수는 중국 라다시와 자매결연 협정을 체결할 때마다 시민이 함께했다고 말했다.",
    "양평군은 1일 몽골 바나솜과 교류 협약에 서명할 무렵의 사진을 공개했다.",
])
def test_a_signing_that_names_only_the_time_of_another_event_is_no_signing(text: str):
    assert _read(text) == set()
    assert _read("양평군은 1일 일본 마나시와 협약을 맺었다.") == {
        ("마나시", "양평군", "2024-10-01", "cooperationAgreement")}


@pytest.mark.parametrize("text", [
    "□ 베트남 사라성과의 우호협력 협약 체결(2025. 11.) 준비",
    "양평군은 중국 라다시와 자매결연 협정 서명(2025년 상반기)을 협의 중이다.",
    "○ 몽골 바나솜 - 교류 협약 체결 (2025. 3.) 검토",
])
def test_a_signing_with_its_aimed_date_in_brackets_before_the_plan_word_is_a_plan(text: str):
    assert _read(text) == set()


def test_perturbed_a_dated_signing_discussed_then_made_is_the_signing():
    text = "양평군은 베트남 사라성과 협정 체결(2019. 5.) 논의 끝에 2019. 9. 1. 우호교류 협정을 체결했다."
    assert ("사라성", "양평군", "2019-09-01", "friendship") in _read(text)
    assert _read("○ 일본 마나시 자매결연 체결(2015. 5. 7.) 추진 경과") == {("마나시", "양평군", "2015-05-07", "sister")}


@pytest.mark.parametrize(("text", "expected"), [
    ("가평군 대표단은 19일 충주시를 찾아 일본 마나시와의 교류 경험을 들었다. 양측은 2015년 자매결연을 맺었다.",
     {("마나시", "충주시", "2015", "sister")}),
    ("양평군 방문단은 지난 5일 홍천군을 방문해 중국 라다시와의 협력 사례를 청취했다.\n"
     "두 지역은 2018년 우호교류 협정을 체결했다.",
     {("라다시", "홍천군", "2018", "friendship")}),
    ("양평군은 7일 원주시를 찾아 몽골 바나솜과의 교류 성과를 살폈다. 양 지역은 2019. 4. 2. 교류 협약에 서명했다.",
     {("바나솜", "원주시", "2019-04-02", "cooperationAgreement")}),
])
def test_both_sides_after_a_visit_telling_of_another_pair_are_that_pair(text: str, expected: set):
    assert _read(text) == expected


def test_perturbed_both_sides_after_a_plain_visit_are_the_visitor_and_the_host():
    text = "일본 마나시 대표단은 19일 양평군청을 찾았다. 양측은 이날 청소년 교류 협약에 서명했다."
    assert _read(text) == {("마나시", "양평군", "2024-10-19", "cooperationAgreement")}


@pytest.mark.parametrize(("lines", "expected"), [
    ("양평군은 3일 일본 마나시와 관광 교류\nMOU\n를 맺었다.", ("마나시", "양평군", "2024-10-03", "mou")),
    ("양평군과 중국 라다시는 5일 문화 협력\n'Friendship Agreement'\n에 서명했다.",
     ("라다시", "양평군", "2024-10-05", "friendship")),
    ("양평군은 7일 몽골 바나솜과 청소년 교류\nSister City Agreement\n를 체결했다.",
     ("바나솜", "양평군", "2024-10-07", "sister")),
])
def test_a_latin_title_alone_on_its_line_after_a_noun_runs_on_into_its_particle(lines: str, expected: tuple):
    assert _read(lines) == {expected}


def test_perturbed_a_latin_line_before_a_line_without_a_particle_stays_apart():
    from graph.readers.sentences import sentences
    lines = ("양평군은 3일 일본 마나시와 관광 교류", "MOU", "체결식 사진을 공개했다.")
    assert [s.text for s in sentences(lines)] == list(lines)
    assert _read("\n".join(lines)) == set()
