"""The streaming build: document by document into the store, never the whole graph in rdflib.

:func:`graph.build.build_graph` holds every document's graph in one rdflib ``Dataset`` (3.2 GB at 10× the
seeds, some 30 GB at 100×). This path gives the same ``graph.nq`` and store with memory bounded by one
batch of documents plus small indexes, and works on the N-Quads lines rdflib wrote for each document (kept in
the extraction cache, the spool), parsing them into rdflib only to validate:

1. **Extract** every document (cached pieces reused, others through the executor) into the spool. While
   reading each document's lines once, keep small indexes — agreements' parties, dates and methods; which
   graphs state each fact node with which method, confidence and names; the types of every node; in which
   graphs a node has a description of its own.
2. **Reconcile** on those indexes with the decisions of :func:`graph.reconcile.reconcile`
   (:func:`~graph.reconcile.restated`, :func:`~graph.reconcile.owner_of`): which restated signings are
   redirected, which graph owns each shared node; each graph gets only its own edits, made on its lines.
3. **Validate and write** in batches of whole documents (about :data:`BATCH_QUADS` quads, one document at
   least): each batch is validated (SHACL) with the types of the nodes it points to as context, judging
   only its own nodes; a node described in several graphs is validated once at the end on its gathered
   descriptions. Automatic facts that break a shape are set aside as in :mod:`graph.set_aside`: removed
   from every graph, earlier batches included (those are validated again without them). Each batch is
   written as a sorted run; the runs are merged into ``graph.nq``, which the store's bulk loader then reads
   once, with the union default graph.

The registry and vocabulary graphs go through the same path as one more batch. ``gyoryu build`` takes this
path above ``GYORYU_STREAM_ABOVE`` documents or with ``--stream``.
"""

from __future__ import annotations

import heapq
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from corpus import Document
from graph.build import COUNTED_CLASSES, add_registry_graph, extract_piece
from graph.extraction_cache import ExtractionCache
from graph.facts import AUTOMATIC, CURATED
from graph.reconcile import _KEPT_IN_NON_OWNERS, _NAME_PREDICATES, owner_of, report_restated, restated, signing
from graph.registry import Registry
from graph.report import ExtractionReport
from graph.set_aside import REJECTED, _name, _sources, is_automatic, violations
from graph.store import bulk_load_with_union
from graph.validate import union_graph, validate_graph_results
from ontology import VOCABULARY_FILE
from ontology.namespaces import GY, ID, ONTOLOGY_GRAPH, PROV, RDF, SKOS, bind_prefixes
from runtime.executors import Executor, SerialExecutor
from runtime.progress import Progress

#: Quads validated and written at once (a batch closes at the first document past it).
BATCH_QUADS = 20_000
_SPAN_PREFIX = str(ID["source/"])  # ontology.namespaces.source_span_iri
_TYPE, _PARTY, _SIGNED, _METHOD, _CONFIDENCE = (str(RDF.type), str(GY.party), str(GY.signedOn),
                                                str(GY.extractionMethod), str(GY.confidence))
_DERIVED, _ALT = str(PROV.wasDerivedFrom), str(SKOS.altLabel)
_KEPT = {str(p) for p in _KEPT_IN_NON_OWNERS}
_NAMES = {str(p) for p in _NAME_PREDICATES}
_AGREEMENT = str(GY.Agreement)


class StreamValidationError(ValueError):
    """A node that is not an automatic fact breaks a shape: the build fails (the violations are the message)."""


@dataclass
class StreamedGraph:
    """What the streaming build wrote: quads in ``graph.nq``, quads in the store, its report."""

    quads: int
    stored: int
    report: ExtractionReport
    set_aside: int = 0


