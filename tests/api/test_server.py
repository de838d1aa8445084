"""``gyoryu serve``: the production server (waitress) in its own process, answering over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.api.conftest import REPO, SEOUL, free_port

STARTUP_LIMIT_S = 180


@pytest.fixture(scope="module")
def served(data_dir: Path) -> Iterator[str]:
    """``python -m gyoryu serve`` on a free port, stopped after the module."""
    port = free_port()
    env = {**os.environ, "GYORYU_DATA": str(data_dir), "GYORYU_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-m", "gyoryu", "serve"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_LIMIT_S
    try:
        while True:
            try:
                if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gyoryu serve did not come up:\n" + (proc.stdout.read() if proc.stdout else ""))
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(30)


def test_serve_runs_waitress_with_every_route(served: str) -> None:
    page = requests.get(served + "/", timeout=30)
    assert page.status_code == 200 and page.headers["Server"] == "gyoryu"
    sparql = requests.get(served + "/sparql", params={"query": f"ASK {{ <{SEOUL}> ?p ?o }}"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
    assert sparql.json()["boolean"] is True
    agreements = requests.get(served + "/api/agreements", params={"party": "서울특별시"}, timeout=60)
    assert agreements.json()["agreements"][0]["date"] == "2004-12-17"
    search = requests.get(served + "/api/search", params={"q": "고향사랑기부", "k": 3}, timeout=120)
    assert search.status_code == 200 and len(search.json()["hits"]) == 3
    entity = requests.get(served + "/id/region/kr-seoul", headers={"Accept": "text/turtle"}, timeout=30)
    assert entity.headers["Content-Type"].startswith("text/turtle")


def test_serve_never_shows_tracebacks(served: str) -> None:
    resp = requests.get(served + "/api/search", params={"q": "x", "k": "-1"}, timeout=30)
    assert resp.status_code == 400
    assert "Traceback" not in resp.text and resp.json()["error"]["code"] == "invalid_parameter"
