"""The bilingual domain vocabulary: English words of a question reach the Korean words of the documents."""

from __future__ import annotations

import re

import pytest

from index.vocabulary import VOCABULARY_TSV, Vocabulary

_HANGUL = re.compile("[가-힣]")


@pytest.fixture(scope="module")
def table() -> Vocabulary:
    return Vocabulary.load()


def test_every_row_pairs_korean_words_with_english_wordings():
    rows = VOCABULARY_TSV.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "ko\ten"
    for number, row in enumerate(rows[1:], start=2):
        korean, english = row.split("\t")
        assert all(_HANGUL.search(w) or w.isupper() for w in korean.split("|")), number
        assert all(w and not _HANGUL.search(w) and w == w.lower() for w in english.split("|")), number


@pytest.mark.parametrize("question,expected", [
    ("sales at the store", {"판매", "매출", "매장", "판매장"}),
    ("Festivals of the county", {"축제", "문화제"}),
    ("who coordinates the sub-committee", {"코디네이터", "분과위원회"}),
    ("training for SEASONAL WORKERS", {"계절근로자", "교육", "연수"}),
    ("year-by-year spending", {"연도별", "예산", "집행"}),
])
def test_english_wordings_give_their_korean_words(table, question, expected):
    assert expected <= set(table.korean(question))


def test_the_longest_wording_wins():
    v = Vocabulary.from_rows([("근로자", "worker"), ("계절근로자", "seasonal worker")])
    assert v.korean("seasonal workers") == ("계절근로자",)
    assert v.korean("workers") == ("근로자",)


def test_korean_text_and_unknown_words_give_nothing(table):
    assert table.korean("청양군 축제 결과") == ()
    assert table.korean("xylophone quintet") == ()


def test_a_malformed_row_is_refused_with_its_line(tmp_path):
    path = tmp_path / "vocabulary.tsv"
    path.write_text("ko\ten\n판매\tsales\n축제 festival\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"vocabulary.tsv:3: expected two tab-separated cells, got 1"):
        Vocabulary.load(path)


def test_english_domain_words_expand_both_queries(engine):
    question = "village community festival"
    links = engine.link(question)
    assert {"마을공동체", "축제"} <= set(engine.lexical_query(question, links).split())
    assert {"마을공동체", "축제"} <= set(engine.model_query(question, links).split())
    assert engine.model_query("마을 축제") == "마을 축제"


def test_english_domain_words_find_the_korean_lines(engine):
    # 004 lines 758-768 and 809-830: Cheongyang's 공동체 활동 성과공유회 (its community festival, 11.24–26)
    for mode in ("lexical", "hybrid"):
        hits = engine.search("village community festival", k=3, mode=mode)["hits"]
        assert hits[0]["doc"].startswith("004") and "성과공유회" in hits[0]["text"], mode


def test_an_entity_most_passages_are_linked_to_is_not_boosted(engine):
    near = [link for link in engine.link("NEAR") if link.term.iri.endswith("/organization/near")]
    hyogo = engine.link("Hyogo")
    vector = engine.embed_query("NEAR Hyogo")
    assert near and len(engine.entity_passages[near[0].term.iri]) > 0.1 * len(engine.passages)
    assert engine.entity_ranking(near, vector, 10) == []
    assert engine.entity_ranking(hyogo, vector, 10)


def test_a_linked_entity_adds_its_korean_label_once(engine):
    assert engine.lexical_query("Toyama", engine.link("Toyama")) == "Toyama 도야마현"


def test_each_lexical_token_counts_once():
    from index.lexical import LexicalIndex

    index = LexicalIndex.build(["판매 실적 감소", "축제 결과", "판매장 위치"])
    assert index.scores("판매 판매 판매 축제").tolist() == index.scores("판매 축제").tolist()
    assert index.scores("판매 축제")[1] > 0
