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


def test_a_korean_word_reaches_the_other_words_of_its_concept(table):
    assert "자매결연" in table.synonyms("자매도시 교류", ["자매", "도시", "교류"])
    assert "판매" in table.synonyms("매출 감소", ["매출", "감소"])
    # a two-syllable word must be a morpheme of the question, not a piece of a longer word
    v = Vocabulary.from_rows([("판매|매출", "sales"), ("축제|문화제", "festival")])
    assert v.synonyms("판매장 위치", ["판매장", "위치", "판매", "매장"]) == ("매출",)
    assert v.synonyms("문화제 일정", ["문화", "일정"]) == ("축제",)
    assert v.synonyms("청양 축제 문화제", ["청양", "축제", "문화제"]) == ()


def _concept_search(question: str, concepts: bool) -> list[float]:
    """BM25 scores of four synthetic passages for ``question`` through the engine's lexical query."""
    from types import SimpleNamespace

    from index.lexical import LexicalIndex
    from index.search import SearchEngine

    passages = ["청소년 자매결연 방문 결과", "자매 도서관 개관", "특산물 판매 실적 증가", "축제 관람객 통계"]
    lexical = LexicalIndex.build(passages)
    rows = [("자매|자매결연|자매도시", "sister city|twinning"), ("판매|매출|판매액", "sales|turnover")]
    engine = SimpleNamespace(vocabulary=Vocabulary.from_rows(rows if concepts else []), lexical=lexical)
    engine.concept_words = lambda text: SearchEngine.concept_words(engine, text)
    return lexical.scores(SearchEngine.lexical_query(engine, question, [])).tolist()


@pytest.mark.parametrize("question,best", [
    ("자매도시 청소년", 0),  # 자매도시 is no word of passage 0: its concept's 자매결연 is
    ("매출 늘었나", 2),  # 매출 → 판매
    ("sister city youth visit", 0),
    ("turnover of local products", 2),
])
def test_a_paraphrase_finds_its_passage_through_the_concept(question, best):
    scores = _concept_search(question, concepts=True)
    assert max(range(4), key=scores.__getitem__) == best and scores[best] > 0
    if _HANGUL.search(question.split()[0]):  # without the concept, the Korean paraphrase misses its passage
        plain = _concept_search(question, concepts=False)
        assert plain[best] < scores[best]


def test_a_word_the_corpus_uses_is_not_expanded():
    # 판매 is a word of passage 2: the question keeps its own match, no synonyms are added
    assert _concept_search("판매 늘었나", concepts=True) == _concept_search("판매 늘었나", concepts=False)


def _synonyms_by_every_word(table: Vocabulary, text: str, tokens: list[str], known: set[str]) -> tuple[str, ...]:
    """The concept expansion as a loop over every Korean word of the table (before decision 0070's look-up)."""
    named = set(tokens)
    found: dict[str, None] = {}
    for word, numbers in table.by_korean.items():
        if word not in known and (word in named or (len(word) >= 3 and word in text)):
            for number in numbers:
                found.update(dict.fromkeys(table.concepts[number]))
    return tuple(w for w in found if w not in named and w not in text)


def test_synonyms_look_only_at_words_that_can_match_and_give_the_same_words_in_order(table):
    import random

    rng = random.Random(70)
    words = list(table.by_korean)
    for _ in range(400):
        picked = rng.sample(words, rng.randint(1, 4))
        glue = rng.choice(["", " ", "의 ", "와 ", "을 위한 "])
        text = glue.join(rng.choice([w, w[:-1], w[1:], w + "을"]) for w in picked) + rng.choice(["", " 현황", " 교류"])
        tokens = [t for t in text.split() if rng.random() < 0.7] + rng.sample(words, 1)
        known = set(rng.sample(words, 20)) | ({picked[0]} if rng.random() < 0.3 else set())
        assert table.synonyms(text, tokens, known) == _synonyms_by_every_word(table, text, tokens, known), text


def test_korean_words_of_a_text_are_remembered_until_forgotten(table):
    text = "Festivals and sales at the store"
    first = table.korean(text)
    assert table.korean(text) is first
    table.forget()
    again = table.korean(text)
    assert again == first and again is not first
