"""Agreements stated in English sentences (a city's English page, a press release in English).

The shapes read (names invented): ``Gana City signed a sister-city agreement with Dara, Japan on May 3, 1998``,
``… and with Mara, China in 2001``, ``The two cities first signed a friendship agreement in 1983`` (the pair of
the sentence before), and plans (``plans to sign``, ``will sign``, ``is expected to sign``: a
``gy:AgreementIntent``). A party is a registry region by its English name or alias, else a foreign place minted in
the country named after it (``Dara, Japan``); a name without a country is left.
"""

from __future__ import annotations

import datetime
import re

from graph.dates import MONTHS, DateMention, StatedDate, find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import TITLE_LINES, dateline, lead_region
from graph.readers.english_names import (
    BODY,
    LATIN_LETTER,
    LATIN_UPPER,
    english_region,
    english_relation,
    names_relation,
)
from graph.readers.entities import Party, latin_country_name
from graph.readers.relations import DEFAULT_RELATION
from graph.registry import Entity

#: A capitalised name of up to four words; Latin letters beyond ASCII too (``Gdańsk``, ``Łódź``), a particle
#: between two of them (``Rio de Janeiro``, ``São José dos Campos``, ``Frankfurt am Main``).
_PARTICLE = r"(?:de|do|dos|da|das|del|della|di|du|la|le|les|am|im|an|der|den|sur|van|von)"
_NAME = rf"{LATIN_UPPER}(?:{LATIN_LETTER}|['.-])+(?:(?: {_PARTICLE})? {LATIN_UPPER}(?:{LATIN_LETTER}|['.-])+){{0,3}}"
#: ``… signed a sister-city agreement with`` (or a plan to sign one): the relation words between.
_SIGNED = re.compile(r"(?P<plan>plans? to|will|is expected to|aims? to|intends? to|is to|agreed to)?\s*"
                     r"(?:\b(?:also|first|officially|formally)\s+)*\b(?:sign|renew|conclude|exchange(?=d?\s+(?:an?\s+"
                     r"|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:letters? of intent|memorand|MOU)))(?:ed|d|s)?\s+"
                     r"(?:an?\s+|the\s+|its\s+|their\s+)?(?P<rel>[\w -]{0,40}?)\s*"
                     r"(?:agreement|memorandum of understanding|MOU|accord|pact|letters? of intent)s?\b",
                     re.IGNORECASE)
#: ``The two cities first became sister cities in 1996``: a relation that began on a date.
_BECAME = re.compile(r"\b(?:became|have been|has been)\s+(?P<rel>sister|friendship|friendly)[\w -]{0,10}?\s+"
                     r"(?:cities|regions|provinces|partners)\b", re.IGNORECASE)
#: ``with Dara, Japan`` — a partner and perhaps its country.
_OF = r"(?:(?:City|Province|County|Prefecture|State|Region|District) of )?"
_WITH = re.compile(rf"\bwith (?:the )?{_OF}(?P<name>{_NAME})(?P<country>(?:,\s*{_NAME}){{0,3}})")
#: ``… (1998) and Mara, China``: a further partner after a ``with`` partner and its bracketed date.
_AND = re.compile(rf"\s*(?:\([^()]*\d[^()]*\))?,?\s+(?:and|as well as)\s+(?!with\b)(?:the )?{_OF}(?P<name>{_NAME})"
                  rf"(?P<country>(?:,\s*{_NAME}){{1,3}})")
#: ``Gana and the City of Dara, Japan signed …``, ``Gana and Dara have been sister cities``: both parties first.
_PAIR = re.compile(rf"(?:^|,\s*)(?P<a>{_NAME}|[Tt]he\s+(?:city|county|province|district)) and (?:the )?{_OF}"
                   rf"(?P<name>{_NAME})(?P<country>(?:,\s*{_NAME}){{0,3}}),?"
                   r"\s+(?:have|has|had|became|were|signed|renewed|concluded|first|also|officially|formally|will)\b")
_SUBJECT = re.compile(rf"^\s*(?:On [^,]+?(?:,\s*(?:19|20)\d\d)?,?\s+"
                      rf"|In (?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d,?\s+)?"
                      rf"(?P<name>{_NAME})(?:,\s+(?:one of|a|an|the)\s[^,]{{2,60}},)?"  # Gana-gu, one of …, signed
                      r"\s+(?:has\s+|had\s+|also\s+|first\s+)*"
                      r"(?:signed|plans|will|is|aims|intends|signs|renewed|renews|concluded)\b")
#: ``Gana has been a sister city of Dara, Japan since 1994``, ``Gana, a sister region of Dara since 1994``: a
#: relation stated with the year it began.
_SINCE = re.compile(rf"(?:\b(?:has|have) been|\b(?:has|have) (?:maintained|had)|\bis|\bwas|\bbecame|,)\s+(?:an?\s+)?"
                    rf"(?P<rel>sister|friendship|friendly)[\w -]{{0,15}}?\s+"
                    rf"(?:city|region|province|state|county|prefecture|partner|relationship|partnership)\s+(?:of|with)\s+"
                    rf"(?:the\s+)?(?P<name>{_NAME})(?:,\s*(?P<country>{_NAME}))?\s+since\s+(?P<year>(?:19|20)\d{{2}})\b"
                    r"(?![./-]\d)")
