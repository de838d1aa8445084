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
path above ``GYORYU_STREAM_ABOVE`` documents or with ``--stream``. What it shares with the incremental build
(:mod:`graph.incremental`) is public in three modules: :mod:`graph.quad_lines` (the lines),
:mod:`graph.reconcile_lines` (indexes, decisions, edits) and :mod:`graph.batch_validation` (SHACL by batch).
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from corpus import Document
from graph.batch_validation import BatchValidator, StreamValidationError
from graph.build import add_registry_graph, count_stored_classes, extraction_task
from graph.extraction_cache import ExtractionCache
from graph.quad_lines import graph_of, lines_by_graph, names_any
from graph.reconcile_lines import LineIndexes, ReconcilePlan, plan_reconciliation, reconciled_lines
from graph.registry import Registry
from graph.report import ExtractionReport
from graph.store import bulk_load_with_union
from ontology import VOCABULARY_FILE
from ontology.namespaces import ONTOLOGY_GRAPH, bind_prefixes
from runtime.executors import Executor, SerialExecutor
from runtime.progress import Progress

__all__ = ["BATCH_QUADS", "StreamValidationError", "StreamedGraph", "stream_graph"]

#: Quads validated and written at once (a batch closes at the first document past it).
BATCH_QUADS = 20_000
#: Sorted runs merged at once; more (about 3,000 at 1000× the seeds) are first merged in passes of this many, so
#: the open files stay far under a system's limit (often 1,024) whatever the corpus size.
MERGE_FAN_IN = 256


@dataclass
class StreamedGraph:
    """What the streaming build wrote: quads in ``graph.nq``, quads in the store, its report."""

    quads: int
    stored: int
    report: ExtractionReport
    set_aside: int = 0
    plan: ReconcilePlan | None = None  # the reconciliation taken (the graph state written beside the data keeps it)


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
        fixed_graphs = lines_by_graph([line for line in fixed.serialize(format="nquads").splitlines() if line.strip()])
        for lines in fixed_graphs:
            ix.read(lines)
        the_plan = plan_reconciliation(ix, report)
        progress.step(f"{len(the_plan.redirects)} restated signings, {sum(map(len, the_plan.strips.values()))} "
                      f"shared descriptions stripped, {len(the_plan.shared)} nodes described by several graphs")
    with progress.stage("validate"):
        return _validate_and_write(documents, cache, ix, the_plan, fixed_graphs, report, graph_path, store_dir,
                                   batch_quads, validate)


def _index_pieces(documents: list[Document], registry: Registry, progress: Progress, cache: ExtractionCache,
                  executor: Executor, report: ExtractionReport) -> LineIndexes:
    """Extract (or take from the cache) every document into the spool; the indexes of what they state.

    One document's lines are in memory at a time; a cached piece found damaged is extracted again here."""
    ix = LineIndexes()
    task = extraction_task(registry)
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
        report.add_report(piece_report)
        for graph_lines in lines_by_graph(lines):
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


def _validate_and_write(documents: list[Document], cache: ExtractionCache, ix: LineIndexes, the_plan: ReconcilePlan,
                        fixed_graphs: list[list[str]], report: ExtractionReport, graph_path: Path, store_dir: Path,
                        batch_quads: int, validate: bool) -> StreamedGraph:
    with tempfile.TemporaryDirectory(prefix="runs-", dir=graph_path.parent) as runs:
        batches = BatchValidator(ix, the_plan, report, Path(runs), validate)
        for group in _grouped(_graphs_of(documents, cache, the_plan, fixed_graphs, set()), batch_quads):
            batches.batch(group)
        batches.check_shared()
        known: set[str] = set()
        while batches.set_aside - known:  # nodes set aside late: validate every batch again without them
            known = set(batches.set_aside)
            checking = BatchValidator(ix, the_plan, report, None, True, known)
            for group in _grouped(_graphs_of(documents, cache, the_plan, fixed_graphs, known), batch_quads):
                checking.batch(group)
            checking.check_shared()
            batches.set_aside |= checking.set_aside
        quads = _merge_runs(batches.run_files, graph_path, batches.set_aside)
    store = ox.Store(str(store_dir))
    bulk_load_with_union(store, graph_path)  # once, from the merged file: the bulk loader at its fastest
    counts = count_stored_classes(store)
    store.flush()
    store.optimize()
    stored = len(store)
    del store
    report.counts.update(counts)
    return StreamedGraph(quads, stored, report, len(batches.set_aside), the_plan)


def _graphs_of(documents: list[Document], cache: ExtractionCache, plan: ReconcilePlan, fixed: list[list[str]],
               removed: set[str]) -> Iterator[list[str]]:
    """Every document's graphs, reconciled, read back from the spool one document at a time; then the fixed ones."""
    for doc in documents:
        for lines in lines_by_graph(cache.lines(doc)):
            yield reconciled_lines(lines, plan, removed)
    for lines in fixed:
        yield reconciled_lines(lines, plan, removed)


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
    """Merge sorted runs into one sorted file without repeats or lines naming a removed node; lines written.

    Past :data:`MERGE_FAN_IN` runs, groups of that many are merged into one run each first (each group's runs
    deleted once merged), pass after pass: the same file, at most that many files open."""
    runs, passes = list(runs), 0
    while len(runs) > MERGE_FAN_IN:
        passes += 1
        merged = []
        for start in range(0, len(runs), MERGE_FAN_IN):
            group = runs[start:start + MERGE_FAN_IN]
            out = group[0].with_name(f"pass-{passes:03d}-{len(merged):06d}.nq")
            _merge_files(group, out, set())
            for run in group:
                run.unlink()
            merged.append(out)
        runs = merged
    return _merge_files(runs, target, removed)


def _merge_files(runs: list[Path], target: Path, removed: set[str]) -> int:
    files = [run.open(encoding="utf-8") for run in runs]
    count, last = 0, None
    try:
        with target.open("w", encoding="utf-8") as out:
            for line in heapq.merge(*files):
                if line == last or (removed and names_any(line.rstrip("\n"), removed)):
                    continue
                out.write(line)
                last = line
                count += 1
    finally:
        for f in files:
            f.close()
    return count
