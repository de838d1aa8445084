"""Entity linking in search queries: names in either language and their variants, from the graph's labels.

The glossary is read from the built graph: every region, organisation, country, sub-committee,
programme, event, cooperation area and ontology class with its ``rdfs:label``, ``skos:prefLabel``
and ``skos:altLabel`` in Korean and English (the registry's names, former names and aliases end
up there), plus the title lexicon (``graph/data/titles.tsv``). The ontology's properties are left out:
their labels ("about", "since", "as of", "limit") are ordinary words in a question, and expanding them
lowered tune nDCG@10. A query is matched against it:

* English names as whole words, case-, hyphen- and diacritic-insensitive, plurals folded (``Hyogo``,
  ``disaster prevention sub-committee``, ``Gyeongsangbuk-do``, ``Tov`` for Töv); a region also by its name
  without ``Autonomous Region``, ``Republic of`` and the like (``Inner Mongolia``); a sub-committee's English name
  also matches without its ``Sub-Committee`` suffix, and a cooperation area's label by its parts
  (``Disaster relief and safety`` → ``disaster relief``, ``safety``);
* Korean names through the registry's spacing- and OCR-tolerant matcher (``토야마현`` → 도야마현),
  and graph labels of three or more syllables; a sub-committee's short name (``방재``) only
  before ``분과``; a country's two-syllable name (``한국``, ``몽골``) only where Kiwi reads exactly it as a
  proper noun (not ``인도적``, ``협력이란``), as an English question's ``Korean`` links the country.

Each link carries the entity's Korean names, which expand the lexical query (BM25 runs over
Korean morphemes), and its IRI, which boosts passages that state facts about it.

>>> g = Glossary([Term("https://w3id.org/gyoryu/id/region/jp-hyogo", "Region", "효고현", "Hyogo", ("효고",), ()),
...               Term("https://w3id.org/gyoryu/id/subcommittee/near-disaster", "SubCommittee", "방재분과위원회",
...                    "Disaster Prevention Sub-Committee", ("방재",), ())])
>>> found = g.link("Who coordinates the disaster prevention subcommittee with Hyogo?")
>>> [(link.term.label_ko, link.surface) for link in found]
[('방재분과위원회', 'disaster prevention subcommittee'), ('효고현', 'Hyogo')]
>>> [link.term.label_ko for link in g.link("방재 분과의 코디네이터")]
['방재분과위원회']
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

#: Entity types whose passages a link boosts (they are what passages are linked to).
BOOSTED_TYPES = ("Region", "Organization", "SubCommittee", "Program", "Event")
#: Types whose two-syllable Korean names link too (each only as a proper noun of its own: :func:`_proper_noun_word`).
SHORT_NAME_TYPES = ("Country",)
#: Graph types read into the glossary (local names under ``gy:``, or ``Concept``/``Term`` below).
GLOSSARY_TYPES = ("Region", "Organization", "Country", "SubCommittee", "Program", "Event", "AgreementType")
_SC_SUFFIX_EN = re.compile(r"\s*sub[\s-]?committee$", re.IGNORECASE)
_SC_SUFFIX_KO = re.compile(r"\s*분과\s*(?:위원회)?$")
_EN_WORD = re.compile(r"[a-z0-9]+")
_HANGUL = re.compile(r"[가-힣]")
#: English words too common to link on their own (a one-word name made only of these is skipped).
#: English nouns that end in ``s`` in the singular (not plurals to fold: "news" is not "new").
_INVARIANT = frozenset(["news", "series", "species", "means", "headquarters", "whereabouts"])
_STOP = frozenset(["a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"])


def fold_marks(text: str) -> str:
    """``text`` without diacritics (a Vietnamese or Mongolian name is asked with or without its marks).

    >>> fold_marks("Từ Sơn, Töv")
    'Tu Son, Tov'
    """
    if text.isascii():  # no marks to fold (ASCII is the same in every normal form)
        return text
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def en_tokens(text: str) -> list[str]:
    """Lower-cased English words, ``sub-committee`` as one word, plurals and diacritics folded.

    >>> en_tokens("Seoul's Sub-Committees and Gyeongsangbuk-do"), en_tokens("Từ Sơn")
    (['seoul', 'subcommittee', 'and', 'gyeongsangbuk', 'do'], ['tu', 'son'])
    >>> en_tokens("news of the campus status")
    ['news', 'of', 'the', 'campus', 'status']
    """
    text = re.sub(r"sub[\s-]+committee", "subcommittee", fold_marks(text).lower())
    text = re.sub(r"'s\b", "", text)
    out = []
    for word in _EN_WORD.findall(text):
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _INVARIANT:
            word = word[:-1]
        out.append(word)
    return out


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary entry: an entity or vocabulary term with its names."""

    iri: str
    type: str
    label_ko: str
    label_en: str
    names_ko: tuple[str, ...]
    names_en: tuple[str, ...]

    @property
    def korean(self) -> tuple[str, ...]:
        """Every Korean name (label first), for lexical expansion."""
        names = [self.label_ko, *self.names_ko]
        return tuple(dict.fromkeys(n for n in names if n and _HANGUL.search(n)))

    def to_json(self, surface: str) -> dict:
        """The link as shown in search results."""
        return {"iri": self.iri, "type": self.type, "label_ko": self.label_ko,
                "label_en": self.label_en or self.label_ko, "surface": surface}


