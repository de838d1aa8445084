"""The entity registry: canonical regions, organisations and countries, kept as data in ``graph/data``.

Names are matched after normalisation (spacing, ``*`` markers, circled numbers, CJK unit
characters such as 市 → 시), then fuzzily on Hangul jamo with a threshold. A name shared by
several entities (고성군 in 강원 and 경남, 광주 for 광주광역시 and 경기 광주시) is never
resolved by spelling alone: :meth:`Registry.resolve` reports it as ambiguous.

>>> reg = Registry.default()
>>> reg.resolve("전 라 남 도 *").entity.name_ko
'전라남도'
>>> reg.resolve("강원도").entity.name_ko        # former name
'강원특별자치도'
>>> reg.resolve("광주 광산구").entity.id
'kr-gwangju-gwangsan'
>>> r = reg.resolve("고성군")
>>> r.entity is None, sorted(c.id for c in r.candidates)
(True, ['kr-gangwon-goseong', 'kr-gyeongnam-goseong'])
>>> reg.resolve("저 ㅇ ㅂ").entity is None
True

A non-autonomous district (행정구, no local government of its own but a unit that signs) is a region inside its
city, named alone or after its city (decision 0096):

>>> [reg.resolve(n).entity.id for n in ("기흥구", "용인시 기흥구", "경기도 수원시 영통구", "포항시 남구")]
['kr-gyeonggi-yongin-giheung', 'kr-gyeonggi-yongin-giheung', 'kr-gyeonggi-suwon-yeongtong', 'kr-gyeongbuk-pohang-nam']
>>> reg.resolve("남구").ambiguous
True
"""

from __future__ import annotations

import csv
import difflib
import re
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from rdflib import URIRef

from graph.entity_kinds import ENTITY_KINDS
from graph.romanization import latin_keys
from ontology.namespaces import ID

DATA_DIR = Path(__file__).resolve().parent / "data"
REGION_FILES = ("regions_kr.tsv", "regions_world.tsv")
ORGANIZATION_FILE = "organizations.tsv"
COUNTRY_FILE = "countries.tsv"
#: Foreign first-level divisions known by name: where a minted place is, never registry entities (decision 0076).
PLACE_FILE = "places_world.tsv"
#: Korean non-autonomous districts (행정구 of a city: 용인시 기흥구), regions inside their city (decision 0096).
DISTRICT_FILE = "districts_kr.tsv"
#: Short registry names (two syllables, no unit) that are also common words (예산: budget): a place only beside
#: another place name (decision 0096).
COMMON_WORD_FILE = "common_words.tsv"
#: The level of such a district: no local government of its own, but a unit that signs (decision 0096).
DISTRICT_LEVEL = "행정구"

#: Minimum jamo similarity (0..1) for a fuzzy match, and the lead it needs over another entity.
FUZZY_THRESHOLD = 0.86
FUZZY_MARGIN = 0.04

_CJK_UNITS = str.maketrans({"市": "시", "省": "성", "縣": "현", "県": "현", "郡": "군", "區": "구", "区": "구",
                            "道": "도", "州": "주", "府": "부"})
_NOISE = re.compile(r"[\s*※·ㆍ.,:;'\"`()\[\]{}<>「」『』“”‘’\-–—_/]+")
_CIRCLED = re.compile(r"[\u2460-\u24ff\u2776-\u2793]")


def normalize_name(text: str) -> str:
    """Comparable form of a name: NFKC, no spacing/markers/punctuation, CJK units as Hangul.

    >>> normalize_name(" 제 주 도 *")
    '제주도'
    >>> normalize_name("③ 경상남도 *")
    '경상남도'
    >>> normalize_name("알함브라市")
    '알함브라시'
    """
    text = _CIRCLED.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(_CJK_UNITS)
    return _NOISE.sub("", text).lower()


#: Plain spellings of Latin letters with diacritics beyond dropping the mark (Mongolian ö and ü are written u:
#: Töv, Tuv; German ä, ö, ü as ae, oe, ue).
_PLAIN_LETTERS = {"ö": ("o", "u", "oe"), "ü": ("u", "ue"), "ä": ("a", "ae")}


def folded_keys(key: str) -> set[str]:
    """The plain-letter spellings of a normalised Latin ``key`` with diacritics (``töv`` → tov, tuv, toev); empty
    for a key without them or with letters outside Latin.

    >>> sorted(folded_keys("töv")), folded_keys("tuv"), folded_keys("서울")
    (['toev', 'tov', 'tuv'], set(), set())
    """
    if key.isascii() or not re.search(r"[A-Za-z]", key):
        return set()
    out = {""}
    for ch in key:
        options = _PLAIN_LETTERS.get(ch) or (unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode(),)
        out = {o + c for o in out for c in options}
        if len(out) > 64:
            out = set(list(out)[:64])
    return {k for k in out if k and k.isascii()}


