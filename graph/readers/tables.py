"""The general table reader: rows of pipe- or tab-separated cells → agreement candidates.

* **Tables** are runs of lines with cells separated by tabs or ``" | "`` (DOCX/HWPX rows arrive so).
* **Column roles** come from header words (:mod:`graph.readers.table_headers`) and, for columns the header does not
  name, from the cells: mostly dates → date; mostly registry regions or place names → party; mostly
  country words → country; mostly relation words → relation.
* **Parties**: two party columns give both parties of each row; one party column pairs each row
  with the subject of the table (the region named in the heading or title, :mod:`graph.readers.context`).
* **Groups**: a label printed only on the first row of its group (a country, the Korean party of a
  consulate table) applies to the rows below; a row holding only such a label sets it.
* **Continuations**: a row with empty leading cells belongs to the row above — with a date (and a word
  such as 재체결 or 갱신) it is a further signing of the same parties, without one its text adds to
  the fields of the row above.

Tables are found by :mod:`graph.readers.table_rows`, their columns named by :mod:`graph.readers.table_columns`,
judged by :mod:`graph.readers.table_topic` (signings, or visits and events), their party columns laid out by
:mod:`graph.readers.table_layout` and a row's signing dates read by :mod:`graph.readers.table_dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.dates import DateMention, StatedDate, find_dates
from graph.facts import FactWriter
from graph.readers.candidates import AgreementCandidate, Candidates
from graph.readers.context import (
    BULLET,
    Context,
    context_at,
    headings_above,
    is_activity,
    is_place_word,
    lead_region,
    relation_near,
)
from graph.readers.entities import (
    BODY_ENDING,
    Party,
    country_in,
    country_named,
    glossed_party,
    place_level,
    resolve_party,
    within,
)
from graph.readers.relations import (
    DEFAULT_RELATION,
    end_words,
    is_intent,
    is_renewal,
    relation_of,
    states_signing,
    states_signing_verb,
)
from graph.readers.table_columns import assign_roles, looks_like_place, name_dates, unfold_dated_names
from graph.readers.table_dates import (
    UPGRADE,
    after,
    fold_date_parts,
    planned_cell,
    reference_date,
    row_dates,
    signing_clauses,
)
from graph.readers.table_groups import split_groups
from graph.readers.table_layout import TableLayout, layout_of
from graph.readers.table_prose import read_prose
from graph.readers.table_records import record_tables
from graph.readers.table_remarks import read_remarks
from graph.readers.table_rows import LABEL_CHARS, Row, Table, find_tables
from graph.readers.table_schedules import read_schedule
from graph.readers.table_timelines import read_timeline, settle_placeless
from graph.readers.table_topic import about_agreements

#: Levels of the regions that hold cities (a state, a province): named after a city, its parent, not a partner.
UPPER_LEVELS = ("province", "state", "prefecture", "aimag", "krai", "oblast", "republic", "autonomous region")
#: Longest name fragment continued on the next row.
FRAGMENT_CHARS = 3
_NAME_SEPARATORS = re.compile(r"\s*[·ㆍ,、/]\s*|\s+및\s+")
#: A Latin gloss after a Hangul name in one cell (``투브아이막 Töv Province``, ``서울 마포구 Mapo-gu, Seoul``).
_LATIN_GLOSS = re.compile(r"(?<=[가-힣)\]])\s+[A-Za-zÀ-ÿ][^가-힣]*$")
#: A unit cell naming its parent's own office (``본청``, ``도 본청``, ``도청``): the parent region itself signs.
_OWN_OFFICE = re.compile(r"^\s*\(?\s*(?:[도시군구]\s*)?(?:본청|청)\s*\)?\s*$")
#: Two parties written in one cell as a pair (``가나도 ↔ 다라현``): they sign with each other, not with the subject.
_PAIR_MARK = re.compile(r"\s*(?:↔|⇔|<->|⟷)\s*")
_CLAUSES = re.compile(r"\s*[,;，]\s*|\s+(?:및|이후|후)\s+")
_ENDED = re.compile(end_words("ended", "handed on"))
_LABEL_NOISE = re.compile(r"\(\s*\d+\s*(?:건|개|곳)?\s*\)|[:：]$")


@dataclass
class _State:
    """What carries down a table: group labels, parents and relation printed once, the parties of the last row."""

    country: str | None = None
    label_country: str | None = None
    label_parent: str | None = None
    label_subject: Party | None = None  # a Korean region labelling the rows below (■ 가나시 (2건)): their party
    parents: dict[int, str] = field(default_factory=dict)
    home: str = ""
    partner: str = ""
    relation: str | None = None
    column_relation: str | None = None
    last: AgreementCandidate | None = None
    as_of: StatedDate | None = None  # the date the table stands at (``2024. 12. 31. 기준``)


def read(w: FactWriter, skip: frozenset[int] = frozenset()) -> Candidates:
    """Agreement candidates from every table of the document (rows on ``skip`` lines are left alone), and the lines
    of the tables judged here — read as tables of signings, or headed tables found to sign nothing (visits, events,
    budgets, people: :func:`about_agreements`) — which the list reader then leaves alone (a visit row
    ``2024.8.1 | 미국 | 가나시 | 우호교류 협의`` signs nothing; a row read here is not read twice)."""
    out: list[AgreementCandidate] = []
    judged: set[int] = set()
    signed: set[int] = set()
    records = [(t, used) for t, used in record_tables(w, w.doc.lines) if not used & skip]
    pivoted = set().union(*(used for _, used in records))
    tables = [t for t, _ in records] + [t for t in find_tables(w.doc.lines, w.registry, labels=True)
                                        if not any(r.line in pivoted for r in t.rows)]
    for table in tables:  # records written key by key (가나시 | 체결일 | 2004. 6. 24.) read as one row per partner
        if any(r.line in skip for r in table.rows) or all(r.fields_only for r in table.rows if not r.label):
            continue  # a card's fields set apart by | are the list reader's
        fold_date_parts(table)  # 연 | 월 | 일 columns: one date cell
        assign_roles(w, table)
        signs = about_agreements(w, table)
        lines = range(table.first_line, table.rows[-1].line + 1)
        if not signs:
            judged.update(lines)
        unfolded = unfold_dated_names(w, table)
        if unfolded is not table:  # one row per dated name, under a header naming the signing date
            table, signs = unfolded, True
        roles = dict(table.roles)
        settle_placeless(w, table)  # 구분 | 자매도시 over 1995. 4. 12. | 자매결연 체결 | 가나시청: no party column
        scheduled: list[AgreementCandidate] = []
        if not table.columns("party") and not table.columns("parent"):
            steps = read_timeline(w, table)  # ■ 일본 가나시 / 일자 | 내용: one partner's steps
            if steps is not None:
                out.extend(steps)
                judged.update(lines)
                signed.update(r.line for r in table.rows)
                continue
            scheduled = read_schedule(w, table)  # 6. 10.(화) | 가나시 자매결연 협정 체결식: a trip's schedule
            out.extend(scheduled)
        table.roles = roles
        placed = bool(table.columns("party") or table.columns("parent"))
        if placed and (table.column("date") is None or not signs) and (found := read_schedule(w, table)):
            out.extend(found)  # 일자 | 장소 | 주요 일정: a trip's schedule with a place column, a row a signing
            signed.update(c.lines[0] for c in found)
            continue
        if not scheduled and (found := read_prose(w, table)):
            out.extend(found)  # 가나시와의 교류 실적은? | 1992. 6. 30. 자매결연을 체결하였음: a table of sentences
            judged.update(lines)
            signed.update(c.lines[0] for c in found)
            continue
        if (not signs or not placed and not scheduled) and (found := read_remarks(w, table)):
            # 일본 가나시 교류 | 방문단 5명 (1997. 6. 12. 결연): a budget row's remark; 9. 10. | 가나시 방문 | … |
            # 가나시–다라시 자매도시(2008년 체결): a schedule row's note on the place visited
            out.extend(found)
            signed.update(c.lines[0] for c in found)
            continue
        if table.column("date") is None or not placed:
            continue
        if not signs:
            w.report.add_issue("anomaly", w.doc.id, table.first_line, "table",
                               "dated rows of places with no word of a signing (events, visits, budgets): no facts")
            continue
        found = [c for part in split_groups(w, table) for c in read_table(w, part)]  # a table per group of columns
        out.extend(found or read_remarks(w, table))  # 청송군 교류 | 청송군과 일본 가나시의 자매결연(…) 기념: remarks
        judged.update(lines)
        signed.update(r.line for r in table.rows)
    return Candidates(out, frozenset(judged), frozenset(signed))


def read_table(w: FactWriter, table: Table) -> list[AgreementCandidate]:
    """Candidates of one table whose columns have roles."""
    ctx = context_at(w, table.first_line)
    layout = layout_of(w, table, ctx)
    if layout.home is None and ctx.subject is None and (
            lead := lead_region(w, partner_names=_partner_cells(table, layout))) is not None:
        ctx.subject = Party(lead.name_ko, lead)  # Gana City maintains ties with … above a table of its partners
    if layout.home is None and ctx.subject is None:
        w.report.add_issue("unresolved", w.doc.id, table.first_line, "table subject",
                           "no subject: one party column and no region named in the heading, the title or the office "
                           "that wrote it (a region in the partner column is a partner)")
        return []
    _merge_fragments(w, table, [c for c in (layout.home, layout.partner) if c is not None])
    state = _State(relation=ctx.relation, as_of=reference_date(w.doc.lines))
    nearest = headings_above(w, table.first_line, lookback=2)[:1]
    if table.header is None and nearest and len(nearest[0][1].strip()) <= LABEL_CHARS:
        _group_label(w, nearest[0][1], state, foreign_only=True)  # a group label just above a table's first row
    out: list[AgreementCandidate] = []
    for row in table.rows:
        out.extend(_read_row(w, table, row, layout, ctx, state))
    return out


def _partner_cells(table: Table, layout: TableLayout) -> list[str]:
    """The cells of ``table`` naming its partners (with their parents): no subject of the table."""
    columns = [c for c in (layout.partner, layout.parents.get(layout.partner)) if c is not None]
    return [" ".join(r.cell(c) for c in columns) for r in table.rows if not r.label and r.cell(layout.partner)]


def _merge_fragments(w: FactWriter, table: Table, party_cols: list[int]) -> None:
    """A row holding only the end of a name cell (``주`` under ``사우스캐롤라이나``) joins the row above; a whole
    name (``수원시`` under ``클리블랜드시``) is no end of another."""
    kept: list[Row] = []
    for row in table.rows:
        filled = [i for i, c in enumerate(row.cells) if c.strip()]
        above = kept[-1].cell(filled[0]) if kept and len(filled) == 1 else ""
        if above and not row.label and filled[0] in party_cols and place_level(above) is None \
                and len(row.cell(filled[0])) <= FRAGMENT_CHARS and place_level("가" + row.cell(filled[0])) \
                and not w.registry.candidates(row.cell(filled[0])):
            kept[-1].cells[filled[0]] = above + row.cell(filled[0])
            continue
        kept.append(row)
    table.rows = kept


def _group_label(w: FactWriter, text: str, state: _State, foreign_only: bool = False) -> bool:
    """A row that only labels the rows below (a country, a relation, a region grouping them): its effect on
    ``state``; ``False`` when the text is none of these. ``foreign_only``: only a foreign region counts."""
    text = _LABEL_NOISE.sub("", BULLET.sub("", text, count=1)).strip()
    country, relation = country_in(w.registry, text), relation_of(text)
    if foreign_only:
        found = w.registry.resolve(text, kinds=("region",))
        if found.entity is None or found.score < 1.0 or found.entity.country == "KR":
            return False
    if country or relation:
        state.country = country or state.country
        state.relation = relation or state.relation
        return True
    found = w.registry.resolve(text, kinds=("region",))
    if found.entity is not None and found.score == 1.0:
        if found.entity.country == "KR":
            state.label_parent, state.home = found.entity.id, ""
            state.label_subject = Party(text, found.entity)
        else:
            state.label_country, state.label_parent = found.entity.country, found.entity.id
        return True
    return place_level(text) is not None


def _read_row(w: FactWriter, table: Table, row: Row, layout: TableLayout, ctx: Context,
              state: _State) -> list[AgreementCandidate]:
    if row.label:
        _group_label(w, row.cells[0], state)
        return []
    dates = row_dates(table, row)
    country_cell = row.cell(table.column("country"))
    relation_cell = row.cell(table.column("relation"))
    filled = [c for c in row.cells if c.strip()]
    if country_cell:
        state.country = row_country(w, country_cell)  # a country the registry lacks: unknown, not the above
    if relation_cell and relation_of(relation_cell):
        state.column_relation = relation_of(relation_cell)
    if not dates and len(filled) == 1 and (country_named(w.registry, filled[0]) or relation_of(filled[0])):
        _group_label(w, filled[0], state)
        return []
    for child, parent in layout.parents.items():
        if row.cell(parent):
            state.parents[child] = row.cell(parent)
            if child == layout.home:
                state.home = ""
            if child == layout.partner:
                state.partner = ""
    partner_name = _name_cell(w, row.cell(layout.partner))
    if not partner_name and layout.partner in layout.parents and row.cell(layout.parents[layout.partner]):
        partner_name = row.cell(layout.parents[layout.partner])  # the group itself is the party on its own row
    home_name = _name_cell(w, row.cell(layout.home)) if layout.home is not None else ""
    if home_name and _OWN_OFFICE.match(home_name):  # 강원 | 본청: the province's own office is the province
        home_name = state.parents.get(layout.home, "") if layout.home in layout.parents else ""
    if not home_name and layout.home in layout.parents and row.cell(layout.parents[layout.home]):
        home_name = row.cell(layout.parents[layout.home])
    if home_name:
        state.home = home_name
    elif layout.home is not None and partner_name:
        home_name = state.home  # a group label printed on the first row of its group
    if partner_name:
        state.partner = partner_name
    elif home_name and row.cell(layout.home) and not country_cell:
        partner_name = state.partner  # the partner printed once for several Korean parties
    if not partner_name and not (layout.home is not None and row.cell(layout.home)):
        if not dates and (note := row.cell(layout.partner)):  # ※ 2021. 3. 22. 재체결 under a row, in its name column
            dates = [d for clause in signing_clauses(note) for d in find_dates(clause) if not is_intent(clause)]
        return _continuation(w, row, dates, state, table)
    if _PAIR_MARK.search(partner_name):
        return _pair_row(w, table, row, partner_name, dates, state, layout)
    named = name_dates(home_name) or name_dates(partner_name)  # 가나도(1998), 다라도(2010): each its own year
    if not (dates or named) or not partner_name or _event_cell(relation_cell) or _unsigned_log_cell(table, row) or (
            not relation_of(relation_cell) and _dated_event(row)):
        return []
    pairs = [_parties(w, row, h, p, ctx, state, layout)
             for h in _names(w, home_name, len(dates)) for p in _names(w, partner_name, len(dates))]
    if named and len(named) == len(pairs) and None not in pairs:
        dates = [DateMention(v, 0, 0, v.iso) for v in named]
    elif not dates:
        return []
    pairs = [_glossed(table, row, layout, p) for p in pairs if p is not None]
    if not pairs:
        return []
    row_text = " ".join(row.cells)
    # a plan of a further step (갱신 예정, 자매결연 격상 추진 중) or an event (기념행사 예정) leaves the signing
    further = [c for i, c in enumerate(row.cells) if is_intent(c) and (
        is_renewal(c) or UPGRADE in c or is_activity(c) or _own_planned_date(table, i, c, dates)
        or (dates and i in _plan_columns(table))
        or (table.roles.get(i) == "date" and planned_cell(c) and any(  # 재결연일 '25.03.26(예정) beside a signing
            row.cell(d) and find_dates(row.cell(d)) and not planned_cell(row.cell(d)) for d in table.columns("date"))))]
    stated = " ".join(c for c in row.cells if c not in further)
    typed = next((relation_of(table.header.cell(c)) for c in table.columns("date") if table.header is not None
                  and find_dates(row.cell(c), bare_years=True)), None)  # 자매결연 | 우호교류: the column's relation
    relation = (relation_of(relation_cell) or typed or state.column_relation or relation_of(stated) or state.relation
                or DEFAULT_RELATION)
    fields = tuple(f for f in (row.cell(table.column("fields")),) if f)
    steps = {} if relation_of(relation_cell) else _date_cell_relations(table, row)  # 1995. 우호 → 2007. 자매 격상
    intent = is_intent(stated)
    values = [d.value for d in dates] if named and len(named) == len(pairs) else list(
        dict.fromkeys(d.value for d in dates))
    # 가나시, 다라시 | 2015 / 2018: several parties in one cell, each with its date in the same order
    each = [[v] for v in values] if len(pairs) == len(values) > 1 else [list(dict.fromkeys(values))] * len(pairs)
    out = []
    for parties, own in zip(pairs, each, strict=True):
        confidence = _confidence(table, parties, dates[0].value.precision, layout)
        for found in own:  # a signing dated after the date the table stands at is a plan (재체결일 2025. 5. 9.)
            planned = intent or (state.as_of is not None and after(found, state.as_of))
            out.append(AgreementCandidate(parties, found, steps.get(found, relation), (row.line, row.line), confidence,
                                          intent=planned, fields=fields, reader="tables", quote=row_text.strip()))
    state.last = out[-1]
    return out


def _date_cell_relations(table: Table, row: Row) -> dict[StatedDate, str]:
    """The relation each date of a date cell holding several steps names beside it (``1995. 10. 16. 우호교류 →
    2007. 4. 자매결연 격상``: friendship, then sister), by date."""
    out: dict[StatedDate, str] = {}
    for c in table.columns("date"):
        found = find_dates(row.cell(c), bare_years=True)
        for d in found if len(found) >= 2 else ():
            if relation := relation_near(row.cell(c), d, found):
                out.setdefault(d.value, relation)
    return out


#: A country cell saying the partner is in Korea (``국내``): a domestic partner, read as a Korean region.
_DOMESTIC = re.compile(r"^\s*(?:국내|내국|국내\s*도시|국내\s*자치단체|domestic)\s*$", re.IGNORECASE)


def row_country(w: FactWriter, cell: str) -> str | None:
    """The country a row's country cell names; ``KR`` for a cell saying the partner is domestic (``국내``).

    >>> w = FactWriter.__new__(FactWriter); w.registry = __import__("graph.registry").registry.Registry.default()
    >>> row_country(w, "국내"), row_country(w, "중국"), row_country(w, "국외")
    ('KR', 'CN', None)
    """
    return "KR" if _DOMESTIC.match(cell) else country_named(w.registry, cell)


def _event_cell(cell: str) -> bool:
    """A row's relation cell stating an event or an end, not a signing (an exchange log's ``방문``, ``행사``, ``종료``):
    the row dates no signing.

    >>> _event_cell("방문"), _event_cell("교류 종료"), _event_cell("자매결연"), _event_cell("재체결"), _event_cell("")
    (True, True, False, False, False)
    """
    return bool(cell.strip()) and (is_activity(cell) or bool(_ENDED.search(cell))) and relation_of(cell) is None \
        and not states_signing(cell) and not is_renewal(cell)


def _dated_event(row: Row) -> bool:
    """Every date of the row stands beside an event and no relation (``대표단 방문 / 2019. 4. 2.``): the row dates
    a visit or an event, no signing (``우호교류 / 2011. 6. 7. 체결``, a date alone, or a signing date in a column of
    its own beside a note ``2014년 통합 후 교류 종료`` do).

    >>> cells = ("대표단 방문 / 2019. 4. 2.", "우호교류 / 2011. 6. 7.", "1998. 4. 2.")
    >>> [_dated_event(Row(1, ["가나시", c])) for c in cells], _dated_event(Row(1, ["가", cells[2], "교류 종료 2014"]))
    ([True, False, False], False)
    """
    events = []
    for cell in row.cells:
        found = find_dates(cell, bare_years=True)
        if found:
            rest = cell
            for d in reversed(found):
                rest = rest[:d.start] + " " + rest[d.end:]
            events.append(_event_cell(rest.strip(" /|·,()")))
    return bool(events) and all(events)


def _unsigned_log_cell(table: Table, row: Row) -> bool:
    """An exchange log's relation (구분) cell naming no relation, signing or renewal (``교류``, ``연수``) while another
    row's cell of that column states a signing or a renewal (``체결``, ``재체결``) and no cell of the row does: the row
    dates an activity (a youth exchange, a letter of intent in a log that types its signings ``체결``)."""
    column = table.column("relation")
    cell = row.cell(column)
    if column is None or not cell.strip() or relation_of(cell) or states_signing(cell) or is_renewal(cell) \
            or is_intent(cell) or any(states_signing_verb(c) or is_renewal(c) for c in row.cells):
        return False  # 교류 | 우호교류 협정 체결: the row's own words state its signing
    return any(other is not row and (states_signing_verb(c := other.cell(column)) or is_renewal(c))
               for other in table.rows)


def _pair_row(w: FactWriter, table: Table, row: Row, cell: str, dates: list[DateMention], state: _State,
              layout: TableLayout) -> list[AgreementCandidate]:
    """A row whose party cell names both sides (``가나도 ↔ 다라현``): their signing, if both are places — a pair of
    bodies (``가나대학교 ↔ 다라 상공회의소``) signs nothing of a region's — else none."""
    names = [n.strip() for n in _PAIR_MARK.split(cell) if n.strip()]
    if len(names) != 2 or not dates or any(BODY_ENDING.search(n) for n in names):
        return []
    parties = [resolve_party(w, re.sub(r"\([^)]*\)", "", n), row.line, country=c, place_context=False)
               for n, c in zip(names, (None, state.country), strict=True)]
    if None in parties or within(parties[0], parties[1]) or all(p.entity.country != "KR" for p in parties):
        return []
    pair = (parties[0], parties[1])
    relation = relation_of(" ".join(row.cells)) or state.column_relation or DEFAULT_RELATION
    planned = is_intent(" ".join(row.cells))
    return [AgreementCandidate(pair, d.value, relation, (row.line, row.line), _confidence(table, pair,
                               d.value.precision, layout), intent=planned, reader="tables", quote=" ".join(row.cells))
            for d in dates]


