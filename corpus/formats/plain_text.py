"""Plain text (``.txt``): UTF-8 (with or without BOM), else CP949/EUC-KR; binary files are refused.

>>> decode(b"\\xc7\\xd1\\xb1\\xdb")  # 한글 in CP949
('한글', 'cp949')
>>> decode("한글".encode("utf-8"))
('한글', 'utf-8')
>>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
Traceback (most recent call last):
...
corpus.formats.extraction.UnreadableDocument: binary data, not text (NUL bytes)
"""

from __future__ import annotations

from pathlib import Path

from corpus.formats.extraction import Extraction, UnreadableDocument, finish

#: Encodings tried in order. CP949 is a superset of EUC-KR, the usual legacy Korean encoding.
ENCODINGS = ("utf-8", "cp949")
#: Above this share of control characters a decoded file is taken as binary.
MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0c")


def decode(raw: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of ``raw``; :class:`UnreadableDocument` for binary data or an unknown encoding."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:
        raise UnreadableDocument("binary data, not text (NUL bytes)")
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
        if text and controls / len(text) > MAX_CONTROL_SHARE:
            raise UnreadableDocument(f"binary data, not text ({controls} control characters)")
        return text, encoding
    raise UnreadableDocument("not text in UTF-8 or CP949/EUC-KR (wrong encoding or binary)")


def split_lines(text: str) -> list[str]:
    """Lines of ``text`` (``\\r\\n`` and ``\\r`` count as line ends); no empty last line after a final newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def decoding_problems(encoding: str) -> list[str]:
    """The note recorded when a file was not UTF-8."""
    return [] if encoding == "utf-8" else [f"decoded as {encoding} (not UTF-8)"]


def read(path: Path) -> Extraction:
    """Read a text file; its first non-empty line is the title."""
    text, encoding = decode(path.read_bytes())
    return finish(split_lines(text), "", "txt", decoding_problems(encoding))
