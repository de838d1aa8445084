"""What the text around a table or list says: the document's subject, the country of a section, its relation words.

A list of partner cities or a table of agreements is usually someone's: the city or province named in the
title or in the heading just above (``○○시 자매·우호도시 현황``). That region is the other party of every
row or item. Headings also carry a country (``가. 일본``) and the relation (``우호교류 도시``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass
from itertools import chain

from corpus import Document
from graph.dates import DateMention, StatedDate, find_dates
from graph.facts import FactWriter
from graph.readers.as_of import as_of_date
from graph.readers.entities import (
    DOMESTIC_WORDS,
    WITHIN_DIVISION,
    Party,
    country_in,
    minted_region,
    place_level,
    strip_particle,
)
from graph.readers.entities import FUZZY_MIN_CHARS as FUZZY_MIN_CHARS  # where lists and sentences read it
from graph.readers.relations import DEFAULT_RELATION, RELATION_WORDS, is_intent, plan_words, relation_of
from graph.readers.table_rows import split_cells
from graph.readers.trip_days import TRIP_DAY, day_number, starts_period, trip_day, trip_start, weekday_is, year_in_trip
from graph.registry import Entity

#: A heading is a short line; how far above a table or list to look for one; lines of the title block.
HEADING_MAX_CHARS = 60
HEADING_LOOKBACK = 8
TITLE_LINES = 3
_ROW = re.compile(r"\t|\s\|\s|^\s*\|")
#: A bullet or number opening a list item (or a numbered section heading such as ``가. 일본``); a tree's branches
#: (``┌``, ``├``, ``└``) too.
BULLET = re.compile(r"^\s*(?:[-*+](?=\s)|[•·○◦▪■□●◆◇▶▷►☞※▲△┌├└┣┗]|\d{1,3}\s*[.)]|\(\d{1,3}\)|[\u2460-\u2473]"
                    r"|[가나다라마바사아자차카타파하]\s*[.)])\s*")


#: Endings of words with a place suffix that name no place (the word 도시, a city hall, 인구: population, 연구).
NOT_PLACE_ENDINGS = ("도시", "청", "청사", "회관", "센터", "협정", "일정", "과정", "예정", "조정", "결정", "선정",
                     "지정", "인구", "연구", "정부")
#: Whole words with a place suffix that are common words (a city named so ends longer: 대전시, 안동시).
NOT_PLACE_WORDS = frozenset(("입구", "출구", "요구", "당시", "동시", "전시", "개시", "제시", "지시", "즉시", "수시",
                             "임시"))


def is_place_word(token: str) -> bool:
    """A word with a place suffix that is not a common word ending like one.

    >>> is_place_word("가나시"), is_place_word("인구"), is_place_word("교류도시"), is_place_word("당시")
    (True, False, False, False)
    """
    return place_level(token) is not None and token not in NOT_PLACE_WORDS and not token.endswith(NOT_PLACE_ENDINGS)


#: Headings of a web page's furniture around an article: related or popular articles, tags, the next article.
_CHROME_HEADING = re.compile(r"^\s*[\[【<〔(]?\s*(?:관련\s?기사|관련\s?뉴스"
                             r"|많이\s?(?:본|읽은|읽힌|찾은)\s?(?:뉴스|기사)"
                             r"|인기\s?(?:뉴스|기사)|실시간\s?(?:뉴스|기사)|함께\s?(?:보면|볼)\s?좋은\s?(?:뉴스|기사)"
                             r"|추천\s?(?:뉴스|기사)|주요\s?(?:뉴스|기사)|최신\s?(?:뉴스|기사)|이\s?시각\s?주요\s?뉴스|포토\s?뉴스|이전\s?기사"
                             r"|다음\s?기사|Related|Most\s+read|Popular)\b", re.IGNORECASE)


#: A board page's link to the post before or after (``- 이전글 : 가나시, 다라시와 협약 (2025-06-27)``): furniture.
_POST_LINK = re.compile(r"^\s*(?:[-·•▲▼△▽◀▶]\s*)?(?:이전\s?글|다음\s?글|윗\s?글|아랫\s?글|이전\s?기사|다음\s?기사)"
                        r"\s*[:：|▲▼]")


def chrome_lines(lines: tuple[str, ...]) -> frozenset[int]:
    """Lines of a page's furniture under a heading such as ``관련기사`` or ``많이 본 뉴스``: the heading and the
    headlines below it (list items and short lines), up to a blank line or a sentence of the article.

    >>> sorted(chrome_lines(("본문이다.", "관련기사", "- 가나시, 다라시와 협약 (2024.1.2)", "", "다음 문단이다.")))
    [2, 3]
    >>> sorted(chrome_lines(("본문이다.", "- 이전글 : 가나시, 다라시와 협약 (2024-01-02)", "다음글 | 마바시 축제")))
    [2, 3]
    """
    out: set[int] = set()
    inside = False
    for n, text in enumerate(lines, start=1):
        stripped = text.strip()
        if _POST_LINK.match(stripped):
            out.add(n)  # a link to the post before or after, a line of its own
            continue
        if _CHROME_HEADING.match(stripped) and len(stripped) <= HEADING_MAX_CHARS:
            inside = True
        elif not stripped or (not BULLET.match(text) and (len(stripped) > HEADING_MAX_CHARS or re.search(
                r"다\.\s*$", stripped))):
            inside = False
        if inside:
            out.add(n)
    return frozenset(out)


def is_table_row(text: str) -> bool:
    """A line of a table: cells separated by tabs or ``" | "``.

    >>> is_table_row("가나시\\t1990"), is_table_row("| 가나시 | 1990 |"), is_table_row("가나시는 1990년")
    (True, True, False)
    """
    return bool(_ROW.search(text))


def is_heading(text: str) -> bool:
    """A short line that is not a table row nor a dated list item: a title, a section heading, a caption.

    >>> is_heading("가. 일본"), is_heading("○ 가나다와시 (1990)"), is_heading("연번 | 도시")
    (True, False, False)
    """
    stripped = text.strip()
    if not stripped or len(stripped) > HEADING_MAX_CHARS or is_table_row(text):
        return False
    return not (BULLET.match(text) and find_dates(text, bare_years=True))


@dataclass
class Context:
    """The subject region, country and relation stated around one place of a document."""

    subject: Party | None = None
    country: str | None = None
    relation: str | None = None
    section_relation: str | None = None
    heading: str = ""


def headings_above(w: FactWriter, line: int, lookback: int = HEADING_LOOKBACK, exclude: Container[int] = ()
                   ) -> list[tuple[int, str]]:
    """Heading lines above ``line`` (nearest first), then the document's title lines; lines in ``exclude`` (the
    fields of the card before, ``우호도시`` under its date) are no heading of this one."""
    lines = w.doc.lines
    out = [(n, lines[n - 1]) for n in range(line - 1, max(0, line - 1 - lookback), -1)
           if n not in exclude and is_heading(lines[n - 1])]
    title = [(n, lines[n - 1]) for n in range(1, min(len(lines), TITLE_LINES) + 1)
             if n not in exclude and is_heading(lines[n - 1])]
    return out + [t for t in title if t not in out]


#: A translator's credit (``번역: 가나도 국제협력과``, ``옮긴이 = …``, ``Translated by …``): up to the next separator it
#: names the office that translated the text, never what the text is about. An editor's, writer's or photographer's
#: credit (편집, 글·사진) names the publisher's own staff, so it stays.
_CREDIT = re.compile(r"(?<![가-힣A-Za-z])(?:번역|옮긴\s?이|옮김|역자)\s*[:：=]\s*[^/|()\[\]{}<>;,·ㆍ]*"
                     r"|(?<![A-Za-z])Translat(?:ed|ion)(?:\s+by)?\s*[:：]?\s+[^/|()\[\]{}<>;,·ㆍ]*",
                     re.IGNORECASE)


def without_credits(text: str) -> str:
    """``text`` with its translators' credits blanked (:data:`_CREDIT`), positions kept.

    >>> " ".join(without_credits("(원문: 가나현 현황 / 번역: 다라도 국제과, 2024. 2.)").split())
    '(원문: 가나현 현황 / , 2024. 2.)'
    >>> without_credits("Translated by the Dara Office").strip(), without_credits("옮긴이=가나군청 · 마바시").strip()
    ('', '· 마바시')
    >>> without_credits("편집: 가나군 국제교류팀"), without_credits("지역자치: 가나군")
    ('편집: 가나군 국제교류팀', '지역자치: 가나군')
    """
    return _CREDIT.sub(lambda m: " " * len(m.group(0)), text)


def first_region(w: FactWriter, text: str) -> Entity | None:
    """The region a heading or title is about (unambiguous registry names only): its first Korean region, or the
    unit within it named right after (``가나광역시 다라구``), else its first region. A translator's credit
    (``번역: 가나도 …``, :func:`without_credits`) names who translated the text, not what it is about.

    >>> from graph.registry import Registry
    >>> w = FactWriter.__new__(FactWriter); w.registry = Registry.default()
    >>> first_region(w, "인천광역시 연수구 국제교류 보고").name_ko, first_region(w, "일본 효고현, 강릉시").name_ko
    ('연수구', '강릉시')
    """
    text = without_credits(text)
    mentions = [m for m in w.registry.find_mentions(text) if m.entity.kind == "region"]
    regions = [m.entity for m in mentions]
    korean = [m for m in mentions if m.entity.country == "KR"]
    if not korean:
        return regions[0] if regions else None
    first = korean[0].entity
    return next((m.entity for m in korean[1:] if m.entity.parent == first.id), None) or _district_after(
        w, first, text[korean[0].end:]) or first


def _district_after(w: FactWriter, city: Entity, after: str) -> Entity | None:
    """A district of ``city`` named right after it, even by a name other cities' districts share and with an
    institution's ending on it (``가나광역시 남구의회``: 가나광역시's 남구).

    >>> from graph.registry import Registry
    >>> w = FactWriter.__new__(FactWriter); w.registry = Registry.default()
    >>> first_region(w, "울산광역시 남구의회 결과보고서").id, first_region(w, "대구광역시 남구청 소식").id
    ('kr-ulsan-nam', 'kr-daegu-nam')
    """
    word = re.match(r"\s*([가-힣]{2,})", after)
    if word is None:
        return None
    return next((e for length in range(len(word.group(1)), 1, -1) for e in w.registry.candidates(
        word.group(1)[:length]) if e.kind == "region" and e.parent == city.id), None)


def foreign_unit(w: FactWriter, text: str) -> Entity | None:
    """A city, county or town the registry lacks, written right after a foreign division — a registry region or a
    gazetteer division (``가나현 다라시(…)는 …``): the unit of that division the text is about, minted in its country;
    else ``None``.

    >>> from graph.registry import Registry
    >>> w = FactWriter.__new__(FactWriter); w.registry = Registry.default()
    >>> foreign_unit(w, "시마네현 가나미시(인구 3만)는 한국 도시와 교류").id, foreign_unit(w, "아이치현 다라시는 …").id
    ('jp-가나미시', 'jp-다라시')
    >>> foreign_unit(w, "시마네현 내 지자체"), foreign_unit(w, "시마네현 다라현"), foreign_unit(w, "옥천군 다라리")
    (None, None, None)
    """
    text = without_credits(text)
    for word in re.finditer(r"[가-힣]{2,}", text):
        division = next((e for e in w.registry.candidates(word.group(0)) if e.kind == "region"), None)
        country = division.country if division is not None else getattr(
            w.registry.place_named(word.group(0)), "country", None)
        after = re.match(r"\s+([가-힣]{2,})", text[word.end():])
        if country in (None, "KR") or after is None:
            continue
        name = strip_particle(after.group(1))
        level = place_level(name) if is_place_word(name) else None
        if level in WITHIN_DIVISION and not w.registry.candidates(name):
            return minted_region(name, country, level)
    return None


def _korean_heading_far_above(w: FactWriter, line: int, exclude: Container[int]) -> tuple[str, Entity] | None:
    """The nearest heading above ``line`` naming a Korean region first, else the document's title (a long run of
    cards under one ``가나시 자매도시`` heading, a page whose first lines are its menus)."""
    lines = w.doc.lines
    for text in [lines[n - 1] for n in range(line - 1, 0, -1) if n not in exclude and is_heading(lines[n - 1])] + [
            w.doc.title_ko or ""]:
        region = first_region(w, text)
        if region is not None and region.country == "KR":
            return text, region
    return None


def context_at(w: FactWriter, line: int, lookback: int = HEADING_LOOKBACK, exclude: Container[int] = ()
               ) -> Context:
    """Subject, country and relation from the nearest headings above ``line`` (then the title), not from the lines
    in ``exclude`` (the other cards' fields).

    The subject is the nearest heading's Korean region (a list is a Korean city's or province's; a foreign
    place in a short line above is a card's country line or a parent), else the nearest region at all."""
    ctx = Context()
    headings = headings_above(w, line, lookback, exclude)
    regions = [(text, first_region(w, text)) for _, text in headings]
    regions = [(text, r) for text, r in regions if r is not None]  # Korean first: a list is usually Korean
    chosen = next(((t, r) for t, r in regions if r.country == "KR"), None) or _korean_heading_far_above(
        w, line - lookback, exclude) or (regions[0] if regions else None)
    if chosen is None or chosen[1].country != "KR":  # a foreign page about one of its own cities: that city's
        unit = next(((text, u) for _, text in headings if (u := foreign_unit(w, text)) is not None), None)
        chosen = unit or chosen
    if chosen is not None:
        minted = chosen[1].id not in w.registry.entities
        ctx.subject = Party(chosen[1].name_ko if minted else chosen[0].strip(), chosen[1], minted=minted)
        ctx.heading = chosen[0].strip()
    for rank, (_, text) in enumerate(headings):
        if rank == 0:  # the section's own country and relation: only from the nearest heading
            ctx.section_relation = relation_of(text)
            ctx.country = country_in(w.registry, text) or ("KR" if any(d in text for d in DOMESTIC_WORDS) else None)
        ctx.relation = ctx.relation or relation_of(text)
    return ctx


#: How many lines from the top hold a document's date line (a news article's 입력 2024.03.07, 배포일시 …), and
#: from the end a report's date above or under its signature (``2024. 8. 26.`` / ``가나시 국제협력과``).
DATE_LINES, SIGNED_LINES = 12, 4


#: Labels of a document's own date: a news article's input or release time, a report's date.
_OWN_DATE = re.compile(r"(?:기사\s*입력|입력|등록|송고|승인|배포\s*일시|배포일|작성일|보고일|발행일|게재일|Posted"
                       r"|Published)\s*(?:일시|일자)?\s*[:：]?\s*")
#: A date labelled as a signing's (``체결일자 — 1972. 10. 3.``, ``결연일: …``): a card's field, not the document's.
_SIGNING_LABEL = re.compile(r"체결|결연|협약|협정|서명|재체결|MOU")
#: A table cell holding words before a date (``협약 | 자매결연 1993. 3. 2.``): a card's field, no date line.
_DATED_CELL = re.compile(r"(?:\t|\s\|\s)\s*[가-힣A-Za-z][^\t|]*?\d")
#: A line that states only a date, perhaps with a label (``2024. 12.``, ``배포일시 : 2026. 3. 9.(월)``).
_DATE_LINE = re.compile(r"^[^\d]{0,12}$")


def document_date(doc: Document) -> StatedDate | None:
    """The document's own date: a date alone on one of its first lines (a report's ``2024. 12.``), else the first
    full date of its first lines (a news article's ``입력 2024.03.07``), else its manifest date.

    >>> document_date(Document("d", ("가나구 보고서", "2024. 12.", "○ 자매도시 : 다라시(2005. 5. 12.)"), "")).iso
    '2024-12'

    A date labelled as the document's own (``입력``, ``기사입력``, ``배포일시``, ``보고일`` …) wins wherever it stands
    (a web page may print its byline under the article):

    >>> document_date(Document("d", ("제목", "관련 기사 (2023.05.02)", "본문", "입력 2024.11.15 10:12"), "")).iso
    '2024-11-15'
    """
    found = dateline(doc)
    if found is not None:
        return found[1]
    return next((d.value for d in find_dates(doc.date.replace("-", "."))), None) if doc.date else None


#: A byline: a day and a short name (``2024.11.20 가나신문``) on one of the first lines, no words of an event.
BYLINE_LINES, BYLINE_CHARS = 4, 24
_PROSE = re.compile(r"다\.?\s*$|체결|협약|결연|협정|MOU|방문|개최|[가-힣](?:은|는|와|과|을|를|에서|에게|으로)(?:\s|$)")


def _byline(doc: Document) -> tuple[int, StatedDate] | None:
    """A day and a short name on one of the first lines (``2024.11.20 가나신문``)."""
    for n, line in enumerate(doc.lines[:BYLINE_LINES], start=1):
        dates = [d for d in find_dates(line) if d.value.precision == "day"]
        rest = line[:dates[0].start] + line[dates[0].end:] if len(dates) == 1 and not starts_period(
            line, dates[0]) else ""  # 기간: 2024. 7. 8. ~ 7. 12.: a trip's period, no byline
        if rest and len(re.sub(r"\d{1,2}:\d{2}", "", rest).strip()) <= BYLINE_CHARS and not _PROSE.search(rest):
            return n, dates[0].value
    return None


#: A time of day after a date, a dash perhaps before it (``Oct. 7, 2024 - 16:40``, ``2024.05.13 09:00``).
_CLOCK = re.compile(r"\s*[-–—|]?\s*(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")


def without_clock(text: str) -> str:
    """``text`` with its times of day blanked (same length): ``- 16:40`` after an English date is no range.

    >>> without_clock("Oct. 7, 2024 - 16:40 Updated").rstrip(" Updated")
    'Oct. 7, 2024'
    """
    return _CLOCK.sub(lambda m: " " * len(m.group(0)), text)


def dateline(doc: Document, loose: bool = True) -> tuple[int, StatedDate] | None:
    """The line stating the document's own date (:func:`document_date`) and that date; without ``loose``, only a
    labelled date or a line holding little but a date, not merely the first full date of the first lines.

    >>> dateline(Document("d", ("가나시, 다라시와 협약", "2023.08.04 가나일보", "본문"), ""))[0]
    2
    >>> dateline(Document("d", ("가나시는 2019. 5. 3. 다라시와 협약을 맺었다.",), ""), loose=False) is None
    True
    >>> dateline(Document("d", ("가나시, 다라시와 협약", "2024.11.20 가나신문"), ""), loose=False)[1].iso
    '2024-11-20'
    >>> dateline(Document("d", ("소식", "", "가나도는 2018년 10월 2일 중국 다라시와"), ""), loose=False) is None
    True

    A reference date on the first lines is the document's; a card's dated field is not:

    >>> dateline(Document("d", ("가나시 현황", "국제교류팀 | 2025. 9. 1. 기준", "협약 | 자매결연 1993. 3. 2."), ""))
    (2, StatedDate(year=2025, month=9, day=1))
    >>> dateline(Document("d", ("가나시 현황", "협약 | 자매결연 1993. 3. 2."), ""), loose=False) is None
    True
    >>> dateline(Document("d", ("# 가나군 교류 카드", "## 다라시", "체결일자 — 1972. 10. 3."), ""), loose=False) is None
    True

    A wire story's trailer under the text (``2024/05/21 14:05 송고``):

    >>> dateline(Document("d", ("가나시, 다라시와 협약", "본문", "", "2024/05/21 14:05 송고"), ""), loose=False)[1].iso
    '2024-05-21'

    An English page's byline with its time (``Published : Oct. 7, 2024 - 16:40``):

    >>> dateline(Document("d", ("Title", "Published : Oct. 7, 2024 - 16:40 Updated : Oct. 8, 2024"), ""))[1].iso
    '2024-10-07'
    """
    for n, line in enumerate(doc.lines, start=1):
        m = _OWN_DATE.search(line)
        if m:
            day = next((d.value for d in find_dates(without_clock(line[m.end():])) if d.start <= 3), None)
            if day is not None:
                return n, day
    as_of = as_of_date(doc.lines)  # 가나시 국제교류팀 | 2025. 9. 1. 기준: the date it stands at
    if as_of is not None:
        return as_of
    last = range(max(DATE_LINES, len(doc.lines) - SIGNED_LINES) + 1, len(doc.lines) + 1)
    for n in [*range(1, min(DATE_LINES, len(doc.lines)) + 1), *last]:  # a report's date under its signature
        line = without_clock(doc.lines[n - 1])  # a wire's trailer: 2024/05/21 14:05 송고
        dates = [d for d in find_dates(line) if d.value.precision != "year"]  # 2019년 alone: a section's year
        if len(dates) == 1 and _DATE_LINE.match(line[:dates[0].start] + line[dates[0].end:]) and \
                not BULLET.match(line) and not _DATED_CELL.search(line) and not _SIGNING_LABEL.search(
                    line[:dates[0].start]):
            rest = re.sub(r"\([^)]*\)|\d{1,2}:\d{2}", "", line[dates[0].end:])
            if len(rest.strip()) <= 2:
                return n, dates[0].value
    if not loose:
        return _byline(doc)
    for n, line in enumerate(doc.lines[:DATE_LINES], start=1):
        day = next((d.value for d in find_dates(line) if d.value.precision == "day"), None)
        if day is not None:
            return n, day
    return None


#: A signing named only to count years since it (``협약 체결 10주년``, ``자매결연 30주년``): an anniversary.
_ANNIVERSARY = re.compile(r"(?:체결|결연|협약|협정|교류|도시|서명)\s*\d+\s*주년")
#: Words of events and visits: an item or sentence about one states no signing unless it says so.
ACTIVITY_WORDS = ("방문", "면담", "참석", "개최", "참가", "파견", "초청", "내도", "연수", "행사", "기념", "축제",
                  "공연", "대회", "회의", "간담회", "설명회", "봉사", "교류단", "대표단", "사절단", "박람회", "전시",
                  "주년", "통합", "출범", "명칭", "승격", "개편", "개청")


def without_anniversaries(text: str) -> str:
    """``text`` with anniversaries of signings blanked (their 체결 states no signing).

    >>> without_anniversaries("우호교류 협약 체결 10주년 기념식")
    '우호교류 협약  기념식'
    """
    return _ANNIVERSARY.sub("", text)


def is_activity(text: str) -> bool:
    """An event, a visit or an anniversary without a signing of its own.

    >>> is_activity("가나시 청소년 교류단 방문"), is_activity("자매결연 20주년 기념행사")
    (True, True)
    >>> is_activity("가나시와 협약 체결 및 방문")
    False
    """
    return any(word in text for word in ACTIVITY_WORDS) and not re.search(
        r"체결|맺|조인|서명|재체결|갱신", without_anniversaries(text))


#: A heading that is only a year (``### 2019년``, ``■ 2019``): the year of the dated entries below it.
_YEAR_HEADING = re.compile(r"^[\s#*■□●○▶◆-]*((?:19|20)\d\d)\s*년?\s*[*:]*\s*$")
#: How far above an entry its year heading may be.
YEAR_LOOKBACK = 40


def heading_year(lines: tuple[str, ...], line: int) -> StatedDate | None:
    """The year of the nearest year heading above ``line`` (a timeline's ``### 2019년``), if any.

    >>> heading_year(("## 2019년", "- 5월 24일 가나시", "## 최근", "- 2020 다라시"), 2).iso
    '2019'
    >>> heading_year(("## 2019년", "- 5월 24일 가나시", "## 최근", "- 2020 다라시"), 4) is None
    True
    """
    for n in range(line - 1, max(0, line - 1 - YEAR_LOOKBACK), -1):
        text = lines[n - 1]
        m = _YEAR_HEADING.match(text)
        if m:
            return StatedDate(int(m.group(1)))
        if is_heading(text) and not BULLET.match(text) and not find_dates(text) and len(text.strip()) <= 20 \
                and text.strip():
            return None  # another section's heading
    return None


#: A line that is only a day of a schedule (``◇ 5. 28.(화)``, ``○ 2024. 5. 28.``, ``5월 28일(화)``), or a day with
#: its year and weekday naming the day's place (``'25.03.19(수) 가나시 방문``).
_DAY_HEADING = re.compile(r"^\s*(?P<mark>[#*■□◇◆●○▶-]+)?"
                          r"\s*(?P<date>(?P<year>(?:(?:19|20)\d\d|'\d\d)\s*[.년]\s*)?\d{1,2}\s*[.월]\s*\d{1,2}\s*[.일]?)"
                          r"\s*(?P<weekday>\([월화수목금토일]\))?\s*[:：]?\s*(?P<rest>.*)$")
#: A line opening with a numbered day of a trip (``◇ 제2일: 가나시 방문``, ``■ 2일차(5. 11.)``), dated from its start.
_TRIP_DAY_HEADING = re.compile(r"^\s*(?P<mark>[#*■□◇◆●○▶-]+)?\s*(?P<date>" + TRIP_DAY.pattern + r")"
                               r"\s*(?P<weekday>\([^)]*\))?\s*[:：]?\s*(?P<rest>.*)$")
#: A section heading of a report (``Ⅲ. 성과``, ``3. 향후 계획``, ``□ 추진 실적``): a schedule above it ends there.
_SECTION = re.compile(r"^\s*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\s*[.)]|\d{1,2}\s*[.)]\s*[가-힣]|□)")
#: How far above an entry its day heading may be.
DAY_LOOKBACK = 12


def schedule_day(lines: tuple[str, ...], line: int) -> tuple[int, re.Match[str]] | None:
    """The line of the nearest schedule day heading at or above ``line`` (:func:`heading_day`) and its match (a
    day's line naming what was done that day, ``○ 6. 11.(화) 가나현 방문, 협약 체결``, dates itself)."""
    for n in range(min(line, len(lines)), max(0, line - 1 - DAY_LOOKBACK), -1):
        if _SECTION.match(lines[n - 1]) and not find_dates(lines[n - 1]):
            return None  # Ⅲ. 성과: the schedule ended above
        trip = _TRIP_DAY_HEADING.match(lines[n - 1])
        if trip is not None and (trip.group("mark") or not trip.group("rest").strip()):
            return n, trip  # ◇ 제2일: …, a numbered day of the trip
        m = _DAY_HEADING.match(lines[n - 1])
        if m is None or not (m.group("mark") or m.group("weekday")) or (
                m.group("rest").strip() and not ((m.group("mark") or m.group("year")) and m.group("weekday"))):
            continue  # a date alone without a day's mark or weekday is the document's own (2024. 6. 20.)
        return n, m
    return None


def heading_day(lines: tuple[str, ...], line: int, today: StatedDate | None) -> StatedDate | None:
    """The day of the nearest schedule heading above ``line`` (a trip report's ``◇ 5. 28.(화)``), its year the
    one stated, else the trip's when the document states its period (:func:`trip_start`), else the document's (the
    year before when the day would fall after the document's date).

    >>> lines = ("◇ 5. 27.(월)", "○ 가나현 방문", "◇ 5. 28.(화)", "○ 가나현과 협약 체결")
    >>> heading_day(lines, 4, StatedDate(2024, 6, 3)).iso, heading_day(lines, 2, StatedDate(2024, 6, 3)).iso
    ('2024-05-28', '2024-05-27')
    >>> heading_day(("1. 개요", "○ 가나현과 협약 체결"), 2, StatedDate(2024, 6, 3)) is None
    True
    >>> heading_day(("가나현 방문 결과보고", "2024. 6. 3.", "○ 목적 : 가나현과 협약 체결"), 3, None) is None
    True

    A day with its mark and weekday may name the day's place after it (``◇ 4. 9.(화) 가나현 다라시 방문``):

    >>> heading_day(("◇ 4. 9.(화) 가나현 다라시 방문", "- 협약 체결"), 2, StatedDate(2024, 4, 19)).iso
    '2024-04-09'
    >>> heading_day(("'25.03.19(수) 가나시 방문", "   · 가나시와 협약 체결"), 2, StatedDate(2025, 3, 24)).iso
    '2025-03-19'

    A numbered day of the trip counts from the start of its stated period (:mod:`graph.readers.trip_days`):

    >>> heading_day(("○ 기간: 2024. 5. 30. ~ 6. 2.", "◇ 제3일: 가나현 방문", "- 협약 체결"), 3, None).iso
    '2024-06-01'
    """
    found = schedule_day(lines, line)
    if found is None:
        return None
    date = found[1].group("date")
    if day_number(date) is not None:
        return trip_day(date, trip_start(lines))  # ◇ 제2일: the trip's second day
    stated = find_dates(date)
    if stated and stated[0].value.day is not None:
        return stated[0].value
    parts = [int(x) for x in re.findall(r"\d+", date)]
    start = trip_start(lines)
    if (today is None and start is None) or len(parts) != 2:
        return None
    weekday = found[1].group("weekday")
    if start is not None:  # ○ 기간: 2024. 7. 8. ~ 7. 12. / ○ 7. 9.(화) …: a day of the trip
        year = year_in_trip(parts[0], parts[1], start, weekday)
    else:
        year = today.year - (1 if today.month and (parts[0], parts[1]) > (today.month, today.day or 31) else 0)
        if weekday:  # the weekday settles the year (the year before the document's only when it fits)
            year = next((y for y in (year, year + 1, year - 1) if y <= today.year and weekday_is(y, *parts, weekday)),
                        year)
    try:
        return StatedDate(year, parts[0], parts[1])
    except ValueError:
        return None


def latin_country(w: FactWriter, text: str) -> str | None:
    """The country an English word of ``text`` names (``Country: Japan``, ``Kishiwada, Japan``), from the registry's
    English names and aliases of countries.

    >>> from graph.registry import Registry
    >>> w = FactWriter.__new__(FactWriter); w.registry = Registry.default()
    >>> latin_country(w, "Sister city since 1998 (Japan)"), latin_country(w, "Country: Viet Nam")
    ('JP', 'VN')
    >>> latin_country(w, "Japanese") is None
    True
    """
    words = re.findall(r"[A-Za-z]+", text)
    for size in (3, 2, 1):  # Republic of Korea, Viet Nam, Japan
        for i in range(len(words) - size + 1):
            found = [e for e in w.registry.candidates(" ".join(words[i:i + size])) if e.kind == "country"]
            if found:
                return found[0].id
    return None


#: A signing aimed at, proposed, discussed, agreed on or announced (체결을 위한 협의, 체결 검토, 체결하기로 합의했다,
#: 체결한다, 체결하면; not 체결하면서, while signing): a plan, not a signing.
_TOWARDS = re.compile(r"(?:체결|결연)\s*(?:을|를)?\s*(?:" + plan_words("after", "aim") + r"|방향|여부|가능성|문제|조건)"
                      r"|(?:체결|맺)\s*(?:" + plan_words("ending") + r"|기로|하면(?!서)|되면(?!서)|할\s*방침|할\s*것"
                      r"|을\s*것|한다|하게\s*된다|하게\s*될|할\s*전망|할\s*듯|될\s*전망|될\s*것|될\s*예정)")


def is_plan(text: str) -> bool:
    """A plan or intent (추진 중, 예정, 의향서 전달 — :func:`graph.readers.relations.is_intent` — and the forms of
    :data:`_TOWARDS`), unless the text says the plan was overtaken by the signing (``예정이었으나 … 체결했다``).

    >>> is_plan("2024년 가나시와 자매결연 체결 검토"), is_plan("체결하기로 합의했다"), is_plan("협약을 체결했다")
    (True, True, False)
    >>> is_plan("체결할 예정이었으나 일정이 앞당겨져 체결했다"), is_plan("출장 목적: 가나시와 우호교류 협약 체결")
    (False, True)
    """
    return (is_intent(text) or bool(_TOWARDS.search(text) or _PURPOSE.match(text))) and not _OVERTAKEN.search(text)


#: A report's field of the purpose of a trip or visit (``목적: 가나시와 협약 체결``): what was aimed at, no signing.
_PURPOSE = re.compile(r"^\s*(?:[-○·□]\s*)?(?:[가-힣]{1,4}\s?)?목적\s*[:：]")


#: A plan the sentence says did not happen as planned.
_OVERTAKEN = re.compile(r"(?:예정|계획)이었으나")


#: Words of a report's title whose year is the year its undated months speak of (``2024년 국제교류 연간 보고서``).
_REPORT_WORDS = re.compile(r"보고|실적|연보|백서|현황|결과|연간")


def report_year(doc: Document) -> StatedDate | None:
    """The year a report's title names (``2024년 가나구 국제교류 연간 보고서``): its ``9월 24일`` are of that year.

    >>> report_year(Document("d", ("2024년 가나구 국제교류 연간 보고서", "2025. 1."), "")).iso
    '2024'
    >>> report_year(Document("d", ("가나시, 다라시와 2025년 자매결연 추진",), "")) is None
    True
    """
    title = next((line for line in doc.lines if line.strip()), "")
    years = [d.value for d in find_dates(title, bare_years=True) if d.value.precision == "year"]
    return years[0] if len(years) == 1 and _REPORT_WORDS.search(title) else None


def relation_near(text: str, date: DateMention, dates: list[DateMention]) -> str | None:
    """The relation named nearest ``date`` between the dates before and after it (``우호도시 협정 체결 후 2010. 3. 18.
    자매결연으로 격상``: sister), a specific word (자매, 우호 …) before a generic one (협약, 협정).

    >>> text = "가나시 결연일 2006. 6. 22. 우호도시 협정 체결 후 2010. 3. 18. 자매결연으로 격상"
    >>> found = find_dates(text)
    >>> relation_near(text, found[0], found), relation_near(text, found[1], found)
    ('friendship', 'sister')
    >>> relation_near("우호교류 협약일: 2019. 6. 3.", find_dates("우호교류 협약일: 2019. 6. 3.")[0], [])
    'friendship'
    >>> text = "▲2004년 우호교류 확대 협정 ▲2014년 양해각서(MOU)"
    >>> [relation_near(text, d, find_dates(text)) for d in find_dates(text)]
    ['friendship', 'mou']
    """
    a = max((d.end for d in dates if d.end <= date.start), default=0)
    b = min((d.start for d in dates if d.start >= date.end), default=len(text))
    words = [(m.start(), m.end(), key) for word, key in RELATION_WORDS
             for m in re.finditer(r"\s*".join(map(re.escape, word)), text, re.IGNORECASE if word.isascii() else 0)]
    dates_first = bool(dates) and all(dates[0].start < start for start, _, _ in words)  # ▲2004년 협정 ▲2014년 MOU
    best: tuple[int, int, int, str] | None = None
    for start, end, key in words:
        if a <= start and end <= b:
            before = end <= date.start
            distance = date.start - end if before else start - date.end
            found = (int(dates_first and before), int(key == DEFAULT_RELATION), max(distance, 0), key)
            if best is None or found[:3] < best[:3]:
                best = found
    return best[3] if best else None


#: How many first lines may name a document's own region when its title does not.
LEAD_LINES = 5


def lead_region(w: FactWriter, lines: int = LEAD_LINES, partner_names: Iterable[str] = ()) -> Entity | None:
    """The document's own Korean region when no heading gives one: its title's, else the first Korean region its
    first ``lines`` lines name (``Gana City maintains ties with …``, ``가나시 국제교류 현황``), else one they name in
    Latin letters as the registry romanizes it (``… Regions of Gangwon-do``), else the office that wrote it
    (``작성: 가나군 행정지원과``), else the first Korean region of a line laid out as cells among those lines (a title
    printed as a row: ``가나시 | 보도자료``). ``partner_names``: the cells a table reads as its partners; the regions
    they name are the subject's partners, never the subject (a register with no title starts with its partners)."""
    partners = {r.id for name in partner_names if (r := first_region(w, name)) is not None}
    head = list(enumerate(w.doc.lines[:lines], start=1))
    texts = [w.doc.title_ko or "", *(t for n, t in head if not is_list_entry(w.doc.lines, n - 1))]
    rows = [t for t in texts if split_cells(t) is not None]
    found = chain((first_region(w, t) for t in texts if t not in rows),
                  (latin_region(w, t) for t in texts if t not in rows), (author_region(w) for _ in (1,)),
                  (first_region(w, t) for t in rows))
    return next((r for r in found if r is not None and r.country == "KR" and r.id not in partners), None)


#: A list's entry: a bulleted or numbered line, or one led by a name in bold (``**가나시** — …``).
_ENTRY = re.compile(BULLET.pattern + r"|^\s*\*\*[^*\n]{1,40}\*\*\s*[—–:-]")
#: What makes two entries' bullets the same kind: a number, a Korean letter or a bold name stand for their kind.
_BULLET_KINDS = ((re.compile(r"\d"), "1"), (re.compile(r"[\u2460-\u2473]"), "①"),
                 (re.compile(r"[가나다라마바사아자차카타파하]"), "가"), (re.compile(r"\*\*"), "**"))


def _bullet_kind(text: str) -> str | None:
    """The kind of bullet ``text`` opens with (its mark, ``1``/``(1)``/``가`` for numbered ones), or None."""
    m = _ENTRY.match(text)
    if m is None:
        return None
    mark = m.group(0).strip()
    for pattern, kind in _BULLET_KINDS:
        if pattern.search(mark):
            return ("(" if mark.startswith("(") else "") + kind
    return mark


def is_list_entry(lines: tuple[str, ...], i: int) -> bool:
    """Whether line ``i`` is one of several entries of a list: bulleted, with the nearest non-blank line above or
    below it an entry of the same kind of bullet at the same indent. A bulleted line over a table, a paragraph or
    entries of another bullet is a title (``■ 가나시 자매결연 현황 (2020. 12. 31. 기준)``), not an entry.

    >>> is_list_entry(("■ 가나시 현황", "국가 | 도시"), 0), is_list_entry(("- 가나시", "- 다라시"), 0)
    (False, True)
    >>> is_list_entry(("1. 가나시 현황", " - 다라시", " - 마바시"), 0), is_list_entry(("", "2) 가나시", "", "3) 다"), 1)
    (False, True)
    """
    kind = _bullet_kind(lines[i])
    if kind is None:
        return False
    indent = len(lines[i]) - len(lines[i].lstrip())
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and _bullet_kind(lines[j]) == kind and \
                len(lines[j]) - len(lines[j].lstrip()) == indent:
            return True
    return False
#: A Latin place name with the unit word or suffix a romanized Korean name carries (``Gangwon-do``, ``Gana City``).
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:-[a-z]+)*(?: (?:Metropolitan City|Special Self-Governing "
                         r"Province|City|Province|County))?(?![A-Za-z])")
_KOREAN_UNIT = re.compile(r"(?:-(?:do|si|gun|gu)| City| Province| County)$")


def latin_region(w: FactWriter, text: str) -> Entity | None:
    """The first Korean registry region ``text`` names in Latin letters, exactly as the registry resolves it: with a
    unit (``Chungcheongbuk-do``, ``Gangneung City``) or a name of five letters or more (``Seoul``).

    >>> w = FactWriter.__new__(FactWriter); w.registry = __import__("graph.registry").registry.Registry.default()
    >>> latin_region(w, "Sister Regions of Chungcheongbuk-do").id, latin_region(w, "Last updated: March 3") is None
    ('kr-chungbuk', True)
    """
    for m in _LATIN_NAME.finditer(text):
        name = m.group(0)
        if not (_KOREAN_UNIT.search(name) or len(name) >= 5):
            continue
        found = w.registry.resolve(name, kinds=("region",))
        if found.entity is not None and found.score == 1.0 and found.entity.country == "KR":
            return found.entity
    return None


#: A label before the office that wrote a document or its table (``작성: …``, ``자료 | …``, ``출처: …``).
_AUTHOR_LABEL = re.compile(r"(?:작성|자료|출처|담당|문의|제출|발행)(?:\s*(?:부서|기관|처|자))?\s*[:：|]\s*")
#: An office of a local government (``행정지원과``, ``국제교류팀``, ``기획감사실``, ``국제협력담당관``).
_OFFICE_WORD = r"[^\s|()（）]+(?:과|팀|실|국|담당관|담당)(?=\s|$|[|,.)（(])"
_OFFICE = re.compile(r"^\s*" + _OFFICE_WORD)
#: A region's own office after its name (``가나군청``, ``다라시청 국제교류팀``), its 청 right after the name.
_HALL = re.compile(r"^청(?=\s|$|[|,.)]|[가-힣]*(?:과|팀|실|국|담당관|담당)(?:\s|$|[|,.)]))")
#: An office with its region in brackets after it (``행정지원과(가나군)``, ``국제교류팀 (가나시청)``).
_OFFICE_OF = re.compile(r"^\s*" + _OFFICE_WORD + r"\s*[(（]\s*(?P<region>[^()（）|]+?)\s*[)）]")


def author_region(w: FactWriter) -> Entity | None:
    """The Korean region whose office wrote the document, by a labelled line anywhere in it: the region named right
    after the label, before its office or as its office (``작성: 가나군 행정지원과``, ``자료 | 가나시 국제교류팀``,
    ``작성 | 가나군청 행정지원과``, ``출처: 가나시청``), or in brackets after its office
    (``작성부서 | 행정지원과(가나군)``).

    >>> from corpus import Document
    >>> from graph.registry import Registry
    >>> w = FactWriter.__new__(FactWriter); w.registry = Registry.default()
    >>> def of(line): w.doc = Document("d", ("연번 | 상대도시", line), ""); return getattr(author_region(w), "id", None)
    >>> of("작성 | 옥천군청 행정지원과"), of("작성부서 | 행정지원과(옥천군)"), of("※ 자료: 옥천군 국제교류팀")
    ('kr-chungbuk-okcheon', 'kr-chungbuk-okcheon', 'kr-chungbuk-okcheon')
    >>> of("출처: 옥천군청"), of("작성 | 옥천군 | 행정지원과"), of("작성 | 옥천군과 협의"), of("작성 | 옥천군청사 이전")
    ('kr-chungbuk-okcheon', 'kr-chungbuk-okcheon', None, None)
    """
    for line in w.doc.lines:
        for label in _AUTHOR_LABEL.finditer(line):
            region = _office_region(w, line[label.end():])
            if region is not None:
                return region
    return None


def _office_region(w: FactWriter, rest: str) -> Entity | None:
    """The Korean region of the office ``rest`` (what follows an author label) names, else ``None``."""
    bracketed = _OFFICE_OF.match(rest)
    if bracketed is not None:
        rest = bracketed.group("region")
    mention = next((m for m in w.registry.find_mentions(rest) if m.entity.kind == "region"), None)
    if mention is None or mention.start != len(rest) - len(rest.lstrip()) or mention.entity.country != "KR":
        return None
    after = rest[mention.end:]
    if bracketed is not None:
        return mention.entity if not after.strip() or _HALL.match(after) else None
    if _HALL.match(after):
        return mention.entity
    return mention.entity if _OFFICE.match(after.lstrip(" |")) or _OFFICE.match(after) else None


def countries_named(w: FactWriter) -> list[tuple[int, str]]:
    """``(line, country id)`` of every country word of ``w.doc`` (``중국과의`` too), in order."""
    return [(n, country) for n, line in enumerate(w.doc.lines, start=1)
            for _, country in w.registry.countries_in_prose(line)]


def country_near(countries: list[tuple[int, str]], line: int) -> str | None:
    """The foreign country named last at or before ``line``, else the one the document names most (``countries``:
    :func:`countries_named`)."""
    before = [c for n, c in countries if n <= line and c != "KR"]
    if before:
        return before[-1]
    common = Counter(c for _, c in countries if c != "KR").most_common(1)
    return common[0][0] if common else None
