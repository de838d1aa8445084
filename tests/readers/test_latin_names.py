"""Latin names written beside Korean ones (``뚜선시(Tu Son)``, ``Tu Son (뚜선시)``) become English ``skos:altLabel``
of the region, registry or minted, and an English question links to the region through them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from index.query_links import glossary_from_store
from ontology.namespaces import SKOS
from tests.readers.helpers import build, document, docx_file, facts, from_file

REGION = "https://w3id.org/gyoryu/id/region/"
SENTENCES = """강릉시 국제교류 현황

강릉시는 2015년 3월 5일 베트남 뚜선시(Tu Son)와 우호교류 협약을 체결했다.
강릉시는 2017년 5월 9일 중국 헤이룽장성(Heilongjiang Province)과 우호교류 협약을 체결했다.
"""
LIST = """강릉시 자매우호도시 현황

- 중국 훈춘시(Hunchun) : 2016. 4. 7. 자매결연
- 일본 가나자와시 (Kanazawa, Japan) : 2018. 6. 1. 자매결연
- 베트남 하이즈엉성(베트남) : 2019. 11. 5. 우호교류
"""


def _english_labels(result) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    result.dataset.default_union = True
    for s, o in result.dataset.subject_objects(SKOS.altLabel):
        if isinstance(o, Literal) and o.language == "en" and str(s).startswith(REGION) and "/kr-" not in str(s):
            out.setdefault(str(s)[len(REGION):], set()).add(str(o))
    return out


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_latin_names_in_sentences_label_minted_and_registry_regions(tmp_path: Path, kind: str):
    doc = document("a.txt", SENTENCES) if kind == "txt" else from_file(
        docx_file(tmp_path / "a.docx", [line for line in SENTENCES.splitlines() if line.strip()]))
    result = build(doc)
    assert facts(result) == {("강릉시", "뚜선시", "2015-03-05", "friendship"),
                             ("강릉시", "헤이룽장성", "2017-05-09", "friendship")}
    labels = _english_labels(result)
    assert labels["vn-뚜선시"] == {"Tu Son"}
    assert "Heilongjiang Province" in labels["cn-heilongjiang"]


def test_latin_names_in_a_list_and_a_bracketed_country_is_no_name():
    result = build(document("b.txt", LIST))
    assert facts(result) == {("강릉시", "훈춘시", "2016-04-07", "sister"),
                             ("가나자와시", "강릉시", "2018-06-01", "sister"),
                             ("강릉시", "하이즈엉성", "2019-11-05", "friendship")}
    labels = _english_labels(result)
    assert labels["cn-훈춘시"] == {"Hunchun"}
    assert labels["jp-가나자와시"] == {"Kanazawa"}  # Japan is the country, not a name
    assert "vn-하이즈엉성" not in labels


def test_perturbed_latin_name_changed_and_dropped():
    changed = LIST.replace("(Hunchun)", "(Huncun)").replace(" (Kanazawa, Japan)", "")
    labels = _english_labels(build(document("b.txt", changed)))
    assert labels["cn-훈춘시"] == {"Huncun"} and "jp-가나자와시" not in labels


def test_english_question_links_to_a_minted_region_by_its_latin_name():
    result = build(document("a.txt", SENTENCES), document("b.txt", LIST))
    dataset = result.dataset
    dataset.default_union = True
    glossary = glossary_from_store(dataset)
    assert [(link.term.iri, link.surface) for link in glossary.link("Which city signed with Tu Son?")] == [
        (REGION + "vn-뚜선시", "Tu Son")]
    assert [link.term.label_ko for link in glossary.link("Hunchun exchanges")] == ["훈춘시"]
    assert (URIRef(REGION + "vn-뚜선시"), SKOS.altLabel, Literal("Tu Son", lang="ko")) not in dataset


BILINGUAL = [["체결일자", "국가", "상대 지자체", "Partner", "도내 시·군", "Korean party", "구분"],
             ["1997. 11. 3.", "중국", "투먼시", "Tumen, Jilin", "동해시", "Donghae", "우호"],
             ["2007. 5. 2.", "중국", "훈춘시", "Hunchun", "인제군", "Inje", "자매"],
             ["2012. 8. 9.", "몽골", "셀렝그아이막", "Selenge Province", "인제군", "Inje", "우호"],
             ["2019. 6. 1.", "몽골", "투브아이막", "Töv Aimag", "인제군, 양구군", "Inje-gun, Yanggu-gun", "우호"]]
BILINGUAL_FACTS = {("동해시", "투먼시", "1997-11-03", "friendship"), ("인제군", "훈춘시", "2007-05-02", "sister"),
                   ("셀렝그아이막", "인제군", "2012-08-09", "friendship"),
                   ("인제군", "투브아이막", "2019-06-01", "friendship"),
                   ("양구군", "투브아이막", "2019-06-01", "friendship")}


@pytest.mark.parametrize("kind", ["tsv", "docx"])
def test_a_bilingual_tables_latin_column_labels_the_partners(tmp_path: Path, kind: str):
    title = "강원특별자치도 시·군 해외 교류 협약 현황"
    doc = document("c.tsv", "\n".join([title, "", *("\t".join(r) for r in BILINGUAL)])) if kind == "tsv" else \
        from_file(docx_file(tmp_path / "c.docx", [title, BILINGUAL]))
    result = build(doc)
    assert {(a, b, d, t) for a, b, d, t in facts(result)} == BILINGUAL_FACTS
    labels = _english_labels(result)
    assert labels["cn-투먼시"] == {"Tumen"} and labels["cn-훈춘시"] == {"Hunchun"}
    assert "Selenge Province" in labels["mn-selenge"]
    korean = {}
    for s, o in result.dataset.subject_objects(SKOS.altLabel):
        if isinstance(o, Literal) and o.language == "en" and str(s).startswith(REGION + "kr-gangwon-"):
            korean.setdefault(str(s)[len(REGION):], set()).add(str(o))
    assert "Yanggu" in korean["kr-gangwon-yanggu"] and not {"Inje", "Inje-gun"} & korean["kr-gangwon-yanggu"]


def test_a_latin_city_is_minted_without_city_and_other_units_as_written():
    """Decision 0076: a district, province or prefecture keeps its unit word (it is not the city of its name)."""
    text = "\n".join(["Gangneung City international exchange", "",
                      "Partner | Country | Date Signed", "Dara District, Ulaanbaatar | Mongolia | 2016-09-02",
                      "Mara City | Panama | 2009", "Saba Province | Vietnam | 2011-03-08"])
    result = build(document("e.tsv", text))
    assert {(a, b, d) for a, b, d, _ in facts(result)} == {("Dara District", "강릉시", "2016-09-02"),
                                                          ("Mara", "강릉시", "2009"),
                                                          ("Saba Province", "강릉시", "2011-03-08")}
    assert _english_labels(result)["mn-dara"] >= {"Dara"}  # the plain name as a spelling
    assert _english_labels(result)["pa-mara"] >= {"Mara City"}  # the bare English name, as written kept too
