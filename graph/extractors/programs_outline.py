"""Programme status reports with an outline per sub-programme (``- 추진지역: … - 예산소요: …``).

The report's headline table gives the runner, total budget and overall achievement rate; each
outline block becomes a sub-programme with its partner (the most specific region or organisation
named in 추진지역), field, budget, collaborating department; the result tables add achievement
rates by name; the 협력 사항 section adds collaborators. A total that its parts do not add up to
is kept as printed, with a note.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Literal, URIRef

from graph.extractors import extractor, text_contains
from graph.extractors.programs_common import check_total, figure, label_of, partner_of, program
from graph.extractors.text import nonblank, report_year
from graph.facts import FactWriter
from graph.numbers import million_krw, percent
from graph.registry import normalize_name
from ontology.namespaces import GY

ITEM = re.compile(r"^[-○•]?\s*(?P<key>추진지역|교류분야|예산소요|협업부서|협업기관)\s*[:：]\s*(?P<value>.+)$")
HEADING = re.compile(r"^[-○•]\s*(?P<name>[^:：]{3,40})$")


@extractor("programme outline", applies=text_contains("추진지역", "예산소요"))
def extract_outline(w: FactWriter) -> list[URIRef]:
    """The umbrella programme and its sub-programmes."""
    umbrella, header = _umbrella(w)
    blocks = _blocks(w)
    subs: dict[str, URIRef] = {}
    budgets: list[Decimal] = []
    for name, first, items in blocks:
        last = max(n for n, _, _ in items)
        node = program(w, name, (first, last), parent=umbrella)
        for run_by in w.graph.objects(umbrella, GY.runBy):
            w.add(node, GY.runBy, run_by)
        subs[normalize_name(name)] = node
        for n, key, value in items:
            budget = _item(w, node, key, value, n)
            if budget is not None:
                budgets.append(budget)
    _rates(w, subs)
    _collaborators(w, subs)
    total = next(w.graph.objects(umbrella, GY.budgetMillionKRW), None)
    if total is not None and budgets:
        check_total(w, umbrella, "총사업비", Decimal(str(total)), budgets, header, "백만원")
    w.report.summary("programmes", f"{w.doc.id}: {len(subs)} sub-programmes of ‘{label_of(umbrella, w)}’")
    return list(subs.values())


def _umbrella(w: FactWriter) -> tuple[URIRef, int]:
    """The report's own programme: the title line, and the headline table's runner, budget and rate."""
    title = re.split(r"\s*\(", w.doc.title_ko)[0].strip()
    title_line = next((n for n, line in nonblank(w.doc) if line == title), 1)
    node = program(w, title or w.doc.id, title_line)
    header = title_line
    for n, line in nonblank(w.doc, 1, 30):
        cells = [c.strip() for c in line.split("\t")]
        for key, value in zip(cells, cells[1:], strict=False):
            if key == "사업주체":
                r = w.resolve(value, n, kinds=("region", "organization"))
                if r.entity is not None:
                    w.add(node, GY.runBy, w.entity(r.entity, value))
                    header = n
            elif key == "총사업비" and (amount := million_krw(value)) is not None:
                w.add(node, GY.budgetMillionKRW, w.decimal(amount))
                w.derived(node, n)
                header = n
            elif "이행률" in key and (rate := percent(value)) is not None:
                w.add(node, GY.achievementRate, w.decimal(rate))
                w.derived(node, n)
    return node, header


def _blocks(w: FactWriter) -> list[tuple[str, int, list[tuple[int, str, str]]]]:
    """``(name, line, [(line, key, value)…])`` for each heading followed by 추진지역/… items."""
    rows = list(nonblank(w.doc))
    out = []
    for i, (n, line) in enumerate(rows):
        h = HEADING.match(line)
        if not h or ITEM.match(line) or i + 1 >= len(rows) or not ITEM.match(rows[i + 1][1]):
            continue
        items = []
        for n2, text in rows[i + 1:]:
            m = ITEM.match(text)
            if not m:
                break
            items.append((n2, m.group("key"), m.group("value").strip()))
        out.append((h.group("name").strip(), n, items))
    return out


def _item(w: FactWriter, node: URIRef, key: str, value: str, n: int) -> Decimal | None:
    if key == "추진지역":
        partner = partner_of(w, value)
        if partner is not None:
            w.add(node, GY.partner, partner.iri)
        w.add(node, GY.partnerText, Literal(value, lang="ko"))
    elif key == "교류분야":
        w.add(node, GY.field, Literal(value, lang="ko"))
    elif key == "예산소요":
        amount = million_krw(value)
        if amount is not None:
            w.add(node, GY.budgetMillionKRW, w.decimal(amount))
            return amount
    elif key in ("협업부서", "협업기관"):
        w.add(node, GY.collaboratingDepartment, Literal(value, lang="ko"))
    w.derived(node, n)
    return None


def _rates(w: FactWriter, subs: dict[str, URIRef]) -> None:
    """Rows starting with a sub-programme's name: the overall table's last % is its achievement rate,
    the yearly table's % is the rate for that year."""
    year = report_year(w.doc)
    section = ""
    for n, line in nonblank(w.doc):
        if line.startswith("["):
            section = line
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if not cells or normalize_name(cells[0]) not in subs:
            continue
        node = subs[normalize_name(cells[0])]
        rates = [percent(c) for c in cells[1:] if re.fullmatch(r"\d+(?:\.\d+)?\s*%", c)]
        if not rates:
            continue
        if "총괄" in section:
            w.add(node, GY.achievementRate, w.decimal(rates[-1]))
            w.derived(node, n)
        elif "실적" in section:
            figure(w, node, "이행률", rates[-1], "%", n, year=year)


def _collaborators(w: FactWriter, subs: dict[str, URIRef]) -> None:
    """The 협력 사항 section: a heading naming a sub-programme, then ``- body: role`` lines."""
    rows = list(nonblank(w.doc))
    start = next((i for i, (_, line) in enumerate(rows) if line == "협력 사항"), None)
    if start is None:
        return
    current: URIRef | None = None
    for n, line in rows[start + 1:]:
        body = re.match(r"^-\s*(?P<who>[^:：]+)[:：]\s*(?P<what>.+)$", line)
        if body is None:
            current = _closest(line, subs)
            continue
        if current is None:
            continue
        for who in re.split(r"\s*,\s*", body.group("who")):
            r = w.registry.resolve(who, kinds=("organization",))
            if r.entity is not None:
                w.add(current, GY.collaborator, w.entity(r.entity, who))
                if r.entity.org_kind == "university" and any(
                        "대학" in str(o) for o in w.graph.objects(current, GY.collaboratingDepartment)):
                    w.add(current, GY.partner, r.entity.iri)
            else:
                w.add(current, GY.collaboratingDepartment, Literal(who, lang="ko"))
            w.derived(current, n)


def _closest(heading: str, subs: dict[str, URIRef]) -> URIRef | None:
    """The sub-programme whose name shares most words with ``heading`` (at least two)."""
    words = set(re.findall(r"[가-힣A-Za-z]+", heading))
    best, score = None, 1
    for key, node in subs.items():
        overlap = sum(1 for word in words if word in key)
        if overlap > score:
            best, score = node, overlap
    return best

