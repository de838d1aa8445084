"""Japanese names written in Hangul: words made only of the syllables that render kana.

Korean text writes a Japanese name by the standard rendering of its kana (외래어 표기법): open syllables of the
vowels ㅏ ㅣ ㅜ ㅔ ㅗ and their y-forms, 스/쓰/즈/츠 for su/tsu/zu, 와 for wa, and only ㄴ (ん) or ㅅ (っ) as a final
consonant. A Korean noun with its particle (``현장에``, ``회의에``, ``시장에``) almost always holds some other
syllable; a surname such as ``모리에`` or ``다카이시`` holds none, though it ends like a particle or a place.
"""

from __future__ import annotations

_BASE, _VOWELS, _FINALS = 0xAC00, 21, 28
#: Initial consonants (index in the Unicode order ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ) kana renderings use.
_INITIALS = frozenset((0, 2, 3, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 18))
#: Vowels (ㅏ ㅔ ㅗ ㅛ ㅜ ㅠ ㅡ ㅣ ㅑ ㅘ by index) of kana renderings.
_VOWEL_SET = frozenset((0, 5, 8, 12, 13, 17, 18, 20, 2, 9))
_A, _YA, _WA, _EU = 0, 2, 9, 18
#: Initials that take ㅡ in a kana rendering (스, 쓰, 즈, 츠) and the one that takes ㅘ (와).
_EU_INITIALS, _WA_INITIALS = frozenset((9, 10, 12, 14)), frozenset((11,))
#: Finals: none, ㄴ (ん) and ㅅ (っ).
_FINAL_SET = frozenset((0, 4, 19))


def kana_syllable(ch: str) -> bool:
    """Whether one Hangul syllable renders a kana (``가``, ``쓰``, ``돗``, ``신``), not ``현``, ``의``, ``장``.

    >>> [kana_syllable(c) for c in "모리에쓰돗신"]
    [True, True, True, True, True, True]
    >>> [kana_syllable(c) for c in "현의장관를"]
    [False, False, False, False, False]
    """
    code = ord(ch) - _BASE
    if not 0 <= code < 11172:
        return False
    initial, vowel, final = code // (_VOWELS * _FINALS), code // _FINALS % _VOWELS, code % _FINALS
    if initial not in _INITIALS or vowel not in _VOWEL_SET or final not in _FINAL_SET:
        return False
    if vowel == _EU:
        return initial in _EU_INITIALS
    if vowel == _WA:
        return initial in _WA_INITIALS and final == 0
    return initial != 10  # ㅆ only in 쓰


def kana_like(word: str) -> bool:
    """Whether a word of two or more syllables could be a Japanese name in Hangul.

    >>> kana_like("모리에"), kana_like("다카이시"), kana_like("마쓰노토"), kana_like("핫다리")
    (True, True, True, True)
    >>> kana_like("현장에"), kana_like("회의에"), kana_like("협력"), kana_like("가")
    (False, False, False, False)
    """
    return len(word) >= 2 and all(kana_syllable(ch) for ch in word)


def japanese_name(name: str) -> bool:
    """Whether a name of several words could be a Japanese name in Hangul: every syllable renders kana and one
    word at least has two syllables (a one-syllable given name is common: ``야마다 겐``; a Korean name printed
    with its syllables apart, ``이 수 민``, is no Japanese name).

    >>> japanese_name("야마다 겐"), japanese_name("모리에 가즈토"), japanese_name("이 수 민"), japanese_name("김 민수")
    (True, True, False, False)
    """
    words = name.split()
    return len(words) > 1 and any(len(w) > 1 for w in words) and all(kana_syllable(ch) for w in words for ch in w)
