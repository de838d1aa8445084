"""The signing dates of a table row: its date cells' dates but not the end of a term, a date 까지 or an
anniversary, plus a renewal (재체결, 갱신) or an upgrade (격상) stated in another cell; a plan is no signing."""

from __future__ import annotations

import re

from graph.dates import DateMention, StatedDate, compact_date, find_dates, month_column
from graph.readers.as_of import as_of_date
from graph.readers.relations import (
    end_words,
    is_intent,
    is_renewal,
    negates_renewal,
    negates_signing,
    relation_of,
    states_signing_verb,
)
from graph.readers.table_rows import Row, Table

#: The word of a relation raised to a higher one (우호 → 자매결연으로 격상): a further signing.
UPGRADE = "격상"

#: A header naming a signing (체결, 결연, 서명, 협약, 협정).
_SIGNING_HEADER = re.compile(r"체결|결연|서명|협약|협정|signed|signing", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"[~∼〜–—]|-\s*$|부터")
_TERM_AFTER = re.compile(r"^\s*(?:(?:기간|효력|협약)\s*)?(?:까지|" + end_words("ended") + r")|^[^\d]{0,12}?\d+\s*주년")
#: Words right before a date that make it the end of a term (``만료(2020. 8. 26.)``, ``효력 종료: 2019. 10.``).
_TERM_BEFORE = re.compile(end_words("ended") + r"\s*(?:일|일자)?\s*[(\[:：]?\s*$")
#: A renewal made on an anniversary (``2023 재체결(30주년)``, ``2023 30주년 기념 재체결``): a signing, no anniversary.
_RENEWED_ON_ANNIVERSARY = re.compile(r"^\s*(?:재체결|재협약|갱신|격상)[^\d]{0,3}[(\[]\s*\d+\s*주년"
                                     r"|^[^\d]{0,12}?\d+\s*주년\s*(?:기념|을\s*맞아)?\s*(?:협약\s*)?(?:재체결|재협약|갱신)")


#: Header words of a date's parts printed in columns of their own (``연 | 월 | 일``, ``Year | Month | Day``).
_PART_HEADERS = (re.compile(r"^(?:연|년|연도|년도|year)$", re.IGNORECASE), re.compile(r"^(?:월|month)$", re.IGNORECASE),
                 re.compile(r"^(?:일|day)$", re.IGNORECASE))
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")
#: A missing month or day: an empty cell or a dash.
_NO_PART = re.compile(r"^[\s\-–—·?]*$")


def _part_column(values: list[str], low: int, high: int) -> bool:
    """Every cell a number from ``low`` to ``high`` or empty (``-``)."""
    return all(_NO_PART.match(v) or (v.isdigit() and low <= int(v) <= high) for v in values)


def _date_part_columns(table: Table) -> int | None:
    """The first column of a date printed in a year column and a month column (and a day column) side by side:
    the year column's cells all four-digit years, the next column's months (1–12), the one after days (1–31), a
    month or a day left empty or ``-`` where unknown; headers ``연 | 월 | 일`` (or one header merged over the
    three, ``체결일``). ``None`` for any other table.

    >>> from graph.readers.table_rows import Row, Table
    >>> rows = [Row(2, ["가나시", "1999", "11", "5"]), Row(3, ["다라시", "2006", "10", "-"])]
    >>> _date_part_columns(Table(rows, header=Row(1, ["도시", "연", "월", "일"])))
    1
    >>> _date_part_columns(Table(rows, header=Row(1, ["도시", "체결일", "체결일", "체결일"])))
    1
    >>> _date_part_columns(Table(rows, header=Row(1, ["도시", "연도", "인원", "횟수"])))  # a year and two counts
    """
    if table.header is None:
        return None
    rows = [r for r in table.rows if not r.label]
    heads = [re.sub(r"\s+", "", c) for c in table.header.cells]
    for c in range(len(heads) - 1):
        merged = heads[c] and heads[c] == heads[c + 1]
        if not (merged or (_PART_HEADERS[0].match(heads[c]) and _PART_HEADERS[1].match(heads[c + 1]))):
            continue
        years = [r.cell(c) for r in rows if r.cell(c)]
        if len(years) < 2 or not all(_YEAR_CELL.match(v) for v in years) or \
                not _part_column([r.cell(c + 1) for r in rows], 1, 12):
            continue
        return c
    return None


