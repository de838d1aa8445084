"""``graph.sparql.execute``: each query runs once, in every format, and the row limit stays exact."""

from __future__ import annotations

import json

import pytest

from graph.sparql import ResultTooLarge, execute
from graph.store import OxigraphStore

ROWS = "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }"


class CountingStore:
    """A store that counts how often a query is evaluated."""

    def __init__(self, store: OxigraphStore) -> None:
        self.inner = store
        self.prefixes = store.prefixes
        self.calls = 0

    def query(self, text, dataset=None, base_iri=None, timeout=None):
        self.calls += 1
        return self.inner.query(text, dataset, base_iri, timeout)


@pytest.fixture
def store(graph_store: OxigraphStore) -> CountingStore:
    return CountingStore(graph_store)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "table"])
def test_a_select_is_evaluated_once(store: CountingStore, fmt: str) -> None:
    outcome = execute(store, ROWS, fmt, max_results=10)
    assert store.calls == 1 and outcome.kind == "select" and b"3" in outcome.body


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "table"])
def test_the_row_limit_is_exact(store: CountingStore, fmt: str) -> None:
    assert execute(store, ROWS, fmt, max_results=3).kind == "select"
    with pytest.raises(ResultTooLarge):
        execute(store, ROWS, fmt, max_results=2)


def test_a_large_body_is_counted_back_exactly(store: CountingStore) -> None:
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 500"
    body = json.loads(execute(store, query, "json", max_results=500).body)
    assert len(body["results"]["bindings"]) == 500 and store.calls == 1
    with pytest.raises(ResultTooLarge):
        execute(store, query, "json", max_results=499)
