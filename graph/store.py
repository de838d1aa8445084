"""Graph stores behind one small interface, chosen by configuration (``GYORYU_STORE``).

* ``oxigraph`` (default): the built graph in pyoxigraph — in memory from ``graph.nq`` (entity
  pages, the CLI), or the on-disk store the build writes beside it (``graph.oxigraph/``), opened
  read-only and shared by every SPARQL worker process.
* an ``http(s)://`` URL: a remote SPARQL endpoint holding the same data, loaded by the build
  (:mod:`graph.store_load`) and queried through :class:`graph.remote_store.RemoteStore`.

Each document's facts live in its own named graph (``GRAPH ?g``). The default graph is their
union **as a set**, as in Fuseki: it is materialised into the store's default graph when the
store is written or loaded, so a triple stated in several documents comes back once (and
queries run much faster than with pyoxigraph's ``use_default_graph_as_union``).

Importing this module is cheap (no rdflib): worker processes import it on start.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox

from graph.sparql_tokens import declared_prefixes, iri_of, tokens
from ontology.prefixes import PREFIX_IRIS
from runtime.built_data import check_built_data

if TYPE_CHECKING:
    from rdflib import Dataset

GRAPH_FILE = "graph.nq"
#: The on-disk pyoxigraph store the build writes beside ``graph.nq`` (RocksDB files).
STORE_DIR = "graph.oxigraph"
PREFIX_MAP: dict[str, str] = dict(PREFIX_IRIS)
_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass(frozen=True)
class QueryDataset:
    """The dataset a request names (``default-graph-uri`` / ``named-graph-uri``): graph IRIs.

    When given, it replaces the query's own ``FROM``/``FROM NAMED`` and the store's defaults: the
    default graph is the merge of ``default_graphs`` (empty if none), and only ``named_graphs``
    are reachable with ``GRAPH``. A graph the store does not hold is empty; nothing is fetched.
    """

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def query_arguments(self) -> dict[str, list[ox.NamedNode]]:
        """Keyword arguments for pyoxigraph's ``Store.query``."""
        return {"default_graph": [ox.NamedNode(g) for g in self.default_graphs],
                "named_graphs": [ox.NamedNode(g) for g in self.named_graphs]}


def from_clause_spans(text: str) -> list[tuple[int, int, bool, str]]:
    """Each ``FROM`` / ``FROM NAMED`` clause of a query: ``(start, end, named, graph IRI)``, in order.

    >>> from_clause_spans("SELECT * FROM NAMED <http://g/1> WHERE {}")
    [(9, 32, True, 'http://g/1')]
    """
    toks = tokens(text)
    prefixes = declared_prefixes(toks)
    found: list[tuple[int, int, bool, str]] = []
    for i, tok in enumerate(toks[:-1]):
        if tok.kind != "word" or tok.text.upper() != "FROM":
            continue
        is_named = toks[i + 1].kind == "word" and toks[i + 1].text.upper() == "NAMED"
        target = toks[i + 2] if is_named and i + 2 < len(toks) else toks[i + 1]
        iri = iri_of(target, prefixes)
        if iri is not None:
            found.append((tok.start, target.end, is_named, iri))
    return found


def from_clauses(text: str) -> QueryDataset | None:
    """The dataset a query's own ``FROM`` / ``FROM NAMED`` clauses name; ``None`` if it names none.

    >>> from_clauses("SELECT * FROM <http://g/1> FROM NAMED gy:x WHERE { ?s ?p ?o }")
    QueryDataset(default_graphs=('http://g/1',), named_graphs=('https://w3id.org/gyoryu/ontology#x',))
    >>> from_clauses('SELECT * WHERE { ?s ?p "FROM <http://g/1>" }') is None
    True
    """
    spans = from_clause_spans(text)
    defaults = tuple(iri for _, _, named, iri in spans if not named)
    named_graphs = tuple(iri for _, _, named, iri in spans if named)
    return QueryDataset(defaults, named_graphs) if spans else None


def merges_graphs(default_graphs: Iterable[str]) -> bool:
    """Whether a default graph is the merge of several graphs (stores would concatenate them)."""
    return len(set(default_graphs)) > 1


def merged_store(default_graphs: Iterable[str], named_graphs: Iterable[str],
                 triples_of: Callable[[str], Iterable[ox.Triple]]) -> ox.Store:
    """A scratch store: the merge of ``default_graphs``, as a set, in its default graph, beside ``named_graphs``.

    Stores (pyoxigraph, Virtuoso, the oxigraph server) match a triple that two merged graphs hold
    twice; evaluated here, on the graphs' triples, it matches once, as SPARQL defines the merge.
    """
    scratch = ox.Store()
    for graph in dict.fromkeys(default_graphs):
        scratch.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples_of(graph))
    for graph in dict.fromkeys(named_graphs):
        scratch.extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph)) for t in triples_of(graph))
    return scratch


class GraphStore(Protocol):
    """What the rest of Gyoryu needs from a store."""

    prefixes: Mapping[str, str]

    def query(self, text: str, dataset: QueryDataset | None = None, base_iri: str | None = None,
              timeout: float | None = None):
        """Run a read-only SPARQL query; pyoxigraph result objects (solutions, boolean or triples).

        ``base_iri`` resolves relative IRIs in the query (the protocol lets it be the endpoint's URL).
        ``timeout``: seconds left for the query, for a store that can stop it itself (a remote one);
        past it the store raises :class:`TimeoutError`.
        """

    def graph_triples(self, graph: str | None) -> list[ox.Triple] | None:
        """Every triple of named graph ``graph`` (``None``: the default graph); ``None`` if no such graph."""


