"""Reading PDF-extracted text: re-joining wrapped lines into a stream that maps back to line numbers.

The documents were extracted from PDFs: a sentence is wrapped over several lines (often mid-word,
with blank lines between), and tables come out one cell group per line. :class:`Stream` joins a
line range into one string while remembering which line every character came from, so an
extractor can run a regular expression over whole sentences and still cite exact lines.

>>> from corpus import Document
>>> wrapped = "2024년 9월 25일 중국 랴오닝성에서 개최된 동북아시아지방정부연합 제14차 고위급실무위원회에는 중화인민공화"
>>> d = Document("x.txt", (wrapped, "", "국, 일본국이 참가하였다.", "", "짧은 제목"), "")
>>> s = Stream.of(d)
>>> s.text.split("\\n")[-1], "중화인민공화국" in s.text
('짧은 제목', True)
>>> s.span(s.text.index("일본국"), s.text.index("일본국") + 3)
(3, 3)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from corpus import Document

#: A line at least this long that ends without a space was wrapped mid-word: join it directly.
WRAP_WIDTH = 40

HANGUL = re.compile(r"[가-힣]")


@dataclass(frozen=True)
class Stream:
    """Text of a line range, wrapped lines re-joined, with the source line of every character."""

    text: str
    line_of: tuple[int, ...]

    @classmethod
    def of(cls, doc: Document, start: int = 1, end: int | None = None, *, rows: bool = False) -> Stream:
        """Join the non-blank lines ``start..end`` of ``doc`` (``rows``: keep every line break, for tables)."""
        parts: list[str] = []
        owners: list[int] = []
        previous = ""
        for n, raw in doc.numbered(start, end):
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            if parts:
                sep = "\n" if rows else _separator(previous, line)
                parts.append(sep)
                owners.extend([n] * len(sep))
            parts.append(line)
            owners.extend([n] * len(line))
            previous = line
        return cls("".join(parts), tuple(owners))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Line span of ``text[start:end]``."""
        end = max(start + 1, end)
        return self.line_of[start], self.line_of[min(end, len(self.line_of)) - 1]

    def sentences(self) -> Iterator[tuple[int, int, str]]:
        """``(start, end, sentence)`` pieces split at sentence ends and hard line breaks (not after a title's
        abbreviation: ``Mr.``, ``Dr.``, ``Gov.``)."""
        for m in re.finditer(r"[^\n]+?(?:다\.|(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bGov)[.?!](?=\s)|\n|$)",
                             self.text):
            if m.group(0).strip():
                yield m.start(), m.end(), m.group(0)


#: Words a headline ends with (a wrapped sentence line rarely ends exactly on one of them).
HEADLINE_END = ("접견", "면담", "예방", "참석", "개최", "방문", "축사", "협의", "체결", "실시", "신청", "지원", "발송",
                "보도", "참여 지원", "참석 및 축사", "국제이해 교육 실시")


def _separator(previous: str, line: str) -> str:
    if previous.endswith((" ", "\t")) or line.startswith((" ", "\t")):
        return ""
    if previous.endswith(HEADLINE_END) and not previous.endswith("다."):
        return "\n"
    if len(previous) >= WRAP_WIDTH and HANGUL.search(previous[-1:] + line[:1]):
        return ""
    if len(previous) >= WRAP_WIDTH:
        return " "
    return "\n"


def nonblank(doc: Document, start: int = 1, end: int | None = None) -> Iterator[tuple[int, str]]:
    """``(line, text)`` of the non-blank lines in a range, text stripped."""
    for n, line in doc.numbered(start, end):
        if line.strip():
            yield n, line.strip()


def find_lines(doc: Document, pattern: str | re.Pattern[str], start: int = 1) -> list[int]:
    """Numbers of the lines matching ``pattern`` (a regex) from ``start`` on."""
    rx = re.compile(pattern) if isinstance(pattern, str) else pattern
    return [n for n, line in doc.numbered(start) if rx.search(line)]


def strip_parens(text: str) -> str:
    """``text`` without parenthesised asides: ``베트남 동탑성 (수도 …)`` → ``베트남 동탑성``."""
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


def report_year(doc: Document) -> int | None:
    """The year a document speaks for: a year in its title (``2024 연차보고서``), else its publication year."""
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", f"{doc.title_ko} {doc.title_en}")
    return int(m.group(1)) if m else doc.year
