"""What only a remote store has: the build loads it, a reload replaces it, its own time limit, reads stay reads."""

from __future__ import annotations

import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from graph.remote_store import RemoteStore, RemoteTimeout
from graph.store import GRAPH_FILE
from graph.store_load import load_store
from graph.store_servers import KINDS, StoreServer, start_store_server
from gyoryu.build import BuildError, build
from runtime.progress import Progress
from runtime.settings import DEFAULT_CORPUS, Settings
from tests.api.conftest import QUERY_TIMEOUT

ID = "https://w3id.org/gyoryu/id/"
DOC = "교류소식.txt"
TEXT = "충청북도 교류 소식\n충청북도와 완주군은 2025. 3. 5. 우호교류 협약을 체결하였다.\n"
SMALL_SEED = "004_13cc2c7ed6c4d24f.txt"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def quads_by_graph(path: Path) -> dict[str, set[ox.Triple]]:
    graphs: dict[str, set[ox.Triple]] = {}
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name.value, set()).add(quad.triple)
    return graphs


def stored_graphs(store: RemoteStore) -> dict[str, set[ox.Triple]]:
    return {g: set(store.graph_triples(g)) for g in store.named_graphs()}


def count(store: RemoteStore, query: str = COUNT) -> int:
    return int(next(iter(store.query(query)))["n"].value)


@pytest.fixture(params=KINDS)
def fresh_server(request) -> StoreServer:
    """An empty store server of each kind, for this test only."""
    with start_store_server(request.param, QUERY_TIMEOUT) as server:
        yield server


def test_the_build_loads_the_store_and_a_rebuild_replaces_it(fresh_server: StoreServer, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / DOC).write_text(TEXT, encoding="utf-8")
    shutil.copy2(DEFAULT_CORPUS / SMALL_SEED, corpus / SMALL_SEED)
    data = tmp_path / "data"
    settings = replace(Settings.from_env(), data_dir=data, store=fresh_server.query_url,
                       store_load=fresh_server.load_url)
    build(corpus, data, settings, Progress(quiet=True), with_index=False)
    built = quads_by_graph(data / GRAPH_FILE)
    store = RemoteStore(fresh_server.query_url)
    assert stored_graphs(store) == built  # every named graph, exactly; nothing else of Gyoryu's
    union = set().union(*built.values())
    default = store.graph_triples(None)
    assert len(default) == len(set(default)) == len(union) and set(default) == union
    assert bool(store.query('ASK { ?a a gy:Agreement ; gy:signedOn "2025-03-05"^^xsd:date }'))

    (corpus / SMALL_SEED).unlink()
    build(corpus, data, settings, Progress(quiet=True), with_index=False)
    store = RemoteStore(fresh_server.query_url)
    rebuilt = quads_by_graph(data / GRAPH_FILE)
    assert f"{ID}graph/{SMALL_SEED}" in built and f"{ID}graph/{SMALL_SEED}" not in rebuilt
    assert stored_graphs(store) == rebuilt  # the removed document's graph is gone from the store too
    assert count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == len(set().union(*rebuilt.values()))


def test_a_refused_load_fails_the_build_and_keeps_the_data(store_server: StoreServer, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / DOC).write_text(TEXT, encoding="utf-8")
    data = tmp_path / "data"
    wrong = store_server.load_url.replace("/store", "/nowhere").replace("crud-auth", "crud-nowhere")
    settings = replace(Settings.from_env(), data_dir=data, store=store_server.query_url, store_load=wrong)
    before = count(RemoteStore(store_server.query_url))
    with pytest.raises(BuildError, match="loading the remote store failed"):
        build(corpus, data, settings, Progress(quiet=True), with_index=False)
    assert not (data / GRAPH_FILE).exists()
    assert count(RemoteStore(store_server.query_url)) == before


def test_a_mistyped_load_setting_fails_before_any_work(tmp_path: Path) -> None:
    settings = replace(Settings.from_env(), data_dir=tmp_path / "data", store_load="http://127.0.0.1:1/store")
    with pytest.raises(BuildError, match=r"GYORYU_STORE_LOAD='http://127.0.0.1:1/store': use nquads\+URL or gsp\+URL"):
        build(tmp_path / "no-corpus", tmp_path / "data", settings, Progress(quiet=True), with_index=False)
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_a_stopped_server_leaves_nothing(kind: str) -> None:
    server = start_store_server(kind, QUERY_TIMEOUT)
    assert server.process.poll() is None and server.directory.is_dir()
    server.stop()
    assert server.process.poll() is not None and not server.directory.exists()
    with pytest.raises(OSError):
        urllib.request.urlopen(server.query_url + "?query=ASK%7B%7D", timeout=5)


def test_updates_through_gyoryu_leave_the_store_unchanged(live_server: str, store_server: StoreServer) -> None:
    store = RemoteStore(store_server.query_url)
    before = count(store)
    insert = f"INSERT DATA {{ GRAPH <{ID}graph/registry> {{ <{ID}x> <{ID}y> <{ID}z> }} }}"
    attempts = [
        requests.post(f"{live_server}/sparql", data={"update": insert}, timeout=60),
        requests.post(f"{live_server}/sparql", data=insert.encode(), timeout=60,
                      headers={"Content-Type": "application/sparql-update"}),
        requests.post(f"{live_server}/sparql", data={"query": insert}, timeout=60),
        requests.get(f"{live_server}/sparql", params={"query": f"DROP GRAPH <{ID}graph/registry>"}, timeout=60),
        requests.put(f"{live_server}/sparql/graph", params={"graph": f"{ID}graph/registry"}, data=b"",
                     headers={"Content-Type": "text/turtle"}, timeout=60),
    ]
    assert [a.status_code for a in attempts] == [400, 400, 400, 400, 405]
    assert count(store) == before


def test_the_store_stops_a_runaway_at_the_time_asked(store_server: StoreServer) -> None:
    store = RemoteStore(store_server.query_url, timeout=QUERY_TIMEOUT)
    started = time.monotonic()
    with pytest.raises(RemoteTimeout):
        store.query(RUNAWAY, timeout=1.0)
    assert time.monotonic() - started < 3.0
    assert count(store) > 10000  # the store still answers


def test_virtuoso_own_time_limit_ends_in_a_timeout(built_data: Path) -> None:
    """``MaxQueryExecutionTime`` stops a query whatever the client asks; Virtuoso's error becomes a timeout."""
    with start_store_server("virtuoso", timeout_s=1.0) as server:
        assert "MaxQueryExecutionTime = 1\n" in (server.directory / "virtuoso.ini").read_text()
        load_store(built_data / GRAPH_FILE, server.load_url)
        request = urllib.request.Request(server.query_url, data=urllib.parse.urlencode({"query": RUNAWAY}).encode(),
                                         headers={"Accept": "application/sparql-results+json"})
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 500 and b"SR171" in refused.value.read()
        assert time.monotonic() - started < 10
        started = time.monotonic()
        with pytest.raises(RemoteTimeout):
            RemoteStore(server.query_url, timeout=30).query(RUNAWAY)  # the client would wait 30 s
        assert time.monotonic() - started < 10
