"""Build the knowledge graph: run the extractors over every document, add registry and vocabulary.

>>> from corpus import load_corpus
>>> result = build_graph(load_corpus())
>>> result.report.counts["Agreement"]
85
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, Literal

from corpus import Document
from graph.entity_kinds import ENTITY_KINDS
from graph.extraction_cache import ExtractionCache, Piece
from graph.extractors import all_extractors
from graph.facts import FactWriter, spelling_language
from graph.readers.acceptance import load_model, model_given
from graph.reconcile import reconcile
from graph.registry import Entity, Registry
from graph.report import ExtractionReport
from ontology import VOCABULARY_FILE
from ontology.namespaces import (
    GY,
    ONTOLOGY_GRAPH,
    ORG,
    RDF,
    RDFS,
    REGISTRY_GRAPH,
    SCHEMA,
    SKOS,
    bind_prefixes,
)
from runtime.executors import Executor, SerialExecutor
from runtime.progress import Progress

if TYPE_CHECKING:
    import pyoxigraph as ox

#: Classes counted in the build report.
#: Longest line the readers see (characters); the seed corpus's longest is 514.
MAX_READ_LINE = 20_000
COUNTED_CLASSES = ("Region", "Organization", "Agreement", "AgreementIntent", "SubCommittee", "Membership",
                   "Official", "Post", "Program", "Event", "Document", "SourceSpan")


@dataclass
class GraphBuild:
    """The dataset (one named graph per document, plus registry and ontology graphs) and its report."""

    dataset: Dataset
    report: ExtractionReport


def build_graph(documents: list[Document], registry: Registry | None = None,
                progress: Progress | None = None, cache: ExtractionCache | None = None,
                executor: Executor | None = None) -> GraphBuild:
    """Extract every document into its named graph, reconcile across documents, add registry and vocabulary.

    Per-document extraction (:func:`extract_piece`) depends on the document alone; the cross-document
    pass (:func:`graph.reconcile.reconcile`) on the set of document graphs, never on their order.
    Each document is extracted on its own (a dataset of its own), so its result can be kept in ``cache``
    and reused while the document and the extraction code are unchanged. The documents not in the cache
    are extracted through ``executor`` (default: in this process); pieces are merged in document order.
    """
    registry = registry or Registry.default()
    progress = progress or Progress(quiet=True)
    executor = executor or SerialExecutor()
    dataset = bind_prefixes(Dataset())
    report = ExtractionReport()
    cached = [cache.get(doc) if cache is not None else None for doc in documents]
    missing = [doc for doc, piece in zip(documents, cached, strict=True) if piece is None]
    extracted = executor.map(extraction_task(registry), missing, labels=[doc.id for doc in missing])
    for doc, piece in zip(documents, cached, strict=True):
        how = "cached"
        if piece is None:
            piece, names = next(extracted)
            how = ", ".join(names)
            if cache is not None:
                cache.put(doc, piece)
        triples = piece.add_to(dataset, report)
        progress.step(f"{doc.id}: {triples} triples ({how})")
    if cache is not None:
        progress.step(f"{cache.misses} documents extracted, {cache.hits} taken from the extraction cache")
    reconcile(dataset, report)
    add_registry_graph(dataset, registry)
    dataset.graph(ONTOLOGY_GRAPH).parse(VOCABULARY_FILE, format="turtle")
    report.counts.update(count_classes(dataset))
    return GraphBuild(dataset, report)


def extraction_task(registry: Registry) -> Callable[[Document], tuple[Piece, list[str]]]:
    """The task every worker runs on a document: :func:`extract_piece` with ``registry`` (``None`` when it is the
    shipped one, which a worker loads once) and the acceptance model in use, read here once (decision 0072)."""
    return partial(extract_piece, registry=None if registry is Registry.default() else registry,
                   acceptance=(load_model(),))


def extract_piece(doc: Document, registry: Registry | None = None,
                  acceptance: tuple[dict | None] | None = None) -> tuple[Piece, list[str]]:
    """One document's extraction and the extractors that ran (``registry`` ``None``: the shipped one;
    ``acceptance``: ``(model,)`` handed by the build, ``None``: the setting's model)."""
    piece = Piece(Dataset(), ExtractionReport())
    with model_given(acceptance[0]) if acceptance is not None else nullcontext():
        _, names = extract_document(piece.dataset, doc, registry or Registry.default(), piece.report)
    return piece, names


