"""A list entry naming a district after its city's short name (``대구 서구와는 …``, ``┌ 대구 중구: 자매결연 (…)``)
names that district, not the city and not an unsettled homograph; a note below a card naming another place's plan
(``※ 캄보디아 마바시와 우호도시 체결 추진 중(2025년 예정)``) is no field of the card (the card stays a signing; the note
is that place's intent). Written as text, HTML and DOCX, perturbed; the foreign names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.readers.helpers import build, document, docx_file, facts, from_file

ENTRIES = ["2024 하동군 국제교류 현황", "", "■ 국내 자매도시", " ┌ 대구 중구: 자매결연 (2010. 10. 7.)",
           " └ 부산 남구: 우호교류 (2015. 3. 2.)", "", "※ 대구 서구와는 1999. 11. 23. 자매결연 체결"]
ENTRY_FACTS = {("중구", "하동군", "2010-10-07"), ("남구", "하동군", "2015-03-02"), ("서구", "하동군", "1999-11-23")}


def _built(tmp_path: Path, kind: str, lines: list[str]):
    if kind == "txt":
        return build(document("list.txt", "\n".join(lines)))
    if kind == "docx":
        return build(from_file(docx_file(tmp_path / "list.docx", [t for t in lines if t.strip()])))
    path = tmp_path / "list.html"
    path.write_text("<html><head><title>현황</title></head><body>" + "".join(
        f"<p>{t}</p>" for t in lines if t.strip()) + "</body></html>", encoding="utf-8")
    return build(from_file(path))


def _party_ids(built) -> set[str]:
    """The registry ids of the parties of automatic agreements (their IRIs' last part)."""
    from ontology.namespaces import GY

    q = """SELECT ?p WHERE { ?a a gy:Agreement ; gy:extractionMethod "automatic" ; gy:party ?p }"""
    built.dataset.default_union = True
    return {str(r.p).rsplit("/", 1)[-1] for r in built.dataset.query(q, initNs={"gy": GY})}


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_a_district_after_its_citys_short_name(tmp_path: Path, kind: str):
    built = _built(tmp_path, kind, ENTRIES)
    assert {(a, b, d) for a, b, d, _ in facts(built)} == ENTRY_FACTS
    assert {"kr-daegu-jung", "kr-busan-nam", "kr-daegu-seo"} <= _party_ids(built)


def test_perturbed_an_entry_naming_the_city_alone():
    lines = list(ENTRIES)
    lines[4] = " └ 부산광역시: 우호교류 (2015. 3. 2.)"
    assert {(a, b, d) for a, b, d, _ in facts(build(document("list.txt", "\n".join(lines))))} == {
        ("중구", "하동군", "2010-10-07"), ("부산광역시", "하동군", "2015-03-02"), ("서구", "하동군", "1999-11-23")}


CARDS = ["고양특례시 자매·우호도시", "미국", "가나카운티", "자매", "체결일 2003.11.05", "튀르키예", "다라시", "우호",
         "체결일 2016.10.03", "※ 캄보디아 마바시와 우호도시 체결 추진 중(2025년 예정)"]


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_a_note_naming_another_places_plan_is_no_field_of_the_card(tmp_path: Path, kind: str):
    built = _built(tmp_path, kind, CARDS)
    assert {(a, b, d) for a, b, d, _ in facts(built)} == {("가나카운티", "고양시", "2003-11-05"),
                                                          ("고양시", "다라시", "2016-10-03")}
    assert {(a, b) for a, b, _, _ in facts(built, "AgreementIntent")} == {("고양시", "마바시")}


def test_perturbed_the_note_about_the_cards_own_renewal():
    lines = [*CARDS[:-1], "※ 2026년 재체결 예정"]  # the card's own plan: an intent of its own pair, the signing stays
    built = build(document("cards.txt", "\n".join(lines)))
    assert {(a, b, d) for a, b, d, _ in facts(built)} == {("가나카운티", "고양시", "2003-11-05"),
                                                          ("고양시", "다라시", "2016-10-03")}
