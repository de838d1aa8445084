"""A table whose party column is found by its cells only (a header that names it vaguely, ``도시 | 정보``) reads names
with their country in brackets (``가나시(일본)``) as places: each row's partner signs on the date in its other cell
(``자매결연 / 2005. 3. 12. 체결``); a plan there signs nothing. Written as Markdown, TSV, DOCX and HTML, perturbed;
the foreign names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

TITLE = "강릉시 자매도시"
ROWS = [["도시", "정보"], ["가나시(일본)", "자매결연 / 2005. 3. 12. 체결"],
        ["다라시(중국)", "우호교류 / 2010. 5. 3. 체결"]]
FACTS = {("가나시", "강릉시", "2005-03-12", "sister"), ("강릉시", "다라시", "2010-05-03", "friendship")}


@pytest.mark.parametrize("kind", ["md", "tsv", "docx", "html"])
def test_names_with_their_country_in_brackets_make_the_party_column(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, [TITLE, ROWS]))) == FACTS


def test_perturbed_a_row_added_a_plan_and_a_changed_date(tmp_path: Path):
    rows = [list(r) for r in ROWS]
    rows[2][1] = "우호교류 / 2011. 6. 7. 체결"
    rows.append(["마바시(미국)", "자매결연 / 2026. 3. 체결 예정"])
    assert facts(build(page(tmp_path, "tsv", [TITLE, rows]))) == {("가나시", "강릉시", "2005-03-12", "sister"),
                                                                  ("강릉시", "다라시", "2011-06-07", "friendship")}