def readable(doc: Document, report: ExtractionReport) -> Document:
    """``doc`` with lines over :data:`MAX_READ_LINE` characters blanked for the readers (numbering kept), each
    reported: readers' patterns are not all linear, and one huge line must not stall a build. Search keeps them."""
    long = [n for n, line in enumerate(doc.lines, 1) if len(line) > MAX_READ_LINE]
    for n in long:
        report.add_issue("anomaly", doc.id, n, f"{len(doc.lines[n - 1])} characters",
                         f"line longer than {MAX_READ_LINE} characters: not read for facts (still searchable)")
    return replace(doc, lines=tuple("" if len(line) > MAX_READ_LINE else line for line in doc.lines)) if long else doc


def extract_document(dataset: Dataset, doc: Document, registry: Registry, report: ExtractionReport,
                     extractors: list | None = None) -> tuple[FactWriter, list[str]]:
    """Run every applicable extractor on ``doc`` into its named graph; mark facts without a method curated."""
    doc = readable(doc, report)
    writer = FactWriter(dataset, doc, registry, report)
    names = []
    for ex in extractors if extractors is not None else all_extractors():
        if ex.applies(doc):
            ex.run(writer)
            names.append(ex.name)
    writer.mark_methods()
    return writer, names


def add_registry_graph(dataset: Dataset, registry: Registry) -> Graph:
    """Labels, country, level and parent of every registry entity, in the registry graph."""
    g = dataset.graph(REGISTRY_GRAPH)
    for entity in registry.entities.values():
        _describe_entity(g, registry, entity)
    return g


def _describe_entity(g: Graph, registry: Registry, e: Entity) -> None:
    iri = e.iri
    rdf_type = GY[ENTITY_KINDS[e.kind].class_name]
    g.add((iri, RDF.type, rdf_type))
    if e.kind == "organization":
        g.add((iri, RDF.type, ORG.Organization))
    g.add((iri, RDFS.label, Literal(e.name_ko, lang="ko")))
    g.add((iri, SKOS.prefLabel, Literal(e.name_ko, lang="ko")))
    if e.name_en:
        g.add((iri, RDFS.label, Literal(e.name_en, lang="en")))
    for name in (*e.former, *e.aliases):
        if name != e.name_en:
            g.add((iri, SKOS.altLabel, Literal(name, lang=spelling_language(name))))
    for name in e.former:
        g.add((iri, GY.formerName, Literal(name, lang="ko")))
    if e.country and e.country in registry.entities:
        g.add((iri, GY.country, registry.entities[e.country].iri))
    if e.level:
        g.add((iri, GY.adminLevel, Literal(e.level, lang="ko")))
    if e.parent and e.parent in registry.entities:
        g.add((iri, SCHEMA.containedInPlace, registry.entities[e.parent].iri))
    if e.note:
        g.add((iri, GY.note, Literal(e.note, lang="en")))
    g.add((iri, GY.registryId, Literal(e.id)))


def count_classes(dataset: Dataset) -> dict[str, int]:
    """Number of distinct subjects of each class in :data:`COUNTED_CLASSES` (over all graphs)."""
    counts: dict[str, int] = {}
    for name in COUNTED_CLASSES:
        subjects = {s for s, _, _, _ in dataset.quads((None, RDF.type, GY[name], None))}
        counts[name] = len(subjects)
    return counts


def count_stored_classes(store: ox.Store) -> dict[str, int]:
    """The same counts over the named graphs of a pyoxigraph store (the streaming and incremental builds)."""
    counts = {}
    for name in COUNTED_CLASSES:
        rows = store.query(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a <{GY[name]}> }} }}")
        counts[name] = int(next(iter(rows))["n"].value)
    return counts