def fold_date_parts(table: Table) -> None:
    """A date printed in columns of its parts (``2001 | 7 | 15``, ``2006 | 3 |``) written back as one date cell in
    the year column (``2001. 7. 15.``, ``2006. 3.``), the month and day cells left empty: the date finder and the
    column roles then see one date column, at the precision the row states (a year alone is a year)."""
    c = _date_part_columns(table)
    if c is None:
        return
    heads = [re.sub(r"\s+", "", h) for h in table.header.cells]
    day = c + 2 if c + 2 < len(heads) and (_PART_HEADERS[2].match(heads[c + 2]) or heads[c + 2] == heads[c]) and \
        _part_column([r.cell(c + 2) for r in table.rows if not r.label], 1, 31) else None
    for row in table.rows:
        if row.label or not _YEAR_CELL.match(row.cell(c)):
            continue
        parts = [row.cell(c)]
        for k in (c + 1, day):
            if k is None or _NO_PART.match(row.cell(k)):
                break
            parts.append(row.cell(k))
        row.cells = [*row.cells[:c], ". ".join(parts) + ("." if len(parts) > 1 else ""), *(
            "" if k in (c + 1, day) else cell for k, cell in enumerate(row.cells) if k > c)]
    head = table.header.cells[c]
    table.header.cells = [*table.header.cells[:c], head if not _PART_HEADERS[0].match(heads[c]) else "일자", *(
        "" if k in (c + 1, day) else cell for k, cell in enumerate(table.header.cells) if k > c)]


def row_dates(table: Table, row: Row) -> list[DateMention]:
    """Signing dates of a row: its date cells' dates, but not the end of a term (``2019.5.2~2022.5.1``), a date
    ``까지`` or an anniversary; plus dates of a renewal (재체결, 갱신) or an upgrade (격상) stated in another cell.
    A date containing another of the row (``1998. 5.`` and ``1998.5.10``) is the same signing, kept at the finer one."""
    out: list[DateMention] = []
    signed = [c for c in table.columns("date") if find_dates(row.cell(c), bare_years=True)
              and not planned_cell(row.cell(c))]
    for c in _signing_date_columns(table):
        cell = row.cell(c)
        head = table.header.cell(c) if table.header else ""
        months = month_column([r.cell(c) for r in table.rows if not r.label], head)
        compact = compact_date(cell, months=months)  # 20190524, 940617; 200312 in a column of months
        cell = ".".join(str(p) for p in (compact.year, compact.month, compact.day) if p) + "." if compact else cell
        found = find_dates(cell, bare_years=True)
        if found and planned_cell(cell) and signed:
            continue  # 최초 2015.03.26 | 재결연 '25.03.26(예정): the plan of a further step leaves the signing
        planned = [_planned(cell, found, i) for i in range(len(found))]
        for i, d in enumerate(found):
            before = cell[found[i - 1].end:d.start] if i else ""
            if (i and _RANGE_BEFORE.search(before)) or _term_after(cell[d.end:]) or (
                    planned[i] and not all(planned)):  # 2005.10.24 (2025.10.24 재체결 예정): one signing
                continue
            out.append(d)
    named = {c for c, role in table.roles.items()
             if role in ("date", "party", "parent", "otherdate", "serial", "gloss")}
    for c, cell in enumerate(row.cells):
        if c in named:
            continue
        for clause in signing_clauses(cell):  # 1995년 최초 체결 in the remarks (not 2025-08 실무방문 beside it)
            found = find_dates(clause, bare_years=len(cell) <= 20)
            out.extend(d for i, d in enumerate(found) if not _term_after(clause[d.end:])
                       and not _TERM_BEFORE.search(clause[:d.start]) and not _planned(clause, found, i)
                       and not _renamed(clause, found, i))
    out = [d for d in out if not any(d.value != o.value and d.value.contains(o.value) for o in out)]
    if any(_YEAR_ONLY.search(cell) for cell in row.cells):  # 2000-01-01 | 날짜 미상으로 1월 1일 입력(연도만 확인)
        whole = any(_MONTH_UNKNOWN.search(cell) for cell in row.cells)  # 일자 미상 beside 2006. 10.: the month holds
        out = list({d.value.year: DateMention(StatedDate(d.value.year), d.start, d.end, d.surface)
                    if whole or d.value.precision == "day" else d for d in out}.values())
    return out


#: A remark saying a row's day or month is a placeholder and only its year is known (``연도만 확인``, ``날짜 미상``,
#: ``월일 미상``): the row's dates are that year.
_YEAR_ONLY = re.compile(r"연도만|(?:날짜|일자|월일|체결일)\s*(?:은|는)?\s*미상")
#: Of those, a remark saying the month is not known either (a month stated beside ``일자 미상`` is known).
_MONTH_UNKNOWN = re.compile(r"연도만|(?:월일|체결월)\s*(?:은|는)?\s*미상")


#: Between the clauses of a remark (``MOU 체결 계획 (2026), 2025-08 실무방문``), not inside brackets.
_CLAUSE_BREAK = re.compile(r"[,;，、]\s*(?![^()]*\))")


