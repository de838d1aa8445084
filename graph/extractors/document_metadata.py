"""The generic extractor: every document becomes a ``schema:CreativeWork`` with its manifest metadata."""

from __future__ import annotations

from rdflib import Literal

from graph.extractors import extractor
from graph.facts import FactWriter
from ontology.namespaces import DCTERMS, GY, PROV, RDF, RDFS, SCHEMA


@extractor("document metadata", applies=lambda doc: True)
def extract_document(w: FactWriter) -> None:
    """Title, publisher, date and size of the document, from ``manifest.tsv``."""
    d, iri = w.doc, w.doc_iri
    w.add(iri, RDF.type, GY.Document)
    w.add(iri, RDF.type, SCHEMA.CreativeWork)
    w.add(iri, RDF.type, PROV.Entity)
    w.add(iri, SCHEMA.identifier, _plain(d.id))
    if d.title_ko:
        w.add(iri, RDFS.label, w.text(d.title_ko, "ko"))
        w.add(iri, DCTERMS.title, w.text(d.title_ko, "ko"))
    if d.title_en:
        w.add(iri, RDFS.label, w.text(d.title_en, "en"))
        w.add(iri, DCTERMS.title, w.text(d.title_en, "en"))
    if d.publisher:
        w.add(iri, DCTERMS.publisher, _plain(d.publisher))
    if d.date:
        w.add(iri, DCTERMS.date, _plain(d.date))
    if d.kind:
        w.add(iri, DCTERMS.description, w.text(d.kind, "en"))
    w.add(iri, GY.lineCount, w.integer(len(d.lines)))
    w.add(iri, GY.sha256, _plain(d.sha256))


def _plain(value: str) -> Literal:
    return Literal(value)
