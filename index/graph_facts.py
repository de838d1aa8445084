"""The graph relations the index needs, read from an rdflib Dataset in one pass.

Provenance links (:class:`index.entity_links.ProvenanceIndex`), fact passages and partner profiles all read
types, labels and relations; the build reads them once and hands the same :class:`GraphFacts` to all three.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ontology.namespaces import GY


class GraphFacts:
    """Types (local names under ``gy:``), labels by language and relations both ways, of every node."""

    def __init__(self, dataset) -> None:
        self.types: dict[object, set[str]] = defaultdict(set)
        #: ``rdfs:label`` or ``skos:prefLabel``, the first seen per language.
        self.labels: dict[object, dict[str, str]] = defaultdict(dict)
        #: ``rdfs:label`` only, the first seen per language.
        self.rdfs_labels: dict[object, dict[str, str]] = defaultdict(dict)
        self.out: dict[object, dict[URIRef, set[object]]] = defaultdict(lambda: defaultdict(set))
        self.into: dict[object, dict[URIRef, set[object]]] = defaultdict(lambda: defaultdict(set))
        gy = str(GY)
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            if p == RDF.type and str(o).startswith(gy):
                self.types[s].add(str(o)[len(gy):])
            elif p in (RDFS.label, SKOS.prefLabel) and isinstance(o, Literal):
                self.labels[s].setdefault(o.language or "", str(o))
                if p == RDFS.label:
                    self.rdfs_labels[s].setdefault(o.language or "", str(o))
            else:
                self.out[s][p].add(o)
                if not isinstance(o, Literal):
                    self.into[o][p].add(s)

    def edges(self, predicate) -> list[tuple]:
        """Every ``(subject, object)`` of ``predicate`` (a list: looking nodes up while walking it adds none)."""
        return [(s, o) for s, rel in list(self.out.items()) for o in rel.get(predicate, ())]

    def typed(self, name: str) -> list:
        """The nodes of type ``gy:name``."""
        return [node for node, types in list(self.types.items()) if name in types]

    def label(self, node) -> str:
        """Korean label, else untagged, else any, else the IRI's last segment (a literal: its text)."""
        if isinstance(node, Literal):
            return str(node)
        names = self.labels.get(node, {})
        return names.get("ko") or names.get("") or next(iter(names.values()), str(node).rsplit("/", 1)[-1])
