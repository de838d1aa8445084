"""Merged name cells: a row with an empty name cell does not always belong to the name above it."""

from __future__ import annotations

from dataclasses import replace

from graph.build import build_graph
from graph.dates import parse_date
from graph.extractors.agreement_tables import find_tables
from graph.queries import agreements_of
from graph.row_groups import GroupRow, group_rows
from graph.store import OxigraphStore, write_dataset

DOC = "001_4aac3573a45a98c8.txt"


def _seoul_doc(documents):
    return next(d for d in documents if d.id == DOC)


def test_rows_above_a_name_can_belong_to_it(documents):
    table = find_tables(_seoul_doc(documents).lines)[0]
    assert len(table.rows) == 85 and table.headers == [295, 325, 361]
    rows = [GroupRow(r.name_raw.strip() or None, parse_date(r.date_raw)) for r in table.rows]
    # names as printed, unresolved: the grouping alone must still put line 297 with 제주 (line 298)
    grouping = group_rows([replace(g, name=None if g.name in ("라 즈 라 여 시 *", "저 ㅇ ㅂ") else g.name)
                           for g in rows])
    by_line = {table.rows[i].line: table.rows[grouping.group_of(i).name_rows[0]].name_raw.strip()
               for i in range(len(rows))}
    assert by_line[297] == "제 주 도 *"
    assert by_line[300] == "충청 북도*"
    assert by_line[302] == "경 상 북 도 *"
    assert by_line[305] == "광주광역시*"
    assert by_line[307] == "③ 경상남도 *"
    assert by_line[309] == "대구광역시*"
    assert by_line[313] == "완 주 군"
    assert by_line[336] == "대전광역시*"
    assert by_line[342] == "안 동 시"
    assert by_line[366] == "부 산 시 *"


def test_names_in_the_middle_of_odd_groups():
    from datetime import date

    rows = [GroupRow("a", date(2001, 1, 1)), GroupRow(None, date(2002, 1, 1)), GroupRow("b", date(2002, 2, 2)),
            GroupRow(None, date(2003, 1, 1)), GroupRow(None, date(2002, 3, 1)), GroupRow("c", date(2004, 1, 1))]
    assert [(g.name, g.start, g.end) for g in group_rows(rows).groups] == [("a", 0, 0), ("b", 1, 3), ("c", 4, 5)]


def _build_with(documents, tmp_path, edit):
    doc = _seoul_doc(documents)
    lines = list(doc.lines)
    edit(lines)
    changed = replace(doc, lines=tuple(lines))
    result = build_graph([changed])
    write_dataset(result.dataset, tmp_path / "graph.nq")
    return OxigraphStore.load(tmp_path), result


def _dates(store, party):
    return [a["date"] for a in agreements_of(store, party)["agreements"]]


def test_holds_when_the_document_gains_a_row(documents, tmp_path):
    def add_row(lines):
        lines.append("70\t양 구 군\t'21.03.02\t관광 활성화, 농특산물 직거래 확대")

    store, result = _build_with(documents, tmp_path, add_row)
    assert _dates(store, "양구군") == ["2021-03-02"]
    assert _dates(store, "당진시") == ["2020-12-17"]
    assert any(i.kind == "inconsistency" for i in result.report.issues)  # 70 partners vs the stated 69


def test_holds_when_a_date_changes(documents, tmp_path):
    def change(lines):
        lines[299 - 1] = lines[299 - 1].replace("'23.02.03", "'23.03.03")

    store, _ = _build_with(documents, tmp_path, change)
    assert _dates(store, "제주특별자치도") == ["2005-06-13", "2015-02-10", "2023-03-03"]


def test_holds_with_more_ocr_noise(documents, tmp_path):
    def noise(lines):
        lines[312 - 1] = lines[312 - 1].replace("완 주 군", "왼 주 군")
        lines[296 - 1] = lines[296 - 1].replace("전 라 남 도 *", "전  라 남  도*")

    store, _ = _build_with(documents, tmp_path, noise)
    assert _dates(store, "완주군") == ["2012-07-16", "2019-12-04"]
    assert _dates(store, "전라남도") == ["2004-12-17"]


def test_a_row_read_as_the_tables_own_region_signs_nothing(documents, tmp_path):
    def own_region(lines):
        lines.append("70\t서 울 시\t'21.03.02\t관광 활성화")

    store, result = _build_with(documents, tmp_path, own_region)
    selves = store.query("SELECT ?a WHERE { ?a a gy:Agreement ; gy:party ?p . "
                         "FILTER NOT EXISTS { ?a gy:party ?q FILTER(?q != ?p) } }")
    assert list(selves) == []
    assert any(i.kind == "unresolved" and "own region" in i.detail for i in result.report.issues)
    assert _dates(store, "당진시") == ["2020-12-17"]
