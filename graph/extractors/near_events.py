"""NEAR events: general assemblies, working committees, sub-committee meetings, workshops.

One node per real event, shared by documents: ``제8차 총회`` of the brochure and a mention of the same
assembly in the annual report are one ``gy:Event``. The working committee (실무위원회) and the
high-level working committee (고위급 실무위원회) are treated as one numbered series: the 2024 report
continues the brochure's numbering. Each document adds what it states (date, host, outcome,
participants) to its own named graph, with the lines.
"""

from __future__ import annotations

import re
from datetime import date

from rdflib import Literal, URIRef

from graph.dates import date_range, month_day, parse_date, year_month
from graph.extractors import extractor
from graph.extractors.names import COUNTRY_WORDS, find_subcommittee, is_near_document, resolve_in_context
from graph.extractors.near_members import membership
from graph.extractors.near_subcommittees import subcommittee
from graph.extractors.text import Stream, nonblank, report_year
from graph.facts import FactWriter, Lines
from graph.registry import Entity, Registry
from ontology.namespaces import GY, RDF, RDFS, SCHEMA, XSD

SERIES = {"총회": ("general-assembly", GY.GeneralAssembly, "총회", "General Assembly"),
          "실무위원회": ("working-committee", GY.WorkingCommittee, "실무위원회", "Working Committee")}
HISTORY_ITEM = re.compile(r"^䤎?\s*제\s*(?P<n>\d+)\s*차\s*(?P<what>총회|회의)\s*\((?P<when>\d{4}\.\s*\d{1,2})\s+"
                          r"(?P<host>[^)]+)\)")
ORDINAL_MENTION = re.compile(r"제\s*(?P<n>\d+)\s*차\s*(?:NEAR\s*)?(?P<what>고위급\s*실무위원회|실무위원회|총회)")
MEETING_MENTION = re.compile(r"제\s*(?P<n>\d+)\s*회\s*(?:NEAR\s*)?(?P<name>[가-힣·+\s]{1,12}?)\s*분과위원회")
_COUNTRY_ALT = "|".join(sorted(COUNTRY_WORDS, key=len, reverse=True))
PARTICIPANT_ROW = re.compile(rf"^(?P<country>{_COUNTRY_ALT})\s+(?P<n>\d+)\s*개\s*단체\s+"
                             r"(?P<people>\d+)\s*명\s*(?P<rest>.*)$")


def event_node(w: FactWriter, key: str, rdf_type: URIRef, lines: Lines, label_ko: str, label_en: str,
               ordinal: int | None = None) -> URIRef:
    """The event ``key`` (shared by documents), typed, labelled, organised by NEAR."""
    node = w.node("event", f"near-{key}", rdf_type, lines, label_ko=label_ko, label_en=label_en)
    w.add(node, RDF.type, GY.Event)
    w.add(node, SCHEMA.organizer, w.entity(w.registry.get("near")))
    if ordinal is not None:
        w.add(node, GY.ordinal, w.integer(ordinal))
    return node


def series_event(w: FactWriter, what: str, n: int, lines: Lines) -> URIRef:
    """The ``n``-th general assembly or working committee."""
    series = "총회" if "총회" in what else "실무위원회"
    slug, rdf_type, ko, en = SERIES[series]
    return event_node(w, f"{slug}-{n}", rdf_type, lines, f"제{n}차 NEAR {ko}", f"NEAR {en} {n}", n)


def set_host(w: FactWriter, event: URIRef, text: str, lines: Lines) -> Entity | None:
    """Resolve ``text`` (a host as written) and state it as ``gy:host``."""
    r = resolve_in_context(w, text, lines, kinds=("region", "organization"), prefer_upper=True)
    if r.entity is not None:
        w.add(event, GY.host, r.entity.iri)
    return r.entity


def set_when(w: FactWriter, event: URIRef, when: date | tuple) -> None:
    """``schema:startDate``/``endDate`` as ``xsd:date``; ``xsd:gYearMonth`` or ``xsd:gYear`` when that is all."""
    if len(when) == 1 if isinstance(when, tuple) else False:
        w.add(event, SCHEMA.startDate, w.year(when[0]))
    elif isinstance(when, date):
        w.add(event, SCHEMA.startDate, w.date(when))
    elif isinstance(when[0], date):
        w.add(event, SCHEMA.startDate, w.date(when[0]))
        w.add(event, SCHEMA.endDate, w.date(when[1]))
    else:
        w.add(event, SCHEMA.startDate, Literal(f"{when[0]:04d}-{when[1]:02d}", datatype=XSD.gYearMonth))


