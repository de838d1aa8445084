"""Progress: each stage's wall time, CPU time and, of that, the kernel's share."""

from __future__ import annotations

import io
import os
from pathlib import Path

from runtime.progress import Progress


def test_a_stage_records_wall_cpu_and_system_seconds(tmp_path: Path):
    progress = Progress(io.StringIO())
    with progress.stage("write"):
        # Kernel work until the kernel's clock (10 ms ticks) has moved at least twice:
        # how much writing that takes depends on the file system, so count, don't guess.
        start = os.times().system
        block = os.urandom(1 << 20)
        n = 0
        while os.times().system - start < 0.02 and n < 20_000:
            with (tmp_path / f"f{n % 64}").open("wb") as out:
                out.write(block)
                out.flush()
                os.fsync(out.fileno())
            n += 1
        kernel_seen = os.times().system - start
        sum(i * i for i in range(300_000))  # user work
    assert kernel_seen >= 0.02, "the kernel clock never moved; nothing to measure"
    assert set(progress.timings) == set(progress.cpu_timings) == set(progress.system_timings) == {"write"}
    assert kernel_seen - 0.011 <= progress.system_timings["write"] <= progress.cpu_timings["write"] + 0.01
    assert progress.cpu_timings["write"] > 0 and progress.timings["write"] > 0
    assert progress.stream.getvalue().startswith("[write] …\n[write] done in ")
