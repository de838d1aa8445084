"""Generality of list entries read by decision 0067's rules beyond the lines they were tuned on: tree branches
(``┌ ├ └``) in every text format and with OCR noise (a dropped space, full-width digits), clauses of one entry set
apart by `` / `` with other subjects and partners (Korean cities named with and without their province, a registry
partner and invented ones, other date forms, a third clause added), and entries that sign nothing (a plan, a visit,
an anniversary). The pages are written by the tests; the foreign names are invented or taken from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

TREE = [
    "강릉시 해외 자매·우호도시",
    "┌ 일본 가나시: 자매결연 (2012. 9. 17.)",
    "├ 중국 시안시: 우호교류 (2015. 3. 2.)",
    "└ 미국 다라카운티: 자매결연 (2001. 5. 4.)",
]
TREE_FACTS = {
    ("가나시", "강릉시", "2012-09-17", "sister"),
    ("강릉시", "시안시", "2015-03-02", "friendship"),
    ("강릉시", "다라카운티", "2001-05-04", "sister"),
}


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx", "hwpx"])
def test_tree_branches_in_every_format(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, TREE))) == TREE_FACTS


def test_perturbed_tree_branches_with_ocr_noise_a_row_added_and_a_date_changed(tmp_path: Path):
    noisy = [
        "강릉시 해외 자매·우호도시",
        "┌일본 가나시: 자매결연(2012.9.17.)",
        "├중국 시안시: 우호교류(２０１５. ３. ２.)",
        "├ 일본 마바현: 우호교류 (2019년 5월)",
        "└미국 다라카운티: 자매결연 (2001. 5. 4.)",
    ]
    assert facts(build(page(tmp_path, "txt", noisy))) == TREE_FACTS | {("강릉시", "마바현", "2019-05", "friendship")}
    changed = [TREE[0], TREE[1].replace("2012. 9. 17.", "2011. 1. 20."), *TREE[2:]]
    assert facts(build(page(tmp_path, "docx", changed))) == (
        TREE_FACTS - {("가나시", "강릉시", "2012-09-17", "sister")}
    ) | {("가나시", "강릉시", "2011-01-20", "sister")}


def test_negative_tree_branches_of_plans_visits_and_anniversaries(tmp_path: Path):
    lines = [
        *TREE,
        "├ 일본 사하시: 우호교류 추진 중 (2026년 예정)",
        "├ 중국 아자시: 대표단 방문 (2019. 4. 2.)",
        "└ 일본 가나시: 자매결연 10주년 기념식 (2020. 10. 7.)",
    ]
    assert facts(build(page(tmp_path, "txt", lines))) == TREE_FACTS


REPORT = ["경상북도 대표단 해외 방문 결과 보고", "", "□ 주요 성과", "  ○ 도지사 일행 일본 가나현 방문", ""]


def _slash_facts(tmp_path: Path, kind: str, note: str) -> set:
    return {(a, b, d) for a, b, d, _ in facts(build(page(tmp_path, kind, [*REPORT, note])))}


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_slash_clauses_with_countries_and_a_registry_partner(tmp_path: Path, kind: str):
    note = (
        "□ 참고: 경북 안동시는 2013. 7. 22. 중국 시안시와 자매결연"
        " / 경북 영주시는 2017. 11. 9. 일본 돗토리현과 우호협약"
    )
    assert _slash_facts(tmp_path, kind, note) == {
        ("시안시", "안동시", "2013-07-22"),
        ("돗토리현", "영주시", "2017-11-09"),
    }


def test_slash_clauses_with_invented_partners_after_their_country(tmp_path: Path):
    note = (
        "□ 참고: 경북 안동시는 2013. 7. 22. 몽골 다라아이막과 자매결연"
        " / 경북 청송군은 2017. 11. 9. 몽골 마바아이막과 우호협약"
    )
    assert _slash_facts(tmp_path, "txt", note) == {
        ("다라아이막", "안동시", "2013-07-22"),
        ("마바아이막", "청송군", "2017-11-09"),
    }


@pytest.mark.parametrize(
    "note",
    [
        "□ 참고: 경북 안동시는 2013. 7. 22. 중국 시안시와 자매결연 추진"
        " / 경북 영주시는 2017. 11. 9. 일본 돗토리현 방문",
        "□ 참고: 경북 안동시는 2013. 7. 22. 중국 시안시와 자매결연 10주년 기념식"
        " / 경북 영주시는 2017. 11. 9. 일본 돗토리현과 교류 20주년 행사",
    ],
)
def test_negative_slash_clauses_of_plans_visits_and_anniversaries(tmp_path: Path, note: str):
    assert _slash_facts(tmp_path, "txt", note) == set()


@pytest.mark.parametrize(
    "note",
    [
        "□ 참고: 춘천시는 2012. 4. 5. 일본 가나시와 자매결연 / 원주시는 2016. 9. 1. 일본 다라시와 우호협약",
        "□ 참고: 원주시는 2016. 9. 1. 일본 다라시와 우호협약 / 춘천시는 2012. 4. 5. 일본 가나시와 자매결연",
        "□ 참고: 춘천시는 2012년 4월 5일 일본 가나시와 자매결연 / 원주시는 2016.09.01 일본 다라시와 우호협약",
    ],
)
def test_slash_clauses_whose_subjects_are_named_without_their_province(tmp_path: Path, note: str):
    """Each clause's own subject signs (``원주시는``), whether or not its province is written before it
    (``강원 원주시는``), in either order and with other date forms."""
    lines = ["강원특별자치도 대표단 일본 방문 결과 보고", "", note]
    assert {(a, b, d) for a, b, d, _ in facts(build(page(tmp_path, "txt", lines)))} == {
        ("가나시", "춘천시", "2012-04-05"),
        ("다라시", "원주시", "2016-09-01"),
    }


def test_perturbed_slash_clauses_a_third_clause_added(tmp_path: Path):
    note = (
        "□ 참고: 경북 안동시는 2013. 7. 22. 중국 시안시와 자매결연"
        " / 경북 영주시는 2017. 11. 9. 일본 돗토리현과 우호협약"
        " / 경북 상주시는 2001. 3. 2. 일본 사하시와 자매결연"
    )
    assert _slash_facts(tmp_path, "txt", note) == {
        ("시안시", "안동시", "2013-07-22"),
        ("돗토리현", "영주시", "2017-11-09"),
        ("사하시", "상주시", "2001-03-02"),
    }
