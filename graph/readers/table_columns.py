"""The role of each column of a table: from its header (:mod:`graph.readers.table_headers`), else from what its
cells hold (dates, countries, relations, people with posts, places); cells listing partners each with its year
unfolded into one row per partner."""

from __future__ import annotations

import re

from graph.dates import StatedDate, compact_date, expand_year, find_dates
from graph.facts import FactWriter
from graph.readers.entities import country_named, place_level
from graph.readers.relations import relation_of
from graph.readers.table_headers import header_country, header_role
from graph.readers.table_rows import Row, Table
from graph.registry import normalize_name

#: Roles of header words vague enough for the cells to override (구분 over a column of countries).
GENERIC_ROLES = ("relation", "fields")
#: Share of a column's non-empty cells that must agree for a role found from content.
CONTENT_SHARE = 0.6

#: A cell naming a person by a head-of-government or diplomatic post (시장, 도지사, 군수, 구청장, 대사, 知事 …).
_PERSON_WITH_POST = re.compile(
    r"[가-힣\u4e00-\u9fff](?:시장|도지사|지사|군수|구청장|청장|의장|대사|총영사|성장|주지사|市長|知事)(?![가-힣])"
    r"|(?:시장|지사|군수|구청장|대사|성장)\s+[가-힣]{2,4}(?:\s|$|,)")


def assign_roles(w: FactWriter, table: Table) -> None:
    """Roles from the header (a country name heads a party column), then from cell content for the others."""
    rows = [r for r in table.rows if not r.label]
    if table.header:
        heads = [header_role(c) or ("party" if header_country(w.registry, c) else None) for c in table.header.cells]
        for i, cell in enumerate(table.header.cells):
            role = heads[i]
            if role in GENERIC_ROLES:  # 구분, 비고: what the cells hold may say more (구분 | 중국 …)
                values = [r.cell(i) for r in rows if r.cell(i)]
                found = _content_role(w, values) if values else None
                if found == "date" and _unheaded_dates(w, rows, heads, i):
                    found = None  # 서명일 | 상태 | 비고: remarks dated beside a date column its header does not name
                role = found if found in ("country", "date") and found not in table.roles.values() else role
                if found == "party" and _share(values, lambda v: _registry_region(w, v)) >= CONTENT_SHARE:
                    role = found  # 구분 | 수원특례시: the rows' own parties, printed under a vague header
            elif role == "party" and relation_of(cell) and not table.header.fields_only and (
                    values := [r.cell(i) for r in rows if r.cell(i)]) and _content_role(w, values) == "date" and \
                    _share(values, lambda v: not re.search("[가-힣]{2}", v)) >= CONTENT_SHARE:  # not 가나시(1983)
                role = "date"  # 자매결연 | 우호교류 over dates: a date column per relation type, no party column
            if role:
                table.roles[i] = role
                table.header_roles.add(i)
    width = max(len(r.cells) for r in rows)
    for i in range(width):
        if i in table.roles:
            continue
        values = [r.cell(i) for r in rows if r.cell(i)]
        if not values:
            continue
        role = _content_role(w, values)
        if role and (role not in ("date", "country", "relation") or role not in table.roles.values()):
            table.roles[i] = role
    for gloss in _glosses(w, table, rows):
        table.roles[gloss] = "gloss"


def _unheaded_dates(w: FactWriter, rows: list[Row], heads: list[str | None], col: int) -> bool:
    """Another column than ``col``, its header naming no role, holds mostly dates."""
    return any(role is None and (values := [r.cell(j) for r in rows if r.cell(j)])
               and _content_role(w, values) == "date" for j, role in enumerate(heads) if j != col)


#: Roles a column in Latin letters may gloss (``상대 지자체 | Partner``, ``구분 | Type``).
GLOSSED_ROLES = ("party", "parent", "country", "relation")


def _glosses(w: FactWriter, table: Table, rows: list[Row]) -> list[int]:
    """Columns in Latin letters that gloss the Hangul column on their left (a bilingual table: ``강릉시 |
    Gangneung-si``): the table is bilingual when a pair of party columns names the same registry regions on every
    row where both resolve; then every Latin column right of a Hangul one of the same role (or none) is a gloss."""
    def share(col: int, pattern: str) -> float:
        values = [r.cell(col) for r in rows if r.cell(col)]
        return sum(1 for v in values if re.search(pattern, v)) / len(values) if values else 0.0

    pairs = [(i, i + 1) for i in sorted(table.roles) if table.roles[i] in GLOSSED_ROLES
             and table.roles.get(i + 1, table.roles[i]) in (table.roles[i], "party", "fields")
             and share(i, "[가-힣]") >= CONTENT_SHARE and share(i + 1, "[가-힣]") == 0
             and share(i + 1, "[A-Za-z]") >= CONTENT_SHARE]
    for i, j in pairs:
        if table.roles[i] != "party":
            continue
        found = [(w.registry.resolve(r.cell(i), kinds=("region",)).entity,
                  w.registry.resolve(r.cell(j), kinds=("region",)).entity) for r in rows if r.cell(i) and r.cell(j)]
        both = [(a, b) for a, b in found if a is not None and b is not None]
        if both and all(a.id == b.id for a, b in both):
            return [j for _, j in pairs]
    return []


