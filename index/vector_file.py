"""A ``.npy`` file of float32 rows written chunk by chunk: vectors of millions of passages never in memory at once.

The rows go to disk as they come; :meth:`RowsFile.close` writes the header (format 1.0, a fixed 128 bytes) with
the final row count. The result is an ordinary ``.npy`` that ``np.load`` reads, or maps with ``mmap_mode="r"``.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "v.npy"
>>> with RowsFile(path, 2) as rows:
...     rows.append(np.ones((3, 2), dtype=np.float32)); rows.append(np.zeros((1, 2), dtype=np.float32))
>>> np.load(path).tolist()
[[1.0, 1.0], [1.0, 1.0], [1.0, 1.0], [0.0, 0.0]]
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

_HEADER = 128
_MAGIC = b"\x93NUMPY\x01\x00"


class RowsFile:
    """Append float32 rows of width ``dim`` to ``path``; :meth:`close` makes it a ``.npy`` of all of them."""

    def __init__(self, path: Path, dim: int) -> None:
        self.path, self.dim, self.rows = path, dim, 0
        self._file = open(path, "wb")  # noqa: SIM115 (closed by close())
        self._file.write(b"\0" * _HEADER)

    def append(self, rows: np.ndarray) -> None:
        """Write ``rows`` (n × dim) after those already written."""
        rows = np.ascontiguousarray(rows, dtype="<f4").reshape(-1, self.dim)
        self._file.write(rows.tobytes())
        self.rows += len(rows)

    def close(self) -> None:
        """Write the header with the row count and close the file."""
        text = f"{{'descr': '<f4', 'fortran_order': False, 'shape': ({self.rows}, {self.dim}), }}"
        room = _HEADER - len(_MAGIC) - 2 - 1
        if len(text) > room:
            raise ValueError(f"{self.path}: {self.rows} × {self.dim} rows do not fit the header")
        header = (text + " " * (room - len(text)) + "\n").encode("latin1")
        self._file.seek(0)
        self._file.write(_MAGIC + len(header).to_bytes(2, "little") + header)
        self._file.close()

    def __enter__(self) -> RowsFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
