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
#: What a graph that does not own a shared node keeps of its description: provenance and names as alternatives.
KEPT_IN_NON_OWNERS = {PROV.wasDerivedFrom, SKOS.altLabel}
#: The predicates that name a node (the owner's stay; another graph's become ``skos:altLabel``).
NAME_PREDICATES = {RDFS.label, SKOS.prefLabel}


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


def signing(node: URIRef, parties: frozenset[Node], dates: list[str], curated: bool) -> _Signing:
    """One signing from everything the graphs state about ``node`` (its earliest stated date)."""
    try:
        date = StatedDate.from_iso(sorted(dates)[0]) if dates else None
    except ValueError:
        date = None
    return _Signing(node, parties, date, curated)


def _signings(graphs: list[Graph]) -> list[_Signing]:
    out: dict[URIRef, _Signing] = {}
    for g in graphs:
        for node in g.subjects(RDF.type, GY.Agreement):
            if node in out or not isinstance(node, URIRef):
                continue
            parties = frozenset(o for h in graphs for o in h.objects(node, GY.party))
            dates = [str(o) for h in graphs for o in h.objects(node, GY.signedOn)]
            out[node] = signing(node, parties, dates, CURATED in _methods(graphs, node))
    return list(out.values())


def restated(signings: list[_Signing]) -> list[tuple[URIRef, URIRef]]:
    """``(restating node, node it restates)`` pairs, in the order they are merged."""
    by_parties: dict[frozenset[Node], list[_Signing]] = defaultdict(list)
    for s in sorted(signings, key=lambda s: s.rank):
        by_parties[s.parties].append(s)
    pairs = []
    for group in by_parties.values():
        survivors = _Survivors()
        for s in group:  # best rank first
            target = None
            if not s.curated and s.date is not None:
                target = survivors.first_compatible(s.date)
            if target is None:
                survivors.add(s)
            else:
                pairs.append((s.node, target.node))
    return pairs


class _Survivors:
    """The surviving signings of one pair of parties, in the order they survived, looked up by date.

    The first survivor whose date is compatible with a date (one contains the other) is the earliest of: those
    stated as the date's year, its month or its day (the dates containing it), and — for a month or a year — the
    earliest within it. Each is kept as a key's first survivor, so a look-up costs the same however many survivors a
    pair has (the same pair is restated thousands of times in a large corpus; a scan of them was quadratic)."""

    def __init__(self) -> None:
        self.order: list[_Signing] = []
        self.first: dict[tuple, int] = {}

    def add(self, s: _Signing) -> None:
        position = len(self.order)
        self.order.append(s)
        if s.date is None:
            return
        d = s.date
        keys = [("is", d.year, d.month, d.day), ("in", d.year)] + ([("in", d.year, d.month)] if d.month else [])
        for key in keys:
            self.first.setdefault(key, position)

    def first_compatible(self, d: StatedDate) -> _Signing | None:
        if d.month is None:
            keys = [("in", d.year)]
        elif d.day is None:
            keys = [("is", d.year, None, None), ("in", d.year, d.month)]
        else:
            keys = [("is", d.year, None, None), ("is", d.year, d.month, None), ("is", d.year, d.month, d.day)]
        found = [self.first[k] for k in keys if k in self.first]
        return self.order[min(found)] if found else None


def _merge_restated(graphs: list[Graph], report: ExtractionReport | None) -> int:
    pairs = restated(_signings(graphs))
    for old, new in pairs:
        _redirect(graphs, old, new)
        report_restated(report, old, new)
    return len(pairs)


def report_restated(report: ExtractionReport | None, old: URIRef, new: URIRef) -> None:
    """Record in ``report`` that ``old`` restates ``new``."""
    if report is not None:
        report.summary("reconciliation", f"{old.rsplit('/', 1)[-1]} restates {new.rsplit('/', 1)[-1]}")


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


def owner_of(stating: list[tuple[str, bool, float]]) -> str | None:
    """The graph (of ``(graph IRI, curated, confidence)``, in graph IRI order) that describes a shared node:
    the first curated one, else the highest-confidence automatic one, then the smallest graph IRI."""
    curated = [g for g, is_curated, _ in stating if is_curated]
    if curated:
        return curated[0]
    return sorted(stating, key=lambda s: (-s[2], s[0]))[0][0] if stating else None


def _statement(g: Graph, node: Node) -> tuple[str, bool, float]:
    values = [float(o) for o in g.objects(node, GY.confidence)]
    return str(g.identifier), (node, GY.extractionMethod, Literal(CURATED)) in g, max(values) if values else 0.0


def strip_description(g: Graph, node: Node, names: set[Node]) -> None:
    """Leave in ``g`` only the provenance links of ``node`` (and its spellings not in ``names`` as altLabel)."""
    for s, p, o in list(g.triples((node, None, None))):
        if p in KEPT_IN_NON_OWNERS:
            continue
        g.remove((s, p, o))
        if p in NAME_PREDICATES and o not in names:
            g.add((node, SKOS.altLabel, o))


def owner_names(g: Graph, node: Node) -> set[Node]:
    """The names ``g`` gives ``node`` (``rdfs:label``, ``skos:prefLabel``)."""
    return {o for p in NAME_PREDICATES for o in g.objects(node, p)}


def _settle_owners(graphs: list[Graph]) -> None:
    shared: dict[Node, int] = defaultdict(int)
    for g in graphs:
        for node in set(g.subjects(GY.extractionMethod, Literal(AUTOMATIC))):
            shared[node] += 1
    by_iri = {str(g.identifier): g for g in graphs}
    for node in sorted(shared, key=str):
        stating = [g for g in graphs if (node, GY.extractionMethod, None) in g]
        if len(stating) < 2:
            continue
        owner = by_iri[owner_of([_statement(g, node) for g in stating])]
        names = owner_names(owner, node)
        for g in stating:
            if g is owner or (node, GY.extractionMethod, Literal(CURATED)) in g:
                continue  # curated descriptions are never stripped
            strip_description(g, node, names)
