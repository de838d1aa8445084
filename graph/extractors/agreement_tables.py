"""Agreement tables: ``연번 | 기관명 | 체결일자 | 협력 분야`` — one ``gy:Agreement`` per signing.

Found by their header row in any document. The subject party and agreement type come from
the heading above the table (``서울시 우호교류협약 … 현황``); stated totals
(``총69개 지자체(광역13, 기초56)``) are checked against what was extracted. Rows whose name
cell is empty or unreadable are assigned to a partner by :mod:`graph.row_groups`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef

from graph.dates import stated_date
from graph.extractors import extractor
from graph.facts import FactWriter, slug
from graph.fields import areas_for, clean_field, field_key, readable_field, split_fields
from graph.readers.table_headers import header_role
from graph.readers.table_rows import find_tables as general_tables
from graph.readers.table_rows import split_cells
from graph.registry import Entity, Resolution
from graph.row_groups import GroupRow, group_rows
from ontology.namespaces import GY, ID, RDF, RDFS, SKOS

#: Column roles of the tables this reader knows (found by the general reader's header words).
SHAPE = ("serial", "party", "date", "fields")
HEADING_LOOKBACK = 6
#: Agreement types by the words that name them in a heading, most specific first.
TYPE_WORDS = (("자매", GY.sister), ("우호", GY.friendship), ("양해각서", GY.mou), ("MOU", GY.mou),
              ("협약", GY.cooperationAgreement))
_TOTALS = re.compile(r"총\s*(\d+)\s*개[^(（]*[(（]\s*광역\s*(\d+)\s*[,，]\s*기초\s*(\d+)")
_SERIAL = re.compile(r"^\s*(\d+)\s*$")
_CIRCLED = re.compile(r"[\u2460-\u2473]")


@dataclass
class TableRow:
    """One printed row."""

    line: int
    serial_raw: str
    name_raw: str
    date_raw: str
    fields_raw: str
    signed: date | None = None
    partner: Entity | None = None


@dataclass
class Table:
    """A table: its heading lines, header line numbers and rows."""

    heading: list[tuple[int, str]]
    headers: list[int]
    rows: list[TableRow]


def _is_header(line: str) -> bool:
    """A header row of the shape this reader knows: serial | partner | date | fields (roles from header words)."""
    cells = split_cells(line)
    return cells is not None and tuple(header_role(c) for c in cells)[:len(SHAPE)] == SHAPE


def find_tables(lines: tuple[str, ...]) -> list[Table]:
    """Every agreement table of a document (1-based line numbers), read by the general table reader."""
    tables: list[Table] = []
    for general in general_tables(lines):
        if general.header is None or not _is_header(lines[general.header.line - 1]):
            continue
        start = general.header.line - 1
        heading = [(i + 1, lines[i].strip()) for i in range(max(0, start - HEADING_LOOKBACK), start)
                   if lines[i].strip()]
        roles = {role: [i for i, c in enumerate(general.header.cells) if header_role(c) == role][0] for role in SHAPE}
        rows = [TableRow(r.line, r.cell(roles["serial"]), r.cell(roles["party"]), r.cell(roles["date"]),
                         "\t".join(r.cells[roles["fields"]:]).strip()) for r in general.rows]
        tables.append(Table(heading, [general.header.line, *general.repeated_headers], rows))
    return tables


def _agreement_type(heading: str) -> URIRef:
    return next((t for word, t in TYPE_WORDS if word in heading), GY.cooperationAgreement)


@extractor("agreement tables", applies=lambda doc: any(_is_header(line) for line in doc.lines))
def extract_agreement_tables(w: FactWriter) -> None:
    """Extract every agreement table of the document."""
    for table in find_tables(w.doc.lines):
        extract_table(w, table)


def _subject(w: FactWriter, table: Table) -> Entity | None:
    for _, text in table.heading:
        for mention in w.registry.find_mentions(text):
            if mention.entity.kind == "region":
                w.entity(mention.entity, mention.surface)
                return mention.entity
    first = table.headers[0] if table.headers else 1
    w.report.add_issue("unresolved", w.doc.id, first, "table subject", "no region named in the heading")
    return None


def extract_table(w: FactWriter, table: Table) -> None:
    """Rows → partners (resolving names, grouping continuation rows) → agreements."""
    subject = _subject(w, table)
    if subject is None or not table.rows:
        return
    heading = " ".join(text for _, text in table.heading)
    agreement_type = _agreement_type(heading)
    rows = table.rows
    _read_rows(w, rows)
    try:
        grouping = group_rows([GroupRow(r.partner.id if r.partner else None, r.signed) for r in rows])
    except ValueError as exc:  # no named row to group around (a broken table): reported, not extracted
        w.report.add_issue("anomaly", w.doc.id, rows[0].line, "table rows", str(exc))
        return
    for violation in grouping.violations:
        w.report.add_issue("anomaly", w.doc.id, rows[0].line, "date order", violation)
    partners: dict[str, Entity] = {}
    per_partner: Counter[str] = Counter()
    for group in grouping.groups:
        partner = w.registry.get(group.name)
        if partner.id == subject.id:  # a misread name that resolves to the table's own region signs nothing
            for i in group.rows:
                w.report.add_issue("unresolved", w.doc.id, rows[i].line, rows[i].name_raw.strip(),
                                   f"read as {subject.name_ko}, the table's own region: no agreement written")
            continue
        partners[partner.id] = partner
        name_lines = [rows[i].line for i in group.name_rows]
        _check_serials(w, [rows[i] for i in group.rows], len(partners))
        for i in group.rows:
            row = rows[i]
            if row.partner is None and row.name_raw.strip():
                w.report.add_issue("unresolved", w.doc.id, row.line, row.name_raw.strip(),
                                   f"row assigned to {partner.name_ko} (name cell on line {name_lines[0]})")
            if row.signed is None:
                continue
            per_partner[partner.id] += 1
            _write_agreement(w, subject, partner, row, agreement_type, name_lines,
                             (rows[group.start].line, rows[group.end].line))
    _report_totals(w, table, heading, subject, partners, sum(per_partner.values()), per_partner)


def _read_rows(w: FactWriter, rows: list[TableRow]) -> None:
    """Parse every date and resolve every name; then settle homographs by same-day signings."""
    ambiguous: list[tuple[TableRow, Resolution]] = []
    for row in rows:
        stated = stated_date(row.date_raw)
        row.signed = date(stated.year, stated.month, stated.day) if stated and stated.precision == "day" else None
        if row.signed is None:
            w.report.add_issue("anomaly", w.doc.id, row.line, row.date_raw, "unreadable signing date")
        if not row.name_raw.strip():
            continue
        result = w.registry.resolve(row.name_raw, kinds=("region",), country="KR")
        if result.entity:
            row.partner = result.entity
            w.entity(result.entity, row.name_raw)
        elif result.ambiguous:
            ambiguous.append((row, result))
    resolved = [r for r in rows if r.partner is not None]
    for row, result in ambiguous:
        row.partner = _by_cosigning(w, row, resolved, result.candidates)
        if row.partner is None:
            w.report.add_issue("ambiguous", w.doc.id, row.line, row.name_raw.strip(), result.reason)


def _by_cosigning(w: FactWriter, row: TableRow, resolved: list[TableRow],
                  candidates: tuple[Entity, ...]) -> Entity | None:
    """Pick the homograph whose 광역 also signed on the same day (a joint signing), and say so."""
    parents = {c.parent: c for c in candidates if c.parent}
    for other in resolved:
        if other.signed != row.signed or other.partner.parent not in parents:
            continue
        chosen = parents[other.partner.parent]
        w.report.add_issue(
            "ambiguous", w.doc.id, row.line, row.name_raw.strip(),
            f"read as {w.registry.qualified_name(chosen)}: {other.partner.name_ko} "
            f"({w.registry.get(other.partner.parent).name_ko}) signed the same day (line {other.line})")
        w.entity(chosen, row.name_raw)
        return chosen
    return None


def _check_serials(w: FactWriter, group_rows_: list[TableRow], expected: int) -> None:
    for row in group_rows_:
        raw = row.serial_raw.strip()
        circled = _CIRCLED.search(row.name_raw)
        if circled:
            w.report.add_issue("anomaly", w.doc.id, row.line, circled.group(0), "stray serial mark in name cell")
        if not raw:
            continue
        m = _SERIAL.match(raw)
        if not m:
            w.report.add_issue("anomaly", w.doc.id, row.line, raw, f"unreadable serial number (expected {expected})")
        elif int(m.group(1)) != expected:
            w.report.add_issue("anomaly", w.doc.id, row.line, raw,
                               f"serial number out of sequence (expected {expected})")


def _write_agreement(w: FactWriter, subject: Entity, partner: Entity, row: TableRow, agreement_type: URIRef,
                     name_lines: list[int], group_lines: tuple[int, int]) -> URIRef:
    assert row.signed is not None
    day = row.signed.isoformat()
    node = w.node("agreement", f"{subject.id}--{partner.id}--{day}", GY.Agreement, row.line,
                  label_ko=f"{subject.name_ko}–{partner.name_ko} 협약 ({day})",
                  label_en=f"{subject.name_en or subject.name_ko}–{partner.name_en or partner.name_ko} "
                           f"agreement ({day})")
    w.add(node, GY.party, subject.iri)
    w.add(node, GY.party, partner.iri)
    w.add(node, GY.signedOn, w.date(row.signed))
    w.add(node, GY.agreementType, agreement_type)
    if row.fields_raw:
        w.add(node, GY.fieldText, w.text(row.fields_raw))
    for raw in split_fields(row.fields_raw):
        if readable_field(clean_field(raw)):
            w.add(node, GY.cooperationField, field_concept(w, raw))
        else:
            w.report.add_issue("anomaly", w.doc.id, row.line, raw.strip(),
                               "unreadable field cell: kept as raw text (gy:fieldText), not a cooperation field")
    w.add(subject.iri, GY.signedWith, partner.iri)
    w.add(partner.iri, GY.signedWith, subject.iri)
    if row.line not in name_lines:
        w.add(node, GY.rowPosition, w.text(
            f"name cell on line {name_lines[0]}; group lines {group_lines[0]}–{group_lines[1]}", "en"))
    m = _SERIAL.match(row.serial_raw)
    if m:
        w.add(node, GY.serialNumber, w.integer(int(m.group(1))))
    return node


def field_concept(w: FactWriter, raw: str) -> URIRef:
    """The ``skos:Concept`` of one field as written: cleaned label, raw text as altLabel, broad areas."""
    label = clean_field(raw)
    concept = ID[f"field/{slug(field_key(label))}"]
    if (concept, RDF.type, GY.CooperationField) not in w.graph:
        w.add(concept, RDF.type, GY.CooperationField)
        w.add(concept, RDF.type, SKOS.Concept)
        w.add(concept, SKOS.inScheme, GY.CooperationFields)
        w.add(concept, SKOS.prefLabel, w.text(label))
        w.add(concept, RDFS.label, w.text(label))
        for area in areas_for(label):
            area_iri = ID[f"field-area/{area.id}"]
            w.add(concept, SKOS.broader, area_iri)
            w.add(area_iri, RDF.type, SKOS.Concept)
            w.add(area_iri, SKOS.topConceptOf, GY.CooperationFields)
            w.add(area_iri, SKOS.inScheme, GY.CooperationFields)
            w.add(area_iri, SKOS.prefLabel, w.text(area.label_ko))
            w.add(area_iri, SKOS.prefLabel, w.text(area.label_en, "en"))
            w.add(area_iri, RDFS.label, w.text(area.label_ko))
            w.add(area_iri, RDFS.label, w.text(area.label_en, "en"))
    raw_clean = re.sub(r"\s+", " ", raw).strip()
    if raw_clean != label:
        w.add(concept, SKOS.altLabel, w.text(raw_clean))
    return concept


def _report_totals(w: FactWriter, table: Table, heading: str, subject: Entity, partners: dict[str, Entity],
                   agreements: int, per_partner: Counter[str]) -> None:
    upper = sum(1 for p in partners.values() if p.level == "광역")
    lower = len(partners) - upper
    several = sorted((n, w.registry.get(pid).name_ko) for pid, n in per_partner.items() if n > 1)
    stated = _TOTALS.search(heading)
    line = table.headers[0] if table.headers else table.rows[0].line
    summary = (f"{w.doc.id}:{line} {subject.name_ko}: {len(partners)} partners (광역 {upper}, 기초 {lower}), "
               f"{agreements} agreements; {len(several)} partners with several signings")
    if stated:
        total, s_upper, s_lower = (int(g) for g in stated.groups())
        summary += f"; document states {total} (광역 {s_upper}, 기초 {s_lower})"
        if (total, s_upper, s_lower) != (len(partners), upper, lower):
            w.report.add_issue(
                "inconsistency", w.doc.id, table.heading[-1][0] if table.heading else line, stated.group(0),
                f"extracted {len(partners)} partners (광역 {upper}, 기초 {lower})")
            w.note(w.doc_iri, f"agreement table at line {line}: the document states {stated.group(0)}, "
                              f"the table lists {len(partners)} partners (광역 {upper}, 기초 {lower})", line)
    w.report.summary("agreement tables", summary)
    w.report.summary("agreement tables", "several signings: " + ", ".join(f"{name} {n}" for n, name in several))
