"""Partner finding: needs matched to regions with evidence; "partners like X" without X's partners."""

from __future__ import annotations

import pytest

from index.partners import partners_like, rank_partners

SEOUL_YOUTH_AND_TRADE = {"무주군", "장수군", "옥천군", "괴산군", "부안군", "보은군", "구례군", "김해시", "신안군",
                         "진안군", "완주군", "의성군"}


def test_county_for_youth_exchange_and_direct_trade(engine):
    result = rank_partners(engine, "a county doing youth exchange and direct trade of farm products", k=10,
                           type="region")
    assert set(result) == {"query", "linked", "partners", "took_ms"}
    labels = [p["label"] for p in result["partners"]]
    assert len(set(labels) & SEOUL_YOUTH_AND_TRADE) >= 2, labels
    for partner in result["partners"]:
        assert partner["type"] == "Region"
        assert partner["evidence"], partner["label"]
        assert set(partner["evidence"][0]) == {"doc", "line_start", "line_end", "text", "score", "title",
                                               "entities", "summary", "summary_en", "terms", "method", "confidence"}


def test_disaster_prevention_partner_is_the_coordinator(engine):
    labels = [p["label"] for p in rank_partners(engine, "방재 분야 협력을 이끄는 지방정부", k=5)["partners"]]
    assert "효고현" in labels


def test_partners_like_leaves_out_existing_partners(engine):
    seoul = next(p for p in engine.profiles if p["label"] == "서울특별시")
    assert len(seoul["partners"]) >= 50  # the agreement table's partners, from the graph
    result = partners_like(engine, "서울특별시", k=20)
    assert result["query"] == "서울특별시" and result["partners"]
    found = {p["iri"] for p in result["partners"]}
    assert not found & set(seoul["partners"])
    assert seoul["iri"] not in found
    with_existing = partners_like(engine, "서울특별시", k=20, exclude_existing=False)
    assert {p["iri"] for p in with_existing["partners"]} & set(seoul["partners"])


def test_partner_filters_and_errors(engine):
    orgs = rank_partners(engine, "국제기구 협력", k=5, type="organization")["partners"]
    assert all(p["type"] == "Organization" for p in orgs)
    with pytest.raises(ValueError):
        rank_partners(engine, "협력", type="country")
    with pytest.raises(LookupError, match="unknown region"):
        partners_like(engine, "없는지역이름")


def test_partners_like_excludes_programme_partners(engine):
    """Yeoncheon already works with Dong Thap and Alhambra (its programmes): not suggested again."""
    ranked = partners_like(engine, "연천군", k=10)["partners"]
    labels = {p["label"] for p in ranked}
    assert ranked and not labels & {"동탑성", "알함브라시"}
    kept = partners_like(engine, "연천군", k=50, exclude_existing=False)["partners"]
    assert {"동탑성", "알함브라시"} & {p["label"] for p in kept}


def _seoul_partners_with_area(engine, area: str | None) -> set[str]:
    """Korean labels of the regions whose agreement with Seoul (the Seoul table) lists a field of ``area``."""
    from graph.store import OxigraphStore

    area_filter = f"?a gy:cooperationField/skos:broader <https://w3id.org/gyoryu/id/field-area/{area}> ." \
        if area else ""
    rows = OxigraphStore.load(engine.data_dir).query(f"""
        PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?name WHERE {{
          ?a a gy:Agreement ; gy:party <https://w3id.org/gyoryu/id/region/kr-seoul>, ?p . {area_filter}
          FILTER(?p != <https://w3id.org/gyoryu/id/region/kr-seoul>)
          ?p rdfs:label ?name FILTER(LANG(?name) = "ko") }}""")
    return {row[0].value for row in rows}


def test_partners_like_ranks_regions_with_the_same_seoul_agreements(engine):
    # 완주군's agreements with Seoul are about 귀농귀촌 and direct trade: the regions most like it are other
    # Seoul partners (a shared partner) whose Seoul agreements also cover the rural area
    seoul_partners = _seoul_partners_with_area(engine, None)
    rural = _seoul_partners_with_area(engine, "rural")
    result = partners_like(engine, "완주군", k=5, exclude_existing=False)
    labels = [p["label"] for p in result["partners"]]
    assert set(labels) <= seoul_partners, labels
    assert len(set(labels) & rural) >= 4, labels
    for p in result["partners"]:
        assert p["reasons"][0]["fact_en"] == "shared agreement partner: 서울특별시"
        assert p["reasons"][0]["fact"] == f"완주군과 {p['label']}의 공통 협약 상대: 서울특별시"


