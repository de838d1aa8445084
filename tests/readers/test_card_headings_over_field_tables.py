"""A card heading naming one partner (``■ 일본 가나시``, ``1. 가나시(일본)``: its country in brackets too) over a
small table whose date column is headed as a signing's (``구분 | 체결일 | 비고`` / ``자매결연 | 2005. 3. 12. | 청소년
교류``): the row's relation dated there is the document's region's signing with the partner; under a date column
headed only ``일자`` a row needs a signing word of its own, and an event row never signs. Written as DOCX, HWPX,
Markdown and HTML, perturbed; the foreign names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

TITLE = "강릉시 해외 교류도시"


ROWS = (["자매결연", "2005. 3. 12.", "청소년 교류"], ["우호교류", "2010. 5. 3.", ""])


def _blocks(first: str = "■ 일본 가나시", second: str = "■ 중국 다라시", header: str = "체결일",
            rows: tuple[list[str], list[str]] = ROWS):
    return [TITLE, first, [["구분", header, "비고"], rows[0]], second, [["구분", header, "비고"], rows[1]]]


FACTS = {("가나시", "강릉시", "2005-03-12", "sister"), ("강릉시", "다라시", "2010-05-03", "friendship")}


@pytest.mark.parametrize("kind", ["docx", "hwpx", "md", "html"])
def test_a_relation_dated_under_a_signing_header_is_the_cards_signing(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, _blocks()))) == FACTS


@pytest.mark.parametrize("kind", ["docx", "hwpx"])
def test_the_partners_country_in_brackets_after_it(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, _blocks("1. 가나시(일본)", "2. 다라시(중국)")))) == FACTS


def test_perturbed_a_plain_date_header_an_event_row_and_a_changed_date(tmp_path: Path):
    signed = (["자매결연", "2005. 3. 12.", "협정 체결"], ["우호교류 방문", "2010. 5. 3.", ""])
    assert facts(build(page(tmp_path, "docx", _blocks(header="일자", rows=signed)))) == {
        ("가나시", "강릉시", "2005-03-12", "sister")}  # a signing word of its own; a visit none
    event = (["자매결연", "2015. 3. 12.", "결연 10주년 기념 방문"], ["우호교류", "2011. 6. 7.", ""])
    assert facts(build(page(tmp_path, "hwpx", _blocks(rows=event)))) == {
        ("강릉시", "다라시", "2011-06-07", "friendship")}
