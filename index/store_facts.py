"""The graph relations the index reads, looked up node by node in the on-disk store instead of read whole.

:class:`index.graph_facts.GraphFacts` reads every quad of ``graph.nq`` into dictionaries of rdflib terms: several
GB at 100× the seeds. Past the streaming threshold the index reads the same relations from the store's union
default graph when a reader asks for a node (``types``, ``labels``, ``rdfs_labels``, ``out``, ``into``), keeping
the most recently used nodes (:data:`KEEP_NODES`). The answers are those of ``GraphFacts`` over ``graph.nq``:
the union default graph holds every quad of the named graphs once, and a node's labels are taken in the order
``graph.nq`` lists them (its lines are sorted), which decides the first label of a language.

:meth:`StoreFacts.document_view` gives the facts of one document (the fact nodes derived from its spans, the
spans, and the nodes that point at those facts), for :meth:`index.entity_links.ProvenanceIndex.from_facts` and
:func:`index.fact_passages.fact_passages` one document at a time.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from graph.quad_lines import rdflib_term
from index.fact_passages import _Facts
from ontology.namespaces import GY, document_iri

#: Node descriptions kept in memory (least recently used dropped first).
KEEP_NODES = 200_000
_GY = str(GY)
_LABELS = (str(RDFS.label), str(SKOS.prefLabel))
_TYPE = str(RDF.type)


class _Described:
    """One node's types, labels and outgoing relations, as :class:`GraphFacts` keeps them."""

    __slots__ = ("types", "labels", "rdfs_labels", "out")

    def __init__(self) -> None:
        self.types: set[str] = set()
        self.labels: dict[str, str] = {}
        self.rdfs_labels: dict[str, str] = {}
        self.out: dict[URIRef, set] = defaultdict(set)


class _View:
    """A read-only mapping over one part of the nodes' descriptions (``get``, ``[]``, ``in``)."""

    def __init__(self, lookup, empty) -> None:
        self._lookup, self._empty = lookup, empty

    def get(self, node, default=None):
        value = self._lookup(node)
        return value if value else default

    def __getitem__(self, node):
        return self._lookup(node) or self._empty()

    def __contains__(self, node) -> bool:
        return bool(self._lookup(node))


class StoreFacts(_Facts):
    """:class:`index.fact_passages._Facts` (so also the profiles' and provenance's readers) over an on-disk store."""

    def __init__(self, store_dir: Path) -> None:  # no super().__init__: nothing is read up front
        self.store = ox.Store.read_only(str(store_dir))
        self._described: OrderedDict = OrderedDict()
        self._into: OrderedDict = OrderedDict()
        self.types = _View(lambda n: self._describe(n).types, set)
        self.labels = _View(lambda n: self._describe(n).labels, dict)
        self.rdfs_labels = _View(lambda n: self._describe(n).rdfs_labels, dict)
        self.out = _View(lambda n: self._describe(n).out, dict)
        self.into = _View(self._incoming, dict)

    def _quads(self, subject=None, obj=None) -> Iterator[ox.Quad]:
        return self.store.quads_for_pattern(subject, None, obj, ox.DefaultGraph())

    @staticmethod
    def _ox(node):
        if isinstance(node, Literal):
            return None
        return ox.BlankNode(str(node)) if not isinstance(node, URIRef) else ox.NamedNode(str(node))

    def _describe(self, node) -> _Described:
        return self._cached(self._described, node, self._read_description)

    def _incoming(self, node) -> dict:
        return self._cached(self._into, node, self._read_incoming)

    @staticmethod
    def _cached(cache: OrderedDict, node, read):
        key = str(node)
        found = cache.get(key)
        if found is not None:
            cache.move_to_end(key)
            return found
        cache[key] = found = read(node)
        if len(cache) > KEEP_NODES:
            cache.popitem(last=False)
        return found

    def _read_description(self, node) -> _Described:
        found = _Described()
        subject = self._ox(node)
        # graph.nq order (its lines sorted as text): the first label of each language is the one GraphFacts keeps
        quads = sorted(self._quads(subject), key=lambda q: (str(q.predicate), str(q.object))) if subject else []
        for q in quads:
            p, o = q.predicate.value, q.object
            if p == _TYPE and isinstance(o, ox.NamedNode) and o.value.startswith(_GY):
                found.types.add(o.value[len(_GY):])
            elif p in _LABELS and isinstance(o, ox.Literal):
                found.labels.setdefault(o.language or "", o.value)
                if p == _LABELS[0]:
                    found.rdfs_labels.setdefault(o.language or "", o.value)
            else:
                found.out[rdflib_term(q.predicate)].add(rdflib_term(o))
        return found

    def _read_incoming(self, node) -> dict:
        found = defaultdict(set)
        target = self._ox(node)
        for q in self._quads(obj=target) if target is not None else ():
            p, o = q.predicate.value, q.object
            if (p == _TYPE and o.value.startswith(_GY)) or (p in _LABELS and isinstance(o, ox.Literal)):
                continue
            found[rdflib_term(q.predicate)].add(rdflib_term(q.subject))
        return found

    def document_facts(self, doc_id: str) -> tuple[list, list]:
        """The span nodes citing lines of ``doc_id`` and the fact nodes derived from them (sorted)."""
        spans = sorted({rdflib_term(q.subject) for q in self._quads(obj=ox.NamedNode(str(document_iri(doc_id))))
                        if q.predicate.value == str(GY.document)}, key=str)
        facts = {s for span in spans for s in self.into[span].get(PROV.wasDerivedFrom, ())}
        return spans, sorted(facts, key=str)

    def document_view(self, doc_id: str) -> _DocumentView:
        """What :meth:`index.entity_links.ProvenanceIndex.from_facts` reads about the facts of one document."""
        spans, facts = self.document_facts(doc_id)
        pointing = {s for f in facts for subjects in self.into[f].values() for s in subjects}
        return _DocumentView(self, [*spans, *facts, *sorted(pointing - set(facts), key=str)], facts)


class _DocumentView:
    """``types``, ``rdfs_labels`` and ``out.items()`` of a few nodes: the provenance reader's input for one document."""

    def __init__(self, facts: StoreFacts, nodes: list, fact_nodes: list) -> None:
        self.types, self.rdfs_labels, self.labels = facts.types, facts.rdfs_labels, facts.labels
        self.fact_nodes = fact_nodes
        self.out = {node: facts.out[node] for node in dict.fromkeys(nodes)}
