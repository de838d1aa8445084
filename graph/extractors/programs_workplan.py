"""A foundation's monthly work plan: its teams (``【…】`` section markers), its programmes with budgets
and progress rates, its budget execution; totals that do not add up are noted, not corrected."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from rdflib import Literal, URIRef

from graph.extractors import extractor, text_contains
from graph.extractors.programs_common import check_total, figure, partner_of, program, table_numbers
from graph.extractors.text import Stream, nonblank, report_year
from graph.facts import FactWriter
from graph.numbers import amount_in, million_krw, percent
from ontology.namespaces import GY, ORG, RDFS

TEAM = re.compile(r"【([^【】]+)】\s*$")
NUMBERED_ROW = re.compile(r"(?:^|\n)(?P<n>\d{1,2})\s+(?P<name>[^\n\d§]+?(?:\n[^\n\d§]{1,12}?)?)\s*(?P<budget>\d[\d,]+)"
                          r"\s*(?:\n\s*)?(?P<rate>\d{1,3})%")
PLAN_ROW = re.compile(r"(?:^|\n)(?P<name>[^\n]*?사업)\s+(?:(?P<period>`?\d{2}\.\s*\d{1,2}\.\s*\n?~\s*\d{1,2}\.)\s*\n?)?"
                      r"(?P<budget>\d[\d,]*)\s+-\s+(?P<desc>[^\n]+)")


@extractor("foundation work plan", applies=text_contains("업무추진계획", "【"))
def extract_workplan(w: FactWriter) -> None:
    """Teams, programmes and figures of the work plan."""
    foundation = partner_of(w, " ".join(w.doc.lines[:3]))
    if foundation is None:
        return
    org = w.entity(foundation)
    teams = _teams(w, org)
    programmes = _progress_tables(w, org) + _plan_tables(w, org) + _named_budgets(w, org)
    _execution(w, org)
    _row_totals(w, org)
    w.report.summary("programmes", f"{w.doc.id}: {foundation.name_ko}: {teams} teams, {programmes} programmes")


def _teams(w: FactWriter, org: URIRef) -> int:
    names = []
    for n, line in nonblank(w.doc):
        m = TEAM.search(line)
        if m and m.group(1) not in names:
            names.append(m.group(1))
            unit = w.node("unit", f"{org.rsplit('/', 1)[-1]}-{m.group(1)}", ORG.OrganizationalUnit, n,
                          label_ko=m.group(1))
            w.add(unit, ORG.unitOf, org)
            w.add(org, ORG.hasUnit, unit)
    return len(names)


def _team_at(w: FactWriter, org: URIRef, line: int) -> URIRef | None:
    for n in range(line, 0, -1):
        m = TEAM.search(w.doc.line(n))
        if m:
            return w.node("unit", f"{org.rsplit('/', 1)[-1]}-{m.group(1)}", ORG.OrganizationalUnit, n)
    return None


def _headings(w: FactWriter, pattern: str) -> Iterator[tuple[list[tuple[int, str]], int, int, re.Match]]:
    """Every non-blank line that ``pattern`` matches at its start: the non-blank rows, its index among them, its line
    number and the match."""
    rows = list(nonblank(w.doc))
    for i, (n, line) in enumerate(rows):
        if m := re.match(pattern, line):
            yield rows, i, n, m


def _progress_tables(w: FactWriter, org: URIRef) -> int:
    """``▣ <programme> 추진현황`` + ``총사업비``/``사업량`` + a numbered table of projects with budget and rate."""
    count = 0
    for rows, i, n, m in _headings(w, r"^▣\s*(?P<name>.+?사업)\s*추진현황"):
        end = next((n2 for n2, t in rows[i + 1:] if t.startswith("▣")), rows[-1][0])
        parent = program(w, m.group("name"), (n, end), run_by=_team_at(w, org, n) or org)
        count += 1
        stream = Stream.of(w.doc, n + 1, end - 1, rows=True)
        total = re.search(r"총사업비\s*:\s*(?P<v>[^\n(]+)", stream.text)
        if total and (amount := million_krw(total.group("v"))) is not None:
            w.add(parent, GY.budgetMillionKRW, w.decimal(amount))
        period = re.search(r"추진기간\s*:\s*(?P<v>[^\n]+)", stream.text)
        if period:
            w.add(parent, GY.period, Literal(period.group("v").strip(), lang="ko"))
        size = re.search(r"사\s*업\s*량\s*:\s*(?P<v>[^\n]+)", stream.text)
        stated = re.search(r"(\d+)\s*개\s*사업", size.group("v")) if size else None
        overall = re.search(r"\d+\s*개\s*사업\s+(\d{1,3})%", stream.text)
        if overall:
            w.add(parent, GY.achievementRate, w.decimal(Decimal(overall.group(1))))
        unit = "천원" if "천원" in stream.text else "백만원"
        listed = 0
        for r in NUMBERED_ROW.finditer(stream.text):
            lines = stream.span(r.start("n"), r.end())
            sub = program(w, r.group("name").replace("\n", " "), lines, parent=parent)
            w.add(sub, GY.budgetMillionKRW, w.decimal(amount_in(r.group("budget"), unit)))
            w.add(sub, GY.achievementRate, w.decimal(Decimal(r.group("rate"))))
            listed += 1
            count += 1
        if stated and listed and listed != int(stated.group(1)):
            w.note(parent, f"the document states {stated.group(1)} projects; its table lists {listed}", (n, end))
    return count


def _plan_tables(w: FactWriter, org: URIRef) -> int:
    """A plan table (단위 : 백만원) with rows ``<name>사업 <period> <budget> - <description>``."""
    count = 0
    year = report_year(w.doc)
    for n, line in nonblank(w.doc):
        if not re.search(r"사\s*업\s*명\s+사업기간\s+사업비", line):
            continue
        stream = Stream.of(w.doc, n + 1, min(n + 12, len(w.doc.lines)), rows=True)
        before = "\n".join(w.doc.lines[max(0, n - 6):n])
        unit = "천원" if "천원" in before else "백만원"
        for r in PLAN_ROW.finditer(stream.text):
            lines = stream.span(r.start("name"), r.end())
            node = program(w, r.group("name").lstrip("`0123456789년 "), lines, run_by=_team_at(w, org, n) or org)
            w.add(node, GY.budgetMillionKRW, w.decimal(amount_in(r.group("budget"), unit)))
            w.add(node, RDFS.comment, Literal(r.group("desc").strip(), lang="ko"))
            if r.group("period"):
                w.add(node, GY.period, Literal(re.sub(r"\s+", " ", r.group("period")), lang="ko"))
            elif year:
                w.add(node, GY.period, Literal(f"{year + 1}", lang="ko"))
            count += 1
    return count


def _named_budgets(w: FactWriter, org: URIRef) -> int:
    """``(사 업 명) 표고융복합사업`` followed by ``(사업예산) 200,000천원``."""
    count = 0
    for rows, i, n, m in _headings(w, r"^\(사\s*업\s*명\)\s*(?P<name>.+)$"):
        node = program(w, m.group("name"), n, run_by=_team_at(w, org, n) or org)
        count += 1
        for n2, text in rows[i + 1:i + 4]:
            b = re.match(r"^\(사업예산\)\s*(?P<v>.+)$", text)
            if b and (amount := million_krw(b.group("v"))) is not None:
                w.add(node, GY.budgetMillionKRW, w.decimal(amount))
                w.derived(node, n2)
    return count


def _execution(w: FactWriter, org: URIRef) -> None:
    """``▣ 예산집행현황``: budget, spent, balance and rate per item, the 계 row checked against the items."""
    rows = list(nonblank(w.doc))
    start = next((i for i, (_, line) in enumerate(rows) if "예산집행현황" in line), None)
    if start is None:
        return
    year = report_year(w.doc)
    totals: list[Decimal] = []
    parts: list[list[Decimal]] = []
    first = rows[start][0]
    for n, line in rows[start + 2:start + 12]:
        cells = line.split()
        if not cells or cells[0].startswith("▣"):
            break
        values = [amount_in(c, "천원") if c != "-" else Decimal(0) for c in cells[1:4]]
        if cells[0] in ("구", "구분") or None in values:
            continue
        for measure, value in zip(("예산액", "지출액"), values, strict=False):
            figure(w, org, f"{cells[0]} {measure}", value, "백만원", n, year=year)
        rate = percent(cells[-1] + "%") if re.fullmatch(r"\d+(?:\.\d+)?", cells[-1]) else None
        if rate is not None:
            figure(w, org, f"{cells[0]} 집행율", rate, "%", n, year=year)
        if cells[0] == "계":
            totals = values
        else:
            parts.append(values)
    if totals and parts:
        check_total(w, org, "예산액 계", totals[0], [p[0] for p in parts], (first, rows[start + 2][0]), "백만원")


def _row_totals(w: FactWriter, org: URIRef) -> None:
    """Rows under a header whose first value column is 합계/계 (or last is 누계): total vs its parts."""
    header: list[str] = []
    for n, line in nonblank(w.doc):
        cells = line.split()
        totals_at = cells[1:3] + cells[-1:]
        if len(cells) > 3 and cells[0] in ("구분", "구") and any(c in ("합계", "계", "누계") for c in totals_at):
            header = cells
            continue
        if not header or len(cells) < 4:
            header = header if len(cells) >= 4 else []
            continue
        values = table_numbers(cells[1:])
        if len(values) < 3 or len(values) != len(cells) - 1:
            continue
        total_first = "합계" in header[1:3] or header[1:2] == ["계"]
        total, rest = (values[0], values[1:]) if total_first else (values[-1], values[:-1])
        if cells[0] in ("비율",) or "평균" in cells[0]:
            continue
        check_total(w, org, f"{cells[0]} (line {n})", total, rest, n, "천원")

