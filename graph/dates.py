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

Ranges and partial dates:
>>> date_range("8. 21.~8. 26.", year=2024)
(datetime.date(2024, 8, 21), datetime.date(2024, 8, 26))
>>> date_range("2024년 7월 25일부터 27일까지")
(datetime.date(2024, 7, 25), datetime.date(2024, 7, 27))
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

_NUMERIC = re.compile(r"(?<!\d)'?\s*(\d{2}|\d{4})\s*[.,/-]\s*(\d{1,2})\s*[.,/-]\s*(\d{1,2})(?!\d)")
_KOREAN = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")


# -- dates with their precision ------------------------------------------------------------------------

#: Precision of a stated date → the XSD datatype ``gy:signedOn`` takes for it.
XSD_TYPES = {"day": "date", "month": "gYearMonth", "year": "gYear"}
MIN_YEAR, MAX_YEAR = 1900, 2099


@dataclass(frozen=True, order=True)
class StatedDate:
    """A date as precise as the document states it: a day, a month or only a year.

    >>> StatedDate(2019, 5).iso, StatedDate(2019, 5).precision, StatedDate(2019, 5).xsd
    ('2019-05', 'month', 'gYearMonth')
    >>> StatedDate(2019).contains(StatedDate(2019, 5, 24)), StatedDate(2019, 6).contains(StatedDate(2019, 5, 24))
    (True, False)
    >>> StatedDate.from_iso("2024-01-28")
    StatedDate(year=2024, month=1, day=28)
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year out of range: {self.year}")
        if self.day is not None:
            date(self.year, self.month or 0, self.day)  # raises ValueError when impossible
        elif self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``."""
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def xsd(self) -> str:
        """Local name of the XSD datatype for this precision (``date``, ``gYearMonth``, ``gYear``)."""
        return XSD_TYPES[self.precision]

    @property
    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
        parts = [f"{self.year:04d}"] + [f"{v:02d}" for v in (self.month, self.day) if v is not None]
        return "-".join(parts)

    def contains(self, other: StatedDate) -> bool:
        """True when ``other`` lies within this (possibly coarser) date."""
        return all(mine is None or mine == theirs for mine, theirs in
                   ((self.year, other.year), (self.month, other.month), (self.day, other.day)))

    def compatible(self, other: StatedDate) -> bool:
        """True when one date contains the other (the same signing may be stated either way)."""
        return self.contains(other) or other.contains(self)

    @classmethod
    def from_iso(cls, text: str) -> StatedDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the lexical forms of the three datatypes)."""
        parts = [int(p) for p in text.strip().split("-")]
        return cls(*parts)


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: ``text[start:end]`` states ``value``."""

    value: StatedDate
    start: int
    end: int
    surface: str


_Y4 = r"(?P<y4>(?:19|20)\d\d)"
_Y2 = r"'\s*(?P<y2>\d\d)"
#: 단기 (檀紀) years, as old records count them: the common era's year plus :data:`DANGI_OFFSET`.
DANGI_OFFSET = 2333
_DANGI = r"(?:檀紀|단기)\s*(?P<dg>4[23]\d\d)"
_YEAR = rf"(?:{_DANGI}|{_Y4}|{_Y2})"
#: English month names and their usual abbreviations → month number.
MONTHS = {name: n for n, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
_MONTH_NAME = r"(?<![A-Za-z])(?P<mon>(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))(?![A-Za-z])\.?"
#: Japanese eras (a consulate's or a Japanese city's list: 平成10年5月10日, H10.5.10) → the year before their first.
ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018, "M": 1867, "T": 1911, "S": 1925,
        "H": 1988, "R": 2018, "메이지": 1867, "다이쇼": 1911, "쇼와": 1925, "헤이세이": 1988, "레이와": 2018}
