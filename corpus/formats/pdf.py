"""PDF (``.pdf``): the text layer, page by page, with ruled tables back as rows (pdfplumber).

Text outside tables comes as pdfplumber's text lines; each table pdfplumber finds from the
page's ruling lines comes as one line per row, placed where the table stands on the page, a cell merged down
repeated in the rows it covers (:func:`merged_down`). A table continued on the next page goes on as rows (a header
row the page repeats is left to the table readers). A page
without a text layer (a scan) is reported and skipped: there is no OCR. Control characters that
some PDF producers map spaces to become spaces. pdfminer's warning about a font descriptor without a usable
``FontBBox`` (common in PDFs printed by office suites; the text is read all the same) is dropped while a PDF is read
(:func:`quiet_font_boxes`): one such font warned once per page and flooded the build's error output, hiding real
messages, which still pass.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pdfplumber

from corpus.formats.extraction import Extraction, UnreadableDocument, finish, is_blank_row, table_row
from corpus.formats.pdf_columns import Row, reading_order

Box = tuple[float, float, float, float]
#: The pdfminer logger that warns about fonts, and the start of the one warning of it that says nothing of the text.
FONT_LOGGER = "pdfminer.pdffont"
FONT_BOX_WARNING = "Could not get FontBBox"


def _not_font_box(record: logging.LogRecord) -> bool:
    return not (record.levelno < logging.ERROR and str(record.msg).startswith(FONT_BOX_WARNING))


@contextmanager
def quiet_font_boxes() -> Iterator[None]:
    """While the block runs, pdfminer's warnings about a font without a usable ``FontBBox`` are dropped; every other
    message of that logger (and any error) passes."""
    logger = logging.getLogger(FONT_LOGGER)
    logger.addFilter(_not_font_box)
    try:
        yield
    finally:
        logger.removeFilter(_not_font_box)


def _inside(obj: dict, boxes: list[Box]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def merged_down(table) -> list[list[str | None]]:
    """A pdfplumber table's cell texts with a cell merged down repeated in the rows it covers (a position with no
    cell of its own under a cell whose box reaches into the row); a position covered by a cell merged across stays
    empty, as every format reader places merged cells (:func:`~corpus.formats.extraction.span_grid`)."""
    texts = table.extract()
    for i, (row, cells) in enumerate(zip(table.rows, texts, strict=False)):
        for j, box in enumerate(row.cells):
            if box is not None or j >= len(cells):
                continue
            above = next((k for k in range(i - 1, -1, -1) if j < len(table.rows[k].cells)
                          and table.rows[k].cells[j] is not None), None)
            if above is not None and table.rows[above].cells[j][3] > row.bbox[1] + 1:
                cells[j] = texts[above][j]
    return texts


def level_baselines(chars: list[dict]) -> None:
    """Give upright characters of one size on one baseline one height on the page: a font without a usable
    ``FontBBox`` (digits and Latin letters a Korean font lacks, taken from another) is placed a few points lower than
    the Hangul beside it, and pdfplumber, which makes lines of characters by their top, split one line in two
    (``제 일`` above ``1 (5. 22.)`` for ``제 1 일 (5. 22.)``). The baseline is the text matrix's, which every font shares."""
    groups: dict[tuple[float, float], list[dict]] = {}
    for char in chars:
        matrix = char.get("matrix")
        if char.get("upright") and matrix and not matrix[1] and not matrix[2]:
            groups.setdefault((round(matrix[5], 1), round(char["size"], 1)), []).append(char)
    for group in groups.values():
        top, bottom = min(c["top"] for c in group), max(c["bottom"] for c in group)
        for char in group:
            char["top"], char["bottom"] = top, bottom


def page_lines(page) -> list[str]:
    """Lines of one pdfplumber page in reading order: text lines and table rows by their height on the page, column by
    column where a gutter divides the page (:func:`~corpus.formats.pdf_columns.reading_order`)."""
    for char in page.chars:
        if len(char["text"]) == 1 and char["text"] < " ":
            char["text"] = " "
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    rows: list[Row] = []
    for table in tables:
        for n, (row, cells) in enumerate(zip(table.rows, merged_down(table), strict=False)):
            if not is_blank_row(cells):
                rows.append((row.bbox[1], table.bbox[0], table.bbox[2], n, table_row(cells)))
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    level_baselines(outside.chars)

    def read_lines(keep) -> list[dict]:
        return outside.filter(lambda obj: obj.get("object_type") != "char" or keep(obj)).extract_text_lines()

    return reading_order(read_lines, [c for c in outside.chars if not c["text"].strip()], rows)


def read(path: Path) -> Extraction:
    """Read every page's text layer; report the pages that have none."""
    lines: list[str] = []
    problems: list[str] = []
    try:
        with quiet_font_boxes(), pdfplumber.open(path) as pdf:
            title = str((pdf.metadata or {}).get("Title") or "")
            for number, page in enumerate(pdf.pages, 1):
                if not page.chars:
                    problems.append(f"page {number} has no text layer (scanned?): not read, no OCR")
                    continue
                lines.extend(page_lines(page))
    except UnreadableDocument:
        raise
    except Exception as exc:  # pdfminer raises many kinds of errors on broken files
        raise UnreadableDocument(f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    if not lines and problems:
        raise UnreadableDocument(f"no page has a text layer ({len(problems)} scanned pages?): no OCR is done")
    return finish(lines, title, "pdf", problems)
