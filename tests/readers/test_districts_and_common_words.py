"""Korean non-autonomous districts (행정구) are regions inside their city; a short registry name that is also a
common word (예산: budget, 강화: strengthening) names its place only beside another place name (decision 0096)."""

from __future__ import annotations

import pytest

from graph.readers.entities import Party, within
from graph.registry import Registry
from tests.readers.helpers import build, document, facts


@pytest.mark.parametrize(("written", "district_id", "city_id"), [
    ("기흥구", "kr-gyeonggi-yongin-giheung", "kr-gyeonggi-yongin"),
    ("용인시 기흥구", "kr-gyeonggi-yongin-giheung", "kr-gyeonggi-yongin"),
    ("용인특례시기흥구", "kr-gyeonggi-yongin-giheung", "kr-gyeonggi-yongin"),
    ("경기도 수원시 영통구", "kr-gyeonggi-suwon-yeongtong", "kr-gyeonggi-suwon"),
    ("고양시 일산동구", "kr-gyeonggi-goyang-ilsandong", "kr-gyeonggi-goyang"),
    ("포항시 남구", "kr-gyeongbuk-pohang-nam", "kr-gyeongbuk-pohang"),  # a name autonomous districts share: city + name
])
def test_a_district_resolves_to_its_own_region_inside_its_city(written, district_id, city_id):
    entity = Registry.default().resolve(written).entity
    assert (entity.id, entity.parent, entity.level, entity.country) == (district_id, city_id, "행정구", "KR")


def test_every_registry_id_is_romanised_districts_included():
    """Registry ids are romanised (``kr-gyeonggi-yongin-giheung``), districts' too since session 15 (decision 0107);
    only minted places keep their name as written in their id."""
    reg = Registry.default()
    districts = [e for e in reg.entities.values() if e.level == "행정구"]
    assert len(districts) == 39
    assert all(e.id.isascii() and e.id.startswith(e.parent + "-") for e in districts)
    assert [e.id for e in reg.entities.values() if not e.id.isascii()] == []


def test_a_shared_district_name_alone_stays_ambiguous():
    found = Registry.default().resolve("남구")
    assert found.entity is None and "kr-gyeongbuk-pohang-nam" in {e.id for e in found.candidates}


def test_a_city_and_its_own_district_are_no_pair():
    reg = Registry.default()
    city, district = reg.get("kr-gyeonggi-yongin"), reg.resolve("기흥구").entity
    assert within(Party("용인시", city), Party("기흥구", district))


LIST = """강릉시 국내 자매도시

- 용인시 기흥구 (2019. 5. 3. 자매결연)
- 수원특례시 영통구 (2018. 3. 2. 우호교류)
- 경기도 고양시 일산동구 (2016. 1. 2. 자매결연)"""
TABLE = """강릉시 국내 자매결연 현황

| 연번 | 도시명 | 체결일 | 구분 |
| 1 | 용인시 기흥구 | 2019. 5. 3. | 자매결연 |
| 2 | 경기도 수원시 영통구 | 2018. 3. 2. | 우호교류 |
| 3 | 고양시 일산동구 | 2016. 1. 2. | 자매결연 |"""
PROSE = """강릉시는 2019년 5월 3일 용인시 기흥구와 자매결연을 맺었다.
강릉시와 수원시 영통구는 2018. 3. 2. 우호교류 협약을 체결했다.
고양시 일산동구와 강릉시는 2016년 1월 2일 자매결연을 맺었다."""
EXPECTED = {("강릉시", "기흥구", "2019-05-03", "sister"), ("강릉시", "영통구", "2018-03-02", "friendship"),
            ("강릉시", "일산동구", "2016-01-02", "sister")}


@pytest.mark.parametrize("text", [LIST, TABLE, PROSE], ids=["list", "table", "prose"])
def test_districts_are_partners_in_every_layout(text):
    assert facts(build(document("districts.txt", text))) == EXPECTED


@pytest.mark.parametrize("text", [LIST, TABLE, PROSE], ids=["list", "table", "prose"])
def test_perturbed_districts(text):
    """The district written alone (its city dropped) and a date changed."""
    text = text.replace("용인시 기흥구", "기흥구").replace("2018. 3. 2.", "2018. 3. 9.")
    expected = {f for f in EXPECTED if f[1] != "영통구"} | {("강릉시", "영통구", "2018-03-09", "friendship")}
    assert facts(build(document("districts.txt", text))) == expected


def test_a_foreign_partner_of_a_district():
    text = "용인시 기흥구는 2023. 9. 1. 베트남 빈즈엉성 가나못시와 교류협력 MOU를 체결했다."
    assert facts(build(document("district-mou.txt", text))) == {("가나못시", "기흥구", "2023-09-01", "mou")}


@pytest.mark.parametrize("text", [
    "청주시 대표단 중국 가나시 방문 결과보고\n\n○ 목적: 자매결연 25주년 기념 및 교류협력 강화\n"
    "○ 2024. 10. 16. 가나시와 교류협력 강화 협약 체결",
    "청주시 국제교류 일지\n\n| 일자 | 내용 |\n| 2024. 10. 16. | 중국 가나시와 관광 교류 강화 협약 체결 |",
    "청주시는 2024년 10월 16일 중국 가나시와 우호 강화 협약을 체결하고 관련 예산 2천만원을 편성했다.",
    "관련 예산을 확보한 청주시는 2024. 10. 16. 중국 가나시와 교류 강화 협약을 맺었다.",
], ids=["report", "table", "prose", "prose-budget-first"])
def test_common_words_that_are_short_names_name_no_place(text):
    assert {(a, b, d) for a, b, d, _ in facts(build(document("common.txt", text)))} == {
        ("가나시", "청주시", "2024-10-16")}


