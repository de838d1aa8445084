"""English pages in general: a partner table whose city cell holds its parents (``Gana, Oregon`` beside a country
column), a minted place labelled with its bare English name (``Gana City`` → ``Gana``), list entries with the
relation and date in brackets (``Gana, Tottori, Japan (sister city, 1998)``: the registry's Tottori is the parent,
not the partner), a partner placed only by a foreign registry region (``Gana (California)``), ``the sister city
agreement of 1994``, and the city's own district written in English with an appositive (``Jung-gu, one of the
city's districts, signed …``: that city's Jung-gu, not another's). Foreign names are invented; Korean ones are the
registry's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page, paragraphs
from tests.readers.helpers import build, document, facts

HEADER = ["Partner city", "Country", "Relationship", "Signed", "Notes"]
ROWS = [["Marevale, Oregon", "USA", "Sister city", "March 5, 2019", "Renewed 5 March 2024"],
        ["Kosuna City, Tottori Prefecture", "Japan", "Sister city", "12 June 1998",
         "20th anniversary celebrated in 2018"],
        ["Lindhaven (Jiangsu)", "China", "Friendship city", "2003", ""],
        ["Ravensk Oblast", "Russia", "MOU", "2015-09-21", "Expired in 2020"]]
TABLE_FACTS = {("Marevale", "춘천시", "2019-03-05", "sister"), ("Marevale", "춘천시", "2024-03-05", "sister"),
               ("Kosuna", "춘천시", "1998-06-12", "sister"), ("Lindhaven", "춘천시", "2003", "friendship"),
               ("Ravensk Oblast", "춘천시", "2015-09-21", "mou")}  # a unit word as written, City aside (0076)
TITLE = "Chuncheon City International Relations Annual Report 2024"
LEAD = "Chuncheon maintains partnerships with four cities abroad (as of 31 December 2024)."


def _table_page(tmp_path: Path, kind: str, rows: list[list[str]]):
    return page(tmp_path, kind, [TITLE, LEAD, [HEADER, *rows]], name="report")


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_an_english_partner_table_takes_the_place_before_its_parents_and_labels_it_bare(tmp_path: Path, kind: str):
    assert facts(build(_table_page(tmp_path, kind, ROWS))) == TABLE_FACTS


def test_an_english_partner_table_perturbed_a_row_added_and_a_date_changed(tmp_path: Path):
    rows = [r.copy() for r in ROWS] + [["Porto Verde, Minas Gerais", "Brazil", "Friendship city", "Nov. 3, 2011", ""]]
    rows[2][3] = "2004"
    expected = (TABLE_FACTS - {("Lindhaven", "춘천시", "2003", "friendship")}) | {
        ("Lindhaven", "춘천시", "2004", "friendship"), ("Porto Verde", "춘천시", "2011-11-03", "friendship")}
    assert facts(build(_table_page(tmp_path, "html", rows))) == expected


RELEASE = """Chuncheon signs sister city agreement with Bracknell Falls, Canada

CHUNCHEON, 14 May 2025 — Chuncheon City signed a sister city agreement with Bracknell Falls, Ontario, Canada on \
12 May 2025.
Chuncheon's partner cities are:
- Marevale, Oregon, USA (sister city, 2019)
- Kosuna, Tottori, Japan (sister city, 1998)
- Lindhaven, Jiangsu, China (friendship city, 2003)
Exchanges with Calder Springs (California) ended in 2015; the sister city agreement of 1994 has not been renewed.
"""
RELEASE_FACTS = {("Bracknell Falls", "춘천시", "2025-05-12", "sister"), ("Marevale", "춘천시", "2019", "sister"),
                 ("Kosuna", "춘천시", "1998", "sister"), ("Lindhaven", "춘천시", "2003", "friendship"),
                 ("Calder Springs", "춘천시", "1994", "sister")}


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_entries_with_relation_and_year_in_brackets_and_an_agreement_of_a_year(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, paragraphs(RELEASE), name="r"))) == RELEASE_FACTS


def test_entries_perturbed_a_plan_a_changed_year_and_no_place():
    text = RELEASE.replace("(sister city, 1998)", "(sister city, 1999)").replace(
        "the sister city agreement of 1994 has not been renewed", "a new sister city agreement will be signed in 2026")
    text = text.replace("- Lindhaven, Jiangsu, China (friendship city, 2003)", "- Lindhaven (friendship city, 2003)")
    dropped = {("Kosuna", "춘천시", "1998", "sister"), ("Calder Springs", "춘천시", "1994", "sister"),
               ("Lindhaven", "춘천시", "2003", "friendship")}
    expected = (RELEASE_FACTS - dropped) | {("Kosuna", "춘천시", "1999", "sister")}
    assert facts(build(document("r.txt", text))) == expected


DISTRICT = """Daegu Metropolitan City: Sister and Friendship Cities

