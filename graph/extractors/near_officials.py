"""Officials of the NEAR documents, as ``gy:Official`` holding an ``org:Post`` (curated facts).

The sentences, event paragraphs and ``국제관계대사: 홍길동(대구), …`` lists are read by the general people
reader (:mod:`graph.readers.people`: name – place – title in every order, diplomats, names sharing a title);
this module adds what only these documents' layouts hold: the secretariat's staff list (a title line, then a
name line) and signature lines (``포항시장   이 강 덕``). Posts and dated tenures are written by
:mod:`graph.readers.posts`.
"""

from __future__ import annotations

import re

from graph.extractors import extractor
from graph.extractors.names import is_near_document, resolve_in_context
from graph.extractors.text import nonblank, report_year
from graph.facts import FactWriter
from graph.readers.people import document_posts, write_post
from graph.readers.posts import collapse_spaced, hold, official, titles
from graph.registry import Entity, normalize_name
from ontology.namespaces import GY


@extractor("NEAR officials", applies=is_near_document)
def extract_officials(w: FactWriter) -> int:
    """Every person–post statement of the document: sentences (the general reader), lists, staff, signatures."""
    posts = document_posts(w)
    for p in posts:
        write_post(w, p)
    seen = {(normalize_name(p.name), p.org.id, p.role) for p in posts}
    count = len(posts) + extract_staff(w, seen) + extract_signatures(w, seen)
    if count:
        w.report.summary("officials", f"{w.doc.id}: {count} person–post statements")
    return count


def extract_staff(w: FactWriter, seen: set) -> int:
    """The secretariat's staff list: a title line (``기획홍보부장(경상북도)``) followed by a name line."""
    rows = list(nonblank(w.doc))
    year = report_year(w.doc)
    starts = [i for i, (_, line) in enumerate(rows) if re.match(r"^\d+\.\s*사무국\s*직원", line)]
    count = 0
    secretariat = w.registry.get("near-secretariat")
    for i in starts:
        j = i + 1
        while j + 1 < len(rows):
            (n1, role_line), (n2, name_line) = rows[j], rows[j + 1]
            role_m = re.match(rf"^(?P<role>[가-힣A-Za-z]+?(?:{'|'.join(titles())}))(?:\((?P<from>[^)]+)\))?$",
                              role_line.replace(" ", "")) or re.match(r"^(?P<role>[가-힣A-Za-z][가-힣A-Za-z ]{1,29})"
                                                                     r"(?P<from>)$", role_line.strip())
            if not role_m or not re.match(r"^[가-힣 ]{2,20}$", name_line):
                break
            name = collapse_spaced(name_line)
            person = official(w, name, None, (n1, n2))
            hold(w, person, w.entity(secretariat), secretariat.name_ko, role_m.group("role"), (n1, n2), year)
            seen.add((normalize_name(name), secretariat.id, role_m.group("role")))
            if role_m.group("from"):
                r = resolve_in_context(w, role_m.group("from"), n1, report=False)
                if r.entity is not None:
                    w.add(person, GY.seconded, r.entity.iri)
            count += 1
            j += 2
    return count


def extract_signatures(w: FactWriter, seen: set) -> int:
    """Signature lines: ``동북아시아지방정부연합 의장(랴오닝성 성장) 리 러 청``, ``포항시장   이 강 덕``."""
    year = report_year(w.doc)
    count = 0
    for n, line in nonblank(w.doc):
        m = re.match(r"^(?P<pre>\S.*?)\s{2,}(?P<name>(?:[가-힣]\s){1,3}[가-힣])$", line)
        if not m:
            continue
        name = collapse_spaced(m.group("name"))
        for place, role in _signature_posts(w, m.group("pre")):
            key = (normalize_name(name), place.id, role)
            if key in seen:
                continue
            seen.add(key)
            hold(w, official(w, name, None, n), w.entity(place), place.name_ko, role, n, year)
            count += 1
    return count


def _signature_posts(w: FactWriter, pre: str) -> list[tuple[Entity, str]]:
    """``경상북도지사`` → (경상북도, 지사); ``NEAR 의장(랴오닝성 성장)`` → (NEAR, 의장), (랴오닝성, 성장)."""
    out: list[tuple[Entity, str]] = []
    for part in [re.sub(r"\(.*\)", "", pre), *re.findall(r"\(([^)]*)\)", pre)]:
        part = part.strip()
        m = re.match(rf"^(?P<org>.+?)\s*(?P<title>{'|'.join(sorted(titles(), key=len, reverse=True))})$", part)
        if not m:
            continue
        for org_text, title in ((m.group("org"), m.group("title")), (m.group("org") + m.group("title")[0],
                                                                       m.group("title")[1:])):
            r = w.registry.resolve(org_text, kinds=("region", "organization"))
            if r.entity is not None and title in titles():
                out.append((r.entity, title))
                break
    return out
