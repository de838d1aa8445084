"""SPARQL 1.1 Protocol over real HTTP: the three ways to send a query, formats, negotiation, errors."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
import requests
from rdflib import Graph, Literal, URIRef

from tests.api.conftest import JEONNAM, SEOUL

PREFIXES = "PREFIX gy: <https://w3id.org/gyoryu/ontology#>\n"
SEOUL_JEONNAM = PREFIXES + f"""SELECT ?date WHERE {{
  ?a a gy:Agreement ; gy:party <{SEOUL}>, <{JEONNAM}> ; gy:signedOn ?date }} ORDER BY ?date"""
CONSTRUCT = PREFIXES + f"CONSTRUCT {{ <{SEOUL}> gy:signedWith ?p }} WHERE {{ <{SEOUL}> gy:signedWith ?p }}"
ASK = PREFIXES + f"ASK {{ <{SEOUL}> gy:signedWith <{JEONNAM}> }}"
SPARQL_CLIENT_ACCEPT = "application/sparql-results+json, application/json;q=0.9, */*;q=0.1"


def dates_from_json(body: bytes) -> list[str]:
    return [b["date"]["value"] for b in json.loads(body)["results"]["bindings"]]


def error_of(resp: requests.Response) -> dict:
    assert resp.headers["Content-Type"].startswith("application/json")
    return resp.json()["error"]


def test_get_post_form_and_post_direct_agree(live_server: str) -> None:
    url = f"{live_server}/sparql"
    accept = {"Accept": "application/sparql-results+json"}
    answers = [
        requests.get(url, params={"query": SEOUL_JEONNAM}, headers=accept, timeout=30),
        requests.post(url, data={"query": SEOUL_JEONNAM}, headers=accept, timeout=30),
        requests.post(url, data=SEOUL_JEONNAM.encode(), timeout=30,
                      headers={**accept, "Content-Type": "application/sparql-query; charset=utf-8"}),
    ]
    for resp in answers:
        assert resp.status_code == 200
        assert resp.headers["Content-Type"] == "application/sparql-results+json"
        assert dates_from_json(resp.content)[0] == "2004-12-17"
        assert "Accept" in resp.headers["Vary"]


@pytest.mark.parametrize(("accept", "media"), [
    (SPARQL_CLIENT_ACCEPT, "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/*;q=0.5, text/csv;q=0", "text/tab-separated-values"),
    ("application/xml;q=0.5, application/json;q=0.4", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_negotiates_by_quality(live_server: str, accept: str, media: str) -> None:
    resp = requests.get(f"{live_server}/sparql", params={"query": SEOUL_JEONNAM}, headers={"Accept": accept},
                        timeout=30)
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].split(";")[0] == media
    assert "2004-12-17" in resp.text


def test_select_formats_carry_the_same_rows(live_server: str) -> None:
    def fetch(fmt: str) -> str:
        resp = requests.get(f"{live_server}/sparql", params={"query": SEOUL_JEONNAM, "format": fmt}, timeout=30)
        assert resp.status_code == 200, resp.text
        return resp.text

    from_json = dates_from_json(fetch("json").encode())
    root = ET.fromstring(fetch("xml"))
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    from_xml = [lit.text for lit in root.findall(".//r:binding[@name='date']/r:literal", ns)]
    from_csv = [row["date"] for row in csv.DictReader(io.StringIO(fetch("csv")))]
    tsv_lines = fetch("tsv").strip().split("\n")
    assert tsv_lines[0] == "?date"
    assert from_json == from_xml == from_csv == ["2004-12-17"]
    assert tsv_lines[1].startswith('"2004-12-17"^^')


@pytest.mark.parametrize(("accept", "media", "rdflib_format"), [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    (SPARQL_CLIENT_ACCEPT, "application/ld+json", "json-ld"),
    ("application/sparql-results+json, */*;q=0.1", "text/turtle", "turtle"),
    ("application/sparql-results+json", "text/turtle", "turtle"),
])
def test_construct_answers_with_an_rdf_type(live_server: str, accept: str, media: str, rdflib_format: str) -> None:
    resp = requests.get(f"{live_server}/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept},
                        timeout=30)
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].split(";")[0] == media
    graph = Graph().parse(data=resp.content, format=rdflib_format)
    signed_with = URIRef("https://w3id.org/gyoryu/ontology#signedWith")
    assert (URIRef(SEOUL), signed_with, URIRef(JEONNAM)) in graph
    assert len(graph) > 50


def test_ask(live_server: str) -> None:
    resp = requests.post(f"{live_server}/sparql", data={"query": ASK}, headers={"Accept": SPARQL_CLIENT_ACCEPT},
                         timeout=30)
    assert resp.status_code == 200
    assert resp.json() == {"head": {}, "boolean": True}
    # Server-Timing: the query worker's round trip and its own run of the query, in ms (what the bench splits by)
    timing = resp.headers["Server-Timing"]
    trip, run = map(float, re.fullmatch(r"query;dur=(\d+\.\d\d), run;dur=(\d+\.\d\d)", timing).groups())
    assert 0 < run <= trip, timing


def test_describe_is_rdf(live_server: str) -> None:
    resp = requests.get(f"{live_server}/sparql", params={"query": f"DESCRIBE <{SEOUL}>"},
                        headers={"Accept": "text/turtle"}, timeout=30)
    assert resp.status_code == 200
    graph = Graph().parse(data=resp.text, format="turtle")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    assert (URIRef(SEOUL), label, Literal("서울특별시", lang="ko")) in graph


def test_named_graphs_are_queryable(live_server: str) -> None:
    query = PREFIXES + f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a gy:party <{JEONNAM}> }} }}"
    resp = requests.get(f"{live_server}/sparql", params={"query": query, "format": "json"}, timeout=30)
    graphs = [b["g"]["value"] for b in resp.json()["results"]["bindings"]]
    assert "https://w3id.org/gyoryu/id/graph/001_4aac3573a45a98c8.txt" in graphs


@pytest.mark.parametrize(("kwargs", "status", "code"), [
    ({"params": {"query": "SELEC ?x WHERE { ?x ?y ?z }"}}, 400, "bad_query"),
    ({"params": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, 400, "bad_query"),
    ({"params": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, 400, "update_not_allowed"),
    ({"params": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}}, 400, "bad_query"),
    ({"params": {"query": ["ASK {}", "ASK {}"]}}, 400, "invalid_request"),
    ({"params": {"query": "ASK {}", "default-graph-uri": "no iri"}}, 400, "invalid_graph_uri"),
    ({"params": {"query": "ASK {}", "timeout": "-1"}}, 400, "invalid_timeout"),
    ({"params": {"query": "ASK {}", "timeout": "soon"}}, 400, "invalid_timeout"),
    ({"params": {"query": "ASK {}", "format": "png"}}, 400, "unknown_format"),
    ({"params": {"query": CONSTRUCT, "format": "csv"}}, 400, "unknown_format"),
    ({"params": {"query": "   "}}, 400, "bad_query"),
    ({"headers": {"Accept": "application/json"}}, 400, "missing_query"),
    ({"params": {"query": ASK}, "headers": {"Accept": "image/png"}}, 406, "not_acceptable"),
    ({"params": {"query": CONSTRUCT}, "headers": {"Accept": "image/png"}}, 406, "not_acceptable"),
])
def test_get_errors_are_json(live_server: str, kwargs: dict, status: int, code: str) -> None:
    resp = requests.get(f"{live_server}/sparql", timeout=30, **kwargs)
    assert resp.status_code == status
    assert error_of(resp)["code"] == code


@pytest.mark.parametrize(("body", "content_type", "status", "code"), [
    (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update", 400, "update_not_allowed"),
    (b"update=DELETE+WHERE+%7B%3Fs+%3Fp+%3Fo%7D", "application/x-www-form-urlencoded", 400, "update_not_allowed"),
    (b"SELECT * WHERE { ?s ?p ?o }", "text/plain", 415, "unsupported_media_type"),
    (b"format=json", "application/x-www-form-urlencoded", 400, "missing_query"),
    (b"\xff\xfe", "application/sparql-query", 400, "invalid_encoding"),
])
def test_post_errors_are_json(live_server: str, body: bytes, content_type: str, status: int, code: str) -> None:
    resp = requests.post(f"{live_server}/sparql", data=body, headers={"Content-Type": content_type}, timeout=30)
    assert resp.status_code == status
    assert error_of(resp)["code"] == code


def test_other_methods_are_refused(live_server: str) -> None:
    resp = requests.put(f"{live_server}/sparql", data=b"x", timeout=30)
    assert resp.status_code == 405
    assert set(resp.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    assert error_of(resp)["code"] == "method_not_allowed"


def test_query_length_is_bounded(live_server: str, settings) -> None:
    query = "ASK {}" + " " * settings.max_query_length
    resp = requests.post(f"{live_server}/sparql", data=query.encode(), timeout=30,
                         headers={"Content-Type": "application/sparql-query"})
    assert resp.status_code == 400
    assert error_of(resp)["code"] == "query_too_long"


def test_huge_body_is_refused(live_server: str, settings) -> None:
    body = b"query=" + b"A" * (settings.max_query_length * 20)
    resp = requests.post(f"{live_server}/sparql", data=body, timeout=30,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status_code == 413
    assert error_of(resp)["code"] == "request_entity_too_large"


def test_result_size_is_bounded(live_server: str, settings) -> None:
    query = f"SELECT ?a ?b WHERE {{ ?a a ?t . ?b a ?t }} LIMIT {settings.max_results + 5}"
    resp = requests.get(f"{live_server}/sparql", params={"query": query}, timeout=30)
    assert resp.status_code == 413
    assert error_of(resp)["code"] == "result_too_large"


def test_runaway_query_is_stopped_and_the_endpoint_recovers(live_server: str) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    resp = requests.get(f"{live_server}/sparql", params={"query": runaway}, timeout=120)
    assert resp.status_code == 503
    assert error_of(resp)["code"] == "query_timeout"
    assert resp.headers["Retry-After"]
    again = requests.get(f"{live_server}/sparql", params={"query": ASK, "format": "json"}, timeout=120)
    assert again.json()["boolean"] is True


def test_browser_without_query_goes_to_the_editor(client) -> None:
    resp = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith("/#sparql")


def test_cors_allows_other_sites_to_query(client) -> None:
    resp = client.get("/sparql", query_string={"query": ASK}, headers={"Origin": "https://example.org"})
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
