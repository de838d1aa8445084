"""Tables of records written field by field, pivoted into one row per partner before the table reader reads them.

Two layouts state each partner's fields as ``key | value`` pairs instead of one row per partner (a third, cards of
``key | value`` rows under each partner's name, is the list reader's, :mod:`graph.readers.lists`):

* **long** — ``교류도시 | 항목 | 내용`` with ``가나시 | 체결일 | 2004년 6월 24일``, ``가나시 | 구분 | 우호도시``: a
  column naming the partner (repeated, or left empty under a merged cell), a column of keys, a column of values;
* **transposed** — one column per partner: ``구분 | 가나시 | 다라시`` over ``체결일 | 2000. 3. 10. | 1995. 6. 20.``.

Each becomes a :class:`~graph.readers.table_rows.Table` with a header of the keys and one row per partner, dated on
the line of its signing date's row; the usual column roles, dates and parties then apply. A key whose values hold
dates and which names a signing (``결연``, ``협약``) heads the date column (``체결일``).
"""

from __future__ import annotations

import re

from graph.dates import find_dates
from graph.facts import FactWriter
from graph.readers.context import ACTIVITY_WORDS
from graph.readers.relations import plan_words, relation_of
from graph.readers.table_headers import header_role
from graph.readers.table_rows import PAIR_LABEL_CHARS, Row, Table, split_cells

#: Key words of a signing that no header word names as a date (``결연``, ``협약``, ``체결``).
_SIGNING_KEY = re.compile(r"결연|체결|협약|협정|서명|signed|signing", re.IGNORECASE)
#: Words of a visit, an event, an anniversary or a plan (``방문``, ``파견``, ``10주년``, ``협의``, ``추진``): a value
#: holding one states no signing even beside a relation word (``자매결연 10주년 기념 방문``).
_NOT_SIGNING_VALUE = re.compile("|".join(ACTIVITY_WORDS) + "|"
                                + plan_words("after", "pursued", "alone", "ending", "aim"))
#: Fewest fields of a record (a name and a date at least).
MIN_KEYS = 2
#: Share of a key column's cells that must be keys.
KEY_SHARE = 0.8


def is_key(cell: str) -> bool:
    """A field's key: a short label without digits that names a column role or a signing (``체결일``, ``국 가``,
    ``결연``, ``비고``).

    >>> is_key("체결일"), is_key("국 가"), is_key("결연"), is_key("가나시"), is_key("2004. 6. 24."), is_key("")
    (True, True, True, False, False, False)
    """
    compact = re.sub(r"\s+", "", cell)
    if not compact or len(compact) > PAIR_LABEL_CHARS or re.search(r"\d", compact):
        return False
    return bool(header_role(cell) or _SIGNING_KEY.search(compact))


def states_signing(fields: dict[str, str]) -> bool:
    """A record of a signing: a key names one (``체결일``, ``결연``, ``협약일``), or a value states a relation with no
    visit, event, anniversary or plan word beside it (``우호도시``; not ``시장 일행 방문``, ``자매결연 10주년 기념
    방문``, ``우호교류 협약 갱신 협의``). A record of anything else is left to the other readers.

    >>> states_signing({"체결일": "2015. 5. 7."}), states_signing({"일자": "2019. 5. 3.", "구분": "우호도시"})
    (True, True)
    >>> states_signing({"날짜": "2025. 5. 7.", "내용": "자매결연 10주년 기념 방문"})
    False
    """
    return any(_SIGNING_KEY.search(k) for k in fields) or any(
        relation_of(v) and not _NOT_SIGNING_VALUE.search(v) for v in fields.values())


def _dated_key(key: str, values: list[str]) -> bool:
    """A key heading a signing's date: a date key (``체결일``), or a signing word (``결연``) over values that hold
    dates."""
    return header_role(key) == "date" or (
        bool(_SIGNING_KEY.search(key) or relation_of(key)) and any(find_dates(v, bare_years=True) for v in values))


def _record_table(records: list[tuple[int, str | None, dict[str, str]]], head: str, first: int) -> Table | None:
    """A table of ``records`` (line, name, fields by key): the header ``head`` (the name's column) and the keys in
    order of first use, a key heading a signing's date renamed ``체결일``; ``None`` when no record has a dated key."""
    keys: list[str] = []
    for _, _, fields in records:
        keys += [k for k in fields if k not in keys]
    dated = next((k for k in keys if _dated_key(k, [f.get(k, "") for _, _, f in records])), None)
    if dated is None:
        return None
    named = any(name is not None for _, name, _ in records)
    header = ([head] if named else []) + ["체결일" if k == dated and header_role(k) != "date" else k for k in keys]
    rows = [Row(line, ([name or ""] if named else []) + [fields.get(k, "") for k in keys])
            for line, name, fields in records]
    return Table(sorted(rows, key=lambda r: r.line), header=Row(first, header))


