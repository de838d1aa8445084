"""ETags from the build, 304 on a matching conditional GET, and a readiness probe that notices changes cheaply."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from api.app import create_app
from tests.api.conftest import SEOUL, SEOUL_DOC

ASK = f"ASK {{ <{SEOUL}> ?p ?o }}"


def _build_id(data_dir: Path) -> str:
    return hashlib.sha256((data_dir / "manifest.json").read_bytes()).hexdigest()[:16]


def test_sparql_get_carries_an_etag_from_the_build_and_revalidates(live_server: str, data_dir: Path) -> None:
    url = f"{live_server}/sparql"
    first = requests.get(url, params={"query": ASK}, headers={"Accept": "application/sparql-results+json"},
                         timeout=60)
    tag = first.headers["ETag"]
    assert first.status_code == 200 and tag.startswith(f'W/"{_build_id(data_dir)}-')
    assert first.headers["Cache-Control"] == "public, no-cache" and "Accept" in first.headers["Vary"]
    again = requests.get(url, params={"query": ASK}, timeout=60,
                         headers={"Accept": "application/sparql-results+json", "If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == tag
    as_xml = requests.get(url, params={"query": ASK}, timeout=60,
                          headers={"Accept": "application/sparql-results+xml", "If-None-Match": tag})
    assert as_xml.status_code == 200 and as_xml.headers["ETag"] != tag  # another representation
    other = requests.get(url, params={"query": ASK + " "}, timeout=60,
                         headers={"Accept": "application/sparql-results+json", "If-None-Match": tag})
    assert other.status_code == 200
    posted = requests.post(url, data={"query": ASK}, timeout=60)
    assert posted.status_code == 200 and "ETag" not in posted.headers


@pytest.mark.parametrize("path", ["/sparql/graph?graph=https://w3id.org/gyoryu/id/graph/registry",
                                  "/id/region/kr-seoul", "/openapi.json", f"/doc/{SEOUL_DOC}?lines=3-4"])
def test_data_routes_answer_304_to_their_own_etag(live_server: str, path: str) -> None:
    first = requests.get(live_server + path, timeout=60)
    assert first.status_code == 200
    again = requests.get(live_server + path, headers={"If-None-Match": first.headers["ETag"]}, timeout=60)
    assert again.status_code == 304 and not again.content


def test_errors_are_not_tagged(live_server: str) -> None:
    resp = requests.get(f"{live_server}/sparql", params={"query": "ASK {"}, timeout=60)
    assert resp.status_code == 400 and "ETag" not in resp.headers


@pytest.fixture
def own_data(data_dir: Path, tmp_path: Path, settings):
    """A private copy of the built data (so it can be changed) and an app over it."""
    copy = tmp_path / "data"
    shutil.copytree(data_dir, copy)
    app = create_app(replace(settings, data_dir=copy, sparql_workers=1))
    yield copy, app
    app.extensions["gyoryu"].close()


def test_healthz_answers_from_the_loaded_build_and_notices_changes(own_data) -> None:
    copy, app = own_data
    client = app.test_client()
    health = client.get("/healthz")
    assert health.status_code == 200, health.get_json()
    manifest_quads = json.loads((copy / "manifest.json").read_text())["graph"]["quads"]
    assert health.get_json()["quads"] == manifest_quads and health.get_json()["build"] == _build_id(copy)
    build = app.extensions["gyoryu"].build
    hashed = build.hashes
    for _ in range(20):
        assert client.get("/healthz").status_code == 200
    assert build.hashes == hashed  # probes only stat files

    document = copy / "corpus" / SEOUL_DOC
    original = document.read_bytes()
    document.write_bytes(original + "추가된 줄\n".encode())
    stale = client.get("/healthz")
    assert stale.status_code == 503 and stale.get_json()["error"]["code"] == "stale_data"
    assert SEOUL_DOC in stale.get_json()["error"]["message"]
    assert build.hashes == hashed + 1  # the changed document alone was hashed again
    document.write_bytes(original)
    assert client.get("/healthz").status_code == 200

    manifest = copy / "manifest.json"
    manifest.write_bytes(manifest.read_bytes() + b"\n")  # what a rebuild or an ingest does to it
    rebuilt = client.get("/healthz")
    assert rebuilt.status_code == 503 and "restart the server" in rebuilt.get_json()["error"]["message"]
