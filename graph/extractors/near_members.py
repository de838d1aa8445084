"""NEAR membership: member lists by country, stated totals per kind, and joining statements.

Each region's membership, as one document states it, is a ``gy:Membership`` (``org:member``,
``org:organization``, ``gy:membershipKind`` full/associate/special/observer, ``gy:since``, ``gy:asOf``)
with the shortcut ``?region gy:memberOf ?organization``. Stated counts (``중국(6)``, ``정회원 82개``)
become ``gy:MemberCount`` nodes and are checked against the names actually listed.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from graph.extractors import extractor
from graph.extractors.names import COUNTRY_WORDS, is_near_document, resolve_in_context, split_country
from graph.extractors.text import Stream, nonblank, report_year
from graph.facts import FactWriter, Lines
from graph.registry import Entity
from ontology.namespaces import GY, ORG

#: Membership kinds as written → the controlled value.
KINDS = {"정회원": "full", "신규회원": "full", "정식회원": "full", "정식 회원": "full", "준회원": "associate",
         "특별회원": "special", "옵저버": "observer", "옵서버": "observer", "옵서버회원": "observer"}
_KIND_ALT = "|".join(sorted(KINDS, key=len, reverse=True))
_COUNTRY_ALT = "|".join(sorted(COUNTRY_WORDS, key=len, reverse=True))
COUNTRY_GROUP = re.compile(rf"^(?P<country>{_COUNTRY_ALT})\s*\((?P<n>\d+)\)\s*$")
KIND_COUNT = re.compile(r"(?P<kind>정회원|준회원|특별회원|옵[저서]버)\s*(?P<n>\d+)\s*개(?:\((?P<names>[^)]*)\))?")
TOTAL = re.compile(r"(?P<c>\d+)\s*개국\s*(?P<n>\d+)\s*개\s*(?:광역)?(?:지방정부|자치단체|회원|단체)")
OBSERVER_LIST = re.compile(r"(?P<list>.+?)[은는]\s*옵[저서]버\s*자격")
OBSERVER_MARK = re.compile(r"[은는]\s*옵[저서]버\s*자격")


def membership(w: FactWriter, region: Entity, kind: str | None, lines: Lines, *, since: int | None = None,
               as_of: int | None = None, note: str | None = None) -> URIRef:
    """The ``gy:Membership`` of ``region`` in NEAR according to this document (one node per region and document)."""
    near = w.entity(w.registry.get("near"))
    node = w.node("membership", f"near-{region.id}-{w.doc.id.split('_', 1)[0]}", GY.Membership, lines,
                  label_ko=f"{region.name_ko} NEAR 회원", label_en=f"{region.name_en} in NEAR")
    w.add(node, ORG.member, region.iri)
    w.add(node, ORG.organization, near)
    w.add(region.iri, GY.memberOf, near)
    if kind:
        w.add(node, GY.membershipKind, Literal(kind))
    if since:
        w.add(node, GY.since, w.year(since))
    year = as_of or report_year(w.doc)
    if year:
        w.add(node, GY.asOf, w.year(year))
    if note:
        w.note(node, note, lines)
    return node


def member_count(w: FactWriter, kind: str, count: int, lines: Lines, *, country: str = "",
                 countries: int | None = None) -> URIRef:
    """A stated number of members of one kind (and country), as of the document's year."""
    key = f"near-{w.doc.id.split('_', 1)[0]}-{kind}-{country or 'all'}"
    node = w.node("membercount", key, GY.MemberCount, lines)
    w.add(node, ORG.organization, w.entity(w.registry.get("near")))
    w.add(node, GY.membershipKind, Literal(kind))
    w.add(node, GY.memberCount, w.integer(count))
    if country and country in w.registry.entities:
        w.add(node, GY.country, w.entity(w.registry.get(country)))
    if countries:
        w.add(node, GY.countryCount, w.integer(countries))
    year = report_year(w.doc)
    if year:
        w.add(node, GY.asOf, w.year(year))
    return node


def extract_country_lists(w: FactWriter) -> int:
    """``중국(6)`` followed by the comma-separated member names (the brochure's list)."""
    listed = 0
    rows = list(nonblank(w.doc))
    for i, (n, line) in enumerate(rows):
        m = COUNTRY_GROUP.match(line)
        if not m:
            continue
        country = COUNTRY_WORDS[m.group("country")]
        names: list[tuple[int, str]] = []
        for n2, text in rows[i + 1:]:
            if COUNTRY_GROUP.match(text) or not ("," in text or _single_name(text)):
                break
            names.extend((n2, part) for part in re.split(r"\s*,\s*", text) if part.strip())
        found = 0
        for n2, name in names:
            r = resolve_in_context(w, name, n2, country=country)
            if r.entity is not None:
                found += 1
                membership(w, r.entity, "full", n2)
        stated = int(m.group("n"))
        end = names[-1][0] if names else n
        member_count(w, "full", stated, (n, end), country=country)
        if found != stated:
            w.report.add_issue("inconsistency", w.doc.id, n, line,
                               f"{len(names)} names listed, {found} resolved, {stated} stated")
        listed += found
    if listed:
        w.report.summary("NEAR members", f"{w.doc.id}: {listed} members listed by country")
    return listed


