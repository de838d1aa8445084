"""Per-document extraction results kept with the built data, so unchanged documents are not extracted again.

Each document's extraction (its named graphs, before the cross-document pass, and its share of the
build report) is stored as ``<key>.nq`` + ``<key>.json`` in ``data/extraction-cache/``. The key is
the SHA-256 of the document (id, lines, manifest metadata) and of the extraction code and data: every
``.py``, ``.tsv`` and ``.ttl`` file of ``graph/`` and ``ontology/``, the corpus loader, the rdflib
version and the acceptance model in use (``GYORYU_ACCEPTANCE_MODEL``). A build reads entries from the
data it replaces and writes the ones it uses into the new data, so the cache holds exactly the current
documents.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from rdflib import Dataset

from corpus import Document
from graph.report import ExtractionReport, Issue

CACHE_DIR = "extraction-cache"
_ROOT = Path(__file__).resolve().parent.parent
_CODE = (("graph", ("*.py", "*.tsv", "*.ttl")), ("ontology", ("*.py", "*.ttl")), ("corpus", ("loader.py",)))


@lru_cache(maxsize=1)
def _code_version() -> str:
    """SHA-256 over the extraction code and registry data (and the rdflib version)."""
    digest = hashlib.sha256(metadata.version("rdflib").encode())
    for folder, patterns in _CODE:
        files = sorted({p for pattern in patterns for p in (_ROOT / folder).rglob(pattern)})
        for path in files:
            digest.update(str(path.relative_to(_ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def extractor_version() -> str:
    """What an extraction depends on besides its document: the code and data (:func:`_code_version`) and the
    acceptance model in use, if a setting names one (:func:`graph.readers.acceptance.model_digest`)."""
    from graph.readers.acceptance import model_digest

    model = model_digest()
    return _code_version() if not model else hashlib.sha256(f"{_code_version()} {model}".encode()).hexdigest()


def document_key(doc: Document) -> str:
    """The cache key of one document's extraction."""
    identity = [doc.id, doc.sha256, doc.title_ko, doc.title_en, doc.publisher, doc.date, doc.kind,
                sorted(doc.extra.items()), extractor_version()]
    return hashlib.sha256(json.dumps(identity, ensure_ascii=False).encode()).hexdigest()


@dataclass
class Piece:
    """One document's extraction: its quads and its share of the report."""

    dataset: Dataset
    report: ExtractionReport

    def add_to(self, dataset: Dataset, report: ExtractionReport) -> int:
        """Copy into the build's dataset and report; returns the number of triples."""
        count = 0
        for graph in self.dataset.graphs():
            target = dataset.graph(graph.identifier)
            for triple in graph:
                target.add(triple)
                count += 1
        report.add_report(self.report)
        return count


class ExtractionCache:
    """Reads entries from the previous data's cache (if any), writes every entry used into the new one."""

    def __init__(self, target: Path, previous: Path | None = None) -> None:
        self.target = target
        self.previous = previous if previous is not None and previous.is_dir() else None
        self.target.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0

    def get(self, doc: Document) -> Piece | None:
        """The cached piece of ``doc``, carried into the new cache; ``None`` when it must be extracted."""
        return self._get(doc, _load)

    def take(self, doc: Document) -> bool:
        """Whether ``doc``'s piece is cached (then carried into the new cache), without reading it: a streaming
        build reads it later with :meth:`lines` and :meth:`report`, and extracts it again if it is damaged."""
        return self._get(doc, lambda quads, report: quads.is_file() and report.is_file() or None) is not None

    def lines(self, doc: Document) -> list[str]:
        """``doc``'s N-Quads lines (as rdflib wrote them) as this build's cache holds them (after :meth:`get`,
        :meth:`take` or :meth:`put`); ``ValueError`` when the file is damaged."""
        return _quad_lines(self.target / f"{document_key(doc)}.nq")

    def report(self, doc: Document) -> ExtractionReport:
        """``doc``'s share of the build report as this build's cache holds it."""
        return _load_report(self.target / f"{document_key(doc)}.json")

    def _get(self, doc: Document, load):
        key = document_key(doc)
        for folder in (self.target, self.previous):
            if folder is None:
                continue
            quads, report = folder / f"{key}.nq", folder / f"{key}.json"
            try:
                piece = load(quads, report)
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if piece is None:
                continue
            if folder != self.target:
                for path in (quads, report):
                    _link_or_copy(path, self.target / path.name)
            self.hits += 1
            return piece
        self.misses += 1
        return None

    def put(self, doc: Document, piece: Piece) -> None:
        """Store ``doc``'s freshly extracted piece (a damaged entry linked from the previous data is unlinked first,
        never written through)."""
        key = document_key(doc)
        for suffix in (".nq", ".json"):
            (self.target / f"{key}{suffix}").unlink(missing_ok=True)
        piece.dataset.serialize(destination=str(self.target / f"{key}.nq"), format="nquads", encoding="utf-8")
        report = {"issues": [asdict(i) for i in piece.report.issues], "summaries": piece.report.summaries}
        (self.target / f"{key}.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


def _load(quads: Path, report_file: Path) -> Piece:
    report = _load_report(report_file)
    dataset = Dataset()
    dataset.parse(str(quads), format="nquads")
    return Piece(dataset, report)


def _load_report(report_file: Path) -> ExtractionReport:
    data = json.loads(report_file.read_text(encoding="utf-8"))
    return ExtractionReport(issues=[Issue(**i) for i in data["issues"]], summaries=data["summaries"])


def _quad_lines(quads: Path) -> list[str]:
    """The non-empty lines of an N-Quads file; a line that does not end a statement is a damaged file."""
    lines = [line for line in quads.read_text(encoding="utf-8").splitlines() if line.strip()]
    if any(not line.endswith(" .") for line in lines):
        raise ValueError(f"{quads.name}: not N-Quads")
    return lines


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
