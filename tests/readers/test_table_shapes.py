"""The table reader on more shapes: consulate lists of partner pairs (either side first, group labels, a parent
column, English headers), dated tables (every date form, terms, renewals in remarks, 특례시 and former names),
countries from every context; perturbed. Foreign places missing from the registry are minted, not dropped."""

from __future__ import annotations

import pytest

from graph.readers.entities import minted_region
from ontology.namespaces import GY, document_graph
from tests.readers.helpers import build, document, facts, tsv


def _minted(result, doc_id: str, country: str, name: str) -> bool:
    """The document's graph describes ``name`` as a region minted in ``country``."""
    iri = minted_region(name, country, "city").iri
    return (iri, GY.country, None) in result.dataset.graph(document_graph(doc_id))


CONSULATE = "주센다이 대한민국 총영사관 관할 한일 자매·우호 교류 현황\n" + tsv(
    ["구분", "일본 지자체", "한국 지자체", "체결일", "비고"],
    ["자매결연", "미야기현", "전라남도", "1998.5.10", ""],
    ["", "센다이시", "광주광역시", "2002. 4. 19.", ""],
    ["우호교류", "이와테현 하나마키시", "충청남도 공주시", "2019년 5월", ""],
    ["", "아키타시", "경기도 파주시", "'05.11.22", "2015.11.22 갱신"],
    ["", "후쿠시마현", "강원도", "1990년", "교류 중단(2011)"],
    ["", "야마가타시", "경상북도", "2023.4.1", "교류 추진 중"])
CONSULATE_FACTS = {
    ("미야기현", "전라남도", "1998-05-10", "sister"), ("광주광역시", "센다이시", "2002-04-19", "sister"),
    ("공주시", "하나마키시", "2019-05", "friendship"), ("아키타시", "파주시", "2005-11-22", "friendship"),
    ("아키타시", "파주시", "2015-11-22", "friendship"), ("강원특별자치도", "후쿠시마현", "1990", "friendship")}


def test_consulate_list_japanese_side_first_relation_printed_once():
    result = build(document("consulate.tsv", CONSULATE))
    assert facts(result) == CONSULATE_FACTS
    assert facts(result, "AgreementIntent") == {("경상북도", "야마가타시", "2023-04-01", "friendship")}


def test_consulate_list_korean_side_first_countries_from_the_title_pair():
    text = "주센다이총영사관 관할지역 한·일 자매결연 현황\n" + tsv(
        ["연번", "한국 측", "일본 측", "교류 형태", "체결일자"],
        ["1", "전라남도", "미야기현", "자매결연", "1998.5.10"],
        ["2", "광주광역시", "센다이시", "자매결연", "2002. 4. 19."],
        ["3", "충청남도 공주시", "하나마키", "우호교류", "2019년 5월"],
        ["4", "파주시", "아키타시", "우호교류", "2005年11月22日"])
    assert facts(build(document("consulate.tsv", text))) == {
        ("미야기현", "전라남도", "1998-05-10", "sister"), ("광주광역시", "센다이시", "2002-04-19", "sister"),
        ("공주시", "하나마키", "2019-05", "friendship"), ("아키타시", "파주시", "2005-11-22", "friendship")}


def test_prefecture_column_printed_once_is_the_parent_of_the_city_and_a_party_on_its_own_row():
    text = "주센다이 총영사관 관할 지역 지자체 교류 현황\n" + tsv(
        ["현", "일본 도시", "한국 도시", "체결일"],
        ["미야기현", "", "전라남도", "1998.5.10"],
        ["", "센다이시", "광주광역시", "2002.4.19"],
        ["", "이시노마키시", "여수시", "2010.10.1"],
        ["이와테현", "하나마키시", "공주시", "2019.5.2"],
        ["", "모리오카", "춘천시", "2011.3.3"])
    result = build(document("consulate.tsv", text))
    assert facts(result) == {
        ("미야기현", "전라남도", "1998-05-10", "cooperationAgreement"),
        ("광주광역시", "센다이시", "2002-04-19", "cooperationAgreement"),
        ("여수시", "이시노마키시", "2010-10-01", "cooperationAgreement"),
        ("공주시", "하나마키시", "2019-05-02", "cooperationAgreement"),
        ("모리오카", "춘천시", "2011-03-03", "cooperationAgreement")}
    assert _minted(result, "consulate.tsv", "JP", "모리오카") and _minted(result, "consulate.tsv", "JP", "하나마키시")


