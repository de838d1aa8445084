"""Relation words: which kind of agreement a text names, and whether it states a plan rather than a signing.

>>> relation_of("두 도시는 우호교류 협약을 체결했다")
'friendship'
>>> relation_of("자매도시"), relation_of("MOU 체결"), relation_of("교류의향서 체결"), relation_of("친선결연")
('sister', 'mou', 'letterOfIntent', 'goodwill')
>>> relation_of("Sister City"), relation_of("Letter of Intent"), relation_of("Friendship")
('sister', 'letterOfIntent', 'friendship')
>>> is_intent("자매결연을 추진 중이다"), is_intent("의향서를 전달했다"), is_intent("자매결연을 맺었다")
(True, True, False)
>>> is_intent("의향서를 교환하였다"), is_intent("의향서 교환을 목표로"), is_intent("협약을 체결하기로 했다")
(False, True, True)
>>> is_intent("의향서를 교환하기 위해 출국했다"), is_intent("의향서 교환을 제안했다"), is_intent("의향서만 발송된 상태")
(True, True, True)
>>> is_intent("교류의향서 2020. 6. 4. 전달"), is_intent("교류의향서에 서명하였다")
(True, False)
>>> states_signing_verb("우호교류 의향서를 교환했다"), states_signing_verb("교류의향서 교환(2016. 4. 7.)")
(True, True)
>>> is_intent("의향서를 맞교환하고 교류를 제안했다"), states_signing_verb("의향서를 맞교환했다")
(False, True)
>>> states_signing_verb("자매결연 협정서를 교환했다"), is_intent("협약서를 교환하기 위해 출국했다")
(True, True)
>>> states_signing_verb("2019년 자매도시가 된 가나시"), states_signing_verb("자매도시가 될 가나시")
(True, False)
>>> states_signing_verb("자매도시가 된 이후 2015년 교류를 시작했다"), states_signing_verb("자매도시가 된 후마성 가나시")
(False, True)
>>> states_signing_verb("우호협력 관계를 수립하였고"), states_signing_verb("우호협력 관계 수립을 위한 협의")
(True, False)
>>> is_intent("renewal planned for 2025"), is_intent("Under negotiation"), is_intent("Sister City")
(True, True, False)
>>> is_intent("2016년 자매도시로 격상하기로 합의"), is_intent("갱신 여부 검토"), is_intent("2016년 격상했다")
(True, False, False)
>>> is_intent("의향서를 교환하며 교류를 제안했다"), is_intent("의향서를 가나시에 전달했다")
(False, True)
"""

from __future__ import annotations

import re

#: Words naming an agreement type (``gy:<key>`` in the vocabulary), most specific first.
_RELATION_WORDS: tuple[tuple[str, str], ...] = (
    ("교류의향서", "letterOfIntent"), ("의향서", "letterOfIntent"),
    ("자매결연", "sister"), ("자매도시", "sister"), ("자매우호", "sister"), ("자매관계", "sister"),
    ("자매", "sister"),
    ("친선결연", "goodwill"), ("친선도시", "goodwill"), ("친선", "goodwill"),
    ("우호교류", "friendship"), ("우호도시", "friendship"), ("우호협력", "friendship"),
    ("우호협정", "friendship"), ("우호", "friendship"),
    ("양해각서", "mou"), ("MOU", "mou"), ("mou", "mou"),
    ("업무협약", "cooperationAgreement"), ("교류협약", "cooperationAgreement"),
    ("협력협약", "cooperationAgreement"), ("상생협약", "cooperationAgreement"),
    ("협약", "cooperationAgreement"), ("협정", "cooperationAgreement"),
    ("letterofintent", "letterOfIntent"), ("sister", "sister"), ("friendship", "friendship"),
    ("goodwill", "goodwill"), ("memorandum", "mou"), ("cooperation", "cooperationAgreement"),
)
#: The relation words, a letter of intent named with another relation's word first (``우호교류 의향서``, ``자매결연
#: 의향서``: a letter, not the relation it leads to) before them, so the nearest word to a date is the letter.
RELATION_WORDS: tuple[tuple[str, str], ...] = tuple(
    (word + "의향서", "letterOfIntent") for word, key in _RELATION_WORDS
    if key != "letterOfIntent" and re.fullmatch("[가-힣]+", word)) + _RELATION_WORDS
