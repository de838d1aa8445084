"""English wordings (a relation since a year, both parties first, renewals, days without their year, plans, a
label with partners in line) and bilingual documents, where a signing said in Korean and in English is one fact
with both lines as provenance and the English name an English label of the Korean-named region."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from ontology.namespaces import GY, PROV, SKOS
from tests.fixtures.pages import page, paragraphs
from tests.readers.helpers import build, document, docx_file, facts, from_file

REGION = "https://w3id.org/gyoryu/id/region/"
WORDINGS = """Gangneung international relations

Posted 2024.02.10

Gangneung City signed a sister-city agreement with Harumi, Japan on March 5, 2019.
Gangneung and Dara, China have been sister cities since 1994.
Gangneung signed a friendship-city agreement with Mara, Mongolia on 5 March 2011.
Gangneung renewed its sister-city agreement with the City of Harumi, Nagano, Japan,
on Mar. 2024.
Earlier, on January 20, Gangneung and the City of Sara, Vietnam signed a memorandum of understanding on tourism.
The city will sign a letter of intent with Kara, Russia in 2025.
Gangneung plans to sign a friendship agreement with Lara, Kazakhstan.
Sister Cities: Zara, Japan (1995); Qara, Nagano, Japan (May 3, 2001)
"""
WORDING_FACTS = {("Harumi", "강릉시", "2019-03-05", "sister"), ("Dara", "강릉시", "1994", "sister"),
                 ("Mara", "강릉시", "2011-03-05", "friendship"), ("Harumi", "강릉시", "2024-03", "sister"),
                 ("Sara", "강릉시", "2024-01-20", "mou"), ("Zara", "강릉시", "1995", "sister"),
                 ("Qara", "강릉시", "2001-05-03", "sister")}

INTENTS = {("Kara", "강릉시", "2025", "letterOfIntent"), ("Lara", "강릉시", "", "friendship")}


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_english_wordings_in_every_format(tmp_path: Path, kind: str):
    result = build(page(tmp_path, kind, paragraphs(WORDINGS), name="en"))
    assert facts(result) == WORDING_FACTS
    assert facts(result, "AgreementIntent") == INTENTS


def test_perturbed_wordings_a_date_changed_a_country_dropped_and_noise():
    changed = (WORDINGS.replace("since 1994", "since 1996").replace("with Mara, Mongolia", "with Mara")
               .replace("(1995)", "(1995 )").replace("on January 20", "on January 21"))
    expected = (WORDING_FACTS - {("Dara", "강릉시", "1994", "sister"), ("Mara", "강릉시", "2011-03-05", "friendship"),
                                 ("Sara", "강릉시", "2024-01-20", "mou")}) | {
        ("Dara", "강릉시", "1996", "sister"), ("Sara", "강릉시", "2024-01-21", "mou")}
    assert facts(build(document("en.txt", changed))) == expected


BILINGUAL = """# 보도자료 | Press Release

강릉시 국제교류과 | 배포 2024. 9. 6.

강릉시는 지난 4일 일본 하루미시와 자매결연 협약을 재체결했다고 6일 밝혔다. 두 도시는 1996년 10월 자매결연을
맺었다.

강릉시는 2일 미국 시애틀시와 관광 교류 양해각서(MOU)를 체결했다.

## Press Release (English)

Gangneung renewed its sister-city agreement with the City of Harumi, Japan,
on September 4, 2024. The two cities first became sister cities in October 1996.

Earlier, on September 2, Gangneung and the City of Seattle signed a memorandum of understanding on tourism.
Gangneung also signed a friendship agreement with Tara, Philippines in 2020.
"""
BILINGUAL_FACTS = {("강릉시", "하루미시", "2024-09-04", "sister"), ("강릉시", "하루미시", "1996-10", "sister"),
                   ("강릉시", "시애틀시", "2024-09-02", "mou"), ("Tara", "강릉시", "2020", "friendship")}


def _provenance(result, partner: str, date: str) -> set[int]:
    ds = result.dataset
    ds.default_union = True
    for node in ds.subjects(GY.party, URIRef(REGION + partner)):
        if str(ds.value(node, GY.signedOn)) == date:
            return {int(ds.value(src, GY.lineStart)) for src in ds.objects(node, PROV.wasDerivedFrom)}
    return set()


@pytest.mark.parametrize("kind", ["md", "docx"])
def test_a_bilingual_release_is_one_fact_with_both_lines(tmp_path: Path, kind: str):
    doc = document("release.md", BILINGUAL) if kind == "md" else from_file(
        docx_file(tmp_path / "release.docx", [line for line in BILINGUAL.splitlines() if line.strip()]))
    result = build(doc)
    assert facts(result) == BILINGUAL_FACTS  # no second agreement under Harumi or Seattle
    english = next(n for n, line in enumerate(doc.lines, 1) if line.startswith("Gangneung renewed"))
    korean = next(n for n, line in enumerate(doc.lines, 1) if line.startswith("강릉시는 지난 4일"))
    assert {korean, english} <= _provenance(result, "jp-하루미시", "2024-09-04")
    ds = result.dataset
    assert (URIRef(REGION + "jp-하루미시"), SKOS.altLabel, Literal("Harumi", lang="en")) in ds
    assert (URIRef(REGION + "us-시애틀시"), SKOS.altLabel, Literal("Seattle", lang="en")) in ds


def test_bilingual_perturbed_an_english_date_that_matches_no_korean_signing_and_another_name():
    changed = BILINGUAL.replace("on September 4, 2024", "on September 5, 2024").replace(
        "City of Seattle", "City of Portland")
    got = facts(build(document("release.md", changed)))
    # Harumi is still 하루미시 (the 1996 signing matches); Portland sounds like no Korean partner and has no country
    assert got == BILINGUAL_FACTS | {("강릉시", "하루미시", "2024-09-05", "sister")}
