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
from collections import Counter
from dataclasses import dataclass, field

from graph.dates import DateMention, expand_year, find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import BULLET, Context, context_at, headings_above, is_activity
from graph.readers.entities import (
    Party,
    country_in,
    country_named,
    foreign_country_in,
    place_level,
    resolve_party,
    split_country_prefix,
)
from graph.readers.relations import DEFAULT_RELATION, is_intent, is_renewal, relation_of
from graph.registry import Registry, normalize_name

#: Header words naming each column role (compared without spaces, lower case), most specific first.
ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("serial", ("연번", "번호", "순번", "순위", "no", "no.", "#")),
    ("date", ("체결일자", "체결일", "협약일자", "협약일", "결연일자", "결연일", "체결연도", "체결년도", "결연연도",
              "체결시기", "결연시기", "협약체결일", "일자", "날짜", "연도", "년도", "시기", "체결연월일", "재체결일",
              "갱신일", "date", "signed", "signingdate", "dateofsigning", "year", "since")),
    ("country", ("국가명", "국가", "나라", "국명", "country", "nation")),
    ("relation", ("교류형태", "협약유형", "결연형태", "체결형태", "유형", "구분", "종류", "형태", "관계", "type",
                  "relationship", "relation", "kind", "category")),
    ("fields", ("주요협력분야", "협력분야", "교류분야", "주요교류분야", "주요내용", "교류내용", "분야", "내용",
                "비고", "fields", "field", "areas", "remarks", "remark", "notes", "note", "details")),
    ("parent", ("시도", "시·도", "광역자치단체", "광역시도", "광역", "도도부현", "현", "성", "주", "prefecture",
                "province", "state")),
    ("party", ("상대도시", "교류도시", "자매도시", "우호도시", "결연도시", "상대기관", "상대지자체", "자치단체",
               "지방자치단체", "지자체", "지방정부", "기관명", "도시명", "도시", "지역", "상대", "기관", "시군구",
               "시군", "기초자치단체", "기초", "교류지역", "자매결연", "우호교류", "국내", "국외", "해외", "city",
               "cities", "partner", "partnercity", "sistercity", "region", "municipality", "localgovernment",
               "counterpart")),
)
#: Words of a header naming a column that holds neither a party nor a signing (signatories, contacts, sizes).
OTHER_WORDS = ("서명자", "서명인", "협약자", "참석자", "대표자", "담당", "부서", "연락처", "전화", "인구", "면적",
               "signatory", "signatories", "signedby", "contact", "population")
#: Words of a header naming a date that is not a signing (a term, an expiry, a visit, a reference date).
OTHER_DATE_WORDS = ("기간", "만료", "종료", "중단", "해지", "방문", "기준일", "작성일", "수정일", "등록일", "취임",
                    "임기", "출생", "생년", "개최", "행사", "집행", "접수", "게재", "발표", "expir", "until", "visit",
                    "period", "term", "born", "birth", "event", "inaugurat", "office")
#: Words a party column's header may add to a country name (``일본 측``, ``한국 지자체``, ``Japan side``).
SIDE_WORDS = re.compile(r"(측|쪽|편|지자체|자치단체|지방정부|도시|side|city|cities|localgovernments?)$")
#: Roles of header words vague enough for the cells to override (구분 over a column of countries).
GENERIC_ROLES = ("relation", "fields")
#: Share of a column's non-empty cells that must agree for a role found from content.
CONTENT_SHARE = 0.6
_SPLIT_PIPE = re.compile(r"\s*\|\s*")
_RULE_ROW = re.compile(r"^[\s|:\-–—=+]*$")
_PLACE_HEADERS = ("도시", "지역", "자치단체", "지자체", "지방정부", "시군", "시도", "city", "cities", "municipality",
                  "region", "localgovernment", "partner", "counterpart", "province", "prefecture")
#: Header words of the partner's column (the column a country column describes).
PARTNER_HEADER_WORDS = ("상대", "교류도시", "자매도시", "우호도시", "결연도시", "국외", "해외", "partner",
                        "counterpart", "foreign", "overseas", "sister")