#: The type used when a signing is stated without a relation word.
DEFAULT_RELATION = "cooperationAgreement"

#: A letter of intent (의향서) or an agreement's signed copies (협정서, 협약서, 각서) exchanged or traded by both sides
#: (교환했다, 교환(2016. 4. 7.), 주고받았다): a signing — of type letterOfIntent for a letter, as one signed is
#: (decision 0081) — unless a plan word makes it an aim (:data:`LETTER_EXCHANGE_AIMED`).
LETTER_EXCHANGED = (r"(?:의향서|협정서|협약서|결연서|각서|MOU)\s*(?:를|을|도)?\s*(?:상호\s*|서로\s*|맞)?"
                    r"(?:교환|주고\s*받)")
#: A letter of intent only handed over, sent, submitted, proposed or received by one side (전달, 발송, 제출, 송부,
#: 제안, 접수, 수령; ``교류의향서만 전달된``, ``의향서를 가나시에 전달``): a step short of signing. The words
#: between are never the letter's own verb (``의향서를 교환하며 교류를 제안``, ``의향서를 맞교환하고 …를 제안``:
#: exchanged, then something else proposed).
LETTER_SENT = (r"의향서\s*(?:를|을|만|도|는)?\s*(?:(?![^\s.,]{0,2}(?:교환|서명|체결|주고))[^\s.,]{1,12}\s+"
               r"|\(?[\d.'\s년월일]+\)?\s*){0,2}?(?:전달|발송|제출|송부|제안|접수|수령)")
#: Plan words, one table for every reader, each with how it states a plan: ``after`` a thing planned (``갱신 검토``,
#: ``체결 협의``, a bracket's ``(2030년 재체결 논의)``; with ``중`` anywhere: ``협의 중``); ``pursued`` likewise, but
#: a heading's noun after a relation word (``자매결연 추진 경과``, ``교류 계획``) plans nothing, so only after a
#: verb's noun (``체결을 추진``, ``격상 계획``), in a bracket or with ``중``; ``alone`` anywhere (``예정``, ``미정``,
#: ``모색``); the ``ending`` of the verb of the thing aimed at (``체결하기로``, ``격상되어야``, ``서명할 계획``; of
#: the native 맺다: ``맺기로``, ``맺으려``, ``맺고자``, ``맺어야``, ``맺을 계획``); an
#: ``aim`` right after a signing named (``체결을 위한``, ``교환을 요청``). :func:`plan_words` gives an alternation.
PLAN_WORDS: tuple[tuple[str, str], ...] = (
    ("검토", "after"), ("협의", "after"), ("논의", "after"), ("제안", "after"), ("교섭", "after"), ("준비", "after"),
    ("추진", "pursued"), ("계획", "pursued"),
    ("예정", "alone"), ("미정", "alone"), ("모색", "alone"), ("타진", "alone"), ("물색", "alone"),
    ("하기로", "ending"), ("키로", "ending"), (r"할\s*계획", "ending"), ("하려", "ending"), ("하고자", "ending"),
    (r"(?:되어|돼|해|하여)야", "ending"), (r"(?:되|하)도록", "ending"),
    ("기로", "ending"), (r"을\s*계획", "ending"), ("으려", "ending"), ("고자", "ending"), ("어야", "ending"),
    ("도록", "ending"),
    ("위한", "aim"), ("위해", "aim"), ("위하여", "aim"), ("목표", "aim"), ("앞두고", "aim"), ("건의", "aim"),
    ("요청", "aim"), ("희망", "aim"), ("방안", "aim"), ("일정", "aim"),
)


def plan_words(*kinds: str) -> str:
    """An alternation (regex) of the :data:`PLAN_WORDS` of ``kinds``.

    >>> bool(re.fullmatch(plan_words("after", "alone"), "예정")), bool(re.fullmatch(plan_words("after"), "예정"))
    (True, False)
    """
    return "(?:" + "|".join(word for word, kind in PLAN_WORDS if kind in kinds) + ")"


#: An exchange aimed at, proposed, discussed or planned (교환하기 위해, 교환을 제안, 교환을 추진, 교환 협의, 교환하려):
#: a plan (교환할 예정 and 교환 계획 are plans through 예정 and 계획).
LETTER_EXCHANGE_AIMED = (LETTER_EXCHANGED + r"\s*(?:을|를|의|하기|키)?\s*(?:"
                         + plan_words("after", "pursued", "ending", "aim")
                         + r"|로\s*합의|을\s*계획)")
