"""Liberal candidates: a signing proposed wherever a line holds a date and a signing context and a place is at hand,
on lines no reader read (decision 0060).

No wording is required beyond the readers' own word tables (:func:`graph.readers.relations.relation_of`,
:func:`graph.readers.relations.states_signing`). A line's places are the registry's regions named on it and, where
the line names a foreign country, its words with a place suffix the registry does not know (minted as the readers
mint them, :func:`graph.readers.entities.minted_region`). A dated line whose signing context is on it or on a short
label line right above it (a card's ``협약 체결`` / ``2003. 9. 17.``) takes its own places, else the nearest undated
line above holding a foreign place (the card's name line). Every foreign place is paired with the Korean region
nearest it on its line, else with the document's subject (:func:`graph.readers.context.context_at`); a line naming
only Korean regions pairs its first two. Each date of the line gives a candidate with the place nearest it. Such a
candidate is written only when the acceptance model (:mod:`graph.readers.acceptance`, its ``liberal`` part) accepts
it. Nothing here writes to the graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.dates import DateMention, find_dates
from graph.facts import FactWriter
from graph.readers.acceptance import LABEL_CHARS
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import context_at, is_place_word, is_table_row
from graph.readers.entities import Party, foreign_country_in, minted_region, place_level, strip_particle
from graph.readers.relations import DEFAULT_RELATION, relation_of, states_signing

READER = "liberal"
#: The raw score a liberal candidate starts with (the model, not this, decides).
RAW_CONFIDENCE = 0.5
#: How far above a dated line its card's name line may be.
NAME_LOOKBACK = 10
_WORD = re.compile(r"[가-힣]{2,}")
_HANGUL = re.compile(r"[가-힣]")


@dataclass(frozen=True)
class Place:
    """A party named on a line, where it starts."""

    start: int
    party: Party


def places_on(w: FactWriter, text: str) -> list[Place]:
    """The regions of ``text``: registry names (no parent of another on the line), and, when the line names a
    foreign country, its unknown words with a place suffix."""
    mentions = [m for m in w.registry.find_mentions(text) if m.entity.kind == "region"
                and not (m.start and _HANGUL.match(text[m.start - 1]))]  # not inside a word (라구나주)
    parents = {m.entity.parent for m in mentions}
    out = [Place(m.start, Party(m.surface, m.entity)) for m in mentions if m.entity.id not in parents]
    country = foreign_country_in(w.registry, text)
    if country:
        taken = [(m.start, m.end) for m in mentions]
        words = [(m.start(), strip_particle(m.group(0))) for m in _WORD.finditer(text)
                 if not any(a <= m.start() < b for a, b in taken)]
        minted = [(at, word) for at, word in words if is_place_word(word) and not w.registry.candidates(word)]
        if minted:  # the most specific unit of the line's new places: the last one, the foreign places before it
            at, word = minted[-1]  # its parents (가나성 다라시)
            out = [p for p in out if p.party.entity.country == "KR" or p.start > at]
            out.append(Place(at, Party(word, minted_region(word, country, place_level(word) or "city"), minted=True)))
    return sorted(out, key=lambda p: p.start)


def _signing_context(lines: tuple[str, ...], n: int) -> tuple[str | None, bool]:
    """The relation stated on line ``n`` or on a short label line right above it, and whether a signing or relation
    is stated there at all."""
    text = lines[n - 1]
    label = lines[n - 2] if n > 1 and len(lines[n - 2].strip()) <= LABEL_CHARS and not find_dates(lines[n - 2]) else ""
    for t in (text, label):
        if relation_of(t) is not None or states_signing(t):
            return relation_of(text) or relation_of(label), True
    return None, False


def _name_line(w: FactWriter, n: int) -> tuple[int, list[Place]] | None:
    """The nearest undated line above ``n`` holding a foreign place (a card's name line)."""
    for m in range(n - 1, max(0, n - 1 - NAME_LOOKBACK), -1):
        text = w.doc.lines[m - 1]
        if find_dates(text):
            continue
        found = [p for p in places_on(w, text) if p.party.entity.country != "KR"]
        if found:
            return m, found
    return None


def _pairs(w: FactWriter, n: int, places: list[Place]) -> list[tuple[Party, Party, int]]:
    korean = [p for p in places if p.party.entity.country == "KR"]
    foreign = [p for p in places if p.party.entity.country != "KR"]
    if not foreign:
        ids = list(dict.fromkeys(p.party.entity.id for p in korean))
        if len(ids) < 2:
            return []
        b = next(p for p in korean if p.party.entity.id == ids[1])
        return [(korean[0].party, b.party, b.start)]
    subject = None if korean else context_at(w, n).subject
    out = []
    for f in foreign:
        other = min(korean, key=lambda k: abs(k.start - f.start)).party if korean else subject
        if other is not None and other.entity.id != f.party.entity.id:
            out.append((other, f.party, f.start))
    return out


def line_candidates(w: FactWriter, n: int, text: str) -> list[AgreementCandidate]:
    """The liberal candidates of line ``n`` (its text ``text``)."""
    relation, signing = _signing_context(w.doc.lines, n)
    if not signing:
        return []
    dates: list[DateMention] = find_dates(text, bare_years=is_table_row(text))
    if not dates:
        return []
    first, places = n, places_on(w, text)
    pairs = _pairs(w, n, places)
    if not pairs and not places:
        named = _name_line(w, n)
        if named is not None:
            first = named[0]
            pairs = [(p, f, -1) for p, f, _ in _pairs(w, n, named[1])]
    out = []
    for a, b, at in pairs:
        if a.entity.parent == b.entity.id or b.entity.parent == a.entity.id:
            continue
        chosen = dates if at < 0 else [min(dates, key=lambda d: abs(d.start - at))]
        out.extend(AgreementCandidate((a, b), d.value, relation or DEFAULT_RELATION, (first, n), RAW_CONFIDENCE,
                                      reader=READER, quote=text.strip()[:200]) for d in chosen)
    return out


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Liberal candidates of every line of ``w``'s document outside ``skip``."""
    out: list[AgreementCandidate] = []
    for n, text in enumerate(w.doc.lines, start=1):
        if n not in skip and text.strip():
            out.extend(line_candidates(w, n, text))
    return out
