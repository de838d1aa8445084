"""Who the parties of a table row are: Korean regions written in Latin letters (``Jeollanam-do``, ``Busan
Metropolitan City``), districts and counties qualified by the table's own province or city, near spellings only on
strong evidence, and a row's foreign country over a Korean homograph; in several layouts and formats, perturbed."""

from __future__ import annotations

import csv
import re

import pytest
from rdflib import Dataset

from graph.facts import FactWriter
from graph.readers import tables
from graph.readers.automatic import read_document
from graph.registry import Registry, normalize_name
from graph.report import ExtractionReport
from graph.romanization import latin_keys
from ontology.namespaces import GY
from tests.readers.helpers import build, document, docx_file, facts, from_file, hwpx_file, tsv


def _party_ids(result) -> set[tuple[str, str, str]]:
    """``(id, id, date)`` of every automatic agreement, ids sorted (a minted region's id is ``cc-name``)."""
    out = set()
    result.dataset.default_union = True
    q = """SELECT ?a (GROUP_CONCAT(?p; separator="|") AS ?ps) (SAMPLE(?d) AS ?date) WHERE {
      ?a a gy:Agreement ; gy:party ?p ; gy:extractionMethod "automatic" ; gy:signedOn ?d } GROUP BY ?a"""
    for row in result.dataset.query(q, initNs={"gy": GY}):
        a, b = sorted(p.rsplit("/", 1)[-1] for p in str(row.ps).split("|"))
        out.add((a, b, str(row.date)))
    return out


def _unresolved(result) -> set[str]:
    return {i.text for i in result.report.issues if i.kind in ("unresolved", "ambiguous")}


ROMANISED = "Sister and friendship cities of Korean local governments in the consular district\n" + tsv(
    ["No", "Korea", "Japan", "Type", "Date of signing"],
    ["1", "Jeollanam-do", "Miyagi Prefecture", "Sister", "1998.5.10"],
    ["2", "Changwon-si", "Kishiwada City", "Sister", "1968.12.5"],
    ["3", "Gyeongsangbuk-do", "Tottori Prefecture", "Friendship", "May 10, 2001"],
    ["4", "Busan Metropolitan City", "Fukuoka City", "Friendship", "2007-02-01"],
    ["5", "Gangwon-do", "Tottori Prefecture", "Sister", "1994.11"],
    ["6", "Yangyang-gun", "Hamada City", "Friendship", "2010"])
ROMANISED_IDS = {
    ("jp-miyagi", "kr-jeonnam", "1998-05-10"), ("jp-kishiwada", "kr-gyeongnam-changwon", "1968-12-05"),
    ("jp-tottori", "kr-gyeongbuk", "2001-05-10"), ("jp-fukuoka", "kr-busan", "2007-02-01"),
    ("jp-tottori", "kr-gangwon", "1994-11"), ("jp-hamada", "kr-gangwon-yangyang", "2010")}


@pytest.mark.parametrize("sides", [("Korea", "Japan"), ("Korean side", "Japanese side"),
                                   ("Korean Local Government", "Japanese partner")])
def test_korean_regions_written_in_latin_letters_resolve_through_the_registry(sides):
    result = build(document("romanised.tsv", ROMANISED.replace("Korea\tJapan", "\t".join(sides))))
    assert _party_ids(result) == ROMANISED_IDS
    assert not _unresolved(result)


def test_japanese_units_romanised_with_their_suffix_and_korean_short_forms_of_special_provinces():
    """Miyagi-ken is the registry's 미야기현 (a new Sendai-shi is minted as written); 전북자치도 is 전북특별자치도."""
    text = "Sister cities of Korean local governments in Japan\n" + tsv(
        ["Korea", "Japan", "Date"], ["Jeollanam-do", "Miyagi-ken", "1998.5.10"],
        ["Gwangju Metropolitan City", "Sendai-shi", "2002.4.19"], ["Jeonbuk State", "Ishikawa Prefecture", "2000.1.1"],
        ["Gangwon-do", "Tottori-ken", "1994.11.3"], ["전북자치도", "Ishikawa-ken", "2010.1.1"])
    assert _party_ids(build(document("japan.tsv", text))) == {
        ("jp-miyagi", "kr-jeonnam", "1998-05-10"), ("jp-sendaishi", "kr-gwangju", "2002-04-19"),
        ("jp-ishikawa", "kr-jeonbuk", "2000-01-01"), ("jp-tottori", "kr-gangwon", "1994-11-03"),
        ("jp-ishikawa", "kr-jeonbuk", "2010-01-01")}


