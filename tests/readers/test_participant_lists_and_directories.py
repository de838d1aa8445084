"""People with posts in English participant lists (``Name | Title | Organization``), in a partner's officials'
directory whose names are foreign names in Hangul, and in English releases that print family names in capitals.
Every page is written by the test in several formats; names of people and bodies are invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from graph.facts import FactWriter
from graph.readers.people import SentenceReader
from graph.readers.people_tables import seating_posts
from graph.registry import Registry
from graph.report import ExtractionReport
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


def test_an_organisation_cell_naming_only_a_country_is_no_organisation(tmp_path: Path):
    rows = [["Name", "Title", "Organization"], ["Mara Sollen", "Mayor", "Japan"],
            ["Tavi Orun", "Governor", "Mongolia"], ["Wen Darao", "Vice Governor", "Liaoning Province"]]
    doc = from_file(write_page(tmp_path / "list.csv", ["Participants (3 May 2024)", rows]))
    assert _posts(doc, tmp_path) == {("Wen Darao", "Vice Governor", "region/cn-liaoning")}
    rows[1][2] = "Gana Trade Office"  # a body's name, not a country: minted as written
    doc = from_file(write_page(tmp_path / "list2.csv", ["Participants (3 May 2024)", rows]))
    assert ("Mara Sollen", "Mayor", "organization/minted-ganatradeoffice") in _posts(doc, tmp_path)


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


ORDER = ["가평군 인사발령 사항", "2024년 7월 1일 시행", "[전보]",
         "○ 교류지원팀장 : 지방행정사무관 (직무대리) 유가람",
         "○ 국제협력과장 : 지방서기관 한다온 (前 관광정책과장)",
         "[교류 연수 복귀]", "○ 주무관 최나은 (다라현 교류 연수 복귀) → 국제협력팀",
         "[퇴직]", "○ 지방서기관 서보람 (국제협력과장) 명예퇴직",
         "가평군수  박새론"]
ORDER_EXPECTED = {("한다온", "국제협력과장", "region/kr-gyeonggi-gapyeong"),
                  ("한다온", "관광정책과장", "region/kr-gyeonggi-gapyeong"),
                  ("유가람", "교류지원팀장", "region/kr-gyeonggi-gapyeong"),
                  ("최나은", "주무관", "region/kr-gyeonggi-gapyeong"),
                  ("서보람", "국제협력과장", "region/kr-gyeonggi-gapyeong"),
                  ("박새론", "군수", "region/kr-gyeonggi-gapyeong")}


@pytest.mark.parametrize("fmt", ["txt", "md", "docx", "html"])
def test_a_personnel_order_grades_between_post_and_name_and_earlier_posts(tmp_path: Path, fmt: str):
    doc = from_file(write_page(tmp_path / f"order.{fmt}", ORDER))
    assert _posts(doc, tmp_path) == ORDER_EXPECTED
    assert _former(doc, tmp_path) == {"한다온"}
    # an earlier "post" that is no post, and a grade with no name after it, state nothing
    changed = [line.replace("(前 관광정책과장)", "(前 관광정책 담당)").replace("지방행정사무관 (직무대리) 유가람",
                                                                       "지방행정사무관 (직무대리) 미정")
               for line in ORDER]
    found = _posts(from_file(write_page(tmp_path / f"order2.{fmt}", changed)), tmp_path)
    assert {p for p in found if p[0] in ("한다온", "유가람", "미정")} == {
        ("한다온", "국제협력과장", "region/kr-gyeonggi-gapyeong")}


SIGNED = ["가평군·효고현 우호교류 협정서", "2024년 5월 3일 가평군에서",
          [["경기도 가평군수", "효고현지사"], ["박새론 (서명)", "마루키 다이치 (서명)"]],
          "입회: 가평군의회 의장 한다온"]


@pytest.mark.parametrize("fmt", ["txt", "docx", "hwpx", "html"])
def test_a_signature_block_posts_above_names(tmp_path: Path, fmt: str):
    assert _posts(from_file(write_page(tmp_path / f"signed.{fmt}", SIGNED)), tmp_path) == {
        ("박새론", "군수", "region/kr-gyeonggi-gapyeong"), ("마루키 다이치", "지사", "region/jp-hyogo"),
        ("한다온", "의장", "organization/minted-가평군의회")}
    # titles with no place of their own over the names, or a line of words that are no names: no block
    changed = [SIGNED[0], SIGNED[1], [["위원장", "위원장"], ["박새론 (서명)", "마루키 다이치 (서명)"]]]
    assert _posts(from_file(write_page(tmp_path / f"signed2.{fmt}", changed)), tmp_path) == set()
    changed = [SIGNED[0], SIGNED[1], [["경기도 가평군수", "효고현지사"], ["협정서 원본", "보관 예정"]]]
    assert _posts(from_file(write_page(tmp_path / f"signed3.{fmt}", changed)), tmp_path) == set()


def test_a_korean_provinces_governor_is_its_do_jisa(tmp_path: Path):
    lines = ["강원특별자치도·효고현 교류 협정서", "2024년 5월 3일",
             [["강원특별자치도지사", "효고현지사"], ["한가온 (서명)", "마루키 다이치 (서명)"]]]
    assert _posts(from_file(write_page(tmp_path / "gov.txt", lines)), tmp_path) == {
        ("한가온", "도지사", "region/kr-gangwon"), ("마루키 다이치", "지사", "region/jp-hyogo")}


SEATS = ["가평군–효고현 교류 회의 결과", "□ 일시: 2024. 5. 3.(금) 10:00", "□ 좌석 배치",
         [["구분", "좌석 1", "좌석 2", "좌석 3"],
          ["가평군측", "통역", "군수 박새론", "국제협력과장 한다온"],
          ["효고현측", "통역", "지사 마루키 다이치", "현의회 의장 아키노 료"]]]


@pytest.mark.parametrize("fmt", ["docx", "hwpx", "md", "tsv"])
def test_a_seating_chart_foreign_names_after_their_posts(tmp_path: Path, fmt: str):
    assert _posts(from_file(write_page(tmp_path / f"seats.{fmt}", SEATS)), tmp_path) == {
        ("마루키 다이치", "지사", "region/jp-hyogo"), ("아키노 료", "의장", "organization/minted-효고현의회"),
        ("박새론", "군수", "region/kr-gyeonggi-gapyeong"), ("한다온", "국제협력과장", "region/kr-gyeonggi-gapyeong")}
    # the seating reader places foreign names in Hangul on a foreign side's row only
    rows = [SEATS[3][0], ["가평군측", "통역", "지사 마루키 다이치", "현의회 의장 아키노 료"],
            ["마바측", "통역", "지사 마루키 다이치", ""]]
    doc = from_file(write_page(tmp_path / f"seats2.{fmt}", [*SEATS[:3], rows]))
    w = FactWriter(Dataset(), doc, Registry.default(), ExtractionReport())
    assert seating_posts(w, SentenceReader(w.registry)) == []
    doc = from_file(write_page(tmp_path / f"seats3.{fmt}", SEATS))
    w = FactWriter(Dataset(), doc, Registry.default(), ExtractionReport())
    assert [(name, role, org.id) for _, name, role, org, _ in seating_posts(w, SentenceReader(w.registry))] == [
        ("마루키 다이치", "지사", "jp-hyogo"), ("아키노 료", "의장", "minted-효고현의회")]


RECEPTION = ["가평군 외교 사절 오찬 참석자", "2024. 5. 3. 국제협력과",
             [["구분", "직위", "성명", "비고"], ["주부산 일본국 총영사관", "총영사", "마루키 다이치", "건배 제의"],
              ["주한 캐나다대사관", "1등서기관", "(추후 통보)", "참석 미정"],
              ["주한 몽골대사관", "대사", "바야르마", ""]]]


@pytest.mark.parametrize("fmt", ["hwpx", "md", "csv"])
def test_a_reception_table_whose_first_column_names_the_mission(tmp_path: Path, fmt: str):
    assert _posts(from_file(write_page(tmp_path / f"guests.{fmt}", RECEPTION)), tmp_path) == {
        ("마루키 다이치", "총영사", "country/JP"), ("바야르마", "대사", "country/MN")}  # a seat to be filled: no one


def test_a_provinces_governor_signing_under_the_text_and_title_first_names_placed_by_the_document(tmp_path: Path):
    text = "강원특별자치도 국제교류 계획\n2024. 3. 2.\n\n강원특별자치도지사  한가온\n"
    assert _posts(document("plan.txt", text), tmp_path) == {("한가온", "도지사", "region/kr-gangwon")}
    # a Q&A table with no heading naming a region: a title-first name is the document's own region's
    rows = [["질의위원", "질의 요지", "답변자"], ["유다온 위원", "교류 실적은?", "국제협력과장 한다온"]]
    for fmt in ("docx", "txt", "html"):
        head = ["상임위원회 질의·답변 정리 (2024. 3. 2.)", "대상 부서: 가평군 국제협력과"]
        page = write_page(tmp_path / f"qna.{fmt}", [*head, rows])
        assert _posts(from_file(page), tmp_path) == {("한다온", "국제협력과장", "region/kr-gyeonggi-gapyeong"),
                                                     ("유다온", "위원", "region/kr-gyeonggi-gapyeong")}
