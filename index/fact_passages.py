"""Fact passages: each graph fact said in Korean and in English, citing the lines it was derived from.

An agreement (parties, date, type, fields and their broad areas), a coordination (sub-committee,
coordinator, year), a tenure (person, title, organisation, year), a membership (member,
organisation, kind, year), a sub-committee (founding, meetings), a programme (budget, who runs it,
partners) and an event (date, venue, host) each state their fact for every source span
(``prov:wasDerivedFrom``); the facts citing the same span make one passage: its text is the cited
lines, its ``summary``/``summary_en`` the fact sentences (a table row stating an agreement and a
coordination is one passage saying both, not two near-copies to embed and rank). The embedding
model reads both sentences with the lines, so an English question meets the English sentence
while the hit still lands on the Korean lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, SKOS

from corpus import Document
from index.entity_links import EntityRef, PassageLinks
from index.passages import Passage, clean_line
from index.profiles import _GraphFacts
from ontology.namespaces import GY, doc_id_of

ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
#: A fact whose source span is longer than this states a list, not one fact: no fact passage.
MAX_SPAN_LINES = 12
MAX_FIELDS = 8
#: Most facts said by one passage (a line listing many members states many): more are said by the span's next passage.
MAX_FACTS = 6


class _Facts(_GraphFacts):
    """Graph relations with English labels too."""

    def en(self, node) -> str:
        if isinstance(node, Literal):
            return str(node)
        names = self.labels.get(node, {})
        return names.get("en") or self.label(node)

    def one(self, node, prop) -> object | None:
        values = sorted(self.out[node].get(URIRef(str(prop)), ()), key=str)
        return values[0] if values else None

    def all(self, node, prop) -> list:
        return sorted(self.out[node].get(URIRef(str(prop)), ()), key=str)

    def ref(self, node) -> EntityRef | None:
        kind = next((t for t in ("Region", "Organization", "SubCommittee", "Program", "Official", "Event")
                     if t in self.types.get(node, ())), None)
        return EntityRef(str(node), self.label(node), kind) if kind else None


def with_particle(word: str, after_consonant: str, after_vowel: str) -> str:
    """``word`` with the particle form its last syllable takes (은/는, 와/과, 을/를).

    >>> with_particle("대구광역시", "은", "는"), with_particle("효고현", "은", "는")
    ('대구광역시는', '효고현은')
    """
    last = word[-1:] if word else ""
    closed = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0
    return word + (after_consonant if closed else after_vowel)


def _year(value) -> str:
    return str(value)[:4] if value is not None else ""


def _agreement(f: _Facts, node) -> tuple[str, str, list]:
    parties = f.all(node, GY.party)
    names_ko = " ".join(with_particle(f.label(p), "과", "와") for p in parties[:-1]) + " " + \
        (with_particle(f.label(parties[-1]), "은", "는") if parties else "")
    names_en = " and ".join(f.en(p) for p in parties)
    date = f.one(node, GY.signedOn)
    kind = f.one(node, GY.agreementType)
    fields = [f.label(c) for c in f.all(node, GY.cooperationField)][:MAX_FIELDS]
    areas_ko = sorted({f.label(b) for c in f.all(node, GY.cooperationField) for b in f.all(c, SKOS.broader)})
    areas_en = sorted({f.en(b) for c in f.all(node, GY.cooperationField) for b in f.all(c, SKOS.broader)})
    kind_ko = f.label(kind) if kind is not None else "협약"
    kind_en = f.en(kind) if kind is not None else "agreement"
    ko = (f"{names_ko} {date or ''} {with_particle(kind_ko, '을', '를')} 맺었다. "
          f"협력 분야: {', '.join(fields)} ({', '.join(areas_ko)}).")
    en = (f"{names_en} signed a {kind_en} on {date or 'an unstated date'}; fields: {', '.join(fields)}"
          f" ({', '.join(areas_en).lower()}).")
    return ko, en, parties


def _coordination(f: _Facts, node) -> tuple[str, str, list]:
    sc = f.one(node, GY.subCommittee)
    who = f.all(node, GY.coordinator)
    year = _year(f.one(node, GY.asOf))
    stated = f.one(node, GY.statedName)
    who_ko = ", ".join(f.label(w) for w in who) or str(stated or "")
    who_en = ", ".join(f.en(w) for w in who) or str(stated or "")
    ko = f"{year}년 {f.label(sc)}의 코디네이터: {who_ko}."
    en = f"In {year} the {f.en(sc)} was coordinated by {who_en}."
    return ko, en, [sc, *who]


def _tenure(f: _Facts, node) -> tuple[str, str, list]:
    person = f.one(node, GY.official)
    post = f.one(node, GY.post)
    role = f.one(post, GY.role) if post is not None else None
    org = f.one(post, URIRef(ORG + "postIn")) if post is not None else None
    year = _year(f.one(node, GY.asOf))
    from graph.readers.posts import base_title

    title = base_title(str(role or ""))
    org_ko = f.label(org) if org is not None else ""
    ko = f"{year}년 {with_particle(f.label(person), '은', '는')} {org_ko} {role or ''}."
    en = (f"In {year} {f.en(person)} was {title.en if title else role or ''} of "
          f"{f.en(org) if org is not None else ''}.")
    return ko, en, [person, org]


def _membership(f: _Facts, node) -> tuple[str, str, list]:
    member = f.one(node, URIRef(ORG + "member"))
    org = f.one(node, URIRef(ORG + "organization"))
    kind = f.one(node, GY.membershipKind)
    year = _year(f.one(node, GY.asOf))
    since = f.one(node, GY.since)
    kind_en = f"{kind} member" if kind is not None else "member"
    ko = f"{year}년 {with_particle(f.label(member), '은', '는')} {f.label(org)} 회원({kind or '종류 미기재'})." + \
        (f" {since}년 가입." if since is not None else "")
    en = f"In {year} {f.en(member)} was a {kind_en} of {f.en(org)}." + \
        (f" Joined in {since}." if since is not None else "")
    return ko, en, [member, org]


def _subcommittee(f: _Facts, node) -> tuple[str, str, list]:
    founded = f.one(node, GY.foundedIn) or f.one(node, GY.establishedOn)
    meetings = f.one(node, GY.meetingCount)
    activity = f.one(node, GY.activityField)
    ko = f"{f.label(node)}: {founded or ''} 구성, 회의 {meetings if meetings is not None else '-'}회. " \
         f"{activity or ''}"
    en = f"The {f.en(node)} was founded in {founded or 'an unstated year'}; meetings held: " \
         f"{meetings if meetings is not None else 'not stated'}."
    return ko, en, [node]


def _program(f: _Facts, node) -> tuple[str, str, list]:
    budget = f.one(node, GY.budgetMillionKRW)
    runs = f.all(node, GY.runBy)
    partners = f.all(node, GY.partner)
    rate = f.one(node, GY.achievementRate)
    parts_ko = [f"예산 {budget}백만원" if budget is not None else "",
                f"운영 {', '.join(f.label(r) for r in runs)}" if runs else "",
                f"협력 {', '.join(f.label(p) for p in partners)}" if partners else "",
                f"달성률 {rate}%" if rate is not None else ""]
    parts_en = [f"budget {budget} million KRW" if budget is not None else "",
                f"run by {', '.join(f.en(r) for r in runs)}" if runs else "",
                f"partners {', '.join(f.en(p) for p in partners)}" if partners else "",
                f"achievement rate {rate}%" if rate is not None else ""]
    ko = f"사업 {f.label(node)}: " + ", ".join(p for p in parts_ko if p)
    en = f"Programme {f.label(node)}: " + ", ".join(p for p in parts_en if p)
    return ko, en, [node, *runs, *partners]


def _event(f: _Facts, node) -> tuple[str, str, list]:
    start = f.one(node, URIRef(SCHEMA + "startDate"))
    venue = f.one(node, GY.venue)
    hosts = f.all(node, GY.host)
    ko = f"{f.label(node)}: {start or ''} {venue or ''} " + (f"개최지 {', '.join(f.label(h) for h in hosts)}"
                                                             if hosts else "")
    en = f"{f.en(node)} held {('on ' + str(start)) if start else ''} {('at ' + str(venue)) if venue else ''}" + \
        (f", hosted by {', '.join(f.en(h) for h in hosts)}" if hosts else "")
    return ko, en, [node, *hosts]


#: One sentence writer per fact class.
WRITERS: dict[str, Callable[[_Facts, object], tuple[str, str, list]]] = {
    "Agreement": _agreement, "Coordination": _coordination, "Tenure": _tenure, "Membership": _membership,
    "SubCommittee": _subcommittee, "Program": _program, "Event": _event,
}


def _spans(f: _Facts, node, sources: frozenset | None = None) -> list[tuple[str, int, int]]:
    """The short spans ``node`` was derived from, as ``(document, first line, last line)``; only those among
    ``sources`` (span nodes) when given, so a node derived from thousands of documents costs one document's sources
    per document, not all of them (decision 0109)."""
    derived = f.out[node].get(PROV.wasDerivedFrom, ())
    out = []
    for source in derived if sources is None else sources.intersection(derived):
        doc = f.one(source, GY.document)
        start, end = f.one(source, GY.lineStart), f.one(source, GY.lineEnd)
        if doc is None or start is None:
            continue
        start, end = int(start.toPython()), int((end if end is not None else start).toPython())
        if end - start < MAX_SPAN_LINES:
            out.append((doc_id_of(doc), start, end))
    return sorted(set(out))


def _how_read(readings: list[tuple[str, float | None]]) -> tuple[str, float | None]:
    """How the facts of one passage were read: ``automatic`` if any was, with the lowest automatic confidence.

    >>> _how_read([("curated", None), ("automatic", 0.9), ("automatic", 0.7)]), _how_read([("curated", None)])
    (('automatic', 0.7), ('curated', None))
    """
    automatic = [confidence for method, confidence in readings if method == "automatic"]
    if automatic:
        known = [c for c in automatic if c is not None]
        return "automatic", min(known) if known else None
    return (readings[0][0] if readings else ""), None


def read_facts(dataset) -> _Facts:
    """The relations of ``dataset`` that fact passages, partner profiles and provenance links read (one pass)."""
    return _Facts(dataset)


def fact_passages(dataset, documents: list[Document], facts: _Facts | None = None, nodes: Iterable | None = None,
                  sources: Iterable | None = None) -> tuple[list[Passage], list[PassageLinks]]:
    """Fact passages of the dataset (one per cited span, in span order, saying every fact derived from it), with their
    entity links (the entities of all those facts). ``facts``: :func:`read_facts` of the dataset, if already read;
    ``nodes``: the fact nodes to say (default every typed node; the streaming index passes those of a document);
    ``sources``: span nodes holding every span of ``documents`` the nodes cite (default each node's every source;
    the streaming index passes the document's, so a node shared by many documents is not read whole for each)."""
    if dataset is None:
        return [], []
    f = facts or _Facts(dataset)
    by_id = {d.id: d for d in documents}
    sources = frozenset(sources) if sources is not None else None
    spans: dict[tuple[str, int, int], tuple[list[str], list[str], dict[str, EntityRef], list]] = {}
    for node in sorted(f.types if nodes is None else nodes, key=str):
        kind = next((k for k in WRITERS if k in f.types[node]), None)
        if kind is None:
            continue
        cited = [s for s in _spans(f, node, sources) if s[0] in by_id]
        if not cited:
            continue
        ko, en, about = WRITERS[kind](f, node)
        method, confidence = f.one(node, GY.extractionMethod), f.one(node, GY.confidence)
        refs = list({r.iri: r for r in (f.ref(n) for n in about if n is not None) if r is not None}.values())
        for doc_id, start, end in cited:
            sentences_ko, sentences_en, entities, readings = spans.setdefault(
                (doc_id, start, min(end, len(by_id[doc_id].lines))), ([], [], {}, []))
            for sentences, sentence in ((sentences_ko, " ".join(ko.split())), (sentences_en, " ".join(en.split()))):
                if sentence not in sentences:
                    sentences.append(sentence)
            entities.update((r.iri, r) for r in refs)
            readings.append((str(method or ""), float(confidence) if confidence is not None else None))
    passages: list[Passage] = []
    links: list[PassageLinks] = []
    for (doc_id, start, end), (sentences_ko, sentences_en, entities, readings) in sorted(spans.items()):
        doc = by_id[doc_id]
        method, confidence = _how_read(readings)
        text = "\n".join(t for t in (clean_line(doc.line(n)) for n in range(start, end + 1)) if t)
        for first in range(0, max(len(sentences_ko), len(sentences_en)), MAX_FACTS):
            passages.append(Passage(doc=doc_id, line_start=start, line_end=end, text=text, title=doc.title,
                                    summary=" ".join(sentences_ko[first:first + MAX_FACTS]),
                                    summary_en=" ".join(sentences_en[first:first + MAX_FACTS]),
                                    method=method, confidence=confidence))
            links.append(PassageLinks(tuple(entities.values()), ()))
    return passages, links