#: A header over a column of plans (향후 계획, 추진 계획, 향후 추진): its cells plan steps of their own.
_PLAN_HEADER = re.compile(r"계획|향후|추진\s*(?:일정|방향|사항)|plan", re.IGNORECASE)


def _plan_columns(table: Table) -> set[int]:
    """Columns headed as plans (``향후 계획``): a plan there leaves the signing the row's date cells date.

    >>> _plan_columns(Table([], Row(1, ["상대 지역", "최초 체결", "향후 계획"])))
    {2}
    """
    if table.header is None:
        return set()
    return {i for i, cell in enumerate(table.header.cells) if _PLAN_HEADER.search(cell)
            and table.roles.get(i) not in ("date", "party", "parent")}


def _own_planned_date(table: Table, col: int, cell: str, dates: list[DateMention]) -> bool:
    """A cell other than a date cell that states a signing done, then plans a step of its own later date, while the
    row's date cells date a signing (``교류의향서 | 2023. 5. 9. | 의향서 서명, 우호교류 협약은 2025년 체결 예정``): the
    plan leaves that signing. A plan alone (``2025년 체결 예정``) still makes the row one.

    >>> table = Table([], None, {0: "date"})
    >>> _own_planned_date(table, 1, "의향서 서명, 협약은 2025년 체결 예정", find_dates("2023. 5. 9."))
    True
    >>> _own_planned_date(table, 1, "2025년 체결 예정", find_dates("2023. 5. 9."))
    False
    """
    if table.roles.get(col) == "date" or not dates:
        return False
    clauses = [c for c in _CLAUSES.split(cell) if c.strip()]
    done = any(states_signing(c) and not is_intent(c) and not find_dates(c, bare_years=True) for c in clauses)
    own = [d.value for c in clauses if is_intent(c) for d in find_dates(c, bare_years=True)]
    return done and bool(own) and not any(v == d.value or v.contains(d.value) or d.value.contains(v)
                                          for v in own for d in dates)


