"""Split documents into passages: line spans with a short context header.

A passage never crosses documents and is no longer than a screen (:data:`MAX_LINES` text
lines). Prose is cut into chunks of about :data:`MAX_CHARS` characters that start at section
headings; tables (rows separated by tabs or ``" | "``) are cut at row boundaries, and consecutive rows about
the same entity (``row_subject``) form one passage whose header names that entity — so a
continuation row of a merged table group is labelled with its partner even though its own
name cell is empty. A table cut into several passages repeats its header row in each piece
(``header_row``: read by the embedding model and BM25, not part of the cited lines).

>>> from corpus import load_corpus
>>> doc = load_corpus()[0]
>>> ps = segment(doc)
>>> ps[0].doc, ps[0].line_start >= 1, all(p.line_start <= p.line_end for p in ps)
('000_1e4d94b91b241818.txt', True, True)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from corpus import Document
from corpus.formats.extraction import CELL_SEPARATOR
from index.page_furniture import furniture_lines

MAX_CHARS = 350
#: A chunk shorter than this is not closed by a following heading (keeps lone headings with their text).
MIN_CHARS = 80
MAX_SECTION_CHARS = 70
#: Most non-blank lines in one passage: a screen (OCR'd tables print one short cell per line).
MAX_LINES = 12

RowSubject = Callable[[str, int], "str | None"]

_TAG = re.compile(r"<[^>]{0,200}>")
_TEAM_BANNER = re.compile(r"^【+(.+?)\1+.*$")
_LEVEL1 = re.compile(r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[IVX]{1,4}\.\s)")
_MIXED_TITLE = re.compile(r"^[가-힣·&\s]{2,20}\s[A-Z][A-Za-z&\s-]{3,40}$")
_LEVEL2 = re.compile(
    r"^(?:\d{1,2}\.?\s+\S|[가-하]\.\s|[▣■□]\s*\S|\[[^\]]{2,40}\]$|<[^>]{2,40}>$)"
)
_COORDINATOR = re.compile(r"\(코디네이터\s*:")


@dataclass(frozen=True)
class Passage:
    """A span of one document's lines with its context."""

    doc: str
    line_start: int
    line_end: int
    text: str
    title: str
    section: str = ""
    subject: str = ""
    table: bool = False
    #: The header row of the table this piece continues (empty for prose and a table's first piece).
    header_row: str = ""
    #: For a fact passage: the fact said in Korean and in English (empty for document passages).
    summary: str = ""
    summary_en: str = ""
    #: For a fact passage: how its fact was read (``curated`` or ``automatic``) and an automatic fact's confidence.
    method: str = ""
    confidence: float | None = None

    @property
    def header(self) -> str:
        """``title › section › subject`` (empty parts left out)."""
        return " › ".join(part for part in (self.title, self.section, self.subject) if part)

    @property
    def embed_text(self) -> str:
        """What the embedding model reads: header, the fact sentences or table header row, then the text."""
        return "\n".join(part for part in (self.header, self.summary, self.summary_en, self.header_row, self.text)
                         if part)

    @property
    def lexical_text(self) -> str:
        """What BM25 indexes: the same header (title, section, subject), the Korean fact sentence, header row and text.

        The title names what the whole document is about (the association, the report, the county), which most
        passages never repeat; a question that names it finds the document's passages by word too.
        """
        return "\n".join(part for part in (self.title, self.section, self.subject, self.summary, self.header_row,
                                            self.text) if part)

    def to_json(self) -> dict:
        """A JSON-able dict (see :meth:`from_json`)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Passage:
        """Inverse of :meth:`to_json`."""
        return cls(**data)


def clean_line(text: str) -> str:
    """Display form of a source line: markup removed, tabs as `` | ``, spacing collapsed.

    >>> clean_line('a\\t<ul style="x"> • b</ul>\\t c')
    'a | • b | c'
    """
    text = _TAG.sub(" ", text)
    banner = _TEAM_BANNER.match(text.strip())
    if banner:
        text = banner.group(1)
    cells = [re.sub(r"\s+", " ", cell).strip() for cell in text.split("\t")]
    return " | ".join(cell for cell in cells if cell)


def heading_level(raw: str) -> int | None:
    """1 or 2 when ``raw`` looks like a section heading, else None.

    >>> heading_level("Ⅱ. 분과위원회"), heading_level("1. 행사개요"), heading_level("회의참가 회원정부")
    (1, 2, None)
    """
    text = raw.strip()
    if not text or "\t" in raw or len(text) > 60:
        return None
    if _TEAM_BANNER.match(text) or _LEVEL1.match(text) or _MIXED_TITLE.match(text):
        return 1
    if _LEVEL2.match(text) or _COORDINATOR.search(text):
        return 2
    return None


class _Builder:
    """Accumulates lines into passages for one document."""

    def __init__(self, doc: Document, max_chars: int) -> None:
        self.doc = doc
        self.max_chars = max_chars
        self.passages: list[Passage] = []
        self.lines: list[tuple[int, str]] = []
        self.section = ""
        self.current_section = ""
        self.subject = ""
        self.table = False
        #: The first row of the current table block, and whether the open passage starts after it.
        self.header_row = ""
        self.continues_table = False

    @property
    def size(self) -> int:
        return sum(len(text) for _, text in self.lines)

    def flush(self) -> None:
        if self.lines:
            self.passages.append(Passage(
                doc=self.doc.id, line_start=self.lines[0][0], line_end=self.lines[-1][0],
                text="\n".join(text for _, text in self.lines), title=self.doc.title,
                section=self.section[:MAX_SECTION_CHARS], subject=self.subject, table=self.table,
                header_row=self.header_row if self.table and self.continues_table else ""))
            self.continues_table = self.table
        self.lines = []
        self.subject = ""

    def start_block(self, table: bool, first_row: str = "") -> None:
        """Close the open passage; a new table block remembers its first row as its header."""
        self.flush()
        self.table = table
        self.header_row = first_row if table else ""
        self.continues_table = False

    def add(self, number: int, text: str, limit: int | None = None) -> None:
        if self.lines and (self.size + len(text) > (limit or self.max_chars) or len(self.lines) >= MAX_LINES):
            self.flush()
        if not self.lines:
            self.section = self.current_section
        self.lines.append((number, text))


def segment(doc: Document, row_subject: RowSubject | None = None, max_chars: int = MAX_CHARS) -> list[Passage]:
    """The passages of ``doc``; ``row_subject(doc_id, line)`` names the entity a table row is about."""
    b = _Builder(doc, max_chars)
    level1 = level2 = ""
    in_table = False
    furniture = furniture_lines(doc)  # running headers and footers: kept in the document, read by no passage
    for number, raw in doc.numbered():
        text = clean_line(raw)
        if not text or number in furniture:
            continue
        is_row = "\t" in raw.strip("\t ") or raw.count("\t") >= 2 or CELL_SEPARATOR in raw
        if is_row != in_table:
            b.start_block(is_row, text)
            in_table = is_row
        if is_row:
            subject = row_subject(doc.id, number) if row_subject else None
            if subject is None and b.subject:  # a row without a name continues the group above
                subject = b.subject
            if subject:
                if b.lines and b.subject != subject:
                    b.flush()
                b.add(number, text, limit=1 << 30)
                b.subject = subject
            else:
                if b.subject:
                    b.flush()
                b.add(number, text, max_chars // 2)
            continue
        level = heading_level(raw)
        if level is not None:
            if b.size >= MIN_CHARS or (b.lines and level == 1):
                b.flush()
            if level == 1:
                level1, level2 = text, ""
            else:
                level2 = text
            b.current_section = " › ".join(part for part in (level1, level2) if part)
        b.add(number, text)
    b.flush()
    return b.passages


def segment_all(documents: list[Document], row_subject: RowSubject | None = None) -> list[Passage]:
    """Passages of every document, in document then line order."""
    return [p for doc in documents for p in segment(doc, row_subject)]
