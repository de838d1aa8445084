"""Tables whose cells are sentences (decision 0093): a council's question-and-answer sheet, an FAQ page and an
audit's findings with their replies. A row's sentence cells are read together as one sentence (the partner may be
named in the question, the date and the verb in the answer); the document's region is the subject; a plan stays a
plan. Written by the tests (invented foreign names, registry Korean regions) as DOCX, HTML, Markdown and HWPX, with
perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

QNA = ["2024년도 행정사무감사 질의·답변 요지", "충청북도의회 행정문화위원회 | 피감기관: 충청북도 국제통상과",
       [["질의위원", "질의 요지", "답변자", "답변 요지"],
        ["홍길동 위원", "미국 가나주와의 자매결연 이후 교류 실적은?", "국제통상과장 김하늘",
         "1999. 4. 2. 가나주와 자매결연을 체결한 뒤 해마다 청소년 교류를 이어 오고 있음"],
        ["홍길동 위원", "올해 신규 협약 실적은?", "국제통상과장 김하늘",
         "2024. 5. 14. 베트남 다라성과 우호교류 협약을 체결하였음"],
        ["이영희 위원", "일본 마바현과의 교류 추진 상황은?", "국제통상과장 김하늘",
         "마바현과 내년 중 우호협약 체결을 목표로 실무 협의 중임"]]]
QNA_FACTS = {("가나주", "충청북도", "1999-04-02", "sister"), ("다라성", "충청북도", "2024-05-14", "friendship")}

FAQ = ["자주 묻는 질문 - 강릉시 국제교류", "2025. 3. 10.",
       [["번호", "질문", "답변"],
        ["1", "강릉시의 자매도시는 어디인가요?", "강릉시는 1998년 10월 5일 일본 사바시와 자매결연을 맺었습니다."],
        ["2", "중국 하라시와는 어떤 관계인가요?", "2006. 7. 20. 우호교류 협정을 체결하여 공무원 연수를 하고 있습니다."],
        ["3", "새로운 교류도시는 생기나요?", "몽골 자차아이막과 2026년 협약 체결을 추진하고 있습니다."]]]
FAQ_FACTS = {("강릉시", "사바시", "1998-10-05", "sister"), ("강릉시", "하라시", "2006-07-20", "friendship")}

AUDIT = ["목포시 2024년 자체감사 결과 조치 현황", "대상 부서: 국제협력과",
         [["지적 사항", "조치 결과"],
          ["러시아 나바주와의 자매결연 협정서 원본이 보관되어 있지 않음",
           "2003. 9. 18. 체결한 자매결연 협정서 사본을 상대 도시로부터 받아 보관하였음"],
          ["국제교류 실적 관리가 미흡함", "교류 실적을 분기마다 점검하도록 지침을 고쳤음"]]]
AUDIT_FACTS = {("나바주", "목포시", "2003-09-18", "sister")}


#: Each layout with its facts and the kinds of file it is written as.
LAYOUTS = {"council questions and answers": (QNA, QNA_FACTS, ("docx", "hwpx", "md")),
           "FAQ page": (FAQ, FAQ_FACTS, ("html", "docx")),
           "audit findings and replies": (AUDIT, AUDIT_FACTS, ("md", "hwpx"))}


@pytest.mark.parametrize(("layout", "kind"), [(name, k) for name, (_, _, kinds) in LAYOUTS.items() for k in kinds])
def test_a_rows_sentence_cells_state_the_signings(tmp_path: Path, layout: str, kind: str):
    blocks, expected, _ = LAYOUTS[layout]
    assert facts(build(page(tmp_path, kind, blocks))) == expected


def test_perturbed_a_plan_answer_and_a_date_changed(tmp_path: Path):
    rows = [list(r) for r in QNA[2]]
    rows[2][3] = "2024. 6. 3. 베트남 다라성과 우호교류 협약을 체결하였음"
    rows[1][3] = "가나주와는 내년에 자매결연 체결을 추진할 계획임"
    assert facts(build(page(tmp_path, "docx", [*QNA[:2], rows]))) == {
        ("다라성", "충청북도", "2024-06-03", "friendship")}


#: A question's own verb signs nothing (audit17 C9): ``…와 자매결연을 체결했나요?`` asks; the answer says what was
#: done, and only its signing verb, date and negation count. Two layouts (a council sheet, an FAQ) whose answers
#: tell a meeting, a visit or a signing not made, beside one row whose answer signs.
ASKED_QNA = ["2025년도 행정사무감사 질의·답변 요지", "충청북도의회 행정문화위원회 | 피감기관: 충청북도 국제통상과",
             [["질의위원", "질의 요지", "답변자", "답변 요지"],
              ["홍길동 위원", "일본 마바현과 우호협약을 체결하였습니까?", "국제통상과장 김하늘",
               "2025. 2. 11. 부지사가 마바현을 찾아 협력 방안을 협의하였음"],
              ["홍길동 위원", "러시아 나바주와 협정을 맺은 적이 있나요?", "국제통상과장 김하늘",
               "2017년 실무단이 방문하였으나 협정은 체결되지 않았음"],
              ["이영희 위원", "베트남 다라성과의 교류 실적은?", "국제통상과장 김하늘",
               "2012. 3. 8. 다라성과 우호교류 협약을 체결하였음"]]]
ASKED_FAQ = ["자주 묻는 질문 - 강릉시 국제교류", "2025. 3. 10.",
             [["번호", "질문", "답변"],
              ["1", "중국 하라시와 자매결연을 맺었나요?",
               "2024. 9. 2. 시장 면담을 가졌고 교류 분야를 논의하고 있습니다."],
              ["2", "몽골 자차아이막과 협약한 적이 있습니까", "2019년 방문했으나 협약은 맺지 못했습니다."],
              ["3", "일본 사바시와는 어떤 관계인가요?", "강릉시는 1998년 10월 5일 사바시와 자매결연을 맺었습니다."]]]


@pytest.mark.parametrize(("blocks", "expected", "kind"), [
    *((ASKED_QNA, {("다라성", "충청북도", "2012-03-08", "friendship")}, k) for k in ("docx", "md")),
    *((ASKED_FAQ, {("강릉시", "사바시", "1998-10-05", "sister")}, k) for k in ("html", "hwpx")),
])
def test_a_questions_signing_verb_signs_nothing(tmp_path: Path, blocks, expected, kind: str):
    assert facts(build(page(tmp_path, kind, blocks))) == expected


def test_perturbed_the_answer_signs_and_the_question_dates(tmp_path: Path):
    rows = [list(r) for r in ASKED_FAQ[2]]
    rows[1][2] = "2024. 9. 2. 시장 면담을 갖고 자매결연 협정을 체결하였습니다."  # now the answer signs
    rows[2][1] = "몽골 자차아이막과 2019년 협약을 맺었나요?"  # the date is the question's; the answer says none
    rows[2][2] = "아직 협약은 맺지 않았으며 실무 협의를 하고 있습니다."
    assert facts(build(page(tmp_path, "md", [*ASKED_FAQ[:2], rows]))) == {
        ("강릉시", "하라시", "2024-09-02", "sister"), ("강릉시", "사바시", "1998-10-05", "sister")}


def test_perturbed_a_question_telling_a_dated_tie_keeps_it(tmp_path: Path):
    rows = [list(r) for r in ASKED_QNA[2]]
    rows[2][1] = "러시아 나바주와의 관계(2001. 7. 3. 자매결연)는 요즘 어떻습니까?"  # told in brackets, not asked
    rows[2][3] = "올해 청소년 교류를 재개하였고 실무 회의를 열었음"
    assert facts(build(page(tmp_path, "hwpx", [*ASKED_QNA[:2], rows]))) == {
        ("나바주", "충청북도", "2001-07-03", "sister"), ("다라성", "충청북도", "2012-03-08", "friendship")}
