"""Namespaces as objects, shared by every module.

>>> str(GY.Agreement)
'https://w3id.org/gyoryu/ontology#Agreement'
>>> str(ID["region/kr-seoul"])
'https://w3id.org/gyoryu/id/region/kr-seoul'
"""

import re
from urllib.parse import unquote

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from ontology.prefixes import GY_IRI, ID_IRI, PREFIX_IRIS

GY = Namespace(GY_IRI)
ID = Namespace(ID_IRI)
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

#: Prefixes bound in every graph we write and offered to every SPARQL query (table: ``ontology.prefixes``).
PREFIXES: dict[str, Namespace] = {prefix: Namespace(iri) for prefix, iri in PREFIX_IRIS.items()}

#: The named graph holding registry facts (labels, countries, levels) of every entity.
REGISTRY_GRAPH = ID["graph/registry"]
#: The named graph holding the vocabulary itself, so queries can reach labels of classes and concepts.
ONTOLOGY_GRAPH = ID["graph/ontology"]


#: Characters a document id may hold that an IRI path segment may not (RFC 3987), plus ``%`` itself.
_IRI_UNSAFE = re.compile(r'[\x00-\x20\x7f-\x9f<>"{}|\\^`%/?#\[\]]')


def id_segment(doc_id: str) -> str:
    """``doc_id`` as one IRI path segment: characters an IRI cannot hold are percent-encoded (UTF-8).

    Korean letters stay as they are (IRIs allow them); ids without such characters are unchanged.

    >>> id_segment("001_x.txt"), id_segment("교류 소식#2.txt")
    ('001_x.txt', '교류%20소식%232.txt')
    """
    return _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), doc_id)


def doc_id_of(iri: str) -> str:
    """The document id in the last path segment of a document or graph IRI (inverse of :func:`id_segment`).

    >>> doc_id_of(str(document_iri("교류 소식.txt")))
    '교류 소식.txt'
    """
    return unquote(str(iri).rsplit("/", 1)[-1])


def document_graph(doc_id: str):
    """IRI of the named graph holding the facts of document ``doc_id``.

    >>> str(document_graph("001_x.txt"))
    'https://w3id.org/gyoryu/id/graph/001_x.txt'
    """
    return ID[f"graph/{id_segment(doc_id)}"]


def document_iri(doc_id: str):
    """IRI of the document itself (a ``prov:Entity`` / ``schema:CreativeWork``)."""
    return ID[f"doc/{id_segment(doc_id)}"]


def source_span_iri(doc_id: str, start: int, end: int):
    """IRI of the line span ``start..end`` of document ``doc_id`` (a ``gy:SourceSpan``).

    >>> str(source_span_iri("001_x.txt", 3, 5))
    'https://w3id.org/gyoryu/id/source/001_x/L3-L5'
    """
    return ID[f"source/{id_segment(doc_id.rsplit('.', 1)[0])}/L{start}-L{end}"]


def sparql_prologue() -> str:
    """``PREFIX`` lines for every namespace in :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every prefix of :data:`PREFIXES` on ``graph`` and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


__all__ = [
    "DCTERMS", "FOAF", "GY", "ID", "ORG", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SKOS",
    "WD", "XSD", "bind_prefixes", "document_graph", "document_iri", "source_span_iri",
    "sparql_prologue",
]