def test_romanised_names_in_a_pipe_table_with_korean_headers_and_a_docx_table(tmp_path):
    rows = [["국내 지자체", "상대 도시", "국가", "체결일"], ["Suwon-si", "클리블랜드시", "미국", "2005.10.24"],
            ["Jeju Special Self-Governing Province", "하이난성", "중국", "1995.10.20"],
            ["Busan Haeundae-gu", "벳부시", "일본", "2000. 5. 10."], ["Ulleung-gun", "오키노시마정", "일본", "'95.3.2"]]
    expected = {("kr-gyeonggi-suwon", "us-클리블랜드시", "2005-10-24"), ("cn-하이난성", "kr-jeju", "1995-10-20"),
                ("jp-벳부시", "kr-busan-haeundae", "2000-05-10"),
                ("jp-오키노시마정", "kr-gyeongbuk-ulleung", "1995-03-02")}
    pipe = "국내 지자체 해외 교류 현황\n" + "\n".join(" | ".join(r) for r in rows)
    result = build(document("pipe.txt", pipe))
    assert _party_ids(result) == expected
    assert not _unresolved(result)
    office = from_file(docx_file(tmp_path / "partners.docx", ["국내 지자체 해외 교류 현황", rows]))
    assert _party_ids(build(office)) == expected


def test_every_korean_region_is_found_by_its_english_label_with_each_suffix_form():
    """Derived from the registry itself: ``X-gun`` is also ``X County`` and ``X-gun`` romanised from the Hangul."""
    registry = Registry.default()
    checked = 0
    for entity in registry.entities.values():
        if entity.kind != "region" or entity.country != "KR":
            continue
        stem = re.sub(r"-(?:gu|gun|si)$|\s+(?:Province|State|City)$", "", re.sub(r"\s*\([^)]*\)", "", entity.name_en))
        forms = {"시": ("-si", " City"), "군": ("-gun", " County"), "구": ("-gu", " District")}.get(entity.name_ko[-1])
        for form in forms or ():
            found = registry.candidates(stem + form, kinds=("region",))
            assert entity in found, (entity.id, stem + form)
            checked += 1
        assert normalize_name(entity.name_en) in latin_keys(entity.name_ko, entity.name_en) | {
            normalize_name(n) for n in entity.names}
    assert checked >= 2 * 220
    assert [e.id for e in registry.candidates("Jeollabuk-do")] == ["kr-jeonbuk"]  # a former name, romanised
    assert len(registry.candidates("Gwangju City")) == 2 and len(registry.candidates("Jung-gu")) >= 6


DISTRICTS = "부산광역시 자치구·군 해외 자매결연 현황\n" + tsv(
    ["자치구", "상대 도시", "국가", "체결일"],
    ["남구", "이즈미사노시", "일본", "2023.09.19"],
    ["중구", "시모노세키시", "일본", "1998.3.2"],
    ["해운대구", "벳부시", "일본", "2000.5.10"],
    ["기장군", "잔장시", "중국", "2015.4.3"])
DISTRICT_IDS = {("jp-이즈미사노시", "kr-busan-nam", "2023-09-19"), ("jp-시모노세키시", "kr-busan-jung", "1998-03-02"),
                ("jp-벳부시", "kr-busan-haeundae", "2000-05-10"), ("cn-잔장시", "kr-busan-gijang", "2015-04-03")}


def test_a_column_of_districts_is_qualified_by_the_table_s_own_province_or_city():
    assert _party_ids(build(document("districts.tsv", DISTRICTS))) == DISTRICT_IDS
    daegu = DISTRICTS.replace("부산광역시", "대구광역시").replace("해운대구", "수성구").replace("기장군", "달성군")
    assert _party_ids(build(document("daegu.tsv", daegu))) == {
        ("jp-이즈미사노시", "kr-daegu-nam", "2023-09-19"), ("jp-시모노세키시", "kr-daegu-jung", "1998-03-02"),
        ("jp-벳부시", "kr-daegu-suseong", "2000-05-10"), ("cn-잔장시", "kr-daegu-dalseong", "2015-04-03")}
    unqualified = build(document("gu.tsv", DISTRICTS.replace("부산광역시 ", "")))
    assert _party_ids(unqualified) == {("jp-벳부시", "kr-busan-haeundae", "2000-05-10"),
                                       ("cn-잔장시", "kr-busan-gijang", "2015-04-03")}
    assert {"남구", "중구"} <= _unresolved(unqualified)  # no province or city named: reported, not guessed


