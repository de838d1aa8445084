"""The web page: Korean by default with English, example questions offered, offline assets, safe headers."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import requests

from graph.examples import all_examples

STATIC = Path(__file__).resolve().parents[2] / "api" / "static"
TEMPLATES = STATIC.parent / "templates"
VENDOR = STATIC / "vendor"


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
    """Our own assets name nothing outside (the vendored editor is pinned by hash and checked in Chromium)."""
    outside = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//"""
                         r"""|@import\s+url\(\s*["']?https?:|fetch\(\s*["']https?:""")
    for path in [*STATIC.rglob("*"), *TEMPLATES.rglob("*")]:
        if path.is_file() and VENDOR not in path.parents:
            assert not outside.search(path.read_text(encoding="utf-8")), f"{path.name} loads from outside"


def test_vendored_yasgui_is_the_pinned_mit_build(client) -> None:
    folder = VENDOR / "yasgui"
    pinned = dict(re.findall(r"^\| `([\w.]+)` \| `[^`]+` \| `([0-9a-f]{64})` \|$",
                             (folder / "README.md").read_text(encoding="utf-8"), re.M))
    assert set(pinned) == {"yasgui.min.js", "yasgui.min.css"}
    for name, digest in pinned.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
        assert client.get(f"/static/vendor/yasgui/{name}").status_code == 200
    licence = (folder / "LICENSE.txt").read_text(encoding="utf-8")
    assert licence.startswith("The MIT License (MIT)") and "WITHOUT WARRANTY OF ANY KIND" in licence
    assert sorted(p.name for p in folder.iterdir()) == ["LICENSE.txt", "README.md", "yasgui.min.css",
                                                        "yasgui.min.js"]


def test_page_embeds_local_completion_lists(client) -> None:
    html = client.get("/").get_data(as_text=True)
    data = json.loads(re.search(r'<script type="application/json" id="editor-data">(.*?)</script>', html,
                                re.S).group(1))
    assert data["prefixes"]["region"] == "https://w3id.org/gyoryu/id/region/"
    terms = {t["iri"]: t for t in data["terms"]}
    signed = terms["https://w3id.org/gyoryu/ontology#signedOn"]
    assert (signed["kind"], signed["ko"], signed["en"]) == ("property", "체결일", "signed on")
    assert terms["https://w3id.org/gyoryu/ontology#Region"]["kind"] == "class"
    assert terms["https://w3id.org/gyoryu/ontology#search"]["kind"] == "service"
    assert terms["http://www.w3.org/ns/org#member"]["ko"] == "회원"
    for script in ("vendor/yasgui/yasgui.min.js", "editor.js"):
        assert f'<script src="/static/{script}"></script>' in html


def test_static_files_are_served(client) -> None:
    for name, media in (("app.js", "text/javascript"), ("app.css", "text/css"), ("doc.js", "text/javascript"),
                        ("editor.js", "text/javascript"), ("editor.css", "text/css")):
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
