"""Days of a trip counted from its first (``2일차``, ``제2일``, ``둘째 날``, ``D+1``, ``Day 2``), dated from the trip's
stated period (``기간: 2024. 5. 10.(금) ~ 5. 13.(월)``) when the document states one start only.

A trip report's schedule often numbers its days instead of dating them; the period stated above it makes each
numbered day a date. Two different stated starts (two trips, or a trip and an exhibition's period) leave the days
undated: a day is dated only when the document allows one reading.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from graph.dates import DateMention, StatedDate, find_dates

_ORDINALS = {"첫": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
#: A numbered day of a trip; ``D+N`` counts from day 0, the others from day 1.
TRIP_DAY = re.compile(
    r"(?:(?P<n>\d{1,2})\s*일\s*차|제\s*(?P<m>\d{1,2})\s*일(?![\d.])|(?P<o>" + "|".join(_ORDINALS) + r")\s*(?:째\s*)?날"
    r"|D\s*\+\s*(?P<d>\d{1,2})|D\s*-\s*[Dd]ay|[Dd]ay\s*(?P<e>\d{1,2}))")
#: A cell or heading that is only a numbered day (with a weekday or a note in brackets after it).
_ONLY_DAY = re.compile(r"^\s*(?:" + TRIP_DAY.pattern + r")\s*(?:\([^)]*\))?\s*$")
#: A label of a stated period (``기간``, ``출장 기간``, ``방문 일정``, ``일시``, ``Period``).
_PERIOD_LABEL = re.compile(r"기간|일정|일시|출장|방문|[Pp]eriod|[Dd]ates?\b")
#: A period of something other than a trip, named by the word before ``기간`` (``협약기간``, ``사업 기간``): an
#: agreement's term or a programme's run dates no day of a trip.
_OTHER_PERIOD = re.compile(r"(?P<word>[가-힣]+)\s?기간")
#: Words before ``기간`` that name a trip or a stay (``출장기간``, ``방문 일정``, ``체류 기간``).
_TRIP_WORDS = re.compile(r"(?:출장|방문|순방|여행|체류|연수|견학|파견|대표단|사절단|방한|방일|방중|해외|국외|교류)$")
#: A range mark right after the start date (``~``, ``∼``, ``-``, ``–``, ``부터``).
_RANGE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:[~∼〜～\-–—]|부터)")


def day_number(cell: str) -> int | None:
    """The day of the trip a cell or heading that is only a numbered day names (1 for the first day).

    >>> [day_number(c) for c in ("2일차", "제 3 일", "둘째 날", "첫날", "D+1", "D-day", "Day 4", "2일", "5. 11.")]
    [2, 3, 2, 1, 2, 1, 4, None, None]
    """
    m = _ONLY_DAY.match(cell)
    if m is None:
        return None
    if m.group("o"):
        return _ORDINALS[m.group("o")]
    if m.group("d") is not None:
        return int(m.group("d")) + 1
    number = m.group("n") or m.group("m") or m.group("e")
    return int(number) if number else 1  # D-day


def starts_period(line: str, found: DateMention) -> bool:
    """The date ``found`` of ``line`` opens a range (``2024. 7. 8.(월) ~ 7. 12.(금)``): a period's start.

    >>> line = "기간: 2024. 7. 8.(월) ~ 7. 12.(금)"
    >>> starts_period(line, find_dates(line)[0]), starts_period("2024. 7. 8. 가나일보", find_dates("2024. 7. 8.")[0])
    (True, False)
    """
    return bool(_RANGE_AFTER.match(line[found.end:]))


def trip_start(lines: tuple[str, ...]) -> StatedDate | None:
    """The first day of the trip the document states: the start of a day range on a line labelled as a period
    (``○ 기간: 2024. 5. 10.(금) ~ 5. 13.(월)``), else on any line; ``None`` when none or several different starts.

    >>> trip_start(("가나시 방문 결과", "○ 기간: 2024. 5. 10.(금) ~ 5. 13.(월)", "1일차 | 출발")).iso
    '2024-05-10'
    >>> trip_start(("기간: 2024. 5. 10. ~ 5. 13.", "출장 기간: 2024. 6. 1. ~ 6. 3.")) is None
    True
    >>> trip_start(("가나시 방문 결과", "2024. 5. 10. 보고")) is None
    True
    >>> trip_start(("가나현 협약 갱신 결과", "○ 협약기간: 2019. 5. 28. ~ 2024. 5. 27.")) is None
    True
    """
    labelled, other = set(), set()
    for line in lines:
        for found in find_dates(line):
            if found.value.precision == "day" and starts_period(line, found):
                label = line[:found.start]
                if _names_other_period(label):
                    break  # 협약기간: 2019. 5. 28. ~: the agreement's term, no trip
                (labelled if _PERIOD_LABEL.search(label) else other).add(found.value)
                break
    starts = labelled or other
    return next(iter(starts)) if len(starts) == 1 else None


def _names_other_period(label: str) -> bool:
    """Whether the text before a range's start names a period of something other than a trip (``협약기간:``,
    ``사업 기간``), not a bare ``기간`` or a trip's (``출장 기간``, ``방문일정``).

    >>> [_names_other_period(t) for t in ("○ 협약기간: ", "사업 기간 ", "○ 기간: ", "출장 기간: ", "일시: ")]
    [True, True, False, False, False]
    """
    words = [m.group("word") for m in _OTHER_PERIOD.finditer(label)]
    return bool(words) and not any(_TRIP_WORDS.search(w) for w in words)


#: The weekdays as a Korean date writes them in brackets (``(월)`` … ``(일)``), Monday first.
WEEKDAYS = "월화수목금토일"


def weekday_is(year: int, month: int, day: int, weekday: str) -> bool:
    """Whether ``year``-``month``-``day`` falls on ``weekday`` (``(화)``, ``화``).

    >>> weekday_is(2024, 7, 9, "(화)"), weekday_is(2023, 7, 9, "(화)"), weekday_is(2023, 2, 30, "(화)")
    (True, False, False)
    """
    try:
        return WEEKDAYS[date(year, month, day).weekday()] == weekday.strip("() ")
    except ValueError:
        return False


def year_in_trip(month: int, day: int, start: StatedDate, weekday: str | None = None) -> int:
    """The year of a month and day of a trip starting on ``start`` (a day before the start month's day: the next
    year's, a trip over the new year), unless its stated ``weekday`` fits the start's year only (``7. 5.(금)``
    before a trip from ``2024. 7. 8.``: a Friday of 2024, a day of the preparation).

    >>> year_in_trip(7, 9, StatedDate(2024, 7, 8)), year_in_trip(1, 2, StatedDate(2024, 12, 30))
    (2024, 2025)
    >>> year_in_trip(7, 5, StatedDate(2024, 7, 8), "(금)"), year_in_trip(1, 2, StatedDate(2024, 12, 30), "(목)")
    (2024, 2025)
    """
    year = start.year + (1 if (month, day) < (start.month or 1, start.day or 1) else 0)
    if weekday and weekday.strip("() ") in WEEKDAYS and not weekday_is(year, month, day, weekday):
        year = next((y for y in (start.year, start.year + 1) if weekday_is(y, month, day, weekday)), year)
    return year


def trip_day(cell: str, start: StatedDate | None) -> StatedDate | None:
    """The date of a numbered day (:func:`day_number`) of the trip starting on ``start``.

    >>> trip_day("2일차", StatedDate(2024, 5, 31)).iso, trip_day("2일차", None)
    ('2024-06-01', None)
    """
    number = day_number(cell)
    if number is None or start is None or start.day is None:
        return None
    found = date(start.year, start.month or 1, start.day) + timedelta(days=number - 1)
    return StatedDate(found.year, found.month, found.day)
