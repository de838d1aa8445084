"""English annual reports: bold-led partner bullets with the country in brackets, later sentences of an entry that
state events (not signings), a passive signing of the report's own city and a signing named by its year."""

# ruff: noqa: E501 (the report's lines are as long as a real one's)
from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file

REPORT = """# Gangneung City — Annual Report 2024

Gangneung City | International Division | published 3 March 2025 | page 12

## Partner cities

- **Velmora, Tarsia State (USA)** — sister city since 1984. Mayor Hong received a Velmora delegation on 2 May 2024 for the anniversary; no new agreement was signed.
- **City of Drisa (Japan)** — sister city agreement signed in June 1999 and renewed on 14 June 2019. The Drisa Prefectural Government is not a partner.
- **Kelmarin (China)** — friendship city agreement, 2002-08-21. Youth exchanges resumed in 2024 after a pause.
- **Ostavo (Bulgaria)** — sister city since 2007; exchanges have been suspended since 2021.

## Agreements signed in 2024

Besides Kelmarin, a tourism cooperation MOU was signed with the Province of Tam Lanh, Vietnam, on 9 April 2024; it was signed by the Vice Mayor.

The 2013 MOU with Pelvora (China) on the textile industry expired in 2018 and was not renewed.
"""
REPORT_FACTS = {("Velmora", "강릉시", "1984", "sister"), ("Drisa", "강릉시", "1999-06", "sister"),
                ("Drisa", "강릉시", "2019-06-14", "sister"), ("Kelmarin", "강릉시", "2002-08-21", "friendship"),
                ("Ostavo", "강릉시", "2007", "sister"), ("Tam Lanh", "강릉시", "2024-04-09", "mou"),
                ("Pelvora", "강릉시", "2013", "mou")}


@pytest.mark.parametrize("kind", ["md", "docx"])
def test_an_english_annual_report_with_bold_bullets_a_passive_signing_and_a_dated_mou(tmp_path: Path, kind: str):
    if kind == "md":
        path = tmp_path / "report.md"
        path.write_text(REPORT, encoding="utf-8")
    else:
        path = docx_file(tmp_path / "report.docx", [line.lstrip("#").strip() for line in REPORT.splitlines()
                                                    if line.strip()])
    assert facts(build(from_file(path))) == REPORT_FACTS


def test_perturbed_report_a_date_changed_an_event_sentence_and_a_country_dropped():
    changed = (REPORT.replace("since 1984.", "since 1986.")
               .replace("Youth exchanges resumed in 2024 after a pause.", "Youth exchanges were held in 2023.")
               .replace("with Pelvora (China)", "with Pelvora"))
    assert facts(build(document("report.md", changed))) == (REPORT_FACTS - {
        ("Velmora", "강릉시", "1984", "sister"), ("Pelvora", "강릉시", "2013", "mou")}) | {
        ("Velmora", "강릉시", "1986", "sister")}


def test_a_later_sentence_of_an_entry_that_states_a_signing_is_read():
    added = REPORT.replace("Youth exchanges resumed in 2024 after a pause.",
                           "It was renewed in 2022 for the 20th anniversary.")
    assert facts(build(document("report.md", added))) == REPORT_FACTS | {("Kelmarin", "강릉시", "2022", "friendship")}


PEOPLE = """# Gangneung City — Annual Report 2024

Gangneung City | International Division | published 3 March 2025 | page 12

- **Kelmarin (China)** — friendship agreement signed on 2 May 2024 by Mayor Hong Gil-dong and Vice Chairman Wang Hao of the Liaoning People's Government.
- **Tam Lanh (Vietnam)** — an MOU was signed on 9 April 2024 by Vice Mayor for Economic Affairs Park Min-jun.

Director of International Division: Choi Ga-on (+82-00-000-0000)
"""


def test_people_of_an_english_report_the_own_city_and_a_government_named_by_its_place(tmp_path: Path):
    from tests.readers.test_people import posts

    assert posts(PEOPLE, tmp_path, "report.md") == {
        ("Hong Gil-dong", "Mayor", "region/kr-gangwon-gangneung"),  # a Korean name with its title alone: the own city's
        # Deputy written Vice; a field after the title is part of the post's name
        ("Park Min-jun", "Vice Mayor for Economic Affairs", "region/kr-gangwon-gangneung"),
        ("Choi Ga-on", "Director", "region/kr-gangwon-gangneung"),  # Title of unit: name
        ("Wang Hao", "Vice-Chairman", "region/cn-liaoning"),  # the government of a place named by its first word
    }
    # a foreign name with its title alone is no official of the own city; a name without a hyphen neither
    perturbed = PEOPLE.replace("Mayor Hong Gil-dong", "Mayor Rafael Costa").replace("Choi Ga-on", "Choi Gaon")
    assert posts(perturbed, tmp_path, "report2.md") == {
        ("Park Min-jun", "Vice Mayor for Economic Affairs", "region/kr-gangwon-gangneung"), ("Wang Hao", "Vice-Chairman", "region/cn-liaoning")}


