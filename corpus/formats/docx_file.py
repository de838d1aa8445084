"""Word documents (``.docx``): paragraphs and tables in document order (python-docx).

A table row is one line. A cell merged down repeats its text in the rows it covers (python-docx reads a
``w:vMerge`` cell so); a cell merged across (``w:gridSpan``) leaves the columns it covers empty, so every row keeps
its columns (:func:`~corpus.formats.extraction.span_grid`, as every format reader does). Paragraphs inside a content
control (``w:sdt``, as forms and templates hold them) are read where they stand. A table that lays out the page
rather than holding data — a cell holds a table of its own, or the table is one cell of several paragraphs (a frame
around the document, as files converted from HWP have) — is read cell by cell as blocks: its paragraphs as lines, the
tables inside it as rows (:func:`is_layout_table`, as :func:`corpus.formats.web_page.is_layout_table` reads a page;
python-docx's own ``cell.text`` leaves a nested table out). The title is the document's core property, else its first ``Title`` or
``Heading 1`` paragraph, else its first line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from corpus.formats.extraction import Extraction, UnreadableDocument, finish, is_blank_row, table_row

TITLE_STYLES = ("Title", "Heading 1")


def blocks(element, parent) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of a body or a cell in order, those inside content controls (``w:sdt``) too."""
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from blocks(content, parent)


def _cell_text(cell) -> str:
    return "\n".join(b.text for b in blocks(cell._tc, cell) if isinstance(b, Paragraph))


def row_cells(row) -> list[str]:
    """Texts of a row's cells, one per grid column: a cell merged across columns gives its text once and empty cells
    for the columns it covers."""
    cells, seen = [], None
    for cell in row.cells:
        cells.append(_cell_text(cell) if cell._tc is not seen else "")
        seen = cell._tc
    return cells


def is_layout_table(table: Table) -> bool:
    """Whether a table lays out the page rather than holding data: a cell holds a table, or the table is one cell
    holding several paragraphs (a frame)."""
    cells = table._tbl.findall(f"{qn('w:tr')}/{qn('w:tc')}")
    if any(tc.find(f".//{qn('w:tbl')}") is not None for tc in cells):
        return True
    return len(cells) == 1 and sum(1 for p in cells[0].iter(qn("w:p")) if "".join(p.itertext()).strip()) >= 2


def block_lines(items: Iterator[Paragraph | Table], out: list[str]) -> str:
    """Add the lines of ``items`` to ``out``; the first ``Title`` or ``Heading 1`` paragraph's text is returned."""
    title = ""
    for block in items:
        if isinstance(block, Paragraph):
            if not title and block.style is not None and block.style.name in TITLE_STYLES and block.text.strip():
                title = block.text
            out.extend(block.text.split("\n"))
        elif is_layout_table(block):
            read: list = []  # cells read (a cell merged over rows or columns comes back for each of them)
            for row in block.rows:
                for cell in row.cells:
                    if cell._tc not in read:
                        read.append(cell._tc)
                        title = title or block_lines(blocks(cell._tc, cell), out)
        else:
            for row in block.rows:
                cells = row_cells(row)
                if not is_blank_row(cells):
                    out.append(table_row(cells))
    return title


def read(path: Path) -> Extraction:
    """Read a DOCX file's body."""
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # a broken zip or package raises zipfile, KeyError or python-docx errors
        raise UnreadableDocument(f"not a readable DOCX ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    heading = block_lines(blocks(document.element.body, document), lines)
    title = document.core_properties.title or heading
    return finish([line for line in lines if line.strip()], title, "docx")
