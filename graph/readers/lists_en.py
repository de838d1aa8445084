"""Partner lists in English (a city's English page): one entry per partner, ``Name, Parent, Country – what and when``.

The shapes read (names invented): ``- Gana, Dara State, USA – signed Feb. 2, 1984; renewed in 2014``,
``- Mara, Japan – Friendship City from December 7, 1993; upgraded to Sister City in May 2013``. The document's
own region (:func:`graph.readers.context.lead_region`) is the other party; each date is a signing, of the relation
named in its clause (else the section heading's: ``Sister Cities``), unless the words around it make it a plan
(``expected 2025``), an event or an end (``lapsed in 2019``). The partner is a registry region by its English
name, else a place minted in the country the entry names last.
"""

from __future__ import annotations

import re

from graph.facts import FactWriter
from graph.readers.bilingual import ENGLISH_ENTRY
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import BULLET, context_at, lead_region
from graph.readers.english_names import english_region, english_relation, names_relation
from graph.readers.entities import Party
from graph.readers.relations import DEFAULT_RELATION
from graph.readers.sentences_en import english_dates, sentence_spans

#: Rows of the tables the table reader judged are no entries (see automatic.py).
AFTER_TABLES = True

_ENTRY = re.compile(r"^(?P<name>[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3}?)(?:\s*\((?P<gloss>[^)]*)\))?"
                    r"(?P<parents>(?:,\s*[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3})*)(?:\s*\((?P<bracket>[^)]*)\))?"
                    r"(?:\s+[–—-]|\s*:)\s+(?P<rest>\S.*)$")
#: ``Gana, Dara State, USA (sister city, 1998)``: a placed name, then its relation and date in brackets.
_BRACKETED = re.compile(r"^(?P<place>[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3}"
                        r"(?:,\s*[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3})*)\s*\((?P<rest>[^()]*\d[^()]*)\)\s*[.;]?$")
#: A later sentence of an entry counts only when it states a signing (``It was renewed in 2014``), not an event
#: (``Youth exchanges resumed in 2024``) or a denial (``no new agreement was signed``).
#: A line that is only a placed name (``Gana, Dara State, USA``, ``Gana (Japan)``) and a line below it that opens
#: with a relation (``Sister city since 3 May 1998``): one entry written as a term and its definition.
_TERM = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3}"
                   r"(?:(?:,\s*[A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,3}){1,3}|\s*\([A-Z][A-Za-z ]+\))$")
_DEFINITION = re.compile(r"^\s*(?:Sister|Friendship|Friendly|Twin|Partner)[\w -]{0,20}?\b(?:city|cities|region|province"
                         r"|state|agreement|relationship)\b", re.IGNORECASE)
_SIGNING_SENTENCE = re.compile(r"\b(?:signed|renewed|concluded|upgraded|established)\b", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:no|not|never)\b", re.IGNORECASE)
#: Words right before a date that make it a signing (``signed``, ``from``, ``since``, ``renewed in``, ``in``).
_SIGNING_BEFORE = re.compile(r"(?:\bsigned|\bfrom|\bsince|\brenewed|\bupgraded|\bestablished|\bconcluded|\bin|\bon"
                             r"|\b(?:agreement|memorandum|MOU|accord|declaration)\s+(?:of|dated)"
                             r"|[:;,–—(-])\s*(?:on|in)?\s*(?:the\s+\w+\s+anniversary\s+in\s+)?$", re.IGNORECASE)
#: Words of a plan, an end or an event near a date: no signing.
_NOT_SIGNING = re.compile(r"\b(?:expected|planned|plans?|will|to be|under discussion|pending|proposed|lapsed|ended|"
                          r"terminated|expired|suspended|opened|visit(?:ed)?|festival|delegation|celebrat\w*|commemorat\w*|held)\b",
                          re.IGNORECASE)
