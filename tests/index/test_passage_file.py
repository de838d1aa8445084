"""A memory-mapped passages.jsonl gives the passages, links, fact flags and entity rows a parsed list gives."""

from __future__ import annotations

import pytest

from index import artifacts, passage_file
from index.entity_links import EntityRef, PassageLinks, read_passages
from index.passage_file import PassageFile
from index.passages import Passage

SEOUL = EntityRef("https://w3id.org/gyoryu/id/region/kr-seoul", "서울특별시", "Region")
OSAKA = EntityRef("https://w3id.org/gyoryu/id/region/jp-osaka", "오사카부", "Region")


def rows() -> list[tuple[Passage, PassageLinks]]:
    """Prose, a table piece, a fact passage with a confidence, Hangul and an escaped quote, no entities."""
    return [
        (Passage("a.txt", 1, 3, "서울특별시와 오사카부는 \"우호협력\"을 맺었다.", "국제교류 현황"),
         PassageLinks((SEOUL, OSAKA), (SEOUL.iri, OSAKA.iri))),
        (Passage("a.txt", 4, 9, "오사카부\t1998\t우호", "국제교류 현황", "자매도시", "오사카부", True,
                 "지역\t연도\t구분"),
         PassageLinks((OSAKA,), (OSAKA.iri,))),
        (Passage("b.hwpx", 12, 12, "2024. 5. 협약 체결", "보도자료", summary="서울특별시는 오사카부와 협약을 맺었다.",
                 summary_en="Seoul signed an agreement with Osaka.", method="automatic", confidence=0.82),
         PassageLinks((OSAKA, SEOUL), (OSAKA.iri,))),
        (Passage("c.md", 2, 2, "기타", "목차"), PassageLinks((), ())),
    ]


def write(path, items, blank_lines: bool = False) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for p, link in items:
            fh.write(artifacts.json_line({**p.to_json(), **link.to_json()}))
            if blank_lines:
                fh.write("\n  \n")


@pytest.mark.parametrize(("blank_lines", "kept"), [(False, None), (True, None), (False, 1)])
def test_rows_parsed_on_demand_equal_the_parsed_lists(tmp_path, monkeypatch, blank_lines, kept):
    """The same rows with blank lines between them, and with the indexing pass letting each page go as it passes."""
    if kept is not None:
        monkeypatch.setattr(passage_file, "_PASS_PAGES_KEPT", kept)
    path = tmp_path / "passages.jsonl"
    write(path, rows() * 40, blank_lines)  # 160 rows, several pages
    passages, links = read_passages(path)
    mapped = PassageFile(path)
    assert len(mapped) == len(mapped.passages) == len(mapped.links) == 160
    assert list(mapped.passages) == passages == [p for p, _ in rows()] * 40
    assert list(mapped.links) == links == [link for _, link in rows()] * 40
    assert mapped.passages[2].confidence == 0.82 and mapped.passages[157].table
    assert mapped.passages[-1] == passages[-1] and mapped.links[-160] == links[0]
    assert mapped.passages[1:9:3] == passages[1:9:3] and mapped.passages.index(passages[2]) == 2
    with pytest.raises(IndexError):
        mapped.passages[160]
    with pytest.raises(IndexError):
        mapped.links[-161]
    assert mapped.is_fact.tolist() == [False, False, True, False] * 40
    assert {iri: list(ids) for iri, ids in mapped.entity_passages.items()} == {
        SEOUL.iri: [i for i in range(160) if i % 4 in (0, 2)], OSAKA.iri: [i for i in range(160) if i % 4 < 3]}


def test_an_empty_file_has_no_rows(tmp_path):
    path = tmp_path / "passages.jsonl"
    path.write_bytes(b"")
    mapped = PassageFile(path)
    assert len(mapped) == 0 and list(mapped.passages) == [] and mapped.entity_passages == {}
    assert mapped.is_fact.tolist() == []
