"""A hostile document (``<script>``, event handlers, ``javascript:`` links) is shown inert on every page that shows
document text — the document view, search hits on the page, entity pages — in headless Chromium; IRIs and query
strings are escaped; the CSP allows no inline script; no command runs a debug server."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec

from api.app import create_app
from api.security import CSP
from runtime.settings import Settings
from tests.api.conftest import REPO, LiveServer
from tests.api.test_browser import browser, downloads, wait  # noqa: F401 - the headless Chromium fixture
from tests.cli.runner import gyoryu

pytestmark = pytest.mark.browser

DOC = "hostile.txt"
TITLE = '<script>window.__pwned = "title"</script>교류 <img src=x onerror="window.__pwned=\'img\'">'
LINES = [
    "충청북도 교류 소식 <script>window.__pwned = 'line'</script>",
    "충청북도와 완주군은 2025. 3. 5. 우호교류 협약을 체결하였다. <img src=x onerror=\"window.__pwned='onerror'\">",
    "자세한 내용: [링크](javascript:window.__pwned='md') <a href=\"javascript:window.__pwned='a'\">여기</a>",
    "<svg onload=\"window.__pwned='svg'\"></svg> <iframe src=\"javascript:window.__pwned='frame'\"></iframe>",
]
#: The payloads as live markup (as text they show escaped: ``&lt;script&gt;``).
PAYLOAD_MARKS = ("<script>", "<img src=x", '="javascript:', "<svg onload", "<iframe")


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("hostile") / "corpus"
    corpus.mkdir()
    (corpus / DOC).write_text("\n".join(LINES) + "\n", encoding="utf-8")
    (corpus / "manifest.tsv").write_text("file\ttitle_ko\ttitle_en\tpublisher\tdate\tkind\n"
                                         f"{DOC}\t{TITLE}\t{TITLE}\t<b>x</b>\t2025-03-05\tnews\n", encoding="utf-8")
    data = corpus.parent / "data"
    gyoryu("build", "--corpus", str(corpus), "--data", str(data))
    return data


@pytest.fixture(scope="module")
def hostile_server(hostile_data: Path) -> Iterator[str]:
    app = create_app(replace(Settings.from_env(), data_dir=hostile_data, sparql_workers=1))
    with LiveServer(app) as server:
        yield server.url
    app.extensions["gyoryu"].close()


def assert_inert(browser: WebDriver) -> None:  # noqa: F811 - the fixture's name
    """No payload ran, no element carries a handler or a ``javascript:`` URL, every script is ours (with src)."""
    assert browser.execute_script("return window.__pwned === undefined") is True
    inline = "script:not([src]):not([type='application/json'])"  # JSON data blocks never run
    assert browser.find_elements(By.CSS_SELECTOR, f"{inline}, iframe, svg[onload], img[onerror]") == []
    for a in browser.find_elements(By.CSS_SELECTOR, "a[href]"):
        assert not (a.get_attribute("href") or "").lower().startswith("javascript:")
    scripts = [s.get_attribute("src") for s in browser.find_elements(By.CSS_SELECTOR, "script[src]")]
    assert all(src.startswith(browser.current_url.split("/", 3)[0] + "//") for src in scripts)


def test_the_document_view_shows_the_markup_as_text(browser: WebDriver, hostile_server: str) -> None:  # noqa: F811
    browser.get(f"{hostile_server}/doc/{DOC}?lines=1-4")
    lines = wait(browser).until(ec.presence_of_all_elements_located((By.CSS_SELECTOR, "#doc-lines li .tx")))
    assert [li.text for li in lines] == LINES
    assert browser.find_element(By.TAG_NAME, "h1").text == TITLE
    assert_inert(browser)


def test_search_hits_on_the_page_show_the_markup_as_text(browser: WebDriver, hostile_server: str) -> None:  # noqa: F811
    browser.get(hostile_server + "/")
    browser.find_element(By.ID, "search-q").send_keys("충청북도 완주군 우호교류 협약")
    browser.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
    hits = wait(browser).until(ec.presence_of_all_elements_located((By.CSS_SELECTOR, "#search-results li.hit")))
    sources = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results a.source")]
    assert hits and any(f"/doc/{DOC}" in href for href in sources)
    assert_inert(browser)


def test_entity_pages_citing_the_document_are_inert(browser: WebDriver, hostile_server: str) -> None:  # noqa: F811
    for path in (f"/id/doc/{DOC}", "/id/region/kr-chungbuk"):
        browser.get(hostile_server + path)
        wait(browser).until(ec.presence_of_element_located((By.TAG_NAME, "h1")))
        assert_inert(browser)
    browser.get(f"{hostile_server}/id/doc/{DOC}")
    assert TITLE in browser.find_element(By.TAG_NAME, "body").text


@pytest.mark.parametrize("path", [f"/doc/{DOC}", f"/id/doc/{DOC}", "/id/region/kr-chungbuk", "/"])
def test_pages_hold_no_inline_script_and_no_raw_payload(hostile_server: str, path: str) -> None:
    resp = requests.get(hostile_server + path, headers={"Accept": "text/html"}, timeout=60)
    assert resp.status_code == 200
    assert resp.headers["Content-Security-Policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP and "'unsafe-eval'" not in CSP
    assert re.findall(r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", resp.text) == []
    for mark in PAYLOAD_MARKS:
        assert mark not in resp.text, mark


@pytest.mark.parametrize("path", [
    "/id/region/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/id/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
    "/doc/%3Cscript%3Ealert(1)%3C%2Fscript%3E.txt",
    "/?lang=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&q=%3Cscript%3Ealert(2)%3C/script%3E",
    "/doc/" + DOC + "?lines=%3Cscript%3E",
])
def test_iris_and_query_strings_are_escaped(hostile_server: str, path: str) -> None:
    resp = requests.get(hostile_server + path, headers={"Accept": "text/html"}, timeout=60)
    assert resp.status_code < 500
    for raw in ("<script>alert", "<img src=x", '"><img', "<script>alert(2)"):
        assert raw not in resp.text


def test_json_and_sparql_answers_carry_text_only_as_json(hostile_server: str) -> None:
    hits = requests.get(hostile_server + "/api/search", params={"q": "<script>alert(1)</script>"}, timeout=60)
    assert hits.headers["Content-Type"].startswith("application/json")
    assert hits.headers["X-Content-Type-Options"] == "nosniff"
    assert hits.json()["query"] == "<script>alert(1)</script>"
    quoted = quote("<script>alert(1)</script>")
    missing = requests.get(f"{hostile_server}/id/region/{quoted}", headers={"Accept": "text/turtle"}, timeout=60)
    assert missing.status_code in (400, 404) and missing.headers["Content-Type"].startswith("application/json")
    assert missing.headers["X-Content-Type-Options"] == "nosniff"
    page = requests.get(f"{hostile_server}/id/region/{quoted}", headers={"Accept": "text/html"}, timeout=60)
    assert page.status_code == 404 and "<script>alert" not in page.text and "&lt;script&gt;" in page.text


def test_no_command_runs_a_debug_server() -> None:
    """The app has debug off and every serve path goes through waitress; no Flask ``run`` or ``debug=True``."""
    app = create_app(Settings())
    assert app.debug is False and app.config["DEBUG"] is False and app.config["PROPAGATE_EXCEPTIONS"] is False
    offenders = []
    for path in [*REPO.glob("*/*.py"), *REPO.glob("*/*/*.py")]:
        if path.parts[len(REPO.parts)] in (".venv", "tests"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "run" \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "app":
                offenders.append(f"{path}: app.run")
            for kw in getattr(node, "keywords", []):
                if kw.arg in ("debug", "use_debugger", "use_reloader") and getattr(kw.value, "value", None) is True:
                    offenders.append(f"{path}: {kw.arg}=True")
    assert offenders == []
    server_source = (REPO / "api" / "server.py").read_text(encoding="utf-8")
    assert "create_json_server(app" in server_source  # waitress's create_server (api/server_errors.py)
    assert "from waitress.server import BaseWSGIServer, create_server" in (REPO / "api" / "server_errors.py").read_text(
        encoding="utf-8")


def test_an_entity_path_with_a_code_point_no_iri_may_hold_is_a_404(client) -> None:
    # Found by schemathesis: a C1 control passed the IRI check and failed the store's parser (500).
    resp = client.get("/id/%C2%85/x", headers={"Accept": "text/turtle"})
    assert resp.status_code == 404 and resp.get_json()["error"]["code"]
