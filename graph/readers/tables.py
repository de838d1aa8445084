"""The general table reader: rows of pipe- or tab-separated cells → agreement candidates.

* **Tables** are runs of lines with cells separated by tabs or ``" | "`` (DOCX/HWPX rows arrive so).
* **Column roles** come from header words (:data:`ROLE_WORDS`) and, for columns the header does not
  name, from the cells: mostly dates → date; mostly registry regions or place names → party; mostly
  country words → country; mostly relation words → relation.
* **Parties**: two party columns give both parties of each row; one party column pairs each row
  with the subject of the table (the region named in the heading or title, :mod:`graph.readers.context`).
* **Groups**: a label printed only on the first row of its group (a country, the Korean party of a
  consulate table) applies to the rows below; a row holding only such a label sets it.
* **Continuations**: a row with empty leading cells belongs to the row above — with a date (and a word
  such as 재체결 or 갱신) it is a further signing of the same parties, without one its text adds to
  the fields of the row above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.dates import find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import Context, context_at
from graph.readers.entities import Party, country_in, place_level, resolve_party
from graph.readers.relations import DEFAULT_RELATION, is_intent, is_renewal, relation_of
from graph.registry import Registry, normalize_name

#: Header words naming each column role (compared without spaces), most specific first.
ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("serial", ("연번", "번호", "순번", "순위", "no", "no.")),
    ("date", ("체결일자", "체결일", "협약일자", "협약일", "결연일자", "결연일", "체결연도", "체결년도", "결연연도",
              "체결시기", "결연시기", "협약체결일", "일자", "날짜", "연도", "년도", "시기", "체결연월일")),
    ("country", ("국가명", "국가", "나라", "국명")),
    ("relation", ("교류형태", "협약유형", "결연형태", "체결형태", "유형", "구분", "종류", "형태", "관계")),
    ("fields", ("주요협력분야", "협력분야", "교류분야", "주요교류분야", "주요내용", "교류내용", "분야", "내용",
                "비고")),
    ("parent", ("시도", "시·도", "광역자치단체", "광역시도", "광역")),
    ("party", ("상대도시", "교류도시", "자매도시", "우호도시", "결연도시", "상대기관", "상대지자체", "자치단체",
               "지방자치단체", "지자체", "지방정부", "기관명", "도시명", "도시", "지역", "상대", "기관", "시군구",
               "시군", "기초자치단체", "기초", "교류지역", "자매결연", "우호교류", "국내", "국외", "해외")),
)
#: Share of a column's non-empty cells that must agree for a role found from content.
CONTENT_SHARE = 0.6
_SPLIT_PIPE = re.compile(r"\s*\|\s*")
_RULE_ROW = re.compile(r"^[\s|:\-–—=+]*$")
_PLACE_HEADERS = ("도시", "지역", "자치단체", "지자체", "지방정부", "시군", "시도")
#: Header words of the partner's column (the column a country column describes).
PARTNER_HEADER_WORDS = ("상대", "교류도시", "자매도시", "우호도시", "결연도시", "국외", "해외")
#: Longest name fragment continued on the next row.
FRAGMENT_CHARS = 3


@dataclass
class Row:
    """One table row: its line and cells."""

    line: int
    cells: list[str]

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

    >>> split_cells("1 | 가나자와시 | 2002.5.1"), split_cells("| 국가 | 도시 |"), split_cells("a\\tb")
    (['1', '가나자와시', '2002.5.1'], ['국가', '도시'], ['a', 'b'])
    >>> split_cells(" |  | 2012.5.1 | 재체결")
    ['', '', '2012.5.1', '재체결']
    >>> split_cells(" | 다롄시 | 2024.01.28 |")
    ['', '다롄시', '2024.01.28', '']
    >>> split_cells("자매결연 현황") is None
    True
    """
    stripped = line.strip()
    if "\t" in line:
        cells = line.split("\t")
    elif line.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = _SPLIT_PIPE.split(stripped[1:-1])  # a markdown row with borders (a row read from a file
        # format starts with " | " when its first cell is empty, and may then end in " |" too)
    elif " | " in line or stripped.startswith("|"):
        cells = _SPLIT_PIPE.split(line)
    else:
        return None
    cells = [c.strip() for c in cells]
    return cells if len(cells) >= 2 else None


def header_role(cell: str) -> str | None:
    """The role a header cell names (``체결일자`` → date, ``상대도시`` → party), or ``None``.

    >>> header_role("체결 일자"), header_role("주 요 협 력 분 야"), header_role("자매도시"), header_role("2002.5.1")
    ('date', 'fields', 'party', None)
    """
    key = normalize_name(cell)
    if not key or find_dates(cell, bare_years=True):
        return None
    for role, words in ROLE_WORDS:
        if any(key == w or (len(w) >= 2 and key.endswith(w) and len(key) <= len(w) + 4) for w in words):
            return role
    return None