def _content_role(w: FactWriter, values: list[str]) -> str | None:
    def share(test) -> float:
        return sum(1 for v in values if test(v)) / len(values)

    if share(lambda v: bool(find_dates(v, bare_years=True) or compact_date(v))) >= CONTENT_SHARE:
        return "date"
    if share(lambda v: _is_country_cell(w, v)) >= CONTENT_SHARE:
        return "country"
    if share(lambda v: relation_of(v) is not None and len(v) <= 12) >= CONTENT_SHARE:
        return "relation"
    if share(lambda v: bool(_PERSON_WITH_POST.search(v))) >= CONTENT_SHARE:
        return "other"  # 이재준 수원특례시장: a signatory, not a party
    if share(lambda v: looks_like_place(w, v)) >= CONTENT_SHARE:
        return "party"
    return None


def _share(values: list[str], test) -> float:
    """Share of ``values`` passing ``test``."""
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def _registry_region(w: FactWriter, value: str) -> bool:
    """A cell that is a region of the registry by its whole name (``수원특례시``, ``대구광역시 남구``)."""
    found = w.registry.resolve(re.sub(r"\([^)]*\)", "", value).strip(), kinds=("region",))
    return found.entity is not None and found.score == 1.0


def _is_country_cell(w: FactWriter, value: str) -> bool:
    """A cell that is a country word, maybe with a mark or two (``중국``, ``일본(日本)``), not ``일본 니가타시``."""
    pattern, _ = w.registry.country_words
    m = pattern.search(value)
    if m is None:  # in Latin letters: the cell is a country's name (Japan, Republic of Korea)
        return bool(w.registry.candidates(value, kinds=("country",))) or (
            value.isascii() and country_named(w.registry, value) is not None and len(value.split()) <= 3
            and not place_level(value))
    return len(normalize_name(re.sub(r"\([^)]*\)", "", value.replace(m.group(0), "")))) <= 2


def looks_like_place(w: FactWriter, value: str) -> bool:
    """A cell naming a place (a registry region, or a word with a place suffix; ``가나시(일본)``: a bracket after it
    is its country or gloss)."""
    value = re.sub(r"\s*\([^)]*\)", " ", value).strip() or value
    last = value.split()[-1] if value.split() else ""
    return bool(w.registry.find_mentions(value)) or place_level(last) is not None or place_level(value) is not None \
        or bool(w.registry.candidates(value, kinds=("region",)))

#: A name with its date in brackets, one of a list in a cell (``가나시(1983), 다라시('05)``).
_DATED_NAME = re.compile(r"\s*([^,、;()]+?)\s*\(([^()]*)\)\s*(?:[,、;]|$)")


def _dated_names(cell: str) -> list[tuple[str, str]]:
    """``가나시(1983), 다라시('05)`` → ``[("가나시", "1983"), ("다라시", "'05")]``; ``[]`` unless every item of the
    cell is a name with a date in brackets.

    >>> _dated_names("가나시(1983), 다라시('05)"), _dated_names("가나시(일본)"), _dated_names("가나시(1983), 다라시")
    ([('가나시', '1983'), ('다라시', "'05")], [], [])
    """
    items = list(_DATED_NAME.finditer(cell))
    if not items or sum(len(m.group(0)) for m in items) < len(cell.strip()) or not all(
            find_dates(m.group(2), bare_years=True) or re.fullmatch(r"'\d\d", m.group(2).strip()) for m in items):
        return []
    return [(m.group(1).strip(), m.group(2).strip()) for m in items]


def name_dates(cell: str) -> list[StatedDate]:
    """The date of each name of a cell listing names each with its date (``가나도(1998), 다라도(2010)``), in order;
    ``[]`` for any other cell.

    >>> [d.iso for d in name_dates("가나도(1998), 다라도('05. 3.)")], name_dates("가나시")
    (['1998', '2005-03'], [])
    """
    out = []
    for _, date in _dated_names(cell):
        year = re.fullmatch(r"'(\d\d)", date)
        found = [StatedDate(expand_year(int(year.group(1))))] if year else [
            d.value for d in find_dates(date, bare_years=True)]
        out.append(found[0]) if found else None
    return out if len(out) == len(_dated_names(cell)) else []


def unfold_dated_names(w: FactWriter, table: Table) -> Table:
    """A table whose partner cells list names each with its date (``국가 | 자매도시(체결연도) | 우호도시(체결연도)``
    with ``일본 | 가나시(1983), 다라시(2003) | 마바시(2012)``) as one row per partner: the other cells, the name, its
    date and the relation its column's header names. Other tables are returned as they are."""
    rows = [r for r in table.rows if not r.label]
    dated = [c for c in table.columns("party") if (values := [r.cell(c) for r in rows if r.cell(c)])
             and sum(1 for v in values if _dated_names(v)) >= CONTENT_SHARE * len(values)]
    if not dated or table.header is None or table.column("date") is not None:
        return table
    kept = [c for c in range(len(table.header.cells)) if c not in dated]
    header = Row(table.header.line, [table.header.cell(c) for c in kept] + ["상대 도시", "체결일", "구분"])
    unfolded: list[Row] = []
    for row in table.rows:
        if row.label:
            unfolded.append(row)
            continue
        for c in dated:
            relation = table.header.cell(c) if relation_of(table.header.cell(c)) else ""
            for name, date in _dated_names(row.cell(c)):
                year = re.fullmatch(r"'(\d\d)", date)
                date = f"{expand_year(int(year.group(1)))}" if year else date
                unfolded.append(Row(row.line, [row.cell(k) for k in kept] + [name, date, relation]))
    out = Table(unfolded, header=header, repeated_headers=table.repeated_headers)
    assign_roles(w, out)
    return out
