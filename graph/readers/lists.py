"""The general list reader: bulleted or numbered items naming a partner, its country and a date.

A list is someone's: the region named in the nearest heading above or in the title (``○○시 자매도시``)
is the other party of every item (:mod:`graph.readers.context`). An item names its partner by a
registry name or a word with a place suffix (or any name, when a heading makes the list one of
places), its country by a country word (or the section heading's), and one or more dates; each date
is a signing of the partner named before it. An item that names two regions and no subject is a
signing between them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType

from graph.dates import EVENT_BEFORE_BRACKET, DateMention, StatedDate, find_dates, relative_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import (
    BULLET,
    FUZZY_MIN_CHARS,
    Context,
    context_at,
    dateline,
    document_date,
    first_region,
    heading_year,
    headings_above,
    is_activity,
    is_place_word,
    is_plan,
    latin_country,
    relation_near,
    report_year,
)
from graph.readers.entities import (
    BODY_ENDING,
    CONTEXT_LEVEL,
    Party,
    country_in,
    minted_region,
    place_level,
    resolve_party,
    strip_particle,
)
from graph.readers.lists_pairs import pair_head, pair_parties, side_countries
from graph.readers.relations import (
    BRACKET_PLAN,
    DEFAULT_RELATION,
    RAISE_AIMED,
    RELATION_WORDS,
    end_words,
    finished_signing,
    is_renewal,
    is_signing_date_context,
    negates_renewal,
    negates_signing,
    relation_of,
    states_signing,
    states_signing_verb,
)
from graph.readers.sentences import placed_names
from graph.readers.table_dates import after, reference_date
from graph.readers.table_headers import header_role
from graph.readers.table_rows import label_pairs
from graph.readers.table_schedules import HEAD_POST
from graph.readers.trip_days import trip_start, year_in_trip
from graph.registry import normalize_name

_ORDINAL = re.compile(r"^(?:No\.?\s*)?\d{1,2}\s+(?=\D)", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?(?![\d%])")
_DATE_FIRST = re.compile(r"^\s*'?\d{1,4}\s*\.\s*\d{1,2}\s*\.")
#: An entry opening with a month (and day) of the year heading above it (``5월 3일``, ``10월``, ``3. 18.``).
_MONTH_FIRST = re.compile(r"^\s*(?:\d{1,2}\s*월|\d{1,2}\s*\.\s*\d{1,2}(?:\s*\.)?(?![\d.%]))")
_TOKEN = re.compile(r"[^\s,·:;/()\[\]<>「」『』【】〔〕《》\-–—~*]+")
_PARENTHETICAL = re.compile(r"\([^()\d]*\)")
_SENTENCE_END = re.compile(r"(?:다|음|임|함|요|됨|중)\s*[.。]?\s*$|다\.\s")
#: A card: the longest label before its date, how far above its name may be, the longest name line.
CARD_LABEL_CHARS = 10
CARD_LOOKBACK = 8
CARD_NAME_CHARS = 40
_ROW = re.compile(r"\t|\s\|\s|^\s*\|")
_CARD_LABEL = re.compile(r"체결|결연|협약|협정|조인|서명|since|signed|established|agreement", re.IGNORECASE)
#: Particles and endings that may follow a name (서울시와, 경기도는); other Hangul after a short name joins a word.
_NAME_FOLLOWERS = set("와과는은이가의도에를을로서측")
#: Longest item (characters) read as a list entry; longer ones are prose for the sentence reader.
PROSE_CHARS = 90
#: Longest item (characters) taken as an entry of a list whose heading names the relation.
SHORT_ITEM = 50
_PLACE_LIST_WORDS = ("도시", "지역", "지방정부", "자치단체", "교류처")
#: The label opening a card's field (국가, 인구, 결연일 …), then a colon or a space and its value.
_FIELD = re.compile(r"^\s*(?:국가|나라|국적|소재지|위치|지역|인구|면적|구분|유형|종류|관계|형태|도시명|도시|비고|특징"
                    r"|현황|상태"
                    r"|주요\s*교류|교류\s*(?:분야|내용|현황)|언어|기후|홈페이지|[가-힣]{0,6}(?:체결|결연|협약|협정)\s*(?:일자|일)"
                    r"|Country|Population|Area|Type|Signed|Since)(?:\s*[/·]\s*[가-힣]{1,6})?\s*(?:[:：]|\s)",
                    re.IGNORECASE)
#: Words of a relation ended, handed on or renamed (승계, 종료, 통합, 명칭 변경 …: :data:`relations.END_WORDS`).
_ENDING_WORDS = re.compile(end_words("ended", "handed on", "renamed"))
#: What sets a card's fields apart on one line (`` · ``, `` / ``, `` | ``, a comma, a bracket).
_FIELD_APART = re.compile(r"\s+[·/|—–-]\s+|\s*[,;(]\s*")
#: A short label and a colon opening a field (``우호교류 협약:``, ``교류협력 양해각서(MOU):``).
#: A label printed with its syllables spaced apart to align the colons (``구    분 :``, ``결 연 일 :``).
_SPACED_LABEL = re.compile(r"^\s*[가-힣](?:\s+[가-힣]){1,4}(?=\s*[:：])")
#: A label set apart from its value by a dash (``체결일자 — 2001. 3. 5.``), read as a colon.
_DASH_LABEL = re.compile(r"^(\s*[^:：—–\d]{1,20}?)\s+[—–]\s+")
_LABEL_COLON = re.compile(r"^\s*([^:：\d]{1,20}?)\s*[:：]\s*\S")
#: A short signing label with no colon, its date right after it (``결연 2001년 4월 17일``, ``협정체결 1999. 5. 3.``).
_BARE_LABEL = re.compile(r"^\s*([가-힣]{0,6}(?:체결|결연|협약|협정|조인|서명)[가-힣]{0,3})\s+(?=['\d])")
#: The word of a relation raised to a higher one (우호 → 자매결연으로 격상).
_UPGRADE = "격상"
#: How many words of a one-line card may stand before its place's name (a Latin name, a number).
ONE_LINE_NAME_TOKENS = 3
#: The label right before a date on a one-line card (``결연일``, ``체결일 :``, ``자매도시 ·``).
_LABEL_BEFORE_DATE = re.compile(r"\S+\s*[:：·]?\s*$")
#: A sentence's end inside a card's value (``자매결연 체결. 2024년 …``): what follows is another sentence.
_SENTENCE_BREAK = re.compile(r"(?<=[가-힣])\.\s+")
#: A sub-item's day given as its parent entry's (``같은 날``, ``당일``, ``같은 날짜에``).
_SAME_DAY = re.compile(r"(?:같은|동일한?)\s*날(?:짜)?|당일")
#: A verb's ending closing or linking a clause (하였으며, 했고, 체결하였다, 맺었음): a word of prose, no name.
_PREDICATE = re.compile(r"(?:였|었|았|했|됐|하|되)(?:으며|으나|고|다|음|는데|지만)$|(?:하며|이며|이다)$")
#: Rows of the tables the table reader judged (read, or signing nothing) are no list items (see automatic.py).
AFTER_TABLES = True


@dataclass
class Item:
    """One list item: its (last) line and text; ``start`` is its first line when it spans several (a card),
    ``names`` the card's lines that may name its place, top first (its title, a country or parent line)."""

    line: int
    text: str
    start: int = 0
    indent: int = 0
    names: tuple[str, ...] = ()
    above: str = ""  # a card's lines above its name line, after the previous card (its country may stand there)
    core: str = ""  # a card's lines from its name to its date
    end: int = 0  # a card's last line (its fields below its date)

    @property
    def lines(self) -> tuple[int, int]:
        """First and last line."""
        return (self.start or self.line, self.line)

    @property
    def span(self) -> range:
        """Every line of the item, its fields below its date included."""
        return range(self.start or self.line, max(self.end, self.line) + 1)


#: A Markdown entry led by its name in bold and a dash or colon (``**가나시** — 2007년 …``): an item, as a bullet's.
_BOLD_ENTRY = re.compile(r"^(?=\s*\*\*[^*\n]{1,40}\*\*\s*[—–:-])")


def items(lines: tuple[str, ...]) -> list[Item]:
    """Every list entry (1-based line numbers): bulleted or numbered lines, lines opening with a date (a
    timeline), and cards — a short line naming a place followed within a few lines by a labelled date.

    >>> [i.text for i in items(("자매도시", "○ 일본 가나다와시(1990)", "1) 허난성 2005.3.2", "2024.1.28 체결"))]
    ['일본 가나다와시(1990)', '허난성 2005.3.2', '2024.1.28 체결']
    >>> [(i.lines, i.text) for i in items(("미국 다라햄시", "자매결연", "체결일: 1998. 6. 18."))]
    [((1, 3), '미국 다라햄시 자매결연 체결일: 1998. 6. 18.')]
    >>> [(i.lines, i.names) for i in items(("가나시 Gana", "일본 · 다라현", "체결일", "1998. 6. 18."))]
    [((1, 4), ('가나시 Gana', '일본 · 다라현'))]
    """
    out: list[Item] = []
    card: Item | None = None
    joined = 0
    for n, text in enumerate(lines, start=1):
        m = BULLET.match(text) or _BOLD_ENTRY.match(text)
        first = find_dates(text, bare_years=True)[:1]
        labelled = first and (not (m and not _DATE_FIRST.match(text) and not is_field(text[m.end():])) or (
            _bare_date_item(text) and n > 1 and _is_label_item(lines[n - 2]))) and _labelled_date(lines, n, first[0])
        if labelled and card is not None and card.line < n <= card.end:
            continue  # a further dated field the card's tail already holds ( | 재체결 2013. 3. 2.)
        if labelled and (found := _card(lines, n, card)) is not None:
            if card is not None and out and out[-1] is card and found.start == card.start:
                out.pop()  # a second signing date of the card above (재체결일): one card with both
            out.append(card := found)
        elif (card is not None and n <= card.end) or n <= joined:
            continue  # the card's fields below its date, the entries under a date of their own
        elif m and first and not text[m.end():first[0].start].strip(" *#") and \
                not text[first[0].end:].strip(" *#.:-–—)") and (below := _entries_below(lines, n)):
            joined = n + len(below)  # - 2016. 5. 10. / (indented) - 가나시와 우호교류 협약 체결
            out.append(Item(joined, " ".join([text[m.end():].strip(" *#"), *below]), start=n,
                            indent=depth(text)))
        elif first and not m and pair_head(text) is not None:
            out.append(Item(n, text.strip()))  # 가나시 ― 다라군 : 자매결연 …: both parties on the line, no card's name
        elif first and not m and (one := _one_line_card(n, text, first[0])) is not None:
            out.append(one)
        elif m and text[m.end():].strip() and not _DATE_FIRST.match(text):
            wrapped = _wrapped(lines, n)  # ※ … 현재 가나특별자치도(2023. 6. 11.), / (indented) 다라도(…)로 바뀌었음
            out.append(Item(n + len(wrapped), " ".join([text[m.end():].strip(), *wrapped]), start=n if wrapped else 0,
                            indent=depth(text)))
            joined = n + len(wrapped)
        elif first and text[:first[0].start].strip(" *#") in ("", "|") and \
                text[first[0].end:].strip(" .:-–—·)*|"):  # a Markdown row's border opens a date-first row too
            out.append(Item(n, text.strip(" *#|")))
    return out


