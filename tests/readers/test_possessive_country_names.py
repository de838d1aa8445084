"""An English place written after its country with a possessive (``Japan's Gana Prefecture``) is minted in that
country (decision 0096)."""

from __future__ import annotations

import pytest

from graph.extraction_eval import predicted_agreements
from graph.registry import Registry
from tests.readers.helpers import build, document


def keys(text: str) -> set[tuple]:
    result = build(document("release.txt", text))
    result.dataset.default_union = True
    return {p.key for p in predicted_agreements(result.dataset, Registry.default())}


@pytest.mark.parametrize(("text", "expected"), [
    ("Jeonbuk State signed a friendship exchange agreement with Japan's Gana Prefecture on Oct. 4, 2024.",
     {(("jp-gana", "kr-jeonbuk"), "2024-10-04")}),
    ("Gangneung signed a friendship exchange agreement with Japan's Gana City on Oct. 4, 2024.",
     {(("jp-gana", "kr-gangwon-gangneung"), "2024-10-04")}),
    ("Gangneung and China's Dara City signed a sister city agreement on May 3, 2019.",
     {(("cn-dara", "kr-gangwon-gangneung"), "2019-05-03")}),
    ("Japan's Gana City and Gangneung signed a sister city agreement on May 3, 2019.",
     {(("jp-gana", "kr-gangwon-gangneung"), "2019-05-03")}),
    # a gazetteer division: keyed by its Korean name, as in any other spelling
    ("Jeonbuk State signed a friendship exchange agreement with Japan's Kagoshima Prefecture on Oct. 4, 2024.",
     {(("jp-가고시마현", "kr-jeonbuk"), "2024-10-04")}),
], ids=["with-prefecture", "with-city", "pair-second", "pair-first", "gazetteer"])
def test_a_possessive_country_places_the_partner(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize("text", [
    "Jeonbuk State signed a friendship exchange agreement with Gana Prefecture on Oct. 4, 2024.",  # no country
    "Jeonbuk State signed a friendship exchange agreement with Gana's Dara Prefecture on Oct. 4, 2024.",  # no country
])
def test_no_country_no_partner(text):
    assert keys(text) == set()
