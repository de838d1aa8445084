"""NEAR events: assemblies and working committees (brochure history + report), meetings, workshops."""

from __future__ import annotations

from graph.examples_corpus import rows

E = "https://w3id.org/gyoryu/id/event/"


def event(store, key: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in rows(store, f"SELECT ?p ?o WHERE {{ <{E}{key}> ?p ?o }}"):
        value = r["o"] if r["o"].startswith("https://w3id.org/gyoryu/ontology#") else r["o"].rsplit("/", 1)[-1]
        out.setdefault(r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], set()).add(value)
    return out


def test_brochure_general_assemblies_with_date_host_and_outcome(graph_store):
    ga2 = event(graph_store, "near-general-assembly-2")
    assert ga2["startDate"] == {"1998-10"} and ga2["host"] == {"jp-toyama"}
    assert "https://w3id.org/gyoryu/ontology#GeneralAssembly" in ga2["type"]
    assert any("5개 분과위원회 설치" in o for o in ga2["outcome"])
    ga8 = event(graph_store, "near-general-assembly-8")
    assert ga8["startDate"] == {"2010-10"} and ga8["host"] == {"kr-gyeonggi"} and ga8["ordinal"] == {"8"}


def test_assemblies_are_one_series_across_documents(graph_store):
    (row,) = rows(graph_store, f"""SELECT (COUNT(DISTINCT ?g) AS ?docs) WHERE {{
        GRAPH ?g {{ <{E}near-general-assembly-5> gy:ordinal 5 }} }}""")
    assert row["docs"] == "2"  # the brochure's history and the report's secretariat section
    assert event(graph_store, "near-general-assembly-9")["host"] == {"cn-ningxia"}


def test_14th_high_level_working_committee(graph_store):
    wc = event(graph_store, "near-working-committee-14")
    assert (wc["startDate"], wc["endDate"], wc["host"]) == ({"2024-09-24"}, {"2024-09-26"}, {"cn-liaoning"})
    assert len(wc["participant"]) == 38
    expected = {"cn-qinghai", "kg-chuy", "cn-shaanxi", "jp-okinawa", "ru-primorsky", "mn-khuvsgul"}
    assert expected <= wc["participant"]
    assert any("가입 승인" in o for o in wc["outcome"])


def test_sub_committee_meetings_of_2024(graph_store):
    energy = event(graph_store, "near-near-energy-cooperation-meeting-1")
    assert energy["meetingOf"] == {"near-energy-cooperation"}
    assert (energy["startDate"], energy["endDate"], energy["host"]) == ({"2024-07-25"}, {"2024-07-27"},
                                                                         {"cn-inner-mongolia"})
    culture = event(graph_store, "near-near-education-culture-meeting-22")
    assert (culture["startDate"], culture["host"]) == ({"2024-08-21"}, {"jp-shimane"})
    assert event(graph_store, "near-near-innovation-plus-meeting-1")["host"] == {"cn-hunan"}


def test_secretariat_workshop(graph_store):
    (row,) = rows(graph_store, """SELECT ?e ?n ?start ?end ?host WHERE { ?e a gy:Workshop ; gy:ordinal ?n ;
        schema:startDate ?start ; schema:endDate ?end ; gy:host ?host ; rdfs:label ?l
        FILTER(CONTAINS(?l, "워크숍")) }""")
    assert (row["n"], row["start"], row["end"], row["host"].rsplit("/", 1)[-1]) == (
        "15", "2024-05-22", "2024-05-24", "kr-gyeongbuk")
