"""The extractor that runs the general readers on every document, including newly ingested ones.

Each reader module of :data:`READERS` has ``read(w, skip) -> list[candidate]``; ``skip`` holds the
lines a curated reader already turned into facts (curated facts win: a general reader does not read
them again). The candidates are calibrated (:mod:`graph.readers.calibration`) and written as automatic
facts by :func:`graph.readers.candidates.write_candidates`.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

from graph.extractors import extractor
from graph.facts import CURATED, FactWriter
from graph.readers import liberal
from graph.readers.acceptance import LIBERAL, accept, load_model, recording_on
from graph.readers.bilingual import unify_english_names
from graph.readers.calibration import calibrate
from graph.readers.candidates import AgreementCandidate, write_candidates
from graph.readers.context import chrome_lines, is_plan
from graph.readers.relations import FINISHED_SIGNING, is_intent, relation_of
from graph.readers.text_forms import PlaceReadings, country_words, reading_document
from ontology.namespaces import GY, PROV

UNREAD_SIGNING = "a signing is stated here but no party or date could be read from it: nothing written"
#: A line whose sentence goes on below it (``… 이어 왔으며,``): a list entry on it is no whole sentence of its own.
_CONTINUED = re.compile(r"[,，、]\s*$|(?:며|고|서|나|는데)\s*$")
#: General reader modules, in the order they run (a module not present yet is skipped).
READERS = ("graph.readers.tables", "graph.readers.lists", "graph.readers.lists_en",
           "graph.readers.sentences", "graph.readers.sentences_en",
           "graph.readers.people")


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


def reading_writer(w: FactWriter) -> FactWriter:
    """A writer over the same graph and report whose document has its lines in their reading forms
    (:mod:`graph.readers.text_forms`: OCR digits, letter-spaced scans, Hanja words and place names): the readers
    match these, while line numbers, so every citation, and the stored lines stay as written."""
    doc = reading_document(w.doc, country_words(w.registry), PlaceReadings(w.registry))
    return w if doc == w.doc and doc.extra == w.doc.extra else FactWriter(w.dataset, doc, w.registry, w.report)


def read_document(w: FactWriter) -> list:
    """Every candidate the general readers find in ``w``'s document, outside curated lines, calibrated.

    A reader marked ``AFTER_LISTS`` (running text) also skips the lines of a list entry that already gave a signing
    (a card's remarks are the card's; an entry is read once), unless its sentence goes on below it. A reader marked
    ``AFTER_TABLES`` (lists) also skips the rows of the tables the table reader judged (its :class:`Candidates`'
    ``tables``: read, or found to sign nothing): tables are judged once. The rows of a table read as signings are no
    running text either (a box-drawn table's rows would read as one sentence)."""
    skip = curated_lines(w) | chrome_lines(w.doc.lines)  # related and popular headlines state nothing here
    candidates = []
    taken: set[int] = set()
    tables: set[int] = set()
    signed: set[int] = set()
    for module in reader_modules():
        own = skip | (taken | signed if getattr(module, "AFTER_LISTS", False) else frozenset()) | (
            tables if getattr(module, "AFTER_TABLES", False) else frozenset())
        found = module.read(w, frozenset(own))
        candidates.extend(found)
        tables.update(getattr(found, "tables", ()))
        signed.update(getattr(found, "signed", ()))
        taken.update(n for c in found if isinstance(c, AgreementCandidate) and c.reader == "lists"
                     and (c.lines[1] > c.lines[0] or not _CONTINUED.search(w.doc.lines[c.lines[0] - 1]))
                     for n in range(c.lines[0], c.lines[1] + 1))
    read = [c for c in unify_english_names(candidates) if not skip.intersection(range(c.lines[0], c.lines[1] + 1))]
    model = load_model()  # once a document: accept and the liberal candidates share it
    if model is None and not recording_on():
        return [calibrate(c) for c in read]
    return [calibrate(c) for c in accept(w, read + liberal_candidates(w, skip, read, model), model)]


def liberal_candidates(w: FactWriter, skip: frozenset[int], read: list, model: dict | None = None) -> list:
    """Liberal candidates (:mod:`graph.readers.liberal`) of the lines outside ``skip`` that no reader candidate covers,
    when the acceptance model in use (``model``, else the model file, absent today) has its liberal part; while the
    model is being trained, of every line outside ``skip``."""
    if recording_on():
        return liberal.read(w, skip)
    model = model if model is not None else load_model()
    if model is None or LIBERAL not in model:
        return []
    covered = skip.union(*(range(c.lines[0], c.lines[1] + 1) for c in read if isinstance(c, AgreementCandidate)))
    return liberal.read(w, frozenset(covered))


def report_unread_signings(w: FactWriter, candidates: list) -> list[int]:
    """Report each sentence outside curated lines (and a web page's related headlines) that states a finished
    signing (a relation word and a signing verb, not a plan) but gave no agreement or intent and no issue of its
    own (an unresolved or ambiguous name): a signing is never dropped in silence. Returns the lines reported."""
    from graph.readers.sentences import sentences

    read = (curated_lines(w) | chrome_lines(w.doc.lines)).union(
        *(range(c.lines[0], c.lines[1] + 1) for c in candidates if isinstance(c, AgreementCandidate)))
    read = read.union(i.line for i in w.report.issues if i.doc == w.doc.id)
    reported = []
    for s in sentences(w.doc.lines):
        lines = range(s.lines[0], s.lines[1] + 1)
        if read.intersection(lines) or not FINISHED_SIGNING.search(s.text) or relation_of(s.text) is None \
                or is_intent(s.text) or is_plan(s.text):
            continue
        w.report.add_issue("unresolved", w.doc.id, s.lines[0], " ".join(s.text.split())[:200], UNREAD_SIGNING)
        reported.append(s.lines[0])
    return reported


@extractor("general readers", applies=lambda doc: True)
def extract_automatic(w: FactWriter) -> None:
    """Run the general readers and write what they find as automatic facts; report signings none could read."""
    reading = reading_writer(w)
    candidates = read_document(reading)
    write_candidates(w, candidates)
    report_unread_signings(reading, candidates)