def _glossed(table: Table, row: Row, layout: TableLayout, parties: tuple[Party, Party]) -> tuple[Party, Party]:
    """The parties with the Latin names a bilingual table's gloss column gives them (English labels): the gloss
    of a cell of one name is its first comma part (``Chichibu-shi, Saitama``); of several names, the part in the
    same place (``인제군, 양구군 | Inje-gun, Yanggu-gun``), if the counts agree."""
    def gloss(col: int | None, party: Party) -> str:
        if col is None or table.roles.get(col + 1) != "gloss":
            return ""
        names = [n for n in _NAME_SEPARATORS.split(row.cell(col)) if n.strip()]
        latin = [g.strip() for g in row.cell(col + 1).split(",")]
        if len(names) == 1:
            return latin[0]
        return latin[names.index(party.surface)] if len(names) == len(latin) and party.surface in names else ""

    home, partner = parties
    return (glossed_party(home, gloss(layout.home, home)) if layout.home is not None else home,
            glossed_party(partner, gloss(layout.partner, partner)))


def _names(w: FactWriter, cell: str, dates: int = 0) -> list[str]:
    """The names of a party cell: several when it lists places (``가나시·다라시``, ``가나시, 다라시``, ``일본 가나시,
    중국 다라시``; places of one level set apart by a space only, as a web page's line break leaves them, when the row
    has as many dates: ``가나시 다라시 | 2005. 3. 12. 2008. 6. 7.``), else one (``""`` stays one, for the table's
    subject)."""
    cell = _LATIN_GLOSS.sub("", cell)  # 지린성 둔화시 Dunhua City, 서울 마포구 Mapo-gu, Seoul: the Hangul name
    pieces = [p for p in _NAME_SEPARATORS.split(re.sub(r"\([^)]*\)", "", cell)) if p.strip()]
    if len(pieces) == 1 and dates >= 2 and len(words := pieces[0].split()) == dates and all(
            is_place_word(t) for t in words) and len({place_level(t) for t in words}) == 1:
        return words
    if len(pieces) == 2 and place_level(pieces[1].strip()) in UPPER_LEVELS and \
            place_level(pieces[0].strip()) not in UPPER_LEVELS:
        return [pieces[0].strip()]  # 가나시, 다라주: the city, then the state it is in
    if len(pieces) == 2 and place_level(pieces[0].strip()) == "district" and any(
            e.kind == "region" and e.country != "KR" for e in w.registry.candidates(pieces[1].strip())):
        return [pieces[0].strip()]  # Gana District, Ulaanbaatar: the district, then the city it is in
    if len(pieces) >= 2 and all(looks_like_place(w, p) and not country_in(w.registry, p) or _placed(w, p)
                                for p in pieces):
        return [p.strip() for p in pieces]
    return [cell]


