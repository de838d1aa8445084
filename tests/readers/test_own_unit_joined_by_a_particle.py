"""A Korean city named first with 와/과 in a province's list signs only when its foreign partner follows it
directly (``가나시와 다라성 마바시 자매결연``); followed by other words (``… 공동으로``, ``… 협력하여``) or with the
partner's own 와/과, it is a city that acted together with the province, and the province signs (audit15 A12).

The documents are written by the tests: the Korean parties are registry names, the foreign ones registry or
gazetteer divisions and invented cities."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page
from tests.readers.helpers import build
from tests.readers.test_report_prose import party_ids

PROVINCE, ANDONG, YEONGJU = "kr-gyeongbuk", "kr-gyeongbuk-andong", "kr-gyeongbuk-yeongju"


@pytest.mark.parametrize("kind", ["txt", "md", "docx"])
@pytest.mark.parametrize(("entry", "expected"), [
    ("○ 안동시와 장쑤성 마바시 자매결연(2001. 11. 3.)", ("cn-마바시", ANDONG, "2001-11-03")),
    ("○ 안동시와 중국 구이저우성 마바시 자매결연 체결(2001. 11. 3.)", ("cn-마바시", ANDONG, "2001-11-03")),
    ("○ 안동시와 공동으로 구이저우성 마바시와 우호교류 협정 체결(2001. 11. 3.)", ("cn-마바시", PROVINCE, "2001-11-03")),
    ("○ 안동시와 협력하여 중국 구이저우성 마바시와 자매결연 체결(2001. 11. 3.)", ("cn-마바시", PROVINCE, "2001-11-03")),
    ("○ 안동시와 함께 일본 아이치현 다라시와 자매결연 체결(2001. 11. 3.)", ("jp-다라시", PROVINCE, "2001-11-03")),
])
def test_a_city_joined_by_a_particle_signs_only_before_its_partner(tmp_path: Path, kind: str, entry: str,
                                                                    expected: tuple[str, str, str]):
    blocks = ["경상북도 국제교류 현황", entry, "○ 영주시, 일본 아이치현 가나시와 우호교류 협정 체결(2005. 6. 1.)"]
    assert party_ids(build(page(tmp_path, kind, blocks))) == {expected, ("jp-가나시", YEONGJU, "2005-06-01")}
