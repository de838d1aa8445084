"""Agreements stated in English sentences (a city's English page, a press release in English).

The shapes read (names invented): ``Gana City signed a sister-city agreement with Dara, Japan on May 3, 1998``,
``… and with Mara, China in 2001``, ``The two cities first signed a friendship agreement in 1983`` (the pair of
the sentence before), and plans (``plans to sign``, ``will sign``, ``is expected to sign``: a
``gy:AgreementIntent``). A party is a registry region by its English name or alias, else a foreign place minted in
the country named after it (``Dara, Japan``); a name without a country is left.
"""

from __future__ import annotations

import re

from graph.dates import DateMention, StatedDate, find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import TITLE_LINES, first_region
from graph.readers.entities import CONTEXT_LEVEL, Party, minted_region, place_level
from graph.readers.relations import DEFAULT_RELATION, relation_of
from graph.registry import Entity

_NAME = r"[A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+){0,3}"
#: ``… signed a sister-city agreement with`` (or a plan to sign one): the relation words between.
_SIGNED = re.compile(r"(?P<plan>plans? to|will|is expected to|aims? to|intends? to|is to)?\s*"
                     r"(?:\b(?:also|first|officially|formally)\s+)*\bsign(?:ed|s)?\s+(?:an?\s+|the\s+)?"
                     r"(?P<rel>[\w -]{0,40}?)\s*(?:agreement|memorandum of understanding|MOU|accord|pact)s?\b",
                     re.IGNORECASE)
#: ``with Dara, Japan`` — a partner and perhaps its country.
_WITH = re.compile(rf"\bwith (?:the )?(?P<name>{_NAME})(?:,\s*(?P<country>{_NAME}))?")
_SUBJECT = re.compile(rf"^\s*(?:On [^,]+,\s*)?(?P<name>{_NAME})\s+(?:has\s+|had\s+|also\s+|first\s+)*"
                      r"(?:signed|plans|will|is|aims|intends|signs)\b")
#: ``Gana has been a sister city of Dara, Japan since 1994``, ``Gana, a sister region of Dara since 1994``: a
#: relation stated with the year it began.
_SINCE = re.compile(rf"(?:\b(?:has|have) been|\bis|\bwas|\bbecame|,)\s+(?:an?\s+)?(?P<rel>sister|friendship|friendly)"
                    rf"[\w -]{{0,15}}?\s+(?:city|region|province|state|county|prefecture|partner)\s+(?:of|with)\s+"
                    rf"(?:the\s+)?(?P<name>{_NAME})(?:,\s*(?P<country>{_NAME}))?\s+since\s+(?P<year>(?:19|20)\d{{2}})\b"
                    r"(?![./-]\d)")