@pytest.mark.parametrize(("text", "names"), [
    ("충남 예산에서 열린 행사", ["충청남도", "예산군"]),
    ("예산·홍성 공동 방문단", ["예산군", "홍성군"]),
    ("인천 강화와 옹진의 어업인", ["인천광역시", "강화군", "옹진군"]),
    ("관련 예산을 늘리고 교류 강화에 힘쓴다", []),
    ("예산 편성 및 협력 강화", []),
    ("예산군과 강화군", ["예산군", "강화군"]),  # with their units: always places
])
def test_a_common_word_names_its_place_beside_another_place(text, names):
    assert [m.entity.name_ko for m in Registry.default().find_mentions(text)] == names


COUNCIL_TABLES = [
    "강릉시 국제교류 현황\n\n| 연번 | 도시명 | 국가 | 구분 | 체결일 |\n| 1 | 가나시 | 중국 | 우호 | 2006. 5. 23. |\n"
    "| 2 | 가나시 인민대표대회 | 중국 | 의회교류 | 2012. 3. 8. |",
    "강릉시 해외 교류도시\n\n| 도시 | 영문 | 국가 | 관계 | 일자 |\n| 가나시 | Gana | 일본 | 우호 | 20060523 |\n"
    "| 가나시의회 | Gana City Council | 일본 | 의회교류 | 20120308 |",
    "강릉시 국제교류 현황\n\n국가\t도시명\t구분\t체결일\n베트남\t가나시\t우호\t2006-05-23\n"
    "베트남\t가나성 인민의회\t우호\t2012-03-08",
]


@pytest.mark.parametrize("text", COUNCIL_TABLES, ids=["pipes", "glossed", "tabs"])
def test_a_body_named_after_a_foreign_place_is_no_partner(text):
    assert {(a, b, d) for a, b, d, _ in facts(build(document("councils.txt", text)))} == {
        ("가나시", "강릉시", "2006-05-23")}


@pytest.mark.parametrize("text", [
    "청주시 국제교류 일지\n\n| 일자 | 내용 |\n| 2024. 10. 16. | 가나시와 교류 강화 협약 체결 |",
    "청주시 대표단 방문 결과\n\n1. 2024. 10. 16. 가나시와 협력 강화 MOU 체결\n2. 관련 예산 2천만원 집행",
    "2024. 10. 16. 다라시와 우호 강화 협약 체결 (청주시)",
    "청주시 국제교류 일지\n\n| 일자 | 내용 |\n| 2024. 10. 16. | 가나시와 예산 협력 협약 체결 |",
], ids=["table", "numbered", "bracketed-subject", "budget"])
def test_an_unplaced_partner_leaves_no_common_word_as_party(text):
    """A partner the text does not place (no country) is left out, and the common word beside it is no party."""
    assert facts(build(document("common-unplaced.txt", text))) == set()


@pytest.mark.parametrize(("text", "ids"), [
    ("10년 동안 구축한 교류", []),  # a district's name across a space (audit17 C1)
    ("상당 구간을 지나", []),
    ("수지 구조가 바뀌었다", []),
    ("상당구간을 지나", []),  # inside a longer word
    ("동안 구민 체육대회", []),
    ("동안구는 가나시와", ["kr-gyeonggi-anyang-dongan"]),  # written whole
    ("동안구청에서 열린", ["kr-gyeonggi-anyang-dongan"]),
    ("안양시 동안구와", ["kr-gyeonggi-anyang-dongan"]),
])
def test_a_bare_district_name_is_a_mention_only_written_whole(text, ids):
    assert [m.entity.id for m in Registry.default().find_mentions(text)] == ids


@pytest.mark.parametrize("text", [
    "지난 3년 동안 구 대표단은 일본 가나시를 두 차례 방문했고, 2024년 5월 1일 가나시와 우호교류 협약을 체결했다.",
    "일본 도시와의 교류\n\n| 도시 | 국가 | 체결일 | 비고 |\n| 가나시 | 일본 | 2015. 5. 7. | 3년 동안 구축한 교류 |",
    "- 일본 가나시 (2015. 5. 7. 우호교류, 수지 구조 개선 사업 협력)",
])
def test_words_spelling_a_district_across_a_space_make_no_party(text):
    assert not any("kr-" in key for pair, _ in _keys(text) for key in pair)


def _keys(text: str) -> set[tuple]:
    from graph.extraction_eval import predicted_agreements

    result = build(document("spaced.txt", text))
    result.dataset.default_union = True
    return {p.key for p in predicted_agreements(result.dataset, Registry.default())}


def test_a_district_judged_without_an_id_scores_as_the_registry_district():
    """A judged set written before the registry knew 행정구 names the district with no id and country KR: the scorer
    keys it by the district's romanised registry id, so the built fact matches it (decision 0107)."""
    from graph.extraction_eval import agreement_key, gold_agreements, predicted_agreements

    text = "용인시 기흥구는 2023. 9. 1. 베트남 빈즈엉성 가나못시와 교류협력 MOU를 체결했다."
    built = build(document("district-judged.txt", text))
    built.dataset.default_union = True
    judged = {"agreements": [{"parties": ["기흥구", "가나못시"], "party_ids": [None, None], "countries": ["KR", "VN"],
                              "date": "2023-09-01"}]}
    assert set(gold_agreements(judged)) == {agreement_key(("kr-gyeonggi-yongin-giheung", "vn-가나못시"), "2023-09-01")}
    assert {p.key for p in predicted_agreements(built.dataset, Registry.default())} == set(gold_agreements(judged))
