"""Yeoncheon's international exchange programmes (000_…): partners, budgets, departments, rates."""

from __future__ import annotations

from graph.examples_corpus import rows

DOC = "000_1e4d94b91b241818.txt"


def programmes(store) -> dict[str, dict[str, set[str]]]:
    out: dict[str, dict[str, set[str]]] = {}
    for r in rows(store, f"""SELECT ?l ?p ?o WHERE {{ GRAPH <https://w3id.org/gyoryu/id/graph/{DOC}> {{
        ?x a gy:Program ; rdfs:label ?l ; ?p ?o }} }}"""):
        out.setdefault(r["l"], {}).setdefault(r["p"].rsplit("#", 1)[-1], set()).add(r["o"].rsplit("/", 1)[-1])
    return out


def test_vietnam_programme(graph_store):
    vn = programmes(graph_store)["부서협업 베트남 교류"]
    assert vn["partner"] == {"vn-dong-thap"}
    assert vn["budgetMillionKRW"] == {"236"}
    assert vn["collaboratingDepartment"] >= {"농업정책과"}
    assert vn["achievementRate"] == {"70"}
    assert vn["runBy"] == {"kr-gyeonggi-yeoncheon"}
    assert vn["collaborator"] >= {"vn-embassy-kr", "gaok"}


def test_other_programmes_partners_and_budgets(graph_store):
    p = programmes(graph_store)
    us = p["부서협업 미국 교류"]
    assert (us["partner"], us["budgetMillionKRW"]) == ({"us-alhambra"}, {"50"})
    assert (p["부서협업 유엔산하기관 교류"]["partner"], p["부서협업 유엔산하기관 교류"]["budgetMillionKRW"]) == (
        {"iclei"}, {"16"})
    assert p["관학협력 국제교류"]["partner"] == {"seojeong-univ"}  # 협업기관: 지역 인근 대학 → 서정대
    assert p["관학협력 국제교류"]["achievementRate"] == {"20"}


def test_rate_for_2024_is_a_figure(graph_store):
    found = rows(graph_store, """SELECT ?v ?y WHERE { ?f a gy:Figure ; gy:figureOf ?x ; gy:measure "이행률"@ko ;
        gy:value ?v ; gy:year ?y . ?x rdfs:label "부서협업 베트남 교류"@ko }""")
    assert [(r["v"], r["y"]) for r in found] == [("67", "2024")]


def test_total_that_does_not_add_up_is_kept_with_a_note(graph_store, graph_build):
    umbrella = programmes(graph_store)["군민을 위한 다양한 국제교류 추진"]
    assert umbrella["budgetMillionKRW"] == {"366"} and umbrella["achievementRate"] == {"41.7"}
    assert any("366" in n and "312" in n for n in umbrella["note"])
    assert any(i.doc == DOC and i.kind == "inconsistency" for i in graph_build.report.issues)
