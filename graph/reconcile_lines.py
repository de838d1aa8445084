"""Reconciliation on N-Quads lines: the small indexes it reads, its decisions, each graph's own edits.

:func:`graph.reconcile.reconcile` edits a whole rdflib dataset. The streaming build (:mod:`graph.stream_build`)
and the incremental one (:mod:`graph.incremental`) take the same decisions without it: every graph's lines
are read once into :class:`LineIndexes` (agreements' parties, dates and methods; which graphs state each fact
node with which method, confidence and names; the types of every node; in which graphs a node has a
description of its own), :func:`plan_reconciliation` decides from those, and :func:`reconciled_lines` makes
one graph's share of the edits on its lines.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from graph.facts import AUTOMATIC, CURATED
from graph.quad_lines import graph_of, lexical, object_text, split_quad, subject_of
from graph.reconcile import (
    KEPT_IN_NON_OWNERS,
    NAME_PREDICATES,
    owner_of,
    report_restated,
    restated,
    signing,
)
from graph.report import ExtractionReport
from ontology.namespaces import GY, ID, PROV, RDF, SKOS

#: Source-span IRIs start so (``ontology.namespaces.source_span_iri``): spans are provenance, not facts.
SOURCE_SPAN_PREFIX = str(ID["source/"])
TYPE, AGREEMENT, DERIVED_FROM = str(RDF.type), str(GY.Agreement), str(PROV.wasDerivedFrom)
_PARTY, _SIGNED, _METHOD, _CONFIDENCE = str(GY.party), str(GY.signedOn), str(GY.extractionMethod), str(GY.confidence)
_ALT = str(SKOS.altLabel)
_KEPT = {str(p) for p in KEPT_IN_NON_OWNERS}
_NAMES = {str(p) for p in NAME_PREDICATES}


def add_graph(by: dict[str, str | set[str]], node: str, graph: str) -> None:
    """Record ``graph`` for ``node`` in ``by``: the graph's IRI while it is the only one (most nodes have one graph:
    a one-element set each costs some 200 bytes), a set once there are several; read with :func:`graphs_held`."""
    held = by.get(node)
    if held is None:
        by[node] = graph
    elif isinstance(held, str):
        if held != graph:
            by[node] = {held, graph}
    else:
        held.add(graph)


def graphs_held(held: str | set[str] | tuple) -> set[str]:
    """The graphs an entry of :func:`add_graph` holds, as a new set."""
    return {held} if isinstance(held, str) else set(held)


@dataclass(slots=True)
class NodeStatement:
    """One graph's statement of a fact node: whether curated, its best confidence, the names it gives the node."""

    graph: str
    curated: bool
    confidence: float
    names: frozenset[str]


@dataclass
class LineIndexes:
    """What the cross-document steps need, read once from every graph's lines: no triple is kept whole."""

    agreements: set[str] = field(default_factory=set)
    parties: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    dates: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    methods: dict[str, frozenset[str]] = field(default_factory=dict)  # shared sets: add with add_methods
    statements: dict[str, list[NodeStatement]] = field(default_factory=lambda: defaultdict(list))
    types: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The graph describing a node, or the set of them once there are several (most nodes have one: a set each
    #: was a third of these indexes, some 1.5 GB at 1000× the seeds); read it with :meth:`describing`.
    described: dict[str, str | set[str]] = field(default_factory=dict)
    _type_sets: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)

    def add_types(self, node: str, types: set[str] | frozenset[str]) -> None:
        """Add types of ``node`` (equal type sets are shared between nodes: there are few of them)."""
        merged = self.types.get(node, frozenset()) | types
        self.types[node] = self._type_sets.setdefault(merged, merged)

    def add_methods(self, node: str, methods: set[str] | frozenset[str]) -> None:
        """Add extraction methods of ``node`` (shared sets, as types)."""
        merged = self.methods.get(node, frozenset()) | methods
        self.methods[node] = self._type_sets.setdefault(merged, merged)

    def add_described(self, node: str, graph: str) -> None:
        """Record that ``graph`` describes ``node``."""
        add_graph(self.described, node, graph)

    def describing(self, node: str) -> set[str]:
        """The graphs describing ``node``."""
        return graphs_held(self.described.get(node, ()))

    def read(self, lines: list[str]) -> None:
        """Add what one graph's lines state."""
        own: dict[str, dict] = defaultdict(lambda: {"methods": set(), "confidence": [], "names": set()})
        for line in lines:
            s, p, o, g = split_quad(line)
            s = sys.intern(s)
            span = s.startswith(SOURCE_SPAN_PREFIX)
            if p == TYPE and not span:
                self.add_types(s, {o})
                if o == AGREEMENT:
                    self.agreements.add(s)
            if p not in _KEPT and not span:
                self.add_described(s, sys.intern(g))
            if p == _PARTY:
                self.parties[s].add(sys.intern(o))
            elif p == _SIGNED:
                self.dates[s].append(lexical(o))
            elif p == _METHOD:
                self.add_methods(s, {lexical(o)})
                own[s]["methods"].add(lexical(o))
            elif p == _CONFIDENCE:
                own[s]["confidence"].append(float(lexical(o)))
            elif p in _NAMES:
                own[s]["names"].add(o)
        graph = graph_of(lines[0]) if lines else ""
        for node, seen in own.items():
            if seen["methods"]:
                self.statements[node].append(NodeStatement(graph, CURATED in seen["methods"],
                                                           max(seen["confidence"], default=0.0),
                                                           frozenset(seen["names"])))


