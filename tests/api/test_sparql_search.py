"""Search inside SPARQL over real HTTP and the CLI: gy:search and gy:similar join the graph, on real data."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
import requests

from graph.examples import example
from tests.cli.runner import gyoryu

ACCEPT = {"Accept": "application/sparql-results+json"}
REGION = "https://w3id.org/gyoryu/id/region/"
SEOUL = REGION + "kr-seoul"
def select(live_server: str, query: str) -> list[dict[str, str]]:
    resp = requests.post(f"{live_server}/sparql", data={"query": query}, headers=ACCEPT, timeout=120)
    assert resp.status_code == 200, resp.text
    return [{k: v["value"] for k, v in b.items()} for b in resp.json()["results"]["bindings"]]


def test_readme_join_agreements_of_regions_whose_passages_speak_of_youth_exchange(live_server: str) -> None:
    rows = select(live_server, example("youth-exchange-agreements")["query"])
    # The same answer put together by hand: the search API's 20 hits, their entities, Seoul's agreements.
    hits = requests.get(f"{live_server}/api/search", params={"q": "청소년 교류", "k": 20}, timeout=60).json()["hits"]
    best: dict[str, float] = {}
    for hit in hits:
        for entity in hit["entities"]:
            best[entity["iri"]] = max(best.get(entity["iri"], 0.0), hit["score"])
    best.pop(SEOUL, None)
    values = " ".join(f"<{iri}>" for iri in best)
    signed = select(live_server, f"""SELECT ?r ?region ?date WHERE {{ VALUES ?r {{ {values} }}
      ?a a gy:Agreement ; gy:party ?r, <{SEOUL}> ; gy:signedOn ?date .
      ?r rdfs:label ?region FILTER(LANG(?region) = "ko") }}""")
    expected = sorted({(r["region"], r["date"], best[r["r"]]) for r in signed}, key=lambda t: (-t[2], t[0], t[1]))
    assert [(r["region"], r["date"], float(r["relevance"])) for r in rows] == expected
    # Seoul's table row with 충청북도 lists 청소년 among its fields (line 300): it is found, with both signings.
    assert {("충청북도", "2008-07-11"), ("충청북도", "2023-06-10")} <= {(r["region"], r["date"]) for r in rows}


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
    over_http = select(live_server, example("youth-exchange-agreements")["query"])
    assert youth.splitlines() == ["region,date,relevance"] + [
        f"{r['region']},{r['date']},{r['relevance']}" for r in over_http]
    bad = gyoryu("sparql", 'SELECT * { SERVICE gy:search { ?h gy:limit 3 } }', data=data_dir, check=False)
    assert bad.returncode == 1
    assert bad.stderr.strip() == "gyoryu sparql: error: gy:search needs exactly one of gy:query"


def test_the_search_counts_against_the_query_time_limit(live_server: str) -> None:
    # a question never asked before, so the search has to embed it (a cached one can answer within 1 ms)
    query = f'SELECT * {{ SERVICE gy:search {{ ?h gy:query "청소년 교류 {uuid.uuid4().hex[:8]}" ; gy:mode "dense" ; ' \
            'gy:score ?s } }'
    resp = requests.post(f"{live_server}/sparql", data={"query": query, "timeout": "0.001"}, headers=ACCEPT,
                         timeout=60)
    assert resp.status_code == 503
    assert resp.json()["error"]["code"] == "query_timeout"
    assert len(select(live_server, query)) == 10