def test_group_label_lines_between_rows_give_the_country_and_a_renewal_row():
    text = "\n".join(["주센다이 총영사관 관할 자매결연 현황", "미야기현",
                      tsv(["센다이시", "광주광역시", "2002.4.19", "자매결연"]),
                      tsv(["이시노마키시", "여수시", "2010.10.1", "우호교류"]), "이와테현",
                      tsv(["하나마키시", "공주시", "2019.5.2", "우호교류"]), tsv(["", "", "2024.5.2", "재체결"])])
    assert facts(build(document("labels.tsv", text))) == {
        ("광주광역시", "센다이시", "2002-04-19", "sister"), ("여수시", "이시노마키시", "2010-10-01", "friendship"),
        ("공주시", "하나마키시", "2019-05-02", "friendship"), ("공주시", "하나마키시", "2024-05-02", "friendship")}


def test_english_headers_a_country_column_header_and_names_without_suffix():
    text = "Sister and friendship cities in the consular district\n" + tsv(
        ["No", "Korea", "Japan", "Type", "Date"],
        ["1", "전라남도", "Miyagi Prefecture", "Sister", "May 10, 1998"],
        ["2", "광주광역시", "Sendai", "Sister", "2002-04-19"],
        ["3", "공주시", "Hanamaki City", "Friendship", "2019/05/02"],
        ["4", "파주시", "Akita", "Friendship", "22 Nov. 2005"],
        ["5", "여수시", "Ishinomaki", "Friendship", "Oct 2010"])
    assert facts(build(document("english.tsv", text))) == {
        ("미야기현", "전라남도", "1998-05-10", "sister"), ("Sendai", "광주광역시", "2002-04-19", "sister"),
        ("Hanamaki", "공주시", "2019-05-02", "friendship"), ("Akita", "파주시", "2005-11-22", "friendship"),
        ("Ishinomaki", "여수시", "2010-10", "friendship")}


SPECIAL = "기초자치단체 국제교류 협약 체결 현황\n" + tsv(
    ["특례시", "상대 도시", "국가", "협약 구분", "체결일", "협약 기간", "비고"],
    ["수원특례시", "클리블랜드시", "미국", "자매결연", "2005.10.24", "2005.10.24~2025.10.23", ""],
    ["", "아사히카와시", "일본", "우호교류", "'19.05.24", "", "2024. 5. 24. 재체결"],
    ["고양특례시", "이스트레이크", "미국", "자매결연", "2015년 5월", "", ""],
    ["창원특례시", "기시와다시", "일본", "자매결연", "1968. 12. 5.", "", "구 마산시 체결"],
    ["", "롱비치", "미국", "우호도시", "2024년1월28일", "", ""],
    ["용인특례시", "포드고리차시", "몬테네그로", "우호교류", "2023.3.15 ~ 2026.3.14", "", ""],
    ["", "울란우데시", "러시아", "자매결연", "2024.9.1", "", "2025년 체결 예정"],
    ["여주군", "루산시", "중국", "자매결연", "2011 5월", "", ""])
SPECIAL_FACTS = {
    ("수원시", "클리블랜드시", "2005-10-24", "sister"), ("수원시", "아사히카와시", "2019-05-24", "friendship"),
    ("수원시", "아사히카와시", "2024-05-24", "friendship"), ("고양시", "이스트레이크", "2015-05", "sister"),
    ("기시와다시", "창원시", "1968-12-05", "sister"), ("롱비치", "창원시", "2024-01-28", "friendship"),
    ("용인시", "포드고리차시", "2023-03-15", "friendship"), ("루산시", "여주시", "2011-05", "sister")}


def test_dated_table_special_cities_former_names_terms_and_renewals_in_remarks():
    result = build(document("special.tsv", SPECIAL))
    assert facts(result) == SPECIAL_FACTS
    assert facts(result, "AgreementIntent") == {("용인시", "울란우데시", "2024-09-01", "sister")}
    assert all(_minted(result, "special.tsv", country, name) for country, name in (
        ("US", "클리블랜드시"), ("JP", "아사히카와시"), ("ME", "포드고리차시"), ("CN", "루산시"), ("US", "롱비치")))


