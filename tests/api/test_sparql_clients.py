"""Real SPARQL clients against the live endpoint: SPARQLWrapper in every format, rdflib's SPARQLStore."""

from __future__ import annotations

import csv
import io

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from tests.api.conftest import JEONNAM, SEOUL

GY = "https://w3id.org/gyoryu/ontology#"
SELECT = f"""PREFIX gy: <{GY}>
SELECT ?date WHERE {{ ?a a gy:Agreement ; gy:party <{SEOUL}>, <{JEONNAM}> ; gy:signedOn ?date }} ORDER BY ?date"""
CONSTRUCT = f"""PREFIX gy: <{GY}>
CONSTRUCT {{ ?a gy:signedOn ?d }} WHERE {{ ?a gy:party <{SEOUL}>, <{JEONNAM}> ; gy:signedOn ?d }}"""
FIRST = URIRef("https://w3id.org/gyoryu/id/agreement/kr-seoul--kr-jeonnam--2004-12-17")


def wrapper(live_server: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{live_server}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_json(live_server: str, method: str) -> None:
    result = wrapper(live_server, SELECT, JSON, method).queryAndConvert()
    assert [b["date"]["value"] for b in result["results"]["bindings"]][0] == "2004-12-17"
    assert result["results"]["bindings"][0]["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"


def test_sparqlwrapper_xml(live_server: str) -> None:
    doc = wrapper(live_server, SELECT, XML).queryAndConvert()
    literals = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert literals[0] == "2004-12-17"


def test_sparqlwrapper_csv(live_server: str) -> None:
    body = wrapper(live_server, SELECT, CSV).queryAndConvert().decode()
    assert [row["date"] for row in csv.DictReader(io.StringIO(body))][0] == "2004-12-17"


def test_sparqlwrapper_tsv(live_server: str) -> None:
    body = wrapper(live_server, SELECT, TSV).queryAndConvert().decode()
    lines = body.strip().split("\n")
    assert lines[0] == "?date"
    assert lines[1].startswith('"2004-12-17"')


def test_sparqlwrapper_ask(live_server: str) -> None:
    result = wrapper(live_server, f"ASK {{ <{SEOUL}> <{GY}signedWith> <{JEONNAM}> }}", JSON).queryAndConvert()
    assert result["boolean"] is True


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, RDFXML, XML])
def test_sparqlwrapper_construct(live_server: str, fmt: str) -> None:
    graph = wrapper(live_server, CONSTRUCT, fmt).queryAndConvert()
    if isinstance(graph, bytes):  # SPARQLWrapper leaves Turtle/N3 as text
        graph = Graph().parse(data=graph.decode(), format="turtle")
    assert (FIRST, URIRef(GY + "signedOn"), Literal("2004-12-17", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))) in graph


def test_sparqlwrapper_construct_as_ntriples(live_server: str) -> None:
    sparql = wrapper(live_server, CONSTRUCT, N3)
    sparql.setOnlyConneg(True)
    sparql.addCustomHttpHeader("Accept", "application/n-triples")
    response = sparql.query()
    assert response.response.headers["Content-Type"] == "application/n-triples"
    graph = Graph().parse(data=response.response.read().decode(), format="nt")
    assert any(s == FIRST for s, _, _ in graph)


def test_rdflib_sparqlstore(live_server: str) -> None:
    store = SPARQLStore(f"{live_server}/sparql", returnFormat="json")
    graph = Graph(store=store)
    rows = list(graph.query(SELECT))
    assert str(rows[0][0]) == "2004-12-17"
    assert (URIRef(SEOUL), URIRef(GY + "signedWith"), URIRef(JEONNAM)) in graph
    label = graph.value(URIRef(SEOUL), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), any=True)
    assert label is not None
    constructed = graph.query(CONSTRUCT).graph
    assert any(s == FIRST for s, _, _ in constructed)


def test_rdflib_sparqlstore_default_xml(live_server: str) -> None:
    graph = Graph(store=SPARQLStore(f"{live_server}/sparql"))
    assert str(list(graph.query(SELECT))[0][0]) == "2004-12-17"
    constructed = graph.query(CONSTRUCT).graph
    assert any(s == FIRST for s, _, _ in constructed)