#: Longest name fragment continued on the next row.
FRAGMENT_CHARS = 3
#: Longest line of text between rows of a table read as a group label of the rows below (``미야기현``, ``가. 일본``).
LABEL_CHARS = 30
#: Share of a party column's names that must be Korean regions for it to be the Korean side.
KOREAN_SHARE = 0.5
#: A cell naming a person by a head-of-government or diplomatic post (시장, 도지사, 군수, 구청장, 대사, 知事 …).
_PERSON_WITH_POST = re.compile(
    r"[가-힣\u4e00-\u9fff](?:시장|도지사|지사|군수|구청장|청장|의장|대사|총영사|성장|주지사|市長|知事)(?![가-힣])"
    r"|(?:시장|지사|군수|구청장|대사|성장)\s+[가-힣]{2,4}(?:\s|$|,)")
#: A date printed as eight digits in a date cell (20190524).
_COMPACT_DATE = re.compile(r"^\s*((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*$")
#: The word of a relation raised to a higher one (우호 → 자매결연으로 격상): a further signing.
_UPGRADE = "격상"
_NAME_SEPARATORS = re.compile(r"\s*[·ㆍ,、/]\s*|\s+및\s+")
_RANGE_BEFORE = re.compile(r"[~∼〜–—]|-\s*$|부터")
_TERM_AFTER = re.compile(r"^\s*(?:까지|만료|종료)|^[^\d]{0,12}?\d+\s*주년")
_LABEL_NOISE = re.compile(r"\(\s*\d+\s*(?:건|개|곳)?\s*\)|[:：]$")


