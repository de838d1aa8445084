"""Synthetic documents for the general-reader tests: written by the tests, extracted like real ones."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pyoxigraph import Store
from rdflib import Dataset

from corpus import Document
from graph.build import build_graph
from graph.registry import Registry


def document(doc_id: str, text: str) -> Document:
    """A document whose numbered lines are the lines of ``text`` (leading blank line dropped)."""
    body = text.strip("\n")
    return Document(id=doc_id, lines=tuple(body.split("\n")), sha256=hashlib.sha256(body.encode()).hexdigest())


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