#: The nouns that make a signing verb with 하다/되다 (체결하다, 서명되다, 조인하다); 맺다 is the native one.
SIGNING_NOUNS = r"(?:체결|서명|조인)"
#: Done forms of a signing verb, one table for every reader, each with its kind: ``past`` (a clause's past:
#: ``체결했다``, ``서명하였고``, ``맺었다``), ``passive`` (``체결됐다``, ``체결되었으며``, ``맺어졌다``), ``told``
#: (a past told as a fact: ``체결한 바 있다``), ``relative`` (a done signing naming what it made: ``체결한 협약``,
#: ``체결된``, ``맺은``), ``joined`` (``맺고``) and ``noun`` (a signing named as done there and then, as a
#: schedule's entry or a caption states it: ``협약 체결``, ``협정서에 서명``, ``맺음``; not ``체결 이후``,
#: ``체결 당시``, the time after or of it).
#: :func:`signed_done` gives an alternation.
DONE_FORMS: tuple[tuple[str, str], ...] = (
    (SIGNING_NOUNS + r"\s*(?:했|하였)", "past"), ("맺었", "past"),
    (SIGNING_NOUNS + r"\s*(?:됐|되었)", "passive"), ("맺어졌", "passive"),
    (SIGNING_NOUNS + r"\s*한\s*바", "told"),
    (SIGNING_NOUNS + r"\s*(?:한|된)", "relative"), ("맺은", "relative"),
    ("맺고", "joined"),
    (SIGNING_NOUNS + r"(?!\s*(?:이후|이래|후|뒤|당시))", "noun"), ("맺음", "noun"),
)


def signed_done(*kinds: str) -> str:
    """An alternation (regex) of the :data:`DONE_FORMS` of ``kinds``.

    >>> done = re.compile(signed_done("past", "told"))
    >>> [bool(done.search(t)) for t in ("협약을 체결했다", "서명한 바 있다", "체결됐다", "맺은 협약", "체결 이후")]
    [True, True, False, False, False]
    >>> now = re.compile(signed_done("past", "noun"))
    >>> [bool(now.search(t)) for t in ("협약 체결", "협정서에 서명", "맺었다", "맺음", "체결 이후 교류", "맺은")]
    [True, True, True, True, False, False]
    """
    return "(?:" + "|".join(form for form, kind in DONE_FORMS if kind in kinds) + ")"


#: A signing verb in a past or done form (``체결했다``, ``서명하였고``, ``맺었다``, ``맺은``, ``맺어졌다``).
SIGNED_DONE = signed_done("past", "passive", "relative", "joined")
#: A relation to be raised, not yet so (``자매결연으로 격상하기로 합의``, ``승격을 추진``, ``격상 여부 검토``,
#: ``격상되어야 한다``): a plan; a raise proposed or discussed before a signing done
#: (``격상 제안을 받아들여 … 체결했다``, ``격상 논의 끝에 … 맺었다``) is the signing's history.
#: (Renewals aimed at are left out: a list entry's remark ``(5년마다 갱신 여부 검토)``
#: plans nothing about the signing it lists.)
RAISE_AIMED = (r"(?:격상|승격)\s*(?:(?:을|를)?\s*" + plan_words("after", "pursued", "alone")
               + r"(?![^.]*?" + SIGNED_DONE + r")|" + plan_words("ending") + r"|여부)")
#: The rest of a bracket after a date that ends on a plan word (``(2028년 협정 갱신 검토)``, ``(2030년 재체결 예정)``):
#: the date is a plan's. A word of who proposed or prepares it in another comma part (``(2015. 5. 7. 체결, 가나시 측
#: 제안)``, ``(2019. 11. 20., 가나시 제안)``) plans nothing; ``예정``/``미정`` anywhere, unless after a done ``체결,``.
BRACKET_PLAN = (r"(?:[^(),/]*?" + plan_words("after", "pursued", "alone")
                + r"|(?![^()]*?(?:체결|서명|조인)\s*[,/])[^()]*?" + plan_words("alone") + r")\s*(?:중\s*)?\)")
