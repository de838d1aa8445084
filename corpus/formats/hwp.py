"""Hangul word-processor files, HWP 5 (``.hwp``): paragraphs and tables in order (syhwp).

syhwp (MIT, pure Python on olefile) reads the OLE container and the ``BodyText`` records from the
published HWP 5.0 specification. Password-protected files are refused.
"""

from __future__ import annotations

from pathlib import Path

import syhwp

from corpus.formats.extraction import Extraction, UnreadableDocument, finish, is_blank_row, span_grid, table_row


def block_lines(document: syhwp.Document) -> list[str]:
    """A syhwp document's paragraphs (one line each) and table rows (one line each, merged cells as
    :func:`~corpus.formats.extraction.span_grid` places them), in order."""
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, syhwp.Table):
            grid = span_grid(((c.row, c.col, c.text, c.row_span, c.col_span) for c in block.cells), block.n_rows,
                             block.n_cols)
            lines.extend(table_row(row) for row in grid if not is_blank_row(row))
        elif isinstance(block, syhwp.Paragraph):
            lines.extend(line for line in block.text.split("\n") if line.strip())
    return lines


def read(path: Path) -> Extraction:
    """Read an HWP 5 file."""
    try:
        document = syhwp.open(str(path))
    except Exception as exc:  # syhwp and olefile errors on broken, encrypted or foreign files
        raise UnreadableDocument(f"not a readable HWP file ({type(exc).__name__}: {exc})") from exc
    return finish(block_lines(document), "", "hwp")
