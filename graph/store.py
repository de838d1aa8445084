"""Graph stores behind one small interface, chosen by configuration (``GYORYU_STORE``).

* ``oxigraph`` (default): the built ``graph.nq`` loaded into an in-memory pyoxigraph store —
  a fast SPARQL engine (aggregates in milliseconds where rdflib takes seconds).
* an ``http(s)://`` URL: a remote SPARQL endpoint holding the same data.

Queries see the union of all named graphs as their default graph; ``GRAPH ?g`` reaches each
document's own graph.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Dataset

from ontology.namespaces import PREFIXES

GRAPH_FILE = "graph.nq"
PREFIX_MAP = {p: str(ns) for p, ns in PREFIXES.items()}


class GraphStore(Protocol):
    """What the rest of Gyoryu needs from a store."""

    def query(self, text: str):
        """Run a read-only SPARQL query; pyoxigraph result objects (solutions, boolean or triples)."""


class OxigraphStore:
    """The built graph in an in-memory pyoxigraph store."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def load(cls, data_dir: Path) -> OxigraphStore:
        """Load ``graph.nq`` from built data (clear error when missing)."""
        path = Path(data_dir) / GRAPH_FILE
        if not path.exists():
            raise FileNotFoundError(f"no graph in {data_dir}: run `gyoryu build` first")
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        return cls(store)

    def query(self, text: str):
        """Evaluate ``text`` over the union of all graphs, with Gyoryu's prefixes predeclared."""
        return self.store.query(text, use_default_graph_as_union=True, prefixes=PREFIX_MAP)

    def __len__(self) -> int:
        return len(self.store)


class RemoteStore:
    """A remote SPARQL 1.1 endpoint; results are parsed back into pyoxigraph objects."""

    def __init__(self, endpoint: str, timeout: float = 30.0) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) SPARQL endpoint: {endpoint!r}")
        self.endpoint = endpoint
        self.timeout = timeout

    def query(self, text: str):
        """POST the query; parse JSON results (SELECT/ASK) or N-Triples (CONSTRUCT/DESCRIBE)."""
        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIX_MAP.items())
        body = urllib.parse.urlencode({"query": prologue + text}).encode()
        request = urllib.request.Request(self.endpoint, data=body, headers={
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
            "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured by user
            kind = response.headers.get_content_type()
            payload = response.read()
        if kind in ("application/n-triples", "text/plain"):
            return [q.triple for q in ox.parse(payload, format=ox.RdfFormat.N_TRIPLES)]
        return ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON)


def open_store(data_dir: Path, store_setting: str = "oxigraph") -> GraphStore:
    """The store named by ``GYORYU_STORE``: ``oxigraph`` (built data) or a remote endpoint URL."""
    if store_setting in ("", "oxigraph"):
        return OxigraphStore.load(data_dir)
    if store_setting.startswith(("http://", "https://")):
        return RemoteStore(store_setting)
    raise ValueError(f"GYORYU_STORE={store_setting!r}: use 'oxigraph' or an http(s) SPARQL endpoint URL")


def write_dataset(dataset: Dataset, path: Path) -> int:
    """Write every quad of ``dataset`` as sorted N-Quads (byte-stable across identical builds)."""
    text = dataset.serialize(format="nquads")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)
