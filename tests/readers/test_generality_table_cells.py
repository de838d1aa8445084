"""Generality of decision 0067's table rules beyond the tables they were tuned on: partners sharing one cell and
set apart only by a space (a web page's lost line break) with as many dates — registry cities and invented ones, other
date forms, a row added — and cells that must stay one partner (a place inside another, fewer dates than names); a
province's own office (``본청``) in other provinces and at a group's first row. The pages are
written by the tests; the foreign names are invented or taken from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts


def _labels(tmp_path: Path, kind: str, blocks: list) -> set:
    return {(a, b, d) for a, b, d, _ in facts(build(page(tmp_path, kind, blocks)))}


CITIES = "속초시 해외 교류도시 현황"
HEADER = ["국가", "도시", "체결일"]


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx"])
def test_registry_cities_set_apart_by_a_space_each_take_their_date(tmp_path: Path, kind: str):
    rows = [HEADER, ["중국", "시안시 선양시", "2005. 3. 12. 2008. 6. 7."], ["일본", "가나시", "2010. 5. 3."]]
    assert _labels(tmp_path, kind, [CITIES, rows]) == {
        ("속초시", "시안시", "2005-03-12"),
        ("선양시", "속초시", "2008-06-07"),
        ("가나시", "속초시", "2010-05-03"),
    }


def test_perturbed_other_date_forms_and_a_row_added(tmp_path: Path):
    rows = [
        HEADER,
        ["일본", "가나시 다라시 마바시", "2005.03.12 2008.06.07 2011.11.11"],
        ["중국", "시안시", "2010. 5. 3."],
        ["몽골", "사하솜", "2019년 4월 4일"],
    ]
    assert _labels(tmp_path, "tsv", [CITIES, rows]) == {
        ("가나시", "속초시", "2005-03-12"),
        ("다라시", "속초시", "2008-06-07"),
        ("마바시", "속초시", "2011-11-11"),
        ("속초시", "시안시", "2010-05-03"),
        ("사하솜", "속초시", "2019-04-04"),
    }


def test_negative_a_signing_and_its_renewal_of_one_partner_stay_one_partner(tmp_path: Path):
    rows = [HEADER, ["일본", "가나시", "2005. 3. 12. 2015. 3. 12."], ["중국", "시안시", "2010. 5. 3."]]
    assert _labels(tmp_path, "tsv", [CITIES, rows]) == {
        ("가나시", "속초시", "2005-03-12"),
        ("가나시", "속초시", "2015-03-12"),
        ("속초시", "시안시", "2010-05-03"),
    }
    inside = [HEADER, ["중국", "지린성 다라시", "2005. 3. 12. 2015. 3. 12."]]  # a city after its province: one partner
    assert _labels(tmp_path, "tsv", [CITIES, inside]) == {
        ("다라시", "속초시", "2005-03-12"),
        ("다라시", "속초시", "2015-03-12"),
    }


OVERVIEW = ["시도", "시군구", "상대국", "상대도시", "체결일자"]


@pytest.mark.parametrize("kind", ["tsv", "html", "hwpx"])
def test_own_office_rows_of_other_provinces(tmp_path: Path, kind: str):
    rows = [
        OVERVIEW,
        ["전남", "본청", "중국", "시안시", "1996. 4. 2."],
        ["", "여수시", "일본", "가나시", "2001. 5. 5."],
        ["충북", "청주시", "미국", "다라카운티", "2011. 8. 8."],
        ["", "도 본청", "일본", "돗토리현", "2014. 6. 6."],
    ]
    assert _labels(tmp_path, kind, ["전국 지방자치단체 국제교류 현황", rows]) == {
        ("시안시", "전라남도", "1996-04-02"),
        ("가나시", "여수시", "2001-05-05"),
        ("다라카운티", "청주시", "2011-08-08"),
        ("돗토리현", "충청북도", "2014-06-06"),
    }


TIMELINE = ["구분", "체결일", "비고"]


@pytest.mark.parametrize(
    ("kind", "first", "fact"),
    [
        ("docx", ["자매결연", "1998. 4. 2.", ""], {("시안시", "전라남도", "1998-04-02", "sister")}),
        ("md", ["자매결연 추진", "2026. 3.", ""], set()),
        ("hwpx", ["자매결연 20주년", "2018. 4. 2.", "기념식"], set()),
        ("html", ["자매결연 해지", "2018. 4. 2.", ""], set()),
    ],
)
def test_timeline_cards_under_a_signing_date_header(tmp_path: Path, kind: str, first: list, fact: set):
    """A relation under ``체결일`` is the card's signing with a registry partner; a plan, an anniversary and an end
    under the same header sign nothing; the other card stays."""
    blocks = [
        "전라남도 해외 교류도시",
        "■ 중국 시안시",
        [TIMELINE, first],
        "■ 일본 돗토리현",
        [TIMELINE, ["우호교류", "2011. 6. 7.", ""]],
    ]
    assert facts(build(page(tmp_path, kind, blocks))) == fact | {("돗토리현", "전라남도", "2011-06-07", "friendship")}


@pytest.mark.parametrize(
    ("kind", "rows"),
    [
        (
            "tsv",
            [["도시", "정보"], ["시안시(중국)", "1998. 4. 2. 자매결연"], ["돗토리현(일본)", "2011. 6. 7. 우호교류"]],
        ),
        (
            "html",
            [
                ["도시", "정보"],
                ["시안시 (Xi'an)", "자매결연 / 1998. 4. 2."],
                ["돗토리현(일본)", "우호교류 / 2011. 6. 7."],
            ],
        ),
    ],
)
def test_names_with_a_bracket_after_them_in_a_vaguely_headed_column(tmp_path: Path, kind: str, rows: list):
    """5c18c2b's party column found by its cells (``시안시(중국)``, a Latin gloss in brackets), registry partners."""
    assert _labels(tmp_path, kind, ["전라남도 해외 교류도시", rows]) == {
        ("시안시", "전라남도", "1998-04-02"),
        ("돗토리현", "전라남도", "2011-06-07"),
    }


@pytest.mark.parametrize("title", ["전라남도 해외 교류도시", "전라남도 국제교류 행사"])
def test_negative_a_visit_row_of_a_party_table_signs_nothing(tmp_path: Path, title: str):
    """``시안시(중국) | 대표단 방문 / 2019. 4. 2.``: a delegation's visit, no agreement (at fd78cc5 already one)."""
    rows = [
        ["도시", "정보"],
        ["시안시(중국)", "대표단 방문 / 2019. 4. 2."],
        ["돗토리현(일본)", "우호교류 / 2011. 6. 7. 체결"],
    ]
    assert _labels(tmp_path, "tsv", [title, rows]) == {("돗토리현", "전라남도", "2011-06-07")}