def signing_clauses(cell: str) -> list[str]:
    """The clauses of a remark cell that state a signing, a renewal or an upgrade, each with the dates written
    alone before it (``2005. 3. 2., 2015. 3. 2. 재체결`` is one clause); a clause of another event beside them
    (``2025-08 실무방문``) dates none of them.

    >>> signing_clauses("MOU 체결 계획 (2026), 2025-08 실무방문")
    ['MOU 체결 계획 (2026)']
    >>> signing_clauses("갱신 2009-11-03, 갱신 2019-11-03"), signing_clauses("2005. 3. 2., 2015. 3. 2. 재체결")
    (['갱신 2009-11-03', '갱신 2019-11-03'], ['2005. 3. 2., 2015. 3. 2. 재체결'])
    """
    out: list[str] = []
    pending: list[str] = []
    for clause in (c for c in _CLAUSE_BREAK.split(cell) if c.strip()):
        words = clause
        for d in reversed(find_dates(clause, bare_years=True)):
            words = words[:d.start] + words[d.end:]
        if not re.search(r"[가-힣A-Za-z]", words):
            pending.append(clause)  # a date alone: of the clause after it
            continue
        if (is_renewal(clause) and not negates_renewal(clause)) or UPGRADE in clause or (
                states_signing_verb(clause) and not negates_signing(clause)):
            out.append(", ".join([*pending, clause]))
        pending = []
    return out


def _signing_date_columns(table: Table) -> list[int]:
    """The date columns that date signings: the first, and a later one only when its header names a signing, a
    renewal or a relation while another header does (``체결 | 갱신 | 최근 교류 일자``: the last dates something else).

    >>> t = Table([], Row(1, ["도시", "체결", "갱신", "최근 교류 일자"]), roles={1: "date", 2: "date", 3: "date"})
    >>> _signing_date_columns(t), _signing_date_columns(Table([], None, roles={1: "date", 3: "date"}))
    ([1, 2], [1, 3])
    """
    columns = table.columns("date")
    if table.header is None or len(columns) < 2:
        return columns
    named = [c for c in columns if _names_signing(table.header.cell(c))]
    return [c for c in columns if c == columns[0] or c in named] if named else columns


def _names_signing(header: str) -> bool:
    return bool(_SIGNING_HEADER.search(header)) or is_renewal(header) or relation_of(header) is not None


#: Words of a renaming, a merger or an upgrade of a party (``2020. 6. 구로 편입``, ``2013년 시 승격``).
_RENAMING = re.compile(end_words("renamed", "status"))


def _renamed(cell: str, found: list[DateMention], i: int) -> bool:
    """The ``i``-th date of a remark dates a renaming, merger or upgrade: the words after it (to the next date) say
    so and name no signing (``가나시 시절 체결, 2020. 6. 구로 편입``).

    >>> cell = "가나시 시절 체결, 2020. 6. 구(區)로 편입"
    >>> _renamed(cell, find_dates(cell), 0)
    True
    """
    end = found[i + 1].start if i + 1 < len(found) else len(cell)
    words = cell[found[i].end:end]
    return bool(_RENAMING.search(words)) and not is_renewal(words) and not states_signing_verb(words)


def planned_cell(cell: str) -> bool:
    """A date cell whose every date is planned (``'25.03.26(예정)``, ``2026년 재체결 예정``); ``False`` for a cell with
    no date (``-``) or with a signing date.

    >>> planned_cell("'25.03.26(예정)"), planned_cell("2005.10.24 (2025.10.24 재체결 예정)"), planned_cell("-")
    (True, False, False)
    """
    found = find_dates(cell, bare_years=True)
    return bool(found) and all(_planned(cell, found, i) or (i == 0 and is_intent(cell[:found[0].start]))
                               for i in range(len(found)))


def _term_after(text: str) -> bool:
    """The words after a date make it the end of a term (``까지``, ``만료``) or an anniversary (``30주년``), unless
    a renewal was signed on that anniversary.

    >>> _term_after(" 까지"), _term_after(" 30주년 기념행사"), _term_after(" 재체결(30주년)")
    (True, True, False)
    """
    return bool(_TERM_AFTER.search(text)) and not _RENEWED_ON_ANNIVERSARY.search(text)


def _planned(cell: str, found: list[DateMention], i: int) -> bool:
    """The ``i``-th date of a cell is a plan: the text from it to the next date states one (``2025년 재체결 예정``).

    >>> cell = "2015.11.22 갱신, 2025년 재갱신 예정"
    >>> [_planned(cell, find_dates(cell), i) for i in range(2)]
    [False, True]
    """
    end = found[i + 1].start if i + 1 < len(found) else len(cell)
    return is_intent(cell[found[i].end:end])


def reference_date(lines: tuple[str, ...]) -> StatedDate | None:
    """The date a document's tables stand at (:func:`~graph.readers.as_of.as_of_date`): no signing is dated after it.

    >>> reference_date(("가나도 현황", "가나도 국제협력관 | 2025. 4. 15. 작성")).iso
    '2025-04-15'
    """
    found = as_of_date(lines)
    return found[1] if found else None


def after(date: StatedDate, reference: StatedDate) -> bool:
    """``date`` begins after ``reference`` ends (a signing later than the date a table stands at is a plan).

    >>> after(StatedDate(2025, 5, 9), StatedDate(2024, 12, 31)), after(StatedDate(2024, 12), StatedDate(2024, 12, 31))
    (True, False)
    """
    return (date.year, date.month or 1, date.day or 1) > (reference.year, reference.month or 12, reference.day or 31)
