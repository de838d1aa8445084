"""Writing facts of one document into its named graph, each with line-level provenance.

Extractors never build IRIs or provenance by hand: they call a :class:`FactWriter`, which

* mints fact-node IRIs (``node``) and source spans (``source``: document + line span),
* links fact nodes to their source with ``prov:wasDerivedFrom``,
* resolves names through the registry (``resolve``), recording the spelling met as
  ``skos:altLabel`` and reporting what it cannot resolve instead of guessing,
* marks every fact node with ``gy:extractionMethod`` (:meth:`FactWriter.mark_methods`): the
  document-family readers' facts are ``"curated"``; the general readers write ``"automatic"``
  with a ``gy:confidence`` themselves (:mod:`graph.readers.candidates`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from corpus import Document
from graph.dates import StatedDate
from graph.registry import Entity, Registry, Resolution
from graph.report import ExtractionReport
from ontology.namespaces import (
    GY,
    ID,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
    document_graph,
    document_iri,
    source_span_iri,
)

Lines = int | tuple[int, int]

#: Classes of fact nodes: each carries ``gy:extractionMethod`` ("curated" or "automatic").
FACT_CLASSES = (GY.Agreement, GY.AgreementIntent, GY.Membership, GY.Coordination, GY.Post, GY.Tenure,
                GY.Program, GY.Event)
CURATED, AUTOMATIC = "curated", "automatic"

_SLUG_DROP = re.compile(r"[^\w\-]+", re.UNICODE)


def slug(text: str) -> str:
    """IRI-safe path segment that keeps Korean letters.

    >>> slug("농특산물 직거래 확대")
    '농특산물_직거래_확대'
    >>> slug("Dong Thap 동탑성")
    'Dong_Thap_동탑성'
    """
    text = re.sub(r"\s+", "_", text.strip())
    return _SLUG_DROP.sub("", text).strip("_") or hashlib.sha1(text.encode()).hexdigest()[:10]


def span_of(lines: Lines) -> tuple[int, int]:
    """``(start, end)`` for a line number or span."""
    return (lines, lines) if isinstance(lines, int) else (int(lines[0]), int(lines[1]))


def spelling_language(name: str) -> str:
    """``"en"`` for a name written only in Latin letters (``Tu Son``, ``Từ Sơn``), else ``"ko"``.

    >>> [spelling_language(name) for name in ("Tu Son", "Từ Sơn", "뚜선시", "天津市")]
    ['en', 'en', 'ko', 'ko']
    """
    latin = re.search(r"[A-Za-z]", name) and not re.search(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]", name)
    return "en" if latin else "ko"


class FactWriter:
    """Adds the facts of ``doc`` to ``dataset`` in the document's own named graph."""

    def __init__(self, dataset: Dataset, doc: Document, registry: Registry, report: ExtractionReport) -> None:
        self.dataset = dataset
        self.doc = doc
        self.registry = registry
        self.report = report
        self.graph = dataset.graph(document_graph(doc.id))
        self.doc_iri = document_iri(doc.id)

    # -- provenance -------------------------------------------------------------------------------------
    def source(self, lines: Lines) -> URIRef:
        """The source-span node for ``lines`` of this document (created once)."""
        start, end = span_of(lines)
        if not 1 <= start <= end <= len(self.doc.lines):
            raise ValueError(f"{self.doc.id}: bad line span {start}-{end}")
        iri = source_span_iri(self.doc.id, start, end)
        if (iri, RDF.type, GY.SourceSpan) not in self.graph:
            self.graph.add((iri, RDF.type, GY.SourceSpan))
            self.graph.add((iri, GY.document, self.doc_iri))
            self.graph.add((iri, GY.lineStart, Literal(start, datatype=XSD.integer)))
            self.graph.add((iri, GY.lineEnd, Literal(end, datatype=XSD.integer)))
            self.graph.add((iri, RDFS.label, Literal(f"{self.doc.id}:{start}-{end}")))
        return iri

    def derived(self, node: Node, lines: Lines) -> None:
        """State that ``node`` was derived from ``lines`` of this document."""
        self.graph.add((node, PROV.wasDerivedFrom, self.source(lines)))

    # -- nodes and triples ------------------------------------------------------------------------------
    def node(self, kind: str, key: str, rdf_type: URIRef, lines: Lines, *, label_ko: str | None = None,
             label_en: str | None = None) -> URIRef:
        """Mint (or reuse) the fact node ``ID[kind/slug(key)]`` typed ``rdf_type``, derived from ``lines``."""
        iri = ID[f"{kind}/{slug(key)}"]
        self.graph.add((iri, RDF.type, rdf_type))
        if label_ko:
            self.graph.add((iri, RDFS.label, Literal(label_ko, lang="ko")))
        if label_en:
            self.graph.add((iri, RDFS.label, Literal(label_en, lang="en")))
        self.derived(iri, lines)
        return iri

    def add(self, s: Node, p: URIRef, o: Node) -> None:
        """Add one triple to this document's graph."""
        self.graph.add((s, p, o))

    def note(self, node: Node, text: str, lines: Lines | None = None) -> None:
        """Attach a human-readable note (e.g. a stated inconsistency) to ``node``."""
        self.graph.add((node, GY.note, Literal(text, lang="ko" if re.search("[가-힣]", text) else "en")))
        if lines is not None:
            self.derived(node, lines)

    def mark_methods(self, method: str = CURATED) -> int:
        """Give every fact node of this document without a ``gy:extractionMethod`` the ``method``; returns how many."""
        marked = 0
        for cls in FACT_CLASSES:
            for node in set(self.graph.subjects(RDF.type, cls)):
                if (node, GY.extractionMethod, None) not in self.graph:
                    self.graph.add((node, GY.extractionMethod, Literal(method)))
                    marked += 1
        return marked

    # -- entities ---------------------------------------------------------------------------------------
    def entity(self, entity: Entity, surface: str | None = None) -> URIRef:
        """IRI of a registry entity; a spelling that differs from its names becomes ``skos:altLabel``."""
        if surface:
            clean = re.sub(r"\s+", " ", surface.replace("*", "")).strip()
            if clean and clean not in (entity.name_ko, entity.name_en):
                self.graph.add((entity.iri, SKOS.altLabel, Literal(clean, lang=spelling_language(clean))))
        return entity.iri

    def resolve(self, surface: str, lines: Lines, *, kinds: Iterable[str] | None = None,
                country: str | None = None, parent: str | None = None) -> Resolution:
        """Resolve ``surface`` via the registry; report it (with its line) when it cannot be resolved."""
        result = self.registry.resolve(surface, kinds=kinds, country=country, parent=parent)
        if result.entity is None:
            kind = "ambiguous" if result.ambiguous else "unresolved"
            self.report.add_issue(kind, self.doc.id, span_of(lines)[0], surface.strip(), result.reason)
        return result

    # -- literals ---------------------------------------------------------------------------------------
    @staticmethod
    def date(value: date) -> Literal:
        """``xsd:date`` literal."""
        return Literal(value.isoformat(), datatype=XSD.date)

    @staticmethod
    def year(value: int) -> Literal:
        """``xsd:gYear`` literal."""
        return Literal(f"{value:04d}", datatype=XSD.gYear)

    @staticmethod
    def stated(value: StatedDate) -> Literal:
        """``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` literal, as precise as the date was stated.

        >>> FactWriter.stated(StatedDate(2019, 5)).datatype.split("#")[-1]
        'gYearMonth'
        """
        return Literal(value.iso, datatype=XSD[value.xsd])

    @staticmethod
    def plain(value: str) -> Literal:
        """Plain string literal (``xsd:string``)."""
        return Literal(value)

    @staticmethod
    def integer(value: int) -> Literal:
        """``xsd:integer`` literal."""
        return Literal(int(value), datatype=XSD.integer)

    @staticmethod
    def decimal(value: float) -> Literal:
        """``xsd:decimal`` literal."""
        return Literal(str(value), datatype=XSD.decimal)

    @staticmethod
    def text(value: str, lang: str = "ko") -> Literal:
        """Language-tagged literal."""
        return Literal(value, lang=lang)

