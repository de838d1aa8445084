"""Document file formats: one reader per format, one table of suffixes.

Every reader turns a file into an :class:`Extraction`: numbered lines (a table row is one line,
its cells separated by ``" | "``), a title found in the document and a note of problems met.
What cannot be read raises :class:`UnreadableDocument` with the reason.

>>> sorted(READERS)
['.csv', '.docx', '.htm', '.html', '.hwp', '.hwpx', '.md', '.pdf', '.tsv', '.txt']
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus.formats import delimited, docx_file, hwp, hwpx, markdown, pdf, plain_text, web_page
from corpus.formats.extraction import CELL_SEPARATOR, Extraction, UnreadableDocument

Reader = Callable[[Path], Extraction]

#: File suffix (lower case) → reader.
READERS: dict[str, Reader] = {
    ".txt": plain_text.read,
    ".md": markdown.read,
    ".html": web_page.read,
    ".htm": web_page.read,
    ".pdf": pdf.read,
    ".docx": docx_file.read,
    ".hwpx": hwpx.read,
    ".hwp": hwp.read,
    ".tsv": delimited.read_tsv,
    ".csv": delimited.read_csv,
}

__all__ = ["CELL_SEPARATOR", "READERS", "Extraction", "UnreadableDocument", "is_supported", "read_file"]


def is_supported(path: Path) -> bool:
    """True when a reader exists for the file's suffix."""
    return path.suffix.lower() in READERS


def read_file(path: Path, max_bytes: int) -> Extraction:
    """Read ``path`` with the reader of its suffix; :class:`UnreadableDocument` says why it cannot be read."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableDocument(f"unsupported file type {path.suffix or '(none)'!r}; "
                                 f"readable: {', '.join(sorted(READERS))}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableDocument(f"cannot open: {exc.strerror or exc}") from exc
    if size == 0:
        raise UnreadableDocument("empty file")
    if size > max_bytes:
        raise UnreadableDocument(f"too large: {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit "
                                 "(GYORYU_MAX_DOCUMENT_MB)")
    try:
        return reader(path)
    except OSError as exc:
        raise UnreadableDocument(f"cannot read: {exc.strerror or exc}") from exc
