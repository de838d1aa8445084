"""Schedules: a trip report's table of days and events with no party column (``일자 | 시간 | 일정 | 비고`` /
``6. 10.(화) | 11:00 | 가나시 자매결연 협정 체결식 | 가나시장 서명``). A row whose event states a finished signing
(a relation word and a signing word, no plan, no negation) with one foreign place is the signing of the document's
own region with that place, on the row's day (a day without its year takes the document's; a row with an empty day
cell goes on with the day above). Events, visits and talks sign nothing.
"""

from __future__ import annotations

import re

from graph.dates import StatedDate, find_dates, month_day
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import document_date, is_plan, report_year
from graph.readers.relations import is_intent, negates_signing, relation_of, states_signing_verb
from graph.readers.table_rows import Row, Table

CONFIDENCE = 0.8
#: A day cell: a month and day with or without its year and weekday (``6. 10.(화)``, ``2025. 6. 10.``, ``6월 10일``).
_DAY = re.compile(r"^\s*(?:(?:19|20)\d\d\s*[.년]\s*)?\d{1,2}\s*[.월]\s*\d{1,2}\s*[.일]?\s*(?:\([^)]*\))?\s*$")
#: A time cell (``11:00``, ``14:00~16:00``, ``오전``): no event.
_TIME = re.compile(r"^\s*(?:\d{1,2}:\d\d(?:\s*[~-]\s*\d{1,2}:\d\d)?|오전|오후|종일)\s*$")


def _day(cell: str, year: int) -> StatedDate | None:
    if not _DAY.match(cell):
        return None
    stated = find_dates(cell)
    if stated:
        return stated[0].value
    found = month_day(cell, year)
    return StatedDate(found.year, found.month, found.day) if found else None


def read_schedule(w: FactWriter, table: Table) -> list[AgreementCandidate]:
    """Signings stated by the events of a schedule table (see the module docstring); ``[]`` for any other table."""
    from graph.readers.sentences import Sentence, document_context, parties_in

    today = document_date(w.doc) or report_year(w.doc)
    rows: list[Row] = ([table.header] if table.header is not None else []) + list(table.rows)
    if today is None or not any(_day(r.cells[0], today.year) for r in rows if r.cells):
        return []
    doc = None
    day: StatedDate | None = None
    out: list[AgreementCandidate] = []
    for row in rows:
        first = row.cells[0] if row.cells else ""
        if first.strip():
            day = _day(first, today.year)
        text = " ".join(c for c in row.cells[1:] if not _TIME.match(c))
        if day is None or relation_of(text) is None or not states_signing_verb(text) or is_intent(text) or \
                is_plan(text) or negates_signing(text):
            continue
        doc = doc or document_context(w)
        if doc.subject is None or doc.subject.entity.country != "KR":
            return []
        sentence = Sentence(text, tuple([row.line] * len(text)))
        places = {n.party.entity.id: n.party for n in parties_in(w, sentence, 0, len(text), doc)
                  if n.party.entity.country not in ("", "KR")}
        names = {i: p.entity.name_ko or p.surface for i, p in places.items()}
        places = {i: p for i, p in places.items()  # 다라시청 … 다라 부시장: one place, with and without its suffix
                  if not any(j != i and other.startswith(names[i]) for j, other in names.items())}
        if len(places) != 1:
            continue  # no foreign place, or several: not this reader's to pair
        partner = next(iter(places.values()))
        out.append(AgreementCandidate((doc.subject, partner), day, relation_of(text), (row.line, row.line),
                                      CONFIDENCE, reader="tables", quote=" | ".join(row.cells)))
    return out
