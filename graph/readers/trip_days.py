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
    """
    labelled, other = set(), set()
    for line in lines:
        for found in find_dates(line):
            if found.value.precision == "day" and starts_period(line, found):
                (labelled if _PERIOD_LABEL.search(line[:found.start]) else other).add(found.value)
                break
    starts = labelled or other
    return next(iter(starts)) if len(starts) == 1 else None


def year_in_trip(month: int, day: int, start: StatedDate) -> int:
    """The year of a month and day of a trip starting on ``start`` (a day before the start month's day: the next
    year's, a trip over the new year).

    >>> year_in_trip(7, 9, StatedDate(2024, 7, 8)), year_in_trip(1, 2, StatedDate(2024, 12, 30))
    (2024, 2025)
    """
    return start.year + (1 if (month, day) < (start.month or 1, start.day or 1) else 0)


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
