"""Search inside SPARQL over real HTTP and the CLI: gy:search and gy:similar join the graph, on real data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

from graph.examples import example
from tests.cli.runner import gyoryu

ACCEPT = {"Accept": "application/sparql-results+json"}
REGION = "https://w3id.org/gyoryu/id/region/"
#: Seoul's agreements with the regions whose passages speak of youth exchange, best passage first.
YOUTH_AGREEMENTS = [
    ("경상북도", "2008-09-11"), ("경상북도", "2019-06-07"), ("경상북도", "2023-01-18"), ("구미시", "2019-05-24"),
    ("안동시", "2016-02-29"), ("안동시", "2023-10-06"), ("부산광역시", "2018-11-23"), ("부산광역시", "2022-10-06"),
    ("김해시", "2020-05-22"), ("제주특별자치도", "2005-06-13"), ("제주특별자치도", "2015-02-10"),
    ("제주특별자치도", "2023-02-03"), ("계룡시", "2020-05-11"), ("무주군", "2019-12-04"), ("충청북도", "2008-07-11"),
    ("충청북도", "2023-06-10"), ("완주군", "2012-07-16"), ("완주군", "2019-12-04"),
]


def select(live_server: str, query: str) -> list[dict[str, str]]:
    resp = requests.post(f"{live_server}/sparql", data={"query": query}, headers=ACCEPT, timeout=120)
    assert resp.status_code == 200, resp.text
    return [{k: v["value"] for k, v in b.items()} for b in resp.json()["results"]["bindings"]]


def test_readme_join_agreements_of_regions_whose_passages_speak_of_youth_exchange(live_server: str) -> None:
    rows = select(live_server, example("youth-exchange-agreements")["query"])
    assert [(r["region"], r["date"]) for r in rows] == YOUTH_AGREEMENTS
    relevance = [float(r["relevance"]) for r in rows]
    assert relevance == sorted(relevance, reverse=True)


def test_search_binds_what_api_search_returns(live_server: str) -> None:
    api = requests.get(f"{live_server}/api/search", params={"q": "청소년 교류", "k": 5, "mode": "lexical"},
                       timeout=60).json()["hits"]
    rows = select(live_server, """SELECT ?hit ?score ?doc ?from ?to ?text WHERE {
      SERVICE gy:search { ?hit gy:query "청소년 교류" ; gy:limit 5 ; gy:mode "lexical" ; gy:score ?score ;
                          gy:doc ?doc ; gy:lineStart ?from ; gy:lineEnd ?to ; gy:text ?text . } }
      ORDER BY DESC(?score) ?from""")
    assert [(r["doc"].rsplit("/", 1)[-1], int(r["from"]), int(r["to"]), r["text"]) for r in rows] == [
        (h["doc"], h["line_start"], h["line_end"], h["text"]) for h in api]
    assert [round(float(r["score"]), 4) for r in rows] == [h["score"] for h in api]
    about = select(live_server, """SELECT ?from ?entity WHERE {
      SERVICE gy:search { ?hit gy:query "청소년 교류" ; gy:limit 5 ; gy:mode "lexical" ; gy:lineStart ?from ;
                          gy:about ?entity . } }""")
    assert sorted((int(r["from"]), r["entity"]) for r in about) == sorted(
        (h["line_start"], e["iri"]) for h in api for e in h["entities"])
    first = api[0]
    assert rows[0]["hit"] == (f"https://w3id.org/gyoryu/id/source/{first['doc'].rsplit('.', 1)[0]}/"
                              f"L{first['line_start']}-L{first['line_end']}")


def test_about_joins_entities_with_their_types(live_server: str) -> None:
    rows = select(live_server, """SELECT DISTINCT ?entity WHERE {
      SERVICE gy:search { ?hit gy:query "청소년 교류" ; gy:limit 3 ; gy:about ?entity . }
      ?entity a gy:SubCommittee }""")
    assert [r["entity"] for r in rows] == ["https://w3id.org/gyoryu/id/subcommittee/near-education-culture"]


def test_similar_ranks_as_partners_like(live_server: str) -> None:
    api = requests.get(f"{live_server}/api/partners/like", params={"region": "충청북도", "k": 10}, timeout=60).json()
    rows = select(live_server, example("like-chungbuk")["query"])
    assert [r["region"] for r in rows] == [p["label"] for p in api["partners"]]
    assert len(rows) == 10
    assert {r["region"]: int(r["agreements"]) for r in rows}["경상북도"] == 3


def test_similar_by_need_ranks_regions_as_partner_finding(live_server: str) -> None:
    api = requests.get(f"{live_server}/api/partners", params={"q": "재난 구호 협력", "k": 5, "type": "region"},
                       timeout=60).json()
    rows = select(live_server, """SELECT ?r ?score WHERE {
      SERVICE gy:similar { ?r gy:need "재난 구호 협력" ; gy:limit 5 ; gy:score ?score } } ORDER BY DESC(?score)""")
    assert [r["r"] for r in rows] == [p["iri"] for p in api["partners"]]
    assert all(r["r"].startswith(REGION) for r in rows)


@pytest.mark.parametrize(("query", "message"), [
    ('SELECT * { SERVICE gy:search { ?h gy:query "x" ; gy:limit 500 } }', "gy:limit must be from 1 to"),
    ('SELECT * { SERVICE gy:search { ?h gy:query "x" ; gy:mode "fuzzy" } }', "mode must be one of"),
    ("SELECT * { SERVICE gy:similar { ?r gy:like region:kr-nowhere } }", "unknown region"),
    ("SELECT * { SERVICE gy:search { ?h gy:query ?q } }", "give a constant"),
    ("SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
    ('SELECT * { SERVICE gy:search { ?h gy:query "x" } SERVICE <http://example.org/> { ?s ?p ?o } }',
     "SERVICE is not allowed"),
])
def test_bad_services_are_400(live_server: str, query: str, message: str) -> None:
    resp = requests.post(f"{live_server}/sparql", data={"query": query}, headers=ACCEPT, timeout=60)
    assert resp.status_code == 400
    assert resp.json()["error"]["code"] == "bad_query"
    assert message in resp.json()["error"]["message"]


def test_cli_runs_search_inside_sparql(data_dir: Path, live_server: str) -> None:
    api = requests.get(f"{live_server}/api/partners/like", params={"region": "충청북도", "k": 10}, timeout=60).json()
    query = example("like-chungbuk")["query"]
    proc = gyoryu("sparql", query, "--format", "json", data=data_dir)
    regions = [b["region"]["value"] for b in json.loads(proc.stdout)["results"]["bindings"]]
    assert regions == [p["label"] for p in api["partners"]] and len(regions) == 10
    table = gyoryu("sparql", query, data=data_dir).stdout
    assert table.splitlines()[2].startswith(regions[0] + " ") and "(10 rows)" in table
    youth = gyoryu("sparql", example("youth-exchange-agreements")["query"], "--format", "csv", data=data_dir).stdout
    assert youth.splitlines()[:2] == ["region,date,relevance", "경상북도,2008-09-11,0.6058"]
    bad = gyoryu("sparql", 'SELECT * { SERVICE gy:search { ?h gy:limit 3 } }', data=data_dir, check=False)
    assert bad.returncode == 1
    assert bad.stderr.strip() == "gyoryu sparql: error: gy:search needs exactly one of gy:query"


def test_the_search_counts_against_the_query_time_limit(live_server: str) -> None:
    query = 'SELECT * { SERVICE gy:search { ?h gy:query "청소년 교류" ; gy:mode "dense" ; gy:score ?s } }'
    resp = requests.post(f"{live_server}/sparql", data={"query": query, "timeout": "0.001"}, headers=ACCEPT,
                         timeout=60)
    assert resp.status_code == 503
    assert resp.json()["error"]["code"] == "query_timeout"
    assert len(select(live_server, query)) == 10
