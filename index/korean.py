"""Korean lexical tokens for BM25: kiwipiepy morphemes, robust to OCR-spaced names.

OCR often prints a name one syllable at a time (``전 라 남 도``); runs of three or more
single-syllable words are joined before analysis. Hangul nouns of three or more syllables
also contribute their syllable bigrams, so OCR typos (``농특신물`` for ``농특산물``) still share
most of their tokens with the correct spelling.

>>> tok = KoreanTokenizer()
>>> "전라남도" in tok.tokens("전 라 남 도 *")
True
>>> tok.tokens("Disaster prevention in 효고현")[:2]
['disaster', 'prevention']
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from functools import lru_cache

_SPACED_RUN = re.compile(r"(?<![가-힣])[가-힣](?:[ \t]+[가-힣](?![가-힣])){2,}")
_HANGUL = re.compile(r"^[가-힣]+$")
#: Kiwi tags kept: nouns, roots, foreign words, hanja, numbers, verb and adjective stems.
KEPT_TAGS = ("NNG", "NNP", "NR", "XR", "SL", "SH", "SN", "VV", "VA", "MAG")


def join_spaced_syllables(text: str) -> str:
    """Join OCR-spaced single syllables: ``'전 라 남 도 *'`` → ``'전라남도 *'``.

    >>> join_spaced_syllables("1 완 주 군 '12.07.16 귀농 귀촌")
    "1 완주군 '12.07.16 귀농 귀촌"
    """
    return _SPACED_RUN.sub(lambda m: re.sub(r"\s+", "", m.group(0)), text)


@lru_cache(maxsize=1)
def kiwi():
    """The shared Kiwi analyser, single-threaded: a worker pool would compete with torch for the cores."""
    from kiwipiepy import Kiwi

    with warnings.catch_warnings():  # kiwipiepy warns that 0 meant "all cores" before v0.21
        warnings.simplefilter("ignore", DeprecationWarning)
        return Kiwi(num_workers=0)


def syllable_bigrams(word: str) -> list[str]:
    """Overlapping two-syllable pieces of a Hangul word of three or more syllables.

    >>> syllable_bigrams("농특산물")
    ['농특', '특산', '산물']
    """
    if len(word) < 3 or not _HANGUL.match(word):
        return []
    return [word[i : i + 2] for i in range(len(word) - 1)]


@lru_cache(maxsize=512)
def _cached_tokens(text: str) -> tuple[str, ...]:
    return tuple(KoreanTokenizer._from_morphemes(kiwi().tokenize(join_spaced_syllables(text))))


class KoreanTokenizer:
    """Text → lexical tokens (lower-cased morphemes plus noun bigrams)."""

    def tokens(self, text: str) -> list[str]:
        """Tokens of one text (a query's tokens are remembered: ranking and highlighting both need them)."""
        return list(_cached_tokens(text))

    @staticmethod
    def forget() -> None:
        """Forget the remembered query tokens (a benchmark of new questions asks each as if for the first time)."""
        _cached_tokens.cache_clear()

    def batch(self, texts: Iterable[str]) -> list[list[str]]:
        """Tokens of many texts (passages at build time: not remembered)."""
        return [self._from_morphemes(kiwi().tokenize(join_spaced_syllables(text))) for text in texts]

    @staticmethod
    def _from_morphemes(morphemes) -> list[str]:
        out: list[str] = []
        for m in morphemes:
            if not m.tag.startswith(KEPT_TAGS):
                continue
            form = m.form.lower()
            out.append(form)
            if m.tag in ("NNG", "NNP"):
                out.extend(syllable_bigrams(form))
        return out
