"""Whose document it is and where its places are: a province named in Latin letters is not a city whose name begins
its name (audit13 N1); a register is the office's that wrote it, and a region named in its partner column is never
its subject (T2); a Hanja city name is read as a Korean registry name only where no other country is stated (H1).

The documents are written by the tests; the partners are real foreign divisions of the gazetteer or invented
cities, the Korean parties come from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.text_forms import PlaceReadings, reading_document
from graph.registry import Registry
from tests.fixtures.pages import page, paragraphs
from tests.readers.helpers import build, document, facts
from tests.readers.table_files import party_countries
from tests.readers.test_report_prose import party_ids

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


# A Hanja city name whose reading is a Korean registry name (廣州市: 광주시 in 경기도, and Guangzhou in China) is read
# so only where the text states no other country for it (audit13 H1): the country before it, in brackets after it,
# in its row's country cell, as the label of its item, or in an earlier sentence of its paragraph.
GUANGZHOU = ("廣州市", "보은군", "1995-05-08", "friendship")
HANJA_LAYOUTS = {
    "before": ["報恩郡 國際交流 現況", "1. 中國 廣東省 廣州市 — 1995年 5月 8日 友好交流 協定 締結"],
    "after": ["報恩郡 國際交流 現況", "1. 廣州市(中國) — 1995年 5月 8日 友好交流 協定 締結"],
    "label": ["보은군 국제교류 현황", "1. 中國 — 廣州市, 1995年 5月 8日 友好交流 協定 締結"],
    "cell-before": ["보은군 국제교류 현황",
                    [["국가", "도시", "체결일", "구분"], ["중국", "廣州市", "1995. 5. 8.", "우호교류"]]],
    "cell-after": ["보은군 국제교류 현황",
                   [["도시", "국가", "체결일", "구분"], ["廣州市", "中國", "1995. 5. 8.", "우호교류"]]],
    "sentence": ["보은군 국제교류 소식", "1995. 5. 10.",
                 "보은군은 중국과의 교류를 넓혀 왔다. 군은 1995年 5月 8日 廣州市와 友好交流 協定을 締結하였다."],
    "line-above": ["보은군 국제교류 소식", "1995. 5. 10.", "보은군은 중국 광둥성과의 교류를 넓혀 왔다.",
                   "보은군은 1995년 5월 8일 廣州市와 우호교류 협정을 체결하였다."],
}


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("layout", list(HANJA_LAYOUTS))
def test_a_hanja_city_in_a_stated_country_is_no_korean_namesake(tmp_path: Path, kind: str, layout: str):
    built = build(page(tmp_path, kind, HANJA_LAYOUTS[layout]))
    assert facts(built) == {GUANGZHOU}
    assert party_countries(built) == {"廣州市": "CN", "보은군": "KR"}


MAPO = ("마포구", "보은군", "1995-05-08", "sister")


@pytest.mark.parametrize(("lines", "expected"), [
    (["보은군 국제교류 현황", "1. 中國 가나시 — 1994年 友好交流, 서울特別市 麻浦區 — 1995年 5月 8日 姉妹結緣 締結"],
     {MAPO, ("가나시", "보은군", "1994", "friendship")}),
    (["보은군 국제교류 소식", "보은군은 중국 가나시와 교류해 왔다.",
      "군은 1995년 5월 8일 서울特別市 麻浦區와 자매결연을 맺었다."], {MAPO}),
    (["보은군 국제교류 현황", "국가 | 도시 | 체결일 | 구분", "중국 | 가나시 | 1994. 3. 2. | 우호교류",
      "국내 | 麻浦區 | 1995. 5. 8. | 자매결연"], {MAPO, ("가나시", "보은군", "1994-03-02", "friendship")}),
], ids=["parent-in-list", "parent-after-a-foreign-line", "domestic-cell"])
def test_a_korean_hanja_name_beside_a_foreign_one_is_still_read(lines: list[str], expected: set):
    """A Korean parent right before the name, or a 국내 cell, states Korea: 麻浦區 is read 마포구 (서울)."""
    built = build(document("record.txt", "\n".join(lines)))
    assert facts(built) == expected
    assert party_countries(built)["마포구"] == "KR"


def test_a_hanja_city_with_no_country_stated_keeps_its_registry_reading():
    """No country anywhere in the paragraph: the registry reading stands (as before), a blank line ends the
    paragraph whose country was stated."""
    text = ("보은군 국제교류 소식\n보은군은 중국과의 교류를 넓혀 왔다.\n\n"
            "보은군은 1995년 5월 8일 廣州市와 우호교류 협정을 체결하였다.")
    reading = reading_document(document("n.txt", text), places=PlaceReadings(Registry.default()))
    assert reading.lines[3] == "보은군은 1995년 5월 8일 광주시와 우호교류 협정을 체결하였다."


# Parties found elsewhere than their own cell or clause (challenge 11/12 tune error taxonomy, "party resolved
# elsewhere"), in layouts written here: a list item naming its own Korean city with the province it belongs to, and
# a register whose province column qualifies the city or district column beside it.
@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx"])
def test_a_list_item_of_a_provinces_document_names_its_own_city(tmp_path: Path, kind: str):
    doc = page(tmp_path, kind, ["경상북도 국제교류 현황", "- 경상북도 포항시와 장쑤성 가나시 자매결연(2001. 11. 3.)",
                                "- 경상북도 경주시와 일본 다라시 우호교류(1970. 4. 15.)",
                                "- 경상북도와 장쑤성 우호교류(1994. 10. 27.)"])
    assert party_ids(build(doc)) == {("cn-가나시", "kr-gyeongbuk-pohang", "2001-11-03"),
                                     ("jp-다라시", "kr-gyeongbuk-gyeongju", "1970-04-15"),
                                     ("cn-jiangsu", "kr-gyeongbuk", "1994-10-27")}


PROVINCE_ROWS = [["경상남도", "고성군", "일본", "가나시", "자매결연", "2002-05-16"],
                 ["강원특별자치도", "고성군", "러시아", "다라시", "우호교류", "1991-11-14"],
                 ["대구광역시", "중구", "중국", "마바시", "우호교류", "2003-03-01"]]
PROVINCE_FACTS = {("jp-가나시", "kr-gyeongnam-goseong", "2002-05-16"),
                  ("kr-gangwon-goseong", "ru-다라시", "1991-11-14"), ("cn-마바시", "kr-daegu-jung", "2003-03-01")}


@pytest.mark.parametrize("kind", ["tsv", "csv", "md", "docx", "html"])
@pytest.mark.parametrize("header", ["자치단체", "광역자치단체", "시도"])
def test_a_province_column_qualifies_the_city_beside_it(tmp_path: Path, kind: str, header: str):
    rows = [[header, "시군구", "상대국가", "상대도시", "교류형태", "체결일"], *PROVINCE_ROWS]
    assert party_ids(build(page(tmp_path, kind, ["지자체 국제교류 현황", rows]))) == PROVINCE_FACTS


def test_two_korean_columns_that_are_no_province_and_city_stay_two_parties(tmp_path: Path):
    rows = [["자치단체", "상대 자치단체", "교류형태", "체결일"],
            ["옥천군", "부산광역시 해운대구", "자매결연", "1997-05-12"],
            ["대구광역시 중구", "경상남도 고성군", "자매결연", "2001-03-02"]]
    assert party_ids(build(page(tmp_path, "tsv", ["국내 자매결연 현황", rows]))) == {
        ("kr-busan-haeundae", "kr-chungbuk-okcheon", "1997-05-12"),
        ("kr-daegu-jung", "kr-gyeongnam-goseong", "2001-03-02")}