def test_country_group_labels_printed_once_under_a_vague_header_and_parent_first_names():
    text = "\n".join(["충청북도 해외 교류 지역", "| 구분 | 지역 | 체결일 |",
                      "| 중국 | 헤이룽장성 | 1996. 11. 12. |",
                      "| | 후베이성 하이난 | '04.6.14 |", "| 몽골 | 투브아이막 | 2010-07-15 |",
                      "| | 다르항시 | 2013. 5. |",
                      "| 러시아 | 노보시비르스크주 | 2007년 |", "| 베트남 | 꽝남성 | 2019.1.8. |",
                      "| 카자흐스탄 | 알마티주 | 2018.9.3 |", "| 우즈베키스탄 | 사마르칸트 | 2022.4.1 |"])
    result = build(document("chungbuk.txt", text))
    kind = "cooperationAgreement"
    assert facts(result) == {
        ("충청북도", "헤이룽장성", "1996-11-12", kind), ("충청북도", "하이난", "2004-06-14", kind),
        ("충청북도", "투브아이막", "2010-07-15", kind), ("다르항시", "충청북도", "2013-05", kind),
        ("노보시비르스크주", "충청북도", "2007", kind), ("꽝남성", "충청북도", "2019-01-08", kind),
        ("알마티주", "충청북도", "2018-09-03", kind), ("사마르칸트", "충청북도", "2022-04-01", kind)}
    for country, name in (("CN", "하이난"), ("MN", "다르항시"), ("RU", "노보시비르스크주"), ("VN", "꽝남성"),
                          ("KZ", "알마티주"), ("UZ", "사마르칸트")):
        assert _minted(result, "chungbuk.txt", country, name), name


def test_perturbations_row_added_date_changed_and_ocr_noise():
    added = CONSULATE + "\n" + tsv(["", "아오모리현 하치노헤시", "전북특별자치도 군산시", "2024.1.28", ""])
    assert facts(build(document("c.tsv", added))) == CONSULATE_FACTS | {
        ("군산시", "하치노헤시", "2024-01-28", "friendship")}
    changed = CONSULATE.replace("2002. 4. 19.", "2003. 5. 20.")
    assert facts(build(document("c.tsv", changed))) == (CONSULATE_FACTS - {
        ("광주광역시", "센다이시", "2002-04-19", "sister")}) | {("광주광역시", "센다이시", "2003-05-20", "sister")}
    noisy = CONSULATE.replace("광주광역시", "광 주 광 역 시").replace("2002. 4. 19.", "2002 . 4 . 19 .")
    assert facts(build(document("c.tsv", noisy))) == CONSULATE_FACTS
    special = SPECIAL.replace("\t롱비치\t", "\t롱 비 치\t")
    assert ("롱비치", "창원시", "2024-01-28", "friendship") in facts(build(document("s.tsv", special)))


def test_the_same_foreign_place_is_minted_under_the_same_iri_in_every_document():
    one = build(document("a.tsv", CONSULATE))
    other = build(document("b.txt", "광주광역시 국제 자매도시\n상대 도시 | 국가 | 체결일\n센다이시 | 일본 | 2002.4.19"))
    assert _minted(one, "a.tsv", "JP", "센다이시") and _minted(other, "b.txt", "JP", "센다이시")


def test_signatory_and_office_columns_are_not_parties_with_or_without_a_header():
    header = ["특례시", "협약 상대", "체결일", "서명자", "담당 부서"]
    rows = [["수원특례시", "용인특례시", "20230315", "이재준 수원특례시장, 이상일 용인특례시장", "자치분권과"],
            ["고양특례시", "일본 니가타시", "2024.01.28", "이동환 고양특례시장", "국제협력과"],
            ["창원특례시", "중국 원저우시", "2010. 3. 18.", "", ""]]
    expected = {("수원시", "용인시", "2023-03-15", "cooperationAgreement"),
                ("고양시", "니가타시", "2024-01-28", "cooperationAgreement"),
                ("원저우시", "창원시", "2010-03-18", "cooperationAgreement")}
    for table in (tsv(header, *rows), tsv(*rows)):
        result = build(document("signed.tsv", "특례시 국내외 협약 현황\n" + table))
        assert facts(result) == expected
        assert _minted(result, "signed.tsv", "JP", "니가타시") and _minted(result, "signed.tsv", "CN", "원저우시")


def test_a_bracketed_country_or_foreign_region_gives_the_country():
    text = "\n".join(["광주광역시 국제 교류 도시", "상대 도시 | 체결일", "센다이시(미야기현) | 2002.4.19",
                      "광저우시 (중국) | 1996.10.25", "메단시(인도네시아) | 1997.9.17"])
    result = build(document("gwangju.txt", text))
    assert facts(result) == {("광주광역시", "센다이시", "2002-04-19", "cooperationAgreement"),
                             ("광저우시", "광주광역시", "1996-10-25", "cooperationAgreement"),
                             ("광주광역시", "메단시", "1997-09-17", "cooperationAgreement")}
    assert all(_minted(result, "gwangju.txt", country, name)
               for country, name in (("JP", "센다이시"), ("CN", "광저우시"), ("ID", "메단시")))


