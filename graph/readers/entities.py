"""Parties of automatic facts: resolved through the registry, or minted when a foreign place is new.

* A Korean name resolves through the registry (today's official forms, former names, districts
  qualified by their city); what does not resolve is reported with its line, never guessed.
* A foreign city, prefecture, county or aimag missing from the registry becomes a new ``gy:Region``
  with its label as written and its country from context, under an IRI derived from country and
  name (:func:`minted_id`), so every build mints the same one.
* A name with no place suffix and no context that makes it a place is reported, not minted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from graph.extractors.names import decide_by_evidence
from graph.facts import FactWriter, Lines, span_of, spelling_language
from graph.registry import Entity, Place, Registry, normalize_name
from ontology.namespaces import GY, RDF, RDFS, SKOS

#: Place suffixes (longest first) and the administrative level a minted region gets from them.
PLACE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("특별자치시", "city"), ("특별자치도", "province"), ("광역시", "city"), ("특별시", "city"),
    ("자치구", "autonomous region"), ("자치주", "autonomous prefecture"), ("자치현", "autonomous county"),
    ("아이막", "aimag"), ("아이마크", "aimag"), ("크라이", "krai"), ("오블라스트", "oblast"), ("공화국", "republic"),
    ("변경주", "krai"), ("카운티", "county"), ("마치", "town"), ("무라", "village"), ("쵸", "town"), ("초", "town"),
    ("시", "city"), ("정", "town"), ("촌", "village"),
    ("현", "prefecture"), ("성", "province"), ("주", "state"),
    ("군", "county"), ("구", "district"), ("도", "province"), ("부", "prefecture"), ("솜", "sum"),
    ("市", "city"), ("県", "prefecture"), ("縣", "prefecture"), ("県", "prefecture"), ("府", "prefecture"),
    ("省", "province"), ("州", "state"), ("郡", "county"), ("县", "county"), ("区", "district"), ("區", "district"),
    ("町", "town"), ("村", "village"),
)
#: Place words that end a name written in Latin letters (``Sendai City``, ``Tuv Aimag``), lower case.
LATIN_PLACE_WORDS: dict[str, str] = {
    "city": "city", "prefecture": "prefecture", "province": "province", "county": "county", "state": "state",
    "aimag": "aimag", "oblast": "oblast", "krai": "krai", "district": "district", "ward": "district",
    "town": "town", "village": "village", "municipality": "municipality", "region": "region",
}
#: Place suffixes romanised after a hyphen — Korean (``Jeollanam-do``) and Japanese (``Sendai-shi``, ``Miyagi-ken``)
#: — and the level each gives.
ROMANISED_SUFFIXES: dict[str, str] = {"do": "province", "si": "city", "gun": "county", "gu": "district",
                                      "shi": "city", "ken": "prefecture", "machi": "town", "cho": "town",
                                      "mura": "village", "son": "village"}
#: Particles that attach to a name (longest first).
PARTICLES = ("와의", "과의", "에서", "와", "과", "의", "는", "은", "이", "가", "에", "를", "을", "로", "도")
#: Levels a context can give a name without a suffix (a column header 도시 or 자매도시).
CONTEXT_LEVEL = "city"
#: Shortest name (characters) that may match a registry name by a near spelling: a shorter new name
#: (가나성, 일시) is minted or left, never read as a near spelling of another place (허베이성 is not 후베이성).
FUZZY_MIN_CHARS = 5
_HANGUL = re.compile(r"[가-힣]")


@dataclass(frozen=True)
class Party:
    """A party as written, and the entity it resolved to (``minted`` when the reader created it)."""

    surface: str
    entity: Entity
    minted: bool = False


def within(a: Party, b: Party) -> bool:
    """The same region twice, or one inside the other by the registry's parent link (a city and its own district, a
    province and its own city): no pair of exchange partners — such a pair names the unit that acts, an event there,
    or an agreement on their own affairs.

    >>> from graph.registry import Entity
    >>> city = Entity("a", "region", "가나시", country="KR")
    >>> ward = Entity("b", "region", "다라구", country="KR", parent="a")
    >>> within(Party("가나시", city), Party("다라구", ward)), within(Party("다라구", ward), Party("가나시", city))
    (True, True)
    """
    return a.entity.id == b.entity.id or a.entity.id == b.entity.parent or b.entity.id == a.entity.parent


#: The endings that make a name a body, not a place (a public corporation, foundation, association, institute,
#: council, university, hospital, company …): the one list the readers' body patterns are built from.
BODY_WORDS = ("체육회", "공사", "공단", "재단", "협회", "연맹", "문화원", "연구원", "진흥원", "대학교", "대학", "은행",
              "박물관", "연합회", "협의회", "의회", "상공회의소", "교육청", "교육지원청", "교육국", "관광국", "지부",
              "병원", "학교", "회사", "기업", "대표대회", "협상회의", "농협")
#: Any of :data:`BODY_WORDS`, as a regular-expression group.
BODY_WORD = "(?:" + "|".join(BODY_WORDS) + ")"
#: Endings of a body named after its place (``가나시체육회``, ``다라구문화재단``): a place name written right
#: before one (with no space) names that body, no party of the place's own.
BODY_ENDING = re.compile(r"[가-힣]{0,6}" + BODY_WORD)


#: A name ending in a body word (:data:`BODY_WORDS`): never minted as a place.
_BODY_NAME = re.compile(BODY_WORD + "$")


def strip_particle(token: str) -> str:
    """``사아와다시와`` → ``사아와다시``: a place word with a particle attached (와, 과, 의, 는 …).

    >>> strip_particle("사아와다시와"), strip_particle("허난성의"), strip_particle("가나다와시")
    ('사아와다시', '허난성', '가나다와시')
    """
    for particle in PARTICLES:
        if token.endswith(particle) and place_level(token[: -len(particle)]):
            return token[: -len(particle)]
    return token


def place_level(name: str) -> str | None:
    """The level a place suffix gives ``name`` (``가나다와시`` → city), ``None`` without a suffix.

    >>> place_level("가나다와시"), place_level("울란바토르"), place_level("시")
    ('city', None, None)
    >>> place_level("仙台市"), place_level("Tuv Aimag"), place_level("Sendai"), place_level("City")
    ('city', 'aimag', None, None)
    >>> place_level("리후초"), place_level("가나마치"), place_level("올해초"), place_level("마치")
    ('town', 'town', None, None)
    >>> place_level("Jeollanam-do"), place_level("Yangyang-gun"), place_level("Sendai-shi"), place_level("Miyagi-ken")
    ('province', 'county', 'city', 'prefecture')
    """
    words = name.split()
    if len(words) >= 2 and re.fullmatch(r"[A-Za-z][A-Za-z'.\-]*", words[-2]):
        return LATIN_PLACE_WORDS.get(words[-1].lower().strip("."))
    romanised = re.fullmatch(r"[A-Za-z][A-Za-z']+-(" + "|".join(ROMANISED_SUFFIXES) + ")", words[-1]) if words else None
    if romanised:  # a Korean suffix romanised after a hyphen: Jeollanam-do, Changwon-si, Yangyang-gun
        return ROMANISED_SUFFIXES[romanised.group(1)]
    compact = re.sub(r"\s+", "", name)
    for suffix, level in PLACE_SUFFIXES:
        if compact.endswith(suffix) and len(compact) > len(suffix) + 0:
            stem = compact[: -len(suffix)]
            if suffix in _JAPANESE_UNITS and (len(stem) < 2 or not _HANGUL.search(stem) or stem.endswith(_TIME_WORDS)):
                continue  # 마치 (as if), 연초, 올해초: no town
            if len(stem) >= 1 and (_HANGUL.search(stem) or re.search(r"[\u4e00-\u9fff]", stem)):
                return level
    return None


#: Japanese towns and villages written in Hangul (리후초, 가나마치, 다라무라): places after a stem of two syllables.
_JAPANESE_UNITS = ("마치", "무라", "쵸", "초")
#: Endings of time words that end like a town (연초, 올해초, 이달초, 학기초).
_TIME_WORDS = ("년", "해", "달", "월", "기", "연", "최", "당", "시")


@lru_cache(maxsize=4096)
def minted_id(country: str, name: str) -> str:
    """Registry-style id of a minted region: country code + normalised name, a Latin name keyed without the unit word
    it ends with (:func:`bare_latin_name`), so ``Quang Ngai Province`` in a release and ``Quang Ngai`` in a table
    are one region (the label keeps the unit word as written). A first-level division the gazetteer knows, written
    as one (:func:`gazetteer_division`), is keyed by its Korean name in any spelling, so ``Hainan Province``,
    ``하이난성`` and ``海南省`` are one region; ``Gana City`` or a bare ``Gana`` keeps its own key.

    >>> minted_id("JP", "가나다와 시"), minted_id("VN", "Gana Province"), minted_id("VN", "Gana")
    ('jp-가나다와시', 'vn-gana', 'vn-gana')
    >>> minted_id("CN", "Hainan Province"), minted_id("CN", "海南省"), minted_id("US", "State of Hawaii")
    ('cn-하이난성', 'cn-하이난성', 'us-하와이주')
    >>> minted_id("JP", "Fukuoka City"), minted_id("JP", "Fukuoka"), minted_id("JP", "Fukuoka-ken")
    ('jp-fukuokacity', 'jp-fukuoka', 'jp-후쿠오카현')
    """
    division = gazetteer_division(Registry.default(), name, country.upper())
    if division is not None:
        return f"{country.lower()}-{normalize_name(division.name_ko)}"
    return f"{country.lower()}-{normalize_name(bare_latin_name(name))}"


#: Latin unit words (before ``of`` or after the name) of a first-level division, and the gazetteer levels each may
#: name: ``Hainan Province``, ``State of Hawaii``, ``Wakayama-ken``. A city's word (``City``, ``-shi``) names none.
DIVISION_UNITS: dict[str, tuple[str, ...]] = {
    "prefecture": ("prefecture",), "ken": ("prefecture",), "province": ("province",), "state": ("state",),
    "region": ("autonomous region",), "municipality": ("municipality",), "territory": ("territory",)}
_LATIN_DIVISION = re.compile(r"(?:(?P<before>[A-Za-z]+)\s+of\s+)?(?P<name>[A-Za-z][A-Za-z .'’-]*?)"
                             r"(?:\s+(?P<after>[A-Za-z]+)|-(?P<suffix>ken))?\.?")


#: A division's unit word, ``of`` and its name (``Province of Quang Ninh``, ``State of New York``).
_UNIT_OF = re.compile(r"(" + "|".join(DIVISION_UNITS) + r")\s+of\s+([A-Za-z][A-Za-z .'’-]*?)\.?", re.IGNORECASE)


def gazetteer_division(registry: Registry, name: str, country: str) -> Place | None:
    """The gazetteer division of ``country`` that ``name`` is written as (:meth:`Registry.places_in_latin`,
    :meth:`Registry.place_named`): a Latin name whose unit word says a division's level (``Hainan Province``,
    ``State of Hawaii``, ``Wakayama-ken``; not ``Fukuoka City`` nor a bare ``Fukuoka``, a city's name too), or the
    division's own Korean, kanji or variant name with its suffix (``하이난성``, ``해남성``, ``福岡県``).

    >>> reg = Registry.default()
    >>> [getattr(gazetteer_division(reg, n, c), "name_ko", None) for n, c in (("Hawaii State", "US"),
    ...     ("Wakayama Prefecture", "JP"), ("Wakayama City", "JP"), ("Wakayama", "JP"), ("해남성", "CN"),
    ...     ("Hainan Province", "JP"), ("Gana Province", "CN"), ("가나시", "JP"), ("State of New York", "US"))]
    ['하와이주', '와카야마현', None, None, '하이난성', None, None, None, '뉴욕주']
    """
    written = " ".join(name.split())
    if written.isascii():
        of = _UNIT_OF.fullmatch(written)  # Province of Quang Ninh: a name of two words after the unit
        m = _LATIN_DIVISION.fullmatch(written)
        words = [of.group(1).lower()] if of else [
            w.lower() for w in (m.group("before"), m.group("after"), m.group("suffix")) if w] if m else []
        if len(words) != 1 or words[0] not in DIVISION_UNITS:
            return None
        found = [p for p in registry.places_in_latin(of.group(2) if of else m.group("name"), country)
                 if p.level in DIVISION_UNITS[words[0]]]
        return found[0] if len(found) == 1 else None
    if place_level(written) is None:
        return None
    found = [p for p in registry.places.get(normalize_name(written), ()) if p.country == country]
    return found[0] if len({p.name_ko for p in found}) == 1 else None


def country_in(registry: Registry, text: str) -> str | None:
    """The country a text names as a word (a table group 일본, a prefix 중국 허난성), first one.

    >>> reg = Registry.default()
    >>> country_in(reg, "일본"), country_in(reg, "중국 허난성"), country_in(reg, "인도적 지원")
    ('JP', 'CN', None)
    """
    pattern, names = registry.country_words
    m = pattern.search(text)
    return names[m.group(0)] if m else None


#: Words of a heading or a country cell that say "at home" (Korea): a section of domestic ties, a row's 국가 cell.
DOMESTIC_WORDS = ("국내",)


def country_named(registry: Registry, text: str) -> str | None:
    """The country a cell names in Korean (:func:`country_in`) or in Latin letters, Korea included (``Japan``,
    ``Republic of Korea``), or Korea by a domestic word alone (``국내``): a table's country cell.

    >>> reg = Registry.default()
    >>> [country_named(reg, text) for text in ("Japan", "Korea", "중국", "Seoul", "국내", " (국내) ", "국내외")]
    ['JP', 'KR', 'CN', None, 'KR', 'KR', None]
    """
    if text.strip(" ()[]") in DOMESTIC_WORDS:
        return "KR"
    found = country_in(registry, text)
    if found:
        return found
    pattern, latin = _latin_countries(registry)
    m = pattern.search(text)
    return latin[m.group(0).lower()] if m else None


#: Characters joining the two halves of a pair of countries (한일, 한·중, 韓日).
_PAIR_JOINERS = "·ㆍ\\-–/ "
#: Words that may follow such a pair directly (한일간, 한중교류, 한일자매도시); any other letter makes it a word.
_PAIR_FOLLOWERS = "간|의|교류|자매|우호|친선|지자체|지방|도시|관계|협력|결연"


def foreign_country_in(registry: Registry, text: str) -> str | None:
    """The foreign country a text names: the first country word other than Korea's, a pair such as
    ``한일``/``한·중`` (Korea and one other), or an English country name as a whole word.

    >>> reg = Registry.default()
    >>> foreign_country_in(reg, "주니가타 대한민국 총영사관 관할 일본 지자체"), foreign_country_in(reg, "한·일 결연")
    ('JP', 'JP')
    >>> [foreign_country_in(reg, text) for text in ("Korea - Japan", "한국 지자체", "한일고", "한·중·일 자매도시")]
    ['JP', None, None, None]
    """
    pattern, names = registry.country_words
    for m in pattern.finditer(text):
        if names[m.group(0)] != "KR":
            return names[m.group(0)]
    pair_pattern, singles = _country_pairs(registry)
    for m in pair_pattern.finditer(text):
        found = {singles[m.group(1)], singles[m.group(2)]} - {"KR"}
        if len(found) == 1 and len({singles[m.group(1)], singles[m.group(2)]}) == 2:
            return found.pop()
    latin_pattern, latin = _latin_countries(registry)
    return next((latin[m.group(0).lower()] for m in latin_pattern.finditer(text) if latin[m.group(0).lower()] != "KR"),
                None)


def _country_pairs(registry: Registry) -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern over two one-letter country abbreviations written together (``한일``), and letter → id."""
    singles = {name: e.id for e in registry.entities.values() if e.kind == "country"
               for name in (e.name_ko, *e.aliases) if len(name) == 1 and re.match("[가-힣]", name)}
    letters = "".join(sorted(singles))
    joiner = f"[{_PAIR_JOINERS}]?"
    return re.compile(rf"(?<![가-힣])([{letters}]){joiner}([{letters}])(?!{joiner}[{letters}](?:$|[^가-힣]))"
                      rf"(?=$|[^가-힣]|{_PAIR_FOLLOWERS})"), singles


