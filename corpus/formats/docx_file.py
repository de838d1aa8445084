"""Word documents (``.docx``): paragraphs and tables in document order (python-docx).

A table row is one line. A cell merged down repeats its text in the rows it covers (python-docx reads a
``w:vMerge`` cell so); a cell merged across (``w:gridSpan``) leaves the columns it covers empty, so every row keeps
its columns (:func:`~corpus.formats.extraction.span_grid`, as every format reader does). The title is the document's core property,
else its first ``Title`` or ``Heading 1`` paragraph, else its first line.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from corpus.formats.extraction import Extraction, UnreadableDocument, finish, is_blank_row, table_row

TITLE_STYLES = ("Title", "Heading 1")


def row_cells(row) -> list[str]:
    """Texts of a row's cells, one per grid column: a cell merged across columns gives its text once and empty cells
    for the columns it covers."""
    cells, seen = [], None
    for cell in row.cells:
        cells.append(cell.text if cell._tc is not seen else "")
        seen = cell._tc
    return cells


def read(path: Path) -> Extraction:
    """Read a DOCX file's body."""
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # a broken zip or package raises zipfile, KeyError or python-docx errors
        raise UnreadableDocument(f"not a readable DOCX ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    title = document.core_properties.title or ""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if not title and block.style is not None and block.style.name in TITLE_STYLES and block.text.strip():
                title = block.text
            lines.extend(block.text.split("\n"))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = row_cells(row)
                if not is_blank_row(cells):
                    lines.append(table_row(cells))
    return finish([line for line in lines if line.strip()], title, "docx")
