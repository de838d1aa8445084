"""Several partners in one cell, each its own signing: names each after its country (``일본 가나시, 중국 마바시``)
with the dates of the date cell in their order, and names set apart only by a web page's line break (``가나시<br>
다라시`` beside ``2005. 3. 12.<br>2008. 6. 7.``: one name a date). A cell naming a place inside another (``가나현
다라시``) or two names beside one date stays one partner. Written as TSV, HTML, DOCX and Markdown, perturbed; the
foreign names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, docx_file, facts, from_file
from tests.readers.table_files import party_countries, table_document

TITLE = "강릉시 해외 교류도시 현황"
FACTS = {("가나시", "강릉시", "2005-03-12"), ("강릉시", "다라시", "2008-06-07"), ("강릉시", "마바시", "2010-05-03")}


def _labels(found: set) -> set:
    return {(a, b, d) for a, b, d, _ in found}


ROWS = [["구분", "도시", "체결일"], ["자매도시", "일본 가나시, 중국 마바시", "2005. 3. 12., 2010. 5. 3."],
        ["우호도시", "일본 다라시", "2008. 6. 7."]]


def _table(tmp_path: Path, kind: str, rows: list[list[str]]):
    return table_document(tmp_path, kind, TITLE, rows, "cities")


@pytest.mark.parametrize("kind", ["tsv", "md", "docx", "hwpx", "html"])
def test_names_each_after_its_country_share_a_cell(tmp_path: Path, kind: str):
    built = build(_table(tmp_path, kind, ROWS))
    assert _labels(facts(built)) == FACTS
    countries = party_countries(built)
    assert (countries["가나시"], countries["마바시"], countries["다라시"]) == ("JP", "CN", "JP")


def _page(tmp_path: Path, names: str, dates: str) -> Path:
    path = tmp_path / "cities.html"
    path.write_text(f"<html><head><title>{TITLE}</title></head><body><h2>{TITLE}</h2><table>"
                    "<tr><th>국가</th><th>도시</th><th>체결일</th></tr>"
                    f"<tr><td>일본</td><td>{names}</td><td>{dates}</td></tr>"
                    "<tr><td>중국</td><td>마바시</td><td>2010. 5. 3.</td></tr></table></body></html>", encoding="utf-8")
    return path


def test_names_set_apart_by_a_line_break_each_take_their_date(tmp_path: Path):
    built = build(from_file(_page(tmp_path, "가나시<br>다라시", "2005. 3. 12.<br>2008. 6. 7.")))
    assert _labels(facts(built)) == FACTS


def test_a_docx_cell_of_two_lines_each_a_partner(tmp_path: Path):
    rows = [["국가", "도시", "체결일"], ["일본", "가나시\n다라시", "2005. 3. 12.\n2008. 6. 7."],
            ["중국", "마바시", "2010. 5. 3."]]
    assert _labels(facts(build(from_file(docx_file(tmp_path / "c.docx", [TITLE, rows]))))) == FACTS


def test_perturbed_a_place_inside_another_and_two_names_beside_one_date(tmp_path: Path):
    inside = build(from_file(_page(tmp_path, "가나현 다라시", "2005. 3. 12.<br>2008. 6. 7.")))
    assert _labels(facts(inside)) == {("강릉시", "다라시", "2005-03-12"), ("강릉시", "다라시", "2008-06-07"),
                                      ("강릉시", "마바시", "2010-05-03")}
    one = build(from_file(_page(tmp_path, "가나시<br>다라시", "2005. 3. 12.")))  # which is which: not split
    assert ("강릉시", "마바시", "2010-05-03") in _labels(facts(one))
    assert not {("가나시", "강릉시", "2005-03-12"), ("강릉시", "다라시", "2005-03-12")} <= _labels(facts(one))
    rows = [list(r) for r in ROWS]
    rows[1][2] = "2005. 3. 12., 2011. 4. 5."  # a date changed
    assert _labels(facts(build(_table(tmp_path, "tsv", rows)))) == {
        ("가나시", "강릉시", "2005-03-12"), ("강릉시", "다라시", "2008-06-07"), ("강릉시", "마바시", "2011-04-05")}