def find_tables(lines: tuple[str, ...]) -> list[Table]:
    """Every run of table rows in ``lines`` (1-based line numbers); blank lines do not end a table, text does;
    a repeated header row (after a page break) is skipped."""
    tables: list[Table] = []
    current: Table | None = None
    for n, text in enumerate(lines, start=1):
        cells = split_cells(text)
        if cells is None:
            if text.strip():
                current = None  # text ends a table; a blank line (a page break) does not
            continue
        if _RULE_ROW.match(text):
            continue
        row = Row(n, cells)
        is_header = sum(1 for c in cells if header_role(c)) >= 2 and not any(find_dates(c) for c in cells)
        if current is None:
            current = Table([])
            tables.append(current)
        if is_header:
            if current.header is None and not current.rows:
                current.header = row
            elif current.header is not None and [header_role(c) for c in cells] == \
                    [header_role(c) for c in current.header.cells]:
                current.repeated_headers.append(n)  # the header repeated after a page break
                continue
            else:
                current = Table([], header=row)
                tables.append(current)
            continue
        current.rows.append(row)
    return [t for t in tables if t.rows]


def assign_roles(w: FactWriter, table: Table) -> None:
    """Roles from the header, then from cell content for columns the header leaves open."""
    if table.header:
        for i, cell in enumerate(table.header.cells):
            role = header_role(cell)
            if role:
                table.roles[i] = role
                table.header_roles.add(i)
    width = max(len(r.cells) for r in table.rows)
    for i in range(width):
        if i in table.roles:
            continue
        values = [r.cell(i) for r in table.rows if r.cell(i)]
        if not values:
            continue
        role = _content_role(w, values)
        if role and (role not in ("date", "country", "relation") or role not in table.roles.values()):
            table.roles[i] = role


def _content_role(w: FactWriter, values: list[str]) -> str | None:
    def share(test) -> float:
        return sum(1 for v in values if test(v)) / len(values)

    if share(lambda v: bool(find_dates(v, bare_years=True))) >= CONTENT_SHARE:
        return "date"
    if share(lambda v: country_in(w.registry, v) is not None and len(normalize_name(v)) <= 8) >= CONTENT_SHARE:
        return "country"
    if share(lambda v: relation_of(v) is not None and len(v) <= 12) >= CONTENT_SHARE:
        return "relation"
    if share(lambda v: _looks_like_place(w, v)) >= CONTENT_SHARE:
        return "party"
    return None


def _looks_like_place(w: FactWriter, value: str) -> bool:
    return bool(w.registry.find_mentions(value)) or place_level(value.split()[-1] if value.split() else "") is not None


@dataclass
class _State:
    """What carries down a table: group labels and the parties of the last row."""

    country: str | None = None
    parent: str | None = None
    home: str = ""
    relation: str | None = None
    last: AgreementCandidate | None = None