#: A signing with its aimed date in brackets before the plan word (``협약 체결(2025. 11.) 준비``, ``서명(2026년
#: 상반기) 협의 중``): a plan, unless a done signing follows; not a heading's ``체결(2015. 5. 7.) 추진 경과``.
SIGNING_AIMED_DATED = (SIGNING_NOUNS + r"\s*\([^()]{1,24}\)\s*(?:을|를)?\s*" + plan_words("after")
                       + r"(?!\s*(?:경과|결과|실적|현황))"  # 체결(2015. 5. 7.) 협의 경과: a heading of what was done
                       + r"(?!(?:[^.]|(?<=\d)\.)*?" + SIGNED_DONE + r")")  # (a date's full stops go on)
#: Phrases that state a plan, an intent or a step short of signing: never a ``gy:Agreement``.
INTENT_PATTERNS: tuple[str, ...] = (
    plan_words("after", "pursued") + r"\s*중", plan_words("alone"),
    r"추진\s*하고\s*있", r"추진\s*할", r"추진\s*계획", r"계획\s*이", r"계획\s*(?:하고|했|한다)",
    r"(?:체결|서명)\s*(?:을|를)?\s*" + plan_words("pursued"), r"추진\s*(?:하기로|키로)", r"추진\s*$",
    SIGNING_AIMED_DATED,
    r"\(\s*추진\s*\)",
    LETTER_SENT, LETTER_EXCHANGE_AIMED, r"목표로",
    r"(?:체결|교환|서명|조인|갱신|재체결|맺)\s*" + plan_words("ending"), r"협의\s*단계", RAISE_AIMED,
    r"(?i:\b(?:planned|to be signed|under (?:discussion|negotiation|review)|pending|proposed|in progress)\b)",
)
_INTENT = re.compile("|".join(INTENT_PATTERNS))
#: Words that state a signing happened.
SIGNING_PATTERNS: tuple[str, ...] = (r"체결", r"맺", r"조인", r"서명", r"재체결", r"갱신", LETTER_EXCHANGED)
_SIGNING = re.compile("|".join(SIGNING_PATTERNS))
#: Two places that became sister or friendship cities (``자매도시가 됐다``, ``우호도시가 된``, ``자매도시로 되었다``):
#: the tie was made, as 맺다 says (``될`` is still ahead).
BECAME_PARTNERS = (r"(?:자매|우호|친선)\s?(?:도시|지역|관계)\s*(?:가|이|로)\s*"
                   r"(?:된(?!\s*(?:지|이후|뒤|후|다음|以來)(?![가-힣]))|되었|됐|되어)")
#: A relation established (``우호협력 관계를 수립하였다``), not one aimed at (``관계 수립을 위한``, ``수립 추진``,
#: ``수립하기로 합의``, ``수립해 나가기로``).
RELATION_ESTABLISHED = (r"관계\s*(?:를|을)?\s*수립(?!\s*(?:을|를|의)?\s*(?:" + plan_words("after", "pursued", "aim")
                        + r")|" + plan_words("ending") + r"|(?:해|하여)\s*나가|할\s*(?:것|예정))")
#: Verbs (not nouns such as 결연, 협정) that state in running text that a signing took place.
SIGNING_VERBS: tuple[str, ...] = (r"체결", r"맺", r"조인", r"서명", LETTER_EXCHANGED, BECAME_PARTNERS,
                                  RELATION_ESTABLISHED)
_SIGNING_VERB = re.compile("|".join(SIGNING_VERBS))
#: Words of a row that only repeats an earlier signing (a renewal).
RENEWAL_WORDS: tuple[str, ...] = ("재체결", "갱신", "재협약", "연장", "재서명", "renewed", "renewal", "re-signed")


#: Words that end, hand on or rename a relation, or change a party's status, each with its kind (regex fragments):
#: ``ended`` (the relation stopped: 만료, 종료, 해지, 교류 정지 …), ``handed on`` (승계: another party took it
#: over), ``renamed`` (a party renamed or merged: 명칭 변경, 통합, 합병, 출범 …) and ``status`` (a party's rank or
#: area changed: 승격, 편입, 개편). One table for every reader: a card's or entry's clause that ends a relation
#: (:mod:`graph.readers.lists`), a remark's renaming date and a term's end before a date
#: (:mod:`graph.readers.table_dates`), a date a relation ended on in running text (:mod:`graph.readers.sentences`).
END_WORDS: tuple[tuple[str, str], ...] = (
    ("만료", "ended"), ("종료", "ended"), ("해지", "ended"), ("중단", "ended"), ("중지", "ended"), ("정지", "ended"),
    ("단절", "ended"), ("폐기", "ended"), ("폐지", "ended"),
    (r"효력을\s*잃", "ended"), (r"효력\s*상실", "ended"),
    ("승계", "handed on"),
    ("통합", "renamed"), ("합병", "renamed"), ("출범", "renamed"), (r"명칭\s*변경", "renamed"), ("개칭", "renamed"),
    ("바뀌", "renamed"), ("바꾸", "renamed"),
    ("편입", "status"), ("승격", "status"), ("개편", "status"),
)


