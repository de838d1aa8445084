"""A registry name inside a longer word (나주 in 애리조나주, 라구나주) never makes a party or a document's subject."""

from __future__ import annotations

import pytest

from tests.readers.helpers import build, document
from tests.readers.test_table_shapes import facts

CARDS = """가평군 국제교류 도시 소개

■ 필리핀 라구나주 칼람바시
- 구분: 우호교류
- 체결일: 2011. 9. 3.
- 주요 교류: 공무원 연수, 청소년 홈스테이

■ 미국 애리조나주 투손시
- 구분: 자매결연
- 체결일: 2005. 4. 12.
- 주요 교류: 문화예술단 상호 방문"""
EXPECTED = {("가평군", "칼람바시", "2011-09-03", "friendship"), ("가평군", "투손시", "2005-04-12", "sister")}


def test_cards_headed_by_a_state_ending_in_a_korean_city_name_keep_the_document_subject():
    assert facts(build(document("cards.txt", CARDS))) == EXPECTED


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("2005. 4. 12.", "2006. 4. 12.", ("가평군", "투손시", "2006-04-12", "sister")),  # a date changed
    ("■ 미국 애리조나주 투손시", "■ 미국 애리조나 주 투손시", ("가평군", "투손시", "2005-04-12", "sister")),  # spacing
])
def test_perturbed_cards(old, new, changed):
    expected = {f for f in EXPECTED if f[1] != changed[1]} | {changed}
    assert facts(build(document("cards.txt", CARDS.replace(old, new)))) == expected