#: ``Sister Cities: Gana, Japan (1995); Dara, Nagano, Japan (May 3, 2001)``: a label, then partners with dates.
_INLINE = re.compile(r"^\s*(?P<label>(?:Sister|Friendship|Friendly|Twin|Partner)[\w &-]{0,30}?"
                     r"(?:Cities|Cities and Regions|Regions|Provinces|States|Towns|Partners))\s*[:：]\s*(?P<items>.+)$")
_INLINE_ITEM = re.compile(rf"^(?:the )?{_OF}(?P<name>{_NAME})(?P<country>(?:,\s*{_NAME}){{0,3}})\s*\((?P<when>[^)]*)\)")
#: ``Gana's other partners include Dara (USA, sister city since 1997), Mara, Germany (sister city, 5 May 2015) and
#: Sara, China, with which an MOU was signed in May 2017``: a region's partners listed in a sentence, each with its
#: relation and date in brackets or in a ``with which`` clause.
_INCLUDE = re.compile(rf"^\s*(?P<a>{_NAME})(?:'s\s+(?:[a-z]+\s+){{0,3}}?(?P<rel>partners|partner cities|sister cities|"
                      r"friendship cities|partner regions|sister regions)\s+(?:include|includes|are)"
                      r"|\s+(?:already\s+|also\s+)?(?:has|have|maintains)\s+(?P<ties>sister[- ]city|friendship|"
                      r"sister|friendly|partner)\s+(?:city\s+)?(?:ties|relations|relationships)\s+with)\s+")
_INCLUDE_ITEM = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)?(?:the )?{_OF}(?P<name>{_NAME})"
                           rf"(?P<country>(?:,\s*{_NAME}){{0,3}}?)\s*(?:\((?P<inner>[^()]*)\)"
                           r"|,\s+with\s+which\s+(?P<rest>[^.;]*))")
_SINCE_SUBJECT = re.compile(rf"^\s*(?P<name>{_NAME})(?=,|\s+(?:has|have|is|was|became)\b)")
#: A wire dateline opening an English release (``SEOUL, Republic of Korea - ``, ``GANA (Yonhap) -- ``, ``GANA, 12
#: September 2025 — ``).
_NEWS_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Za-z0-9 .]{2,30}?)?(?:\s*\([^()]{1,20}\))?"
                            r"\s+[-–—]{1,2}\s+")  # (``GANA, May 20 (Yonhap) -- ``)
#: Who signs when no place name is the subject: a pronoun, the (Gana) city government, (Gana) Mayor X (of Gana),
#: after an opening phrase (``Earlier this year,``, ``On 3 May 2024,``).
_TITLE = r"(?:Mayor|Governor|County Executive|(?:Vice|Deputy) (?:Mayor|Governor)|Acting Mayor)"
_PERSON = r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}"
_ACTOR = re.compile(rf"(?:(?:[A-Z][\w ]{{2,40}}?|On [^,]+|In [^,]+),\s+)?"
                    rf"(?:(?:[Ii]t|[Hh]e|[Ss]he|[Tt]hey)|(?!{_TITLE}\b)(?P<place3>{_NAME})|[Tt]he\s+(?:city|county|province)"
                    rf"|(?:[Tt]he\s+)?(?P<place>{_NAME}\s+)??(?:city|county|provincial|metropolitan|district)?\s*"
                    rf"(?:government|city hall|administration|office)"
                    rf"|(?:(?P<place2>{_NAME})\s+)?{_TITLE}\s+{_PERSON}(?:\s+of\s+(?:the\s+)?(?P<of>{_NAME}))?)"
                    r"(?:,\s+(?:meanwhile|also|however|too|in turn|in addition|separately|for its part),)?"
                    r"(?:\s+(?:has|had|also|first|officially|formally|then))*")
#: ``… and Mayor Y of Dara, Japan`` before the signing verb: the other signer and the place of their post.
_SIGNERS = re.compile(rf"\band\s+(?:the\s+)?{_TITLE}\s+{_PERSON}\s+of\s+(?:the\s+)?{_OF}(?P<name>{_NAME})"
                      rf"(?P<country>(?:,\s*{_NAME}){{0,3}}),?\s*(?:has\s+|have\s+|also\s+|jointly\s+)*$")
#: ``Gana, a port city in southern Japan,`` and ``Gana in Japan``: a place and the country it is in.
_IN_COUNTRY = re.compile(rf"(?P<name>{_NAME})(?:,\s+an?\s+(?:[\w-]+\s+){{0,3}}?(?:city|town|county|province|region|"
                         rf"state|prefecture|municipality|district)\s+in\s+(?:the\s+)?(?:[a-z][\w-]+\s+){{0,2}}?"
                         rf"(?P<c1>{_NAME}),|\s+in\s+(?P<c2>{_NAME})\b)")
#: ``the Japanese city of Gana``, ``the Chinese province of Dara``: a place after its kind and its country's adjective.
_KIND_OF = re.compile(rf"\b(?:the\s+)?(?P<adj>[A-Z][a-z]+)\s+(?:city|town|village|county|prefecture|province|state|"
                      rf"region|district)\s+of\s+(?:the\s+)?(?P<name>{_NAME})")
