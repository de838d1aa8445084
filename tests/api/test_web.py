"""The web page: Korean by default with English, example questions offered, offline assets, safe headers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import requests

from graph.examples import all_examples

STATIC = Path(__file__).resolve().parents[2] / "api" / "static"
TEMPLATES = STATIC.parent / "templates"


def test_page_is_korean_and_offers_english(client) -> None:
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="ko">' in html
    assert "검색" in html and "협력 상대 찾기" in html and "SPARQL 질의" in html
    assert 'id="lang-switch" href="/?lang=en"' in html
    english = client.get("/?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in english and "Partner finder" in english


def test_language_choice_is_remembered(client) -> None:
    client.get("/?lang=en")
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)


def test_page_offers_every_example_question(client) -> None:
    examples = all_examples()
    assert len(examples) >= 3
    html = client.get("/").get_data(as_text=True)
    embedded = json.loads(re.search(r'<script type="application/json" id="examples-data">(.*?)</script>', html,
                                    re.S).group(1))
    assert [e["query"] for e in embedded] == [e["query"] for e in examples]
    for ex in examples:
        assert f'data-example="{ex["id"]}"' in html
        assert ex["title_ko"] in html


@pytest.mark.parametrize("example", all_examples(), ids=lambda e: e["id"])
def test_every_example_query_answers(client, example: dict) -> None:
    resp = client.post("/sparql", data={"query": example["query"]},
                       headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    body = resp.get_data(as_text=True)
    assert body.strip()
    if resp.mimetype == "application/sparql-results+json":
        data = json.loads(body)
        assert data.get("boolean") is not None or data["results"]["bindings"]


def test_assets_are_local_only() -> None:
    outside = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//"""
                         r"""|@import\s+url\(\s*["']?https?:|fetch\(\s*["']https?:""")
    for path in [*STATIC.rglob("*"), *TEMPLATES.rglob("*")]:
        if path.is_file():
            assert not outside.search(path.read_text(encoding="utf-8")), f"{path.name} loads from outside"


def test_static_files_are_served(client) -> None:
    for name, media in (("app.js", "text/javascript"), ("app.css", "text/css"), ("doc.js", "text/javascript")):
        resp = client.get(f"/static/{name}")
        assert resp.status_code == 200 and resp.mimetype == media


def test_security_headers(client) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_never_debug(app) -> None:
    assert app.debug is False
    assert app.config["PROPAGATE_EXCEPTIONS"] is False


def test_query_text_is_escaped_in_pages(client) -> None:
    html = client.get("/", query_string={"lang": '"><script>alert(1)</script>'}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html


def test_openapi_and_healthz(client, data_dir: Path) -> None:
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.get_json()["status"] == "ok" and health.get_json()["quads"] > 1000
    assert client.get("/openapi.json").get_json()["info"]["title"] == "Gyoryu JSON API"


def test_healthz_without_data_says_why(tmp_path: Path, settings) -> None:
    from dataclasses import replace

    from api.app import create_app

    app = create_app(replace(settings, data_dir=tmp_path / "missing"))
    resp = app.test_client().get("/healthz")
    assert resp.status_code == 503
    assert "gyoryu build" in resp.get_json()["error"]["message"]
    search = app.test_client().get("/api/search", query_string={"q": "관광"})
    assert search.status_code == 503 and search.get_json()["error"]["code"] == "not_ready"


def test_live_server_serves_the_page(live_server: str) -> None:
    resp = requests.get(live_server + "/", timeout=30)
    assert resp.status_code == 200
    assert resp.headers["Server"] == "gyoryu-test"