def extract_history(w: FactWriter) -> int:
    """The brochure's history lists: ``䤎제2차 총회(1998. 10 토야마현)`` with the outcome on the next line."""
    count = 0
    series = "총회"
    rows = list(nonblank(w.doc))
    for i, (n, line) in enumerate(rows):
        if re.match(r"^(실무위원회|총회)\S*는", line):
            series = "실무위원회" if line.startswith("실무위원회") else "총회"
        m = HISTORY_ITEM.match(line)
        if not m:
            continue
        count += 1
        what = "총회" if m.group("what") == "총회" else series
        ev = series_event(w, what, int(m.group("n")), n)
        ym = year_month(m.group("when"))
        if ym:
            set_when(w, ev, ym)
        set_host(w, ev, m.group("host"), n)
        if i + 1 < len(rows) and not HISTORY_ITEM.match(rows[i + 1][1]) and not rows[i + 1][1].endswith("다."):
            w.add(ev, GY.outcome, Literal(rows[i + 1][1], lang="ko"))
            w.derived(ev, (n, rows[i + 1][0]))
    if count:
        w.report.summary("NEAR events", f"{w.doc.id}: {count} general assemblies and working committees listed")
    return count


def extract_mentions(w: FactWriter) -> int:
    """Every ``제N차 … 총회/실무위원회`` and ``제N회 … 분과위원회`` in running text, with the date and host
    stated in the same sentence."""
    stream = Stream.of(w.doc)
    year = report_year(w.doc)
    count = 0
    for start, _, sentence in stream.sentences():
        for m in ORDINAL_MENTION.finditer(sentence):
            lines = stream.span(start + m.start(), start + m.end())
            ev = series_event(w, m.group("what"), int(m.group("n")), lines)
            _context(w, ev, sentence, m, lines, year)
            count += 1
        for m in MEETING_MENTION.finditer(sentence):
            known = find_subcommittee(m.group("name"))
            if known is None:
                continue
            lines = stream.span(start + m.start(), start + m.end())
            sc, _ = subcommittee(w, m.group("name"), lines)
            n = int(m.group("n"))
            ev = event_node(w, f"{known.id}-meeting-{n}", GY.SubCommitteeMeeting, lines,
                            f"제{n}회 NEAR {known.name_ko}분과위원회",
                            f"NEAR {known.name_en} Sub-Committee meeting {n}", n)
            w.add(ev, GY.meetingOf, sc)
            _context(w, ev, sentence, m, lines, year)
            count += 1
    return count


def _context(w: FactWriter, ev: URIRef, sentence: str, m: re.Match[str], lines: Lines, year: int | None) -> None:
    """Date and host stated in the sentence of a mention (the first dated statement in a document wins)."""
    if not re.search(r"개최|열린|열리|종료|참석|참가|총회에서", sentence):
        return
    head = sentence[:m.start()]
    when = None
    if (ev, SCHEMA.startDate, None) not in w.graph:
        when = _when(sentence, head, m, year)
        if when is not None:
            set_when(w, ev, when)
    if (ev, GY.host, None) not in w.graph and (when is not None or re.search(r"\d{4}\s*년", sentence)):
        found = host_phrase(sentence, w.registry, strict=True)
        if found is not None:
            entity, venue = found
            w.add(ev, GY.host, w.entity(entity))
            w.add(ev, GY.venue, Literal(venue, lang="ko"))


def _when(sentence: str, head: str, m: re.Match[str], year: int | None) -> date | tuple | None:
    """The date nearest a mention: a range in the sentence, a date, a year-month or a year just before it."""
    years = re.findall(r"(\d{4})\s*년", sentence)
    if years and (rng := date_range(sentence, year=int(years[0]))) and abs(sentence.find(years[0])
                                                                           - m.start()) < 160:
        return rng
    if not years and year and "개최" in sentence and (rng := date_range(sentence[m.end():m.end() + 40], year)):
        return rng
    window = head[-60:]
    if (full := parse_date(window)) is not None:
        return full
    if (ym := year_month(head[-30:])) is not None:
        return ym
    y = re.search(r"(\d{4})\s*년\D{0,12}$", head)
    return (int(y.group(1)),) if y else None


def host_phrase(sentence: str, registry: Registry, strict: bool = False) -> tuple[Entity, str] | None:
    """The host region or organisation of ``…X에서 개최``: the first registry name of the place phrase
    (``strict``: only a phrase followed directly by 개최/열린)."""
    if not re.search(r"개최|열린|열리|진행", sentence):
        return None
    tail = r"에서\s*(?:개최|열린|열리|진행)" if strict else r"에서"
    for m in re.finditer(rf"([^.「」]{{2,60}}?){tail}", sentence):
        venue = re.split(r"[」,]\s*|(?:를|을|가|는|은|까지|간)\s+", m.group(1))[-1].strip()
        mentions = [x for x in registry.find_mentions(re.sub(r"\([^)]*\)", "", venue))
                    if x.entity.kind in ("region", "organization") and x.entity.id != "near"]
        if mentions:
            return mentions[0].entity, venue
    return None