@dataclass
class _Layout:
    """Which columns name the parties: the home party (or none: the table's subject), the partner, a parent."""

    home: int | None
    partner: int
    parent: int | None
    place_context: bool
    home_country: str | None = None
    partner_country: str | None = None


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Agreement candidates from every table of the document (rows on ``skip`` lines are left alone)."""
    out: list[AgreementCandidate] = []
    for table in find_tables(w.doc.lines):
        if any(r.line in skip for r in table.rows):
            continue
        assign_roles(w, table)
        if table.column("date") is None or not table.columns("party"):
            continue
        out.extend(read_table(w, table))
    return out


def layout_of(table: Table, registry: Registry) -> _Layout:
    """The party columns: the partner is the column headed 상대…, else the one right of the country column,
    else the last; a parent column (시도) qualifies the home party, or is the home party when there is no other.
    A country word in a party column's header (``일본 측``) is the country of that column's names."""
    party_cols = table.columns("party")
    parent = table.column("parent")
    if len(party_cols) == 1 and parent is not None:
        party_cols, parent = [parent, *party_cols], None
    headers = {c: normalize_name(table.header.cell(c)) if table.header else "" for c in party_cols}
    country = table.column("country")
    partner = next((c for c in party_cols if any(w in headers[c] for w in PARTNER_HEADER_WORDS)), None)
    if partner is None and country is not None:
        partner = next((c for c in party_cols if c > country), None)
    partner = party_cols[-1] if partner is None else partner
    home = next((c for c in party_cols if c != partner), None)
    place_context = any(word in headers[partner] for word in _PLACE_HEADERS)
    raw = {c: table.header.cell(c) if table.header else "" for c in party_cols}
    return _Layout(home, partner, parent, place_context, country_in(registry, raw[home]) if home is not None else None,
                   country_in(registry, raw[partner]))


def read_table(w: FactWriter, table: Table) -> list[AgreementCandidate]:
    """Candidates of one table whose columns have roles."""
    ctx = context_at(w, table.first_line)
    layout = layout_of(table, w.registry)
    if layout.home is None and ctx.subject is None:
        w.report.add_issue("unresolved", w.doc.id, table.first_line, "table subject",
                           "one party column and no region named in the heading or title")
        return []
    _merge_fragments(table, [c for c in (layout.home, layout.partner) if c is not None])
    state = _State(relation=ctx.relation)
    out: list[AgreementCandidate] = []
    for row in table.rows:
        out.extend(_read_row(w, table, row, layout, ctx, state))
    return out


def _merge_fragments(table: Table, party_cols: list[int]) -> None:
    """A row holding only the end of a name cell (``주`` under ``사우스캐롤라이나``) joins the row above."""
    kept: list[Row] = []
    for row in table.rows:
        filled = [i for i, c in enumerate(row.cells) if c.strip()]
        if kept and len(filled) == 1 and filled[0] in party_cols and kept[-1].cell(filled[0]) and \
                len(row.cell(filled[0])) <= FRAGMENT_CHARS and place_level("가" + row.cell(filled[0])):
            above = kept[-1]
            above.cells[filled[0]] = above.cell(filled[0]) + row.cell(filled[0])
            continue
        kept.append(row)
    table.rows = kept


def _read_row(w: FactWriter, table: Table, row: Row, layout: _Layout, ctx: Context,
              state: _State) -> list[AgreementCandidate]:
    dates = [d for c in table.columns("date") for d in find_dates(row.cell(c), bare_years=True)]  # 체결일, 재체결일
    country_cell = row.cell(table.column("country"))
    relation_cell = row.cell(table.column("relation"))
    filled = [c for c in row.cells if c.strip()]
    if country_cell:
        state.country = country_in(w.registry, country_cell) or state.country
    if not dates and len(filled) == 1 and (country_in(w.registry, filled[0]) or relation_of(filled[0])):
        state.country = country_in(w.registry, filled[0]) or state.country  # a group label row
        state.relation = relation_of(filled[0]) or state.relation
        return []
    if row.cell(layout.parent):
        state.parent, state.home = row.cell(layout.parent), ""
    partner_name = _name_cell(w, row.cell(layout.partner))
    home_name = _name_cell(w, row.cell(layout.home)) if layout.home is not None else ""
    if home_name:
        state.home = home_name
    elif layout.home is not None and partner_name:
        home_name = state.home  # a group label printed on the first row of its group
    if not partner_name and not (layout.home is not None and row.cell(layout.home)):
        return _continuation(w, row, dates, state, table)
    if not dates or not partner_name:
        return []
    parties = _parties(w, row, home_name, partner_name, ctx, state, layout)
    if parties is None:
        return []
    row_text = " ".join(row.cells)
    relation = relation_of(relation_cell) or relation_of(row_text) or state.relation or DEFAULT_RELATION
    fields = tuple(f for f in (row.cell(table.column("fields")),) if f)
    confidence = _confidence(table, parties, dates[0].value.precision, layout)
    out = []
    for found in dates:
        out.append(AgreementCandidate(parties, found.value, relation, (row.line, row.line), confidence,
                                      intent=is_intent(row_text), fields=fields, reader="tables",
                                      quote=row_text.strip()))
    state.last = out[-1]
    return out


def _name_cell(w: FactWriter, text: str) -> str:
    """A name cell, or ``""`` when it holds only a renewal word."""
    return "" if is_renewal(text) and place_level(text) is None and not w.registry.find_mentions(text) else text


def _parties(w: FactWriter, row: Row, home_name: str, partner_name: str, ctx: Context, state: _State,
             layout: _Layout) -> tuple[Party, Party] | None:
    if layout.home is None:
        home = ctx.subject
    else:
        parent = None
        if state.parent:
            found = resolve_party(w, state.parent, row.line)
            parent = found.entity.id if found is not None else None
        home = resolve_party(w, home_name, row.line, parent=parent, country=layout.home_country,
                             place_context=layout.place_context) if home_name else None
    partner = resolve_party(w, partner_name, row.line, place_context=layout.place_context,
                            country=state.country or layout.partner_country or ctx.country)
    if home is None or partner is None:
        return None
    return home, partner


def _continuation(w: FactWriter, row: Row, dates: list, state: _State, table: Table) -> list[AgreementCandidate]:
    """A row with empty party cells: a further signing of the row above, or more of its fields."""
    above = state.last
    if above is None:
        return []
    row_text = " ".join(c for c in row.cells if c)
    if not dates:
        above.fields = (*above.fields, row_text) if row_text else above.fields
        above.lines = (above.lines[0], row.line)
        return []
    relation = relation_of(row.cell(table.column("relation"))) or above.relation
    out = [AgreementCandidate(above.parties, d.value, relation, (row.line, row.line),
                              max(0.0, above.confidence - 0.05), intent=is_intent(row_text),
                              fields=tuple(f for f in (row.cell(table.column("fields")),) if f),
                              reader="tables", quote=row_text, notes=[f"further signing of line {above.lines[0]}"])
           for d in dates]
    state.last = out[-1]
    return out


def _confidence(table: Table, parties: tuple[Party, Party], precision: str, layout: _Layout) -> float:
    """Raw confidence of a table row's signing (calibrated in :mod:`graph.readers.calibration`)."""
    score = 0.6
    if table.header_roles & {table.column("date"), layout.partner}:
        score += 0.2
    if not any(p.minted for p in parties):
        score += 0.1
    if precision == "day":
        score += 0.05
    return min(score, 0.95)
