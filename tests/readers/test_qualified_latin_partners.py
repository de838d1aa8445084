"""English partner tables whose partner cell qualifies the place after a comma (``Moraka, Miyagi``, ``Kalamo,
Michigan``, ``Tarin, Hebei Province``, ``Sela, Dara State, Brazil``): the partner is the name before the comma (its
most specific unit; the parent is never part of its name), in the country of its row, of a country after the comma,
or of the one foreign country of a parent the registry knows. Foreign names are invented; Korean ones and the
qualifying parents are the registry's. Written as HTML, DOCX and TSV, with perturbations."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.entities import latin_parents
from graph.registry import Registry
from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

LEAD = "Gimhae City maintains ties with the following cities."
HEADER = ["Partner City", "Country", "Type", "Date Signed"]
ROWS = [["Moraka, Fukuoka", "Japan", "Sister City", "12 May 1992"],
        ["Kalamo, Michigan", "USA", "Sister City", "3 June 1995"],
        ["Tarin, Hebei Province", "China", "Friendship City", "20 October 2003"],
        ["Lethmoor", "Canada", "Friendship City", "2010"]]
FACTS = {("Moraka", "김해시", "1992-05-12", "sister"), ("Kalamo", "김해시", "1995-06-03", "sister"),
         ("Tarin", "김해시", "2003-10-20", "friendship"), ("Lethmoor", "김해시", "2010", "friendship")}


def _table(tmp_path: Path, kind: str, rows: list[list[str]], header: list[str] = HEADER):
    return page(tmp_path, kind, ["Sister and Friendship Cities of Gimhae", LEAD, [header, *rows]], name="partners",
                title="Sister Cities | Gimhae City")


@pytest.mark.parametrize("kind", ["html", "docx", "tsv"])
def test_a_partner_qualified_after_a_comma_is_the_name_before_it(tmp_path: Path, kind: str):
    assert facts(build(_table(tmp_path, kind, ROWS))) == FACTS


@pytest.mark.parametrize("kind", ["html", "tsv"])
def test_perturbed_rows_a_row_added_and_a_date_changed(tmp_path: Path, kind: str):
    rows = [*ROWS[:1], ["Moraka, Fukuoka", "Japan", "Sister City", "12 May 2012"], ["Sela, Parana", "Brazil",
                                                                                    "Friendship City", "1 July 2019"],
            *ROWS[1:]]
    rows[3] = ["Kalamo, Michigan", "USA", "Sister City", "4 June 1995"]
    expected = (FACTS - {("Kalamo", "김해시", "1995-06-03", "sister")}) | {
        ("Kalamo", "김해시", "1995-06-04", "sister"), ("Moraka", "김해시", "2012-05-12", "sister"),
        ("Sela", "김해시", "2019-07-01", "friendship")}
    assert facts(build(_table(tmp_path, kind, rows))) == expected


def test_a_country_or_a_known_parent_after_the_comma_places_a_row_without_a_country_column(tmp_path: Path):
    rows = [["Sela, Dara State, Brazil", "Friendship City", "1 July 2019"],
            ["Moraka, Miyagi", "Sister City", "12 May 1992"]]
    assert facts(build(_table(tmp_path, "html", rows, ["Partner City", "Type", "Date Signed"]))) == {
        ("Sela", "김해시", "2019-07-01", "friendship"), ("Moraka", "김해시", "1992-05-12", "sister")}


def test_latin_parents_of_qualified_names():
    reg = Registry.default()
    assert latin_parents(reg, "Moraka, Miyagi") == ("Moraka", "JP", "jp-miyagi")
    assert latin_parents(reg, "Sela, Dara State, Brazil") == ("Sela", "BR", None)
    assert latin_parents(reg, "Kalamo, Michigan") == ("Kalamo", None, None)
    assert latin_parents(reg, "Kalamo") == ("Kalamo", None, None)
