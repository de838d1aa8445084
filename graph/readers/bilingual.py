"""One signing said in Korean and in English (a bilingual press release, a page with an English summary) is one
fact: the English lines become further provenance of the Korean-named fact, not a second agreement under an
English name.

A party an English reader minted under a Latin name (``Calgary``) is the Korean-named party (``캘거리시``) of another
candidate of the same document when that candidate has the same other party, the same kind (signing or plan), a
date that is the same or contains the other (``October 1996`` and ``1996. 10. 29.``), a partner in the same
country (or the English sentence named none), and a name that sounds alike (:func:`sounds_alike`: ``Calgary`` and
``캘거리``, not ``앨버타``). One match settles the name for the whole document; the Latin name is
kept as the region's English ``skos:altLabel`` (the surface ``캘거리시(Calgary)``). A party named with no country
and matched by no Korean candidate (:data:`UNPLACED`) is left, never minted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from difflib import SequenceMatcher

from graph.dates import StatedDate
from graph.facts import spelling_language
from graph.readers.candidates import AgreementCandidate
from graph.readers.entities import Party
from graph.romanization import romanize

#: The country of a place an English sentence named without one: kept only when a Korean candidate names it.
UNPLACED = ""
#: The note an English list entry's candidate carries (:mod:`graph.readers.lists_en`): its line is English, read
#: whole; another list reader's candidate on it (a parent region it took for the partner) is dropped.
ENGLISH_ENTRY = "English list entry"
#: How alike (:func:`sounds_alike`) a Latin name and a Korean one must sound to be one place.
SOUND_FLOOR = 0.6
_SOUND = {**dict.fromkeys("cgkq", "k"), **dict.fromkeys("bpfv", "p"), **dict.fromkeys("dt", "t"),
          **dict.fromkeys("lr", "l"), **dict.fromkeys("sjzx", "s"), "m": "m", "n": "n"}


def _latin(party: Party) -> bool:
    return party.minted and spelling_language(party.entity.name_ko) == "en"


def _same_signing(a: StatedDate | None, b: StatedDate | None) -> bool:
    """Dates that may state one signing: equal, or one contains the other (a year, a month)."""
    if a is None or b is None:
        return a is b
    return a.iso.startswith(b.iso) or b.iso.startswith(a.iso)


def korean_names(candidates: list) -> dict[str, Party]:
    """Latin-named minted entity id → the one Korean-named party it is in the document (see the module)."""
    agreements = [c for c in candidates if isinstance(c, AgreementCandidate)]
    korean = [c for c in agreements if not any(_latin(p) for p in c.parties)]
    found: dict[str, dict[str, Party]] = {}
    for c in agreements:
        for i, party in enumerate(c.parties):
            if not _latin(party):
                continue
            other = c.parties[1 - i].entity.id
            for k in korean:
                ids = [q.entity.id for q in k.parties]
                if other not in ids or k.intent != c.intent or not _same_signing(c.date, k.date):
                    continue
                named = k.parties[1 - ids.index(other)]
                if named.entity.id != other and party.entity.country in (UNPLACED, named.entity.country):
                    found.setdefault(party.entity.id, {})[named.entity.id] = named
    out = {}
    for latin, named in found.items():
        latin_name = next(p.entity.name_ko for c in agreements for p in c.parties if p.entity.id == latin)
        scored = sorted(((sounds_alike(latin_name, q.entity.name_ko), q.entity.id) for q in named.values()),
                        reverse=True)
        if scored[0][0] >= SOUND_FLOOR and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            out[latin] = named[scored[0][1]]
    return out


def _folded(latin: str) -> str:
    decomposed = unicodedata.normalize("NFKD", latin.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _skeleton(latin: str) -> str:
    """The consonants of a Latin name by sound class, doubled ones once (``Calgary`` → ``klkl``)."""
    letters = re.sub(r"ch|sh|ts|ph|th|[^a-z]", lambda m: {"ch": "s", "sh": "s", "ts": "s", "ph": "p", "th": "t"}
                     .get(m.group(0), ""), _folded(latin))
    classes = "".join(_SOUND.get(ch, "") for ch in letters)
    return re.sub(r"(.)\1+", r"\1", classes)


def sounds_alike(latin: str, korean: str) -> float:
    """How alike a Latin name and a Korean one (its place suffix dropped) sound, 0–1, by their consonants.

    >>> [round(sounds_alike("Calgary", k), 2) for k in ("캘거리시", "앨버타주")]
    [1.0, 0.29]
    >>> round(sounds_alike("Seattle", "시애틀시"), 2), round(sounds_alike("Uppsala", "웁살라시"), 2)
    (1.0, 1.0)
    """
    stem = re.sub(r"(?:시|주|성|현|군|구|도|부|아이막)$", "", korean) if len(korean) > 2 else korean
    a, b = _skeleton(latin), _skeleton(romanize(stem))
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def unify_english_names(candidates: list) -> list:
    """``candidates`` with each Latin-named party replaced by its Korean-named one (:func:`korean_names`); a
    candidate with an unmatched party of no country is dropped, and so is another list reader's candidate on a line
    an English list entry read."""
    names = korean_names(candidates)
    english = {n for c in candidates if isinstance(c, AgreementCandidate) and any(ENGLISH_ENTRY in x for x in c.notes)
               for n in range(c.lines[0], c.lines[1] + 1)}
    out = []
    for c in candidates:
        if isinstance(c, AgreementCandidate) and c.reader == "lists" and c.lines[0] in english and not any(
                ENGLISH_ENTRY in x for x in c.notes):
            continue  # Gana, Dara Prefecture, Japan (…): the English entry's partner, not the registry's Dara
        if not isinstance(c, AgreementCandidate) or not any(_latin(p) for p in c.parties):
            out.append(c)
            continue
        parties = tuple(_korean(p, names) for p in c.parties)
        if any(p.minted and p.entity.country == UNPLACED for p in parties):
            continue
        out.append(c if parties == c.parties else _with_parties(c, parties))
    return out


def _korean(party: Party, names: dict[str, Party]) -> Party:
    named = names.get(party.entity.id) if _latin(party) else None
    if named is None:
        return party
    return Party(f"{named.entity.name_ko}({party.surface})", named.entity, named.minted)


def _with_parties(c: AgreementCandidate, parties: tuple[Party, ...]) -> AgreementCandidate:
    return replace(c, parties=(parties[0], parties[1]))