def test_districts_table_perturbed_row_added_date_changed_ocr_spacing():
    added = DISTRICTS + "\n" + tsv(["동래구", "가라쓰시", "일본", "2024. 1. 28."])
    assert _party_ids(build(document("d.tsv", added))) == DISTRICT_IDS | {
        ("jp-가라쓰시", "kr-busan-dongnae", "2024-01-28")}
    changed = DISTRICTS.replace("1998.3.2", "1999.4")
    assert _party_ids(build(document("d.tsv", changed))) == (DISTRICT_IDS - {
        ("jp-시모노세키시", "kr-busan-jung", "1998-03-02")}) | {("jp-시모노세키시", "kr-busan-jung", "1999-04")}
    noisy = DISTRICTS.replace("해운대구", "해 운 대 구").replace("부산광역시", "부 산 광 역 시")
    assert _party_ids(build(document("d.tsv", noisy))) == DISTRICT_IDS


def test_a_near_spelling_needs_strong_evidence():
    """A short new name is no near spelling of a registry place (다라성 is not 달성군); without a country it is
    reported, with one it is minted in it; a longer one with the same place suffix is (헤이룽짱성 → 헤이룽장성)."""
    text = "수원시 해외 교류 도시\n" + tsv(["상대 도시", "체결일"], ["다라성", "2011.5.1"], ["헤이룽짱성", "2014.6.1"],
                                        ["하바롭스크시", "2016.5.10"])
    result = build(document("near.tsv", text))
    assert _party_ids(result) == {("cn-heilongjiang", "kr-gyeonggi-suwon", "2014-06-01")}
    assert {"다라성", "하바롭스크시"} <= _unresolved(result)
    with_country = "수원시 해외 교류 도시\n" + tsv(["상대 도시", "국가", "체결일"], ["다라성", "중국", "2011.5.1"],
                                                ["하바롭스크시", "러시아", "2016.5.10"])
    assert _party_ids(build(document("near.tsv", with_country))) == {
        ("cn-다라성", "kr-gyeonggi-suwon", "2011-05-01"), ("kr-gyeonggi-suwon", "ru-하바롭스크시", "2016-05-10")}


@pytest.mark.parametrize("layout", ["country column", "country in the cell", "country group label"])
def test_a_foreign_country_on_the_row_beats_a_korean_homograph(layout):
    """중국 안산시 (鞍山) is not 경기도 안산시: the row's country makes the name a new foreign place."""
    rows = {"country column": [["상대 도시", "국가", "체결일"], ["안산시", "중국", "1994.9.5"],
                               ["아산", "중국", "2001.4.3"], ["센다이시", "일본", "2002.4.19"]],
            "country in the cell": [["상대 도시", "체결일"], ["중국 안산시", "1994.9.5"], ["중국 아산", "2001.4.3"],
                                    ["일본 센다이시", "2002.4.19"]],
            "country group label": [["구분", "상대 도시", "체결일"], ["중국", "안산시", "1994.9.5"],
                                    ["", "아산", "2001.4.3"], ["일본", "센다이시", "2002.4.19"]]}[layout]
    result = build(document("homograph.tsv", "창원시 해외 교류 도시\n" + tsv(*rows)))
    assert _party_ids(result) == {("cn-안산시", "kr-gyeongnam-changwon", "1994-09-05"),
                                  ("cn-아산", "kr-gyeongnam-changwon", "2001-04-03"),
                                  ("jp-센다이시", "kr-gyeongnam-changwon", "2002-04-19")}
    assert facts(result) >= {("안산시", "창원시", "1994-09-05", "cooperationAgreement")}


