"""A country column whose cell says 국내 (at home) places its row's partner in Korea (decision 0076): a district
qualified by its metropolitan city resolves to that city's district, never to a foreign namesake in the country of
the other rows. Tables written by the tests in several formats; the partner names are the registry's or invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

TITLE = "충청북도 옥천군 자매·우호도시 현황"
HEADER = ["연번", "상대 자치단체", "국가", "구분", "체결일자"]
ROWS = [["1", "서울특별시 중구", "국내", "자매결연", "1995.09.20"],
        ["2", "대전광역시 동구", "국내", "자매결연", "2000.04.11"],
        ["3", "시안시", "중국", "우호교류", "2006.10.30"],
        ["4", "다라시", "일본", "자매결연", "2009.05.12"],
        ["5", "선양시", "중국", "우호교류", "2011.03.02"]]
EXPECTED = {("동구", "옥천군", "2000-04-11", "sister"), ("옥천군", "중구", "1995-09-20", "sister"),
            ("시안시", "옥천군", "2006-10-30", "friendship"), ("다라시", "옥천군", "2009-05-12", "sister"),
            ("선양시", "옥천군", "2011-03-02", "friendship")}


def _districts(result) -> set[str]:
    from ontology.namespaces import GY

    result.dataset.default_union = True
    return {str(p).rsplit("/", 1)[-1] for p in result.dataset.objects(None, GY.party)}


@pytest.mark.parametrize("kind", ["md", "csv", "docx", "hwpx"])
def test_domestic_rows_of_a_country_column(tmp_path: Path, kind: str):
    result = build(page(tmp_path, kind, [TITLE, [HEADER, *ROWS]]))
    assert facts(result) == EXPECTED
    assert _districts(result) == {"kr-chungbuk-okcheon", "kr-seoul-jung", "kr-daejeon-dong", "cn-shaanxi-xian",
                                  "jp-다라시", "cn-liaoning-shenyang"}


def test_domestic_cell_in_brackets_and_rows_reordered(tmp_path: Path):
    rows = [ROWS[2], [*ROWS[1][:2], "(국내)", *ROWS[1][3:]], ROWS[4], ROWS[0], ROWS[3]]
    assert facts(build(page(tmp_path, "md", [TITLE, [HEADER, *rows]]))) == EXPECTED
