"""The streaming build: document by document into the store, never the whole graph in rdflib.

:func:`graph.build.build_graph` holds every document's graph in one rdflib ``Dataset`` (about 5 kB a quad:
3.2 GB at 10× the seeds, some 30 GB at 100×). This path gives the same ``graph.nq`` and store with memory
bounded by one batch of documents plus small indexes:

1. **Extract** every document (cached pieces reused, others through the executor) into the extraction cache,
   which is the spool: each piece is on disk as ``<key>.nq``. While reading each piece once, keep small
   indexes — agreements' parties, dates and methods; which graphs state each fact node with which method,
   confidence and names; the types of every node; in which graphs a node has a description of its own.
2. **Reconcile** on those indexes with the same decisions as :func:`graph.reconcile.reconcile`
   (:func:`~graph.reconcile.restated`, :func:`~graph.reconcile.owner_of`): which restated signings are
   redirected, which graph owns each shared node; each graph gets only its own edits.
3. **Validate and write** in batches of whole documents (at most :data:`BATCH_QUADS` quads, one document at
   least): each batch's graphs are validated (SHACL) with the types of the nodes they point to as context and
   their own nodes as focus; a node described in several graphs is validated once at the end on its gathered
   descriptions. Automatic facts that break a shape are set aside as in :mod:`graph.set_aside` — removed from
   every graph, earlier batches included. Each batch is bulk-loaded into the on-disk store and written as a
   sorted run; the runs are merged into the sorted ``graph.nq``.

The registry and vocabulary graphs go through the same path as one more batch. ``gyoryu build`` takes this
path above :data:`runtime.settings` ``stream_above`` documents or with ``--stream``.
"""

from __future__ import annotations

import heapq
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from corpus import Document
from graph.build import COUNTED_CLASSES, add_registry_graph, extract_piece
from graph.extraction_cache import ExtractionCache
from graph.facts import CURATED
from graph.reconcile import (
    _KEPT_IN_NON_OWNERS,
    _redirect,
    owner_of,
    report_restated,
    restated,
    signing,
    strip_description,
)
from graph.registry import Registry
from graph.report import ExtractionReport
from graph.set_aside import REJECTED, _name, _sources, is_automatic, violations
from graph.store import add_union_graph
from graph.validate import validate_graph_results
from ontology import VOCABULARY_FILE
from ontology.namespaces import GY, ID, ONTOLOGY_GRAPH, RDF, bind_prefixes
from runtime.executors import Executor, SerialExecutor
from runtime.progress import Progress

#: Largest batch validated and written at once (quads; a larger document is a batch of its own).
BATCH_QUADS = 20_000
_SPAN_PREFIX = str(ID["span/"])


class StreamValidationError(ValueError):
    """A node that is not an automatic fact breaks a shape: the build fails (the SHACL report is the message)."""


@dataclass
class StreamedGraph:
    """What the streaming build wrote: quads in ``graph.nq``, quads in the store, its report."""

    quads: int
    stored: int
    report: ExtractionReport
    set_aside: int = 0


@dataclass
class _Statement:
    graph: str
    curated: bool
    confidence: float
    names: frozenset


