"""Cheongyang's regional revitalisation foundation (004_…): teams, programmes and their figures."""

from __future__ import annotations

from graph.examples_corpus import rows

FOUNDATION = "https://w3id.org/gyoryu/id/organization/cheongyang-foundation"


def test_teams_are_units_of_the_foundation(graph_store):
    teams = {r["l"] for r in rows(graph_store, f"""SELECT ?l WHERE {{ ?u org:unitOf <{FOUNDATION}> ;
        rdfs:label ?l }}""")}
    assert teams == {"기획운영실", "경영사업팀", "통합급식팀", "가공지원팀", "마을만들기팀", "사회적경제팀"}


def test_capacity_building_programme_and_its_projects(graph_store):
    found = {r["l"]: r for r in rows(graph_store, """SELECT ?l ?b ?r ?parent WHERE { ?p a gy:Program ;
        rdfs:label ?l . OPTIONAL { ?p gy:budgetMillionKRW ?b } OPTIONAL { ?p gy:achievementRate ?r }
        OPTIONAL { ?p gy:subProgramOf/rdfs:label ?parent } }""")}
    parent = "2021년 청양군 지역역량강화사업"
    assert (found[parent]["b"], found[parent]["r"]) == ("400", "96")
    assert (found["청년마을조사단"]["b"], found["청년마을조사단"]["r"], found["청년마을조사단"]["parent"]) == (
        "68", "100", parent)
    assert found["네트워크 구축 지원"]["b"] == "15"  # a name wrapped over two lines
    assert found["시군역량강화사업"]["b"] == "330" and found["표고융복합사업"]["b"] == "200"


def test_stated_project_count_versus_the_table_is_noted(graph_store):
    notes = [r["n"] for r in rows(graph_store, """SELECT ?n WHERE { ?p rdfs:label "2021년 청양군 지역역량강화사업"@ko ;
        gy:note ?n }""")]
    assert notes == ["the document states 14 projects; its table lists 6"]


def test_budget_execution_and_totals_that_do_not_add_up(graph_store, graph_build):
    (row,) = rows(graph_store, f"""SELECT ?v WHERE {{ ?f gy:figureOf <{FOUNDATION}> ; gy:measure "계 예산액"@ko ;
        gy:value ?v }}""")
    assert row["v"] == "6223.731"
    details = [i.detail for i in graph_build.report.issues if i.doc.startswith("004")]
    assert any("254698" in d and "254694" in d for d in details)  # sales by category: 금액 row
