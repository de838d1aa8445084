"""A foreign division written in English is the gazetteer's division, keyed by its Korean name in any spelling; a
city's unit word (``City``) or a bare name keeps its own key. A translator's or editor's credit names who wrote the
text, never its subject. A foreign page about one of its own cities (``가나현 다라시는 …``) is that city's, and a short
Korean name at the start of a longer word (동해 in 동해안, a coast) names no place.

The documents are written by the tests; the divisions are the gazetteer's (Aichi, Guizhou, Queensland, Bavaria), the
Korean parties the registry's, the foreign cities invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.entities import minted_id
from graph.registry import Entity, Registry
from tests.fixtures.pages import page, paragraphs
from tests.readers.helpers import build, document, facts
from tests.readers.test_report_prose import party_ids

OKCHEON = "kr-chungbuk-okcheon"


@pytest.mark.parametrize(("country", "spellings", "key"), [
    ("JP", ["Aichi Prefecture", "Aichi-ken", "Prefecture of Aichi", "아이치현", "愛知県", "aichi  prefecture"],
     "jp-아이치현"),
    ("CN", ["Guizhou Province", "Province of Guizhou", "구이저우성", "귀주성", "贵州省"], "cn-구이저우성"),
    ("AU", ["State of Queensland", "Queensland State", "퀸즐랜드주"], "au-퀸즐랜드주"),
    ("DE", ["State of Bavaria", "바이에른주"], "de-바이에른주"),
])
def test_every_spelling_of_a_gazetteer_division_is_one_key(country: str, spellings: list[str], key: str):
    assert {minted_id(country, s) for s in spellings} == {key}


@pytest.mark.parametrize(("country", "name", "key"), [
    ("JP", "Aichi", "jp-aichi"),  # a bare name is a city's as much as a prefecture's: as written
    ("JP", "Aichi City", "jp-aichicity"),  # the unit word says a city
    ("JP", "아이치시", "jp-아이치시"),
    ("JP", "Guizhou Province", "jp-guizhou"),  # no division of that name in that country
    ("CN", "Gana Province", "cn-gana"),  # no division of the gazetteer: the bare name, as before
    ("AU", "Queensland Prefecture", "au-queensland"),  # a unit word of another level than the division's
])
def test_a_city_a_bare_name_or_another_countrys_division_keeps_its_own_key(country: str, name: str, key: str):
    assert minted_id(country, name) == key


ENGLISH_LIST = [
    "Sister & Friendship Regions of Okcheon County",
    "Okcheon County maintains ties with regions in three countries.",
    "- State of Queensland, Australia — sister relationship signed on May 3, 1999",
    "- Aichi Prefecture, Japan — sister relationship signed in March 2009",
    "- Guizhou Province, China — friendship agreement of November 18, 2011",
]
ENGLISH_FACTS = {("au-퀸즐랜드주", OKCHEON, "1999-05-03"), ("jp-아이치현", OKCHEON, "2009-03"),
                 ("cn-구이저우성", OKCHEON, "2011-11-18")}


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx"])
def test_an_english_list_of_divisions_mints_the_gazetteers_divisions(tmp_path: Path, kind: str):
    result = build(page(tmp_path, kind, ENGLISH_LIST))
    assert party_ids(result) == ENGLISH_FACTS
    labels = {label for _, label in _labels(result, "jp-아이치현")}
    assert {"Aichi Prefecture", "아이치현"} <= labels  # as written, and the gazetteer's Korean name beside it


@pytest.mark.parametrize(("written", "key"), [("Aichi, Japan", "jp-aichi"), ("Gana City, Japan", "jp-gana"),
                                              ("Prefecture of Aichi, Japan", "jp-아이치현"),
                                              ("Aichi-ken, Japan", "jp-아이치현")])
def test_a_city_or_a_bare_name_in_the_list_is_no_division(tmp_path: Path, written: str, key: str):
    lines = [*ENGLISH_LIST[:3], f"- {written} — sister relationship signed in March 2009", ENGLISH_LIST[4]]
    assert party_ids(build(page(tmp_path, "txt", lines))) == (ENGLISH_FACTS - {("jp-아이치현", OKCHEON, "2009-03")}) | {
        (key, OKCHEON, "2009-03")}


def test_a_korean_and_an_english_document_name_one_division(tmp_path: Path):
    korean = document("news.txt", "옥천군 국제교류 소식\n옥천군은 2009년 3월 일본 아이치현과 자매결연을 체결했다.")
    result = build(korean, page(tmp_path, "txt", ENGLISH_LIST))
    assert party_ids(result) == ENGLISH_FACTS
    assert {"Aichi Prefecture", "아이치현"} <= {label for _, label in _labels(result, "jp-아이치현")}


def _labels(result, entity_id: str) -> set[tuple[str, str]]:
    from ontology.namespaces import RDFS, SKOS

    result.dataset.default_union = True
    iri = Entity(entity_id, "region", "").iri  # a region's IRI, minted or not
    return {(str(p), str(o)) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
            for o in result.dataset.objects(iri, p)}


# A translator's credit names who translated a list, not whose list it is; an editor's or writer's names its own staff.
CREDITS = ["(원문: 옥천군 자료 / 번역: 충청남도 국제통상과, 2024. 2.)", "번역: 충청남도 국제통상과",
           "옮긴이 = 충청남도 국제통상과", "역자: 충청남도 국제통상과 · 2024. 2."]
CREDIT_FACTS = {("jp-가나시", OKCHEON, "2001-05-03"), ("cn-다라시", OKCHEON, "2005-10-01")}


@pytest.mark.parametrize("kind", ["txt", "md", "docx"])
@pytest.mark.parametrize("credit", ["편집 : 옥천군 국제교류팀", "글·사진 = 옥천군 국제교류팀", "사진: 옥천군청"])
def test_an_editors_credit_names_the_documents_own_office(tmp_path: Path, kind: str, credit: str):
    blocks = ["국제교류 소식지 제3호", credit, "○ 일본 아이치현 가나시 : 자매결연 2001. 5. 3.",
              "○ 중국 구이저우성 다라시 : 우호교류 2005. 10. 1."]
    assert party_ids(build(page(tmp_path, kind, blocks))) == CREDIT_FACTS


@pytest.mark.parametrize("kind", ["txt", "md", "docx"])
@pytest.mark.parametrize("credit", CREDITS)
def test_a_credit_above_a_list_is_not_its_subject(tmp_path: Path, kind: str, credit: str):
    blocks = ["옥천군 해외 자매도시 현황", credit, "○ 일본 아이치현 가나시 : 자매결연 2001. 5. 3.",
              "○ 중국 구이저우성 다라시 : 우호교류 2005. 10. 1."]
    assert party_ids(build(page(tmp_path, kind, blocks))) == CREDIT_FACTS


def test_a_region_named_outside_a_credit_is_still_the_subject():
    text = "(번역: 충청남도 국제통상과 / 옥천군 해외 자매도시 현황)\n○ 일본 아이치현 가나시 : 자매결연 2001. 5. 3."
    assert party_ids(build(document("list.txt", text))) == {("jp-가나시", OKCHEON, "2001-05-03")}


# A foreign city's page of its Korean partners: the city written after its division is the subject.
FOREIGN_PAGE = """가나시의 한국 교류 도시
아이치현 가나시(면적 120㎢)는 1990년대부터 한국 동해안의 여러 도시와 교류를 넓혀 가고 있다.
교류 도시
- 옥천군 (대한민국 충청북도) — 1995년 11월 7일 자매도시 결연
- 강릉시 — 2012년 4월 우호교류협정 체결"""
FOREIGN_FACTS = {("jp-가나시", OKCHEON, "1995-11-07"), ("jp-가나시", "kr-gangwon-gangneung", "2012-04")}


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx"])
@pytest.mark.parametrize("coast", ["한국 동해안의 여러 도시와", "한국의 여러 도시와", "동해안 도시, 서해안 도시와"])
def test_a_foreign_citys_page_is_the_citys(tmp_path: Path, kind: str, coast: str):
    blocks = paragraphs(FOREIGN_PAGE.replace("한국 동해안의 여러 도시와", coast))
    assert party_ids(build(page(tmp_path, kind, blocks))) == FOREIGN_FACTS


def test_a_foreign_page_with_a_row_added_or_a_date_changed(tmp_path: Path):
    text = FOREIGN_PAGE.replace("2012년 4월", "2013년 5월") + "\n- 옥천군 — 2015년 11월 7일 협정 갱신"
    assert party_ids(build(document("page.txt", text))) == {
        ("jp-가나시", OKCHEON, "1995-11-07"), ("jp-가나시", "kr-gangwon-gangneung", "2013-05"),
        ("jp-가나시", OKCHEON, "2015-11-07")}


def test_a_registry_city_after_a_division_is_no_new_city():
    text = FOREIGN_PAGE.replace("아이치현 가나시(면적 120㎢)는", "중국 지린성 창춘시(면적 120㎢)는")
    found = party_ids(build(document("page.txt", text)))
    assert all("가나시" not in a and "가나시" not in b for a, b, _ in found)


@pytest.mark.parametrize(("text", "names"), [
    ("한국 동해안의 여러 도시", []), ("동해와 삼척의 교류", ["동해시", "삼척시"]), ("동해시 국제교류", ["동해시"]),
    ("부산에서 열린 회의", ["부산광역시"]), ("대구·경북 지역", ["대구광역시", "경상북도"]),
    ("경남도 국제과", ["경상남도"]), ("부산측 대표", ["부산광역시"]),
    ("대구경북 공동 대표단", ["대구광역시", "경상북도"]),
    ("평택항에서 출항", ["평택시"]), ("담당 주무관 문경호", []), ("강릉발 서울행", ["강릉시", "서울특별시"]),
])
def test_a_short_name_is_no_mention_at_the_start_of_a_longer_word(text: str, names: list[str]):
    assert [m.entity.name_ko for m in Registry.default().find_mentions(text)] == names


def test_facts_of_a_credit_list_carry_the_subjects_label(tmp_path: Path):
    blocks = ["옥천군 해외 자매도시 현황", CREDITS[1], "○ 일본 아이치현 가나시 : 자매결연 2001. 5. 3."]
    assert facts(build(page(tmp_path, "txt", blocks))) == {("가나시", "옥천군", "2001-05-03", "sister")}