ENGLISH = "Changwon City international partners\n" + tsv(
    ["Partner City", "Country", "Relationship", "Date Signed", "Remarks"],
    ["Wenzhou", "China", "Sister City", "June 12, 2006", ""],
    ["Kishiwada", "Japan", "Sister City", "Dec. 5, 1968", "renewed 2018"],
    ["Khabarovsk", "Russia", "Friendship City", "2016", ""],
    ["Da Nang", "Vietnam", "Friendship City", "2019.3", "renewal planned for 2025"])
ENGLISH_IDS = {("cn-wenzhou", "kr-gyeongnam-changwon", "2006-06-12"),
               ("jp-kishiwada", "kr-gyeongnam-changwon", "1968-12-05"),
               ("jp-kishiwada", "kr-gyeongnam-changwon", "2018"), ("kr-gyeongnam-changwon", "ru-khabarovsk", "2016"),
               ("kr-gyeongnam-changwon", "vn-danang", "2019-03")}


def test_english_headers_countries_renewals_and_plans_in_english(tmp_path):
    """Headers of several English words (Partner City, Date Signed), a country cell in English, a row reading
    ``2016`` is no header, renewed in the remarks a further signing, a renewal planned none."""
    assert _party_ids(build(document("english.tsv", ENGLISH))) == ENGLISH_IDS
    pairs = "창원시 국제교류 현황\n" + tsv(
        ["Korean City", "Foreign City", "Country", "Agreement Date", "Type"],
        ["Changwon-si", "Wenzhou", "China", "2006-06-12", "Sister"],
        ["Changwon-si", "Kishiwada", "Japan", "1968-12-05", "Sister"],
        ["Yongin-si", "Da Nang", "Viet Nam", "2019-03", "Friendship"])
    assert _party_ids(build(document("pairs.tsv", pairs))) == {
        ("cn-wenzhou", "kr-gyeongnam-changwon", "2006-06-12"), ("jp-kishiwada", "kr-gyeongnam-changwon", "1968-12-05"),
        ("kr-gyeonggi-yongin", "vn-danang", "2019-03")}
    rows = [line.split("\t") for line in ENGLISH.split("\n")[1:]]
    office = from_file(docx_file(tmp_path / "partners.docx", ["Changwon City international partners", rows]))
    assert _party_ids(build(office)) == ENGLISH_IDS
    with (tmp_path / "partners.csv").open("w", encoding="utf-8", newline="") as fh:  # "Dec. 5, 1968" is quoted
        csv.writer(fh).writerows([["Changwon City international partners"], *rows])
    assert _party_ids(build(from_file(tmp_path / "partners.csv"))) == ENGLISH_IDS
    added = ENGLISH + "\n" + tsv(["Long Beach", "United States", "Friendship City", "2024-01-28", ""])
    assert _party_ids(build(document("english.tsv", added))) == ENGLISH_IDS | {
        ("kr-gyeongnam-changwon", "us-longbeach", "2024-01-28")}


TWO_DATES = "창원시 해외 교류 도시\n" + tsv(
    ["상대 도시", "국가", "체결일"],
    ["원저우시", "중국", "2006.6.12 / 2016.6.12(재체결)"],
    ["기시와다시", "일본", "1968.12.5 (2018.12.5 갱신)"],
    ["하바롭스크시", "러시아", "체결 2016.5.10, 갱신 2021.5.10"],
    ["다낭시", "베트남", "2019.3.2~2024.3.1"],
    ["롱비치", "미국", "2010.3.5 - 2015.3.4"],
    ["", "창원시", "", ""],
    ["아산", "중국", "2015.5.(재체결 2020.5.)"])
TWO_DATES_IDS = {
    ("cn-원저우시", "kr-gyeongnam-changwon", "2006-06-12"), ("cn-원저우시", "kr-gyeongnam-changwon", "2016-06-12"),
    ("jp-기시와다시", "kr-gyeongnam-changwon", "1968-12-05"), ("jp-기시와다시", "kr-gyeongnam-changwon", "2018-12-05"),
    ("kr-gyeongnam-changwon", "ru-하바롭스크시", "2016-05-10"),
    ("kr-gyeongnam-changwon", "ru-하바롭스크시", "2021-05-10"),
    ("kr-gyeongnam-changwon", "vn-다낭시", "2019-03-02"), ("kr-gyeongnam-changwon", "us-롱비치", "2010-03-05"),
    ("cn-아산", "kr-gyeongnam-changwon", "2015-05"), ("cn-아산", "kr-gyeongnam-changwon", "2020-05")}


