"""Shared pieces of the programme extractors: programme nodes, stated figures, partners, total checks."""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Literal, URIRef

from graph.extractors.text import strip_parens
from graph.facts import FactWriter, Lines, span_of
from graph.numbers import clean, number
from graph.registry import Entity, normalize_name
from ontology.namespaces import GY, RDFS


def program(w: FactWriter, name: str, lines: Lines, *, run_by: URIRef | None = None,
            parent: URIRef | None = None) -> URIRef:
    """The ``gy:Program`` called ``name`` in this document (labelled as written)."""
    name = re.sub(r"\s+", " ", name).strip(" -○▣❍•")
    stem = w.doc.id.split("_", 1)[0]
    node = w.node("program", f"{stem}-{normalize_name(name)}", GY.Program, lines, label_ko=name)
    if run_by is not None:
        w.add(node, GY.runBy, run_by)
    if parent is not None:
        w.add(node, GY.subProgramOf, parent)
    return node


def figure(w: FactWriter, subject: URIRef, measure: str, value: Decimal | int, unit: str, lines: Lines, *,
           year: int | None = None) -> URIRef:
    """A figure the document states about ``subject`` (``gy:Figure``: measure, value, unit, year)."""
    stem = w.doc.id.split("_", 1)[0]
    key = f"{stem}-{subject.rsplit('/', 1)[-1]}-{normalize_name(measure)}-{year or ''}-{span_of(lines)[0]}"
    node = w.node("figure", key, GY.Figure, lines, label_ko=f"{measure}{f' ({year})' if year else ''}")
    w.add(node, GY.figureOf, subject)
    w.add(node, GY.measure, Literal(measure, lang="ko"))
    w.add(node, GY.value, w.decimal(clean(Decimal(value))))
    w.add(node, GY.unit, Literal(unit))
    if year:
        w.add(node, GY.year, w.year(year))
    return node


def partner_of(w: FactWriter, text: str) -> Entity | None:
    """The most specific registry region or organisation named in ``text`` (asides in brackets ignored)."""
    mentions = [m for m in w.registry.find_mentions(strip_parens(text)) if m.entity.kind in ("region", "organization")]
    if not mentions:
        return None
    best = mentions[-1]
    w.entity(best.entity, best.surface)
    return best.entity


def check_total(w: FactWriter, node: URIRef, label: str, total: Decimal, parts: list[Decimal], lines: Lines,
                unit: str) -> bool:
    """Compare a stated total with the sum of its stated parts; record a difference as note and issue."""
    s = sum(parts, Decimal(0))
    if s == total:
        return True
    text = (f"{label}: stated total {clean(total)} {unit} but the parts add up to {clean(s)} {unit} "
            f"(stated figures kept as printed)")
    w.note(node, text, lines)
    w.report.add_issue("inconsistency", w.doc.id, span_of(lines)[0], label, text)
    return False


def table_numbers(cells: list[str]) -> list[Decimal]:
    """The numeric cells of a row (``1,253`` → 1253; ``-`` and text skipped)."""
    out = []
    for c in cells:
        c = c.strip()
        if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", c):
            value = number(c)
            if value is not None:
                out.append(value)
    return out


def label_of(node: URIRef, w: FactWriter) -> str:
    """The Korean label of a node in this document's graph."""
    for o in w.graph.objects(node, RDFS.label):
        return str(o)
    return str(node)
