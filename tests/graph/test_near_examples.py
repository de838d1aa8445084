"""The whole-corpus README examples (graph/examples_corpus.py) run and give the documents' answers."""

from __future__ import annotations

from graph.examples_corpus import EXAMPLES, rows

BY_ID = {e["id"]: e["query"] for e in EXAMPLES}


def test_every_example_has_the_expected_shape():
    assert len(EXAMPLES) == 4
    assert all(set(e) == {"id", "title_ko", "title_en", "query"} for e in EXAMPLES)


def test_coordinators_now_and_then(graph_store):
    found = rows(graph_store, BY_ID["subcommittee-coordinators"])
    latest = {r["subcommittee"]: r for r in found if r["latest"] == "true"}
    assert latest["환경분과위원회"]["coordinators"] == "도야마현" and latest["환경분과위원회"]["asOf"] == "2024"
    assert latest["에너지기후변화분과위원회"]["undecided"] == "중국 산시성"
    then = [r for r in found if r["subcommittee"] == "에너지기후변화분과위원회" and r["asOf"] == "2010"]
    assert then[0]["coordinators"] == "대구광역시"
    assert len(latest) == 22


def test_members_by_country(graph_store):
    found = {(r["asOf"], r["country"], r["kind"]): int(r["members"])
             for r in rows(graph_store, BY_ID["near-members-by-country"])}
    assert found[("2010", "Mongolia", "full")] == 22
    assert found[("2010", "China", "observer")] == 4
    assert found[("2024", "Kyrgyzstan", "associate")] == 1


def test_posts_in_2024(graph_store):
    found = {(r["person"], r["postIn"]) for r in rows(graph_store, BY_ID["posts-2024"])}
    assert ("임병진", "동북아시아지방정부연합") in found and ("리러청", "랴오닝성") in found


def test_programme_budgets(graph_store):
    found = {r["programme"]: r for r in rows(graph_store, BY_ID["programme-budgets"])}
    assert found["부서협업 베트남 교류"]["budgetMillionKRW"] == "236"
    assert found["부서협업 베트남 교류"]["partner"] == "동탑성"
    assert found["서울시 지역상생교류사업"]["budgetMillionKRW"] == "1406"