#: Endings of a country's adjective and what its name ends in instead (``Japanese`` → Japan, ``Mongolian`` →
#: Mongolia, ``Italian`` → Italy, ``German`` → Germany, ``Chinese`` → China).
_ADJECTIVE_ENDINGS = (("ese", ("", "a")), ("ian", ("ia", "y", "a")), ("an", ("any", "a", "")), ("ish", ("", "y")))


def adjective_country(w: FactWriter, adjective: str) -> str | None:
    """The one country whose English name a country's adjective is made from (``Japanese``, ``Mongolian``).

    >>> from graph.registry import Registry
    >>> w = FactWriter.__new__(FactWriter); w.registry = Registry.default()
    >>> [adjective_country(w, a) for a in ("Japanese", "Chinese", "Mongolian", "Vietnamese", "German", "Northern")]
    ['JP', 'CN', 'MN', 'VN', 'DE', None]
    """
    word = adjective.lower()
    found = {c for ending, names in _ADJECTIVE_ENDINGS if word.endswith(ending) for tail in names
             if (c := latin_country_name(w.registry, word[:len(word) - len(ending)] + tail))}
    return found.pop() if len(found) == 1 else None


def _kind_of(w: FactWriter, m: re.Match[str]) -> str:
    """``the Japanese city of Gana`` → ``Gana, Japan`` when the adjective names a country; else as written. A full
    stop ending the sentence stays after the country (``the Japanese city of Gana.`` → ``Gana, Japan.``); an
    initial's (``St.``) stays in the name."""
    country = adjective_country(w, m.group("adj"))
    entity = w.registry.entities.get(country) if country else None
    if entity is None or not entity.name_en:
        return m.group(0)
    name, end = m.group("name"), ""
    if name.endswith(".") and not re.search(r"(?:^|\s)(?:[A-Z]|St|Mt|Ft)\.$", name):
        name, end = name[:-1], "."
    return f"{name}, {entity.name_en}{end}"


#: An aside in brackets without a date (``Gana City (Gana Province) and …``): left out so the pair reads as one.
_ASIDE = re.compile(r"\s*\((?![^()]*\d)[^()]*\)")
#: ``Gana's first sister city is Dara, Shanxi Province, China``: a pair named without a signing.
_IS_PARTNER = re.compile(rf"(?P<a>{_NAME})'s\s+(?:first|oldest|newest|latest|\w+)?\s*(?:sister|friendship|friendly)"
                         rf"[\w -]{{0,10}}?\s+(?:city|region|province|state|partner)\s+(?:is|was)\s+(?:the\s+)?{_OF}"
                         rf"(?P<name>{_NAME})(?P<country>(?:,\s*{_NAME}){{0,3}})")
#: ``a Memorandum of Understanding … that the two cities signed in 2023``: a signing of the pair before, its paper
#: named first.
_SIGNED_THAT = re.compile(r"(?P<rel>memorandum of understanding|MOU|letter of intent|(?:[\w-]+\s+){0,3}?agreement)"
                          r"\b(?:(?!memorandum|MOU|agreement|letter of intent)[^.;]){0,80}?\b(?:that|which)\s+"
                          r"(?:the\s+two\s+(?:cities|regions|sides)|both\s+cities|the\s+cities|they)\s+(?:had\s+)?signed\b",
                          re.IGNORECASE)
#: ``an economic cooperation MOU was signed with the Province of Dara, Viet Nam, on 3 April 2024``: a passive signing
#: of the document's own region; ``The 2014 MOU with Dara (China) … expired``: a paper dated by its year.
_SIGNED_WITH = re.compile(r"(?P<rel>[\w -]{0,40}?)\b(?:agreement|memorandum of understanding|MOU|accord"
                          r"|letter of intent)s?\s+(?:was|were|has been|had been)\s+(?:signed|concluded)\s+(?=with\b)",
                          re.IGNORECASE)
#: ``The agreement with Dara, Viet Nam was signed on 21 November 2019``: the paper and its partner, then the
#: passive signing (of the document's own region).
_PAPER_WITH = re.compile(rf"(?P<rel>[\w -]{{0,30}}?)\b(?:agreement|memorandum of understanding|MOU|accord|letter of "
                         rf"intent)\s+with\s+(?:the\s+)?{_OF}(?P<name>{_NAME})(?P<country>(?:,\s*{_NAME}){{0,3}})"
                         r"(?:,?\s+(?:was|were|had been|has been)\s+|,\s+(?:(?:which|that)\s+was\s+)?)"
                         r"(?:signed|concluded)\b")
_YEAR_PAPER = re.compile(r"\b(?:The|the|a|an|its)\s+(?P<year>(?:19|20)\d\d)\s+(?P<rel>[\w -]{0,30}?)\b(?:agreement|MOU"
                         r"|memorandum of understanding|accord)\s+(?=with\b)")
#: ``Exchanges with Dara (USA) ended in 2015; the sister city agreement of 1994 …``: a paper dated by ``of``, with
#: the partner ``with`` names in the same sentence (the document's own region the other party).
_PAPER_OF = re.compile(r"(?P<rel>\b[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:agreement|memorandum of understanding|MOU|accord)"
                       r"\s+(?:of|dated)\s+(?=(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\b)")