def end_words(*kinds: str) -> str:
    """An alternation (regex) of the :data:`END_WORDS` of ``kinds``.

    >>> end_words("handed on"), bool(re.search(end_words("ended"), "협약 기간 만료로"))
    ('(?:승계)', True)
    """
    return "(?:" + "|".join(word for word, kind in END_WORDS if kind in kinds) + ")"


#: What may follow a date that is not a signing date: an anniversary, a start or end of a period.
NOT_SIGNING_AFTER_DATE = re.compile(r"^\s*(?:부터|까지|이후|이전|이래|경|무렵|당시)|^[^\d.,;]{0,12}?\d+\s*주년")


def is_signing_date_context(after: str) -> bool:
    """False when the text right after a date makes it something else than a signing date.

    >>> is_signing_date_context("부터 공무원 파견"), is_signing_date_context(" 자매결연 20주년을 맞아")
    (False, False)
    >>> is_signing_date_context(" 자매결연 체결")
    True
    """
    return not NOT_SIGNING_AFTER_DATE.search(after)


def relation_of(text: str) -> str | None:
    """The agreement type a text names (a key of :data:`RELATION_WORDS`), or ``None``."""
    compact = re.sub(r"\s+", "", text)
    lower = compact.lower()
    return next((key for word, key in RELATION_WORDS if word in (lower if word.islower() else compact)), None)


#: Words after a signing's or a renewal's noun that say it was not made (``없음``, ``안 됨``, ``하지 않았음``, ``하지
#: 못했다``, ``은 하지 않았다``, ``에 이르지 못했다``, ``이 무산됐다``, ``불가``): one table for both denials.
_NOT_MADE = (r"(?:(?:은|는|이|가|을|를|도)\s*)?(?:없|안\s*(?:함|됨|됐|되|했|하|한|된)|않|못|불가|무산|결렬"
             r"|(?:하|되)지\s*(?:는|도|를)?\s*(?:않|못)|에\s*(?:이르|성공하)지\s*못)")
#: A signing stated as not made: ``체결 없음``, ``체결하지 않았음``, ``체결하지 못했다``, ``서명은 하지 않았다``,
#: ``체결에 이르지 못했다``, ``체결이 무산됐다``, ``미체결``, ``맺지 못했다``, ``맺어지지 않았다``, ``못 맺었다``
#: (a question-and-answer sheet's answer, a remark, a sentence's clause alike).
_NEGATED_SIGNING = re.compile(SIGNING_NOUNS + r"\s*" + _NOT_MADE + r"|협약\s*(?:하|되)지\s*(?:않|못)|미\s*체결"
                              r"|맺(?:지|어지지)\s*(?:는|도)?\s*(?:않|못)|못\s*맺")


def negates_signing(text: str) -> bool:
    """True when ``text`` says a signing was not made, and no other signing done is left once the denial is taken out
    (``의향서 교환(2016. 4. 7.) 이후 정식 협정 미체결``: the letter was exchanged; ``2019년 체결하지 못했던 협약을
    2020년 체결했다``: signed at last; ``체결을 추진했으나 미체결``: only a plan left, so denied).

    >>> negates_signing("교류 방안 협의(체결 없음)"), negates_signing("체결하지 않았음"), negates_signing("체결")
    (True, True, False)
    >>> negates_signing("협약은 체결하지 못했다"), negates_signing("맺지는 않았다"), negates_signing("체결이 무산됐다")
    (True, True, True)
    >>> negates_signing("2019년 체결하지 못했던 협약을 2020년 체결했다"), negates_signing("의결을 거치지 않았음")
    (False, False)
    >>> negates_signing("의향서 교환(2016. 4. 7.) 이후 정식 협정 미체결"), negates_signing("체결을 추진했으나 미체결")
    (False, True)
    """
    rest = _NEGATED_SIGNING.sub(" ", text)
    return rest != text and not (states_signing_verb(rest) and not is_intent(rest))