#: The rank of a bullet in a Korean report's outline (□ over ○ over - over ·), deeper to the right.
_BULLET_RANKS = {**dict.fromkeys("□■▣◆◇", 0), **dict.fromkeys("○●◦", 1), **dict.fromkeys("-–*+", 2),
                 **dict.fromkeys("·ㆍ•", 3)}


def depth(text: str) -> int:
    """How deep an item stands in its list's outline: its indentation first, then its bullet's rank (a ``-`` entry
    right under a ``○`` entry is its sub-item though both start at the margin).

    >>> depth("○ 5. 31. 협정 갱신") < depth("- 2001년 4월 결연") < depth("  ○ 가나시"), depth("1. 가나시")
    (True, 0)
    """
    stripped = text.lstrip()
    return 4 * (len(text) - len(stripped)) + _BULLET_RANKS.get(stripped[:1], 0)


def _wrapped(lines: tuple[str, ...], n: int) -> list[str]:
    """The lines an item ending in a comma goes on to: indented deeper, no bullet, no table row, not blank.

    >>> _wrapped(("※ 가나도는 현재 다라도(2023. 6. 11.),", "  마바도(2024. 1. 18.)로 바뀌었음", "※ 끝"), 1)
    ['마바도(2024. 1. 18.)로 바뀌었음']
    """
    indent = len(lines[n - 1]) - len(lines[n - 1].lstrip())
    out: list[str] = []
    for text in lines[n:]:
        if not re.search(r"[,，]\s*$", lines[n - 1 + len(out)]) or not text.strip() or BULLET.match(text) or \
                _ROW.search(text) or len(text) - len(text.lstrip()) <= indent:
            break
        out.append(text.strip())
    return out


def _entries_below(lines: tuple[str, ...], n: int) -> list[str]:
    """The texts of the entries indented under line ``n`` (a timeline's date with its events below it).

    >>> _entries_below(("- 2016. 5. 10.", "  - 가나시와 협약 체결", "  - 다라시 방문", "- 2017"), 1)
    ['가나시와 협약 체결', '다라시 방문']
    """
    indent = len(lines[n - 1]) - len(lines[n - 1].lstrip())
    out = []
    for text in lines[n:]:
        m = BULLET.match(text)
        if m is None or len(text) - len(text.lstrip()) <= indent or not text[m.end():].strip():
            break
        out.append(text[m.end():].strip())
    return out


def is_field(text: str) -> bool:
    """A card's field written as a list item: a label word, then its value (``국가 일본``, ``결연일: 1989. 10. 6.``).

    >>> is_field("국가 일본 가나현"), is_field("인구: 19만 명"), is_field("자매결연일 2001. 4. 12.")
    (True, True, True)
    >>> is_field("가나시 (1990)"), is_field("교류협력 양해각서(MOU): 2009. 9."), is_field("가나시: 2009. 9.")
    (False, True, False)
    >>> is_field("구    분 : 자매도시"), is_field("결 연 일 : 1999. 5. 17."), is_field("가 나 시 (1990)")
    (True, True, False)
    >>> is_field("**국가/지역**: 일본 가나현"), is_field("**결연일**: 1998. 11. 20."), is_field("**가나시**")
    (True, True, False)
    >>> is_field("결연 2001년 4월 17일"), is_field("협정체결 1999. 5. 3."), is_field("가나시 2001년 4월 17일")
    (True, True, False)
    >>> is_field("체결일자 — 2001. 3. 5."), is_field("결연 형태 — 자매결연"), is_field("가나시 — 2001. 3. 5.")
    (True, True, False)
    """
    text = _SPACED_LABEL.sub(lambda m: re.sub(r"\s+", "", m.group(0)), text.replace("**", ""), count=1)  # 결 연 일 :
    text = _DASH_LABEL.sub(r"\1: ", text, count=1)  # 체결일자 — 2001. 3. 5.: a label set apart by a dash
    label = _LABEL_COLON.match(text)  # 우호교류 협약: 2002년 11월 — a signing's own label
    if _FIELD.match(text) or (label is not None and _is_card_label(_PARENTHETICAL.sub("", label.group(1)))):
        return True
    bare = _BARE_LABEL.match(text)  # 결연 2001년 4월 17일: a label set apart by a space (a web page's <span>)
    dates = find_dates(text, bare_years=True) if bare else []
    return bool(dates) and dates[0].start == bare.end() and _is_card_label(bare.group(1))


def _one_line_card(n: int, text: str, date: DateMention) -> Item | None:
    """A card on one line (a web page's fields run together): a place, perhaps its country and other fields,
    then a signing label right before the date (``가나시 일본 인구 19만 결연일 1989.10.6``)."""
    if _ROW.search(text):
        return None  # a table row is the table reader's
    before = text[:date.start]
    label = _LABEL_BEFORE_DATE.search(before)
    if label is None or not _is_card_label(label.group(0)) or _SENTENCE_END.search(text) or \
            len(text) > PROSE_CHARS:
        return None
    name = before[:label.start()].strip(" ·,:|-")
    first = next((t for t in _TOKEN.findall(name)[:ONE_LINE_NAME_TOKENS] if is_place_word(strip_particle(t))
                  and not relation_of(t)), None)  # Gana 가나시 일본 …: the first word naming a place
    if first is None:
        return None
    return Item(n, text.strip(), start=n, names=(first, name), core=text.strip())


def _labelled_date(lines: tuple[str, ...], n: int, date: DateMention) -> bool:
    """Line ``n`` states a card's signing date: after its label (``체결일: 2019.5.24``, a two-cell row
    ``체결일 | 2019.5.24``), or alone under a label line (a definition list's ``체결일`` / ``2019.5.24``)."""
    text = lines[n - 1]
    bullet = BULLET.match(text)
    if bullet and (is_field(text[bullet.end():]) or _bare_date_item(text)):  # - 결연일 1989. 10. 6., - 1989. 10. 6.
        text = text[bullet.end():]
        date = find_dates(text, bare_years=True)[0]
    cells = [c.strip() for c in _ROW.split(text) if c.strip()]
    if _ROW.search(text) and (pairs := label_pairs(_ROW.split(text))) is not None:  # 구분 | 자매도시 | 결연일 | …
        dated = next(((label, value) for label, value in pairs if find_dates(value, bare_years=True)), None)
        return dated is not None and _is_card_label(dated[0])
    if _ROW.search(text) and not all(is_field(c) for c in cells):  # fields apart (국가: 일본 | 결연일: …) read on
        return len(cells) == 2 and _is_card_label(cells[0]) and bool(find_dates(cells[1], bare_years=True))
    if _is_card_label(text[:date.start]):
        return True
    if is_field(text) and (label := _LABEL_BEFORE_DATE.search(text[:date.start])) and _is_card_label(label.group(0)):
        return True  # 국가 일본 인구 19만 명 결연일 1998. 11. 20.: the fields of the card named above, on one line
    if text[:date.start].strip(" *#:："):  # a definition list's value may open with its colon (: 1998. 5. 1.)
        return False
    rest = text[date.end:].strip(" .()·")
    head = _SENTENCE_BREAK.split(_FIELD_APART.split(rest, maxsplit=1)[0], maxsplit=1)[0]  # 1990년 12월 13일 자매결연 ·
    # 공무원 연수, 2004년 5월 3일 자매결연 체결. 2024년 …: the date's own label, up to a field's or a sentence's end
    return (n > 1 and _is_card_label(lines[n - 2])) or (bool(rest) and _is_card_label(head)) or (
        not rest and n < len(lines) and _is_card_label(lines[n]))


def _bare_date_item(text: str) -> bool:
    """A bulleted line holding a date alone (`` - 2005. 3. 12.``).

    >>> _bare_date_item(" - 2005. 3. 12."), _bare_date_item("- 2005. 3. 12. 가나시 방문"), _bare_date_item("2005. 3.")
    (True, False, False)
    """
    bullet = BULLET.match(text)
    dates = find_dates(text[bullet.end():], bare_years=True) if bullet else []
    rest = text[bullet.end():] if bullet else ""
    return len(dates) == 1 and not rest[:dates[0].start].strip(" *#") and not rest[dates[0].end:].strip(" *#.:-–—)")


def _is_label_item(text: str) -> bool:
    """A bulleted card label (`` - 자매결연``, ``- 체결일``): the label of a bare date item below it; a planned one
    (`` - 자매결연 추진``, `` - 체결 예정``) labels a plan's date, no signing's.

    >>> _is_label_item(" - 자매결연"), _is_label_item(" - 자매결연 추진"), _is_label_item("자매결연")
    (True, False, False)
    """
    bullet = BULLET.match(text)
    return bullet is not None and _is_card_label(text[bullet.end():]) and not is_plan(text[bullet.end():])


def _is_card_label(text: str) -> bool:
    """``체결일:``, ``자매결연``, ``협약일자`` — a short label naming a signing or a date.

    >>> _is_card_label("체결일 : "), _is_card_label("「"), _is_card_label("")
    (True, False, False)
    """
    label = re.sub(r"\s+", "", text).strip(":·-")
    limit = CARD_LABEL_CHARS * (1 if re.search("[가-힣]", label) else 2)  # Signed, Sister city since
    return 0 < len(label) <= limit and bool(_CARD_LABEL.search(label) or relation_of(label))


