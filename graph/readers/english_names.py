"""English names of the parties and relations of a signing, shared by the English sentence and list readers.

``english_region`` finds a registry region by its English name (``Gana City``), else mints a foreign place in the
country named after it (``Dara, Nagano, Japan``); ``english_relation`` gives the relation English words name.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from graph.facts import FactWriter
from graph.readers.bilingual import UNPLACED
from graph.readers.entities import (
    CONTEXT_LEVEL,
    LATIN_PLACE_WORDS,
    Party,
    latin_country_name,
    latin_parents,
    minted_latin_name,
    minted_region,
    place_level,
)
from graph.readers.relations import DEFAULT_RELATION, relation_of
from graph.registry import Entity

#: A capital letter of a Latin name, accented ones too (``Gdańsk``, ``Łódź``, ``Örebro``), and a letter after it.
LATIN_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-ž]"
LATIN_LETTER = r"[^\W\d_]"
#: Unit words one language writes for another's (``Tomsk Region`` for the registry's ``Tomsk Oblast``).
_UNIT_FORMS = ("Region", "Oblast", "Krai", "Province", "Prefecture", "State")
#: Words ending a body's name, never a place's (``Gana University``, ``Gana Chamber of Commerce``).
BODY = re.compile(r"\b(?:University|College|Institute|Chamber|School|Academy|Museum|Hospital|Company|Corporation|"
                   r"Association|Foundation|Agency|Port Authority|Council|Assembly)\b")
_WORD_RELATIONS = (("sister", "sister"), ("friendship", "friendship"), ("friendly", "friendship"),
                   ("goodwill", "goodwill"), ("memorandum", "mou"), ("mou", "mou"), ("intent", "letterOfIntent"))


def english_relation(words: str) -> str:
    """The relation English words name (``sister-city``: sister), else the registry's relation words."""
    lower = words.lower()
    return next((key for word, key in _WORD_RELATIONS if word in lower), None) or relation_of(words) or \
        DEFAULT_RELATION


def names_relation(words: str) -> bool:
    """Whether ``words`` name a relation (``sister-city``, ``MOU``, a registry relation word)."""
    return any(word in words.lower() for word, _ in _WORD_RELATIONS) or relation_of(words) is not None


def english_region(w: FactWriter, name: str, country_name: str | None, unplaced: bool = False,
                   country_id: str | None = None, within: Entity | None = None) -> Party | None:
    """A registry region by its English name (``Gana City``), else a place minted in the country named after it
    (``country_name`` may hold a parent region before the country: ``, Nagano, Japan``; or only a foreign registry
    region: ``, California``), else in ``country_id`` (the country the text spoke of last). ``unplaced``: a partner
    named with no country is kept under no country, for :mod:`graph.readers.bilingual` to match or drop.
    ``within``: the document's own region, whose district a name several districts share is (``Jung-gu``). A country
    written before the name with a possessive (``Japan's Gana Prefecture``) places it there."""
    if BODY.search(name):  # Gana University signed …: a body, not the place it is named after
        return None
    name = re.sub(r"^(?:The|the)\s+", "", name).strip()
    owner = _POSSESSIVE.fullmatch(name)  # Japan's Gana Prefecture: the place of the country named before it
    owned = latin_country_name(w.registry, owner.group("country")) if owner else None
    name = owner.group("name") if owned else name
    unit_of = _UNIT_OF.match(name)  # ``Province of Gana``, ``State of Dara``: a province, a state
    level = place_level(name) or (LATIN_PLACE_WORDS[unit_of.group(1).lower()] if unit_of else None)
    bare = name[unit_of.end():] if unit_of else name
    # minted as written (``State of Dara``: a division keeps its unit word, see minted_id), ``City of Gana`` as Gana
    written, name = (bare if unit_of is None or unit_of.group(1) == "City" else name), bare
    parts = [part.strip() for part in (country_name or "").split(",") if part.strip()]
    country = next((e.id for part in reversed(parts) for e in w.registry.candidates(part) if e.kind == "country"),
                   None) or owned  # Dara, Nagano, Japan: the country is named last, a parent region before it
    for form in _registry_forms(name):
        found = [e for e in w.registry.candidates(form) if e.kind == "region"
                 and (country is None or e.country == country)]  # Jinan, China is no Korean county Jinan
        if len(found) > 1 and within is not None:  # Jung-gu on a city's page: that city's district
            found = [e for e in found if within.id in (e.id, e.parent)] or found
        if len(found) == 1:
            return Party(name, found[0])
    # Dara, California: a foreign registry region after the name places it in that region's country
    country = country or (latin_parents(w.registry, f"{name}, {', '.join(parts)}")[1] if parts else None) or country_id
    if country is None and (placed := _placed(w).get(name)) is not None:  # placed by another line of the document
        return Party(name, placed, minted=True)
    if country is None and unplaced:  # kept only if a Korean line of the document names it (graph.readers.bilingual)
        return Party(name, minted_region(name, UNPLACED, level or place_level(name) or CONTEXT_LEVEL), minted=True)
    if country is None or country == "KR":
        return None
    return Party(written, minted_region(minted_latin_name(w.registry, written, country), country,
                                        level or place_level(name) or CONTEXT_LEVEL), minted=True)


