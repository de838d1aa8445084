"""A document's reference date, stated on one of its first lines: the date its figures stand at, else the date it was
written or stands at. Tables and lists date no signing after it; the sentence readers take it as the document's date."""

from __future__ import annotations

import re

from graph.dates import StatedDate, find_dates

#: The words that make a date a reference date, strongest first: the date a document's figures stand at
#: (``2024. 12. 31. 기준``, ``기준일: 2024. 12. 31.``), then the date it was written or stands at
#: (``2025. 4. 15. 작성``, ``작성일: …``, ``2025. 6. 30. 현재``). Each word follows its date or labels it.
AS_OF_WORDS: tuple[tuple[str, ...], ...] = (("기준",), ("작성", "현재"))
#: How many first lines may state a document's reference date.
AS_OF_LINES = 5

_AFTER = [re.compile(rf"\s*(?:\(\w\)|\))?\s*(?:{'|'.join(words)})(?:으로)?(?![가-힣])") for words in AS_OF_WORDS]
_LABEL = [re.compile(rf"(?:{'|'.join(words)})\s*(?:일|일자)?\s*[:：]?\s*$") for words in AS_OF_WORDS]


def as_of_date(lines: tuple[str, ...] | list[str], first: int = AS_OF_LINES) -> tuple[int, StatedDate] | None:
    """The line number (from 1) and the date of a reference date on one of the ``first`` lines, the strongest words
    first (:data:`AS_OF_WORDS`).

    >>> as_of_date(("가나도 현황", "작성 2025. 1. 10. | 2024. 12. 31. 기준"))
    (2, StatedDate(year=2024, month=12, day=31))
    >>> as_of_date(("가나시 카드", "가나시 국제협력팀 | 2025. 6. 30.(월) 현재"))[1].iso, as_of_date(("가나도",))
    ('2025-06-30', None)
    >>> as_of_date(("기준일: 2024. 12. 31.",))[1].iso, as_of_date(("2025. 4. 15. 작성",))[1].iso
    ('2024-12-31', '2025-04-15')
    """
    for after, label in zip(_AFTER, _LABEL, strict=True):
        for n, text in enumerate(lines[:first], start=1):
            for d in find_dates(text):
                if after.match(text, d.end) or label.search(text[:d.start]):
                    return n, d.value
    return None