def _card(lines: tuple[str, ...], n: int, previous: Item | None = None) -> Item | None:
    """Line ``n`` holds a labelled date (``체결일: 1998. 6. 18.``); the card's name is on a short line above,
    after the previous card (a blank line or a line with a date ends it). The card's text is its lines and
    the fields below its date; its ``names`` the short lines that name a place (a label's value for
    ``도시명 | 가나시`` rows), top first. A second labelled date right under a card's (``재체결일``) is the
    same card's."""
    tail, end = _card_tail(lines, n)
    if previous is not None and n - CARD_LOOKBACK <= previous.line < n and all(
            not find_dates(t, bare_years=True) or k == previous.line
            for k, t in enumerate(lines[previous.line - 1:n - 1], start=previous.line)):
        between = " ".join(t.strip() for t in lines[previous.line:n] if t.strip())
        if not any(is_place_word(t) for t in _TOKEN.findall(between) if not relation_of(t)):
            return Item(n, f"{previous.text} {between} {tail}".strip(), start=previous.start, names=previous.names,
                        above=previous.above, core=previous.core, end=end)
    region: list[tuple[int, str]] = []
    label_of_value = 0  # the label line of a dated value skipped (최초 교류 / 2001. 5. 방문): no line of the card's
    for k in range(n - 1, max(0, n - 1 - CARD_LOOKBACK), -1):
        above = lines[k - 1].strip()
        bullet = BULLET.match(above)
        if k == label_of_value:
            continue
        if find_dates(above, bare_years=True) and not _dated_other_field(above) and k > 1 and \
                other_label(lines[k - 2]) and not any(is_place_word(t) and not relation_of(t) for _, x in region
                                                      for t in _TOKEN.findall(x)):
            label_of_value = k - 1  # 최초 교류 / 2001. 5. 대표단 방문 below the card's name: the card goes on above
            continue  # (above the name, such a field ends the card before)
        if not above or (bullet and not above[bullet.end():].strip()) or (
                find_dates(above, bare_years=True) and not _dated_other_field(above)):
            break
        if find_dates(above, bare_years=True):
            continue  # 최초 교류 | 1990. 8. 방문: the card goes on above; its date is no signing's
        if bullet and not is_field(above[bullet.end():]) and any(not _is_field_line(t) and not _is_card_label(t)
                                                                 for _, t in region):
            break  # - 가나시 일본 … above the card's own name line (가나시 (베트남) / 2016년 …): another list's item
            # (a label line alone, 협약일자 / 2010년 5월 3일, is the card's field, no name line)
        region.insert(0, (k, above[bullet.end():] if bullet else above))
        if bullet and not is_field(above[bullet.end():]) and not _is_card_label(above[bullet.end():]):
            break  # a list item opens the card; its fields (a label item, - 자매결연 / - 1998. 5. 1.) do not
    if not any(not _is_field_line(t) and not _is_card_label(t) for _, t in region):  # 결연일 / : 1998. 5. 1.
        region = _title_above_blank(lines, region[0][0] if region else n) + region  # ## 가나시 / (blank) / - 국가: …
    names = [(k, _ORDINAL.sub("", _field_value(text))) for k, text in region  # 01 가나시, No. 2 다라시
             if not _is_field_line(text) or _names_place(text)]  # 주요교류 | 결연 당시 명칭은 가나시: no name
    names = [(k, text) for k, text in names if len(_SLASH.split(text)[0]) <= CARD_NAME_CHARS  # 가나시 / Gana, Japan
             and not re.search(r"\d", text) and any(
        is_place_word(t) and not relation_of(t) for t in _TOKEN.findall(_PARENTHETICAL.sub(" ", text)))]
    if not names:
        return None
    start = _card_start(region, names)
    text = " ".join(_field_value(t) if _ROW.search(t) else t for k, t in region if k >= start)
    core = f"{text} {_field_value(lines[n - 1].strip())}"
    return Item(n, f"{core} {tail}".strip(), start=start, names=tuple(t for k, t in names if k >= start),
                above=" ".join(t for k, t in region if k < names[0][0]), core=core, end=end)


def _title_above_blank(lines: tuple[str, ...], first: int) -> list[tuple[int, str]]:
    """A card's name above the blank lines over its fields (a Markdown heading ``## 2. 중국 가나시``, then its
    field items): ``[(line, text)]``, or ``[]`` when the line there is no short name line.

    >>> _title_above_blank(("## 2. 중국 가나시", "", "- 국가: 중국", "- 체결일: 2005. 3. 4."), 3)
    [(1, '중국 가나시')]
    """
    k = first - 1
    while k >= 1 and not lines[k - 1].strip():
        k -= 1
    if k < 1 or k == first - 1:
        return []
    text = re.sub(r"^\s*#+\s*", "", lines[k - 1]).strip()
    bullet = BULLET.match(text)
    text = text[bullet.end():].strip() if bullet else text
    if not text or find_dates(text, bare_years=True) or len(text) > CARD_NAME_CHARS or _is_field_line(text):
        return []
    return [(k, text)]


def _card_start(region: list[tuple[int, str]], names: list[tuple[int, str]]) -> int:
    """The line of a card's name: the first name line, unless a field line (``국가 : 일본``, ``구분 | 우호``) stands
    between it and a later name line that is no field — the fields of a card without a date above this one
    (``일본 가나시`` / ``구분 : 우호도시`` / ``베트남 다라성`` / ``체결일 : …``: the card is 다라성's).

    >>> region = [(1, "일본 가나시"), (2, "구분 : 우호도시"), (3, "베트남 다라성")]
    >>> _card_start(region, [(1, "일본 가나시"), (3, "베트남 다라성")])
    3
    >>> _card_start([(1, "가나시 Gana"), (2, "일본 · 다라현")], [(1, "가나시 Gana"), (2, "일본 · 다라현")])
    1
    """
    start, fielded = names[0][0], False
    raw = dict(region)
    titles = {k for k, _ in names if not _is_field_line(raw.get(k, ""))}
    for k, text in region:
        if k <= start:
            continue
        if k in titles and fielded:
            start, fielded = k, False
        elif _is_field_line(text):
            fielded = True
    return start


#: Labels of a card's field naming no place of the card (주요교류, 교류분야, 비고, 인구): its value names another's.
_OTHER_LABEL = re.compile(r"교류|사업|비고|특징|인구|면적|분야|내용|현황|경과|추진|참고|기후|언어|산업|홈페이지"
                          r"|주요|행사"
                          r"|remark|note|population|area|field|exchange", re.IGNORECASE)


def _names_place(text: str) -> bool:
    """A field line whose label may name a place of the card (``도시명 | 가나시``, ``국가 : 일본``, ``가나시 : 일본``),
    not ``주요교류 | 당시 명칭은 다라시``.

    >>> _names_place("도시명 | 일본 가나현 다라시"), _names_place("주요교류 | 당시 명칭은 다라시")
    (True, False)
    """
    label = _field_label(text)
    return not _OTHER_LABEL.search(label) and header_role(label) not in ("fields", "date", "otherdate", "other")


def _field_label(text: str) -> str:
    """The label of a field line (``국가 : 일본`` → 국가, ``도시명 | 가나시`` → 도시명), ``""`` for other lines."""
    cells = [c.strip() for c in _ROW.split(text)]
    if _ROW.search(text) and len([c for c in cells if c]) >= 2:
        return re.sub(r"\s+", "", next(c for c in cells if c))
    label = _LABEL_COLON.match(_SPACED_LABEL.sub(lambda m: re.sub(r"\s+", "", m.group(0)), text, count=1))
    if label:
        return re.sub(r"\s+", "", label.group(1)).strip("*-· ")
    field = _FIELD.match(text)
    return re.sub(r"\s+", "", field.group(0)).strip(":：") if field else ""


def _is_field_line(text: str) -> bool:
    """A card's labelled field: ``국가 : 일본``, ``구분 | 우호``, ``주요교류 : 청소년 교류``."""
    cells = [c.strip() for c in _ROW.split(text) if c.strip()]
    return is_field(text) or bool(_LABEL_COLON.match(text)) or (
        len(cells) == 2 and len(cells[0]) <= CARD_LABEL_CHARS and bool(_ROW.search(text))) or (
        bool(_ROW.search(text)) and label_pairs(_ROW.split(text)) is not None)


def _dated_other_field(text: str) -> bool:
    """A card's field dated by a label that names no signing (``최초 교류 | 1990. 8. 방문``): the card goes on above.

    >>> _dated_other_field("최초 교류 | 1990. 8. 방문"), _dated_other_field("재체결 | 2013. 4. 2.")
    (True, False)
    >>> _dated_other_field("가나시 | 1990. 8."), _dated_other_field("- 2001. 3. 5. 가나시 방문")
    (False, False)
    """
    cells = [c.strip() for c in _ROW.split(text) if c.strip()]
    return len(cells) == 2 and bool(_ROW.search(text)) and _is_field_line(text) and not find_dates(cells[0]) and \
        not _is_card_label(cells[0]) and bool(_OTHER_LABEL.search(cells[0]))


def _card_tail(lines: tuple[str, ...], n: int) -> tuple[str, int]:
    """The card's fields below its date line (``구분 | 우호교류``, ``비고: 추진 중``), up to a blank line, a
    bullet, a date, a line naming a place (the next card's title) or a serial number alone (the next record of a
    table copied one cell a line); and the card's last line."""
    out = []
    for text in lines[n:n + CARD_LOOKBACK]:
        text = text.strip()
        bullet = BULLET.match(text)
        if out and other_label(out[-1]) and find_dates(text, bare_years=True) and not _further_step(text):
            out.pop()  # 교류 중단 / 2016. 3.: the label of the next dated field, not this card's words
            break
        if bullet and is_field(text[bullet.end():]):
            text = text[bullet.end():]  # - 구분 자매도시 (구 가나시): a field, though it names a place
        elif bullet and _further_step(text[bullet.end():]):
            out.append(text[bullet.end():])  # - 2012년 10월 자매결연으로 격상: the card's further signing
            continue
        elif not text or bullet or re.fullmatch(r"\d{1,3}", text) or any(
                is_place_word(strip_particle(t)) and not relation_of(t) for t in _TOKEN.findall(_field_value(text))):
            break
        if find_dates(text, bare_years=True) and _further_step(_labelled_value(text)):
            out.append(_labelled_value(text))  # 비고 | 2016. 6. 15. 우호도시 협약 갱신: the card's further signing
            continue
        if find_dates(text, bare_years=True):
            break
        out.append(_field_value(text) if _ROW.search(text) else text)
    return " ".join(out), n + len(out)


