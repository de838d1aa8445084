"""Progress reporting for long work: stages with timings, printed to stderr.

>>> import io
>>> out = io.StringIO()
>>> p = Progress(stream=out)
>>> with p.stage("extract"):
...     p.step("001 … 97 agreements")
>>> "extract" in out.getvalue() and "97 agreements" in out.getvalue()
True
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    """Prints ``[stage] message`` lines and records how long each stage took."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.timings: dict[str, float] = {}
        #: CPU seconds of this process (all its threads) per stage; work on other processes is not counted.
        self.cpu_timings: dict[str, float] = {}
        #: Of those, the seconds in the kernel (page faults, file writes, thread wake-ups).
        self.system_timings: dict[str, float] = {}
        self._stage = "gyoryu"

    def step(self, message: str) -> None:
        """Print one progress line under the current stage."""
        if not self.quiet:
            print(f"[{self._stage}] {message}", file=self.stream, flush=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time a stage; prints its start and its duration."""
        previous, self._stage = self._stage, name
        start, cpu_start, system_start = time.perf_counter(), time.process_time(), os.times().system
        self.step("…")
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start
            self.timings[name] = round(elapsed, 3)
            self.cpu_timings[name] = round(time.process_time() - cpu_start, 3)
            self.system_timings[name] = round(os.times().system - system_start, 3)
            self.step(f"done in {elapsed:.2f} s")
            self._stage = previous
