"""A minimal HWPX (OWPML) writer for tests: the zip layout and section XML of a Hancom HWPX file."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HP = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS = "http://www.hancom.co.kr/hwpml/2011/section"
#: A cell: its text, (text, row_span, col_span), or its blocks (paragraphs and tables, a table nested in the cell).
Cell = str | tuple[str, int, int] | list
Block = str | list[list[Cell]]


def _para(text: str, inner: str = "") -> str:
    run = f"<hp:t>{escape(text)}</hp:t>" if text else ""
    return f'<hp:p paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0">{run}{inner}</hp:run></hp:p>'


def _table(rows: list[list[tuple[int, int, Cell]]], n_rows: int, n_cols: int) -> str:
    out = [f'<hp:tbl rowCnt="{n_rows}" colCnt="{n_cols}">']
    for cells in rows:
        out.append("<hp:tr>")
        for r, c, cell in cells:
            text, row_span, col_span = (cell, 1, 1) if isinstance(cell, str | list) else cell
            inner = _blocks(text) if isinstance(text, list) else _para(text)
            out.append(f'<hp:tc><hp:subList>{inner}</hp:subList><hp:cellAddr colAddr="{c}" rowAddr="{r}"/>'
                       f'<hp:cellSpan colSpan="{col_span}" rowSpan="{row_span}"/></hp:tc>')
        out.append("</hp:tr>")
    return "".join(out) + "</hp:tbl>"


def table_block(grid: list[list[Cell | None]]) -> str:
    """A paragraph holding a table; ``None`` marks a position covered by a merged cell (no ``hp:tc``)."""
    rows = [[(r, c, cell) for c, cell in enumerate(row) if cell is not None] for r, row in enumerate(grid)]
    return _para("", _table(rows, len(grid), max(len(row) for row in grid)))


def _blocks(blocks: list) -> str:
    return "".join(_para(b) if isinstance(b, str) else table_block(b) for b in blocks)


def write_hwpx(path: Path, sections: list[list[str | list[list[Cell | None]]]]) -> Path:
    """Write an HWPX file; each section is a list of paragraphs (str) and tables (grids)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        z.writestr("version.xml", '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion '
                   'xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" major="5" minor="1" micro="0"/>')
        z.writestr("Contents/content.hpf", '<?xml version="1.0" encoding="UTF-8"?><opf:package '
                   'xmlns:opf="http://www.idpf.org/2007/opf/"/>')
        for n, blocks in enumerate(sections):
            body = _blocks(blocks)
            z.writestr(f"Contents/section{n}.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                       f'<hs:sec xmlns:hs="{HS}" xmlns:hp="{HP}">{body}</hs:sec>')
    return path