def test_a_date_cell_with_a_signing_and_a_renewal_or_a_term_and_a_row_repeating_the_subject():
    """Two dates in one cell are two signings when the second is a renewal; a term (``~``, `` - ``) is one; a row
    holding only the table's own city is no end of the name above (클리블랜드시수원시) nor a party."""
    assert _party_ids(build(document("two.tsv", TWO_DATES))) == TWO_DATES_IDS
    renewal_column = "창원시 해외 교류 도시\n" + tsv(
        ["상대 도시", "국가", "최초 체결일", "재체결일", "구분"],
        ["원저우시", "중국", "2006.6.12", "2016.6.12", "자매결연"],
        ["기시와다시", "일본", "1968.12.5", "", "자매결연"],
        ["다낭시", "베트남", "2019.3.2", "2024.3.2", "우호교류"])
    assert facts(build(document("renewal.tsv", renewal_column))) == {
        ("원저우시", "창원시", "2006-06-12", "sister"), ("원저우시", "창원시", "2016-06-12", "sister"),
        ("기시와다시", "창원시", "1968-12-05", "sister"), ("다낭시", "창원시", "2019-03-02", "friendship"),
        ("다낭시", "창원시", "2024-03-02", "friendship")}
    changed = TWO_DATES.replace("2021.5.10", "2022.6")
    assert _party_ids(build(document("two.tsv", changed))) == (TWO_DATES_IDS - {
        ("kr-gyeongnam-changwon", "ru-하바롭스크시", "2021-05-10")}) | {
        ("kr-gyeongnam-changwon", "ru-하바롭스크시", "2022-06")}


@pytest.mark.parametrize(("name", "text"), [
    ("events", "2024년 수원시 국제교류 주요 행사\n" + tsv(
        ["일자", "방문 도시", "국가", "내용"], ["2024.5.3", "센다이시", "일본", "대표단 방문"],
        ["2024.6.10", "허난성", "중국", "문화교류 공연"], ["2024.9.1", "클리블랜드시", "미국", "청소년 교류"])),
    ("budget", "창원시 국제교류 사업 예산\n" + tsv(
        ["사업명", "대상 도시", "예산(천원)", "집행일"], ["청소년 교류", "기시와다시", "5,000", "2024.3.2"],
        ["공무원 파견", "원저우시", "12,000", "2024.5.1"])),
    ("people", "자매도시 방문단 명단 (창원시)\n" + tsv(
        ["성명", "직위", "소속 도시", "방문일"], ["홍길동", "시장", "기시와다시", "2024.5.3"],
        ["김철수", "국장", "원저우시", "2024.5.3"])),
    ("mayors", "창원시 해외 자매도시 시장 현황\n" + tsv(
        ["도시", "국가", "시장", "취임일"], ["기시와다시", "일본", "나가노 다카시", "2021.4.1"],
        ["원저우시", "중국", "장 웨이", "2022.1.5"])),
    ("statistics", "창원시 자매도시 인구 현황\n" + tsv(
        ["도시", "인구(명)", "면적", "기준일"], ["기시와다시", "190,000", "72", "2023.12.31"],
        ["원저우시", "9,600,000", "11,784", "2023.12.31"])),
    ("activities", "강릉시 국제교류 현황\n" + tsv(
        ["교류도시", "국가", "일자", "내용"], ["지치부시", "일본", "2024.5.3", "청소년 교류단 방문"],
        ["자싱시", "중국", "2024.6.1", "문화 축제 참가"])),
    ("visits naming relations", "수원시 2024년 해외 방문 실적\n" + tsv(
        ["방문일", "방문국", "방문 도시", "목적"], ["2024.8.1", "미국", "클리블랜드시", "우호교류 협의"],
        ["2024.9.3", "일본", "가와사키시", "자매결연 20주년 기념행사"],
        ["2024.10.5", "중국", "선양시", "경제교류 협의"])),
    ("english events", "Changwon City exchange events 2024\n" + tsv(
        ["Date", "City", "Country", "Event"], ["2024-05-03", "Kishiwada", "Japan", "Youth exchange"],
        ["2024-06-10", "Wenzhou", "China", "Trade fair"])),
])
def test_tables_of_events_budgets_people_and_figures_sign_nothing(name, text):
    result = build(document(f"{name}.tsv", text))
    assert facts(result) == set() and facts(result, "AgreementIntent") == set()



