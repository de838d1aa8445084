"""English releases read with the same clause model (decision 0092): a place after its kind and its country's
adjective (``the Japanese city of Marano``: Marano, Japan), a weekday beside a stated year (``on Monday, three decades
after … first became sister cities in 1994``: both signings), the pair's first signing (``first established in May
2004``) and ``On the same day`` (the day of the signing read before). Foreign places invented; Korean ones the
registry's. Perturbations beside each."""

from __future__ import annotations

import pytest

from tests.readers.helpers import build, document, facts

RELEASE = """PRESS RELEASE
Gimpo City, International Cooperation Division
For immediate release: Tuesday, June 4, 2024

{headline}

GIMPO, Korea - {text}
"""


def _read(text: str, kind: str = "Agreement", headline: str = "Gimpo signs exchange agreements") -> set[tuple]:
    return facts(build(document("r.txt", RELEASE.format(headline=headline, text=text))), kind)


@pytest.mark.parametrize(("text", "expected"), [
    ("Gimpo City and the Japanese city of Marano signed a renewed sister city agreement on Monday in Marano, "
     "three decades after the two cities first became sister cities in 1994.",
     {("Marano", "김포시", "2024-06-03", "sister"), ("Marano", "김포시", "1994", "sister")}),
    ("Gimpo signed a friendship agreement with the Chinese province of Sarana on Friday.",
     {("Sarana", "김포시", "2024-05-31", "friendship")}),
    ("Gimpo renewed its sister city agreement with Marano, Japan on June 3, 2024; the partnership was first "
     "established in May 2004.",
     {("Marano", "김포시", "2024-06-03", "sister"), ("Marano", "김포시", "2004-05", "sister")}),
])
def test_english_clauses_give_each_signing_of_the_pair(text: str, expected: set):
    assert _read(text) == expected


def test_on_the_same_day_is_the_day_of_the_signing_before():
    text = ("Gimpo City and the Japanese city of Marano signed a renewed sister city agreement on Monday.\n\n"
            "On the same day, Gimpo signed a tourism memorandum of understanding with Sarana Province, Vietnam.")
    assert _read(text) == {("Marano", "김포시", "2024-06-03", "sister"),
                           ("Sarana Province", "김포시", "2024-06-03", "mou")}


def test_a_plan_with_a_weekday_is_an_intent_and_an_adjective_of_no_country_places_nothing():
    assert _read("Gimpo plans to sign a friendship agreement with the Japanese city of Marano on Friday.") == set()
    assert _read("Gimpo signed a friendship agreement with the Northern city of Marano on Friday.") == set()