def plain_key(key: str) -> str:
    """A normalised key with the marks of its Latin letters dropped (``töv`` → tov; a plain key unchanged)."""
    return unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode() if re.fullmatch(
        r"[A-Za-z\u00c0-\u024f\u0300-\u036f0-9]+", key) else key


_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def to_jamo(text: str) -> str:
    """Decompose Hangul syllables into compatibility jamo (other characters unchanged).

    >>> to_jamo("정읍")
    'ㅈㅓㅇㅇㅡㅂ'
    """
    out: list[str] = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(_CHO[code // 588] + _JUNG[(code % 588) // 28] + _JONG[code % 28].strip())
        else:
            out.append(ch)
    return "".join(out)


def jamo_similarity(a: str, b: str) -> float:
    """Similarity of two names on their jamo (0..1), via :class:`difflib.SequenceMatcher`."""
    return difflib.SequenceMatcher(None, to_jamo(a), to_jamo(b), autojunk=False).ratio()


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip()) if value else ()


@dataclass(frozen=True)
class Entity:
    """A canonical entity of the registry."""

    id: str
    kind: str  # region | organization | country
    name_ko: str
    name_en: str = ""
    country: str = ""
    level: str = ""
    parent: str = ""
    former: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    note: str = ""
    org_kind: str = ""

    @property
    def iri(self) -> URIRef:
        """The entity's IRI under ``https://w3id.org/gyoryu/id/``."""
        return ID[f"{ENTITY_KINDS[self.kind].path}/{self.id}"]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the entity is known by: canonical, English, former, aliases."""
        return tuple(n for n in (self.name_ko, self.name_en, *self.former, *self.aliases) if n)

    @property
    def label(self) -> str:
        """Korean label, else English."""
        return self.name_ko or self.name_en


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one surface string."""

    surface: str
    entity: Entity | None
    score: float = 0.0
    candidates: tuple[Entity, ...] = ()
    reason: str = ""

    @property
    def ambiguous(self) -> bool:
        """True when several entities share the name and the text cannot tell them apart."""
        return self.entity is None and len(self.candidates) > 1


@dataclass(frozen=True)
class Mention:
    """A registry name found in a text: ``text[start:end]`` names ``entity``."""

    entity: Entity
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class Place:
    """A foreign first-level division (a prefecture, province, state) known by name: its country and level tell where
    a place written with it (``홋카이도 가나시``) or as it is minted. No entity: a minted place keeps its label."""

    name_ko: str
    country: str
    level: str
    name_en: str = ""


@dataclass
class Registry:
    """Canonical entities with name indexes for exact and fuzzy matching, and a gazetteer of foreign divisions."""

    entities: dict[str, Entity] = field(default_factory=dict)
    places: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    #: Normalised short names that are also common words (:data:`COMMON_WORD_FILE`).
    common_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Registry:
        """Load every registry TSV of ``data_dir`` (missing optional files are skipped)."""
        reg = cls()
        for row in _read_tsv(data_dir / COUNTRY_FILE):
            reg.add(Entity(id=row["id"], kind="country", name_ko=row["name_ko"], name_en=row["name_en"],
                           aliases=_split(row.get("aliases", "")), note=row.get("note", "")))
        for name in REGION_FILES:
            for row in _read_tsv(data_dir / name):
                reg.add(Entity(id=row["id"], kind="region", name_ko=row["name_ko"], name_en=row["name_en"],
                               country=row.get("country", ""), level=row.get("level", ""),
                               parent=row.get("parent", ""), former=_split(row.get("former", "")),
                               aliases=_split(row.get("aliases", "")), note=row.get("note", "")))
        for row in _read_tsv(data_dir / ORGANIZATION_FILE):
            reg.add(Entity(id=row["id"], kind="organization", name_ko=row["name_ko"], name_en=row["name_en"],
                           country=row.get("country", ""), aliases=_split(row.get("aliases", "")),
                           note=row.get("note", ""), org_kind=row.get("kind", "")))
        for row in _read_tsv(data_dir / PLACE_FILE):
            reg.add_place(Place(row["name_ko"], row["country"], row["level"], row.get("name_en", "")),
                          _split(row.get("aliases", "")))
        reg.common_words = frozenset(normalize_name(row["word"]) for row in _read_tsv(data_dir / COMMON_WORD_FILE))
        for row in _read_tsv(data_dir / DISTRICT_FILE):
            reg.add(reg.district(row["name_ko"], row["city"], row.get("name_en", ""), row.get("note", "")))
        return reg

    @classmethod
    def default(cls) -> Registry:
        """The registry shipped in ``graph/data`` (loaded once per process)."""
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls.load()
        return _DEFAULT

    def add(self, entity: Entity) -> None:
        """Add one entity; ids are unique."""
        if entity.id in self.entities:
            raise ValueError(f"duplicate registry id {entity.id!r}")
        self.entities[entity.id] = entity
        for cached in ("_index", "_qualified_keys", "_latin_index", "_folded_index", "_mention_pattern",
                       "country_words", "_prose_country_words", "_fuzzy_names", "_memo"):
            self.__dict__.pop(cached, None)

    def add_place(self, place: Place, aliases: Iterable[str] = ()) -> None:
        """Add a gazetteer division under its Korean name and ``aliases`` (normalised)."""
        for name in (place.name_ko, *aliases):
            key = normalize_name(name)
            if place not in self.places.get(key, ()):
                self.places[key] = (*self.places.get(key, ()), place)

    def district(self, name: str, city: str, name_en: str = "", note: str = "") -> Entity:
        """A non-autonomous district (행정구) of the registry city ``city`` (an id): a region of level
        :data:`DISTRICT_LEVEL` inside it, whose id is romanised as every registry id is, its city's id and its own
        English name without ``-gu`` (``kr-gyeonggi-yongin-giheung``; Hangul ids ``kr-기흥구`` until session 15,
        decision 0107). A district with no English name keeps the minting rule of a place (``kr-`` + its name).

        >>> reg = Registry.default()
        >>> [(e.id, e.parent) for e in (reg.resolve("용인시 기흥구").entity, reg.resolve("포항시 남구").entity)]
        [('kr-gyeonggi-yongin-giheung', 'kr-gyeonggi-yongin'), ('kr-gyeongbuk-pohang-nam', 'kr-gyeongbuk-pohang')]
        """
        if city not in self.entities:
            raise ValueError(f"district {name!r} of unknown city {city!r}")
        latin = re.sub(r"[^a-z0-9]+", "", re.sub(r"-gu$", "", name_en.strip().lower()))
        return Entity(id=f"{city}-{latin}" if latin else f"kr-{normalize_name(name)}", kind="region",
                      name_ko=name, name_en=name_en, country="KR", level=DISTRICT_LEVEL, parent=city, note=note)

    def places_in_latin(self, name: str, country: str) -> tuple[Place, ...]:
        """The gazetteer divisions of ``country`` whose English name is ``name`` (case and spacing ignored).

        >>> [(p.name_ko, p.level) for p in Registry.default().places_in_latin(" hokkaido", "JP")]
        [('홋카이도', 'prefecture')]
        """
        key = " ".join(name.lower().split())
        return tuple(dict.fromkeys(p for places in self.places.values() for p in places
                                   if p.country == country and " ".join(p.name_en.lower().split()) == key))

    def place_named(self, name: str, country: str | None = None) -> Place | None:
        """The gazetteer division ``name`` names: the one in ``country`` when it is among them, else the only one.

        >>> reg = Registry.default()
        >>> [(p.country, p.level) for p in (reg.place_named("홋카이도"), reg.place_named("텍사스주", "CN"))]
        [('JP', 'prefecture'), ('US', 'state')]
        >>> reg.place_named("산시성").name_en, reg.place_named("가나주"), reg.place_named("福岡県").name_ko
        ('Shanxi', None, '후쿠오카현')
        """
        found = self.places.get(normalize_name(name), ())
        chosen = [p for p in found if p.country == country] or found
        return chosen[0] if len({p.country for p in chosen}) == 1 else None

    def get(self, entity_id: str) -> Entity:
        """The entity with ``entity_id`` (KeyError if unknown)."""
        return self.entities[entity_id]

    def parent_of(self, entity: Entity) -> Entity | None:
        """The 광역 region a 기초 region belongs to."""
        return self.entities.get(entity.parent) if entity.parent else None

    @cached_property
    def _index(self) -> dict[str, set[str]]:
        """Entity ids by every normalised name, a district's also after its city's names (:attr:`_qualified_keys`)."""
        index: dict[str, set[str]] = defaultdict(set)
        for entity in self.entities.values():
            for name in entity.names:
                key = normalize_name(name)
                if key:
                    index[key].add(entity.id)
        for key, district in self._qualified_keys.items():
            index[key].add(district)
        return dict(index)

    @cached_property
    def _qualified_keys(self) -> dict[str, str]:
        """Names written after each Hangul name of their parent, one name and one mention of the region:
        a non-autonomous district's (``용인시기흥구``, ``포항시남구``), and a district's (구) whose bare
        name, or a former name's last word, several regions share (``광주광역시남구`` is 광주 남구,
        not 대구 남구 nor 광주광역시 and a 남구; ``인천광역시남구`` is today's 미추홀구, whose former
        name ``인천 남구`` is in the registry): decision 0107. Other names keep their mentions apart
        (``경기도 수원시``, ``경기도 광주시``: the province, then the city, which the table readers use
        to settle a homograph)."""
        plain: dict[str, set[str]] = defaultdict(set)
        for entity in self.entities.values():
            for name in entity.names:
                plain[normalize_name(name)].add(entity.id)
        out: dict[str, str] = {}
        for entity in self.entities.values():
            if entity.kind != "region" or entity.parent not in self.entities:
                continue
            bare = {normalize_name(entity.name_ko)} | {normalize_name(n.split()[-1]) for n in entity.former if " " in n}
            shared = {b for b in bare if entity.level == DISTRICT_LEVEL
                      or b.endswith("구") and len(plain.get(b, ())) > 1}
            for name in self.entities[entity.parent].names:
                if re.search("[가-힣]", name):
                    out.update((normalize_name(name) + b, entity.id) for b in shared)
        return out

    @cached_property
    def _latin_index(self) -> dict[str, set[str]]:
        """Korean regions by their names in Latin letters (:func:`graph.romanization.latin_keys`: ``jeollanamdo``,
        ``busanmetropolitancity``), derived from each Hangul name and the English label."""
        index: dict[str, set[str]] = defaultdict(set)
        for entity in self.entities.values():
            if entity.kind == "region" and entity.country == "KR":
                for name in (entity.name_ko, *entity.former, *entity.aliases):
                    for key in latin_keys(name, entity.name_en if name == entity.name_ko else ""):
                        index[key].add(entity.id)
        return dict(index)

    @cached_property
    def _folded_index(self) -> dict[str, set[str]]:
        """Entities by the plain-letter spellings of their Latin names with diacritics (:func:`folded_keys`)."""
        index: dict[str, set[str]] = defaultdict(set)
        for entity in self.entities.values():
            for name in entity.names:
                for key in folded_keys(normalize_name(name)):
                    index[key].add(entity.id)
        return dict(index)

    def candidates(self, text: str, kinds: Iterable[str] | None = None) -> list[Entity]:
        """Entities whose normalised name equals the normalised ``text`` (a Korean region also by its name in Latin
        letters: ``Jeollanam-do``, ``Busan Metropolitan City``).

        >>> [e.id for e in Registry.default().candidates("Gyeongsangbuk-do")]
        ['kr-gyeongbuk']
        """
        kinds = set(kinds) if kinds else None
        key = normalize_name(text)
        ids = self._index.get(key) or (self._latin_index.get(key, set()) if key.isascii() else set()) or (
            self._folded_index.get(plain_key(key), set()) if re.search(r"[a-z]", key) else set())
        return sorted((self.entities[i] for i in ids if kinds is None or self.entities[i].kind in kinds),
                      key=lambda e: e.id)

    def resolve(self, text: str, *, kinds: Iterable[str] | None = None, country: str | None = None,
                parent: str | None = None) -> Resolution:
        """Resolve a surface string to one entity, or explain why not.

        ``country`` and ``parent`` narrow homographs when the context states them.
        """
        kinds = tuple(kinds) if kinds else None
        key = normalize_name(text)
        if not key:
            return Resolution(text, None, reason="empty name")
        found = self._narrow(self.candidates(text, kinds), country, parent)
        if not found:
            found = self._narrow(self._with_parent_prefix(key, kinds), country, parent)
        if len(found) == 1:
            return Resolution(text, found[0], 1.0, tuple(found))
        if len(found) > 1:
            return Resolution(text, None, 1.0, tuple(found),
                              reason="ambiguous: " + ", ".join(self.qualified_name(e) for e in found))
        return self._fuzzy(text, key, kinds, country, parent)

    def qualified_name(self, entity: Entity) -> str:
        """Name with its parent region, e.g. ``경상남도 고성군``."""
        parent = self.parent_of(entity)
        return f"{parent.name_ko} {entity.name_ko}" if parent else entity.name_ko

    def _narrow(self, found: list[Entity], country: str | None, parent: str | None) -> list[Entity]:
        if country:
            found = [e for e in found if e.country in ("", country)] or found
        if parent:
            found = [e for e in found if e.parent == parent] or found
        return found

    def _with_parent_prefix(self, key: str, kinds: tuple[str, ...] | None) -> list[Entity]:
        """Match ``<광역 name><기초 name>`` written together, e.g. 광주광산구."""
        out: list[Entity] = []
        for cut in range(2, len(key) - 1):
            head, tail = key[:cut], key[cut:]
            parents = {i for i in self._index.get(head, set()) if self.entities[i].level == "광역"}
            if parents:  # 경기도수원시영통구: the tail's city (a district's parent) in the 광역 region too
                out.extend(self.entities[i] for i in self._index.get(tail, set())
                           if parents & {self.entities[i].parent, self._grandparent(i)} and (
                               not kinds or "region" in kinds))
        return out

    def _grandparent(self, entity_id: str) -> str:
        parent = self.entities.get(self.entities[entity_id].parent)
        return parent.parent if parent is not None else ""

    @cached_property
    def _fuzzy_names(self) -> _FuzzyNames:
        """Every index name's length, jamo counts, a matcher holding its jamo as the second sequence and its ids.

        A shared district name written after its city's (``광주광역시남구``, decision 0107) is matched exactly
        only: the city's name would lend an unknown or misspelt district (``서울특별시 가나구``) the likeness
        of a known one (``서울특별시강서구``), a guess where the name must be reported."""
        plain = {normalize_name(name) for entity in self.entities.values() for name in entity.names}
        exact_only = {key for key, district in self._qualified_keys.items()
                      if self.entities[district].level != DISTRICT_LEVEL and key not in plain}
        return _FuzzyNames([item for item in self._index.items() if item[0] not in exact_only])

    @cached_property
    def _memo(self) -> dict[tuple, object]:
        """Results of pure look-ups (fuzzy scores, mentions) by their arguments; emptied when an entity is added."""
        return {}

    def _remember(self, key: tuple, compute):
        memo = self._memo
        if key not in memo:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[key] = compute()
        return memo[key]

    def _fuzzy_scores(self, key: str, kinds: tuple[str, ...] | None) -> dict[str, float]:
        """Best jamo similarity of each entity (of ``kinds``) to ``key``, for names that come close enough.

        The matcher's cheap upper bound (``quick_ratio``, the shared jamo counted as multisets) is computed for
        every name at once (:meth:`_FuzzyNames.close`) and skips names that cannot reach the floor; the scores
        kept are exactly :func:`jamo_similarity`'s."""
        floor = FUZZY_THRESHOLD - 0.1
        key_jamo = to_jamo(key)
        scored: dict[str, float] = {}
        names = self._fuzzy_names
        for n in names.close(len(key), key_jamo, floor):
            matcher, ids = names.matchers[n], names.ids[n]
            with _MATCHER_LOCK:  # the matchers are shared: one sequence set at a time
                matcher.set_seq1(key_jamo)
                score = matcher.ratio()
            if score < floor:
                continue
            for i in ids:
                if (kinds is None or self.entities[i].kind in kinds) and score > scored.get(i, 0.0):
                    scored[i] = score
        return scored

    def _fuzzy(self, text: str, key: str, kinds: tuple[str, ...] | None, country: str | None,
               parent: str | None) -> Resolution:
        scored = self._remember(("fuzzy", key, kinds), lambda: self._fuzzy_scores(key, kinds))
        ranked = sorted(scored.items(), key=lambda kv: -kv[1])
        if country:
            ranked = [kv for kv in ranked if self.entities[kv[0]].country in ("", country)] or ranked
        if parent:
            ranked = [kv for kv in ranked if self.entities[kv[0]].parent == parent] or ranked
        if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
            best = f" (closest: {self.entities[ranked[0][0]].name_ko} {ranked[0][1]:.2f})" if ranked else ""
            return Resolution(text, None, ranked[0][1] if ranked else 0.0, reason=f"no registry match{best}")
        top_id, top = ranked[0]
        rivals = [i for i, s in ranked[1:] if top - s < FUZZY_MARGIN]
        if rivals:
            found = tuple(self.entities[i] for i in (top_id, *rivals))
            return Resolution(text, None, top, found,
                              reason="ambiguous fuzzy match: " + ", ".join(e.name_ko for e in found))
        return Resolution(text, self.entities[top_id], top, (self.entities[top_id],))

    @cached_property
    def country_words(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """A pattern over every Korean country name of two or more letters (a whole word) and every one-letter
        Chinese-character abbreviation a headline uses (``中``, a word of its own), and name → id."""
        names = {name: e.id for e in self.entities.values() if e.kind == "country"
                 for name in (e.name_ko, *e.aliases)
                 if (len(name) >= 2 and re.search("[가-힣]", name)) or re.fullmatch(r"[\u4e00-\u9fff]", name)}
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<![\d가-힣\u4e00-\u9fff])(?:{alternatives})(?![가-힣\u4e00-\u9fff])"), names

    @cached_property
    def _prose_country_words(self) -> re.Pattern[str]:
        """:attr:`country_words` that may carry a particle of running text (``중국과의``, ``일본에서``)."""
        pattern = self.country_words[0].pattern
        return re.compile(pattern[:pattern.rindex("(?!")] + rf"(?={_PARTICLES}(?![가-힣\u4e00-\u9fff]))")

    def countries_in_prose(self, text: str) -> list[tuple[int, str]]:
        """``(offset, country id)`` of every country word of ``text``, also with a particle after it.

        >>> Registry.default().countries_in_prose("가나군은 중국과의 교류를, 일본에서는 미국어 연수를")
        [(5, 'CN'), (15, 'JP')]
        """
        names = self.country_words[1]
        return [(m.start(), names[m.group(0)]) for m in self._prose_country_words.finditer(text)]

    @cached_property
    def _mention_pattern(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """One regex over every unambiguous name (the longest one at a place), tolerant to spacing between syllables."""
        owners: dict[str, set[str]] = defaultdict(set)
        for entity in self.entities.values():
            if entity.kind == "country":
                continue
            for name in entity.names:
                if len(normalize_name(name)) >= 2:
                    owners[normalize_name(name)].add(entity.id)
        for key, district in self._qualified_keys.items():  # 용인시 기흥구, 포항시 남구: one mention of the district
            owners[key].add(district)
        unique = {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}
        return re.compile(_trie_pattern(unique), re.IGNORECASE), unique

    def _loose_district(self, text: str, m: re.Match[str], key: str, previous_end: int) -> bool:
        """Whether a non-autonomous district's bare name (no city before it) is no word of its own: spaced
        (``동안 구축한``, ``수지 구조``), inside a longer word (``상당구간``, ``가나동안구``), or run on into more
        Hangul than a particle or its office (:data:`_DISTRICT_FOLLOWERS`). Written whole, its name is a mention.

        >>> [[m.entity.id for m in Registry.default().find_mentions(t)] for t in (
        ...     "10년 동안 구축한 교류", "상당구간을 지나", "동안구는 가나시와", "동안구청에서", "안양시 동안구와")]
        [[], [], ['kr-gyeonggi-anyang-dongan'], ['kr-gyeonggi-anyang-dongan'], ['kr-gyeonggi-anyang-dongan']]
        """
        entity = self.entities[self._mention_pattern[1][key]]
        if entity.level != DISTRICT_LEVEL or key != normalize_name(entity.name_ko):
            return False
        before = text[m.start() - 1] if m.start() > 0 and m.start() != previous_end else ""
        after = text[m.end()] if m.end() < len(text) else ""
        return bool(re.search(r"\s", m.group(0))) or "가" <= before <= "힣" or (
            "가" <= after <= "힣" and after not in _DISTRICT_FOLLOWERS)

    def find_mentions(self, text: str) -> list[Mention]:
        """Every unambiguous registry name in ``text`` (OCR spacing tolerated), left to right.

        >>> [m.entity.name_ko for m in Registry.default().find_mentions("서울시와 전 라 남 도, 완주군")]
        ['서울특별시', '전라남도', '완주군']
        """
        return list(self._remember(("mentions", text), lambda: self._mentions_in(text)))

    def _mentions_in(self, text: str) -> tuple[Mention, ...]:
        pattern, owners = self._mention_pattern
        out: list[Mention] = []
        for m in pattern.finditer(text):
            key = normalize_name(m.group(0))
            entity_id = owners.get(key)
            if entity_id and not _inside_word(text, m.start(), key, out[-1].end if out else -1) and \
                    not _runs_on(text, m.end(), key, _glued(pattern, owners, text, m.end())) and \
                    not _inside_latin_word(text, m.start(), m.end(), key) and \
                    not self._loose_district(text, m, key, out[-1].end if out else -1):
                out.append(Mention(self.entities[entity_id], m.start(), m.end(), m.group(0)))
        return tuple(m for i, m in enumerate(out) if normalize_name(m.surface) not in self.common_words
                     or _beside(text, out[i - 1] if i else None, m)
                     or _beside(text, m, out[i + 1] if i + 1 < len(out) else None))


#: What may stand between two place names of one run: spaces, list marks and a joining particle (``인천 가나``,
#: ``가나·다라``, ``가나와 다라``).
_BETWEEN_NAMES = re.compile(r"[\s·ㆍ,/()\-]*(?:와의|과의|와|과|및)?[\s·ㆍ,/()\-]*")


def _beside(text: str, first: Mention | None, second: Mention | None) -> bool:
    """Whether two mentions stand side by side in one run of place names: a short name that is also a common word
    (:attr:`Registry.common_words`) names its place only so (``충남 예산``, ``예산·홍성``; not ``관련 예산``).

    >>> reg = Registry.default()
    >>> [[m.entity.name_ko for m in reg.find_mentions(t)] for t in ("충남 예산에서", "관련 예산을", "예산·홍성")]
    [['충청남도', '예산군'], [], ['예산군', '홍성군']]
    """
    return first is not None and second is not None and \
        _BETWEEN_NAMES.fullmatch(text, first.end, second.start) is not None


#: Syllables that may follow a district's name in its own word: a particle's first, or its office (``가나구청``).
_DISTRICT_FOLLOWERS = frozenset("은는이가을를와과의에로으도만까부청")


def _glued(pattern: re.Pattern[str], owners: dict[str, str], text: str, end: int) -> bool:
    """Whether another registry name starts right at ``end`` (``대구경북``: two names written together)."""
    nxt = pattern.match(text, end)
    return nxt is not None and normalize_name(nxt.group(0)) in owners


#: Particles a country word may carry in running text (``중국과의 교류``, ``일본에서는``).
_PARTICLES = r"(?:과의|와의|과는|와는|에서는|에서의|에서|으로|과|와|의|에|은|는|이|가|을|를|로|도)?"

#: Syllables that may join a short name to the word before it (particles and joiners: ``부산과울산``).
_JOINERS = frozenset("와과및의은는에")


def _inside_word(text: str, start: int, key: str, previous_end: int) -> bool:
    """Whether a short name (two syllables, no place suffix) starts inside a longer Hangul word, as 나주 inside
    애리조나주: a Hangul syllable right before it that neither ends the previous mention nor joins two names.

    >>> _inside_word("미국 애리조나주 투손시", 6, "나주", -1), _inside_word("전라남도나주", 4, "나주", 4)
    (True, False)
    >>> _inside_word("부산과울산", 3, "울산", -1), _inside_word("애리조나주시", 6, "나주시", -1)
    (False, False)
    """
    if len(key) > 2 or start == 0 or start == previous_end:
        return False
    before = text[start - 1]
    return "가" <= before <= "힣" and before not in _JOINERS


#: Syllables that may follow a short name in its own word: the first syllable of a particle (``가나와``, ``가나에서``,
#: ``가나까지``), of a unit or office after it (``가나시``, ``가나도청``), or of a word bound to a place: its side, a
#: departure or destination, a port, station or airport, its area (``가나측``, ``가나발``, ``가나행``, ``가나항``,
#: ``가나역``, ``가나공항``, ``가나권``, ``가나지역``, ``가나산``, ``가나출신``, ``가나소재``, ``가나쪽``, ``가나일대``,
#: ``가나간``, ``가나내``, ``가나민``).
_FOLLOWERS = frozenset("은는이가을를와과의에로으도만까부보처께랑하및서엔" "시군구읍면동청"
                       "측발행항역공권지산출소쪽방일간내외민")


def _runs_on(text: str, end: int, key: str, glued: bool = False) -> bool:
    """Whether a short name (two syllables, no place suffix) is the start of a longer Hangul word, as 동해 in 동해안
    (a coast) or 문경 in a person's name 문경호: a Hangul syllable right after it that opens no particle, unit or
    place-bound word (:data:`_FOLLOWERS`), nor another name glued to it (``glued``: ``가나다라`` for two names).

    >>> _runs_on("동해안 도시", 2, "동해"), _runs_on("동해와 삼척", 2, "동해"), _runs_on("동해시", 2, "동해")
    (True, False, False)
    >>> _runs_on("동해안", 3, "동해안"), _runs_on("동해 안", 2, "동해"), _runs_on("동해항에서", 2, "동해")
    (False, False, False)
    """
    if len(key) > 2 or end >= len(text) or glued:
        return False
    after = text[end]
    return "가" <= after <= "힣" and after not in _FOLLOWERS


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def _inside_latin_word(text: str, start: int, end: int, key: str) -> bool:
    """Whether a name in Latin letters is part of a longer Latin word: a Latin letter right before or after it, as
    ``Gyeongsan`` (a city) in ``Gyeongsangbuk-do`` (a province). A hyphen, a space or Hangul ends a word.

    >>> _inside_latin_word("Regions of Gyeongsangbuk-do", 11, 20, "gyeongsan")
    True
    >>> _inside_latin_word("Gyeongsan-si, Korea", 0, 9, "gyeongsan"), _inside_latin_word("가나시", 0, 2, "가나")
    (False, False)
    """
    if not re.search(r"[a-z]", key):
        return False
    return bool((start > 0 and _LATIN_LETTER.match(text[start - 1])) or
                (end < len(text) and _LATIN_LETTER.match(text[end])))


_DEFAULT: Registry | None = None
#: Entries :meth:`Registry._remember` keeps before starting afresh (bounds a long-running server's memory).
_MEMO_SIZE = 100_000


class _FuzzyNames:
    """The registry's index names for fuzzy matching: lengths, jamo counts (one column per jamo or other character)
    and a :class:`difflib.SequenceMatcher` per name, in index order."""

    def __init__(self, names: list[tuple[str, set[str]]]) -> None:
        jamo = [to_jamo(name) for name, _ in names]
        self.lengths = np.array([len(name) for name, _ in names], dtype=np.int64)
        self.jamo_lengths = np.array([len(j) for j in jamo], dtype=np.int64)
        self.columns: dict[str, int] = {}
        cells: dict[tuple[int, int], int] = defaultdict(int)
        for row, text in enumerate(jamo):
            for ch in text:
                cells[row, self.columns.setdefault(ch, len(self.columns))] += 1
        self.counts = np.zeros((len(names), max(1, len(self.columns))), dtype=np.int64, order="F")
        if cells:
            rows, cols = zip(*cells, strict=True)
            self.counts[list(rows), list(cols)] = list(cells.values())
        self.matchers = [difflib.SequenceMatcher(None, "", j, autojunk=False) for j in jamo]
        self.ids = [ids for _, ids in names]
        self.names = [name for name, _ in names]

    def close(self, length: int, key_jamo: str, floor: float) -> np.ndarray:
        """Rows (in index order) of names within two characters of ``length`` whose ``quick_ratio`` against
        ``key_jamo`` reaches ``floor``: ``2·shared / (len(key) + len(name))`` in jamo, as :mod:`difflib` computes it
        (its ``real_quick_ratio`` is never below it, so it rejects nothing more)."""
        rows = np.flatnonzero(np.abs(self.lengths - length) <= 2)
        wanted: dict[int, int] = defaultdict(int)
        for ch in key_jamo:
            if ch in self.columns:
                wanted[self.columns[ch]] += 1
        shared = np.zeros(len(rows), dtype=np.int64)
        for col, count in wanted.items():
            shared += np.minimum(self.counts[rows, col], count)
        total = len(key_jamo) + self.jamo_lengths[rows]
        with np.errstate(divide="ignore", invalid="ignore"):
            quick = np.where(total > 0, 2.0 * shared / np.maximum(total, 1), 1.0)
        return rows[quick >= floor]
_MATCHER_LOCK = threading.Lock()


def _trie_pattern(keys: Iterable[str]) -> str:
    r"""A regex matching the longest of ``keys`` at a place, spaces allowed between characters, written as a
    trie so that the engine follows one branch instead of trying every key.

    >>> _trie_pattern(["가나", "가나다", "라"])
    '(?:가\\s*나(?:\\s*다)?|라)'
    >>> re.match(_trie_pattern(["가나", "가나다", "라"]), "가 나 다 마").group(0)
    '가 나 다'
    """
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        parts = []
        for ch, child in node.items():
            if not ch:
                continue
            rest = branch(child) if len(child) > ("" in child) else ""
            if rest:
                rest = rf"\s*{rest}"
                rest = f"(?:{rest})?" if "" in child else rest
            parts.append(re.escape(ch) + rest)
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return branch(trie)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh, delimiter="\t")]