@dataclass
class _Indexes:
    """What the cross-document steps need, read once from every piece: no triple is kept whole."""

    agreements: set = field(default_factory=set)
    parties: dict = field(default_factory=lambda: defaultdict(set))
    dates: dict = field(default_factory=lambda: defaultdict(list))
    methods: dict = field(default_factory=lambda: defaultdict(set))
    statements: dict = field(default_factory=lambda: defaultdict(list))
    types: dict = field(default_factory=dict)
    described: dict = field(default_factory=lambda: defaultdict(set))
    _type_sets: dict = field(default_factory=dict)

    def read(self, graph: Graph) -> None:
        """Add what ``graph`` states."""
        gid = str(graph.identifier)
        own: dict[Node, dict] = defaultdict(lambda: {"methods": set(), "confidence": [], "names": set()})
        for s, p, o in graph:
            if p == RDF.type:
                if not str(s).startswith(_SPAN_PREFIX):
                    merged = self.types.get(s, frozenset()) | {o}
                    self.types[s] = self._type_sets.setdefault(merged, merged)
                if o == GY.Agreement and isinstance(s, URIRef):
                    self.agreements.add(s)
            if p not in _KEPT_IN_NON_OWNERS and not str(s).startswith(_SPAN_PREFIX):
                self.described[s].add(gid)
            if p == GY.party:
                self.parties[s].add(o)
            elif p == GY.signedOn:
                self.dates[s].append(str(o))
            elif p == GY.extractionMethod:
                self.methods[s].add(str(o))
                own[s]["methods"].add(str(o))
            elif p == GY.confidence:
                own[s]["confidence"].append(float(o))
            elif p in (URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
                       URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")):
                own[s]["names"].add(o)
        for node, seen in own.items():
            if seen["methods"]:
                self.statements[node].append(_Statement(gid, CURATED in seen["methods"],
                                                        max(seen["confidence"], default=0.0),
                                                        frozenset(seen["names"])))


@dataclass
class _Plan:
    """Each graph's own edits: restated signings redirected, shared nodes stripped where another graph owns them."""

    redirects: dict[Node, Node]
    strips: dict[str, list[tuple[Node, set]]]
    shared: set[Node]  # nodes still described by several graphs: validated once on their gathered descriptions


def plan(ix: _Indexes, report: ExtractionReport) -> _Plan:
    """The decisions :func:`graph.reconcile.reconcile` takes, from the indexes."""
    signings = [signing(n, frozenset(ix.parties.get(n, ())), ix.dates.get(n, []), CURATED in ix.methods.get(n, ()))
                for n in ix.agreements]
    pairs = restated(signings)
    for old, new in pairs:
        report_restated(report, old, new)
    redirects = dict(pairs)
    strips: dict[str, list[tuple[Node, set]]] = defaultdict(list)
    stripped: dict[Node, set[str]] = defaultdict(set)
    for node, stating in ix.statements.items():
        if node in redirects or len(stating) < 2 or "automatic" not in ix.methods[node]:
            continue
        stating = sorted(stating, key=lambda s: s.graph)
        owner = owner_of([(s.graph, s.curated, s.confidence) for s in stating])
        names = set(next(s.names for s in stating if s.graph == owner))
        for s in stating:
            if s.graph != owner and not s.curated:
                strips[s.graph].append((node, names))
                stripped[node].add(s.graph)
    shared = {n for n, graphs in ix.described.items() if n not in redirects and len(graphs - stripped[n]) > 1}
    return _Plan(redirects, strips, shared)


def _reconciled(graph: Graph, p: _Plan) -> Graph:
    """Apply this graph's own edits (the registry and vocabulary graphs have none)."""
    for old in [s for s in set(graph.subjects()) if s in p.redirects]:
        _redirect([graph], old, p.redirects[old])
    for node, names in p.strips.get(str(graph.identifier), ()):
        strip_description(graph, node, names)
    return graph


class _Batches:
    """Validates batches of graphs with their context, sets aside broken automatic facts, writes the rest."""

    def __init__(self, ix: _Indexes, p: _Plan, report: ExtractionReport, store: ox.Store | None, runs: Path | None):
        self.ix, self.plan, self.report, self.store, self.runs = ix, p, report, store, runs
        self.set_aside: set[Node] = set()
        self.shared_triples: dict[Node, set] = defaultdict(set)
        self.run_files: list[Path] = []

    def context(self, data: Graph) -> None:
        """Add the types every node ``data`` points to has anywhere (``sh:class`` needs them)."""
        for o in set(data.objects()):
            for t in self.ix.types.get(o, ()):
                data.add((o, RDF.type, t))

    def check(self, data: Graph, focus: set[Node], where: str) -> set[Node]:
        """Validate ``data``, judging only the nodes of ``focus`` (context nodes carry only their types); the
        automatic fact nodes set aside (raises on any other violation)."""
        removed: set[Node] = set()
        while focus:
            _, results, _ = validate_graph_results(data)
            found = [v for v in violations(results) if v.focus in focus]
            if not found:
                break
            if not all(is_automatic(data, v.focus) for v in found):
                raise StreamValidationError(f"{where}: the graph does not conform to ontology/shapes.ttl:\n"
                                            + "\n".join(f"  {v.focus}: {v.constraint}" for v in found))
            broken: dict[Node, list[str]] = {}
            for v in found:
                broken.setdefault(v.focus, []).append(v.constraint)
            for node, constraints in broken.items():
                for doc, line in _sources(data, node):
                    self.report.add_issue(REJECTED, doc, line, _name(node), "; ".join(constraints))
                data.remove((node, None, None))
                data.remove((None, None, node))
                removed.add(node)
            focus -= removed
        return removed

    def batch(self, graphs: list[Graph]) -> None:
        """Validate and write one batch of (reconciled) graphs."""
        for g in graphs:
            for node in self.set_aside:
                g.remove((node, None, None))
                g.remove((None, None, node))
        data = Graph()
        focus: set[Node] = set()
        for g in graphs:
            for s, p, o in g:
                data.add((s, p, o))
                if s in self.plan.shared:
                    self.shared_triples[s].add((s, p, o))
                elif p == RDF.type and isinstance(s, URIRef) and s not in self.plan.shared:
                    focus.add(s)
            for s in self.plan.shared & set(g.subjects()):  # the spans their provenance names, for the report
                for span in g.objects(s, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")):
                    self.shared_triples[s].update(g.triples((span, None, None)))
        self.context(data)
        removed = self.check(data, focus, ", ".join(str(g.identifier) for g in graphs[:3]))
        self.set_aside |= removed
        if self.runs is None:
            return
        for g in graphs:
            for node in removed:
                g.remove((node, None, None))
                g.remove((None, None, node))
        self.write(graphs)

    def write(self, graphs: list[Graph]) -> None:
        dataset = Dataset()
        for g in graphs:
            target = dataset.graph(g.identifier)
            for t in g:
                target.add(t)
        text = dataset.serialize(format="nquads")
        lines = sorted({line for line in text.splitlines() if line.strip()})
        if not lines:
            return
        run = self.runs / f"run-{len(self.run_files):06d}.nq"
        run.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.run_files.append(run)
        self.store.bulk_load(path=str(run), format=ox.RdfFormat.N_QUADS)

    def check_shared(self) -> None:
        """Validate each node described by several graphs once, on its descriptions gathered from all of them."""
        data = Graph()
        for node, triples in self.shared_triples.items():
            if node in self.set_aside:
                continue
            for t in triples:
                if t[0] not in self.set_aside and t[2] not in self.set_aside:
                    data.add(t)
        self.context(data)
        focus = {n for n in self.shared_triples if (n, RDF.type, None) in data and isinstance(n, URIRef)}
        self.set_aside |= self.check(data, focus, "nodes described by several documents")


def stream_graph(documents: list[Document], registry: Registry | None, progress: Progress, cache: ExtractionCache,
                 executor: Executor | None, graph_path: Path, store_dir: Path,
                 batch_quads: int = BATCH_QUADS) -> StreamedGraph:
    """Build ``graph.nq`` and the on-disk store of ``documents`` as :func:`graph.build.build_graph`, validation
    and the store would, batch by batch. Raises :class:`StreamValidationError` when the graph cannot conform."""
    registry = registry or Registry.default()
    executor = executor or SerialExecutor()
    report = ExtractionReport()
    with progress.stage("extract"):
        ix = _index_pieces(documents, registry, progress, cache, executor, report)
        fixed = bind_prefixes(Dataset())
        add_registry_graph(fixed, registry)
        fixed.graph(ONTOLOGY_GRAPH).parse(VOCABULARY_FILE, format="turtle")
        fixed_graphs = [g for g in fixed.graphs() if len(g)]
        for g in fixed_graphs:
            ix.read(g)
        the_plan = plan(ix, report)
        progress.step(f"{len(the_plan.redirects)} restated signings, {sum(map(len, the_plan.strips.values()))} "
                      f"shared descriptions stripped, {len(the_plan.shared)} nodes described by several graphs")
    with progress.stage("validate"):
        return _validate_and_write(documents, cache, ix, the_plan, fixed_graphs, report, graph_path, store_dir,
                                   batch_quads)


def _index_pieces(documents: list[Document], registry: Registry, progress: Progress, cache: ExtractionCache,
                  executor: Executor, report: ExtractionReport) -> _Indexes:
    """Extract (or take from the cache) every document into the spool; the indexes of what they state."""
    ix = _Indexes()
    cached = [cache.get(doc) for doc in documents]
    missing = [doc for doc, piece in zip(documents, cached, strict=True) if piece is None]
    task = partial(extract_piece, registry=None if registry is Registry.default() else registry)
    extracted = executor.map(task, missing, labels=[doc.id for doc in missing])
    seen: set[str] = set()
    for doc, piece in zip(documents, cached, strict=True):
        how = "cached"
        if piece is None:
            piece, names = next(extracted)
            how = ", ".join(names)
            cache.put(doc, piece)
        piece.add_report_to(report)
        for g in piece.dataset.graphs():
            if len(g) and str(g.identifier) in seen:
                raise ValueError(f"{doc.id}: graph {g.identifier} is also written by another document")
            seen.add(str(g.identifier))
            ix.read(g)
        progress.step(f"{doc.id}: {len(piece.dataset)} triples indexed ({how})")
    progress.step(f"{cache.misses} documents extracted, {cache.hits} taken from the extraction cache")
    return ix


def _validate_and_write(documents: list[Document], cache: ExtractionCache, ix: _Indexes, the_plan: _Plan,
                        fixed_graphs: list[Graph], report: ExtractionReport, graph_path: Path, store_dir: Path,
                        batch_quads: int) -> StreamedGraph:
    with tempfile.TemporaryDirectory(prefix="runs-", dir=graph_path.parent) as runs:
        store = ox.Store(str(store_dir))
        batches = _Batches(ix, the_plan, report, store, Path(runs))
        for group in _grouped(_graphs_of(documents, cache, the_plan, fixed_graphs), batch_quads):
            batches.batch(group)
        batches.check_shared()
        known = set()
        while batches.set_aside - known:  # nodes set aside late: validate every batch again without them
            known = set(batches.set_aside)
            checking = _Batches(ix, the_plan, report, None, None)
            checking.set_aside = set(known)
            for group in _grouped(_graphs_of(documents, cache, the_plan, fixed_graphs), batch_quads):
                checking.batch(group)
            checking.check_shared()
            batches.set_aside |= checking.set_aside
        quads = _merge_runs(batches.run_files, graph_path, batches.set_aside)
    for node in batches.set_aside:
        term = ox.NamedNode(str(node))
        for q in [*store.quads_for_pattern(term, None, None), *store.quads_for_pattern(None, None, term)]:
            store.remove(q)
    counts = _count_classes(store)
    add_union_graph(store)
    store.flush()
    store.optimize()
    stored = len(store)
    del store
    report.counts.update(counts)
    return StreamedGraph(quads, stored, report, len(batches.set_aside))


def _graphs_of(documents: list[Document], cache: ExtractionCache, p: _Plan,
               fixed: list[Graph]) -> Iterator[Graph]:
    """Every document's graphs, reconciled, read back from the spool one document at a time; then the fixed ones."""
    for doc in documents:
        for g in cache.read(doc).dataset.graphs():
            if len(g):
                yield _reconciled(g, p)
    yield from fixed


def _grouped(graphs: Iterable[Graph], limit: int) -> Iterator[list[Graph]]:
    group: list[Graph] = []
    size = 0
    for g in graphs:
        if group and size + len(g) > limit:
            yield group
            group, size = [], 0
        group.append(g)
        size += len(g)
    if group:
        yield group


def _merge_runs(runs: list[Path], target: Path, removed: set[Node]) -> int:
    """Merge sorted runs into one sorted file without repeats or lines naming a removed node; lines written."""
    marks = [f"<{n}>" for n in removed]
    files = [run.open(encoding="utf-8") for run in runs]
    count, last = 0, None
    try:
        with target.open("w", encoding="utf-8") as out:
            for line in heapq.merge(*files):
                if line == last or (marks and _names_removed(line, removed, marks)):
                    continue
                out.write(line)
                last = line
                count += 1
    finally:
        for f in files:
            f.close()
    return count


def _names_removed(line: str, removed: set[Node], marks: list[str]) -> bool:
    if not any(m in line for m in marks):
        return False
    quad = next(iter(Dataset().parse(data=line, format="nquads").quads((None, None, None, None))))
    return quad[0] in removed or quad[2] in removed


def _count_classes(store: ox.Store) -> dict[str, int]:
    """Distinct subjects of each counted class over the named graphs (as :func:`graph.build.count_classes`)."""
    counts = {}
    for name in COUNTED_CLASSES:
        rows = store.query(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a <{GY[name]}> }} }}")
        counts[name] = int(next(iter(rows))["n"].value)
    return counts



class GraphFileQuads:
    """The quads of a ``graph.nq`` as rdflib terms, read from the file each time: what the index build reads
    (``quads((None, None, None, None))``) without an rdflib ``Dataset`` of the whole graph."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def quads(self, pattern: tuple = (None, None, None, None)) -> Iterator[tuple]:
        if any(term is not None for term in pattern):
            raise ValueError("only the whole file can be read")
        for q in ox.parse(path=str(self.path), format=ox.RdfFormat.N_QUADS):
            graph = None if isinstance(q.graph_name, ox.DefaultGraph) else _rdflib(q.graph_name)
            yield _rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object), graph


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib(term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