_UPGRADED = re.compile(r"^[\s,;]*(?:and|before|then)?\s*(?:was\s+|were\s+|it\s+was\s+)?(?:upgraded|elevated|raised|"
                       r"renewed)\b", re.IGNORECASE)
_PLAN = re.compile(r"\b(?:will|plans?|planned|expected|to be signed|under discussion|proposed)\b", re.IGNORECASE)
#: ``Dara State, which has been a sister state of …``: the name a relative clause is about.
_WHICH = re.compile(rf"(?P<name>{_NAME}),?\s+(?:which|that)\s+$")
#: ``The city signed …``, ``In April 2024, the city signed …``: the document's own region.
_SELF = re.compile(r"\s*(?:(?:In|On|Earlier|Later|Also|Meanwhile)\b[^,]{0,40}?,?\s+)?"
                   r"The\s+(?:city|county|province|district)\b",
                   re.IGNORECASE)
_YEAR = re.compile(r"(?:\b(?:[Ii]n|[Ss]ince|of|and)\s+|(?<=\()(?=\d{4}\)))((?:19|20)\d{2})\b(?![./-]\d)")
#: ``on September 2`` without a year: the year of the document's own date.
_MONTH_DAY = re.compile(r"\b(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)")
#: A day before its month, without the year (``on Wednesday (10 September)``).
_DAY_MONTH = re.compile(r"(?<![\d.])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[A-Z][a-z]{2,8})\b"
                        r"(?!\.?\s*,?\s*(?:19|20)\d\d)")
#: ``the 5th of March 2019``, ``5-Mar-2019``: a day, its month and year; ``in early 2019``, ``spring 2019``: a year.
_DAY_OF = re.compile(r"\b(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of\s+|-)(?P<mon>[A-Z][a-z]{2,8}\.?)(?:,?\s+|-)"
                     r"(?P<y>(?:19|20)\d\d)\b")
_SEASON = re.compile(r"\b(?:early|mid|late|spring|summer|autumn|fall|winter)(?:\s+of)?[\s-]+(?P<mon>)"
                     r"(?P<y>(?:19|20)\d\d)\b(?![./-]\d)", re.IGNORECASE)