#: An era's first year (平成元年, 헤이세이 원년).
FIRST_ERA_YEAR = ("元", "원")
_ERA = r"(?<![A-Za-z가-힣])(?P<era>" + "|".join(ERAS) + r")\s*(?P<ey>\d{1,2}|元|원)\s*"
#: An era year glossing the common era's year in brackets (``2019년(레이와 원년)``, ``2014년(平成26年)``).
_ERA_GLOSS = r"\s*[(（]\s*(?:" + "|".join(ERAS) + r")\s*(?:\d{1,2}|元|원)\s*[年년]\s*[)）]\s*"
#: Full-width digits and separators (a cell typed in a Japanese or Chinese font) → ASCII, one character each.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．／－", "0123456789./-")
#: After a number of days that counts them (``10일간``, ``3일 동안``, ``5일째``), the number is no day of the month.
_NOT_DAYS = r"(?![간째]|\s*동안)"
#: Patterns in priority order: an earlier pattern claims its span first.
_DATE_PATTERNS = (
    # 2019년(레이와 원년) 7월 5일, 2014년(平成26年) 4월: the era year a gloss of the year before it (the year wins)
    re.compile(rf"(?<!\d){_Y4}\s*[년年]{_ERA_GLOSS}(?P<m>\d{{1,2}})\s*[월月](?:\s*(?P<d>\d{{1,2}})\s*[일日]{_NOT_DAYS})?"),
    re.compile(rf"(?<!\d){_Y4}\s*[년年]{_ERA_GLOSS}"),
    # 平成10年5月10日, H10.5.10, 令和元年5月 (Japanese eras)
    re.compile(rf"{_ERA}[年년.]\s*(?P<m>\d{{1,2}})\s*[月월.]\s*(?P<d>\d{{1,2}})\s*[日일]?"),
    re.compile(rf"{_ERA}[年년]\s*(?P<m>\d{{1,2}})\s*[月월]"),
    re.compile(rf"{_ERA}[年년]"),
    # 2024년 1월 28일, 2024년1월28일, 2024 1월 28일 (a web rendering that lost the 년), '19년 5월 24일
    re.compile(rf"(?<!\d){_YEAR}\s*[년年]?\s*(?P<m>\d{{1,2}})\s*[월月]\s*(?P<d>\d{{1,2}})\s*[일日]{_NOT_DAYS}"),
    # 2024.01.28, 2024. 1. 28., 2024-01-28, 2024/1/28, '19.05.24, 19.05.24
    re.compile(rf"(?<![\d.])(?:{_DANGI}|(?P<y4>(?:19|20)\d\d)|'\s*(?P<y2>\d\d)|(?P<y2b>\d\d))"
               r"\s*(?P<sep>[./-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})(?:\s*\.)?(?![\d])"),
    # 2019년 5월, '19년 5월, 2011 5월 (a web rendering that lost the 년)
    re.compile(rf"(?<!\d){_YEAR}\s*[년年]?\s*(?P<m>\d{{1,2}})\s*[월月]"),
    # 2019. 5., 2019.05, 2019-05, '08.11. (a two-digit year only after its apostrophe)
    re.compile(rf"(?<![\d.]){_Y4}\s*(?P<sep>[./-])\s*(?P<m>\d{{1,2}})(?:\s*\.)?(?!\s*[./-]?\s*\d)"),
    re.compile(rf"(?<![\d.]){_Y2}\s*(?P<sep>[./-])\s*(?P<m>\d{{1,2}})(?:\s*\.)?(?!\s*[./-]?\s*\d)"),
    # 1990년, '95년 (not 1990년대, a decade)
    re.compile(rf"(?<!\d){_YEAR}\s*[년年](?!\s*[대代])"),
    # May 10, 1998 · 10 May 1998 · Oct. 2019 (English lists and tables)
    re.compile(rf"{_MONTH_NAME}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y4}(?!\d)"),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_NAME},?\s+{_Y4}(?!\d)"),
    re.compile(rf"{_MONTH_NAME},?\s+{_Y4}(?!\d)"),
)
_BARE_YEAR = re.compile(rf"(?<![\d.]){_Y4}(?![\d.%]|\s*[년年억만천원개명])")


