"""Pair lines: list entries that name both parties of a signing, joined by a dash, before a colon and the signing's
fields (``가나시 ― 다라군 : 자매결연 1999년 …``, ``가나구 ― 중국 다라시: 2005. 10. 18. 자매결연``).

Such an entry is a pair of its own: the list's subject (its title's region, or the office that translated it) is
neither party. A compilation of one side's towns and their partners names the same side first on every line, so a
side the registry does not know takes the one foreign country the known names of its column share (a foreign
prefecture's towns: the prefecture named first on another line); a country word written on the side wins, and with
neither the side is reported, never minted in a guessed country.
"""

from __future__ import annotations

import re

from graph.facts import FactWriter
from graph.readers.context import BULLET, is_place_word
from graph.readers.entities import Party, resolve_party, split_country_prefix

#: One side of a pair line: one to four Hangul words (a country, a parent region, the place: the last, a word with a
#: place suffix), each perhaps glossed in brackets (``가나시(加那市)``).
_SIDE = r"[가-힣]+(?:\([^()]{1,12}\))?(?:\s+[가-힣]+(?:\([^()]{1,12}\))?){0,3}"
#: A pair line's head: two sides joined by a dash (``―``, ``—``, ``–``, ``-``) or a two-way arrow (``↔``, ``⇔``,
#: ``<->``), then a colon.
PAIR_LINE = re.compile(rf"\s*(?P<a>{_SIDE})\s*(?:[―—–\-↔⇔⟷]|<->)\s*(?P<b>{_SIDE})\s*[:：]")
_GLOSS = re.compile(r"\([^()]*\)")


def pair_head(text: str) -> tuple[str, str] | None:
    """The two sides of a pair line's head, else ``None``.

    >>> pair_head("가나시 ― 다라군 : 자매결연 1999년 10월"), pair_head("가나구 ― 중국 다라시: 2005. 10. 18.")
    (('가나시', '다라군'), ('가나구', '중국 다라시'))
    >>> pair_head("- 가나시 — 다라군: 1999. 5. 3.")
    ('가나시', '다라군')
    >>> pair_head("체결일 : 1999. 5. 3."), pair_head("가나시-다라시 협약 체결"), pair_head("가나군-다라주 협약: 2025")
    (None, None, None)
    """
    bullet = BULLET.match(text)
    m = PAIR_LINE.match(text, bullet.end() if bullet else 0)
    if m is None:
        return None
    sides = (m.group("a").strip(), m.group("b").strip())
    return sides if all(is_place_word(_GLOSS.sub("", side).split()[-1]) for side in sides) else None


def _known(w: FactWriter, side: str) -> tuple[str | None, str | None]:
    """``(stated country, country of the registry's place)`` of one side, without minting or reporting."""
    stated, name = split_country_prefix(w.registry, _GLOSS.sub("", side))
    words = name.split()
    found = w.registry.resolve(words[-1], kinds=("region",)) if words else None
    entity = found.entity if found is not None and found.score == 1.0 else None
    return stated, entity.country if entity is not None else None


def side_countries(w: FactWriter, lines: tuple[str, ...]) -> tuple[str | None, str | None]:
    """For the first and the second side of the document's pair lines: the one foreign country that every registry
    place and country word written on that side shares, when no Korean place stands on it; else ``None``."""
    out: list[str | None] = []
    heads = [h for h in map(pair_head, lines) if h is not None]
    for k in (0, 1):
        countries = {c for side in (h[k] for h in heads) for c in _known(w, side) if c}
        out.append(next(iter(countries)) if len(countries) == 1 and "KR" not in countries else None)
    return out[0], out[1]


def pair_parties(w: FactWriter, text: str, line: int, subject: Party | None,
                 columns: tuple[str | None, str | None]) -> tuple[Party, Party] | None:
    """The two parties of a pair line (``None`` when it is none or a side cannot be read: an unread side is
    reported). A Korean district named alone (``가나구``) is the one of the subject's city when it has one;
    ``columns``: the countries of :func:`side_countries`. A foreign subject's list (a prefecture's towns and their
    Korean partners) places a side no column, country word or registry entry places in the subject's country, but
    only when the other side is a Korean region: two unplaced sides (``가나시 ↔ 다라시``) are not guessed."""
    head = pair_head(text)
    if head is None:
        return None
    parent = subject.entity.id if subject is not None and subject.entity.country == "KR" else None
    abroad = subject.entity.country if subject is not None and subject.entity.country not in (None, "", "KR") \
        else None
    parties: list[Party | None] = []
    for side, country in zip(head, columns, strict=True):
        guessable = country is None and abroad is not None
        party = resolve_party(w, side, (line, line), country=country, parent=parent, place_context=True,
                              report=not guessable)
        if party is None and not guessable:
            return None
        parties.append(party)
    if None in parties:
        k = parties.index(None)
        other = parties[1 - k]
        korean = other is not None and other.entity.country == "KR"
        party = resolve_party(w, head[k], (line, line), country=abroad if korean else None, parent=parent,
                              place_context=True)  # an unplaced side not beside a Korean region is reported
        if party is None:
            return None
        parties[k] = party
    first, second = parties
    if first.entity.id == second.entity.id or first.entity.id == second.entity.parent or \
            second.entity.id == first.entity.parent:
        return None  # a place and its own parent (가나현 ― 다라시 written as a place's address) are no pair
    return first, second
