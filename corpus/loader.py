"""Load documents as numbered lines with their manifest metadata.

>>> docs = load_corpus()
>>> [d.id for d in docs][:2]
['000_1e4d94b91b241818.txt', '001_4aac3573a45a98c8.txt']
>>> d = docs[1]
>>> d.line(291)
'서울시 우호교류협약 및 협력분야 현황'
>>> d.title_ko[:10]
'서울특별시 지역상생'
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
        """The best title available: Korean, then English, then the id."""
        return self.title_ko or self.title_en or self.id

    @property
    def year(self) -> int | None:
        """Publication year from the manifest date (``2023-10``, ``c. 2010`` …), if any."""
        digits = "".join(ch if ch.isdigit() else " " for ch in self.date).split()
        years = [int(d) for d in digits if len(d) == 4]
        return years[0] if years else None


def read_corpus_manifest(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """Rows of ``manifest.tsv`` keyed by file name (empty if there is none)."""
    path = corpus_dir / MANIFEST
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


def load_document(path: Path, meta: dict[str, str] | None = None) -> Document:
    """Read one UTF-8 text document; lines keep their text without the newline."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path.name} is not UTF-8 text: {exc}") from exc
    meta = dict(meta or {})
    known = {k: meta.pop(k, "") for k in ("title_ko", "title_en", "publisher", "date", "kind")}
    meta.pop("file", None)
    return Document(
        id=path.name,
        lines=tuple(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")),
        sha256=hashlib.sha256(raw).hexdigest(),
        extra=meta,
        **known,
    )


def load_corpus(corpus_dir: Path | str | None = None) -> list[Document]:
    """Every text document of ``corpus_dir`` (default: the embedded corpus), sorted by file name."""
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else CORPUS_DIR
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus directory not found: {corpus_dir}")
    manifest = read_corpus_manifest(corpus_dir)
    paths = sorted(p for p in corpus_dir.iterdir() if p.suffix in TEXT_SUFFIXES and p.is_file())
    if not paths:
        raise FileNotFoundError(f"no .txt documents in {corpus_dir}")
    return [load_document(p, manifest.get(p.name)) for p in paths]
