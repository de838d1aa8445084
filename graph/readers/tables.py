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
from graph.registry import normalize_name

#: Header words naming each column role (compared without spaces), most specific first.
ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("serial", ("연번", "번호", "순번", "순위", "no", "no.")),
    ("date", ("체결일자", "체결일", "협약일자", "협약일", "결연일자", "결연일", "체결연도", "체결년도", "결연연도",
              "체결시기", "결연시기", "협약체결일", "일자", "날짜", "연도", "년도", "시기", "체결연월일")),
    ("country", ("국가명", "국가", "나라", "국명")),
    ("relation", ("교류형태", "협약유형", "결연형태", "체결형태", "유형", "구분", "종류", "형태", "관계")),
    ("fields", ("주요협력분야", "협력분야", "교류분야", "주요교류분야", "주요내용", "교류내용", "분야", "내용",
                "비고")),
    ("party", ("상대도시", "교류도시", "자매도시", "우호도시", "결연도시", "상대기관", "상대지자체", "자치단체",
               "지방자치단체", "지자체", "지방정부", "기관명", "도시명", "도시", "지역", "상대", "기관", "시군",
               "시도", "자매결연", "우호교류", "국내", "국외", "해외")),
)
#: Share of a column's non-empty cells that must agree for a role found from content.
CONTENT_SHARE = 0.6
_SPLIT_PIPE = re.compile(r"\s*\|\s*")
_RULE_ROW = re.compile(r"^[\s|:\-–—=+]*$")
_PLACE_HEADERS = ("도시", "지역", "자치단체", "지자체", "지방정부", "시군", "시도")


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
    >>> split_cells("자매결연 현황") is None
    True
    """
    stripped = line.strip()
    if "\t" in line:
        cells = line.split("\t")
    elif stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = _SPLIT_PIPE.split(stripped[1:-1])  # a markdown row with borders
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
    """Every run of table rows in ``lines`` (1-based line numbers); a repeated header row is skipped."""
    tables: list[Table] = []
    current: Table | None = None
    for n, text in enumerate(lines, start=1):
        cells = split_cells(text)
        if cells is None:
            current = None
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
                continue  # the header repeated after a page break
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
    group_party: str = ""
    relation: str | None = None
    last: AgreementCandidate | None = None


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


def read_table(w: FactWriter, table: Table) -> list[AgreementCandidate]:
    """Candidates of one table whose columns have roles."""
    ctx = context_at(w, table.first_line)
    party_cols = table.columns("party")[:2]
    if len(party_cols) == 1 and ctx.subject is None:
        w.report.add_issue("unresolved", w.doc.id, table.first_line, "table subject",
                           "one party column and no region named in the heading or title")
        return []
    place_context = table.header is not None and any(
        any(word in normalize_name(table.header.cell(c)) for word in _PLACE_HEADERS) for c in party_cols)
    state = _State(relation=ctx.relation)
    out: list[AgreementCandidate] = []
    for row in table.rows:
        out.extend(_read_row(w, table, row, party_cols, ctx, state, place_context))
    return out


def _read_row(w: FactWriter, table: Table, row: Row, party_cols: list[int], ctx: Context, state: _State,
              place_context: bool) -> list[AgreementCandidate]:
    date_text = row.cell(table.column("date"))
    dates = find_dates(date_text, bare_years=True)
    country_cell = row.cell(table.column("country"))
    relation_cell = row.cell(table.column("relation"))
    filled = [c for c in row.cells if c.strip()]
    if country_cell:
        state.country = country_in(w.registry, country_cell) or state.country
    if not dates and len(filled) == 1 and (country_in(w.registry, filled[0]) or relation_of(filled[0])):
        state.country = country_in(w.registry, filled[0]) or state.country  # a group label row
        state.relation = relation_of(filled[0]) or state.relation
        return []
    names = [row.cell(c) for c in party_cols]
    names = ["" if is_renewal(n) and place_level(n) is None and not w.registry.find_mentions(n) else n
             for n in names]
    if len(party_cols) == 2:
        if names[0]:
            state.group_party = names[0]
        elif names[1]:
            names[0] = state.group_party
    if not any(names):
        return _continuation(w, row, dates, state, table)
    if not dates:
        return []
    country = state.country or ctx.country
    parties = _parties(w, row, names, ctx, country, place_context)
    if parties is None:
        return []
    row_text = " ".join(row.cells)
    relation = relation_of(relation_cell) or relation_of(row_text) or state.relation or DEFAULT_RELATION
    fields = tuple(f for f in (row.cell(table.column("fields")),) if f)
    confidence = _confidence(table, parties, dates[0].value.precision, party_cols)
    out = []
    for found in dates:
        out.append(AgreementCandidate(parties, found.value, relation, (row.line, row.line), confidence,
                                      intent=is_intent(row_text), fields=fields, reader="tables",
                                      quote=row_text.strip()))
    state.last = out[-1]
    return out


def _parties(w: FactWriter, row: Row, names: list[str], ctx: Context, country: str | None,
             place_context: bool) -> tuple[Party, Party] | None:
    resolved = [resolve_party(w, n, row.line, country=country, place_context=place_context) for n in names if n]
    if any(p is None for p in resolved):
        return None
    if len(resolved) == 1:
        assert ctx.subject is not None
        resolved.insert(0, ctx.subject)
    return resolved[0], resolved[1]


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


def _confidence(table: Table, parties: tuple[Party, Party], precision: str, party_cols: list[int]) -> float:
    """Raw confidence of a table row's signing (calibrated in :mod:`graph.readers.calibration`)."""
    score = 0.6
    if table.header_roles & {table.column("date"), *party_cols}:
        score += 0.2
    if not any(p.minted for p in parties):
        score += 0.1
    if precision == "day":
        score += 0.05
    return min(score, 0.95)
