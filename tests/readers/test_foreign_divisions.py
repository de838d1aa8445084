"""Foreign places placed by a division the gazetteer knows (graph/data/places_world.tsv, decision 0076): a city written
after its prefecture or state (``홋카이도 가나시``, ``텍사스주 다라시``) is minted in that division's country with
its label as written, in sentences, lists and tables of every format, even where another line carried another
country; a division alone is minted in its country; an unknown division places nothing. The partner names are
invented; the divisions are the gazetteer's."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.entities import divisions_written
from graph.registry import Registry
from ontology.namespaces import GY
from tests.fixtures.pages import page
from tests.readers.helpers import build, document, facts

TITLE = "강릉시 국제교류 현황"
SENTENCES = ["강릉시는 2001년 3월 4일 홋카이도 가나시와 자매결연을 체결했다.",
             "강릉시는 2003년 5월 6일 아이치현 다라정과 우호교류 협약을 체결했다."]
EXPECTED = {("가나시", "강릉시", "2001-03-04", "sister"), ("강릉시", "다라정", "2003-05-06", "friendship")}
MINTED = {"jp-가나시", "jp-다라정"}


def _parties(result) -> set[str]:
    """Ids of the minted parties of every agreement (the country is the id's first part)."""
    result.dataset.default_union = True
    return {str(p).rsplit("/", 1)[-1] for p in result.dataset.objects(None, GY.party)
            if (p, GY.extractionMethod, None) in result.dataset}


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_sentences_place_a_city_by_its_prefecture(tmp_path: Path, kind: str):
    result = build(page(tmp_path, kind, [TITLE, *SENTENCES]))
    assert facts(result) == EXPECTED
    assert _parties(result) == MINTED


@pytest.mark.parametrize("kind", ["txt", "md", "html", "hwpx"])
def test_list_items_place_a_city_by_its_prefecture(tmp_path: Path, kind: str):
    items = ["○ 홋카이도 가나시 (2001. 3. 4. 자매결연)", "○ 아이치현 다라정 (2003. 5. 6. 우호교류)"]
    result = build(page(tmp_path, kind, ["강릉시 자매·우호도시", *items]))
    assert facts(result) == EXPECTED
    assert _parties(result) == MINTED


@pytest.mark.parametrize("kind", ["md", "docx", "hwpx", "tsv"])
def test_table_cells_place_a_city_by_its_state_without_a_country_column(tmp_path: Path, kind: str):
    table = [["도시", "구분", "결연일"], ["텍사스주 가나시", "자매결연", "2001. 3. 4."],
             ["홋카이도 다라정", "우호교류", "2003. 5. 6."]]
    result = build(page(tmp_path, kind, ["강릉시 자매도시 현황", table]))
    assert facts(result) == EXPECTED
    assert _parties(result) == {"us-가나시", "jp-다라정"}


def test_a_state_outranks_the_country_a_line_before_carried():
    text = "\n".join([TITLE, "강릉시는 2005년 5월 6일 중국 산둥성 마바시와 자매결연을 맺었다.",
                      "강릉시는 2006년 5월 6일 텍사스주 사라시와 자매결연을 맺었다."])
    result = build(document("carried.txt", text))
    assert facts(result) == {("강릉시", "마바시", "2005-05-06", "sister"), ("강릉시", "사라시", "2006-05-06", "sister")}
    assert _parties(result) == {"cn-마바시", "us-사라시"}


def test_a_division_alone_is_minted_in_its_country():
    text = "\n".join([TITLE, "강릉시는 2001년 3월 4일 후쿠오카현과 우호교류 협약을 체결했다."])
    result = build(document("alone.txt", text))
    assert facts(result) == {("강릉시", "후쿠오카현", "2001-03-04", "friendship")}
    assert _parties(result) == {"jp-후쿠오카현"}


def test_an_unknown_division_places_nothing_and_is_reported():
    text = "\n".join([TITLE, "강릉시는 2001년 3월 4일 가나주 다라시와 자매결연을 체결했다."])
    result = build(document("unknown.txt", text))
    assert facts(result) == set()
    assert [i.line for i in result.report.issues if i.kind == "unresolved"] == [2]


def test_divisions_written_and_what_they_place():
    reg = Registry.default()
    lines = ["강릉시는 홋카이도 가나시와", "텍사스주 정부와 협의", "가나주 다라시", "아이치현 국제교류협회"]
    assert divisions_written(reg, lines) == [("홋카이도", "JP"), ("가나시", "JP"), ("텍사스주", "US"),
                                             ("아이치현", "JP")]
    assert reg.place_named("산시성").country == "CN"  # two provinces share the name; the country is one
    assert reg.place_named("조지아주").country == "US" and reg.place_named("가나현") is None
