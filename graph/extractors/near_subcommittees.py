"""NEAR sub-committees: the annual report's table, the brochure's list, the rules' list of names.

Each document's statement of who coordinates a sub-committee becomes a ``gy:Coordination`` node
(``gy:subCommittee``, ``gy:coordinator``, ``gy:asOf`` = the document's year, its source lines) plus
the shortcut ``?region gy:coordinates ?subcommittee``. Statements from different documents are all
kept; "the coordinator now" is the coordination with the latest ``gy:asOf`` (see
``graph/examples_corpus.py``). A homograph coordinator (산시성) is resolved only on evidence; otherwise
the coordination lists every ``gy:candidate`` and says so in ``gy:note``.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from graph.dates import parse_date
from graph.extractors import extractor
from graph.extractors.names import (
    COUNTRY_WORDS,
    SubCommitteeName,
    document_evidence,
    find_subcommittee,
    is_near_document,
    resolve_in_context,
)
from graph.extractors.text import Stream, find_lines, nonblank, report_year
from graph.facts import FactWriter, Lines
from graph.numbers import integer
from graph.registry import normalize_name
from ontology.namespaces import GY, SKOS

TABLE_HEADER = re.compile(r"분과위원회\s+코디네이터\s+구성연도\s+개최횟수")
_COUNTRY_ALT = "|".join(sorted(COUNTRY_WORDS, key=len, reverse=True))
#: One row of the report's table, rows run together: name, coordinator(s), year, meetings, fields.
TABLE_ROW = re.compile(
    rf"(?:^|\n)(?P<name>[^\s,]+)\s+(?P<coord>(?:{_COUNTRY_ALT})\s.+?)\s+(?P<year>\d{{4}})년\s+(?P<count>\d+회|-)"
    rf"\s*(?P<fields>.*?)(?=\n[^\s,]+\s+(?:{_COUNTRY_ALT})\s|$)", re.S)
BROCHURE_ROW = re.compile(r"^(?P<name>.+?)분과위원회\s*\(\s*코디네이터\s*[:：]\s*(?P<coord>[^)]+)\)")
RULE_ROW = re.compile(r"^\d+\.\s*(?P<name>.+?)분과위원회\s*<\s*(?P<what>신설|명칭변경|통합)\s*(?P<date>[\d.\s]+)")
_TABLE_STOP = re.compile(r"^(?:<|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|[0-9]+\.\s)")
_SC_WORD = re.compile(r"분과\s*(?:위원회)?$")
_STATED_TOTAL = re.compile(r"(\d+)\s*개의?\s*분과위원회가\s*운영")


def subcommittee(w: FactWriter, name: str, lines: Lines) -> tuple[URIRef, SubCommitteeName | None]:
    """The node of the sub-committee called ``name`` (one per real sub-committee, shared by documents)."""
    known = find_subcommittee(name)
    near = w.registry.get("near")
    if known is None:
        w.report.add_issue("unresolved", w.doc.id, _first(lines), name, "sub-committee not in subcommittees.tsv")
        iri = w.node("subcommittee", f"near-{normalize_name(name)}", GY.SubCommittee, lines, label_ko=name)
    else:
        iri = w.node("subcommittee", known.id, GY.SubCommittee, lines, label_ko=f"{known.name_ko}분과위원회",
                     label_en=f"{known.name_en} Sub-Committee")
        if normalize_name(name) != normalize_name(known.name_ko):
            w.add(iri, GY.statedName, Literal(name.strip(), lang="ko"))
            spelled = re.sub(r"\s+", " ", name).strip()
            spelled = spelled if _SC_WORD.search(spelled) else spelled + "분과위원회"
            w.add(iri, SKOS.altLabel, Literal(spelled, lang="ko"))  # every spelling met is an altLabel
    w.add(iri, GY.subCommitteeOf, w.entity(near))
    return iri, known


def coordination(w: FactWriter, sc: URIRef, known: SubCommitteeName | None, text: str, lines: Lines,
                 as_of: int | None) -> URIRef:
    """A ``gy:Coordination``: who coordinates ``sc`` according to this document, as of its year."""
    key = (known.id if known else str(sc).rsplit("/", 1)[-1]) + "-" + w.doc.id.split("_", 1)[0]
    node = w.node("coordination", key, GY.Coordination, lines)
    w.add(node, GY.subCommittee, sc)
    w.add(node, GY.statedName, Literal(re.sub(r"\s+", " ", text).strip(), lang="ko"))
    if as_of:
        w.add(node, GY.asOf, w.year(as_of))
    country = ""
    for part in (p.strip() for p in re.split(r"[,，]", text) if p.strip()):
        country = _country_of(part) or country
        found = resolve_in_context(w, part, lines, country=country, report=False)
        if found.ambiguous and known is not None:
            entity, line = document_evidence(w, found.candidates, known.name_ko)
            if entity is not None:
                w.entity(entity, part)
                found.entity = entity
                w.note(node, f"‘{part.strip()}’ is {entity.name_en} ({entity.id}): the document writes this "
                             f"sub-committee next to a form only {entity.name_en} has (line {line})", line)
        if found.entity is not None:
            region = found.entity.iri
            w.add(node, GY.coordinator, region)
            w.add(region, GY.coordinates, sc)
        elif found.ambiguous:
            for cand in found.candidates:
                w.add(node, GY.candidate, w.entity(cand))
            names = " or ".join(f"{c.name_en} ({c.name_ko})" for c in found.candidates)
            w.note(node, f"coordinator ‘{part}’ could be {names}; the text gives no evidence which")
            w.report.add_issue("ambiguous", w.doc.id, _first(lines), part,
                               f"coordinator of {known.name_ko if known else sc}: could be {names}")
        else:
            w.report.add_issue("unresolved", w.doc.id, _first(lines), part, "coordinator not in the registry")
    return node


def extract_report_table(w: FactWriter) -> int:
    """The annual report's table (split into pieces by the PDF's column order): one fact set per row."""
    rows = 0
    for header in find_lines(w.doc, TABLE_HEADER):
        end = header
        for n, line in nonblank(w.doc, header + 1):
            if _TABLE_STOP.match(line) or (len(line) > 45 and line.endswith(("다.", "다. "))):
                break
            end = n
        if end == header:
            continue
        stream = Stream.of(w.doc, header + 1, end, rows=True)
        for m in TABLE_ROW.finditer(stream.text):
            rows += 1
            _table_row(w, m, stream)
    stated = _stated_total(w)
    if stated:
        w.report.summary("NEAR sub-committees", f"{w.doc.id}: {rows} table rows (document states {stated[0]})")
        if rows != stated[0]:
            w.report.add_issue("inconsistency", w.doc.id, stated[1], f"{stated[0]}개의 분과위원회",
                               f"the table has {rows} rows")
    return rows


def _table_row(w: FactWriter, m: re.Match[str], stream: Stream) -> None:
    lines = stream.span(m.start(), m.end())
    sc, known = subcommittee(w, m.group("name"), lines)
    w.add(sc, GY.foundedIn, w.year(int(m.group("year"))))
    if m.group("count") == "-":
        w.note(sc, f"meeting count printed as ‘-’ in the {report_year(w.doc)} table", lines)
    else:
        w.add(sc, GY.meetingCount, w.integer(integer(m.group("count")) or 0))
    fields = re.sub(r"\s+", " ", m.group("fields")).strip()
    if fields:
        w.add(sc, GY.activityField, Literal(fields, lang="ko"))
    coordination(w, sc, known, m.group("coord"), lines, report_year(w.doc))


def extract_brochure_list(w: FactWriter) -> int:
    """``경제통상분과위원회 (코디네이터 : 경상북도)`` lines, with the bullet lines that describe them."""
    count = 0
    for n, line in nonblank(w.doc):
        m = BROCHURE_ROW.match(line)
        if not m:
            continue
        count += 1
        sc, known = subcommittee(w, m.group("name"), n)
        coordination(w, sc, known, m.group("coord"), n, report_year(w.doc))
        bullets = _bullets_after(w, n)
        if bullets:
            w.add(sc, GY.activityField, Literal(" ".join(b for _, b in bullets), lang="ko"))
            w.derived(sc, (n, bullets[-1][0]))
    if count:
        w.report.summary("NEAR sub-committees", f"{w.doc.id}: {count} sub-committees with coordinators")
    return count


def _bullets_after(w: FactWriter, start: int) -> list[tuple[int, str]]:
    """The ``䤎`` bullet lines (and their wrapped continuations) describing the item on ``start``."""
    out: list[tuple[int, str]] = []
    for n, line in nonblank(w.doc, start + 1, start + 12):
        if line.startswith("䤎"):
            out.append((n, line.lstrip("䤎 ")))
        elif out and not out[-1][1].rstrip().endswith("다.") and not BROCHURE_ROW.match(line):
            out[-1] = (n, out[-1][1] + " " + line)
        elif out or BROCHURE_ROW.match(line):
            break
    return out


def extract_rules_list(w: FactWriter) -> int:
    """The rules' numbered list of names: 신설 (established) and 명칭변경 (renamed) dates."""
    count = 0
    for n, line in nonblank(w.doc):
        m = RULE_ROW.match(line)
        if not m:
            continue
        on = parse_date(m.group("date"))
        if on is None:
            continue
        count += 1
        sc, _ = subcommittee(w, m.group("name"), n)
        prop = {"신설": GY.establishedOn, "명칭변경": GY.renamedOn}.get(m.group("what"))
        if prop is not None:
            w.add(sc, prop, w.date(on))
        else:
            w.note(sc, f"{m.group('what')} {on.isoformat()} (rules of sub-committees)", n)
    return count


def _stated_total(w: FactWriter) -> tuple[int, int] | None:
    for n, line in w.doc.numbered():
        m = _STATED_TOTAL.search(line)
        if m:
            return int(m.group(1)), n
    return None


def _country_of(text: str) -> str:
    m = re.match(rf"\s*({_COUNTRY_ALT})\s", text)
    return COUNTRY_WORDS[m.group(1)] if m else ""


def _first(lines: Lines) -> int:
    return lines if isinstance(lines, int) else lines[0]


@extractor("NEAR sub-committees", applies=is_near_document)
def extract_subcommittees(w: FactWriter) -> None:
    """Sub-committees with coordinators, founding year, meetings and fields."""
    extract_report_table(w)
    extract_brochure_list(w)
    extract_rules_list(w)
