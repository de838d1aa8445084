"""Where a hard wrap, not the writer, ended a line: how the sentence reader joins a paragraph's lines.

A newspaper printed in narrow columns (a weekly's PDF, a clipping) wraps every sentence over lines of about the same
width, far below the length that marks a running line elsewhere; a wrap may even part a word from its particle
(``… 대회의실`` / ``에서 협약을 맺었다.``). Two signals, both general:

* a **lone particle** opening a line (``에서 …``, ``을 …``, ``와 …``) belongs to the word ending the line before;
  after a Hangul syllable the two are one word and join without a space (``이`` after Hangul is the
  demonstrative ``이 밖에``, not a particle, so it opens a sentence);
* a **column width**: when most of a document's prose lines are about as long as one another and short, a line of
  that width that stops mid-sentence (on a syllable or a comma, a full stop a line or three below) is wrapped, not a
  title, whatever its length.
"""

from __future__ import annotations

import re

#: A line opening with a particle alone (``를 체결했다.``, ``에서 자매결연 …``): the line before runs on into it.
PARTICLE_FIRST = re.compile(r"(?:에서는|에서|에게|에는|에도|으로|와의|과의|와는|과는|와도|과도"
                            r"|을|를|이|가|은|는|와|과|의|에|로)(?:\s|$)")
_HANGUL_END = re.compile(r"[가-힣]$")
_GLUES_ON = re.compile(r"[A-Za-z0-9\"'”’」』>》〉)]$")
#: A column's line ends mid-sentence: on a syllable or a comma (not a bracket, a date or a figure).
_MID_SENTENCE = re.compile(r"[가-힣,]$")
_LINE_END = re.compile(r"다$|[.?!]$")
#: A line opening with its own subject (``가나군은 19일 …``): a sentence starts there, the line above is its heading.
_NEW_SUBJECT = re.compile(r"[가-힣]{2,}(?:은|는)\s")
#: A one-syllable subject (``군은 …``, ``시는 …``): a new sentence only below a line that is one of its own (opens
#: after a sentence end) and ends on a noun, not on a particle or an ending (``… 맺은`` / ``것은 …`` runs on).
_SHORT_SUBJECT = re.compile(r"[가-힣](?:은|는)\s")
_PARTICLE_END = re.compile(r"(?:은|는|이|가|을|를|의|에|와|과|도|로|고|며|서|면|만|던|한|된|할|될)$")
_SENTENCE_END = re.compile(r"다\.|[.?!](?:\s|$)|다$")
#: A document needs this many prose lines before its widths say anything, and most (this share) of them must lie
#: within a tenth of the typical width.
MIN_PROSE_LINES, SHARE_AT_WIDTH = 6, 0.5
#: A line this close to the column width (share of it) is full, as is one at least half of it that the next line's
#: first word would have made too long (a word wrap); a full stop this many lines below ends its paragraph.
FULL_SHARE, HALF, LOOKAHEAD = 0.85, 0.5, 3


def particle_first(before: str, line: str) -> bool:
    """``line`` opens with a particle the line ``before`` runs on into: ``이`` only after a Latin word, a number or a
    closing quote (``MOU`` / ``이 체결됐다``); after Hangul it is the demonstrative (``이 밖에``, ``이 자리에서``).

    >>> particle_first("MOU", "이 체결됐다."), particle_first("가나시 소식", "이 밖에 군은")
    (True, False)
    >>> particle_first("협약", "을 맺었다."), particle_first("시청 대회의실", "에서 협약을 맺었다.")
    (True, True)
    >>> particle_first("시청", "에서는 공연이"), particle_first("시청", "에서울 가는 길")
    (True, False)
    """
    m = PARTICLE_FIRST.match(line)
    return bool(m) and (m.group(0).strip() != "이" or bool(_GLUES_ON.search(before.strip())))


