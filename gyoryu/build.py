"""``gyoryu build``: extract, resolve, validate, embed, index — into ``data/``, atomically.

Everything is written into a fresh sibling directory first; only when every stage has
succeeded is it swapped in for the previous data. A failed build leaves the previous data
exactly as it was.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import platform
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from corpus import Document, load_corpus
from corpus.loader import CORPUS_COPY, MANIFEST, lines_file
from graph.build import GraphBuild, build_graph, count_classes
from graph.extraction_cache import CACHE_DIR, ExtractionCache
from graph.incremental import GraphState, IncrementalGraph, state_of, write_state_streamed
from graph.readers.acceptance import AcceptanceModelError, model_digest
from graph.registry import Registry
from graph.set_aside import REJECTED, validate_setting_aside
from graph.store import GRAPH_FILE, STORE_DIR, write_dataset, write_store
from runtime.built_data import DATA_FORMAT, MANIFEST_FILE, REPORT_FILE, file_inventory
from runtime.executors import LOCAL, Executor, ExecutorError, WorkFailed, open_executor
from runtime.progress import Progress
from runtime.settings import DEFAULT_CORPUS, Settings
from runtime.version import __version__

PACKAGES = ("rdflib", "pyoxigraph", "pyshacl", "sentence-transformers", "transformers", "torch", "faiss-cpu",
            "bm25s", "kiwipiepy", "networkx", "flask")


class BuildError(RuntimeError):
    """A build stage failed; the previous data is untouched."""


@dataclass
class BuildResult:
    """What a successful build wrote."""

    data_dir: Path
    manifest: dict
    report_text: str


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _clear_leftovers(target: Path) -> None:
    """Put back data a killed swap left aside, and delete work directories of builds that were killed."""
    for path in target.parent.glob(f".{target.name}.*-*"):
        kind, _, rest = path.name[len(target.name) + 2:].partition("-")
        pid = rest.split("-", 1)[0]
        if kind not in ("building", "old") or not pid.isdigit() or _alive(int(pid)):
            continue
        if kind == "old" and not target.exists():
            os.replace(path, target)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


@contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Yield a fresh directory beside ``target``; on success it replaces ``target``, on failure it is removed.

    The swap is one atomic rename where the system has one, so a process killed at any point leaves
    either the old or the new directory in place; work left by killed builds is cleared by the next one.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(target)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-{os.getpid()}-", dir=target.parent))
    try:
        yield work
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    if target.exists() and _exchange(work, target):
        shutil.rmtree(work, ignore_errors=True)
        return
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(work, target)
    shutil.rmtree(old, ignore_errors=True)


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version(), "gyoryu": __version__}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out


@contextmanager
def build_executor(settings: Settings, executor: Executor | None = None) -> Iterator[Executor]:
    """``executor``, or the one of ``settings.cluster`` / ``settings.build_workers`` (closed after); its failures
    become :class:`BuildError`."""
    try:
        if executor is not None:
            yield executor
            return
        with open_executor(settings.cluster, settings.build_workers) as opened:
            yield opened
    except (ExecutorError, WorkFailed) as exc:
        raise BuildError(str(exc)) from exc


def input_hashes(documents: list[Document]) -> dict[str, str]:
    """SHA-256 of every input document, by document id."""
    return {d.id: d.sha256 for d in documents}


def build(corpus_dir: Path | None = None, data_dir: Path | None = None, settings: Settings | None = None,
          progress: Progress | None = None, *, with_index: bool = True,
          executor: Executor | None = None, incremental: bool = False) -> BuildResult:
    """Run every stage and swap the result into ``data_dir``. Raises :class:`BuildError` on failure.

    Per-document work runs on ``executor`` (default: the one ``settings`` names, opened for this build).
    ``incremental`` (ingest and remove): the graph stages start from the previous data's graph state and work
    on what the changed documents touch (:mod:`graph.incremental`) when the previous data has one."""
    settings = settings or Settings.from_env()
    progress = progress or Progress()
    corpus_dir = Path(corpus_dir) if corpus_dir else DEFAULT_CORPUS
    data_dir = Path(data_dir) if data_dir else settings.data_dir
    started, started_cpu, started_system = time.perf_counter(), time.process_time(), os.times().system
    try:
        model_digest()  # a setting naming no model file fails before any work
    except AcceptanceModelError as exc:
        raise BuildError(str(exc)) from exc
    if settings.store_load:
        from graph.store_load import LoadTarget

        try:
            LoadTarget.parse(settings.store_load)  # a mistyped setting fails before any work
        except ValueError as exc:
            raise BuildError(str(exc)) from exc
    with progress.stage("load"):
        try:
            documents = load_corpus(corpus_dir)
        except (FileNotFoundError, ValueError) as exc:
            raise BuildError(str(exc)) from exc
        progress.step(f"{len(documents)} documents, {sum(len(d.lines) for d in documents)} lines from {corpus_dir}")
    registry = Registry.default()
    loading, early = contextlib.nullcontext(), None
    if with_index and not (data_dir / MANIFEST_FILE).exists():  # a cold build embeds: load the model meanwhile
        from index.build import model_loading_meanwhile
        from index.early_lines import EarlyLines

        second_core_free = executor is None and settings.cluster in ("", LOCAL) and settings.build_workers <= 1
        # a streamed build's index embeds its lines chunk by chunk and takes none embedded early: they would only
        # fill memory for the whole build (at 1000× the seeds, stand-in lines at some 1.5 KB each, gigabytes)
        if second_core_free and len(documents) <= settings.stream_above:
            early = EarlyLines(documents)
        loading = model_loading_meanwhile(settings, early)
    with loading, build_executor(settings, executor) as executor, atomic_directory(data_dir) as work:
        progress.step(f"documents extracted {executor.description}")
        cache = ExtractionCache(work / CACHE_DIR, data_dir / CACHE_DIR)
        state = GraphState.read(data_dir) if incremental and (data_dir / STORE_DIR).is_dir() else None
        if state is not None:
            graph, triples, report_text = _incremental_graph(state, documents, registry, progress, cache, executor,
                                                             data_dir, work)
        elif len(documents) > settings.stream_above:
            graph, triples, report_text = _streamed_graph(documents, registry, progress, cache, executor, work)
        else:
            graph, triples, report_text = _whole_graph(documents, registry, progress, cache, executor, work)
        with progress.stage("copy corpus"):
            copy_corpus(documents, corpus_dir, work / CORPUS_COPY)
        index_info: dict = {}
        if with_index:
            from index.build import build_index

            with progress.stage("index"):
                previous = data_dir if (data_dir / MANIFEST_FILE).exists() else None
                index_info = build_index(documents, graph.dataset, registry, work, settings, progress, previous,
                                         executor, early)
        if settings.store_load:
            with progress.stage("load store"):
                progress.step(f"{load_remote(work / GRAPH_FILE, settings)} quads → the store of GYORYU_STORE_LOAD")
        manifest = {
            "format": DATA_FORMAT,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "corpus": {"documents": input_hashes(documents)},
            "graph": {"file": GRAPH_FILE, "quads": triples, "counts": dict(graph.report.counts)},
            "index": index_info,
            "versions": _versions(),
            "timings_s": {**progress.timings, "total": round(time.perf_counter() - started, 3)},
            "cpu_s": {**progress.cpu_timings, "total": round(time.process_time() - started_cpu, 3)},
            "cpu_system_s": {**progress.system_timings, "total": round(os.times().system - started_system, 3)},
            "files": file_inventory(work),  # sizes and SHA-256: damaged or swapped files are refused at load
        }
        (work / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return BuildResult(data_dir, manifest, report_text)


def _whole_graph(documents: list[Document], registry: Registry, progress: Progress, cache: ExtractionCache,
                 executor: Executor, work: Path) -> tuple[GraphBuild, int, str]:
    """Extract, reconcile and validate with the whole graph in rdflib; write ``graph.nq`` and the store."""
    with progress.stage("extract"):
        graph = build_graph(documents, registry, progress, cache, executor)
        report_text = graph.report.format()
        progress.step("report:\n" + report_text)
    with progress.stage("validate"):
        conforms, text = validate_setting_aside(graph.dataset, graph.report)
        progress.step("SHACL: conforms" if conforms else "SHACL: violations")
        if not conforms:
            raise BuildError("the graph does not conform to ontology/shapes.ttl:\n" + text)
        rejected = graph.report.of_kind(REJECTED)
        if rejected:
            graph.report.counts = Counter(count_classes(graph.dataset))
            report_text = graph.report.format()
            progress.step(f"{len(rejected)} automatic facts break a shape and are left out:\n"
                          + "\n".join(f"  {i.doc}:{i.line} {i.text} {i.detail}" for i in rejected))
    with progress.stage("write graph"):
        triples = write_dataset(graph.dataset, work / GRAPH_FILE)
        progress.step(f"{triples} quads → {GRAPH_FILE}")
        stored = write_store(work / GRAPH_FILE, work / STORE_DIR)
        progress.step(f"{stored} quads (with the union default graph) → {STORE_DIR}/")
        (work / REPORT_FILE).write_text(json.dumps(graph.report.to_dict(), ensure_ascii=False, indent=1),
                                        encoding="utf-8")
        state_of(documents, cache, registry, graph.report).write(work)
    return graph, triples, report_text


def _incremental_graph(state: GraphState, documents: list[Document], registry: Registry, progress: Progress,
                       cache: ExtractionCache, executor: Executor, previous: Path,
                       work: Path) -> tuple[GraphBuild, int, str]:
    """The graph stages on what the changed documents touch (:mod:`graph.incremental`); the index reads ``graph.nq``."""
    from graph.batch_validation import StreamValidationError
    from graph.quad_lines import GraphFileQuads

    try:
        done = IncrementalGraph(state, documents, cache, registry, previous, work, progress).run(executor,
                                                                                                   work / GRAPH_FILE)
    except StreamValidationError as exc:
        raise BuildError(str(exc)) from exc
    report_text = done.report.format()
    progress.step(f"{done.quads} quads → {GRAPH_FILE}, {done.stored} quads (with the union default graph) → "
                  f"{STORE_DIR}/ ({done.affected} graphs replaced)\nreport:\n{report_text}")
    (work / REPORT_FILE).write_text(json.dumps(done.report.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return GraphBuild(GraphFileQuads(work / GRAPH_FILE), done.report), done.quads, report_text


def _streamed_graph(documents: list[Document], registry: Registry, progress: Progress, cache: ExtractionCache,
                    executor: Executor, work: Path) -> tuple[GraphBuild, int, str]:
    """The same through :mod:`graph.stream_build`: batch by batch into the store; the index reads ``graph.nq``."""
    from graph.batch_validation import StreamValidationError
    from graph.quad_lines import GraphFileQuads
    from graph.stream_build import stream_graph

    progress.step(f"streaming {len(documents)} documents into the store (GYORYU_STREAM_ABOVE or --stream)")
    try:
        streamed = stream_graph(documents, registry, progress, cache, executor, work / GRAPH_FILE, work / STORE_DIR)
    except StreamValidationError as exc:
        raise BuildError(str(exc)) from exc
    report_text = streamed.report.format()
    progress.step(f"{streamed.quads} quads → {GRAPH_FILE}, {streamed.stored} quads (with the union default graph) "
                  f"→ {STORE_DIR}/; {streamed.set_aside} automatic facts set aside\nreport:\n{report_text}")
    with progress.stage("write graph"):
        (work / REPORT_FILE).write_text(json.dumps(streamed.report.to_dict(), ensure_ascii=False, indent=1),
                                        encoding="utf-8")
        # what ingest and remove work on, one graph's summary in memory at a time
        write_state_streamed(documents, cache, registry, streamed.report, streamed.plan, work)
    return GraphBuild(GraphFileQuads(work / GRAPH_FILE), streamed.report), streamed.quads, report_text


def load_remote(quads_file: Path, settings: Settings) -> int:
    """Bulk-load the graph into the remote store (``GYORYU_STORE_LOAD``); the quads sent. A clear error on failure."""
    from graph.store_load import load_store

    query_url = settings.store if settings.store.startswith(("http://", "https://")) else None
    try:
        return load_store(quads_file, settings.store_load, query_url)
    except (OSError, ValueError) as exc:
        raise BuildError(f"loading the remote store failed: {exc}") from exc


def copy_corpus(documents: list[Document], source: Path, target: Path) -> None:
    """Copy the documents (and ``manifest.tsv``) the data was built from into ``target``."""
    target.mkdir()
    for doc in documents:
        shutil.copy2(source / lines_file(doc.id), target / lines_file(doc.id))
    if (source / MANIFEST).exists():
        shutil.copy2(source / MANIFEST, target / MANIFEST)