_SINCE_SUBJECT = re.compile(rf"^\s*(?P<name>{_NAME})(?=,|\s+(?:has|have|is|was|became)\b)")
_SELF = re.compile(r"\s*The\s+(?:city|county|province|district)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|since|of)\s+((?:19|20)\d{2})\b(?![./-]\d)")
_BOTH = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:cities|regions|provinces|sides|parties)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]*?(?:\d\.\d[^.!?]*?)*[.!?](?=\s|$)|[^.!?]+$")
_WORD_RELATIONS = (("sister", "sister"), ("friendship", "friendship"), ("friendly", "friendship"),
                   ("goodwill", "goodwill"), ("memorandum", "mou"), ("mou", "mou"), ("intent", "letterOfIntent"))


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Agreement and intent candidates of every English line outside ``skip``."""
    out: list[AgreementCandidate] = []
    pair: tuple[Party, Party] | None = None
    own = next((r for r in (first_region(w, t) for t in (w.doc.title_ko or "", *w.doc.lines[:TITLE_LINES]))
                if r is not None and r.country == "KR"), None)
    for n, line in enumerate(w.doc.lines, start=1):
        if n in skip or not re.search(r"\bsign|\bsince\b", line, re.IGNORECASE):
            continue
        for sentence in (m.group(0) for m in _SENTENCE.finditer(line) if m.group(0).strip()):
            found, pair = _read_sentence(w, sentence.strip(), n, pair, own)
            out.extend(found)
    return out


def _dates(s: str) -> list[DateMention]:
    """Dates of an English sentence: full dates, and a year after ``in`` / ``since`` (``in 1983``)."""
    found = find_dates(s)
    for m in _YEAR.finditer(s):
        if not any(d.start <= m.start(1) < d.end for d in found):
            found.append(DateMention(StatedDate(int(m.group(1))), m.start(1), m.end(1), m.group(1)))
    return sorted(found, key=lambda d: d.start)


def _read_sentence(w: FactWriter, s: str, line: int, pair: tuple[Party, Party] | None, own: Entity | None
                   ) -> tuple[list[AgreementCandidate], tuple[Party, Party] | None]:
    signed = _SIGNED.search(s)
    if signed is None:
        return _read_since(w, s, line, own), pair
    relation = _relation(signed.group("rel") or signed.group(0))
    intent = bool(signed.group("plan"))
    subject_match = _SUBJECT.match(s)
    subject = _region(w, subject_match.group("name"), None) if subject_match else None
    if subject is None and own is not None and _SELF.match(s):  # The city signed …: the document's own
        subject = Party(own.name_en or own.name_ko, own)
    partners = [(m, _region(w, m.group("name"), m.group("country"))) for m in _WITH.finditer(s, signed.end())]
    partners = [(m, p) for m, p in partners if p is not None]
    out = []
    if subject is not None and partners:
        dates = _dates(s)
        for i, (m, partner) in enumerate(partners):
            stop = partners[i + 1][0].start() if i + 1 < len(partners) else len(s)
            own = [d for d in dates if m.end() <= d.start < stop] or ([] if i else
                                                                       [d for d in dates if d.start < m.start()])
            if partner.entity.id == subject.entity.id or (not own and not intent):
                continue
            out.append(_candidate((subject, partner), own[0].value if own else None, relation, line, intent, s))
            pair = (subject, partner)
    elif pair is not None and _BOTH.search(s[:signed.start()]):  # The two cities first signed … in 1983.
        dates = _dates(s)
        if dates or intent:
            out.append(_candidate(pair, dates[0].value if dates else None, relation, line, intent, s))
    return out, pair


def _read_since(w: FactWriter, s: str, line: int, own: Entity | None) -> list[AgreementCandidate]:
    """``Gana has been a sister city of Dara, Japan since 1994``: a signing in the year the relation began."""
    since = _SINCE.search(s)
    if since is None:
        return []
    subject_match = _SINCE_SUBJECT.match(s)
    subject = _region(w, subject_match.group("name"), None) if subject_match else None
    if subject is None and own is not None and _SELF.match(s):
        subject = Party(own.name_en or own.name_ko, own)
    partner = _region(w, since.group("name"), since.group("country"))
    if subject is None or partner is None or partner.entity.id == subject.entity.id:
        return []
    return [_candidate((subject, partner), StatedDate(int(since.group("year"))), _relation(since.group("rel")), line,
                       False, s)]


def _candidate(pair: tuple[Party, Party], date, relation: str, line: int, intent: bool, quote: str
               ) -> AgreementCandidate:
    minted = any(p.minted for p in pair)
    confidence = 0.7 - (0.1 if minted else 0) + (0.05 if date is not None and date.precision == "day" else 0)
    return AgreementCandidate(pair, date, relation, (line, line), round(confidence, 2), intent=intent,
                              reader="sentences_en", quote=quote)


def _relation(words: str) -> str:
    """The relation English words name (``sister-city``: sister), else the registry's relation words."""
    lower = words.lower()
    return next((key for word, key in _WORD_RELATIONS if word in lower), None) or relation_of(words) or \
        DEFAULT_RELATION


def _region(w: FactWriter, name: str, country_name: str | None) -> Party | None:
    """A registry region by its English name (``Gana City``), else a place minted in the country named after it."""
    name = re.sub(r"^(?:The|the)\s+", "", name).strip()
    for form in (name, re.sub(r"\s+(?:City|County|Province|Prefecture|Metropolitan City)$", "", name)):
        found = [e for e in w.registry.candidates(form) if e.kind == "region"]
        if len(found) == 1:
            return Party(name, found[0])
    if not country_name:
        return None
    country = next((e.id for e in w.registry.candidates(country_name) if e.kind == "country"), None)
    if country is None or country == "KR":
        return None
    return Party(name, minted_region(name, country, place_level(name) or CONTEXT_LEVEL), minted=True)
