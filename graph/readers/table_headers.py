"""What a table's header cell names: a column role (체결일자 → date, 상대도시 → party, Partner City → party) or the
country of a party column (``일본 측``, ``Korean side``)."""

from __future__ import annotations

import re

from graph.dates import find_dates
from graph.registry import Registry, normalize_name

#: Header words naming each column role (compared without spaces, lower case), most specific first.
ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("serial", ("연번", "번호", "순번", "순위", "no", "no.", "#")),
    ("date", ("체결일자", "체결일", "협약일자", "협약일", "결연일자", "결연일", "체결연도", "체결년도", "결연연도",
              "체결시기", "결연시기", "협약체결일", "일자", "날짜", "연도", "년도", "시기", "체결연월일", "재체결일",
              "갱신일", "재체결", "최초체결", "서명일자", "서명일", "협약체결", "결연체결", "체결", "갱신", "재협약",
              "격상일",
              "date", "signed", "signingdate", "dateofsigning", "year", "since")),
    ("country", ("국가명", "국가", "나라", "국명", "country", "nation")),
    ("relation", ("교류형태", "협약유형", "결연형태", "체결형태", "유형", "구분", "종류", "형태", "관계", "type",
                  "relationship", "relation", "kind", "category")),
    ("fields", ("주요협력분야", "협력분야", "교류분야", "주요교류분야", "주요내용", "교류내용", "분야", "내용",
                "비고", "fields", "field", "areas", "remarks", "remark", "notes", "note", "details")),
    ("parent", ("시도", "시·도", "광역자치단체", "광역시도", "광역", "도도부현", "현", "성", "주", "prefecture",
                "province", "state")),
    ("party", ("상대도시", "교류도시", "자매도시", "우호도시", "결연도시", "상대기관", "상대지자체", "자치단체",
               "지방자치단체", "지자체", "지방정부", "기관명", "도시명", "도시", "지역", "상대", "기관", "시군구",
               "시군", "기초자치단체", "기초", "교류지역", "자매결연", "우호교류", "국내", "국외", "해외", "city",
               "cities", "partner", "partnercity", "sistercity", "region", "municipality", "localgovernment",
               "counterpart")),
)
#: Words of a header naming a column that holds neither a party nor a signing (signatories, contacts, sizes).
OTHER_WORDS = ("서명자", "서명인", "협약자", "참석자", "대표자", "담당", "부서", "연락처", "전화", "인구", "면적",
               "signatory", "signatories", "signedby", "contact", "population")
#: Words of a header naming a date that is not a signing (a term, an expiry, a visit, a reference date).
OTHER_DATE_WORDS = ("기간", "예정", "만료", "종료", "중단", "해지", "방문", "기준일", "작성일", "수정일", "등록일",
                    "취임", "임기", "출생", "생년", "개최", "행사", "집행", "접수", "게재", "발표", "공시", "공고",
                    "확인일", "조사일", "발행", "배포", "보도", "통계", "기준연도", "기준년도", "expir", "until",
                    "visit", "period", "term", "born", "birth", "event", "inaugurat", "office", "updat", "publish",
                    "asof", "reference", "posted")
#: Words a party column's header may add to a country name (``일본 측``, ``한국 지자체``, ``Japan side``).
SIDE_WORDS = re.compile(r"(측|쪽|편|지자체|자치단체|지방정부|도시|side|city|cities|localgovernments?)$")


def header_role(cell: str) -> str | None:
    """The role a header cell names (``체결일자`` → date, ``상대도시`` → party), or ``None``.

    >>> header_role("체결 일자"), header_role("주 요 협 력 분 야"), header_role("자매도시"), header_role("2002.5.1")
    ('date', 'fields', 'party', None)
    >>> header_role("협약 기간"), header_role("Date of signing"), header_role("Partner City"), header_role("현")
    ('otherdate', 'date', 'party', 'parent')
    >>> header_role("서명자"), header_role("담당 부서"), header_role("상대 도시(국가)"), header_role("체결일(재체결일)")
    ('other', 'other', 'party', 'date')
    >>> header_role("최초 체결"), header_role("재체결"), header_role("갱신"), header_role("체결 예정일")
    ('date', 'date', 'date', 'otherdate')
    """
    key = normalize_name(re.sub(r"\([^)]*\)", "", cell)) or normalize_name(cell)  # 상대 도시(국가): a city column
    if not key or find_dates(cell, bare_years=True):
        return None
    if any(word in key for word in OTHER_DATE_WORDS):
        return "otherdate"
    if any(word in key for word in OTHER_WORDS):
        return "other"
    for role, words in ROLE_WORDS:
        if any(key == w or (len(w) >= 2 and key.endswith(w) and len(key) <= len(w) + 4) for w in words):
            return role
    return _english_header_role(cell) if key.isascii() else None


#: Words of an English header naming each role (whole words, lower case), checked in this order.
ENGLISH_ROLE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("other", frozenset({"signatory", "signatories", "by", "contact", "population", "office", "department"})),
    ("date", frozenset({"date", "dated", "signed", "signing", "year", "since", "established", "concluded"})),
    ("country", frozenset({"country", "nation"})),
    ("relation", frozenset({"type", "relationship", "relation", "kind", "category", "status"})),
    ("fields", frozenset({"remarks", "remark", "notes", "note", "fields", "field", "areas", "details", "comments"})),
    ("party", frozenset({"city", "cities", "partner", "partners", "municipality", "government", "governments",
                         "region", "counterpart", "sister", "county", "district", "local", "province", "prefecture",
                         "state", "side"})),
)


def _english_header_role(cell: str) -> str | None:
    """The role an English header of several words names (``Agreement Date``, ``Korean City``, ``Signed by``).

    >>> [_english_header_role(h) for h in ("Agreement Date", "Foreign City", "Signed by", "Relationship Type")]
    ['date', 'party', 'other', 'relation']
    """
    words = set(re.findall(r"[a-z]+", cell.lower()))
    return next((role for role, vocabulary in ENGLISH_ROLE_WORDS if words & vocabulary), None)


def header_country(registry: Registry, cell: str) -> str | None:
    """The country a party column's header names (``일본 측``, ``한국 지자체``, ``Japan``), or ``None``.

    >>> reg = Registry.default()
    >>> header_country(reg, "일본 측"), header_country(reg, "Korean side"), header_country(reg, "국가")
    ('JP', 'KR', None)
    >>> header_country(reg, "Japanese City"), header_country(reg, "Chinese partner"), header_country(reg, "Type")
    ('JP', 'CN', None)
    """
    key = SIDE_WORDS.sub("", normalize_name(cell)) or normalize_name(cell)
    found = registry.candidates(key, kinds=("country",))
    if len(found) == 1 and len(key) >= 2:
        return found[0].id
    return _demonym_country(registry, re.sub(r"(partners?|counterparts?)$", "", key)) if key.isascii() else None


def _demonym_country(registry: Registry, key: str) -> str | None:
    """The country an English demonym names (``korean`` → KR, ``japanese`` → JP, ``chinese`` → CN): the one country
    whose English name, less its last letter, begins the word, a few letters shorter."""
    found = {e.id for e in registry.entities.values() if e.kind == "country"
             for name in (e.name_en, *e.aliases) if name.isascii() and " " not in name and len(name) >= 4
             and key.startswith(name.lower()[:-1]) and 0 < len(key) - len(name) + 1 <= 4}
    return found.pop() if len(found) == 1 else None
