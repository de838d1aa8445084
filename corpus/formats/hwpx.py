"""Hangul word-processor files, HWPX (``.hwpx``): zipped OWPML XML, read with the standard library.

The body is in ``Contents/section0.xml``, ``section1.xml`` …: paragraphs (``hp:p``) hold runs of
text (``hp:t``) and controls such as tables (``hp:tbl``). Each paragraph's text is a line; a table
becomes one line per row, every cell placed at its own address (``hp:cellAddr``); a cell merged down
(``hp:cellSpan rowSpan``) repeats its text in the rows it covers, a cell merged across leaves the covered
columns empty (:func:`~corpus.formats.extraction.span_grid`, as every format reader does). A table whose cell holds a
table, or a frame of one cell and several paragraphs, is read cell by cell as blocks (:func:`is_layout_table`).

>>> xml = '''<sec xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"><hp:p><hp:run><hp:t>현황</hp:t></hp:run>
... </hp:p><hp:p><hp:run><hp:tbl rowCnt="2" colCnt="2"><hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>강릉시</hp:t>
... </hp:run></hp:p></hp:subList><hp:cellAddr colAddr="0" rowAddr="0"/><hp:cellSpan colSpan="1" rowSpan="2"/>
... </hp:tc><hp:tc><hp:subList><hp:p><hp:run><hp:t>2019.5.24</hp:t></hp:run></hp:p></hp:subList>
... <hp:cellAddr colAddr="1" rowAddr="0"/></hp:tc></hp:tr><hp:tr><hp:tc><hp:subList><hp:p><hp:run>
... <hp:t>2024.1.28</hp:t></hp:run></hp:p></hp:subList><hp:cellAddr colAddr="1" rowAddr="1"/></hp:tc></hp:tr>
... </hp:tbl></hp:run></hp:p></sec>'''
>>> section_lines(ET.fromstring(xml))
['현황', '강릉시 | 2019.5.24', '강릉시 | 2024.1.28']
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from corpus.formats.extraction import (
    Extraction,
    UnreadableDocument,
    finish,
    is_blank_row,
    one_line,
    span_grid,
    table_row,
)

_SECTION = re.compile(r"^Contents/section(\d+)\.xml$", re.IGNORECASE)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if _local(c.tag) == name), None)


def _int(element: ET.Element | None, attribute: str, default: int) -> int:
    try:
        return int(element.get(attribute, default)) if element is not None else default
    except ValueError:
        return default


def _text(element: ET.Element) -> str:
    """All text under ``element`` as one line."""
    parts = ["".join(e.itertext()) for e in element.iter() if _local(e.tag) == "t"]
    return one_line(" ".join(parts))


def is_layout_table(table: ET.Element) -> bool:
    """Whether an ``hp:tbl`` lays out the page rather than holding data: a cell holds a table, or the table is one cell
    holding several paragraphs (a frame, a 글상자 drawn as a table)."""
    cells = [tc for tr in table if _local(tr.tag) == "tr" for tc in tr if _local(tc.tag) == "tc"]
    if any(_local(e.tag) == "tbl" for tc in cells for e in tc.iter()):
        return True
    return len(cells) == 1 and sum(1 for e in cells[0].iter() if _local(e.tag) == "p" and _text(e)) >= 2


def table_lines(table: ET.Element) -> list[str]:
    """One line per row of an ``hp:tbl``, cells at their addresses (``hp:cellAddr``), merged as ``hp:cellSpan`` says
    (:func:`~corpus.formats.extraction.span_grid`: merged down, repeated; merged across, empty). A table that lays
    out the page (:func:`is_layout_table`) is read cell by cell: its paragraphs as lines, its tables as rows."""
    rows = [r for r in table if _local(r.tag) == "tr"]
    if is_layout_table(table):
        out: list[str] = []
        for row in rows:
            for cell in (tc for tc in row if _local(tc.tag) == "tc"):
                sub = _child(cell, "subList")
                for p in (sub if sub is not None else cell):
                    if _local(p.tag) == "p":
                        _paragraph(p, out)
        return out
    cells: list[tuple[int, int, str, int, int]] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(tc for tc in row if _local(tc.tag) == "tc"):
            address, span, sub = _child(cell, "cellAddr"), _child(cell, "cellSpan"), _child(cell, "subList")
            cells.append((_int(address, "rowAddr", r), _int(address, "colAddr", c),
                          _text(sub if sub is not None else cell), _int(span, "rowSpan", 1), _int(span, "colSpan", 1)))
    grid = span_grid(cells, _int(table, "rowCnt", 0), _int(table, "colCnt", 0))
    return [table_row(row) for row in grid if not is_blank_row(row)]


def _paragraph(p: ET.Element, out: list[str]) -> None:
    """A paragraph's text as a line; a table inside it ends the text so far and adds its rows."""
    parts: list[str] = []

    def flush() -> None:
        line = one_line("".join(parts))
        if line:
            out.append(line)
        parts.clear()

    def walk(element: ET.Element) -> None:
        for child in element:
            name = _local(child.tag)
            if name == "t":
                parts.append("".join(child.itertext()))
            elif name == "tbl":
                flush()
                out.extend(table_lines(child))
            elif name == "p":
                flush()
                _paragraph(child, out)
            else:
                walk(child)

    walk(p)
    flush()


def section_lines(root: ET.Element) -> list[str]:
    """Lines of one section, in document order."""
    out: list[str] = []
    for element in root:
        if _local(element.tag) == "p":
            _paragraph(element, out)
        else:
            out.extend(section_lines(element))
    return out


def read(path: Path) -> Extraction:
    """Read the sections of an HWPX file in order."""
    try:
        with zipfile.ZipFile(path) as archive:
            sections = sorted((int(m.group(1)), name) for name in archive.namelist()
                              if (m := _SECTION.match(name)))
            if not sections:
                raise UnreadableDocument("not an HWPX document: no Contents/section*.xml")
            lines: list[str] = []
            for _, name in sections:
                lines.extend(section_lines(ET.fromstring(archive.read(name))))
    except UnreadableDocument:
        raise
    except (zipfile.BadZipFile, ET.ParseError, KeyError, ValueError, EOFError) as exc:
        raise UnreadableDocument(f"not a readable HWPX file ({type(exc).__name__}: {exc})") from exc
    return finish(lines, "", "hwpx")