RELEASE = """PRESS RELEASE
Gangneung City Hall, International Division
FOR IMMEDIATE RELEASE: Wednesday, April 16, 2025

GANGNEUNG, Republic of Korea - Gangneung City (Gangwon State) and the City of Velmora, Chile,
signed a Friendship City Agreement on Monday, April 14, at Gangneung City Hall.

The agreement follows a Memorandum of Understanding on port cooperation that the two cities
signed in Velmora in October 2022.

Gangneung's first sister city is Kelmarin, Tarsia Province, China. The two cities signed their sister
city agreement on 3 May 1996 and renewed it on 3 May 2016 for the 20th anniversary.
"""
RELEASE_FACTS = {("Velmora", "강릉시", "2025-04-14", "friendship"), ("Velmora", "강릉시", "2022-10", "mou"),
                 ("Kelmarin", "강릉시", "1996-05-03", "sister"), ("Kelmarin", "강릉시", "2016-05-03", "sister")}


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_a_release_with_a_dateline_pair_an_earlier_mou_of_the_two_cities_and_a_first_sister_city(
        tmp_path: Path, kind: str):
    if kind == "txt":
        doc = document("release.txt", RELEASE)
    else:
        path = tmp_path / "release.html"
        body = "".join(f"<p>{block.replace(chr(10), ' ')}</p>" for block in RELEASE.split("\n\n"))
        path.write_text(f"<html><body><nav>Home | News</nav><article>{body}</article></body></html>",
                        encoding="utf-8")
        doc = from_file(path)
    assert facts(build(doc)) == RELEASE_FACTS


def test_perturbed_release_no_pair_before_the_two_cities_and_a_year_changed():
    # without the sister city named first, "the two cities" are the pair of the sentence before (Velmora)
    changed = RELEASE.replace("Gangneung's first sister city is Kelmarin, Tarsia Province, China. ", "").replace(
        "October 2022", "October 2021")
    assert facts(build(document("release.txt", changed))) == {
        ("Velmora", "강릉시", "2025-04-14", "friendship"), ("Velmora", "강릉시", "2021-10", "mou"),
        ("Velmora", "강릉시", "1996-05-03", "sister"), ("Velmora", "강릉시", "2016-05-03", "sister")}


FOREIGN = """Gangneung International Relations 2024

Posted 2024-11-02

- Velmora, Tarsia State, USA – signed Feb. 2, 1984
- Kelmarin, Japan – signed 4 December 1988

On October 14, 2024, Mayor Hong Gil-dong received a delegation led by Deputy Mayor Linda Okafor of Velmora.
Kelmarin Mayor Kenji Tanabe attended the port festival. Chairman Pham Van Long of the Tam Lanh People's Committee
visited the city; an MOU was signed with the Province of Tam Lanh, Vietnam, on 9 April 2024.
"""


def test_officials_of_foreign_places_the_english_lines_place(tmp_path: Path):
    from tests.readers.test_people import posts

    assert posts(FOREIGN, tmp_path, "partners.txt") == {
        ("Hong Gil-dong", "Mayor", "region/kr-gangwon-gangneung"),
        ("Linda Okafor", "Deputy Mayor", "region/us-velmora"),  # Title X of P: P placed by its list entry
        ("Kenji Tanabe", "Mayor", "region/jp-kelmarin"),  # P Title X
        ("Pham Van Long", "Chairman", "region/vn-tamlanh"),  # the People's Committee of a place placed later
    }
    # a place no country places is no organisation: its officials are left
    unplaced = FOREIGN.replace("- Kelmarin, Japan – signed 4 December 1988\n", "")
    assert ("Kenji Tanabe", "Mayor", "region/jp-kelmarin") not in posts(unplaced, tmp_path, "partners2.txt")


SIGNED_OFF = """Gangneung renews ties with Velmora

Posted 2024-11-02

Gangneung City signed a friendship agreement with Velmora, Chile on October 30, 2024.

Media contact: Han Ga-yun, International Cooperation Officer, Gangneung City Hall
Contact: Seo Da-on, Team Leader, International Exchange Team, +82-00-000-0000
"""


def test_signature_lines_name_title_and_organisation(tmp_path: Path):
    from tests.readers.test_people import posts

    assert posts(SIGNED_OFF, tmp_path, "release.txt") == {
        ("Han Ga-yun", "International Cooperation Officer", "region/kr-gangwon-gangneung"),  # field words kept
        ("Seo Da-on", "Team Leader", "region/kr-gangwon-gangneung"),  # no place after: the document's own region
    }
    # a name that is no romanised Korean name, or a title that is none, gives no post
    changed = SIGNED_OFF.replace("Han Ga-yun", "Han Gayun").replace("Team Leader", "Press Desk")
    assert posts(changed, tmp_path, "release2.txt") == set()