def test_four_place_columns_prefecture_and_province_repeated_on_every_row():
    text = "주센다이 총영사관 관할 지역 한일 지자체 교류 현황\n" + tsv(
        ["일본 현", "일본 시정촌", "한국 광역", "한국 기초", "체결일", "구분"],
        ["미야기현", "", "전라남도", "", "1998.5.10", "자매결연"],
        ["미야기현", "센다이시", "광주광역시", "", "2002.4.19", "자매결연"],
        ["미야기현", "이시노마키시", "전라남도", "여수시", "2010.10.1", "우호교류"],
        ["이와테현", "하나마키시", "충청남도", "공주시", "2019.5.2", "우호교류"],
        ["아키타현", "유자와시", "경기도", "파주시", "2005.11.22", "우호교류"])
    result = build(document("four.tsv", text))
    assert facts(result) == {
        ("미야기현", "전라남도", "1998-05-10", "sister"), ("광주광역시", "센다이시", "2002-04-19", "sister"),
        ("여수시", "이시노마키시", "2010-10-01", "friendship"), ("공주시", "하나마키시", "2019-05-02", "friendship"),
        ("유자와시", "파주시", "2005-11-22", "friendship")}
    assert _minted(result, "four.tsv", "JP", "유자와시")


def test_a_cell_listing_several_places_gives_one_signing_each():
    text = "국내 자치단체 상생협력 협약 현황\n" + tsv(
        ["자치단체", "협약 상대", "체결일", "구분"],
        ["수원특례시", "용인특례시·고양특례시·창원특례시", "2022.1.13", "상생협약"],
        ["강릉시", "동해시, 삼척시", "2019년 5월", "상생협약"],
        ["전라남도", "광주광역시", "2023. 3. 2.", "상생협약"])
    kind = "cooperationAgreement"
    assert facts(build(document("joint.tsv", text))) == {
        ("수원시", "용인시", "2022-01-13", kind), ("고양시", "수원시", "2022-01-13", kind),
        ("수원시", "창원시", "2022-01-13", kind), ("강릉시", "동해시", "2019-05", kind),
        ("강릉시", "삼척시", "2019-05", kind), ("광주광역시", "전라남도", "2023-03-02", kind)}


def test_remarks_upgrade_and_a_coarser_date_of_the_same_signing_and_more_plans():
    text = "창원시 해외 교류 도시\n" + tsv(
        ["상대 도시", "국가", "체결일", "비고"],
        ["원저우시", "중국", "2006. 6.", "2006.6.12 서명, 2010. 3. 18. 자매결연으로 격상"],
        ["하바롭스크시", "러시아", "2016.5.10", ""],
        ["다낭시", "베트남", "2024.3.2", "협약 교섭 중"],
        ["푸저우시", "중국", "2023.11", "후속 협의 단계"])
    result = build(document("changwon.tsv", text))
    assert facts(result) == {("원저우시", "창원시", "2006-06-12", "sister"),  # the row's relation word
                             ("원저우시", "창원시", "2010-03-18", "sister"),
                             ("창원시", "하바롭스크시", "2016-05-10", "cooperationAgreement")}
    assert {f[:3] for f in facts(result, "AgreementIntent")} == {("다낭시", "창원시", "2024-03-02"),
                                                                 ("창원시", "푸저우시", "2023-11")}


TOWNS = "주센다이 총영사관 관할 지자체 교류 현황\n" + tsv(
    ["일본 지자체", "한국 지자체", "교류 형태", "체결일", "자료 확인일"],
    ["미야기현 리후초", "충청북도 괴산군", "우호교류", "2010.7.1", "2024.12.31"],
    ["아오모리현 오가와라마치", "경상남도 하동군", "자매결연", "1995.10.5", "2024.12.31"],
    ["이와테현 오히라무라", "강원도 양구군", "우호교류", "2008. 2. 1.", "2024.12.31"],
    ["다이센쵸", "전라남도 보성군", "자매결연", "2001-11-08", "2024.12.31"])