def other_label(text: str) -> bool:
    """A definition list's short label line naming no signing and no place (``최초 교류``, ``교류 중단``, ``비고``): the
    label of the value on the line below.

    >>> other_label("최초 교류"), other_label("최초 방문"), other_label("협약 체결"), other_label("일본 가나시")
    (True, True, False, False)
    """
    label = re.sub(r"\s+", "", text).strip(":：*")
    return 0 < len(label) <= CARD_LABEL_CHARS and not re.search(r"[\d|.,(]", label) and not _is_card_label(label) \
        and bool(_OTHER_LABEL.search(label) or is_activity(label) or _ENDING_WORDS.search(label)) \
        and not any(is_place_word(t) for t in _TOKEN.findall(text))


def _further_step(text: str) -> bool:
    """A card's item stating a further step of its signing with a date of its own and no other place (``2012년 10월
    자매결연으로 격상``, ``2023. 4. 19. 협약 재체결``); events and anniversaries are none.

    >>> _further_step("2012년 10월 자매결연으로 격상하는 협정 체결"), _further_step("2015년 결연 10주년 기념 방문")
    (True, False)
    """
    return bool(find_dates(text, bare_years=True)) and (states_signing(text) or is_renewal(text) or _UPGRADE in text) \
        and not is_activity(text) and not any(is_place_word(strip_particle(t)) and not relation_of(t)
                                              for t in _TOKEN.findall(text))  # 가나시와 … 추진: another place's


def _card_country(w: FactWriter, item: Item) -> str | None:
    """A card's country: named between its name and its date, else just above its name (after the previous card),
    else in its fields below (which may run into the next card's country line)."""
    pattern, names = w.registry.country_words
    above = [names[m.group(0)] for m in pattern.finditer(item.above)]
    return (country_in(w.registry, item.core) or latin_country(w, item.core) or (above[-1] if above else None)
            or latin_country(w, item.above))


def _labelled_value(text: str) -> str:
    """A field's value: after its label and a colon (``비고 : …``) or its cell (``비고 | …``); other text as it is.

    >>> _labelled_value("비고 | 2016. 6. 15. 갱신"), _labelled_value("비    고 : 2018. 9. 재체결")
    ('2016. 6. 15. 갱신', '2018. 9. 재체결')
    """
    value = _field_value(text)
    label = _LABEL_COLON.match(_SPACED_LABEL.sub(lambda m: re.sub(r"\s+", "", m.group(0)), value, count=1))
    return value[value.find(":") + 1:].strip() if label and ":" in value else value


def _field_value(text: str) -> str:
    """The value of a two-cell row ``label | value`` (a card laid out as a table); other text as it is.

    >>> _field_value("도시명 | 가나시"), _field_value("가나시")
    ('가나시', '가나시')
    """
    if _ROW.search(text) and (pairs := label_pairs(_ROW.split(text))) is not None:
        return " ".join(value for _, value in pairs if value)  # 구분 | 자매도시 | 결연일 | 1996. 10. 15.
    cells = [c.strip() for c in _ROW.split(text) if c.strip()]
    return cells[1] if len(cells) == 2 and len(cells[0]) <= CARD_LABEL_CHARS else text


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Agreement candidates from every list item that names a partner and a date."""
    out: list[AgreementCandidate] = []
    above: list[AgreementCandidate] = []
    indent = 0
    found_items = items(w.doc.lines)
    cards = frozenset(n for item in found_items if item.names for n in _card_lines(w, item))  # no other's heading
    cards |= {item.line for item in found_items if _MONTH_FIRST.match(item.text)  # - 5월 3일 …: an entry too,
              or states_signing_verb(item.text)}  # and so is one stating a signing: no heading of the items below
    cards |= {n for n, line in enumerate(w.doc.lines, start=1) if line.lstrip().startswith("※")  # notes, too,
              or (_BOLD_ENTRY.match(line) and find_dates(line, bare_years=True))}  # and dated entries in bold
    own = dateline(w.doc)
    as_of = reference_date(w.doc.lines)  # stated as such (기준, 현재, 작성): a card's date alone on a line is none
    places = _placed_units(w) | placed_names(w)
    columns = side_countries(w, w.doc.lines)
    last = 0
    for item in found_items:
        if item.line in skip or (not item.names and is_prose(item.text) and not _trip_entry(w, item)) or \
                _is_dateline(w, item, own):
            above = []
            continue
        if above and _new_name_between(w.doc.lines, last, item.lines[0]):
            above = []  # ▣ 호주 가나시 (추진) between: the entries below are that place's, not the card's above
        found = read_item(w, item, [c for c in above if item.indent > indent], cards.difference(item.span), places,
                          as_of, columns)
        out.extend(found)
        if found:
            above, indent, last = found, item.indent, max(item.span.stop - 1, item.line)
        elif item.indent <= indent:
            above = []  # a sibling of the entry above (the next card's name): what follows is no longer its
    return out


def _new_name_between(lines: tuple[str, ...], after: int, before: int) -> bool:
    """A line between lines ``after`` and ``before`` (exclusive) that is no list item and names a place: the title
    of a card without a signing date, whose entries below are its own.

    >>> _new_name_between(("가나시", "  - 2001. 3. 2. 체결", "▣ 호주 다라시 (추진)", "  - 추진 중"), 2, 4)
    True
    >>> _new_name_between(("가나시", "  - 2001. 3. 2. 체결", "    교류 재개", "  - 2005. 3. 2. 재체결"), 2, 4)
    False
    """
    return any(not BULLET.match(text) and any(is_place_word(strip_particle(t)) and not relation_of(t)
                                              for t in _TOKEN.findall(text))
               for text in lines[after:before - 1] if text.strip())


def _placed_units(w: FactWriter) -> dict[str, str]:
    """Names the registry lacks written right after a foreign region it has (``가나주 다라시``): places in that
    region's country, also where the document names them alone."""
    out: dict[str, str] = {}
    for line in w.doc.lines:
        for m in w.registry.find_mentions(line):
            following = _TOKEN.match(line, m.end + 1) if line[m.end:m.end + 1] == " " else None
            if following is None or m.entity.kind != "region" or m.entity.country in (None, "KR"):
                continue
            name = strip_particle(following.group(0))
            if place_level(name) and not w.registry.candidates(name):
                out.setdefault(name, m.entity.country)
    return out


def _is_dateline(w: FactWriter, item: Item, own: tuple[int, object] | None) -> bool:
    """The document's own date line (``2023.08.04 가나일보``, a news byline): no entry, unless it is a card or names
    a place, a relation or a signing of its own."""
    text = w.doc.lines[item.line - 1]
    return own is not None and own[0] == item.line and not item.names and not BULLET.match(text) and \
        not relation_of(text) and not states_signing(text) and not any(is_place_word(t) for t in _TOKEN.findall(text))


#: The country cell of a domestic partner's card, right above its name (``국내``).
_DOMESTIC_ABOVE = re.compile(r"(?:^|\s)국내\s*$")


def _card_lines(w: FactWriter, item: Item) -> range:
    """A card's lines from its first line naming a foreign place: a line above naming a Korean region first is the
    heading of the list (a Korean city's partners), not the card's — unless the card says its partner is domestic
    (``국내`` right above its name)."""
    start = item.span.start
    if _DOMESTIC_ABOVE.search(item.above or ""):
        return item.span  # 국내 / 서울 강서구 / 2003.6.30: a domestic partner's card, its Korean name its own
    while start < item.line and (region := first_region(w, w.doc.lines[start - 1])) is not None and \
            region.country == "KR":
        start += 1
    return range(start, item.span.stop)


def is_prose(text: str) -> bool:
    """A sentence rather than a list entry (left to the sentence reader): a sentence ending or a long text (an
    entry of clauses set apart by `` / ``, :func:`_slash_clauses`, is long when one of its clauses is).

    >>> is_prose("가나다와시 (1990)"), is_prose("두 도시는 2019년 협약을 체결했다."), is_prose("협약 체결 추진 중임")
    (False, True, True)
    """
    if _SENTENCE_END.search(text):
        return True
    return max(map(len, _slash_clauses(text))) > PROSE_CHARS if len(text) > PROSE_CHARS else False


