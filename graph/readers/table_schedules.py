"""Schedules: a trip report's table of days and events with no party column (``일자 | 시간 | 일정 | 비고`` /
``6. 10.(화) | 11:00 | 가나시 자매결연 협정 체결식 | 가나시장 서명``). A row whose event states a finished signing
(a relation word and a signing word, no plan, no negation) with one foreign place is the signing of the document's
own region with that place (a row naming none: the one foreign place the schedule names, or one named only in its
head's post, ``가나시장``), on the row's day (a day without its year takes the trip's stated period's, else the year
the report's title names, else the document's; a row with an empty day cell goes on with the day above; a numbered
day, ``2일차`` or ``둘째 날``, counts from the trip's stated start, :mod:`graph.readers.trip_days`). Events, visits
and talks sign nothing.
"""

from __future__ import annotations

import re

from graph.dates import DateMention, StatedDate, find_dates, month_day
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import document_date, is_place_word, is_plan, report_year
from graph.readers.entities import country_in, resolve_party
from graph.readers.relations import is_intent, negates_signing, relation_of, states_signing_verb
from graph.readers.table_dates import after
from graph.readers.table_rows import Row, Table
from graph.readers.trip_days import trip_day, trip_start, year_in_trip

CONFIDENCE = 0.8
#: A day cell: a month and day with or without its year and weekday (``6. 10.(화)``, ``2025. 6. 10.``, ``6월 10일``).
_DAY = re.compile(r"^\s*(?:(?:19|20)\d\d\s*[.년]\s*)?\d{1,2}\s*[.월]\s*\d{1,2}\s*[.일]?\s*(?:\([^)]*\))?\s*$")
#: A time cell (``11:00``, ``14:00~16:00``, ``오전``): no event.
_TIME = re.compile(r"^\s*(?:\d{1,2}:\d\d(?:\s*[~-]\s*\d{1,2}:\d\d)?|오전|오후|종일)\s*$")


def _day(cell: str, year: int, start: StatedDate | None = None) -> StatedDate | None:
    if not _DAY.match(cell):
        return trip_day(cell, start)
    stated = find_dates(cell)
    if stated:
        return stated[0].value
    found = month_day(cell, year)
    if found is not None and start is not None:  # a trip over the new year: its January days are the next year's
        weekday = re.search(r"\(([월화수목금토일])\)", cell)
        found = month_day(cell, year_in_trip(found.month, found.day, start, weekday and weekday.group(1)))
    return StatedDate(found.year, found.month, found.day) if found else None


def read_schedule(w: FactWriter, table: Table) -> list[AgreementCandidate]:
    """Signings stated by the events of a schedule table (see the module docstring); ``[]`` for any other table."""
    from graph.readers.sentences import document_context

    start = trip_start(w.doc.lines)
    today = start or report_year(w.doc) or document_date(w.doc)  # the trip's, the year the title names, the date's
    rows: list[Row] = ([table.header] if table.header is not None else []) + list(table.rows)
    if today is None or not any(_day(r.cells[0], today.year, start) for r in rows if r.cells):
        return []
    doc = None
    table_places: dict = {}
    days = _days(rows, today.year, start)
    out: list[AgreementCandidate] = []
    for row, day in zip(rows, days, strict=True):
        text = _event_text(row)
        if day is None or relation_of(text) is None or not states_signing_verb(text) or is_intent(text) or \
                _WITNESSED.search(text) or \
                is_plan(text) or negates_signing(text):
            continue
        doc = doc or document_context(w)
        if doc.subject is None or doc.subject.entity.country != "KR":
            return []
        if other_regions(w, text, row.line, doc):
            continue  # 다라시 방문 | 다라시–일본 가나시 자매도시(2009년 체결): another Korean region's (remarks)
        places = foreign_places(w, text, row.line, doc) or _head_places(w, row.cells[1:], row.line, doc) or \
            _placed_on_day(w, text, row.line, _day_countries(w, rows, days).get(day, set()))
        if not places and len(places := table_places or _table_places(w, rows, doc)) == 1:
            table_places = places  # 가나시장 면담 및 협정 체결: the one foreign place the schedule names
        if len(places) != 1:
            continue  # no foreign place, or several: not this reader's to pair
        partner = next(iter(places.values()))
        recalled = [(d.value, relation_of(m.group(0)) or relation_of(text)) for d, m in _first_signed(text, day)]
        out.extend(AgreementCandidate((doc.subject, partner), when, relation, (row.line, row.line),
                                      CONFIDENCE, reader="tables", quote=" | ".join(row.cells))
                   for when, relation in ((day, relation_of(text)), *recalled))
    return out