Daegu maintains ties with cities abroad.
Jung-gu, one of the city's districts, signed a friendship agreement with Hollin City, Vietnam, on 12 June 2018.
Suseong-gu, a district of the city, signed a sister city agreement with Vellport, Australia in 2009.
"""


def test_the_own_citys_district_written_in_english_with_an_appositive_is_a_party():
    assert {(a, b, d) for a, b, d, _ in facts(build(document("d.txt", DISTRICT)))} == {
        ("Hollin", "중구", "2018-06-12"), ("Vellport", "수성구", "2009")}
    assert _party_ids(build(document("d.txt", DISTRICT))) == {"kr-daegu-jung", "kr-daegu-suseong", "vn-hollin",
                                                               "au-vellport"}


def _party_ids(built) -> set[str]:
    from ontology.namespaces import GY

    built.dataset.default_union = True
    return {str(r.p).rsplit("/", 1)[-1] for r in built.dataset.query(
        "SELECT ?p WHERE { ?a a gy:Agreement ; gy:party ?p }", initNs={"gy": GY})}


PROSE = """Chuncheon International Exchange Report

Chuncheon signed a friendship city agreement with Oskemen City, Kazakhstan in 2012 and upgraded it to a sister city \
relationship on 5 March 2019.
On 20 October 2021, Chuncheon and Tolbor Aimag, Mongolia signed a memorandum of understanding on agricultural \
cooperation.
"""
PROSE_FACTS = {("Oskemen", "춘천시", "2012", "friendship"), ("Oskemen", "춘천시", "2019-03-05", "sister"),
               ("Tolbor Aimag", "춘천시", "2021-10-20", "mou")}


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_an_upgrade_after_the_first_signing_is_a_second_agreement(tmp_path: Path, kind: str):
    assert facts(build(page(tmp_path, kind, paragraphs(PROSE), name="p"))) == PROSE_FACTS


def test_an_upgrade_perturbed_planned_or_renewed():
    planned = PROSE.replace("and upgraded it to a sister city relationship on 5 March 2019",
                            "and plans to upgrade it to a sister city relationship in 2026")
    upgrade = ("Oskemen", "춘천시", "2019-03-05", "sister")
    assert facts(build(document("p.txt", planned))) == PROSE_FACTS - {upgrade}
    renewed = PROSE.replace("upgraded it to a sister city relationship", "renewed it")
    assert facts(build(document("p.txt", renewed))) == (PROSE_FACTS - {upgrade}) | {
        ("Oskemen", "춘천시", "2019-03-05", "friendship")}


def test_an_official_of_a_place_only_the_table_places(tmp_path: Path):
    from tests.readers.test_people import posts

    rows = "\n".join(" | ".join(r) for r in [HEADER, *ROWS])
    text = f"{TITLE}\n{LEAD}\n{rows}\nIn 2024, Mayor Yook Dong-han of Chuncheon met Mayor Jane Porter of Marevale."
    assert posts(text, tmp_path, "t.txt") == {("Yook Dong-han", "Mayor", "region/kr-gangwon-chuncheon"),
                                              ("Jane Porter", "Mayor", "region/us-marevale")}


SUBJECTS = """Chuncheon City News Release