def _year_of(m: re.Match[str]) -> int:
    groups = m.groupdict()
    if groups.get("dg"):
        return int(groups["dg"]) - DANGI_OFFSET
    if groups.get("era"):
        return ERAS[groups["era"]] + (1 if groups["ey"] in FIRST_ERA_YEAR else int(groups["ey"]))
    if groups.get("y4"):
        return int(groups["y4"])
    return expand_year(int(groups.get("y2") or groups["y2b"]))


def find_dates(text: str, *, bare_years: bool = False) -> list[DateMention]:
    """Every date stated in ``text``, left to right, each with its precision.

    ``bare_years`` also takes a lone four-digit year (``(1995)``, a table cell ``2003``).

    >>> [d.value.iso for d in find_dates("2024.01.28 · 2024. 1. 28. · '19.05.24 · 2024년 1월 28일 · '08.11.")]
    ['2024-01-28', '2024-01-28', '2019-05-24', '2024-01-28', '2008-11']
    >>> [d.value.iso for d in find_dates("2019년 5월, 1990년, 2024년1월28일, 2024.1.28, 2024 3월 5일")]
    ['2019-05', '1990', '2024-01-28', '2024-01-28', '2024-03-05']
    >>> [d.value.iso for d in find_dates("1990년대에 2019. 5. 체결, 2024년 3월 10일간 협의, 2024년 4월 2일 간담회")]
    ['2019-05', '2024-03', '2024-04-02']
    >>> [d.value.iso for d in find_dates("2005年11月22日, 1998年 5月, 1990年")]  # Japanese and Chinese lists
    ['2005-11-22', '1998-05', '1990']
    >>> [d.value.iso for d in find_dates("인구 2024명, (1995) 체결", bare_years=True)]
    ['1995']
    >>> find_dates("2024.13.40, 3.5%")
    []
    >>> [d.value.iso for d in find_dates("signed May 10, 1998; renewed 2 Sept 2019; since Oct. 2004; Mayor 2019")]
    ['1998-05-10', '2019-09-02', '2004-10']
    >>> [d.value.iso for d in find_dates("平成10年5月10日, H12.5.10, 令和元年5月, 昭和62年, ２０１９．５．２４")]
    ['1998-05-10', '2000-05-10', '2019-05', '1987', '2019-05-24']
    >>> [d.value.iso for d in find_dates("2019년(레이와 원년) 7월, 2014년(平成26年) 4월 2일, 2003년(쇼와 15년)")]
    ['2019-07', '2014-04-02', '2003']
    >>> [d.value.iso for d in find_dates("헤이세이 10년 5월")]
    ['1998-05']
    """
    text = text.translate(_FULL_WIDTH)
    patterns = (*_DATE_PATTERNS, _BARE_YEAR) if bare_years else _DATE_PATTERNS

    def value_of(m: re.Match[str]) -> StatedDate:
        groups = m.groupdict()
        month = int(groups["m"]) if groups.get("m") else MONTHS[groups["mon"].lower()] if groups.get("mon") else None
        return StatedDate(_year_of(m), month, int(groups["d"]) if groups.get("d") else None)

    return refined(text, _scan(text, patterns, value_of))