def split_quad(line: str) -> tuple[str, str, str, str]:
    """``(subject, predicate, object, graph)`` of an N-Quads line in a named graph: IRIs without their brackets,
    blank nodes as ``_:x``, a literal object as written.

    >>> split_quad('<http://s> <http://p> "a > b"@ko <http://g> .')
    ('http://s', 'http://p', '"a > b"@ko', 'http://g')
    """
    if line.startswith("<"):
        end = line.index(">")
        s, rest = line[1:end], line[end + 2:]
    else:
        end = line.index(" ")
        s, rest = line[:end], line[end + 1:]
    end = rest.index(">")
    p, rest = rest[1:end], rest[end + 2:].removesuffix(" .")
    cut = rest.rindex(" <")
    o, g = rest[:cut], rest[cut + 2:-1]
    return s, p, o[1:-1] if o.startswith("<") else o, g


def graph_of(line: str) -> str:
    """The graph IRI of an N-Quads line in a named graph, without splitting the rest.

    >>> graph_of('<http://s> <http://p> "a <b>" <http://g> .')
    'http://g'
    """
    return line[line.rindex(" <") + 2:line.rindex(">")]


def subject_of(line: str) -> str:
    """The subject of an N-Quads line as :func:`split_quad` gives it (an IRI without brackets, ``_:x``)."""
    return line[1:line.index(">")] if line.startswith("<") else line[:line.index(" ")]


def _object_text(o: str) -> str:
    """An object of :func:`split_quad` as N-Quads text again."""
    return o if o.startswith(('"', "_:")) else f"<{o}>"


def _lexical(o: str) -> str:
    return o[1:o.rindex('"')]


@dataclass
class _Statement:
    graph: str
    curated: bool
    confidence: float
    names: frozenset[str]


@dataclass
class _Indexes:
    """What the cross-document steps need, read once from every document's lines: no triple is kept whole."""

    agreements: set = field(default_factory=set)
    parties: dict = field(default_factory=lambda: defaultdict(set))
    dates: dict = field(default_factory=lambda: defaultdict(list))
    methods: dict = field(default_factory=lambda: defaultdict(set))
    statements: dict = field(default_factory=lambda: defaultdict(list))
    types: dict = field(default_factory=dict)
    described: dict = field(default_factory=lambda: defaultdict(set))
    _type_sets: dict = field(default_factory=dict)

    def read(self, lines: list[str]) -> None:
        """Add what one graph's lines state."""
        own: dict[str, dict] = defaultdict(lambda: {"methods": set(), "confidence": [], "names": set()})
        for line in lines:
            s, p, o, g = split_quad(line)
            s = sys.intern(s)
            span = s.startswith(_SPAN_PREFIX)
            if p == _TYPE and not span:
                merged = self.types.get(s, frozenset()) | {o}
                self.types[s] = self._type_sets.setdefault(merged, merged)
                if o == _AGREEMENT:
                    self.agreements.add(s)
            if p not in _KEPT and not span:
                self.described[s].add(sys.intern(g))
            if p == _PARTY:
                self.parties[s].add(sys.intern(o))
            elif p == _SIGNED:
                self.dates[s].append(_lexical(o))
            elif p == _METHOD:
                self.methods[s].add(_lexical(o))
                own[s]["methods"].add(_lexical(o))
            elif p == _CONFIDENCE:
                own[s]["confidence"].append(float(_lexical(o)))
            elif p in _NAMES:
                own[s]["names"].add(o)
        graph = graph_of(lines[0]) if lines else ""
        for node, seen in own.items():
            if seen["methods"]:
                self.statements[node].append(_Statement(graph, CURATED in seen["methods"],
                                                        max(seen["confidence"], default=0.0),
                                                        frozenset(seen["names"])))


@dataclass
class _Plan:
    """Each graph's own edits: restated signings redirected, shared nodes stripped where another graph owns them."""

    redirects: dict[str, str]
    strips: dict[str, dict[str, frozenset[str]]]  # graph → node → the owner's names
    shared: set[str]  # nodes still described by several graphs: validated once on their gathered descriptions


