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
from tests.api.conftest import QUERY_TIMEOUT, artifacts, client, data_dir, live_server

#: The service fixtures of ``tests/api``, here over the remote store of :func:`settings`.
__all__ = ["artifacts", "client", "data_dir", "live_server"]


#: Tests that leave runaway queries to the store, in the order they run: last for each store, since an
#: oxigraph server keeps running a query the client gave up on (it checks its own time limit only
#: between coarse steps) and would slow every test after it.
RUNAWAY_TESTS = ("test_other_queries_answer_while_two_runaways_run", "test_timeout_parameter_stops_a_query_sooner",
                 "test_the_store_stops_a_runaway_at_the_time_asked",
                 "test_runaway_query_is_stopped_and_the_endpoint_recovers")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Within this folder: each store's tests together (as pytest groups them), runaway tests last."""
    here = Path(__file__).parent
    places = [i for i, item in enumerate(items) if here in Path(str(item.path)).parents]

    def order(item: pytest.Item) -> tuple[int, int]:
        kind = getattr(item, "callspec", None) and item.callspec.params.get("store_server")
        name = getattr(item, "originalname", item.name)
        return (KINDS.index(kind) if kind in KINDS else -1,
                RUNAWAY_TESTS.index(name) + 1 if name in RUNAWAY_TESTS else 0)

    ordered = sorted((items[i] for i in places), key=order)
    for i, item in zip(places, ordered, strict=True):
        items[i] = item


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
def settings(data_dir: Path, store_server: StoreServer) -> Settings:
    """Settings pointing at the built data and at the store server (``GYORYU_STORE``)."""
    return replace(Settings.from_env(), data_dir=data_dir, query_timeout=QUERY_TIMEOUT, store=store_server.query_url)


@pytest.fixture(scope="session")
def search_engine(data_dir: Path):
    """The passage search engine, loaded once for both stores' apps (it reads the built index, not the store)."""
    from index.search import SearchEngine

    return SearchEngine.load(data_dir, replace(Settings.from_env(), data_dir=data_dir))


@pytest.fixture(scope="session")
def app(settings: Settings, search_engine):
    """The app over the remote store of ``settings``, with the shared search engine."""
    application = create_app(settings, search_engine=search_engine)
    yield application
    application.extensions["gyoryu"].close()
