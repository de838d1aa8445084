"""The general list reader: bulleted or numbered items naming a partner, its country and a date.

A list is someone's: the region named in the nearest heading above or in the title (``○○시 자매도시``)
is the other party of every item (:mod:`graph.readers.context`). An item names its partner by a
registry name or a word with a place suffix (or any name, when a heading makes the list one of
places), its country by a country word (or the section heading's), and one or more dates; each date
is a signing of the partner named before it. An item that names two regions and no subject is a
signing between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.dates import DateMention, find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import BULLET, Context, context_at
from graph.readers.entities import Party, country_in, place_level, resolve_party
from graph.readers.relations import DEFAULT_RELATION, RELATION_WORDS, is_intent, relation_of, states_signing

_DATE_FIRST = re.compile(r"^\s*'?\d{1,4}\s*\.\s*\d{1,2}\s*\.")
_TOKEN = re.compile(r"[^\s,·:;/()\[\]<>「」『』\-–—~]+")
#: Longest item (characters) taken as an entry of a list whose heading names the relation.
SHORT_ITEM = 50
_PLACE_LIST_WORDS = ("도시", "지역", "지방정부", "자치단체", "교류처")


@dataclass
class Item:
    """One list item: its line and text."""

    line: int
    text: str


def items(lines: tuple[str, ...]) -> list[Item]:
    """Every bulleted or numbered line (1-based line numbers).

    >>> [i.text for i in items(("자매도시", "○ 일본 가나자와시(1990)", "1) 허난성 2005.3.2", "2024.1.28 체결"))]
    ['일본 가나자와시(1990)', '허난성 2005.3.2']
    """
    out = []
    for n, text in enumerate(lines, start=1):
        m = BULLET.match(text)
        if m and text[m.end():].strip() and not _DATE_FIRST.match(text):
            out.append(Item(n, text[m.end():].strip()))
    return out


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Agreement candidates from every list item that names a partner and a date."""
    out: list[AgreementCandidate] = []
    for item in items(w.doc.lines):
        if item.line in skip:
            continue
        out.extend(read_item(w, item))
    return out


def read_item(w: FactWriter, item: Item) -> list[AgreementCandidate]:
    """Candidates of one item (one per date)."""
    dates = find_dates(item.text, bare_years=True)
    if not dates:
        return []
    ctx = context_at(w, item.line)
    if not _about_agreements(item, ctx):
        return []
    country = country_in(w.registry, item.text) or ctx.country
    place_context = any(word in (ctx.heading or "") for word in _PLACE_LIST_WORDS) or ctx.relation is not None
    named = _partners(w, item, dates, country, place_context, ctx.subject)
    if not named:
        return []
    if len(named) >= 2 and ctx.subject is None:
        pairs = [((named[0][1], named[1][1]), named[1][0])]
    elif ctx.subject is not None:
        pairs = [((ctx.subject, party), start) for start, party in named if party.entity.id != ctx.subject.entity.id]
    else:
        w.report.add_issue("unresolved", w.doc.id, item.line, item.text, "list item without a subject region")
        return []
    relation = relation_of(item.text) or ctx.relation or DEFAULT_RELATION
    out = []
    for date in dates:
        parties = _party_for(pairs, date)
        if parties is None:
            continue
        confidence = 0.7 + (0.1 if not any(p.minted for p in parties) else 0) + (
            0.05 if date.value.precision == "day" else 0)
        out.append(AgreementCandidate(parties, date.value, relation, (item.line, item.line), confidence,
                                      intent=is_intent(item.text), reader="lists", quote=item.text))
    return out


def _about_agreements(item: Item, ctx: Context) -> bool:
    """An item names a relation or a signing itself, or is a short entry of a list headed by a relation word."""
    if relation_of(item.text) or states_signing(item.text):
        return True
    return ctx.section_relation is not None and len(item.text) <= SHORT_ITEM


def _party_for(pairs: list[tuple[tuple[Party, Party], int]], date: DateMention) -> tuple[Party, Party] | None:
    """The pair of the partner named last before ``date`` (else the first named after it)."""
    before = [p for p, start in pairs if start < date.start]
    if before:
        return before[-1]
    return pairs[0][0] if pairs else None


def _partners(w: FactWriter, item: Item, dates: list[DateMention], country: str | None, place_context: bool,
              subject: Party | None) -> list[tuple[int, Party]]:
    """Partners named in the item with their position: registry names first, else place-like words."""
    text = item.text
    for d in dates:
        text = text[:d.start] + " " * (d.end - d.start) + text[d.end:]
    mentions = [(m.start, _with_district(w, text, m)) for m in w.registry.find_mentions(text)
                if m.entity.kind == "region"]
    if subject is not None:
        mentions = [(s, t) for s, t in mentions if w.registry.resolve(t).entity != subject.entity]
    words = [(m.start(), m.group(0)) for m in _TOKEN.finditer(text) if _is_name_word(w, m.group(0))]
    if not mentions:
        placed = [(s, t) for s, t in words if place_level(t)]
        mentions = placed or (words[:1] if place_context and country and country != "KR" else [])
    out = []
    for start, surface in mentions:
        party = resolve_party(w, surface, item.line, country=country, place_context=place_context)
        if party is not None:
            out.append((start, party))
    return out


def _with_district(w: FactWriter, text: str, mention) -> str:
    """A region name followed by one of its districts (``대구광역시 남구``) names the district."""
    rest = text[mention.end:]
    following = _TOKEN.match(text, mention.end + len(rest) - len(rest.lstrip()))
    if following is not None:
        district = w.registry.resolve(following.group(0), kinds=("region",), parent=mention.entity.id).entity
        if district is not None and district.parent == mention.entity.id:
            return text[mention.start:following.end()]
    return mention.surface


def _is_name_word(w: FactWriter, token: str) -> bool:
    """A token that may be a name: Hangul, not a country, relation, signing or date word."""
    if not re.search("[가-힣]", token) or len(token) < 2:
        return False
    if country_in(w.registry, token) is not None or relation_of(token) is not None:
        return False
    return not any(token.startswith(word) for word, _ in RELATION_WORDS) and not re.search(
        r"(체결|결연|협약|협정|추진|예정|계획|현황|교류|재체결|갱신|년|월|일)$", token)
