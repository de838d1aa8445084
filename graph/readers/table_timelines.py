"""Timeline cards: a heading naming one foreign partner, then a table of its dated steps (``■ 일본 가나시 (자매도시)`` /
``일자 | 내용 | 비고`` / ``1995. 4. 12. | 자매결연 체결 | …``). The table has no party column: each row whose text
states a signing (a relation word and a signing or renewal word, or a relation word under a date column headed as a
signing's, ``구분 | 체결일``; no event, anniversary, end or plan) is a signing
of the document's own region with the heading's partner; a plan (``재체결 예정``) is an intent, events are none.
"""

from __future__ import annotations

import re

from graph.dates import find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import BULLET, context_at, is_activity, is_plan, lead_region, without_anniversaries
from graph.readers.entities import Party, country_in, place_level, resolve_party
from graph.readers.relations import (
    END_WORDS,
    is_intent,
    is_renewal,
    negates_renewal,
    negates_signing,
    relation_of,
    states_signing,
)
from graph.readers.table_dates import UPGRADE, row_dates
from graph.readers.table_rows import Table

#: How far above a table its card's heading may stand (a label row or a blank between them).
HEADING_LINES = 2
CONFIDENCE = 0.8
_ENDED = re.compile("|".join(word for word, _ in END_WORDS))
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|[【】<>《》「」]|^\s*#+\s*|^\s*(?:\d{1,2}|[가-하]|[①-⑳])\s*[.)]\s*")
_OFFICE = re.compile(r"(?:청|청사)$")
#: A date column's header naming the date of a signing (``체결일``, ``협약일``, ``결연 일자``).
_SIGNING_DATE = re.compile(r"체결|결연|협약|협정|서명|조인")


def is_office(w: FactWriter, cell: str) -> bool:
    """A place's office or hall (``가나시청``, ``다라군청사``): where something happened, never a party."""
    name = cell.strip()
    stem = _OFFICE.sub("", name)
    return stem != name and place_level(stem) is not None and bool(w.registry.candidates(stem) or len(stem) > 2)


def settle_placeless(w: FactWriter, table: Table) -> None:
    """Drop the party role of :func:`placeless_columns`; one of them holding a date on most rows is the date column
    (``구분 | 자매도시`` over ``| 1995. 4. 12. | 자매결연 체결``)."""
    dropped = placeless_columns(w, table)
    for c in dropped:
        table.roles.pop(c)
    rows = [r for r in table.rows if not r.label]
    dated = [c for c in dropped if sum(1 for r in rows if find_dates(r.cell(c), bare_years=True)) * 2 > len(rows)]
    if dated and table.column("date") is None:
        table.roles[dated[0]] = "date"


def placeless_columns(w: FactWriter, table: Table) -> list[int]:
    """Party columns whose every cell is a date, an office (``가나시청``), a step or an event (``자매결연 체결``,
    ``교류단 방문``) or, written in Hangul, none names a place but offices — a header such as ``자매도시`` over the
    steps of one partner: no party column."""
    from graph.readers.table_columns import looks_like_place

    out = []
    for c in table.columns("party"):
        cells = [r.cell(c) for r in table.rows if not r.label and r.cell(c).strip()]
        if cells and (all(find_dates(x, bare_years=True) or is_office(w, x) or relation_of(x) or states_signing(x)
                              or is_activity(x) for x in cells) or not any(
                (looks_like_place(w, x) and not is_office(w, x)) or re.search("[A-Za-z]", x) for x in cells)):
            out.append(c)  # (a column of Latin names is no evidence either way: Gana, Dara City)
    return out


def heading_partner(w: FactWriter, text: str, line: int) -> Party | None:
    """The foreign partner a card's heading names (``■ 일본 가나시 (자매도시)``, ``2. 중국 다라성 마바시``, ``1. 가나시
    (일본)``), or ``None``."""
    name = _NOISE.sub(" ", BULLET.sub("", text, count=1)).strip(" :-–—")
    words = [x for x in name.split() if relation_of(x) is None]
    if not words or len(words) > 4 or not place_level(words[-1].rstrip(",")):
        return None
    bracketed = [country_in(w.registry, b) for b in re.findall(r"\(([^)]*)\)", text)]  # 가나시(일본): its country
    country = next((c for c in bracketed if c is not None), None)
    party = resolve_party(w, " ".join(words), (line, line), country=country, report=False)
    return party if party is not None and party.entity.country not in ("", "KR") else None


def card_partner(w: FactWriter, table: Table) -> Party | None:
    """The foreign partner the heading right above the table names, or ``None``."""
    lines = w.doc.lines
    for n in range(table.first_line - 1, max(0, table.first_line - 1 - HEADING_LINES), -1):
        if lines[n - 1].strip() and " | " not in lines[n - 1] and "\t" not in lines[n - 1]:
            return heading_partner(w, lines[n - 1], n)
    return None


def read_timeline(w: FactWriter, table: Table) -> list[AgreementCandidate] | None:
    """Candidates of a timeline card's table, or ``None`` when the table is no such card (no date column, cells of
    ``label | value`` fields, no foreign partner in the heading right above it, no Korean region of the
    document)."""
    if table.column("date") is None or any(r.fields_only for r in table.rows):
        return None  # cards of label | value cells (체결일 | 2007. 10. 12. | 재체결 | …) are the list reader's
    partner = card_partner(w, table)
    if partner is None:
        return None
    ctx = context_at(w, table.first_line)
    subject = ctx.subject if ctx.subject is not None and ctx.subject.entity.country == "KR" else None
    if subject is None and (lead := lead_region(w)) is not None:
        subject = Party(lead.name_ko, lead)
    if subject is None:
        return None
    card = table.first_line - 1  # the card's heading line
    date_header = table.header.cell(table.column("date")) if table.header is not None else ""
    signing_dates = bool(_SIGNING_DATE.search(date_header))  # 구분 | 체결일: a relation in a row dated so is signed
    out = []
    for row in table.rows:
        filled = [c for c in row.cells if c.strip()]
        if row.label or len(filled) == 1:  # the next card's heading between its rows (■ 중국 다라시 (우호도시))
            partner = heading_partner(w, filled[0], row.line) if filled else None
            if partner is None:
                return None
            card = row.line
            continue
        if row is table.header:
            continue
        heading_relation = next((relation_of(t) for t in w.doc.lines[max(card, 1) - 1:row.line - 1]
                                 if relation_of(t) and not find_dates(t, bare_years=True)), None)
        text = " ".join(c for i, c in enumerate(row.cells) if table.roles.get(i) != "date")
        words = without_anniversaries(text)
        if negates_signing(words) or negates_renewal(words) or _ENDED.search(words):
            continue
        renewal = is_renewal(words) or UPGRADE in words
        relation = relation_of(words) or (heading_relation if renewal else None)
        plan = is_plan(words) or is_intent(words)
        if relation is None or not (states_signing(words) or renewal or plan or signing_dates) or (
                is_activity(words) and not plan):
            continue
        for d in dict.fromkeys(m.value for m in row_dates(table, row)):
            out.append(AgreementCandidate((subject, partner), d, relation, (row.line, row.line), CONFIDENCE,
                                          intent=plan, reader="tables", quote=" | ".join(row.cells)))
    return out or None  # no step signed: no timeline (구분 | 자매도시 / 체결일 | … is a card's fields)
