"""Bounded inputs over real HTTP (waitress): every limit answers 400/413/414/431 in the API's JSON error shape."""

from __future__ import annotations

import pytest
import requests

from api.limits import server_limits
from tests.api.conftest import SEOUL_DOC

#: One path of each kind: JSON API, SPARQL, entity page, document view, the page itself.
PATHS = ["/api/search", "/sparql", "/id/region/kr-seoul", f"/doc/{SEOUL_DOC}", "/"]


def error_of(resp: requests.Response, status: int) -> str:
    assert resp.status_code == status, resp.text[:300]
    assert resp.headers["Content-Type"].startswith("application/json")
    error = resp.json()["error"]
    assert set(error) == {"code", "message"} and error["message"]
    return error["code"]


def test_a_100000_character_ascii_q_gets_the_api_400(live_server: str, settings) -> None:
    resp = requests.get(f"{live_server}/api/search", params={"q": "a" * 100_000}, timeout=60)
    assert error_of(resp, 400) == "invalid_parameter"
    assert f"the limit is {settings.max_text_length}" in resp.json()["error"]["message"]


def test_a_100000_character_korean_q_gets_json_414_not_waitress_text(live_server: str, settings) -> None:
    q = "교" * 100_000  # 900,000 bytes percent-encoded: over the app's URL limit, under waitress's
    assert len(requests.models.RequestEncodingMixin._encode_params({"q": q})) > settings.max_url_bytes
    resp = requests.get(f"{live_server}/api/search", params={"q": q}, timeout=60)
    assert error_of(resp, 414) == "request_uri_too_large"
    assert "GYORYU_MAX_URL_BYTES" in resp.json()["error"]["message"]


@pytest.mark.parametrize("path", PATHS)
def test_long_urls_get_414_on_every_route(live_server: str, settings, path: str) -> None:
    resp = requests.get(live_server + path, params={"x": "y" * settings.max_url_bytes}, timeout=60)
    assert error_of(resp, 414) == "request_uri_too_large"
    assert resp.headers["Content-Security-Policy"].startswith("default-src 'self'")


@pytest.mark.parametrize("path", PATHS)
def test_large_headers_get_431_on_every_route(live_server: str, settings, path: str) -> None:
    resp = requests.get(live_server + path, headers={"X-Padding": "p" * settings.max_header_bytes}, timeout=60)
    assert error_of(resp, 431) == "request_header_fields_too_large"


@pytest.mark.parametrize("path", PATHS)
def test_too_many_parameters_get_400_on_every_route(live_server: str, settings, path: str) -> None:
    params = [(f"p{i}", "1") for i in range(settings.max_params + 1)]
    resp = requests.get(live_server + path, params=params, timeout=60)
    assert error_of(resp, 400) == "too_many_parameters"


def test_parameters_at_the_limit_pass(live_server: str, settings) -> None:
    params = [("q", "교류"), ("k", "2")] + [(f"p{i}", "1") for i in range(settings.max_params - 2)]
    resp = requests.get(f"{live_server}/api/search", params=params, timeout=120)
    assert resp.status_code == 200 and len(resp.json()["hits"]) == 2


def test_a_form_with_too_many_fields_gets_400(live_server: str, settings) -> None:
    form = [("query", "ASK {}")] + [(f"p{i}", "1") for i in range(settings.max_params)]
    resp = requests.post(f"{live_server}/sparql", data=form, timeout=60)
    assert error_of(resp, 400) == "too_many_parameters"


@pytest.mark.parametrize("size", ["just over the app's limit", "a megabyte"])
def test_large_bodies_get_json_413(live_server: str, settings, size: str) -> None:
    length = settings.max_body_bytes + 1 if size.startswith("just") else 1 << 20
    assert length < server_limits(settings)["max_request_body_size"]
    resp = requests.post(f"{live_server}/sparql", data=b"A" * length, timeout=60,
                         headers={"Content-Type": "application/sparql-query"})
    assert error_of(resp, 413) == "request_entity_too_large"


def test_a_large_chunked_body_gets_json_413(live_server: str, settings) -> None:
    def chunks():
        for _ in range(settings.max_body_bytes // 4096 + 2):
            yield b"A" * 4096

    resp = requests.post(f"{live_server}/sparql", data=chunks(), timeout=60,
                         headers={"Content-Type": "application/sparql-query"})
    assert error_of(resp, 413) == "request_entity_too_large"


def test_a_get_sparql_query_at_its_length_limit_fits_the_url_limit(live_server: str, settings) -> None:
    query = "ASK { ?s ?p ?o }" + "#" + "교" * (settings.max_query_length - 17)
    assert len(query) == settings.max_query_length
    resp = requests.get(f"{live_server}/sparql", params={"query": query, "format": "json"}, timeout=60)
    assert resp.status_code == 200 and resp.json()["boolean"] is True


def test_k_and_text_limits_answer_400(live_server: str, settings) -> None:
    big_k = requests.get(f"{live_server}/api/search", params={"q": "교류", "k": settings.max_k + 1}, timeout=60)
    assert error_of(big_k, 400) == "invalid_parameter"
    long_q = requests.get(f"{live_server}/api/partners", params={"q": "교" * (settings.max_text_length + 1)},
                          timeout=60)
    assert error_of(long_q, 400) == "invalid_parameter"