def _placed(w: FactWriter, piece: str) -> bool:
    """A place after its country word (``일본 가나시``): one of several names of a cell, each with its country."""
    pattern, _ = w.registry.country_words
    found = pattern.match(piece.strip())
    return found is not None and looks_like_place(w, rest := piece.strip()[found.end():].strip()) and \
        not country_in(w.registry, rest)


def _name_cell(w: FactWriter, text: str) -> str:
    """A name cell, or ``""`` when it holds only a renewal word."""
    return "" if is_renewal(text) and place_level(text) is None and not w.registry.find_mentions(text) else text


def _parent_of(w: FactWriter, name: str | None) -> tuple[str | None, str | None]:
    """A parent cell's registry region: ``(id, country)``, or ``(None, None)``."""
    if not name:
        return None, None
    found = w.registry.resolve(re.sub(r"\s*\([^)]*\)", "", name), kinds=("region",))
    return (found.entity.id, found.entity.country) if found.entity is not None and found.score == 1.0 else (None, None)


def _parties(w: FactWriter, row: Row, home_name: str, partner_name: str, ctx: Context, state: _State,
             layout: TableLayout) -> tuple[Party, Party] | None:
    def resolve(col: int, name: str, foreign_side: bool) -> Party | None:
        parent_name = state.parents.get(col)
        parent, parent_country = _parent_of(w, parent_name if parent_name != name else None)
        if parent is None and not foreign_side:
            parent = state.label_parent if state.label_country is None else None
        if parent is None and not foreign_side:
            name, parent = _settled_in_row(w, name, row, col)  # 광주시 … | 경기도 광주시 in the remarks
        if parent is None and not foreign_side and ctx.subject is not None and ctx.subject.entity.level == "광역":
            parent = ctx.subject.entity.id  # 남구 in a table of 부산광역시's districts is 부산's 남구
        if foreign_side:
            country = (state.country or parent_country or state.label_country or layout.countries.get(col)
                       or layout.table_country or ctx.country)
            parent = parent or (state.label_parent if state.label_country else None)
        else:
            country = "KR" if col in layout.korean or state.country == "KR" else (
                layout.countries.get(col) or parent_country)
        return resolve_party(w, name, row.line, parent=parent, country=country, place_context=layout.place_context,
                             foreign=foreign_side and (state.country or layout.countries.get(col)) not in (None, "KR"))

    home = (state.label_subject or ctx.subject) if layout.home is None else (
        resolve(layout.home, home_name, False) if home_name else None)
    abroad = state.country not in (None, "KR")  # the row's own country cell: 국내 or a foreign country
    partner = resolve(layout.partner, partner_name,
                      (layout.partner not in layout.korean and state.country != "KR") or abroad)
    if home is None or partner is None or within(home, partner):
        return None
    return home, partner


