"""Run the ``gyoryu`` command as a user does: a subprocess of ``python -m gyoryu`` in the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def gyoryu(*args: str, data: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``gyoryu ARGS`` (with ``GYORYU_DATA=data``); fail with its stderr unless ``check`` is off."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if data is not None:
        env["GYORYU_DATA"] = str(data)
    proc = subprocess.run([sys.executable, "-m", "gyoryu", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"gyoryu {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc
