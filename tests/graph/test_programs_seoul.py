"""Seoul's regional coexistence programme (001_…): operators over time, budgets by year, the 상생상회 store."""

from __future__ import annotations

from graph.examples_corpus import rows


def test_operator_history(graph_store):
    found = rows(graph_store, """SELECT ?op ?start ?end ?ts WHERE { ?t a gy:OperatorTerm ; gy:operator ?op ;
        schema:startDate ?start . OPTIONAL { ?t schema:endDate ?end } OPTIONAL { ?t gy:termStart ?ts } }
        ORDER BY ?start""")
    got = [(r["op"].rsplit("/", 1)[-1], r["start"], r["end"], r["ts"]) for r in found]
    assert got == [("regional-foundation", "2016-05-02", "2018-12-31", ""),
                   ("slowfood-culture", "2018-12-28", "", ""),
                   ("slowfood-culture", "2020-12-16", "2023-12-31", "2021-01-01")]


def test_budgets_by_year(graph_store):
    found = rows(graph_store, """SELECT ?y ?v WHERE { ?f a gy:Figure ; gy:measure "민간위탁금 계"@ko ; gy:year ?y ;
        gy:value ?v } ORDER BY ?y""")
    assert [(r["y"], r["v"]) for r in found] == [("2021", "1880.211"), ("2022", "1718.588"), ("2023", "1405.589")]
    (plan,) = rows(graph_store, """SELECT ?v WHERE { ?f gy:measure "민간위탁금(안)"@ko ; gy:year "2024"^^xsd:gYear ;
        gy:value ?v }""")
    assert plan["v"] == "1200.052"


def test_the_store(graph_store, graph_build):
    (store,) = rows(graph_store, """SELECT ?opened (COUNT(DISTINCT ?a) AS ?addresses)
        (GROUP_CONCAT(DISTINCT ?n; separator=" | ") AS ?note) WHERE {
        ?p a gy:Program ; gy:facility ?s . ?s schema:foundingDate ?opened ; schema:address ?a ; gy:note ?n }
        GROUP BY ?opened""")
    assert store["opened"] == "2018-11-03"
    assert store["addresses"] == "2" and "율곡로 33" in store["note"] and "율곡로 39" in store["note"]
    sales = rows(graph_store, """SELECT ?y ?v WHERE { ?f gy:measure "매출액"@ko ; gy:year ?y ; gy:value ?v ;
        gy:figureOf <https://w3id.org/gyoryu/id/organization/sangsaeng-store> } ORDER BY ?y""")
    assert [(r["y"], r["v"]) for r in sales] == [("2021", "9211"), ("2022", "8852")]


def test_unreadable_budget_cell_leaves_the_subtotal_unmatched(graph_build):
    issues = [i for i in graph_build.report.issues if i.doc.startswith("001") and i.kind == "inconsistency"]
    assert any("194.148" in i.detail and "153.6" in i.detail for i in issues)