@dataclass
class Row:
    """One table row: its line and cells."""

    line: int
    cells: list[str]
    label: bool = False

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
    >>> header_role("협약 기간"), header_role("Date of signing"), header_role("Partner City"), header_role("현")
    ('otherdate', 'date', 'party', 'parent')
    >>> header_role("서명자"), header_role("담당 부서"), header_role("상대 도시(국가)"), header_role("체결일(재체결일)")
    ('other', 'other', 'party', 'date')
    """
    key = normalize_name(re.sub(r"\([^)]*\)", "", cell)) or normalize_name(cell)  # 상대 도시(국가): a city column
    if not key or find_dates(cell, bare_years=True):
        return None
    if any(word in key for word in OTHER_DATE_WORDS):
        return "otherdate"
    if any(word in key for word in OTHER_WORDS):
        return "other"
    for role, words in ROLE_WORDS:
        if any(key == w or (len(w) >= 2 and key.endswith(w) and len(key) <= len(w) + 4) for w in words):
            return role
    return _english_header_role(cell) if key.isascii() else None


#: Words of an English header naming each role (whole words, lower case), checked in this order.
ENGLISH_ROLE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("other", frozenset({"signatory", "signatories", "by", "contact", "population", "office", "department"})),
    ("date", frozenset({"date", "dated", "signed", "signing", "year", "since", "established", "concluded"})),
    ("country", frozenset({"country", "nation"})),
    ("relation", frozenset({"type", "relationship", "relation", "kind", "category", "status"})),
    ("fields", frozenset({"remarks", "remark", "notes", "note", "fields", "field", "areas", "details", "comments"})),
    ("party", frozenset({"city", "cities", "partner", "partners", "municipality", "government", "governments",
                         "region", "counterpart", "sister", "county", "district", "local", "province", "prefecture",
                         "state", "side"})),
)


def _english_header_role(cell: str) -> str | None:
    """The role an English header of several words names (``Agreement Date``, ``Korean City``, ``Signed by``).

    >>> [_english_header_role(h) for h in ("Agreement Date", "Foreign City", "Signed by", "Relationship Type")]
    ['date', 'party', 'other', 'relation']
    """
    words = set(re.findall(r"[a-z]+", cell.lower()))
    return next((role for role, vocabulary in ENGLISH_ROLE_WORDS if words & vocabulary), None)


def header_country(registry: Registry, cell: str) -> str | None:
    """The country a party column's header names (``일본 측``, ``한국 지자체``, ``Japan``), or ``None``.

    >>> reg = Registry.default()
    >>> header_country(reg, "일본 측"), header_country(reg, "Korean side"), header_country(reg, "국가")
    ('JP', 'KR', None)
    >>> header_country(reg, "Japanese City"), header_country(reg, "Chinese partner"), header_country(reg, "Type")
    ('JP', 'CN', None)
    """
    key = SIDE_WORDS.sub("", normalize_name(cell)) or normalize_name(cell)
    found = registry.candidates(key, kinds=("country",))
    if len(found) == 1 and len(key) >= 2:
        return found[0].id
    return _demonym_country(registry, re.sub(r"(partners?|counterparts?)$", "", key)) if key.isascii() else None


def _demonym_country(registry: Registry, key: str) -> str | None:
    """The country an English demonym names (``korean`` → KR, ``japanese`` → JP, ``chinese`` → CN): the one country
    whose English name, less its last letter, begins the word, a few letters shorter."""
    found = {e.id for e in registry.entities.values() if e.kind == "country"
             for name in (e.name_en, *e.aliases) if name.isascii() and " " not in name and len(name) >= 4
             and key.startswith(name.lower()[:-1]) and 0 < len(key) - len(name) + 1 <= 4}
    return found.pop() if len(found) == 1 else None


def find_tables(lines: tuple[str, ...], registry: Registry | None = None, *, labels: bool = False) -> list[Table]:
    """Every run of table rows in ``lines`` (1-based line numbers); blank lines do not end a table, text does;
    a repeated header row (after a page break) is skipped.

    With a ``registry``, a header cell naming a country (``일본 측``) counts as a header word. With ``labels``, a
    short line of text between rows (followed by a row of about as many cells) is a group label row of the table
    (one cell, ``label=True``) instead of ending it.
    """
    tables: list[Table] = []
    current: Table | None = None

    def is_header_cell(cell: str) -> bool:
        return bool(header_role(cell)) or (registry is not None and header_country(registry, cell) is not None)

    for n, text in enumerate(lines, start=1):
        cells = split_cells(text)
        if cells is None:
            if text.strip():
                if labels and current is not None and _is_label(lines, n, current):
                    current.rows.append(Row(n, [text.strip()], label=True))
                    continue
                current = None  # text ends a table; a blank line (a page break) does not
            continue
        if _RULE_ROW.match(text):
            continue
        row = Row(n, cells)
        is_header = sum(1 for c in cells if is_header_cell(c)) >= 2 and not any(
            find_dates(c, bare_years=True) for c in cells)
        if current is None:
            current = Table([])
            tables.append(current)
        if is_header:
            if current.header is None and not any(not r.label for r in current.rows):
                current.header, current.rows = row, []
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


def _is_label(lines: tuple[str, ...], n: int, table: Table) -> bool:
    """Line ``n`` is short text followed (after blank lines) by a row about as wide as the table's."""
    text = lines[n - 1].strip()
    if len(text) > LABEL_CHARS or text.endswith(("다", "다.", ".")) or find_dates(text, bare_years=True):
        return False
    widths = [len(r.cells) for r in table.rows if not r.label] or ([len(table.header.cells)] if table.header else [])
    following = next((split_cells(line) for line in lines[n:] if line.strip()), None)
    return bool(widths) and following is not None and abs(len(following) - widths[-1]) <= 1


def assign_roles(w: FactWriter, table: Table) -> None:
    """Roles from the header (a country name heads a party column), then from cell content for the others."""
    rows = [r for r in table.rows if not r.label]
    if table.header:
        for i, cell in enumerate(table.header.cells):
            role = header_role(cell) or ("party" if header_country(w.registry, cell) else None)
            if role in GENERIC_ROLES:  # 구분, 비고: what the cells hold may say more (구분 | 중국 …)
                values = [r.cell(i) for r in rows if r.cell(i)]
                found = _content_role(w, values) if values else None
                role = found if found in ("country", "date") and found not in table.roles.values() else role
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


def _content_role(w: FactWriter, values: list[str]) -> str | None:
    def share(test) -> float:
        return sum(1 for v in values if test(v)) / len(values)

    if share(lambda v: bool(find_dates(v, bare_years=True) or _COMPACT_DATE.match(v))) >= CONTENT_SHARE:
        return "date"
    if share(lambda v: _is_country_cell(w, v)) >= CONTENT_SHARE:
        return "country"
    if share(lambda v: relation_of(v) is not None and len(v) <= 12) >= CONTENT_SHARE:
        return "relation"
    if share(lambda v: bool(_PERSON_WITH_POST.search(v))) >= CONTENT_SHARE:
        return "other"  # 이재준 수원특례시장: a signatory, not a party
    if share(lambda v: _looks_like_place(w, v)) >= CONTENT_SHARE:
        return "party"
    return None


