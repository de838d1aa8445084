"""The cross-document pass: one node per signing, curated facts first.

Runs after every document has been extracted into its own named graph (:func:`graph.build.build_graph`
and incremental ingest call it on the per-document graphs *before* this pass; cache those, not the
result). It depends only on the set of document graphs, never on their order, so the graph after any
sequence of build, ingest and remove equals a clean build.

1. **Restated signings.** An automatic ``gy:Agreement`` whose parties equal those of another agreement
   and whose date equals it, or is a month or year containing it (or is contained by it), is the same
   signing: its document keeps only ``prov:wasDerivedFrom`` links from the surviving node to its lines.
   Survivors are chosen by rank: curated before automatic, then the more precise date, then the IRI.
   A date that matches no known signing of the same parties stays a further signing.
2. **One owner per node.** A node stated by several documents (a post, a minted region, the same
   automatic signing) is described by one owner graph — a curated one if any, else the automatic one
   with the highest confidence, then the smallest graph IRI; the others keep their provenance links and
   any spelling of its name as ``skos:altLabel``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from graph.dates import StatedDate
from graph.facts import AUTOMATIC, CURATED
from graph.report import ExtractionReport
from ontology.namespaces import GY, ID, PROV, RDF, RDFS, SKOS

_DOC_GRAPH_PREFIX = str(ID["graph/"])
_KEPT_IN_NON_OWNERS = {PROV.wasDerivedFrom, SKOS.altLabel}
_NAME_PREDICATES = {RDFS.label, SKOS.prefLabel}


@dataclass
class _Signing:
    node: URIRef
    parties: frozenset[Node]
    date: StatedDate | None
    curated: bool

    @property
    def rank(self) -> tuple:
        precision = {"day": 0, "month": 1, "year": 2}[self.date.precision] if self.date else 3
        return (not self.curated, precision, self.date.iso if self.date else "", str(self.node))


def document_graphs(dataset: Dataset) -> list[Graph]:
    """The per-document named graphs of ``dataset``, in IRI order."""
    graphs = [g for g in dataset.graphs() if str(g.identifier).startswith(_DOC_GRAPH_PREFIX)
              and not str(g.identifier).endswith(("/registry", "/ontology"))]
    return sorted(graphs, key=lambda g: str(g.identifier))


def reconcile(dataset: Dataset, report: ExtractionReport | None = None) -> int:
    """Merge restated automatic signings into the signing they restate and give shared nodes one owner.

    Returns the number of automatic agreement nodes merged away.
    """
    graphs = document_graphs(dataset)
    merged = _merge_restated(graphs, report)
    _settle_owners(graphs)
    return merged


def _methods(graphs: list[Graph], node: Node) -> set[str]:
    return {str(o) for g in graphs for o in g.objects(node, GY.extractionMethod)}


def _signings(graphs: list[Graph]) -> list[_Signing]:
    out: dict[URIRef, _Signing] = {}
    for g in graphs:
        for node in g.subjects(RDF.type, GY.Agreement):
            if node in out or not isinstance(node, URIRef):
                continue
            parties = frozenset(o for h in graphs for o in h.objects(node, GY.party))
            dates = sorted(str(o) for h in graphs for o in h.objects(node, GY.signedOn))
            try:
                date = StatedDate.from_iso(dates[0]) if dates else None
            except ValueError:
                date = None
            out[node] = _Signing(node, parties, date, CURATED in _methods(graphs, node))
    return sorted(out.values(), key=lambda s: s.rank)


def _merge_restated(graphs: list[Graph], report: ExtractionReport | None) -> int:
    by_parties: dict[frozenset[Node], list[_Signing]] = defaultdict(list)
    for signing in _signings(graphs):
        by_parties[signing.parties].append(signing)
    merged = 0
    for group in by_parties.values():
        survivors: list[_Signing] = []
        for signing in group:  # best rank first
            target = None
            if not signing.curated and signing.date is not None:
                target = next((s for s in survivors if s.date is not None and s.date.compatible(signing.date)), None)
            if target is None:
                survivors.append(signing)
                continue
            _redirect(graphs, signing.node, target.node)
            merged += 1
            if report is not None:
                report.summary("reconciliation", f"{signing.node.rsplit('/', 1)[-1]} restates "
                                                 f"{target.node.rsplit('/', 1)[-1]}")
    return merged


def _redirect(graphs: list[Graph], old: URIRef, new: URIRef) -> None:
    """Replace ``old`` by provenance links of ``new`` in every graph that states ``old``."""
    for g in graphs:
        sources = list(g.objects(old, PROV.wasDerivedFrom))
        if not sources and (old, None, None) not in g:
            continue
        for triple in list(g.triples((old, None, None))) + list(g.triples((None, None, old))):
            g.remove(triple)
        for src in sources:
            g.add((new, PROV.wasDerivedFrom, src))


def _owner(graphs: list[Graph], node: Node) -> Graph | None:
    """The graph that describes ``node``: a curated one, else the highest-confidence automatic one."""
    stating = [g for g in graphs if (node, GY.extractionMethod, None) in g]
    curated = [g for g in stating if (node, GY.extractionMethod, Literal(CURATED)) in g]
    if curated:
        return curated[0]

    def confidence(g: Graph) -> float:
        values = [float(o) for o in g.objects(node, GY.confidence)]
        return max(values) if values else 0.0

    return sorted(stating, key=lambda g: (-confidence(g), str(g.identifier)))[0] if stating else None


def _settle_owners(graphs: list[Graph]) -> None:
    shared: dict[Node, int] = defaultdict(int)
    for g in graphs:
        for node in set(g.subjects(GY.extractionMethod, Literal(AUTOMATIC))):
            shared[node] += 1
    for node in sorted(shared, key=str):
        stating = [g for g in graphs if (node, GY.extractionMethod, None) in g]
        if len(stating) < 2:
            continue
        owner = _owner(graphs, node)
        if owner is None:
            continue
        names = {o for p in _NAME_PREDICATES for o in owner.objects(node, p)}
        for g in stating:
            if g is owner or (node, GY.extractionMethod, Literal(CURATED)) in g:
                continue  # curated descriptions are never stripped
            for s, p, o in list(g.triples((node, None, None))):
                if p in _KEPT_IN_NON_OWNERS:
                    continue
                g.remove((s, p, o))
                if p in _NAME_PREDICATES and o not in names:
                    g.add((node, SKOS.altLabel, o))
