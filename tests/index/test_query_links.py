"""Entity linking in queries: names in either language and their variants land on the graph's entities."""

from __future__ import annotations

import pytest

REGION = "https://w3id.org/gyoryu/id/region/"
SUBCOMMITTEE = "https://w3id.org/gyoryu/id/subcommittee/"


def _links(engine, text):
    return [(link.term.iri, link.surface) for link in engine.link(text)]


@pytest.mark.parametrize("text,iri,surface", [
    ("Hyogo", REGION + "jp-hyogo", "Hyogo"),
    ("Which sub-committee did Toyama coordinate?", REGION + "jp-toyama", "Toyama"),
    ("토야마현의 환경 협력", REGION + "jp-toyama", "토야마현"),  # the brochure's spelling of 도야마현
    ("도야마현", REGION + "jp-toyama", "도야마현"),
    ("When did Seoul sign with Wando County?", REGION + "kr-jeonnam-wando", "Wando County"),
    ("Who is Gyeongsangbuk-do's ambassador?", REGION + "kr-gyeongbuk", "Gyeongsangbuk-do's"),
    ("projects in North Gyeongsang", REGION + "kr-gyeongbuk", "North Gyeongsang"),
    ("Liaoning", REGION + "cn-liaoning", "Liaoning"),
    ("When did Inner Mongolia join NEAR?", REGION + "cn-inner-mongolia", "Inner Mongolia"),  # … Autonomous Region
    ("Buryatia's delegation", REGION + "ru-buryatia", "Buryatia's"),  # Republic of Buryatia
    ("partners in Tov aimag", REGION + "mn-tuv", "Tov"),  # Töv without its mark
    ("Đồng Tháp", REGION + "vn-dong-thap", "Đồng Tháp"),
])
def test_region_names_in_either_language(engine, text, iri, surface):
    assert (iri, surface) in _links(engine, text)


@pytest.mark.parametrize("text,surface", [
    ("Which region coordinates the disaster prevention sub-committee?", "disaster prevention sub-committee"),
    ("disaster prevention subcommittee", "disaster prevention subcommittee"),
    ("방재 분과위원회의 코디네이터", "방재 분과위원회"),
    ("방재분과 코디네이터", "방재분과"),
])
def test_disaster_prevention_subcommittee(engine, text, surface):
    assert (SUBCOMMITTEE + "near-disaster", surface) in _links(engine, text)


COUNTRY = "https://w3id.org/gyoryu/id/country/"


def test_country_adjectives_link_their_country(engine):
    text = "Russian, Chinese, Japanese and Mongolian member regions"
    found = [(link.term.iri, link.surface) for link in engine.link(text) if link.term.type == "Country"]
    assert found == [(COUNTRY + "RU", "Russian"), (COUNTRY + "CN", "Chinese"), (COUNTRY + "JP", "Japanese"),
                     (COUNTRY + "MN", "Mongolian")]
    assert "러시아" in engine.lexical_query("Russian member regions", engine.link("Russian member regions"))


def test_short_korean_country_names_link_as_proper_nouns(engine):
    text = "2024년 한국 광역자치단체와 몽골에서 온 대표, 북한과 중국 측"
    found = [(link.term.iri, link.surface) for link in engine.link(text) if link.term.type == "Country"]
    assert found == [(COUNTRY + "KR", "한국"), (COUNTRY + "MN", "몽골"), (COUNTRY + "KP", "북한"),
                     (COUNTRY + "CN", "중국")]
    assert "대한민국" in engine.lexical_query(text, engine.link(text))


@pytest.mark.parametrize("text", ["인도적 지원", "협력이란 무엇인가", "한국어 교육", "부탄가스", "한 국 가 나"])
def test_short_country_names_inside_ordinary_words_do_not_link(engine, text):
    assert [link.surface for link in engine.link(text) if link.term.type == "Country"] == []


def test_linked_names_expand_the_lexical_query_with_korean_labels(engine):
    links = engine.link("Hyogo disaster prevention sub-committee")
    query = engine.lexical_query("Hyogo disaster prevention sub-committee", links)
    assert "효고현" in query and "방재분과위원회" in query


def test_ordinary_words_are_not_linked(engine):
    assert [link.term.type for link in engine.link("협력 강화를 위한 노력")] == []