def test_partner_reasons_cite_the_agreement_rows(engine):
    result = rank_partners(engine, "partners that agreed with Seoul to promote hometown love donations", k=10,
                           type="region")
    labels = [p["label"] for p in result["partners"]]
    assert "서울특별시" not in labels  # the need names Seoul: it is the context, not an answer
    donors = _seoul_partners_with_area(engine, "hometown")
    assert len(set(labels) & donors) >= 4, labels
    reasons = [r for p in result["partners"] if p["label"] in donors for r in p["reasons"]]
    assert reasons and all(r["doc"].startswith("001") and r["line_start"] == r["line_end"] for r in reasons)
    assert any("고향사랑기부" in r["field"] and "서울" not in r["field"] for r in reasons)


#: Cases whose answer the Seoul table (001, 서울시 우호교류협약 및 협력분야 현황) fixes, written out from its rows:
#: region asked about, how many of the first places are fixed, and the regions that must fill them.
#: - 무주군, 장수군 and 옥천군 signed with Seoul on '19.12.04 / '19.12.11 with the very same six fields
#:   (농특산물 판매 활성화, 귀농귀촌 지원, 관광 활성화, 문화예술 교류, 청소년 교류, 혁신로드):
#:   each is most like the other two;
#: - 완주군 and 진안군 signed the same six-project package ('19.12.04, 우수 농·특산물 판매 활성화, 귀농귀촌 지원 …):
#:   each is most like the four other counties of that package;
#: - the provinces (도) whose Seoul rows share the 2008 wave's fields (관광, 청소년, 농수축산물, 행정정보화, 재난 구호)
#:   are most like each other: no city or county comes first.
SEOUL_PACKAGE = {"완주군", "진안군", "무주군", "장수군", "옥천군"}
PROVINCES = {"경상남도", "경상북도", "전라남도", "충청북도", "충청남도", "제주특별자치도", "전북특별자치도",
             "강원특별자치도"}
LIKE_CASES = [
    ("무주군", 2, {"장수군", "옥천군"}),
    ("장수군", 2, {"무주군", "옥천군"}),
    ("옥천군", 2, {"무주군", "장수군"}),
    ("완주군", 4, SEOUL_PACKAGE - {"완주군"}),
    ("진안군", 4, SEOUL_PACKAGE - {"진안군"}),
    ("경상남도", 4, PROVINCES - {"경상남도"}),
    ("충청북도", 4, PROVINCES - {"충청북도"}),
    ("전라남도", 4, PROVINCES - {"전라남도"}),
]


@pytest.mark.parametrize(("region", "first", "expected"), LIKE_CASES, ids=[c[0] for c in LIKE_CASES])
def test_partners_like_on_cases_the_seoul_table_fixes(engine, region, first, expected):
    """The first places of "partners like REGION" are the regions the Seoul table says agreed on the same things."""
    ranked = partners_like(engine, region, k=first)["partners"]
    labels = [p["label"] for p in ranked]
    assert len(labels) == first and set(labels) <= expected, labels
    if first == len(expected):
        assert set(labels) == expected
    assert all(p["type"] == "Region" for p in ranked)
    assert all(p["reasons"][0]["fact_en"] == "shared agreement partner: 서울특별시" for p in ranked)


def test_cli_partners_like_prints_the_same_first_places(engine):
    """``gyoryu partners --like`` as a user runs it: 무주군's two twins of the Seoul table, in the engine's order."""
    from tests.cli.runner import gyoryu

    printed = gyoryu("partners", "--like", "무주군", "-k", "2", data=engine.data_dir).stdout.splitlines()
    assert printed[0].startswith("2 partners (")
    ranked = partners_like(engine, "무주군", k=2)["partners"]
    places = [line for line in printed[1:] if line[:2].strip().isdigit()]
    assert [line.split()[2] for line in places] == [p["label"] for p in ranked]
    assert {p["label"] for p in ranked} == {"장수군", "옥천군"}
