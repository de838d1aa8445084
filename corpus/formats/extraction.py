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
