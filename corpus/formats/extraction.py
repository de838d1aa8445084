"""What every format reader returns: the document as numbered lines, a title found in it, problems met.

A table row is one line, its cells separated by :data:`CELL_SEPARATOR`.

>>> table_row(["서울특별시", " 2024.01.28 ", "우호교류\\n협약"])
'서울특별시 | 2024.01.28 | 우호교류 협약'
>>> finish(["  제목 ", "", "본문\\x0c끝"], "", "txt").lines
('  제목', '', '본문 끝')
>>> finish(["", "  제목 ", "본문"], "", "txt").title
'제목'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

CELL_SEPARATOR = " | "
#: Characters Python treats as line breaks besides ``\n``: replaced by a space so a line stays one line.
_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_SPACES = re.compile(r"\s+")


class UnreadableDocument(ValueError):
    """A file that cannot be read as a document (binary, wrong encoding, empty, too large, broken)."""


@dataclass(frozen=True)
class Extraction:
    """A document read from a file: its lines (``lines[0]`` is line 1), title, format and problems."""

    lines: tuple[str, ...]
    title: str
    format: str
    problems: tuple[str, ...] = ()

    def text(self) -> str:
        """The lines as stored with the data: UTF-8, one per line, ending in a newline."""
        return "".join(line + "\n" for line in self.lines)


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) made one space, stripped."""
    return _SPACES.sub(" ", text).strip()


def table_row(cells: Iterable[str | None]) -> str:
    """One line for a table row: each cell on one line, cells joined by :data:`CELL_SEPARATOR`."""
    return CELL_SEPARATOR.join(one_line(c or "") for c in cells)


def span_grid(cells: Iterable[tuple[int, int, str, int, int]], n_rows: int = 0, n_cols: int = 0) -> list[list[str]]:
    """A table's rows of cell texts from its cells, each given as (row, column, text, rows down, columns across).

    A cell merged down repeats its text in every row it covers, as python-docx reads a vertically merged DOCX cell:
    a date, a relation or a group label merged over several rows belongs to each of them. A cell merged across
    leaves the columns it covers empty, so every row keeps its columns. ``n_rows`` and ``n_cols`` are the least
    size (an empty row stays); a cell merged down past the last row does not add rows.

    >>> span_grid([(0, 0, "일본", 2, 1), (0, 1, "가나시", 1, 1), (1, 1, "다라시", 1, 1), (0, 2, "2005.3.12", 2, 2)])
    [['일본', '가나시', '2005.3.12', ''], ['일본', '다라시', '2005.3.12', '']]
    """
    cells = list(cells)
    last_row = max((r for r, _, _, _, _ in cells), default=-1)
    height = max(n_rows, last_row + 1)
    width = max([n_cols, *(c + max(across, 1) for _, c, _, _, across in cells)])
    grid = [["" for _ in range(width)] for _ in range(height)]
    for r, c, text, down, _ in cells:
        for k in range(r, min(r + max(down, 1), height)):
            if k == r or not grid[k][c]:
                grid[k][c] = text
    return grid


def is_blank_row(cells: Iterable[str | None]) -> bool:
    """True when no cell of a row holds text."""
    return not any(one_line(c or "") for c in cells)


def finish(lines: Iterable[str], title: str, fmt: str, problems: Iterable[str] = ()) -> Extraction:
    """The final :class:`Extraction`: stray line-break characters made spaces, trailing space stripped.

    The title is the one given, else the first non-empty line. Raises :class:`UnreadableDocument`
    when no line holds text.
    """
    out = tuple(_BREAKS.sub(" ", line).rstrip() for line in lines)
    first = next((line.strip() for line in out if line.strip()), "")
    if not first:
        raise UnreadableDocument("no text in the document (empty)")
    return Extraction(out, one_line(title) or first, fmt, tuple(problems))
