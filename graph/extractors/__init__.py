"""Extractors: one per document family plus a generic one, chosen by what a document contains.

An extractor is a function taking a :class:`graph.facts.FactWriter`; it is registered with
:func:`extractor`, in the module that defines it, together with a predicate on the document.
Every extractor whose predicate holds runs on the document, in the order of :data:`MODULES`
(then in definition order within a module). :func:`all_extractors` imports every module of
:data:`MODULES`; a missing module or two extractors with one name are errors.
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
    "graph.extractors.document_metadata",
    "graph.extractors.agreement_tables",
    "graph.extractors.near_subcommittees",
    "graph.extractors.near_members",
    "graph.extractors.near_events",
    "graph.extractors.near_officials",
    "graph.extractors.programs_outline",
    "graph.extractors.programs_commission",
    "graph.extractors.programs_workplan",
    "graph.readers.automatic",
)


class ExtractorError(RuntimeError):
    """The extractor registry is inconsistent: a listed module is missing, or a name is taken twice."""


@dataclass(frozen=True)
class Extractor:
    """A registered extractor."""

    name: str
    applies: Predicate
    run: ExtractFn
    module: str


_REGISTRY: dict[str, Extractor] = {}


def _definition(fn: ExtractFn) -> tuple[str, str]:
    """Where ``fn`` is written (file and qualified name): the same definition imported twice is one extractor."""
    return fn.__code__.co_filename, fn.__qualname__


def extractor(name: str, applies: Predicate) -> Callable[[ExtractFn], ExtractFn]:
    """Register ``fn`` as extractor ``name`` for documents where ``applies(doc)`` holds.

    Raises :class:`ExtractorError` when another function already holds ``name``.
    """

    def register(fn: ExtractFn) -> ExtractFn:
        known = _REGISTRY.get(name)
        if known is None:
            _REGISTRY[name] = Extractor(name, applies, fn, fn.__module__)
        elif _definition(known.run) != _definition(fn):
            raise ExtractorError(f"extractor name {name!r} is taken twice: {known.module}.{known.run.__qualname__} "
                                 f"and {fn.__module__}.{fn.__qualname__}")
        return fn

    return register


def all_extractors(modules: tuple[str, ...] = MODULES) -> list[Extractor]:
    """The extractors of ``modules`` (each imported; a missing one is an :class:`ExtractorError`), in run order."""
    order: dict[str, int] = {}
    for i, module in enumerate(modules):
        try:
            order[importlib.import_module(module).__file__] = i
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            raise ExtractorError(f"extractor module {module} (listed in graph.extractors.MODULES) does not exist") \
                from exc
    chosen = [e for e in _REGISTRY.values() if e.run.__code__.co_filename in order]
    return sorted(chosen, key=lambda e: (order[e.run.__code__.co_filename], e.run.__code__.co_firstlineno))


def text_contains(*needles: str) -> Predicate:
    """Predicate: the document's text contains every needle."""

    def applies(doc: Document) -> bool:
        text = "\n".join(doc.lines)
        return all(n in text for n in needles)

    return applies
