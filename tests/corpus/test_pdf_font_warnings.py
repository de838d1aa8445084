"""A PDF whose font descriptor has no usable ``FontBBox`` (decision 0088): pdfminer warns once per page about it, which
flooded the build's error output; the reader drops that one warning while it reads and keeps the text, and every
other message of the font logger still passes. The PDFs are written byte by byte by the test."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from corpus.formats import read_file
from corpus.formats.pdf import FONT_LOGGER, quiet_font_boxes


def pdf_without_font_box(path: Path, pages: list[str], box: str = "") -> Path:
    """A PDF of one text line a page, in a Type 1 font outside the standard 14 whose descriptor has ``box`` as its
    ``/FontBBox`` entry (none when empty)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{5 + 2 * k} 0 R" for k in range(len(pages)))
               + f"] /Count {len(pages)} >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /GanaSans /FirstChar 32 /LastChar 126 "
               "/Widths [" + " ".join(["500"] * 95) + "] /FontDescriptor 4 0 R >>",
               f"<< /Type /FontDescriptor /FontName /GanaSans /Flags 32 {box} /ItalicAngle 0 /Ascent 800 "
               "/Descent -200 /CapHeight 700 /StemV 80 >>"]
    for k, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {6 + 2 * k} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream.decode()}\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


PAGES = ["Gana City and Dara County signed on 2019. 5. 3.", "Second page of the report"]


@pytest.mark.parametrize("box", ["", "/FontBBox null", "/FontBBox [0 0 0]"])
def test_the_font_box_warning_is_dropped_and_the_text_read(tmp_path: Path, box: str, caplog):
    path = pdf_without_font_box(tmp_path / "report.pdf", PAGES, box)
    with caplog.at_level(logging.WARNING):
        got = read_file(path, 2**20)
    assert list(got.lines) == PAGES
    assert not [r for r in caplog.records if "FontBBox" in r.getMessage()]


def test_the_filter_is_gone_after_reading_and_other_messages_pass(tmp_path: Path, caplog):
    logger = logging.getLogger(FONT_LOGGER)
    with caplog.at_level(logging.WARNING), quiet_font_boxes():
        logger.warning("Could not get FontBBox from font descriptor because None cannot be parsed as 4 floats")
        logger.warning("Unknown font encoding")
        logger.error("Could not get FontBBox and the page is broken")  # an error always passes
    assert [r.getMessage() for r in caplog.records] == [
        "Unknown font encoding", "Could not get FontBBox and the page is broken"]
    read_file(pdf_without_font_box(tmp_path / "one.pdf", PAGES[:1]), 2**20)
    assert logger.filters == []
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        logger.warning("Could not get FontBBox outside a PDF read")
    assert len(caplog.records) == 1
