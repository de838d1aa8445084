"""Agreements stated in English (a city's English page, a press release): subject and partner with its country,
several partners each with its year, the pair carried by ``the two cities``, plans that sign nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page, paragraphs
from tests.readers.helpers import build, document, facts

RELEASE = """Gangneung signs friendship agreement with Harumi

Posted 2023.08.04

Gangneung City signed a friendship agreement with Harumi, Japan on August 3, 2023.
The two cities first signed a sister-city agreement in 1983.
Gangneung also signed a sister-city agreement with Qinglong, China in 2001 and with Darkhan Sum, Mongolia in 2009.
The city plans to sign an MOU with Dara Province, Vietnam next year.
A delegation from Harumi visited the city in 2019 to mark the anniversary.
"""
RELEASE_FACTS = {("Harumi", "강릉시", "2023-08-03", "friendship"), ("Harumi", "강릉시", "1983", "sister"),
                 ("Qinglong", "강릉시", "2001", "sister"), ("Darkhan Sum", "강릉시", "2009", "sister")}


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_english_release_partners_with_countries_the_pair_carried_and_a_plan(tmp_path: Path, kind: str):
    result = build(page(tmp_path, kind, paragraphs(RELEASE), name="release"))
    assert facts(result) == RELEASE_FACTS
    assert {(a, b, t) for a, b, _, t in facts(result, "AgreementIntent")} == {("Dara Province", "강릉시", "mou")}


def test_perturbed_english_release_a_year_changed_and_a_partner_without_country():
    changed = RELEASE.replace("in 2009", "in 2010").replace("with Qinglong, China", "with Qinglong")
    assert facts(build(document("release.txt", changed))) == (RELEASE_FACTS - {
        ("Qinglong", "강릉시", "2001", "sister"), ("Darkhan Sum", "강릉시", "2009", "sister")}) | {
        ("Darkhan Sum", "강릉시", "2010", "sister")}


SINCE = """Gangneung international relations

Posted 2024.02.10

Gangneung has been a sister city of Harumi, Japan since 1994.
Gangneung, a sister region of Qinglong, China since 2003, sent a delegation there.
Gangneung signed a friendship agreement with Darkhan Sum, Mongolia in May 2019.
"""


def test_relations_stated_since_a_year_and_a_signing_in_a_month():
    assert facts(build(document("since.txt", SINCE))) == {
        ("Harumi", "강릉시", "1994", "sister"), ("Qinglong", "강릉시", "2003", "sister"),
        ("Darkhan Sum", "강릉시", "2019-05", "friendship")}
    changed = SINCE.replace("since 1994", "since 1996").replace("Qinglong, China since", "Qinglong since")
    assert facts(build(document("changed.txt", changed))) == {  # a year changed; a partner with no country: left
        ("Harumi", "강릉시", "1996", "sister"), ("Darkhan Sum", "강릉시", "2019-05", "friendship")}
    visit = SINCE.replace("has been a sister city of", "has been a visitor of")  # no relation: no signing
    assert ("Harumi", "강릉시", "1994", "sister") not in facts(build(document("visit.txt", visit)))
