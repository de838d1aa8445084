"""An English news release with a partner list: a pair signed ``on Tuesday (6 May)`` (day before month, the
release's year), a letter of intent after an earlier exchange of delegations (only the signing's date), list
entries ``Name, Parent (Country): relation since YEAR (agreement signed on DATE); … renewed … on DATE`` with a
colon after the partner, ``agreement of DATE``, an anniversary celebrated and a suspension (no signings), a
region written ``Region`` for the registry's ``Oblast``, accented Latin names, a university agreement (no party),
and the release's officials: a contact line, ``Director: Mr. X``, ``the Korean Ambassador to Y, X``. Foreign names
are invented; Korean ones are the registry's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.pages import page, paragraphs
from tests.readers.helpers import build, document, docx_file, facts, from_file

RELEASE = """GANGNEUNG CITY — NEWS RELEASE
International Affairs Team | For immediate release | 8 May 2025
Contact: Ms. Park Ha-neul, Press Officer, +82-33-000-0000

Gangneung signs sister-city agreement with Łarowo, reaffirms ties with Dara

GANGNEUNG, 8 May 2025 — Gangneung City and the City of Łarowo, Poland, signed a sister-city agreement on \
Tuesday (6 May) at Łarowo Town Hall.
The agreement was signed by Gangneung Mayor Kim Do-yun and Łarowo Mayor Anna Kowal, in the presence of the \
Korean Ambassador to Poland, Lee Seo-jun.
The two cities first exchanged delegations at a trade fair in April 2021 and signed a letter of intent on 2 \
February 2023.
No agreement was signed with any other city during the trip.

Gangneung's existing partners
- Dara, Oregon (United States): sister city since 1985 (agreement signed on 4 July 1985); the two cities \
renewed their commitment with a joint declaration on 4 July 2015.
- Mara, Nagano Prefecture (Japan): sister city, agreement signed in March 1972 — the oldest partnership.
- Sarabi (Japan): friendship city, agreement of 7 June 2011.
- Tarab, Jilin Province (China): friendship city since 1998; the 20th anniversary was celebrated in Tarab in \
August 2018.
- Irkutsk Region (Russia): friendship agreement signed on 26 June 2014; exchanges suspended since 2022.
- Kalo Province (Viet Nam): memorandum of understanding on tourism, signed 3 December 2019.

Next steps
Gangneung University signed an academic exchange agreement with Łarowo University of Technology on the same day.

Issued by: International Affairs Team, Gangneung City. Director: Mr. Choi Min-jae.
"""
FACTS = {("Łarowo", "강릉시", "2025-05-06", "sister"), ("Łarowo", "강릉시", "2023-02-02", "letterOfIntent"),
         ("Dara", "강릉시", "1985-07-04", "sister"), ("Dara", "강릉시", "2015-07-04", "sister"),
         ("Mara", "강릉시", "1972-03", "sister"), ("Sarabi", "강릉시", "2011-06-07", "friendship"),
         ("Tarab", "강릉시", "1998", "friendship"), ("강릉시", "이르쿠츠크주", "2014-06-26", "friendship"),
         ("Kalo Province", "강릉시", "2019-12-03", "mou")}  # a province keeps its unit word (0076)
OWN = "region/kr-gangwon-gangneung"
OFFICIALS = {("Park Ha-neul", "Press Officer", OWN), ("Kim Do-yun", "Mayor", OWN),
             ("Choi Min-jae", "Director", OWN), ("Lee Seo-jun", "Ambassador", "country/KR")}


def _release(tmp_path: Path, kind: str, text: str = RELEASE):
    return page(tmp_path, kind, paragraphs(text), name="release")


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_a_release_with_a_partner_list_gives_each_signing_once(tmp_path: Path, kind: str):
    assert facts(build(_release(tmp_path, kind))) == FACTS


def test_the_release_officials_contact_director_and_ambassador(tmp_path: Path):
    from tests.readers.test_people import posts

    assert posts(RELEASE, tmp_path, "release.txt") >= OFFICIALS


def test_perturbed_release_a_row_added_dates_changed_and_noise():
    text = (RELEASE.replace("(6 May)", "(7 May)").replace("on 4 July 1985", "on 5 July 1985")
            .replace("since 1998;", "since 1999;")
            .replace("- Kalo Province", "- Vara, Texas (United States): sister city, agreement of 9 May 2001.\n"
                                        "- Kalo Province")
            .replace("in April 2021 and", "in April 2021 (see photo) and"))
    expected = (FACTS - {("Łarowo", "강릉시", "2025-05-06", "sister"), ("Dara", "강릉시", "1985-07-04", "sister"),
                         ("Tarab", "강릉시", "1998", "friendship")}) | {
        ("Łarowo", "강릉시", "2025-05-07", "sister"), ("Dara", "강릉시", "1985-07-05", "sister"),
        ("Tarab", "강릉시", "1999", "friendship"), ("Vara", "강릉시", "2001-05-09", "sister")}
    assert facts(build(document("r.txt", text))) == expected


def test_events_and_ends_in_an_entry_are_no_signings():
    text = RELEASE.replace("the 20th anniversary was celebrated in Tarab in August 2018",
                           "the 20th anniversary was commemorated in August 2018").replace(
        "exchanges suspended since 2022", "exchanges lapsed in 2022")
    got = facts(build(document("r.txt", text)))
    assert not {f for f in got if f[2] in ("2018-08", "2022")}
    # a year the entry also states in full is that signing, not a second one
    assert {f for f in got if f[0] == "Dara"} == {("Dara", "강릉시", "1985-07-04", "sister"),
                                                  ("Dara", "강릉시", "2015-07-04", "sister")}


REPORT = """Gangneung City Annual Report 2024: International Exchange

