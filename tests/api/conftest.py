"""Fixtures for the service tests: one real build of the embedded corpus, the app, and live servers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from api.app import create_app
from api.server import waitress_options
from api.server_errors import create_json_server
from runtime.settings import Settings

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
SEOUL = "https://w3id.org/gyoryu/id/region/kr-seoul"
JEONNAM = "https://w3id.org/gyoryu/id/region/kr-jeonnam"
SEOUL_DOC = "001_4aac3573a45a98c8.txt"
#: Query timeout for the tests: long enough for every real query, short enough to test stopping one.
QUERY_TIMEOUT = 8.0


@pytest.fixture(scope="session")
def data_dir(built_data: Path) -> Path:
    """The embedded corpus built once (graph and search index), shared with the other test areas."""
    return built_data


@pytest.fixture(scope="session")
def settings(data_dir: Path) -> Settings:
    """Settings pointing at the built data."""
    return replace(Settings.from_env(), data_dir=data_dir, query_timeout=QUERY_TIMEOUT)


@pytest.fixture(scope="session")
def app(settings: Settings):
    """The app, back ends opened from the built data on first use."""
    application = create_app(settings)
    yield application
    application.extensions["gyoryu"].close()


@pytest.fixture
def client(app):
    """Flask's test client (for header and status details)."""
    return app.test_client()


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raw_request(base_url: str, data: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send ``data`` as it is over a socket to the server at ``base_url`` and read the answer until the server
    closes the connection (send ``Connection: close`` or a request the server refuses): status, headers, body."""
    host, port = base_url.rsplit("/", 1)[-1].rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(data)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


class LiveServer:
    """The app under waitress (the production server) in a background thread."""

    def __init__(self, app) -> None:
        options = {**waitress_options(app.extensions["gyoryu"].settings), "threads": 4, "ident": "gyoryu-test"}
        self.server = create_json_server(app, host="127.0.0.1", port=0, **options)
        self.url = f"http://127.0.0.1:{self.server.effective_port}"
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.close()


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[str]:
    """Base URL of the app served by waitress on a free loopback port."""
    with LiveServer(app) as server:
        yield server.url


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and other test artifacts (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
