"""What a headed table is about: signings, or events, visits, budgets, people and figures (which sign nothing)."""

from __future__ import annotations

from graph.facts import FactWriter
from graph.readers.context import context_at, is_activity
from graph.readers.relations import relation_of
from graph.readers.table_rows import Table
from graph.registry import normalize_name

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
