"""Passages and their entity links served from a memory-mapped ``passages.jsonl``: a row is parsed when asked for.

At 1000× the seeds (3.4 M passages) every passage and link held as Python objects made up about 11 GB of the search
process (decision 0064). A :class:`PassageFile` holds instead the file mapped (pages in the page cache, read as hits
need them), where each row starts and ends (two integer arrays), and what ranking needs of every row at once: which
rows are fact passages (a boolean array) and the rows linked to each entity (compact integer arrays), all from one
pass over the file. :attr:`PassageFile.passages` and :attr:`PassageFile.links` are read-only sequences whose items
equal, in order, the lists :func:`index.entity_links.read_passages` returns (decision 0071).
"""

from __future__ import annotations

import json
import mmap
from array import array
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np

from index.entity_links import PassageLinks, passage_with_links
from index.passages import Passage

#: Bytes of the file the indexing pass keeps mapped into the process before letting them go (the page cache keeps
#: them; a hit maps its row's pages again), so the pass never holds the whole file resident.
_PASS_PAGES_KEPT = 64 * 1024 * 1024
#: Rows kept parsed (the hits and evidence of recent questions; a question reads at most a few hundred).
PARSED_ROWS = 4096

Item = TypeVar("Item")


class RowView(Sequence, Generic[Item]):
    """One part of each row of a :class:`PassageFile` (its passage, or its links), as a read-only sequence."""

    def __init__(self, count: int, item: Callable[[int], Item]) -> None:
        self._count, self._item = count, item

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(self._count))]
        index = int(index)
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(f"row {index} of {self._count}")
        return self._item(index)

    def __iter__(self) -> Iterator[Item]:
        return (self._item(i) for i in range(self._count))


class PassageFile:
    """The rows of a ``passages.jsonl`` (see the module): mapped, indexed by one pass, parsed on demand."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as fh:
            self._map = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if Path(path).stat().st_size else b""
        starts, ends, facts = array("q"), array("q"), array("b")
        linked: dict[str, array] = {}
        offset = dropped = 0
        for line in _lines(self._map):
            if line.strip():
                row = json.loads(line)
                pid = len(starts)
                starts.append(offset)
                ends.append(offset + len(line))
                facts.append(bool(row.get("summary")))
                for entity in row["entities"]:
                    found = linked.get(entity["iri"])
                    if found is None:
                        found = linked[entity["iri"]] = array("i")
                    found.append(pid)
            offset += len(line)
            if offset - dropped >= _PASS_PAGES_KEPT:
                dropped = _drop_pages(self._map, dropped, offset - offset % mmap.PAGESIZE)
        _drop_pages(self._map, dropped, len(self._map))
        self._starts, self._ends = np.frombuffer(starts, dtype=np.int64), np.frombuffer(ends, dtype=np.int64)
        #: Whether each row is a fact passage (carries a summary sentence).
        self.is_fact = np.frombuffer(facts, dtype=np.int8).astype(bool)
        #: Row ids by the IRI of each entity they are linked to, ascending.
        self.entity_passages: dict[str, array] = linked
        self._row = lru_cache(maxsize=PARSED_ROWS)(self._parse)
        self.passages: RowView[Passage] = RowView(len(starts), lambda i: self._row(i)[0])
        self.links: RowView[PassageLinks] = RowView(len(starts), lambda i: self._row(i)[1])

    def __len__(self) -> int:
        return len(self._starts)

    def _parse(self, pid: int) -> tuple[Passage, PassageLinks]:
        return passage_with_links(json.loads(self._map[self._starts[pid]:self._ends[pid]]))


def _drop_pages(data, start: int, end: int) -> int:
    """Let this process's pages of ``data[start:end]`` go (``start`` page-aligned); ``end``, the new start."""
    if end > start:
        data.madvise(mmap.MADV_DONTNEED, start, end - start)
    return end


def _lines(data) -> Iterator[bytes]:
    """The lines of a mapped file (or of empty bytes), each with its newline."""
    if not len(data):
        return iter(())
    data.seek(0)
    return iter(data.readline, b"")
