"""The extractor that runs the general readers on every document, including newly ingested ones.

Each reader module of :data:`READERS` has ``read(w, skip) -> list[candidate]``; ``skip`` holds the
lines a curated reader already turned into facts (curated facts win: a general reader does not read
them again). The candidates are calibrated (:mod:`graph.readers.calibration`) and written as automatic
facts by :func:`graph.readers.candidates.write_candidates`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from graph.extractors import extractor
from graph.facts import CURATED, FactWriter
from graph.readers.calibration import calibrate
from graph.readers.candidates import AgreementCandidate, write_candidates
from graph.readers.context import chrome_lines
from ontology.namespaces import GY, PROV

#: General reader modules, in the order they run (a module not present yet is skipped).
READERS = ("graph.readers.tables", "graph.readers.lists", "graph.readers.sentences", "graph.readers.people")


def reader_modules() -> list[ModuleType]:
    """The reader modules of :data:`READERS` that exist."""
    out = []
    for name in READERS:
        try:
            out.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return out


def curated_lines(w: FactWriter) -> frozenset[int]:
    """Lines that are the source of a fact a curated reader wrote in this document."""
    lines: set[int] = set()
    for node in set(w.graph.subjects(PROV.wasDerivedFrom, None)):
        if (node, GY.extractionMethod, None) in w.graph and (node, GY.extractionMethod, w.plain(CURATED)) not in \
                w.graph:
            continue
        for src in w.graph.objects(node, PROV.wasDerivedFrom):
            start, end = w.graph.value(src, GY.lineStart), w.graph.value(src, GY.lineEnd)
            if start is not None and end is not None:
                lines.update(range(int(start), int(end) + 1))
    return frozenset(lines)


def read_document(w: FactWriter) -> list:
    """Every candidate the general readers find in ``w``'s document, outside curated lines, calibrated. A reader
    marked ``AFTER_LISTS`` (running text) also skips the lines of a card (a list entry over several lines) that
    already gave a signing: its remarks are the card's."""
    skip = curated_lines(w) | chrome_lines(w.doc.lines)  # related and popular headlines state nothing here
    candidates = []
    taken: set[int] = set()
    for module in reader_modules():
        found = module.read(w, skip | taken if getattr(module, "AFTER_LISTS", False) else skip)
        candidates.extend(found)
        taken.update(n for c in found if isinstance(c, AgreementCandidate) and c.reader == "lists"
                     and c.lines[1] > c.lines[0] for n in range(c.lines[0], c.lines[1] + 1))
    return [calibrate(c) for c in candidates if not skip.intersection(range(c.lines[0], c.lines[1] + 1))]


@extractor("general readers", applies=lambda doc: True)
def extract_automatic(w: FactWriter) -> None:
    """Run the general readers and write what they find as automatic facts."""
    write_candidates(w, read_document(w))