_BOTH = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:cities|regions|provinces|sides|parties)\b", re.IGNORECASE)
_ABBREVIATIONS = frozenset([*MONTHS, "st", "mr", "mrs", "ms", "dr", "no", "vs", "etc", "gov", "u.s", "e.g", "i.e",
                            "co", "inc", "jr", "sr", "mt", "ft"])


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Agreement and intent candidates of every English sentence outside ``skip`` (a sentence may run over lines)."""
    out: list[AgreementCandidate] = []
    pair: tuple[Party, Party] | None = None
    own = lead_region(w, TITLE_LINES)
    found_date = dateline(w.doc)
    year = found_date[1].year if found_date else None
    same_day: StatedDate | None = None  # the day of the last signing read to the day (On the same day, …)
    for text, lines in english_sentences(w.doc.lines, skip):
        listed = _INLINE.match(text)
        if listed and own is not None:
            out.extend(_read_inline(w, listed, lines, own))
            continue
        text = text.replace("’", "'")  # Vietnam’s: the typographic apostrophe is the possessive's too
        text = _without_full_stop(text)  # … with Japan's Gana City.: the stop is no part of the name
        text = _ASIDE.sub(lambda m: _aside(w, m), _NEWS_DATELINE.sub("", text))  # SEOUL - Gana City (Gana Province)
        text = _IN_COUNTRY.sub(lambda m: _in_country(w, m), text)  # Gana, a city in western Japan, → Gana, Japan,
        text = _KIND_OF.sub(lambda m: _kind_of(w, m), text)  # the Japanese city of Gana → Gana, Japan
        named = _IS_PARTNER.search(text)
        if named is not None:  # Gana's first sister city is Dara, China: the pair the next sentences speak of
            subject = english_region(w, named.group("a"), None)
            partner = english_region(w, named.group("name"), named.group("country"))
            pair = (subject, partner) if subject is not None and partner is not None else pair
        included = _INCLUDE.match(text)
        if included is not None and own is not None:
            out.extend(_read_included(w, text, included, lines, own, year))
            continue
        if not re.search(r"\bsign|\bsince\b|\brenew|\bconclude|\bbecame\b|\bexchanged?\b", text, re.IGNORECASE):
            continue
        found, pair = _read_sentence(w, text, lines, pair, own, year,
                                     found_date[1] if found_date and found_date[1].precision == "day" else None,
                                     same_day)
        out.extend(found)
        days = [c.date for c in found if not c.intent and c.date is not None and c.date.precision == "day"]
        same_day = days[0] if days else same_day
    return out


def _without_full_stop(text: str) -> str:
    """``text`` without the full stop ending it, unless that stop ends an abbreviation (``St.``, ``Co.``).

    >>> _without_full_stop("signed with Japan's Gana City."), _without_full_stop("in Gana St.")
    ("signed with Japan's Gana City", 'in Gana St.')
    """
    m = re.search(r"([A-Za-z.]+)\.\s*$", text)
    return text if m is None or m.group(1).lower() in _ABBREVIATIONS else text[:m.end(1)]


def _in_country(w: FactWriter, m: re.Match[str]) -> str:
    """``Gana, a port city in southern Japan,`` / ``Gana in Japan``: the name and its country after a comma, when the
    words name a country; else the words as written."""
    country = m.group("c1") or m.group("c2")
    return f"{m.group('name')}, {country}" + ("," if m.group(0).endswith(",") else "") if \
        latin_country_name(w.registry, country) else m.group(0)


def _aside(w: FactWriter, m: re.Match[str]) -> str:
    """A bracketed aside left out, or a bracketed country or foreign region kept as one named after a comma (``Dara
    (China)``, ``Dara (California)``)."""
    inner = m.group(0).strip()[1:-1].strip()
    return f", {inner}" if any(e.kind == "country" or e.kind == "region" and e.country not in ("", "KR")
                               for e in w.registry.candidates(inner)) else ""


def _read_inline(w: FactWriter, listed: re.Match[str], lines: tuple[int, int], own: Entity
                 ) -> list[AgreementCandidate]:
    """``Sister Cities: Gana, Japan (1995); Dara, China (2001)``: the document's own region and each partner, in the
    relation of the label, on the date in its brackets."""
    relation = english_relation(listed.group("label"))
    subject = Party(own.name_en or own.name_ko, own)
    out = []
    for item in re.split(r"\s*;\s*", listed.group("items")):
        m = _INLINE_ITEM.match(item.strip())
        dates = find_dates(m.group("when"), bare_years=True) if m else []
        partner = english_region(w, m.group("name"), m.group("country")) if m and dates else None
        if partner is not None and partner.entity.id != own.id:
            out.append(_candidate((subject, partner), dates[0].value, relation, lines, False, item.strip()))
    return out


def _read_included(w: FactWriter, text: str, included: re.Match[str], lines: tuple[int, int], own: Entity,
                   year: int | None) -> list[AgreementCandidate]:
    """``Gana's partners include Dara (USA, sister city since 1997) and Mara, China, with which an MOU was signed
    in May 2017``: the subject (the document's own region when it is no other) and each partner whose brackets or
    ``with which`` clause give a date, in the relation they name (a plan gives none)."""
    subject = english_region(w, included.group("a"), None, within=own) or Party(own.name_en or own.name_ko, own)
    out = []
    at = included.end()
    while (m := _INCLUDE_ITEM.match(text, at)) is not None:
        at = m.end()
        words = m.group("inner") if m.group("inner") is not None else m.group("rest")
        parts = [part.strip() for part in words.split(",")]
        country = m.group("country") or (f", {parts[0]}" if latin_country_name(w.registry, parts[0]) else "")
        partner = english_region(w, m.group("name"), country)
        dates = english_dates(words, year, bare_years=True)
        if partner is None or not dates or partner.entity.id == subject.entity.id or _PLAN.search(words):
            continue
        label = included.group("rel") or included.group("ties") or ""
        relation = english_relation(words) if names_relation(words) else english_relation(label) if names_relation(
            label) else DEFAULT_RELATION
        out.append(_candidate((subject, partner), dates[0].value, relation, lines, False, text))
    return out


def _is_english(line: str) -> bool:
    letters = re.findall(r"[^\W\d_]", line)
    return bool(letters) and sum(1 for c in letters if c.isascii()) >= 0.8 * len(letters)


def english_sentences(lines: tuple[str, ...] | list[str], skip: frozenset[int] = frozenset()
                      ) -> list[tuple[str, tuple[int, int]]]:
    """The English sentences of ``lines`` with their first and last line: a paragraph of English lines (no list item
    or table row) is joined before it is cut into sentences, so a sentence wrapped over two lines is read whole.

    >>> english_sentences(["Gana renewed its agreement with Dara,", "on May 4, 2024. It was signed.", "", "- Mara"])
    [('Gana renewed its agreement with Dara, on May 4, 2024.', (1, 2)), ('It was signed.', (2, 2)), ('- Mara', (4, 4))]
    """
    out: list[tuple[str, tuple[int, int]]] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        text, starts = "", []
        for n, line in block:
            starts.append((len(text), n))
            text += line.strip() + " "
        for begin, stop in sentence_spans(text):
            first = max(n for at, n in starts if at <= begin)
            last = max(n for at, n in starts if at < stop)
            out.append((text[begin:stop], (first, last)))
        block.clear()

    for n, line in enumerate(lines, start=1):
        alone = re.match(r"\s*(?:[-–•*·▪◦]|\d{1,2}[.)])\s", line) or "|" in line or "\t" in line or _INLINE.match(line)
        if n in skip or not line.strip() or not _is_english(line) or alone:
            flush()
            if n not in skip and line.strip() and _is_english(line):
                block.append((n, line))
                flush()
            continue
        if block and not _runs_on(block[-1][1], line):
            flush()
        block.append((n, line))
    flush()
    return out


def _runs_on(line: str, following: str) -> bool:
    """Whether ``following`` continues the sentence of ``line`` (a wrapped line), not a title or a new paragraph."""
    end = line.rstrip()
    return end.endswith((",", ";", "(")) or following.lstrip()[:1].islower() or bool(
        re.search(r"\b(?:and|or|the|of|with|a|an|to|in|on|at|for|by|from)$", end))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``: cut after ``.``, ``!`` or ``?`` before a space, not after an abbreviation
    (``Mar.``, ``Sept.``, ``St.``, ``U.S.``) or a lone initial, nor inside a number.

    >>> t = "Signed on Mar. 5, 2019 in St. Paul. The two cities met."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Signed on Mar. 5, 2019 in St. Paul.', 'The two cities met.']
    """
    spans, begin = [], 0
    for m in re.finditer(r"[.!?](?=\s+\S)", text):
        word = re.search(r"(\S+)$", text[:m.start()])
        if word and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS
                     or re.fullmatch(r"(?:[A-Z]\.?)+", word.group(1))):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, len(text)))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - len(text[a:b]) + len(text[a:b].rstrip()))
            for a, b in spans if text[a:b].strip()]