def _is_country_cell(w: FactWriter, value: str) -> bool:
    """A cell that is a country word, maybe with a mark or two (``중국``, ``일본(日本)``), not ``일본 니가타시``."""
    pattern, _ = w.registry.country_words
    m = pattern.search(value)
    if m is None:  # in Latin letters: the cell is a country's name (Japan, Republic of Korea)
        return bool(w.registry.candidates(value, kinds=("country",))) or (
            value.isascii() and country_named(w.registry, value) is not None and len(value.split()) <= 3
            and not place_level(value))
    return len(normalize_name(re.sub(r"\([^)]*\)", "", value.replace(m.group(0), "")))) <= 2


def _looks_like_place(w: FactWriter, value: str) -> bool:
    last = value.split()[-1] if value.split() else ""
    return bool(w.registry.find_mentions(value)) or place_level(last) is not None or place_level(value) is not None \
        or bool(w.registry.candidates(value, kinds=("region",)))


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
class _State:
    """What carries down a table: group labels, parents and relation printed once, the parties of the last row."""

    country: str | None = None
    label_country: str | None = None
    label_parent: str | None = None
    parents: dict[int, str] = field(default_factory=dict)
    home: str = ""
    partner: str = ""
    relation: str | None = None
    column_relation: str | None = None
    last: AgreementCandidate | None = None