CHUNCHEON, 10 September 2025 — Earlier this year, Chuncheon signed a friendship agreement with Dalby, Australia on \
3 March 2025.
Mayor Yook Dong-han signed a sister city agreement with Orsk Falls, Canada on 4 April 2025.
On 5 September 2025, Mayor Yook Dong-han and Mayor Anna Berg of Kalmor (Sweden) signed a sister city agreement.
It also signed a memorandum of understanding with Tarnovo, Bulgaria in 2019.
The Chuncheon city government signed an MOU with Vellore, India on 2 May 2023.
The agreement with Halden was signed on 7 July 2022 by Mayor Yook Dong-han and Mayor Per Lund of Halden, Norway.
Chuncheon signed a sister city agreement with Vasa, a port city in western Finland, on 8 August 2021.
Chuncheon and Lodan in Estonia signed a friendship agreement on 9 September 2020.
"""
SUBJECT_FACTS = {("Dalby", "춘천시", "2025-03-03"), ("Orsk Falls", "춘천시", "2025-04-04"),
                 ("Kalmor", "춘천시", "2025-09-05"), ("Tarnovo", "춘천시", "2019"),
                 ("Vellore", "춘천시", "2023-05-02"), ("Halden", "춘천시", "2022-07-07"),
                 ("Vasa", "춘천시", "2021-08-08"),
                 ("Lodan", "춘천시", "2020-09-09")}


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_signings_whose_subject_is_a_pronoun_a_mayor_or_the_government_and_partners_placed_in_words(
        tmp_path: Path, kind: str):
    doc = page(tmp_path, kind, paragraphs(SUBJECTS), name="s")
    assert {(a, b, d) for a, b, d, _ in facts(build(doc))} == SUBJECT_FACTS


def test_signings_by_bodies_foreign_mayors_or_planned_are_no_agreements_of_the_city():
    text = SUBJECTS.split("\n")[0] + "\n\n" + "\n".join([
        "CHUNCHEON, 10 September 2025 — Chuncheon University signed an MOU with Vellore, India on 2 May 2023.",
        "Mayor Anna Berg of Kalmor, Sweden signed a friendship agreement with Tarnovo, Bulgaria on 4 April 2025.",
        "The company signed a supply agreement with Dalby, Australia on 3 March 2025.",
        "Later, Mayor Yook Dong-han will sign a sister city agreement with Orsk Falls, Canada in 2026."])
    built = build(document("n.txt", text))
    assert facts(built) == set()
    assert {(a, b, d) for a, b, d, _ in facts(built, "AgreementIntent")} == {("Orsk Falls", "춘천시", "2026")}


@pytest.mark.parametrize(("written", "iso"), [
    ("on the 5th of March 2019", "2019-03-05"), ("on 5-Mar-2019", "2019-03-05"), ("on March 5th, 2019", "2019-03-05"),
    ("in early 2019", "2019"), ("in spring 2019", "2019"), ("on 5 March, 2019", "2019-03-05")])
def test_english_date_forms_keep_their_precision(written: str, iso: str):
    text = f"Chuncheon City News\n\nChuncheon signed a friendship agreement with Dalby, Australia {written}."
    assert facts(build(document("d.txt", text))) == {("Dalby", "춘천시", iso, "friendship")}


def test_lower_case_pronouns_interposed_words_and_names_with_particles():
    text = "\n".join(["Chuncheon City News Release", "",
                      "In 2019, it signed a friendship agreement with Dalby, Australia on 3 March 2019.",
                      "Separately, the city signed an MOU with Vellore, India on 2 May 2023.",
                      "Chuncheon, meanwhile, signed a sister city agreement with Orsk Falls, Canada on 4 April 2024.",
                      "Chuncheon and the City of Vila do Mar, Brazil signed a friendship pact on 9 September 2020.",
                      "Chuncheon signed a sister city agreement with Halle am Rhin, Germany in 2011."])
    assert {(a, b, d) for a, b, d, _ in facts(build(document("m.txt", text)))} == {
        ("Dalby", "춘천시", "2019-03-03"), ("Vellore", "춘천시", "2023-05-02"), ("Orsk Falls", "춘천시", "2024-04-04"),
        ("Vila do Mar", "춘천시", "2020-09-09"), ("Halle am Rhin", "춘천시", "2011")}


@pytest.mark.parametrize("phone", [" (+82-33-000-0000)", ", +82-33-000-0000", ""])
def test_a_contact_line_with_the_unit_before_the_officer(tmp_path: Path, phone: str):
    from tests.readers.test_people import posts

    text = (f"{TITLE}\n{LEAD}\nIn 2024, Mayor Yook Dong-han of Chuncheon visited Marevale, Oregon, USA.\n"
            f"Contact: International Cooperation Division, Ms. Nam Ha-eun, Team Leader for City Diplomacy{phone}")
    assert posts(text, tmp_path, "c.txt") == {("Yook Dong-han", "Mayor", "region/kr-gangwon-chuncheon"),
                                              ("Nam Ha-eun", "Team Leader for City Diplomacy",
                                               "region/kr-gangwon-chuncheon")}
