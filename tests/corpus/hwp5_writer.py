"""A minimal HWP 5 writer for tests: paragraphs and tables in an OLE compound file, as the spec lays them out.

No library writes HWP 5, so the tests make their own files: a compound file (CFB version 3, every
stream in the mini stream) with the ``FileHeader`` stream and one compressed ``BodyText/Section0``
of records — ``PARA_HEADER``/``PARA_TEXT`` for paragraphs, and for a table a paragraph whose text
holds the table control, its ``CTRL_HEADER`` ('tbl '), the ``TABLE`` record and per cell a
``LIST_HEADER`` (with its column and row address) followed by the cell's paragraph.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

PARA_HEADER, PARA_TEXT, CTRL_HEADER, LIST_HEADER, TABLE = 0x42, 0x43, 0x47, 0x48, 0x4D
SIGNATURE = b"HWP Document File"
VERSION_5_1 = 0x05010000
FLAG_COMPRESSED = 0x01
END_OF_CHAIN, FREE, FAT_SECTOR, NO_STREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF

Block = str | list[list[str]]


def record(tag: int, level: int, payload: bytes) -> bytes:
    """One record: header (tag, level, size) and payload."""
    assert len(payload) < 0xFFF
    return struct.pack("<I", tag | level << 10 | len(payload) << 20) + payload


def paragraph(text: str, level: int, controls: bytes = b"") -> bytes:
    """A paragraph: header, then its text (controls first) ending in the paragraph mark."""
    units = controls + text.encode("utf-16-le") + struct.pack("<H", 13)
    header = struct.pack("<IIHBBHHHIH", len(units) // 2, 0, 0, 0, 0, 1, 0, 1, 0, 0)
    return record(PARA_HEADER, level, header) + record(PARA_TEXT, level + 1, units)


def table(rows: list[list[str]]) -> bytes:
    """A paragraph holding a table control with ``rows`` of cells."""
    ctrl_id = b"tbl "[::-1]
    control = struct.pack("<H", 11) + ctrl_id + b"\x00" * 8 + struct.pack("<H", 11)
    n_rows, n_cols = len(rows), max(len(r) for r in rows)
    out = paragraph("", 0, control)
    out += record(CTRL_HEADER, 1, ctrl_id + b"\x00" * 42)
    out += record(TABLE, 2, struct.pack("<IHHH4H", 0, n_rows, n_cols, 0, 0, 0, 0, 0)
                  + struct.pack(f"<{n_rows}H", *(len(r) for r in rows)) + struct.pack("<HH", 1, 0))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            out += record(LIST_HEADER, 2, struct.pack("<HHI4HII4HH", 1, 0, 0, c, r, 1, 1, 4000, 1000, 0, 0, 0, 0, 1))
            out += paragraph(text, 2)
    return out


def section(blocks: list[Block]) -> bytes:
    """The records of a section: a string is a paragraph, a list of rows a table."""
    return b"".join(paragraph(b, 0) if isinstance(b, str) else table(b) for b in blocks)


def _entry(name: str, kind: int, child: int = NO_STREAM, right: int = NO_STREAM, start: int = END_OF_CHAIN,
           size: int = 0) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NO_STREAM, right, child) + b"\x00" * 36 + struct.pack("<IIi", start, size, 0))


def compound_file(file_header: bytes, section0: bytes) -> bytes:
    """A CFB v3 file with ``FileHeader`` and ``BodyText/Section0``, both in the mini stream."""
    def mini_sectors(data: bytes) -> int:
        return -(-len(data) // 64)

    first_section = mini_sectors(file_header)
    n_mini = first_section + mini_sectors(section0)
    mini_stream = file_header.ljust(first_section * 64, b"\x00") + section0.ljust(mini_sectors(section0) * 64, b"\0")
    mini_fat = []
    for start, count in ((0, first_section), (first_section, n_mini - first_section)):
        mini_fat += [start + i + 1 for i in range(count - 1)] + [END_OF_CHAIN]
    container_sectors = -(-len(mini_stream) // 512)
    # sectors: 0 FAT, 1 directory, 2 mini FAT, 3.. the mini stream container
    fat = [FAT_SECTOR, END_OF_CHAIN, END_OF_CHAIN] + [4 + i for i in range(container_sectors - 1)] + [END_OF_CHAIN]
    directory = (_entry("Root Entry", 5, child=1, start=3, size=len(mini_stream))
                 + _entry("BodyText", 1, child=3, right=2)
                 + _entry("FileHeader", 2, start=0, size=len(file_header))
                 + _entry("Section0", 2, start=first_section, size=len(section0)))
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, 2, 1, END_OF_CHAIN, 0)
              + struct.pack("<I", 0) + struct.pack("<108I", *[FREE] * 108))
    sectors = [struct.pack("<128I", *(fat + [FREE] * (128 - len(fat)))),
               directory,
               struct.pack("<128I", *(mini_fat + [FREE] * (128 - len(mini_fat)))),
               mini_stream.ljust(container_sectors * 512, b"\x00")]
    return header + b"".join(sectors)


def write_hwp(path: Path, blocks: list[Block]) -> Path:
    """Write an HWP 5.1 file of ``blocks`` (compressed body) to ``path``."""
    file_header = (SIGNATURE.ljust(32, b"\x00") + struct.pack("<II", VERSION_5_1, FLAG_COMPRESSED)).ljust(256, b"\0")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = compressor.compress(section(blocks)) + compressor.flush()
    path.write_bytes(compound_file(file_header, body))
    return path
