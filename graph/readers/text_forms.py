"""The reading form of a document's lines: what the general readers match against, not what is cited.

Old records and scanned pages write the same words in other forms: full-width digits and Kangxi radicals from a
PDF font (``２０１９``, ``⽇本``), OCR letters for digits (``2O18. l1. 3l.``), syllables spread apart by a scan
(``자 매 결 연``) and Hanja words beside Hangul (``姉妹結緣 締結``, ``서울特別市``). :func:`reading_form` turns a
line into the form the readers know; the stored line, its number and so every citation stay as written.

>>> reading_form("1   가 나시(加那市)      일 본     l997. 6. 19.    자 매 결 연")
'1   가나시(加那市)      일본     1997. 6. 19.    자매결연'
>>> reading_form("2. 대구광역시 수성구 — 檀紀 4328年 7月 姉妹結緣 締結")
'2. 대구광역시 수성구 — 단기 4328년 7월 자매결연 체결'
>>> reading_form("그 후 두 차례 방문하여 자매결연을 체결하였다.")  # a prose line is left alone
'그 후 두 차례 방문하여 자매결연을 체결하였다.'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from itertools import product
from pathlib import Path

from corpus.loader import Document
from graph.readers.context import BULLET
from graph.readers.entities import DOMESTIC_WORDS
from graph.readers.relations import relation_of
from graph.readers.table_headers import header_role
from graph.readers.table_rows import split_cells
from graph.registry import Registry

HANJA_FILE = Path(__file__).resolve().parent.parent / "data" / "hanja_words.tsv"

#: Compatibility forms a PDF or a CJK font prints (full-width ASCII, ideographic space, Kangxi radicals, CJK
#: compatibility ideographs): each is one character whose NFKC form is one character too.
_COMPATIBLE = re.compile(r"[\uff01-\uff5e\u3000\u2f00-\u2fd5\u2e80-\u2ef3\uf900-\ufaff]")
_HANJA = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HANGUL = re.compile(r"[가-힣]")
#: A run of letters and digits where OCR read a digit as a letter (``2O18``, ``l997``, ``1O``, ``2Ol4``,
#: ``l2,OOO``): only l, I and O, never beside other Latin letters, and no more of them than real digits (``O2O``
#: stays) unless the run is grouped by thousands or is a year before a date's month.
_OCR_NUMBER = re.compile(r"(?<![A-Za-z])[0-9lIO]*\d[0-9lIO]*(?:,[0-9lIO]{3})*(?![A-Za-z])")
#: A date's last slot read as a letter (``2012. 6. l.``): only after a year-and-month.
_OCR_DATE_SLOT = re.compile(r"(\d{2,4}\s*\.\s*\d{1,2}\s*\.\s*)([lIO])(?=\s*\.|\s*$|\s+\D)")
#: A date's month read as letters only (``1994. ll. 7``, ``2023년 ll월``): between a year and a day, or before 월.
_OCR_MONTH_SLOT = re.compile(r"((?<!\d)(?:19|20)\d\d\s*\.\s*)([lIO]{1,2})(?=\s*\.\s*[0-9lIO]{1,2}(?![0-9A-Za-z]))"
                             r"|((?<!\d)(?:19|20)\d\d\s*년\s*)([lIO]{1,2})(?=\s*월)")
_OCR_DIGITS = str.maketrans("lIO", "110")
#: What follows a year (a date's separator and the month's first digit), so a year may hold more letters than digits.
_OCR_YEAR_AFTER = re.compile(r"\s*[./년-]\s*[0-9lIO]")
#: Hanja date units after a number (``1992年 10月 9日``) read as 년, 월, 일.
_HANJA_UNIT = re.compile(r"(?<=\d)(\s*)([年月日])")
_UNITS = {"年": "년", "月": "월", "日": "일"}
#: Syllables a scan spread apart: three or more one-syllable words in a row, each one space from the next.
_SPREAD = re.compile(r"(?<![가-힣])[가-힣](?: [가-힣]){2,}(?![가-힣])")
_HANGUL_WORD = re.compile(r"[가-힣]+")
#: Share of a line's Hangul words that are single syllables from which the line counts as letter-spaced.
SPREAD_SHARE = 0.5
#: A gap of two or more spaces inside a line: a column gap of a table laid out with spaces (a scan, a PDF copy).
_GAP = re.compile(r" {2,}")
#: Rows a block of space-laid lines needs before it counts as a table.
ALIGNED_ROWS = 3
#: A line ending in a date's year and month (``… 2019. 5.``, ``… 2021년 3월``) and the next opening with its day
#: (``24. 가나시와 …``, ``5일 …``): a date the PDF's line wrap split.
_OPEN_DATE = re.compile(r"(?:(?<!\d)(?:19|20)\d\d|'\d\d)\s*(?:\.\s*\d{1,2}\s*\.|년\s*\d{1,2}\s*월)\s*$")
_DAY_OPENING = {".": re.compile(r"^\s*(?P<day>(?:[12]?\d|3[01])\s*\.)(?=\s)"),
                "월": re.compile(r"^\s*(?P<day>(?:[12]?\d|3[01])\s*일)(?![간째]|\s*동안)")}  # not 10일간: days
_NUMBERED = re.compile(r"^\s*(\d{1,3})\s*[.)]")
#: A line at least this long ends where the page's width wrapped it (a heading or a list entry is shorter).
WRAP_CHARS = 30
#: Share of a document's Hangul lines holding spread syllables from which the document counts as a spaced scan
#: (one line of prose may hold ``그 외 두 곳``; a scan spreads many).
SPREAD_LINES = 0.25


@cache
def _hanja_rows() -> tuple[dict[str, str], ...]:
    rows = []
    with HANJA_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if len(row["hanja"]) != len(row["hangul"]):
                raise ValueError(f"{HANJA_FILE.name}: {row['hanja']} and {row['hangul']} differ in length")
            rows.append(row)
    return tuple(rows)


@cache
def hanja_words() -> tuple[dict[str, str], dict[str, str]]:
    """The Hanja table: ``(words, suffixes)``, each Hanja form → its Hangul form of the same length. A word is read
    wherever a run of Hanja is made of table words only; a suffix (市, 縣 …) only right after Hangul."""
    words: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    for row in _hanja_rows():
        if row["kind"] in ("word", "suffix"):
            (suffixes if row["kind"] == "suffix" else words)[row["hanja"]] = row["hangul"]
    return words, suffixes


@cache
def other_readings() -> dict[str, tuple[str, ...]]:
    """Second readings of one character that place names take (``金`` 김 in 金海 김해, where the per-character
    table reads 금): rows of kind ``reading`` in :data:`HANJA_FILE`."""
    readings: dict[str, tuple[str, ...]] = {}
    for row in _hanja_rows():
        if row["kind"] == "reading":
            readings[row["hanja"]] = (*readings.get(row["hanja"], ()), row["hangul"])
    return readings


#: The head-of-word rule (두음법칙) for Sino-Korean syllables: initial ㄴ before ㅕ ㅛ ㅠ ㅣ (ㅖ) drops, initial ㄹ
#: drops before those vowels and ㅑ, and becomes ㄴ before the others (녀→여, 량→양, 룡→용, 라→나, 로→노).
_DROPPED_VOWELS = frozenset((2, 6, 7, 12, 17, 20))  # ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ (jungseong indices)
_NIEUN, _RIEUL, _IEUNG = 2, 5, 11


def head_of_word(syllable: str) -> str:
    """``syllable`` as it is read at the head of a word (두음법칙).

    >>> "".join(map(head_of_word, "녀력룡라로뢰니"))
    '여역용나노뇌이'
    """
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return syllable
    initial, vowel = divmod(code // 28, 21)
    if initial == _NIEUN and vowel in _DROPPED_VOWELS:
        initial = _IEUNG
    elif initial == _RIEUL:
        initial = _IEUNG if vowel in _DROPPED_VOWELS else _NIEUN
    return chr(0xAC00 + (initial * 21 + vowel) * 28 + code % 28)


def per_character_readings(name: str) -> list[str]:
    """Hangul readings of a Hanja ``name``, one syllable a character (the ``hanja`` package's table), the head of
    the word under the 두음법칙, the first the usual one, then those with a second reading of a character
    (:func:`other_readings`). A character the table lacks gives no reading.

    >>> per_character_readings("報恩郡"), per_character_readings("羅州市")[0], per_character_readings("金海市")
    (['보은군'], '나주시', ['금해시', '김해시'])
    """
    import hanja  # loaded on the first Hanja name the word table does not read

    first = hanja.translate(name, "substitution")
    if len(first) != len(name) or not all(_HANGUL.match(ch) for ch in first):
        return []
    choices = [(ch, *other_readings().get(c, ())) for c, ch in zip(name, first, strict=True)]
    readings = ["".join(chars) for chars in product(*choices)]
    return list(dict.fromkeys(head_of_word(r[0]) + r[1:] for r in readings))


#: 국내 (at home) as a word: a row's 국가 cell, a section of domestic ties.
_DOMESTIC = re.compile(r"(?<![가-힣])(?:" + "|".join(DOMESTIC_WORDS) + r")(?![가-힣])")
#: A cell holding a country word alone (no place name beside it): a row's 국가 cell.
_CELL_COUNTRY = re.compile(r"[가-힣\u3400-\u9fff]{1,8}")
#: What parts a line's clauses (a list, a row's cells, a dash before what it labels).
_CLAUSES = re.compile(r"[,·;—–|/\t]")


@dataclass(frozen=True)
class PlaceReadings:
    """Which per-character readings of a Hanja name to use: those the registry knows as a place's name, so that
    ``報恩郡`` is read 보은군 while ``札幌市`` (찰황시 is no Korean name of Sapporo) stays as written. Where the text
    states a country for the name (:meth:`country_in_scope`: ``中國 廣州市``, ``廣州市(中國)``, a row's 국가 cell,
    the paragraph's country), a reading is used only when it names a place of that country: 廣州市 in China is no
    경기도 광주시, and stays as written (a new place of China)."""

    registry: Registry

    def read(self, name: str, country: str | None = None, tail: str = "") -> str | None:
        """The reading of ``name`` (kept as written when the registry knows it in Hanja), or ``None``; ``tail`` is
        the Hangul written right after it (``松坡구``: the registry knows 송파구)."""
        if self.registry.candidates(name + tail):
            return name
        for reading in per_character_readings(name):
            found = {e.country or e.id for e in self.registry.candidates(reading + tail)}
            if found and (country is None or country in found):
                return reading
        return None

    def countries(self, text: str, words: dict[str, str]) -> list[str]:
        """The countries ``text`` names as words (Hanja country words read through ``words``, a particle after
        them allowed, 국내 for Korea), in order."""
        read = _HANJA.sub(lambda m: words.get(m.group(0), m.group(0)), text)
        found = [*self.registry.countries_in_prose(read), *((m.start(), "KR") for m in _DOMESTIC.finditer(read))]
        return [country for _, country in sorted(found)]

    def country_in_scope(self, text: str, start: int, end: int, words: dict[str, str]) -> str | None:
        """The country ``text`` states for the name at ``start:end``: a country word of its clause before it
        (``中國 廣州市``; a Korean region right before it means Korea: ``대구廣域市 壽城區``), else a country word
        alone before an empty clause (``中國 — 廣州市``, ``중국 | 廣州市``: a label), else a bracketed country right
        after it (``廣州市(中國)``), else the one country the cells of its row name (``廣州市 | 중국 | 1995``), else
        ``None`` (the caller's country of the paragraph).

        >>> p, w = PlaceReadings(Registry.default()), hanja_words()[0]
        >>> def scope(t, name="廣州市"): return p.country_in_scope(t, t.index(name), t.index(name) + len(name), w)
        >>> [scope(t) for t in ("1. 中國 廣東省 廣州市", "1. 中國 — 廣州市", "1. 廣州市(中國)", "2 | 廣州市 | 중국")]
        ['CN', 'CN', 'CN', 'CN']
        >>> scope("廣州市와"), scope("중국 가나시, 대구廣域市 壽城區", "壽城區"), scope("국내 | 壽城區", "壽城區")
        (None, 'KR', 'KR')
        >>> scope("中國 加那市 · 廣州市") is None  # after another country's place: no label of its own
        True
        >>> scope("중국 랴오닝성 안산시(鞍山市)", "鞍山市")  # a gloss of the name before it, no Korean parent
        'CN'
        """
        clauses = _CLAUSES.split(text[:start])
        last = clauses[-1]
        parent = re.search(r"([가-힣\u3400-\u9fff]+)\s+$", last)  # 대구廣域市 壽城區; not 안산시(鞍山市), a gloss
        if parent and self._korean_region(parent.group(1)):
            return "KR"
        found = self.countries(last, words)
        if not found and not re.search(r"[가-힣\u3400-\u9fffA-Za-z]", last) and len(clauses) > 1:
            label = re.findall(r"[가-힣\u3400-\u9fffA-Za-z]+", clauses[-2])  # 中國 — 廣州市: a country label
            found = self.countries(clauses[-2], words) if len(label) == 1 else []
        if found:
            return found[-1]
        bracket = re.match(r"\s*[(（]([^()（）]{1,12})[)）]", text[end:])
        if bracket and (after := self.countries(bracket.group(1), words)):
            return after[0]
        cells = split_cells(text)
        if cells is not None:  # a row: its country cell
            named = {found[0] for cell in cells if len(found := self.countries(cell, words)) == 1
                     and _CELL_COUNTRY.fullmatch(cell.strip(" ()（）"))}
            if len(named) == 1:
                return named.pop()
        return None

    def _korean_region(self, word: str) -> bool:
        """Whether ``word`` (Hanja suffixes read) names a Korean registry region (``서울特別市``)."""
        read = read_hanja(word) if _HANJA.search(word) else word
        return any(e.kind == "region" and e.country == "KR" for e in self.registry.candidates(read))


#: Length of the longest place name read character by character (``忠淸北道`` and a suffix fit).
PLACE_CHARS = 6


def _segment(run: str, words: dict[str, str], place: Callable[[str], str | None] | None = None) -> str | None:
    """``run`` read as table words, longest first (and as place names ``place`` reads, two characters or more),
    or ``None`` when some part of it is neither."""
    longest = max(map(len, words))
    best: list[str | None] = [""] + [None] * len(run)
    for end in range(1, len(run) + 1):
        for size in range(min(max(longest, PLACE_CHARS if place else 0), end), 0, -1):
            head, piece = best[end - size], run[end - size:end]
            if head is None:
                continue
            if piece in words:
                best[end] = head + words[piece]
                break
            reading = place(piece) if place and size >= 2 else None
            if reading is not None:
                best[end] = head + reading
                break
    return best[-1]


def read_hanja(text: str, places: PlaceReadings | None = None, carried: str | None = None) -> str:
    """Hanja relation, status and admin words read in Hangul (:data:`HANJA_FILE`); with ``places``, a place name
    in Hanja too, character by character, when the registry knows the reading (:class:`PlaceReadings`) in the
    country the line states for it, else ``carried`` (the paragraph's). A run of Hanja holding anything else (a
    place name the registry does not know) stays as written.

    >>> read_hanja("日本 가나縣 — 友好交流協定 締結, 中國 加那市, 서울特別市 麻浦區")
    '일본 가나현 — 우호교류협정 체결, 중국 加那市, 서울특별시 麻浦區'
    >>> read_hanja("忠淸北道 報恩郡 — 대구廣域市 壽城區, 日本 札幌市, 서울 松坡구", PlaceReadings(Registry.default()))
    '충청북도 보은군 — 대구광역시 수성구, 일본 札幌市, 서울 송파구'
    """
    words, suffixes = hanja_words()

    def read(m: re.Match[str]) -> str:
        run = m.group(0)
        whole = _segment(run, words)
        if whole is not None:
            return whole
        if places is not None:
            stated = places.country_in_scope(text, m.start(), m.end(), words) or carried
            named = _segment(run, words, lambda piece: places.read(piece, stated))
            if named is not None:
                return named
            tail = re.match(r"[가-힣]+", text[m.end():])
            named = places.read(run, stated, tail.group(0)) if tail and len(run) >= 2 else None
            if named is not None:
                return named
        after_hangul = m.start() and _HANGUL.match(text[m.start() - 1])
        if after_hangul and run[0] in suffixes:
            rest = _segment(run[1:], words) if len(run) > 1 else ""
            if rest is not None:
                return suffixes[run[0]] + rest
        return run

    text = _HANJA.sub(read, text)
    return _HANJA_UNIT.sub(lambda m: m.group(1) + _UNITS[m.group(2)], text)


def ocr_digits(text: str) -> str:
    """Digits OCR read as letters, inside numbers and dates only.

    >>> ocr_digits("2O18. l1. 3O. 현재 · 2Ol4. 7. 15. · 2O11. 9. l. · MOU · O2O · I. 개요 · 061-73O-1234")
    '2018. 11. 30. 현재 · 2014. 7. 15. · 2011. 9. 1. · MOU · O2O · I. 개요 · 061-730-1234'
    >>> ocr_digits("2OlO. 3. 3O. · 2OlO명 · lOO · l2,OOO천원 · 3,5OO")
    '2010. 3. 30. · 2OlO명 · lOO · 12,000천원 · 3,500'
    >>> ocr_digits("1994. ll. 7 · 2001. lO. l5. · 1994. ll명")  # a month of letters only, between year and day
    '1994. 11. 7 · 2001. 10. 15. · 1994. ll명'
    >>> ocr_digits("2O23년 ll월 9일 · 2019년 lO월 · 2019년 ll명")
    '2023년 11월 9일 · 2019년 10월 · 2019년 ll명'
    """

    def number(m: re.Match[str]) -> str:
        token = m.group(0)
        letters = sum(ch in "lIO" for ch in token)
        year = len(token) == 4 and _OCR_YEAR_AFTER.match(m.string, m.end())  # 2OlO. 3. 3O.
        sure = letters <= len(token) - letters - token.count(",") or year or "," in token  # l2,OOO
        return token.translate(_OCR_DIGITS) if letters and sure else token

    text = _OCR_NUMBER.sub(number, text)
    text = _OCR_MONTH_SLOT.sub(lambda m: (m.group(1) or m.group(3)) + (m.group(2) or m.group(4)).translate(_OCR_DIGITS),
                               text)
    return _OCR_DATE_SLOT.sub(lambda m: m.group(1) + m.group(2).translate(_OCR_DIGITS), text)


def rejoin_spread(text: str, country_words: Iterable[str] = (), *, country_first: bool = False) -> str:
    """A letter-spaced line (a scan's ``가 나 시   국 제 교 류 현 황``) with its syllables rejoined: a one-syllable
    word is joined to a one-syllable word one space after it, and so is one that opens a name (no Hangul word one
    space before it) to the word after it. Wider gaps (columns) stay. A joined word that ends with
    a country name (``country_words``) — or begins with one, when the table's header puts its country column
    before its name column (``country_first``, :func:`country_column_first`) — is parted from it again by a column
    gap (``다 라 포 틀 랜 드 미 국``, ``일 본 다 라 시``: a country is a cell of its own in such a table, and the scan
    left no wider gap to tell), unless the line has a country cell of its own already. A line that is not
    letter-spaced (fewer than :data:`SPREAD_SHARE` of its Hangul words single syllables) stays as it is.

    >>> rejoin_spread("3   다 라 포 틀 랜 드 미 국     2011. 9. 1.     자매 결연", ["미국"])
    '3   다라포틀랜드  미국     2011. 9. 1.     자매 결연'
    >>> rejoin_spread("3 미 국 다 라 포 틀 랜 드  2011. 9. 1.", ["미국"], country_first=True)
    '3 미국  다라포틀랜드  2011. 9. 1.'
    >>> rejoin_spread("3 미 국   가 나 다 라 시  2011. 9. 1.", ["미국", "가나"], country_first=True)
    '3 미국   가나다라시  2011. 9. 1.'
    >>> rejoin_spread("가나시와 그 외 두 곳"), rejoin_spread("1  가 나시  문 의 : 국제교 류 담당 주 무 관")
    ('가나시와 그외두곳', '1  가나시  문의 : 국제교 류 담당 주무관')

    Whether a line is a scan's is a question for its document (:func:`letter_spaced`): prose has such lines too.
    """
    if not _SPREAD.search(text):
        return text
    hangul_words = _HANGUL_WORD.findall(text)
    if sum(len(w) == 1 for w in hangul_words) < SPREAD_SHARE * len(hangul_words):
        return text
    joined = re.sub(r"(?<=[가-힣]) (?=[가-힣])", lambda m: _join_or_keep(text, m.start()), text)
    countries = sorted({c for c in country_words if len(c) >= 2}, key=len, reverse=True)
    if not countries:
        return joined
    words = _HANGUL_WORD.findall(joined)
    if any(w in countries for w in words):
        return joined  # the row has its country cell: a joined name that begins or ends like one is a name
    alternatives = "|".join(map(re.escape, countries))
    part = (re.compile(rf"^({alternatives})(?=[가-힣]{{2}})"), r"\1  ") if country_first else \
        (re.compile(rf"(?<=[가-힣]{{2}})({alternatives})$"), r"  \1")
    written = set(hangul_words)
    return _HANGUL_WORD.sub(lambda m: m.group(0) if m.group(0) in written else part[0].sub(part[1], m.group(0)),
                            joined)


def _join_or_keep(text: str, space: int) -> str:
    """``""`` when the space at ``space`` parts two one-syllable words (``가 나 시``) or a one-syllable word that opens
    a name from the word after it (``가 나시``), else ``" "``: a syllable between two words may belong to either
    (``국제교 류 담당``), and one after a word is as often a word of its own (``네이버 등``)."""
    before = re.search(r"[가-힣]+$", text[:space]).group(0)
    after = re.match(r"[가-힣]+", text[space + 1:]).group(0)
    opens = not re.search(r"[가-힣] $", text[:space - 1])  # no Hangul word one space before the syllable
    return "" if len(before) == 1 and (len(after) == 1 or opens) else " "


def country_words(registry: Registry) -> frozenset[str]:
    """The Hangul names of the registry's countries (``미국``, ``일본``), which :func:`rejoin_spread` parts off."""
    return frozenset(n for e in registry.entities.values() if e.kind == "country" for n in e.names
                     if re.fullmatch(r"[가-힣]{2,}", n))


def country_column_first(lines: Iterable[str]) -> bool:
    """Whether the first header among ``lines`` that names both a country column and a name column (cells parted
    by bars, tabs or column gaps, roles by :func:`~graph.readers.table_headers.header_role`) puts the country first.

    >>> country_column_first(["가나군 현황", "연번  국가  도시명   체결일"])
    True
    >>> country_column_first(["도시 | 국가 | 체결일"])
    False
    """
    return next((order for order in map(_country_before_name, lines) if order is not None), False)


def _country_before_name(line: str) -> bool | None:
    """For a header naming a country column and a name column: whether the country comes first; else ``None``."""
    roles = [header_role(cell) for cell in split_cells(line) or _GAP.split(line.strip())]
    if "country" in roles and "party" in roles:
        return roles.index("country") < roles.index("party")
    return None


def country_first_by_line(lines: Iterable[str]) -> list[bool]:
    """For each line, whether the nearest header above it (or on it) that names a country column and a name column
    puts the country first (:func:`country_column_first` per table: a scan's small table of planned partners above
    does not decide for the table of signings below).

    >>> country_first_by_line(["국가  도시명  비고", "일본  가나시  협의 중", "연번  도시명  국가", "1  다라시  중국"])
    [True, True, False, False]
    """
    out: list[bool] = []
    current = False
    for line in lines:
        order = _country_before_name(line)
        current = current if order is None else order
        out.append(current)
    return out


def letter_spaced(lines: Iterable[str]) -> bool:
    """True when the lines read like a letter-spaced scan: at least two, and :data:`SPREAD_LINES` of the lines
    with Hangul, hold three or more one-syllable words in a row.

    >>> letter_spaced(["가 나 시 현 황", "1  가 나 시  자 매 결 연", "비고"])
    True
    >>> letter_spaced(["가나시와 그 외 두 곳", "끝"])
    False
    """
    hangul = [line for line in lines if _HANGUL.search(line)]
    spread = sum(bool(_SPREAD.search(line)) for line in hangul)
    return spread >= 2 and spread >= SPREAD_LINES * len(hangul)


#: A sentence's end inside a line (``체결했다.``, ``맺었습니다.``, ``계획이다.  올해``): a line holding one is prose,
#: whatever spaces HWP/PDF exports leave inside it.
_SENTENCE_END = re.compile(r"[가-힣](?:다|요|까)[.!?](?=\s|$|[\"'”’)])")


def _names_roles(block: list[str]) -> bool:
    """Whether a line of ``block`` is a header: two or more of its space-parted cells name a table role."""
    return any(sum(header_role(cell) is not None for cell in _GAP.split(line.strip())) >= 2 for line in block)


def _columns_line_up(block: list[str]) -> bool:
    """Whether every line of ``block`` starts a cell after a gap at the same place on the page (counted in display
    columns, a Hangul syllable two wide, one column of slack), the way a table's columns stand under each other."""

    def starts(line: str) -> set[int]:
        width = [2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line]
        return {sum(width[:m.end()]) for m in _GAP.finditer(line) if m.start() > 0 and m.end() < len(line)}

    first, *rest = map(starts, block)
    return any(all(any(abs(col - other) <= 1 for other in others) for others in rest) for col in first)


def aligned_rows(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Lines with a table laid out with spaces written as `` | `` rows, as the table reader reads them: a block of
    :data:`ALIGNED_ROWS` or more lines in a row, each with two column gaps (two or more spaces) or more inside it and
    no sentence's end (prose exported with double spaces stays prose), whose columns line up across the rows
    (:func:`_columns_line_up`) or under a header naming table roles (``연번  도시명  체결일``); an indented line
    within the block is a row whose first cells are empty. A line that is a row already (tabs, bars, box-drawn
    bars: :func:`~graph.readers.table_rows.split_cells`) and lines outside such blocks stay as they are.

    >>> rows = aligned_rows(("현황", "연번  도시명   체결일", " 1   가나시   1997. 6. 19.",
    ...                      "     ※ 2022. 8. 3. 재체결", " 2   다라시   2008. 10. 2.", "문의  055"))
    >>> rows[1:3]
    ('연번 | 도시명 | 체결일', ' 1 | 가나시 | 1997. 6. 19.')
    >>> rows[3:]
    (' | ※ 2022. 8. 3. 재체결', ' 2 | 다라시 | 2008. 10. 2.', '문의  055')
    >>> aligned_rows(("위원  말씀  드립니다", "가  나"))  # two lines are no table
    ('위원  말씀  드립니다', '가  나')
    """

    def laid_out(line: str) -> bool:
        return split_cells(line) is None and len(_GAP.findall(line.strip())) >= 2 and not _SENTENCE_END.search(line)

    out = list(lines)
    n = 0
    while n < len(lines):
        end = n
        while end < len(lines) and (laid_out(lines[end]) or (
                end > n and lines[end].startswith("  ") and lines[end].strip())):  # an indented row goes on
            end += 1
        block = [line for line in lines[n:end] if laid_out(line)]
        if len(block) >= ALIGNED_ROWS and (_names_roles(block) or _columns_line_up(block)):
            for i in range(n, end):
                out[i] = _GAP.sub(" | ", lines[i].rstrip())
        n = max(end, n + 1)
    return tuple(out)


def wrapped_dates(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Lines with a date the page's wrap split over two lines made whole on the first: its day moves up to the year
    and month that end the line before. Not when the line before is short (an entry dated to the month) or when
    the day is the next number of a numbered list (``1. 가나시 … 2019. 5.`` then ``2. 다라시 …``).

    >>> wrapped_dates(("가나군은 오랜 협의 끝에 청소년 교류를 이어 가기로 하고 2019. 5.", "24. 다라시와 결연했다."))
    ('가나군은 오랜 협의 끝에 청소년 교류를 이어 가기로 하고 2019. 5. 24.', '다라시와 결연했다.')
    >>> wrapped_dates(("1. 가나시와 청소년 교류를 이어 가기로 하고 자매결연을 맺었음 2019. 5.", "2. 다라시와 우호교류"))
    ('1. 가나시와 청소년 교류를 이어 가기로 하고 자매결연을 맺었음 2019. 5.', '2. 다라시와 우호교류')
    """
    out = list(lines)
    number = None
    for n, line in enumerate(lines[:-1]):
        opened = _NUMBERED.match(line)
        number = int(opened.group(1)) if opened else number
        end = _OPEN_DATE.search(out[n])
        if not end or len(line.strip()) < WRAP_CHARS:
            continue
        day = _DAY_OPENING["월" if end.group(0).rstrip().endswith("월") else "."].match(lines[n + 1])
        listed = _NUMBERED.match(lines[n + 1])
        if day is None or (listed and number is not None and int(listed.group(1)) == number + 1):
            continue
        out[n] = out[n].rstrip() + " " + day.group("day").replace(" ", "")
        out[n + 1] = lines[n + 1][day.end():].lstrip()
    return tuple(out)


#: A name set in Markdown bold after a word of the line (``일본 가나현 **다라시** —``, ``중국 **다라시** (가나성)``):
#: the marks are formatting, read as blanks; a bold name opening the line or its entry (``**가나시** — …``) keeps them.
_INNER_BOLD = re.compile(r"(?<=[가-힣A-Za-z)]\s)\*\*([^*\n]{1,40}?)\*\*")


def plain_bold(line: str) -> str:
    """``line`` with the bold marks around a name inside it blanked (same length).

    >>> plain_bold("- 일본 가나현 **다라시** — 1985년"), plain_bold("**가나시** — 2007년 자매결연")
    ('- 일본 가나현   다라시   — 1985년', '**가나시** — 2007년 자매결연')
    """
    return _INNER_BOLD.sub(lambda m: f"  {m.group(1)}  ", line)


#: A relation raised to another (``자매도시로 승격``, ``자매결연 관계로 승격``): the upgrade that ``격상`` words, not a
#: party's own rise in rank (``시 승격``), which stays as written.
_RAISED = re.compile(r"(?P<word>[가-힣]{2,})(?P<to>\s*(?:관계\s*)?으?로\s*)승격")


def raised_relations(line: str) -> str:
    """``line`` with a relation's ``승격`` read as ``격상`` (same length).

    >>> raised_relations("2016년 자매도시로 승격"), raised_relations("2008년 시로 승격, 1995년 군 승격")
    ('2016년 자매도시로 격상', '2008년 시로 승격, 1995년 군 승격')
    """
    return _RAISED.sub(lambda m: m.group("word") + m.group("to") + ("격상" if relation_of(m.group("word")) else "승격"),
                       line)


def reading_form(line: str, country_words: Iterable[str] = (), *, spaced: bool = True,
                 places: PlaceReadings | None = None, carried: str | None = None, country_first: bool = False
                 ) -> str:
    """The form of ``line`` the readers match: compatibility characters as their plain forms, OCR digits, bold marks
    inside it blanked (:func:`plain_bold`), a relation's 승격 read as 격상 (:func:`raised_relations`), a
    letter-spaced scan's syllables rejoined (``spaced``: the document is one; ``country_first``: its table names the
    country before the city, :func:`rejoin_spread`), Hanja words in Hangul and, with ``places``, Hanja place names
    the registry knows (see the module's doctest) in the country the line states, else ``carried``."""
    line = ocr_digits(_COMPATIBLE.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), line))
    line = raised_relations(plain_bold(line))
    return read_hanja(rejoin_spread(line, country_words, country_first=country_first) if spaced else line, places,
                      carried)


def reading_document(doc: Document, country_words: Iterable[str] = (), places: PlaceReadings | None = None
                     ) -> Document:
    """``doc`` with its lines and titles in their reading forms (same number of lines, so citations hold).

    >>> doc = Document("d", ("가 나 군  자 매 도 시", "1  가 나 시  2O19. 5. l.  자 매 결 연", "그 외 두 곳"), "")
    >>> reading_document(doc).lines
    ('가나군  자매도시', '1  가나시  2019. 5. 1.  자매결연', '그외두곳')
    >>> reading_document(Document("f", ("검 토 보 고", "○ 제 출 자 : 가나시장", "온 라 인  네이버 등"), "")).lines
    ('검토보고', '○ 제출자 : 가나시장', '온라인  네이버 등')
    >>> reading_document(Document("e", ("가나시와 그 외 두 곳", "1992年 姉妹結緣"), "")).lines
    ('가나시와 그 외 두 곳', '1992년 자매결연')
    """
    words = tuple(country_words)
    spaced = letter_spaced(doc.lines)
    firsts = country_first_by_line(rejoin_spread(line) for line in doc.lines) if spaced else [False] * len(doc.lines)

    def form(text: str, carried: str | None = None, first: bool = False) -> str:
        return reading_form(text, words, spaced=spaced, places=places, carried=carried, country_first=first)

    extra = {k: form(v) if k == "found_title" else v for k, v in doc.extra.items()}
    formed: list[str] = []
    carried: str | None = None  # the country named last in the paragraph: where its Hanja place names are
    from_entry = False  # that country was named in a list entry or a row: the next entry's places are not there
    for line, first in zip(doc.lines, firsts, strict=True):
        entry = bool(BULLET.match(line)) or split_cells(line) is not None
        formed.append(form(line, None if entry and from_entry else carried, first))
        if places is not None:
            named = places.countries(formed[-1], hanja_words()[0]) if line.strip() else []
            if named:
                carried, from_entry = named[-1], entry
            elif not line.strip():
                carried, from_entry = None, False
    lines = wrapped_dates(aligned_rows(tuple(formed)))
    return replace(doc, lines=lines, title_ko=form(doc.title_ko), extra=extra)
