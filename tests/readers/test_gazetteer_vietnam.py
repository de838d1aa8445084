"""Vietnam's provinces and centrally run cities in the gazetteer of foreign divisions (decision 0107): a province
written in Korean, in a variant Korean spelling or in English is minted in Vietnam as one region, keyed by its Korean
name, even where no country is written; a name the gazetteer lacks and no country places is reported, not minted."""

from __future__ import annotations

import pytest

from graph.extraction_eval import predicted_agreements
from graph.readers.entities import minted_id
from graph.registry import Registry
from tests.readers.helpers import build, document, docx_file, from_file

GANGWON, DAY = "kr-gangwon", "2024-11-21"
EXPECTED = {((GANGWON, "vn-꽝닌성"), DAY)}


def keys(built) -> set[tuple]:
    """``((party id, party id), date)`` of every agreement, as the scorer keys them."""
    built.dataset.default_union = True
    return {p.key for p in predicted_agreements(built.dataset, Registry.default())}


@pytest.mark.parametrize("spelling", ["꽝닌성", "광닌성", "Quang Ninh Province", "Province of Quang Ninh"])
def test_every_spelling_of_a_province_is_one_key(spelling):
    assert minted_id("VN", spelling) == "vn-꽝닌성"


def test_a_bare_latin_name_keeps_its_own_key():
    """As for Japan and China (decision 0087): a bare ``Quang Ninh`` may be a city of that name."""
    assert minted_id("VN", "Quang Ninh") == "vn-quangninh"


@pytest.mark.parametrize("text", [
    "강원특별자치도는 2024년 11월 21일 베트남 꽝닌성과 우호교류 협약을 체결했다.",
    "강원특별자치도는 2024년 11월 21일 꽝닌성과 우호교류 협약을 체결했다.",  # no country: the gazetteer places it
    "2024. 11. 21. 광닌성(베트남)과 강원특별자치도가 우호교류 협약을 맺었다.",  # a variant spelling, other order
    "Gangwon State signed a friendship agreement with Quang Ninh Province, Vietnam on 21 November 2024.",
    "강원특별자치도 국제교류 현황\n\n| 상대 지역 | 체결일 | 구분 |\n| 광닌성 | 2024. 11. 21. | 우호교류 |",
    "Partner regions of Gangwon State\n- Quang Ninh Province (Vietnam): friendship agreement, 21 November 2024",
])
def test_a_province_is_minted_in_vietnam_in_every_layout(text):
    assert keys(build(document("vn-province.txt", text))) == EXPECTED


def test_a_docx_table_without_a_country_column(tmp_path):
    rows = [["상대 지역", "체결일", "구분"], ["꽝닌성", "2024. 11. 21.", "우호교류"],
            ["껀터시", "2019. 5. 3.", "자매결연"]]
    path = docx_file(tmp_path / "partners.docx", ["강원특별자치도 국제교류 현황", rows])
    assert keys(build(from_file(path))) == EXPECTED | {((GANGWON, "vn-껀터시"), "2019-05-03")}


def test_a_name_the_gazetteer_lacks_is_reported_not_minted():
    """Perturbation: an invented province with no country anywhere is reported with its line, not placed."""
    text = "강원특별자치도는 2024년 11월 21일 가나응우옌성과 우호교류 협약을 체결했다."
    built = build(document("vn-unknown.txt", text))
    assert keys(built) == set()
    assert [(i.kind, i.line) for i in built.report.issues] == [("unresolved", 1)]