Gangneung and Dara (Japan) became sister cities on 3 May 1998.
The city and the City of Mara, China signed a friendship agreement on 12 November 2004.
In April 2024, the city signed a friendship agreement with the City of Sarabi, Mongolia.
In 2023 Gangneung renewed its agreement with Dara, Japan for another ten years.
Gangneung City has maintained a sister relationship with Vara, USA since 1991.
The agreement with Kalo, Viet Nam was signed on 21 November 2019.
A friendship agreement with Bela, Hungary was concluded in June 2020.
Gangneung signed friendship agreements with Nari, Mongolia (2008) and Tomi, Philippines (2012).
On 20 June 2024 the city signed a memorandum of understanding with Pavo, Hungary.
Partner cities
- Tarab, Poland: sister city (signed 5 September 2024)
- Lomo (Philippines): friendship city (2015)
- Pela (Philippines): friendship city (visit in 2016)
"""
REPORT_FACTS = {("Dara", "1998-05-03"), ("Mara", "2004-11-12"), ("Sarabi", "2024-04"), ("Dara", "2023"),
                ("Vara", "1991"), ("Kalo", "2019-11-21"), ("Bela", "2020-06"), ("Tarab", "2024-09-05"),
                ("Lomo", "2015"), ("Nari", "2008"), ("Tomi", "2012"), ("Pavo", "2024-06-20")}


def _pairs(doc) -> set[tuple[str, str]]:
    got = facts(build(doc))
    assert all(f[1] == "강릉시" for f in got)
    return {(f[0], f[2]) for f in got}


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_report_wordings_the_city_as_subject_a_paper_with_its_partner_and_a_kept_relationship(tmp_path: Path,
                                                                                                kind: str):
    doc = document("report.txt", REPORT) if kind == "txt" else from_file(
        docx_file(tmp_path / "report.docx", [line for line in REPORT.split("\n") if line.strip()]))
    assert _pairs(doc) == REPORT_FACTS


def test_perturbed_report_dates_changed_and_a_plan_or_talk_instead_of_a_signing():
    text = (REPORT.replace("21 November 2019", "22 November 2019").replace("since 1991", "since 1992")
            .replace("was concluded in June 2020", "is under discussion")
            .replace("In 2023 Gangneung renewed", "In 2023 Gangneung discussed renewing")
            .replace("Tomi, Philippines (2012)", "Tomi (2012)"))
    assert _pairs(document("r.txt", text)) == (REPORT_FACTS - {("Kalo", "2019-11-21"), ("Vara", "1991"),
                                                               ("Bela", "2020-06"), ("Dara", "2023"),
                                                               ("Tomi", "2012")}) | {
        ("Kalo", "2019-11-22"), ("Vara", "1992")}


TERMS = """Gangneung City International Relations

Sister and Friendship Cities
Dara, Japan
Sister city since 3 May 1998
Mara, Shanxi Province, China
Friendship city, agreement signed 12 November 2004
Vara (USA)
Friendship city: exchanges suspended since 2019
Gana, Japan
Population 300,000; founded 1889.
"""


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_a_partner_and_its_relation_on_two_lines_as_a_term_and_its_definition(tmp_path: Path, kind: str):
    if kind == "txt":
        doc = document("terms.txt", TERMS)
    else:
        lines = [line for line in TERMS.split("\n") if line.strip()]
        pairs = "".join(f"<dt>{lines[i]}</dt><dd>{lines[i + 1]}</dd>" for i in range(2, len(lines), 2))
        path = tmp_path / "terms.html"
        path.write_text(f"<html><body><main><h1>{lines[0]}</h1><h2>{lines[1]}</h2><dl>{pairs}</dl></main>"
                        "</body></html>", encoding="utf-8")
        doc = from_file(path)
    assert _pairs(doc) == {("Dara", "1998-05-03"), ("Mara", "2004-11-12")}
    # a date changed and a definition that names no relation
    text = TERMS.replace("3 May 1998", "4 May 1998").replace("Sister city since", "Visited since")
    assert _pairs(document("terms.txt", text)) == {("Mara", "2004-11-12")}