def plan(ix: _Indexes, report: ExtractionReport) -> _Plan:
    """The decisions :func:`graph.reconcile.reconcile` takes, from the indexes."""
    signings = [signing(URIRef(n), frozenset(ix.parties.get(n, ())), ix.dates.get(n, []),
                        CURATED in ix.methods.get(n, ())) for n in ix.agreements]
    pairs = restated(signings)
    for old, new in pairs:
        report_restated(report, old, new)
    redirects = {str(old): str(new) for old, new in pairs}
    strips: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    stripped: dict[str, set[str]] = defaultdict(set)
    for node, stating in ix.statements.items():
        if node in redirects or len(stating) < 2 or AUTOMATIC not in ix.methods[node]:
            continue
        stating = sorted(stating, key=lambda s: s.graph)
        owner = owner_of([(s.graph, s.curated, s.confidence) for s in stating])
        names = next(s.names for s in stating if s.graph == owner)
        for s in stating:
            if s.graph != owner and not s.curated:
                strips[s.graph][node] = names
                stripped[node].add(s.graph)
    shared = {n for n, graphs in ix.described.items() if n not in redirects and len(graphs - stripped[n]) > 1}
    return _Plan(redirects, strips, shared)


def reconciled(lines: list[str], p: _Plan, removed: set[str]) -> list[str]:
    """One graph's lines with its own edits (as :func:`graph.reconcile.reconcile` makes them on the whole
    dataset) and without the nodes set aside."""
    if not lines:
        return lines
    strips = p.strips.get(graph_of(lines[0]), {})
    olds = {s for s in map(subject_of, lines) if s in p.redirects}
    if not olds and not strips and not removed:
        return lines
    quads = [split_quad(line) for line in lines]
    out, added = [], []
    for line, (s, pred, o, g) in zip(lines, quads, strict=True):
        if s in removed or o in removed:
            continue
        if s in olds or o in olds:
            if s in olds and pred == _DERIVED:
                added.append(f"<{p.redirects[s]}> <{_DERIVED}> {_object_text(o)} <{g}> .")
            continue
        if s in strips and pred not in _KEPT:
            if pred in _NAMES and o not in strips[s]:
                added.append(f"<{s}> <{_ALT}> {o} <{g}> .")
            continue
        out.append(line)
    return list(dict.fromkeys(out + [a for a in added if split_quad(a)[0] not in removed]))


def _to_graph(lines: Iterable[str]) -> Graph:
    dataset = Dataset()
    dataset.parse(data="\n".join(lines) + "\n", format="nquads")
    return union_graph(dataset)


class _Batches:
    """Validates batches of graphs with their context, sets aside broken automatic facts, writes the rest."""

    def __init__(self, ix: _Indexes, p: _Plan, report: ExtractionReport, runs: Path | None,
                 validate: bool = True, set_aside: set[str] | None = None) -> None:
        self.ix, self.plan, self.report, self.runs = ix, p, report, runs
        self.validate = validate
        self.set_aside: set[str] = set(set_aside or ())
        self.shared_lines: dict[str, set[str]] = defaultdict(set)
        self.run_files: list[Path] = []

    def context(self, data: Graph) -> None:
        """Add the types every node ``data`` points to has anywhere (``sh:class`` needs them)."""
        for o in set(data.objects()):
            if isinstance(o, URIRef):
                for t in self.ix.types.get(str(o), ()):
                    data.add((o, RDF.type, URIRef(t)))

    def check(self, data: Graph, focus: set[Node], where: str) -> set[str]:
        """Validate ``data``, judging only the nodes of ``focus`` (context nodes carry only their types); the
        automatic fact nodes set aside (raises on any other violation)."""
        removed: set[str] = set()
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
                removed.add(str(node))
            focus = {n for n in focus if str(n) not in removed}
        return removed

    def batch(self, graphs: list[list[str]]) -> None:
        """Validate and write one batch of graphs (each its reconciled lines)."""
        lines = [line for g in graphs for line in g]
        if self.validate:
            focus = set()
            for g in graphs:
                spans = set()
                for line in g:
                    s, p, o, _ = split_quad(line)
                    if s in self.plan.shared:
                        self.shared_lines[s].add(line)
                        if p == _DERIVED:
                            spans.add(o)
                    elif p == _TYPE and not s.startswith("_:"):
                        focus.add(URIRef(s))
                for line in g:  # the spans shared nodes' provenance names, for the report
                    s = split_quad(line)[0]
                    if s in spans:
                        self.shared_lines[s].add(line)
            data = _to_graph(lines)
            self.context(data)
            removed = self.check(data, focus, split_quad(lines[0])[3] if lines else "")
            if removed:
                self.set_aside |= removed
                lines = [line for line in lines if not _names_any(line, removed)]
        if self.runs is not None:
            self.write(lines)

    def write(self, lines: list[str]) -> None:
        lines = sorted(set(lines))
        if not lines:
            return
        run = self.runs / f"run-{len(self.run_files):06d}.nq"
        run.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.run_files.append(run)

    def check_shared(self) -> None:
        """Validate each node described by several graphs once, on its descriptions gathered from all of them."""
        if not self.validate:
            return
        lines = [line for held in self.shared_lines.values() for line in held if not _names_any(line, self.set_aside)]
        if not lines:
            return
        data = _to_graph(lines)
        self.context(data)
        focus = {URIRef(n) for n in self.plan.shared if not n.startswith("_:") and (URIRef(n), RDF.type, None) in data}
        self.set_aside |= self.check(data, focus, "nodes described by several documents")


