"""Seoul's agreement table (001_…, lines 291-384): partners, dates, merged name cells, totals."""

from __future__ import annotations

import pytest

from graph.queries import agreements_of

DOC = "001_4aac3573a45a98c8.txt"


def _dates(store, party: str) -> list[str]:
    result = agreements_of(store, party)
    return [a["date"] for a in result["agreements"] if a["partner"]["label"] == "서울특별시"]


def test_every_partner_and_the_stated_totals(graph_store):
    rows = {r["level"].value: int(r["n"].value) for r in graph_store.query("""
        SELECT ?level (COUNT(DISTINCT ?p) AS ?n) WHERE {
          ?a a gy:Agreement ; gy:party region:kr-seoul, ?p . FILTER(?p != region:kr-seoul)
          ?p gy:adminLevel ?l . BIND(IF(STR(?l) = "광역", "광역", "기초") AS ?level) } GROUP BY ?level""")}
    assert rows == {"광역": 13, "기초": 56}  # the document: 총69개 지자체(광역13, 기초56)


def test_agreement_count_is_one_per_signing(graph_store):
    (row,) = graph_store.query("SELECT (COUNT(?a) AS ?n) WHERE { ?a a gy:Agreement ; gy:party region:kr-seoul }")
    assert int(row["n"].value) == 85


@pytest.mark.parametrize(("party", "dates"), [
    ("전라남도", ["2004-12-17"]),
    # three signings; the name cell (line 298) sits on the middle row, and the group starts a row above
    ("제주특별자치도", ["2005-06-13", "2015-02-10", "2023-02-03"]),
    # the name is printed on the second of two rows (line 301): the row above belongs to it
    ("충청북도", ["2008-07-11", "2023-06-10"]),
    ("경상북도", ["2008-09-11", "2019-06-07", "2023-01-18"]),
    ("경상남도", ["2009-09-07", "2018-11-24"]),
    # '11 World Athletics Championships row (line 309) sits above 대구's name
    ("대구광역시", ["2011-06-14", "2017-01-20", "2017-07-28"]),
    ("완주군", ["2012-07-16", "2019-12-04"]),
    ("대전광역시", ["2015-06-01", "2023-04-10"]),
    ("진주시", ["2015-10-01"]),
    ("안동시", ["2016-02-29", "2023-10-06"]),
    ("양평군", ["2016-03-18"]),
    ("세종특별자치시", ["2016-03-24", "2023-04-10"]),
    ("부산광역시", ["2018-11-23", "2022-10-06"]),
    ("당진시", ["2020-12-17"]),
])
def test_partner_dates(graph_store, party, dates):
    assert _dates(graph_store, party) == dates


def test_garbled_names_are_reported_and_their_rows_kept(graph_build, graph_store):
    unresolved = {(i.line, i.text) for i in graph_build.report.of_kind("unresolved") if i.doc == DOC}
    assert (305, "라 즈 라 여 시 *") in unresolved
    assert (321, "저 ㅇ ㅂ") in unresolved
    assert _dates(graph_store, "광주광역시") == ["2009-06-17", "2014-07-03"]
    assert _dates(graph_store, "정읍시") == ["2014-09-02", "2019-08-24"]


def test_old_names_resolve_to_current_entities(graph_store):
    assert _dates(graph_store, "강원도") == ["2014-04-14"]            # now 강원특별자치도
    assert _dates(graph_store, "전라북도") == ["2013-07-23"]          # now 전북특별자치도
    assert _dates(graph_store, "제주도")[0] == "2005-06-13"          # now 제주특별자치도


def test_homograph_goseong_is_resolved_with_evidence(graph_build, graph_store):
    assert _dates(graph_store, "https://w3id.org/gyoryu/id/region/kr-gyeongnam-goseong") == ["2019-03-18"]
    assert _dates(graph_store, "https://w3id.org/gyoryu/id/region/kr-gangwon-goseong") == []
    notes = [i.detail for i in graph_build.report.of_kind("ambiguous") if i.line == 368]
    assert notes and "거제시" in notes[0]


def test_broken_serial_numbers_are_reported(graph_build):
    anomalies = {(i.line, i.text) for i in graph_build.report.of_kind("anomaly") if i.doc == DOC}
    assert {(321, "10"), (326, "1.0"), (308, "③")} <= anomalies


def test_provenance_is_the_exact_row(graph_store):
    result = agreements_of(graph_store, "대구광역시")
    sources = {a["date"]: (a["source"]["doc"], a["source"]["line_start"], a["source"]["line_end"])
               for a in result["agreements"]}
    assert sources == {"2011-06-14": (DOC, 309, 309), "2017-01-20": (DOC, 310, 310),
                       "2017-07-28": (DOC, 311, 311)}


def test_fields_are_concepts_with_raw_text_and_broad_area(graph_store):
    rows = list(graph_store.query("""SELECT ?label ?alt ?area WHERE {
        ?a gy:party region:kr-gyeongbuk ; gy:signedOn "2019-06-07"^^xsd:date ; gy:cooperationField ?c .
        ?c skos:prefLabel ?label ; skos:altLabel ?alt ; skos:broader/skos:prefLabel ?area .
        FILTER(LANG(?area) = "ko") }"""))
    found = {(r["label"].value, r["alt"].value, r["area"].value) for r in rows}
    assert ("농산물직거래 확대", "농신물작거래 확대", "농수특산물·직거래") in found


def test_signed_with_both_directions(graph_store):
    assert graph_store.query("ASK { region:kr-seoul gy:signedWith region:kr-jeonbuk-wanju . "
                             "region:kr-jeonbuk-wanju gy:signedWith region:kr-seoul }")


def test_variant_spellings_become_alt_labels(graph_store):
    alts = {r["alt"].value for r in graph_store.query(
        "SELECT ?alt WHERE { region:kr-jeonnam skos:altLabel ?alt }")}
    assert "전 라 남 도" in alts


def test_facts_live_in_the_documents_named_graph(graph_store):
    assert graph_store.query(f"""ASK {{ GRAPH <https://w3id.org/gyoryu/id/graph/{DOC}> {{
        ?a a gy:Agreement ; gy:signedOn "2004-12-17"^^xsd:date }} }}""")
