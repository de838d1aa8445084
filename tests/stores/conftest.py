"""Fixtures for the remote-store suite: each store server started on loopback, loaded, and the app over it.

Every test here runs once per store kind (``oxigraph`` server, ``virtuoso``). A server is started
in its own temporary directory on a free loopback port, loaded from the built data the way the
build loads it (:func:`graph.store_load.load_store`), and stopped at the end; nothing survives.
Virtuoso comes from the Debian package ``virtuoso-opensource``, installed here when missing
(``.ci/run`` installs it beforehand).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from api.app import create_app
from graph.store import GRAPH_FILE
from graph.store_load import load_store
from graph.store_servers import KINDS, StoreServer, start_store_server
from runtime.settings import Settings
from tests.api.conftest import ARTIFACTS, QUERY_TIMEOUT, LiveServer


def ensure_virtuoso() -> None:
    """Install ``virtuoso-opensource`` non-interactively when ``virtuoso-t`` is missing.

    The package asks for a ``dba`` password through debconf; left blank, its own service stays
    disabled. The instances the tests start have their own database and a random password.
    """
    if shutil.which("virtuoso-t"):
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)  # noqa: S607
    subprocess.run(["apt-get", "install", "-y", "-qq", "virtuoso-opensource"], check=True, env=env)  # noqa: S607


@pytest.fixture(scope="session", params=KINDS)
def store_server(request, built_data: Path) -> Iterator[StoreServer]:
    """A store server of each kind, its own time limit the tests' query timeout, loaded with the built graph."""
    if request.param == "virtuoso":
        ensure_virtuoso()
    with start_store_server(request.param, QUERY_TIMEOUT) as server:
        load_store(built_data / GRAPH_FILE, server.load_url, server.query_url)
        yield server


@pytest.fixture(scope="session")
def data_dir(built_data: Path) -> Path:
    """The embedded corpus built once (search index and documents; the graph is in the store)."""
    return built_data


@pytest.fixture(scope="session")
def settings(data_dir: Path, store_server: StoreServer) -> Settings:
    """Settings pointing at the built data and at the store server (``GYORYU_STORE``)."""
    return replace(Settings.from_env(), data_dir=data_dir, query_timeout=QUERY_TIMEOUT, store=store_server.query_url)


@pytest.fixture(scope="session")
def app(settings: Settings):
    """The app over the remote store."""
    application = create_app(settings)
    yield application
    application.extensions["gyoryu"].close()


@pytest.fixture
def client(app):
    """Flask's test client."""
    return app.test_client()


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[str]:
    """Base URL of the app over the remote store, served by waitress on a free loopback port."""
    with LiveServer(app) as server:
        yield server.url


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for test artifacts (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