#: The closing of a bracket holding only a date (``('97. 6. 12.)``, ``(1997. 6. 12.(목))``: its weekday too).
_BRACKET_CLOSE = re.compile(r"\s*(?:[(（][월화수목금토일][)）])?\s*[)）]")
#: A signing's verb or noun (``맺었으며``, ``협정``, ``체결``).
_SIGNING_WORD = r"(?:체결|맺|서명|조인|교환|협정|협약|결연|약정|MOU|의향서)"
#: What a bracket refining a coarse date follows: the signing's verb or noun (``맺었으며(``, ``협정(``, ``체결(``) —
#: not another event (``첫 교류행사(``, ``승인(``).
_SIGNING_BEFORE_BRACKET = re.compile(_SIGNING_WORD + r"[가-힣]{0,4}\s*[(（]\s*$")
#: Or the partner's name before its signing is stated (``2003년 5월 가나시(2003. 5. 17.)와 결연``): a whole word of a
#: stem of two syllables or more and a place's suffix, joined on after the bracket (와/과, a comma, 및) — not a
#: word that only ends like a place (``행사 일시(…)를``, ``방문 일정(…)을``), nor a word after the signing.
_PARTNER_BEFORE_BRACKET = re.compile(r"(?<![가-힣])[가-힣]{2,}(?:시|군|구|현|성|주|도|정|촌)\s*[(（]\s*$")
_JOINED_AFTER = re.compile(r"\s*(?:와|과|[,，、·]|및)")
#: What may not stand between a coarse date and the bracketed date refining it: a sentence's end or a clause
#: break (``;``), so the bracket belongs to the coarse date's own clause.
_CLAUSE_BREAK = re.compile(r"[가-힣][다요][.!?](?:\s|$)|[;。]")
#: A date in brackets right after an event other than a signing is that event's (``위원회 승인(2010. 5. 27.) 후 서명``).
EVENT_BEFORE_BRACKET = re.compile(r"(?:승인|의결|동의|방문|개최|접수|제출|통과|공포|시행|출범|변경)\s*[(（]\s*$")
#: Characters a coarse date and the bracketed date refining it are at most apart (one clause).
REFINE_CHARS = 80


def refined(text: str, dates: list[DateMention]) -> list[DateMention]:
    """``dates`` (found in ``text``, left to right) with a year or month made more precise by a bracketed date right
    after its clause's verb or partner: ``1997년 … 협정을 맺었으며('97. 6. 12.)`` states one signing on
    1997-06-12, not a year and a day. The bracket holds only the date (and perhaps its weekday), stands in the same
    clause (no other date, no sentence's end between), right after the signing's verb or noun or the partner's name
    (never after another event, ``첫 교류행사(…)``, ``승인(…)``) and falls within the coarse date (same year, and month
    when stated); the coarse date's place is kept, with the bracket's value, and the bracket's own mention
    dropped. Other dates stay as found.

    >>> [d.value.iso for d in find_dates("1997년 가나시와 협정을 맺었으며('97. 6. 12.), 2006년 7월 10일에는 다라시와")]
    ['1997-06-12', '2006-07-10']
    >>> [d.value.iso for d in find_dates("2003년 5월 가나시(2003. 5. 17.)와 결연")]
    ['2003-05-17']
    >>> [d.value.iso for d in find_dates("1997년 가나시와 맺었으며(2001. 6. 12.)")]  # another year: both stay
    ['1997', '2001-06-12']
    >>> [d.value.iso for d in find_dates("1997년 가나시와 맺었으며(1997. 6. 12. 갱신)")]  # more than a date
    ['1997', '1997-06-12']
    >>> [d.value.iso for d in find_dates("1997년 체결은 위원회 승인(1997. 6. 12.) 후 서명")]  # another event's day
    ['1997', '1997-06-12']
    >>> [d.value.iso for d in find_dates("1997년 가나시와 자매결연을 맺은 뒤 첫 교류행사(1997. 10. 2.)를 열었다")]
    ['1997', '1997-10-02']
    >>> [d.value.iso for d in find_dates("2001년 5월 협정 체결 후 교류행사(2001. 5. 20.) 개최")]
    ['2001-05', '2001-05-20']
    >>> [d.value.iso for d in find_dates("1997년 가나시와 협정을 맺었으며(1997. 6. 12.(목)), 이후")]  # its weekday
    ['1997-06-12']
    >>> [d.value.iso for d in find_dates("1997년 다라시(1997. 6. 12.), 마바시(1997. 9. 1.)와 각각 결연")]
    ['1997-06-12', '1997-09-01']
    >>> [d.value.iso for d in find_dates("1997년 가나시와 결연을 맺고 첫 행사 일시(1997. 10. 2.)를 정했다")]
    ['1997', '1997-10-02']
    >>> [d.value.iso for d in find_dates("1997년 가나시와 결연한 뒤 교류일정(1997. 10. 2.)과 장소를 정했다")]
    ['1997', '1997-10-02']
    """
    out: list[DateMention] = []
    skip: set[int] = set()
    for n, coarse in enumerate(dates):
        if n in skip:
            continue
        fine = dates[n + 1] if n + 1 < len(dates) else None
        between = text[coarse.end:fine.start] if fine else ""
        if (fine is not None and coarse.value.precision != "day" and fine.value != coarse.value
                and coarse.value.contains(fine.value) and len(between) <= REFINE_CHARS
                and not EVENT_BEFORE_BRACKET.search(between) and (close := _BRACKET_CLOSE.match(text, fine.end))
                and (_SIGNING_BEFORE_BRACKET.search(between) or _PARTNER_BEFORE_BRACKET.search(between)
                     and not re.search(_SIGNING_WORD, between) and _JOINED_AFTER.match(text, close.end()))
                and not _CLAUSE_BREAK.search(between)):
            out.append(DateMention(fine.value, coarse.start, coarse.end, coarse.surface))
            skip.add(n + 1)
        else:
            out.append(coarse)
    return out


