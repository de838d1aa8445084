"""Korean place names in Latin letters: the Revised Romanization of a Hangul name and the standard forms of its
administrative suffix, so that ``Jeollanam-do``, ``Changwon-si``, ``Busan Metropolitan City`` or ``Gangwon-do``
name the registry's regions without a hand list of romanised names.

The romanisation follows the official rules for proper names: letters by position (initial, vowel, final), a final
consonant carried to a following vowel, and the sound changes the rules write (``전라`` → ``jeolla``, ``강릉`` →
``gangneung``, ``백령`` → ``baengnyeong``); a suffix is romanised apart from its stem, as in ``Jongno-gu``.

>>> romanize("전라남도"), romanize("강릉"), romanize("의정부"), romanize("정읍"), romanize("종로")
('jeollanamdo', 'gangneung', 'uijeongbu', 'jeongeup', 'jongno')
>>> sorted(latin_keys("전라남도", "South Jeolla Province"))
['jeollanamdo', 'jeollanamprovince', 'southjeollado', 'southjeollaprovince']
>>> "busanmetropolitancity" in latin_keys("부산광역시"), "changwonsi" in latin_keys("창원시")
(True, True)
"""

from __future__ import annotations

import re

_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_VOWEL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
          "eu", "ui", "i")
#: Final consonants (index 0: none) as their sound before a pause or a consonant, and before a vowel (carried over).
_FINAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
          "ng", "t", "t", "k", "t", "p", "t")
_FINAL_BEFORE_VOWEL = ("", "g", "kk", "ks", "n", "nj", "n", "d", "r", "lg", "lm", "lb", "ls", "lt", "lp", "r", "m",
                       "b", "ps", "s", "ss", "ng", "j", "ch", "k", "t", "p", "")
_R, _N, _M, _ZERO, _H = 5, 2, 6, 11, 18
#: Sound of a final before an initial ㄴ/ㅁ (nasalised) and before ㄹ: (final, initial) romanised.
_NASAL = {"k": "ng", "t": "n", "p": "m"}

#: Korean place suffixes (longest first) and how each is written in Latin letters: romanised and in English.
SUFFIX_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("특별자치도", ("teukbyeoljachido", "specialselfgoverningprovince", "specialselfgoverningstate", "state",
                "province", "do")),
    ("특별자치시", ("teukbyeoljachisi", "specialselfgoverningcity", "city", "si")),
    ("광역시", ("gwangyeoksi", "metropolitancity", "metropolitangovernment", "city", "si")),
    ("특별시", ("teukbyeolsi", "specialcity", "metropolitangovernment", "metropolitancity", "city", "si")),
    ("특례시", ("teungnyesi", "specialcity", "city", "si")),
    ("도", ("do", "province")), ("시", ("si", "city")), ("군", ("gun", "county")), ("구", ("gu", "district")),
)
#: English words a registry label ends with, dropped to find the stem the suffix forms attach to.
_ENGLISH_LEVELS = re.compile(r"[\s-]+(?:special self-governing province|special self-governing city|province|state|"
                             r"metropolitan city|special city|city|county|district|gu|gun|si|do)$", re.IGNORECASE)
_LATIN = re.compile(r"[^a-z]")


def romanize(hangul: str) -> str:
    """The Revised Romanization of a Hangul word, lower case, without spaces or hyphens (other letters dropped)."""
    syllables = [ord(ch) - 0xAC00 for ch in hangul if 0 <= ord(ch) - 0xAC00 < 11172]
    out: list[str] = []
    for i, code in enumerate(syllables):
        initial, vowel, final = code // 588, (code % 588) // 28, code % 28
        before_initial = syllables[i - 1] % 28 if i else 0
        out.append(_initial_after(before_initial, initial) + _VOWEL[vowel])
        following = syllables[i + 1] // 588 if i + 1 < len(syllables) else None
        out.append(_final_before(final, following))
    return "".join(out)


def _initial_after(final: int, initial: int) -> str:
    """An initial consonant after the syllable's previous final (``ㄹ`` after ``ㄹ``/``ㄴ`` is l, after others n)."""
    if initial == _R:
        return "l" if _FINAL[final] in ("l", "n") else ("n" if final else "r")
    if initial == _ZERO and final:
        return ""  # the final was carried over to this vowel
    if initial == _N and _FINAL[final] == "l":
        return "l"  # 별내 → byeollae
    return _INITIAL[initial]


def _final_before(final: int, following: int | None) -> str:
    """A final consonant before the next syllable's initial (``None``: at the end of the word)."""
    if not final:
        return ""
    sound = _FINAL[final]
    if following is None:
        return sound
    if following == _ZERO:
        return _FINAL_BEFORE_VOWEL[final]
    if following == _R:
        if sound == "n":
            return "l"  # 전라 → jeolla
        return _NASAL.get(sound, sound)  # 백령 → baengnyeong, 강릉 → gangneung
    if following in (_N, _M):
        return "l" if sound == "l" else _NASAL.get(sound, sound)
    return sound


def split_suffix(name: str) -> tuple[str, str]:
    """``전라남도`` → ``("전라남", "도")``; a name that is only a suffix, or has none, keeps it all as the stem."""
    for suffix, _ in SUFFIX_FORMS:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def latin_keys(name_ko: str, name_en: str = "") -> set[str]:
    """Comparable Latin forms of a Korean region's name (lower case, no spaces or hyphens): the romanised name, its
    stem with each form of its suffix (``-do``, ``Province``, ``Metropolitan City`` …), and the English label's stem
    with those forms. Each word of a name of several words (``서울 종로구``) is romanised on its own."""
    words = name_ko.split()
    if not words or not all(re.fullmatch(r"[가-힣]+", w) for w in words):
        return set()
    heads = "".join(romanize(w) for w in words[:-1])
    stem, suffix = split_suffix(words[-1])
    stems = {heads + romanize(stem)}
    english = _ENGLISH_LEVELS.sub("", re.sub(r"\s*\([^)]*\)", "", name_en)).strip()
    if english and suffix and not heads:
        stems.add(_LATIN.sub("", english.lower()))
    forms = dict(SUFFIX_FORMS).get(suffix, ())
    keys = {heads + romanize(words[-1])} | {s + f for s in stems for f in forms}
    return {k for k in keys if len(k) >= 4}
