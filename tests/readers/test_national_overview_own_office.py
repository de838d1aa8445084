"""A national overview of exchanges: each row its own Korean party (a 시도 column printed once per group, a 시군구
column), and a unit cell naming the province's own office (``본청``, ``도청``) makes the province itself the party,
never the unit of the row above. Written as Markdown, TSV, DOCX and HTML, perturbed; the foreign names are
invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, facts
from tests.readers.table_files import table_document

TITLE = "전국 지방자치단체 국제교류 현황"
ROWS = [["시도", "시군구", "상대국", "상대도시", "체결일자"],
        ["강원", "강릉시", "일본", "가나시", "2005. 3. 12."],
        ["", "본청", "러시아", "사하주", "2012. 1. 2."],
        ["", "속초시", "중국", "다라시", "2008. 6. 7."],
        ["경북", "포항시", "미국", "마바시", "2010. 5. 3."],
        ["", "도청", "베트남", "라사성", "2015. 9. 1."]]
FACTS = {("가나시", "강릉시", "2005-03-12"), ("강원특별자치도", "사하주", "2012-01-02"),
         ("다라시", "속초시", "2008-06-07"), ("마바시", "포항시", "2010-05-03"), ("경상북도", "라사성", "2015-09-01")}


def _doc(tmp_path: Path, kind: str, rows: list[list[str]]):
    return table_document(tmp_path, kind, TITLE, rows, "overview")


def _labels(found: set) -> set:
    return {(a, b, d) for a, b, d, _ in found}


@pytest.mark.parametrize("kind", ["md", "tsv", "docx", "html"])
def test_the_own_office_row_is_the_provinces_signing(tmp_path: Path, kind: str):
    assert _labels(facts(build(_doc(tmp_path, kind, ROWS)))) == FACTS


def test_perturbed_the_office_written_with_its_level_and_a_province_printed_on_its_row(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[2][1] = "도 본청"
    rows[5][0] = "경북"
    rows.insert(4, ["", "춘천시", "몽골", "바타솜", "2019. 4. 4."])  # a row added
    assert _labels(facts(build(_doc(tmp_path, "tsv", rows)))) == FACTS | {("바타솜", "춘천시", "2019-04-04")}