def _latin_countries(registry: Registry) -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern over every country name written in Latin letters (a whole word), and lower-case name → id."""
    names = {name.lower(): e.id for e in registry.entities.values() if e.kind == "country"
             for name in (e.name_en, *e.aliases) if len(name) >= 2 and re.fullmatch(r"[A-Za-z .\-]+", name)}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE), names


def latin_country_name(registry: Registry, text: str) -> str | None:
    """The country ``text`` is the whole Latin name of (``USA``, ``Japan``; not ``New Mexico``).

    >>> reg = Registry.default()
    >>> [latin_country_name(reg, t) for t in ("USA", " Japan ", "New Mexico", "Mexico")]
    ['US', 'JP', None, 'MX']
    """
    return _latin_countries(registry)[1].get(text.strip().lower())


def split_country_prefix(registry: Registry, text: str) -> tuple[str | None, str]:
    """``"일본 가나다와시"`` → ``("JP", "가나다와시")``; no country word first → ``(None, text)``.

    >>> reg = Registry.default()
    >>> split_country_prefix(reg, "일본 가나현 다라시(多羅市)"), split_country_prefix(reg, "일본(다라시)")
    (('JP', '가나현 다라시(多羅市)'), ('JP', '다라시'))
    """
    pattern, names = registry.country_words
    m = pattern.match(text.strip())
    if not m:
        return None, text.strip()
    rest = text.strip()[m.end():].strip(" ,·:")
    if re.fullmatch(r"\([^()]*\)", rest):  # 일본(가나시): the bracket holds the name
        rest = rest[1:-1].strip()
    return names[m.group(0)], rest


#: Footnote marks after a name (``가나시¹``, ``다라시*``, ``마바시†``, ``사아시 주1)``).
_FOOTNOTE_MARK = re.compile(r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*†‡]+|\s*주\s*\d+\)?)$")


_LATIN_NAME = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff .'’-]*")


def _is_latin_name(text: str) -> bool:
    return bool(_LATIN_NAME.fullmatch(text.strip())) and len(text.strip()) >= 3


def korean_name_first(name: str) -> str:
    """``Tu Son (뚜선시)`` → ``뚜선시(Tu Son)``: a Latin name glossed by a Korean one is read by its Korean name.

    >>> [korean_name_first(name) for name in ("Tu Son (뚜선시)", "뚜선시(Tu Son)", "Perth (Australia)")]
    ['뚜선시(Tu Son)', '뚜선시(Tu Son)', 'Perth (Australia)']
    """
    m = re.fullmatch(r"\s*([^()]+?)\s*\(\s*([^()]*[가-힣][^()]*?)\s*\)\s*", name)
    if m and _is_latin_name(m.group(1)):
        return f"{m.group(2)}({m.group(1).strip()})"
    return name


def latin_glosses(registry: Registry, surface: str) -> list[str]:
    """The Latin names a party is written with beside its Korean one (``뚜선시(Tu Son)``, ``Tu Son (뚜선시)``):
    its English spellings. A bracketed country or Korean province (``(Japan)``, ``(Gyeonggi-do)``) is context, not
    a name; a name written only in Latin letters has no gloss.

    >>> reg = Registry.default()
    >>> latin_glosses(reg, "뚜선시(Tu Son)"), latin_glosses(reg, "Tu Son (뚜선시)"), latin_glosses(reg, "가나시(Japan)")
    (['Tu Son'], ['Tu Son'], [])
    """
    if not _HANGUL.search(surface):
        return []
    name = korean_name_first(surface)
    out = []
    for gloss in re.findall(r"\(([^)]*)\)", name):
        for part in re.split(r"\s*[,;/]\s*", gloss):
            if _is_latin_name(part) and not any(e.kind == "country" or (e.country == "KR" and e.level == "광역")
                                                for e in registry.candidates(part, kinds=("country", "region"))):
                out.append(part.strip())
    return out


def glossed_latin_names(registry: Registry, text: str, names: set[str]) -> list[str]:
    """The Latin names ``text`` writes beside one of ``names`` (Korean forms of one place): ``뚜선시(Tu Son)``,
    ``뚜선시 (Tu Son, 베트남)``, ``Tu Son (뚜선시)``.

    >>> reg = Registry.default()
    >>> glossed_latin_names(reg, "베트남 뚜선시(Tu Son, Bac Ninh)와 협약", {"뚜선시"})
    ['Tu Son', 'Bac Ninh']
    >>> [glossed_latin_names(reg, text, {"뚜선시"}) for text in ("- Tu Son (뚜선시), 2015", "뚜선시(베트남)")]
    [['Tu Son'], []]
    """
    out: list[str] = []
    for name in sorted(n for n in names if _HANGUL.search(n)):
        for m in re.finditer(rf"{re.escape(name)}\s*\(([^()]*)\)", text):
            out.extend(latin_glosses(registry, f"{name}({m.group(1)})"))
        for m in re.finditer(rf"({_LATIN_NAME.pattern})\s*\(\s*{re.escape(name)}\s*\)", text):
            out.extend(latin_glosses(registry, f"{name}({m.group(1).strip()})"))
    return list(dict.fromkeys(out))


def describe_latin_names(w: FactWriter, party: Party, text: str) -> None:
    """Give ``party``'s region the Latin names ``text`` (or its own surface: a bilingual table's gloss cell, see
    :func:`glossed_party`) writes beside its Korean name as English ``skos:altLabel``."""
    entity = party.entity
    written = re.sub(r"\s*\([^)]*\)", "", party.surface).strip()
    found = [*latin_glosses(w.registry, party.surface),
             *glossed_latin_names(w.registry, text, {written, entity.name_ko, *entity.aliases})]
    for spelling in dict.fromkeys(form for name in found for form in (name, plain_latin_name(name))):
        if spelling != entity.name_en:
            w.add(entity.iri, SKOS.altLabel, w.text(spelling, "en"))


def glossed_party(party: Party, gloss: str) -> Party:
    """``party`` written with the Latin ``gloss`` a bilingual table gives it in the next column
    (``지치부시 | Chichibu``): its surface becomes ``지치부시(Chichibu)``, which :func:`describe_latin_names` reads as
    an English name."""
    gloss = gloss.strip()
    if not gloss or not _is_latin_name(gloss) or not _HANGUL.search(party.surface) or gloss in party.surface:
        return party
    return Party(f"{party.surface}({gloss})", party.entity, party.minted)


def resolve_party(w: FactWriter, surface: str, lines: Lines, *, country: str | None = None,
                  parent: str | None = None, place_context: bool = False, report: bool = True,
                  evidence: str = "", foreign: bool = False) -> Party | None:
    """Resolve a party name in context, minting a foreign region when the context makes it a place.

    ``country`` comes from the context (a country word, a table group, a column header); ``parent`` a
    Korean parent region; ``place_context`` says the context makes the name a place (a 도시 column);
    ``evidence`` is nearby text that may settle a homograph (a Chinese form, a Latin gloss); ``foreign`` says the
    context states the place is abroad (a country cell of its row), so no Korean region matches it. A name of
    several place words (``후쿠오카현 가나타시``) names its most specific unit, the others its parent.
    A homograph the text cannot settle is reported, never minted; so is a body named after a place (``가나시의회``,
    ``다라시 인민대표대회``): no place of its own.
    """
    stated, name = split_country_prefix(w.registry, surface)
    name = korean_name_first(name)
    glosses = " ".join(re.findall(r"\(([^)]*)\)", name))
    country = stated or _gloss_country(w.registry, glosses) or country
    parent = parent or _gloss_province(w.registry, glosses)
    foreign = foreign or stated not in (None, "KR")
    name = _FOOTNOTE_MARK.sub("", re.sub(r"\s*\([^)]*\)", "", name)).strip(" ,·:")  # 가나시¹, 다라시* → the name
    if name.isascii() and "," in name:  # Gana, Dara State, USA: the place first, then its parents and country
        name, in_country, in_parent = latin_parents(w.registry, name)
        country, parent = stated or in_country or country, parent or in_parent
    if not name or not (_HANGUL.search(name) or re.search(r"[\u4e00-\u9fffA-Za-z]", name)):
        return None
    outcome = _registry_party(w, surface, name, country, parent, f"{glosses} {evidence}", foreign)
    tokens = name.split()
    latin_unit = re.fullmatch(r"(.+?)(?:\s+(?:" + "|".join(LATIN_PLACE_WORDS) + r")|-(?:" + "|".join(ROMANISED_SUFFIXES)
                              + r"))\.?", name, re.IGNORECASE) if name.isascii() else None
    if outcome is None and latin_unit:
        outcome = _registry_party(w, surface, latin_unit.group(1), country, parent, f"{glosses} {evidence}", foreign)
        tokens = [name]  # Miyagi Prefecture, Miyagi-ken: the registry's Miyagi, else one name to mint
    resolved = w.registry.resolve(" ".join(tokens[:-1]), kinds=("region",)) if outcome is None and len(tokens) > 1 \
        else None
    head = resolved.entity if resolved is not None and resolved.score == 1.0 else None
    if resolved is not None and (place_level(tokens[-1]) or (place_context and head is not None)):
        namesake = head is not None and country not in (None, "", "KR") and head.country not in ("", "KR", country)
        if head is not None and not namesake:  # a foreign parent in another foreign country than the context's:
            country = head.country or country  # a namesake there (베트남 하남성 …); else the parent region written
            parent = head.id  # first says the country (후베이성 하이난)
        elif head is None:  # a division the gazetteer knows (홋카이도 가나시, 텍사스주 다라시) says where the place is
            country = _gazetteer_country(w.registry, " ".join(tokens[:-1]), stated, country) or country
        outcome = _registry_party(w, surface, tokens[-1], country, parent, f"{glosses} {evidence}", foreign)
        name = tokens[-1]
    if isinstance(outcome, Party):
        for spelling in latin_glosses(w.registry, surface):
            w.entity(outcome.entity, spelling)
        return outcome
    if outcome == "ambiguous":
        if report:
            w.report.add_issue("ambiguous", w.doc.id, span_of(lines)[0], surface.strip(),
                               "a homograph the text does not settle")
        return None
    if _BODY_NAME.search(normalize_name(name)):  # 가나시의회, 다라시 인민대표대회: a body named after its place
        if report:
            w.report.add_issue("unresolved", w.doc.id, span_of(lines)[0], surface.strip(), "a body, not a place")
        return None
    place = w.registry.place_named(name, country)  # 홋카이도, 텍사스주: a division the gazetteer knows
    country = _gazetteer_country(w.registry, name, stated, country) or country
    level = place_level(name) or (place.level if place else None) or (CONTEXT_LEVEL if place_context else None)
    if country and country != "KR" and level:
        return Party(surface, minted_region(minted_latin_name(w.registry, name, country), country, level), minted=True)
    if report:
        why = ("no registry match and no country in context" if level else
               "no place suffix and no context that makes it a place") if country != "KR" else "no registry match"
        w.report.add_issue("unresolved", w.doc.id, span_of(lines)[0], surface.strip(), why)
    return None


def _gazetteer_country(registry: Registry, name: str, stated: str | None, context: str | None) -> str | None:
    """The country of the foreign division ``name`` names by the gazetteer (:meth:`Registry.place_named`): it outranks a
    country carried from context (a division of Texas is in the USA whatever the line before spoke of), never a
    country the name is written with (``stated``).

    >>> reg = Registry.default()
    >>> [_gazetteer_country(reg, "텍사스주", None, c) for c in (None, "CN")]
    ['US', 'US']
    >>> _gazetteer_country(reg, "가나주", None, "KR") is None
    True
    >>> _gazetteer_country(reg, "텍사스주", "JP", "JP")
    """
    place = registry.place_named(name, stated or context)
    if place is None or (stated and stated != place.country):
        return None
    return place.country


#: Levels of the places a foreign division holds (a prefecture's city, a state's county), which a name written
#: right after one has.
WITHIN_DIVISION = ("city", "county", "town", "village", "district", "autonomous prefecture", "autonomous county")


#: The rest of a bracket holding only a division's name (``(꽝닌성)``, ``(꽝닌성 )``).
_PARENT_GLOSS = re.compile(r"\s*\)")


def divisions_written(registry: Registry, lines: Iterable[str]) -> list[tuple[str, str]]:
    """Foreign divisions the gazetteer knows, written in ``lines`` (``홋카이도``, ``텍사스주와``), and the new places
    written right after one (``아이치현 가나시``), each with the division's country: names a document places.

    >>> divisions_written(Registry.default(), ["강릉시는 아이치현 가나시와 협약", "텍사스주와 교류", "가나주 다라시"])
    [('아이치현', 'JP'), ('가나시', 'JP'), ('텍사스주', 'US')]
    """
    out = []
    for line in lines:
        for m in re.finditer(r"[가-힣]{3,}", line):
            name = strip_particle(m.group(0))
            place = registry.place_named(name)
            if place is None or registry.candidates(name) or _PARENT_GLOSS.match(line, m.end()) and re.search(
                    r"[가-힣]\**\s*\(\s*$", line[:m.start()]):
                continue  # 가나시 (꽝닌성): the bracketed parent of the place before it, no place the text names
            out.append((name, place.country))
            after = re.match(r"\s+([가-힣]{3,})", line[m.end():])
            child = strip_particle(after.group(1)) if after else ""
            if place_level(child) in WITHIN_DIVISION and not registry.candidates(child):
                out.append((child, place.country))
    return out


def _gloss_province(registry: Registry, glosses: str) -> str | None:
    """The Korean province or metropolitan city a bracketed gloss names (``남구(부산)``): the parent of a district.

    >>> reg = Registry.default()
    >>> _gloss_province(reg, "부산"), _gloss_province(reg, "대구광역시"), _gloss_province(reg, "구 마산시")
    ('kr-busan', 'kr-daegu', None)
    """
    found = registry.resolve(glosses, kinds=("region",)) if glosses.strip() else None
    return found.entity.id if found is not None and found.entity is not None and found.score == 1.0 and \
        found.entity.level == "광역" else None


def _gloss_country(registry: Registry, glosses: str) -> str | None:
    """The country a bracketed gloss states: a country word (``(일본)``) or a foreign region (``(미야기현)``).

    >>> reg = Registry.default()
    >>> [_gloss_country(reg, gloss) for gloss in ("일본", "미야기현", "仙台市", "")]
    ['JP', 'JP', None, None]
    """
    if not glosses.strip():
        return None
    found = country_in(registry, glosses)
    if found:
        return found
    regions = {e.country for e in registry.candidates(glosses, kinds=("region",))}
    return regions.pop() if len(regions) == 1 and "KR" not in regions else None


def latin_parents(registry: Registry, name: str) -> tuple[str, str | None, str | None]:
    """A Latin name written with its parents after commas (``Gana, Dara State, USA``): the place's own name, the
    country the parts name, and the foreign registry region among them (whose country it is when none is named).

    >>> latin_parents(Registry.default(), "Gana, California")
    ('Gana', 'US', 'us-california')
    >>> latin_parents(Registry.default(), "Gana City, Dara, Japan")
    ('Gana City', 'JP', None)
    """
    head, *rest = [part.strip() for part in name.split(",") if part.strip()] or [name]
    country = next((found for part in reversed(rest) if (found := latin_country_name(registry, part))), None)
    parent = next((e for part in rest for e in [registry.resolve(part, kinds=("region",))]
                   if e.entity is not None and e.score == 1.0 and e.entity.country not in ("", "KR")
                   and (country is None or e.entity.country == country)), None)
    return head, country or (parent.entity.country if parent else None), parent.entity.id if parent else None


def _registry_party(w: FactWriter, surface: str, name: str, country: str | None, parent: str | None,
                    evidence: str, foreign: bool = False) -> Party | str | None:
    """The registry entity ``name`` names in context, ``"ambiguous"``, or ``None`` when it names none."""
    result = w.registry.resolve(name, kinds=("region", "organization"), country=country, parent=parent)
    entity = result.entity
    if entity is None and result.ambiguous:
        entity, _ = decide_by_evidence(result.candidates, evidence)
        if entity is None:
            in_country = [c for c in result.candidates if not country or c.country in ("", country)]
            return "ambiguous" if in_country else None
    if entity is not None and result.score < 1.0 and not _near_spelling_holds(name, entity, country):
        return None
    if entity is not None and foreign and entity.country == "KR":
        return None  # 안산시 in a row of 중국 is China's 안산시, not Korea's: minted in its country
    if entity is None:
        return None
    w.entity(entity, name)
    return Party(surface, entity)


def _near_spelling_holds(name: str, entity: Entity, country: str | None) -> bool:
    """A near spelling (a fuzzy match) names ``entity`` only on strong evidence: a name in Hangul or CJK of at least
    :data:`FUZZY_MIN_CHARS` characters (다라성 is no spelling of 달성군), with the place suffix of the entity's own
    name (하바롭스크시, a city, is not 하바롭스크변경주, a krai) and not in another country than the context's.

    >>> reg = Registry.default()
    >>> [_near_spelling_holds(n, reg.resolve(n).entity, None) for n in ("다라성", "하바롭스크시", "헤이룽짱성")]
    [False, False, True]
    """
    mine = place_level(name)
    if len(normalize_name(name)) < FUZZY_MIN_CHARS or not (_HANGUL.search(name) or re.search(r"[\u4e00-\u9fff]", name)):
        return False
    if country and entity.country and entity.country != country:
        return False
    return mine is None or place_level(entity.name_ko) == mine


def bare_latin_name(name: str) -> str:
    """A name in Latin letters without the unit word it ends with or opens with before ``of`` (``Bayangol District``,
    ``Province of Dara``);
    ``City``, ``Town`` and ``Village`` stay, often part of the name (``Panama City``). Other names are unchanged.

    >>> [bare_latin_name(n) for n in ("Bayangol District", "Panama City", "Dara Province", "District", "가나구")]
    ['Bayangol', 'Panama City', 'Dara', 'District', '가나구']
    >>> bare_latin_name("Province of Dara"), bare_latin_name("City of Gana")
    ('Dara', 'City of Gana')
    """
    if not name.isascii():
        return name
    units = "|".join(word.title() for word in LATIN_PLACE_WORDS if word not in ("city", "town", "village"))
    return re.sub(rf"(?<=\S)\s+(?:{units})$|^(?:{units})\s+of\s+(?=\S)", "", name.strip())


def minted_latin_name(registry: Registry, name: str, country: str) -> str:
    """The English name a foreign place minted from a Latin ``name`` is labelled with: as written (a province, a
    prefecture, a state or a district keeps its unit word: ``Gana Province`` is not the city ``Gana`` that is often
    its capital), but a city without ``City`` (``Gana City`` → ``Gana``), unless the bare name is a country's
    (``Panama City``) or a registry region's in that country (``Tottori City`` stays: ``Tottori`` is the prefecture).

    >>> reg = Registry.default()
    >>> [minted_latin_name(reg, n, "JP") for n in ("Gana City", "Tottori City", "Dara Prefecture", "City")]
    ['Gana', 'Tottori City', 'Dara Prefecture', 'City']
    >>> minted_latin_name(reg, "Panama City", "PA"), minted_latin_name(reg, "Gana  District", "MN")
    ('Panama City', 'Gana District')
    """
    written = re.sub(r"\s+", " ", name.strip())
    city = re.fullmatch(r"(\S.*?)\s+City", written) if written.isascii() else None
    if city is None or minted_id(country, city.group(1)) in registry.entities or latin_country_name(
            registry, city.group(1)) or any(e.kind == "region" and e.country == country
                                           for e in registry.candidates(city.group(1))):
        return written
    return city.group(1)


def plain_latin_name(name: str) -> str:
    """A Latin name without its unit word or romanised suffix, as an English question asks it.

    >>> [plain_latin_name(n) for n in ("Chichibu-shi", "Selenge Aimag", "Gangneung-si", "Panama City")]
    ['Chichibu', 'Selenge', 'Gangneung', 'Panama City']
    """
    return bare_latin_name(re.sub(r"(?<=\w)-(?:" + "|".join(ROMANISED_SUFFIXES) + r")$", "", name.strip()))


def minted_region(name: str, country: str, level: str) -> Entity:
    """The entity a new foreign place becomes: label as written (spacing dropped, in Latin letters one space between
    words), id from country and name.

    >>> minted_region("가나 다와시", "JP", "city").name_ko, minted_region("Sendai  City", "JP", "city").name_ko
    ('가나다와시', 'Sendai City')
    """
    label = re.sub(r"\s+", "" if _HANGUL.search(name) or re.search(r"[\u4e00-\u9fff]", name) else " ", name).strip()
    return Entity(id=minted_id(country, label), kind="region", name_ko=label, country=country, level=level,
                  aliases=(name.strip(),) if name.strip() != label else (),
                  note="minted by a general reader: not in the registry")


def describe_minted(w: FactWriter, party: Party) -> None:
    """Describe a minted region in the document's graph (label, spelling met, country, level)."""
    entity = party.entity
    iri = entity.iri
    w.add(iri, RDF.type, GY.Region)
    w.add(iri, RDFS.label, w.text(entity.name_ko))
    w.add(iri, SKOS.prefLabel, w.text(entity.name_ko))
    written = re.sub(r"\s+", " ", re.sub(r"\s*\([^)]*\)", "", party.surface)).strip()
    plain = plain_latin_name(entity.name_ko) if entity.name_ko.isascii() else ""  # Dara District: Dara too
    division = gazetteer_division(w.registry, entity.name_ko, entity.country)  # Hainan Province: 하이난성 too
    korean = division.name_ko if division is not None else ""
    for spelling in {*entity.aliases, written, plain, korean, *latin_glosses(w.registry, party.surface)} - {
            entity.name_ko, ""}:
        w.add(iri, SKOS.altLabel, w.text(spelling, spelling_language(spelling)))
    w.add(iri, GY.country, w.registry.get(entity.country).iri)
    w.add(iri, GY.adminLevel, w.text(entity.level))
    w.add(iri, GY.note, w.text(entity.note, "en"))
    w.add(iri, GY.extractionMethod, w.plain("automatic"))
