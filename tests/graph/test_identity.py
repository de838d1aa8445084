"""One identity per real entity across documents, and homographs kept apart (산시성: Shanxi ≠ Shaanxi)."""

from __future__ import annotations

import pytest

from graph.examples_corpus import rows
from graph.registry import Registry

REPORT = "002_034c79dc83e9e66f.txt"
BROCHURE = "003_f806944ff0a1a74c.txt"
G = "https://w3id.org/gyoryu/id/graph/"
R = "https://w3id.org/gyoryu/id/region/"


def in_graph(store, doc: str, iri: str) -> bool:
    query = f"SELECT ?p WHERE {{ GRAPH <{G}{doc}> {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }} }}"
    return bool(rows(store, query))


@pytest.mark.parametrize(("region", "brochure_spelling", "report_spelling"), [
    ("jp-toyama", "토야마현", "도야마현"),
    ("ru-primorsky", "연해변경주", "연해주"),
    ("ru-sakha", "사하(야쿠티야)공화국", "사하공화국"),
    ("kr-gangwon", "강원도", "강원특별자치도"),
    ("mn-khuvsgul", "  스굴아이막", "훕스굴아이막"),
    ("jp-niigata", "니이가타현", "니가타현"),
])
def test_variant_spellings_are_one_node(graph_store, region, brochure_spelling, report_spelling):
    reg = Registry.default()
    assert reg.resolve(brochure_spelling).entity.id == region
    assert reg.resolve(report_spelling).entity.id == region
    assert in_graph(graph_store, BROCHURE, R + region)


def test_toyama_coordinates_environment_in_both_documents(graph_store):
    found = rows(graph_store, f"""SELECT ?g ?asOf WHERE {{ GRAPH ?g {{ ?c gy:coordinator <{R}jp-toyama> ;
        gy:subCommittee <https://w3id.org/gyoryu/id/subcommittee/near-environment> ; gy:asOf ?asOf }} }}""")
    assert {(r["g"].rsplit("/", 1)[-1], r["asOf"]) for r in found} == {(BROCHURE, "2010"), (REPORT, "2024")}
    labels = {r["l"] for r in rows(graph_store, f"SELECT ?l WHERE {{ <{R}jp-toyama> skos:altLabel ?l }}")}
    assert "토야마현" in labels


def test_primorsky_krai_member_then_and_premier_now(graph_store):
    assert rows(graph_store, f"SELECT ?m WHERE {{ GRAPH <{G}{BROCHURE}> {{ ?m org:member <{R}ru-primorsky> }} }}")
    assert rows(graph_store, f"""SELECT ?post WHERE {{ GRAPH <{G}{REPORT}> {{ ?post org:postIn <{R}ru-primorsky> ;
        gy:role "총리"@ko }} }}""")


def test_homograph_is_not_resolved_by_spelling():
    result = Registry.default().resolve("산시성")
    assert result.entity is None and {c.id for c in result.candidates} == {"cn-shanxi", "cn-shaanxi"}


def test_shanxi_and_shaanxi_are_never_merged(graph_store):
    same = rows(graph_store, f"""SELECT ?p WHERE {{ {{ <{R}cn-shanxi> ?p <{R}cn-shaanxi> }}
        UNION {{ <{R}cn-shaanxi> ?p <{R}cn-shanxi> }} }}""")
    assert not same
    names = {r["l"] for r in rows(graph_store, f"SELECT ?l WHERE {{ <{R}cn-shanxi> rdfs:label ?l }}")}
    assert names == {"산시성", "Shanxi"}


def test_gloss_and_chinese_form_decide_the_province(graph_store):
    medicine = rows(graph_store, f"""SELECT ?r ?note WHERE {{ GRAPH <{G}{REPORT}> {{
        ?c gy:subCommittee <https://w3id.org/gyoryu/id/subcommittee/near-traditional-medicine> ;
           gy:coordinator ?r ; gy:note ?note }} }}""")
    assert [r["r"].rsplit("/", 1)[-1] for r in medicine] == ["cn-shaanxi"]
    assert "line 55" in medicine[0]["note"]  # 중국 산시성(陕西省)의 전통의약 분과위


def test_undecidable_coordinator_lists_both_candidates_with_a_note(graph_store, graph_build):
    found = rows(graph_store, f"""SELECT ?cand ?note WHERE {{ GRAPH <{G}{REPORT}> {{ ?c gy:subCommittee
        <https://w3id.org/gyoryu/id/subcommittee/near-energy-climate> ; gy:candidate ?cand ; gy:note ?note
        FILTER NOT EXISTS {{ ?c gy:coordinator ?any }} }} }}""")
    assert {r["cand"].rsplit("/", 1)[-1] for r in found} == {"cn-shanxi", "cn-shaanxi"}
    assert "no evidence" in found[0]["note"]
    assert any(i.kind == "ambiguous" and i.doc == REPORT and i.line == 452 for i in graph_build.report.issues)