@dataclass
class _Layout:
    """Which columns name the parties (the home party, or none: the table's subject; the partner), the parent column
    of a party column, and the country each party column's header or names give."""

    home: int | None
    partner: int
    parents: dict[int, int]
    place_context: bool
    countries: dict[int, str | None]
    korean: set[int]
    table_country: str | None = None


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Agreement candidates from every table of the document (rows on ``skip`` lines are left alone)."""
    out: list[AgreementCandidate] = []
    for table in find_tables(w.doc.lines, w.registry, labels=True):
        if any(r.line in skip for r in table.rows):
            continue
        assign_roles(w, table)
        table = unfold_dated_names(w, table)
        if table.column("date") is None or not (table.columns("party") or table.columns("parent")):
            continue
        if not about_agreements(w, table):
            w.report.add_issue("anomaly", w.doc.id, table.first_line, "table",
                               "dated rows of places with no word of a signing (events, visits, budgets): no facts")
            continue
        out.extend(read_table(w, table))
    return out


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


#: Header words of a date or party column that make a table one of signings (체결일, 자매도시, Date Signed …).
SIGNING_HEADER_WORDS = ("체결", "협약", "결연", "협정", "서명", "자매", "우호", "친선", "상대", "갱신", "signed",
                        "signing", "agreement", "concluded", "sister", "friendship", "partner", "counterpart", "twin")


#: Header words of a table of events, visits, budgets, people or figures (일정, 방문, 사업명, 성명, 인구 …).
NOT_SIGNING_HEADER_WORDS = ("방문", "행사", "일정", "사업", "천원", "금액", "성명", "이름", "직위", "직급", "참석",
                            "인구", "면적", "목적", "실적", "프로그램", "event", "visit", "budget", "program",
                            "position", "purpose", "population", "activity")


def about_agreements(w: FactWriter, table: Table) -> bool:
    """A table with a header is one of signings when a date or party header names one (체결일, 자매도시, 상대 도시,
    Date Signed), a column states the relation, or its heading or rows name a relation; else unless its header or
    cells show a table of events, visits, budgets, people or figures (일자 | 방문 도시, 사업명 | 대상 도시 | 집행일,
    성명 | 직위, cells of visits and events). A table without a header is judged by its rows alone (as before)."""
    if table.header is None or table.column("relation") is not None:
        return True
    named = [normalize_name(table.header.cell(c)) for c in (*table.columns("date"), *table.columns("party"))]
    if any(word in header for header in named for word in SIGNING_HEADER_WORDS):
        return True
    if context_at(w, table.first_line).relation:
        return True
    headers = [normalize_name(c) for c in table.header.cells]
    if any(word in h for h in headers for word in NOT_SIGNING_HEADER_WORDS):
        return False  # a visit's purpose may name a relation (우호교류 협의): still no signing
    rows = [r for r in table.rows if not r.label]
    if sum(1 for r in rows if relation_of(" ".join(r.cells))) * 2 >= len(rows):
        return True
    return sum(1 for r in rows if any(is_activity(c) for c in r.cells)) * 2 < len(rows)


def no_signing_lines(w: FactWriter, skip: frozenset[int] = frozenset()) -> frozenset[int]:
    """Lines of the headed tables that are no table of signings (visits, events, budgets, people): the list reader
    leaves their rows alone too (a visit row ``2024.8.1 | 미국 | 가나시 | 우호교류 협의`` signs nothing)."""
    out: set[int] = set()
    for table in find_tables(w.doc.lines, w.registry, labels=True):
        if table.header is None or any(r.line in skip for r in table.rows):
            continue
        assign_roles(w, table)
        if not about_agreements(w, table):
            out.update(range(table.first_line, table.rows[-1].line + 1))
    return frozenset(out)


def _filled(table: Table, col: int) -> int:
    return sum(1 for r in table.rows if not r.label and r.cell(col))


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


def layout_of(w: FactWriter, table: Table, ctx: Context) -> _Layout:
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
            _filled(table, a) < _filled(table, b) or _distinct(table, a) < _distinct(table, b))), None)
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
    return _Layout(home, partner, parents, place_context, countries, korean, _heading_country(w, table.first_line))


def _heading_country(w: FactWriter, line: int) -> str | None:
    """The country the nearest heading above a table names (a foreign country, ``한일``; 국내 → Korea)."""
    for _, text in headings_above(w, line):
        found = foreign_country_in(w.registry, text) or ("KR" if "국내" in text else None)
        if found:
            return found
    return None


def read_table(w: FactWriter, table: Table) -> list[AgreementCandidate]:
    """Candidates of one table whose columns have roles."""
    ctx = context_at(w, table.first_line)
    layout = layout_of(w, table, ctx)
    if layout.home is None and ctx.subject is None:
        w.report.add_issue("unresolved", w.doc.id, table.first_line, "table subject",
                           "one party column and no region named in the heading or title")
        return []
    _merge_fragments(w, table, [c for c in (layout.home, layout.partner) if c is not None])
    state = _State(relation=ctx.relation)
    nearest = headings_above(w, table.first_line, lookback=2)[:1]
    if table.header is None and nearest and len(nearest[0][1].strip()) <= LABEL_CHARS:
        _group_label(w, nearest[0][1], state, foreign_only=True)  # a group label just above a table's first row
    out: list[AgreementCandidate] = []
    for row in table.rows:
        out.extend(_read_row(w, table, row, layout, ctx, state))
    return out


def _merge_fragments(w: FactWriter, table: Table, party_cols: list[int]) -> None:
    """A row holding only the end of a name cell (``주`` under ``사우스캐롤라이나``) joins the row above; a whole
    name (``수원시`` under ``클리블랜드시``) is no end of another."""
    kept: list[Row] = []
    for row in table.rows:
        filled = [i for i, c in enumerate(row.cells) if c.strip()]
        above = kept[-1].cell(filled[0]) if kept and len(filled) == 1 else ""
        if above and not row.label and filled[0] in party_cols and place_level(above) is None \
                and len(row.cell(filled[0])) <= FRAGMENT_CHARS and place_level("가" + row.cell(filled[0])) \
                and not w.registry.candidates(row.cell(filled[0])):
            kept[-1].cells[filled[0]] = above + row.cell(filled[0])
            continue
        kept.append(row)
    table.rows = kept


def _group_label(w: FactWriter, text: str, state: _State, foreign_only: bool = False) -> bool:
    """A row that only labels the rows below (a country, a relation, a region grouping them): its effect on
    ``state``; ``False`` when the text is none of these. ``foreign_only``: only a foreign region counts."""
    text = _LABEL_NOISE.sub("", BULLET.sub("", text, count=1)).strip()
    country, relation = country_in(w.registry, text), relation_of(text)
    if foreign_only:
        found = w.registry.resolve(text, kinds=("region",))
        if found.entity is None or found.score < 1.0 or found.entity.country == "KR":
            return False
    if country or relation:
        state.country = country or state.country
        state.relation = relation or state.relation
        return True
    found = w.registry.resolve(text, kinds=("region",))
    if found.entity is not None and found.score == 1.0:
        if found.entity.country == "KR":
            state.label_parent, state.home = found.entity.id, ""
        else:
            state.label_country, state.label_parent = found.entity.country, found.entity.id
        return True
    return place_level(text) is not None


def _row_dates(table: Table, row: Row) -> list[DateMention]:
    """Signing dates of a row: its date cells' dates, but not the end of a term (``2019.5.2~2022.5.1``), a date
    ``까지`` or an anniversary; plus dates of a renewal (재체결, 갱신) or an upgrade (격상) stated in another cell.
    A date containing another of the row (``1998. 5.`` and ``1998.5.10``) is the same signing, kept at the finer one."""
    out: list[DateMention] = []
    for c in table.columns("date"):
        cell = row.cell(c)
        compact = _COMPACT_DATE.match(cell)
        cell = f"{compact.group(1)}.{compact.group(2)}.{compact.group(3)}" if compact else cell
        found = find_dates(cell, bare_years=True)
        planned = [_planned(cell, found, i) for i in range(len(found))]
        for i, d in enumerate(found):
            before = cell[found[i - 1].end:d.start] if i else ""
            if (i and _RANGE_BEFORE.search(before)) or _TERM_AFTER.search(cell[d.end:]) or (
                    planned[i] and not all(planned)):  # 2005.10.24 (2025.10.24 재체결 예정): one signing
                continue
            out.append(d)
    named = {c for c, role in table.roles.items() if role in ("date", "party", "parent", "otherdate", "serial")}
    for c, cell in enumerate(row.cells):
        if c not in named and (is_renewal(cell) or _UPGRADE in cell):
            found = find_dates(cell, bare_years=len(cell) <= 20)
            out.extend(d for i, d in enumerate(found) if not _TERM_AFTER.search(cell[d.end:])
                       and not _planned(cell, found, i))
    return [d for d in out if not any(d.value != o.value and d.value.contains(o.value) for o in out)]


def _planned(cell: str, found: list[DateMention], i: int) -> bool:
    """The ``i``-th date of a cell is a plan: the text from it to the next date states one (``2025년 재체결 예정``).

    >>> cell = "2015.11.22 갱신, 2025년 재갱신 예정"
    >>> [_planned(cell, find_dates(cell), i) for i in range(2)]
    [False, True]
    """
    end = found[i + 1].start if i + 1 < len(found) else len(cell)
    return is_intent(cell[found[i].end:end])


def _read_row(w: FactWriter, table: Table, row: Row, layout: _Layout, ctx: Context,
              state: _State) -> list[AgreementCandidate]:
    if row.label:
        _group_label(w, row.cells[0], state)
        return []
    dates = _row_dates(table, row)
    country_cell = row.cell(table.column("country"))
    relation_cell = row.cell(table.column("relation"))
    filled = [c for c in row.cells if c.strip()]
    if country_cell:
        state.country = country_named(w.registry, country_cell)  # a country the registry lacks: unknown, not the above
    if relation_cell and relation_of(relation_cell):
        state.column_relation = relation_of(relation_cell)
    if not dates and len(filled) == 1 and (country_named(w.registry, filled[0]) or relation_of(filled[0])):
        _group_label(w, filled[0], state)
        return []
    for child, parent in layout.parents.items():
        if row.cell(parent):
            state.parents[child] = row.cell(parent)
            if child == layout.home:
                state.home = ""
            if child == layout.partner:
                state.partner = ""
    partner_name = _name_cell(w, row.cell(layout.partner))
    if not partner_name and layout.partner in layout.parents and row.cell(layout.parents[layout.partner]):
        partner_name = row.cell(layout.parents[layout.partner])  # the group itself is the party on its own row
    home_name = _name_cell(w, row.cell(layout.home)) if layout.home is not None else ""
    if not home_name and layout.home in layout.parents and row.cell(layout.parents[layout.home]):
        home_name = row.cell(layout.parents[layout.home])
    if home_name:
        state.home = home_name
    elif layout.home is not None and partner_name:
        home_name = state.home  # a group label printed on the first row of its group
    if partner_name:
        state.partner = partner_name
    elif home_name and row.cell(layout.home) and not country_cell:
        partner_name = state.partner  # the partner printed once for several Korean parties
    if not partner_name and not (layout.home is not None and row.cell(layout.home)):
        return _continuation(w, row, dates, state, table)
    if not dates or not partner_name:
        return []
    pairs = [_parties(w, row, h, p, ctx, state, layout)
             for h in _names(w, home_name) for p in _names(w, partner_name)]
    pairs = [p for p in pairs if p is not None]
    if not pairs:
        return []
    row_text = " ".join(row.cells)
    # a plan of a further step (갱신 예정, 자매결연 격상 추진 중) or an event (기념행사 예정) leaves the signing
    further = [c for c in row.cells if is_intent(c) and (is_renewal(c) or _UPGRADE in c or is_activity(c))]
    stated = " ".join(c for c in row.cells if c not in further)
    relation = (relation_of(relation_cell) or state.column_relation or relation_of(stated) or state.relation
                or DEFAULT_RELATION)
    fields = tuple(f for f in (row.cell(table.column("fields")),) if f)
    intent = is_intent(stated)
    out = []
    for parties in pairs:
        confidence = _confidence(table, parties, dates[0].value.precision, layout)
        for found in dict.fromkeys(d.value for d in dates):
            out.append(AgreementCandidate(parties, found, relation, (row.line, row.line), confidence,
                                          intent=intent, fields=fields, reader="tables", quote=row_text.strip()))
    state.last = out[-1]
    return out


def _names(w: FactWriter, cell: str) -> list[str]:
    """The names of a party cell: several when it lists places (``가나시·다라시``, ``가나시, 다라시``), else one
    (``""`` stays one, for the table's subject)."""
    pieces = [p for p in _NAME_SEPARATORS.split(re.sub(r"\([^)]*\)", "", cell)) if p.strip()]
    if len(pieces) >= 2 and all(_looks_like_place(w, p) and not country_in(w.registry, p) for p in pieces):
        return [p.strip() for p in pieces]
    return [cell]


def _name_cell(w: FactWriter, text: str) -> str:
    """A name cell, or ``""`` when it holds only a renewal word."""
    return "" if is_renewal(text) and place_level(text) is None and not w.registry.find_mentions(text) else text


def _parent_of(w: FactWriter, name: str | None) -> tuple[str | None, str | None]:
    """A parent cell's registry region: ``(id, country)``, or ``(None, None)``."""
    if not name:
        return None, None
    found = w.registry.resolve(re.sub(r"\s*\([^)]*\)", "", name), kinds=("region",))
    return (found.entity.id, found.entity.country) if found.entity is not None and found.score == 1.0 else (None, None)


def _parties(w: FactWriter, row: Row, home_name: str, partner_name: str, ctx: Context, state: _State,
             layout: _Layout) -> tuple[Party, Party] | None:
    def resolve(col: int, name: str, foreign_side: bool) -> Party | None:
        parent_name = state.parents.get(col)
        parent, parent_country = _parent_of(w, parent_name if parent_name != name else None)
        if parent is None and not foreign_side:
            parent = state.label_parent if state.label_country is None else None
        if parent is None and not foreign_side and ctx.subject is not None and ctx.subject.entity.level == "광역":
            parent = ctx.subject.entity.id  # 남구 in a table of 부산광역시's districts is 부산's 남구
        if foreign_side:
            country = (state.country or parent_country or state.label_country or layout.countries.get(col)
                       or layout.table_country or ctx.country)
            parent = parent or (state.label_parent if state.label_country else None)
        else:
            country = "KR" if col in layout.korean else (layout.countries.get(col) or parent_country)
        return resolve_party(w, name, row.line, parent=parent, country=country, place_context=layout.place_context,
                             foreign=foreign_side and state.country not in (None, "KR"))

    home = ctx.subject if layout.home is None else (resolve(layout.home, home_name, False) if home_name else None)
    partner = resolve(layout.partner, partner_name, layout.partner not in layout.korean)
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
    out = [AgreementCandidate(above.parties, d, relation, (row.line, row.line),
                              max(0.0, above.confidence - 0.05), intent=is_intent(row_text),
                              fields=tuple(f for f in (row.cell(table.column("fields")),) if f),
                              reader="tables", quote=row_text, notes=[f"further signing of line {above.lines[0]}"])
           for d in dict.fromkeys(d.value for d in dates)]
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
