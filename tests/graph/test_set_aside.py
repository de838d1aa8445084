"""Automatic facts that break a shape are left out of the graph and listed in the report; curated ones fail."""

from __future__ import annotations

import pytest

import graph.build
from graph.extractors import MODULES, all_extractors, extractor
from graph.facts import AUTOMATIC, FactWriter
from graph.set_aside import REJECTED, validate_setting_aside
from ontology.namespaces import GY, RDF
from tests.readers.helpers import build, document, store_of

UNDATED = document("undated-news.txt", "부산광역시 국제교류 소식\n\n"
                                       "개막식에는 박가람 부산광역시장, 왕하오 랴오닝성 성장이 참석하였다.\n")
DATED = document("dated-news.txt", "부산광역시 국제교류 소식\n2024. 5. 20.\n\n"
                                   "개막식에는 최가온 부산광역시장이 참석하였다.\n")
TENURES = """PREFIX gy: <https://w3id.org/gyoryu/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name WHERE { ?t a gy:Tenure ; gy:official/rdfs:label ?name }"""
BROKEN = document("broken.txt", "시험 문서\n교류 현황 메모\n")


@extractor("test: tenure without a date", applies=lambda doc: doc.id == BROKEN.id)
def _tenure_without_date(w: FactWriter) -> None:
    """A Tenure missing its required gy:asOf; automatic when the document's title says so."""
    tenure = w.node("tenure", "test-홍길동", GY.Tenure, 2)
    if w.doc.title_ko == AUTOMATIC:
        w.add(tenure, GY.extractionMethod, w.plain(AUTOMATIC))
        w.add(tenure, GY.confidence, w.decimal(0.5))


@pytest.fixture
def with_test_extractor(monkeypatch):
    monkeypatch.setattr(graph.build, "all_extractors", lambda: all_extractors((*MODULES, __name__)))


def test_undated_posts_are_not_written_so_nothing_is_set_aside(tmp_path):
    """The people reader makes no tenure without a date (decision 0017): it reports the statement instead."""
    result = build(UNDATED, DATED)
    conforms, _ = validate_setting_aside(result.dataset, result.report)
    assert conforms
    names = {r["name"].value for r in store_of(result.dataset, tmp_path).query(TENURES,
                                                                                use_default_graph_as_union=True)}
    assert names == {"최가온"}
    assert result.report.of_kind(REJECTED) == []
    assert [(i.doc, i.line, i.text) for i in result.report.of_kind("anomaly") if "without a date" in i.detail] == [
        ("undated-news.txt", 3, "박가람 부산광역시 시장"), ("undated-news.txt", 3, "왕하오 랴오닝성 성장")]
    assert {str(o) for _, _, o, _ in result.dataset.quads((None, GY.official, None, None))} == {
        "https://w3id.org/gyoryu/id/person/최가온"}


def test_a_registered_automatic_fact_breaking_a_shape_is_left_out(with_test_extractor):
    doc = document(BROKEN.id, "\n".join(BROKEN.lines))
    doc = type(doc)(**{**doc.__dict__, "title_ko": AUTOMATIC})
    result = build(doc)
    conforms, _ = validate_setting_aside(result.dataset, result.report)
    assert conforms and [(i.doc, i.line, i.text) for i in result.report.of_kind(REJECTED)] == [
        ("broken.txt", 2, "tenure/test-홍길동")]
    detail = result.report.of_kind(REJECTED)[0].detail
    assert [c.split(": ")[0] for c in detail.split("; ")] == ["sh:MinCount on gy:asOf", "sh:MinCount on gy:official",
                                                            "sh:MinCount on gy:post"]
    assert not list(result.dataset.quads((None, RDF.type, GY.Tenure, None)))


def test_a_curated_fact_breaking_a_shape_still_fails(with_test_extractor):
    result = build(BROKEN, UNDATED)
    conforms, text = validate_setting_aside(result.dataset, result.report)
    assert not conforms and "tenure/test-" in text
    assert result.report.of_kind(REJECTED) == []  # nothing is set aside when the build fails
