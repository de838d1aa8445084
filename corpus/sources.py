"""Source files given to ``gyoryu ingest``: found in files and folders, and given document ids.

A document's id is its file name; when that name is taken by another source file, a short
suffix from the source path's hash makes it unique, the same one on every run.

>>> unique_id("report.pdf", "a/report.pdf", set())
'report.pdf'
>>> unique_id("report.pdf", "b/report.pdf", {"report.pdf"})
'report-ac7aaa.pdf'
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from corpus.formats import is_supported
from corpus.loader import lines_file


class MissingSource(FileNotFoundError):
    """A path given to ingest does not exist."""


@dataclass(frozen=True)
class SourceFile:
    """A file to ingest: where it is, its path as given (the manifest's ``source``), named or found in a folder."""

    path: Path
    source: str
    named: bool

    def sha256(self) -> str:
        """SHA-256 of the file's bytes."""
        digest = hashlib.sha256()
        with self.path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()


def collect(paths: Iterable[Path]) -> tuple[list[SourceFile], list[tuple[str, str]]]:
    """Files to read from ``paths`` (folders recursively, hidden entries left out), and the skipped ones with why.

    A folder member of a type no reader handles is skipped; a named file of such a type is kept, so that
    reading it reports the error. A file given twice (named and inside a named folder) is read once, where it
    first comes. Raises :class:`MissingSource` for a path that does not exist.
    """
    files: list[SourceFile] = []
    skipped: list[tuple[str, str]] = []
    first: dict[Path, int] = {}  # a file's resolved path → its place in ``files``

    def add(file: SourceFile) -> None:
        place = first.setdefault(file.path.resolve(), len(files))
        if place == len(files):
            files.append(file)
        elif file.named:
            files[place] = replace(files[place], named=True)

    for given in paths:
        if given.is_file():
            add(SourceFile(given, os.path.normpath(given), True))
        elif given.is_dir():
            for path in sorted(p for p in given.rglob("*") if p.is_file()):
                relative = path.relative_to(given)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                source = os.path.normpath(given / relative)
                if is_supported(path):
                    add(SourceFile(path, source, False))
                else:
                    skipped.append((source, f"unsupported file type {path.suffix or '(none)'!r}"))
        else:
            raise MissingSource(f"no such file or folder: {given}")
    return files, skipped


def unique_id(name: str, source: str, taken: set[str]) -> str:
    """``name``, or when its lines file would clash with a taken id's, ``stem-HASH.suffix`` from ``source``."""
    used = {lines_file(t) for t in taken}
    if lines_file(name) not in used:
        return name
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if dot else (name, "")
    return f"{stem}-{hashlib.sha256(source.encode('utf-8')).hexdigest()[:6]}{suffix}"
