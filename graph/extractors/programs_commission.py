"""A council's review of an outsourced (민간위탁) programme: the programme, its operators over time,
its budgets by year, its sub-projects, and the facility it runs (store, address, sales by year).

Operator terms are ``gy:OperatorTerm`` nodes (operator, start and end date, as the history lists
them). Yearly budgets and sales are ``gy:Figure`` nodes. Where totals and parts disagree, or two
passages give different facts (two street numbers for the store), both stay, with a note.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Literal, URIRef

from graph.dates import expand_year, parse_date
from graph.extractors import extractor, text_contains
from graph.extractors.programs_common import check_total, figure, partner_of, program, table_numbers
from graph.extractors.text import nonblank
from graph.facts import FactWriter
from graph.numbers import amount_in, clean, million_krw
from graph.registry import Entity
from ontology.namespaces import GY, SCHEMA

OPERATOR = re.compile(r"민간위탁\((?P<org>(?:\([^)]*\))?[^()]+)\)")
TERM = re.compile(r"(?P<a>\d{4}\.\s*\d{1,2}\.\s*\d{1,2}\.?)\s*~\s*(?P<b>\d{4}\.\s*\d{1,2}\.\s*\d{1,2})")
UNTIL = re.compile(r"~\s*(?P<b>['`’]?\d{2}\.\s*\d{1,2}\.\s*\d{1,2})")
KV = re.compile(r"^[-○▶□]?\s*(?:[가-힣]\.\s*)?(?P<key>[가-힣 ]{2,12}?)\s*[:：]\s*(?P<value>.+)$")


@extractor("outsourced programme", applies=text_contains("민간위탁", "수탁"))
def extract_commission(w: FactWriter) -> URIRef | None:
    """Everything the review states about the outsourced programme."""
    name, line = _programme_name(w)
    if name is None:
        return None
    runner = partner_of(w, name)
    node = program(w, name, line, run_by=runner.iri if runner else None)
    terms = _operators(w, node)
    _budget(w, node)
    _yearly_table(w, node)
    _subprojects(w, node)
    store = _facility(w, node)
    w.report.summary("programmes", f"{w.doc.id}: ‘{name}’ with {terms} operator terms"
                                   + (f", facility {store.name_ko}" if store else ""))
    return node


def _programme_name(w: FactWriter) -> tuple[str | None, int]:
    for n, line in nonblank(w.doc):
        m = re.search(r"위탁사무명\s*[:：]\s*(?P<name>.+)$", line)
        if m:
            return re.sub(r"\s*운영$", "", m.group("name").strip()), n
    return None, 0


def _operators(w: FactWriter, node: URIRef) -> int:
    """History lines ``('18.12.28.) … 민간위탁(슬로푸드문화원) 위·수탁 협약체결`` → operator terms."""
    rows = list(nonblank(w.doc))
    count = 0
    for i, (n, line) in enumerate(rows):
        m = OPERATOR.search(line)
        start = parse_date(line[:14])
        if not m or start is None:
            continue
        r = w.resolve(m.group("org"), n, kinds=("organization",))
        if r.entity is None:
            continue
        count += 1
        operator = w.entity(r.entity, m.group("org"))
        term = w.node("operatorterm", f"{w.doc.id.split('_', 1)[0]}-{r.entity.id}-{start.isoformat()}",
                      GY.OperatorTerm, n)
        w.add(term, GY.program, node)
        w.add(term, GY.operator, operator)
        w.add(node, GY.runBy, operator)
        w.add(term, SCHEMA.startDate, w.date(start))
        w.add(term, GY.statedAs, Literal(line.lstrip("-ㅇo "), lang="ko"))
        until = UNTIL.search(line)
        nxt = rows[i + 1] if i + 1 < len(rows) else (n, "")
        period = TERM.search(nxt[1])
        if period and "기간" in nxt[1]:
            begin, end = parse_date(period.group("a")), parse_date(period.group("b"))
            if begin and end:
                w.add(term, GY.termStart, w.date(begin))
                w.add(term, SCHEMA.endDate, w.date(end))
                w.derived(term, nxt[0])
        elif until:
            end = parse_date(until.group("b"))
            if end:
                w.add(term, SCHEMA.endDate, w.date(end))
    return count


def _budget(w: FactWriter, node: URIRef) -> None:
    """``소요예산 : 금 1,406백만원('23년 예산)`` and ``…민간위탁금(안)은 1,200,052천원``."""
    for n, line in nonblank(w.doc):
        m = re.search(r"소요예산\s*[:：]\s*(?P<v>.+)$", line)
        if m and (amount := million_krw(m.group("v"))) is not None:
            w.add(node, GY.budgetMillionKRW, w.decimal(amount))
            y = re.search(r"['`’](\d{2})년", m.group("v"))
            figure(w, node, "소요예산", amount, "백만원", n, year=expand_year(int(y.group(1))) if y else None)
        m = re.search(r"(?P<y>\d{4})년도\s*민간위탁금\(안\)은\s*(?P<v>[\d,]+천원)", line)
        if m and (amount := million_krw(m.group("v"))) is not None:
            figure(w, node, "민간위탁금(안)", amount, "백만원", n, year=int(m.group("y")))


def _yearly_table(w: FactWriter, node: URIRef) -> None:
    """A table with a row per year (``'23년 753,841 363,360 288,388 1,405,589``) under a header of items."""
    unit, header = "천원", []
    for n, line in nonblank(w.doc):
        u = re.search(r"단위\s*[:：]\s*(천원|백만원|원)", line)
        if u:
            unit = u.group(1)
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if cells and cells[0] == "연도":
            header = cells[1:]
            continue
        y = re.fullmatch(r"['`’]?(\d{2}|\d{4})년", cells[0]) if cells else None
        if not (header and y):
            continue
        year = expand_year(int(y.group(1)))
        values = [amount_in(c, unit) for c in cells[1:]]
        for item, value in zip(header, values, strict=False):
            if value is not None:
                figure(w, node, f"민간위탁금 {item}", value, "백만원", n, year=year)
        if header[-1] in ("계", "합계") and len(values) == len(header) and None not in values:
            check_total(w, node, f"{year}년 {header[-1]}", values[-1], values[:-1], n, "백만원")


def _subprojects(w: FactWriter, node: URIRef) -> None:
    """The year's project table: named rows with a budget, then subtotal and total rows of numbers only."""
    rows = list(nonblank(w.doc))
    start = next((i for i, (_, line) in enumerate(rows) if "세부사업명" in line and "예" in line), None)
    if start is None:
        return
    unit = "천원" if "천원" in rows[start][1] else "백만원"
    group: list[Decimal] = []
    groups: list[Decimal] = []
    first = rows[start][0]
    for n, line in rows[start + 1:]:
        cells = [c.strip() for c in line.split("\t")]
        if line.startswith("["):
            break
        nums = table_numbers(cells)
        names = [c for c in cells if re.search(r"[가-힣]{2}", c) and not re.fullmatch(r"[가-힣 ]*사업", c)]
        if names and nums:
            sub = program(w, names[0].split("•")[0], n, parent=node)
            amount = amount_in(str(nums[0]), unit)
            w.add(sub, GY.budgetMillionKRW, w.decimal(amount))
            group.append(amount)
            if len(cells) > 1 and cells[-1] and not re.fullmatch(r"[\d,]+", cells[-1]):
                w.add(sub, GY.target, Literal(cells[-1], lang="ko"))
        elif names:
            program(w, names[0].split("•")[0], n, parent=node)
            w.note(node, f"line {n}: the budget of ‘{names[0][:30]}’ is not printed (unreadable cell)", n)
        elif nums and not names:
            total = amount_in(str(nums[0]), unit)
            if group:
                check_total(w, node, f"subtotal on line {n}", total, group, (first, n), "백만원")
                groups.append(total)
                group = []
            elif groups:
                check_total(w, node, f"total on line {n}", total, groups, (first, n), "백만원")
                figure(w, node, "사업비 합계", total, "백만원", n)


def _facility(w: FactWriter, node: URIRef) -> Entity | None:
    """The facility the programme runs: name, opening date, addresses, floor area, yearly sales and visitors."""
    store = None
    addresses: list[tuple[int, str]] = []
    for n, line in nonblank(w.doc):
        m = KV.match(line)
        if not m:
            continue
        key, value = m.group("key").replace(" ", ""), m.group("value").strip()
        if key == "시설명":
            store = partner_of(w, value)
            if store is not None:
                w.add(node, GY.facility, store.iri)
        elif store is not None and key == "개관일자" and (d := parse_date(value)):
            w.add(store.iri, SCHEMA.foundingDate, w.date(d))
            w.derived(store.iri, n)
        elif store is not None and key in ("소재지", "위치"):
            addresses.append((n, value))
            w.add(store.iri, SCHEMA.address, Literal(value, lang="ko"))
            w.derived(store.iri, n)
        elif store is not None and key == "규모":
            area = re.search(r"(\d[\d,.]*)\s*m", value)
            if area:
                w.add(store.iri, GY.floorAreaM2, w.decimal(Decimal(area.group(1).replace(",", ""))))
    if store is not None:
        _street_numbers(w, store, addresses)
        _sales(w, store)
    return store


def _street_numbers(w: FactWriter, store: Entity, addresses: list[tuple[int, str]]) -> None:
    numbers = {m.group(0) for _, a in addresses if (m := re.search(r"[가-힣]+로\s*\d+", a))}
    if len(numbers) > 1:
        lines = (addresses[0][0], addresses[-1][0])
        text = f"the document gives different street addresses: {', '.join(sorted(numbers))}"
        w.note(store.iri, text, lines)
        w.report.add_issue("inconsistency", w.doc.id, lines[0], store.name_ko, text)


def _sales(w: FactWriter, store: Entity) -> None:
    """Rows ``계(백만원) 9,211 8,852 4,523`` and ``방문자 수(명) …`` under a header of years."""
    years: list[str] = []
    for n, line in nonblank(w.doc):
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        found = [c for c in cells if re.fullmatch(r"\d{4}(?:\.\d{1,2})?", c)]
        if len(found) >= 2:
            years = found
            continue
        if not years or not cells:
            continue
        label = next((c for c in cells if re.search(r"계\(백만원\)|방문자", c)), None)
        values = table_numbers(cells)
        if label is None or len(values) != len(years):
            continue
        unit = "백만원" if "백만원" in label else "명"
        measure = "매출액" if unit == "백만원" else "방문자 수"
        for y, value in zip(years, values, strict=False):
            figure(w, store.iri, measure + (f" ({y}까지)" if "." in y else ""), clean(value), unit, n,
                   year=int(y[:4]))
