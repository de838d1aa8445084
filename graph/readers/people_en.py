"""People and posts stated in English sentences, with the English titles of ``graph/data/titles.tsv``.

The orders met in English text (the names below are invented):

* title – name – of – place: ``Governor Hong Gil-dong of Gana Province``;
* name – title – of – place: ``Hong Gil-dong, Vice-Governor of Gana``;
* place – title – name: ``Gana Governor Hong Gil-dong``, also with a colon, dash or cell bar between place and title
  (a delegation list's ``- Gana Province: Vice Governor Hong Gil-dong``);
* title – of – place – name: ``the Mayor of Gana, Hong Gil-dong,``.

A name is two or three capitalised words (``Hong Gil-dong``, ``Dashdorj Bat-Erdene``, ``Sergei Ivanov``), none
of them a title word or a registry name; the place is a registry name written as a whole word. The role is the
title as written (``Vice-Governor``), so an English statement makes its own post next to the Korean one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.readers.posts import titles
from graph.registry import Entity, Mention, Registry, normalize_name

#: A name's word: capitalised (``Hong``, ``Gil-dong``) or a family name in capitals (``HONG``, as participant lists
#: and releases print it).
_WORD = r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2,12}(?![A-Za-z]))"
_NAME = rf"(?P<name>{_WORD}(?:\s{_WORD}){{1,2}})"
#: Capitalised words that never are part of a name.
_NOT_NAMES = frozenset(("The", "Of", "And", "Province", "City", "County", "Prefecture", "Republic", "State", "Krai",
                        "Secretariat", "Office", "Department", "Division", "Government", "Assembly", "Council",
                        "Oblast", "Aimag", "Mr", "Ms", "Mrs", "Dr", "His", "Her", "Excellency", "Honorable", "Former",
                        "Acting", "Deputy", "Vice", "Executive", "First", "General", "Chief", "Korea", "Korean"))


#: A Korean name in the Revised Romanization: surname, then the given name's two syllables joined by a hyphen
#: (``Hong Gil-dong``). Only such a name, with a title and no place, is taken as the document's own official.
_KOREAN_NAME = r"(?P<name>(?:[A-Z][a-z]{0,4}|[A-Z]{2,5}) [A-Z][a-z]{0,5}-[a-z]{1,5})"
#: ``Mr.``, ``Ms.``, ``Dr.`` before a name.
_HONORIFIC = r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
#: ``Ambassador to Gana, Hong Gil-dong``, ``Ambassador of Dara to Gana, Hong Gil-dong``: a diplomat's post, in the
#: sending country (named after ``of``, else the Korea of the document's own government when the host is abroad).
_MISSION = re.compile(r"(?:\s+of\s+(?:the\s+)?(?P<sender>[A-Z][\w ]{1,40}?))?\s+to\s+(?:the\s+)?"
                      r"(?P<host>[A-Z][\w ]{1,40}?),\s+" + _HONORIFIC + r"(?P<name>[A-Z][\w-]+(?:\s[A-Z][\w-]+){1,2})"
                      r"(?![\w-])")
_DIPLOMATS = frozenset(("Ambassador", "Consul General", "Consul", "Deputy Consul General"))
#: ``Consul General X of the Consulate General of Gana (in Busan)``: the mission names the sending country.
_OF_MISSION = re.compile(rf"\s+{_NAME}\s*,?\s+of\s+the\s+(?:Embassy|Consulate(?:\s+General)?)\s+of\s+(?:the\s+)?"
                         r"(?P<sender>[A-Z][\w ]{1,40}?)(?=\s+(?:in|at)\s|\s*[,.;)]|\s*$|\s+[a-z])")
#: ``of the Gana People's Government``: a place's government, named by the first words of the place.
_GOVERNMENT = re.compile(r"\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}?)\s+"
                         r"(?:People's\s+|People’s\s+|Municipal\s+|Provincial\s+)?(?:Government|Committee)\b")


#: Abbreviated titles of news style (``Gana Gov. Hong Gil-dong``) and the title each stands for.
ABBREVIATED = {"Gov.": "Governor", "Vice Gov.": "Vice-Governor"}


@lru_cache(maxsize=1)
def english_titles() -> str:
    """Regex alternation of the English titles, longest first; a hyphen may be written as a space, ``Deputy`` as
    ``Vice`` (``Vice Mayor``), and a governor's title abbreviated (:data:`ABBREVIATED`)."""
    forms = {t.en for t in titles().values() if t.en} | set(ABBREVIATED)
    forms |= {"Vice " + f[len("Deputy "):] for f in forms if f.startswith("Deputy ")}
    return "|".join(re.escape(f).replace(r"\-", "[- ]") for f in sorted(forms, key=len, reverse=True))


def _canonical(title: str) -> str:
    """The table's spelling of an English title as written (``vice governor`` → ``Vice-Governor``, ``Gov.`` →
    ``Governor``)."""
    title = ABBREVIATED.get(" ".join(title.split()), title)
    key = re.sub(r"[- ]+", "", title).lower()
    return next((t.en for t in titles().values() if re.sub(r"[- ]+", "", t.en).lower() == key), title)