#: A year or a date followed by the word of the signing it dates, its relation word perhaps before it (``2005년
#: 결연``, ``2005. 5. 3. 체결``, ``2010년 우호교류 협정 체결``, ``(1996. 5. 3. 결연)``); not a plan's.
SIGNED_AFTER = re.compile(r"\s*[.)]?\s*(?:[가-힣]{0,6}\s?)?(?:결연|체결|재체결|협정\s*체결|협약\s*체결)"
                          r"(?![가-힣]*\s*(?:예정|추진|계획))")


def _first_signed(text: str, day: StatedDate) -> list[tuple[DateMention, re.Match[str]]]:
    """Earlier signings a signing row recalls (``가나시 자매결연 갱신 체결식 (2005년 결연 기념)``): each date before
    the row's day followed by a signing's word, with the words that say so.

    >>> [(d.value.iso, m.group(0)) for d, m in _first_signed("다라시 갱신 체결식 (2005년 결연 기념)", StatedDate(2025))]
    [('2005', ' 결연')]
    >>> [(d.value.iso, m.group(0)) for d, m in _first_signed("체결식 | 2011년 우호교류 협정 체결", StatedDate(2025))]
    [('2011', ' 우호교류 협정 체결')]
    >>> _first_signed("가나시 협약 체결식 (2030년 체결 예정 협약의 후속)", StatedDate(2025, 9, 25))
    []
    """
    return [(d, m) for d in find_dates(text) if after(day, d.value) and not d.value.contains(day)
            and (m := SIGNED_AFTER.match(text, d.end)) is not None]


def _event_text(row: Row) -> str:
    """A schedule row's cells after its day, time cells left out, each set apart (``가나시 | 다라시-가나시 협약``: the
    place cell is no parent of the event's first name)."""
    return " | ".join(c for c in row.cells[1:] if c.strip() and not _TIME.match(c))


def _days(rows: list[Row], year: int, start: StatedDate | None) -> list[StatedDate | None]:
    """The day of each row (a row with an empty day cell goes on with the day above)."""
    out: list[StatedDate | None] = []
    day: StatedDate | None = None
    for row in rows:
        first = row.cells[0] if row.cells else ""
        if first.strip():
            day = _day(first, year, start)
        out.append(day)
    return out


def _day_countries(w: FactWriter, rows: list[Row], days: list[StatedDate | None]) -> dict[StatedDate, set[str]]:
    """For each day of a schedule, the countries of the foreign places the registry or its gazetteer knows (and the
    country words) that its rows name: where the trip was that day."""
    out: dict[StatedDate, set[str]] = {}
    for row, day in zip(rows, days, strict=True):
        if day is None:
            continue
        text = _event_text(row)
        found = out.setdefault(day, set())
        found.update(m.entity.country for m in w.registry.find_mentions(text)
                     if m.entity.kind == "region" and m.entity.country not in ("", "KR"))
        if (stated := country_in(w.registry, text)) not in (None, "KR"):
            found.add(stated)
        found.update(place.country for word in _WORD.findall(text) if (place := w.registry.place_named(
            word.removesuffix(_OFFICE))) and place.country not in ("", "KR"))  # a division the gazetteer knows
        # (가나현, 다라성; 가나현청: its office)
    return out


def _placed_on_day(w: FactWriter, text: str, line: int, countries: set[str]) -> dict:
    """A signing row's place the registry lacks (a word with a place suffix), in the one foreign country the rows of
    its day name (a trip through two countries: ``9.23. | 다라성 인민정부 예방`` / ``9.23. | 가나시 협약 체결식``):
    the first such place, minted there; none when the day names no country or several."""
    if len(countries) != 1:
        return {}
    country = next(iter(countries))
    for word in _WORD.findall(text):
        if is_place_word(word) and not w.registry.candidates(word):
            found = resolve_party(w, word, line, country=country, foreign=True, report=False)
            return {found.entity.id: found} if found is not None else {}
    return {}


#: A signing the delegation only witnessed (``가나대학–다라대학 학술교류 MOU 체결 입회``): others'.
_WITNESSED = re.compile(r"체결\s*(?:식\s*)?(?:입회|참관)")
#: A place's office (``가나현청``): where the place is.
_OFFICE = "청"
#: A word of a row's event, its particle and brackets apart (``가나시와``: ``가나시``).
_WORD = re.compile(r"[가-힣]{2,}?(?=(?:와|과|의|에서|측)?(?:[\s,()·/]|$))")


