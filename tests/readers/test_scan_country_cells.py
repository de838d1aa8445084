"""A letter-spaced scan whose country cell ran into the name cell (decision 0083): the scan left one space between
the country's syllables and the name's, so rejoining them makes one word (``일 본 가 나 시`` → ``일본가나시``). The
country is parted off at the end of the word or, when the table's header puts its country column first, at its
start; a row with a country cell of its own keeps its name whole, whatever it begins or ends with. The pages are
written by the tests (invented foreign names, a registry county as the subject) in several formats, spacings and
column orders, with perturbations (a row added, a date changed, OCR letters in the digits)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.text_forms import country_column_first, country_words, reading_document, rejoin_spread
from graph.registry import Registry
from tests.fixtures.pages import page
from tests.readers.helpers import build, document, facts

#: (country, name, date as the scan printed it, relation) of each row.
ROWS = [("일 본", "가 나 시", "l996. 5. 17.", "자 매 결 연"),
        ("중 국", "다 라 시", "2OO8. 1O. 9.", "우 호 교 류"),
        ("미 국", "마 바 포 틀 랜 드", "2O13. 7. l.", "자매 결연")]
FACTS = {("가나시", "영동군", "1996-05-17", "sister"), ("다라시", "영동군", "2008-10-09", "friendship"),
         ("마바포틀랜드", "영동군", "2013-07-01", "sister")}
#: Column orders: the country before the name or after it, run into it (one space) or in a cell of its own.
ORDERS = ("country first", "country after", "country first, own cell", "country after, own cell")


def scan(order: str, gap: str = "     ", rows: list[tuple[str, str, str, str]] = ROWS) -> list[str]:
    """The scan's lines: title, date it stands at, header, one line per row (``gap`` between name and date)."""
    first = order.startswith("country first")
    join = "   " if "own cell" in order else " "
    header = "연번  국 가  도 시 명" if first else "연번  도 시 명  국 가"
    lines = ["(OCR 판독본)", "영 동 군   국 제 자 매 도 시  현 황", "                        2O2O. l2. 31. 기준",
             f"{header}{gap}결 연 일         구 분"]
    for n, (country, name, day, relation) in enumerate(rows, 1):
        cells = f"{country}{join}{name}" if first else f"{name}{join}{country}"
        lines.append(f" {n}   {cells}{gap}{day}    {relation}")
    return lines


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("gap", ["  ", "     ", "            "])
def test_each_column_order_and_spacing_gives_every_row(tmp_path: Path, order: str, gap: str):
    assert facts(build(page(tmp_path, "txt", scan(order, gap)))) == FACTS


@pytest.mark.parametrize("kind", ["md", "docx"])  # formats that keep a line's runs of spaces
@pytest.mark.parametrize("order", ["country first", "country after"])
def test_the_scan_pasted_into_other_formats(tmp_path: Path, kind: str, order: str):
    assert facts(build(page(tmp_path, kind, scan(order)))) == FACTS


@pytest.mark.parametrize("order", ORDERS)
def test_perturbed_a_row_added_and_a_date_changed(tmp_path: Path, order: str):
    rows = [ROWS[0], ("중 국", "다 라 시", "2OlO. 3. 3O.", "우 호 교 류"), ROWS[2],
            ("베 트 남", "사 아 시", "2Ol7. 4. 21.", "자 매 결 연")]
    expected = (FACTS - {("다라시", "영동군", "2008-10-09", "friendship")}) | {
        ("다라시", "영동군", "2010-03-30", "friendship"), ("사아시", "영동군", "2017-04-21", "sister")}
    assert facts(build(page(tmp_path, "txt", scan(order, rows=rows)))) == expected


def test_the_reading_form_parts_the_country_where_the_header_puts_it():
    countries = country_words(Registry.default())
    first = reading_document(document("a", "\n".join(scan("country first"))), countries)
    after = reading_document(document("b", "\n".join(scan("country after"))), countries)
    assert first.lines[4].startswith(" 1 | 일본 | 가나시 | 1996. 5. 17.")
    assert after.lines[4].startswith(" 1 | 가나시 | 일본 | 1996. 5. 17.")


def test_negative_a_name_that_begins_or_ends_like_a_country_stays_whole():
    # 인도 and 칠레 are registry countries; these names only begin or end with them
    assert rejoin_spread("1  인 도 라 시   미 국  1996. 5. 17.", ["인도", "미국"], country_first=True) \
        == "1  인도라시   미국  1996. 5. 17."
    assert rejoin_spread("1  미 국   가 나 칠 레  1996. 5. 17.", ["칠레", "미국"]) == "1  미국   가나칠레  1996. 5. 17."
    assert rejoin_spread("1  인 도 라 시  1996. 5. 17.", ["인도"]) == "1  인도라시  1996. 5. 17."  # no header


def test_negative_no_header_naming_a_country_column_parts_nothing_at_the_start():
    assert not country_column_first(["연번  도시명  체결일", "1  가나시  1996. 5. 17."])
    assert not country_column_first(["국가별 현황", "일본 | 가나시"])  # a title with 국가 is no header
    assert country_column_first(["순번 | 국가명 | 상대 도시 | 체결일"])