def _scan(text: str, patterns, value_of) -> list[DateMention]:
    """Dates matched by ``patterns`` in priority order (an earlier pattern claims its span first), each valued by
    ``value_of(match)``; a match whose value is impossible (``ValueError``) or ``None`` claims its span only."""
    starts: list[int] = []  # claimed spans: disjoint and sorted, so their ends are sorted too
    ends: list[int] = []
    found: list[DateMention] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            before = bisect.bisect_left(starts, m.end())  # spans starting before this match ends
            if before and ends[before - 1] > m.start():
                continue
            starts.insert(before, m.start())
            ends.insert(before, m.end())
            try:
                value = value_of(m)
            except ValueError:
                continue
            if value is not None:
                found.append(DateMention(value, m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda d: d.start)


def stated_date(text: str, *, bare_years: bool = False) -> StatedDate | None:
    """The first date stated in ``text`` (see :func:`find_dates`), or ``None``.

    >>> stated_date("체결일: 2023. 6. 10.")
    StatedDate(year=2023, month=6, day=10)
    >>> stated_date("2003", bare_years=True), stated_date("2003")
    (StatedDate(year=2003, month=None, day=None), None)
    """
    dates = find_dates(text, bare_years=bare_years)
    return dates[0].value if dates else None


#: A date printed as digits only (``20190524``, ``940617``): read so only where a cell of a date column holds it.
_COMPACT = re.compile(r"\s*(?P<y>(?:19|20)\d\d|\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\s*")


#: Six digits that are no ``YYMMDD`` but a year and a month (``201410``: no 14th month), in a date column.
_COMPACT_MONTH = re.compile(r"\s*(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])\s*")


def compact_date(cell: str, *, months: bool = False) -> StatedDate | None:
    """The date of a cell that is only digits, ``YYYYMMDD`` or ``YYMMDD`` (old registers: ``940617``), else ``None``;
    six digits that cannot be ``YYMMDD`` are ``YYYYMM`` (``201410``: a month whose day is not known), and with
    ``months`` (a column of months, :func:`month_column`) every six digits that can be are. Callers ask it of a
    date column's cells only: elsewhere six digits are as likely a count or a number.

    >>> compact_date("19940617"), compact_date(" 940617 "), compact_date("050230"), compact_date("1994061")
    (StatedDate(year=1994, month=6, day=17), StatedDate(year=1994, month=6, day=17), None, None)
    >>> compact_date("201410"), compact_date("199913"), compact_date("200605")
    (StatedDate(year=2014, month=10, day=None), None, StatedDate(year=2020, month=6, day=5))
    >>> compact_date("150000"), compact_date("2024.05.12"), compact_date("제940617호")
    (None, None, None)
    >>> compact_date("200312", months=True), compact_date("19940617", months=True)
    (StatedDate(year=2003, month=12, day=None), StatedDate(year=1994, month=6, day=17))
    """
    m = _COMPACT.fullmatch(cell)
    month = _COMPACT_MONTH.fullmatch(cell)
    if month and (months or not m):
        return StatedDate(int(month.group("y")), int(month.group("m")))
    if not m:
        return None
    try:
        return StatedDate(expand_year(int(m.group("y"))), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


#: A header naming a year and a month (``체결연월``, ``결연 년월``): its six-digit cells are ``YYYYMM``.
_MONTH_HEADER = re.compile(r"[연년]\s*월")


def month_column(cells: list[str], header: str = "") -> bool:
    """Whether a date column's six-digit cells are all ``YYYYMM``: its header names a year and a month, or one of
    its cells can only be read so (``199905``); one column is written one way, so ``200312`` beside it is a month.

    >>> month_column(["199905", "200312"]), month_column(["200312"], "체결연월"), month_column(["200312", "940617"])
    (True, True, False)
    """
    return bool(_MONTH_HEADER.search(header)) or any(
        _COMPACT_MONTH.fullmatch(c) and not _COMPACT.fullmatch(c) for c in cells)


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


def year_month(text: str) -> tuple[int, int] | None:
    """``1996. 9`` or ``2025년 6월`` → ``(1996, 9)``."""
    m = re.search(r"(\d{4})\s*(?:\.|년)\s*(\d{1,2})(?!\d)", text)
    return (int(m.group(1)), int(m.group(2))) if m else None


_RANGE = re.compile(
    r"(?:(\d{4})\s*년\s*)?(\d{1,2})\s*(?:월|\.)\s*(\d{1,2})\s*(?:일|\.)?\s*(?:\([^)]*\))?\s*(?:부터|~|∼|-|–)\s*"
    r"(?:(\d{1,2})\s*(?:월|\.)\s*)?(\d{1,2})\s*(?:일|\.)?")


def date_range(text: str, year: int | None = None) -> tuple[date, date] | None:
    """A start–end range (``8. 21.~8. 26.``, ``7.26~27``, ``2024년 7월 25일부터 27일까지``)."""
    m = _RANGE.search(text)
    if not m:
        return None
    y = int(m.group(1)) if m.group(1) else year
    if y is None:
        return None
    try:
        start = date(y, int(m.group(2)), int(m.group(3)))
        end = date(y, int(m.group(4) or m.group(2)), int(m.group(5)))
    except ValueError:
        return None
    return (start, end) if end >= start else None


def month_day(text: str, year: int) -> date | None:
    """``9월 24일`` or ``9.24`` given the year the document speaks of."""
    m = re.search(r"(\d{1,2})\s*월\s*(\d{1,2})\s*일", text) or re.search(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})(?![\d])",
                                                                       text)
    if not m:
        return None
    try:
        return date(year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


# -- dates relative to the document's own date ------------------------------------------------------------

_RELATIVE_YEARS = {"올해": 0, "금년": 0, "내년": 1, "명년": 1, "지난해": -1, "작년": -1, "전년": -1}
_RELATIVE_MONTHS = {"이번 달": 0, "이달": 0, "지난달": -1, "전월": -1, "다음 달": 1, "다음달": 1}  # not 전달 (deliver)
_YEAR_WORD = "(?P<rel>" + "|".join(_RELATIVE_YEARS) + ")"
_MONTH_WORD = "(?P<relm>" + "|".join(w.replace(" ", r"\s?") for w in _RELATIVE_MONTHS) + ")"
_RELATIVE = (
    # 지난해 11월 24일, 내년 3월: a month (and day) of the year before or after
    re.compile(_YEAR_WORD + r"\s*(?:에는?\s*|의\s*)?(?P<m>\d{1,2})\s*월(?:\s*(?P<d>\d{1,2})\s*일)?"),
    # 지난달 27일: a day of the month before
    re.compile(_MONTH_WORD + r"\s*(?P<d>\d{1,2})\s*일"),
    # 지난달, 이달 (no day): the month before, this month
    re.compile(_MONTH_WORD + r"(?!\s*\d)"),
    # (10. 21.): a month and day in brackets, as reports date an item
    re.compile(r"(?<=\()\s*(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})\s*\.?\s*(?=\))"),
    # 11월 24일 (no year), 오는 11월 3일
    re.compile(r"(?<![\d.년])(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"),
    # 지난 14일, 24일 (no month): a day of the document's month
    re.compile(r"(?P<past>지난\s?)?(?<![\d.월년~∼제-])\s?(?P<d>\d{1,2})\s*일(?![간째차분])"),
    # 오는 11월, 지난 3월 (no year)
    re.compile(r"(?P<past>지난\s?)?(?<![\d.년])(?P<m>\d{1,2})\s*월(?!\s*\d)"),
    # 올해, 내년, 지난해
    re.compile(_YEAR_WORD),
)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def relative_dates(text: str, today: StatedDate) -> list[DateMention]:
    """Dates stated relative to the document's date ``today`` (a news article's date): ``24일`` and
    ``11월 3일`` in its year (its month for a bare day), ``오는 11월``, ``올해``, ``내년``, ``지난해``.

    >>> today = StatedDate(2024, 10, 25)
    >>> [d.value.iso for d in relative_dates("지난 14일 체결, 오는 11월 MOU, 내년에는 의향서", today)]
    ['2024-10-14', '2024-11', '2025']
    >>> [d.value.iso for d in relative_dates("30일간 12개월", today)]
    []
    >>> [d.value.iso for d in relative_dates("가나시 자매결연 재체결(10. 21.), 3.5배", today)]
    ['2024-10-21']

    A past day or month later than the document's own is of the month or year before; a year or month word
    before a month or day places it (``지난해 11월``, ``지난달 27일``):

    >>> [d.value.iso for d in relative_dates("지난해 11월, 지난달 27일, 지난 28일, 지난 12월, 지난달 협약", today)]
    ['2023-11', '2024-09-27', '2024-09-28', '2023-12', '2024-09']
    """

    def value_of(m: re.Match[str]) -> StatedDate | None:
        groups = m.groupdict()
        day = int(groups["d"]) if groups.get("d") else None
        if groups.get("rel"):
            year = today.year + _RELATIVE_YEARS[groups["rel"]]
            return StatedDate(year, int(groups["m"]), day) if groups.get("m") else StatedDate(year)
        if groups.get("relm"):
            if not today.month:
                return None
            key = next(k for k in _RELATIVE_MONTHS if re.fullmatch(k.replace(" ", r"\s?"), groups["relm"]))
            return StatedDate(*_shift_month(today.year, today.month, _RELATIVE_MONTHS[key]), day)
        if groups.get("m"):
            month = int(groups["m"])
            late = groups.get("past") and (month, day or 0) > (today.month or 12, today.day or 31)
            return StatedDate(today.year - 1 if late else today.year, month, day)
        if not today.month:
            return None
        if groups.get("past") and today.day is not None and day > today.day:
            return StatedDate(*_shift_month(today.year, today.month, -1), day)
        return StatedDate(today.year, today.month, day)

    return _scan(text, _RELATIVE, value_of)
