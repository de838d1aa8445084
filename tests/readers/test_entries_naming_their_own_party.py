"""List entries that name their own party before the partner (decision 0105): a province's list whose entries open with
the county that signed and a colon (``- 가나군: 중국 다라시 (우호교류, 2018. 9. 1.)``) states the county's tie, not the
province's (audit17 cw3); a pair line joined by a two-way arrow (``가나시 ↔ 동해시: 자매도시 …``) is a pair line like
one joined by a dash; and a foreign subject's pair lines (a prefecture's towns and their Korean partners) place a town
the registry does not know in the subject's country. The pages are written by the tests (invented foreign names,
registry regions) in several layouts and formats, with perturbations and traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

#: A province's list whose entries open with the county that signed: three wordings of the same three ties.
COUNTY_FIRST = {
    "colon, bracket": ["- 음성군: 중국 가나시 (우호교류, 2018. 9. 1.)",
                       "- 충주시: 베트남 다라성 (우호협력, 2019. 11. 20.)",
                       "- 자매도시: 일본 마바시 (자매결연, 2015. 5. 7.)"],
    "spaced colon, date first": ["○ 음성군 : 2018. 9. 1. 중국 가나시와 우호교류 협약",
                                 "○ 충주시 : 2019. 11. 20. 베트남 다라성과 우호협력 협약",
                                 "○ 자매도시 : 2015. 5. 7. 일본 마바시와 자매결연"],
    "full-width colon, numbered": ["1. 음성군：중국 가나시 — 우호교류 협약 체결 2018. 9. 1.",
                                   "2. 충주시：베트남 다라성 — 우호협력 협약 체결 2019. 11. 20.",
                                   "3. 자매도시：일본 마바시 — 자매결연 2015. 5. 7."],
}
COUNTY_FACTS = {("가나시", "음성군", "2018-09-01", "friendship"), ("다라성", "충주시", "2019-11-20", "friendship"),
                ("마바시", "충청북도", "2015-05-07", "sister")}


def county_list(entries: list[str]) -> list[str]:
    return ["충청북도 국제교류 현황", "", *entries]


@pytest.mark.parametrize("wording", sorted(COUNTY_FIRST))
def test_a_county_before_the_colon_is_the_party_a_label_is_not(tmp_path: Path, wording: str):
    assert facts(build(page(tmp_path, "txt", county_list(COUNTY_FIRST[wording])))) == COUNTY_FACTS


@pytest.mark.parametrize("kind", ["md", "html", "docx", "hwpx"])
def test_the_county_list_in_other_formats(tmp_path: Path, kind: str):
    lines = [line for line in county_list(COUNTY_FIRST["colon, bracket"]) if line]
    assert facts(build(page(tmp_path, kind, lines))) == COUNTY_FACTS


def test_county_list_perturbed_an_entry_added_and_a_date_changed(tmp_path: Path):
    entries = [COUNTY_FIRST["colon, bracket"][0].replace("2018. 9. 1.", "2017. 3. 4."),
               *COUNTY_FIRST["colon, bracket"][1:], "- 괴산군: 몽골 사아아이막 (우호교류, 2021. 6. 2.)"]
    expected = (COUNTY_FACTS - {("가나시", "음성군", "2018-09-01", "friendship")}) | {
        ("가나시", "음성군", "2017-03-04", "friendship"), ("괴산군", "사아아이막", "2021-06-02", "friendship")}
    assert facts(build(page(tmp_path, "txt", county_list(entries)))) == expected


def test_negative_the_provinces_own_name_before_the_colon_stays_the_province(tmp_path: Path):
    lines = county_list(["- 충청북도: 중국 가나성 (자매결연, 2001. 4. 5.)"])
    assert facts(build(page(tmp_path, "txt", lines))) == {("가나성", "충청북도", "2001-04-05", "sister")}


#: A Japanese prefecture's list of its towns' Korean partners (the towns invented, so unknown to the registry).
ARROWS = ["1. 가나시 {a} 동해시: 자매도시 (1990. 5. 1.)",
          "2. 다라정 {a} 경상남도 김해시: 우호도시 (2015년)",
          "3. 마바촌 {a} 대구광역시 중구: 교류 재개 협의 중 (2026년 협약 예정)"]
ARROW_FACTS = {("가나시", "동해시", "1990-05-01", "sister"), ("김해시", "다라정", "2015", "friendship")}


def prefecture_list(arrow: str, entries: list[str] = ARROWS) -> list[str]:
    return ["돗토리현 국제교류 안내 (한국어판)", "", "현내 시정촌과 한국 도시", *(e.format(a=arrow) for e in entries)]


def _ids(built) -> set[str]:
    from ontology.namespaces import GY

    return {str(o).rsplit("/", 1)[-1] for o in built.dataset.objects(None, GY.party)}


@pytest.mark.parametrize("arrow", ["↔", "⇔", "<->", "―"])
def test_pair_lines_of_a_foreign_subject_place_unknown_towns_in_its_country(tmp_path: Path, arrow: str):
    built = build(page(tmp_path, "txt", prefecture_list(arrow)))
    assert facts(built) == ARROW_FACTS
    assert all(not i.startswith("kr-") or i in {"kr-gangwon-donghae", "kr-gyeongnam-gimhae", "kr-daegu-jung"}
               for i in _ids(built))
    assert any(i.startswith("jp-") and i.endswith("가나시") for i in _ids(built))


@pytest.mark.parametrize("kind", ["md", "html", "docx"])
def test_the_prefecture_list_in_other_formats(tmp_path: Path, kind: str):
    lines = [line for line in prefecture_list("↔") if line]
    assert facts(build(page(tmp_path, kind, lines))) == ARROW_FACTS


def test_prefecture_list_perturbed_a_pair_added_and_a_date_changed(tmp_path: Path):
    entries = [ARROWS[0].replace("1990. 5. 1.", "1991. 6. 2."), *ARROWS[1:],
               "4. 사아정 {a} 전라남도 보성군: 우호교류 (2008. 9. 25.)"]
    expected = (ARROW_FACTS - {("가나시", "동해시", "1990-05-01", "sister")}) | {
        ("가나시", "동해시", "1991-06-02", "sister"), ("보성군", "사아정", "2008-09-25", "friendship")}
    assert facts(build(page(tmp_path, "txt", prefecture_list("↔", entries)))) == expected


def test_negative_without_a_foreign_subject_an_unknown_side_is_still_reported(tmp_path: Path):
    lines = ["교류 현황 (번역: 전라남도 국제협력관)", "1. 가나시 ↔ 충주시: 우호도시 (2006. 8. 21.)"]
    built = build(page(tmp_path, "txt", lines))
    assert facts(built) == set()
    assert any(i.text == "가나시" and i.kind == "unresolved" for i in built.report.issues)


#: Pair lines of a foreign subject where neither side is Korean (audit18 D4): both unplaced sides are not guessed
#: into the subject's country (a town's Chinese partner is no Japanese place); the Korean pair beside them holds.
BOTH_UNKNOWN = {
    "arrow, bracketed date": ["1. 가나시 ↔ 다라시: 우호도시 (1992. 6. 25.)",
                              "2. 마바정 ↔ 사아시: 우호도시 (1991. 4. 10.)",
                              "3. 자차시 ↔ 속초시: 자매도시 (2005. 5. 16.)"],
    "dash, year first": ["- 가나시 ― 다라시: 1992년 우호도시 체결", "- 마바정 ― 사아시: 1991년 우호도시 체결",
                         "- 자차시 ― 속초시: 2005년 자매도시 체결"],
}


@pytest.mark.parametrize("kind", ["txt", "md"])
@pytest.mark.parametrize("wording", sorted(BOTH_UNKNOWN))
def test_negative_two_unknown_sides_of_a_foreign_subject_are_not_guessed(tmp_path: Path, kind: str, wording: str):
    built = build(page(tmp_path, kind, ["돗토리현 국제교류 안내 (한국어판)", "현내 시정촌의 해외 자매도시",
                                        *BOTH_UNKNOWN[wording]]))
    assert {(a, b) for a, b, *_ in facts(built)} == {("속초시", "자차시")}
    assert not any(i.endswith(("다라시", "사아시")) for i in _ids(built))
    assert {"가나시", "마바정"} <= {i.text for i in built.report.issues if i.kind == "unresolved"}
