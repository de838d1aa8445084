"""The built data directory's own files: its manifest (``manifest.json``), extraction report, and the
inventory of every data file (size and SHA-256) that lets a damaged or mismatched ``data/`` be refused.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "graph.nq").write_text("<a> <b> <c> <g> .\\n")
>>> inventory = file_inventory(d)
>>> inventory["graph.nq"]["bytes"]
18
>>> _ = (d / "graph.nq").write_text("<a> <b>")
>>> try:
...     verify_files(d, {"files": inventory})
... except DataError as exc:
...     print(str(exc).replace(str(d), "DIR"))
graph.nq in DIR has 7 bytes, the build wrote 18 (truncated or changed): run `gyoryu build` again
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

MANIFEST_FILE = "manifest.json"
REPORT_FILE = "report.json"
#: Bumped when the layout of data/ changes; a server refuses data of another format.
DATA_FORMAT = 1
#: Files up to this size are hashed when data is opened; larger ones are checked by size (hash with `gyoryu validate`).
HASH_AT_LOAD_BYTES = 32 * 2**20
#: Files a store may add while it is open (RocksDB logs and locks): never part of the inventory.
VOLATILE_NAMES = ("LOCK", "LOG")


class DataError(ValueError):
    """Built data that is missing, damaged or made for another setup; the message names the file."""


def read_data_manifest(data_dir: Path) -> dict:
    """The manifest of built data (input hashes, counts, versions, timings), or a clear error when there is none."""
    path = Path(data_dir) / MANIFEST_FILE
    if not path.exists():
        raise FileNotFoundError(f"no built data in {data_dir}: run `gyoryu build` first")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{MANIFEST_FILE} in {data_dir} is damaged ({exc}): run `gyoryu build` again") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != DATA_FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise DataError(f"data in {data_dir} has format {found}, this Gyoryu reads {DATA_FORMAT}: "
                        "run `gyoryu build` again")
    return manifest


def _volatile(relative: str) -> bool:
    return Path(relative).name.startswith(VOLATILE_NAMES)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_inventory(data_dir: Path) -> dict[str, dict[str, object]]:
    """``{relative path: {"bytes", "sha256"}}`` of every data file (the manifest itself left out)."""
    data_dir = Path(data_dir)
    out: dict[str, dict[str, object]] = {}
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(data_dir).as_posix()
        if relative == MANIFEST_FILE or _volatile(relative):
            continue
        out[relative] = {"bytes": path.stat().st_size, "sha256": _sha256(path)}
    return out


def verify_files(data_dir: Path, manifest: dict, *, hash_limit: int | None = HASH_AT_LOAD_BYTES) -> None:
    """Every file of the manifest's inventory is there with its size, and (up to ``hash_limit``, every file
    when it is ``None``) its SHA-256.

    Data built before the inventory existed has none: nothing to check. Raises :class:`DataError` naming the file.
    """
    data_dir = Path(data_dir)
    for relative, expected in manifest.get("files", {}).items():
        path = data_dir / relative
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise DataError(f"{relative} is missing from {data_dir}: run `gyoryu build` again") from None
        if size != expected["bytes"]:
            raise DataError(f"{relative} in {data_dir} has {size} bytes, the build wrote {expected['bytes']} "
                            "(truncated or changed): run `gyoryu build` again")
        if (hash_limit is None or size <= hash_limit) and _sha256(path) != expected["sha256"]:
            raise DataError(f"{relative} in {data_dir} differs from what the build wrote (SHA-256): "
                            "run `gyoryu build` again")


def verify_model(data_dir: Path, manifest: dict, embed_model: str) -> None:
    """The search index was built with ``embed_model`` (``GYORYU_EMBED_MODEL``)."""
    built = (manifest.get("index") or {}).get("model", {}).get("id")
    if built is not None and built != embed_model:
        raise DataError(f"index/ in {data_dir} was built with the model {built!r}, but GYORYU_EMBED_MODEL is "
                        f"{embed_model!r}: run `gyoryu build` again or set the model it was built with")


_checked: dict[tuple, dict] = {}
_checked_lock = threading.Lock()


def _stamps(data_dir: Path, manifest: dict) -> tuple:
    out = []
    for relative in [MANIFEST_FILE, *manifest.get("files", {})]:
        try:
            st = os.stat(data_dir / relative)
            out.append((relative, st.st_ino, st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            out.append((relative, None))
    return tuple(out)


def check_built_data(data_dir: Path, embed_model: str | None = None, *, required: bool = True) -> dict:
    """The manifest of ``data_dir`` once its files and model are verified (a file unchanged since it was last
    verified, by inode, size and modification time, is not hashed again). Raises :class:`DataError` or
    ``FileNotFoundError`` with a message naming the file; with ``required`` off, a folder without a
    manifest (a bare ``graph.nq`` written by a test or a tool) passes as ``{}``."""
    data_dir = Path(data_dir).resolve()
    if not required and not (data_dir / MANIFEST_FILE).exists():
        return {}
    manifest = read_data_manifest(data_dir)
    key = (str(data_dir), _stamps(data_dir, manifest))
    with _checked_lock:
        known = _checked.get(key)
    if known is None:
        verify_files(data_dir, manifest)
        with _checked_lock:
            _checked[key] = manifest
    if embed_model is not None:
        verify_model(data_dir, manifest, embed_model)
    return manifest