def glued_particle(before: str, line: str) -> bool:
    """``line`` opens with the particle of the word ``before`` ends on (a Hangul syllable): joined without a space.

    >>> glued_particle("옥천군청 대회의실", "에서 자매결연 협약을 맺었다.")
    True
    >>> glued_particle("가나시와 MOU", "를 체결했다."), glued_particle("가나시 소식", "이 밖에 군은")
    (False, False)
    """
    return bool(_HANGUL_END.search(before.rstrip())) and particle_first(before, line)


def column_width(lines: tuple[str, ...]) -> int | None:
    """The width of a document printed in narrow columns: the typical length of its prose lines, when at least
    :data:`MIN_PROSE_LINES` lines and most of them lie within a tenth of it. ``None`` for text whose paragraphs are
    one line each (their lengths scatter) or that has too few lines.

    >>> column_width(tuple("가나다라 마바사아자 차카타파하" for _ in range(6)))
    16
    >>> column_width(("짧은 제목", "가" * 80, "나" * 140, "다" * 35, "라" * 200, "마" * 60)) is None
    True
    """
    prose = sorted(len(s.strip()) for s in lines if len(s.strip()) >= 8)
    if len(prose) < MIN_PROSE_LINES:
        return None
    width = prose[int(0.75 * (len(prose) - 1))]
    near = sum(1 for n in prose if abs(n - width) <= max(2, width // 10))
    return width if near >= SHARE_AT_WIDTH * len(prose) else None


def wrapped_at_width(lines: tuple[str, ...], n: int, width: int | None) -> bool:
    """Line ``n`` (1-based) is a full line of a narrow column that stops mid-sentence, its paragraph going on below
    (the next line is text and a sentence ends within :data:`LOOKAHEAD` lines): it runs on, short as it is. Full: near
    the width, or wrapped before a word that would not have fitted (``… 15일 군청`` / ``대회의실에서 …``).

    >>> col = ("2024년 4월 19일", "가나시는 지난 15일 시청 대회의실에서 일본", "다라시와 자매결연 협약을 맺었다. 시는")
    >>> wrapped_at_width(col, 2, 26), wrapped_at_width(col, 1, 26), wrapped_at_width(col, 2, None)
    (True, False, False)
    >>> wrapped_at_width(("가나시는 지난 15일 시청", "대회의실에서 협약을 맺었다."), 1, 19)
    True
    >>> wrapped_at_width(("가나시·다라시 교류", "가나시는 협약을 맺었다."), 1, 19)
    False
    >>> wrapped_at_width(("일본 다라시 청소년 방문단 환영", "가나군은 19일 마바시와 청소년", "협약을 맺었다."), 1, 19)
    False
    >>> head = ("협약을 맺었다.", "베트남 마바성 농업연수단 환영식", "군은 이날 사아시와도 문화", "협약을 맺었다.")
    >>> wrapped_at_width(head, 2, 19), wrapped_at_width(("협약을 맺었다. 이번에 협약을 맺은",) + head[2:], 1, 19)
    (False, True)
    """
    if width is None or n >= len(lines):
        return False
    line, following = lines[n - 1].strip(), [s.strip() for s in lines[n:n + LOOKAHEAD]]
    if not _MID_SENTENCE.search(line) or _LINE_END.search(line) or not following[0] or not re.match(
            r"[가-힣\"'“‘(]", following[0]) or _NEW_SUBJECT.match(following[0]) or (
            _SHORT_SUBJECT.match(following[0]) and not _PARTICLE_END.search(line)
            and (n == 1 or _LINE_END.search(lines[n - 2].strip()))):
        return False  # a blank line, a bullet, a number, a table row or a new subject below starts something else
    if len(line) < FULL_SHARE * width and not (
            len(line) >= HALF * width and len(line) + 1 + len(following[0].split()[0]) > width):
        return False
    ahead = []
    for s in following:
        if not s:
            break
        ahead.append(s)
    return any(_SENTENCE_END.search(s) for s in ahead)