def extract_participants(w: FactWriter) -> int:
    """A participants table (``중국 13개 단체 28명`` + names) of the event named just before it."""
    rows = list(nonblank(w.doc))
    total = 0
    for i, (n, line) in enumerate(rows):
        m = PARTICIPANT_ROW.match(line)
        if not m:
            continue
        ev = _preceding_event(w, n)
        if ev is None:
            continue
        country = COUNTRY_WORDS[m.group("country")]
        names_text, end = m.group("rest"), n
        for n2, text in rows[i + 1:]:
            if PARTICIPANT_ROW.match(text) or re.match(r"^\d+\.\s", text) or "," not in text and len(text) > 12:
                break
            names_text, end = names_text + "," + text, n2
        names = [p for p in re.split(r"\s*,\s*", names_text) if p.strip()]
        found = 0
        for name in names:
            r = resolve_in_context(w, name, (n, end), country=country, prefer_upper=True)
            if r.entity is not None:
                found += 1
                w.add(ev, GY.participant, r.entity.iri)
                membership(w, r.entity, None, (n, end),
                           note="listed among the member governments taking part in a NEAR meeting; kind not stated")
        w.derived(ev, (n, end))
        stated = int(m.group("n"))
        if found != stated:
            w.report.add_issue("inconsistency", w.doc.id, n, line, f"{found} of {len(names)} names resolved, "
                                                                   f"{stated} stated")
        total += found
    if total:
        w.report.summary("NEAR events", f"{w.doc.id}: {total} participating members listed")
    return total


def _preceding_event(w: FactWriter, line: int) -> URIRef | None:
    for n in range(line - 1, max(0, line - 40), -1):
        m = ORDINAL_MENTION.search(w.doc.line(n))
        if m:
            return series_event(w, m.group("what"), int(m.group("n")), n)
    return None


def extract_section_events(w: FactWriter) -> int:
    """Headings followed by ``1. 행사개요``: workshops, forums, training programmes, NEAR DAY."""
    rows = list(nonblank(w.doc))
    year = report_year(w.doc)
    count = 0
    for i, (n, line) in enumerate(rows[:-1]):
        if not re.match(r"^\d+\.\s*행사개요", rows[i + 1][1]):
            continue
        title = re.sub(r"^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩIVX]+\.\s*", "", line).strip()
        if ORDINAL_MENTION.search(title) or MEETING_MENTION.search(title):
            continue
        body_end = rows[min(i + 8, len(rows) - 1)][0]
        stream = Stream.of(w.doc, rows[i + 2][0], body_end)
        first = next((s for _, _, s in stream.sentences()), "")
        ordinal = re.search(r"제\s*(\d+)\s*회", title) or re.search(r"올해로\s*(\d+)\s*회", stream.text)
        label = re.sub(r"\s*(개최|실시)$", "", re.sub(r"[「」]", "", title)).strip()
        ev = event_node(w, f"{label}-{year}", GY.Workshop, (n, rows[i + 2][0]), label, "",
                        int(ordinal.group(1)) if ordinal else None)
        when = date_range(first, year=year) or parse_date(first) or (month_day(first, year) if year else None)
        if when:
            set_when(w, ev, when)
        found = host_phrase(first, w.registry)
        if found is not None:
            w.add(ev, GY.host, w.entity(found[0]))
            w.add(ev, GY.venue, Literal(found[1], lang="ko"))
        w.add(ev, RDFS.comment, Literal(first.strip(), lang="ko"))
        count += 1
    if count:
        w.report.summary("NEAR events", f"{w.doc.id}: {count} secretariat events (workshops, forums, …)")
    return count


def extract_outcomes(w: FactWriter) -> None:
    """``주요성과`` bullets under an event section become its ``gy:outcome``."""
    rows = list(nonblank(w.doc))
    for i, (n, line) in enumerate(rows):
        if line != "주요성과":
            continue
        ev = _preceding_event(w, n)
        if ev is None:
            continue
        bullets: list[tuple[int, int, str]] = []
        for n2, text in rows[i + 1:i + 8]:
            if text.startswith("•"):
                bullets.append((n2, n2, text.lstrip("• ")))
            elif bullets and len(text) < 60 and not text.endswith("다."):
                first, _, body = bullets[-1]
                bullets[-1] = (first, n2, body + " " + text)
            else:
                break
        for first, last, body in bullets:
            w.add(ev, GY.outcome, Literal(re.sub(r"\s+", " ", body).strip(), lang="ko"))
            w.derived(ev, (first, last))


@extractor("NEAR events", applies=is_near_document)
def extract_events(w: FactWriter) -> None:
    """General assemblies, working committees, sub-committee meetings, workshops."""
    extract_history(w)
    extract_mentions(w)
    extract_participants(w)
    extract_section_events(w)
    extract_outcomes(w)
