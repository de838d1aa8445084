"""A remote SPARQL 1.1 store (an oxigraph server, Virtuoso …) that answers as the embedded store does.

Stores differ where the specification leaves room or where they stray from it; the client evens
that out, so every query sees the same dataset whatever the store:

* **The dataset is always sent explicitly.** The build loads the union of the named graphs, as
  a set, into :data:`UNION_GRAPH`; a query that names no dataset gets it as its default graph and
  Gyoryu's named graphs (listed once every :data:`GRAPH_LIST_TTL` seconds) as its named graphs,
  so a store's own graphs (Virtuoso's system graphs) stay out of sight. ``FROM`` / ``FROM NAMED``
  are moved from the query text into the protocol's ``default-graph-uri`` / ``named-graph-uri``
  (Virtuoso adds protocol graphs to the query's instead of replacing them), and an empty part is
  sent as a graph no store holds (:data:`EMPTY_GRAPH`): Virtuoso opens every graph to ``GRAPH ?g``
  when no named graph is given. A default graph merged from several graphs is a set: stores
  concatenate them, so such a query runs here on the graphs' triples, as in the embedded store.
* **One result type per query form** is asked for (Virtuoso answers a CONSTRUCT in SPARQL JSON
  results when those are acceptable too).
* **Time limits end in a timeout, never in partial results.** Each request carries the time left
  as ``timeout`` (milliseconds; Virtuoso's own anytime limit) and a client socket timeout;
  Virtuoso's "incomplete results" answer (``X-SQL-State: S1TAT``) and its ``SR171`` error (its
  ``MaxQueryExecutionTime`` reached), an oxigraph server's cancelled stream and a socket timeout
  all raise :class:`RemoteTimeout`.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

import pyoxigraph as ox

from graph.sparql import query_kind
from graph.store import PREFIX_MAP, QueryDataset, from_clause_spans, merged_store, merges_graphs
from ontology.namespaces import ID

#: The named graph holding the union of Gyoryu's named graphs, as a set (the embedded store's default graph).
UNION_GRAPH = "urn:x-gyoryu:union"
#: A graph no store holds: stands for an empty default graph or an empty set of named graphs.
EMPTY_GRAPH = "urn:x-gyoryu:empty"
#: Gyoryu's named graphs live under this IRI.
GRAPH_BASE = str(ID["graph/"])
#: Seconds the list of named graphs is reused before it is read again (a reload shows within this time).
GRAPH_LIST_TTL = 30.0
#: Virtuoso's answer header when a time limit cut the results short.
_PARTIAL_STATE = "S1TAT"
_CANCELLED = b"operation has been cancelled"
#: Virtuoso's error when its own ``MaxQueryExecutionTime`` stopped a query (HTTP 500).
_TIMEOUT_ERRORS = ("SR171", "S1T00")
class RemoteTimeout(TimeoutError):
    """The store stopped the query at its time limit, or did not answer in time."""


def split_dataset(text: str, base_iri: str | None = None) -> tuple[str, QueryDataset | None]:
    """The query without its ``FROM`` / ``FROM NAMED`` clauses, and the dataset they name (``None``: none).

    >>> q, d = split_dataset("PREFIX g: <http://g/> SELECT * FROM g:a FROM NAMED <b> WHERE {?s ?p ?o}", "http://g/")
    >>> " ".join(q.split()), d
    ('PREFIX g: <http://g/> SELECT * WHERE {?s ?p ?o}', QueryDataset(default_graphs=('http://g/a',), \
named_graphs=('http://g/b',)))
    """
    spans = from_clause_spans(text)
    if not spans:
        return text, None
    pieces, last = [], 0
    for start, end, _, _ in spans:
        pieces.append(text[last:start])
        last = end
    resolved = [(named, urllib.parse.urljoin(base_iri, iri) if base_iri else iri) for _, _, named, iri in spans]
    dataset = QueryDataset(tuple(i for n, i in resolved if not n), tuple(i for n, i in resolved if n))
    return "".join([*pieces, text[last:]]), dataset


class RemoteStore:
    """A remote SPARQL 1.1 endpoint loaded by the build; results are parsed back into pyoxigraph objects."""

    def __init__(self, endpoint: str, timeout: float = 30.0, prefixes: Mapping[str, str] = PREFIX_MAP) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise ValueError(f"not an http(s) SPARQL endpoint: {endpoint!r}")
        self.endpoint = endpoint
        self.timeout = timeout
        self.prefixes = dict(prefixes)
        self._graphs: tuple[float, tuple[str, ...]] | None = None
        self._lock = threading.Lock()

    def named_graphs(self) -> tuple[str, ...]:
        """Gyoryu's named graphs the store holds (read again after :data:`GRAPH_LIST_TTL` seconds)."""
        with self._lock:
            if self._graphs is None or time.monotonic() - self._graphs[0] > GRAPH_LIST_TTL:
                query = (f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                         f'FILTER(STRSTARTS(STR(?g), "{GRAPH_BASE}")) }}')
                rows = self._request(query, (), (), None)
                self._graphs = (time.monotonic(), tuple(sorted(row["g"].value for row in rows)))
            return self._graphs[1]

    def query(self, text: str, dataset: QueryDataset | None = None, base_iri: str | None = None,
              timeout: float | None = None):
        """Run a query over ``dataset`` (else its own ``FROM`` clauses, else Gyoryu's union and named graphs).

        SELECT/ASK results come back as pyoxigraph results, CONSTRUCT/DESCRIBE as a list of triples.
        """
        prologue = f"BASE <{base_iri}>\n" if base_iri else ""
        prologue += "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in self.prefixes.items())
        body, stated = split_dataset(text, base_iri)
        chosen = dataset or stated
        if chosen is None:
            default, named = (UNION_GRAPH,), self.named_graphs()
        else:
            default, named = chosen.default_graphs, chosen.named_graphs
        if merges_graphs(default):
            every = "CONSTRUCT WHERE { ?s ?p ?o }"
            scratch = merged_store(default, named, lambda g: self._request(every, (g,), (EMPTY_GRAPH,), timeout,
                                                                           graph=True))
            return scratch.query(prologue + body, default_graph=ox.DefaultGraph(),
                                 named_graphs=[ox.NamedNode(g) for g in named])
        return self._request(prologue + body, default or (EMPTY_GRAPH,), named or (EMPTY_GRAPH,), timeout,
                             graph=query_kind(text) == "graph")

    def _request(self, text: str, default: tuple[str, ...], named: tuple[str, ...], timeout: float | None,
                 graph: bool = False):
        limit = self.timeout if timeout is None else min(timeout, self.timeout)
        fields = [("query", text), *(("default-graph-uri", g) for g in default),
                  *(("named-graph-uri", g) for g in named), ("timeout", str(max(1, int(limit * 1000))))]
        request = urllib.request.Request(self.endpoint, data=urllib.parse.urlencode(fields).encode(), headers={
            # one type per query form: Virtuoso answers a CONSTRUCT in JSON results when they are acceptable
            "Accept": "application/n-triples" if graph else "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(request, timeout=limit) as response:  # noqa: S310 - configured by user
                kind = response.headers.get_content_type()
                state = response.headers.get("X-SQL-State", "")
                payload = response.read()
        except TimeoutError as exc:
            raise RemoteTimeout(f"the store did not answer within {limit:g} s") from exc
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:500]
            if any(code in detail for code in _TIMEOUT_ERRORS):
                raise RemoteTimeout(f"the store stopped the query at its time limit: {detail.splitlines()[0]}") from exc
            raise OSError(f"the store answered {exc.code}: {detail}") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise RemoteTimeout(f"the store did not answer within {limit:g} s") from exc
            raise
        if state == _PARTIAL_STATE or _CANCELLED in payload[-200:]:
            raise RemoteTimeout(f"the store stopped the query at its time limit ({limit:g} s)")
        if kind in ("application/n-triples", "text/plain"):
            return [q.triple for q in ox.parse(payload, format=ox.RdfFormat.N_TRIPLES)]
        return ox.parse_query_results(payload, format=ox.QueryResultsFormat.JSON)

    def graph_triples(self, graph: str | None) -> list[ox.Triple] | None:
        """The triples of one graph, by a CONSTRUCT; ``None`` if the store holds no such graph of Gyoryu's."""
        if graph is None:
            return list(self.query("CONSTRUCT WHERE { ?s ?p ?o }"))
        if graph not in self.named_graphs():
            return None
        ref = ox.NamedNode(graph)
        return list(self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {ref} {{ ?s ?p ?o }} }}"))
