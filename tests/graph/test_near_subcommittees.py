"""NEAR sub-committees: the 2024 report's 19-row table (split by the PDF) and the brochure's list."""

from __future__ import annotations

import dataclasses

from graph.build import build_graph
from graph.examples_corpus import rows

REPORT = "002_034c79dc83e9e66f.txt"
BROCHURE = "003_f806944ff0a1a74c.txt"
G = "https://w3id.org/gyoryu/id/graph/"


def coordinations(store, doc: str) -> dict[str, dict[str, str]]:
    found = rows(store, f"""SELECT ?sc ?region ?asOf ?start ?meetings ?founded WHERE {{
      GRAPH <{G}{doc}> {{ ?c a gy:Coordination ; gy:subCommittee ?sc ; gy:asOf ?asOf ;
                            prov:wasDerivedFrom/gy:lineStart ?start .
                         OPTIONAL {{ ?c gy:coordinator ?region }}
                         OPTIONAL {{ ?sc gy:meetingCount ?meetings }} OPTIONAL {{ ?sc gy:foundedIn ?founded }} }} }}""")
    out: dict[str, dict[str, str]] = {}
    for r in found:
        entry = out.setdefault(r["sc"].rsplit("/", 1)[-1], {**r, "regions": set()})
        if r["region"]:
            entry["regions"].add(r["region"].rsplit("/", 1)[-1])
    return out


def test_the_report_table_has_nineteen_rows_across_the_column_break(graph_store):
    table = coordinations(graph_store, REPORT)
    assert len(table) == 19
    # rows after the interleaved text (line 438 on) are there too
    assert {"near-digital-economy", "near-energy-cooperation", "near-traditional-medicine"} <= set(table)


def test_disaster_prevention_is_hyogo_founded_1998_with_19_meetings(graph_store):
    row = coordinations(graph_store, REPORT)["near-disaster"]
    assert row["regions"] == {"jp-hyogo"}
    assert (row["founded"], row["meetings"], row["asOf"]) == ("1998", "19", "2024")
    assert row["start"] == "405"


def test_tourism_has_two_coordinators_and_counts(graph_store):
    row = coordinations(graph_store, REPORT)["near-tourism"]
    assert row["regions"] == {"cn-henan", "cn-ningxia"}
    assert (row["founded"], row["meetings"]) == ("2008", "2")


def test_brochure_lists_eleven_with_their_coordinators_then(graph_store):
    then = coordinations(graph_store, BROCHURE)
    assert len(then) == 11
    assert then["near-environment"]["regions"] == {"jp-toyama"}  # written 토야마현
    assert then["near-energy-climate"]["regions"] == {"kr-daegu"}
    assert then["near-women-children"]["regions"] == {"mn-dornod"}  # written 도르노드 아이막
    assert {r["asOf"] for r in then.values()} == {"2010"}


def test_renamed_sub_committee_is_one_node_with_the_old_name_kept(graph_store):
    then, now = coordinations(graph_store, BROCHURE), coordinations(graph_store, REPORT)
    assert "near-economy" in then and "near-economy" in now  # 경제통상 (2010) = 경제인문교류 (2024)
    stated = rows(graph_store, f"""SELECT ?name WHERE {{ GRAPH <{G}{BROCHURE}> {{
        <https://w3id.org/gyoryu/id/subcommittee/near-economy> gy:statedName ?name }} }}""")
    assert [r["name"] for r in stated] == ["경제통상"]


def test_rules_record_when_sub_committees_were_established_and_renamed(graph_store):
    got = {r["sc"].rsplit("/", 1)[-1]: r for r in rows(graph_store, """SELECT ?sc ?est ?ren WHERE {
        ?sc a gy:SubCommittee . OPTIONAL { ?sc gy:establishedOn ?est } OPTIONAL { ?sc gy:renamedOn ?ren } }""")}
    assert got["near-economy"]["ren"] == "2013-09-11"
    assert got["near-digital-economy"]["est"] == "2023-10-25"


def test_table_parsing_follows_the_document_not_a_fixed_answer(documents):
    """A changed count, an added row and OCR spacing are read as printed, and the total is re-checked."""
    report = next(d for d in documents if d.id == REPORT)
    lines = list(report.lines)
    lines[404] = lines[404].replace("19회", "20회").replace("일본 효고현", "일본 효 고 현")
    lines[485] = lines[485] + "\n스마트시티 대한민국 대구광역시 2025년 1회 스마트시티 교류"
    changed = dataclasses.replace(report, lines=tuple("\n".join(lines).split("\n")))
    result = build_graph([changed])
    (row,) = result.dataset.query(f"""SELECT ?n ?r WHERE {{ GRAPH <{G}{REPORT}> {{
        <https://w3id.org/gyoryu/id/subcommittee/near-disaster> gy:meetingCount ?n .
        ?c gy:subCommittee <https://w3id.org/gyoryu/id/subcommittee/near-disaster> ; gy:coordinator ?r }} }}""",
                                  initNs={"gy": "https://w3id.org/gyoryu/ontology#"})
    assert (int(row.n), str(row.r).rsplit("/", 1)[-1]) == (20, "jp-hyogo")
    issues = [i for i in result.report.issues if i.doc == REPORT]
    assert any(i.kind == "inconsistency" and "20 rows" in i.detail for i in issues)
    assert any(i.kind == "unresolved" and i.text == "스마트시티" for i in issues)
    (added,) = result.dataset.query(f"""SELECT ?r ?line WHERE {{ GRAPH <{G}{REPORT}> {{
        ?c a gy:Coordination ; gy:coordinator ?r ; prov:wasDerivedFrom/gy:lineStart ?line .
        FILTER(CONTAINS(STR(?c), "스마트시티")) }} }}""",
                                    initNs={"gy": "https://w3id.org/gyoryu/ontology#",
                                            "prov": "http://www.w3.org/ns/prov#"})
    assert (str(added.r).rsplit("/", 1)[-1], int(added.line)) == ("kr-daegu", 487)
