"""The general sentence reader: agreements and plans stated in running text (news articles, council reports).

A sentence is read when it names a relation (자매결연, 우호교류 협약, MOU …) together with a signing word
(체결, 맺다 …) or a plan (추진 중, 계획, 예정, 의향서 전달 …: then the candidate is a ``gy:AgreementIntent``,
never a ``gy:Agreement``). Its parties are regions (the registry's, or a foreign place minted with its
country from a country word before it), in the shapes Korean text uses (names invented):

* both parties named: ``가나시와 다라군은 2024년 3월 5일 우호교류 협약을 체결했다``;
* a subject and a partner: ``가나시는 2019년 5월 일본 다라시와 자매결연을 맺었다``;
* several partners, each with its date in brackets or after it: ``미국 가나시(1998년), 일본 다라현(2005년)과``;
* a subject carried from the document: ``군은``, ``시는``, ``도는`` refer to the region of the title or the
  nearest heading, and a sentence naming only a partner takes the subject of the sentence before.

Sentences may be wrapped over several lines: lines are joined within a paragraph, and each candidate cites
the line span that covers its sentence. Dates keep their precision (:func:`graph.dates.find_dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.dates import DateMention, find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import BULLET, context_at
from graph.readers.entities import Party, place_level, resolve_party
from graph.readers.relations import DEFAULT_RELATION, is_intent, relation_of, states_signing
from graph.registry import Entity

#: Words that refer back to the document's own region (``군은 …``): the level word each one names.
SELF_REFERENCES = {"시": "시", "군": "군", "도": "도", "구": "구", "본시": "시", "본군": "군", "본도": "도",
                   "우리시": "시", "우리군": "군", "우리도": "도"}
#: Particles that close a party's name: topic (the subject), conjunction (a partner), others.
_TOPIC = ("은", "는", "이", "가", "에서는", "측은")
_WITH = ("와", "과", "와의", "과의", "및", "하고", "랑")
_PARTICLE = re.compile(r"(에서는|측은|와의|과의|으로|에서|하고|은|는|이|가|와|과|의|을|를|에|도|로|및)$")
_WORD = re.compile(r"[가-힣A-Za-z\u4e00-\u9fff]+")
#: Confidence of a pair named in the sentence, of one whose subject comes from the document or the sentence
#: before, and the extra for a date stated to the day.
CONFIDENCE_NAMED, CONFIDENCE_CARRIED, DAY_BONUS = 0.75, 0.6, 0.05


@dataclass(frozen=True)
class Sentence:
    """A sentence of the document with the lines it covers."""

    text: str
    lines: tuple[int, int]
    offsets: tuple[int, ...]  # line of every character

    def line_at(self, index: int) -> int:
        """The line of character ``index``."""
        return self.offsets[min(max(index, 0), len(self.offsets) - 1)]


@dataclass(frozen=True)
class Named:
    """A party named in a sentence: where, and the particle after it."""

    party: Party
    start: int
    end: int
    particle: str


def sentences(lines: tuple[str, ...]) -> list[Sentence]:
    """The document's sentences: lines joined within a paragraph (a blank line, a bullet or a heading-like
    short line ends one), then split after ``다.`` or a full stop before a space.

    >>> [(s.text, s.lines) for s in sentences(("가나시는 2019년 다라시와", "자매결연을 맺었다. 또 다른 문장.", ""))]
    [('가나시는 2019년 다라시와 자매결연을 맺었다.', (1, 2)), ('또 다른 문장.', (2, 2))]
    """
    out: list[Sentence] = []
    text, owners = "", []

    def flush() -> None:
        nonlocal text, owners
        for m in re.finditer(r"\S.*?(?:다\.|[.?!](?=\s|$)|$)", text):
            if m.group(0).strip():
                spans = tuple(owners[m.start():m.end()])
                out.append(Sentence(m.group(0).strip(), (spans[0], spans[-1]), spans))
        text, owners = "", []

    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or BULLET.match(raw):
            flush()
        if not line:
            continue
        if text:
            text += " "
            owners.append(n)
        text += line
        owners.extend([n] * len(line))
        if line.endswith(("다.", ".", "?", "!")) or (len(line) < 30 and not re.search(r"[,은는이가와과를을의]$", line)):
            flush()
    flush()
    return out


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> list[AgreementCandidate]:
    """Agreement and intent candidates from every sentence outside the ``skip`` lines."""
    out: list[AgreementCandidate] = []
    carried: Party | None = None
    for s in sentences(w.doc.lines):
        if skip.intersection(range(s.lines[0], s.lines[1] + 1)):
            continue
        found, subject = read_sentence(w, s, carried)
        out.extend(found)
        carried = subject or carried
    return out


def read_sentence(w: FactWriter, s: Sentence, carried: Party | None) -> tuple[list[AgreementCandidate], Party | None]:
    """Candidates of one sentence, and the subject it names (carried to the next sentence)."""
    intent = is_intent(s.text)
    relation = relation_of(s.text)
    named = parties_in(w, s)
    subject = _subject(w, s, named)
    if relation is None or not (intent or states_signing(s.text)):
        return [], subject.party if subject else None
    dates = find_dates(s.text, bare_years=True)
    partners = [p for p in named if subject is None or p.party.entity.id != subject.party.entity.id]
    confidence = CONFIDENCE_NAMED
    if subject is None and len(partners) == 2 and partners[0].particle in _WITH:
        subject, partners = partners[0], partners[1:]
    if subject is None:
        carried_here = _self_reference(w, s) or carried
        if carried_here is None or not partners:
            return [], None
        subject = Named(carried_here, -1, -1, "")
        confidence = CONFIDENCE_CARRIED
    out = []
    for partner, date in _dated(partners, dates):
        if date is None and not intent:
            continue
        bonus = DAY_BONUS if date is not None and date.value.precision == "day" else 0.0
        out.append(AgreementCandidate((subject.party, partner.party), date.value if date else None,
                                      relation or DEFAULT_RELATION, s.lines, confidence + bonus, intent=intent,
                                      reader="sentences", quote=s.text))
    return out, subject.party if subject.start >= 0 else None


def parties_in(w: FactWriter, s: Sentence) -> list[Named]:
    """Regions named in the sentence, left to right: registry names (a city's district with it), and foreign
    places the registry lacks, placed in a country by a country word before them."""
    out: list[Named] = []
    words = list(_WORD.finditer(s.text))
    country: str | None = None
    taken = -1
    for i, m in enumerate(words):
        if m.start() < taken:
            continue
        word = m.group(0)
        stated_country = _country(w, word)
        if stated_country is not None:
            country = stated_country
            continue
        name = _PARTICLE.sub("", word)
        particle = word[len(name):]
        if len(name) < 2:
            continue
        end = m.end()
        following = words[i + 1] if i + 1 < len(words) and not particle else None
        party = None
        if following is not None and _is_region(w, name):
            district = _PARTICLE.sub("", following.group(0))
            r = w.registry.resolve(f"{name} {district}", kinds=("region",))
            if r.entity is not None and r.entity.parent and _is_region(w, district):
                party = resolve_party(w, f"{name} {district}", s.line_at(m.start()), report=False)
                particle, end = following.group(0)[len(district):], following.end()
        if party is None and (_is_region(w, name) or place_level(name) and country and country != "KR"):
            party = resolve_party(w, name, s.line_at(m.start()), country=country)
        if party is not None and party.entity.kind == "region":
            out.append(Named(party, m.start(), end, particle))
            taken = end
            country = None
    return out


def _is_region(w: FactWriter, name: str) -> bool:
    return any(e.kind == "region" for e in w.registry.candidates(name))


def _country(w: FactWriter, word: str) -> str | None:
    pattern, names = w.registry.country_words
    m = pattern.fullmatch(word) or pattern.fullmatch(_PARTICLE.sub("", word))
    return names[m.group(0)] if m else None


def _subject(w: FactWriter, s: Sentence, named: list[Named]) -> Named | None:
    """The party the sentence is about: named with a topic particle (``가나시는``), or the document's region
    when the sentence says ``시는`` / ``군은``."""
    topic = [n for n in named if n.particle in _TOPIC]
    if topic:
        return topic[0]
    region = _self_reference(w, s)
    return Named(region, -1, -1, "") if region is not None else None


def _self_reference(w: FactWriter, s: Sentence) -> Party | None:
    """The document's region when the sentence refers to it as ``군은``, ``시는``, ``도는``, ``구는``."""
    m = re.search(r"(?:^|(?<=[\s,(]))(?P<ref>(?:본|우리\s?)?(?:시|군|도|구))(?:은|는|이|가|에서는)(?=\s)", s.text)
    if not m:
        return None
    level = SELF_REFERENCES.get(m.group("ref").replace(" ", ""))
    subject = context_at(w, s.lines[0], lookback=len(w.doc.lines)).subject
    if subject is None or not _named_level(subject.entity, level):
        return None
    return subject


def _named_level(entity: Entity, level: str | None) -> bool:
    """Whether ``entity`` is a 시, 군, 도 or 구 as ``level`` says (by its name's ending)."""
    if level is None:
        return False
    name = entity.name_ko
    return name.endswith(level) or (level == "시" and name.endswith(("광역시", "특별시", "특별자치시"))) or (
        level == "도" and name.endswith("특별자치도"))


def _dated(partners: list[Named], dates: list[DateMention]) -> list[tuple[Named, DateMention | None]]:
    """Each partner with its date: the one right after it (before the next partner) or, with one date per
    partner, in order; otherwise the sentence's first date for every partner."""
    if not dates:
        return [(p, None) for p in partners]
    out = []
    for i, p in enumerate(partners):
        limit = partners[i + 1].start if i + 1 < len(partners) else None
        own = [d for d in dates if d.start >= p.end and (limit is None or d.start < limit) and d.start - p.end <= 12]
        out.append((p, own[0] if own else None))
    if len(partners) > 1 and all(d is not None for _, d in out):
        return out
    if len(dates) == len(partners) > 1:
        return list(zip(partners, dates, strict=True))
    return [(p, d or dates[0]) for p, d in out]