def read_item(w: FactWriter, item: Item, above: list[AgreementCandidate] = (), others: Container[int] = (),
              places: Mapping[str, str | None] = MappingProxyType({}), as_of: StatedDate | None = None,
              columns: tuple[str | None, str | None] = (None, None)) -> list[AgreementCandidate]:
    """Candidates of one item (one per signing date); an item with only a date and a renewal or signing word
    under an item with a signing is a further signing of the same parties. ``others``: the lines of the other
    cards, which are no heading of this item; ``places``: foreign names the document places elsewhere with their
    country (:func:`graph.readers.sentences.placed_names`), the country of an item naming none; ``as_of``: the
    document's own date (a signing dated after it is a plan, and so is one under a heading of plans not before it);
    ``columns``: the countries of the sides of the document's pair lines (:mod:`graph.readers.lists_pairs`)."""
    stated = find_dates(item.text, bare_years=True)
    year = heading_year(w.doc.lines, item.lines[0]) if not stated or _MONTH_FIRST.match(item.text) else None
    if year is None and _MONTH_FIRST.match(item.text):
        year = _trip_year(w.doc.lines, item.text)  # ○ 5. 31.(화) … in the report of a trip of 2022. 5. 30. ~ 6. 1.
    if year is not None:  # 3월 18일 or 3. 18. under ### 2010년 (before a full date of a remark: 2026년 갱신 예정)
        first = stated[0].start if stated else len(item.text)
        stated = [d for d in relative_dates(item.text, year) if d.value.month is not None and d.end <= first] or \
            _month_day(item.text, year.year)
        stated += [d for d in find_dates(item.text, bare_years=True) if d.start >= first]
    if stated and year is None:
        stated = sorted([*stated, *_days_this_year(w, item.text, stated)], key=lambda d: d.start)
    if not stated and above and (same := _SAME_DAY.search(item.text)):  # - 같은 날 가나시-다라시 협약 체결
        stated = [DateMention(above[-1].date, same.start(), same.end(), same.group(0))]
    if not item.names and _body_acts(w, item.text):
        return []  # 가나구체육회-다라구 체육총회 교류 약정: the bodies' agreement, not the places'
    clauses = (_pair_clauses(item.text) if len(_pair_clauses(item.text)) > 1 else _slash_clauses(item.text)) \
        if not item.names else []
    if len(clauses) > 1:  # 가나군-다라시 … 체결(2025. 12.), 마바군-사아성 … 교류회(…): each clause its own pair
        return [c for clause in clauses for c in read_item(w, replace(item, text=clause), above, others, places,
                                                            as_of, columns)]
    dates = [d for d in stated if _standalone(item.text, d) and not EVENT_BEFORE_BRACKET.search(item.text[:d.start])
             and not _event_in_brackets(item.text, d)
             and (is_signing_date_context(item.text[d.end:]) or states_signing(item.text[d.end:])
                  or _labelled_in_bracket(item.text, d))
             and not _ends_relation(item.text, d, stated)
             and not _event_after(item.text, d, stated, card=bool(item.names))
             and not _PLAN_AFTER_DATE.match(item.text[d.end:])]
    if not dates:
        return []
    ctx = context_at(w, item.line, exclude=others)
    if item.names and item.lines[0] < item.line:  # a card's own name line heads its fields, never names its subject
        ctx.subject = context_at(w, item.line, exclude=frozenset(others) | frozenset(_card_lines(w, item))).subject
    if item.names and ctx.country is None and item.lines[0] < item.line:  # - 가나시 (자매도시) / 체결일: …: the name
        ctx.country = context_at(w, item.lines[0], exclude=others).country  # line heads its fields, not its section
    if not _about_agreements(item, ctx):
        return []
    country = _card_country(w, item) if item.names else None
    if item.names and country is None and item.lines[0] < item.line:
        country = ctx.country  # the section's country line above the card, before its fields' (which may run into
        # the next section's country line where a DOCX drops the blank line between)
    country = country or country_in(w.registry, item.text) or latin_country(w, item.text) or ctx.country or next(
        (places[t] for t in map(strip_particle, _TOKEN.findall(item.text)) if places.get(t)), None)
    if not item.names and pair_head(item.text) is not None:  # 가나시 ― 다라군 : …: the pair the line names itself
        pair = pair_parties(w, item.text, item.line, ctx.subject, columns)
        return [] if pair is None else _signings(w, item, [(pair, 0)], dates, stated, ctx, others, as_of)
    place_context = any(word in (ctx.heading or "") for word in _PLACE_LIST_WORDS) or ctx.relation is not None
    named = _partners(w, item, dates, country, place_context, ctx.subject)
    if not above and all(p.entity.country == "KR" for _, p in named) and _SIGNED_BY.search(item.text):
        named = _posted_places(w, item, places) or named  # (서명: 다라시장, 가나시장): the heads who signed
    if not named:
        if above and (is_renewal(item.text) or states_signing(item.text)):
            return [AgreementCandidate(above[-1].parties, d.value, above[-1].relation, item.lines,
                                       above[-1].confidence, intent=is_plan(item.text), reader="lists",
                                       quote=item.text, notes=[f"further signing of line {above[-1].lines[0]}"])
                    for d in dates]
        return []
    unit = _own_unit_first(w, item.text, named, ctx.subject)
    if len(named) >= 2 and ctx.subject is None:
        if all(p.entity.country != "KR" for _, p in named[:2]):
            return []  # 중국 가나성 다라시 with no region of the list's own: a place and its parent, no pair
        pairs = [((named[0][1], named[1][1]), named[1][0])]
    elif unit is not None:  # 11월 가나시, 중국 다라시와 …: the subject's own city signs
        pairs = [((unit, party), start) for start, party in named if party.entity.country != "KR"]
    elif ctx.subject is not None:
        pairs = [((ctx.subject, party), start) for start, party in named if party.entity.id != ctx.subject.entity.id
                 and party.entity.parent != ctx.subject.entity.id  # the subject's own city is none of its partners
                 and party.entity.id != ctx.subject.entity.parent  # nor its own province
                 and "KR" in (party.entity.country, ctx.subject.entity.country)]  # nor a foreign card's parent
    else:
        w.report.add_issue("unresolved", w.doc.id, item.line, item.text, "list item without a subject region")
        return []
    return _signings(w, item, pairs, dates, stated, ctx, others, as_of)


def _signings(w: FactWriter, item: Item, pairs: list[tuple[tuple[Party, Party], int]], dates: list[DateMention],
              stated: list[DateMention], ctx: Context, others: Container[int], as_of: StatedDate | None
              ) -> list[AgreementCandidate]:
    """One candidate per signing date of an item, each of the pair named last before it (:func:`_party_for`)."""
    relation = relation_of(item.text) or ctx.relation or DEFAULT_RELATION
    planned_section = _under_plans(w, item, others)
    out = []
    dates = [d for d in dates if not any(d.value != e.value and d.value.contains(e.value) for e in dates)]
    for date in dates:  # 자매결연 (2024. 8. 29.) ← 2024년 신규: the year holds the day, one signing
        parties = _party_for(pairs, date, dates)
        if parties is None:
            continue
        own = relation_near(item.text, date, stated) or relation
        confidence = 0.7 + (0.1 if not any(p.minted for p in parties) else 0) + (
            0.05 if date.value.precision == "day" else 0)
        late = as_of is not None and (after(date.value, as_of) or (planned_section and not _before(date.value, as_of)))
        out.append(AgreementCandidate(parties, date.value, own, item.lines, confidence,
                                      intent=_planned(item.text, date, dates) or late or (
                                          planned_section and as_of is None) or bool(_PLAN_LABEL.match(item.text)),
                                      reader="lists", quote=item.text))
    return out


def _trip_year(lines: tuple[str, ...], text: str) -> StatedDate | None:
    """The year of an entry opening with a month and day (``5. 31.(화)``) in the report of a trip whose period the
    document states: the trip's year (the next one for a day before its start, a trip over the new year).

    >>> _trip_year(("가나시 방문 결과", "○ 기간: 2022. 5. 30.(월) ~ 6. 1.(수)"), "5. 31.(화) 협정 체결").iso
    '2022'
    >>> _trip_year(("가나시 방문 결과", "2022. 5. 30. 보고"), "5. 31.(화) 협정 체결") is None
    True
    """
    start = _trip_start(lines)
    m = _MONTH_DAY.match(text)
    if start is None or m is None:
        return None
    return StatedDate(year_in_trip(int(m.group(1)), int(m.group(2)), start))


def _days_this_year(w: FactWriter, text: str, stated: list[DateMention]) -> list[DateMention]:
    """Days without their year in an entry beside a full date (``2015. 10. 28. 맺은 자매결연을 5월 28일 재체결``),
    followed by a signing or a renewal word: of the year of the date the document's title states (a newsletter's
    ``(2025년 6월)``), else of the year it names, else of its date's, when that puts them no later than that date."""
    titled = find_dates(w.doc.title_ko or (w.doc.lines[0] if w.doc.lines else ""))
    today = (titled[-1].value if titled else None) or report_year(w.doc) or document_date(w.doc)  # 제37호 (2025년
    # 6월): the title's date, else the year it names, else the document's date
    if today is None:
        return []
    return [d for d in relative_dates(text, today) if d.value.day is not None and _SIGNED_NEXT.match(text, d.end)
            and not any(d.start < s.end and s.start < d.end for s in stated) and not after(d.value, today)]


#: A signing or renewal word right after a date, its object particle and a relation word perhaps between.
_SIGNED_NEXT = re.compile(r"\s*(?:에\s*)?(?:[가-힣]{0,6}(?:을|를)?\s?)?(?:재체결|체결|갱신|서명|결연)")


def _trip_entry(w: FactWriter, item: Item) -> bool:
    """An entry of a trip report's outline opening with a month and day of the trip (``○ 6. 11.(수) … 서명함``): an
    entry to read though it ends like a sentence (the sentence reader has no year for its day)."""
    return bool(_MONTH_FIRST.match(item.text)) and _trip_year(w.doc.lines, item.text) is not None


@lru_cache(maxsize=8)
def _trip_start(lines: tuple[str, ...]) -> StatedDate | None:
    return trip_start(lines)


#: The heads who signed (``서명: 가나시장, 다라시장``, ``… 다라시장이 서명``): their places are the parties.
_SIGNED_BY = re.compile(r"서명")


def _posted_places(w: FactWriter, item: Item, places: Mapping[str, str | None]) -> list[tuple[int, Party]]:
    """The places an entry names only by their heads' posts (``서명: 다라시장, 가나시장``), with their positions: the
    one foreign place the document places in a country elsewhere (its title, ``일본 가나시 대표단``) and the Korean
    region the registry has, if one; else none."""
    foreign: dict[str, tuple[int, Party]] = {}
    own: dict[str, tuple[int, Party]] = {}
    for m in HEAD_POST.finditer(item.text):
        found = w.registry.resolve(m.group(1), kinds=("region",))
        if found.entity is not None and found.score == 1.0:
            if found.entity.country == "KR":
                own.setdefault(found.entity.id, (m.start(), Party(m.group(1), found.entity)))
            continue
        if (country := places.get(m.group(1))) in (None, "KR"):
            continue
        party = resolve_party(w, m.group(1), item.lines, country=country, foreign=True, report=False)
        if party is not None:
            foreign.setdefault(party.entity.id, (m.start(), party))
    return sorted([*own.values(), *foreign.values()], key=lambda x: x[0]) if len(foreign) == 1 and len(own) <= 1 \
        else []


