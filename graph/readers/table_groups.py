"""Tables whose rows hold several partners side by side, each with its own date, under groups of columns (``국가 |
자매도시 | 체결일 | 우호도시 | 체결일``, or a two-row header ``자매결연 (도시 | 체결일) | 우호교류 (도시 | 체결일)``):
read as one table per group, the columns left of the first group shared by all."""

from __future__ import annotations

from graph.facts import FactWriter
from graph.readers.relations import relation_of
from graph.readers.table_columns import assign_roles
from graph.readers.table_layout import cell_country
from graph.readers.table_rows import Row, Table


def column_groups(w: FactWriter, table: Table) -> list[list[int]]:
    """The groups of a side-by-side table: each party column with its date column right of it (before the next
    party column) and the columns up to the next group; ``[]`` for any other table. The groups must be alike: each
    party column's header names a relation (자매도시 | 우호도시), or all are the same words (도시 | 도시), or no party
    column holds mostly Korean regions (a Korean side and its partner are one pair, not two groups).

    >>> from types import SimpleNamespace
    >>> from graph.registry import Registry
    >>> w = SimpleNamespace(registry=Registry.default())  # a writer, as far as the registry goes
    >>> roles = {0: "country", 1: "party", 2: "date", 3: "party", 4: "date"}
    >>> header = Row(1, ["국가", "자매도시", "체결일", "우호도시", "체결일"])
    >>> t = Table([Row(2, ["일본", "가나시", "2005", "다라시", "2010"])], header, roles)
    >>> column_groups(w, t)
    [[1, 2], [3, 4]]
    >>> t.header = Row(1, ["국가", "한국 측", "체결일", "상대 도시", "갱신일"])
    >>> t.rows = [Row(2, ["일본", "춘천시", "2005", "가나시", "2015"])]
    >>> column_groups(w, t)
    []
    """
    parties, dates = table.columns("party"), table.columns("date")
    if table.header is None or len(parties) < 2 or len(parties) != len(dates):
        return []
    bounds = [*parties, max(len(table.header.cells), max(dates) + 1)]
    if not all(bounds[i] < dates[i] < bounds[i + 1] for i in range(len(parties))):
        return []
    headers = [table.header.cell(p) for p in parties]
    if not (all(relation_of(h) for h in headers) or len(set(headers)) == 1 or not any(
            _mostly_korean(w, table, p) for p in parties)):
        return []
    return [list(range(bounds[i], bounds[i + 1])) for i in range(len(parties))]


def _mostly_korean(w: FactWriter, table: Table, col: int) -> bool:
    """Half or more of a column's filled cells name Korean regions."""
    values = [r.cell(col) for r in table.rows if not r.label and r.cell(col)]
    return bool(values) and 2 * sum(1 for v in values if cell_country(w, v) == "KR") >= len(values)


def split_groups(w: FactWriter, table: Table) -> list[Table]:
    """One table per group of a side-by-side table (:func:`column_groups`), each with the shared columns on its left
    and the group's relation (from its party column's header) named in its date column's header; ``[table]`` for
    any other table. A row whose group cells are all empty is left out of that group's table."""
    groups = column_groups(w, table)
    if not groups or table.header is None:
        return [table]
    shared = list(range(groups[0][0]))
    out = []
    for group in groups:
        cols = shared + group
        relation_words = table.header.cell(group[0]) if relation_of(table.header.cell(group[0])) else ""
        header = [(f"{relation_words} {table.header.cell(c)}".strip() if table.roles.get(c) == "date"
                   and not relation_of(table.header.cell(c)) else table.header.cell(c)) for c in cols]
        rows = [r if r.label else Row(r.line, [r.cell(c) for c in cols]) for r in table.rows
                if r.label or any(r.cell(c) for c in group)]
        part = Table(rows, header=Row(table.header.line, header), repeated_headers=table.repeated_headers)
        assign_roles(w, part)
        out.append(part)
    return out
