"""A bilingual vocabulary of the exchange domain: English words → the Korean words documents use.

BM25 runs over Korean morphemes, so an English question finds Korean lines lexically only through
words it can translate. Entity names come from the graph (:mod:`index.query_links`); the common
words of the domain (sales, festival, store, budget, sub-committee, seasonal worker…) come from
``index/data/vocabulary.tsv``: one row per concept, Korean words and English wordings each
separated by ``|``. The rows were written for the corpus's frequent Korean nouns and the domain's
general vocabulary, not for particular questions. English wordings match as whole words
(:func:`index.query_links.en_tokens`: case, plurals, hyphens folded), longest first.

>>> v = Vocabulary.from_rows([("판매|매출", "sales|sell"), ("매장|판매장", "store|shop"), ("축제", "festival")])
>>> v.korean("Sales at the regional specialty stores fell during the festivals")
('판매', '매출', '매장', '판매장', '축제')
>>> v.korean("전통 축제")
()

Each row is also a concept: a Korean question word of a row reaches the row's other Korean words
(:meth:`Vocabulary.synonyms`), so a paraphrase naming the concept by another Korean word still
meets its lines lexically. A word matches as a morpheme of the question (``tokens``), or, from three
syllables on, anywhere in it; search passes the corpus's words as ``known``, so only words the
documents never use reach their concept.

>>> v.synonyms("매출 감소 원인", ["매출", "감소", "원인"])
('판매',)
>>> v.synonyms("매출 감소 원인", ["매출", "감소", "원인"], known={"매출", "판매"})
()
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from index.query_links import en_tokens

VOCABULARY_TSV = Path(__file__).parent / "data" / "vocabulary.tsv"


@dataclass(frozen=True)
class Vocabulary:
    """English word sequences → Korean words."""

    by_words: dict[tuple[str, ...], tuple[str, ...]]
    #: Each concept's Korean words (one row of the table).
    concepts: tuple[tuple[str, ...], ...] = ()

    @cached_property
    def longest(self) -> int:
        """Words in the longest English wording (counted once, not per question)."""
        return max((len(k) for k in self.by_words), default=0)

    @classmethod
    def from_rows(cls, rows: list[tuple[str, str]]) -> Vocabulary:
        """Rows of ``(korean words, english wordings)``, each ``|``-separated."""
        by_words: dict[tuple[str, ...], list[str]] = {}
        concepts: list[tuple[str, ...]] = []
        for korean, english in rows:
            words = [w.strip() for w in korean.split("|") if w.strip()]
            concepts.append(tuple(words))
            for wording in english.split("|"):
                key = tuple(en_tokens(wording))
                if key:
                    by_words.setdefault(key, [])
                    by_words[key].extend(w for w in words if w not in by_words[key])
        return cls({key: tuple(words) for key, words in by_words.items()}, tuple(concepts))

    @classmethod
    def load(cls, path: Path = VOCABULARY_TSV) -> Vocabulary:
        """The table at ``path`` (a header row ``ko<TAB>en``, then one concept per row)."""
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        rows = []
        for number, line in enumerate(lines, start=2):
            if not line.strip():
                continue
            cells = line.split("\t")
            if len(cells) != 2:
                raise ValueError(f"{path.name}:{number}: expected two tab-separated cells, got {len(cells)}")
            rows.append((cells[0], cells[1]))
        return cls.from_rows(rows)

    def korean(self, text: str) -> tuple[str, ...]:
        """The Korean words of every English wording in ``text`` (longest wordings first, each word once); remembered
        for recent texts (a search asks three times: the model's query, the lexical query, the lexical weight)."""
        return self._remembered_korean(text)

    @cached_property
    def _remembered_korean(self):
        return lru_cache(maxsize=256)(self._korean)

    def forget(self) -> None:
        """Forget the remembered texts (a benchmark of new questions)."""
        self._remembered_korean.cache_clear()

    def _korean(self, text: str) -> tuple[str, ...]:
        words = en_tokens(text)
        longest = self.longest
        found: dict[str, None] = {}
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                match = self.by_words.get(tuple(words[i : i + n]))
                if match:
                    found.update(dict.fromkeys(match))
                    i += n
                    break
            else:
                i += 1
        return tuple(found)

    @cached_property
    def by_korean(self) -> dict[str, tuple[int, ...]]:
        """Korean word → the concepts (row numbers) it names."""
        out: dict[str, list[int]] = {}
        for number, words in enumerate(self.concepts):
            for word in words:
                out.setdefault(word, []).append(number)
        return {word: tuple(numbers) for word, numbers in out.items()}

    @cached_property
    def _long_korean(self) -> dict[str, tuple[str, ...]]:
        """Korean words of three letters or more by their first letter, in :attr:`by_korean`'s order."""
        out: dict[str, list[str]] = {}
        for word in self.by_korean:
            if len(word) >= 3:
                out.setdefault(word[0], []).append(word)
        return {first: tuple(words) for first, words in out.items()}

    @cached_property
    def _korean_order(self) -> dict[str, int]:
        return {word: n for n, word in enumerate(self.by_korean)}

    def synonyms(self, text: str, tokens: list[str] | tuple[str, ...], known: Container[str] = ()) -> tuple[str, ...]:
        """The other Korean words of every concept whose Korean word ``text`` names (``tokens``: its morphemes);
        a word in ``known`` reaches nothing.

        Only the words that can match are looked at (a token, or a longer word starting with a letter of ``text``),
        in the table's order, as a loop over every word would take them.
        """
        named = set(tokens)
        by_korean, long_korean = self.by_korean, self._long_korean
        matched = {word for word in named if word in by_korean}
        matched.update(word for first in set(text) for word in long_korean.get(first, ()) if word in text)
        found: dict[str, None] = {}
        for word in sorted(matched, key=self._korean_order.__getitem__):
            if word not in known:
                for number in by_korean[word]:
                    found.update(dict.fromkeys(self.concepts[number]))
        return tuple(w for w in found if w not in named and w not in text)


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The shipped table, read once."""
    return Vocabulary.load()
