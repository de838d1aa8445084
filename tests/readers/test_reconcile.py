"""Reconciliation: a restated signing adds provenance instead of a second node; independent of document order."""

from __future__ import annotations

from rdflib import Literal

from ontology.namespaces import GY, ID, PROV
from tests.readers.helpers import build, document, facts

SEOUL = document("seoul.txt", "\n".join([
    "서울시 우호교류협약 체결 현황",
    "\t".join(["연번", "기관명", "체결일자", "주요협력분야"]),
    "\t".join(["1", "전라남도", "'04.12.17", "문화관광, 농수축산물"]),
    "\t".join(["2", "충청북도", "'08.07.11", "관광, 문화예술"]),
]))
RESTATES = document("news.txt", "서울특별시 국내 교류 현황\n○ 전라남도: 2004년 12월 협약 체결\n"
                                "○ 충청북도: 2019. 5. 2. 협약 체결\n")
YEAR_ONLY = document("year.txt", "서울특별시 교류 협약\n○ 충청북도(2019) 협약 체결\n")


def _agreements(result) -> dict[str, set[str]]:
    """Agreement IRI → the documents it is derived from."""
    result.dataset.default_union = True
    rows = result.dataset.query("""SELECT ?a ?doc WHERE { ?a a gy:Agreement ; prov:wasDerivedFrom ?s .
        ?s gy:document ?doc }""", initNs={"gy": GY, "prov": PROV})
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(str(r.a).rsplit("/", 1)[-1], set()).add(str(r.doc).rsplit("/", 1)[-1])
    return out


def test_restated_signing_adds_provenance_to_the_curated_one_and_a_new_date_is_a_further_signing():
    result = build(SEOUL, RESTATES)
    agreements = _agreements(result)
    assert agreements == {
        "kr-seoul--kr-jeonnam--2004-12-17": {"seoul.txt", "news.txt"},
        "kr-seoul--kr-chungbuk--2008-07-11": {"seoul.txt"},
        "kr-chungbuk--kr-seoul--2019-05-02": {"news.txt"},
    }
    node = ID["agreement/kr-seoul--kr-jeonnam--2004-12-17"]
    methods = set(result.dataset.objects(node, GY.extractionMethod))
    assert methods == {Literal("curated")} and not list(result.dataset.objects(node, GY.confidence))


def test_automatic_restatements_merge_into_the_most_precise_and_order_does_not_matter():
    forward = build(SEOUL, RESTATES, YEAR_ONLY)
    backward = build(YEAR_ONLY, RESTATES, SEOUL)
    assert _agreements(forward) == _agreements(backward)
    assert _agreements(forward)["kr-chungbuk--kr-seoul--2019-05-02"] == {"news.txt", "year.txt"}
    assert set(forward.dataset.quads((None, None, None, None))) == set(backward.dataset.quads((None, None, None, None)))
    assert ("서울특별시", "충청북도", "2019", "cooperationAgreement") not in facts(forward)


def test_without_the_restated_document_the_year_stands_alone():
    assert ("서울특별시", "충청북도", "2019", "cooperationAgreement") in facts(build(YEAR_ONLY))