#: An anniversary is no signing unless its clause signs (``renewed on the 20th anniversary in 2014``).
_ANNIVERSARY = re.compile(r"\banniversar", re.IGNORECASE)


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Candidates of every English list entry naming a partner and its signing dates."""
    own = lead_region(w)
    if own is None:
        return []
    subject = Party(own.name_en or own.name_ko, own)
    out: list[AgreementCandidate] = []
    lines = w.doc.lines
    for n, line in enumerate(lines, start=1):
        bullet = BULLET.match(line)
        if n in skip or not line.isascii() and re.search(r"[가-힣]", line):
            continue
        if bullet is not None:
            out.extend(_entry(w, plain_emphasis(line[bullet.end():]).strip(), n, subject))
        elif n < len(lines) and n + 1 not in skip and _TERM.match(line.strip()) and _DEFINITION.match(lines[n]):
            # a term and its definition on two lines (``<dt>Gana, Japan</dt><dd>Sister city since 1998</dd>``)
            out.extend(_entry(w, f"{line.strip()} – {lines[n].strip()}", n, subject, last=n + 1))
    return out


def plain_emphasis(text: str) -> str:
    """``text`` without Markdown's bold or italic marks (``**Gana (Japan)** — …``).

    >>> plain_emphasis("**Gana, Dara (USA)** — sister city since 1981; __renewed__ 2001")
    'Gana, Dara (USA) — sister city since 1981; renewed 2001'
    """
    return re.sub(r"(\*\*|__|(?<![\w*])\*(?=\S))(\S(?:.*?\S)?)\1", r"\2", text)


def _entry(w: FactWriter, text: str, line: int, subject: Party, last: int | None = None
           ) -> list[AgreementCandidate]:
    bracketed = _BRACKETED.match(text)
    if bracketed is not None and names_relation(bracketed.group("rest")):  # Gana, Dara, USA (sister city, 1998)
        text = f"{bracketed.group('place')} – {bracketed.group('rest')}"
    m = _ENTRY.match(text)
    if m is None:
        return []
    # a country in brackets after the name or the parents (``Gana, Dara (USA)``, ``City of Gana (Japan)``)
    parents = [p.strip() for p in m.group("parents").split(",") if p.strip()] + [
        b.strip() for b in (m.group("gloss"), m.group("bracket")) if b]
    country = next((p for p in reversed(parents) if any(e.kind == "country" for e in w.registry.candidates(p))), None)
    partner = english_region(w, m.group("name"), country)
    if partner is None or partner.entity.id == subject.entity.id or partner.entity.country == "KR":
        return []
    rest, offset = m.group("rest"), m.start("rest")
    heading = context_at(w, line).relation
    out = []
    sentences = sentence_spans(rest)
    for date in english_dates(rest, bare_years=True):  # Feb. 2, 1984; in 2014; signed 1986
        begin, stop = next(((a, b) for a, b in sentences if a <= date.start < b), (0, len(rest)))
        if begin > sentences[0][0] and (not _SIGNING_SENTENCE.search(rest[begin:stop])
                                        or _DENIAL.search(rest[begin:stop])):
            continue
        before, after = rest[begin:date.start], rest[date.end:stop]
        clause = re.split(r"[;]", before)[-1] + re.split(r"[;,]", after)[0]
        if not _SIGNING_BEFORE.search(before) or _NOT_SIGNING.search(clause) or (
                _ANNIVERSARY.search(clause) and not _SIGNING_SENTENCE.search(clause)):
            continue
        # the clause's, else (a later sentence) the entry's first, else the section's (Sister Cities), else the entry's
        first = english_relation(rest[:sentences[0][1]]) if begin > sentences[0][0] else None
        relation = next((r for r in (english_relation(clause), first, heading, english_relation(rest[:date.start]))
                         if r and r != DEFAULT_RELATION), DEFAULT_RELATION)
        out.append(AgreementCandidate((subject, partner), date.value, relation, (line, last or line),
                                      0.7 if partner.minted else 0.8, reader="lists", quote=text,
                                      notes=[f"{ENGLISH_ENTRY}, date at {offset + date.start}"]))
    # ``since 1987 (agreement signed on 9 October 1987)``: a year or month holding a fuller date of the entry is that
    return [c for c in out if not any(o.date.iso != c.date.iso and o.date.iso.startswith(c.date.iso) for o in out)]