def test_a_table_signing_nothing_is_judged_once_and_its_rows_are_no_list_items():
    """The table reader hands the rows of a table of visits to the list reader (``tables``), which leaves them."""
    visits = "수원시 2024년 해외 방문 실적\n" + tsv(
        ["방문일", "방문국", "방문 도시", "목적"], ["2024.8.1", "미국", "클리블랜드시", "우호교류 협의"], [],
        ["2024.9.3", "일본", "가와사키시", "자매결연 20주년 기념행사"]) + \
        "\n\n- 2024.10.5 중국 선양시 우호교류 협약 체결"
    w = FactWriter(Dataset(), document("visits.tsv", visits), Registry.default(), ExtractionReport())
    found = tables.read(w)
    assert found == [] and found.tables == frozenset(range(2, 6))
    assert {(c.lines, c.date.iso) for c in read_document(w)} == {((7, 7), "2024-10-05")}  # the item, no row

GLOSSED = "한일 자매결연 현황\n" + tsv(
    ["한국 지자체", "일본 지자체", "체결일"],
    ["남구(부산)", "이즈미사노시", "2023.09.19"],
    ["중구 (대구광역시)", "시모노세키시", "1998.3.2"],
    ["수영구(부산광역시)", "벳부시", "H12.5.10"],
    ["동구(인천)", "가라쓰시", "平成10年5月10日"],
    ["북구(울산)", "하기시", "２０１９．５．２４"],
    ["이리시", "나라시", "昭和62年"],
    ["화성특례시", "후지에다시", "令和元年5月"])
GLOSSED_IDS = {
    ("jp-이즈미사노시", "kr-busan-nam", "2023-09-19"), ("jp-시모노세키시", "kr-daegu-jung", "1998-03-02"),
    ("jp-벳부시", "kr-busan-suyeong", "2000-05-10"), ("jp-가라쓰시", "kr-incheon-dong", "1998-05-10"),
    ("jp-하기시", "kr-ulsan-buk", "2019-05-24"), ("jp-나라시", "kr-jeonbuk-iksan", "1987"),
    ("jp-후지에다시", "kr-gyeonggi-hwaseong", "2019-05")}


def test_a_district_glossed_with_its_city_japanese_era_dates_full_width_digits_and_former_names():
    """남구(부산) is 부산's 남구; 平成10年 is 1998 and H12 is 2000 (not 2012); ２０１９．５．２４ is a date; a
    city's former name before a merger (이리시 → 익산시) and today's 특례시 form (화성특례시) name its city."""
    assert _party_ids(build(document("glossed.tsv", GLOSSED))) == GLOSSED_IDS
    noisy = GLOSSED.replace("남구(부산)", "남구 ( 부산 )").replace("平成10年5月10日", "平成 10年 5月 10日")
    assert _party_ids(build(document("glossed.tsv", noisy))) == GLOSSED_IDS


def test_a_two_row_header_from_merged_cells_in_a_docx_table(tmp_path):
    """한국 측 / 일본 측 over 광역 | 기초 | 현 | 시정촌: the second header row is no signing, each side's wider unit
    qualifies the narrower one and is the party when the narrower cell is empty."""
    rows = [["한국 측", "", "일본 측", "", "체결일", "구분"], ["광역", "기초", "현", "시정촌", "", ""],
            ["부산광역시", "", "후쿠오카현", "", "1989.10.17", "자매결연"],
            ["부산광역시", "남구", "오이타현", "벳부시", "2000.5.10", "우호교류"],
            ["경상남도", "김해시", "후쿠오카현", "무나카타시", "1992.2.3", "자매결연"],
            ["대구광역시", "남구", "", "", "", ""]]
    expected = {("jp-후쿠오카현", "kr-busan", "1989-10-17"), ("jp-벳부시", "kr-busan-nam", "2000-05-10"),
                ("jp-무나카타시", "kr-gyeongnam-gimhae", "1992-02-03")}
    title = "주후쿠오카 총영사관 관할 한일 지자체 교류 현황"
    assert _party_ids(build(document("two.tsv", title + "\n" + tsv(*rows)))) == expected
    assert _party_ids(build(from_file(docx_file(tmp_path / "two.docx", [title, rows])))) == expected