def _settled_in_row(w: FactWriter, name: str, row: Row, col: int) -> tuple[str, str | None]:
    """A homograph (광주시: 경기도's, or the metropolitan city) settled by another cell of its row: the parent it names
    (``경기도 광주시`` in the remarks) or the namesake it names in full (``광주광역시``); ``(name, parent or None)``."""
    namesakes = [e for e in w.registry.candidates(re.sub(r"\([^)]*\)", "", name).strip()) if e.kind == "region"]
    if len(namesakes) < 2:
        return name, None
    named = {m.entity.id for i, cell in enumerate(row.cells) if i != col
             for m in w.registry.find_mentions(cell) if m.entity.kind == "region"}
    held = [e for e in namesakes if e.parent in named or e.id in named]
    if len(held) != 1:
        return name, None
    return (held[0].name_ko, None) if held[0].id in named else (name, held[0].parent)


def _continuation(w: FactWriter, row: Row, dates: list, state: _State, table: Table) -> list[AgreementCandidate]:
    """A row with empty party cells: a further signing of the row above, or more of its fields."""
    above = state.last
    if above is None:
        return []
    row_text = " ".join(c for c in row.cells if c)
    if not dates:
        above.fields = (*above.fields, row_text) if row_text else above.fields
        above.lines = (above.lines[0], row.line)
        return []
    relation = relation_of(row.cell(table.column("relation"))) or above.relation
    out = [AgreementCandidate(above.parties, d, relation, (row.line, row.line), max(0.0, above.confidence - 0.05),
                              intent=is_intent(row_text) or (state.as_of is not None and after(d, state.as_of)),
                              fields=tuple(f for f in (row.cell(table.column("fields")),) if f),
                              reader="tables", quote=row_text, notes=[f"further signing of line {above.lines[0]}"])
           for d in dict.fromkeys(d.value for d in dates)]
    state.last = out[-1]
    return out


def _confidence(table: Table, parties: tuple[Party, Party], precision: str, layout: TableLayout) -> float:
    """Raw confidence of a table row's signing (calibrated in :mod:`graph.readers.calibration`)."""
    score = 0.6
    if table.header_roles & {table.column("date"), layout.partner}:
        score += 0.2
    if not any(p.minted for p in parties):
        score += 0.1
    if precision == "day":
        score += 0.05
    return min(score, 0.95)