def english_dates(s: str, year: int | None = None, bare_years: bool = False) -> list[DateMention]:
    """Dates of an English sentence: full dates, a year after ``in`` / ``since`` / ``and`` (``in 1983``, also ending
    a sentence: ``since 1981.``), and a day without its year (``on September 2``, ``(10 September)``) in ``year``,
    the document's own.
    ``bare_years``: any other year written alone too."""
    found = find_dates(s, bare_years=bare_years)
    for m in [*_DAY_OF.finditer(s), *_SEASON.finditer(s)]:  # the 5th of March 2019, 5-Mar-2019; in early 2019
        month = MONTHS.get(m.group("mon").lower().rstrip(".")) if m.group("mon") else None
        if m.group("mon") and not month:
            continue
        value = StatedDate(int(m.group("y")), month, int(m.group("d"))) if month else StatedDate(int(m.group("y")))
        found = [d for d in found if not (m.start() <= d.start < m.end() or d.start <= m.start() < d.end)]
        found.append(DateMention(value, m.start() if month else m.start("y"), m.end(), m.group(0)))
    for m in _YEAR.finditer(s):
        if not any(d.start <= m.start(1) < d.end for d in found):
            found.append(DateMention(StatedDate(int(m.group(1))), m.start(1), m.end(1), m.group(1)))
    for m in [*_MONTH_DAY.finditer(s), *_DAY_MONTH.finditer(s)] if year else ():
        month = MONTHS.get(m.group("mon").lower())
        if month and not any(d.start <= m.start() < d.end for d in found) and 1 <= int(m.group("d")) <= 31:
            found.append(DateMention(StatedDate(year, month, int(m.group("d"))), m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda d: d.start)


#: ``on Tuesday``: a day named by its weekday, as wire copy dates the news of its week.
_WEEKDAY = re.compile(r"\b(?:on|last|this)\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_dates(s: str, today: StatedDate | None, future: bool = False) -> list[DateMention]:
    """Days ``s`` names by their weekday (``on Tuesday``), read against the dateline's day ``today``: the last such
    day on or before it, or for a plan the next on or after it.

    >>> [d.value.iso for d in weekday_dates("signed … on Tuesday, officials said", StatedDate(2024, 5, 20))]
    ['2024-05-14']
    >>> [d.value.iso for d in weekday_dates("will sign it on Friday", StatedDate(2024, 5, 20), future=True)]
    ['2024-05-24']
    >>> weekday_dates("on Tuesday", None)
    []
    """
    if today is None:
        return []
    day = datetime.date(today.year, today.month, today.day)
    out = []
    for m in _WEEKDAY.finditer(s):
        wanted = _WEEKDAY_NAMES.index(m.group("day"))
        shift = (wanted - day.weekday()) % 7 if future else -((day.weekday() - wanted) % 7)
        when = day + datetime.timedelta(days=shift)
        out.append(DateMention(StatedDate(when.year, when.month, when.day), m.start("day"), m.end("day"),
                               m.group("day")))
    return out


#: ``On the same day,``, ``The same day,``, ``That day,`` opening a sentence: the day of the signing read before.
_SAME_DAY = re.compile(r"\s*(?:(?:On|At)\s+)?(?:the|that)\s+(?:same\s+)?(?:day|occasion|ceremony)\b", re.IGNORECASE)
#: ``first became``, ``first established``, ``first signed`` before a date: the pair's first signing, beside the one
#: the sentence reports (``renewed … on Monday, 35 years after they first became sister cities in 1989``).
_FIRST = re.compile(r"\bfirst\s+(?:became|established|signed|concluded|formed|forged)\b|\boriginally\s+signed\b",
                    re.IGNORECASE)


def _read_sentence(w: FactWriter, s: str, lines: tuple[int, int], pair: tuple[Party, Party] | None,
                   own: Entity | None, year: int | None = None, today: StatedDate | None = None,
                   same_day: StatedDate | None = None) -> tuple[list[AgreementCandidate], tuple[Party, Party] | None]:
    signed = _SIGNED.search(s) or _BECAME.search(s)
    that = _SIGNED_THAT.search(s) if signed is None else None
    if that is not None and pair is not None:  # the Memorandum … that the two cities signed in November 2023
        dates = english_dates(s[that.end():], year)
        return [_candidate(pair, d.value, english_relation(that.group("rel")), lines, False, s) for d in dates], pair
    paper = _PAPER_WITH.search(s) if signed is None else None
    if paper is not None and own is not None:  # The agreement with Dara, Viet Nam was signed on 21 November 2019
        partner = english_region(w, paper.group("name"), paper.group("country"), country_id=_one_country(w, s))
        dates = [d.value for d in english_dates(s[paper.end():], year)][:1]
        if partner is None or partner.entity.id == own.id:
            return [], pair
        relation = english_relation(paper.group(0))
        return [_candidate((Party(own.name_en or own.name_ko, own), partner), d, relation, lines, False, s)
                for d in dates], pair
    passive = _SIGNED_WITH.search(s) or _YEAR_PAPER.search(s)
    if passive is not None and own is not None and (signed is None or signed.end() <= passive.start() and not
                                                    _WITH.search(s[signed.end():passive.start()])):
        # (… concluded one agreement:) an MOU was signed with Dara on 3 April
        return _read_passive(w, s, passive, lines, own, year), pair
    if signed is None:
        return _read_since(w, s, lines, own, pair) or _read_paper_of(w, s, lines, own, year), pair
    words = signed.group("rel") or signed.group(0)
    # renewed the agreement: the relation the sentence names elsewhere
    relation = english_relation(words if names_relation(words) else s)
    intent = bool(signed.groupdict().get("plan"))
    dates = english_dates(s, year)
    weekdays = [] if any(d.value.precision == "day" for d in dates) else weekday_dates(s, today, future=intent)
    dates = sorted(dates + weekdays, key=lambda d: d.start)  # on Tuesday: the week of the dateline (no day stated)
    if not dates and same_day is not None and _SAME_DAY.match(s):
        dates = [DateMention(same_day, 0, 0, "")]  # On the same day, Gana signed …: the signing before's day
    first = [d for d in dates if _FIRST.search(s, max(0, d.start - 40), d.start)]
    dates = [d for d in dates if d not in first] or dates  # … renewed …, first signed in 1989: an earlier signing
    both = _PAIR.search(s[:signed.end()])
    if both is not None:  # Gana and the City of Dara, Japan signed …
        subject = english_region(w, both.group("a"), None)
        partner = english_region(w, both.group("name"), both.group("country"), unplaced=True)
        if subject is None and own is not None and _SELF.match(both.group("a")):
            subject = Party(own.name_en or own.name_ko, own)
        if subject is None or partner is None or partner.entity.id == subject.entity.id or (not dates and not intent):
            return [], pair
        pair = (subject, partner)
        return [_candidate(pair, d.value, relation, lines, intent, s) for d in (dates or [None])[:1]] + [
            _candidate(pair, d.value, relation, lines, False, s) for d in first if d not in dates], pair
    subject_match = _SUBJECT.match(s)
    subject = english_region(w, subject_match.group("name"), None, within=own) if subject_match else None
    if subject is None and own is not None and _SELF.match(s):  # The city signed …: the document's own
        subject = Party(own.name_en or own.name_ko, own)
    if subject is None and own is not None:  # It / Mayor X / Earlier this year, the Gana city government signed …
        subject = _acting_subject(w, s[:signed.start()], own)
    partners = [(m, english_region(w, m.group("name"), m.group("country"), unplaced=True))
                for m in _WITH.finditer(s, signed.end())]
    if subject is not None and not partners and (signer := _SIGNERS.search(s[:signed.start()])):
        # Mayor X and Mayor Y of Dara, Japan signed …: the place of the other signer is the partner
        partner = english_region(w, signer.group("name"), signer.group("country"))
        partners = [(signer, partner)] if partner is not None else []
    partners = [(m, p) for m, p in partners if p is not None]
    partners = sorted(partners + _and_partners(w, s, [m for m, _ in partners]), key=lambda mp: mp[0].start())
    out = []
    if subject is not None and partners:
        for i, (m, partner) in enumerate(partners):
            stop = partners[i + 1][0].start("name") if i + 1 < len(partners) else len(s)
            mine = [d for d in dates if m.end() <= d.start < stop] or ([] if i else
                                                                        [d for d in dates if d.start < m.start()])
            if partner.entity.id == subject.entity.id or (not mine and not intent):
                continue
            out.append(_candidate((subject, partner), mine[0].value if mine else None, relation, lines, intent, s))
            out.extend(_candidate((subject, partner), d.value, relation, lines, False, s) for d in first
                       if d not in dates and not i)
            out.extend(_candidate((subject, partner), d.value, english_relation(between) if names_relation(between)
                                  else relation, lines, intent, s)
                       for d, between in _further_signings(s, mine))
            pair = (subject, partner)
    elif pair is not None and _BOTH.search(s[:signed.start()]) and (dates or intent):  # The two cities … in 1983
        # … exchanged delegations in October 2022 and signed a letter of intent on 14 March 2024: the signing's date
        dates = [d for d in dates if d.start >= signed.start()] or dates
        out.extend(_candidate(pair, d.value if d else None, relation, lines, intent, s) for d in (dates or [None]))
    return out, pair


def _one_country(w: FactWriter, s: str) -> str | None:
    """The one foreign country the sentence names (``Gana's relations with Vietnam date back to …``), else ``None``."""
    found = {c for m in re.finditer(_NAME, s) if (c := latin_country_name(w.registry, m.group(0))) not in (None, "KR")}
    return found.pop() if len(found) == 1 else None


def _acting_subject(w: FactWriter, before: str, own: Entity) -> Party | None:
    """The Korean party of a signing whose subject is no place name: a pronoun, the own region's mayor or
    government, after an opening phrase (``Earlier this year, Mayor X of Gana``): the region named there (a
    district of the own city: ``Jung-gu``) else the document's own; none when the words name a body."""
    before = _SIGNERS.sub("", before)  # Mayor X and Mayor Y of Dara signed: Mayor X's
    m = _ACTOR.fullmatch(before.strip())
    if m is None or BODY.search(before):
        return None
    named = next((m.group(g) for g in ("place", "place2", "of", "place3") if m.group(g)), None)
    if named is None:
        return Party(own.name_en or own.name_ko, own)
    region = english_region(w, named, None, within=own)
    return region if region is not None and region.entity.country == "KR" else None


def _further_signings(s: str, dates: list[DateMention]) -> list[tuple[DateMention, str]]:
    """``… in 2012 and upgraded it to a sister city relationship on 5 March 2019``: each later date of a partner's
    clause that an upgrade or renewal of the same pair leads to (not a plan), with the words before it."""
    out = []
    for before, d in zip(dates, dates[1:], strict=False):
        between = s[before.end:d.start]
        if _UPGRADED.search(between) and not _PLAN.search(between):
            out.append((d, between))
    return out


def _and_partners(w: FactWriter, s: str, withs: list[re.Match[str]]) -> list[tuple[re.Match[str], Party]]:
    """``with Dara, Japan (1998) and Mara, China (2004)``: further partners joined by ``and`` after a ``with``
    partner, each with its own country (a name with none is no partner here)."""
    out: list[tuple[re.Match[str], Party]] = []
    for m in withs:
        at = m.end()
        while (more := _AND.match(s, at)) is not None:
            partner = english_region(w, more.group("name"), more.group("country"))
            if partner is None:
                break
            out.append((more, partner))
            at = more.end()
    return out


def _read_passive(w: FactWriter, s: str, passive: re.Match[str], lines: tuple[int, int], own: Entity,
                  year: int | None) -> list[AgreementCandidate]:
    """The document's own region and the partner after ``with``, on the sentence's date after the partner (or the
    paper's own year: ``The 2014 MOU with Dara, China``)."""
    partner_match = _WITH.match(s, passive.end())
    partner = english_region(w, partner_match.group("name"), partner_match.group("country")) if partner_match else None
    if partner is None or partner.entity.id == own.id:
        return []
    dated = passive.groupdict().get("year")
    dates = [StatedDate(int(dated))] if dated else [d.value for d in english_dates(s[partner_match.end():], year)][:1]
    relation = english_relation(passive.group(0))
    return [_candidate((Party(own.name_en or own.name_ko, own), partner), d, relation, lines, False, s) for d in dates]


def _read_paper_of(w: FactWriter, s: str, lines: tuple[int, int], own: Entity | None, year: int | None
                   ) -> list[AgreementCandidate]:
    """``Exchanges with Dara (USA) ended in 2015; the sister city agreement of 1994 was not renewed``: the document's
    own region and the one partner ``with`` names, signed on the paper's date (never in a plan)."""
    paper = _PAPER_OF.search(s)
    partners = [m for m in _WITH.finditer(s) if m.start() < paper.start()] if paper and own and not _PLAN.search(s) \
        else []
    if len(partners) != 1 or not names_relation(paper.group("rel")):
        return []
    partner = english_region(w, partners[0].group("name"), partners[0].group("country"))
    dates = [d for d in english_dates(s, year) if d.start == paper.end()]
    if partner is None or partner.entity.id == own.id or not dates:
        return []
    return [_candidate((Party(own.name_en or own.name_ko, own), partner), dates[0].value,
                       english_relation(paper.group("rel")), lines, False, s)]


def _read_since(w: FactWriter, s: str, line: tuple[int, int], own: Entity | None,
                pair: tuple[Party, Party] | None = None) -> list[AgreementCandidate]:
    """``Gana has been a sister city of Dara, Japan since 1994``: a signing in the year the relation began; ``…
    Mara State, which has been a sister state of Gana since 2005``: the state the clause is about, in the country
    of the foreign party the text spoke of last when none is named."""
    since = _SINCE.search(s)
    if since is None:
        return []
    which = _WHICH.search(s, 0, since.start())
    subject_match = _SINCE_SUBJECT.match(s)
    last = next((p.entity.country for p in (pair or ()) if p.entity.country not in ("", "KR")), None)
    subject = english_region(w, which.group("name"), None, country_id=last) if which else \
        english_region(w, subject_match.group("name"), None) if subject_match else None
    if subject is None and own is not None and _SELF.match(s):
        subject = Party(own.name_en or own.name_ko, own)
    partner = english_region(w, since.group("name"), since.group("country"))
    if subject is None or partner is None or partner.entity.id == subject.entity.id:
        return []
    relation = english_relation(since.group("rel"))
    return [_candidate((subject, partner), StatedDate(int(since.group("year"))), relation, line, False, s)]


def _candidate(pair: tuple[Party, Party], date, relation: str, lines: tuple[int, int], intent: bool, quote: str
               ) -> AgreementCandidate:
    minted = any(p.minted for p in pair)
    confidence = 0.7 - (0.1 if minted else 0) + (0.05 if date is not None and date.precision == "day" else 0)
    return AgreementCandidate(pair, date, relation, lines, round(confidence, 2), intent=intent,
                              reader="sentences_en", quote=quote)