def foreign_places(w: FactWriter, text: str, line: int, doc) -> dict:
    """The foreign places ``text`` names, by entity (``다라시청 … 다라 부시장``: one place, with and without its
    suffix)."""
    return places_named(w, text, line, doc, lambda country: country not in ("", "KR"))


def other_regions(w: FactWriter, text: str, line: int, doc) -> list:
    """The Korean regions ``text`` names other than the document's own region and its parent (``가나군-일본 다라시
    자매도시(…)`` in a province's book: 가나군)."""
    own = (doc.subject.entity.id, doc.subject.entity.parent) if doc.subject is not None else ()
    return [p for i, p in places_named(w, text, line, doc, lambda country: country == "KR").items() if i not in own]


def places_named(w: FactWriter, text: str, line: int, doc, country_fits) -> dict:
    """The places ``text`` names whose country fits ``country_fits``, by entity; a name that only begins a longer
    one named beside it (``다라`` of ``다라시``) is left out."""
    from graph.readers.sentences import Sentence, parties_in

    if not text.strip():
        return {}
    sentence = Sentence(text, tuple([line] * len(text)))
    places = {n.party.entity.id: n.party for n in parties_in(w, sentence, 0, len(text), doc)
              if country_fits(n.party.entity.country)}
    names = {i: p.entity.name_ko or p.surface for i, p in places.items()}
    return {i: p for i, p in places.items() if not any(j != i and other.startswith(names[i])
                                                       for j, other in names.items())}


#: A place glued to its head's post (``가나시장``, ``다라현지사``, ``마바주지사``, ``사하군수``, ``가나성장``).
HEAD_POST = re.compile(r"([가-힣]{2,}(?:시|현|주|성|도|군))(장|지사|수)(?![가-힣])")
#: The posts a place's suffix takes (a city's 시장, a prefecture's 현지사, a county's 군수 …): ``인감도장`` (a seal)
#: or ``현장`` (a site) end like a post but no place has a head so titled.
_POSTS = frozenset({"시장", "현지사", "주지사", "도지사", "성장", "군수"})


def _head_places(w: FactWriter, cells: list[str], line: int, doc) -> dict:
    """The foreign places named only in their heads' posts (``일본 | 다나카 사아 | 가나시장 | 자매결연 협정 서명``:
    가나시, placed by the row's country word): a place the registry knows, or a minted one with a place suffix whose
    post fits it and that has a place's context, the post alone in its cell (a 직위 column) or the name written
    elsewhere in the document without the post (``방문지: 중국 가나성``); ``산업성장 간담회`` (industrial growth)
    names no 산업성."""
    text = " ".join(c for c in cells if not _TIME.match(c))
    country = country_in(w.registry, text)
    out = {}
    for m in HEAD_POST.finditer(text):
        found = resolve_party(w, m.group(1), line, country=country, foreign=country not in (None, "KR"), report=False)
        if found is None or found.entity.country in ("", "KR"):
            continue
        if found.minted and not (m.group(1)[-1] + m.group(2) in _POSTS and is_place_word(
                found.entity.name_ko or found.surface) and _placed(w, m.group(1), m.group(0), cells)):
            continue
        out[found.entity.id] = found
    return out


def _placed(w: FactWriter, name: str, post: str, cells: list[str]) -> bool:
    """Whether a name glued to a head's post has a place's context: the post alone in its cell, or the name
    written in the document without the post after it."""
    if any(c.strip() == post for c in cells):
        return True
    return any(re.search(re.escape(name) + r"(?!장|지사|수)", text) for text in w.doc.lines)


def _table_places(w: FactWriter, rows: list[Row], doc) -> dict:
    """The foreign places the events of a schedule name, together (a minted one only with a place suffix; a name
    the document placed, ``방문 도시: 일본 가나시``, wherever a row names it): the partner of a signing row naming
    none when the schedule names one only."""
    places: dict = {}
    texts = [(row.line, _event_text(row)) for row in rows]
    for line, text in texts:
        if other_regions(w, text, line, doc):
            continue  # 다라시 방문 | 다라시–일본 가나시 자매도시(…): another Korean region's partner, not the trip's
        places.update(foreign_places(w, text, line, doc))
        places.update(p for name in doc.places if name in text for p in foreign_places(w, name, line, doc).items())
    return {i: p for i, p in places.items() if not p.minted or is_place_word(p.entity.name_ko or p.surface)}
