"""A Latin phrase before a head's title is the place when a name follows the title (``베트남 Gana Dara 성장 Mara
Bat Sa가``: the person is Mara Bat Sa, of the country written before), and a person only when no name follows and
the phrase names no registry or gazetteer place; and a minted Latin place written with and without its unit word
(``Gana Dara Province`` in a release, ``Gana Dara`` in a table) is one region with one signing. Documents written by
the tests in several layouts; names invented (places from the registry and gazetteer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontology.namespaces import GY, RDFS
from tests.readers.helpers import build, document, facts
from tests.readers.test_people_in_any_sentence import posts_of

NEWS = """경기도 국제교류 소식
2024. 5. 20.

{lines}
"""


@pytest.mark.parametrize(("line", "expected"), [
    ("협약식에는 베트남 Gana Dara 성장 Mara Bat Sa가 참석했다.", {("Mara Bat Sa", "성장", "country/VN")}),
    ("이어 미국 Nara Hill 시장 Tobi Renwick와 면담하였다.", {("Tobi Renwick", "시장", "country/US")}),
    ("미국 Nara Hill 시장 Tobi Renwick, 부시장 Ella Moor와 만났다.", {("Tobi Renwick", "시장", "country/US")}),
    ("(베트남 Gana Dara 성장 Mara Bat Sa)", {("Mara Bat Sa", "성장", "country/VN")}),
    # no country written before the place: the place is still no person, and no post is guessed
    ("협약식에는 Gana Dara 성장 Mara Bat Sa가 참석했다.", set()),
])
def test_a_latin_place_before_a_title_with_a_name_after(tmp_path: Path, line: str, expected: set):
    got = posts_of(document("news.txt", NEWS.format(lines=line)), tmp_path)
    assert {p for p in got if p[0] in {"Mara Bat Sa", "Tobi Renwick"}} == expected
    assert not {n for n, _, _ in got} & {"Gana Dara", "Nara Hill"}


def test_a_latin_name_before_a_title_with_nothing_after_stays_a_person(tmp_path: Path):
    got = posts_of(document("news.txt", NEWS.format(lines="주한 미국대사관 정무참사관 Jennifer Rose와 면담했다.\n"
                                                    "이어 Tobi Renwick 미국 총영사가 축사를 했다.")), tmp_path)
    assert ("Jennifer Rose", "정무참사관", "country/US") in got
    assert {n for n, _, _ in got} >= {"Tobi Renwick"}


@pytest.mark.parametrize("place", ["Gana Dara Province", "Nara Hill County"])
def test_a_latin_place_with_its_unit_word_before_a_title_is_no_person(tmp_path: Path, place: str):
    got = posts_of(document("news.txt", NEWS.format(lines=f"이어 미국 {place} 지사가 환영사를 했다.")), tmp_path)
    assert place not in {n for n, _, _ in got}


RELEASE = """Suwon Special City Press Release
12 March 2011

Suwon Special City signed a friendship agreement with {written}, Vietnam, on 8 March 2011.
"""
TABLE = """Suwon Special City: partner cities
City | Country | Relationship | Date
{written} | Vietnam | Friendship | 2011-03-08
"""


def _regions_and_agreements(*docs):
    result = build(*docs)
    result.dataset.default_union = True
    regions = {str(r.p).rsplit("/", 1)[-1]: set() for r in result.dataset.query(
        "SELECT ?p WHERE { ?p a gy:Region ; gy:extractionMethod 'automatic' }", initNs={"gy": GY})}
    for r in result.dataset.query("SELECT ?p ?l WHERE { ?p a gy:Region ; rdfs:label|skos:altLabel ?l }",
                                  initNs={"gy": GY, "rdfs": RDFS, "skos": __import__("rdflib").SKOS}):
        key = str(r.p).rsplit("/", 1)[-1]
        if key in regions:
            regions[key].add(str(r.l))
    return regions, facts(result)


@pytest.mark.parametrize(("in_release", "in_table", "unit"), [
    ("Gana Dara Province", "Gana Dara", "Province"),
    ("Gana Dara", "Gana Dara Province", "Province"),
    ("Gana Dara District", "Gana Dara", "District"),
])
def test_one_minted_region_whether_written_with_its_unit_word_or_not(in_release: str, in_table: str, unit: str):
    regions, agreements = _regions_and_agreements(
        document("release.txt", RELEASE.format(written=in_release)), document("table.txt", TABLE.format(
            written=in_table)))
    assert set(regions) == {"vn-ganadara"}
    assert regions["vn-ganadara"] >= {"Gana Dara", f"Gana Dara {unit}"}  # both writings stay names of it
    assert len(agreements) == 1 and next(iter(agreements))[2] == "2011-03-08"


def test_a_minted_region_alone_keeps_its_unit_word_as_label():
    regions, agreements = _regions_and_agreements(document("release.txt", RELEASE.format(
        written="Gana Dara Province")))
    assert set(regions) == {"vn-ganadara"} and "Gana Dara Province" in regions["vn-ganadara"]
    assert len(agreements) == 1
