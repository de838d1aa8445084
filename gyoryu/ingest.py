"""``gyoryu ingest`` and ``gyoryu remove``: change the built data's corpus, then rebuild it incrementally.

Both work on a staging copy of the data's corpus (``data/corpus``: stored lines + ``manifest.tsv``)
and hand it to :func:`gyoryu.build.build`, which writes a fresh data directory and swaps it in
atomically: a failed or killed run leaves the previous data serving. Unchanged documents are not
read again; the build reuses their cached extraction and their passages' vectors.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from corpus.formats import Extraction, UnreadableDocument, read_file
from corpus.loader import CORPUS_COPY, lines_file, load_corpus, read_corpus_manifest, write_corpus_manifest
from corpus.sources import SourceFile, collect, unique_id
from gyoryu.build import BuildError, build, build_executor
from runtime.built_data import read_data_manifest
from runtime.executors import Executor, SerialExecutor
from runtime.progress import Progress
from runtime.settings import Settings


class IngestError(RuntimeError):
    """Nothing was changed: the reason, for one line of output."""


@dataclass
class IngestOutcome:
    """What an ingest did, document by document."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    #: ``(source, reason)`` of every file not ingested.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: Sources of skipped files that were named on the command line (not found in a folder).
    named_failures: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when a document was added or replaced."""
        return bool(self.added or self.replaced)


@dataclass
class _Corpus:
    """The built data's corpus: its manifest rows and the sha256 of each document's lines."""

    directory: Path
    rows: dict[str, dict[str, str]]
    line_hashes: dict[str, str]

    @classmethod
    def of(cls, data_dir: Path) -> _Corpus:
        read_data_manifest(data_dir)
        directory = data_dir / CORPUS_COPY
        if not directory.is_dir():
            raise IngestError(f"{data_dir} keeps no copy of its corpus: run `gyoryu build` again first")
        documents = load_corpus(directory)
        rows = read_corpus_manifest(directory)
        return cls(directory, {d.id: {k: v or "" for k, v in rows.get(d.id, {}).items()} for d in documents},
                   {d.id: d.sha256 for d in documents})

    def identify(self, source: SourceFile, sha256: str, taken: set[str]) -> tuple[str, bool]:
        """The id of ``source`` and whether its stored document is already up to date."""
        for doc_id, row in self.rows.items():
            if row.get("source") == source.source:
                return doc_id, row.get("source_sha256") == sha256
        name = source.path.name
        if name in self.rows and sha256 in (self.rows[name].get("source_sha256"), self.line_hashes[name]):
            return name, True
        return unique_id(name, source.source, taken), False


def _stage(corpus: _Corpus, staging: Path) -> Path:
    target = staging / CORPUS_COPY
    shutil.copytree(corpus.directory, target)
    return target


def _rebuild(staged: Path, rows: dict[str, dict[str, str]], data_dir: Path, settings: Settings,
             progress: Progress, executor: Executor | None = None) -> None:
    write_corpus_manifest(staged, rows)
    with_index = bool(read_data_manifest(data_dir).get("index"))
    try:
        build(staged, data_dir, settings, progress, with_index=with_index, executor=executor, incremental=True)
    except BuildError as exc:
        raise IngestError(f"previous data kept: {exc}") from exc


def read_source(path: Path, max_bytes: int) -> Extraction | UnreadableDocument:
    """The reading task: ``path``'s extraction, or why it cannot be read (returned, so one bad file stops nothing)."""
    try:
        return read_file(path, max_bytes)
    except UnreadableDocument as exc:
        return exc


def _row(extraction: Extraction, source: SourceFile, sha256: str, previous: dict[str, str]) -> dict[str, str]:
    return {**previous, "found_title": extraction.title, "source": source.source, "format": extraction.format,
            "source_sha256": sha256}


