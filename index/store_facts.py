"""The graph relations the index reads, looked up node by node in the on-disk store instead of read whole.

:class:`index.graph_facts.GraphFacts` reads every quad of ``graph.nq`` into dictionaries of rdflib terms: several
GB at 100× the seeds. Past the streaming threshold the index reads the same relations from the store's union
default graph when a reader asks for a node (``types``, ``labels``, ``rdfs_labels``, ``out``, ``into``), keeping
the most recently used nodes (:data:`KEEP_NODES`). The answers are those of ``GraphFacts`` over ``graph.nq``:
the union default graph holds every quad of the named graphs once, and a node's labels are taken in the order
``graph.nq`` lists them (its lines are sorted), which decides the first label of a language.

:meth:`StoreFacts.provenance` gives one document's fact spans (what each fact is about kept across documents) and
:meth:`StoreFacts.document_facts` its fact nodes, for :func:`index.fact_passages.fact_passages`.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from graph.quad_lines import rdflib_term
from index.entity_links import (
    MAX_FACT_LINES,
    EntityRef,
    FactSpan,
    ProvenanceIndex,
    entity_ref,
    fact_about,
    span_order,
)
from index.fact_passages import _Facts
from ontology.namespaces import GY, doc_id_of, document_iri

#: Node descriptions kept in memory (least recently used dropped first).
KEEP_NODES = 200_000
_GY = str(GY)
_LABELS = (str(RDFS.label), str(SKOS.prefLabel))
_TYPE = str(RDF.type)
_NOT_EDGES = {PROV.wasDerivedFrom, GY.document}


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
        self._about: OrderedDict = OrderedDict()
        self._last_document: tuple[str | None, tuple[list, list]] = (None, ([], []))
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
        labels = []
        for q in self._quads(subject) if subject is not None else ():
            p, o = q.predicate.value, q.object
            if p == _TYPE and isinstance(o, ox.NamedNode) and o.value.startswith(_GY):
                found.types.add(o.value[len(_GY):])
            elif p in _LABELS and isinstance(o, ox.Literal):
                labels.append((str(q.predicate), str(o), p, o))
            else:
                found.out[rdflib_term(q.predicate)].add(rdflib_term(o))
        # in graph.nq's order (its lines sorted as text): the first label of each language is the one GraphFacts keeps
        for _, _, p, o in sorted(labels, key=lambda label: label[:2]):
            found.labels.setdefault(o.language or "", o.value)
            if p == _LABELS[0]:
                found.rdfs_labels.setdefault(o.language or "", o.value)
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

    def edges(self, predicate) -> Iterator[tuple]:
        """Every ``(subject, object)`` of ``predicate``, from one scan of the store's predicate index."""
        for q in self.store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, ox.DefaultGraph()):
            yield rdflib_term(q.subject), rdflib_term(q.object)

    def typed(self, name: str) -> list:
        """The nodes of type ``gy:name``."""
        return [rdflib_term(q.subject) for q in self.store.quads_for_pattern(
            None, ox.NamedNode(_TYPE), ox.NamedNode(_GY + name), ox.DefaultGraph())]

    def document_facts(self, doc_id: str) -> tuple[list, list]:
        """The span nodes citing lines of ``doc_id`` and the fact nodes derived from them (sorted); the last
        document's are remembered (its provenance and its fact passages ask in turn)."""
        if self._last_document[0] != doc_id:
            self._last_document = doc_id, self._read_document_facts(doc_id)
        return self._last_document[1]

    def _read_document_facts(self, doc_id: str) -> tuple[list, list]:
        spans = sorted({rdflib_term(q.subject) for q in self._quads(obj=ox.NamedNode(str(document_iri(doc_id))))
                        if q.predicate.value == str(GY.document)}, key=str)
        facts = {s for span in spans for s in self.into[span].get(PROV.wasDerivedFrom, ())}
        return spans, sorted(facts, key=str)

    def provenance(self, doc_id: str) -> ProvenanceIndex:
        """The fact spans of ``doc_id``, as :meth:`ProvenanceIndex.from_facts` over the whole graph finds them; what
        each fact is about is kept across documents (officials and posts are facts cited by thousands of them)."""
        found: list[FactSpan] = []
        for span in self.document_facts(doc_id)[0]:
            out = self.out[span]
            start = next((o for o in out.get(GY.lineStart, ()) if isinstance(o, Literal)), None)
            if start is None:
                continue
            end = next((o for o in out.get(GY.lineEnd, ()) if isinstance(o, Literal)), start)
            start, end = int(start.toPython()), int(end.toPython())
            if end - start > MAX_FACT_LINES:
                continue
            doc = doc_id_of(next(iter(out[GY.document])))
            for fact in self.into[span].get(PROV.wasDerivedFrom, ()):
                about = self._cached(self._about, fact, self._read_about)
                if about:
                    found.append(FactSpan(doc, start, end, about))
        return ProvenanceIndex(sorted(found, key=span_order))

    def _read_about(self, fact) -> tuple[EntityRef, ...]:
        neighbours = {o for p, objects in self.out[fact].items() if p not in _NOT_EDGES
                      for o in objects if not isinstance(o, Literal)}
        neighbours.update(s for p, subjects in self.into[fact].items() if p not in _NOT_EDGES for s in subjects)
        return tuple(fact_about(fact, neighbours, lambda node: entity_ref(node, self.types, self.rdfs_labels)))