DATED_NAMES = [["국가", "자매도시(체결연도)", "우호도시(체결연도)"],
               ["일본", "지치부시(1983), 오다테시(2003)", "이와키시(2012)"],
               ["중국", "자싱시(2001)", "쑤저우시('05), 닝보시(2013. 4.)"],
               ["미국", "카운실블러프스시(1991)", ""]]
DATED_NAMES_FACTS = {
    ("강릉시", "지치부시", "1983", "sister"), ("강릉시", "오다테시", "2003", "sister"),
    ("강릉시", "이와키시", "2012", "friendship"), ("강릉시", "자싱시", "2001", "sister"),
    ("강릉시", "쑤저우시", "2005", "friendship"), ("강릉시", "닝보시", "2013-04", "friendship"),
    ("강릉시", "카운실블러프스시", "1991", "sister")}


@pytest.mark.parametrize("kind", ["tsv", "docx", "hwpx"])
def test_cells_listing_partners_each_with_its_year_under_a_relation_header(tmp_path, kind):
    """국가 | 자매도시(체결연도) | 우호도시(체결연도): a signing per name, dated by its brackets, its header's type."""
    title = "강릉시 국제 자매·우호도시 현황"
    if kind == "tsv":
        doc = document("dated.tsv", title + "\n" + tsv(*DATED_NAMES))
    else:
        doc = from_file((docx_file if kind == "docx" else hwpx_file)(tmp_path / f"dated.{kind}", [title, DATED_NAMES]))
    result = build(doc)
    assert facts(result) == DATED_NAMES_FACTS
    assert _party_ids(result) >= {("jp-지치부시", "kr-gangwon-gangneung", "1983"),
                                  ("kr-gangwon-gangneung", "us-카운실블러프스시", "1991")}


def test_cells_listing_dated_partners_perturbed():
    rows = [list(r) for r in DATED_NAMES]
    rows[3][2] = "레드우드시(2019. 5. 2.)"
    assert facts(build(document("d.tsv", "강릉시 자매도시 현황\n" + tsv(*rows)))) == DATED_NAMES_FACTS | {
        ("강릉시", "레드우드시", "2019-05-02", "friendship")}
    rows[1][1] = "지치부시(1984), 오다테시(2003)"
    assert ("강릉시", "지치부시", "1984", "sister") in facts(build(document("d.tsv", "강릉시\n" + tsv(*rows))))
    plain = [["국가", "자매도시", "우호도시"], ["일본", "지치부시, 오다테시", "이와키시"]]  # no dates: no signings
    assert facts(build(document("d.tsv", "강릉시 자매도시 현황\n" + tsv(*plain)))) == set()


PLANS = "수원시 해외 교류 도시\n" + tsv(
    ["상대 도시", "국가", "체결일", "비고"],
    ["클리블랜드시", "미국", "2005.10.24 (2025.10.24 재체결 예정)", "2025년 20주년 기념행사 예정"],
    ["아사히카와시", "일본", "'19.05.24 / 2024. 5. 24. 재체결", "청소년 교류단 방문 추진 중"],
    ["하노이시", "베트남", "2019.3.2", "자매결연 격상 추진 중"],
    ["툴루즈시", "프랑스", "2012.6.5", "2017.6.5 갱신, 2027년 재갱신 예정"],
    ["울란우데시", "러시아", "2024.9.1", "2025년 체결 예정"],
    ["타슈켄트시", "우즈베키스탄", "2026. 3. 체결 예정", ""])
PLANS_IDS = {
    ("kr-gyeonggi-suwon", "us-클리블랜드시", "2005-10-24"), ("jp-아사히카와시", "kr-gyeonggi-suwon", "2019-05-24"),
    ("jp-아사히카와시", "kr-gyeonggi-suwon", "2024-05-24"), ("kr-gyeonggi-suwon", "vn-하노이시", "2019-03-02"),
    ("fr-툴루즈시", "kr-gyeonggi-suwon", "2012-06-05"), ("fr-툴루즈시", "kr-gyeonggi-suwon", "2017-06-05")}


