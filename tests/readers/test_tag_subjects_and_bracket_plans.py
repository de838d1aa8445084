"""A bracketed section tag followed by a Korean region that is the clause's subject (``[가나도] 다라시는 …``) is no
party; a year in a list entry's bracket that ends on a plan word (``(2028년 협정 갱신 검토)``) signs nothing; a plan in
one partner's bracket is that partner's, never another partner's of the clause (decision 0086, audit16 B23, B24).
Foreign places invented and placed by country words; Korean ones the registry's. Perturbations beside each."""

from __future__ import annotations

import pytest

from tests.readers.helpers import build, document, facts

NEWS = """경남 국제교류 소식지
2025. 6. 1.

{line}
"""


SIGNING = " 미국 오리건주 다라빌시와 5월 14일 자매결연 협정서에 서명했다."


@pytest.mark.parametrize("opening", ["[경상남도] 김해시는", "[경상남도] 김해시가", "〈경상남도〉 김해시는",
                                     "[경상남도] 김해시"])
def test_a_region_after_a_tag_that_is_the_subject_signs_and_the_tag_does_not(opening: str):
    got = facts(build(document("t.txt", NEWS.format(line=opening + SIGNING))))
    assert got == {("김해시", "다라빌시", "2025-05-14", "sister")}


def test_a_tag_with_no_region_after_it_stays_the_subject():
    got = facts(build(document("t.txt", NEWS.format(line="[경상남도]" + SIGNING))))
    assert got == {("경상남도", "다라빌시", "2025-05-14", "sister")}


LIST = """양평군 국제교류 현황
2024. 1. 10.

1. 일본 마나시 — 2013. 5. 3. 자매결연 체결 {remark}
"""


@pytest.mark.parametrize("remark", ["(2028년 협정 갱신 검토)", "(2028년 재체결 예정)", "(2028년 협약 갱신 추진)",
                                    "(2028년 갱신 계획)"])
def test_a_planned_renewal_year_in_a_list_bracket_signs_nothing(remark: str):
    result = build(document("l.txt", LIST.format(remark=remark)))
    assert facts(result) == {("마나시", "양평군", "2013-05-03", "sister")}
    assert all(d != "2028" for _, _, d, _ in facts(result))


def test_a_renewal_done_in_a_list_bracket_still_signs():
    result = build(document("l.txt", LIST.format(remark="(2018. 5. 3. 협정 갱신)")))
    assert {d for _, _, d, _ in facts(result)} == {"2013-05-03", "2018-05-03"}


PROSE = """횡성군 국제교류 안내
2024. 1. 10.

횡성군의 교류도시인 중국 사라시(1998년 자매결연)와 미국 타바시({plan})와의 교류는 이어집니다.
"""


@pytest.mark.parametrize("plan", ["2017년 MOU 체결 예정", "2017년 자매결연 추진"])
def test_a_plan_in_one_partners_bracket_is_never_another_partners(plan: str):
    result = build(document("p.txt", PROSE.format(plan=plan)))
    assert facts(result) == {("사라시", "횡성군", "1998", "sister")}
    assert not any("사라시" in (a, b) for a, b, _, _ in facts(result, "AgreementIntent"))
