"""Synthetic documents for the general-reader tests: written by the tests, extracted like real ones."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pyoxigraph import Store
from rdflib import Dataset

from corpus import Document
from graph.build import build_graph
from graph.registry import Registry
from tests.fixtures.pages import docx_file, hwpx_file, read_page

#: A document read from a file through its format reader, as ``gyoryu ingest`` reads it (the one writer and reader of
#: test pages: :mod:`tests.fixtures.pages`).
from_file = read_page
__all__ = ["build", "document", "docx_file", "facts", "from_file", "hwpx_file", "store_of", "tsv"]


def document(doc_id: str, text: str) -> Document:
    """A document whose numbered lines are the lines of ``text`` (leading blank line dropped)."""
    body = text.strip("\n")
    return Document(id=doc_id, lines=tuple(body.split("\n")), sha256=hashlib.sha256(body.encode()).hexdigest())


def tsv(*rows: list[str]) -> str:
    """Rows of cells as tab-separated lines (a ``.tsv`` file's text)."""
    return "\n".join("\t".join(r) for r in rows)


def build(*docs: Document):
    """The graph of ``docs`` (every extractor, reconciliation, registry)."""
    return build_graph(list(docs), Registry.default())


def store_of(dataset: Dataset, tmp: Path) -> Store:
    """The dataset loaded into pyoxigraph (as the server sees it)."""
    path = tmp / "graph.nq"
    dataset.serialize(path, format="nquads")
    store = Store()
    store.load(path=str(path), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
    return store


def facts(build_result, cls: str = "Agreement") -> set[tuple[str, str, str, str]]:
    """``(party, party, date, type)`` of every automatic fact of class ``cls`` (party labels sorted)."""
    q = f"""SELECT ?a (GROUP_CONCAT(DISTINCT ?label; separator="|") AS ?ps) (SAMPLE(?d) AS ?date)
                   (SAMPLE(?t) AS ?type) WHERE {{
      ?a a gy:{cls} ; gy:party ?p ; gy:extractionMethod "automatic" .
      ?p rdfs:label ?label FILTER(LANG(?label) = "ko")
      OPTIONAL {{ ?a gy:signedOn|gy:statedDate ?d }} OPTIONAL {{ ?a gy:agreementType ?t }}
    }} GROUP BY ?a"""
    from ontology.namespaces import GY, RDFS

    out = set()
    build_result.dataset.default_union = True  # queries see every named graph, as the store does
    for row in build_result.dataset.query(q, initNs={"gy": GY, "rdfs": RDFS}):
        a, b = sorted(str(row.ps).split("|"))
        out.add((a, b, str(row.date) if row.date else "", str(row.type).rsplit("#", 1)[-1]))
    return out