def test_plans_of_a_further_step_or_an_event_leave_the_row_s_signing():
    """A renewal planned in the date cell or the remarks is no signing (the signing stays); a planned event or
    upgrade does not make the row a plan; a signing planned (체결 예정) does, with its stated date."""
    result = build(document("plans.tsv", PLANS))
    assert _party_ids(result) == PLANS_IDS
    assert facts(result, "AgreementIntent") == {("수원시", "울란우데시", "2024-09-01", "cooperationAgreement"),
                                                ("수원시", "타슈켄트시", "2026-03", "cooperationAgreement")}
    assert ("수원시", "하노이시", "2019-03-02", "cooperationAgreement") in facts(result)  # not typed by the plan
    done = PLANS.replace("2025.10.24 재체결 예정", "2025.10.24 재체결")
    assert _party_ids(build(document("plans.tsv", done))) == PLANS_IDS | {
        ("kr-gyeonggi-suwon", "us-클리블랜드시", "2025-10-24")}


def test_a_plain_list_of_partners_and_years_with_no_word_of_a_signing_is_still_read():
    """교류도시 | 국가 | 연도 under 국제교류 현황: no header or heading names a signing, but nothing shows events."""
    text = "강릉시 국제교류 현황\n" + tsv(["교류도시", "국가", "연도"], ["지치부시", "일본", "1983"],
                                       ["자싱시", "중국", "2001"])
    kind = "cooperationAgreement"
    assert facts(build(document("plain.tsv", text))) == {("강릉시", "지치부시", "1983", kind),
                                                         ("강릉시", "자싱시", "2001", kind)}


def test_a_heading_naming_three_countries_gives_no_country_to_a_new_place():
    """한·중·일 is no pair: a new place under it takes its row's country, never China's for all."""
    rows = [["상대 도시", "국가", "체결일"], ["센다이시", "일본", "2002.4.19"], ["다롄시", "중국", "1994.5.2"]]
    result = build(document("three.tsv", "광주광역시 한·중·일 자매도시 현황\n" + tsv(*rows)))
    assert _party_ids(result) == {("jp-센다이시", "kr-gwangju", "2002-04-19"),
                                  ("cn-다롄시", "kr-gwangju", "1994-05-02")}
    bare = build(document("three.tsv", "광주광역시 한·중·일 자매도시 현황\n" + tsv(*[[r[0], r[2]] for r in rows])))
    assert _party_ids(bare) == set() and {"센다이시", "다롄시"} <= _unresolved(bare)
    pair = build(document("two.tsv", "광주광역시 한·일 자매도시 현황\n" + tsv(*[[r[0], r[2]] for r in rows[:2]])))
    assert _party_ids(pair) == {("jp-센다이시", "kr-gwangju", "2002-04-19")}



def test_remarks_settle_a_homograph_and_state_a_first_signing_and_apostrophe_year_months():
    """A row's remarks name the province holding a homograph (광주시 … | 경기도 광주시) and a first signing of their
    own (``1995년 최초 체결``); ``'08.11.`` is a year and month; a city raised in the remarks (당진시로 승격) signs
    nothing."""
    text = "기초·광역 자치단체 해외 협약 현황\n" + tsv(
        ["연번", "자치단체", "상대도시", "국가", "협약명", "체결일", "비고"],
        ["1", "광주시", "쑤첸시", "중국", "우호교류", "2011. 4.", "경기도 광주시"],
        ["2", "제주도", "구이저우성", "중국", "우호교류(재체결)", "2015. 5. 28.", "1995년 최초 체결"],
        ["3", "고양시", "루이스빌시", "미국", "교류협력 양해각서", "'08.11.", ""],
        ["4", "당진군", "가나시", "중국", "우호교류", "2006.10.26", "2012. 1. 1. 당진시로 승격"],
        ["5", "광주시", "메단시", "인도네시아", "자매결연", "1997. 10. 27.", "광주광역시"])
    result = build(document("municipal.tsv", text))
    assert _party_ids(result) == {
        ("cn-쑤첸시", "kr-gyeonggi-gwangju", "2011-04"), ("cn-구이저우성", "kr-jeju", "2015-05-28"),
        ("cn-구이저우성", "kr-jeju", "1995"), ("kr-gyeonggi-goyang", "us-루이스빌시", "2008-11"),
        ("cn-가나시", "kr-chungnam-dangjin", "2006-10-26"), ("id-메단시", "kr-gwangju", "1997-10-27")}