TOWNS_FACTS = {("괴산군", "리후초", "2010-07-01", "friendship"), ("오가와라마치", "하동군", "1995-10-05", "sister"),
               ("양구군", "오히라무라", "2008-02-01", "friendship"), ("다이센쵸", "보성군", "2001-11-08", "sister")}


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("", "", set(), set()),
    ("2010.7.1", "2010.7", {("괴산군", "리후초", "2010-07-01", "friendship")},
     {("괴산군", "리후초", "2010-07", "friendship")}),
    ("자료 확인일", "공시일", set(), set()),
    ("다이센쵸", "돗토리현 다이센초", set(), set()),
])
def test_japanese_towns_and_villages_in_hangul_and_a_reference_date_column(old, new, gone, added):
    """Towns and villages written in Hangul (리후초, 오가와라마치, 오히라무라, 다이센쵸) are places in their
    prefecture's country, named without the prefecture before them; a column of the date the list was checked
    signs nothing."""
    result = build(document("towns.tsv", TOWNS.replace(old, new) if old else TOWNS))
    expected = (TOWNS_FACTS - gone) | added
    if new == "돗토리현 다이센초":
        expected = {f if f[0] != "다이센쵸" else ("다이센초", *f[1:]) for f in expected}
    assert facts(result) == expected
    assert _minted(result, "towns.tsv", "JP", "오히라무라")


BILINGUAL = "가나도 시·군 해외 교류 현황 (영문 병기)\n" + tsv(
    ["체결일자", "국가", "상대 지자체", "Partner", "도내 시·군", "Korean party", "구분", "Type"],
    ["1983-10-17", "일본", "하루미시", "Harumi-shi, Shizuoka", "강릉시", "Gangneung-si", "자매결연", "Sister"],
    ["1997-11", "중국", "다롄시 진저우구", "Jinzhou, Dalian", "동해시", "Donghae-si", "우호교류", "Friendship"],
    ["2019", "몽골", "투브아이막", "Tuv Aimag", "인제군·양구군", "Inje-gun, Yanggu-gun", "협력 협약", "Cooperation"],
    ["2025-06(예정)", "일본", "아소시", "Aso-shi", "인제군", "Inje-gun", "우호교류", "Friendship (planned)"])
BILINGUAL_FACTS = {("강릉시", "하루미시", "1983-10-17", "sister"), ("동해시", "진저우구", "1997-11", "friendship"),
                   ("인제군", "투브아이막", "2019", "cooperationAgreement"),
                   ("양구군", "투브아이막", "2019", "cooperationAgreement")}


@pytest.mark.parametrize(("old", "new", "gone", "added"), [
    ("", "", set(), set()),
    ("1983-10-17", "1983-10", {("강릉시", "하루미시", "1983-10-17", "sister")},
     {("강릉시", "하루미시", "1983-10", "sister")}),
    ("인제군·양구군", "인제군", {("양구군", "투브아이막", "2019", "cooperationAgreement")}, set()),
])
def test_a_bilingual_table_reads_each_latin_column_as_a_gloss_of_the_hangul_one(old, new, gone, added):
    """``상대 지자체 | Partner | 도내 시·군 | Korean party``: the Latin columns gloss the Hangul ones (the Korean
    ones name the same registry regions), so two party columns are left and each row is one signing per Korean
    party."""
    assert facts(build(document("bilingual.tsv", BILINGUAL.replace(old, new) if old else BILINGUAL))) == \
        (BILINGUAL_FACTS - gone) | added


def test_a_numbered_row_of_header_words_is_a_row_and_a_city_with_its_state_one_partner():
    """A row whose cells happen to be header words (a district, a country, ``우호교류``, no date: ``-``) is still a
    row when it carries its number, so the rows below keep the header's columns; ``가나시, 다라주`` is the city and
    the state it is in, one partner."""
    text = "부산광역시 구·군 국제교류 협약 현황\n" + tsv(
        ["번호", "구·군", "상대 도시", "국가", "구분", "체결일", "비고"],
        ["1", "해운대구", "몬트레이시, 캘리포니아주", "미국", "자매결연", "1999.07.21", ""],
        ["2", "금정구", "하노이시 떠이호군", "베트남", "우호교류", "-", "체결 추진 중"],
        ["3", "연제구", "오사카시 텐노지구", "일본", "우호교류", "2016.10.20", ""],
        ["4", "기장군", "호이안시", "베트남", "우호교류", "2018.7.16", ""])
    assert facts(build(document("busan.tsv", text))) == {
        ("몬트레이시", "해운대구", "1999-07-21", "sister"), ("연제구", "텐노지구", "2016-10-20", "friendship"),
        ("기장군", "호이안시", "2018-07-16", "friendship")}
