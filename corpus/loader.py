"""Load documents as numbered lines with their manifest metadata.

>>> docs = load_corpus()
>>> [d.id for d in docs][:2]
['000_1e4d94b91b241818.txt', '001_4aac3573a45a98c8.txt']
>>> d = docs[1]
>>> d.line(291)
'서울시 우호교류협약 및 협력분야 현황'
>>> d.title_ko[:10]
'서울특별시 지역상생'

A document read from another format (``gyoryu ingest``) keeps its id (the source file's name) and
is stored as UTF-8 lines in ``<id>.txt``; ``manifest.tsv`` maps the id to its title found in the
document, source file, format and the source file's sha256:

>>> lines_file("report.pdf"), lines_file("notes.txt")
('report.pdf.txt', 'notes.txt')
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent
MANIFEST = "manifest.tsv"
#: Built data keeps the exact documents it was built from in this folder, so cited lines always match.
CORPUS_COPY = "corpus"
TEXT_SUFFIXES = (".txt",)
#: Columns of ``manifest.tsv``: the seed documents' own, then what ingest records (older files lack them).
MANIFEST_COLUMNS = ("file", "title_ko", "title_en", "publisher", "date", "kind",
                    "found_title", "source", "format", "source_sha256")


@dataclass(frozen=True)
class Document:
    """One document: its id (the file name), metadata and lines (``lines[0]`` is line 1)."""

    id: str
    lines: tuple[str, ...]
    sha256: str
    title_ko: str = ""
    title_en: str = ""
    publisher: str = ""
    date: str = ""
    kind: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def line(self, number: int) -> str:
        """Text of 1-based line ``number``."""
        if not 1 <= number <= len(self.lines):
            raise IndexError(f"{self.id} has no line {number} (1..{len(self.lines)})")
        return self.lines[number - 1]

    def numbered(self, start: int = 1, end: int | None = None) -> Iterator[tuple[int, str]]:
        """Yield ``(line_number, text)`` from ``start`` to ``end`` inclusive."""
        end = len(self.lines) if end is None else min(end, len(self.lines))
        for n in range(max(start, 1), end + 1):
            yield n, self.lines[n - 1]

    @property
    def title(self) -> str:
        """The best title available: Korean, then English, then the one found in the document, then the id."""
        return self.title_ko or self.title_en or self.extra.get("found_title") or self.id

    @property
    def year(self) -> int | None:
        """Publication year from the manifest date (``2023-10``, ``c. 2010`` …), if any."""
        digits = "".join(ch if ch.isdigit() else " " for ch in self.date).split()
        years = [int(d) for d in digits if len(d) == 4]
        return years[0] if years else None


def read_corpus_manifest(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """Rows of ``manifest.tsv`` keyed by document id (empty if there is none)."""
    path = corpus_dir / MANIFEST
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


def lines_file(doc_id: str) -> str:
    """Name of the file holding a document's lines: the id itself for ``.txt``, else ``<id>.txt``."""
    return doc_id if doc_id.lower().endswith(".txt") else f"{doc_id}.txt"


def write_corpus_manifest(corpus_dir: Path, rows: dict[str, dict[str, str]]) -> None:
    """Write ``manifest.tsv`` with every column of :data:`MANIFEST_COLUMNS`, rows in id order."""
    with (corpus_dir / MANIFEST).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, MANIFEST_COLUMNS, delimiter="\t", extrasaction="ignore", restval="",
                                lineterminator="\n")
        writer.writeheader()
        for doc_id in sorted(rows):
            writer.writerow({**rows[doc_id], "file": doc_id})


def load_document(path: Path, meta: dict[str, str] | None = None, doc_id: str | None = None) -> Document:
    """Read one UTF-8 text document; lines keep their text without the newline."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path.name} is not UTF-8 text: {exc}") from exc
    meta = dict(meta or {})
    known = {k: meta.pop(k, "") or "" for k in ("title_ko", "title_en", "publisher", "date", "kind")}
    meta.pop("file", None)
    return Document(
        id=doc_id or path.name,
        lines=tuple(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")),
        sha256=hashlib.sha256(raw).hexdigest(),
        extra={k: v for k, v in meta.items() if v},
        **known,
    )


def load_corpus(corpus_dir: Path | str | None = None) -> list[Document]:
    """Every text document of ``corpus_dir`` (default: the embedded corpus), sorted by file name."""
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else CORPUS_DIR
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus directory not found: {corpus_dir}")
    manifest = read_corpus_manifest(corpus_dir)
    ids = {lines_file(doc_id): doc_id for doc_id in manifest}
    paths = sorted(p for p in corpus_dir.iterdir() if p.suffix in TEXT_SUFFIXES and p.is_file())
    if not paths:
        raise FileNotFoundError(f"no .txt documents in {corpus_dir}")
    docs = [load_document(p, manifest.get(ids.get(p.name, p.name)), ids.get(p.name, p.name)) for p in paths]
    return sorted(docs, key=lambda d: d.id)
