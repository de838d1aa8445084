"""A district name several cities share (남구, 중구, 고성군) written after any name of its city is one mention of that
city's district, former names included (decision 0107): 광주광역시 남구 is not 대구 남구, nor 광주광역시 itself;
인천광역시 남구 is today's 미추홀구; 경상북도 군위군 is today's 대구 군위군."""

from __future__ import annotations

import pytest

from graph.extraction_eval import predicted_agreements
from graph.registry import Registry
from tests.readers.helpers import build, document, docx_file, from_file, hwpx_file

GANGNEUNG = "kr-gangwon-gangneung"


def keys(built) -> set[tuple]:
    """``((party id, party id), date)`` of every agreement, as the scorer keys them."""
    built.dataset.default_union = True
    return {p.key for p in predicted_agreements(built.dataset, Registry.default())}


def pair(other: str, date: str) -> tuple:
    return tuple(sorted((GANGNEUNG, other))), date


@pytest.mark.parametrize(("written", "entity"), [
    ("광주광역시 남구", "kr-gwangju-nam"), ("대구광역시남구", "kr-daegu-nam"), ("울산광역시 북구", "kr-ulsan-buk"),
    ("인천광역시 남구", "kr-incheon-michuhol"), ("경상북도 군위군", "kr-daegu-gunwi"),
    ("부산광역시 강서구", "kr-busan-gangseo"),
])
def test_a_shared_name_after_its_city_is_one_mention(written, entity):
    assert [m.entity.id for m in Registry.default().find_mentions(f"{written}와 교류")] == [entity]


def test_a_unique_name_keeps_its_province_apart():
    """Perturbation: 경기도 수원시 stays two mentions, and a province then a bare shared name names no district."""
    reg = Registry.default()
    assert [m.entity.id for m in reg.find_mentions("경기도 수원시와")] == ["kr-gyeonggi", "kr-gyeonggi-suwon"]
    assert [m.entity.id for m in reg.find_mentions("광주광역시와 남구")] == ["kr-gwangju"]


SENTENCE = ("강릉시는 2016년 4월 20일 광주광역시 남구와 자매결연을 맺었다. "
            "이어 2018년 5월 3일 인천광역시 남구와 우호교류 협약을 체결했다.")
LIST = """강릉시 국내 자매도시
- 광주광역시 남구 (자매결연, 2016. 4. 20.)
- 인천광역시 남구 (우호교류, 2018. 5. 3.)"""
TABLE = """강릉시 국내 교류도시 현황

| 도시 | 구분 | 체결일 |
| 광주광역시 남구 | 자매결연 | 2016.04.20 |
| 인천광역시 남구 | 우호교류 | 2018.05.03 |"""
EXPECTED = {pair("kr-gwangju-nam", "2016-04-20"), pair("kr-incheon-michuhol", "2018-05-03")}


@pytest.mark.parametrize("text", [SENTENCE, LIST, TABLE])
def test_each_layout_gives_the_citys_own_district(text):
    assert keys(build(document("shared-districts.txt", text))) == EXPECTED


@pytest.mark.parametrize("writer", [docx_file, hwpx_file])
def test_a_table_in_a_file(tmp_path, writer):
    path = writer(tmp_path / ("partners" + (".docx" if writer is docx_file else ".hwpx")), [
        "강릉시 국내 교류도시 현황",
        [["도시", "구분", "체결일"], ["광주광역시 남구", "자매결연", "2016. 4. 20."],
         ["인천광역시 남구", "우호교류", "2018. 5. 3."]]])
    assert keys(build(from_file(path))) == EXPECTED


def test_another_city_changes_the_district():
    """Perturbation: the same rows under another city's name give that city's district."""
    text = TABLE.replace("광주광역시 남구", "대구광역시 남구")
    assert keys(build(document("shared-districts-2.txt", text))) == {
        pair("kr-daegu-nam", "2016-04-20"), pair("kr-incheon-michuhol", "2018-05-03")}


@pytest.mark.parametrize("surface", ["서울특별시 가나구", "광주광역시 다라구", "대구광역시  가나 구"])
def test_a_district_unknown_in_its_city_is_no_near_match_of_another(surface: str):
    """A district name after its city's is matched exactly only (decision 0107): an unknown one is reported, not
    resolved to the city's nearest known district by the likeness the shared city name lends it."""
    assert Registry.default().resolve(surface).entity is None
