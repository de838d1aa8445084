"""Signings a table of something else states in a cell: a budget book's or a business report's rows name a partner
and, in a remark or a calculation basis, the signing that ties the document's region to it (``일본 가나시 교류 |
방문단 5명×1,500 (1997. 6. 12. 자매결연)``, ``… | 2008. 10. 21. 우호협약 체결(2018. 10. 22. 재체결)``).

A date in a cell followed, within its clause, by a signing's word (결연, 체결, 재체결, 협정; not a plan: 예정, 추진)
states a signing of the document's own Korean region with the one foreign place the row names (a place the
registry or the document places in a country); a row naming none or several, or a dated event (방문, 행사), states
none. A row naming another Korean region (``가나군-일본 다라시 자매도시(…)`` in a province's book) states that
region's tie, not the document's; a row naming several states none. The tables read here are those the table
reader found to sign nothing as a whole, or whose other readers found nothing (:mod:`graph.readers.tables`).
"""

from __future__ import annotations

import re

from graph.dates import find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate
from graph.readers.context import is_plan
from graph.readers.entities import Party
from graph.readers.relations import DEFAULT_RELATION, relation_of
from graph.readers.table_rows import Row, Table
from graph.readers.table_schedules import SIGNED_AFTER, foreign_places, other_regions

CONFIDENCE = 0.7
#: Where a cell's clause ends: a comma, a slash, a semicolon, a closing bracket.
_CLAUSE_END = re.compile(r"[,/;]|\)")


def _signings_in(cell: str) -> list[tuple[object, str]]:
    """``(date, clause)`` of each date in ``cell`` followed in its clause by a signing's word.

    >>> [(d.iso, c) for d, c in _signings_in("2008. 10. 21. 우호협약 체결; 2018. 10. 22. 재체결 / 연수생 2명")]
    [('2008-10-21', ' 우호협약 체결'), ('2018-10-22', ' 재체결 ')]
    >>> [(d.iso, c) for d, c in _signings_in("방문단 5명 (1997. 6. 12. 결연)")]
    [('1997-06-12', ' 결연')]
    >>> _signings_in("2026. 11. 우호협약 체결 추진 / 실무 협의"), _signings_in("2026. 4. 14. 방문")
    ([], [])
    """
    out = []
    for d in find_dates(cell):
        rest = cell[d.end:]
        end = _CLAUSE_END.search(rest)
        clause = rest[:end.start()] if end else rest
        if SIGNED_AFTER.match(clause) and not is_plan(clause):
            out.append((d.value, clause))
    return out


def read_remarks(w: FactWriter, table: Table) -> list[AgreementCandidate]:
    """Signings stated in the cells of a table that signs nothing as a whole (see the module docstring)."""
    from graph.readers.sentences import document_context

    doc = None
    out: list[AgreementCandidate] = []
    for row in table.rows:
        stated = [(date, relation_of(clause) or relation_of(cell)) for cell in row.cells
                  for date, clause in _signings_in(cell)]
        if not stated:
            continue
        doc = doc or document_context(w)
        if doc.subject is None or doc.subject.entity.country != "KR":
            return []
        places = foreign_places(w, _row_text(row), row.line, doc)
        own = _own_party(w, row, doc.subject, doc)
        if len(places) != 1 or own is None:
            continue
        partner = next(iter(places.values()))
        out.extend(AgreementCandidate((own, partner), date, relation or DEFAULT_RELATION, (row.line, row.line),
                                      CONFIDENCE, reader="tables", quote=" | ".join(row.cells))
                   for date, relation in stated)
    return out


def _own_party(w: FactWriter, row: Row, subject: Party, doc) -> Party | None:
    """The Korean party of a row's signing: another Korean region the row joins to the tie (``가나군-일본 다라시
    자매도시(…)`` in a province's budget book is 가나군's tie, not the province's), else the document's own region;
    ``None`` when the row joins several, or names another region it does not join. In the cell dating the signing
    the region must be joined to it (``가나군과 공동 방문, DATE 자매결연``: a co-visitor, whose tie it states is
    unclear); in another cell (``가나군 교류 | 일본 다라시 … (DATE 결연)``) it is the row's, unless seen or
    accompanied (``가나군 견학``, ``가나군과 함께``). The document's region and its parent are no other
    region."""
    from graph.readers.sentences import Sentence, parties_in

    text = _row_text(row)
    named = other_regions(w, text, row.line, doc)
    if not named:
        return subject
    ids = {p.entity.id for p in named}
    found = parties_in(w, Sentence(text, tuple([row.line] * len(text))), 0, len(text), doc)
    signing_cells, at = [], 0
    for cell in (c for c in row.cells if c.strip()):
        if _signings_in(cell):
            signing_cells.append((at, at + len(cell)))
        at += len(cell) + 3
    joined = {n.party.entity.id: n.party for n in found if n.party.entity.id in ids and not _ALONGSIDE.match(
        text, n.end) and (_joined(w, text, n, found) or not any(a <= n.start < b for a, b in signing_cells))}
    return next(iter(joined.values())) if len(joined) == 1 else None


#: What joins a region to the tie right after it: a dash or 및 before the partner, 와/과 before the partner, 의
#: before the relation word (``가나군-다라시``, ``가나군 및 다라시``, ``가나군과 다라시의``, ``다라시와 가나군의
#: 결연``, ``다라시와 가나군은 2009년 결연``).
_JOINER = re.compile(r"\s*(?:[-–—~·]|및)\s*|(?:와|과|의|은|는|이|가)?\s*")
#: A year or a date between a region and its relation word (``가나군은 2009년 자매결연``).
_DATED = re.compile(r"(?:\d{2,4}\s*[년.]\s*(?:\d{1,2}\s*[월.]\s*)?(?:\d{1,2}\s*[일.]\s*)?)?")


#: A region seen, visited or gone along with, not a party: ``가나군과 공동 방문``, ``가나군 견학``, ``가나군과 함께``.
_ALONGSIDE = re.compile(r"(?:와|과|을|를)?\s*(?:공동|함께|견학|방문|시찰|참관|답사)")


def _joined(w: FactWriter, text: str, region, found) -> bool:
    """Whether a region named in a row is joined to the tie in its clause: the partner (a country word perhaps
    before it), another region listed with it (``가나군·다라군-일본 …``) or the relation word comes right after it
    and its joiner (``가나군과 공동 방문``, ``가나군 견학``: no)."""
    at = _JOINER.match(text, region.end).end()
    word = re.match(r"[^\s(,|/;]*", text[_DATED.match(text, at).end():]).group(0)
    if relation_of(word):
        return True
    pattern, _ = w.registry.country_words
    country = pattern.match(text, at)
    if country:
        at = country.end() + len(text[country.end():]) - len(text[country.end():].lstrip())
    return any(n.start == at and n.party.entity.country != "" for n in found)  # the partner, or a region beside


def _row_text(row: Row) -> str:
    """The row's cells, set apart (a cell's last place is no parent of the next cell's first)."""
    return " | ".join(c for c in row.cells if c.strip())
