"""Datasets over real HTTP with real clients: the union default graph as a set, protocol datasets,
FROM / FROM NAMED, the ``timeout`` parameter, and Graph Store Protocol reads."""

from __future__ import annotations

import json
import statistics
import threading
import time

import pytest
import requests
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from tests.api.conftest import SEOUL_DOC

ID = "https://w3id.org/gyoryu/id/"
GRAPH = ID + "graph/"
SEOUL_GRAPH = GRAPH + SEOUL_DOC
REGISTRY = GRAPH + "registry"
NOT_HELD = "http://example.org/not-held"
ENVIRONMENT = ID + "subcommittee/near-environment"
#: The two NEAR documents that both state the sub-committees' names.
NEAR_GRAPHS = {GRAPH + "002_034c79dc83e9e66f.txt", GRAPH + "003_f806944ff0a1a74c.txt"}
AGREEMENTS = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a gy:Agreement }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def select(live_server: str, query: str, default: tuple[str, ...] = (), named: tuple[str, ...] = ()) -> list[dict]:
    """Rows of a SELECT sent by SPARQLWrapper, with protocol graphs, as ``{var: value}``."""
    sparql = SPARQLWrapper(f"{live_server}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(JSON)
    for iri in default:
        sparql.addDefaultGraph(iri)
    for iri in named:
        sparql.addNamedGraph(iri)
    bindings = sparql.queryAndConvert()["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def count(live_server: str, query: str, **graphs: tuple[str, ...]) -> int:
    return int(select(live_server, query, **graphs)[0]["n"])


def test_union_default_graph_states_each_triple_once(live_server: str) -> None:
    rows = select(live_server, f"SELECT ?label WHERE {{ <{ENVIRONMENT}> rdfs:label ?label }}")
    assert sorted(r["label"] for r in rows) == ["Environment Sub-Committee", "환경분과위원회"]
    sources = select(live_server,
                     f'SELECT ?g WHERE {{ GRAPH ?g {{ <{ENVIRONMENT}> rdfs:label "환경분과위원회"@ko }} }}')
    assert {r["g"] for r in sources} == NEAR_GRAPHS
    (totals,) = select(live_server, "SELECT (COUNT(*) AS ?all) (COUNT(DISTINCT *) AS ?distinct) "
                                    "WHERE { ?s ?p ?o }")
    assert totals["all"] == totals["distinct"]
    (stated,) = select(live_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(stated["n"]) > int(totals["all"])  # some triples are stated in several documents


def test_default_graph_uri_selects_held_graphs_and_overrides_from(live_server: str) -> None:
    in_seoul = count(live_server, f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH <{SEOUL_GRAPH}> "
                                  "{ ?a a gy:Agreement } }")
    assert in_seoul >= 85
    assert count(live_server, AGREEMENTS, default=(SEOUL_GRAPH,)) == in_seoul
    assert count(live_server, AGREEMENTS, default=(REGISTRY,)) == 0
    assert count(live_server, AGREEMENTS, default=(NOT_HELD,)) == 0
    from_seoul = AGREEMENTS.replace("WHERE", f"FROM <{SEOUL_GRAPH}> WHERE")
    assert count(live_server, from_seoul) == in_seoul
    assert count(live_server, from_seoul, default=(REGISTRY,)) == 0  # the protocol's dataset wins


def test_default_graph_merged_from_several_graphs_is_a_set(live_server: str) -> None:
    """Both NEAR documents state the sub-committee's labels: their merge holds each label once."""
    labels = f"SELECT ?label WHERE {{ <{ENVIRONMENT}> rdfs:label ?label }} ORDER BY ?label"
    expected = ["Environment Sub-Committee", "환경분과위원회"]
    assert [r["label"] for r in select(live_server, labels, default=tuple(sorted(NEAR_GRAPHS)))] == expected
    stated = " ".join(f"FROM <{g}>" for g in sorted(NEAR_GRAPHS))
    from_both = labels.replace("WHERE", f"{stated} FROM NAMED <{SEOUL_GRAPH}> WHERE")
    assert [r["label"] for r in select(live_server, from_both)] == expected
    graphs = f"SELECT DISTINCT ?g {stated} FROM NAMED <{SEOUL_GRAPH}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert [r["g"] for r in select(live_server, graphs)] == [SEOUL_GRAPH]
    (totals,) = select(live_server, f"SELECT (COUNT(*) AS ?all) (COUNT(DISTINCT *) AS ?distinct) {stated} "
                                    "WHERE { ?s ?p ?o }")
    assert totals["all"] == totals["distinct"]


def test_named_graph_uri_limits_graph_and_from_named(live_server: str) -> None:
    listed = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    assert [r["g"] for r in select(live_server, listed, named=(REGISTRY, NOT_HELD))] == [REGISTRY]
    from_named = listed.replace("WHERE", f"FROM NAMED <{SEOUL_GRAPH}> WHERE")
    assert [r["g"] for r in select(live_server, from_named)] == [SEOUL_GRAPH]
    assert count(live_server, AGREEMENTS, named=(SEOUL_GRAPH,)) == 0  # no default graph named: empty


def test_rdflib_graph_over_one_named_graph(live_server: str) -> None:
    """rdflib's SPARQLStore sends a graph's identifier as ``default-graph-uri``."""
    store = SPARQLStore(f"{live_server}/sparql", returnFormat="json")
    registry = Graph(store=store, identifier=URIRef(REGISTRY))
    seoul = URIRef(ID + "region/kr-seoul")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    assert Literal("서울특별시", lang="ko") in set(registry.objects(seoul, label))
    agreement = URIRef("https://w3id.org/gyoryu/ontology#Agreement")
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    assert not list(registry.subjects(rdf_type, agreement))
    assert list(Graph(store=store, identifier=URIRef(SEOUL_GRAPH)).subjects(rdf_type, agreement))


def test_timeout_parameter_stops_a_query_sooner(live_server: str, settings) -> None:
    started = time.monotonic()
    resp = requests.get(f"{live_server}/sparql", params={"query": RUNAWAY, "timeout": "0.5"}, timeout=60)
    elapsed = time.monotonic() - started
    assert resp.status_code == 503 and resp.json()["error"]["code"] == "query_timeout"
    assert elapsed < settings.query_timeout / 2
    capped = requests.get(f"{live_server}/sparql", params={"query": "ASK {}", "timeout": "1e9"}, timeout=60)
    assert capped.json()["boolean"] is True


def test_other_queries_answer_while_two_runaways_run(live_server: str) -> None:
    """Two runaway queries hold two workers; cheap queries keep answering from the third."""
    ask = f"ASK {{ <{ENVIRONMENT}> rdfs:label ?l }}"
    assert requests.get(f"{live_server}/sparql", params={"query": ask}, timeout=120).ok  # the pool is up
    runaways = [threading.Thread(target=requests.get, kwargs={
        "url": f"{live_server}/sparql", "params": {"query": RUNAWAY, "timeout": "6"}, "timeout": 60})
        for _ in range(2)]
    for thread in runaways:
        thread.start()
    time.sleep(0.5)
    took = []
    for _ in range(25):
        started = time.perf_counter()
        resp = requests.get(f"{live_server}/sparql", params={"query": ask, "format": "json"}, timeout=60)
        took.append(time.perf_counter() - started)
        assert resp.json()["boolean"] is True
    busy = any(thread.is_alive() for thread in runaways)
    for thread in runaways:
        thread.join()
    assert busy  # the runaways were still running while the cheap queries were measured
    print(f"\nASK under two runaway queries: median {statistics.median(took) * 1000:.1f} ms, "
          f"max {max(took) * 1000:.1f} ms")
    assert statistics.median(took) < 0.5


# -- Graph Store Protocol, read side -------------------------------------------------------------------

def _graph_size(live_server: str, name: str) -> int:
    return count(live_server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")


@pytest.mark.parametrize(("accept", "media", "rdflib_format"), [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/trig", "application/trig", "trig"),
])
def test_graph_store_get_returns_the_graph(live_server: str, accept: str, media: str, rdflib_format: str) -> None:
    resp = requests.get(f"{live_server}/sparql/graph", params={"graph": SEOUL_GRAPH}, headers={"Accept": accept},
                        timeout=60)
    assert resp.status_code == 200 and resp.headers["Content-Type"].split(";")[0] == media
    if rdflib_format == "trig":
        dataset = Dataset().parse(data=resp.text, format="trig")
        triples = set(dataset.graph(URIRef(SEOUL_GRAPH)))
    else:
        triples = set(Graph().parse(data=resp.text, format=rdflib_format))
    assert len(triples) == _graph_size(live_server, SEOUL_GRAPH)
    first = URIRef(ID + "agreement/kr-seoul--kr-jeonnam--2004-12-17")
    assert any(s == first for s, _, _ in triples)


def test_graph_store_default_graph_is_the_union_set(live_server: str) -> None:
    resp = requests.get(f"{live_server}/sparql/graph?default", headers={"Accept": "application/n-triples"},
                        timeout=60)
    graph = Graph().parse(data=resp.text, format="nt")
    assert len(graph) == count(live_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert len(resp.text.strip().splitlines()) == len(graph)  # no triple twice


def test_graph_store_head_and_errors(live_server: str) -> None:
    url = f"{live_server}/sparql/graph"
    head = requests.head(url, params={"graph": REGISTRY}, headers={"Accept": "text/turtle"}, timeout=60)
    assert head.status_code == 200 and head.headers["Content-Type"].startswith("text/turtle") and not head.content
    assert int(head.headers["Content-Length"]) > 1000
    for method in ("PUT", "POST", "DELETE", "PATCH"):
        resp = requests.request(method, url, params={"graph": REGISTRY}, data=b"<a> <b> <c> .",
                                headers={"Content-Type": "text/turtle"}, timeout=60)
        assert resp.status_code == 405, method
        assert {"GET", "HEAD"} <= set(resp.headers["Allow"].replace(" ", "").split(","))
        assert resp.json()["error"]["code"] == "method_not_allowed"
    missing = requests.get(url, params={"graph": NOT_HELD}, timeout=60)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "graph_not_found"
    both = requests.get(url + "?default", params={"graph": REGISTRY}, timeout=60)
    assert both.status_code == 400 and json.loads(both.content)["error"]["code"] == "invalid_request"
    assert requests.get(url, timeout=60).json()["error"]["code"] == "missing_graph"
