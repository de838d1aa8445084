"""Progress: each stage's wall time, CPU time and, of that, the kernel's share."""

from __future__ import annotations

import io
import os
from pathlib import Path

from runtime.progress import Progress


def test_a_stage_records_wall_cpu_and_system_seconds(tmp_path: Path):
    progress = Progress(io.StringIO())
    with progress.stage("write"):
        block = os.urandom(1 << 20)
        for n in range(64):  # kernel work: writes and fsyncs
            with (tmp_path / f"f{n}").open("wb") as out:
                out.write(block)
                out.flush()
                os.fsync(out.fileno())
        sum(i * i for i in range(300_000))  # user work
    assert set(progress.timings) == set(progress.cpu_timings) == set(progress.system_timings) == {"write"}
    assert 0 < progress.system_timings["write"] <= progress.cpu_timings["write"] + 0.01
    assert progress.cpu_timings["write"] > 0 and progress.timings["write"] > 0
    assert progress.stream.getvalue().startswith("[write] …\n[write] done in ")
