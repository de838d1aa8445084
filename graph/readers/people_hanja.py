"""Korean names written only in Hanja beside a post title (``朴道潤 군수``, ``군수 朴道潤은``,
``가나군수 朴道潤``): read in Hangul, one syllable a character (the ``hanja`` package through
:func:`graph.readers.text_forms.per_character_readings`, the 두음법칙 at the head), so the people reader finds
``박도윤`` where the name stands. Only a run of two to four Hanja in a name's position — a word of its own (a
particle may follow) right before or after a word ending in a title of the lexicon — is read (a Hangul reading the
writer put in brackets after it comes first, the Hanja becoming its gloss); any other Hanja (a place, a quotation)
stays as written. The reading has the run's length, so offsets in the sentence do not move.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.readers.posts import titles
from graph.readers.text_forms import per_character_readings

#: A run of two to four Hanja standing as a word: not glued to other Hanja or Hangul before it.
_RUN = re.compile(r"(?<![\u4e00-\u9fff가-힣])[\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff])")
#: Particles that may follow a name.
_PARTICLE = r"(?:은|는|이|가|과|와|의|을|를|도|께서|에게)?"


@lru_cache(maxsize=1)
def _title_word() -> re.Pattern:
    """A word ending in a lexicon title, maybe after its unit or place and a number (``군수``, ``가나군수``,
    ``감사2팀장``), maybe with a particle."""
    alternation = "|".join(re.escape(t) for t in sorted(titles(), key=len, reverse=True))
    return re.compile(rf"[가-힣]{{0,12}}(?:제\s?\d|\d{{1,2}})?(?:{alternation}){_PARTICLE}[,.]?")


def _beside_title(text: str, start: int, end: int) -> bool:
    """The word right before ``text[start:end]`` or right after it (its particle aside) is a title word."""
    before = re.search(r"(?:^|\s)(\S+)\s+$", text[:start])
    after = re.match(rf"{_PARTICLE}(?:\([^()]*\))?\s+(\S+)", text[end:])
    return any(m is not None and _title_word().fullmatch(m.group(1)) for m in (before, after))


def _name_reading(run: str, surnames: frozenset[str]) -> str | None:
    """The Hangul reading of a name in Hanja: of the readings whose first syllable is a family name, the last (a
    character's second reading is the one names take: ``金`` 김, not 금); ``None`` when none starts so."""
    named = [r for r in per_character_readings(run) if r[0] in surnames]
    return named[-1] if named else None


def read_hanja_names(text: str, surnames: frozenset[str]) -> str:
    """``text`` with each Hanja name beside a title read in Hangul (same length).

    >>> s = frozenset("박김이")
    >>> read_hanja_names("朴道潤 군수는 金多羅 의장과 만났다", s)
    '박도윤 군수는 김다라 의장과 만났다'
    >>> read_hanja_names("군수 朴道潤은 日本 札幌市를 방문했다", s)
    '군수 박도윤은 日本 札幌市를 방문했다'
    >>> read_hanja_names("부의장 崔沙兒(최사아)가", frozenset("최"))
    '부의장 최사아(崔沙兒)가'
    """
    if not _RUN.search(text):
        return text
    out = text
    for m in _RUN.finditer(text):
        if not _beside_title(text, m.start(), m.end()):
            continue
        gloss = re.match(rf"\((?P<g>[가-힣]{{{len(m.group(0))}}})\)", text[m.end():])
        if gloss is not None:  # 崔沙兒(최사아): the writer's own reading first, the Hanja as its gloss
            out = out[:m.start()] + gloss.group("g") + "(" + m.group(0) + ")" + out[gloss.end() + m.end():]
        elif reading := _name_reading(m.group(0), surnames):
            out = out[:m.start()] + reading + out[m.end():]
    return out
