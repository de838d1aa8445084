"""Every file-format reader on hostile files: random bytes, hostile text, truncated and corrupted real files.

A reader either returns numbered lines (none holding a line break) or refuses with ``UnreadableDocument``;
no other exception escapes.
"""

from __future__ import annotations

import html
import tempfile
from functools import cache
from pathlib import Path

import docx
from hypothesis import example, given
from hypothesis import strategies as st

from corpus.formats import READERS, Extraction, UnreadableDocument, read_file
from tests.corpus.hwp5_writer import write_hwp
from tests.corpus.hwpx_writer import write_hwpx
from tests.corpus.pdf_printer import html_page, print_pdf
from tests.fuzz.strategies import MEGABYTE_LINE, document_lines

LIMIT = 8 * 2**20
TABLE = [["기관명", "체결일자"], ["오타루시", "2019. 5. 24."], ["지린시", "2024.01.28"]]
BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def read(name: str, content: bytes) -> Extraction | None:
    """``read_file`` on a file holding ``content``; ``None`` when it is refused as unreadable."""
    with tempfile.TemporaryDirectory(prefix="gyoryu-fuzz-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        try:
            got = read_file(path, LIMIT)
        except UnreadableDocument as exc:
            assert str(exc)
            return None
    assert got.lines and got.title
    assert not any(ch in line for line in got.lines for ch in BREAKS)
    return got


@given(st.sampled_from(sorted(READERS)), st.binary(max_size=4096))
@example(".txt", b"\x00" * 100)
@example(".pdf", b"%PDF-1.7\n%\xff\xff\n1 0 obj\n<<>>\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF")
@example(".docx", b"PK\x03\x04" + b"\x00" * 40)
@example(".hwp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
def test_random_bytes_in_every_format(suffix: str, content: bytes) -> None:
    read("random" + suffix, content)


@given(document_lines(), st.sampled_from(["\n", "\r\n", "\r"]), st.sampled_from(["utf-8", "utf-16", "cp949"]))
def test_hostile_text_and_markdown(lines: list[str], newline: str, encoding: str) -> None:
    text = newline.join(lines)
    content = text.encode(encoding, errors="replace")
    for name in ("doc.txt", "doc.md"):
        read(name, content)


@given(document_lines(), st.sampled_from(["p", "td", "li", "h1", "script", "pre", "a"]))
def test_hostile_web_pages(lines: list[str], tag: str) -> None:
    body = "".join(f"<{tag}>{html.escape(line)}</{tag}>" for line in lines)
    page = f"<html><body><main><table><tr>{body}</tr></table><p>{body}</main><div>" + "<div>" * 50
    read("page.html", page.encode("utf-8", "surrogatepass"))
    got = read("script.html", f"<script>alert(1)</script><p>{html.escape(lines[0])}</p>".encode("utf-8", "replace"))
    assert got is None or not any("alert(1)" in line for line in got.lines)


def test_megabyte_lines_in_text_formats() -> None:
    for name in ("big.txt", "big.md"):
        got = read(name, (MEGABYTE_LINE + "\n\n" + MEGABYTE_LINE).encode())
        assert got is not None and len(got.lines) == 3
    got = read("big.html", f"<p>{MEGABYTE_LINE}</p>".encode())
    assert got is not None and len(got.lines[0]) >= len(MEGABYTE_LINE.strip()) - 10


@cache
def real_files() -> dict[str, bytes]:
    """One small real file per binary format, made with the formats' own tools."""
    tmp = Path(tempfile.mkdtemp(prefix="gyoryu-fuzz-real-"))
    document = docx.Document()
    document.add_heading("양양군 교류 현황", level=1)
    table = document.add_table(rows=3, cols=2)
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(tmp / "real.docx"))
    write_hwpx(tmp / "real.hwpx", [["강원 시군 자매결연 현황", [["시군", "체결일"], ["춘천시", "2019.05.24"]]]])
    write_hwp(tmp / "real.hwp", ["강릉시 자매결연 현황", TABLE, "끝."])
    table = "<table><tr><td>오타루시</td><td>2019.5.24</td></tr></table>"
    print_pdf(html_page("강릉시", f"<h1>강릉시 국제교류</h1>{table}"), tmp / "real.pdf")
    return {p.suffix: p.read_bytes() for p in tmp.iterdir() if p.suffix in (".docx", ".hwpx", ".hwp", ".pdf")}


def test_the_real_files_read() -> None:
    for suffix, content in real_files().items():
        assert read("real" + suffix, content) is not None, suffix


@given(st.sampled_from([".docx", ".hwpx", ".hwp", ".pdf"]), st.floats(0, 1), st.lists(
    st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=8))
def test_truncated_and_corrupted_real_files(suffix: str, keep: float, flips: list[tuple[float, int]]) -> None:
    content = bytearray(real_files()[suffix])
    for where, value in flips:
        content[int(where * len(content))] = value
    read("broken" + suffix, bytes(content[: max(1, int(keep * len(content)))]))
