"""The SPARQL worker pool on a small synthetic dataset: one shared read-only store, datasets, stopping."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from graph.query_pool import QueryPool
from graph.sparql import QueryTimeout
from graph.store import STORE_DIR, QueryDataset, write_store

EX = "http://example.org/"
#: Enough triples that a three-way cartesian product runs far past any time limit.
FILLER = 3000
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _write_data(directory: Path, with_store: bool) -> Path:
    lines = [
        f'<{EX}s> <{EX}label> "shared" <{EX}doc-a> .',
        f'<{EX}s> <{EX}label> "shared" <{EX}doc-b> .',
        f'<{EX}s> <{EX}label> "only b" <{EX}doc-b> .',
    ]
    lines += [f'<{EX}n{i}> <{EX}value> "{i}" <{EX}filler> .' for i in range(FILLER)]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "graph.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if with_store:
        write_store(directory / "graph.nq", directory / STORE_DIR)
    return directory


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    data = _write_data(tmp_path_factory.mktemp("pool") / "data", with_store=True)
    with_pool = QueryPool(data, workers=2, timeout=1.0)
    yield with_pool
    with_pool.close()


def _values(pool: QueryPool, query: str, dataset: QueryDataset | None = None) -> list[str]:
    body = json.loads(pool.run(query, "json", dataset=dataset).body)
    return sorted(b["o"]["value"] for b in body["results"]["bindings"])


def _graphs(pool: QueryPool, query: str, dataset: QueryDataset | None = None) -> list[tuple[str, str]]:
    body = json.loads(pool.run(query, "json", dataset=dataset).body)
    return sorted((b["g"]["value"], b["o"]["value"]) for b in body["results"]["bindings"])


def test_union_default_graph_is_a_set_while_graph_shows_each_source(pool: QueryPool) -> None:
    assert _values(pool, f"SELECT ?o WHERE {{ <{EX}s> ?p ?o }}") == ["only b", "shared"]
    assert _graphs(pool, f"SELECT ?g ?o WHERE {{ GRAPH ?g {{ <{EX}s> ?p ?o }} }}") == [
        (f"{EX}doc-a", "shared"), (f"{EX}doc-b", "only b"), (f"{EX}doc-b", "shared")]


def test_protocol_dataset_overrides_from_and_unknown_graphs_are_empty(pool: QueryPool) -> None:
    query = f"SELECT ?o FROM <{EX}doc-b> WHERE {{ <{EX}s> ?p ?o }}"
    assert _values(pool, query) == ["only b", "shared"]
    assert _values(pool, query, QueryDataset((f"{EX}doc-a",))) == ["shared"]
    assert _values(pool, query, QueryDataset((f"{EX}not-held",))) == []
    named = QueryDataset((), (f"{EX}doc-a", f"{EX}not-held"))
    assert _graphs(pool, f"SELECT ?g ?o WHERE {{ GRAPH ?g {{ <{EX}s> ?p ?o }} }}", named) == [(f"{EX}doc-a", "shared")]
    assert _values(pool, f"SELECT ?o WHERE {{ <{EX}s> ?p ?o }}", named) == []  # only named graphs: empty default


def _open_files(pid: int) -> list[str]:
    fd_dir = Path(f"/proc/{pid}/fd")
    out = []
    for fd in fd_dir.iterdir():
        try:
            out.append(os.readlink(fd))
        except OSError:
            continue
    return out


def test_every_worker_reads_the_one_on_disk_store(pool: QueryPool) -> None:
    store_dir = str(pool.shared.path)
    assert pool.shared.path.name == STORE_DIR and not pool.shared.temporary
    assert len(pool.pids) == 4  # two workers and two spares
    for pid in pool.pids:
        assert any(path.startswith(store_dir) for path in _open_files(pid)), pid


def test_a_runaway_query_is_stopped_and_its_worker_replaced_at_once(pool: QueryPool) -> None:
    before = set(pool.pids)
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        pool.run(RUNAWAY, timeout=60)  # capped by the pool's 1 s
    assert time.monotonic() - started < 5
    assert _values(pool, f"SELECT ?o WHERE {{ <{EX}s> ?p ?o }}") == ["only b", "shared"]
    assert pool.replacements and pool.replacements[-1] < 1.0
    deadline = time.monotonic() + 30
    while len(pool.pids) < 4 and time.monotonic() < deadline:  # the new spare starts in the background
        time.sleep(0.05)
    after = set(pool.pids)
    assert len(after) == 4 and len(before - after) == 1


def test_a_shorter_timeout_is_honoured(pool: QueryPool) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="0.2 s"):
        pool.run(RUNAWAY, timeout=0.2)
    assert time.monotonic() - started < 0.9


def test_data_without_a_store_gets_a_temporary_one(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "old-data", with_store=False)
    old = QueryPool(data, workers=1, timeout=5.0)
    try:
        assert old.shared.temporary and old.shared.path.is_dir()
        assert _values(old, f"SELECT ?o WHERE {{ <{EX}s> ?p ?o }}") == ["only b", "shared"]
    finally:
        old.close()
    assert not old.shared.path.exists()
    assert not (data / STORE_DIR).exists()  # built data is never written to


def test_consecutive_queries_meet_the_worker_freed_last(pool: QueryPool, monkeypatch) -> None:
    """An idle pool hands each query to the worker that answered the previous one (its caches are warm), not to
    every worker in turn; a query arriving while that one is busy takes another."""
    from graph.query_pool import Worker

    answered: list[int] = []
    ask = Worker.ask

    def recording(self, request, timeout):
        answered.append(self.pid)
        return ask(self, request, timeout)

    monkeypatch.setattr(Worker, "ask", recording)
    for _ in range(4):
        assert _values(pool, f"SELECT ?o WHERE {{ <{EX}s> ?p ?o }}") == ["only b", "shared"]
    assert len(answered) == 4 and len(set(answered)) == 1
    busy = pool._idle.get()  # the warm worker is busy elsewhere: the next query goes to the other one
    try:
        _values(pool, f"SELECT ?o WHERE {{ <{EX}s> ?p ?o }}")
    finally:
        pool._idle.put(busy)
    assert answered[-1] != answered[0] and answered[-1] in pool.pids