def _single_name(text: str) -> bool:
    return len(text) < 20 and text.endswith(("시", "도", "성", "현", "부", "주", "구", "막", "국"))


def extract_observer_list(w: FactWriter) -> int:
    """``중국 톈진시, 산시성(Shanxi), … 과 일본 야마구치현은 옵저버 자격으로 참여``."""
    found = 0
    for n, line in nonblank(w.doc):
        m = OBSERVER_MARK.search(line) and OBSERVER_LIST.search(line)  # the lazy list scans only where it can end
        if not m:
            continue
        country = ""
        for part in re.split(r"\s*,\s*|(?<=[가-힣)])(?:과|와)\s+", m.group("list")):
            stated, _ = split_country(part)
            country = stated or country
            r = resolve_in_context(w, part, n, country=country)
            if r.entity is not None:
                found += 1
                membership(w, r.entity, "observer", n)
        member_count(w, "observer", found, n)
    return found


def extract_stated_counts(w: FactWriter) -> None:
    """``정회원 82개, 준회원 2개, 특별회원 1개, 옵저버 5개 등 총 8개국 90개`` and named lists in brackets."""
    seen: set[str] = set()
    stream = Stream.of(w.doc)
    for m in KIND_COUNT.finditer(stream.text):
        kind = KINDS[m.group("kind")]
        lines = stream.span(m.start(), m.end())
        if kind not in seen:
            seen.add(kind)
            before = stream.text[max(0, m.start() - 40):m.start()]
            t = TOTAL.search(before + m.group(0))
            member_count(w, kind, int(m.group("n")), lines, countries=int(t.group("c")) if t else None)
        for part in re.split(r"\s*,\s*", m.group("names") or ""):
            r = resolve_in_context(w, part, lines) if part.strip() else None
            if r is not None and r.entity is not None:
                membership(w, r.entity, kind, lines)
    for m in TOTAL.finditer(stream.text):
        if "총" in stream.text[max(0, m.start() - 3):m.start()] and "all" not in seen:
            seen.add("all")
            member_count(w, "all", int(m.group("n")), stream.span(m.start(), m.end()),
                         countries=int(m.group("c")))


def extract_joinings(w: FactWriter) -> int:
    """Sentences about joining (가입): who joined, as what kind, in which year."""
    found = 0
    stream = Stream.of(w.doc)
    for start, _, sentence in stream.sentences():
        if "가입" not in sentence:
            continue
        lead = re.match(r"\s*(\d{4})년(?:에는|에도|에)", sentence)
        for mention in w.registry.find_mentions(sentence):
            entity = mention.entity
            if entity.kind != "region":
                continue
            joined = _joining(sentence, mention.start, mention.end)
            if joined is None:
                continue
            kind, year = joined
            year = year or (int(lead.group(1)) if lead and kind else None)
            lines = stream.span(start + mention.start, start + min(len(sentence), mention.end + 30))
            w.entity(entity, mention.surface)
            membership(w, entity, kind, lines, since=year)
            found += 1
    return found


def _joining(sentence: str, start: int, end: int) -> tuple[str | None, int | None] | None:
    """Kind and year of a joining stated right around a region mention, or ``None``."""
    after = sentence[end:end + 40]
    before = sentence[max(0, start - 8):start]
    k = re.match(rf"\s*(?:이|가|은|는|의)?\s*(?:NEAR의?\s*)?(?:\d+번째\s*)?(?P<kind>{_KIND_ALT})\s*(?:으로|로|가입|\s)",
                 after)
    y_after = re.match(r"\s*[은는]\s*(\d{4})년에?([^.]{0,25}?)가입", after)
    y_before = re.search(r"(\d{4})년\s*$", before)
    plain = re.match(r"\s*가입", after)
    if k and "가입" in sentence:
        return KINDS[k.group("kind")], int(y_before.group(1)) if y_before else None
    if y_after:
        stated = re.search(_KIND_ALT, y_after.group(2))
        return KINDS[stated.group(0)] if stated else "full", int(y_after.group(1))
    if y_before and plain:
        return "full", int(y_before.group(1))
    return None


@extractor("NEAR members", applies=is_near_document)
def extract_members(w: FactWriter) -> None:
    """Members by country, observers, stated totals and joinings."""
    extract_country_lists(w)
    extract_observer_list(w)
    extract_stated_counts(w)
    extract_joinings(w)
