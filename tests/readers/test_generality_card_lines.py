"""Generality of decision 0067's cards spread over lines beyond the cards they were tuned on: a label line with its
value on the next line and bulleted fields under a heading naming the partner, for a province's list with registry
partners and an invented one, other labels (``결연일``, ``체결일자``, ``협정 체결일``), other date forms and OCR noise
(full-width digits, dropped spaces), in every text format; and cards that sign nothing (a visit, an anniversary, a
plan, a university's MOU). The pages are written by the tests; the foreign names are invented or from the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

TITLE = "전라남도 해외 자매·우호도시"
FACTS = {("시안시", "전라남도", "1998-04-02", "sister"), ("돗토리현", "전라남도", "2011-06-07", "friendship")}
LABEL_LINES = [
    "1. 시안시 (중국)",
    "결연일",
    "1998. 4. 2.",
    "유형",
    "자매결연",
    "",
    "2. 돗토리현 (일본)",
    "체결일자",
    "2011년 6월 7일",
    "유형",
    "우호교류",
]
BULLETS = ["■ 시안시(중국)", " - 자매결연", " - 1998. 4. 2.", "■ 돗토리현(일본)", " - 우호교류 협약", " - 2011. 6. 7."]


@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx", "hwpx"])
@pytest.mark.parametrize("layout", ["labels", "bullets"])
def test_cards_of_a_provinces_list_in_every_format(tmp_path: Path, kind: str, layout: str):
    lines = LABEL_LINES if layout == "labels" else BULLETS
    assert facts(build(page(tmp_path, kind, [TITLE, *(t for t in lines if t)]))) == FACTS


def test_perturbed_other_labels_ocr_noise_and_an_invented_partner(tmp_path: Path):
    lines = [
        "1. 시안시 (중국)",
        "결연일:",
        "１９９８. 4. 2.",
        "유형: 자매결연",
        "",
        "2. 가나현 (일본)",
        "협정 체결일",
        "2011.6.7",
        "유형",
        "우호교류",
    ]
    assert facts(build(page(tmp_path, "txt", [TITLE, *lines]))) == {
        ("시안시", "전라남도", "1998-04-02", "sister"),
        ("가나현", "전라남도", "2011-06-07", "friendship"),
    }


@pytest.mark.parametrize(
    "fields", [(" - 대표단 방문", " - 1998. 4. 2."), (" - 자매결연 10주년 기념식", " - 2008. 4. 2.")]
)
def test_negative_a_visit_or_an_anniversary_card_signs_nothing(tmp_path: Path, fields: tuple):
    lines = [BULLETS[0], *fields, *BULLETS[3:]]
    assert facts(build(page(tmp_path, "txt", [TITLE, *lines]))) == {
        ("돗토리현", "전라남도", "2011-06-07", "friendship")
    }


def test_negative_a_universitys_mou_card(tmp_path: Path):
    lines = ["■ 가나대학(일본)", " - MOU", " - 2011. 6. 7."]
    assert facts(build(page(tmp_path, "txt", [TITLE, *lines]))) == set()


def test_negative_a_planned_card_is_no_signing(tmp_path: Path):
    """``자매결연 추진`` / ``2026. 4.``: a plan (an intent at most), never an agreement."""
    lines = [BULLETS[0], " - 자매결연 추진", " - 2026. 4.", *BULLETS[3:]]
    assert facts(build(page(tmp_path, "txt", [TITLE, *lines]))) == {
        ("돗토리현", "전라남도", "2011-06-07", "friendship")
    }