#: An entry labelled as plans (``2025년 계획:``, ``향후 계획 :``, ``목표:``): what it dates is planned.
_PLAN_LABEL = re.compile(r"^\s*(?:(?:19|20)\d\d\s*년도?\s*)?(?:[가-힣]{1,4}\s?)?(?:계획|목표)\s*[:：]")
#: A year or a date heading plans (``2025년 계획``, ``2025 추진 목표``): the plans' year, no signing's.
_PLAN_AFTER_DATE = re.compile(r"^\s*(?:년\s*)?(?:도\s*)?(?:[가-힣]{1,2}반기\s*)?(?:추진\s*)?(?:계획|목표)(?![가-힣])")


def _under_plans(w: FactWriter, item: Item, others: Container[int]) -> bool:
    """The nearest heading above the item states plans (``2025년 협약 추진 계획``) and the item no finished signing.

    >>> w = FactWriter.__new__(FactWriter)
    >>> w.doc = type("D", (), {"lines": ("2025년 추진 계획", "가. 가나시 협약: 2025. 9.")})
    >>> _under_plans(w, Item(2, "가나시 협약: 2025. 9."), ())
    True
    """
    if item.names:
        return False  # a card's own name heads it; a plan above is the card before's
    heading = next(iter(headings_above(w, item.lines[0], exclude=others)), None)
    return heading is not None and heading[0] < item.lines[0] and is_plan(heading[1]) and \
        not _is_field_line(heading[1]) and not finished_signing(item.text)


def _before(date: StatedDate, reference: StatedDate) -> bool:
    """``date`` ends before ``reference`` begins (a year before it, a month before its month).

    >>> _before(StatedDate(2024), StatedDate(2025, 4, 15)), _before(StatedDate(2025), StatedDate(2025, 4, 15))
    (True, False)
    """
    return after(reference, date) and not date.contains(reference)


#: Two places joined by a dash (``가나군-다라시``), a pair an entry names.
_DASH_PAIR = re.compile(r"[가-힣]{2,}\s?[-–]\s?[가-힣]{2,}")


def _pair_clauses(text: str) -> list[str]:
    """An entry naming two or more dash-joined pairs, each in its own clause after a comma: the clauses, the first
    with what comes before it (``2025년 신규: 가나군-다라시 … (2025. 12.), 마바군-사아성 …``); else ``[text]``.

    >>> _pair_clauses("신규: 가나군-다라시 협약 체결 예정(2025. 12.), 마바군-사아성 교류회(2025. 3. 5.)")
    ['신규: 가나군-다라시 협약 체결 예정(2025. 12.)', '마바군-사아성 교류회(2025. 3. 5.)']
    >>> _pair_clauses("가나군-다라시 협약 체결")
    ['가나군-다라시 협약 체결']
    """
    starts = [m.start() for m in _DASH_PAIR.finditer(text)]
    cuts = [0]
    for start in starts[1:]:
        comma = max(text.rfind(",", cuts[-1], start), text.rfind(";", cuts[-1], start))
        if comma > cuts[-1] and not text[comma + 1:start].strip(" ▲·"):
            cuts.append(comma + 1)
    if len(cuts) < 2:
        return [text]
    return [text[a:b].strip(" ,;") for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]


#: Clauses of one entry set apart by a slash between spaces (``가나시는 2010. 8. 16. 다라시와 자매결연 / …``).
_SLASH = re.compile(r"\s+/\s+")


def _slash_clauses(text: str) -> list[str]:
    """An entry of clauses set apart by `` / ``, each with its own date and place: the clauses (each its own pair,
    the first with what comes before it); else ``[text]``.

    >>> _slash_clauses("참고: 가나시는 2010. 8. 16. 다라시와 자매결연 / 마바군은 2019. 5. 3. 사하시와 우호협약")
    ['참고: 가나시는 2010. 8. 16. 다라시와 자매결연', '마바군은 2019. 5. 3. 사하시와 우호협약']
    >>> _slash_clauses("가나시 / 다라시 2010. 8. 16. 자매결연")
    ['가나시 / 다라시 2010. 8. 16. 자매결연']
    """
    parts = _SLASH.split(text)
    if len(parts) < 2 or not all(find_dates(p, bare_years=True) and any(
            is_place_word(strip_particle(t)) for t in _TOKEN.findall(p)) for p in parts):
        return [text]
    return [p.strip() for p in parts]


#: A signing date's label inside a bracket, before its value (``(협약일 미상, 2012년경``, ``(결연일: 2003``).
_BRACKET_DATE_LABEL = re.compile(r"(?:(?:체결|결연|협약|협정)\s*(?:일자|일|시기|연도)(?![가-힣])"
                                 r"|(?:체결|결연|갱신)\s*[:：])[^()]*$")


def _labelled_in_bracket(text: str, date: DateMention) -> bool:
    """``date`` stands in a bracket after the label of a signing's date (``교류 협력(협약일 미상, 2012년경으로 보임)``,
    ``(결연일: 2003년)``): the signing's date, though no signing word follows it.

    >>> text = "가나군 - 교류 협력(협약일 미상, 2012년경으로 보임)"
    >>> _labelled_in_bracket(text, find_dates(text)[0])
    True
    >>> text = "2001년 자매결연 체결 이후 세 번째 갱신 (2차 갱신: 2016. 8. 19.)"
    >>> _labelled_in_bracket(text, find_dates(text)[1])
    True
    >>> text = "가나군 - 우호 협력(방문일 2010년, 체결은 미정)"
    >>> _labelled_in_bracket(text, find_dates(text)[0])
    False
    """
    open_at = text.rfind("(", 0, date.start)
    return open_at > text.rfind(")", 0, date.start) and bool(_BRACKET_DATE_LABEL.search(text[open_at + 1:date.start]))


def _event_in_brackets(text: str, date: DateMention) -> bool:
    """A date in brackets right after an event or an anniversary (``협약 1주년 교류회(2025. 3. 5.)``): the event's.

    >>> text = "가나군-다라시 협약 1주년 교류회(2025. 3. 5.)"
    >>> _event_in_brackets(text, find_dates(text)[0])
    True
    """
    before = text[:date.start].rstrip()
    if not before.endswith("("):
        return False
    clause = re.split(r"[,;]", before[:-1])[-1]
    return is_activity(clause)


def _planned(text: str, date: DateMention, dates: list[DateMention]) -> bool:
    """The item states a plan for ``date``: with several dates, the text from the date before it to the next date
    (``1월 20일 가나시와 협약 체결 (2026년 갱신 예정)``: the first a signing, the second a plan); else the whole item.

    >>> text = "1월 20일 가나시와 협약 체결 (2026년 갱신 예정)"
    >>> dates = relative_dates(text, StatedDate(2016))[:1] + find_dates(text)
    >>> [_planned(text, d, dates) for d in dates]
    [False, True]
    >>> text = "가나시 — 2003년 우호도시 협정, 2014년 5월 27일 자매도시 관계로 격상하기로 합의"
    >>> [_planned(text, d, find_dates(text)) for d in find_dates(text)]
    [False, True]
    >>> text = "가나시 — 2013. 5. 3. 자매결연 체결 (2028년 협정 갱신 검토)"
    >>> [_planned(text, d, find_dates(text)) for d in find_dates(text)]
    [False, True]
    """
    if text.rfind("(", 0, date.start) > text.rfind(")", 0, date.start) and _BRACKET_PLAN.match(text, date.end):
        return True  # … 체결 (2028년 협정 갱신 검토): the bracket's year is a plan's, not a signing's
    if len(dates) < 2:
        return is_plan(text) or bool(_RAISE_PLANNED.search(text))
    start = max((d.end for d in dates if d.end <= date.start), default=0)
    end = min((d.start for d in dates if d.start > date.start), default=len(text))
    return is_plan(text[start:end]) or bool(_RAISE_PLANNED.search(text[start:end]))


#: The rest of a bracket after a date that ends on a plan word (``(2028년 협정 갱신 검토)``, ``(2030년 재체결 예정)``).
_BRACKET_PLAN = re.compile(BRACKET_PLAN)  # the plan words of graph.readers.relations.PLAN_WORDS
#: A relation to be raised, not raised (``자매도시로 격상하기로 합의``, ``격상을 추진``, ``격상 여부 검토``); a
#: relation's 승격 reads as 격상 (:func:`graph.readers.text_forms.raised_relations`).
_RAISE_PLANNED = re.compile(RAISE_AIMED)


def _own_unit_first(w: FactWriter, text: str, named: list[tuple[int, Party]], subject: Party | None
                    ) -> Party | None:
    """A Korean region named first in an entry as its actor (``가나시,``, ``가나시는``, ``가나도-다라아이막``) before a
    foreign partner — the subject's own city, or a region of a note about another pair — which then signs instead of
    the list's subject. With 와/과 it is the actor only when the foreign partner follows it directly (a country word and
    its divisions allowed between) and carries no 와/과 of its own: ``가나시와 공동으로 다라성 마바시와 …`` names a city
    that signed together with the list's subject, not the pair (:func:`_joined_directly`)."""
    if subject is None or len(named) < 2 or named[0][0] < 0:
        return None
    start, party = named[0]
    after = text[start + len(party.surface):]
    if party.entity.id == subject.entity.id or party.entity.country != "KR" or not re.match(
            r"\s*[,:：\-–]|(?:은|는|이|가|와|과)\s", after) or not any(p.entity.country != "KR" for _, p in named[1:]):
        return None
    joined = re.match(r"(?:와|과)\s", after)
    if joined is not None and not _joined_directly(w, text, start + len(party.surface) + joined.end(), named[1]):
        return None
    return party


def _joined_directly(w: FactWriter, text: str, at: int, partner: tuple[int, Party]) -> bool:
    """Whether ``partner`` follows position ``at`` of ``text`` with only a country word or place words between, and no
    와/과 after it (``가나시와 일본 다라현 마바시 자매결연``, not ``가나시와 협력하여 일본 마바현과 …``)."""
    start, party = partner
    between = text[at:start].split()
    if start < at or not all(country_in(w.registry, word) or is_place_word(strip_particle(word)) for word in between):
        return False
    return not re.match(r"(?:와|과)(?![가-힣])", text[start + len(party.surface):])