def _line_of(rows: list[tuple[int, str, str]]) -> int:
    """The line of a record: its dated key's row, else its first row."""
    return next((n for n, k, v in rows if header_role(k) == "date" or (
        _SIGNING_KEY.search(k) and find_dates(v, bare_years=True))), rows[0][0])


def _long(run: list[tuple[int, list[str]]]) -> tuple[Table, set[int]] | None:
    """A run of rows ``name | key | value`` grouped by name (an empty name continues the group above)."""
    head = "상대 도시"
    if run and header_role(run[0][1][0]) and not any(find_dates(c, bare_years=True) for c in run[0][1]):
        (_, cells), run = run[0], run[1:]  # 교류도시 | 항목 | 내용
        head = cells[0]
    if len(run) < MIN_KEYS or sum(1 for _, c in run if len(c) >= 3 and is_key(c[1])) < KEY_SHARE * len(run):
        return None
    groups: list[tuple[str, list[tuple[int, str, str]]]] = []
    for n, cells in run:
        if len(cells) < 3 or not is_key(cells[1]):
            continue
        name = cells[0] or (groups[-1][0] if groups else "")
        if not name or is_key(name):
            return None
        if not groups or groups[-1][0] != name:
            groups.append((name, []))
        groups[-1][1].append((n, re.sub(r"\s+", " ", cells[1]), cells[2]))
    if any(len({k for _, k, _ in g}) < len(g) for _, g in groups) or max(len(g) for _, g in groups) < MIN_KEYS:
        return None  # a key twice for one name: a table of rows, not of records
    left = {n for _, g in groups if not states_signing({k: v for _, k, v in g}) for n, _, _ in g}
    groups = [(name, g) for name, g in groups if g[0][0] not in left]
    if not groups:
        return None
    table = _record_table([(_line_of(g), name, {k: v for _, k, v in g}) for name, g in groups], head, run[0][0])
    return (table, {n for n, _ in run} - left) if table is not None else None


def _transposed(run: list[tuple[int, list[str]]]) -> tuple[Table, set[int]] | None:
    """A run of rows ``key | value | value …``, one column per partner, each key once."""
    width = min(len(c) for _, c in run)
    keys = [re.sub(r"\s+", " ", c[0]) for _, c in run]
    if len(run) < MIN_KEYS + 1 or width < 3 or len(set(keys)) < len(keys) or \
            sum(1 for k in keys if is_key(k)) < KEY_SHARE * len(keys) or any(is_key(c) for c in run[0][1][1:]):
        return None  # 구분 | 도시명 | 체결일 over 자매도시 | 가나시 | 2001: a header over rows, no record per column
    dated = [c[1:width] for (_, c), k in zip(run, keys, strict=True) if header_role(k) == "date"]
    if not dated or sum(1 for v in dated[0] if find_dates(v, bare_years=True)) * 2 < len(dated[0]):
        return None
    if header_role(keys[0]) not in ("party", "country"):
        keys[0] = "상대 도시"  # 구 분 | 가나시 | 다라시: the partners' names, whatever the first key says
    line = _line_of([(n, k, " ".join(c[1:])) for (n, c), k in zip(run, keys, strict=True)])
    records = [(line, None, {k: c[j] for (_, c), k in zip(run, keys, strict=True)}) for j in range(1, width)]
    records = [r for r in records if states_signing(r[2])]
    if not records:
        return None
    table = _record_table(records, "", run[0][0])
    return (table, {n for n, _ in run}) if table is not None else None


def record_tables(w: FactWriter, lines: tuple[str, ...]) -> list[tuple[Table, set[int]]]:
    """Every table of records in ``lines``, pivoted (one row per partner), with the lines each was read from."""
    out: list[tuple[Table, set[int]]] = []
    taken: set[int] = set()
    n = 1
    while n <= len(lines):
        run: list[tuple[int, list[str]]] = []
        m = n
        while m <= len(lines) and (not lines[m - 1].strip() or (cells := split_cells(lines[m - 1])) is not None):
            if lines[m - 1].strip():
                run.append((m, cells))
            m += 1
        found = None
        if len(run) >= MIN_KEYS:
            found = _long(run) if all(len(c) >= 3 for _, c in run) else None
            found = found or _transposed(run)
        if found is not None and not found[1] & taken:
            out.append(found)
            taken |= found[1]
            n = max(found[1]) + 1
            continue
        n = max(m, n + 1)
    return out
