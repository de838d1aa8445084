"""Pair lines (decision 0088): list entries naming both parties of a signing, joined by a dash, before a colon and the
signing's fields (``가나시 ― 다라군 : 우호도시, 2006년 8월 21일 결연``). The list's subject (its title's region, or the
office that translated the list) is neither party. A side the registry does not know takes the foreign country its
column's known names share (a prefecture's towns: the prefecture named first on another line), or a country word
written on it; with neither it is reported, never minted in a guessed country. A Korean district named alone is the
one of the subject's city. The pages are written by the tests (invented foreign names, registry regions) in several
formats, bullet styles and dashes, with perturbations and traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.lists_pairs import pair_head
from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

PAIRS = [
    "야마가타현 {d} 충청남도 : 자매결연 2003년(헤이세이 15년) 7월 체결",
    "가나시 {d} 충주시 : 우호도시, 2006년 8월 21일 결연",
    "다라정 {d} 논산시 : 우호교류 협정 2011년 4월 9일 / 2021년 4월 9일 재체결",
    "마바촌 {d} 보령시 : 결연 논의 단계 (협정 없음)",
]
#: The same pairs with the date before the relation word.
DATE_FIRST = [
    "야마가타현 {d} 충청남도 : 2003년(平成15年) 7월 자매결연",
    "가나시 {d} 충주시 : 2006. 8. 21. 우호도시 결연",
    "다라정 {d} 논산시 : 2011. 4. 9. 우호교류 협정 체결, 2021. 4. 9. 재체결",
    "마바촌 {d} 보령시 : 결연 논의 단계 (협정 없음)",
]
FACTS = {("야마가타현", "충청남도", "2003-07", "sister"), ("가나시", "충주시", "2006-08-21", "friendship"),
         ("논산시", "다라정", "2011-04-09", "friendship"), ("논산시", "다라정", "2021-04-09", "friendship")}


def compilation(dash: str = "―", mark: str = "  ", pairs: list[str] = PAIRS) -> list[str]:
    """A foreign prefecture's list of its towns' Korean partners, translated by a Korean province's office."""
    return ["야마가타현 내 시정촌과 한국 지방자치단체의 교류 현황",
            "(원문: 현 국제과 자료 / 번역: 전라남도 국제협력관, 2024. 2.)", "",
            "■ 현 차원", f"{mark}{pairs[0].format(d=dash)}", "",
            "■ 시정촌 차원", *(f"{mark}{p.format(d=dash)}" for p in pairs[1:])]


@pytest.mark.parametrize("dash", ["―", "—", "–", "-"])
@pytest.mark.parametrize("mark", ["  ", "- ", "○ "])
@pytest.mark.parametrize("wording", ["relation first", "date first"])
def test_each_pair_line_gives_its_own_pair_not_the_translators(tmp_path: Path, dash: str, mark: str, wording: str):
    pairs = PAIRS if wording == "relation first" else DATE_FIRST
    assert facts(build(page(tmp_path, "txt", compilation(dash, mark, pairs)))) == FACTS


@pytest.mark.parametrize("kind", ["md", "html", "docx", "hwpx"])
def test_the_compilation_in_other_formats(tmp_path: Path, kind: str):
    lines = [line.strip() for line in compilation() if line.strip()]
    assert facts(build(page(tmp_path, kind, lines))) == FACTS


def test_perturbed_a_pair_added_and_a_date_changed(tmp_path: Path):
    pairs = [PAIRS[0], PAIRS[1].replace("2006년 8월 21일", "2007년 2월 1일"), *PAIRS[2:],
             "사아시 {d} 여수시 : 자매도시 2015. 4. 20."]
    expected = (FACTS - {("가나시", "충주시", "2006-08-21", "friendship")}) | {
        ("가나시", "충주시", "2007-02-01", "friendship"), ("사아시", "여수시", "2015-04-20", "sister")}
    assert facts(build(page(tmp_path, "txt", compilation(pairs=pairs)))) == expected


def test_negative_an_unknown_side_with_no_country_anywhere_is_reported_not_minted(tmp_path: Path):
    lines = ["교류 현황 (번역: 전라남도 국제협력관)", "  가나시 ― 충주시 : 우호도시, 2006년 8월 21일 결연"]
    built = build(page(tmp_path, "txt", lines))
    assert facts(built) == set()
    assert any(i.text == "가나시" and i.kind == "unresolved" for i in built.report.issues)


def test_a_country_word_on_the_side_says_where_it_lies(tmp_path: Path):
    lines = ["교류 현황 (번역: 전라남도 국제협력관)", "  중국 가나시 ― 충주시 : 우호도시, 2006년 8월 21일 결연"]
    assert facts(build(page(tmp_path, "txt", lines))) == {("가나시", "충주시", "2006-08-21", "friendship")}


DISTRICTS = ["부산광역시 국제교류 안내", "구·군의 교류",
             "남구 ― 중국 가나시: 2007. 3. 14. 자매결연",
             "서구 ― 중국 다라성 마바구: 2018년 경제협력 양해각서 체결",
             "동구 ― 일본 도야마현 사아시: 2021. 9. 우호교류",
             "북구 ― 몽골 사로아이막: 2027년 우호교류 체결 추진"]


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_districts_named_alone_are_the_subject_citys(tmp_path: Path, kind: str):
    got = facts(build(page(tmp_path, kind, DISTRICTS)))
    assert got == {("가나시", "남구", "2007-03-14", "sister"), ("마바구", "서구", "2018", "mou"),
                   ("동구", "사아시", "2021-09", "friendship")}
    assert facts(build(page(tmp_path, kind, DISTRICTS)), "AgreementIntent") == {
        ("북구", "사로아이막", "2027", "friendship")}


def test_negative_a_place_and_its_own_parent_are_no_pair(tmp_path: Path):
    lines = ["충청남도 국제교류 현황", "  충청남도 ― 논산시 : 자매결연 2001. 5. 3."]
    assert not any({"충청남도", "논산시"} <= {a, b} for a, b, _, _ in facts(build(page(tmp_path, "txt", lines))))


@pytest.mark.parametrize("text", ["체결일 : 1999. 5. 3.", "가나시-다라시 협약 체결 2001", "국가 ― 일본"])
def test_negative_other_lines_are_no_pair_heads(text: str):
    assert pair_head(text) is None
