"""An English press release: a wire dateline and a bracketed aside before the pair (``SUWON, Republic of Korea -
Suwon City (Gyeonggi Province) and the City of Gana, Brazil, signed …``), a weekday and day under the release's
date, a memorandum named before ``that the two cities signed``, a state ``which has been a sister state of …
since 2005`` placed in the country the text spoke of last, and ``X's first sister city is Y`` followed by ``The two
cities signed … and renewed it on …`` (day-month-year). Foreign names are invented; Korean ones are the registry's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, from_file
from tests.readers.test_report_prose import party_ids

RELEASE = """PRESS RELEASE
Suwon City Hall, International Cooperation Division
FOR IMMEDIATE RELEASE: Wednesday, March 12, 2025

Suwon and Gana sign Friendship City Agreement

SUWON, Republic of Korea - Suwon City (Gyeonggi Province) and the City of Gana, Brazil,
signed a Friendship City Agreement on Monday, March 10, at Suwon City Hall. Suwon Mayor
Kim Ga-na and Gana Mayor Rafael Dara signed the agreement in the presence of about 80 guests.

The agreement follows a Memorandum of Understanding on smart-city cooperation that the two cities
signed in Gana in November 2023. Gana is the capital of Dara State, which has been a sister
state of Gyeonggi Province since 2005.

Suwon's first sister city is Mara, Sichuan Province, China. The two cities signed their sister
city agreement on 21 October 1998 and renewed it on 21 October 2018 for the 20th anniversary. A
delegation from Mara visited Suwon last week.

Looking ahead, Suwon intends to conclude a friendship agreement with Saa, Mongolia, in 2025.
"""
FACTS = {("br-gana", "kr-gyeonggi-suwon", "2025-03-10"), ("br-gana", "kr-gyeonggi-suwon", "2023-11"),
         ("br-dara", "kr-gyeonggi", "2005"), ("cn-mara", "kr-gyeonggi-suwon", "1998-10-21"),
         ("cn-mara", "kr-gyeonggi-suwon", "2018-10-21")}


@pytest.mark.parametrize("name", ["release.txt", "release.docx"])
def test_an_english_release_gives_every_signing_it_states(tmp_path: Path, name: str):
    doc = document(name, RELEASE) if name.endswith(".txt") else from_file(
        docx_file(tmp_path / name, RELEASE.strip("\n").split("\n")))
    assert party_ids(build(doc)) == FACTS


def test_the_release_read_with_its_dates_and_names_changed():
    text = RELEASE.replace("March 12, 2025", "March 12, 2024").replace("November 2023", "June 2022")
    got = party_ids(build(document("r.txt", text)))
    assert ("br-gana", "kr-gyeonggi-suwon", "2024-03-10") in got and ("br-gana", "kr-gyeonggi-suwon", "2022-06") in got
    # the country named changes where the partner and the state are minted
    text = RELEASE.replace("the City of Gana, Brazil,", "the City of Gana, Chile,")
    got = party_ids(build(document("r.txt", text)))
    assert ("cl-dara", "kr-gyeonggi", "2005") in got and ("cl-gana", "kr-gyeonggi-suwon", "2025-03-10") in got
    # a visit is no signing: without the signing sentence, the MOU and the pair of the first sister city stay
    text = RELEASE.replace("The two cities signed their sister\ncity agreement on 21 October 1998 and renewed it on "
                           "21 October 2018 for the 20th anniversary.", "The two cities exchange students.")
    assert not any("cn-mara" in f for f in party_ids(build(document("r.txt", text))))


REPORT = """Suwon City — Annual Report 2024

6.3 Agreements signed in 2024

In 2024 Suwon concluded one new agreement: an economic cooperation MOU was signed with the Province of Gana,
Vietnam, on 3 April 2024; it was signed in Suwon by the Vice Mayor.

On the same trip the delegation called on Dara. Dara and Suwon agreed to sign a memorandum of understanding
on medical tourism in March 2025.

The 2014 MOU with Mara (China) on the textile industry expired in 2019 and was not renewed.
"""


def test_an_english_report_states_passive_signings_and_papers_dated_by_their_year():
    got = party_ids(build(document("r.md", REPORT)))
    assert got == {("kr-gyeonggi-suwon", "vn-gana", "2024-04-03"), ("cn-mara", "kr-gyeonggi-suwon", "2014")}
    # the country of the paper's partner moves with its bracket; without a country the partner is not minted
    assert ("jp-mara", "kr-gyeonggi-suwon", "2014") in party_ids(build(document("r.md", REPORT.replace(
        "(China)", "(Japan)"))))
    assert not any("mara" in " ".join(f) for f in party_ids(build(document("r.md", REPORT.replace(" (China)", "")))))


WIRE = """BUSAN METROPOLITAN CITY — NEWS RELEASE
International Relations Division | For immediate release | 12 September 2025

Busan signs sister-city agreement with Łaskowo

BUSAN, 12 September 2025 — Busan Metropolitan City and the City of Łaskowo, Poland, signed a sister-city agreement \
on Wednesday (10 September) at Łaskowo City Hall.
The two cities first exchanged delegations at a trade fair in October 2022 and signed a letter of intent \
on 14 March 2024.
"""
WIRE_FACTS = {("kr-busan", "pl-łaskowo", "2025-09-10"), ("kr-busan", "pl-łaskowo", "2024-03-14")}


@pytest.mark.parametrize("name", ["wire.txt", "wire.docx"])
def test_a_dated_wire_line_a_name_beyond_ascii_and_a_day_before_its_month(tmp_path: Path, name: str):
    lines = WIRE.strip("\n").split("\n")
    doc = document(name, WIRE) if name.endswith(".txt") else from_file(docx_file(tmp_path / name, lines))
    assert party_ids(build(doc)) == WIRE_FACTS


def test_the_wire_release_perturbed():
    # another day and month; the delegations' month is no signing date however it is written
    text = WIRE.replace("Wednesday (10 September)", "Monday (8 September)").replace("in October 2022",
                                                                                   "on 3 October 2022")
    assert party_ids(build(document("w.txt", text))) == {("kr-busan", "pl-łaskowo", "2025-09-08"),
                                                        ("kr-busan", "pl-łaskowo", "2024-03-14")}
