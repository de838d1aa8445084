"""Correction notices (정정보도) read as corrected: a newspaper's notice says what it printed wrong and what is so
instead (``협약 체결일을 '1월 30일'로 보도했으나, 실제 체결일은 1월 31일이기에 바로잡습니다``). The sentence reader
reads the notice with the wrong value replaced by the right one, so the signing it restates carries the corrected
day, and the issue the notice cites (``본지 2월 3일자``) dates nothing.
"""

from __future__ import annotations

import re

#: What a correction says was printed wrong: a quote printed as (``체결일을 '1월 30일'로 보도했으나``), or
#: one corrected to another (``'1월 30일'은 '1월 31일'로 바로잡습니다``).
_QUOTED = r"['‘\"“](?P<{}>[^'’\"”]{{1,40}})['’\"”]\s*"
_MISREPORTED = re.compile(_QUOTED.format("wrong") + r"(?:(?=(?:으로|로)\s*(?:잘못\s*)?"
                          r"(?:보도|표기|게재|기재|소개|안내|작성))|(?:은|는)\s*" + _QUOTED.format("right")
                          + r"(?=(?:(?:으로|로)\s*(?:바로잡|정정|고칩|고친)|의\s*잘못)))")
#: What the notice says is so instead (``실제 체결일은 1월 31일이기에``).
_ACTUAL = re.compile(r"실제(?:로는|로|\s*[가-힣]+\s*(?:은|는))\s*(?P<right>[^,.'\"]{1,20}?)\s*"
                     r"(?:이기에|이므로|이어서|이며|이고|입니다|이다|였|이었|여서|임|에\s)")
#: A paper's issue a correction cites (``본지 2월 3일자``): no date of anything the sentence tells.
_ISSUE = re.compile(r"(?:\d{1,2}\s*월\s*)?\d{1,2}\s*일\s*자(?![가-힣])")


def corrected(text: str) -> str:
    """``text`` of a correction notice read as corrected (same length): what it says was printed wrong gives way to
    what it says is so, written in its place when it fits (else blanked), and the issue it cites is blanked.

    >>> corrected("본지 2월 3일자 기사에서 체결일을 '1월 30일'로 보도했으나, 실제 체결일은 1월 31일이기에.").split()
    ['본지', '기사에서', '체결일을', '1월', '31일', '로', '보도했으나,', '실제', '체결일은', '1월', '31일이기에.']
    >>> corrected("협약일 '5월 2일'은 '5월 13일'로 바로잡습니다.").split()
    ['협약일', '5월', '13일', '로', '바로잡습니다.']
    >>> corrected("본지 3월 4일자 기사에서 체결일 '2월 27일'은 '2월 28일'의 잘못입니다.").split()
    ['본지', '기사에서', '체결일', '2월', '28일', '의', '잘못입니다.']
    >>> corrected("가나시는 '우호의 날'로 정해 행사를 열었다.") == "가나시는 '우호의 날'로 정해 행사를 열었다."
    True
    """
    out = text
    for m in _MISREPORTED.finditer(text):
        actual = _ACTUAL.search(text, m.end())
        right = m.group("right") or (actual.group("right") if actual else "")
        span = m.end() - m.start() if m.group("right") else len(m.group(0).rstrip())
        fill = right.ljust(span) if right and len(right) <= span else " " * span
        out = out[:m.start()] + fill + out[m.start() + span:]
    return _ISSUE.sub(lambda m: " " * len(m.group(0)), out) if out != text else out
