"""Which columns of a table name the parties: the Korean side and the partner, the parent column qualifying a
party column, and the country each party column's header, names or heading give."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from graph.facts import FactWriter
from graph.readers.context import Context, headings_above
from graph.readers.entities import country_in, country_named, foreign_country_in, split_country_prefix
from graph.readers.table_headers import header_country
from graph.readers.table_rows import Table
from graph.registry import normalize_name

_PLACE_HEADERS = ("도시", "지역", "자치단체", "지자체", "지방정부", "시군", "시도", "city", "cities", "municipality",
                  "region", "localgovernment", "partner", "counterpart", "province", "prefecture")
#: Header words of the partner's column (the column a country column describes).
PARTNER_HEADER_WORDS = ("상대", "교류도시", "자매도시", "우호도시", "결연도시", "국외", "해외", "partner",
                        "counterpart", "foreign", "overseas", "sister")
#: Longest name fragment continued on the next row.

#: Share of a party column's names that must be Korean regions for it to be the Korean side.
KOREAN_SHARE = 0.5


def cell_country(w: FactWriter, cell: str) -> str | None:
    """The country of the region a cell names, when the registry knows it (exactly, or the first name in it)."""
    stated, name = split_country_prefix(w.registry, re.sub(r"\s*\([^)]*\)", "", cell).strip())
    if stated:
        return stated  # 중국 안산시: China's, whatever the registry's 안산시 is
    found = {e.country for e in w.registry.candidates(name, kinds=("region",))}
    if len(found) == 1:
        return found.pop()
    mention = next((m for m in w.registry.find_mentions(name) if m.entity.kind == "region"), None)
    return mention.entity.country if mention is not None else None


@dataclass
class TableLayout:
    """Which columns name the parties (the home party, or none: the table's subject; the partner), the parent column
    of a party column, and the country each party column's header or names give."""

    home: int | None
    partner: int
    parents: dict[int, int]
    place_context: bool
    countries: dict[int, str | None]
    korean: set[int]
    table_country: str | None = None


def _filled(table: Table, col: int) -> int:
    return sum(1 for r in table.rows if not r.label and r.cell(col))


def _holds_parents(w: FactWriter, table: Table, a: int, b: int) -> bool:
    """Whether column ``a`` names the province or city of the name beside it in ``b`` on most rows (``자치단체 |
    시군구`` as ``경상남도 | 고성군``): a parent column, even when every row names another one.

    >>> from graph.readers.table_rows import Row, Table
    >>> w = FactWriter.__new__(FactWriter); w.registry = __import__("graph.registry").registry.Registry.default()
    >>> rows = [Row(2, ["경상남도", "고성군"]), Row(3, ["대구광역시", "중구"]), Row(4, ["충청북도", "옥천군"])]
    >>> _holds_parents(w, Table(rows=rows), 0, 1), _holds_parents(w, Table(rows=[Row(2, ["옥천군", "고성군"])]), 0, 1)
    (True, False)
    """
    pairs = [(r.cell(a), r.cell(b)) for r in table.rows if not r.label and r.cell(a) and r.cell(b)]
    held = 0
    for parent_cell, child_cell in pairs:
        parent = w.registry.resolve(parent_cell, kinds=("region",)).entity
        child = w.registry.resolve(child_cell, kinds=("region",), parent=parent.id).entity if parent else None
        held += child is not None and child.parent == parent.id
    return bool(pairs) and 2 * held > len(pairs)


def _distinct(table: Table, col: int) -> int:
    return len({r.cell(col) for r in table.rows if not r.label and r.cell(col)})


def _column_countries(w: FactWriter, table: Table, col: int) -> Counter:
    return Counter(c for r in table.rows if not r.label and r.cell(col) for c in [cell_country(w, r.cell(col))] if c)


def _korean_share(w: FactWriter, table: Table, col: int, abroad: frozenset[int] = frozenset()) -> float:
    """Share of a column's names that are Korean regions (not counting rows on ``abroad`` lines, whose country
    column states a foreign country: 안산시 on a row of 중국 is no Korean name)."""
    found = Counter(c for r in table.rows if not r.label and r.cell(col) and r.line not in abroad
                    for c in [cell_country(w, r.cell(col))] if c)
    return found["KR"] / _filled(table, col) if _filled(table, col) else 0.0


def _abroad_rows(w: FactWriter, table: Table) -> frozenset[int]:
    """Lines of the rows whose country column (or a country printed once above, for its group) is a foreign one."""
    col, current, out = table.column("country"), None, set()
    for row in table.rows:
        cell = row.cells[0] if row.label else row.cell(col) if col is not None else ""
        if cell:
            current = country_named(w.registry, cell) or (None if not row.label else current)
        if not row.label and current not in (None, "KR"):
            out.add(row.line)
    return frozenset(out)


def _supported(seen: Counter, filled: int) -> str | None:
    """The one foreign country a column's registry names show, when enough of them show it (two names, or half
    the column): one known city among new ones does not place them all."""
    foreign = [k for k in seen if k != "KR"]
    return foreign[0] if len(foreign) == 1 and (seen[foreign[0]] >= 2 or 2 * seen[foreign[0]] >= filled) else None


def layout_of(w: FactWriter, table: Table, ctx: Context) -> TableLayout:
    """The party columns and what qualifies them.

    * A parent column (시도, 현, or a party column printed only once per group left of another) qualifies the
      party column to its right; with one party column it is the home party when it holds Korean regions and the
      other does not.
    * The Korean side is the column whose names are mostly Korean regions; else the partner is the column headed
      상대… or by a foreign country, else the one right of the country column, else the last.
    * A party column's country: its header's country word (``일본 측``), else the one foreign country its
      registry names (or its parent column's) show; the table's country: the nearest heading's.
    """
    registry = w.registry
    party_cols = table.columns("party")
    parent_cols = table.columns("parent")
    while len(party_cols) >= 3:  # a group column (printed once per group, or repeated) left of the column it groups
        pair = next(((a, b) for a, b in zip(party_cols, party_cols[1:], strict=False) if b == a + 1 and (
            _filled(table, a) < _filled(table, b) or _distinct(table, a) < _distinct(table, b)
            or _holds_parents(w, table, a, b))), None)
        if pair is None:
            break
        party_cols.remove(pair[0])
        parent_cols.append(pair[0])
    if len(party_cols) == 1 and parent_cols:
        parent = parent_cols[0]
        if _korean_share(w, table, parent) >= KOREAN_SHARE > _korean_share(w, table, party_cols[0]) or (
                ctx.subject is None and parent < party_cols[0]):
            party_cols, parent_cols = sorted([parent, *party_cols]), parent_cols[1:]
    if not party_cols:
        party_cols, parent_cols = parent_cols[:1], parent_cols[1:]
    parents = {}
    for p in parent_cols:
        child = next((c for c in party_cols if c > p), None)
        if child is None:
            child = next((c for c in reversed(party_cols) if c < p), None)
        if child is not None and child not in parents:
            parents[child] = p
    headers = {c: normalize_name(table.header.cell(c)) if table.header else "" for c in party_cols}
    raw = {c: table.header.cell(c) if table.header else "" for c in party_cols}
    country = table.column("country")
    described = party_cols if len(party_cols) == 1 else [  # the column a country column describes
        c for c in party_cols if any(word in headers[c] for word in PARTNER_HEADER_WORDS)
        or (country is not None and c == next((p for p in party_cols if p > country), None))]
    abroad = _abroad_rows(w, table)
    korean = {c for c in party_cols if _korean_share(w, table, c, abroad if c in described else frozenset())
              >= KOREAN_SHARE}
    countries: dict[int, str | None] = {}
    for c in party_cols:
        stated = header_country(registry, raw[c]) or country_in(registry, raw[c])
        seen = _column_countries(w, table, c) + (_column_countries(w, table, parents[c]) if c in parents else Counter())
        countries[c] = stated or (_supported(seen, _filled(table, c)) if c not in korean else None)
        if stated == "KR":
            korean.add(c)
        elif stated is not None:
            korean.discard(c)  # 중국 지방정부 | 안산시(鞍山市): the header's country, whatever its names' namesakes
    partner = None
    if len(party_cols) >= 2:
        others = [c for c in party_cols if c not in korean]
        if len(others) == 1 and len(korean) >= 1:
            partner = others[0]
    if partner is None:
        partner = next((c for c in party_cols if any(word in headers[c] for word in PARTNER_HEADER_WORDS)
                        or countries[c] not in (None, "KR")), None)
    if partner is None and country is not None:
        partner = next((c for c in party_cols if c > country), None)
    partner = party_cols[-1] if partner is None else partner
    home = next((c for c in party_cols if c != partner), None)
    place_context = any(word in headers[partner] for word in _PLACE_HEADERS) or bool(countries.get(partner)) and \
        table.header is not None and partner in table.header_roles
    return TableLayout(home, partner, parents, place_context, countries, korean,
                       heading_country(w, table.first_line) or opening_country(w, table.first_line))


#: How many first lines of a document may name the one foreign region its tables are about.
OPENING_LINES = 3


def opening_country(w: FactWriter, line: int) -> str | None:
    """The one foreign country the document's first lines above ``line`` name, by its registry regions or a country
    word (a consulate's list: ``… 관할 지역 … 현황`` / ``(가나성 외사판공실 자료)``), else ``None``."""
    found: set[str] = set()
    for text in w.doc.lines[:min(OPENING_LINES, line - 1)]:
        found.update(m.entity.country for m in w.registry.find_mentions(text)
                     if m.entity.kind == "region" and m.entity.country not in ("", "KR"))
        if (word := foreign_country_in(w.registry, text)) is not None:
            found.add(word)
    return found.pop() if len(found) == 1 else None


def heading_country(w: FactWriter, line: int) -> str | None:
    """The country the nearest heading above a table names (a foreign country, ``한일``; 국내 → Korea)."""
    for _, text in headings_above(w, line):
        found = foreign_country_in(w.registry, text) or ("KR" if "국내" in text else None)
        if found:
            return found
    return None