def _whole_words(registry: Registry, s: str) -> list[Mention]:
    """Registry places and organisations named in ``s`` as whole words."""
    return [m for m in registry.find_mentions(s) if m.entity.kind in ("region", "organization")
            and not (m.start > 0 and s[m.start - 1].isalpha()) and not (m.end < len(s) and s[m.end].isalpha())]


def _country(registry: Registry, name: str) -> Entity | None:
    """The country ``name`` is in the registry, if it is one."""
    return next((e for e in registry.candidates(name.strip()) if e.kind == "country"), None)


def _is_name(registry: Registry, name: str) -> bool:
    """Two or three words, none a title, body word or registry name; at most one of them in capitals (a family
    name: ``HONG Gil-dong``), never all (``PRESS RELEASE``)."""
    words = name.split()
    if sum(1 for w in words if w.isupper()) > 1 or all(w.isupper() for w in words):
        return False
    return not any(w in _NOT_NAMES or re.fullmatch(english_titles(), w, re.IGNORECASE) or registry.candidates(w)
                   for w in re.split(r"\s", name))


def _leading_name(registry: Registry, after: str) -> re.Match[str] | None:
    """The name right after a title, its longest reading that is a name (``Governor Gana Dara`` and the next
    line's ``Tara Province`` run together: ``Gana Dara``)."""
    for words in (2, 1):
        named = re.match(rf"\s+(?P<name>{_WORD}(?:\s{_WORD}){{1,{words}}})(?![A-Za-z-])", after)
        if named and _is_name(registry, named.group("name")):
            return named
    return None


def english_posts(registry: Registry, s: str, own: Entity | None = None, places: dict[str, Entity] | None = None
                  ) -> list[tuple[str, Entity, str, int, int]]:
    """``(name, organisation, role, start, end)`` of every post stated in the English sentence ``s``. ``own``: the
    document's own region, the organisation of a Korean name with its title alone (``Mayor Hong Gil-dong``,
    ``Director of International Division: Hong Gil-dong``). ``places``: foreign places the document placed
    (:func:`graph.readers.english_names.english_places`), found like registry names."""
    if not re.search(r"[A-Za-z]{3}", s):
        return []
    mentions = _whole_words(registry, s)
    mentions += [Mention(entity, m.start(), m.end(), name) for name, entity in (places or {}).items()
                 for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", s)
                 if not any(k.start < m.end() and m.start() < k.end for k in mentions)]
    starting = {m.start: m for m in mentions}
    ending = {m.end: m for m in mentions}
    out = []
    for t in re.finditer(rf"(?<![A-Za-z-])(?P<title>{english_titles()})(?![A-Za-z-])", s):
        role, a, b = _canonical(t.group("title")), t.start(), t.end()
        after, before = s[b:], s[:a]
        of_place = re.match(r",?\s+of\s+(?:the\s+)?", after)
        place_after = starting.get(b + of_place.end()) if of_place else None
        named = re.match(rf"\s+{_NAME}\s*,?\s+of\s+(?:the\s+)?", after)
        if named and (m := starting.get(b + named.end())) and _is_name(registry, named.group("name")):
            out.append((named.group("name"), m.entity, role, a, m.end))  # Governor X of P
            continue
        named = re.search(rf"(?<![A-Za-z-]){_NAME},?\s+(?:the\s+)?$", before)
        if place_after and named and _is_name(registry, named.group("name")):
            out.append((named.group("name"), place_after.entity, role, named.start(), place_after.end))
            continue  # X, Governor of P
        gap = re.search(rf"{_PLACE_WORDS}(?:\s*[:|–—-])?\s+$", before)  # Gana (Province)[:] Governor X
        m = ending.get(a - (gap.end() - gap.start())) if gap else None
        named = _leading_name(registry, after)
        if m and named:
            out.append((named.group("name"), m.entity, role, m.start, b + named.end()))  # P Governor X
            continue
        named = re.match(rf",\s+{_NAME}(?![A-Za-z-])", s[place_after.end:]) if place_after else None
        if named and _is_name(registry, named.group("name")):
            out.append((named.group("name"), place_after.entity, role, a, place_after.end + named.end()))
            continue
        named = re.match(rf"\s+{_NAME}(?![A-Za-z-])", after)
        government = _GOVERNMENT.match(after, named.end()) if named else None
        place = next((m for m in mentions if government and s[m.start:m.end].startswith(government.group("place"))
                      and (m.end - m.start == len(government.group("place"))
                           or s[m.start + len(government.group("place"))] == " ")), None)
        if place and _is_name(registry, named.group("name")):  # Chairman X of the P People's Government
            out.append((named.group("name"), place.entity, role, a, b + government.end()))
            continue
        named = _OF_MISSION.match(after) if role in _DIPLOMATS else None
        sender = _country(registry, named.group("sender")) if named else None
        if sender is not None and _is_name(registry, named.group("name")):
            out.append((named.group("name"), sender, role, a, b + named.end()))  # Consul General X of the Consulate
            continue  # General of Gana (in Busan)
        mission = _MISSION.match(after) if role in _DIPLOMATS else None
        sender = _country(registry, mission.group("sender") or "Korea") if mission else None
        if mission and sender and _country(registry, mission.group("host")) not in (None, sender) and _is_name(
                registry, mission.group("name")):
            out.append((mission.group("name"), sender, role, a, b + mission.end()))  # Ambassador to Gana, X
            continue
        # Mayor X, Vice Mayor for Economic Affairs X, Director of International Division: X, Director: Mr. X
        named = re.match(rf"(?:\s+of\s+[A-Z][\w ]{{0,60}}?\s*:|(?P<field>\s+for(?:\s+[A-Z][a-z]+){{1,4}})\s|\s*:|\s)"
                         rf"\s*{_HONORIFIC}{_KOREAN_NAME}(?![A-Za-z-])", after)
        if own is not None and named and not place_after and _is_name(registry, named.group("name")):
            # Mayor Hong Gil-dong: the own city's; a field after the title is part of the post's name
            out.append((named.group("name"), own, role + (named.group("field") or ""), a, b + named.end()))
            continue
        # a signature: Hong Gil-dong, International Cooperation Officer, Gana City Hall (else the own region's)
        # or a contact line's unit first: Contact: Gana Division, Ms. Hong Gil-dong, Team Leader for Exchange (+82-…)
        named = re.search(rf"(?:^\s*|[:;]\s*|\.\s+|,\s*(?=(?:Mr|Ms|Mrs|Dr)\.?\s)){_HONORIFIC}{_KOREAN_NAME},\s+"
                          rf"(?P<field>(?:[A-Z][a-z]+\s+){{0,3}})$", before)
        field = re.match(r"\s+for(?:\s+[A-Z][a-z]+){1,4}(?=\s*[,(]|\s*$)", after) if named else None
        after = after[field.end():] if field else after
        org = re.match(r",\s+", after)
        place = starting.get(b + (field.end() if field else 0) + org.end()) if org else None
        if named and re.match(r"\s*(?:,|\(\+?\d|$)", after) and (place or own) and _is_name(registry,
                                                                                             named.group("name")):
            out.append((named.group("name"), place.entity if place else own,
                        named.group("field") + role + (field.group(0) if field else ""), named.start("name"),
                        place.end if place else b + (field.end() if field else 0)))
    return out


