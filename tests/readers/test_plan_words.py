"""One table of plan words (:data:`graph.readers.relations.PLAN_WORDS`) read the same by every reader: a relation to
be raised (``격상되어야 한다``, ``격상을 제안``), a year in a bracket ending on a plan word and an intent pattern
(``체결을 추진하겠다``) never give a ``gy:Agreement``, in prose as in a list entry (decision 0092, audit16 up1).
Foreign places invented and placed by country words; Korean ones the registry's. Perturbations beside each."""

from __future__ import annotations

import re

import pytest

from graph.readers.context import is_plan
from graph.readers.relations import BRACKET_PLAN, PLAN_WORDS, RAISE_AIMED, is_intent
from tests.readers.helpers import build, document, facts

NEWS = """양평군 국제교류 소식
2024. 1. 10.

{line}
"""


#: A raise aimed at, in four wordings (a 되어야 clause, 할 계획, 하도록 제안, 승격되어야 from the other side).
RAISES_AIMED = (
    "양평군과 일본 마나시는 2023년 5월 3일 회담에서 두 도시 관계가 자매결연으로 격상되어야 한다는 데 뜻을 모았다.",
    "2023년 5월 3일 열린 회담에서 양평군은 일본 마나시와의 관계를 자매결연으로 격상할 계획이라고 밝혔다.",
    "양평군은 2023. 5. 3. 일본 마나시에 우호도시 관계를 자매도시로 격상하도록 제안했다.",
    "일본 마나시 시장은 2023년 5월 3일 양평군과의 관계가 자매결연으로 승격되어야 한다고 말했다.",
)


@pytest.mark.parametrize("line", RAISES_AIMED)
def test_a_raise_aimed_at_in_prose_is_no_signing(line: str):
    result = build(document("n.txt", NEWS.format(line=line)))
    assert facts(result) == set()
    assert {(a, b) for a, b, _, _ in facts(result, "AgreementIntent")} <= {("마나시", "양평군")}


def test_a_raise_made_in_prose_still_signs():
    line = "양평군과 일본 마나시는 2023년 5월 3일 두 도시 관계를 자매결연으로 격상했다."
    assert facts(build(document("n.txt", NEWS.format(line=line)))) == {("마나시", "양평군", "2023-05-03", "sister")}


@pytest.mark.parametrize("line", [
    "○ 사라시 부시장: 양평군과의 청소년 교류 협약 체결을 2026년에 추진하겠다고 말함",
    "양평군은 2025년 중국 사라시와 우호협력 협약 체결을 계획하고 있다.",
    "중국 사라시와의 우호협력 협약은 2025년 체결하기로 하였다.",
])
def test_a_signing_aimed_at_is_no_agreement(line: str):
    assert facts(build(document("n.txt", NEWS.format(line=line)))) == set()


LIST = """양평군 국제교류 현황
2024. 1. 10.

Ⅰ. 자매결연 추진 현황
1. 일본 마나시 — 2013. 5. 3. 우호도시 협정 체결{remark}
"""


@pytest.mark.parametrize("remark", [" (2028년 자매결연 격상 제안)", ", 2028년 자매결연으로 격상되도록 협의",
                                    " (2028년 자매도시 격상 논의 중)", " — 2028년 격상 여부 검토"])
def test_a_raise_aimed_at_in_a_list_entry_signs_nothing(remark: str):
    result = build(document("l.txt", LIST.format(remark=remark)))
    assert facts(result) == {("마나시", "양평군", "2013-05-03", "friendship")}


def test_a_heading_of_the_history_of_ties_plans_nothing_and_a_raise_made_signs():
    result = build(document("l.txt", LIST.format(remark=", 2018. 5. 3. 자매결연으로 격상")))
    assert {d for _, _, d, _ in facts(result)} == {"2013-05-03", "2018-05-03"}


@pytest.mark.parametrize(("word", "kind"), PLAN_WORDS)
def test_every_plan_word_reads_as_a_plan_where_its_kind_allows(word: str, kind: str):
    surface = re.sub(r"\\s\*|\(\?:([^|)]+)[^)]*\)", lambda m: m.group(1) or " ", word)  # 할\s*계획 -> 할 계획
    if kind in ("after", "pursued", "alone"):
        assert re.match(BRACKET_PLAN, f" 협정 갱신 {surface})") and re.match(RAISE_AIMED, f"격상 {surface}")
        assert is_intent(f"협정 갱신 {surface} 중") or kind == "alone" and is_intent(f"협정 갱신 {surface}")
    elif kind == "ending":
        assert is_intent(f"협약을 체결{surface}") and re.match(RAISE_AIMED, f"격상{surface}")
    else:
        assert is_plan(f"협약 체결을 {surface}")


def test_a_relation_noun_before_a_pursued_word_is_a_heading_not_a_plan():
    assert not is_plan("Ⅰ. 자매결연 추진 현황") and not is_plan("국제교류 계획")
    assert is_plan("협약 체결을 추진하겠다") and is_plan("자매결연 추진 중")