def add_union_graph(store: ox.Store) -> None:
    """Materialise the union of the named graphs, as a set, into the store's default graph."""
    store.update(_UNION)


def bulk_load_with_union(store: ox.Store, quads_file: Path) -> None:
    """Bulk-load an N-Quads file and its union default graph (the same store as :func:`add_union_graph` after a
    load, through the bulk loader: a SPARQL ``INSERT`` of every quad costs several times more at 10× the seeds).
    One parse feeds both, so a blank node is the same node in its graph and in the default graph."""
    store.bulk_extend(_with_union(ox.parse(path=str(quads_file), format=ox.RdfFormat.N_QUADS)))


def _with_union(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    for q in quads:
        yield q
        yield ox.Quad(q.subject, q.predicate, q.object)


class OxigraphStore:
    """The built graph in a pyoxigraph store whose default graph is the union of the named graphs."""

    def __init__(self, store: ox.Store, prefixes: Mapping[str, str] = PREFIX_MAP) -> None:
        self.store = store
        self.prefixes = dict(prefixes)

    @classmethod
    def load(cls, data_dir: Path) -> OxigraphStore:
        """Load ``graph.nq`` from built data into memory (clear error when missing)."""
        check_built_data(data_dir, required=False)
        store = ox.Store()
        bulk_load_with_union(store, graph_file(data_dir))
        return cls(store)

    @classmethod
    def open_read_only(cls, store_dir: Path) -> OxigraphStore:
        """Open an on-disk store written by :func:`write_store`, read-only (many processes may share it)."""
        return cls(ox.Store.read_only(str(store_dir)))

    def query(self, text: str, dataset: QueryDataset | None = None, base_iri: str | None = None,
              timeout: float | None = None):
        """Evaluate ``text`` with Gyoryu's prefixes predeclared, over ``dataset`` if one is given.

        pyoxigraph cannot stop a query: ``timeout`` is ignored (the worker pool stops the process).

        A default graph merged from several graphs is a set, as SPARQL defines it: a triple that
        two of them hold is matched once (pyoxigraph alone would match it once per graph).
        """
        if dataset is None and "FROM" in text.upper():
            stated = from_clauses(text)
            dataset = stated if stated is not None and merges_graphs(stated.default_graphs) else None
        if dataset is not None and merges_graphs(dataset.default_graphs):
            scratch = merged_store(dataset.default_graphs, dataset.named_graphs, lambda g: self.graph_triples(g) or [])
            return scratch.query(text, prefixes=self.prefixes, base_iri=base_iri, default_graph=ox.DefaultGraph(),
                                 named_graphs=[ox.NamedNode(g) for g in dataset.named_graphs])
        extra = dataset.query_arguments() if dataset is not None else {}
        return self.store.query(text, prefixes=self.prefixes, base_iri=base_iri, **extra)

    def graph_triples(self, graph: str | None) -> list[ox.Triple] | None:
        """The triples of one graph, read directly (no query), or ``None`` if the store has no such graph."""
        if graph is None:
            name: ox.NamedNode | ox.DefaultGraph = ox.DefaultGraph()
        else:
            name = ox.NamedNode(graph)
            if not self.store.contains_named_graph(name):
                return None
        return [q.triple for q in self.store.quads_for_pattern(None, None, None, name)]


def graph_file(data_dir: Path) -> Path:
    """``graph.nq`` of built data; a clear error when there is none."""
    path = Path(data_dir) / GRAPH_FILE
    if not path.exists():
        raise FileNotFoundError(f"no graph in {data_dir}: run `gyoryu build` first")
    return path


def write_store(quads_file: Path, store_dir: Path) -> int:
    """Write an on-disk store from N-Quads, with the union default graph; return the number of quads stored."""
    store = ox.Store(str(store_dir))
    bulk_load_with_union(store, quads_file)
    store.flush()
    store.optimize()
    count = len(store)
    del store
    return count


class SharedStore:
    """The on-disk store of built data for the worker processes, or a temporary one written from ``graph.nq``.

    Data built before the store was part of the build has only ``graph.nq``: the store is then written
    once into a temporary directory (removed by :meth:`close`) and still shared by every worker.
    """

    def __init__(self, data_dir: Path) -> None:
        check_built_data(data_dir, required=False)
        built = Path(data_dir).resolve() / STORE_DIR
        self._temporary: Path | None = None
        if built.is_dir():
            self.path = built
        else:
            quads = graph_file(data_dir)
            self._temporary = Path(tempfile.mkdtemp(prefix="gyoryu-store-"))
            self.path = self._temporary / STORE_DIR
            write_store(quads, self.path)

    @property
    def temporary(self) -> bool:
        """Whether the store was written for this process (data without ``graph.oxigraph``)."""
        return self._temporary is not None

    def close(self) -> None:
        """Remove a temporary store."""
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)
            self._temporary = None


def open_store(data_dir: Path, store_setting: str = "oxigraph") -> GraphStore:
    """The store named by ``GYORYU_STORE``: ``oxigraph`` (built data, in memory) or a remote endpoint URL."""
    if store_setting in ("", "oxigraph"):
        return OxigraphStore.load(data_dir)
    if store_setting.startswith(("http://", "https://")):
        from graph.remote_store import RemoteStore

        return RemoteStore(store_setting)
    raise ValueError(f"GYORYU_STORE={store_setting!r}: use 'oxigraph' or an http(s) SPARQL endpoint URL")


def write_dataset(dataset: Dataset, path: Path) -> int:
    """Write every quad of ``dataset`` as sorted N-Quads (byte-stable across identical builds)."""
    text = dataset.serialize(format="nquads")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)

