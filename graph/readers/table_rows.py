"""Tables in a document's lines: runs of rows of tab- or `` | ``-separated cells (DOCX/HWPX/PDF rows and ``.tsv``
records arrive so), their header row, repeated headers and group labels on lines of their own."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.dates import find_dates
from graph.readers.table_headers import header_country, header_role
from graph.registry import Registry

_SPLIT_PIPE = re.compile(r"\s*\|\s*")
#: Box-drawing (``│ 국가 │ 도시 │``) or full-width bars between the cells of a text table.
_BOX_BARS = re.compile(r"\s*[│┃║｜]\s*")
_RULE_ROW = re.compile(r"^[\s|:\-–—=+─━═┄┈┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬]*$")
_BOX_RULE = re.compile(r"^\s*[─━═┄┈┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬][\s─━═┄┈┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬]*$")
#: A cell repeating the cell above it (``〃``, ``″``, ``상동``, ``同上``).
DITTO = re.compile(r"^\s*(?:[〃″\"]{1,2}|-\s*〃\s*-|상동|동상|同上)\s*$")
#: A cell that is a labelled field: a short label, a colon, its value.
_FIELD_CELL = re.compile(r"^\s*[^:：\d]{1,10}?\s*[:：]\s*\S")

#: Words ending a card's field label that no header word names (``교류 시작``, ``추진 상황``, ``참고 사항``).
_LABEL_ENDINGS = re.compile(r"(?:일|일자|명|분야|사항|상황|내용|시작|개시|현황|구분|비고|인구|면적|위치|소재지"
                            r"|규모|산업)$")
#: Longest label of a card's field laid out in pairs of cells (characters without spaces).
PAIR_LABEL_CHARS = 10


def label_pairs(cells: list[str]) -> list[tuple[str, str]] | None:
    """A card's line laid out as pairs of a label and its value (``구분 | 자매도시 | 결연일 | 1996. 10. 15.``): the
    pairs, or ``None`` for a row of a table (a label cell that is no label word, or values that are all header words:
    a header row).

    >>> label_pairs(["구분", "자매도시", "결연일", "1996. 10. 15."])
    [('구분', '자매도시'), ('결연일', '1996. 10. 15.')]
    >>> label_pairs(["가나시", "일본", "자매결연", "1996. 10. 15."]), label_pairs(["구분", "도시명", "결연일", "비고"])
    (None, None)
    """
    cells = [c.strip() for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    if len(cells) < 4 or len(cells) % 2:
        return None
    pairs = list(zip(cells[::2], cells[1::2], strict=True))
    for label, _ in pairs:
        compact = re.sub(r"\s+", "", label)
        if not compact or len(compact) > PAIR_LABEL_CHARS or re.search(r"\d", compact) or not (
                header_role(label) or _LABEL_ENDINGS.search(compact)):
            return None
    return pairs if any(v and header_role(v) is None for _, v in pairs) else None


#: Longest header cell (characters without spaces); a longer cell, or one with a year, is a row's remark, whatever
#: words it holds.
HEADER_CHARS = 24
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: Longest line of text between rows of a table read as a group label of the rows below (``미야기현``, ``가. 일본``).
LABEL_CHARS = 30


@dataclass
class Row:
    """One table row: its line and cells."""

    line: int
    cells: list[str]
    label: bool = False

    @property
    def fields_only(self) -> bool:
        """Every cell is a ``label: value`` field (``국가: 일본 | 결연일: 1998. 5. 1.``): a card's line, not a row.

        >>> Row(1, ["국가: 일본", "결연일: 1998. 5. 1."]).fields_only, Row(1, ["가나시", "1998. 5. 1."]).fields_only
        (True, False)
        """
        filled = [c for c in self.cells if c.strip()]
        return (len(filled) >= 2 and all(_FIELD_CELL.match(c) for c in filled)) or label_pairs(self.cells) is not None

    def cell(self, index: int | None) -> str:
        """The cell at ``index`` (``""`` when missing)."""
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index].strip()


@dataclass
class Table:
    """A run of rows, the header row (if any) and the role of each column."""

    rows: list[Row]
    header: Row | None = None
    roles: dict[int, str] = field(default_factory=dict)
    header_roles: set[int] = field(default_factory=set)
    repeated_headers: list[int] = field(default_factory=list)

    @property
    def first_line(self) -> int:
        """The first line of the table (its header when there is one)."""
        return self.header.line if self.header else self.rows[0].line

    def columns(self, role: str) -> list[int]:
        """Columns with ``role``, left to right."""
        return sorted(i for i, r in self.roles.items() if r == role)

    def column(self, role: str) -> int | None:
        """The first column with ``role``."""
        cols = self.columns(role)
        return cols[0] if cols else None


def split_cells(line: str) -> list[str] | None:
    """Cells of a table row (tabs or `` | ``), or ``None`` when the line is not a row.

    >>> split_cells("1 | 가나다와시 | 2002.5.1"), split_cells("| 국가 | 도시 |"), split_cells("a\\tb")
    (['1', '가나다와시', '2002.5.1'], ['국가', '도시'], ['a', 'b'])
    >>> split_cells(" |  | 2012.5.1 | 재체결")
    ['', '', '2012.5.1', '재체결']
    >>> split_cells(" | 다롄시 | 2024.01.28 |")
    ['', '다롄시', '2024.01.28', '']
    >>> split_cells(" │ 일본 │ 가나시 │ 2005.12.15 │"), split_cells("│      │ 〃 │ 재체결 │")
    (['일본', '가나시', '2005.12.15'], ['', '〃', '재체결'])
    >>> split_cells("자매결연 현황") is None
    True
    """
    stripped = line.strip()
    if "\t" in line:
        cells = line.split("\t")
    elif _BOX_BARS.search(line) and not _RULE_ROW.match(line):
        cells = _BOX_BARS.split(stripped)  # a text table drawn with box characters: │ 국가 │ 도시 │
        cells = cells[1:] if stripped[0] in "│┃║｜" else cells
        cells = cells[:-1] if stripped[-1] in "│┃║｜" and len(cells) > 1 else cells
    elif line.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = _SPLIT_PIPE.split(stripped[1:-1])  # a markdown row with borders (a row read from a file
        # format starts with " | " when its first cell is empty, and may then end in " |" too)
    elif " | " in line or stripped.startswith("|"):
        cells = _SPLIT_PIPE.split(line)
    else:
        return None
    cells = [c.strip() for c in cells]
    return cells if len(cells) >= 2 else None


def find_tables(lines: tuple[str, ...], registry: Registry | None = None, *, labels: bool = False) -> list[Table]:
    """Every run of table rows in ``lines`` (1-based line numbers); blank lines do not end a table, text does;
    a repeated header row (after a page break) is skipped.

    With a ``registry``, a header cell naming a country (``일본 측``) counts as a header word. With ``labels``, a
    short line of text between rows (followed by a row of about as many cells) is a group label row of the table
    (one cell, ``label=True``) instead of ending it.
    """
    tables: list[Table] = []
    current: Table | None = None

    def is_header_cell(cell: str) -> bool:  # ``2025. 하반기 우호도시 체결 예정``: a remark, naming no column
        return len(re.sub(r"\s+", "", cell)) <= HEADER_CHARS and not _YEAR.search(cell) and (
            bool(header_role(cell)) or (registry is not None and header_country(registry, cell) is not None))

    for n, text in enumerate(lines, start=1):
        cells = split_cells(text)
        if cells is None:
            if _BOX_RULE.match(text):
                continue  # ├──┼──┤ between a box-drawn table's header and rows
            if text.strip():
                if labels and current is not None and _is_label(lines, n, current):
                    current.rows.append(Row(n, [text.strip()], label=True))
                    continue
                current = None  # text ends a table; a blank line (a page break) does not
            continue
        if _RULE_ROW.match(text):
            continue
        row = Row(n, _undittoed(cells, current))
        is_header = sum(1 for c in cells if is_header_cell(c)) >= 2 and not any(
            find_dates(c, bare_years=True) or c.strip().isdigit() for c in cells)  # a row's number: no header
        if current is None:
            current = Table([])
            tables.append(current)
        if is_header:
            if current.header is None and not any(not r.label for r in current.rows):
                current.header, current.rows = row, []
            elif current.header is not None and not current.rows and not current.repeated_headers:
                current.header = Row(current.header.line, combined_header(current.header.cells, cells, registry))
            elif current.header is not None and [header_role(c) for c in cells] == \
                    [header_role(c) for c in current.header.cells]:
                current.repeated_headers.append(n)  # the header repeated after a page break
                continue
            else:
                current = Table([], header=row)
                tables.append(current)
            continue
        current.rows.append(row)
    return [t for t in tables if any(not r.label for r in t.rows)]


def combined_header(top: list[str], bottom: list[str], registry: Registry | None = None) -> list[str]:
    """One header from a header of two rows (a ``<thead>`` of two rows, a DOCX/HWPX header with merged cells): each
    column's words from the row above (a cell merged across carried over the columns it covers, left empty there)
    and the row below — kept together when together they name the lower cell's role (or a role the lower cell
    lacks), else the cell naming a role, the lower one first (a lower cell naming a country, ``일본 측``, with a
    ``registry``).

    >>> combined_header(["연번", "교류도시", "", "체결일", ""], ["연번", "국가", "도시", "최초", "재체결"])
    ['연번', '교류도시 국가', '교류도시 도시', '체결일', '체결일 재체결']
    >>> combined_header(["국가", "자매결연", "", "우호교류", ""], ["", "도시", "체결일", "도시", "체결일"])
    ['국가', '자매결연 도시', '자매결연 체결일', '우호교류 도시', '우호교류 체결일']
    """
    out: list[str] = []
    carried = ""
    for i in range(max(len(top), len(bottom))):
        above = top[i].strip() if i < len(top) else ""
        below = bottom[i].strip() if i < len(bottom) else ""
        carried = above or (carried if below else "")
        out.append(_header_words(carried, below, registry))
    return out


def _header_words(above: str, below: str, registry: Registry | None) -> str:
    """A column's header from the words above and below it (:func:`combined_header`)."""
    if not below or above == below:
        return above
    if not above:
        return below
    joined = f"{above} {below}"
    together, lower = header_role(joined), header_role(below)
    if together and lower in (None, together):
        return joined
    if lower or (registry is not None and header_country(registry, below)):
        return below
    return above if header_role(above) else joined