@dataclass
class ReconcilePlan:
    """Each graph's own edits: restated signings redirected, shared nodes stripped where another graph owns them."""

    redirects: dict[str, str]
    strips: dict[str, dict[str, frozenset[str]]]  # graph → node → the owner's names
    shared: set[str]  # nodes still described by several graphs: validated once on their gathered descriptions


def plan_reconciliation(ix: LineIndexes, report: ExtractionReport) -> ReconcilePlan:
    """The decisions :func:`graph.reconcile.reconcile` takes, from the indexes (restated signings reported)."""
    signings = [signing(URIRef(n), frozenset(ix.parties.get(n, ())), ix.dates.get(n, []),
                        CURATED in ix.methods.get(n, ())) for n in ix.agreements]
    pairs = restated(signings)
    for old, new in pairs:
        report_restated(report, old, new)
    redirects = {str(old): str(new) for old, new in pairs}
    strips: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    stripped: dict[str, set[str]] = defaultdict(set)
    for node, stating in ix.statements.items():
        if node in redirects or len(stating) < 2 or AUTOMATIC not in ix.methods[node]:
            continue
        stating = sorted(stating, key=lambda s: s.graph)
        owner = owner_of([(s.graph, s.curated, s.confidence) for s in stating])
        names = next(s.names for s in stating if s.graph == owner)
        for s in stating:
            if s.graph != owner and not s.curated:
                strips[s.graph][node] = names
                stripped[node].add(s.graph)
    none: frozenset[str] = frozenset()  # a look-up, not an empty set made for each of millions of nodes
    # a node one graph describes is never shared
    shared = {n for n, graphs in ix.described.items()
              if not isinstance(graphs, str) and n not in redirects and len(graphs - stripped.get(n, none)) > 1}
    return ReconcilePlan(redirects, strips, shared)


def reconciled_lines(lines: list[str], plan: ReconcilePlan, removed: set[str]) -> list[str]:
    """One graph's lines with its own edits (as :func:`graph.reconcile.reconcile` makes them on the whole
    dataset) and without the ``removed`` nodes (those set aside)."""
    if not lines:
        return lines
    strips = plan.strips.get(graph_of(lines[0]), {})
    olds = {s for s in map(subject_of, lines) if s in plan.redirects}
    if not olds and not strips and not removed:
        return lines
    quads = [split_quad(line) for line in lines]
    out, added = [], []
    for line, (s, pred, o, g) in zip(lines, quads, strict=True):
        if s in removed or o in removed:
            continue
        if s in olds or o in olds:
            if s in olds and pred == DERIVED_FROM:
                added.append(f"<{plan.redirects[s]}> <{DERIVED_FROM}> {object_text(o)} <{g}> .")
            continue
        if s in strips and pred not in _KEPT:
            if pred in _NAMES and o not in strips[s]:
                added.append(f"<{s}> <{_ALT}> {o} <{g}> .")
            continue
        out.append(line)
    return list(dict.fromkeys(out + [a for a in added if split_quad(a)[0] not in removed]))
