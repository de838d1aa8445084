"""Linked data: ``/id/…`` in HTML, Turtle, JSON-LD, N-Triples and TriG; the document view with cited lines."""

from __future__ import annotations

import json
import re

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from tests.api.conftest import JEONNAM, SEOUL, SEOUL_DOC

FIRST = "https://w3id.org/gyoryu/id/agreement/kr-seoul--kr-jeonnam--2004-12-17"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
GY = "https://w3id.org/gyoryu/ontology#"


def path_of(iri: str) -> str:
    return "/id/" + iri.split("/id/", 1)[1]


def test_browser_gets_the_region_page(client) -> None:
    resp = client.get(path_of(SEOUL), headers={"Accept": BROWSER})
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    assert "<h1 id=\"entity-label\">서울특별시</h1>" in html
    assert "Seoul" in html
    assert 'href="/id/region/kr-jeonnam"' in html
    assert 'class="chart timeline"' in html and 'data-year="2004"' in html
    assert 'class="chart network"' in html
    assert f'href="/doc/{SEOUL_DOC}?lines=296-296#L296"' in html
    assert "Accept" in resp.headers["Vary"]


def test_agreement_page_cites_its_line(client) -> None:
    html = client.get(path_of(FIRST), headers={"Accept": BROWSER}).get_data(as_text=True)
    assert "2004-12-17" in html
    assert "전라남도" in html and "서울특별시" in html
    assert f'/doc/{SEOUL_DOC}?lines=296-296#L296' in html


def test_english_labels_on_request(client) -> None:
    resp = client.get(path_of(JEONNAM), query_string={"lang": "en"}, headers={"Accept": BROWSER})
    html = resp.get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "South Jeolla Province" in html
    assert "gyoryu_lang=en" in resp.headers["Set-Cookie"]


@pytest.mark.parametrize(("accept", "fmt", "media"), [
    ("text/turtle", "turtle", "text/turtle"),
    ("application/n-triples", "nt", "application/n-triples"),
    ("application/ld+json", "json-ld", "application/ld+json"),
    ("*/*", "turtle", "text/turtle"),
])
def test_rdf_by_accept(client, accept: str, fmt: str, media: str) -> None:
    resp = client.get(path_of(FIRST), headers={"Accept": accept})
    assert resp.status_code == 200 and resp.mimetype == media
    graph = Graph().parse(data=resp.get_data(as_text=True), format=fmt)
    agreement = URIRef(FIRST)
    assert (agreement, URIRef(GY + "party"), URIRef(JEONNAM)) in graph
    assert (agreement, URIRef(GY + "signedOn"), Literal("2004-12-17", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))) in graph
    span = graph.value(agreement, PROV_DERIVED)
    assert graph.value(span, URIRef(GY + "lineStart")).toPython() == 296


def test_jsonld_has_an_inline_context_only(client) -> None:
    resp = client.get(path_of(SEOUL), query_string={"format": "jsonld"})
    doc = json.loads(resp.get_data(as_text=True))
    context = doc["@context"]
    assert isinstance(context, dict)
    assert context["gy"] == GY
    assert not re.search(r'"@context"\s*:\s*"http', resp.get_data(as_text=True))
    graph = Graph().parse(data=resp.get_data(as_text=True), format="json-ld")
    assert (URIRef(SEOUL), RDFS_LABEL, Literal("서울특별시", lang="ko")) in graph


def test_trig_keeps_named_graphs(client) -> None:
    resp = client.get(path_of(FIRST), query_string={"format": "trig"})
    dataset = Dataset().parse(data=resp.get_data(as_text=True), format="trig")
    names = {str(g.identifier) for g in dataset.graphs()}
    assert f"https://w3id.org/gyoryu/id/graph/{SEOUL_DOC}" in names


def test_source_span_iri_opens_the_cited_lines(client) -> None:
    turtle = client.get(path_of(FIRST), headers={"Accept": "text/turtle"}).get_data(as_text=True)
    span = Graph().parse(data=turtle, format="turtle").value(URIRef(FIRST), PROV_DERIVED)
    resp = client.get(path_of(str(span)), headers={"Accept": BROWSER})
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith(f"/doc/{SEOUL_DOC}?lines=296-296#L296")


def test_document_view_numbers_and_highlights_lines(client) -> None:
    resp = client.get(f"/doc/{SEOUL_DOC}", query_string={"lines": "296-297"})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert '<li id="L296" value="296" class="hl">' in html
    assert '<li id="L297" value="297" class="hl">' in html
    assert '<li id="L298" value="298">' in html
    line = re.search(r'<li id="L296"[^>]*>.*?<span class="tx">(.*?)</span>', html).group(1)
    assert "전 라 남 도" in line and "&#39;04.12.17" in line


def test_document_iri_leads_to_the_text(client) -> None:
    resp = client.get(f"/id/doc/{SEOUL_DOC}", headers={"Accept": BROWSER})
    assert resp.status_code in (200, 303)
    if resp.status_code == 303:
        assert resp.headers["Location"].endswith(f"/doc/{SEOUL_DOC}")
    else:
        assert f'href="/doc/{SEOUL_DOC}"' in resp.get_data(as_text=True)


@pytest.mark.parametrize(("path", "accept", "status", "code"), [
    ("/id/region/kr-atlantis", "application/json", 404, "unknown_entity"),
    ("/id/region/kr-seoul", "image/png", 406, "not_acceptable"),
    ("/id/region/kr-seoul?format=pdf", "*/*", 400, "unknown_format"),
    ("/doc/nothing.txt", "application/json", 404, "unknown_document"),
    ("/doc/..%2F..%2Fpyproject.toml", "application/json", 404, "not_found"),
])
def test_unknown_things_are_404_json(client, path: str, accept: str, status: int, code: str) -> None:
    resp = client.get(path, headers={"Accept": accept})
    assert resp.status_code == status
    assert resp.get_json()["error"]["code"] == code


def test_unknown_entity_for_a_browser_is_an_escaped_page(client) -> None:
    resp = client.get("/id/region/<script>x</script>", headers={"Accept": BROWSER})
    assert resp.status_code == 404 and resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html