def test_schema_property_labels_are_not_linked(engine):
    # the ontology's properties are labelled "about", "since", "as of", "limit", "like": ordinary words in a question
    text = "What did the council say about the agreement since 2020, as of today, like the limit?"
    assert [link.surface for link in engine.link(text)] == ["agreement"]


def test_english_name_finds_the_korean_lines(engine):
    # 003 line 182: 방재분과위원회 (코디네이터 : 일본 효고현); 002 line 405: the 2024 table row
    for mode in ("lexical", "hybrid"):
        hits = engine.search("Hyogo disaster prevention", k=5, mode=mode)["hits"]
        assert any(h["doc"].startswith("003") and h["line_start"] <= 182 <= h["line_end"] for h in hits) or \
            any(h["doc"].startswith("002") and h["line_start"] <= 405 <= h["line_end"] for h in hits), mode


def test_search_reports_linked_terms_with_both_labels(engine):
    result = engine.search("Hyogo", k=3)
    assert {"iri": REGION + "jp-hyogo", "type": "Region", "label_ko": "효고현", "label_en": "Hyogo",
            "surface": "Hyogo"} in result["linked"]
    assert any("효고현" in hit["terms"] for hit in result["hits"])


def _name_pattern(glossary):
    """The Korean names as the glossary found them before: one alternation of every name, longest first, spaces
    allowed between letters (kept here as the reference the dictionary scan must equal)."""
    import re

    keys = sorted(glossary._ko_terms, key=len, reverse=True)
    return re.compile("|".join(r"\s*".join(re.escape(ch) for ch in key) for key in keys))


def test_korean_names_are_found_as_the_name_pattern_found_them(built_data):
    """The seed store's glossary: every Korean name alone, spaced out letter by letter, run together with the next
    name, cut short by a letter and inside a sentence gives the same spans and names as the pattern did."""
    import random

    from graph.store import OxigraphStore
    from index.query_links import glossary_from_store

    glossary = glossary_from_store(OxigraphStore.load(built_data))
    keys = sorted(glossary._ko_terms)
    assert len(keys) > 500
    rng = random.Random(13)
    texts = []
    for n, key in enumerate(keys):
        following = keys[(n + 1) % len(keys)]
        texts += [key, " ".join(key), key + following, key[:-1] + " " + following, f"{key[1:]}와 {key}의 협력",
                  f"{key}  {following[:2]} 분과 {following}", "".join(ch + " " * rng.randint(0, 2) for ch in key)]
    pattern = _name_pattern(glossary)
    found = 0
    for text in texts:
        spans = list(glossary._korean_names(text))
        assert spans == [(m.start(), m.end(), "".join(m.group(0).split())) for m in pattern.finditer(text)], text
        found += len(spans)
    assert found > len(keys) * 7


def test_glossary_of_built_data_reads_the_on_disk_store_as_graph_nq(built_data, tmp_path):
    """The search process reads the glossary from the on-disk store opened read-only; the same terms, labels and
    names as from ``graph.nq`` loaded into memory (what data without a store still gets)."""
    import shutil

    from graph.store import GRAPH_FILE, OxigraphStore
    from index.query_links import glossary_from_store, glossary_of_data

    from_disk = glossary_of_data(built_data)
    shutil.copy(built_data / GRAPH_FILE, tmp_path / GRAPH_FILE)
    from_file = glossary_of_data(tmp_path)
    assert from_disk.terms == from_file.terms == glossary_from_store(OxigraphStore.load(built_data)).terms
    assert len(from_disk.terms) > 500
    assert from_disk._ko_terms == from_file._ko_terms and from_disk._en == from_file._en


def test_a_two_syllable_name_links_only_for_countries():
    from index.query_links import Glossary, Term

    glossary = Glossary([Term("urn:country:mn", "Country", "몽골국", "Mongolia", ("몽골",), ()),
                         Term("urn:region:cy", "Region", "청양군", "Cheongyang", ("청양",), ())])
    assert [(link.term.iri, link.surface) for link in glossary.link("몽골에서 청양을 찾은 대표단")] == \
        [("urn:country:mn", "몽골")]  # a region's two-syllable name needs the registry's matcher
    assert [link.term.iri for link in glossary.link("청양군과 몽골국")] == ["urn:region:cy", "urn:country:mn"]
    assert glossary.link("몽 골 대표단") == []  # a short name is not spelled across spaces
