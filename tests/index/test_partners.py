"""Partner finding: needs matched to regions with evidence; "partners like X" without X's partners."""

from __future__ import annotations

import pytest

from index.partners import partners_like, rank_partners

SEOUL_YOUTH_AND_TRADE = {"무주군", "장수군", "옥천군", "괴산군", "부안군", "보은군", "구례군", "김해시", "신안군",
                         "진안군", "완주군", "의성군"}


def test_county_for_youth_exchange_and_direct_trade(engine):
    result = rank_partners(engine, "a county doing youth exchange and direct trade of farm products", k=10,
                           type="region")
    assert set(result) == {"query", "partners", "took_ms"}
    labels = [p["label"] for p in result["partners"]]
    assert len(set(labels) & SEOUL_YOUTH_AND_TRADE) >= 2, labels
    for partner in result["partners"]:
        assert partner["type"] == "Region"
        assert partner["evidence"], partner["label"]
        assert set(partner["evidence"][0]) == {"doc", "line_start", "line_end", "text", "score", "title",
                                               "entities", "summary", "terms"}


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