def _names_any(line: str, nodes: set[str]) -> bool:
    s, _, o, _ = split_quad(line)
    return s in nodes or o in nodes


def stream_graph(documents: list[Document], registry: Registry | None, progress: Progress, cache: ExtractionCache,
                 executor: Executor | None, graph_path: Path, store_dir: Path,
                 batch_quads: int = BATCH_QUADS, validate: bool = True) -> StreamedGraph:
    """Build ``graph.nq`` and the on-disk store of ``documents`` as :func:`graph.build.build_graph`, validation
    and the store would, batch by batch. Raises :class:`StreamValidationError` when the graph cannot conform.

    ``validate=False`` skips SHACL: only for the scale study's stand-in documents (copies of extracted ones,
    whose validation it measures on the originals)."""
    registry = registry or Registry.default()
    executor = executor or SerialExecutor()
    report = ExtractionReport()
    with progress.stage("extract"):
        ix = _index_pieces(documents, registry, progress, cache, executor, report)
        fixed = bind_prefixes(Dataset())
        add_registry_graph(fixed, registry)
        fixed.graph(ONTOLOGY_GRAPH).parse(VOCABULARY_FILE, format="turtle")
        fixed_graphs = _by_graph([line for line in fixed.serialize(format="nquads").splitlines() if line.strip()])
        for lines in fixed_graphs:
            ix.read(lines)
        the_plan = plan(ix, report)
        progress.step(f"{len(the_plan.redirects)} restated signings, {sum(map(len, the_plan.strips.values()))} "
                      f"shared descriptions stripped, {len(the_plan.shared)} nodes described by several graphs")
    with progress.stage("validate"):
        return _validate_and_write(documents, cache, ix, the_plan, fixed_graphs, report, graph_path, store_dir,
                                   batch_quads, validate)


def _index_pieces(documents: list[Document], registry: Registry, progress: Progress, cache: ExtractionCache,
                  executor: Executor, report: ExtractionReport) -> _Indexes:
    """Extract (or take from the cache) every document into the spool; the indexes of what they state.

    One document's lines are in memory at a time; a cached piece found damaged is extracted again here."""
    ix = _Indexes()
    task = partial(extract_piece, registry=None if registry is Registry.default() else registry)
    cached = [cache.take(doc) for doc in documents]
    missing = [doc for doc, held in zip(documents, cached, strict=True) if not held]
    extracted = executor.map(task, missing, labels=[doc.id for doc in missing])
    seen: set[str] = set()
    for doc, held in zip(documents, cached, strict=True):
        how = "cached"
        try:
            lines, piece_report = (cache.lines(doc), cache.report(doc)) if held else (None, None)
        except (OSError, ValueError, KeyError, TypeError):
            held, extracted = False, _chain([task(doc)], extracted)
        if not held:
            piece, names = next(extracted)
            how = ", ".join(names)
            cache.put(doc, piece)
            lines, piece_report = cache.lines(doc), piece.report
        _add_report(piece_report, report)
        for graph_lines in _by_graph(lines):
            graph = graph_of(graph_lines[0])
            if graph in seen:
                raise ValueError(f"{doc.id}: graph {graph} is also written by another document")
            seen.add(graph)
            ix.read(graph_lines)
        progress.step(f"{doc.id}: {len(lines)} quads indexed ({how})")
    progress.step(f"{cache.misses} documents extracted, {cache.hits} taken from the extraction cache")
    return ix


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