def _undittoed(cells: list[str], table: Table | None) -> list[str]:
    """A row's cells with each ditto mark (``〃``) replaced by the cell above it in the table's last row.

    >>> _undittoed(["", "〃", "2019.6.1"], Table([Row(1, ["일본", "가나시", "2005.1.2"])]))
    ['', '가나시', '2019.6.1']
    """
    above = next((r for r in reversed(table.rows) if not r.label), None) if table is not None else None
    return [above.cell(i) if above is not None and DITTO.match(c) else c for i, c in enumerate(cells)]


#: A section's number opening a heading (``3. 세부일정``, ``Ⅱ. 일정``, ``2) 방문 일정``).
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3})\s*[.)]\s*\S")


def _is_label(lines: tuple[str, ...], n: int, table: Table) -> bool:
    """Line ``n`` is short text followed (after blank lines) by a row about as wide as the table's."""
    text = lines[n - 1].strip()
    if len(text) > LABEL_CHARS or text.endswith(("다", "다.", ".")) or find_dates(text, bare_years=True):
        return False
    widths = [len(r.cells) for r in table.rows if not r.label] or ([len(table.header.cells)] if table.header else [])
    following = next((split_cells(line) for line in lines[n:] if line.strip()), None)
    if following is not None and _SECTION_NUMBER.match(text) and any(header_role(c) for c in following) and \
            not any(find_dates(c, bare_years=True) for c in following):
        return False  # 3. 세부일정 / 일자 | 장소 | 주요 일정: a section's heading over the next table's header
    return bool(widths) and following is not None and abs(len(following) - widths[-1]) <= 1