def ingest(paths: Iterable[Path], data_dir: Path, settings: Settings, progress: Progress,
           warn: Callable[[str], None] = print) -> IngestOutcome:
    """Read ``paths`` into the data in ``data_dir``; ``warn(message)`` names every file skipped.

    Files are read, and the rebuild extracts and embeds, on the executor ``settings`` names; a cluster's
    workers may not see this machine's files, so with a cluster the files are read in this process.
    """
    files, skipped = collect(paths)
    corpus = _Corpus.of(data_dir)
    try:
        with build_executor(settings) as executor:
            return _ingest(files, skipped, corpus, data_dir, settings, progress, warn, executor)
    except BuildError as exc:
        raise IngestError(f"previous data kept: {exc}") from exc


def _ingest(files: list[SourceFile], skipped: list[tuple[str, str]], corpus: _Corpus, data_dir: Path,
            settings: Settings, progress: Progress, warn: Callable[[str], None], executor: Executor) -> IngestOutcome:
    outcome = IngestOutcome(skipped=list(skipped))
    for source, reason in skipped:
        warn(f"{source}: {reason}, skipped")
    readings: dict[str, tuple[SourceFile, Extraction, str]] = {}
    taken = set(corpus.rows)
    with progress.stage("read"):
        hashes = [source.sha256() for source in files]
        stale = [i for i, (source, sha256) in enumerate(zip(files, hashes, strict=True))
                 if not corpus.identify(source, sha256, set(taken))[1]]
        to_read = set(stale)
        reader = executor if executor.same_disk else SerialExecutor()
        results = reader.map(partial(read_source, max_bytes=settings.max_document_bytes),
                             [files[i].path for i in stale], [files[i].source for i in stale])
        for number, (source, sha256) in enumerate(zip(files, hashes, strict=True), 1):
            reading = next(results) if number - 1 in to_read else None
            doc_id, current = corpus.identify(source, sha256, taken)
            if current or doc_id in readings:
                outcome.unchanged.append(doc_id)
                progress.step(f"{number}/{len(files)} {source.source}: unchanged ({doc_id})")
                continue
            if isinstance(reading, UnreadableDocument):
                outcome.skipped.append((source.source, str(reading)))
                if source.named:
                    outcome.named_failures.append(source.source)
                warn(f"{source.source}: {reading}, skipped")
                continue
            extraction = reading
            for problem in extraction.problems:
                warn(f"{source.source}: {problem}")
            taken.add(doc_id)
            readings[doc_id] = (source, extraction, sha256)
            (outcome.replaced if doc_id in corpus.rows else outcome.added).append(doc_id)
            progress.step(f"{number}/{len(files)} {source.source} → {doc_id}: {len(extraction.lines)} lines "
                          f"({extraction.format})")
    if not outcome.changed:
        return outcome
    with tempfile.TemporaryDirectory(prefix="gyoryu-ingest-") as staging:
        staged = _stage(corpus, Path(staging))
        rows = dict(corpus.rows)
        for doc_id, (source, extraction, sha256) in readings.items():
            (staged / lines_file(doc_id)).write_text(extraction.text(), encoding="utf-8")
            rows[doc_id] = _row(extraction, source, sha256, rows.get(doc_id, {}))
        _rebuild(staged, rows, data_dir, settings, progress, executor)
    return outcome


def remove(doc_ids: Iterable[str], data_dir: Path, settings: Settings, progress: Progress) -> list[str]:
    """Take documents out of the data in ``data_dir``; :class:`LookupError` names unknown ids."""
    corpus = _Corpus.of(data_dir)
    wanted = list(dict.fromkeys(doc_ids))
    unknown = [d for d in wanted if d not in corpus.rows]
    if unknown:
        raise LookupError(f"not in the corpus of {data_dir}: {', '.join(unknown)} (ids are listed in "
                          f"{corpus.directory / 'manifest.tsv'})")
    if len(wanted) == len(corpus.rows):
        raise IngestError("removing every document would leave no corpus: build from another corpus instead")
    with tempfile.TemporaryDirectory(prefix="gyoryu-remove-") as staging:
        staged = _stage(corpus, Path(staging))
        for doc_id in wanted:
            (staged / lines_file(doc_id)).unlink()
        _rebuild(staged, {k: v for k, v in corpus.rows.items() if k not in wanted}, data_dir, settings, progress)
    return wanted
