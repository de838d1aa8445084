"""Automatic facts downstream: /api/agreements dates at their precision with method and confidence, entity pages,
SHACL over curated and automatic facts together, and the README's date filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.app import create_app
from graph.build import build_graph
from graph.examples import EXAMPLES
from graph.store import OxigraphStore, write_dataset
from graph.validate import validate_dataset
from runtime.settings import Settings
from tests.readers.helpers import document
from tests.readers.test_reconcile import RESTATES, SEOUL

GANGNEUNG = document("gangneung.txt", "서울특별시 국내 교류 현황\n○ 강릉시: 우호교류 협약 체결 (2025년 3월 5일)\n"
                                      "○ 전라남도 2004년 12월 협약 체결\n○ 춘천시 2011년 자매결연\n")


SENTENCE = document("sentence.txt", "서울특별시와 강릉시는 2025년 3월 5일 우호교류 협약을 체결했다.\n"
                                    "두 도시는 2026년 자매결연도 추진할 계획이다.\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_graph([SEOUL, RESTATES, GANGNEUNG, SENTENCE])
    directory: Path = tmp_path_factory.mktemp("graph")
    write_dataset(result.dataset, directory / "graph.nq")
    return result, OxigraphStore.load(directory)


def test_agreements_api_dates_methods_and_sources(built):
    _, store = built
    app = create_app(Settings.from_env(), store=store.store)
    body = app.test_client().get("/api/agreements", query_string={"party": "서울특별시"}).get_json()
    rows = {(a["partner"]["label"], a["date"]): a for a in body["agreements"]}
    assert set(rows) == {("전라남도", "2004-12-17"), ("충청북도", "2008-07-11"), ("충청북도", "2019-05-02"),
                         ("강릉시", "2025-03-05"), ("춘천시", "2011")}
    jeonnam = rows[("전라남도", "2004-12-17")]
    assert (jeonnam["method"], jeonnam["confidence"]) == ("curated", None)
    assert {s["doc"] for s in jeonnam["sources"]} == {"seoul.txt", "news.txt", "gangneung.txt"}
    gangneung = rows[("강릉시", "2025-03-05")]
    assert {s["doc"] for s in gangneung["sources"]} == {"gangneung.txt", "sentence.txt"}  # one signing, two texts
    assert gangneung["method"] == "automatic" and 0 < gangneung["confidence"] <= 1
    assert gangneung["type"] == "우호교류" and {"doc": "gangneung.txt", "line_start": 2, "line_end": 2} in \
        gangneung["sources"]
    page = app.test_client().get("/id/" + gangneung["iri"].split("/id/", 1)[1], headers={"Accept": "text/html"})
    assert page.status_code == 200 and 'id="extraction-method"' in page.get_data(as_text=True)


def test_the_issue_sentence_is_an_agreement_in_sparql_and_its_plan_an_intent(built):
    _, store = built
    rows = store.query("""SELECT ?t ?d WHERE { ?a a ?t ; gy:party region:kr-seoul, region:kr-gangwon-gangneung ;
        gy:signedOn|gy:statedDate ?d ; prov:wasDerivedFrom/gy:document/schema:identifier "sentence.txt" }""")
    found = {(r["t"].value.rsplit("#", 1)[-1], r["d"].value) for r in rows}
    assert ("Agreement", "2025-03-05") in found and ("Agreement", "2026") not in found


def test_curated_and_automatic_facts_conform_to_the_shapes(built):
    result, _ = built
    conforms, report = validate_dataset(result.dataset)
    assert conforms, report


def test_the_since_2019_filter_keeps_a_year_only_date(built):
    _, store = built
    query = next(e["query"] for e in EXAMPLES if e["id"] == "seoul-partners")
    since = query.replace("FILTER(?p != ", 'FILTER(STR(?date) >= "2011" && ?p != ', 1)
    partners = {(r["partner"].value, r["date"].value) for r in store.query(since)}
    assert ("춘천시", "2011") in partners and ("강릉시", "2025-03-05") in partners
    assert all(date >= "2011" for _, date in partners)