#: A participant list's name cell: two or three name words, maybe a closing initial (``Gana B.``).
_ROW_NAME = re.compile(rf"{_NAME}|(?P<one>{_WORD})\s+[A-Z]\.")
#: Words naming what kind of place or body a name is (``Gana City``, ``Dara Province``): skipped after a registry
#: name that fills the rest of an organisation cell.
_PLACE_WORDS = r"(?:\s+(?:City|Province|Prefecture|County|State|Krai|Oblast|Aimag|District|Metropolitan City))?"


def _is_country(registry: Registry, cell: str) -> bool:
    """The cell is only a country's name in the registry (``Japan``, ``the Republic of Korea``, ``일본``)."""
    key = re.sub(r"(?i)^the\s+", "", cell).casefold()
    return any(key == n.casefold() for e in registry.entities.values() if e.kind == "country" for n in e.names)


def english_row(registry: Registry, name: str, title: str, organisation: str, own: Entity | None
                ) -> tuple[str, str, Entity, bool] | None:
    """``(name, role, organisation, former)`` of one row of an English participant list (``Name | Title |
    Organization``): the title cell as written (a leading ``Former`` marks it former) when it starts with or is
    one of the lexicon's English titles; the organisation cell a registry place or body filling it (``Gana``,
    ``Gana City``), else an organisation minted as written (``Foreign Affairs Office of Dara``); with no
    organisation cell, ``own`` (the document's region) for a Korean name. ``None`` for a row with no name
    or no title (an observer, a seat to be confirmed)."""
    name, title, organisation = (" ".join(c.split()) for c in (name, title, organisation))
    person = _ROW_NAME.fullmatch(name)
    if person is None or (person.group("name") and not _is_name(registry, name)) or (
            person.group("one") and not _is_name(registry, person.group("one") + " X")):
        return None
    former = re.match(r"(?i)former\s+", title)
    role = title[former.end():] if former else title
    if not re.match(rf"(?:{english_titles()})(?![A-Za-z-])", role, re.IGNORECASE):
        return None
    if not organisation:
        org = own if re.fullmatch(_KOREAN_NAME, name) else None
    elif _is_country(registry, organisation):
        org = None  # Maria Lopez | Mayor | Japan: a country is no organisation, and names no city to hold the post
    else:
        org = next((m.entity for m in _whole_words(registry, organisation)
                    if m.start == 0 and re.fullmatch(_PLACE_WORDS, organisation[m.end:])), None)
        org = org or Entity(id=f"minted-{normalize_name(organisation)}", kind="organization", name_ko=organisation,
                            note="minted by the people reader: an organisation not in the registry")
    return (name, role, org, bool(former)) if org is not None else None
