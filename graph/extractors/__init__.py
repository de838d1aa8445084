"""Extractors: one per document family plus a generic one, chosen by what a document contains.

An extractor is a function taking a :class:`graph.facts.FactWriter`; it is registered with
:func:`extractor` together with a predicate on the document. Every extractor whose predicate
holds runs on the document, in registration order. Modules listed in :data:`MODULES` are
imported by :func:`all_extractors`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from corpus import Document
from graph.facts import FactWriter

ExtractFn = Callable[[FactWriter], None]
Predicate = Callable[[Document], bool]

#: Modules that register extractors, in the order they run.
MODULES = (
    "graph.extractors.documents",
    "graph.extractors.agreement_tables",
    "graph.extractors.near",
    "graph.extractors.programs",
)


@dataclass(frozen=True)
class Extractor:
    """A registered extractor."""

    name: str
    applies: Predicate
    run: ExtractFn


_REGISTRY: list[Extractor] = []


def extractor(name: str, applies: Predicate) -> Callable[[ExtractFn], ExtractFn]:
    """Register ``fn`` as extractor ``name`` for documents where ``applies(doc)`` holds."""

    def register(fn: ExtractFn) -> ExtractFn:
        if all(e.name != name for e in _REGISTRY):
            _REGISTRY.append(Extractor(name, applies, fn))
        return fn

    return register


def all_extractors() -> list[Extractor]:
    """Every registered extractor (importing the modules of :data:`MODULES` that exist)."""
    for module in MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    return list(_REGISTRY)


def text_contains(*needles: str) -> Predicate:
    """Predicate: the document's text contains every needle."""

    def applies(doc: Document) -> bool:
        text = "\n".join(doc.lines)
        return all(n in text for n in needles)

    return applies