def _add_report(piece: ExtractionReport, report: ExtractionReport) -> None:
    for issue in piece.issues:
        report.add_issue(issue.kind, issue.doc, issue.line, issue.text, issue.detail)
    for extractor, lines in piece.summaries.items():
        for line in lines:
            report.summary(extractor, line)


def _by_graph(lines: list[str]) -> list[list[str]]:
    by_graph: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        by_graph[graph_of(line)].append(line)
    return [by_graph[g] for g in sorted(by_graph)]


def _validate_and_write(documents: list[Document], cache: ExtractionCache, ix: _Indexes, the_plan: _Plan,
                        fixed_graphs: list[list[str]], report: ExtractionReport, graph_path: Path, store_dir: Path,
                        batch_quads: int, validate: bool) -> StreamedGraph:
    with tempfile.TemporaryDirectory(prefix="runs-", dir=graph_path.parent) as runs:
        batches = _Batches(ix, the_plan, report, Path(runs), validate)
        for group in _grouped(_graphs_of(documents, cache, the_plan, fixed_graphs, set()), batch_quads):
            batches.batch(group)
        batches.check_shared()
        known: set[str] = set()
        while batches.set_aside - known:  # nodes set aside late: validate every batch again without them
            known = set(batches.set_aside)
            checking = _Batches(ix, the_plan, report, None, True, known)
            for group in _grouped(_graphs_of(documents, cache, the_plan, fixed_graphs, known), batch_quads):
                checking.batch(group)
            checking.check_shared()
            batches.set_aside |= checking.set_aside
        quads = _merge_runs(batches.run_files, graph_path, batches.set_aside)
    store = ox.Store(str(store_dir))
    bulk_load_with_union(store, graph_path)  # once, from the merged file: the bulk loader at its fastest
    counts = _count_classes(store)
    store.flush()
    store.optimize()
    stored = len(store)
    del store
    report.counts.update(counts)
    return StreamedGraph(quads, stored, report, len(batches.set_aside))


def _graphs_of(documents: list[Document], cache: ExtractionCache, p: _Plan, fixed: list[list[str]],
               removed: set[str]) -> Iterator[list[str]]:
    """Every document's graphs, reconciled, read back from the spool one document at a time; then the fixed ones."""
    for doc in documents:
        for lines in _by_graph(cache.lines(doc)):
            yield reconciled(lines, p, removed)
    for lines in fixed:
        yield reconciled(lines, p, removed)


def _grouped(graphs: Iterable[list[str]], limit: int) -> Iterator[list[list[str]]]:
    group: list[list[str]] = []
    size = 0
    for g in graphs:
        if group and size + len(g) > limit:
            yield group
            group, size = [], 0
        group.append(g)
        size += len(g)
    if group:
        yield group


def _merge_runs(runs: list[Path], target: Path, removed: set[str]) -> int:
    """Merge sorted runs into one sorted file without repeats or lines naming a removed node; lines written."""
    files = [run.open(encoding="utf-8") for run in runs]
    count, last = 0, None
    try:
        with target.open("w", encoding="utf-8") as out:
            for line in heapq.merge(*files):
                if line == last or (removed and _names_any(line.rstrip("\n"), removed)):
                    continue
                out.write(line)
                last = line
                count += 1
    finally:
        for f in files:
            f.close()
    return count


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


@lru_cache(maxsize=1 << 20)  # IRIs and literals repeat: each rdflib term is checked and made once
def _rdflib(term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
