"""Assign table rows to merged name cells.

In a printed agreement table a partner with several signings spans several rows, and its
merged name cell is printed near the vertical middle of its group — not on its first row. So
a row with an empty name cell may belong to the name above *or* below it. The evidence:

* within a partner's group the signing dates ascend;
* partners (and their serial numbers) are ordered by their first signing date;
* the name sits near the middle of its group.

:func:`group_rows` finds the partition of rows into contiguous groups — each holding exactly one
partner's name rows — that breaks the fewest date-order rules and, among those, keeps names
closest to the middle (dynamic programming over group boundaries). Broken rules are soft: a
document with a misprinted date still gets a partition, and the broken rules are returned so
the build can report them.

>>> from datetime import date as d
>>> rows = [GroupRow("전남", d(2004, 12, 17)), GroupRow(None, d(2005, 6, 13)),
...         GroupRow("제주", d(2015, 2, 10)), GroupRow(None, d(2023, 2, 3)),
...         GroupRow(None, d(2008, 7, 11)), GroupRow("충북", d(2023, 6, 10))]
>>> [(g.name, g.start, g.end) for g in group_rows(rows).groups]
[('전남', 0, 0), ('제주', 1, 3), ('충북', 4, 5)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: Cost of one broken date-order rule, against 1 per row of distance from the middle.
ORDER_PENALTY = 100
#: The largest group considered (rows of one partner).
MAX_GROUP = 8


@dataclass(frozen=True)
class GroupRow:
    """One table row as the grouping sees it: the resolved name key (or ``None``) and its date."""

    name: str | None
    date: date | None


@dataclass(frozen=True)
class Group:
    """Rows ``start..end`` (inclusive, indexes into the row list) belong to partner ``name``."""

    name: str
    start: int
    end: int
    name_rows: tuple[int, ...]

    @property
    def rows(self) -> range:
        """Indexes of the group's rows."""
        return range(self.start, self.end + 1)


@dataclass
class Grouping:
    """The chosen partition and the date-order rules it had to break."""

    groups: list[Group]
    violations: list[str] = field(default_factory=list)

    def group_of(self, index: int) -> Group:
        """The group containing row ``index``."""
        return next(g for g in self.groups if g.start <= index <= g.end)


def _group_cost(rows: list[GroupRow], s: int, e: int) -> tuple[float, str | None, tuple[int, ...]] | None:
    names = {rows[i].name for i in range(s, e + 1) if rows[i].name}
    if len(names) != 1:
        return None
    name = names.pop()
    name_rows = tuple(i for i in range(s, e + 1) if rows[i].name == name)
    centre = min(abs((p - s) - (e - p)) for p in name_rows)
    off_centre = max(0, centre - 1)  # a name on either middle row of an even group is centred
    dates = [rows[i].date for i in range(s, e + 1)]
    descents = sum(1 for a, b in zip(dates, dates[1:], strict=False) if a and b and b < a)
    return ORDER_PENALTY * descents + off_centre + 0.01 * centre, name, name_rows


def _first_date(rows: list[GroupRow], s: int, e: int) -> date | None:
    return next((rows[i].date for i in range(s, e + 1) if rows[i].date), None)


def group_rows(rows: list[GroupRow]) -> Grouping:
    """Partition ``rows`` into partner groups (see the module docstring)."""
    n = len(rows)
    if n == 0:
        return Grouping([])
    # best[(s, e)] = (cost, previous key) for partitions of rows[0..e] whose last group is s..e
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {}
    for e in range(n):
        for s in range(max(0, e - MAX_GROUP + 1), e + 1):
            scored = _group_cost(rows, s, e)
            if scored is None:
                continue
            cost = scored[0]
            first = _first_date(rows, s, e)
            if s == 0:
                best[(s, e)] = (cost, None)
                continue
            options = []
            for (ps, pe), (pcost, _) in best.items():
                if pe != s - 1:
                    continue
                prev_first = _first_date(rows, ps, pe)
                order = ORDER_PENALTY if prev_first and first and first < prev_first else 0
                options.append((pcost + cost + order, (ps, pe)))
            if options:
                best[(s, e)] = min(options)
    finals = [(v[0], k) for k, v in best.items() if k[1] == n - 1]
    if not finals:
        raise ValueError("no partition: some rows cannot reach a named row within "
                         f"{MAX_GROUP} rows, or the table has no names")
    _, key = min(finals)
    chain: list[tuple[int, int]] = []
    cursor: tuple[int, int] | None = key
    while cursor is not None:
        chain.append(cursor)
        cursor = best[cursor][1]
    chain.reverse()
    groups = []
    for s, e in chain:
        _, name, name_rows = _group_cost(rows, s, e)  # type: ignore[misc]
        groups.append(Group(name, s, e, name_rows))
    return Grouping(groups, _violations(rows, groups))


def _violations(rows: list[GroupRow], groups: list[Group]) -> list[str]:
    out: list[str] = []
    for g in groups:
        dates = [(i, rows[i].date) for i in g.rows if rows[i].date]
        for (i, a), (j, b) in zip(dates, dates[1:], strict=False):
            if b < a:
                out.append(f"rows {i}->{j} of {g.name}: date {b} before {a}")
    firsts = [(g, _first_date(rows, g.start, g.end)) for g in groups]
    for (g1, d1), (g2, d2) in zip(firsts, firsts[1:], strict=False):
        if d1 and d2 and d2 < d1:
            out.append(f"{g2.name} (first signed {d2}) listed after {g1.name} (first signed {d1})")
    return out