#: A signing that names only the time of another event, ahead or recalled (``협약을 맺을 때의 이야기를 꺼냈다``,
#: ``협정을 체결할 때마다``, ``서명할 무렵``): no signing stated.
_SIGNING_AS_TIME = re.compile(r"(?:" + SIGNING_NOUNS + r"\s*(?:할|될)|맺을|맺어질)\s*(?:때|무렵|즈음)")


#: A date right before a denied signing (``2019년 체결하지 못했던 협약을 2020년 체결했다``): no signing date.
_DENIED_AFTER = re.compile(r"\s*(?:[^\s\d.,]+\s+){0,3}?(?:" + _NEGATED_SIGNING.pattern + ")")


def denied_after(after: str) -> bool:
    """True when the words right after a date deny a signing: the date is the denial's, no signing's.

    >>> denied_after(" 체결하지 못했던 가나시와의 협약을"), denied_after(" 가나시와 협약을 맺지 못했다")
    (True, True)
    >>> denied_after(" 3월 마침내 체결했다"), denied_after(" 협약을 체결한 뒤 교류를 이어 와 갱신하지 않았다")
    (False, False)
    """
    return bool(_DENIED_AFTER.match(after))


def states_no_signing(text: str) -> bool:
    """True when a clause's signing words sign nothing: the signing is denied (:func:`negates_signing`) or names
    only the time of another event (:data:`_SIGNING_AS_TIME`), no other signing verb left.

    >>> states_no_signing("가나시와 다라시가 협약을 맺을 때의 이야기를 꺼냈고"), states_no_signing("협약을 맺었다")
    (True, False)
    >>> states_no_signing("협약을 맺을 때 약속한 대로 2020년 자매결연 협정을 체결했다")
    False
    """
    if negates_signing(text):
        return True
    rest = _SIGNING_AS_TIME.sub(" ", text)
    return rest != text and not states_signing_verb(rest)


#: A renewal stated as not made (재체결 안 함, 갱신하지 않음, 연장 없음).
_NEGATED_RENEWAL = re.compile(r"(?:재체결|재협약|갱신|연장|재서명)\s*" + _NOT_MADE + r"|미\s*(?:갱신|연장)")


def negates_renewal(text: str) -> bool:
    """True when ``text`` says a renewal was not made: its renewal word signs nothing.

    >>> negates_renewal("만료(2020. 8. 26.) 재체결 안 함"), negates_renewal("기간 만료 후 재체결하지 않음")
    (True, True)
    >>> negates_renewal("2019. 4. 20. 재체결"), negates_renewal("갱신 협의 중")
    (False, False)
    """
    return bool(_NEGATED_RENEWAL.search(text))


def is_intent(text: str) -> bool:
    """True when ``text`` states a plan or intent (추진 중, 계획, 예정, 의향서 전달 …) rather than a signing."""
    return bool(_INTENT.search(text))


def states_signing(text: str) -> bool:
    """True when ``text`` has a signing word (체결, 맺다, 결연 …)."""
    return bool(_SIGNING.search(text))


#: A signing verb in a finished form: the text says a signing took place (체결했다, 맺었다, 서명하였다).
FINISHED_SIGNING = re.compile(signed_done("past", "passive") + "|" + LETTER_EXCHANGED
                              + r"\s*(?:했|하였|됐|되었|았|었)")


def finished_signing(text: str) -> bool:
    """True when ``text`` says in a finished form that a signing took place.

    >>> finished_signing("협약을 체결하였다"), finished_signing("협약 체결: 2025. 9.")
    (True, False)
    """
    return bool(FINISHED_SIGNING.search(text))


def states_signing_verb(text: str) -> bool:
    """True when a sentence has a signing verb (체결, 맺다, 조인, 서명); 자매결연 alone names a relation.

    >>> states_signing_verb("자매결연을 맺었다"), states_signing_verb("자매결연을 적극 지지한다")
    (True, False)
    """
    return bool(_SIGNING_VERB.search(text))


def is_renewal(text: str) -> bool:
    """True when ``text`` names a renewal (재체결, 갱신 …).

    >>> is_renewal("재체결"), is_renewal("체결"), is_renewal("Renewed 2018")
    (True, False, True)
    """
    compact = re.sub(r"\s+", "", text).lower()
    return any(word in compact for word in RENEWAL_WORDS)
