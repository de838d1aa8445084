"""Page furniture: running headers and footers that a printed document repeats on its pages.

A PDF or brochure turned into text keeps each page's running footer ("80 The Association … Annual Report 2024
The Secretariat 81") and running header (the publisher's tagline, its web address) as lines of their own. They say
nothing about the text around them, yet a passage holding one is read by the embedding model and BM25 as if it
did: an English footer drew English questions to an unrelated Korean passage (decision 0048). Such lines stay in
the document (its line numbers, the graph's evidence) but no passage reads them (:func:`index.passages.segment`).

A line is furniture when it recurs in the document at least :data:`GAP` lines apart each time (on other pages) and
either carries a page number at its start or end (the rest, digits aside, recurring), or names the document
itself (a word of its title or publisher of :data:`TITLE_WORD` letters or more) or a web address; or when it is
made only of such pieces run together. Table rows, headings, bullets and finished sentences never are.

>>> from corpus.loader import Document
>>> body = [f"본문 {i}번째 줄입니다." for i in range(60)]
>>> lines = ["112 가나시 연차보고서 2024 사업", *body[:30], "113 가나시 연차보고서 2024 사업", *body[30:],
...          "www.gana.example", *body[:25], "www.gana.example"]
>>> doc = Document("d.txt", tuple(lines), "0", title_ko="가나시 연차보고서")
>>> sorted(furniture_lines(doc))
[1, 32, 63, 89]
"""

from __future__ import annotations

import re

from corpus import Document

#: Fewest lines between two occurrences of a furniture line (a page holds more lines than this).
GAP = 20
#: Shortest word of the title or publisher that marks a repeated line as the document naming itself.
TITLE_WORD = 5
#: Shortest furniture line (letters and digits, spaces aside).
MIN_CHARS = 8
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,4}\s+(?:-\s+)?(?=\S)|(?<=\S)\s+\d{1,4}$")
_WEB = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_BULLET = re.compile(r"^(?!-\s*\d{1,4}\s*-)[※\-–•·▶▣■□❍○◦➠*▲►◆◇\u2460-\u2473(（\[<「『]")
_FINISHED = re.compile(r"[다요음함됨임][.。]?$")
_WORD = re.compile(r"[\w·]+")


def _normal(raw: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]{0,200}>", " ", raw)).strip()


def _spread(numbers: list[int]) -> bool:
    return len(numbers) >= 2 and all(b - a >= GAP for a, b in zip(numbers, numbers[1:], strict=False))


def _candidate(raw: str) -> str | None:
    """The line's text when it could be furniture (not a table row, heading, bullet or sentence)."""
    from index.passages import heading_level

    text = _normal(raw)
    if ("\t" in raw.strip("\t ") or len(text.replace(" ", "")) < MIN_CHARS or heading_level(raw) is not None
            or _BULLET.match(text) or _FINISHED.search(text)):
        return None
    return text


def furniture_lines(doc: Document) -> set[int]:
    """Line numbers of ``doc``'s page furniture (see the module's docstring)."""
    names = {word for part in (doc.title_ko, doc.title_en, doc.publisher)
             for word in _WORD.findall(part) if len(word) >= TITLE_WORD}
    exact: dict[str, list[int]] = {}
    paged: dict[str, list[int]] = {}
    for number, raw in doc.numbered():
        text = _candidate(raw)
        if text is None:
            continue
        exact.setdefault(text, []).append(number)
        if _PAGE_NUMBER.search(text):
            paged.setdefault(re.sub(r"\d+", "#", text)[:32], []).append(number)
    found = {n for numbers in paged.values() if _spread(numbers) for n in numbers}
    pieces = [text for text, numbers in exact.items()
              if _spread(numbers) and (_WEB.search(text) or any(name in text for name in names))]
    found.update(n for text in pieces for n in exact[text])
    if pieces:  # a line made only of furniture pieces run together
        joined = re.compile("|".join(re.escape(p) for p in sorted(pieces, key=len, reverse=True)))
        found.update(n for text, numbers in exact.items() if not joined.sub("", text).strip(" |·-")
                     for n in numbers)
    return found
