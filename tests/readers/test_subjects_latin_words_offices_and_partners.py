"""Whose document it is: a province named in Latin letters is not a city whose name begins its name (audit13 N1).

The documents are written by the tests; the partners are real foreign divisions of the gazetteer or invented
cities, the Korean parties come from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page, paragraphs
from tests.readers.helpers import build, document, facts

#: A province in Latin letters as an English page writes it, and the registry province it names. Gyeongsangbuk-do
#: and Gyeongsangnam-do begin with Gyeongsan (경산시), a city in a registry name of its own.
PROVINCES = [("Gyeongsangbuk-do", "경상북도"), ("Gyeongsangnam-do", "경상남도"), ("Gangwon-do", "강원특별자치도"),
             ("North Chungcheong Province", "충청북도"), ("Gyeongbuk", "경상북도")]

ROWS = [["Region", "Country", "Relationship", "Date Signed"],
        ["Tottori Prefecture", "Japan", "Sister Region", "Oct. 28, 1994"],
        ["Jilin Province", "China", "Friendship Region", "June 14, 1994"]]


def _table_facts(subject: str) -> set[tuple[str, str, str, str]]:
    return {tuple(sorted((subject, "돗토리현"))) + ("1994-10-28", "sister"),
            tuple(sorted((subject, "지린성"))) + ("1994-06-14", "friendship")}


@pytest.mark.parametrize("kind", ["txt", "md", "docx"])
@pytest.mark.parametrize(("province", "subject"), PROVINCES)
def test_an_english_partner_table_is_its_provinces(tmp_path: Path, kind: str, province: str, subject: str):
    doc = page(tmp_path, kind, [f"Sister & Friendship Regions of {province}",
                                f"{province} maintains ties with 2 regions. Last updated: March 3, 2025.", ROWS])
    assert facts(build(doc)) == _table_facts(subject)


@pytest.mark.parametrize("kind", ["txt", "html"])
@pytest.mark.parametrize(("province", "subject"), PROVINCES)
def test_an_english_release_is_its_provinces(tmp_path: Path, kind: str, province: str, subject: str):
    text = f"""International Relations of {province}
Press release, 20 June 1994
{province} signed a friendship agreement with Jilin Province, China, on June 14, 1994."""
    doc = page(tmp_path, kind, paragraphs(text))
    assert facts(build(doc)) == {tuple(sorted((subject, "지린성"))) + ("1994-06-14", "friendship")}


@pytest.mark.parametrize("title", ["Sister Cities of Gyeongsan", "Gyeongsan-si: Sister Cities",
                                   "Sister Cities of Gyeongsan City"])
def test_a_city_named_as_a_word_of_its_own_is_still_the_subject(title: str):
    text = "\n".join([title, *(" | ".join(r) for r in ROWS)])
    assert facts(build(document("cities.txt", text))) == _table_facts("경산시")


# The office that wrote a register, and a register that names no subject (audit13 T2). Okcheon and its partners
# come from the registry (옥천군, 부산광역시 해운대구, 전라남도 해남군); 통화시 is a city of the registry's China.
REGISTER = [["연번", "상대도시", "국가", "구분", "체결일자", "비고"],
            ["1", "통화시", "중국", "우호교류", "1994.09.10", ""],
            ["2", "부산광역시 해운대구", "국내", "자매결연", "1997.05.12", ""],
            ["3", "전라남도 해남군", "국내", "자매결연", "2003.10.01", ""]]
REGISTER_FACTS = {("옥천군", "통화시", "1994-09-10", "friendship"), ("옥천군", "해운대구", "1997-05-12", "sister"),
                  ("옥천군", "해남군", "2003-10-01", "sister")}
#: The office that wrote it, as a cell row under the table or as a note line.
OFFICES = [["작성일", "2024.01.05", "작성", "옥천군청 행정지원과", "", ""],
           ["작성일", "2024.01.05", "작성부서", "행정지원과(옥천군)", "", ""],
           ["작성일", "2024.01.05", "작성", "옥천군 행정지원과", "", ""],
           ["작성일", "2024.01.05", "담당", "옥천군청 국제교류팀", "", ""],
           "※ 자료: 옥천군청, 2024.01.05.",
           "※ 작성부서: 국제교류팀(옥천군청)"]
REGISTER_KINDS = ["txt", "csv", "md", "docx"]


def _register(tmp_path: Path, kind: str, tail: list) -> list:
    return page(tmp_path, kind, [[*REGISTER, *(t for t in tail if isinstance(t, list))],
                                 *(t for t in tail if isinstance(t, str))], "register")


@pytest.mark.parametrize("kind", REGISTER_KINDS)
@pytest.mark.parametrize("office", OFFICES, ids=range(len(OFFICES)))
def test_a_register_is_the_offices_that_wrote_it(tmp_path: Path, kind: str, office):
    assert facts(build(_register(tmp_path, kind, [office]))) == REGISTER_FACTS


@pytest.mark.parametrize("kind", REGISTER_KINDS)
@pytest.mark.parametrize("tail", [[], [["합계", "3개", "", "", "", ""]], ["※ 2024.01.05. 현재"],
                                  ["※ 해운대구 자료는 2023. 12. 31. 기준"]],
                         ids=["bare", "total", "note", "partner-note"])
def test_a_register_naming_no_subject_pairs_no_two_partners(tmp_path: Path, kind: str, tail: list):
    """A region named in the partner column is a partner, even where a note names it too: nothing is written,
    and the table is reported as having no subject."""
    built = build(_register(tmp_path, kind, tail))
    assert facts(built) == set()
    assert any(i.kind == "unresolved" and i.text == "table subject" and "no subject" in i.detail
               for i in built.report.issues), built.report.issues


@pytest.mark.parametrize("kind", REGISTER_KINDS)
def test_a_title_laid_out_as_cells_still_names_the_subject(tmp_path: Path, kind: str):
    doc = page(tmp_path, kind, [[["옥천군", "국제교류 현황", "", "", "", ""], *REGISTER]], "register")
    assert facts(build(doc)) == REGISTER_FACTS


def test_a_row_added_or_a_date_changed_in_a_register_with_an_office(tmp_path: Path):
    rows = [*REGISTER, ["4", "강원특별자치도 강릉시", "국내", "우호교류", "2010.03.02", ""], OFFICES[0]]
    rows[1] = ["1", "통화시", "중국", "우호교류", "1994.09.11", ""]
    found = facts(build(page(tmp_path, "csv", [rows], "register")))
    assert found == {("옥천군", "통화시", "1994-09-11", "friendship"), ("옥천군", "해운대구", "1997-05-12", "sister"),
                     ("옥천군", "해남군", "2003-10-01", "sister"), ("강릉시", "옥천군", "2010-03-02", "friendship")}
