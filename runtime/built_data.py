"""The built data directory's own files: its manifest (``manifest.json``) and extraction report."""

from __future__ import annotations

import json
from pathlib import Path

MANIFEST_FILE = "manifest.json"
REPORT_FILE = "report.json"
#: Bumped when the layout of data/ changes; a server refuses data of another format.
DATA_FORMAT = 1


def read_data_manifest(data_dir: Path) -> dict:
    """The manifest of built data (input hashes, counts, versions, timings), or a clear error when there is none."""
    path = Path(data_dir) / MANIFEST_FILE
    if not path.exists():
        raise FileNotFoundError(f"no built data in {data_dir}: run `gyoryu build` first")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != DATA_FORMAT:
        raise ValueError(f"data in {data_dir} has format {manifest.get('format')}, this Gyoryu reads "
                         f"{DATA_FORMAT}: run `gyoryu build` again")
    return manifest
