"""What a general reader proposes, and the one function that writes it as automatic facts.

A reader (tables, lists, sentences, people) yields :class:`AgreementCandidate` and
:class:`OfficialCandidate` objects; :func:`write_candidates` turns them into facts of the
document's named graph through :class:`graph.facts.FactWriter`, each with
``gy:extractionMethod "automatic"``, a ``gy:confidence`` (``xsd:decimal``) and its source lines.
A candidate with the intent flag (추진 중, 계획, 예정, 의향서 전달) becomes a ``gy:AgreementIntent``,
never a ``gy:Agreement``. Agreement IRIs are derived from the sorted party ids and the stated date,
so two documents stating the same signing the same way name the same node; the cross-document
pass (:mod:`graph.reconcile`) merges the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef

from graph.dates import StatedDate
from graph.facts import AUTOMATIC, FactWriter
from graph.readers.entities import Party, describe_latin_names, describe_minted, within
from graph.readers.posts import hold, official
from graph.readers.relations import DEFAULT_RELATION
from ontology.namespaces import GY


@dataclass
class AgreementCandidate:
    """A signing (or, with ``intent``, a plan to sign) between two parties, as a reader found it."""

    parties: tuple[Party, Party]
    date: StatedDate | None
    relation: str = DEFAULT_RELATION
    lines: tuple[int, int] = (1, 1)
    confidence: float = 0.5
    intent: bool = False
    fields: tuple[str, ...] = ()
    reader: str = ""
    quote: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def party_ids(self) -> tuple[str, str]:
        """The two party entity ids, sorted (order-free identity of the pair)."""
        a, b = sorted(p.entity.id for p in self.parties)
        return a, b

    @property
    def key(self) -> tuple:
        """Identity within one document: parties, date, intent."""
        return (self.party_ids, self.date.iso if self.date else "", self.intent)


class Candidates(list):
    """A reader's candidates, and the lines of the tables it judged (``tables``: read as tables of signings, or found
    to sign nothing, such as a table of visits), which a reader marked ``AFTER_TABLES`` leaves alone; ``signed``: the
    lines of the tables read as signings, which running text (``AFTER_LISTS``) leaves alone too."""

    def __init__(self, found: Iterable = (), tables: frozenset[int] = frozenset(),
                 signed: frozenset[int] = frozenset()) -> None:
        super().__init__(found)
        self.tables = tables
        self.signed = signed


@dataclass
class OfficialCandidate:
    """A person holding a post in an organisation or region, as stated (``홍길동 부산광역시장``)."""

    name: str
    role: str
    org: Party
    lines: tuple[int, int]
    date: StatedDate | None = None
    confidence: float = 0.5
    reader: str = ""
    quote: str = ""
    former: bool = False  # stated as a former post (전, 前)


def write_candidates(w: FactWriter, candidates: Iterable[AgreementCandidate | OfficialCandidate]) -> list[URIRef]:
    """Write every candidate as an automatic fact of ``w``'s document; returns the fact nodes written.

    Candidates naming the same fact (same parties, date and intent) are written once with the highest
    confidence, every field and every source span. An agreement candidate without a date is reported,
    not written.
    """
    groups: dict[tuple, list[AgreementCandidate]] = {}
    nodes: list[URIRef] = []
    for c in candidates:
        if isinstance(c, OfficialCandidate):
            nodes.append(_write_official(w, c))
        elif c.parties[0].entity.id == c.parties[1].entity.id:
            w.report.add_issue("unresolved", w.doc.id, c.lines[0], c.quote or c.parties[1].surface,
                               f"both parties read as {c.parties[0].entity.name_ko}: not written")
        elif within(*c.parties):  # 강원특별자치도와 강릉시 간 업무협약: a region and its own city, no exchange
            w.report.add_issue("anomaly", w.doc.id, c.lines[0], c.quote or " – ".join(p.surface for p in c.parties),
                               "a region and its own sub-unit: no exchange agreement, not written")
        elif c.date is None and not c.intent:
            w.report.add_issue("anomaly", w.doc.id, c.lines[0], c.quote or " – ".join(p.surface for p in c.parties),
                               "signing stated without a date: not written")
        else:
            groups.setdefault(c.key, []).append(c)
    for group in groups.values():
        best = max(group, key=lambda c: c.confidence)
        node = _write_agreement(w, best, tuple(dict.fromkeys(f for c in group for f in c.fields)))
        for c in group:
            w.derived(node, c.lines)
            text = "\n".join(w.doc.lines[c.lines[0] - 1:c.lines[1]])
            for party in c.parties:  # every spelling the group's lines give a party (an English line's Latin name)
                describe_latin_names(w, party, text)
        nodes.append(node)
    return nodes


def _write_agreement(w: FactWriter, c: AgreementCandidate, fields: tuple[str, ...]) -> URIRef:
    a, b = sorted(c.parties, key=lambda p: p.entity.id)
    when = c.date.iso if c.date else "undated"
    word = "협약 추진" if c.intent else "협약"
    word_en = "agreement intent" if c.intent else "agreement"
    node = w.node("agreement-intent" if c.intent else "agreement", f"{a.entity.id}--{b.entity.id}--{when}",
                  GY.AgreementIntent if c.intent else GY.Agreement, c.lines,
                  label_ko=f"{a.entity.name_ko}–{b.entity.name_ko} {word} ({when})",
                  label_en=f"{a.entity.name_en or a.entity.name_ko}–{b.entity.name_en or b.entity.name_ko} "
                           f"{word_en} ({when})")
    for party in (a, b):
        if party.minted:
            describe_minted(w, party)
        w.add(node, GY.party, party.entity.iri)
    if c.date is not None:
        w.add(node, GY.statedDate if c.intent else GY.signedOn, w.stated(c.date))
    w.add(node, GY.agreementType, GY[c.relation])
    w.add(node, GY.extractionMethod, w.plain(AUTOMATIC))
    w.add(node, GY.confidence, w.decimal(round(c.confidence, 2)))
    if not c.intent:
        w.add(a.entity.iri, GY.signedWith, b.entity.iri)
        w.add(b.entity.iri, GY.signedWith, a.entity.iri)
        if fields:
            w.add(node, GY.fieldText, w.text(", ".join(fields)))
    return node


def _write_official(w: FactWriter, c: OfficialCandidate) -> URIRef:
    """The person, the post and the dated tenure (:func:`graph.readers.posts.hold`), marked automatic."""
    org = c.org.entity
    if c.org.minted:
        describe_minted(w, c.org)
    tenure = hold(w, official(w, c.name, None, c.lines), w.entity(org), org.name_ko, c.role, c.lines, c.date,
                  former=c.former)
    for node in (tenure, *w.graph.objects(tenure, GY.post)):
        w.add(node, GY.extractionMethod, w.plain(AUTOMATIC))
        w.add(node, GY.confidence, w.decimal(round(c.confidence, 2)))
    return tenure
