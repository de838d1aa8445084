"""A relation raised to another, worded ``자매도시로 승격`` (decision 0083): the upgrade ``격상`` words, a further
signing of the new relation; a party's own rise in rank (``시 승격``) is left as written. Pages written by the tests
(invented foreign names, a registry county as the subject) as list entries in several formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.text_forms import raised_relations
from tests.fixtures.pages import page
from tests.readers.helpers import build, facts

FACTS = {("사아시", "영동군", "2003", "friendship"), ("사아시", "영동군", "2014-05-27", "sister"),
         ("다라시", "영동군", "1999-02-08", "sister")}


@pytest.mark.parametrize("raised", ["자매도시로 승격", "자매결연 관계로 승격", "자매도시로 격상"])
@pytest.mark.parametrize("kind", ["txt", "md", "html", "docx"])
def test_an_entry_raising_its_relation(tmp_path: Path, kind: str, raised: str):
    lines = ["영동군 국제교류 현황", "자매도시 및 우호도시",
             f"- 중국 사아시 — 2003년 우호도시, 2014년 5월 27일 {raised}.",
             "- 일본 다라시 — 1999년 2월 8일 자매결연."]
    assert facts(build(page(tmp_path, kind, lines))) == FACTS


def test_negative_a_partys_own_rise_in_rank_is_no_relation_raised():
    assert raised_relations("2013년 7월 1일 시로 승격, 2008년 특례시로 승격") == \
        "2013년 7월 1일 시로 승격, 2008년 특례시로 승격"
    assert raised_relations("우호도시에서 자매도시로 승격") == "우호도시에서 자매도시로 격상"
