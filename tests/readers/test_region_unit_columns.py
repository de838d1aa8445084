"""An export listing several provinces' units in two columns, ``자치단체 | 시군구`` (decision 0083): the first column
names the region holding the second's unit on every row, so the two are one party — the unit, told apart from its
namesakes by its region (서울특별시 중구 is not 대구광역시 중구) — and a row with no unit is the region's own. The
tables are written by the tests (registry units with namesakes, invented foreign partners) in several formats, with
perturbations; a table whose Korean columns are two parties of their own is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.facts import FactWriter
from graph.readers.table_layout import _holds_parents
from graph.readers.table_rows import find_tables
from graph.registry import Registry
from ontology.namespaces import GY
from tests.fixtures.pages import page
from tests.readers.helpers import build

HEADER = ["자치단체", "시군구", "상대국가", "상대도시", "교류형태", "체결일"]
ROWS = [["서울특별시", "중구", "일본", "가나시", "자매결연", "2002-05-16"],
        ["대구광역시", "중구", "중국", "다라시", "우호교류", "2015-10-27"],
        ["경기도", "광주시", "일본", "마바시", "자매결연", "2001-09"],
        ["인천광역시", "동구", "러시아", "사아시", "우호교류", "1991-11-14"],
        ["대구광역시", "동구", "일본", "자차시", "자매결연", "2019-02-11"],
        ["전라남도", "", "일본", "카타현", "자매결연", "2011-10-25"]]
FACTS = {("kr-seoul-jung", "가나시", "2002-05-16"), ("kr-daegu-jung", "다라시", "2015-10-27"),
         ("kr-gyeonggi-gwangju", "마바시", "2001-09"), ("kr-incheon-dong", "사아시", "1991-11-14"),
         ("kr-daegu-dong", "자차시", "2019-02-11"), ("kr-jeonnam", "카타현", "2011-10-25")}


def pairs(built) -> set[tuple[str, str, str]]:
    """``(Korean party's registry id, partner's label, date)`` of every automatic agreement."""
    q = """SELECT ?a ?p ?label ?d WHERE { ?a a gy:Agreement ; gy:extractionMethod "automatic" ; gy:party ?p ;
               gy:signedOn ?d . ?p rdfs:label ?label FILTER(LANG(?label) = "ko") }"""
    built.dataset.default_union = True
    parties: dict[str, dict[str, str]] = {}
    dates = {}
    for row in built.dataset.query(q, initNs={"gy": GY, "rdfs": __import__("rdflib").RDFS}):
        parties.setdefault(str(row.a), {})[str(row.p).rsplit("/", 1)[-1]] = str(row.label)
        dates[str(row.a)] = str(row.d)
    out = set()
    for a, found in parties.items():
        korean = [p for p in found if p.startswith("kr-")]
        other = [label for p, label in found.items() if not p.startswith("kr-")]
        out.add((korean[0] if korean else "", other[0] if other else "", dates[a]))
    return out


def export(rows: list[list[str]] = ROWS, header: list[str] = HEADER) -> list:
    return ["자치단체 국제교류 현황 (추출)", [header, *rows], "(출처: 자치단체 국제교류 현황)"]


@pytest.mark.parametrize("kind", ["tsv", "csv", "txt", "md", "html", "docx", "hwpx"])
def test_each_unit_is_told_apart_by_its_region_in_every_format(tmp_path: Path, kind: str):
    assert pairs(build(page(tmp_path, kind, export()))) == FACTS


@pytest.mark.parametrize("header", [["시도", "시군구", "국가", "상대도시", "구분", "체결일"],
                                    ["광역자치단체", "기초자치단체", "국가", "교류도시", "유형", "체결일자"]])
def test_other_header_words(tmp_path: Path, header: list[str]):
    assert pairs(build(page(tmp_path, "tsv", export(header=header)))) == FACTS


def test_perturbed_a_row_added_and_a_date_changed(tmp_path: Path):
    rows = [*ROWS[:2], ["부산광역시", "중구", "중국", "타파시", "우호교류", "2008-03-04"],
            [*ROWS[2][:5], "2003-10-05"], *ROWS[3:]]
    expected = (FACTS - {("kr-gyeonggi-gwangju", "마바시", "2001-09")}) | {
        ("kr-busan-jung", "타파시", "2008-03-04"), ("kr-gyeonggi-gwangju", "마바시", "2003-10-05")}
    assert pairs(build(page(tmp_path, "tsv", export(rows)))) == expected


def _holds(lines: tuple[str, ...]) -> bool:
    w = FactWriter.__new__(FactWriter)
    w.registry = Registry.default()
    return _holds_parents(w, find_tables(lines)[0], 0, 1)


def test_negative_a_column_of_regions_not_holding_the_next_columns_names_qualifies_nothing():
    head = "자치단체 | 시군구 | 상대도시 | 체결일"
    assert _holds((head, "부산광역시 | 남구 | 가나시 | 2002", "경기도 | 광주시 | 다라시 | 2001"))
    # half the units in another region
    assert not _holds((head, "부산광역시 | 남구 | 가나시 | 2002", "경기도 | 고성군 | 다라시 | 2001"))
    assert not _holds(("국내 도시 | 국내 자매도시 | 상대도시 | 체결일", "수원시 | 강릉시 | 가나시 | 2002",
                       "안동시 | 광주시 | 다라시 | 2001"))  # two Korean parties of their own
