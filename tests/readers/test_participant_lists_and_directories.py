"""People with posts in English participant lists (``Name | Title | Organization``), in a partner's officials'
directory whose names are foreign names in Hangul, and in English releases that print family names in capitals.
Every page is written by the test in several formats; names of people and bodies are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import write_page
from tests.readers.helpers import build, document, from_file, store_of
from tests.readers.test_people import POSTS

FORMER = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?t a gy:Tenure ; gy:former true ; gy:official ?p . ?p rdfs:label ?name }"""


def _posts(doc, tmp_path: Path) -> set[tuple[str, str, str]]:
    store = store_of(build(doc).dataset, tmp_path)
    return {(r["name"].value, r["role"].value, r["org"].value)
            for r in store.query(POSTS, use_default_graph_as_union=True)}


def _former(doc, tmp_path: Path) -> set[str]:
    store = store_of(build(doc).dataset, tmp_path)
    return {r["name"].value for r in store.query(FORMER, use_default_graph_as_union=True)}


PARTICIPANTS = [
    ["No.", "Name", "Title", "Organization", "Country", "Remarks"],
    ["1", "HAN Ga-on", "Mayor", "Gangneung City", "Korea", "Host"],
    ["2", "Wen Darao", "Vice Governor", "Liaoning Province", "China", ""],
    ["3", "Sora Mabashi", "Director-General, International Exchange Department", "Hyogo Prefecture", "Japan", ""],
    ["4", "Tsogbat D.", "Deputy Director-General", "Foreign Affairs Office of Gana Aimag", "Mongolia", ""],
    ["5", "YOON Se-ra", "Former Mayor", "Gangneung City", "Korea", "Guest"],
    ["6", "KIM Na-rae", "", "Gana Research Institute", "Korea", "Observer"],
    ["7", "", "Consul General", "Consulate General of Dara in Busan", "Dara", "TBC"],
    ["8", "Lee Da-on", "Interpreter", "Gangneung City", "Korea", ""],
]
PARTICIPANTS_EXPECTED = {
    ("HAN Ga-on", "Mayor", "region/kr-gangwon-gangneung"),
    ("Wen Darao", "Vice Governor", "region/cn-liaoning"),
    ("Sora Mabashi", "Director-General, International Exchange Department", "region/jp-hyogo"),
    ("Tsogbat D.", "Deputy Director-General", "organization/minted-foreignaffairsofficeofganaaimag"),
    ("YOON Se-ra", "Mayor", "region/kr-gangwon-gangneung"),
}


@pytest.mark.parametrize("fmt", ["csv", "html", "docx", "txt"])
def test_an_english_participant_list_in_several_formats(tmp_path: Path, fmt: str):
    doc = from_file(write_page(tmp_path / f"list.{fmt}", ["Regional Governors Forum - List of Participants",
                                                          "As of 3 May 2024", PARTICIPANTS]))
    assert _posts(doc, tmp_path) == PARTICIPANTS_EXPECTED
    assert _former(doc, tmp_path) == {"YOON Se-ra"}


def test_participant_list_columns_in_another_order_and_rows_that_name_no_official(tmp_path: Path):
    rows = [["Organisation", "Position", "Full Name"], *([r[3], r[2], r[1]] for r in PARTICIPANTS[1:])]
    doc = from_file(write_page(tmp_path / "list.csv", ["Participants (3 May 2024)", rows]))
    assert _posts(doc, tmp_path) == PARTICIPANTS_EXPECTED
    # no column of titles: nobody holds a post; a title cell that is no lexicon title (MC, Interpreter) neither
    rows = [["Name", "Organization", "Remarks"], *([r[1], r[3], r[2]] for r in PARTICIPANTS[1:])]
    assert _posts(from_file(write_page(tmp_path / "list2.csv", ["Participants (3 May 2024)", rows])), tmp_path) == set()
    rows = [PARTICIPANTS[0], ["1", "Gana Dara", "MC", "Gana Broadcasting", "Korea", ""],
            ["2", "PRESS RELEASE", "Mayor", "Gangneung City", "Korea", ""]]
    assert _posts(from_file(write_page(tmp_path / "list3.csv", ["Participants (3 May 2024)", rows])), tmp_path) == set()


DIRECTORY = [["직위", "성명", "비고"],
             ["지사", "마루키 다이치", "2019년 취임"],
             ["부지사", "소노다 가나에", "국제교류 총괄"],
             ["국제부장", "하루미 세나", ""],
             ["국제과장", "(공석)", "발령 예정"],
             ["현의회 의장", "아키노 료", ""],
             ["前 지사", "후유키 미츠오", "재임 중 교류 협정 서명"]]
DIRECTORY_EXPECTED = {("마루키 다이치", "지사", "region/jp-hyogo"), ("소노다 가나에", "부지사", "region/jp-hyogo"),
                      ("하루미 세나", "국제부장", "region/jp-hyogo"),
                      ("아키노 료", "의장", "organization/minted-효고현의회"),
                      ("후유키 미츠오", "지사", "region/jp-hyogo")}


@pytest.mark.parametrize("fmt", ["tsv", "docx", "html", "md"])
def test_a_partner_prefectures_directory_of_officials(tmp_path: Path, fmt: str):
    doc = from_file(write_page(tmp_path / f"dir.{fmt}", ["효고현 주요 간부 명단 (2024.5.1. 현재)", DIRECTORY]))
    assert _posts(doc, tmp_path) == DIRECTORY_EXPECTED
    assert _former(doc, tmp_path) == {"후유키 미츠오"}


def test_a_directory_whose_title_is_a_row_and_one_under_a_korean_heading(tmp_path: Path):
    rows = [["효고현 주요 간부 명단 (2024.5.1. 현재)", "", ""], *DIRECTORY]
    assert _posts(from_file(write_page(tmp_path / "dir.tsv", [rows])), tmp_path) == DIRECTORY_EXPECTED
    # a Korean region's list: foreign names in Hangul are not placed in it
    page = write_page(tmp_path / "dir2.tsv", ["가평군 방문단 명단 (2024.5.1.)", DIRECTORY])
    found = _posts(from_file(page), tmp_path)
    assert not any(org.startswith("region/kr-") for name, _, org in found if " " in name)


RELEASE = """PRESS RELEASE
Gangneung City | International Cooperation Division
For immediate release: 14 May 2024

Gangneung Mayor HAN Ga-on and Liaoning Province Vice Governor WEN Darao signed a friendship agreement on May 13.
The delegation also included Director-General for International Affairs KIM Na-rae.
"""


def test_an_english_release_with_family_names_in_capitals(tmp_path: Path):
    expected = {("HAN Ga-on", "Mayor", "region/kr-gangwon-gangneung"),
                ("WEN Darao", "Vice-Governor", "region/cn-liaoning"),
                ("KIM Na-rae", "Director-General for International Affairs", "region/kr-gangwon-gangneung")}
    assert _posts(document("release.txt", RELEASE), tmp_path) == expected
    # two words in capitals are no name (a heading, an acronym); a lower-case word after the title neither
    changed = RELEASE.replace("HAN Ga-on", "NEAR SECRETARIAT").replace("WEN Darao", "signed it")
    assert _posts(document("release2.txt", changed), tmp_path) == {
        ("KIM Na-rae", "Director-General for International Affairs", "region/kr-gangwon-gangneung")}