@dataclass(frozen=True, slots=True)
class Link:
    """A glossary term found in a query."""

    term: Term
    start: int
    end: int
    surface: str


@dataclass
class Glossary:
    """Names → terms, matched against queries in either language."""

    terms: list[Term]
    registry: object = None
    _en: dict[tuple[str, ...], list[Term]] = field(default_factory=dict, init=False, repr=False)
    _ko_terms: dict[str, list[Term]] = field(default_factory=dict, init=False, repr=False)
    #: The lengths of the Korean names beginning with each letter, longest first.
    _ko_sizes: dict[str, tuple[int, ...]] = field(default_factory=dict, init=False, repr=False)
    _by_iri: dict[str, Term] = field(default_factory=dict, init=False, repr=False)
    _longest: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        en: dict[tuple[str, ...], list[Term]] = defaultdict(list)
        ko: dict[str, list[Term]] = defaultdict(list)
        for term in self.terms:
            self._by_iri.setdefault(term.iri, term)
            for name in {term.label_en, *term.names_en} - {""}:
                for variant in _en_variants(name, term.type):
                    key = tuple(en_tokens(variant))
                    if key and not set(key) <= _STOP and (len(key) > 1 or len(key[0]) > 2) \
                            and term not in en[key]:
                        en[key].append(term)
            for name in {term.label_ko, *term.names_ko} - {""}:
                squashed = "".join(name.split())
                if term.type == "SubCommittee":
                    stem = _SC_SUFFIX_KO.sub("", squashed)
                    if stem and stem != squashed:
                        ko[stem + "분과"].append(term)
                    if len(stem) >= 2:
                        ko[stem + "분과"].append(term)
                short = len(squashed) == 2 and term.type in SHORT_NAME_TYPES
                if (len(squashed) >= 3 or short) and _HANGUL.search(squashed) and term.type != "Term":
                    ko[squashed].append(term)
        self._en = dict(en)
        self._longest = max((len(k) for k in self._en), default=0)
        self._ko_terms = {k: list(dict.fromkeys(v)) for k, v in ko.items()}
        sizes: dict[str, set[int]] = defaultdict(set)
        for key in self._ko_terms:
            sizes[key[0]].add(len(key))
        self._ko_sizes = {first: tuple(sorted(n, reverse=True)) for first, n in sizes.items()}

    def by_iri(self, iri: str) -> Term | None:
        """The term of an IRI, if the glossary has it."""
        return self._by_iri.get(iri)

    def link(self, text: str) -> list[Link]:
        """Terms named in ``text``, left to right, each once (longest match wins)."""
        found: list[Link] = [*self._link_english(text), *self._link_korean(text)]
        found.sort(key=lambda link: (link.start, -(link.end - link.start)))
        out: list[Link] = []
        seen: set[str] = set()
        end = -1
        for link in found:
            if link.start < end or link.term.iri in seen:
                continue
            out.append(link)
            seen.add(link.term.iri)
            end = link.end
        return out

    def _link_english(self, text: str) -> list[Link]:
        spans = _word_spans(text)
        words = [w for w, _, _ in spans]
        longest = self._longest
        out: list[Link] = []
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                terms = self._en.get(tuple(words[i : i + n]))
                if terms:
                    start, end = spans[i][1], spans[i + n - 1][2]
                    out.extend(Link(t, start, end, text[start:end]) for t in terms[:1])
                    i += n
                    break
            else:
                i += 1
        return out

    def _link_korean(self, text: str) -> list[Link]:
        out: list[Link] = []
        if self.registry is not None:
            from index.entity_links import _standalone

            for mention in self.registry.find_mentions(text):
                term = self._by_iri.get(str(mention.entity.iri))
                if term is not None and _HANGUL.search(mention.surface) and \
                        _standalone(text, mention.start, mention.end):
                    out.append(Link(term, mention.start, mention.end, mention.surface))
        for start, end, key in self._korean_names(text):
            if len(key) > 2 or _proper_noun_word(text, start, end):
                out.append(Link(self._ko_terms[key][0], start, end, text[start:end]))
        return out

    def _korean_names(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Spans of the Korean names in ``text``, spaces allowed between their letters, left to right without
        overlaps, the longest name at each start (a dictionary look-up for each length of the names that begin with
        the letter there, no pattern: a pattern of every name took gigabytes at 100×), with the name they spell."""
        letters = [(ch, n) for n, ch in enumerate(text) if not ch.isspace()]
        spelled = "".join(ch for ch, _ in letters)
        sizes, terms, count = self._ko_sizes, self._ko_terms, len(letters)
        i = 0
        while i < count:
            for size in sizes.get(spelled[i], ()):  # only the lengths of names that begin with this letter
                if size <= count - i and spelled[i : i + size] in terms:
                    yield letters[i][1], letters[i + size - 1][1] + 1, spelled[i : i + size]
                    i += size
                    break
            else:
                i += 1


def _proper_noun_word(text: str, start: int, end: int) -> bool:
    """Whether Kiwi reads exactly ``text[start:end]`` as one proper noun (a short name, not part of a longer word or
    an ordinary word: ``인도`` in ``인도와의 협력`` but not in ``인도적 지원``, ``이란`` in ``이란과`` but not in
    ``협력이란``).

    >>> _proper_noun_word("몽골에서 참여하는 아이막", 0, 2), _proper_noun_word("협력이란 무엇인가", 2, 4)
    (True, False)
    """
    from index.korean import kiwi

    return any(t.tag == "NNP" and t.start == start and t.start + t.len == end for t in kiwi().tokenize(text))


def _en_variants(name: str, kind: str) -> list[str]:
    """An English name and the shorter forms it is asked by."""
    out = [name, re.sub(r"\s*\([^)]*\)", "", name)]
    if kind == "SubCommittee":
        out.append(_SC_SUFFIX_EN.sub("", name))
    if kind == "Region":
        out.extend(_region_variants(name))
    if kind == "Country" and " " not in name:
        out.extend(_demonyms(name))
    if kind in ("Concept", "Term"):
        out.extend(part for part in re.split(r"\s+and\s+|,\s*|/", name) if part)
    return [v.strip() for v in out if v.strip()]


def _demonyms(country: str) -> list[str]:
    """A one-word country name's adjective forms, so "Russian members" links Russia: Russia → Russian, Korea →
    Korean, Mongolia → Mongolian, China → Chinese, Japan → Japanese, Vietnam → Vietnamese (forms no country has
    match nothing).

    >>> _demonyms("Russia"), _demonyms("Japan")
    (['Russian', 'Russiese'], ['Japanese', 'Japanian'])
    """
    if country.endswith("a"):
        return [country + "n", country[:-1] + "ese"]
    return [country + "ese", country + "ian"]


_ADMIN_SUFFIXES = {"gun": "County", "si": "City", "do": "Province", "gu": "District"}


def _region_variants(name: str) -> list[str]:
    """Romanised admin suffixes as English words and without them: ``Wando-gun`` → ``Wando County``, ``Wando``.

    >>> _region_variants("Wando-gun"), _region_variants("North Gyeongsang Province")
    (['Wando County', 'Wando'], ['North Gyeongsang', 'Gyeongsangbuk-do'])
    >>> _region_variants("Inner Mongolia Autonomous Region"), _region_variants("Republic of Buryatia")
    (['Inner Mongolia'], ['Buryatia'])
    """
    m = re.fullmatch(r"(.+?)-(gun|si|do|gu)", name)
    if m:
        return [f"{m.group(1)} {_ADMIN_SUFFIXES[m.group(2)]}", m.group(1)]
    m = re.fullmatch(r"(?:(North|South)\s+)?(\S+)\s+Province", name)
    if m:  # Korean provinces are also romanised whole: North Gyeongsang Province = Gyeongsangbuk-do
        side = {"North": "buk", "South": "nam"}.get(m.group(1) or "", "")
        return [name.rsplit(" ", 1)[0], f"{m.group(2)}{side}-do"]
    m = re.fullmatch(r"(.+?)\s+(?:City|County|Prefecture|Oblast|Krai|Republic|Autonomous (?:Region|Prefecture))", name)
    if m:
        return [m.group(1)]
    m = re.fullmatch(r"Republic of (\S.+)", name)
    if m:
        return [m.group(1)]
    return [f"{name} City", f"{name} County"] if " " not in name else []


def _word_spans(text: str) -> list[tuple[str, int, int]]:
    """:func:`en_tokens` with character offsets into ``text``."""
    out = []
    for m in re.finditer(r"[A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff]+(?:[\s-]+committees?\b)?(?:'s\b)?", text):
        word = en_tokens(m.group(0))
        if word:
            out.append((word[0], m.start(), m.end()))
    return out


_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?s ?type ?p ?name WHERE {
  { ?s a ?t . FILTER(?t IN (%s)) BIND(STRAFTER(STR(?t), "#") AS ?type) }
  UNION { ?s a skos:Concept . FILTER NOT EXISTS { ?s a <https://w3id.org/gyoryu/ontology#AgreementType> }
          FILTER EXISTS { ?s skos:prefLabel ?en FILTER(LANG(?en) = "en") } BIND("Concept" AS ?type) }
  UNION { ?s a owl:Class . BIND("Term" AS ?type) }
  ?s ?p ?name . FILTER(?p IN (rdfs:label, skos:prefLabel, skos:altLabel) && isLiteral(?name))
}
"""


def glossary_of_data(data_dir: Path, registry=None) -> Glossary:
    """The glossary of built data, read from its on-disk store opened read-only (``graph.nq`` loaded into memory
    only for data built without one): at 100× the in-memory copy of the graph took some 3 GB of the search process.
    """
    from graph.store import STORE_DIR, OxigraphStore

    built = Path(data_dir) / STORE_DIR
    store = OxigraphStore.open_read_only(built) if built.is_dir() else OxigraphStore.load(Path(data_dir))
    return glossary_from_store(store, registry)


def glossary_from_store(store, registry=None) -> Glossary:
    """The glossary of a loaded graph store (see the module docstring), plus the title lexicon."""
    from graph.facts import spelling_language
    from graph.readers.posts import titles

    types = ", ".join(f"<https://w3id.org/gyoryu/ontology#{t}>" for t in GLOSSARY_TYPES)
    kinds: dict[str, str] = {}
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"ko": set(), "en": set()})
    for row in store.query(_QUERY % types):
        iri, kind, prop, name = (getattr(x, "value", str(x)) for x in row)
        lang = getattr(row[3], "language", None) or ""
        if kinds.get(iri) in (None, "Term", "Concept"):
            kinds[iri] = kind
        side = "en" if lang == "en" or (lang != "ko" and spelling_language(name) == "en") else "ko"
        if prop.endswith("label") and not prop.endswith("altLabel"):
            labels[iri].setdefault(side, name)
        names[iri][side].add(name)
    terms = [Term(iri, kinds[iri], labels[iri].get("ko", ""), labels[iri].get("en", ""),
                  tuple(sorted(names[iri]["ko"])), tuple(sorted(names[iri]["en"])))
             for iri in sorted(kinds)]
    for title in titles().values():
        if title.en:
            terms.append(Term(f"title:{title.ko}", "Term", title.ko, title.en, (), ()))
    return Glossary(terms, registry)