def _ends_relation(text: str, date: DateMention, dates: list[DateMention]) -> bool:
    """The words right after ``date`` (up to the next date) end, hand on or rename a relation and sign nothing
    (``2014년 가나시 승계``, ``2022. 12. 다라시와의 교류 종료``).

    >>> text = "1996년 10월 8일 자매결연 · 통합 전 가나군 체결, 2014년 다라시 승계"
    >>> [_ends_relation(text, d, find_dates(text)) for d in find_dates(text)]
    [False, True]
    """
    words = _after_date(text, date, dates)
    return bool(_ENDING_WORDS.search(words)) and (negates_renewal(words) or negates_signing(words) or (
        not states_signing(words) and not is_renewal(words)))


def _after_date(text: str, date: DateMention, dates: list[DateMention]) -> str:
    """The words of ``text`` after ``date``, up to the next date."""
    end = min((d.start for d in dates if d.start > date.start), default=len(text))
    return text[date.end:end]


#: Events beside :data:`graph.readers.context.ACTIVITY_WORDS` that a dated clause of an entry may state.
_MORE_EVENTS = ("운영", "캠프", "교류회", "접견", "방한", "참관", "세미나", "포럼", "워크숍")
#: Talks about a signing or a renewal (``협약 갱신 논의``, ``재체결 실무 협의``): no signing.
_TALKS = re.compile(r"(?:체결|갱신|재체결|연장|협약|결연)\s*(?:관련\s*|을\s*|를\s*)?(?:실무\s*)?"
                    r"(?:논의|협의|검토|타진|준비)")


#: Where a card's field ends after a date: a closing bracket, a box, or the next field's label.
_FIELD_END = re.compile(r"[)）■□▶]|\s(?:주요\s*교류|주요|인구|면적|비고|교류\s*분야|분야|특징|홈페이지|경과|계획|향후)"
                        r"(?![가-힣])")


#: The next field of a card after a date (`` 교류 내용 : …``, `` · 비고: …``): a label of one or two words and a colon.
_NEXT_LABEL = re.compile(r"\s(?:[·•ㆍ-]\s*)?[가-힣]{1,6}(?:\s[가-힣]{1,6})?\s*[:：]")


#: Counts of a statistic (``사업 8건, 참여 인원 312명``): a date before them dates figures, not a signing.
_COUNTS = re.compile(r"\d+\s*(?:건|명|개국|개|곳|회|원)(?![가-힣])")
#: An agreement stated as not made beside an event (``(추가 협약 없음)``, ``협약은 맺지 않았음``).
_NO_AGREEMENT = re.compile(r"(?:협약|협정|결연|MOU)\s*(?:은|는|이)?\s*(?:없|맺지\s*않|체결하지\s*않)")


def _event_after(text: str, date: DateMention, dates: list[DateMention], card: bool = False) -> bool:
    """The clause a date opens (the words after it, up to the next date) states an event, a visit or talks and no
    relation of its own (``2024. 5. 가나구 대표단 방문``, ``2024. 3. 설명회 개최``, ``2024. 11. 협약 갱신 논의``,
    ``2008년 시 승격``): the date is that event's, not a signing's.

    >>> text = "가나구: 2022. 5. 17. 재체결 이후 첫 교류로 2024. 5. 가나구 대표단이 방문"
    >>> [_event_after(text, d, find_dates(text)) for d in find_dates(text)]
    [False, True]
    >>> text = "2024. 11. 가나시 대표단 다라시 방문, 협약 갱신 논의"
    >>> _event_after(text, find_dates(text)[0], find_dates(text))
    True
    >>> text = "가나시 협약 체결(2025. 9., 박람회 참가 계기), 자매도시 2019. 4. 축제 상호 참가"
    >>> [_event_after(text, d, find_dates(text)) for d in find_dates(text)]
    [False, False]
    >>> text = "2019. 5. 3. 가나시 대표단 방문 및 자매결연"
    >>> _event_after(text, find_dates(text)[0], find_dates(text))
    False

    On a card (``card``) the clause ends with the date's field (``체결일 2007. 11. 4. 주요 교류 공무원 연수``):

    >>> text = "가나시 구분 우호도시 체결일 2007. 11. 4. 주요 교류 공무원 연수 (2008년 시 승격)"
    >>> [_event_after(text, d, find_dates(text), card=True) for d in find_dates(text)]
    [False, True]
    >>> text = "가나시 · 결연일자 : 1992. 9. 14 교류 내용 : 공무원 연수"
    >>> _event_after(text, find_dates(text)[0], find_dates(text), card=True)
    False
    """
    lead = text[max((d.end for d in dates if d.end <= date.start), default=0):date.start].rstrip(" (:：")
    last = lead.split()[-1] if lead.split() else ""
    if relation_of(last) or states_signing(last):
        return False  # 자매도시 2019. 4. …, 협약 체결(2025. 9., … 참가 계기): labelled by the signing before it
    words = _after_date(text, date, dates)
    if card and (end := _FIELD_END.search(words)) is not None:
        words = words[:end.end()]
    if card and (label := _NEXT_LABEL.search(words)) is not None:
        words = words[:label.start()]  # 결연일자 : 1992. 9. 14 교류내용 : 공무원 연수: the next field's words
    if _TALKS.search(words) and not finished_signing(words):
        return True
    return (is_activity(words) or ((any(w in words for w in _MORE_EVENTS) or bool(_COUNTS.search(words)))
                                   and not states_signing(words))) and (
        relation_of(words) is None or bool(_NO_AGREEMENT.search(words)))


def _month_day(text: str, year: int) -> list[DateMention]:
    """``3. 18.`` opening an entry under a year heading: that day of ``year``.

    >>> [d.value.iso for d in _month_day("10. 2. 가나시 협약", 2010)], _month_day("가나시 3.5%", 2010)
    (['2010-10-02'], [])
    """
    m = _MONTH_DAY.match(text)
    if m is None:
        return []
    try:
        return [DateMention(StatedDate(year, int(m.group(1)), int(m.group(2))), m.start(1), m.end(), m.group(0))]
    except ValueError:
        return []


def _standalone(text: str, date: DateMention) -> bool:
    """A bare year counts only on its own — ``(1990)``, ``1990,`` or at the end — not inside a name (``2027 대회``)."""
    if not re.fullmatch(r"\d{4}", date.surface.strip()) or not text[:date.start].strip():
        return True  # a full date, or a year opening a timeline entry (``2018 가나시 우호교류``)
    after = text[date.end:].lstrip()
    return not after or after[0] in ")],/·;" or text[:date.start].rstrip().endswith(("(", "["))


def _about_agreements(item: Item, ctx: Context) -> bool:
    """An item names a relation or a signing itself, or is a short entry of a list headed by a relation word (not a
    budget line stating an amount of money); an event, a visit or an anniversary is no signing."""
    if item.names:
        return True  # a card's date is labelled as a signing's
    if is_activity(item.text) or negates_signing(item.text):
        return False
    if relation_of(item.text) or states_signing(item.text):
        return True
    return ctx.section_relation is not None and len(item.text) <= SHORT_ITEM and not _MONEY.search(item.text)


#: An amount of money (``45,000천원``, ``3백만원``, ``1.2억 원``): an entry stating one is a budget line, no signing.
_MONEY = re.compile(r"\d[\d,.]*\s*(?:천|백만|억)?\s*원(?![가-힣])")


def _party_for(pairs: list[tuple[tuple[Party, Party], int]], date: DateMention, dates: list[DateMention] = ()
               ) -> tuple[Party, Party] | None:
    """The pair of the partner named last before ``date`` (else the first named after it); in an entry whose dates
    come first (``2008. 4. 18. 가나시, 2008. 6. 3. 다라시와 각각``), the partner right after the date.

    >>> from graph.registry import Entity
    >>> p = lambda name: Party(name, Entity(name, "region", name, country="JP"))
    >>> pairs = [((p("가"), p("나")), 14), ((p("가"), p("다")), 30)]
    >>> dates = find_dates("2008. 4. 18. 나나시, 2008. 6. 3. 다다시와")
    >>> [_party_for(pairs, d, dates)[1].surface for d in dates]
    ['나', '다']
    """
    if pairs and dates and dates[0].start < pairs[0][1]:
        following = min((d.start for d in dates if d.start > date.start), default=None)
        after = [p for p, start in pairs if start > date.start and (following is None or start < following)]
        if after:
            return after[0]
    before = [p for p, start in pairs if start < date.start]
    if before:
        return before[-1]
    return pairs[0][0] if pairs else None


def _partners(w: FactWriter, item: Item, dates: list[DateMention], country: str | None, place_context: bool,
              subject: Party | None) -> list[tuple[int, Party]]:
    """Partners named in the item with their position: registry names first, else place-like words. A card's
    partner is the most specific place of its first name line that names one other than the subject."""
    if item.names:
        for written in item.names:
            name = _korean_side(written)
            titled = _titled_place(w, name, item.line, country) if name != written else None
            if titled is not None and (subject is None or titled.entity.id != subject.entity.id):
                return [(-1, titled)]
            qualified = _qualified_name(w, name) or _with_parent_in(w, name, item.core or item.text)
            if qualified is not None and (subject is None or qualified.entity.id != subject.entity.id):
                return [(-1, qualified)]
            first = _name_then_country(w, name)  # 【가나시】 일본 다라현: the place, then where it lies
            found = [p for _, p in _named(w, item.line, name[:first[1]], first[0], True, subject)] if first else []
            if len(found) == 1 and (subject is None or found[0].entity.id != subject.entity.id):
                return [(-1, found[0])]
            found = [p for _, p in _named(w, item.line, name, country, place_context, subject)
                     if subject is None or p.entity.id != subject.entity.id]
            if found:
                return [(-1, found[-1])]
        return []
    text = item.text
    for d in dates:
        text = text[:d.start] + " " * (d.end - d.start) + text[d.end:]
    first = _name_then_country(w, text)
    if first is not None:  # 가나시 일본 다라현 1998. 11. 20. 자매결연: the place first, then where it lies
        found = _named(w, item.line, text[:first[1]], first[0], True, subject)
        if len(found) == 1:
            return found
    return _named(w, item.line, text, country, place_context, subject)


def _korean_side(name: str) -> str:
    """A card's name line written in Korean and then in Latin letters after a slash (``가나시 / Gana, Japan``): the
    Korean part, which the Latin one restates (its places are the same, not a second partner).

    >>> _korean_side("일본 가나현 다라시 / Dara, Gana, Japan"), _korean_side("가나시 / 다라시")
    ('일본 가나현 다라시', '가나시 / 다라시')
    """
    parts = _SLASH.split(name, maxsplit=1)
    return parts[0] if len(parts) == 2 and parts[1].isascii() and re.search("[가-힣]", parts[0]) else name


