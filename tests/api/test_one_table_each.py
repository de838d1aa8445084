"""One table for each list: output formats (``graph/result_formats.py``), search modes (``index/modes.py``) and
partner kinds (``graph/entity_kinds.py``). The CLI choices, ``/sparql`` and ``/id/…`` negotiation, the API's
validation and ``/openapi.json`` all follow them — every name, alias and media type of a row is honoured."""

from __future__ import annotations

import pytest

from graph.entity_kinds import PARTNER_KINDS
from graph.result_formats import CLI, ENTITY, FORMATS, SPARQL, formats_for, offered
from gyoryu.cli import build_parser
from index.modes import DEFAULT_MODE, MODES
from tests.api.conftest import SEOUL

SELECT = "SELECT ?s WHERE { ?s a <https://w3id.org/gyoryu/ontology#Region> } LIMIT 2"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { BIND(<https://w3id.org/gyoryu/id/region/kr-seoul> AS ?s) ?s ?p ?o }"
SEOUL_PATH = "/id/" + SEOUL.split("/id/", 1)[1]


def _names_and_types(where: str, family: str | None = None) -> list[tuple[str, str]]:
    """(value a client may send, media type it must get) for every row offered at ``where``."""
    pairs = []
    for f in offered(where):
        if family and f.family != family:
            continue
        pairs += [(value, f.media_type) for value in (f.name, *f.aliases, f.media_type)]
    return pairs


def _option(command: str, dest: str):
    parser = build_parser()._subparsers._group_actions[0].choices[command]  # noqa: SLF001 - argparse
    return next(a for a in parser._actions if a.dest == dest)  # noqa: SLF001


def test_cli_choices_are_the_rows_offered_to_the_cli() -> None:
    choices = _option("sparql", "format").choices
    assert list(choices) == [f.name for f in FORMATS if CLI in f.offered]
    assert set(choices) == {"json", "xml", "csv", "tsv", "table", "turtle", "ntriples", "jsonld"}


def test_modes_and_partner_kinds_have_one_table_each(client) -> None:
    assert MODES == ("hybrid", "dense", "lexical") and DEFAULT_MODE == "hybrid"
    assert PARTNER_KINDS == ("region", "organization")
    mode, kind = _option("search", "mode"), _option("partners", "type")
    assert (tuple(mode.choices), mode.default, tuple(kind.choices)) == (MODES, DEFAULT_MODE, PARTNER_KINDS)
    paths = client.get("/openapi.json").get_json()["paths"]
    params = {p["name"]: p["schema"] for p in paths["/api/search"]["get"]["parameters"]}
    assert (params["mode"]["enum"], params["mode"]["default"]) == (list(MODES), DEFAULT_MODE)
    params = {p["name"]: p["schema"] for p in paths["/api/partners"]["get"]["parameters"]}
    assert params["type"]["enum"] == list(PARTNER_KINDS)
    for name, value in (("mode", "semantic"), ("type", "country")):
        resp = client.get("/api/search" if name == "mode" else "/api/partners", query_string={"q": "협력", name: value})
        assert resp.status_code == 400
        assert ", ".join(MODES if name == "mode" else PARTNER_KINDS) in resp.get_json()["error"]["message"]


@pytest.mark.parametrize(("value", "media"), _names_and_types(SPARQL, "results"))
def test_sparql_select_format_parameter(client, value: str, media: str) -> None:
    resp = client.get("/sparql", query_string={"query": SELECT, "format": value})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert resp.mimetype == media


@pytest.mark.parametrize(("value", "media"), _names_and_types(SPARQL, "graph"))
def test_sparql_construct_format_parameter(client, value: str, media: str) -> None:
    resp = client.get("/sparql", query_string={"query": CONSTRUCT, "format": value})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert resp.mimetype == media


@pytest.mark.parametrize("fmt", [f for f in FORMATS if SPARQL in f.offered], ids=lambda f: f.name)
def test_sparql_accept_header_for_every_media_type_of_a_row(client, fmt) -> None:
    query = CONSTRUCT if fmt in formats_for("graph") else SELECT
    for media in (fmt.media_type, *fmt.also_accepts):
        resp = client.get("/sparql", query_string={"query": query}, headers={"Accept": media})
        assert (resp.status_code, resp.mimetype) == (200, fmt.media_type), media


@pytest.mark.parametrize(("value", "media"), _names_and_types(ENTITY))
def test_entity_format_parameter(client, value: str, media: str) -> None:
    resp = client.get(SEOUL_PATH, query_string={"format": value})
    assert resp.status_code == 200
    assert resp.mimetype == media


def test_a_format_of_another_place_is_refused(client) -> None:
    resp = client.get(SEOUL_PATH, query_string={"format": "rdfxml"})
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "unknown_format"
    resp = client.get("/sparql", query_string={"query": CONSTRUCT, "format": "html"})
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "unknown_format"


def test_openapi_names_the_sparql_media_types_of_the_table(client) -> None:
    description = client.get("/openapi.json").get_json()["info"]["description"]
    for f in formats_for("select") + formats_for("graph"):
        assert f.media_type in description
