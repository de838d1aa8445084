"""The general sentence reader: agreements and plans stated in running text (news articles, council reports).

A clause is read when it names a relation (자매결연, 우호교류 협약, MOU …) with a signing verb (체결, 맺다 …)
or a plan (추진 중, 계획, 예정, 의향서 전달 …: then the candidate is a ``gy:AgreementIntent``, never a
``gy:Agreement``; a plan that the sentence says was overtaken, ``…할 예정이었으나 … 체결했다``, is not one).
Its parties are regions — the registry's, or a foreign place minted in the country a country word before it
states — in the shapes Korean text uses (names invented):

* both parties named: ``가나시와 다라군은 2024년 3월 5일 우호교류 협약을 체결했다``;
* a subject and a partner: ``가나시는 2019년 5월 일본 다라시와 자매결연을 맺었다``;
* several partners, each with its date in brackets or after it: ``미국 가나시(1998년), 일본 다라현(2005년)과``;
* a subject carried: ``군은``, ``시는``, ``도는`` refer to the region of the title; a clause naming only a
  partner takes the subject of the clause or sentence before.

A place followed by a smaller place (``중국 가나성 다라시``) is the smaller place's parent, not a party.
Dates keep their precision (:func:`graph.dates.find_dates`); a day, month or year stated relative to the
document's date (``지난 14일``, ``오는 11월``, ``내년``) is read against the first full date of the document
(a news article's date line). Sentences may be wrapped over several lines: lines are joined within a
paragraph, and each candidate cites the line span covering its sentence.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from graph.dates import DateMention, StatedDate, find_dates, relative_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import (
    ACTIVITY_WORDS,
    BULLET,
    FUZZY_MIN_CHARS,
    HEADING_LOOKBACK,
    NOT_PLACE_ENDINGS,
    NOT_PLACE_WORDS,
    countries_named,
    country_near,
    dateline,
    document_date,
    first_region,
    heading_day,
    heading_year,
    headings_above,
    is_plan,
    is_table_row,
    relation_near,
    report_year,
    schedule_day,
    without_anniversaries,
)
from graph.readers.corrections import corrected
from graph.readers.entities import (
    BODY_WORD,
    CONTEXT_LEVEL,
    Party,
    divisions_written,
    minted_region,
    place_level,
    resolve_party,
)
from graph.readers.line_wraps import column_width, glued_particle, particle_first, wrapped_at_width
from graph.readers.posts import titles
from graph.readers.relations import (
    DEFAULT_RELATION,
    denied_after,
    end_words,
    is_intent,
    is_renewal,
    negates_signing,
    relation_of,
    signed_done,
    states_no_signing,
    states_signing_verb,
)
from graph.readers.table_rows import split_cells
from graph.registry import Entity, normalize_name

#: Particles after a party's name, longest first; the topic particles mark the subject, the partner
#: particles a party to the signing (``와``: with, ``에``: a letter delivered to); others (의, 에서, 을, 처럼) none.
_PARTICLES = ("에서는", "에게는", "와도", "과도", "와는", "과는", "와의", "과의", "에서", "에게", "에는", "에도",
              "처럼", "같이", "으로", "은", "는", "이", "가", "와", "과", "의", "을", "를", "에", "로", "및")
_ALSO = "도"
#: The office of a place (가나구청, 다라시청): the place named as where something happened, no party.
_OFFICE = "청"
#: Particles of the place where something happened (가나시에서, 다라시청에서): no party of the pair the text follows.
_WHERE = frozenset(("에서", "에서는", _OFFICE))
#: The registry level of Korean provinces and metropolitan cities.
_METROPOLITAN = "광역"
_TOPIC = frozenset(("은", "는", "이", "가", "에서는", _ALSO))
_WITH = frozenset(("와", "과"))
#: A topic or subject particle (``다라시는``, ``다라시가``): the word it ends is the clause's subject.
_SUBJECT_MARKS = frozenset(("은", "는", "이", "가"))
#: A place opening a headline or an entry with no particle (after a bullet, inside brackets, before a comma, a
#: middle dot or a dash): ``▶ 가나시, 미국 다라시와``, ``[가나시] 미국 다라시와``, ``【가나시】``, ``가나시·미국 다라시
#: 자매결연``, ``가나시 — 미국 다라시와``. With a partner after it (:func:`_subject`), the clause's subject.
_HEADLINE_SUBJECT = re.compile(r"^\s*(?:[▶▷►•·○◦■□●◆◇※☞-]\s*)?(?:[\[【〔〈<「]\s*(?P<b>[가-힣]{2,12})\s*"
                               r"[\]】〕〉>」]\s*|(?P<w>[가-힣]{2,12})(?:(?P<comma>,|\s*[:：])\s|\s*(?P<joiner>[·ㆍ])\s*"
                               r"|\s*[-–—]\s*))")
_RELATED = frozenset(("와의", "과의"))
_OF = "의"
_OBJECT = frozenset(("을", "를"))
#: A date right before a relation (1994년 10월 27일 자매결연으로 시작된 인연): when it was signed.
_DATE_THEN_RELATION = re.compile(r"\d\s*(?:년|월|일|\.)\s*(?:의\s*)?(?:자매결연|친선결연|우호교류\s*협약"
                                 r"|우호협력\s*협약|자매도시\s*협정|우호도시\s*협정)"
                                 r"(?!\s*(?:을|를)?\s*(?:추진|예정|계획))")
#: A signing ceremony held: 우호교류 협약식을 가졌다.
_CEREMONY = re.compile(r"(?:협약|결연|협정|MOU)\s*(?:체결)?\s*식(?:을|를|에|에는)?\s*"
                       r"(?:가졌|갖고|열었|개최했|개최하였|진행했|진행하였|참석|참관)")
#: A generic agreement named by its own kind (업무협약, 교류협약): not the bare ``협정`` of a tie named before.
_NAMED_GENERIC = re.compile(r"(?:업무|교류|협력|상생)\s?협약|MOU|양해각서")
#: A signing renewed (협정을 갱신했다, 재체결하였다, 갱신되어 … 유효하다): a further signing of the pair.
_RENEWED = re.compile(r"(?:갱신|재체결|재협약)\s*(?:했|하였|한\s*바|됐|되었|함|됨|(?:되어|돼)(?!\s*야))")
#: A relation with its date in brackets (``자매결연(1995. 10. 2.)``, ``자매결연(1991)``): when it was signed.
_RELATION_DATED = re.compile(r"(?:결연|협약|협정|MOU|각서|의향서)\s*\(\s*'?(?:(?:19|20)?\d\d\s*[.년][^()]{0,12}"
                             r"|(?:19|20)\d\d)\)")
#: A sentence going on with the pair of the one before (이후 ▲2004년 … 협정 ▲2014년 … MOU를 잇따라 체결했다).
#: A sentence opening with its time (``지난해 10월에는``, ``2019년에도``, ``이듬해 5월``): with no party
#: named, it goes on with the pair whose signing the sentence before told (``… 2015년 자매결연을 맺었다.
#: 지난해 10월에는 … 협약을 맺기도 했다``).
_DATE_FIRST = re.compile(r"\s*(?:(?:지난해|작년|올해|이듬해|그\s?해|같은\s?해|(?:19|20)\d\d\s*년)(?:\s*\d{1,2}\s*월)?"
                         r"(?:\s*\d{1,2}\s*일)?|지난달|(?:19|20)\d\d\s*\.\s*\d{1,2}\s*\.(?:\s*\d{1,2}\s*\.)?)"
                         r"\s*(?:에는|에도|에|엔)?\s")
#: A word that is a party of the sentence's own, place or not (``기업 10곳과``, ``양 도시 농협이``): it does not go on
#: with the pair before.
_OWN_PARTY = re.compile(r"[가-힣\d]+(?:와|과|이|가)\s")
_GOES_ON = re.compile(r"\s*(?:이후|이어|이어서|또한?|아울러|그\s?뒤|그\s?후|그\s?이후)(?:에도|에는)?\s")
#: A signing done there and then (협약 체결, 협정서에 서명, 맺었다), as a schedule's entry states it.
_SIGNED_NOW = re.compile(signed_done("past", "noun"))
#: A paper that is no agreement though it is signed or announced: a joint declaration, a statement.
_NOT_AGREEMENT = re.compile(r"선언|성명|주년")
#: After the second name of a pair: between them (가나시와 다라시 간 협약, 두 도시 사이의).
_BETWEEN = re.compile(r"\s*(?:간|사이)(?:의|에|에서)?(?=\s)")
#: A sub-item of a report's list (``○ 가나현과 협정 체결`` / ``- 2018년 체결한 의향서에 이은 협정``): its pair's.
_SUB_ITEM = re.compile(r"\s*[-·ㆍ]\s")
#: Both parties named before: 양 지역은, 양측은, 두 도시는, 양 도·현은 (a province and a prefecture).
_BOTH = re.compile(r"(?:^|\s)(?:양|두)\s?(?:지역|도시|측|지자체|자치단체|도|시|군|구|기관|지방정부)"
                   r"(?:[·ㆍ](?:도|현|성|시|주|군|구))?(?:은|는|이|가|의|간)?\s")
#: After ``양 도시``: a body of theirs as the subject (``양 도시 농협이``, ``양 시의 상공회의소가``, ``두 도시
#:기업들이``): it signs for itself, so the clause is no signing between the two places.
_BODY_SUBJECT = re.compile(r"[가-힣]{0,8}" + BODY_WORD + r"(?:들)?(?:이|가)\s")
#: A relation word made a verb: 자매결연한, 자매결연을 했다, 우호협약을 하였다.
_RELATION_DONE = re.compile(r"(?:결연|협약|협정)\s*(?:을|를)?\s*(?:했|하였|한(?=\s|$)|하고|해\s)")
#: A dated relation something followed: 1994년 (10월 27일) 자매결연 (체결) 이후.
_DATED_RELATION = re.compile(r"\d\s*(?:년|월|일|\.)\s*(?:의\s*)?(?:[가-힣]{0,4}\s?(?:결연|협약|협정))\s*(?:체결\s*)?"
                             r"(?:이후|이래|후|뒤)")
#: After the day a signing was announced (체결했다고 12일 밝혔다): not the day it was signed.
_REPORTED = re.compile(r"\s*(?:에\s*)?(?:밝혔|전했|발표했|알렸|공개했)")
#: The day of the event reported (이날 협약식에서, 당일): the day the text spoke of last.
_THAT_DAY = re.compile(r"(?:^|\s)(?:이날|당일|같은\s?날|(?:이|같은)\s?자리에서)")
#: The day after the event reported (이튿날, 다음 날): the day the text spoke of last, plus one.
#: The document's own day and the days before it, named without a date (a broadcast's ``오늘``, ``어제``).
_NOW_WORDS = {"오늘": 0, "금일": 0, "어제": 1, "어제일": 1, "그제": 2, "그저께": 2}
_NOW = re.compile(r"(?:^|\s)(?P<w>" + "|".join(_NOW_WORDS) + r")(?:은|는|도|에)?(?![가-힣(])")
_NEXT_DAY = re.compile(r"(?:^|\s)(?:이튿날|다음\s?날|그\s?다음\s?날)")
#: How many days from the document's date a day may be to be the day of the event it reports.
EVENT_DAYS = 31
#: A time stated against the date before it in the sentence (the same year, the next, the same day or occasion).
_SAME_TIME = re.compile(r"같은\s?해|같은\s?날|이듬해|그\s?해|(?<![가-힣])(?:이|같은)\s?자리(?=에서)")
#: The words of :data:`_SAME_TIME` that mean the same day (the same occasion: ``같은 자리에서``), not the same year.
_SAME_OCCASION = re.compile(r"같은\s?날|(?:이|같은)\s?자리")
#: A relative date with its own word of time (지난해 11월, 지난달 27일, 오는 5월, 올해 3월): read beside stated dates.
#: The same day said in one word (``당일``, ``동일``): a gapped part's day is the part before's.
_SAME_DAY = re.compile(r"(?<![가-힣])(?:당일|동일)(?![가-힣])")
_ANCHORED = re.compile(r"\s*(?:지난|오는|올해|금년|내년|작년|이번|이달)")
#: What follows a date that starts or ends a period.
_SINCE = re.compile(r"\s*(?:이후|부터|까지|이래|이전)")
#: A date the relation ended on, not one it was signed on (``2021. 8. 기간 만료로``, ``2019년 효력을 잃어``).
_ENDED = re.compile(r"\s*(?:에\s*|로\s*)?(?:(?:교류|관계|자매결연|결연|협약|협정)\s*(?:을|를|이|가)?\s*)?(?:기간\s*)?"
                    + end_words("ended"))  # (2019년 교류를 종료했다)
#: A signing verb in a finished form (체결했다, 맺었다), not a noun (체결 이후).
_SIGNED = re.compile(signed_done("past", "told"))
_PARTNER = frozenset(("", "와", "과", "와도", "과도", "와는", "과는", "및", "에", "에게", "에는", "에도", "에게는"))
_WORD = re.compile(r"[가-힣A-Za-z\u4e00-\u9fff]+")
#: Self-references to the document's own region: the word and the ending of the region's name it implies.
_SELF = re.compile(r"(?:^|(?<=[\s,(□○■●▶-]))(?P<ref>(?:본|우리\s?|같은\s)?(?P<level>시|군|도|구))"
                   r"(?P<particle>은|는|이|가|에서는|와|과)(?=\s)")
#: Endings of words that have a place suffix but name no place (a city hall, the word 도시 itself).
_NOT_PLACES = NOT_PLACE_ENDINGS
#: Place suffixes that also end common words (가능성, 필요성): a place only right after a country or parent.
_COMMON_ENDINGS = ("성", "정")
#: Suffixes of towns and villages (町, 村 …): a place only right after a country word or a parent place.
_TOWNS = ("정", "촌", "읍", "면")
#: How small a unit each level is: a place right before a smaller one (가나성 다라시) is its parent.
_SMALLER = {"province": 1, "state": 1, "prefecture": 1, "aimag": 1, "krai": 1, "oblast": 1, "republic": 1,
            "autonomous region": 1, "city": 2, "county": 3, "district": 3, "autonomous prefecture": 2,
            "autonomous county": 3, "town": 4, "village": 4, "sum": 4}
#: Endings of self-governing provinces and cities that news shortens by dropping the word 특별 before them.
_SELF_GOVERNING, _SPECIAL = ("자치도", "자치시"), "특별"
#: Last syllables of nouns that follow a country word but name no place (정부, 대사관, 대표단, 관광객, 기업 …).
_NOUN_ENDINGS = tuple("부관단객생국청원회사측업인민내외간들계등소장류품물체권력전역")
#: Clause boundaries inside a sentence (``…추진 중이며, 내년에는 …``).
_CLAUSE = re.compile(r"(?<=[며고나만서])\s*,\s+|(?<=었으며|았으며|였으며|했으며)\s+|\s*…\s*"
                     r"|(?<=었으나|였으나|했으나|었지만|였지만|했지만)\s+"
                     r"|(?<=[한은])\s+데\s+이어\s*,?\s+"
                     r"|(?<=[한은])\s+(?:뒤|후|이후|다음)(?:에)?\s*,?\s+(?=\S*\d)"
                     r"|(?:(?<=체결)|(?<=서명))\s+(?:뒤|후)\s*,?\s+(?=\S*\d)")
#: Between the two places of a pair written ``가나시-다라시``.
_PAIR_DASH = re.compile(r"\s*[-–—~↔]\s*")
#: A relation raised to another (자매결연으로 격상했다): a signing of the higher one.
#: A raise closing an entry or a bracket (``… 자매결연으로 격상``, ``자매도시 승격``): made, as a finished verb says.
_RAISED_END = re.compile(r"(?:격상|승격)\s*$")
_UPGRADED = re.compile(r"격상\s*(?:했|하였|됐|되었|해(?!\s*(?:줄|달|주기|주시|주도록))|되어|[한된]\s*바)")
#: A news agency dateline, ``(전주=뉴스1) 홍길동 기자 =``: its place is not a party.
_DATELINE = re.compile(r"[(\[]\s*[가-힣]+\s*=\s*[^)\]]{1,20}[)\]](?:\s*[가-힣]{2,4}\s*기자\s*=)?")
#: A first line that is no headline: a ticker or label (``[속보] …``, ``[스크랩] …``), a menu or byline (``… | …``).
_NOT_HEADLINE = re.compile(r"^\s*\[[^\]]{1,6}\]|\s\|\s")
#: A newspaper or broadcaster named after its region (가나일보, 다라신문): its region is no subject of the text.
_MEDIA = re.compile(r"[가-힣]+(?:일보|신문|방송|뉴스|매일|타임스)")
#: A body that is no place signing with a 와/과 (가나시 관광공사와, 다라대학교와): the clause's own partner.
_BODY_PARTNER = re.compile(r"[가-힣]*" + BODY_WORD + r"(?:와|과)(?=\s)")
#: A body's name right after a place (가나성 인민대표대회 간, 다라시 체육회의): the place's body, not the place.
#: A clause opening with a body and its partner (``가나관광공사와 다라성 관광국은``): the bodies sign, not a region
#: carried from the sentence before.
_BODY_LEAD = re.compile(r"\s*(?:[-·•▶○□■]\s*)?(?:(?:같은\s?날|이날|당일|한편|또한?|이와\s?함께)\s+)?"
                        r"[가-힣]*" + BODY_WORD + r"(?:와|과)\s")
_BODY_AFTER = re.compile(r"\s[가-힣]*" + BODY_WORD
                         + r"(?:와|과|와의|과의|의|간|은|는|이|가|을|를|에|에서|도)?(?=[\s,.)]|$)")
#: A place's delegation acting (가나시 방문단은, 다라군 대표단이): the place is the clause's subject.
_GROUP_OF = re.compile(r"\s+(?:방문단|대표단|사절단|교류단|시찰단|일행)(?P<p>은|는|이|가)(?=\s)")
def _name_words(words: str) -> bool:
    """Whether the words between a place with 의 and its head's title read as a person's name: none ends in a
    particle or a verb's adnominal form (``초청으로 방문한``), none names a relation or a place (``자매도시 가나시``).

    >>> _name_words("마바 사아"), _name_words("초청으로 방문한 홍길동"), _name_words("자매도시 가나시")
    (True, False, False)
    """
    return not any(re.search(r"(?:으로|에서|에게|을|를)$", word) or len(word) > 2 and re.search(r"[의에로]$", word)
                   or relation_of(word) or place_level(word) for word in words.split())


#: After a place with 의, a person's name of one to three words and a local head's or deputy's title with the
#: subject's particle (``가나시의 마바 사아 제1부시장은``).
_NAMED_HEAD_OF = re.compile(r"\s+(?P<name>[가-힣]{2,4}(?:\s[가-힣]{1,4}){0,2})\s+(?:제\s?\d)?(?:시장|부시장|군수"
                            r"|부군수|구청장|부구청장|도지사|지사|부지사|성장|부성장|주지사|현지사)(?P<p>은|는|이|가)(?=\s)")
#: A place's head acting, the title written apart (가나현 지사는, 다라시 시장과): the place takes the title's particle.
_HEAD_OF = re.compile(r"\s+(?:시장|군수|구청장|도지사|지사|성장|주지사|현지사)(?P<p>은|는|이|가|과|와)(?=\s)")
#: A signing stated as a relative clause right before a partner (``자매결연을 맺은 (러시아) 가나시``).
_RELATIVE_SIGNED = re.compile(r"(?:맺은|체결한|맺었던|체결했던|(?:자매|우호|친선)\s?(?:도시|관계)\s*(?:가|이|로)\s*된)"
                              r"\s+(?:[가-힣]+\s+){0,2}$")  # (a country, a province between)
#: A sub-item's words of a signing or renewal without a relation word of their own (결연 이후, 갱신, 재체결).
_RENEWAL_ITEM = re.compile(r"결연|갱신|재체결|재협약|재서명")
#: A declaration or statement signed or announced: no agreement unless an agreement's paper is named beside it.
_DECLARATION = re.compile(r"선언|성명서|공동성명")
_PAPER = re.compile(r"협약|협정|각서|MOU|의향서|결연\s*(?:을|를)?\s*(?:맺|체결)")
#: Bodies of a place whose names end like a place (정부 like 府): 가나시 인민정부.
_BODIES = ("정부", "의회", "청사")
#: A place visited (가나시를 찾아, 다라시를 방문해): the partner of a signing the clause states without another.
_VISITED = re.compile(r"\s*(?:찾아|방문해|방문하여|방문하고|방문한\s*자리에서)")
#: A labelled field of a report (``기간: …``, ``목적 : …``, ``방문지: …``): a sentence of its own.
_FIELD = re.compile(r"^(?:[가-힣]{1,4}\s?)?[가-힣]{2,5}\s*[:：]\s*\S")
#: A line shorter than this that does not end open (a comma, a particle) is a title or heading on its own.
TITLE_CHARS = 30
_OPEN_END = re.compile(r"[,은는이가와과를을의]$")
#: A line ending so that its sentence runs on (a particle, a verb's attributive or linking form: ``20주년인``,
#: ``맺은``, ``하였으며``): a date opening the next line is inside that sentence, no entry of a timeline.
_RUNS_ON = re.compile(r"[,은는이가와과를을의인한된던할될에로며고]$")
#: A report's sentence ended without a full stop (``… 자매결연을 맺음``, ``… 체결하였음``, ``… 중단됨``).
_REPORT_END = re.compile(r"(?:[었였했됐있없]음|맺음|체결함|서명함|[되하]였음|중단됨|만료됨)\s*$")
#: The first lines of a document (its title) stand alone, as does a line holding only a date.
TITLE_LINES = 1
_DATE_LINE = re.compile(r"^\s*[\d.\s:()년월일-]+\s*$")
#: A line opening with a full date (``2008. 4. 18.``, ``2008년 4월 18일``): an entry of a timeline.
_ENTRY_DATE = re.compile(r"^'?\d{2,4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\b|^\d{4}년\s*\d{1,2}월\s*\d{1,2}일")
#: A line opening with a month or day in brackets (``(9월 12일) …``, ``(2024. 5.) …``): an entry of its own.
_BRACKET_ENTRY = re.compile(r"^\(\s*(?:(?:19|20)?\d\d\s*[.년]\s*)?\d{1,2}\s*[.월]\s*(?:\d{1,2}\s*[.일]?\s*)?\)")
#: Sentences run after the list reader and leave alone the lines it gave a signing from (a card's remark).
AFTER_LISTS = True
#: Confidence of a pair both named in the sentence, of one with a carried subject or a country taken from
#: the document, and the extra for a date stated to the day.
CONFIDENCE_NAMED, CONFIDENCE_CARRIED, DAY_BONUS = 0.75, 0.6, 0.05


@dataclass(frozen=True)
class Sentence:
    """A sentence of the document with the line of each character."""

    text: str
    owners: tuple[int, ...]

    @property
    def lines(self) -> tuple[int, int]:
        """The line span covering the sentence."""
        return self.owners[0], self.owners[-1]

    def line_at(self, index: int) -> int:
        """The line of character ``index``."""
        return self.owners[min(max(index, 0), len(self.owners) - 1)]


@dataclass(frozen=True)
class Named:
    """A party named in a clause: where, and the particle after it."""

    party: Party
    start: int
    end: int
    particle: str


def sentences(lines: tuple[str, ...]) -> list[Sentence]:
    """The document's sentences: lines joined within a paragraph (a blank line or a bullet starts one), split
    after ``다.`` or a full stop before a space; a short line without a sentence end (a title) stands alone.

    >>> [(s.text, s.lines) for s in sentences(("제목", "가나시는 2019년 다라시와", "자매결연을 맺었다. 또 다른 문장."))]
    [('제목', (1, 1)), ('가나시는 2019년 다라시와 자매결연을 맺었다.', (2, 3)), ('또 다른 문장.', (3, 3))]
    """
    out: list[Sentence] = []
    text, owners = "", []
    width = column_width(lines)

    def flush() -> None:
        nonlocal text, owners
        for m in re.finditer(r"\S.*?(?:다\.|(?<![\d\s])[.?!](?=\s|$)|$)", text):
            if m.group(0).strip():
                out.append(Sentence(m.group(0), tuple(owners[m.start():m.end()])))
        text, owners = "", []

    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or BULLET.match(raw) or is_table_row(raw) or _BRACKET_ENTRY.match(line) or _FIELD.match(line) or (
                _ENTRY_DATE.match(line) and not _RUNS_ON.search(text)) or (
                text and _mostly_latin(lines[n - 2]) != _mostly_latin(line) and not (
                    _RUNS_ON.search(text) and (re.search("[가-힣]", line) or _LATIN_TITLE.fullmatch(line))
                    or particle_first(lines[n - 2], line) or _LATIN_TITLE.fullmatch(line) and _runs_into(lines, n))
            ):  # …와 / 'Sister City …'을 체결했다; … / "…" / 를; … 분야 / MOU / 를 체결했다
            flush()  # a timeline entry (a line opening with its full date), a line in the other language: its own
        if not line or is_table_row(raw):
            continue  # table rows are the table reader's
        if text and not _split_by_wrap(text, line, lines) and not glued_particle(lines[n - 2], line):
            text += " "
            owners.append(n)
        text += line
        owners.extend([n] * len(line))
        if line.endswith(("다.", "음.", "함.", "?", "!")) or _REPORT_END.search(line) or (
                len(line) < TITLE_CHARS and not _OPEN_END.search(line) and not _runs_into(lines, n)
                and not wrapped_at_width(lines, n, width)) or n <= TITLE_LINES or (
                n < len(lines) and _DATE_LINE.match(lines[n])) or (
                _FIELD.match(line) and not _RUNS_ON.search(line) and not (
                    n < len(lines) and particle_first(line, lines[n].strip()))):
            flush()
    flush()
    return out


def _runs_into(lines: tuple[str, ...], n: int) -> bool:
    """The sentence of line ``n`` (from 1) runs on into the next: it opens with a particle, or it is a short Latin
    title or name whose next line does (``… 농업 분야`` / ``MOU`` / ``를 체결했다.``).

    >>> _runs_into(("가나시는 다라시와 농업 분야", "MOU", "를 체결했다."), 1), _runs_into(("가나시 소식", "MOU"), 1)
    (True, False)
    """
    after = lines[n].strip() if n < len(lines) else ""
    return particle_first(lines[n - 1], after) or bool(
        _LATIN_TITLE.fullmatch(after) and n + 1 < len(lines) and particle_first(after, lines[n + 1].strip()))


#: A short Latin title or name on a line of its own, perhaps quoted (``"Sister City Agreement"``): no sentence of
#: its own, a word of the Korean sentence around it.
_LATIN_TITLE = re.compile(r"[\"'“‘「『<《〈(]?[A-Za-z][A-Za-z&'’.\-]*(?: [A-Za-z&'’.\-]+){0,7}[\"'”’」』>》〉)]?")


#: A place's last syllable opening a line, a particle or a word's end after it (``시와``, ``군청에서``, ``현 …``).
_SUFFIX_FIRST = re.compile(r"(?P<suffix>[시군구현성주도])(?=[가-힣]{0,3}(?:\s|$|[,.]))")
#: A year's first two digits ending a line, its last two opening the next (``… 20`` / ``16년 9월``).
_YEAR_START, _YEAR_END = re.compile(r"(?<![\d.])(?:19|20)$"), re.compile(r"\d\d\s*[년.]")


def _split_by_wrap(text: str, line: str, lines: tuple[str, ...]) -> bool:
    """A word or a year a hard wrap split between the end of ``text`` and the start of ``line``: a name whose last
    syllable (a place suffix) opens the line, written whole elsewhere in the document (``… 마나푸르`` / ``시와``
    where ``마나푸르시`` stands elsewhere), or a year's two halves (``… 20`` / ``16년``). Joined without a space.

    >>> _split_by_wrap("가나군은 8일 인도 마나푸르시청에서 마나푸르", "시와 협약을 맺었다.", ("마나푸르시청에서",))
    True
    >>> _split_by_wrap("가나군은 8일 가나", "시와 협약", ("다른 줄",)), _split_by_wrap("… 2O", "16년 9월", ())
    (False, False)
    >>> _split_by_wrap("가나군은 앞서 20", "16년 9월 1일 …", ())
    True
    """
    if _YEAR_START.search(text) and _YEAR_END.match(line):
        return True
    word = re.search(r"(?<![가-힣])[가-힣]{2,}$", text)
    suffix = _SUFFIX_FIRST.match(line)
    if word is None or suffix is None:
        return False
    name = word.group(0) + suffix.group("suffix")
    return any(re.search(r"(?<![가-힣])" + name, other) for other in lines)


#: About how many Latin letters a Hangul syllable weighs in a line (a syllable is two or three letters romanised).
_LETTERS_A_SYLLABLE = 3


def _mostly_latin(line: str) -> bool:
    """Over three Latin letters to each Hangul syllable: a line of a bilingual page's English text, whose sentence
    never runs on into the Korean line after it (``… in 2024.`` / ``2011년 …``), nor a Korean one into it.

    >>> _mostly_latin("Sister city agreement signed on November 23, 2004.")
    True
    >>> _mostly_latin("Jennifer Rose 가나시 부시장은")
    False
    >>> _mostly_latin("몽골 가나아이막 / Gana Province, Mongolia")
    False
    """
    line = line.split(" / ")[0]  # 러시아 가나시 / Gana, Russia: a heading in both, Korean first
    return len(re.findall(r"[A-Za-z]", line)) > _LETTERS_A_SYLLABLE * len(re.findall(r"[가-힣]", line))


@dataclass
class DocumentContext:
    """What the whole document tells a sentence: its own region, its date, the countries it names."""

    subject: Party | None
    today: StatedDate | None
    countries: list[tuple[int, str]]  # (line, country id) of every country word, in order
    places: dict[str, str | None] = field(default_factory=dict)  # a name placed in the text → its country
    year: StatedDate | None = None  # the year a report's title names
    event_day: StatedDate | None = None  # the day of the event the text spoke of last (이날 is that day)
    undated: list[Named] = field(default_factory=list)  # partners of a signing the sentence before gave no date
    headline: tuple[str, list[Named]] | None = None  # the relation and the partner the headline names
    said: list[DateMention] = field(default_factory=list)  # the dates of the sentence before
    signed: list[Named] = field(default_factory=list)  # partners of the signing the sentence before states
    written: StatedDate | None = None  # the document's own date as its date line states it (not a guess)
    before: Sentence | None = None  # the sentence before
    clause_day: StatedDate | None = None  # the day of the signing a clause before in the same sentence states
    title_partner: list[Named] = field(default_factory=list)  # the one other place the title names beside its own
    signed_day: StatedDate | None = None  # the day of the sentence before's signing or occasion (같은 자리에서)

    def is_future(self, value: StatedDate) -> bool:
        """A date after the document's own date line (at the coarser of the two precisions): not yet signed.

        >>> doc = DocumentContext(None, None, [], written=StatedDate(2024, 11, 20))
        >>> doc.is_future(StatedDate(2025)), doc.is_future(StatedDate(2024, 11)), doc.is_future(StatedDate(2024, 12, 1))
        (True, False, True)
        """
        if self.written is None:
            return False
        parts = [(value.year, self.written.year), (value.month, self.written.month), (value.day, self.written.day)]
        for mine, theirs in parts:
            if mine is None or theirs is None:
                return False
            if mine != theirs:
                return mine > theirs
        return False

    def note_days(self, text: str) -> None:
        """Remember the first day ``text`` states within a month of the document's date (the day of the event
        reported, which ``이날`` means), not a day of the relation's history.

        >>> doc = DocumentContext(None, StatedDate(2024, 10, 22), [])
        >>> doc.note_days("도는 21일 기념식을 열었다고 22일 밝혔다. 도는 1994년 10월 27일 자매결연을 체결했다.")
        >>> doc.event_day.iso
        '2024-10-21'
        """
        if self.today is None or self.today.day is None:
            return
        today = datetime.date(self.today.year, self.today.month, self.today.day)
        stated = find_dates(text)
        relative = [d for d in relative_dates(text, self.today) if not any(
            s.start < d.end and d.start < s.end for s in stated)]  # 10월 27일 of 1994년 10월 27일 is stated
        for mention in sorted(stated + relative, key=lambda d: d.start):
            value = mention.value
            if value.day is not None and abs((datetime.date(value.year, value.month, value.day) - today).days) <= \
                    EVENT_DAYS:
                self.event_day = value
                return  # the sentence's first such day (가나시는 24일 … 체결했다고 25일 밝혔다: the 24th)

    def first_day(self, text: str) -> StatedDate | None:
        """The first day ``text`` states to the day, written whole or relative to the document's date (``지난
        14일``): the occasion the next sentence's ``이 자리에서`` speaks of.

        >>> DocumentContext(None, StatedDate(2024, 10, 20), []).first_day("방문단은 지난 14일 기념식에 참석했다.").iso
        '2024-10-14'
        """
        stated = find_dates(text)
        relative = [d for d in relative_dates(text, self.today) if not any(
            s.start < d.end and d.start < s.end for s in stated)] if self.today is not None else []
        return next((d.value for d in sorted(stated + relative, key=lambda d: d.start) if d.value.day is not None),
                    None)

    def is_recent(self, value: StatedDate) -> bool:
        """A day within :data:`EVENT_DAYS` of the document's own date (a news article's event)."""
        if self.today is None or self.today.day is None or value.day is None:
            return False
        today = datetime.date(self.today.year, self.today.month, self.today.day)
        return abs((datetime.date(value.year, value.month, value.day) - today).days) <= EVENT_DAYS

    def country_near(self, line: int) -> str | None:
        """The country named last before ``line``, else the one the document names most."""
        return country_near(self.countries, line)


#: A field of a trip report naming where the trip went (``출장지: 중국 가나성``, ``출장명 : 일본 다라현 방문``): the
#: places it names are visited, not the document's own.
_DESTINATION = re.compile(r"^\s*(?:[○◦●■□▶◆◇※·-]\s*)?(?:\d+\s*[.)]\s*)?(?:출장|방문|행선|목적)\s?"
                          r"(?:명|지|국|국가|도시|처|지역|대상|기관)?\s*[:：]")
def document_context(w: FactWriter) -> DocumentContext:
    """The document's own region (the first region its title names; not a foreign place a trip's destination field
    names, nor a translator's office: :func:`graph.readers.context.first_region` skips credits), its date, its country
    words."""
    head = [t for t in (w.doc.title_ko, *w.doc.lines[:3]) if t is not None]
    head = [t for t in head if not _NOT_HEADLINE.search(t or "")] + [t for t in head if _NOT_HEADLINE.search(t or "")]
    found = [(text, first_region(w, _MEDIA.sub(" ", _DATELINE.sub("", text or "")))) for text in head]
    found = [(text, region) for text, region in found if region is not None and not (
        _DESTINATION.match(text) and region.country != "KR")]  # 출장지 : 중국 가나성 — where the trip went
    chosen = next(((t, r) for t, r in found if r.country == "KR"), found[0] if found else None)  # a Korean document's
    subject = Party(chosen[0].strip(), chosen[1]) if chosen else _most_named(w)
    today = document_date(w.doc)
    countries = countries_named(w)
    written = dateline(w.doc, loose=False)
    if written and _PERIOD.search(w.doc.lines[written[0] - 1]):
        written = None  # ``기간: 2024. 7. 8. ~ 7. 12.``: a trip's first day, no date the report was written on
    bracketed: dict[str, set[str]] = {}
    for name, country in _placed_in_brackets(w):  # the sentence reader's own (lists keep to placed_names)
        bracketed.setdefault(name, set()).add(country)
    places = {**{n: next(iter(c)) for n, c in bracketed.items() if len(c) == 1}, **placed_names(w)}
    return DocumentContext(subject, today, countries, places, report_year(w.doc),
                           written=written[1] if written else None)


def _most_named(w: FactWriter) -> Party | None:
    """The Korean region a document whose title names none is about: the one it names most, at least twice and
    more often than any other (a trip report titled ``공무국외출장 결과보고서`` by ``가나시장(단장)``)."""
    counts = Counter(m.entity for line in w.doc.lines for m in w.registry.find_mentions(line)
                     if m.entity.kind == "region" and m.entity.country == "KR" and not (
                         m.start and "가" <= line[m.start - 1] <= "힣"))  # 장성 in 떠이장성 is no mention
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return Party(ranked[0][0].name_ko, ranked[0][0])


def placed_names(w: FactWriter) -> dict[str, str | None]:
    """Foreign names the document places with a country word (``중국 가나성 다라시``: both are Chinese places),
    so that the same name written later without it (``가나성과``) is the same place.

    Only names with a place suffix the registry lacks count; a name placed in two countries counts in none."""
    pattern, names = w.registry.country_words
    found: dict[str, set[str]] = {}
    for line in (re.sub(r"\([^()]*\)", "", re.sub(r"^\s*\((.*)\)\s*$", r"\1", line)) for line in w.doc.lines):
        # 가나성(可那省) 다라시: the gloss aside; a line wholly in brackets (a report's subtitle) is read
        for m in pattern.finditer(line):
            if names[m.group(0)] == "KR":
                continue
            for token in line[m.end():].split():
                word = re.match(r"[가-힣]+", token)
                name, particle = _split_particle(word.group(0)) if word else ("", "")
                if len(name) < 3 or not place_level(name) or name.endswith(_NOT_PLACES):
                    break
                if w.registry.candidates(name):  # 중국 가나성 다라시: a registry place, the new one may follow
                    if particle or word.end() < len(token):
                        break
                    continue
                found.setdefault(name, set()).add(names[m.group(0)])
                if particle or token[word.end():] not in ("", ","):  # 베트남 가나시, 다라성, 마바시: a list goes on
                    break
    for name, country in _placed_in_rows(w) + _placed_under_parents(w) + divisions_written(w.registry, w.doc.lines):
        found.setdefault(name, set()).add(country)
    placed = {name: next(iter(c)) for name, c in found.items() if len(c) == 1}
    for line in w.doc.lines:  # 가나성 다라시: a place right before a smaller one is a place too
        for m in re.finditer(r"([가-힣]{3,})\s+([가-힣]{2,})", line):
            parent, child = m.group(1), _split_particle(m.group(2))[0]
            if parent not in placed and place_level(parent) and not parent.endswith(_NOT_PLACES) and \
                    not w.registry.candidates(parent) and _SMALLER.get(place_level(child) or "", 0) > \
                    _SMALLER.get(place_level(parent) or "", 0) and not child.endswith(_NOT_PLACES):
                placed[parent] = None
    return placed


#: A country word, then the places visited there in brackets: ``방문국: 가나(다라, 마바), 사라(타라)``.
_COUNTRY_PLACES = re.compile(r"(?P<country>[가-힣]{2,10})\s*\((?P<names>[가-힣]{2,10}(?:\s*[,·、]\s*[가-힣]{2,10})*)\)")


def _placed_in_brackets(w: FactWriter) -> list[tuple[str, str]]:
    """Places a line names in brackets after their country word (``방문국: 가나(다라, 마바)``): each is placed there,
    written with or without its suffix (``다라`` places ``다라시`` too, :func:`_party`)."""
    _, names = w.registry.country_words
    out = []
    for line in w.doc.lines:
        for m in _COUNTRY_PLACES.finditer(line):
            country = names.get(m.group("country"))
            if country is None or country == "KR":
                continue
            out.extend((name, country) for name in re.split(r"\s*[,·、]\s*", m.group("names"))
                       if not w.registry.candidates(name) and name not in NOT_PLACE_WORDS)
    return out


def _new_place(w: FactWriter, word: str) -> str | None:
    """``word`` without its particle when it is a place name the registry lacks (three syllables or more)."""
    name = _split_particle(word)[0]
    if len(name) < 3 or not re.fullmatch(r"[가-힣]+", name) or not place_level(name) or name.endswith(_NOT_PLACES) \
            or name in NOT_PLACE_WORDS or w.registry.candidates(name):
        return None
    return name


#: A table cell holding a head's title glued to its place, perhaps with the holder's name (``가나시장``, ``홍길동
#: 가나현지사``, ``가나시장 마바 사아``).
_HEAD_CELL = re.compile(r"(?:[가-힣]{2,4}(?:\s[가-힣]{1,4})?\s+)?(?P<w>[가-힣]{2,12}?(?:시(?=장)|군(?=수)|구(?=청장)"
                        r"|도(?=지사)|현(?=지사)|성(?=장)|주(?=지사)))(?:장|수|청장|지사)(?:\s+[가-힣]{2,4}(?:\s[가-힣]{1,4})?)?")


def _placed_in_rows(w: FactWriter) -> list[tuple[str, str]]:
    """New place names in table rows naming one foreign country (``우호교류 | 가나시 | 필리핀 | 2012. 3. 5.``), also
    glued to their head's title (``일본 | 마바 사아 | 가나시장``): the row places them in it, so prose later naming the
    place alone (``가나시와는 …``, ``※ 가나시 재체결은 …``) keeps that country."""
    pattern, names = w.registry.country_words
    out = []
    for line in w.doc.lines:
        if not is_table_row(line):
            continue
        countries = {names[m.group(0)] for m in pattern.finditer(line)} - {"KR"}
        if len(countries) == 1:
            country = next(iter(countries))
            words = re.findall(r"[가-힣]+", line) + [m.group("w") for cell in split_cells(line) or () if (
                m := _HEAD_CELL.fullmatch(cell.strip()))]  # a cell of a head's title (홍길동 가나시장) only
            out.extend((name, country) for word in words if (name := _new_place(w, word)))
    return out


def _placed_under_parents(w: FactWriter) -> list[tuple[str, str]]:
    """New place names written right after a foreign region the registry knows as a larger unit (``가나현
    다라시``): the parent's country."""
    out = []
    for line in w.doc.lines:
        for m in re.finditer(r"([가-힣]{2,})\s+(?=([가-힣]{3,}))", line):
            name = _new_place(w, m.group(2))
            parents = [e for e in w.registry.candidates(m.group(1)) if e.kind == "region"]
            if name and len(parents) == 1 and parents[0].country not in ("", "KR") and _SMALLER.get(
                    place_level(name) or "", 0) > _SMALLER.get(place_level(m.group(1)) or "", 0) > 0:
                out.append((name, parents[0].country))
    return out


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Agreement and intent candidates from every sentence outside the ``skip`` lines."""
    doc = document_context(w)
    out: list[AgreementCandidate] = []
    carried: Party | None = None
    partners: list[Named] = []
    every = sentences(w.doc.lines)
    doc.headline = _headline(w, every[0], doc) if every else None
    doc.title_partner = _title_partner(w, every[0], doc) if every else []
    last: Sentence | None = None
    for s in every:
        source = None if cites_before(s, last) else source_day(s.text)
        last = s
        if source is not None:  # a clipping's pasted article under its source line: that article's own date
            doc.today = doc.written = source
        if skip.intersection(range(s.lines[0], s.lines[1] + 1)):
            continue
        s = Sentence(corrected(despaced_dates(s.text)), s.owners)
        found, carried, partners = read_sentence(w, s, doc, carried, partners)
        for c in found:  # a signing dated after the document's own date has not happened yet: a plan
            c.intent = c.intent or (c.date is not None and doc.is_future(c.date))
        doc.signed = partners if any(not c.intent for c in found) else []  # its sub-items may go on with them
        days = [c.date for c in found if not c.intent and c.date is not None and c.date.day is not None]
        doc.signed_day = days[-1] if days else doc.first_day(s.text) or doc.signed_day  # 이 자리에서: that occasion
        doc.before = s
        out.extend(found)
        doc.note_days(s.text)
        doc.said = find_dates(s.text, bare_years=True) or doc.said
    return out


_BARE_DAY = re.compile(r"\s*\d{1,2}\s*일")
#: A clipping's source line: a newspaper or broadcaster and a day, in brackets or after a label (``(가나일보
#: 2024.7.3.)``, ``[다라신문 2025. 3. 5. 기사 발췌]``, ``출처: 마바방송 2024.01.10``) or opening a line of no sentence.
_SOURCE = re.compile(r"(?:(?P<open>[\[(（【]|출처\s*[:：]?|자료\s*[:：])\s*|^\s*)" + _MEDIA.pattern
                     + r"\s*[,:]?\s*(?=\d)")


#: A source line's source stands within this many characters of its start (``2. 주요 기사 원문 (…``).
SOURCE_LEAD = 16


def cites_before(s: Sentence, before: Sentence | None) -> bool:
    """``s`` opens with a bracket on the line where the sentence ``before`` ended (``…체결했다.[가나일보, 2018. 9.
    3.] …``): a citation of that sentence, not a clipping's source line over a pasted article.

    >>> cites_before(Sentence("[가나일보, 2018. 9. 3.] 군은", (3,) * 11), Sentence("맺었다.", (2, 3, 3, 3)))
    True
    >>> cites_before(Sentence("[가나일보 2018. 9. 3.] 군은", (4,) * 11), Sentence("맺었다.", (3,) * 4))
    False
    """
    return before is not None and s.text[:1] in "[(（【" and s.lines[0] == before.lines[1]


def source_day(text: str) -> StatedDate | None:
    """The day of the source line ``text`` holds: the date of the article pasted below it (a clipping file's
    articles each carry their own; a bare ``2일`` there is a day of that article's month, not the file's).

    >>> source_day("2. 주요 기사 원문 (가나일보 2024.7.3.)").iso
    '2024-07-03'
    >>> source_day("[다라신문 2025. 3. 5. 기사 발췌] 본문").iso
    '2025-03-05'
    >>> source_day("가나일보 2024.7.3 라마 기자"), source_day("가나시는 2일 가나일보 2024.7.3. 보도를 반박했다.")
    (StatedDate(year=2024, month=7, day=3), None)
    >>> source_day("(가나일보 2024.7.) 보도") is None
    True
    >>> source_day("가나시는 2018년 협약을 맺었다(다라일보 2018.9.3. 보도).") is None
    True
    """
    for m in _SOURCE.finditer(text):
        if not m.group("open") and re.search(r"다\.|[가-힣]다$", text) or m.start() > SOURCE_LEAD:
            continue  # a sentence that speaks of a paper or cites one after what it tells, no source line
        day = next((d.value for d in find_dates(text[m.end():]) if d.start == 0), None)
        if day is not None and day.day is not None:
            return day
    return None


def _in_event_month(mention: DateMention, today: StatedDate, doc: DocumentContext) -> DateMention:
    """A bare day (``29일``) later than the document's own day, after the text spoke of an event in an earlier month
    (``지난달 31일 … 이에 앞서 29일``): a day of that month, not a day still ahead.

    >>> doc = DocumentContext(None, StatedDate(2024, 6, 3), [], event_day=StatedDate(2024, 5, 31))
    >>> _in_event_month(DateMention(StatedDate(2024, 6, 29), 0, 3, "29일"), StatedDate(2024, 6, 3), doc).value.iso
    '2024-05-29'
    """
    value, event = mention.value, doc.event_day
    if event is None or today.day is None or value.day is None or not _BARE_DAY.fullmatch(mention.surface) or (
            value.year, value.month, value.day) <= (today.year, today.month, today.day) or (
            event.year, event.month) >= (today.year, today.month):
        return mention
    try:
        return DateMention(StatedDate(event.year, event.month, value.day), mention.start, mention.end, mention.surface)
    except ValueError:
        return mention


#: A year printed with a space between its digits, perhaps with its month and day (OCR: ``2 0 1 9 . 4 . 2 6 .``).
_SPACED_DATE = re.compile(r"(?<![\d.])\d \d \d \d(?: ?\. ?\d(?: \d)?){0,2}(?: ?\.)?(?![\d])")


def despaced_dates(text: str) -> str:
    """``text`` with the digits of OCR-spaced dates joined, the spaces moved after the date (same length, so the
    characters keep their lines).

    >>> despaced_dates("가나시와는 2 0 1 9 . 4 . 2 6 . 협약을 체결")
    '가나시와는 2019.4.26.          협약을 체결'
    >>> despaced_dates("2 0 1 7 . 1 0 . 결연 2 0 주 년")
    '2017.10.        결연 2 0 주 년'
    """
    return _SPACED_DATE.sub(lambda m: m.group(0).replace(" ", "").ljust(len(m.group(0))), text)


def next_day(value: StatedDate) -> StatedDate:
    """The day after ``value`` (a day's date).

    >>> next_day(StatedDate(2024, 4, 30)).iso
    '2024-05-01'
    """
    return days_before(value, -1)


def days_before(value: StatedDate, days: int) -> StatedDate:
    """The day ``days`` before ``value`` (a day's date).

    >>> days_before(StatedDate(2024, 3, 1), 1).iso
    '2024-02-29'
    """
    day = datetime.date(value.year, value.month, value.day) - datetime.timedelta(days=days)
    return StatedDate(day.year, day.month, day.day)


def _title_partner(w: FactWriter, s: Sentence, doc: DocumentContext) -> list[Named]:
    """The one place the document's title names beside the document's own region (``다라현 대표단 가나도 방문
    일정``): whom ``양 도·현``, ``양측`` mean when no sentence before names the other side. Empty otherwise."""
    if doc.subject is None:
        return []
    named = parties_in(w, s, 0, len(s.text), doc)
    others = {n.party.entity.id: n for n in named if n.party.entity != doc.subject.entity}
    return list(others.values()) if len(others) == 1 and len(named) > len(others) else []


def _headline(w: FactWriter, s: Sentence, doc: DocumentContext) -> tuple[str, list[Named]] | None:
    """The relation and the one partner a headline names beside the document's own region (``가나시, 일본
    다라시와 우호교류 협약``): the signing a lead sentence reports when it names the partner only in people's
    titles (``다라시장``). ``None`` for a headline of a plan or of another pair."""
    relation = relation_of(s.text)
    if relation is None or doc.subject is None or is_plan(s.text) or not _states_signing(s.text + " 체결") or \
            _NOT_AGREEMENT.search(s.text) or any(word in s.text for word in ACTIVITY_WORDS):
        return None  # a headline of a visit, an anniversary or a plan reports no signing
    named = parties_in(w, s, 0, len(s.text), doc)
    partners = [n for n in named if n.party.entity != doc.subject.entity and n.particle in _PARTNER]
    if len(partners) != 1 or doc.subject.entity not in [n.party.entity for n in named]:
        return None
    return relation, partners


def read_sentence(w: FactWriter, s: Sentence, doc: DocumentContext, carried: Party | None,
                  partners: list[Named] = ()) -> tuple[list[AgreementCandidate], Party | None, list[Named]]:
    """Candidates of one sentence, clause by clause, and the subject and partners carried to the next sentence
    (its partners are the next one's when it speaks of ``양 지역``, ``양측``, ``두 도시``)."""
    out: list[AgreementCandidate] = []
    start = 0
    undated, doc.undated = doc.undated, []  # 가나시는 다라시와 자매결연을 맺었다. 시는 11일 협약식을 가졌다
    signed, doc.signed = doc.signed, []
    both = _BOTH.search(s.text)
    both = None if both and _BODY_SUBJECT.match(s.text, both.end()) else both  # 양 도시 농협이 …
    own = {p.entity for p in (carried, doc.subject) if p is not None}
    told = None  # the pair the sentence before told of, neither of them the subject: both sides
    if both and all(n.party.entity in own for n in partners):
        before = [n for n in parties_in(w, doc.before, 0, len(doc.before.text), doc, resolve=False)
                  if n.party.entity not in own and n.particle not in _WHERE] if doc.before is not None else []
        # 다라시를 방문. 두 도시는 …; with no sentence before naming the other side, the title's (다라현 대표단 가나도
        # 방문 일정 / … 양 도·현은 2015년 협정을 체결하였으며)
        if len(before) == 2 and before[1].particle in _RELATED and before[0].party.entity != before[1].party.entity:
            told, before = before[0].party, before[1:]  # 가나군은 다라군을 찾아 마바시와의 교류를 들었다. 양측은 …
        partners = before or (doc.title_partner if not partners else []) or partners
        if not partners and carried is not None and doc.subject is not None and carried.entity != doc.subject.entity:
            partners = [Named(doc.subject, 0, 0, "와")]  # (가나성 문서) 다라도 대표단은 … 양측은: the two sides
    previous: list[Named] = list(partners) if both or _GOES_ON.match(s.text) else signed if ((
        _SUB_ITEM.match(s.text) and (find_dates(s.text, bare_years=True) or _SAME_TIME.search(s.text))
        or _DATE_FIRST.match(s.text) and not _OWN_PARTY.search(s.text)) and not parties_in(
            w, s, 0, len(s.text), doc, resolve=False)) else undated
    s = Sentence(_DATELINE.sub(lambda m: " " * len(m.group(0)), s.text), s.owners)
    doc.clause_day = None
    kept, carried = carried, told or carried
    for end in [m.start() for m in _CLAUSE.finditer(s.text) if s.text.count("(", 0, m.start()) <= s.text.count(
            ")", 0, m.start())] + [len(s.text)]:  # (2017년 MOU 체결 후 2021. 8. 11. 격상): one bracket, one clause
        found, carried, previous = read_clause(w, s, start, end, doc, carried, previous)
        out.extend(found)
        days = [c.date for c in found if not c.intent and c.date is not None and c.date.day is not None]
        doc.clause_day = days[-1] if days else doc.clause_day
        start = end
    doc.clause_day = None
    return out, kept if told is not None else carried, previous


def read_clause(w: FactWriter, s: Sentence, a: int, b: int, doc: DocumentContext, carried: Party | None,
                previous: list[Named]) -> tuple[list[AgreementCandidate], Party | None, list[Named]]:
    """Candidates of the clause ``s.text[a:b]``; returns them, the subject to carry, the partners named.

    A clause that restates an earlier signing of a partner (``1994년 자매결연을 맺은 가나성과``, ``다라시(2002년
    자매결연)는``) and states a new one with a date of its own (``21일 … 협약을 체결했다``) gives both: the
    earlier signing at its own date, the new one at the clause's other date."""
    restated = _restated(s.text, a, b)
    if restated:
        text, owners, removed, cuts = s.text, list(s.owners), 0, []
        for start, end, _, _ in restated:  # the restatement taken out of the clause, its brackets too
            bracket = s.text[start - 1:start] == "("
            x, y = start - bracket - removed, end - removed
            text, owners = text[:x] + text[y:], owners[:x] + owners[y:]
            cuts.append((x, bracket))
            removed += y - x
        main = Sentence(text, tuple(owners))
        found, carry, partners = _read_clause(w, main, a, b - removed, doc, carried, previous)
        named = parties_in(w, main, a, b - removed, doc) if found else []  # (no signing found: see _restated_pair)
        for c in found:
            c.quote = s.text.strip()  # the sentence as written, the restatement in it
        out = list(found)
        for (start, end, date, relation), (at, bracket) in zip(restated, cuts, strict=True):
            inside = parties_in(w, s, start, end, doc)  # 2019년 가나시와 맺은 협약이 …: the partner in it
            if inside and len(inside) == 1:
                subject = _subject(parties_in(w, s, a, b, doc), s.text[a:b], doc, carried) or carried or doc.subject
                if subject is not None and subject.entity != inside[0].party.entity:
                    out.append(AgreementCandidate((subject, inside[0].party), date.value, relation, s.lines,
                                                  CONFIDENCE_CARRIED, reader="sentences", quote=s.text.strip(),
                                                  notes=["a signing the sentence restates"]))
                continue
            before = next((n for n in reversed(named) if (n.start < at if bracket else n.end <= at)), None)
            partner = before if bracket else next((n for n in named if n.start >= at), before)  # (its particle after)
            pair = next((c for c in found if partner is not None and  # a plan's clause may restate a signing
                         partner.party.entity in (p.entity for p in c.parties)), None)
            if pair is not None:
                out.append(AgreementCandidate(pair.parties, date.value, relation, s.lines, pair.confidence,
                                              reader="sentences", quote=s.text.strip(),
                                              notes=["a signing the sentence restates"]))
            elif (own := _restated_pair(w, main, a, b - removed, at, bracket, doc, carried)) is not None:
                # 가나시와의 자매결연(2010. 3. 5. 체결)은 5년마다 갱신하며 …: the restated signing, though the rest of
                # the clause states none
                out.append(AgreementCandidate(own, date.value, relation, s.lines, CONFIDENCE_CARRIED,
                                              reader="sentences", quote=s.text.strip(),
                                              notes=["a signing the sentence restates"]))
        if len(out) > len(found):
            return out, carry, partners
    return _read_clause(w, s, a, b, doc, carried, previous)


def _restated_pair(w: FactWriter, main: Sentence, a: int, b: int, at: int, bracket: bool, doc: DocumentContext,
                   carried: Party | None) -> tuple[Party, Party] | None:
    """The pair of a signing restated in a clause that states no signing of its own: the one place named right
    before the restatement (in brackets after it: ``가나시와의 자매결연(2010. 3. 5. 체결)은``) or after it, with the
    clause's subject (else the one carried, else the document's)."""
    named = [n for n in parties_in(w, main, a, b, doc) if n.particle not in _WHERE]
    heads = [h for h in _heads_named(w, main, a, b, doc, alone=True) if h.particle in _TOPIC]  # 가나시장은 "…"
    subject = _subject(named, main.text[a:b], doc, carried) or (heads[0].party if heads else None) or carried or \
        doc.subject
    others = [n for n in named if subject is None or n.party.entity != subject.entity]  # 가나시는 2015년 체결한 …
    before = next((n for n in reversed(others) if (n.start < at if bracket else n.end <= at)), None)
    partner = before if bracket else before or next((n for n in others if n.start >= at), None)
    own = next((n for n in named if n.particle in ("이", "가") and n is not partner and n.start < at and (
        subject is None or n.party.entity != subject.entity)), None)
    subject = own.party if own is not None else subject  # 양평군은 이웃 가평군이 맺은 가나시와의 결연(…): 가평군's
    if partner is None or subject is None or subject.entity == partner.party.entity:
        return None
    return subject, partner.party


#: After a date, a signing restated as a relative clause: ``(에) 자매결연을 맺은``, ``우호교류 협약을 체결한``,
#: ``자매도시가 된`` (:data:`graph.readers.relations.BECAME_PARTNERS`).
_RESTATED_VERB = re.compile(r"\s*(?:에\s*)?(?:(?P<rel>[^\s,.()]{1,10}(?:\s[^\s,.()]{1,10}){0,2}?)\s*(?:을|를)?\s*)?"
                            r"(?:맺은|체결한|맺었던|체결했던|체결된|맺어진|결연한|협약한|(?<=[시역계])(?:가|이|로)\s*된)"
                            r"(?=\s(?!바(?:\s|$)|적이|적도)(?P<after>[^\s,.()]{1,10}))")  # not 맺은 바 있다 (finished)
#: After a date in brackets, a relation word and the closing bracket: ``(2002년 자매결연)``.
_RESTATED_BRACKET = re.compile(r"\s*(?P<rel>[^()\d]{0,15})\)")


def _restated(text: str, a: int, b: int) -> list[tuple[int, int, DateMention, str]]:
    """Earlier signings a clause restates, each as (start, end, date, relation) in ``text``, when the clause also
    has a date of its own outside them (else the restated date is the clause's only one and read as usual).

    >>> text = "도는 1994년 자매결연을 맺은 가나성과 21일 협약을 체결했다"
    >>> [(d.value.iso, r) for _, _, d, r in _restated(text, 0, len(text))]
    [('1994', 'sister')]
    >>> _restated("2010년 자매결연을 맺은 가나시와 다라시는 교류를 이어왔다", 0, 30)
    []
    """
    clause = text[a:b]
    dates = find_dates(clause, bare_years=True)
    out = []
    for d in dates:
        after = clause[d.end:]
        m = _RESTATED_VERB.match(after)
        if m is None and clause[:d.start].rstrip().endswith("("):
            m = _RESTATED_BRACKET.match(after)
        relation = (relation_of(m.group("rel") or "") or relation_of(m.groupdict().get("after") or "") or _tie_after(
            clause[d.end + m.end():]) or (_bracket_tie(clause[:d.start]) if "after" not in m.groupdict() else None)
                    ) if m else None
        if relation is not None and not is_intent(m.group(0).strip("() ")):  # (2017년 자매결연 추진): a plan
            out.append((a + d.start, a + d.end + m.end(), d, relation))
    if not out:
        return []
    spans = [(start - a, end - a) for start, end, _, _ in out]
    rest = "".join(" " if any(x <= i < y for x, y in spans) else ch for i, ch in enumerate(clause))
    has_own = any(not any(x <= d.start < y for x, y in spans) for d in dates) or bool(
        _RELATIVE_DAY.search(rest) or _THAT_DAY.search(rest)) or is_plan(rest) or any(
        re.match(r"\s*\d+\s*주년", clause[y:]) for _, y in spans)  # (…) 30주년 기념사업 계획: the anniversary's
    return out if has_own else []  # event, a plan or not, beside the signing it counts from


#: After a restated signing's verb, its partner with 와의 and the relation named right after it (``(2015년 체결한)
#: 미국 가나주 다라시와의 자매결연``).
_TIE_AFTER = re.compile(r"\s*(?:[가-힣]+\s+){0,3}?[가-힣]+(?:와|과)의\s+(?P<rel>[^\s,.()]+)")


def _bracket_tie(before: str) -> str | None:
    """The relation a tie names right before the bracket holding its date (``가나시와의 자매결연(``), else ``None``.

    >>> _bracket_tie("중국 가나시와의 자매결연("), _bracket_tie("가나시와의 우호교류 협약("), _bracket_tie("가나시(")
    ('sister', 'friendship', None)
    >>> _bracket_tie("가나시 자매결연 30주년 기념행사(")
    """
    m = re.search(r"(?:(?P<first>[^\s(),.]+)\s)?(?P<last>[^\s(),.]+)\s*\(\s*$", before)
    if m is None or relation_of(m.group("last")) is None:
        return None  # (… 30주년 기념행사(2023년 …): the bracket is the event's, not the tie's
    return relation_of(f"{m.group('first') or ''} {m.group('last')}")  # 우호교류 협약(: the specific word


def _tie_after(text: str) -> str | None:
    """The relation :data:`_TIE_AFTER` names at the start of ``text``, else ``None``.

    >>> _tie_after(" 미국 가나주 다라시와의 자매결연 10주년"), _tie_after(" 다라시를 방문해")
    ('sister', None)
    """
    m = _TIE_AFTER.match(text)
    return relation_of(m.group("rel")) if m else None


#: A day, month or year stated against the document's date (21일, 지난달, 올해, 내년).
_RELATIVE_DAY = re.compile(r"(?<![\d.])\d{1,2}\s*일(?![가-힣])|지난달|이번\s?달|올해|지난해|작년|내년"
                           r"|(?:오는|지난)\s*\d{1,2}\s*월")


def _read_clause(w: FactWriter, s: Sentence, a: int, b: int, doc: DocumentContext, carried: Party | None,
                 previous: list[Named]) -> tuple[list[AgreementCandidate], Party | None, list[Named]]:
    """:func:`read_clause` without restated signings."""
    text = s.text[a:b]
    relation = relation_of(_ANNIVERSARY_NAMED.sub(" ", text)) or relation_of(text) or (
        "sister" if _BARE_TIE.search(text) else None)  # 자매결연 25주년을 기념해 … 협약; 2008년 결연한 가나시와는
    if relation is None and previous and doc.before is not None and _SUB_ITEM.match(s.text) and _RENEWAL_ITEM.search(
            text):  # 가. 가나시 자매결연 재체결 / - 2005. 결연 이후 2015년 갱신: the relation of the item above
        relation = relation_of(doc.before.text)
    if (relation is None or relation == DEFAULT_RELATION and not _NAMED_GENERIC.search(text)) and previous and \
            a > 0 and _RENEWAL_ITEM.search(text):
        # 2005년 결연 체결 후 2015년 재체결; 자매결연을 맺었으며, 협정은 … 갱신되어: the relation before
        relation = relation_of(s.text[:a]) or relation
    if _DECLARATION.search(text) and not _PAPER.search(_ANNIVERSARY_NAMED.sub(" ", text)):
        relation = None  # 우호교류 30주년 공동선언문에 서명: a declaration, no agreement
    if relation is not None and not states_signing_verb(text) and _UPGRADED.search(text):
        text = text + " 체결"  # 자매결연으로 (관계를) 격상했다: a sister agreement signed
    verbs = without_anniversaries(text)  # 협약 체결 10주년 기념식: no signing
    named = parties_in(w, s, a, b, doc, resolve=relation is not None)
    if len(named) < 2 and relation is not None and (states_signing_verb(text) or _RENEWED.search(text)) and all(
            n.particle not in _WHERE for n in named):  # 가나구청에서 다라구청장과 …: where it was signed, as before
        heads = [h for h in _heads_named(w, s, a, b, doc, alone=bool(named)) if not any(
            n.start < h.end and h.start < n.end for n in named)]  # 홍길동 가나시장과 다라 마바 사아시장이 … 갱신하였다
        named = sorted(named + heads, key=lambda n: n.start) if heads else named  # 가나도지사와 마바현 지사는
    if len(named) < 2 or any(n.particle in _WHERE for n in named):
        named = _signers_named(w, s, a, b, doc) or named  # 가나시청에서 협정 체결 (서명: 가나시장 …, … 다라시장)
    lead = _HEADLINE_SUBJECT.match(text)
    if lead and lead.group("b") and _after_tag(named, text[lead.end():], lead.group("b")) is not None:
        named = [n for n in named if n.party.surface != lead.group("b")]  # [가나도] 다라시, …: a tag, no party
    pairs = _dash_pairs(s.text, named, w)
    if pairs:
        return _pair_candidates(w, s, a, text, relation, pairs, doc), carried, previous
    subject = _subject(named, text, doc, carried)
    pair = next(((x, y) for x, y in zip(named, named[1:], strict=False)
                 if x.particle in _WITH and (y.particle == _OF or not y.particle and _BETWEEN.match(s.text, y.end) or (
                     y.particle in _SUBJECT_MARKS - _TOPIC_ONLY and _EMBEDDED_SIGNING.match(s.text, y.end, b)
                     or y.particle not in _WITH and _BOTH.search(s.text[y.end:b])))
                 and _only_countries(w, s.text[x.end:y.start])), None)
    if pair is not None and (subject is None or _SIGNING_OF_PAIR.match(s.text, pair[1].end) or
                             pair[1].particle in _SUBJECT_MARKS or _BOTH.search(s.text[pair[1].end:b])):
        # 가나시와 다라시의 인연은 …: the pair the clause is about; 마바시 시장은 가나시와 다라시의 협정 체결을
        # (가나시와 다라시가 협정을 체결한 것을) 축하했다: the pair whose signing it names, not the head who spoke of
        # it; 가나시와 다라시처럼 … 양측이 서명한: the pair both sides are
        subject, named = pair[1].party, [pair[0]]
    partners = [n for n in named if (n.particle in _PARTNER or n.particle in _RELATED and (
        bracket := _DATED_BRACKET.match(s.text, n.end)) and not is_intent(bracket.group(0).strip("() "))) and (
        subject is None or n.party.entity != subject.entity)]  # … 다라시(2017년 MOU 체결)와의; not (… 추진)와의
    partners = partners or _self_partner(text, a, doc, carried, subject) or [
        n for n in named if n.particle in _OBJECT and _VISITED.match(s.text, n.end) and _SIGNED.search(text) and (
            subject is None or n.party.entity != subject.entity)]  # 가나시를 찾아 … 협약을 체결했다
    if subject is not None and _foreign(subject) and doc.subject is not None and not _foreign(doc.subject) and \
            partners and all(_foreign(n.party) and _RELATIVE_SIGNED.search(s.text, 0, n.start) for n in partners):
        subject = doc.subject  # 가나시는 2004년 자매결연을 맺은 다라시에 이어 …: the document's own signing
    planned = [n for n in named if (n.particle in _PARTNER or n.particle in _RELATED) and (
        bracket := _DATED_BRACKET.match(s.text, n.end)) and is_intent(bracket.group(0).strip("() "))]
    if planned and any(all(n is not p for p in planned) for n in partners):
        # 다라시(1998년 자매결연)와 마바시(2017년 MOU 체결 예정)와의: the bracket's plan is its own place's, none of
        # the other partners' (its words and dates left out of theirs)
        for n in planned:
            m = _DATED_BRACKET.match(s.text, n.end)
            x, y = max(m.start() - a, 0), min(m.end() - a, len(text))
            text = text[:x] + " " * (y - x) + text[y:]
        verbs = without_anniversaries(text)
        partners = [n for n in partners if all(n is not p for p in planned)]
    carry = subject or carried
    intent = is_plan(text)
    signed = _states_signing(verbs) or (_dated_partners(s.text, partners) or subject is not None and partners and
                                        _RELATION_DATED.search(verbs)) and not any(  # 자매도시는 가나시(1997년)
        word in text for word in ACTIVITY_WORDS)  # 자매도시 방문: 가나시(2024. 8. 26.) is a visit
    if relation is None or not (intent or signed and not is_intent(text) and not states_no_signing(verbs)):
        return [], carry, partners or previous
    confidence = CONFIDENCE_NAMED
    renewed = is_renewal(text) and len(find_dates(text)) > 1  # a renewal with its first signing's date and its own
    if not partners and renewed:
        # ※ 2008. 2. 7. 가나시 재체결은 1988. 12. 20. 최초 체결 자매결연의 갱신임; ※ 가나시와의 자매결연(1988. 12. 20.
        # 체결)은 2008. 2. 7. 갱신: the one other place the note names is the tie's partner
        partners = [n for n in named if subject is None or n.party.entity != subject.entity][:1] if len(
            {n.party.entity for n in named} - {subject.entity if subject else None}) == 1 else []
    if not partners:  # 가나시와의 교류를 넓혀 … 양해각서를 체결했다; 다라시와의 자매결연 체결로
        partners = [n for n in named if n.particle in _RELATED and (subject is None or n.party.entity !=
                                                                    subject.entity) and (
            _SIGNED.search(text) or _RENEWED.search(text) or _NOMINAL_SIGNING.match(s.text, n.end) or
            _RELATIVE_SIGNED.search(s.text, a, n.start))]  # 2006년 맺은 (다라도) 가나시와의 자매결연은 …: the tie
        # told as what it is; 가나시와의 자매결연을 2011. 9. 8. 갱신함: renewed
        confidence = CONFIDENCE_CARRIED
        maker = next((n for n in named if partners and n.particle in ("이", "가") and n.end <= partners[0].start and (
            subject is None or n.party.entity != subject.entity) and _RELATIVE_SIGNED.search(
            s.text, n.end, partners[0].start)), None)
        subject = maker.party if maker is not None else subject  # 가나군은 이웃 다라군이 맺은 마바시와의 결연(…)을
    carried_pair = not partners and bool(previous) and not _BODY_PARTNER.search(text)  # 가나관광공사와 MOU: its own
    if carried_pair:
        partners, confidence = previous, CONFIDENCE_CARRIED
        there = [p for p in partners if any(n.particle in _WHERE and n.party.entity == p.party.entity for n in named)]
        partners = there or partners  # 가나시·다라시와 … / 가나시청에서 … 서명했다: the partner it happened at
    sectioned = False
    headline = not partners and not intent and doc.headline is not None and doc.headline[0] == relation and (
        doc.subject is not None and (subject or carried or doc.subject).entity == doc.subject.entity)
    if headline:
        partners, confidence = doc.headline[1], CONFIDENCE_CARRIED  # 군은 14일 … 협약을 체결했다 (the headline's)
    if not partners and not intent and signed and not _BODY_PARTNER.search(text):  # 다. 중국 가나성 다라시 / 협약 체결
        partners, confidence = _section_partner(w, s, doc) or _day_partner(w, s, doc), CONFIDENCE_CARRIED
        sectioned = bool(partners)
    if subject is None and carried_pair and carried is not None and all(p.party.entity != carried.entity
                                                                         for p in partners):
        subject = carried  # 가나시와 다라시는 … 체결하였으며 / - 같은 해 10월 MOU도 체결: the same pair
    if subject is None and _BODY_LEAD.match(text):
        return [], carry, partners  # 가나관광공사와 다라성 관광국은 같은 날 … 협약을 체결했다: the bodies', no region's
    if subject is None:
        # an entry of a list (a report's ○ / - lines) without a subject is the document's; prose carries it
        subject = (doc.subject or carried) if a == 0 and BULLET.match(s.text) else (carried or doc.subject)
        confidence = CONFIDENCE_CARRIED
    if subject is None or not partners:
        return [], carry, partners
    stated = find_dates(text, bare_years=True)
    stated = [d for d in stated if not (d.surface.strip().isdigit() and _NAMED_YEAR.search(text, 0, d.start)
                                        and re.match(r"\s+[가-힣A-Za-z]", text[d.end:]))]  # '2024 가나 포럼'에서
    dates = [d for d in stated if not _SINCE.match(text[d.end:]) and not _ENDED.match(text[d.end:])  # 2020년 이후
             and not denied_after(text[d.end:])]  # 2019년 체결하지 못했던 협약을 2020년 체결했다
    tied = [d for d in dates if _TIED_AT.match(text, d.end)]
    untied = dates
    if len(partners) == 1 and tied and len(tied) < len(dates):
        dates = tied  # 2008년 결연한 가나시와는 2019년 교류를 재개했다: the date the tie names
    today = heading_year(w.doc.lines, s.lines[0]) or doc.today
    if doc.year is not None and (today is None or today.year != doc.year.year):
        today = doc.year
    same = _SAME_TIME.search(text)
    occasion = same is not None and _SAME_OCCASION.match(same.group(0))
    earlier = find_dates(s.text[:a], bare_years=True) if same and not stated else []
    if not earlier and occasion and "자리" in same.group(0) and not stated and doc.signed_day is not None and not (
            today is not None and relative_dates(text, today)):  # 이 자리에서 … 7일: the day the sentence states
        earlier = [DateMention(doc.signed_day, 0, 0, "")]  # … 14일 기념식에 참석했다. 이 자리에서 …: that occasion
    earlier = earlier or (doc.said if same and not stated and carried_pair else [])  # 같은 해: of the date before
    if earlier:  # 같은 해 9월, 이듬해, 같은 날, 같은 자리에서: of the date stated before in the sentence
        base = earlier[-1].value
        if occasion:
            dates = [DateMention(base, same.start(), same.end(), same.group(0))]
        else:
            year = StatedDate(base.year + (1 if same.group(0).startswith("이듬") else 0))
            dates = relative_dates(text, year) or [DateMention(year, same.start(), same.end(), same.group(0))]
    elif today is not None:  # 지난해 11월에는 (beside 2018년 3월 9일에는 of another partner)
        relative = [_in_event_month(d, today, doc) for d in relative_dates(text, today) if not any(
            x.start < d.end and d.start < x.end for x in stated)]
        dates = relative if not stated else sorted(dates + [d for d in relative if _ANCHORED.match(d.surface)],
                                                   key=lambda d: d.start)
    dates = [d for d in dates if not _REPORTED.match(text[d.end:])]  # 체결했다고 12일 밝혔다
    tie = _ADNOMINAL_TIE.search(text)
    other_event = tie is not None and not (states_signing_verb(text[tie.end():]) or _RENEWED.search(text, tie.end()))
    if other_event:  # 결연한 가나시와 2019년 교류를 재개했다: a date after the tie dates the event the clause tells;
        # 가나시와 체결한 협약(2012. 5. 3.)은: a date in a bracket right after the tie's relation is the tie's
        own = [m.span() for m in _RELATION_DATED.finditer(text, tie.end())]
        dates = [d for d in dates if d.end <= tie.start() or any(x <= d.start < y for x, y in own)]
    if headline:  # the headline's signing is the news of the day: a date near the document's own
        dates = [d for d in dates if doc.is_recent(d.value)]
    if not dates and not other_event and (that := _THAT_DAY.search(text)) and (
            day := _caption_day(w, s) or doc.event_day or doc.today) is not None:
        dates = [DateMention(day, that.start(), that.end(), that.group(0))]  # 이날: the caption's day, the event's
    if not dates and not other_event and (now := _NOW.search(text)) and doc.today is not None and \
            doc.today.day is not None:  # 오늘 … 체결했습니다 (a broadcast): the document's day; 어제, 그제: before it
        dates = [DateMention(days_before(doc.today, _NOW_WORDS[now.group("w")]), now.start(), now.end(), now.group(0))]
    if not dates and not other_event and (after := _NEXT_DAY.search(text)) and doc.event_day is not None:
        dates = [DateMention(next_day(doc.event_day), after.start(), after.end(), after.group(0))]  # 이튿날
    if not dates and not other_event:  # ○ 4. 8. 가나시장과 다라시장이 협정을 갱신하였다
        dates = _entry_day(s, a, today)
    if not dates and not other_event and not intent and doc.clause_day is not None and states_signing_verb(verbs) \
            and not find_dates(text, bare_years=True) and not _RELATIVE_DAY.search(text) and not \
            _EARLIER_OR_NOT.search(text) and not negates_signing(text):
        dates = [DateMention(doc.clause_day, 0, 0, "")]  # 가나시와 다라시는 3일 … 서명했고, 마바시와 사아시는 … 체결
    if not dates and not other_event and not intent and not carried_pair and _SIGNED_NOW.search(verbs) and \
            not _NOT_AGREEMENT.search(text) and (day := heading_day(w.doc.lines, s.lines[0], doc.today)) is not None:
        dates = [DateMention(day, 0, 0, "")]  # ◇ 5. 28.(화) / ○ 가나현과 협약 체결: the schedule's day
    if not dates and not intent and not carried_pair and not other_event:
        doc.undated = partners  # a lead sentence without its date: the next sentence may give it
    out = []
    if sectioned and len(partners) == 1 and len(dates) > 1 and not intent:  # ① 가나시 / - 2011. 체결, 2021. 재체결
        each = [d for i, d in enumerate(dates) if _SIGNED_NOW.search(
            text[d.end:dates[i + 1].start if i + 1 < len(dates) else len(text)].split(",")[0])]
        carried_pair = len(each) > 1  # each date with a signing word of its own: one signing a date
        dates = each or dates  # the dates with a signing word of their own (2021. 5. 방문: none)
    own_signings = next((found for ds in (dates, untied) if len(partners) == 1 and len(ds) > 1 and not intent and (
        found := _own_signings(text, ds)) is not None), None)
    if renewed and not carried_pair and own_signings is None:  # 2023. 9. 1. 가나시를 방문해 2013. 9. 1. 맺은 …
        dates = [d for d, _ in _own_signings(text, dates, every=False) or []] or dates[:1]
    if own_signings is not None and not carried_pair:
        # 2019년 5월 3일 의향서 교환에 이어 2020년 6월 1일 자매결연 협정을 체결: each date its own signing and relation
        return [AgreementCandidate((subject, partners[0].party), d.value, own or relation_near(text, d, dates) or
                                   relation, s.lines, confidence, reader="sentences", quote=s.text.strip())
                for d, own in own_signings if partners[0].party.entity != subject.entity], subject, partners
    if (carried_pair or renewed) and len(partners) == 1 and len(dates) > 1 and not intent:
        # ▲2004년 협정 ▲2014년 MOU; a tie signed on one date and renewed on another: a signing for each date
        return [AgreementCandidate((subject, partners[0].party), d.value, relation_near(text, d, dates) or relation,
                                   s.lines, confidence, reader="sentences", quote=s.text.strip())
                for d in dates if partners[0].party.entity != subject.entity], subject, partners
    for own_subject, own_partners, own_dates in _respective(named, s.text, dates) or \
            _pairs_of_subjects(named, subject, partners, dates, a, s.text) or \
            _joint_subjects(named, subject, partners, dates) or [(subject, partners, dates)]:
        dated = _dated(own_partners, own_dates, a, s.text)
        for partner, date in dated:
            if partner.party.entity == own_subject.entity or (date is None and not intent):
                continue
            bonus = DAY_BONUS if date is not None and date.value.precision == "day" else 0.0
            minted = CONFIDENCE_CARRIED - CONFIDENCE_NAMED if partner.party.minted and \
                not confidence < CONFIDENCE_NAMED else 0.0
            several = [d for p, d in dated if p is partner and d is not None]
            own = (relation_near(text, date, several) if len(several) > 1 else None) or (
                not carried_pair and _relation_after(s.text, partner, own_partners, a, b))  # (2017년 MOU … 격상)
            out.append(AgreementCandidate((own_subject, partner.party), date.value if date else None,
                                          own or relation or DEFAULT_RELATION, s.lines,
                                          round(confidence + bonus + minted, 2), intent=intent, reader="sentences",
                                          quote=s.text.strip()))
    if subject is not None and doc.subject is not None and _foreign(subject) and not _foreign(doc.subject) and \
            [p.party.entity for p in partners] == [doc.subject.entity]:
        # 가나군수와 일본 다라시장은 서명했다. 중국 마바시와는 …: the document's own region goes on, with its partner
        return out, doc.subject, [Named(subject, 0, 0, "와")]
    return out, subject, partners


def _own_signings(text: str, dates: list[DateMention], every: bool = True
                  ) -> list[tuple[DateMention, str | None]] | None:
    """The dates of ``text`` whose own words (up to the next date) state a signing, a renewal or a raise, each with
    the relation those words name (``2019년 5월 3일 의향서 교환에 이어 2020년 6월 1일 자매결연 협정을 체결``: a letter,
    then a sister agreement). ``every``: ``None`` unless every date has such words.

    >>> text = "2019년 5월 3일 의향서 교환에 이어 2020년 6월 1일 자매결연 협정을 체결했다"
    >>> [(d.value.iso, r) for d, r in _own_signings(text, find_dates(text))]
    [('2019-05-03', 'letterOfIntent'), ('2020-06-01', 'sister')]
    >>> text = "2023. 9. 1. 가나시를 방문해 2013. 9. 1. 맺은 자매결연 협정의 갱신을 협의했다"
    >>> _own_signings(text, find_dates(text)), [d.value.iso for d, _ in _own_signings(text, find_dates(text), False)]
    (None, ['2013-09-01'])
    """
    out = []
    for i, d in enumerate(dates):
        words = text[d.end:dates[i + 1].start if i + 1 < len(dates) else len(text)]
        words = words.split(")")[0]  # within a bracket, its own words only
        if states_signing_verb(words) or is_renewal(words) or _UPGRADED.search(words) or _RAISED_END.search(words):
            out.append((d, relation_of(words)))
        elif every:
            return None
    return out


#: A clause that tells of an earlier signing or of one not made (``앞서 …체결한 바 있다``, ``과거``, ``체결하지
#:못했다``): never dated by the day of the clause before it.
_EARLIER_OR_NOT = re.compile(r"앞서|과거|이전에|예전|이미|한\s*바\s*있|지\s*(?:못|않)")
#: A day in brackets closing a line (a photo caption's ``(2023년 4월 11일)``, ``(2023. 4. 12. 시청 광장)``).
_CAPTION_DAY = re.compile(r"\(\s*(?P<d>(?:19|20)\d\d\s*[.년]\s*\d{1,2}\s*[.월]\s*\d{1,2}\s*[.일]?)[^()]{0,20}\)\s*$")


def _caption_day(w: FactWriter, s: Sentence) -> StatedDate | None:
    """The day a line closes on in brackets right after the sentence: what ``이날`` means in a caption."""
    line = w.doc.lines[s.lines[1] - 1]
    m = _CAPTION_DAY.search(line)
    tail = s.text.strip()[-12:]
    if m is None or tail not in line or line[line.rfind(tail) + len(tail):m.start()].strip():
        return None  # (the bracket closes another sentence of the line: 사진은 지난해 … 모습 (2024. 5. 3.))
    found = find_dates(m.group("d"))
    return found[0].value if found and found[0].value.day is not None else None


#: A signing stated right after its date (``2008년 결연한``, ``2008년 자매결연을 맺은``, ``2008년 협약을 체결한``).
_TIED_AT = re.compile(r"\s*(?:에\s*)?(?:[가-힣]{0,6}\s?)?(?:결연|협약|협정|각서)\s*(?:을|를)?\s*"
                      r"(?:맺은|맺었|체결한|체결했|체결하였|한\s|했|하였)")
#: A signing told as what a partner is (``결연한 가나시``, ``협약을 맺은 다라시``, ``체결한 마바시와``): the verb the
#: clause ends on tells another event, unless a signing verb follows.
_ADNOMINAL_TIE = re.compile(r"(?:결연|맺|체결)\s*(?:한|은)\s+(?!바\b|바\s|것|때|날|뒤|후|이후|지\s)")
#: A bracket right after a place that opens with a year (``다라시(2017년 MOU 체결)``, ``마바시(2013. 5. 협정)``).
_DATED_BRACKET = re.compile(r"\s?\(\s*'?(?:19|20)\d\d[^()]*\)")


def _bracketed_dates(partners: list[Named], dates: list[DateMention], offset: int, text: str
                     ) -> dict[int, list[DateMention]]:
    """The dates inside the bracket right after each partner (by the partner's ``id``)."""
    out: dict[int, list[DateMention]] = {}
    for p in partners:
        m = _DATED_BRACKET.match(text, p.end) if text else None
        if m is not None:
            out[id(p)] = [d for d in dates if m.start() <= d.start + offset and d.end + offset <= m.end()]
    return out


#: A pair's signing named as a noun after it (``가나시와 다라시의 자매결연 협정 체결을``, ``… 우호협약 서명식에``,
#: ``… 자매결연(2010. 3. 5. 체결)을``: its date in brackets; ``… 2010. 3. 5. 자매결연 체결을``: before).
_SIGNING_OF_PAIR = re.compile(r"\s*(?:'?\d{2,4}[\d.\s년월일]*)?(?:[가-힣]{0,8}\s?){0,3}?"
                              r"(?:결연|협약|협정|각서|MOU|의향서)\s*"
                              r"(?:체결|서명|조인|\(\s*'?\d[\d.\s년월일]*(?:체결|서명|조인)?\s*\))")
#: A signing verb of a clause inside the sentence, after its own subject (``가나시와 다라시가 협정을 체결한 것을
#: 축하했다``, ``… 맺었다고 밝혔다``): the signing is that subject's, not the speaker's the sentence opens with.
_EMBEDDED_SIGNING = re.compile(r"[^,]*?(?:체결|맺|서명|조인|교환)\s*(?:한|은|했던|었던|하였던)\s*(?:것|데|일|사실|점)"
                               r"|[^,]*?(?:체결|맺|서명|조인)\s*(?:했|하였|었)다\s*(?:고|며|면서|는)")
#: The topic particles that mark no subject of an embedded clause (은, 는: the sentence's topic).
_TOPIC_ONLY = frozenset(("은", "는"))
#: A period's line (``기간: 2024. 7. 8.(월) ~ 7. 12.(금)``): its first date is no date the document was written on.
_PERIOD = re.compile(r"\d\s*[.일)]?\s*(?:\([월화수목금토일]\))?\s*[~∼～]\s*(?:'?\d)")
#: A tie made (``2008년 결연한 가나시``, ``결연을 맺었다``) with no relation word: a sister tie, as 결연 alone says.
_BARE_TIE = re.compile(r"(?<![가-힣])결연\s*(?:한|했|하였|을\s*맺)")
#: A signing named as a noun right after a partner: ``다라시와의 자매결연 체결로``, ``… 우호교류 협약 체결 이후``.
_NOMINAL_SIGNING = re.compile(r"\s*(?:[^\s,.()]{1,10}\s?){0,3}?(?:결연|협약|협정|각서|MOU|의향서)\s*(?:을|를)?\s*"
                              r"(?:\(\s*'?\d[\d.\s년월일]*(?=체결|맺|서명))?(?:체결|맺)")  # 자매결연(2010. 3. 5. 체결)
#: A signing counted in years, its relation word with it (자매결연 25주년, 우호교류 협약 체결 10주년).
_ANNIVERSARY_NAMED = re.compile(r"[^\s,.()]*\s?(?:체결|결연|협약|협정|교류|도시|서명)\s*\d+\s*주년")
#: An opening quote or title bracket right before a bare year (no 년): the year opens a name (``'2024 가나 포럼'``).
_NAMED_YEAR = re.compile(r"['\"‘“「『<《〈]\s*$")
#: A date alone in brackets right after a partner: ``가나시(1997년)``, ``다라시(2003. 5.)``.
_BRACKET_DATE = re.compile(r"\s?\(\s*(?:19|20)\d\d[\d.\s년월일]*\)")


def _only_countries(w: FactWriter, between: str) -> bool:
    """Nothing but spaces, country words and the second name's province or state between two names (``가나시와 일본
    다라시의``, ``가나시와 일본 마바현 다라시처럼``)."""
    return all(_country(w, word) is not None or _SMALLER.get(place_level(word) or "", 0) == 1 and not word.endswith(
        _NOT_PLACES) for word in between.split())


def _dated_partners(text: str, partners: list[Named]) -> bool:
    """Every partner of the clause followed by its date alone in brackets (``자매도시는 가나시(1997년), 다라시
    (2003년)에 이어``): a list of signings with their years, stated without a verb.

    >>> n = lambda start, end: Named(None, start, end, "")
    >>> _dated_partners("가나시(1997년), 다라시(2003년)", [n(0, 3), n(12, 15)])
    True
    >>> _dated_partners("가나시(일본)", [n(0, 3)])
    False
    """
    return bool(partners) and all(_BRACKET_DATE.match(text, p.end) for p in partners)


def _relation_after(text: str, partner: Named, partners: list[Named], start: int, end: int) -> str | None:
    """The relation named first after ``partner`` and before the next partner (``가나시와 우호교류 협약을, 다라시와
    양해각서를``), else after the next ones (``가나시(1998년), 다라시(2011년)와 자매결연``); ``None`` when the clause
    names none after it. Only the clause ``text[start:end]`` is read (a partner carried from a clause before
    takes the relation of this one)."""
    later = [p.start for p in partners if p.start > partner.start]
    for stop in [*later, end]:
        found = relation_of(_ANNIVERSARY_NAMED.sub(" ", text[max(partner.end, start):stop]))
        if found is not None:
            return found
    return None


def _states_signing(text: str) -> bool:
    """A signing verb (체결, 맺다 …), a relation made a verb (``자매결연한``, ``우호협약을 했다``), or a dated
    relation that something followed (``1994년 자매결연 이후``).

    >>> _states_signing("1994년 자매결연한 이후"), _states_signing("2019년 우호교류 협약 이후 교류")
    (True, True)
    >>> _states_signing("자매결연"), _states_signing("자매결연 이후")
    (False, False)
    >>> _states_signing("1994년 자매결연으로 시작된 인연")
    True
    >>> _states_signing("2023년 자매결연 도시 방문")
    False
    """
    return states_signing_verb(text) or bool(_RELATION_DONE.search(text) or _DATED_RELATION.search(text)
                                             or _CEREMONY.search(text) or _RENEWED.search(text)) or bool(
        _DATE_THEN_RELATION.search(text) and not any(word in text for word in ACTIVITY_WORDS))


def _entry_day(s: Sentence, a: int, today: StatedDate | None) -> list[DateMention]:
    """The month and day a report's entry opens with (``○ 4. 8.``), in ``today``'s year (its section's or its
    document's), when the clause starting at ``a`` is the entry's; else nothing."""
    day = _ENTRY_DAY.match(s.text)
    if today is None or day is None or a > day.start("m"):
        return []
    try:
        return [DateMention(StatedDate(today.year, int(day.group("m")), int(day.group("d"))), day.start("m"),
                            day.end(), day.group(0))]
    except ValueError:
        return []


def _dash_pairs(text: str, named: list[Named], w: FactWriter | None = None) -> list[tuple[Named, Named]]:
    """Pairs written ``가나시-다라시`` (a dash, tilde or arrow between two named places; with ``w``, a country word
    may stand after the dash: ``가나시–중국 다라시``)."""
    out = []
    for x, y in zip(named, named[1:], strict=False):
        between = text[x.end:y.start]
        dash = _PAIR_DASH.match(between)
        if dash is not None and (dash.end() == len(between) or w is not None and between[dash.end():].strip() and all(
                _country(w, word) is not None for word in between[dash.end():].split())):
            out.append((x, y))
    return out


def _pair_candidates(w: FactWriter, s: Sentence, a: int, text: str, relation: str | None,
                     pairs: list[tuple[Named, Named]], doc: DocumentContext) -> list[AgreementCandidate]:
    """Signings of dash-written pairs (``▲가나시-다라시(1996년) ▲마바시-사아시(2002년)``), each with the date
    right after it, else the clause's one date."""
    intent = is_plan(text)
    if relation is None or not (intent or _states_signing(without_anniversaries(text)) and not is_intent(text)
                                and not states_no_signing(text)):
        return []
    dates = find_dates(text, bare_years=True) or (relative_dates(text, doc.today) if doc.today else [])
    day = heading_day(w.doc.lines, s.lines[0], doc.today) if not dates and not intent and _SIGNED_NOW.search(
        text) and not _NOT_AGREEMENT.search(text) else None
    dates = dates or ([DateMention(day, len(text), len(text), "")] if day is not None else [])
    if not dates:  # ○ 5. 3. 가나시-다라시 자매결연 협약 체결 (no trip or schedule above): the entry's day
        today = heading_year(w.doc.lines, s.lines[0]) or doc.today
        dates = _entry_day(s, a, doc.year if doc.year is not None and (today is None or today.year != doc.year.year)
                           else today)
    out = []
    for (x, y), (_, date) in zip(pairs, _dated([y for _, y in pairs], dates, a), strict=True):
        if date is None and not intent:
            continue
        bonus = DAY_BONUS if date is not None and date.value.precision == "day" else 0.0
        out.append(AgreementCandidate((x.party, y.party), date.value if date else None, relation, s.lines,
                                      round(CONFIDENCE_NAMED + bonus, 2), intent=intent, reader="sentences",
                                      quote=s.text.strip()))
    return out


#: ``각각`` (respectively): the subjects listed before it sign with the partners listed after it, in order.
_RESPECTIVELY = re.compile(r"(?:^|\s)각각\s")


def _respective(named: list[Named], text: str, dates: list[DateMention]
                ) -> list[tuple[Party, list[Named], list[DateMention]]]:
    """Subjects joined by 와/과 before their topic particle and as many partners after them, ``각각`` before or after
    the partners, paired in order (``가나시와 다라시는 14일 각각 중국 마바시, 일본 사아시와 협약을 체결했다``, ``… 중국
    마바시, 일본 사아시와 각각 …``, ``… 각각 마바시와 사아시를 방문해 …``: 가나시–마바시, 다라시–사아시); empty unless
    the clause reads so, and unless a signing verb follows ``각각`` (else it is another verb's)."""
    at = _RESPECTIVELY.search(text)
    topic = next((i for i, n in enumerate(named) if n.particle in _TOPIC), None)
    if at is None or topic is None or topic == 0 or named[topic].end > at.start() or not states_signing_verb(
            text[at.end():]):
        return []  # (… 협약을 체결하고 기념품을 각각 전달했다: 각각 of another verb, after the signing's)
    subjects = named[:topic + 1]
    after = [n for n in named[topic + 1:] if n.start >= at.end()]
    partners = after or named[topic + 1:]  # 각각 before the partners, or after them (… 다라시와 각각 협약을)
    if len(partners) != len(subjects) or any(n.particle not in ("", *_WITH) for n in subjects[:-1]) or any(
            n.particle not in ("", *_WITH, *_OBJECT) for n in partners):
        return []
    return [(x.party, [y], dates) for x, y in zip(subjects, partners, strict=True)]


def _pairs_of_subjects(named: list[Named], subject: Party, partners: list[Named], dates: list[DateMention],
                       offset: int, text: str = "") -> list[tuple[Party, list[Named], list[DateMention]]]:
    """Several subjects in one clause, each with its partners and dates (``가나시는 다라시(1997년), 마바시는
    사아시(2005년)와 각각 …``); empty unless every subject is followed by a partner of its own. A subject whose
    part says ``같은 날`` (the verb gapped: ``가나시는 3일 다라시와 협정을, 마바시는 같은 날 사아시와 각서를
    맺었다``) takes the date of the part before it."""
    topics = [i for i, n in enumerate(named) if n.particle in _TOPIC]
    if len(topics) < 2:
        return []
    parts = _subject_parts(named, topics, dates, offset)
    return _same_day_parts(parts, named, topics, text, offset) if parts else []


def _same_day_parts(parts: list[tuple[Party, list[Named], list[DateMention]]], named: list[Named],
                    topics: list[int], text: str, offset: int) -> list[tuple[Party, list[Named], list[DateMention]]]:
    """``parts`` with a part that has no date of its own but says ``같은 날``, ``같은 해`` or ``이듬해`` given the
    last date of the part before (that day; its year; the year after). Dates count from ``offset`` in ``text``."""
    out: list[tuple[Party, list[Named], list[DateMention]]] = []
    for j, (party, own, own_dates) in enumerate(parts):
        start = named[topics[j]].start
        stop = named[topics[j + 1]].start if j + 1 < len(topics) else len(text)
        same = (_SAME_TIME.search(text, start, stop) or _SAME_DAY.search(text, start, stop)) if text else None
        if not own_dates and same and out and out[-1][2]:
            base, word = out[-1][2][-1].value, same.group(0)
            value = base if _SAME_OCCASION.match(word) or word.endswith("일") else StatedDate(
                base.year + (1 if word.startswith("이듬") else 0))
            own_dates = [DateMention(value, same.start() - offset, same.end() - offset, word)]
        out.append((party, own, own_dates))
    return out


def _subject_parts(named: list[Named], topics: list[int], dates: list[DateMention], offset: int
                   ) -> list[tuple[Party, list[Named], list[DateMention]]]:
    """Each subject of :func:`_pairs_of_subjects` with its partners and the dates of its part."""
    if all(i > 0 and named[i - 1].particle in _WITH for i in topics):  # 가나시와 다라시는 …, 마바시와 사아시는 …
        out = []
        for j, i in enumerate(topics):
            start = named[i].end - offset
            stop = named[topics[j + 1] - 1].start - offset if j + 1 < len(topics) else None
            out.append((named[i].party, [named[i - 1]],
                        [d for d in dates if d.start >= start and (stop is None or d.start < stop)]))
        return out
    out = []
    for j, i in enumerate(topics):
        end = topics[j + 1] if j + 1 < len(topics) else len(named)
        own = [n for n in named[i + 1:end] if n.particle in _PARTNER]
        if not own:
            return []
        start = named[i].start - offset
        stop = named[end].start - offset if end < len(named) else None
        out.append((named[i].party, own, [d for d in dates if d.start >= start and (stop is None or d.start < stop)]))
    return out


#: An item of a record's agenda numbered after its label (``안건 2.``, ``의안 3)``): a section heading as a bullet is.
_AGENDA_ITEM = re.compile(r"^\s*(?:안건|의안|보고안건|심의안건)\s*\d{1,3}\s*[.):]")


def _section_partner(w: FactWriter, s: Sentence, doc: DocumentContext) -> list[Named]:
    """The one foreign place the heading of the sentence's section names (``다. 중국 가나성 다라시(可那市)``): the
    partner of a signing its text states without naming one. Empty when that heading names none or several."""
    above = headings_above(w, s.lines[0], HEADING_LOOKBACK)
    if not above or above[0][0] >= s.lines[0] or not (BULLET.match(above[0][1]) or _AGENDA_ITEM.match(above[0][1])):
        return []
    n, text = above[0]
    if relation_of(text) is not None:
        return []  # an item stating a relation of its own (○ 가나시와 협약 체결), no section's name
    heading = Sentence(text, (n,) * len(text))
    bare = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text)  # 가나시 (중국 다라성): the parent aside
    named = parties_in(w, heading, 0, len(text), doc)
    if len(named) != 1 or named[0].party.entity.country in ("", "KR") or not bare[named[0].start:named[0].end].strip():
        return []
    return named


def _day_partner(w: FactWriter, s: Sentence, doc: DocumentContext) -> list[Named]:
    """The one foreign place the schedule day above the sentence names (``◇ 11. 13.(수) 가나시 방문`` / ``- 협약
    부속 합의서 서명``): the partner of a signing its entry states without naming one. Empty when the day names none
    or several."""
    found = schedule_day(w.doc.lines, s.lines[0])
    if found is None or found[0] == s.lines[0] or not found[1].group("rest").strip():
        return []
    n, m = found
    heading = Sentence(m.group("rest"), (n,) * len(m.group("rest")))
    named = [x for x in parties_in(w, heading, 0, len(heading.text), doc) if _foreign(x.party)]
    return named if len(named) == 1 else []


def _joint_subjects(named: list[Named], subject: Party, partners: list[Named], dates: list[DateMention]
                    ) -> list[tuple[Party, list[Named], list[DateMention]]]:
    """Parties of one country listed before the subject and signing together with a partner of another country
    named after it (``가나군과 다라군, 마바군이 공동으로 일본 사아시와 협약을 맺었다``): one signing per listed party
    with the partners after the subject; empty unless the sentence reads so."""
    at = next((i for i, n in enumerate(named) if n.party.entity == subject.entity and n.particle in _TOPIC), None)
    if at is None or at == 0:
        return []
    before = named[:at]
    after = [p for p in partners if p.start > named[at].end]
    country = subject.entity.country
    if not after or any(p.party.entity.country == country for p in after) or not all(
            n.particle in _WITH or not n.particle for n in before) or any(
            n.party.entity.country != country for n in before):
        return []
    return [(party, after, dates) for party in dict.fromkeys([n.party for n in before] + [subject])]


def parties_in(w: FactWriter, s: Sentence, a: int, b: int, doc: DocumentContext, resolve: bool = True
               ) -> list[Named]:
    """Regions named in ``s.text[a:b]``, left to right: registry names (a city's district with it), and foreign
    places the registry lacks, in the country a country word before them states (else the document's). A place
    right before a smaller place is its parent, not a party. Without ``resolve``, only names the registry has
    once (enough to follow the subject of a text)."""
    out: list[Named] = []
    country: str | None = None
    country_end = -1
    paragraph = " ".join(w.doc.lines[s.lines[0] - 1:s.lines[1]])  # the lines holding the sentence
    foreign = [m.entity.country for m in w.registry.find_mentions(paragraph)
               if m.entity.kind == "region" and m.entity.country not in ("", "KR")]
    hint = foreign[0] if len(set(foreign)) == 1 else None  # 장쑤성 도시들과 … 가나시(1996년): a Chinese city
    for start, end in _words(w, s.text, a, b):
        word = s.text[start:end]
        stated = _country(w, word)
        if stated is not None:
            country, country_end = stated, end
            continue
        name, particle = _split_particle(word)
        if name.endswith(_OFFICE) and place_level(name[:-1]) and len(name) > 3:
            visiting = particle in _OBJECT and _VISITED.match(s.text, end)  # 다라시청을 찾아: the place visited
            name, particle = name[:-1], particle if visiting else _OFFICE  # 가나구청에서: where, its office no party
        if len(name) < 2 or (not re.search("[가-힣]", word) and s.text.rfind("(", 0, start) > s.text.rfind(
                ")", 0, start)):
            continue  # too short, or a gloss in brackets (江蘇省, Jiangsu)
        if _after_title(s.text, start) and not w.registry.candidates(name):
            continue  # 가나시 부시장 다라현이: a person named after a post, not a place (다라현 is no prefecture)
        particle = particle or _particle_after_brackets(s.text, end)
        if not particle and name.endswith(_ALSO) and (place_level(name[:-1]) not in (None, "province") or name[
                -2] == _ALSO) and (w.registry.candidates(name[:-1]) or name[-2] == _ALSO and w.registry.candidates(
                    name[:-2]) or name[:-1] in doc.places):
            name, particle = name[:-1], _ALSO  # 가나시도, 가나도도 (가나시 too, 가나도 too) as a subject
        previous = out[-1] if out else None
        if previous is not None and not previous.particle and previous.end == _word_start_before(s.text, start):
            district = w.registry.resolve(f"{previous.party.surface} {name}", kinds=("region",))
            if district.entity is not None and district.entity.parent == previous.party.entity.id:
                out[-1] = Named(Party(f"{previous.party.surface} {name}", district.entity), previous.start, end,
                                particle)
                continue
        after_place = previous is not None and not previous.particle and previous.end == _word_start_before(
            s.text, start)
        if resolve or name in doc.places and doc.subject is not None and doc.subject.entity.level != _METROPOLITAN:
            # a city's document follows the foreign cities it places even where nothing is signed (가나성 다라시
            # 대표단이 …); a province's keeps to the province (가나성 다라시를 방문해: where, in the partner)
            visited = particle in _OBJECT and _VISITED.match(s.text, end)  # 가나시를 찾아: bound as a partner is
            party = _party(w, name, "와" if visited else particle, s.line_at(start),
                           country or (_country_of(previous) if after_place else None), doc,
                           after_place or country_end == _word_start_before(s.text, start),
                           bare=not particle and not re.match(r"\s*[(,·/\-–—~↔]|\s*$", s.text[end:]),
                           hint=hint)
        else:
            found = [e for e in w.registry.candidates(name) if e.kind == "region"]
            party = Party(name, found[0]) if len(found) == 1 and (place_level(name) or particle) else None
        if party is None:
            continue
        if after_place and not _same(previous.party, party):
            out.pop()  # the place before names where this one is: a parent
        if not particle and (_BODY_PARTNER.match(s.text, end + 1) or _BODY_AFTER.match(s.text, end)):
            particle = _OF  # 가나시 관광공사와, 가나성 인민대표대회 간: the place of the body that signs
        elif not particle and not _foreign(party) and (group := _GROUP_OF.match(s.text, end)):
            particle = group.group("p")  # 가나시 방문단은: the Korean place whose delegation acts
        elif not particle and (head := _HEAD_OF.match(s.text, end)):
            particle = head.group("p")  # 마바 사아 가나현 지사는: the place whose head signs
        elif particle == _OF and (head := _NAMED_HEAD_OF.match(s.text, end)) and _name_words(head.group("name")):
            particle = head.group("p")  # 가나시의 마바 사아 제1부시장은 "…": the place whose head speaks or signs
        elif not particle and s.text.rfind("(", 0, start) > s.text.rfind(")", 0, start) and (
                body := re.match(r"\s+([가-힣]+)", s.text[end:])) and body.group(1).endswith(_NOUN_ENDINGS) and (
                not place_level(body.group(1)) or body.group(1).endswith(_BODIES)):
            particle = _OF  # (가나시 인민정부 입회): a remark in brackets names a body of the place, no party
        out.append(Named(party, start, end, particle))
    return out


#: An entry of a report opening with its month and day but no year (``○ 4. 8. …``).
_ENTRY_DAY = re.compile(r"^\s*[○◦●■□▶◆◇※·-]?\s*(?P<m>\d{1,2})\s*\.\s+(?P<d>\d{1,2})\s*\.(?!\s*\d)")
#: A place glued to its head's title, with the particle that binds it (``가나시장과``, ``다라군수가``,
#: ``마바구청장은``): the place's name is the word without the title's tail.
_HEAD_GLUED = re.compile(r"(?<![가-힣])(?P<w>[가-힣]{2,12}?"
                         r"(?:시(?=장)|군(?=수)|구(?=청장)|도(?=지사)|현(?=지사)|성(?=장)))"
                         r"(?:장|수|청장|지사)(?P<p>과|와|이|가|은|는)(?=\s)")


#: A list of the signers after its label (``(서명: 홍길동 가나시장, 마바 사아 다라시장)``, ``서명자 : …``).
_SIGNERS = re.compile(r"(?:서명|서명자|서명인|조인|협약\s?당사자)\s*[:：]\s*(?P<list>[^()\[\]:：]+)")
#: A signer's place glued to its head's title, a word of its own (``홍길동 가나시장,``, ``다라현지사 마바 사아``).
_SIGNER_HEAD = re.compile(r"(?<![가-힣])(?P<w>[가-힣]{2,12}?(?:시(?=장)|군(?=수)|구(?=청장)|도(?=지사)|현(?=지사)"
                          r"|성(?=장)|주(?=지사)))(?:장|수|청장|지사)(?=\s|[,·、/]|$)")


def _signers_named(w: FactWriter, s: Sentence, a: int, b: int, doc: DocumentContext) -> list[Named]:
    """The two places whose heads a signers' list names (``협정 재체결 (서명: 홍길동 가나시장, 마바 사아
    다라시장)``): the first as the subject, the second as its partner; empty unless exactly two places are read."""
    out: list[Named] = []
    for signers in _SIGNERS.finditer(s.text, a, b):
        for m in _SIGNER_HEAD.finditer(s.text, signers.start("list"), signers.end("list")):
            particle = "는" if not out else "와"
            party = _party(w, m.group("w"), particle, s.line_at(m.start()), None, doc)
            if party is not None and all(n.party.entity != party.entity for n in out):
                out.append(Named(party, m.start(), m.end(), particle))
    return out if len(out) == 2 else []


def _heads_named(w: FactWriter, s: Sentence, a: int, b: int, doc: DocumentContext, alone: bool = False
                 ) -> list[Named]:
    """The places of the heads who signed, when a clause names no place but its signers with their places glued to
    their titles (``홍길동 가나특례시장과 다라 마바 사아시장이 교류협정을 갱신하였다``): each place with its title's
    particle, so the pair is read as the places' own. ``alone``: the clause names one place already (``가나도지사와
    마바 사아현 지사는``), so one glued head is enough."""
    out = []
    for m in _HEAD_GLUED.finditer(s.text, a, b):
        country = next((c for c in (_country(w, word) for word in s.text[a:m.start()].split()) if c), None)
        party = _party(w, m.group("w"), m.group("p"), s.line_at(m.start()), country, doc)
        if party is not None:
            out.append(Named(party, m.start(), m.end(), m.group("p")))
    return out if len(out) == 2 or alone and len(out) == 1 else []


def _after_title(text: str, start: int) -> bool:
    """The word before ``start`` is a post title with nothing after it (``부시장``, ``가나시장``, ``국제협력과장``):
    the word at ``start`` is the holder's name.

    >>> _after_title("다라시와는 가나시 부시장 마바현이 서명했다", 14), _after_title("가나시는 다라현과", 5)
    (True, False)
    """
    before = re.search(r"(?:^|\s)([가-힣]+)\s+$", text[:start])
    return before is not None and _title_word().fullmatch(before.group(1)) is not None


@lru_cache(maxsize=1)
def _title_word() -> re.Pattern:
    """A word that is a lexicon title, maybe after a unit or place it heads (``경제통상국장``, ``가나시장``)."""
    return re.compile(r"[가-힣]*(?:" + "|".join(re.escape(t) for t in sorted(titles(), key=len, reverse=True)) + ")")


def _words(w: FactWriter, text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the words of ``text[a:b]``; a name joined by a hyphen to the word before, when that word is no
    place, country or registry name, is one word (``애선스-클라크카운티``), unlike a pair (``가나시-다라시``)."""
    out: list[tuple[int, int]] = []
    for m in _WORD.finditer(text, a, b):
        if out and text[out[-1][1]:m.start()] == "-" and _plain_word(w, text[out[-1][0]:out[-1][1]]):
            out[-1] = (out[-1][0], m.end())
        else:
            out.append((m.start(), m.end()))
    return out


def _plain_word(w: FactWriter, word: str) -> bool:
    """A Hangul word with no place suffix that names no country nor registry entity."""
    return bool(re.fullmatch(r"[가-힣]{2,}", word)) and place_level(word) is None and _country(w, word) is None and \
        not w.registry.candidates(word)


def _party(w: FactWriter, name: str, particle: str, line: int, country: str | None, doc: DocumentContext,
           placed: bool = False, bare: bool = False, hint: str | None = None) -> Party | None:
    """The region ``name`` names: a registry region (a homograph settled by the document's own region), or a
    foreign place the registry lacks, minted in ``country`` (else the country the document names).

    A registry name without a place suffix that is also a common word (강화: strengthening) counts only as a
    광역 region's short name or with a particle of its own. ``placed``: a country word or a parent place
    stands right before the name, so a short name (둥구) or a town (다라코로정) is a place too; so is a name the
    document placed elsewhere (:func:`placed_names`). ``bare``: no particle and no bracket or comma binds the
    name to the sentence. Running text is not OCR: a short foreign name new to the registry is minted, not
    matched to a near spelling. ``hint``: the one foreign country the sentence's registry places belong to,
    before the country the document named last."""
    if relation_of(name) is not None or is_renewal(name) or _SIGNED_NOW.match(name):
        return None  # 자매결연, 재체결, 체결 after a place (가나시 재체결은): a relation or signing word, never a place
    candidates = [e for e in w.registry.candidates(name) if e.kind == "region"]
    if not candidates and name.endswith(_SELF_GOVERNING):  # 가나자치도: 가나특별자치도 as news shortens it
        candidates = [e for e in w.registry.candidates(name[:-3] + _SPECIAL + name[-3:]) if e.kind == "region"]
    if not candidates and name.endswith(("도", "시")):
        candidates = [e for e in w.registry.candidates(name[:-1]) if e.kind == "region" and e.country == "KR"]
    if candidates and not place_level(name) and not particle and not any(e.level == "광역" for e in candidates):
        return None
    if placed and country not in (None, "", "KR") and candidates and all(e.country == "KR" for e in candidates):
        candidates = []  # 중국 랴오닝성 가나시: a foreign namesake of a Korean city, not the Korean one
    if len(candidates) > 1 and doc.subject is not None and doc.subject.entity in candidates:
        return Party(name, doc.subject.entity)
    if len(candidates) == 1:
        w.entity(candidates[0], name)
        return Party(name, candidates[0])
    if candidates:
        return resolve_party(w, name, line, country=country)
    if name in doc.places:
        placed, country = True, country or doc.places[name]
    elif place_level(name) and len(name) >= 3 and doc.places.get(name[:-1]):  # 가나(다라) placed 다라: 다라시 is it
        placed, country = True, country or doc.places[name[:-1]]
    level = place_level(name) or (placed and name.endswith(_TOWNS) and len(name) >= 3 and "town") or (
        placed and not bare and particle in _PARTNER | _TOPIC and _may_be_bare_name(name) and CONTEXT_LEVEL)
    if len(name) < (2 if placed else 3) or not level or name.endswith(_NOT_PLACES) or name in NOT_PLACE_WORDS or (
            len(name) == 2 and not _may_be_bare_name(name)) or (
            name.endswith(_COMMON_ENDINGS) and not placed):
        return None
    if (country is None and particle not in _PARTNER | _TOPIC) or (bare and not placed):
        return None  # a word with a place ending, neither placed nor bound as a partner (맺기도 했다)
    country = country or hint or doc.country_near(line)
    if country is None or country == "KR":
        return None
    if len(normalize_name(name)) < FUZZY_MIN_CHARS:  # 가나성 is not a near spelling of 다나성: a new place
        return Party(name, minted_region(name, country, level), minted=True)
    return resolve_party(w, name, line, country=country, report=False, place_context=True)


def _may_be_bare_name(name: str) -> bool:
    """A word right after a country word or a place that may be a place named without its suffix (``중국 가나와``):
    Hangul, and not ending like a noun of institutions, people or groups (정부, 대사관, 대표단, 관광객 …).

    >>> _may_be_bare_name("쑤저우"), _may_be_bare_name("블라디보스토크")
    (True, True)
    >>> _may_be_bare_name("정부"), _may_be_bare_name("대표단")
    (False, False)
    """
    return bool(re.fullmatch(r"[가-힣]{2,8}", name)) and not name.endswith(_NOUN_ENDINGS) and name not in ACTIVITY_WORDS


def _country_of(named: Named | None) -> str | None:
    return named.party.entity.country or None if named is not None else None


def _foreign(party: Party) -> bool:
    return party.entity.country not in ("", "KR")


def _same(a: Party, b: Party) -> bool:
    return a.entity.id == b.entity.id


def _split_particle(word: str) -> tuple[str, str]:
    """``다라시와도`` → (``다라시``, ``와도``); a word that is itself a name keeps its last syllable."""
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) > len(particle) + 1:
            return word[: -len(particle)], particle
    return word, ""


def _particle_after_brackets(text: str, end: int) -> str:
    """The particle after a bracket that follows a name: ``가나시(시장 홍길동)는`` → ``는``."""
    m = re.match(r"\s?\([^)]*\)(?P<p>" + "|".join(_PARTICLES) + r")?", text[end:])
    return m.group("p") or "" if m else ""


def _word_start_before(text: str, start: int) -> int:
    """Where the word before ``start`` ends (spaces between skipped)."""
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    return i


def _country(w: FactWriter, word: str) -> str | None:
    pattern, names = w.registry.country_words
    name, _ = _split_particle(word)
    m = pattern.fullmatch(word) or pattern.fullmatch(name)
    return names[m.group(0)] if m else None


def _subject(named: list[Named], text: str, doc: DocumentContext, carried: Party | None) -> Party | None:
    """The party the clause is about: named with a topic particle (``가나시는``), or the document's region when
    the clause says ``시는`` / ``군은`` (else the region last carried, if it is a 시 / 군)."""
    topic = [n for n in named if n.particle in _TOPIC]
    if topic:
        return topic[0].party
    lead = _HEADLINE_SUBJECT.match(text)
    if lead and lead.group("b") and (tagged := _after_tag(named, text[lead.end():], lead.group("b"))) is not None:
        return tagged[0]  # [가나도] 다라시, 미국 마바시와 …: the bracket is the section's tag, the place after it acts
    word = lead and (lead.group("w") or lead.group("b"))
    first = next((n for n in named if word and not n.particle and n.party.surface == word), None)
    others = [n for n in named if first is not None and n.party.entity != first.party.entity]
    paired = any(n.particle in _WITH for n in others)  # a partner with 와/과 (or, after a middle dot, one pair)
    if others and (lead.group("comma") or first.party.entity.country == "KR") and (
            not paired and not others[0].particle if lead.group("joiner") else paired):
        return first.party  # ▶ 가나시, 미국 다라시와 / [가나시] 다라시와 / 가나시·다라시 자매결연: its subject
    m = _SELF.search(text)
    return _self_party(m, doc, carried) if m is not None and m.group("particle") not in _WITH else None


def _after_tag(named: list[Named], rest: str, tag: str) -> tuple[Party | None] | None:
    """When a Korean region follows a bracketed tag (``[가나도] 다라시, …``, ``[가나도] 다라시 국제교류팀은 …``,
    ``[가나도] 다라시는 미국 마바시와 …``, ``[가나시] 다라군과 미국 마바시, …``), the subject the clause has instead
    of the tag: that region with no particle or with a topic / subject particle; the second of a pair it opens with
    와/과 and a place with no particle (that pair's, not the tag's), in a 1-tuple. ``None`` otherwise (the tag is
    then the subject as before)."""
    rest = rest.lstrip()
    first = next((i for i, n in enumerate(named) if rest.startswith(n.party.surface) and n.party.surface != tag), None)
    if first is None or named[first].party.entity.country != "KR":
        return None
    n = named[first]
    if not n.particle or n.particle in _SUBJECT_MARKS:
        return (n.party,)  # [가나도] 다라시는 미국 마바시와 …: the place after the tag acts, the tag is no party
    if n.particle in _WITH and first + 1 < len(named) and not named[first + 1].particle:
        return (named[first + 1].party,)
    return None  # [가나군] 다라군과 공동으로 …: the tag acts, with the place after it


def _self_party(m: re.Match[str], doc: DocumentContext, carried: Party | None) -> Party | None:
    """The region a self-reference (``시는``, ``도와``) means: the document's, else the one carried, of that level."""
    level = m.group("level")
    for party in (doc.subject, carried):
        if party is not None and _is_level(party.entity, level):
            return party
    return None


def _self_partner(text: str, a: int, doc: DocumentContext, carried: Party | None, subject: Party | None
                  ) -> list[Named]:
    """The document's own region as a partner when the clause says ``도와 가나성은``, ``시와 다라시는``."""
    for m in _SELF.finditer(text):
        party = _self_party(m, doc, carried) if m.group("particle") in _WITH else None
        if party is not None and subject is not None and party.entity != subject.entity:
            return [Named(party, a + m.start(), a + m.end(), m.group("particle"))]
    for m in _OWN_HEAD.finditer(text):  # 홍길동 지사와 다라 마바 가나현 지사가 …: the document's own head
        party = next((p for p in (doc.subject, carried) if p is not None and not _foreign(p) and _is_level(
            p.entity, _HEAD_LEVELS[m.group("title")])), None)
        if party is not None and subject is not None and _foreign(subject) and party.entity != subject.entity:
            return [Named(party, a + m.start("title"), a + m.end(), m.group("particle"))]
    return []


#: A name and a local head's title with 와/과 and no place (``홍길동 지사와``, ``김가나 시장과``): the head of the
#: region the document (or the text before) is about, of the title's level.
_OWN_HEAD = re.compile(r"(?:^|(?<=\s))[가-힣]{2,4}\s(?P<title>도지사|지사|시장|군수|구청장)(?P<particle>와|과)(?=\s)")
_HEAD_LEVELS = {"도지사": "도", "지사": "도", "시장": "시", "군수": "군", "구청장": "구"}


def _is_level(entity: Entity, level: str) -> bool:
    """Whether the region's name ends in ``level`` (시, 군, 도, 구), special forms included."""
    return entity.name_ko.endswith(level)


def _dated(partners: list[Named], dates: list[DateMention], offset: int, text: str = ""
           ) -> list[tuple[Named, DateMention | None]]:
    """Each partner with its date: the one right after it (in brackets, before the next partner) or, with one
    date per partner, in order; otherwise the date stated last before the partner (``가나시는 5월 24일
    다라시와``), else the clause's first. A partner's bracket with several dates, each with its own signing words
    (``다라시(2017년 MOU 체결 후 2021. 8. 11. 자매결연으로 격상)``), gives each of them; dates in another place's
    bracket are that place's, never a partner's."""
    if not dates:
        return [(p, None) for p in partners]
    out: list[tuple[Named, DateMention | None]] = []
    taken = _bracketed_dates(partners, dates, offset, text)
    for i, p in enumerate(partners):
        limit = partners[i + 1].start - offset if i + 1 < len(partners) else None
        end = p.end - offset
        inside = taken.get(id(p), [])
        signed = _own_signings(text[offset:], inside) if len(inside) > 1 and text else None
        if signed is not None:
            out.extend((p, d) for d, _ in signed)
            continue
        own = [d for d in dates if d.start >= end and (limit is None or d.start < limit) and d.start - end <= 12]
        out.append((p, own[0] if own else None))
    if len(partners) > 1 and all(d is not None for _, d in out):
        return out
    if len(dates) == len(partners) > 1 and not taken:
        return list(zip(partners, dates, strict=True))
    held = {id(d) for ds in taken.values() for d in ds}
    free = [d for d in dates if id(d) not in held]  # a date in one partner's bracket is no other's
    return [(p, d or next((x for x in reversed(free) if x.start < p.start - offset), free[0] if free else None))
            for p, d in out]
