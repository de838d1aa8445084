"""Candidates become automatic facts; plans become intents; new foreign places are minted, others reported."""

from __future__ import annotations

from rdflib import Dataset, Literal

from graph.build import build_graph
from graph.dates import StatedDate
from graph.facts import FACT_CLASSES, FactWriter
from graph.readers.candidates import AgreementCandidate, write_candidates
from graph.readers.entities import minted_id, resolve_party
from graph.registry import Registry
from graph.report import ExtractionReport
from ontology.namespaces import GY, ID, RDF, RDFS, XSD
from tests.readers.helpers import document

DOC = document("synthetic.txt", "\n".join(f"줄 {n}" for n in range(1, 11)))


def _writer() -> FactWriter:
    return FactWriter(Dataset(), DOC, Registry.default(), ExtractionReport())


def test_agreement_and_intent_are_written_automatic_with_confidence():
    w = _writer()
    seoul = resolve_party(w, "서울특별시", 1)
    gangneung = resolve_party(w, "강릉시", 1)
    signing = AgreementCandidate((seoul, gangneung), StatedDate(2025, 3, 5), "friendship", (2, 2), 0.9)
    plan = AgreementCandidate((seoul, gangneung), StatedDate(2026), "sister", (4, 4), 0.6, intent=True)
    nodes = write_candidates(w, [signing, plan])
    agreement, intent = nodes
    g = w.graph
    assert agreement == ID["agreement/kr-gangwon-gangneung--kr-seoul--2025-03-05"]
    assert (agreement, RDF.type, GY.Agreement) in g and (agreement, RDF.type, GY.AgreementIntent) not in g
    assert g.value(agreement, GY.signedOn) == Literal("2025-03-05", datatype=XSD.date)
    assert g.value(agreement, GY.extractionMethod) == Literal("automatic")
    assert g.value(agreement, GY.confidence) == Literal("0.9", datatype=XSD.decimal)
    assert g.value(agreement, GY.agreementType) == GY.friendship
    assert (intent, RDF.type, GY.AgreementIntent) in g and (intent, RDF.type, GY.Agreement) not in g
    assert g.value(intent, GY.statedDate) == Literal("2026", datatype=XSD.gYear)
    assert (seoul.entity.iri, GY.signedWith, gangneung.entity.iri) in g


def test_foreign_place_is_minted_deterministically_and_a_bare_name_is_reported():
    w = _writer()
    city = resolve_party(w, "일본 가나다와시", 3)
    assert city is not None and city.minted
    assert city.entity.iri == ID[f"region/{minted_id('JP', '가나다와시')}"]
    assert not list(w.graph.triples((city.entity.iri, None, None)))  # described only with a fact
    write_candidates(w, [AgreementCandidate((city, resolve_party(w, "서울특별시", 3)), StatedDate(1990), lines=(3, 3))])
    assert w.graph.value(city.entity.iri, RDFS.label) == Literal("가나다와시", lang="ko")
    assert w.graph.value(city.entity.iri, GY.country) == ID["country/JP"]
    assert resolve_party(w, "가나다와", 5, country="JP") is None
    assert resolve_party(w, "가나다와", 6, country="JP", place_context=True).minted
    assert resolve_party(w, "없는군", 7) is None
    issues = {(i.line, i.kind) for i in w.report.issues}
    assert {(5, "unresolved"), (7, "unresolved")} <= issues


def test_korean_names_resolve_with_qualified_districts_and_todays_forms():
    w = _writer()
    assert resolve_party(w, "대구광역시 남구", 1).entity.id == "kr-daegu-nam"
    assert resolve_party(w, "부산광역시 남구", 1).entity.id == "kr-busan-nam"
    assert resolve_party(w, "남구", 2) is None
    assert resolve_party(w, "강원도", 1).entity.id == "kr-gangwon"
    assert resolve_party(w, "전라북도", 1).entity.id == "kr-jeonbuk"


def test_seed_facts_are_curated(graph_build):
    ds = graph_build.dataset
    for cls in FACT_CLASSES:
        for node in {s for s, _, _, _ in ds.quads((None, RDF.type, cls, None))}:
            methods = {str(o) for _, _, o, _ in ds.quads((node, GY.extractionMethod, None, None))}
            assert methods == {"curated"}, (node, methods)


def test_intent_is_never_an_agreement_after_a_build():
    doc = document("plan.txt", "서울특별시와 강릉시 교류\n우호교류 협약 체결 추진 중 (2026년)")
    w = FactWriter(Dataset(), doc, Registry.default(), ExtractionReport())
    a, b = resolve_party(w, "서울특별시", 1), resolve_party(w, "강릉시", 1)
    write_candidates(w, [AgreementCandidate((a, b), StatedDate(2026), "friendship", (2, 2), 0.5, intent=True)])
    assert not list(w.graph.subjects(RDF.type, GY.Agreement))
    assert build_graph([doc]).report.counts["Agreement"] == 0
