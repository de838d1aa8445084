"""File layout of the built index inside the data directory, and its manifest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

INDEX_DIRNAME = "index"
FORMAT_VERSION = 1
PASSAGES = "passages.jsonl"
EMBEDDINGS = "embeddings.npy"
FAISS = "passages.faiss"
BM25 = "bm25"
PROFILES = "profiles.json"
PROFILE_VECTORS = "profile_vectors.npy"
MANIFEST = "manifest.json"

#: Index files larger than this (bytes) are memory-mapped when a search process loads them (about 100× the seed
#: corpus): the pages a query touches are read from the page cache instead of every file being held in memory.
MMAP_ABOVE = 64 * 1024 * 1024


def index_dir(data_dir: Path) -> Path:
    """Where the index lives inside a data directory."""
    return Path(data_dir) / INDEX_DIRNAME


def write_json(path: Path, value: object) -> None:
    """Write ``value`` as UTF-8 JSON."""
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")


def read_json(path: Path) -> object:
    """Read a JSON file."""
    return json.loads(path.read_text(encoding="utf-8"))


def json_line(row: dict) -> str:
    """One line of a ``.jsonl`` file."""
    return json.dumps(row, ensure_ascii=False) + "\n"


def write_jsonl(path: Path, rows: list[dict]) -> None:
    """One JSON object per line."""
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json_line(row))


def read_jsonl(path: Path) -> list[dict]:
    """Rows written by :func:`write_jsonl`."""
    return list(iter_jsonl(path))


def iter_jsonl(path: Path) -> Iterator[dict]:
    """Rows written by :func:`write_jsonl`, one at a time (a large file is never held parsed whole)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def mapped(path: Path) -> bool:
    """Whether a search process should memory-map ``path`` (larger than :data:`MMAP_ABOVE`)."""
    return Path(path).stat().st_size > MMAP_ABOVE
