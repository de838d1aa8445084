"""Place names written only in Hanja (decision 0080, per-character readings): a county's old record names its
county and its Korean partners in Hanja (``槐山郡``, ``서울特別市 松坡區``); the reading form reads them in Hangul
character by character when the registry knows the reading, so the parties resolve to registry ids. A foreign
name in Hanja (``日本 札幌市``, ``中國 廣州市``) is not read so (찰황시 is no Korean name of Sapporo; 광주시 after
中國 would be a Korean city), and a Hanja name the registry does not know is reported, not guessed. The pages are
written by the tests in several formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.readers.text_forms import PlaceReadings, per_character_readings, read_hanja
from graph.registry import Registry
from tests.fixtures.pages import page
from tests.readers.helpers import build, facts
from tests.readers.test_report_prose import party_ids

RECORD = [
    "槐山郡 姉妹結緣 現況",
    "(檀紀 4335年 3月 作成)",
    "一. 國內",
    "1. 서울特別市 松坡區 — 1991年 11月 8日 姉妹結緣 締結",
    "2. 釜山廣域市 海雲臺區 — 1995年 4月 20日 友好交流 協定 締結",
    "二. 國外",
    "1. 日本 札幌市 — 1996年 6月 1日 友好交流 協定 締結",
]
KOREAN = {("kr-chungbuk-goesan", "kr-seoul-songpa", "1991-11-08"),
          ("kr-busan-haeundae", "kr-chungbuk-goesan", "1995-04-20")}


@pytest.mark.parametrize("kind", ["txt", "docx", "hwpx"])
def test_a_county_record_in_hanja_gives_registry_parties(tmp_path: Path, kind: str):
    built = build(page(tmp_path, kind, RECORD))
    assert party_ids(built) - {("jp-札幌시", "kr-chungbuk-goesan", "1996-06-01")} == KOREAN
    assert ("札幌市", "괴산군", "1996-06-01", "friendship") in facts(built)  # the foreign name as written


def test_foreign_names_in_hanja_stay_as_written():
    places = PlaceReadings(Registry.default())
    assert per_character_readings("札幌市") == ["찰황시"]
    assert read_hanja("日本 札幌市 · 中國 廣州市 · 廣州市", places) == "일본 札幌市 · 중국 廣州市 · 광주시"
    # a Chinese city glossed in Hanja after its Hangul name (a Korean city's namesake) stays as written
    assert read_hanja("중국 랴오닝성 안산시(鞍山市)", places) == "중국 랴오닝성 안산시(鞍山市)"


def test_the_head_of_word_rule_and_a_second_reading():
    places = PlaceReadings(Registry.default())
    assert read_hanja("全羅南道 羅州市 · 慶尙南道 金海市 · 京畿道 龍仁市", places) == \
        "전라남도 나주시 · 경상남도 김해시 · 경기도 용인시"


def test_perturbed_mixed_hangul_and_hanja_names(tmp_path: Path):
    lines = [RECORD[0].replace("槐山郡", "충청북도 槐山군"), *RECORD[1:3],
             "1. 서울 松坡구 — 1991年 11月 8日 姉妹結緣 締結",
             "2. 부산광역시 海雲臺區 — 1995年 4月 20日 友好交流 協定 締結"]
    assert party_ids(build(page(tmp_path, "docx", lines))) == KOREAN


def test_negative_a_hanja_name_the_registry_lacks_is_reported_not_guessed(tmp_path: Path):
    """加那區 (가나구) is no district of Seoul: it stays as written and is reported; the record reads as it does with
    the unknown name in Hangul (the reader falls back to the city it names), no district is guessed."""
    lines = [*RECORD[:3], "1. 서울特別市 加那區 — 1991年 11月 8日 姉妹結緣 締結", RECORD[4]]
    built = build(page(tmp_path, "txt", lines, name="hanja"))
    assert read_hanja(lines[3], PlaceReadings(Registry.default())).startswith("1. 서울특별시 加那區 — 1991년")
    assert ("unresolved", 4, "서울특별시 加那區") in {(i.kind, i.line, i.text) for i in built.report.issues}
    hangul = build(page(tmp_path, "txt", [*lines[:3], lines[3].replace("加那區", "가나구"), lines[4]], name="hangul"))
    assert party_ids(built) == party_ids(hangul)
    assert {p for ids in party_ids(built) for p in ids[:2]} <= {"kr-chungbuk-goesan", "kr-busan-haeundae", "kr-seoul"}