#: A country's name with a possessive before a place name (``Japan's Gana Prefecture``, ``China’s Dara City``).
_POSSESSIVE = re.compile(r"(?P<country>[A-Z][A-Za-z. ]*?)['’]s\s+(?P<name>[A-Z].*)")
#: A unit word and ``of`` before a Latin place name (``Province of Gana``, ``State of Dara``, ``City of Gana``).
_UNIT_OF = re.compile(r"(City|Province|County|Prefecture|State|Region|District|Municipality) of\s+(?=[A-Z])")


def _registry_forms(name: str) -> list[str]:
    """The forms of ``name`` looked up in the registry: as written, without its unit word, and with the unit word
    another language writes for it (``Tomsk Region`` → ``Tomsk Oblast``)."""
    bare = re.sub(r"\s+(?:City|County|Province|Prefecture|Metropolitan City)$", "", name)
    unit = re.fullmatch(rf"(.+?)\s+(?:{'|'.join(_UNIT_FORMS)})", name)
    return [name, bare] + ([f"{unit.group(1)} {u}" for u in _UNIT_FORMS if not name.endswith(u)] if unit else [])


#: ``Gana, Dara State, USA``, ``City of Gana, Brazil``, ``Gana (Japan)``: a Latin place name and what places it.
_PLACED = re.compile(rf"(?<![\w'’-])(?P<name>{LATIN_UPPER}(?:(?![A-Z]){LATIN_LETTER}|['’-])+"
                     rf"(?: {LATIN_UPPER}(?:(?![A-Z]){LATIN_LETTER}|['’-])+){{0,2}})"
                     r"(?P<parts>(?:,\s*[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2}){1,3}|\s*\([A-Z][A-Za-z ]+\))")


def english_places(w: FactWriter) -> dict[str, Entity]:
    """The foreign places the document's English lines place by a country after them (``Gana, Dara State, USA``,
    ``Gana (Japan)``) or in a cell of their table row (``Gana, Oregon | USA | …``), by their names as written: the
    regions the English readers mint, for the people reader to find the places of posts (``Gana Mayor Hong``,
    ``Deputy Mayor Hong of Gana``)."""
    out: dict[str, Entity] = {}
    for line in w.doc.lines:
        for name, parts in [(m.group("name"), m.group("parts").strip(" ()")) for m in _PLACED.finditer(line)] + \
                _row_places(w, line):
            if name in out or any(e.kind in ("country", "region") for e in w.registry.candidates(name)) or not any(
                    e.kind == "country" for part in parts.split(",") for e in w.registry.candidates(part.strip())):
                continue
            party = english_region(w, name, parts)
            if party is not None and party.minted:
                out[name] = party.entity
    return out


_PLACES: WeakKeyDictionary[FactWriter, dict[str, Entity]] = WeakKeyDictionary()


def _placed(w: FactWriter) -> dict[str, Entity]:
    """:func:`english_places` of ``w``'s document, found once (empty while they are being found)."""
    if w not in _PLACES:
        _PLACES[w] = {}
        _PLACES[w] = english_places(w)
    return _PLACES[w]


def _row_places(w: FactWriter, line: str) -> list[tuple[str, str]]:
    """``Gana, Oregon | USA | Sister city | …``: the Latin place of a table row's first cell naming one, and the
    country a cell of the row is (name, country name)."""
    cells = [c.strip() for c in line.split(" | ")] if " | " in line else []
    country = next((c for c in cells if latin_country_name(w.registry, c)), None)
    first = next((c for c in cells if c != country and re.fullmatch(rf"{LATIN_UPPER}[\w'’ .,()-]*", c)), None)
    if country is None or first is None:
        return []
    head = latin_parents(w.registry, re.sub(r"\s*\([^)]*\)", "", first))[0]
    return [(head, country)] if re.fullmatch(rf"{LATIN_UPPER}[\w'’ .-]*", head) else []
