"""Dates as Korean documents print them: ``'04.12.17``, ``'17. 01.20``, ``2024. 10. 15.``, ``2024년 9월 25일``.

>>> parse_date("'04.12.17")
datetime.date(2004, 12, 17)
>>> parse_date("'23.06.10.")
datetime.date(2023, 6, 10)
>>> parse_date("'17. 01.20")
datetime.date(2017, 1, 20)
>>> parse_date("2024년 9월 25일")
datetime.date(2024, 9, 25)
>>> parse_date("관망") is None
True
"""

from __future__ import annotations

import re
from datetime import date

_NUMERIC = re.compile(r"(?<!\d)'?\s*(\d{2}|\d{4})\s*[.,/-]\s*(\d{1,2})\s*[.,/-]\s*(\d{1,2})(?!\d)")
_KOREAN = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")


def expand_year(year: int, pivot: int = 2060) -> int:
    """Two-digit years: ``04`` → 2004, ``98`` → 1998 (20xx below ``pivot``).

    >>> expand_year(4), expand_year(98), expand_year(2010)
    (2004, 1998, 2010)
    """
    if year >= 100:
        return year
    full = 2000 + year
    return full if full < pivot else 1900 + year


def parse_date(text: str) -> date | None:
    """The first date in ``text``, or ``None`` when there is no valid one."""
    for pattern in (_KOREAN, _NUMERIC):
        m = pattern.search(text)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            try:
                return date(expand_year(y), mo, d)
            except ValueError:
                return None
    return None