def _titled_place(w: FactWriter, name: str, line: int, country: str | None) -> Party | None:
    """The place a card's bilingual title names in Korean (``러시아 가나주 다라보스크``): its last word, under the
    places before it, though it has no place suffix (the Latin title says it is a name); a title of Hangul words
    only, the last no relation word."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch("[가-힣]{2,}", t) for t in words) or relation_of(words[-1]):
        return None
    return resolve_party(w, name, (line, line), country=country, place_context=True, report=False)


def _name_then_country(w: FactWriter, text: str) -> tuple[str, int] | None:
    """``(country, end of the name)`` when an entry opens with a place word right followed by a country word
    (``가나시 일본 다라현 …``, ``**가나시** 중국 …``), else ``None``; a place with a particle (``가나시는 일본
    다라시와``) is a clause's subject, no name of the entry.

    >>> w = FactWriter.__new__(FactWriter); w.registry = __import__("graph.registry").registry.Registry.default()
    >>> _name_then_country(w, "가나시 일본 다라현"), _name_then_country(w, "원주시는 일본 다라시와 우호협약")
    (('JP', 4), None)
    """
    m = re.match(r"\s*[*【〔《\[]*\s*([^\s*】〕》\]]+?)\s*[*】〕》\]]*\s+", text)
    if m is None or not is_place_word(strip_particle(m.group(1))) or strip_particle(m.group(1)) != m.group(1):
        return None
    pattern, names = w.registry.country_words
    country = pattern.match(text, m.end())
    return (names[country.group(0)], m.end()) if country is not None else None


def _qualified_name(w: FactWriter, name: str) -> Party | None:
    """A card's name of a Korean region written with the province or city it is in (``서울 강서구``, ``충남
    당진군``): the registry's region of the whole name, whatever namesakes its last word has.

    >>> w = FactWriter.__new__(FactWriter); w.registry = __import__("graph.registry").registry.Registry.default()
    >>> _qualified_name(w, "서울 강서구").entity.id, _qualified_name(w, "강서구") is None
    ('kr-seoul-gangseo', True)
    """
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if len(name.split()) < 2:
        return None
    found = w.registry.resolve(name, kinds=("region",))
    if found.entity is None or found.score < 1.0 or found.entity.country != "KR" or not found.entity.parent:
        return None
    return Party(name.split()[-1], found.entity)


def _with_parent_in(w: FactWriter, name: str, card: str) -> Party | None:
    """A card's name that the registry has more than once (고성군), settled by a region its card names that holds
    one of them (``고성군`` / ``강원특별자치도``).

    >>> w = FactWriter.__new__(FactWriter); w.registry = __import__("graph.registry").registry.Registry.default()
    >>> _with_parent_in(w, "고성군", "고성군 강원특별자치도 결연일 2012. 9. 4.").entity.id
    'kr-gangwon-goseong'
    """
    token = _TOKEN.match(name.strip())
    if token is None:
        return None
    candidates = [e for e in w.registry.candidates(strip_particle(token.group(0))) if e.kind == "region"]
    if len(candidates) < 2:
        return None
    parents = {m.entity.id for m in w.registry.find_mentions(card) if m.entity.kind == "region"}
    held = [e for e in candidates if e.parent in parents]
    return Party(token.group(0), held[0]) if len(held) == 1 else None


def _named(w: FactWriter, line: int, text: str, country: str | None, place_context: bool,
           subject: Party | None) -> list[tuple[int, Party]]:
    """Regions named in ``text`` with their position (a parenthetical is a parent or a gloss, not a partner)."""
    evidence = " ".join(_PARENTHETICAL.findall(text))
    text = _PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), text)  # a parent region or gloss, not a partner
    mentions = [(m.start, _with_unit(w, text, m)) for m in w.registry.find_mentions(text)
                if m.entity.kind == "region" and _whole_name(text, m)]
    if subject is not None:
        mentions = [(s, t) for s, t in mentions if w.registry.resolve(t).entity != subject.entity]
    words = [(m.start(), strip_particle(m.group(0).rstrip("."))) for m in _TOKEN.finditer(text)  # 체결. ends a
             if _is_name_word(w, strip_particle(m.group(0).rstrip(".")))]  # sentence: the word, no name
    if not mentions:
        placed = _innermost(text, [(s, s + len(t), t) for s, t in words if is_place_word(t)])
        mentions = placed or (words[:1] if place_context and country and country != "KR" else [])
    else:
        mentions = _with_placed_words(w, text, mentions, words)
    out = []
    pattern, names = w.registry.country_words
    stated = [(m.end(), names[m.group(0)]) for m in pattern.finditer(text)]
    for start, surface in mentions:
        # each partner in the country named last before it (중국 가나시(2005), 일본 다라시(2011)), else the item's
        own = next((c for end, c in reversed(stated) if end <= start), None) or country
        if " " not in surface.strip() and not w.registry.candidates(surface) and len(normalize_name(surface)) < \
                FUZZY_MIN_CHARS:  # 일시 is no near spelling of a city: a short new name is minted or nothing
            level = place_level(surface) or (CONTEXT_LEVEL if place_context else None)
            if len(surface) < 3 or not level or not own or own == "KR":
                continue
            out.append((start, Party(surface, minted_region(surface, own, level), minted=True)))
            continue
        party = resolve_party(w, surface, line, country=own, place_context=place_context,
                              evidence=evidence)
        if party is not None:
            out.append((start, party))
    return out


def _with_placed_words(w: FactWriter, text: str, mentions: list[tuple[int, str]], words: list[tuple[int, str]]
                       ) -> list[tuple[int, str]]:
    """Registry names and the words with a place suffix that a country word or another place stands right before
    (``베트남 가나성 다라시``), left to right; of a run of places (a parent, then a smaller unit) only the last.

    >>> w = FactWriter.__new__(FactWriter); w.registry = __import__("graph.registry").registry.Registry.default()
    >>> text = "일본 하루미시(2011), 베트남 가나성 다라시(2014)"
    >>> _with_placed_words(w, text, [], [(text.index(t), t) for t in ("하루미시", "가나성", "다라시")])
    [(3, '하루미시'), (23, '다라시')]
    >>> text = "같은 날 천안시-가나주 다라시 협약 체결"
    >>> _with_placed_words(w, text, [(5, "천안시")], [(text.index(t), t) for t in ("천안시", "가나주", "다라시")])
    [(5, '천안시'), (13, '다라시')]
    """
    pattern, _ = w.registry.country_words
    anchors = [(m.start(), m.end()) for m in pattern.finditer(text)]
    spans = sorted((s, s + len(t), t) for s, t in mentions)
    for start, token in words:
        if is_place_word(token) and not any(a <= start < b for a, b, _ in spans):
            before = text[:start].rstrip()
            paired = before.rstrip("-–—").rstrip()  # 가나시-다라주 마바시: a pair written with a dash
            if any(b == len(before) for _, b in anchors) or any(b in (len(before), len(paired)) for _, b, _ in spans):
                spans = sorted([*spans, (start, start + len(token), token)])
    return _innermost(text, spans)


def _innermost(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, str]]:
    """Of each run of places with only spaces between them (a parent, then a smaller unit: ``가나현 다라시``), the
    last, with its position."""
    out: list[tuple[int, int, str]] = []
    for span in spans:
        if out and not text[out[-1][1]:span[0]].strip():
            out[-1] = span  # the place before names where this one is
        else:
            out.append(span)
    return [(a, t) for a, _, t in out]


def _body_acts(w: FactWriter, text: str) -> bool:
    """A Korean place's body is named in ``text`` (``가나구체육회``, no space between): the entry is that body's."""
    return any(m.entity.kind == "region" and m.entity.country == "KR" and BODY_ENDING.match(text, m.end)
               for m in w.registry.find_mentions(text))


def _whole_name(text: str, mention) -> bool:
    """A mention that is a name of its own, not part of a longer word (``경기`` in ``대학경기대회``) nor of a body's
    name (``가나구체육회``)."""
    if mention.start > 0 and re.match("[가-힣]", text[mention.start - 1]):
        return False
    if BODY_ENDING.match(text, mention.end):
        return False  # 가나구체육회: a body of the place, not the place
    token = _TOKEN.match(text, mention.start)
    if token and token.end() > mention.end and strip_particle(token.group(0)) != mention.surface and \
            place_level(strip_particle(token.group(0))):
        return False  # 하바롭스크 in 하바롭스크시: the longer word names another place (대구 in 대구 서구 does not)
    after = text[mention.end:mention.end + 1]
    return len(normalize_name(mention.surface)) > 2 or not re.match("[가-힣]", after) or after in _NAME_FOLLOWERS


def _with_unit(w: FactWriter, text: str, mention) -> str:
    """A region name followed by a unit within it (``대구광역시 남구``, ``기후현 가카미가하라시``) names the unit."""
    rest = text[mention.end:]
    following = _TOKEN.match(text, mention.end + len(rest) - len(rest.lstrip()))
    if following is not None and mention.end < following.start() <= mention.end + 1:
        unit = strip_particle(following.group(0))  # 가나현 다라시와: the unit 다라시, not the parent
        district = w.registry.resolve(unit, kinds=("region",), parent=mention.entity.id).entity
        if (district is not None and district.parent == mention.entity.id) or (
                place_level(unit) and not w.registry.find_mentions(unit) and not relation_of(unit)):
            return text[mention.start:following.start() + len(unit)]
    return mention.surface


def _is_name_word(w: FactWriter, token: str) -> bool:
    """A token that may be a name: Hangul, not a country, relation, signing or date word."""
    if not re.search("[가-힣]", token) or len(token) < 2 or token[0].isdigit():  # 10주년을: a count, no name
        return False
    if country_in(w.registry, token) is not None or relation_of(token) is not None:
        return False
    return not any(token.startswith(word) for word, _ in RELATION_WORDS) and not _PREDICATE.search(token) and \
        not re.search(r"(체결|결연|협약|협정|추진|예정|계획|현황|교류|재체결|갱신|도시|년|월|일)$", token)
