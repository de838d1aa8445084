"""Byte spans of the values of a large JSON object, found in one pass with one value in memory at a time.

``graph-state.json`` (decision 0085) is an object of fields, one of which (``summaries``) is an object of one summary
per named graph: several GB at 1000× the seeds. Its index (``graph-state.index.json``) gives the byte span of every
field and summary; a file written without one (or copied without it) is indexed by :func:`object_spans` instead of
being read whole.

>>> import io
>>> text = '{"a": [1, 2], "s": {"g1": {"k": "가"}, "g2": {}}, "v": "x"}'.encode()
>>> fields, nested = object_spans(io.BytesIO(text), "s")
>>> {k: text[o:o + n].decode() for k, (o, n) in fields.items()}
{'a': '[1, 2]', 'v': '"x"'}
>>> {k: text[o:o + n].decode() for k, (o, n) in nested.items()}
{'g1': '{"k": "가"}', 'g2': '{}'}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

_WINDOW = 1 << 16
_SPACE = b" \t\r\n"
_DECODER = json.JSONDecoder()


class _Reader:
    """A file read forward through a buffer that grows while one value does not fit in it."""

    def __init__(self, file: BinaryIO) -> None:
        self.file, self.buf, self.base, self.pos, self.eof = file, b"", 0, 0, False

    def _more(self, size: int) -> bool:
        """At least ``size`` bytes after ``pos`` in the buffer, or all that is left; whether it grew."""
        if len(self.buf) - self.pos >= size or self.eof:
            return False
        self.buf, self.base = self.buf[self.pos:], self.base + self.pos
        self.pos = 0
        chunk = self.file.read(max(size - len(self.buf), _WINDOW))
        self.eof = not chunk
        self.buf += chunk
        return bool(chunk)

    def expect(self, token: bytes) -> bytes:
        """Skip white space; the next byte, which must be one of ``token``."""
        while True:
            self._more(1)
            rest = self.buf[self.pos:].lstrip(_SPACE)
            self.pos = len(self.buf) - len(rest)
            if rest or self.eof:
                break
        if not rest or rest[:1] not in [token[i:i + 1] for i in range(len(token))]:
            raise ValueError(f"expected one of {token!r} at byte {self.base + self.pos}")
        self.pos += 1
        return rest[:1]

    def value(self, size: int = _WINDOW) -> tuple[object, int, int]:
        """The next JSON value (an object, array or string: never a bare number), its offset and length in bytes;
        ``size``: the bytes decoded first (doubled while the value does not fit)."""
        self.expect(b'{["')
        self.pos -= 1
        while True:
            self._more(size)
            text = self.buf[self.pos:self.pos + size].decode("utf-8", errors="surrogateescape")
            try:
                value, end = _DECODER.raw_decode(text)
            except ValueError:
                if self.eof and len(self.buf) - self.pos <= size:
                    raise
                size *= 2
                continue
            length = len(text[:end].encode("utf-8", errors="surrogateescape"))
            offset = self.base + self.pos
            self.pos += length
            return value, offset, length


def object_spans(file: BinaryIO, nested: str) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """The byte span (offset, length) of each value of the JSON object in ``file``, and of each value of its
    member ``nested`` (an object) instead of the member's own; raises :class:`ValueError` on anything else."""
    reader, fields, inner = _Reader(file), {}, {}
    reader.expect(b"{")
    for key in _keys(reader):
        if key == nested:
            reader.expect(b"{")
            for graph in _keys(reader):
                _, offset, length = reader.value()
                inner[graph] = (offset, length)
        else:
            _, offset, length = reader.value()
            fields[key] = (offset, length)
    return fields, inner


def _keys(reader: _Reader) -> Iterator[str]:
    """The keys of the object whose ``{`` was just read, each with the reader at its value (read by the caller);
    the object's ``}`` read at the end."""
    if reader.expect(b'"}') == b"}":
        return
    reader.pos -= 1
    while True:
        key, _, _ = reader.value(256)
        reader.expect(b":")
        yield key
        if reader.expect(b",}") == b"}":
            return
