"""People and posts stated in sentences: a person's name, a place or organisation, and a title.

Titles come from ``graph/data/titles.tsv``, places and organisations from the registry; names are found by
their position next to a title, never from a list of people. Korean names are one word of 2–4 syllables;
a foreign name may be two words (``가나트 다라가지예프``) and carry its own script in brackets. The orders met
in Korean text (the names below are invented):

* name – [country] place – [units] title: ``홍길동 가나성 외사판공실 주임``, ``홍길동 한국 가나시 부시장``;
* place glued to its title: ``홍길동 부산광역시장`` (부산광역시 + 장 → 시장), ``홍길동 경상북도지사``;
* place – name – title and place – title – name: ``가나성 홍길동 부성장``, ``가나아이막 지사 바트``,
  ``가나 사무국(사무총장 홍길동)``;
* diplomats, whose post is in the sending country: ``홍길동 주부산 중국 총영사``, ``주한 중국 대사 홍길동``;
* several names sharing one title: ``김가나, 이다라 국회의원``;
* a name with a title alone (``홍길동 사무총장은``): the organisation the title implies (``국회의원`` → 국회,
  the ``implies`` column of titles.tsv), else the place or organisation named last before it in the sentence
  or the one before.

:class:`SentenceReader` finds the statements of one sentence; :func:`document_posts` those of a whole document,
one per person, organisation and role; :func:`read` proposes them as automatic candidates, and curated readers
write them with :mod:`graph.readers.posts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from rdflib import URIRef

from graph.dates import StatedDate, find_dates, month_day
from graph.extractors.names import decide_by_evidence
from graph.extractors.text import Stream, report_year
from graph.facts import FactWriter
from graph.readers.candidates import OfficialCandidate
from graph.readers.context import context_at, countries_named, country_near, document_date, lead_region
from graph.readers.english_names import english_places
from graph.readers.entities import BODY_WORD, Party, describe_minted, minted_region, place_level
from graph.readers.kana_names import japanese_name, kana_like
from graph.readers.people_en import english_posts
from graph.readers.people_hanja import read_hanja_names
from graph.readers.people_tables import table_posts
from graph.readers.posts import (
    Title,
    base_title,
    collapse_spaced,
    describe_organisation,
    hold,
    official,
    provincial_title,
    titles,
)
from graph.readers.titled_names import titled_posts
from graph.registry import Entity, Mention, Registry, normalize_name

_PARTICLES = ("은", "는", "이", "가", "과", "와", "의", "을", "를", "에게", "님", "도", "께", "으로", "로", "에")
#: What may follow a title: the end, a space or punctuation, or a particle.
_END = r"(?=$|[\s,.():」”\"'·]|인\s|" + "|".join(_PARTICLES) + ")"
_ALT = r"(?:\s?\((?P<alt>[A-Za-z\u4e00-\u9fff\u3040-\u30ff][^)]{0,30})\))?"
#: A person's age in brackets after the name (``홍길동(58)``, ``홍길동(58세)``): no part of the name.
_AGE = r"(?:\s?\(\s*\d{1,3}\s*세?\s*\))?"
#: A name in Latin letters: two to four capitalised words (``Jennifer Rose``, ``Nguyen Van Nam``).
_LATIN_NAME = r"(?P<latin>[A-Z][a-z][A-Za-z'\-]*(?:\s(?:[A-Z]\.|[A-Z][a-z][A-Za-z'\-]*)){1,3})"
#: Latin words that make a capitalised phrase a body or a place, not a person (``CJ Group``, ``Hai Duong Province``).
_LATIN_BODY_WORDS = frozenset((
    "Group", "Corporation", "Company", "Inc", "Ltd", "University", "College", "Foundation", "Association", "Council",
    "City", "Province", "Prefecture", "State", "County", "District", "Committee", "Government", "Bank", "Center",
    "Centre", "Institute", "Agency", "Office", "Ministry", "Embassy", "Consulate", "Assembly", "Port", "Airport",
))
#: Endings of a word that names a unit of an organisation (``외사판공실``, ``환경생활부``, ``아시아국``).
_UNIT_END = ("실", "부", "국", "과", "처", "청", "원", "단", "팀", "본부", "위원회", "당위", "센터", "사무소", "정부")
#: Endings of an organisation-like word (four syllables or longer) that is never a person's name.
_ORG_END = ("회", "원", "부", "국", "관", "청", "소", "단", "실", "시", "성", "현", "군", "구", "주", "도", "장", "측")
#: Endings that mark a word as a noun with a particle or a verb form, never a name (``대해``, ``가운데``, ``했고``).
_NOT_NAME_END = (
    "에서", "에게", "에는", "께서", "으로", "는", "을", "를", "에", "의", "고", "며", "된", "던", "데", "적", "들",
    "측", "급", "큼", "게", "히", "해", "께", "님", "요", "했다", "였다", "한다", "된다", "있다", "원이", "체",
    "였", "었", "았", "했", "겠", "됐", "하여", "되어", "해서", "하면", "로서", "로써", "입니", "니다",
)
#: Endings that are particles or verb forms but also end names (``한다은``): trusted only after a common surname.
_WEAK_END = ("은", "인", "과", "와", "한", "서", "도", "여", "중", "로")
#: Endings of a misprinted place name (``이르쿠츠쿠즈``) worth a fuzzy registry look-up.
_PLACE_LIKE = ("주", "즈", "성", "현", "시", "군", "구", "도", "막", "부")
#: Endings of foreign names that look like a particle (``마바카와``, ``다라카와``: 川): no bar to a first word.
_NAME_ENDS = ("가와", "카와")
#: Endings that rule out the first of two words (``주신 홍길동``, ``참석한 홍길동``).
_FIRST_END = ("은", "인", "과", "와", "한", "서", "도", "중", "가", "신", "준", "난", "온", "할", "될", "여")
#: The commonest Korean surnames: a word of 2–4 syllables starting with one may be a Korean name.
SURNAMES = frozenset((
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "전",
    "홍", "유", "고", "문", "양", "손", "배", "백", "허", "남", "심", "노", "하", "곽", "성", "차", "주", "우", "구",
    "민", "류", "나", "진", "지", "엄", "채", "원", "천", "방", "공", "현", "함", "변", "염", "여", "추", "도", "소",
    "석", "선", "설", "마", "길", "연", "위", "표", "명", "반", "왕", "금", "옥", "육", "맹", "모", "탁", "라", "리",
))
#: Korean family names of two syllables: their names run to three or four syllables (``남궁민수``, ``제갈성``).
COMPOUND_SURNAMES = ("남궁", "제갈", "황보", "선우", "독고", "사공", "서문", "동방")


#: Korean family names less common than :data:`SURNAMES` (none of them a usual first syllable of a Japanese,
#: Chinese, Mongolian or Western name in Hangul): trusted only beside a common one, as two family names written
#: together (a name that keeps both parents' family names: ``국이나래``).
RARE_SURNAMES = frozenset("국경봉편빈태용어은승형계견당묵범복빙옹음탄팽평풍필학")
#: Particles that end no Korean given name: a three-syllable Korean name with one of them is that name and its
#: particle (``홍길동과``), never a four-syllable name (``로`` and ``에`` end foreign names: ``다카히로``).
_NAME_PARTICLES = frozenset("와과의를을가")
#: Particles a name may take in a sentence (some of them also end given names).
_PARTICLE_SYLLABLES = _NAME_PARTICLES | frozenset("은는이도")


def is_korean_name(name: str) -> bool:
    """A Korean name as written in one word: three syllables after a common surname, three or four after a
    family name of two syllables, or four syllables after two one-syllable family names written together (both
    parents' names; one of them may be a rarer one) (a foreign name is any other word).

    >>> is_korean_name("김민수"), is_korean_name("남궁민수"), is_korean_name("제갈성"), is_korean_name("황보영희")
    (True, True, True, True)
    >>> is_korean_name("국이나래"), is_korean_name("이국나래"), is_korean_name("오노다이")
    (True, True, False)
    >>> is_korean_name("야마다"), is_korean_name("라마다나"), is_korean_name("김민"), is_korean_name("홍길동과")
    (False, False, False, False)
    """
    if re.fullmatch(r"[가-힣]{3}", name) and name[0] in SURNAMES:
        return True
    return re.fullmatch(r"[가-힣]{3,4}", name) is not None and name[:2] in COMPOUND_SURNAMES or double_surname(name)


def double_surname(name: str) -> bool:
    """Four syllables after two one-syllable family names, one common and one rarer (``국이나래``, ``이국나래``),
    not a three-syllable name with a particle (``홍길동과``); two common ones are too often a transliteration's
    syllables (``오노다이``)."""
    if not re.fullmatch(r"[가-힣]{4}", name) or name[-1] in _NAME_PARTICLES:
        return False
    first, second = name[0], name[1]
    return first in SURNAMES and second in RARE_SURNAMES or first in RARE_SURNAMES and second in SURNAMES


def name_with_particle(word: str) -> bool:
    """A three-syllable Korean name with a particle that ends no name glued to it (``홍길동과``, ``홍길동의``), a
    syllable with 와/과 (``남과``), or a word that is never a name with its particle (``주재로``, ``씨가``)."""
    if len(word) == 4 and word[-1] in _NAME_PARTICLES and is_korean_name(word[:3]) and not word.endswith(_NAME_ENDS):
        return True
    if len(word) == 2 and word[-1] in "와과":
        return True  # ``응우옌 반 남과``: a one-syllable last word and its particle
    stem = re.sub(r"(?:으로|에게|께서|와|과|의|를|을|가|이|은|는|도|로|에)$", "", word)
    return stem != word and (stem in _AFTER_STOP or stem in _HONORIFICS)
#: Common words that stand where a name could (adverbs, determiners, generic nouns of event reports).
STOP = frozenset((
    "대표단", "일행", "대신", "신임", "역대", "국내", "국외", "관계자", "참석자", "대표", "우리", "특히", "또한",
    "이어서",
    "한편", "이에", "이어", "이날", "각국", "고위급", "전체", "현재", "금년", "지난", "내년", "이번", "금번", "올해",
    "전임", "후임", "공화국", "정부", "주재", "의장단체", "의장정부", "코디네이터", "상무", "경제", "정무", "행정",
    "면담", "의회", "대회", "내용", "함께", "초청장", "접견", "예방", "방문", "참석", "개최", "주최", "주관", "명의",
    "당시", "직무대행", "권한대행", "대행", "담당", "회원정부", "회원단체", "사무국", "지방정부", "중앙정부",
    "외교단", "환영사", "개회사", "축사", "기조연설", "간담회", "만찬", "오찬", "주요", "주민", "청년", "시민",
    "도민", "군민", "구민", "국민", "인사", "지역", "국제", "교류", "협력", "사업", "행사", "회의", "포럼", "차기",
    "제안", "연합", "새로", "만큼", "가운데", "아울러", "그리고", "이후", "이전", "최근", "향후", "다음", "마지막",
    "처음", "먼저", "다시", "각각", "모두", "여러", "모든", "이상", "이하", "당선", "취임", "퇴임", "연임", "현지",
    "본국", "각급", "기관장", "단체장", "고문단", "실무자", "공무원", "전문가", "교수", "학생", "앞", "뒤", "외",
    "실행", "동북아", "기자", "주재관", "통역", "일동", "귀빈", "소속", "귀하", "도시", "방한", "청사", "서명",
    "시의회", "도의회", "군의회", "구의회", "방문단", "사절단", "시찰단", "교류단", "연수단", "참관단", "취재단",
    "전원", "제출", "발의", "상정", "사회자", "진행자", "발표자", "토론자", "작성자", "담당자",
))
#: Words starting with 주 that are not a diplomatic mission (주한, 주부산 are).
_NOT_MISSIONS = frozenset(("주요", "주재", "주최", "주관", "주민", "주년", "주간", "주변", "주로", "주된", "주신",
                           "주빈"))
#: Words between a name and its post that say former, current or new (전 국회의장, 신임 대사).
_MARKERS = frozenset(("전", "前", "현", "現", "신임"))
_FORMER = frozenset(("전", "前"))
#: A title in brackets right after another, with a marker: ``도의원(前 부의장)``.
_EARLIER_TITLE = re.compile(r"\(\s*(?P<marker>전|前|현|現)\s*(?P<title>[가-힣]{2,8})\s*\)")
#: Nouns of policy fields: a word made only of them qualifies the title after it like a unit
#: (``국제협력 부국장``, ``경제 통상 협력 본부장``, ``한반도평화교섭 본부장``).
FIELD_NOUNS = frozenset((
    "국제", "협력", "교류", "경제", "통상", "투자", "무역", "문화", "관광", "체육", "평화", "교섭", "한반도", "대외",
    "외사", "외무", "기획", "홍보", "총무", "행정", "자치", "정책", "전략", "환경", "농업", "산업", "복지", "안전",
    "재난", "해양", "수산", "보건", "교육", "과학", "기술", "에너지", "녹색", "미래", "청년", "여성", "국토", "교통",
    "건설", "물류", "의전", "공보", "재정", "법무", "관리", "지원", "개발", "혁신", "균형", "발전", "지역",
    "공공", "외교", "안보", "통일", "영사", "정무", "비서", "담당", "운영", "사업", "기업", "일자리", "노동", "소통",
    "연구", "감사", "조사",
))
#: Common nouns of two syllables or more: a word that starts or ends with one is no Japanese surname, though its
#: syllables all render kana (``우호도시``, ``교류``).
_COMMON_PARTS = tuple(sorted(w for w in STOP | FIELD_NOUNS if len(w) >= 2))
#: One-syllable words that are never part of a name (``및 김 부총리``, ``중국 측 왕 부성장``).
_SINGLE_STOP = frozenset("및등전현겸약총주구각측또즉곧더꼭잘못씨분명외내중상하앞뒤옆건"
                         "간후초말시때前現그이저한두세네새옛온뭇제본동당귀양대소")
#: An organisation's name by its ending (a public corporation, foundation, association, institute, council …):
#: written right before a title with no registry organisation before it, it is the organisation of the post.
_ORG_NAME = re.compile(r"(?:[A-Za-z]{1,6})?[가-힣]{2,14}" + BODY_WORD)
#: The titles that head a ministry (부), an office (처) or an agency (청), which are units too when their name
#: comes before another title (``국제협력부 부장``).
_MINISTRY_HEADS = {"부": ("장관", "차관", "차관보"), "처": ("처장", "장관", "차장"), "청": ("청장", "차장")}
#: Words right after a title that make the post an acting one (``대사 대행``, ``시장 권한대행``): kept in the role.
_ACTING = re.compile(r"\s?(?P<acting>직무대행|권한대행|대행)(?![가-힣]{2})")
#: A diplomatic mission named in the sentence: ``주한 가나 대사관``, ``주부산가나국총영사관``.
_INSTITUTIONS = ("대사관", "총영사관", "영사관")
#: A head count after a name (``천젠 외 5명``, ``천젠 일행``): the name closes a delegation's head.
_COUNTED = re.compile(r"\s(?:외\s*\d|일행)")
#: Words after a title that are never a name (``지사 면담``, ``부성장 주재``).
#: Words that close a byline or a signature after a name (``부처장 가나 정리``, ``집필: 주무관 홍길동``).
_BYLINE_WORDS = ("정리", "작성", "집필", "기록", "촬영", "제공")
_AFTER_STOP = STOP | {"일행", "명의", "주재", "주최", "초청", "면담", "접견", *_BYLINE_WORDS}
#: Honorifics after a name (``홍길동 씨가``): never a name themselves.
_HONORIFICS = frozenset(("씨", "氏", "님", "군", "양", "옹", "여사", "선생", "선생님"))


def qualifier(word: str) -> bool:
    """A word made only of policy-field nouns (``국제협력``, ``한반도평화교섭``), which qualifies a title.

    >>> qualifier("국제협력"), qualifier("한반도평화교섭"), qualifier("홍길동"), qualifier("협")
    (True, True, False, False)
    """
    return bool(word) and _segments(word)


@lru_cache(maxsize=4096)
def _segments(word: str) -> bool:
    return any(word.startswith(n) and (len(n) == len(word) or _segments(word[len(n):])) for n in FIELD_NOUNS)


def unit_head(title: Title) -> bool:
    """A title heading a unit (a staff title ending in 장: 국장, 팀장), which may be glued to the unit's name
    (``경제통상국장``)."""
    return title.kind == "staff" and title.ko.endswith("장")


def _alternation(words) -> str:
    return "|".join(re.escape(t) for t in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _glued_title() -> re.Pattern:
    """A word that is a place glued to its title (``가나시장이``: 가나시 + 시장), maybe with a particle."""
    return re.compile(rf"(?P<p>[가-힣]{{2,}}?)(?P<t>{_alternation(titles())})(?:이|가|은|는|과|와|의|도)?")


@lru_cache(maxsize=1)
def _any_title() -> re.Pattern:
    """Any lexicon title anywhere in a word."""
    return re.compile(_alternation(titles()))


#: The number of a post or unit between the unit's name and its head's title: ``제2부시장``, ``감사2팀장``,
#: ``국제협력1팀장`` (the role keeps it: the second audit team's leader is not the first's).
_UNIT_NUMBER = r"(?:제\s?\d|\d{1,2})"


@lru_cache(maxsize=1)
def title_pattern() -> str:
    """Regex of a title word: a lexicon title, maybe glued to a unit (``경제통상국장``) or place (``부산광역시장``)."""
    return rf"(?<![A-Za-z0-9])(?P<pre>[가-힣]{{0,12}}?{_UNIT_NUMBER}?)(?P<title>{_alternation(titles())}){_END}"


@dataclass(frozen=True)
class PostStatement:
    """``name`` holds ``role`` in ``org``, stated in ``sentence[start:end]``."""

    name: str
    alt: str | None
    org: Entity
    role: str
    start: int
    end: int
    from_context: bool = False
    former: bool = False


@dataclass
class _Words:
    """The words of a sentence with their offsets."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.spans = [(m.start(), m.end()) for m in re.finditer(r"[^\s,·]+", self.text)]

    def before(self, pos: int) -> int:
        """Index of the last word ending at or before ``pos`` with only spaces between (-1 if none)."""
        for i in range(len(self.spans) - 1, -1, -1):
            a, b = self.spans[i]
            if b <= pos:
                return i if not self.text[b:pos].strip() else -1
        return -1

    def word(self, i: int) -> str:
        a, b = self.spans[i]
        return self.text[a:b]


class SentenceReader:
    """Finds post statements in sentences, with the registry it is given."""

    def __init__(self, registry: Registry, local: dict[str, Entity] | None = None) -> None:
        self.registry = registry
        #: Foreign places the registry lacks that the document itself places in a country (normalised name →
        #: minted entity): :func:`document_places`.
        self.local = local or {}
        self._local_rx = re.compile(rf"(?<![가-힣])(?:{_alternation(self.local)})") if self.local else None
        countries = [e for e in registry.entities.values() if e.kind == "country"]
        self.country_words = {normalize_name(n): e for e in countries for n in e.names
                              if re.fullmatch(r"[가-힣]{2,}", n)}
        self.country_any = {normalize_name(n): e for e in countries for n in e.names if re.fullmatch(r"[가-힣]+", n)}
        self._country_rx = _alternation(self.country_words)
        #: The document's own Korean region: the post of a Korean name with its local government's title and no
        #: place named (``홍길동 부시장`` in a city's report) is there (:meth:`_home`).
        self.home: Entity | None = None

    def settle(self, sentence: str) -> None:
        """Homographs ``sentence`` settles with a gloss (``가나성(加那省)``): the document's later sentences read the
        name as that place, until another gloss settles it otherwise."""
        changed = False
        for m in re.finditer(r"(?<![가-힣])(?P<w>[가-힣]{2,8})\s?\((?P<gloss>[^()]{1,30})\)", sentence):
            found = [e for e in self.registry.candidates(m.group("w")) if e.kind == "region"]
            entity = decide_by_evidence(tuple(found), m.group("gloss"))[0] if len(found) > 1 else None
            key = normalize_name(m.group("w"))
            if entity is not None and self.local.get(key) != entity:
                self.local = {**self.local, key: entity}
                changed = True
        if changed:
            self._local_rx = re.compile(rf"(?<![가-힣])(?:{_alternation(self.local)})")

    # -- words -------------------------------------------------------------------------------------------
    def is_place(self, word: str) -> bool:
        """Whether ``word`` is a registry name (a place, organisation or country)."""
        return bool(self.registry.candidates(word)) or normalize_name(word) in self.country_any or (
            normalize_name(word) in self.local)

    def name_word(self, word: str, *, first: bool = False) -> bool:
        """Whether ``word`` can be (part of) a name; ``first``: the first of two words, which must be plain."""
        if not re.fullmatch(r"[가-힣]{2,7}", word) or word in STOP or word in titles() or name_with_particle(word):
            return False
        if word.endswith(_NOT_NAME_END) or (first and word.endswith(_FIRST_END) and not word.endswith(_NAME_ENDS)) or (
                word.endswith(_WEAK_END) and len(word) >= 3 and word[0] not in SURNAMES and not double_surname(word)):
            return False
        if "님" in word or word[:-1] in titles() or (len(word) >= 4 and word.endswith(_ORG_END)) or word.endswith(
                "의회"):  # a council (현의회, 시의회), never a name
            return False
        if word.endswith("청") and self.is_place(word[:-1]):
            return False  # a place's office (가나구청, 다라시청), never a name
        glued = _glued_title().fullmatch(word)
        if glued and len(word) >= 4 and any(self.is_place(p) for p in (glued.group("p"), glued.group("p") + glued.group(
                "t")[0])):
            return False  # a place glued to its title (가나군수, 가나시장): a post, not a name
        if self.is_unit(word) or self.is_place(word) or (len(word) >= 4 and word.endswith(_PLACE_LIKE)
                                                          and self._near_place(word)):
            return False
        if word.startswith("주") and len(word) >= 3 and self.is_place(word[1:]):
            return False  # a mission named by its host (주가나, 주다라), no name
        return not re.match(r"^(?:주|전|前)(?:한|중|일|미|러)$", word)

    @lru_cache(maxsize=4096)  # noqa: B019 - one reader per registry, few distinct words
    def _near_place(self, word: str) -> bool:
        """A misprinted registry place (``이르쿠츠쿠즈``): a close fuzzy match."""
        return self.registry.resolve(word, kinds=("region", "country")).entity is not None

    def is_unit(self, word: str) -> bool:
        """Whether ``word`` names a unit (``외사판공실``, ``환경생활부``, ``아시아국``), not a person or place."""
        if re.fullmatch(r"\d+급", word) or qualifier(word):
            return True
        if not re.fullmatch(r"[가-힣]{2,}", word) or not word.endswith(_UNIT_END) or self.is_place(word) or (
                word.endswith("청") and self.is_place(word[:-1])):  # (a place's office is the place: 가나시청)
            return False
        if word.endswith(("과", "와")) and (word[:-1] in titles() or word[:-1].endswith(tuple(titles()))):
            return False  # a title with the particle 과/와
        return len(word) >= 4 or word[0] not in SURNAMES or word in ("정부", "당위")

    # -- statements --------------------------------------------------------------------------------------
    def statements(self, s: str, context: list[Entity] | None = None) -> Iterator[PostStatement]:
        """Every post statement of sentence ``s``; ``context`` is what the previous sentence named."""
        words = _Words(s)
        mentions = [m for m in self._mentions(s) if m.entity.kind in ("region", "organization")
                    and not (m.start > 0 and re.match(r"[가-힣]", s[m.start - 1]))]
        used: set[tuple[int, int]] = set()
        held: dict[str, PostStatement] = {}  # a name's post stated in the sentence
        for t in re.finditer(title_pattern(), s):
            if any(a <= t.start("title") < b for a, b in used):
                continue
            found = self._at_title(s, words, mentions, t, context or [])
            acting = _ACTING.match(s, t.end("title"))
            if acting:
                found = [replace(st, role=f"{st.role} {acting.group('acting')}", end=max(st.end, acting.end()))
                         for st in found]
            earlier = _EARLIER_TITLE.match(s, t.end("title"))
            if earlier and earlier.group("title") in titles():
                # ``홍길동 가나도 도의원(前 부의장)``: an earlier post in the same organisation
                found = [*found, *(replace(st, role=earlier.group("title"), end=earlier.end(),
                                           former=earlier.group("marker") in _FORMER)
                                   for st in found if st.name and not st.from_context)]
            for st in found:
                used.add((st.start, st.end))
                held.setdefault(st.name, st)
                yield st
        for b in re.finditer(rf"(?<![가-힣])(?P<name>[가-힣]{{2,7}})\s?\(\s*(?P<marker>{'|'.join(_MARKERS)})\s*"
                             r"(?P<inner>[^()]{2,30})\)", s):
            # ``홍길동(前 가나시장)``: a post stated in brackets after the name
            name, former = b.group("name"), b.group("marker") in _FORMER
            if not self.name_word(name):
                continue
            current = held.get(name) if any(a <= b.start() < e for a, e in used) else None
            if current is None and any(a <= b.start() < e for a, e in used):
                continue
            if current is not None:  # the name holds a post stated before the bracket: the bracket is its own
                read = self.bracketed_post(name, b.group("inner").strip())
                if read is not None:
                    org, role = read
                    yield PostStatement(name, None, org or current.org, role, b.start(), b.end(),
                                        from_context=org is None and current.from_context, former=former)
                continue
            for st in self.statements(f"{name} {b.group('inner')}", context):
                if st.name == name:
                    yield replace(st, start=b.start(), end=b.end(), former=former)

    def bracketed_post(self, name: str, post: str) -> tuple[Entity | None, str] | None:
        """A post written in brackets after ``name`` (``홍길동 (前 가나군수)``, ``(전 가나시 부시장)``, ``(前
        관광진흥과장)``) read as a statement of its own: ``(place, role)`` when it names its place, ``(None, post)``
        when it names only units or fields before its title (the post is in the organisation of the name's other
        post), ``None`` when it is no post or names a place that cannot be placed (never the other post's)."""
        placed = [st for st in self.statements(f"{name} {post}") if st.name == name and not st.from_context]
        if placed:
            return placed[0].org, placed[0].role
        title = base_title(post)
        if title is None or post in titles() and titles()[post].kind == "diplomat":
            return None
        pre, *others = reversed(post[:-len(title.ko)].split() or [""])  # (a word apart names a body: 가나부 국장)
        if all(qualifier(w) for w in others) and (not pre or qualifier(pre) or self.is_unit(pre)
                                                   or self.is_unit(pre + title.ko[0])):
            return None, post
        return None

    def _mentions(self, s: str) -> list[Mention]:
        """Registry mentions of ``s``; one read across a space into the next word (``가나 시장`` read as the
        city 가나시) is read again without that word."""
        out = []
        for m in self.registry.find_mentions(s):
            cut = m.surface.rfind(" ")
            if cut > 0 and re.match(r"[가-힣]", s[m.end:m.end + 1]):
                out.extend(replace(k, start=m.start + k.start, end=m.start + k.end)
                           for k in self.registry.find_mentions(m.surface[:cut]))
            else:
                out.append(m)
        if self._local_rx is not None:
            taken = [(m.start, m.end) for m in out]
            out.extend(Mention(self.local[k.group(0)], k.start(), k.end(), k.group(0))
                       for k in self._local_rx.finditer(s) if not any(a < k.end() and k.start() < b for a, b in taken))
            out.sort(key=lambda m: (m.start, m.end))
        return out

    def _at_title(self, s: str, words: _Words, mentions, t: re.Match[str], context: list[Entity]
                  ) -> list[PostStatement]:
        title = titles()[t.group("title")]
        pre, word_start = t.group("pre"), t.start("pre")
        if word_start > 0 and re.match(r"[가-힣]", s[word_start - 1]):
            return []
        if title.kind == "diplomat":
            st = self._diplomat(s, words, t)
            if st is not None:
                return [st]
        before = self._region_before(s, mentions, word_start) if pre else None
        org, role = self._glued(pre, t.group("title"), before.entity if before else None)
        country = re.match(rf"(?:{self._country_rx})(?=[가-힣]{{2}})", pre) if org is None and pre else None
        if country is not None and title.kind in ("head", "deputy") and not self.is_place(pre):
            # a country word opening a body's short name glued to its title (``가나정협부주석``): a post there
            org, role = self._country(country.group(0)), pre + t.group("title")
        if org is None and pre:
            glued_org = self._org_before(s, mentions, word_start)
            if title.kind in ("head", "deputy") and self.name_word(pre) and not re.match(r"[가-힣]", s[t.end():][:1]) \
                    and not (pre[0] not in SURNAMES and (len(pre) in (2, 4, 5, 6, 7) and t.group("title")[0] in
                                                          "시군구현도성주" or place_level(pre) is not None)):
                # (``가나다라시장``, ``가나시장``, ``가나현지사`` are a place the registry lacks + a title, not a name)
                # a name glued to its title: ``가나현 홍길동지사``, or ``홍길동지사`` after the place was named
                if glued_org is not None:
                    return [PostStatement(pre, None, glued_org[0], t.group("title"), glued_org[1], t.end("title"))]
                org = self._context_org(mentions, word_start, context)
                return [PostStatement(pre, None, org, t.group("title"), word_start, t.end(), True)] if org else []
            if not (re.fullmatch(r"제\s?\d", pre) or unit_head(title)
                    and re.fullmatch(rf"[가-힣]{{2,8}}{_UNIT_NUMBER}?", pre)
                    or title.kind in ("head", "deputy", "staff") and qualifier(pre)):
                # (fields glued before a head's, deputy's or officer's title name the post: ``관광체육정무부시장``,
                # ``산업장관``, ``국제교류협력관``)
                return []
            role = pre + t.group("title")
        end = t.end("title")
        # A Korean name after a Korean post (``국제협력과 주무관 홍길동``): the units before the title are where the
        # post is, not its name (a grade or a glued title is the post); a foreign body's units stay in the role.
        as_titled = role
        role, p = self._units_before(s, words, mentions, word_start, role) if org is None else (role, word_start)
        if org is None:
            org_m = self._org_before(s, mentions, p) or self._minted_org_before(s, p, role, mentions) or \
                self._ministry(role, p)
            if org_m is not None:
                org, p = org_m
        else:
            # a glued place may itself carry a country word or its own parent before it (``경남 고성군수``)
            p = self._skip_country(s, words, before.start if before is not None and before.entity.id in (
                org.id, org.parent) else p)
        if org is not None:
            former, p = self._former(words, p)
            name = self._name_before(s, words, p, org, end)
            name = None if name is not None and (self._title_first(s, name[2], end) or s[:word_start].rstrip(
                " ").endswith("(") and self._name_after(s, end) is not None) else name  # 가나시(시장 홍길동)
            if name is not None:
                n, alt, a = name
                return _marked(self._with_list(s, words, a, n, alt, org, role, end), former)
            after = self._name_after(s, end)
            if after is not None:
                n, alt, b = after
                return [PostStatement(n, alt, org, as_titled if _korean(org) else role, p, b, former=former)]
            return []
        # No place right before the title: place – [units] name – title, or a name with a title alone.
        former, p = self._former(words, p)
        name = self._name_before(s, words, p, None, end)
        name = None if name is not None and self._title_first(s, name[2], end) else name
        if name is None and not pre:
            abroad = self._after_latin_place(s, words, p, end, role, former)
            if abroad is not None:  # ``미국 Fort Lee 시장 Mark Sokolich``: the place before, the name after
                return abroad
        last = name[0].split()[-1] if name is not None and not pre and not name[1] else ""
        spaced = self._spaced_place(last, t.group("title")) if last else None
        if spaced is not None:  # ``가나 다라 브램턴 시장``: the place 브램턴시 and its head's title, written apart
            place_start = s.rfind(last, 0, p)
            name = self._name_before(s, words, place_start, None)
            if name is not None:
                return [PostStatement(name[0], name[1], spaced, role, name[2], end, former=former)]
            after = self._name_after(s, end)  # ``가나턴 시장 다라 마바가``
            return [] if after is None else [PostStatement(after[0], after[1], spaced, role, place_start, after[2],
                                                           former=former)]
        if name is not None and not pre and len(name[0].split()) == 1 and not is_korean_name(name[0]) and (
                after := self._name_after(s, end)) is not None and len(after[0].split()) > 1:
            name = None  # ``가나 시장 다라 마바가``: the word before a head's title names the place, the name follows
        if name is None:
            after = self._name_after(s, end)
            org = (self._home_mission(title, self._context_org(mentions, p, context, after[0]), after[0])
                   or self._home(t.group("title"), after[0]) if after is not None and (
                len(after[0]) >= 3 or _COUNTED.match(s, after[2])) else None)  # (부시장 천젠 외 5명)
            return [PostStatement(after[0], after[1], org, as_titled if _korean(org) else role, p, after[2], True,
                                  former)] if org else []
        n, alt, a = name
        if role != t.group("title") and len(n) >= 3 and n.endswith(_PLACE_LIKE) and n[0] not in SURNAMES:
            return []  # a place the registry lacks before a unit: ``다라시 인민위원회 위원장``
        role_before, q = self._units_before(s, words, mentions, a, role)
        org_m = self._org_before(s, mentions, q)
        if org_m is not None:
            org, start = org_m
            if (org.country or org.id) == "KR":
                n = n.split()[-1]
                if len(n) < 2:
                    return []
            return [PostStatement(n, alt, org, role_before, start, end, former=former)]
        implied = self.registry.entities.get(title.implies) if title.implies else None
        org = self._home_mission(title, implied or self._context_org(mentions, a, context, n), n)
        if org is not None and not implied and org.kind == "region" and (
                not fits_title(org.name_ko, t.group("title")) or org.country not in ("", "KR") and self._home(
                t.group("title"), n) is not None):
            org = None  # a governor's title is no city's, a Korean name with its own government's title no post abroad
        org = org or self._home(t.group("title"), n)
        if org is not None and (org.country or org.id) == "KR":
            n, a = n.split()[-1], a + len(n) - len(n.split()[-1])
        if org is None or len(n) < 2 or len(n) > 4 and implied is None and (org.country or org.id) == "KR":
            return []
        found = _marked(self._with_list(s, words, a, n, alt, org, role, end), former)
        return found if implied else [replace(st, from_context=True) for st in found]

    def _title_first(self, s: str, a: int, end: int) -> bool:
        """Whether the name at ``a`` closes the title written right before it, in a run of titles and names that
        starts with a title, while the title ending at ``end`` has a name of its own after it (``부시장 가나다
        국장 마바사``: title-first pairs, not 가나다 국장)."""
        after = re.match(r"\s+(?P<w>[가-힣]{2,7})(?=$|[\s,·)])", s[end:])
        if after is None or not self.name_word(after.group("w")):
            return False
        words = [re.sub(r"^[^가-힣]+|[^가-힣]+$", "", w) for w in s[:a].split()]
        expect_title, titled = True, 0
        for word in reversed(words):
            if expect_title:
                if not word or base_title(word) is None or self.is_place(word):
                    break
                titled += 1
            elif not (word and self.name_word(word)):
                break
            expect_title = not expect_title
        return titled > 0 and not expect_title  # the run's first word is a title

    def _spaced_place(self, word: str, title: str) -> Entity | None:
        """The place a word right before a head's title names when it is written apart from its suffix (``브램턴
        시장``: 브램턴시, a place the document placed or the registry has; never a Korean name); else ``None``."""
        if title[0] not in "시군구도성현" or is_korean_name(word) or titles()[title].kind not in ("head", "deputy"):
            return None
        place = word + title[0]
        local = self.local.get(normalize_name(place))
        if local is not None:
            return local
        found = [e for e in self.registry.candidates(place) if e.kind == "region"]
        return found[0] if len(found) == 1 else None

    def _units_before(self, s: str, words: _Words, mentions, p: int, role: str) -> tuple[str, int]:
        """Unit words before ``p`` join the role (``외사판공실 주임``), as does a place the registry lacks
        written right after one it has (``가나성 다라시 당위 비서장``: 다라시 joins the role, the post is in 가나성)."""
        i = words.before(p)
        units = 0
        while i >= 0 and units < 3:
            word = words.word(i)
            sub_place = (re.fullmatch(r"[가-힣]{2,8}(?:시|현|군|구|주|성|아이막)", word) is not None
                         and self._org_before(s, mentions, words.spans[i][0]) is not None and not self.is_place(word))
            if not (self.is_unit(word) or sub_place) or any(m.end == words.spans[i][1] for m in mentions) or (
                    _ORG_NAME.fullmatch(word) and self.organisation(word) is not None):
                break
            role = f"{word} {role}"
            p = words.spans[i][0]
            i = words.before(p)
            units += 1
        return role, p

    @staticmethod
    def _former(words: _Words, p: int) -> tuple[bool, int]:
        """``홍길동 전 국회의장``: a marker before the title (전 former, 현 current, 신임 new) is no part of the
        role; whether it says former, and where the phrase starts."""
        i = words.before(p)
        if i >= 0 and words.word(i) in _MARKERS:
            return words.word(i) in _FORMER, words.spans[i][0]
        return False, p

    def _region_before(self, s: str, mentions, p: int) -> Mention | None:
        """The region written right before ``p`` or read across it into the glued word there (``울산 중구청장``:
        the registry's ``울산 중구``, which :meth:`_mentions` reads again without the glued word)."""
        across = [m for m in self.registry.find_mentions(s) if m.entity.kind == "region" and m.start < p < m.end]
        return across[-1] if across else next((m for m in reversed(mentions) if m.entity.kind == "region"
                                               and m.end <= p and not s[m.end:p].strip()), None)

    def _glued(self, pre: str, title: str, before: Entity | None = None) -> tuple[Entity | None, str]:
        """A place glued to its title: ``경상북도`` + 지사, ``부산광역시`` + 장 (role 시장); the title returned is the
        one the place leaves (``가나다부시장``: the place 가나다부 + 시장, not 가나다 + 부시장). A name several
        regions share (``중구청장``, ``고성군수``) is the one ``before`` (the region written right before it) holds or
        is, else the document's own region (:meth:`settle_homonym`)."""
        if not pre:
            return None, title
        pre, title = self.split_glued(pre, title)
        for place in (pre, pre + title[0]):
            found = [e for e in self.registry.candidates(place) if e.kind in ("region", "organization")]
            found = found if len(found) < 2 else [e for e in [self.settle_homonym(found, before)] if e is not None]
            if len(found) == 1 and len(normalize_name(place)) >= 2:
                return found[0], title
            if normalize_name(place) in self.local:
                return self.local[normalize_name(place)], title
        for word in (pre, pre + title[0]) if len(title) == 2 else (pre,):
            minted = self.organisation(word)  # ``가나연맹회장``, ``가나유통공사장`` (공사 + 사장)
            if minted is not None:
                return minted, title
        return None, title

    def split_glued(self, pre: str, title: str) -> tuple[str, str]:
        """Where a place glued to a title ends: a deputy's ``부`` belongs to the place when ``pre`` alone names
        none and ``pre`` with it does, its suffix shared with the title or not (``가나다`` + ``부시장`` → ``가나다부``
        + ``시장``; ``가나`` + ``부시장`` → ``가나부시`` + ``시장``; ``가나시`` + ``부시장`` and ``가나`` + ``구청장``
        stay)."""
        if title.startswith("부") and title[1:] in titles() and not self._place_word(pre) and any(
                self._place_word(pre + "부" + end) for end in ("", title[1])):
            return pre + "부", title[1:]
        return pre, title

    def settle_homonym(self, found: list[Entity], before: Entity | None) -> Entity | None:
        """Which of several regions sharing a name (``중구``: one in each metropolitan city) a text means: the one
        the region written right before it is or holds (``울산광역시 중구``, ``경남 고성군``), else the document's own
        region when it is one of them; ``None`` when neither tells."""
        for wanted in (before, self.home):
            if wanted is None:
                continue
            chosen = [e for e in found if wanted.id in (e.id, e.parent)]
            if len(chosen) == 1:
                return chosen[0]
        return None

    def _place_word(self, word: str) -> bool:
        """Whether ``word`` names a registry region or a place the document placed."""
        return normalize_name(word) in self.local or any(
            e.kind == "region" for e in self.registry.candidates(word))

    def organisation(self, word: str, title: str = "") -> Entity | None:
        """An organisation the registry lacks, known by the ending of its name (``가나문화재단``), or a ministry,
        agency or office before its head's ``title`` (``가나다라부 장관``, ``가나다청 청장``), minted under an id
        derived from its name; ``None`` for any other word or a registry name."""
        ministry = re.fullmatch(r"[가-힣]{2,12}(?P<end>부|처|청)", word)
        if not (_ORG_NAME.fullmatch(word) or ministry and title in _MINISTRY_HEADS[ministry.group("end")]) or \
                self.is_place(word) or any(m.start == 0 and m.end == len(word)
                                                                      for m in self.registry.find_mentions(word)):
            return None
        return Entity(id=f"minted-{normalize_name(word)}", kind="organization", name_ko=word,
                      note="minted by the people reader: an organisation not in the registry")

    def _ministry(self, role: str, p: int) -> tuple[Entity, int] | None:
        """The ministry a role states with its head's title (``가나부 장관``): the post's organisation, minted; the
        role keeps the ministry's name, as the office is called."""
        words = role.split()
        org = self.organisation(words[0], _head_title(role)) if len(words) > 1 else None
        return (org, p) if org is not None and not _ORG_NAME.fullmatch(words[0]) else None

    def _minted_org_before(self, s: str, p: int, role: str, mentions=()) -> tuple[Entity, int] | None:
        """A minted organisation (:meth:`organisation`) written right before ``p`` (an opening bracket between:
        ``가나재단(이사장: 홍길동)``); a place written right before a body's name is part of it (``가나성
        인민대표대회``: that province's congress, not every congress)."""
        m = re.search(r"(?<![A-Za-z가-힣])(?P<o>[A-Za-z]{0,6}[가-힣]{3,20})\s*\(?\s*$", s[:p])
        org = self.organisation(m.group("o"), _head_title(role)) if m else None
        if org is None:
            return None
        place = next((k for k in mentions if k.end < m.start("o") and not s[k.end:m.start("o")].strip()
                      and k.entity.kind == "region"), None)
        if place is not None and _ORG_NAME.fullmatch(m.group("o")):
            name = f"{s[place.start:place.end]} {m.group('o')}"
            return replace(org, id=f"minted-{normalize_name(name)}", name_ko=name), place.start
        return org, m.start("o")

    def _country(self, word: str) -> Entity | None:
        return self.country_any.get(normalize_name(word))

    def _skip_country(self, s: str, words: _Words, p: int) -> int:
        i = words.before(p)
        if i >= 0 and normalize_name(words.word(i)) in self.country_words:
            return words.spans[i][0]
        return p

    def _org_before(self, s: str, mentions, p: int) -> tuple[Entity, int] | None:
        """The registry place or organisation ending right before ``p`` (a country word before it included); a
        place's office (``가나구청``, ``다라시청``) is that place."""
        office = self._office_before(s, mentions, p)
        if office is not None:
            return office
        for m in reversed(mentions):
            if m.end <= p and not re.sub(r"\([^)]*\)", "", s[m.end:p]).strip(" \t(:"):
                start = m.start
                parent = next((k for k in mentions if k.end <= start and not s[k.end:start].strip()
                               and k.entity.kind == "region"), None)
                if parent is not None:  # the parent region written before it: ``가나성 다라시``
                    start = parent.start
                c = re.search(rf"(?:^|(?<=\s))(?:{self._country_rx})\s*$", s[:start])
                if c:
                    start = c.start()
                return m.entity, start
            if m.end <= p:
                break
        c = re.search(rf"(?:^|(?<=[\s(]))(?P<c>{self._country_rx})\s*$", s[:p])
        if c:
            return self._country(c.group("c")), c.start()
        return None

    def _office_before(self, s: str, mentions, p: int) -> tuple[Entity, int] | None:
        """A place's office written right before ``p`` (``가나시청``, ``다라광역시 마바구청``: the district of the city
        named before it), as ``(place, start)``."""
        m = re.search(r"(?:^|(?<=[\s(]))(?P<w>[가-힣]{1,12})청\s*$", s[:p])
        found = [e for e in self.registry.candidates(m.group("w")) if e.kind == "region"] if m else []
        start = m.start() if m else 0
        if len(found) > 1:
            parent = next((k for k in mentions if k.end <= m.start() and not s[k.end:m.start()].strip()), None)
            found = [e for e in found if parent is not None and e.parent == parent.entity.id]
            start = parent.start if found else start
        return (found[0], start) if len(found) == 1 else None

    def _name_before(self, s: str, words: _Words, p: int, org: Entity | None,
                     title_end: int | None = None) -> tuple[str, str | None, int] | None:
        """The name ending right before ``p`` (a country word between them skipped): ``(name, alt, start)``. A Latin
        phrase there is a name only when it names no place (:meth:`_latin_place`) and, given the title's end, no
        name follows the title (``Binh Duong 성장 Nguyen Van Loi``: the phrase before is the place)."""
        p = self._skip_country(s, words, p)
        head = s[:p]
        m = re.search(rf"(?P<w>[가-힣]{{2,7}}){_ALT}{_AGE}\s*$", head)
        short = self._short_words_name(s, head, org)
        if short is not None:
            return short
        latin = re.search(rf"(?:^|(?<=[\s,(]))(?<![A-Za-z]){_LATIN_NAME}\s*$", head)
        if latin is not None and (org is None or not _korean(org)) and _latin_person(latin.group("latin")):
            if self._latin_place(latin.group("latin")) or (
                    title_end is not None and self._name_after(s, title_end) is not None):
                return None
            return latin.group("latin"), None, latin.start("latin")  # ``Jennifer Rose 가나시 부시장``
        if not m or not (self.name_word(m.group("w")) or self._kana_given(head[:m.start()], m.group("w"), org)) or (
                m.start() > 0 and not re.match(r"[\s,·(\"“'‘「○◦●■□▶◆◇※]", s[m.start() - 1])):
            return None
        if title_end is not None and _adnominal(m.group("w")) and re.search(r"[가-힣][을를]\s+$", head[:m.start()]) \
                and self._name_after(s, title_end) is not None:
            return None  # 근무를 마친 주무관 가나다: a verb after its object; the name follows the title
        if len(m.group("w")) == 2 and m.group("w").endswith(_LINKING) and re.search(r"[가-힣][을를]\s+$",
                                                                                   head[:m.start()]):
            return None  # 10주년을 맞아 지사가: a verb's linking form after its object
        if title_end is not None and m.group("w")[-1] in "과와은는" and not m.group("w").endswith(_NAME_ENDS) \
                and self._name_after(s, title_end) is not None:
            return None  # 가나와 다라도 부지사 마바사: a word with its particle; the name follows the title
        name, start, alt = m.group("w"), m.start(), m.group("alt")
        foreign = org is None or (org.country or org.id) != "KR"
        prev = re.search(r"(?P<w>[가-힣]{2,7})\s+$", head[:start])
        if foreign and prev and (self.name_word(prev.group("w"), first=True) or self._kana_surname(
                prev.group("w"), name, org)) and not (
                prev.start() > 0 and not re.match(r"[\s,·(\"“'‘「]", s[prev.start() - 1])) and not (
                len(prev.group("w")) == 2 and prev.group("w").endswith(_LINKING) and re.search(
                    r"[가-힣][을를]\s+$", head[:prev.start()])) and not (
                is_korean_name(prev.group("w")) and is_korean_name(name)
                and (before := re.search(r"([가-힣]+)\s+$", head[:prev.start()])) is not None
                and base_title(before.group(1)) is not None):
            # (``○시장 홍길동  김가나 의원``: the word before is the name of the title before it)
            # (``가나시를 찾아 레반남 위원장과``: a word in a verb's linking form after an object is that verb)
            name, start = f"{prev.group('w')} {name}", prev.start()
            first = re.search(r"(?:^|(?<=[,·]\s)|(?<=[와과]\s))(?P<w>[가-힣]{2,7})\s+$", head[:start])
            if first and self.name_word(first.group("w"), first=True):  # 가나시장과 기리시 파티 트리파티 다라시장
                name, start = f"{first.group('w')} {name}", first.start()
        return name, alt, start

    def _kana_given(self, head: str, word: str, org: Entity | None) -> bool:
        """A Japanese given name that ends like a particle (``요시히로``, ``다이스케``), written after its surname
        (the last word of ``head``) for a post in Japan: both words render kana."""
        prev = re.search(r"(?:^|(?<=[\s,·(\"“'‘「]))(?P<w>[가-힣]{2,5})\s+$", head)
        return prev is not None and word.endswith(_WEAK_END) and word not in STOP and not self.is_place(word) and (
            self.name_word(prev.group("w"), first=True) or self._kana_surname(prev.group("w"), word, org)) and (
            org is not None and (org.country or org.id) == "JP" and kana_like(word) and kana_like(prev.group("w")))

    def _kana_surname(self, word: str, given: str, org: Entity | None) -> bool:
        """A Japanese surname in Hangul before its given name, for a post in Japan (or one whose organisation is
        still to be found: a Korean one then keeps the last word only): both words render kana
        (:func:`kana_like`), though the first ends like a particle or a place (``모리에``, ``다카이시``) or is itself
        a place's name other than the post's own region or its parent."""
        if org is not None and (org.country or org.id) != "JP" or not (kana_like(word) and kana_like(given)) or \
                not 2 <= len(word) <= 5 or self.is_unit(word) or any(
                word.startswith(n) or word.endswith(n) for n in _COMMON_PARTS):  # (우호도시 가나 시장: a noun)
            return False
        own = (org.id, org.parent) if org is not None else ()
        return not any(org is None or e.id in own or e.kind != "region" for e in self.registry.candidates(word)) \
            and normalize_name(word) not in self.local and normalize_name(word) not in self.country_any

    def _after_latin_place(self, s: str, words: _Words, p: int, end: int, role: str,
                           former: bool) -> list[PostStatement] | None:
        """A name after a title that a Latin phrase stands before (``베트남 Binh Duong 성장 Nguyen Van Loi``): the
        phrase is the place, so the post is in the country written before it (none written: no post); ``None`` when
        no Latin phrase stands before the title or no name follows it."""
        latin = re.search(rf"(?:^|(?<=[\s,(]))(?<![A-Za-z]){_LATIN_NAME}\s*$", s[:p])
        after = self._name_after(s, end) if latin is not None else None
        if after is None:
            return None
        i = words.before(latin.start("latin"))
        country = self._country(words.word(i)) if i >= 0 else None
        if country is None:
            return []
        return [PostStatement(after[0], after[1], country, role, words.spans[i][0], after[2], former=former)]

    def _latin_place(self, phrase: str) -> bool:
        """Whether a Latin phrase names a place: a registry name or a division of the gazetteer (``Texas``)."""
        return bool(self.registry.candidates(phrase)) or self.registry.place_named(phrase) is not None

    def _short_words_name(self, s: str, head: str, org: Entity | None) -> tuple[str, str | None, int] | None:
        """A name of one-syllable words ending ``head``: a name printed with its syllables apart, starting with a
        surname (``이 한 결``); or, for a post abroad, a foreign name (``가나소프 김``, ``딴 신``, ``응우옌 가 나``) of
        two or three words, one of them a single syllable, none of them a word that is never a name."""
        spaced = re.search(r"(?:^|(?<=[\s,·(]))(?P<n>[가-힣](?:\s[가-힣]){2,3})\s*$", head)
        if spaced and spaced.group("n")[0] in SURNAMES:  # a name printed with its syllables apart: ``이 한 결``
            return collapse_spaced(spaced.group("n")), None, spaced.start("n")
        if org is not None and (org.country or org.id) == "KR":
            return None
        m = re.search(rf"(?:^|(?<=[\s,·(]))(?P<n>[가-힣]{{1,7}}(?:\s[가-힣]{{1,7}}){{1,2}}){_ALT}\s*$", head)
        while m:
            parts = m.group("n").split()
            if self._short_words(parts):
                return m.group("n"), m.group("alt"), m.start("n")
            if len(parts) <= 2:
                return None
            m = re.search(rf"(?:^|(?<=[\s,·(]))(?P<n>[가-힣]{{1,7}}\s[가-힣]{{1,7}}){_ALT}\s*$", head)
        return None

    def _short_words(self, parts: list[str]) -> bool:
        """Words of a foreign name printed with a one-syllable word among them (``응우옌 반 남``, ``딴 신``): none
        of them a word that is never a name or that ends in a particle no name ends in (``응우옌 반 남과``)."""
        return any(len(w) == 1 for w in parts) and all(
            w not in _SINGLE_STOP if len(w) == 1 else self.name_word(w, first=i < len(parts) - 1)
            and w not in _AFTER_STOP and not (w[-1] in "와과의를을" and not w.endswith(_NAME_ENDS))
            for i, w in enumerate(parts))

    def _appositive(self, s: str, end: int) -> tuple[str, str | None, int] | None:
        """``주한 가나 대사인 홍길동``: the title, the copula 인, the name (whatever follows it; a particle glued to
        a one-word name is no part of it: ``부성장인 왕하오는``)."""
        for pattern in (r"인\s+(?P<n>[가-힣]{2,7}\s[가-힣]{2,7})", r"인\s+(?P<n>[가-힣]{2,7})"):
            m = re.match(rf"{pattern}{_ALT}(?=$|[\s,·(])", s[end:])
            if m is None:
                continue
            name = m.group("n")
            if " " not in name and len(name) >= 3 and name[-1] in _PARTICLE_SYLLABLES and (
                    is_korean_name(name[:-1]) or not self.name_word(name)) and self.name_word(name[:-1]):
                name = name[:-1]  # ``대사인 홍길동은``, ``부성장인 왕하오는``: the name and its particle
            if all(self.name_word(w) and w not in _AFTER_STOP for w in name.split()):
                return name, m.group("alt"), end + m.end()
        return None

    def _name_after(self, s: str, end: int) -> tuple[str, str | None, int] | None:
        """A name right after a title and closing its phrase: ``지사 바트,``, ``(사무총장 홍길동)``,
        ``(사장: 홍길동)``; a report's act after the signer (``부시장 가나 다라 마바 서명``, maybe joined to a wrapped
        next line: a name of three words only so); else the appositive ``대사인 홍길동``."""
        plain = r"\s*(?:[,·)]|\((?!\d+\s*[명건개회인곳])|$|\s등|\s일행|\s외\s*\d|다\.)"
        act = (r"(?<![이가은는과와의도을를])\s(?:서명|참석|면담|예방|접견|간담회|"  # not 홍길동이 참석
               rf"{'|'.join(_BYLINE_WORDS)})(?![식문자록])")
        particle = r"(?:이|가|과|와|은|는|의|도)(?=\s)"
        for shape, close in ((r"[가-힣]{2,7}\s[가-힣]{2,7}\s[가-힣]{2,7}", rf"(?={act})"),  # 가나 다라 마바 서명
                             (r"[가-힣]{2,7}\s[가-힣]{2,7}", rf"(?:(?={plain})|{particle}|(?={act}))"),
                             (r"[가-힣]{2,7}", rf"(?:(?={plain})|{particle}|(?={act}))"),
                             (r"(?:[가-힣]\s){1,3}[가-힣]", rf"(?:(?={plain})|{particle})")):
            m = re.match(rf"(?:\s*:\s*|\s+)(?P<n>{shape}){_ALT}{close}", s[end:])
            if m is None:
                continue
            name = collapse_spaced(m.group("n"))
            if re.fullmatch(r"[가-힣]{2,4}입니다", name):
                name = name[:-3]  # ``주무관 홍길동입니다``: the name and the copula
            parts = name.split()
            if len(parts) > 1 and base_title(parts[-1]) is not None:
                continue  # ``(단장 가나 부구장)``: the name's own post follows it, not a second word of the name
            if all(self.name_word(w, first=i < len(parts) - 1) and w not in _AFTER_STOP for i, w in enumerate(parts)):
                return name, m.group("alt"), end + m.end()
        short = re.match(rf"\s+(?P<n>[가-힣]{{1,7}}(?:\s[가-힣]{{1,7}}){{1,2}}){_ALT}(?:(?={plain})|"
                         r"(?:이|가|과|와|은|는|도)(?=\s))", s[end:])  # (not 의: 일정 협의, 상호 합의)
        if short is not None and self._short_words(short.group("n").split()):
            # a foreign name with one-syllable words (``위원장 응우옌 반 남이``, ``부지사 딴 신과``)
            return short.group("n"), short.group("alt"), end + short.end()
        latin = re.match(rf"(?:\s*:\s*|\s+){_LATIN_NAME}(?:(?={plain})|{particle}|(?=\s*\()|(?=\s(?:씨|氏)))", s[end:])
        if latin is not None and _latin_person(latin.group("latin")):
            return latin.group("latin"), None, end + latin.end()  # ``부시장 Jennifer Rose와``
        single = re.match(r"\s+(?P<n>[가-힣])(?=\s*[,·)])", s[end:])
        if single and single.group("n") not in STOP:
            return single.group("n"), None, end + single.end()
        return self._appositive(s, end)

    def _diplomat(self, s: str, words: _Words, t: re.Match[str]) -> PostStatement | None:
        """``홍길동 주부산 중국 총영사``, ``주한 중국대사 홍길동``, ``홍길동 전 주일본대사``: a mission ``주`` + host,
        then the sending country (the post is there); without one the mission is Korea's. A title alone
        (``홍길동 대사``, ``신임 가나 대사``) takes its mission from the embassy or consulate named earlier in the
        sentence (``주한 가나 대사관을 방문하여 홍길동 대사와``)."""
        head = s[:t.start("title")]
        m = re.search(rf"(?<![가-힣])(?P<mission>주[가-힣]{{1,8}}?)(?:\s*(?P<country>{self._country_rx}))?\s*$", head)
        if m and m.group("mission") not in _NOT_MISSIONS:
            country = self._country(m.group("country")) if m.group("country") else self.registry.entities.get("KR")
            role = re.sub(r"\s+", " ", s[m.start():t.end("title")]).strip()
            q = m.start()
        else:
            pre = t.group("pre")  # a field glued to the title: ``주한 가나대사관 정무참사관``
            if pre and not qualifier(pre):
                return None
            head = s[:t.start("pre")]
            mission = self._mission_before(head, t.group("title"))
            if mission is None:
                return None
            country, role = mission[0], f"{mission[1]} {pre}{t.group('title')}"
            if not re.sub(r"[가-힣]{2,7}(?:\s[가-힣]{1,7}){0,2}\s*$", "", head[mission[2]:]).strip():
                # ``주가나 대한민국 총영사관 홍길동 총영사``: the mission right before the name, the title after it
                role = pre + t.group("title")
            q = t.start("pre")
            c = re.search(rf"(?:^|(?<=\s))(?P<c>{self._country_rx})\s*$", head)
            if c and self._country(c.group("c")) == country:
                q = c.start()  # the sending country restated before the title: ``신임 가나 대사``
        if country is None:
            return None
        former, q = self._former(words, q)
        name = self._name_before(s, words, q, country)
        if name is not None:
            n, alt, a = name
            return PostStatement(n, alt, country, role, a, t.end("title"), former=former)
        after = self._name_after(s, t.end("title"))
        if after is not None:
            n, alt, b = after
            return PostStatement(n, alt, country, role, q, b, former=former)
        return None

    def _mission_before(self, head: str, title: str) -> tuple[Entity, str, int] | None:
        """The last embassy or consulate ``head`` names whose head has ``title`` (대사관 → 대사): the sending
        country, the mission as written (``주한 가나``) and where its name ends."""
        found = None
        for m in re.finditer(rf"(?<![가-힣])(?P<mission>주[가-힣]{{1,8}}?)\s*(?P<country>{self._country_rx})\s*"
                             rf"(?P<inst>{'|'.join(_INSTITUTIONS)})", head):
            # its head (대사관 → 대사), or any diplomat of the mission named right before the title
            # (``주부산 가나총영사관 영사 홍길동``, ``주한 가나대사관 참사관 홍길동``)
            if m.group("mission") not in _NOT_MISSIONS and (
                    m.group("inst") == f"{title}관" or not head[m.end():].strip()):
                found = m
        if found is None:
            return None
        country = self._country(found.group("country"))
        return (country, f"{found.group('mission')} {found.group('country')}", found.end()) if country else None

    def _with_list(self, s: str, words: _Words, a: int, name: str, alt: str | None, org: Entity, role: str,
                   end: int) -> list[PostStatement]:
        """The statement, and the names listed before it sharing its title: ``김가나, 이다라 국회의원``."""
        out = [PostStatement(name, alt, org, role, a, end)]
        head = s[:a]
        while True:
            m = re.search(r"(?P<w>[가-힣]{2,4})\s*,\s*$", head)
            if not m or not self.name_word(m.group("w")) or len(name.split()) > 1 or (
                    m.start() > 0 and not re.match(r"[\s,(]", s[m.start() - 1])) or (
                    is_korean_name(name) and not is_korean_name(m.group("w"))):
                break  # (names listed before a Korean name are Korean names: not ``격상, 김가나 지사``)
            out.append(PostStatement(m.group("w"), None, org, role, m.start(), end))
            head = head[:m.start()]
        return out

    def _home(self, title: str, name: str) -> Entity | None:
        """The document's own region for a Korean name with a title of its local government that fits it
        (``부시장`` in a city's document, ``행정부지사`` in a province's), else ``None``."""
        home = self.home
        korean = is_korean_name(name)
        if home is None or not korean or title not in _HOME_TITLES or not fits_title(home.name_ko, title):
            return None
        return home

    def _home_mission(self, title: Title, org: Entity | None, name: str) -> Entity | None:
        """A diplomat's post named with no mission is a country's, never a city's: Korea's for a Korean name or
        a Korean place named around it, else the country of the place named (where a foreign diplomat serves
        the sending country is unknown; the place named is the nearest evidence)."""
        if title.kind != "diplomat" or org is None or org.kind == "country":
            return org
        korean_name = is_korean_name(name)
        home = "KR" if korean_name or (org.country or org.id) == "KR" else org.country
        return self.registry.entities.get(home, org)

    @staticmethod
    def _context_org(mentions, a: int, context: list[Entity], name: str = "") -> Entity | None:
        """The place or organisation named last before position ``a``, else last in the previous sentence; for
        a foreign name of two words (``가나 다라``) or one that is no Korean name (:func:`is_korean_name`), the
        foreign region named last there, if any. A Japanese name of several words (:func:`kana_like`) with no
        foreign region named serves a place the text did not place (``마루자키시청 국제과장 야마다 겐``): no post,
        never one in the Korean region named."""
        foreign = len(name.split()) > 1 or bool(name) and not is_korean_name(name)
        japanese = len(name.split()) > 1 and japanese_name(name)
        for named in ([m.entity for m in mentions if m.end <= a], context):
            abroad = [e for e in named if e.kind == "region" and e.country not in ("", "KR")]
            if foreign and abroad:
                return abroad[-1]
            if named:
                return None if japanese and all(e.country in ("", "KR") for e in named) else named[-1]
        return None


def _latin_person(name: str) -> bool:
    """A capitalised Latin phrase that may be a person's name: no word of a body or place in it."""
    return not any(word.strip(".") in _LATIN_BODY_WORDS for word in name.split())


def _head_title(role: str) -> str:
    """The lexicon title a role ends with (``제2차관`` → 차관, ``국제협력 부국장`` → 부국장)."""
    title = base_title(role)
    return title.ko if title is not None else role


def _as_written(name: str, org: Entity) -> str:
    """The name as the person is called: syllables printed apart are one Korean name (``임 한 결``), unless
    they are a foreign name of one-syllable words (``딴 신`` of a post abroad, not starting with a surname)."""
    tokens = name.split()
    if (org.country or org.id) != "KR" and all(len(t) == 1 for t in tokens) and tokens[0] not in SURNAMES:
        return name
    return collapse_spaced(name)


def _korean(org: Entity) -> bool:
    return (org.country or org.id) == "KR"


def _marked(found: list[PostStatement], former: bool) -> list[PostStatement]:
    return [replace(st, former=True) for st in found] if former else found


@dataclass(frozen=True)
class StatedPost:
    """A post statement placed in its document: lines and the date it speaks of."""

    name: str
    alt: str | None
    org: Entity
    role: str
    lines: tuple[int, int]
    when: StatedDate | date | int | None
    from_context: bool = False
    former: bool = False


_LAST: dict[tuple[str, str, int], list[StatedPost]] = {}


def document_posts(w: FactWriter) -> list[StatedPost]:
    """Every post statement in the sentences of ``w.doc``, one per (name, organisation, role); the last
    document's are kept, since the curated and the automatic reader both ask for them."""
    key = (w.doc.id, w.doc.sha256, id(w.registry))
    if key not in _LAST:
        _LAST.clear()
        _LAST[key] = _document_posts(w)
    return _LAST[key]


def _adnominal(word: str) -> bool:
    """Whether ``word`` ends like a verb's adnominal form (``마친``, ``맡은``, ``맡을``, ``하는``): its last syllable
    closed by ㄴ or ㄹ.

    >>> _adnominal("마친"), _adnominal("맡을"), _adnominal("가나다")
    (True, True, False)
    """
    last = ord(word[-1]) - 0xAC00
    return 0 <= last < 11172 and last % 28 in (4, 8)


#: The linking endings of a two-syllable verb (``찾아``, ``맞아``, ``열어``, ``보여``): after an object, no name word
#: (longer words ending so are names as often: ``나탈리아``).
_LINKING = ("아", "어", "여")
#: Endings of a place word a document may place in a country, and the particles that may follow it.
_PLACE_END = re.compile(r"(?:시|현|성|주|군|구|아이막|솜)$")
_PLACE_PARTICLE = re.compile(r"(?:와의|과의|와는|과는|와도|과도|에서는|에서|에는|에도|으로는|로는"
                             r"|와|과|의|는|은|에|를|을|로)$")


def document_places(registry: Registry, text: str) -> dict[str, Entity]:
    """Foreign places the registry lacks that ``text`` places in a country: a word with a place suffix
    (``가나시``, ``다라현``) written right after a country word (``일본 가나시``) or a foreign registry region
    (``후난성 가나시``). Each becomes a minted region (:func:`graph.readers.entities.minted_region`, the same IRI
    the other readers mint), so the people reader can place posts there."""
    probe = SentenceReader(registry)
    words = list(re.finditer(r"[^\s,.·()\[\]「」\"“”'‘’]+", text))  # lines are joined with no space after a full stop
    out: dict[str, Entity] = {}
    for before, m in zip(words, words[1:], strict=False):
        if text[before.end():m.start()].strip():
            continue
        word = _PLACE_PARTICLE.sub("", m.group(0))
        glued = _glued_title().fullmatch(m.group(0))
        # a place glued to its title: ``가나시장이`` (가나시 + 시장), ``가나현지사``
        if glued and titles()[glued.group("t")].kind in ("head", "deputy"):
            word = next((w for w in (glued.group("p") + glued.group("t")[0], glued.group("p"))
                         if _PLACE_END.search(w)), word)
        level = place_level(word)
        if not _placeable(probe, word, out):
            continue
        country = probe._country(before.group(0))
        chained = out.get(normalize_name(_PLACE_PARTICLE.sub("", before.group(0))))
        if country is None and chained is not None:  # ``가나 다라현 마바시``: 다라현 was just placed in 가나
            country = registry.entities.get(chained.country)
        if country is None:
            parents = [e for e in registry.candidates(before.group(0)) if e.kind == "region"]
            country = registry.entities.get(parents[0].country) if len(parents) == 1 else None
        if country is not None and country.id != "KR":
            out[normalize_name(word)] = minted_region(word, country.id, level)
    return out


def row_places(registry: Registry, lines: tuple[str, ...], placed: dict[str, Entity]) -> dict[str, Entity]:
    """Foreign places the registry lacks that a table row places by a country cell (``… | 중국 | 홍길동 | 가나시
    부시장 | …``): a cell's first word with a place suffix, minted in that country (none in a row of two countries)."""
    probe = SentenceReader(registry)
    out: dict[str, Entity] = {}
    for line in lines:
        cells = [c.strip() for c in re.split(r"\s*\|\s*|\t", line)] if ("|" in line or "\t" in line) else []
        countries = {c.id for cell in cells if (c := probe._country(cell)) is not None}
        if len(countries) != 1 or "KR" in countries:
            continue
        for cell in cells:
            word = _PLACE_PARTICLE.sub("", cell.split()[0]) if cell.split() else ""
            if _placeable(probe, word, {**placed, **out}):
                out[normalize_name(word)] = minted_region(word, next(iter(countries)), place_level(word))
    return out


def _placeable(probe: SentenceReader, word: str, placed: dict[str, Entity]) -> bool:
    """Whether ``word`` may be a foreign place the registry lacks: a place suffix after two or more letters, not
    a registry name, unit, title or field word, not placed yet."""
    end = _PLACE_END.search(word)
    return not (end is None or end.start() < 2 or not re.fullmatch(r"[가-힣]+", word) or word in STOP
                or normalize_name(word) in placed or _any_title().search(word) or word.endswith("도시")
                or any(word.startswith(n) for n in FIELD_NOUNS) or probe.is_place(word) or probe.is_unit(word)
                or probe._near_place(word))


#: A place word whose head's or deputy's title follows: glued (``가나시장``, ``가나구청장``), next (``가나주 부지사``),
#: after a unit (``가나성 인민위원회 부위원장``) or after the official's name of two or three words (``가나주 다라 마바
#: 부지사``).
_HEAD_TITLES = re.compile(r"(?:구청장|시장|군수|지사|부지사|주지사|부시장|성장|부성장|현지사|위원장|부위원장|"
                          r"인민위원장|구장|부구청장|부군수)(?=$|[\s,.()」”\"'·]|[이가은는과와의을를도])")
#: Titles of a province's, prefecture's or state's head or deputy: never a city's, county's or district's (a word
#: ending in 시 before ``지사`` is the end of a name, ``다나카 히로시 지사``), and the titles of a city's, county's or
#: district's: never a province's.
_GOVERNOR_TITLES = ("지사", "부지사", "주지사", "현지사", "성장", "부성장", "도지사", "행정부지사", "정무부지사",
                    "경제부지사")
_LOCAL_TITLES = ("시장", "부시장", "군수", "부군수", "구청장", "부구청장", "구장", "행정부시장", "정무부시장",
                 "경제부시장")
#: Titles of a Korean local government's head and deputies: with a Korean name and no place, the document's own.
_HOME_TITLES = frozenset(_GOVERNOR_TITLES + _LOCAL_TITLES) - {"지사", "주지사", "현지사", "성장", "부성장", "구장"}
_LOCAL_LEVELS = ("city", "county", "district", "town", "village")


def fits_title(word: str, title: str) -> bool:
    """Whether a place named ``word`` may have a head or deputy titled ``title`` (by the level of its suffix).

    >>> fits_title("히로시", "지사"), fits_title("가나현", "지사"), fits_title("가나시", "시장")
    (False, True, True)
    >>> fits_title("가나현", "부시장"), fits_title("가나시", "위원장")
    (False, True)
    """
    level = place_level(word)
    if title in _GOVERNOR_TITLES:
        return level not in _LOCAL_LEVELS
    if title in _LOCAL_TITLES:
        return level is None or level in _LOCAL_LEVELS
    return True


def titled_places(w: FactWriter, stream: Stream, placed: dict[str, Entity]) -> dict[str, Entity]:
    """Foreign places the registry lacks that the document names as the place of a head's or deputy's post
    (``가나 다라 마바시장``, ``마바주 부지사``), each in the country a word on the same line names (the nearest
    before it, else after it), else the country of the section's heading (:func:`context_at`), else the one the
    document named last before that line (as the sentence reader mints the place); none without one."""
    probe = SentenceReader(w.registry)
    pattern, names = w.registry.country_words
    countries = countries_named(w)
    out: dict[str, Entity] = {}
    for t in _HEAD_TITLES.finditer(stream.text):
        words = stream.text[max(0, t.start() - 40):t.start()].split()
        glued = words.pop() if words and not stream.text[t.start() - 1].isspace() else ""
        for word in [glued + t.group(0)[0], glued] if glued else list(reversed(words[-4:])):
            word = re.sub(r"^[^가-힣]+", "", word)
            if not _placeable(probe, word, {**placed, **out}) or probe._country(word) or not glued and (
                    not fits_title(word, t.group(0)) or _given_name_only(stream.text, word)):
                continue
            n = stream.line_of[t.start()]
            line = w.doc.lines[n - 1]
            at = line.find(word)
            found = sorted((m.start() > at, abs(m.start() - at), names[m.group(0)]) for m in pattern.finditer(line)
                           if names[m.group(0)] != "KR")
            country = found[0][2] if found else context_at(w, n).country or country_near(
                [c for c in countries if c[0] <= n], n)  # named before the line, never after it
            if country and country != "KR":
                out[normalize_name(word)] = minted_region(word, country, place_level(word))
            break
    return out


def _given_name_only(text: str, word: str) -> bool:
    """Whether every time ``text`` writes ``word`` it follows a surname, a word that renders kana after none (after
    a word that is no name or a place: ``가나자키시 다나카 히로시 시장``, 히로시 is no city), and never stands on its
    own: a Japanese given name that ends like a city. After two name words the word is the city (``스즈키 미호
    가나시 부시장``)."""
    at = [m.start() for m in re.finditer(rf"(?<![가-힣]){re.escape(word)}", text)]
    return bool(at) and kana_like(word) and all(
        (two := re.search(r"(?:(?P<w2>[가-힣]+)\s+)?(?P<w>[가-힣]+)\s+$", text[max(0, a - 24):a])) is not None
        and kana_like(two.group("w")) and not _PLACE_END.search(two.group("w"))
        and (two.group("w2") is None or not kana_like(two.group("w2")) or _PLACE_END.search(two.group("w2")))
        for a in at)


#: A report's bullet after a space (an indented line joined to the one before): a statement of its own.
_BULLET_AFTER_SPACE = re.compile(r"(?<=\s)(?=[○□■▶●◦◇◆※]\s)")


def _pieces(stream: Stream, lines: tuple[str, ...] = ()) -> Iterator[tuple[int, str]]:
    """``(start, text)`` of the stream's sentences, each cut again before a bullet (``… 바타르  ○ 7. 10. …``:
    an indented report's lines are joined without a break) and between two table rows of ``lines`` (long rows
    are joined as wrapped lines; a name or title never runs from one row into the next)."""
    def row(n: int) -> bool:
        return 0 < n <= len(lines) and ("|" in lines[n - 1] or "\t" in lines[n - 1])

    for start, _, sentence in stream.sentences():
        owners = stream.line_of[start:start + len(sentence)]
        rows = [i for i in range(1, len(owners))
                if owners[i] != owners[i - 1] and row(owners[i]) and row(owners[i - 1])]
        cuts = sorted({0, *(m.start() for m in _BULLET_AFTER_SPACE.finditer(sentence)), *rows, len(sentence)})
        for a, b in zip(cuts, cuts[1:], strict=False):
            if sentence[a:b].strip():
                yield start + a, sentence[a:b]


def _document_posts(w: FactWriter) -> list[StatedPost]:
    today = document_date(w.doc)
    year = report_year(w.doc) or (today.year if today else None)
    stated_on = today if today is not None and today.precision == "day" else year  # a date line, else the year
    stream = Stream.of(w.doc)
    places = document_places(w.registry, stream.text)
    places = {**row_places(w.registry, w.doc.lines, places), **places}
    reader = SentenceReader(w.registry, {**titled_places(w, stream, places), **places})
    found: list[tuple[StatedPost, bool]] = []
    context: list[Entity] = []
    own = lead_region(w)  # the organisation of a Korean name with an English title alone
    reader.home = own
    placed_in_english = english_places(w)  # foreign places the English lines place (Gana, Dara State, USA)
    for start, written in _pieces(stream, w.doc.lines):
        sentence = read_hanja_names(written, SURNAMES)  # 朴道潤 군수: the name in Hangul, at the same offsets
        when = month_day(sentence, year) if year else None
        reader.settle(sentence)
        english = [PostStatement(n, None, org, role, a, b)
                   for n, org, role, a, b in english_posts(w.registry, sentence, own, placed_in_english)
                   if not _across_rows(w, stream.span(start + a, start + b))]
        for st in [*reader.statements(sentence, context), *english]:
            lines = stream.span(start + st.start, start + st.end)
            found.append((StatedPost(_as_written(st.name, st.org), st.alt, st.org, st.role, lines, when or stated_on,
                                     st.from_context, st.former), st.from_context))
        context = [m.entity for m in reader._mentions(sentence)
                   if m.entity.kind in ("region", "organization")] or context
    found.extend((p, False) for p in listed_posts(w, stream, stated_on))
    found.extend((p, False) for p in staff_posts(w, reader, stated_on))
    found.extend((StatedPost(name, None, org, role, (n, n), stated_on, former=former), False)
                 for n, name, role, org, former in table_posts(w, reader))
    # weak, and before the sentences' weak ones: a name the sentences place keeps that post; a name they only
    # give a title alone (the organisation from the sentence before) takes the title-first statement's
    titled = [(StatedPost(t.name, None, org, t.role, (n, n), stated_on, from_context=t.org is None,
                          former=t.former), True) for n, t, org in titled_posts(w, reader)]
    found[:0] = titled
    earlier = {id(p) for p, _ in titled if p.former}  # a title-first name's earlier post in brackets: kept
    full = _full_names([(p.name, p.org.id) for p, _ in found], {(p.name, p.org.id) for p, weak in found if not weak})
    names = {full.get((p.name, p.org.id), p.name) for p, weak in found if not weak}
    # a post held before (``기획예산과장 홍길동(전 가나군수)``) is no current one: the title-first post stands
    names_now = {full.get((p.name, p.org.id), p.name) for p, weak in found if not weak and not p.former}
    first = {id(p) for p, _ in titled}
    out: list[StatedPost] = []
    seen: set[tuple[str, str, str, bool]] = set()
    for p, weak in found:
        name = full.get((p.name, p.org.id), p.name)
        key = (normalize_name(name), p.org.id, p.role, p.former)
        placed = names_now if id(p) in first else names
        if weak and id(p) not in earlier and (any(k[0] == key[0] and not k[3] for k in seen) or any(
                key[0] in (normalize_name(w) for w in (n, *n.split())) for n in placed)):
            continue  # a name with its title alone restates someone already placed
        if key not in seen:
            seen.add(key)
            out.append(replace(p, name=name))
    if stated_on is None:  # a document with no date of its own: the day it states nearest above (a signed text's)
        days = [(n, d.value) for n, line in w.doc.numbered(1, None) for d in find_dates(line)
                if d.value.precision == "day"]
        out = [p if p.when is not None else replace(p, when=_nearest_day(days, p.lines[0])) for p in out]
    return out


def _nearest_day(days: list[tuple[int, StatedDate]], line: int) -> StatedDate | None:
    """The last day stated on or above ``line``, else the first below it (``None`` when the text states none)."""
    above = [d for n, d in days if n <= line]
    return above[-1] if above else days[0][1] if days else None


def _across_rows(w: FactWriter, lines: tuple[int, int]) -> bool:
    """Whether a statement runs from one table row into the next (long rows are joined as wrapped lines: a title
    ending one row and a name starting the next are no statement; :mod:`graph.readers.people_tables` reads rows)."""
    return lines[0] != lines[1] and all("|" in w.doc.lines[n - 1] or "\t" in w.doc.lines[n - 1] for n in lines)


_LIST = re.compile(r"(?P<label>[가-힣]{2,12})\s*:\s*(?P<items>(?:[가-힣]{2,4}\s?\([^)]{1,8}\)\s*,?\s*){3,})")
_ITEM = re.compile(r"(?P<name>[가-힣]{2,4})\s?\((?P<place>[^)]{1,8})\)")


def listed_posts(w: FactWriter, stream: Stream, when: StatedDate | int | None) -> list[StatedPost]:
    """``국제관계대사: 홍길동(대구), 김가람(광주), …``: a list of names, each with its region in brackets, under a
    label; each holds the label (a title, or the body they stand for) in that region. A short name of a region
    in such a list is the 광역 government (제주 is the province)."""
    reader = SentenceReader(w.registry)
    out = []
    for m in _LIST.finditer(stream.text):
        for item in _ITEM.finditer(m.group("items")):
            region = _listed_region(w.registry, item.group("place"))
            if region is None or not reader.name_word(item.group("name")):
                continue
            a = m.start("items") + item.start()
            out.append(StatedPost(item.group("name"), None, region, m.group("label"),
                                  stream.span(a, a + len(item.group(0))), when))
    return out


#: A staff-list line: a bullet, then only Hangul words (a title, maybe with its syllables spaced out, and names).
_STAFF_LINE = re.compile(r"^\s*(?:[-•·▪◦○]\s*)?(?P<body>[가-힣]+(?:\s*,?\s+[가-힣]+)+)\s*$")


def staff_posts(w: FactWriter, reader: SentenceReader, when: StatedDate | int | None) -> list[StatedPost]:
    """``의    장  홍   길   동``, ``부 의 장  김 가 람``, ``위 원 장  이다라, 박마바``: a staff list whose title is one
    word or its syllables printed apart, then Korean names (syllables apart, or words separated by commas); each
    holds the title in the Korean region the section is about (:func:`graph.readers.context.context_at`)."""
    out = []
    for n, raw in w.doc.numbered(1, None):
        m = _STAFF_LINE.match(raw.rstrip("\n"))
        staff = _staff_line(reader, m.group("body")) if m else None
        if staff is None:
            continue
        role, names, org = staff
        subject = context_at(w, n).subject
        org = org or (subject.entity if subject is not None else None)
        if org is not None and org.country == "KR":
            out.extend(StatedPost(name, None, org, role, (n, n), when) for name in names)
    return out


def _staff_line(reader: SentenceReader, body: str) -> tuple[str, list[str], Entity | None] | None:
    """The title, names and the place glued to the title of a staff-list line's ``body``; ``None`` when it is not
    one."""
    tokens = body.replace(",", " , ").split()
    for cut in range(1, len(tokens)):
        head = tokens[:cut]
        if len(head) > 1 and any(len(t) > 1 for t in head):
            return None  # a title is one word, or its syllables printed apart
        role, org = "".join(head), None
        if role not in titles() and cut == 1:  # one word: after its place (가나도지사), committee
            glued = [(o, left) for t in sorted(titles(), key=len, reverse=True)
                     if role.endswith(t) and len(role) > len(t)
                     for o, left in [reader._glued(role[:-len(t)], t)] if o is not None]
            base = base_title(role)
            if glued:
                org, role = glued[0]
            elif base is None or reader.is_place(role[:-len(base.ko)]):
                continue
        elif role not in titles() or len(tokens[cut]) == 1 and role + tokens[cut] in titles():
            continue  # (위 원 장: the longest title its syllables spell)
        names = [collapse_spaced(" ".join(part.split())) for part in " ".join(tokens[cut:]).split(",")]
        ok = names and all(re.fullmatch(r"[가-힣]{2,4}", k) and k[0] in SURNAMES and reader.name_word(k)
                           for k in names)
        return (role, names, org) if ok else None
    return None


def _listed_region(registry: Registry, text: str) -> Entity | None:
    regions = [e for e in registry.candidates(text) if e.kind == "region"]
    upper = [e for e in regions if e.level == "광역"]
    return regions[0] if len(regions) == 1 else upper[0] if len(upper) == 1 else None


def _full_names(pairs: list[tuple[str, str]], stated: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A one-word name used for the same organisation as a longer (``stated``) name containing it is that person."""
    longer = [(n, p) for n, p in stated if len(n.split()) > 1]
    out = {}
    for name, place in pairs:
        if len(name.split()) == 1:
            matches = {n for n, p in longer if p == place and name in n.split()}
            if len(matches) == 1:
                out[(name, place)] = matches.pop()
    return out


def _describe_minted(w: FactWriter, org: Entity) -> None:
    """Describe a place or organisation the reader minted (one the registry lacks) in the document's graph."""
    if org.id in w.registry.entities:
        return
    if org.kind == "organization":
        describe_organisation(w, org)
    else:
        describe_minted(w, Party(org.name_ko, org, minted=True))


def write_post(w: FactWriter, p: StatedPost) -> URIRef:
    """Write one stated post: the person, the post and the tenure; returns the tenure."""
    person = official(w, p.name, p.alt, p.lines)
    _describe_minted(w, p.org)
    return hold(w, person, w.entity(p.org), p.org.name_ko, p.role, p.lines, p.when, former=p.former)


#: Confidence of a statement whose organisation stands next to the name and title, and of one whose
#: organisation comes from the sentence around it.
CONFIDENCE_STATED, CONFIDENCE_CONTEXT = 0.85, 0.6


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[OfficialCandidate]:
    """Every post statement of the document outside the ``skip`` lines, as candidates for
    :func:`graph.readers.candidates.write_candidates`."""
    out = []
    for p in document_posts(w):
        if skip.intersection(range(p.lines[0], p.lines[1] + 1)):
            continue
        when = p.when
        stated = (when if isinstance(when, StatedDate) else StatedDate(when.year, when.month, when.day)
                  if isinstance(when, date) else StatedDate(when) if isinstance(when, int) else None)
        if stated is None:  # a tenure is a dated statement: neither the text nor the document fixes a date
            w.report.add_issue("anomaly", w.doc.id, p.lines[0], f"{p.name} {p.org.name_ko} {p.role}",
                               "post stated without a date (none in the sentence, no document date): not written")
            continue
        _describe_minted(w, p.org)  # the candidate's party is then written as any registry one
        role = provincial_title(p.role, p.org)  # 가나도지사: the general readers write 도지사 (NEAR's seed keeps 지사)
        out.append(OfficialCandidate(p.name, role, Party(p.org.name_ko, p.org), p.lines, stated,
                                     CONFIDENCE_CONTEXT if p.from_context else CONFIDENCE_STATED, reader="people",
                                     former=p.former))
    return out
