"""What the server loaded at start, and cheap checks that it still matches the data directory.

:class:`LoadedBuild` reads ``manifest.json`` once: its SHA-256 is the build id (the base of every
``ETag``), and its counts answer ``/healthz``. Each probe then only ``stat``s the manifest and the
corpus copy's documents; a document is hashed again only when its size or modification time
changed, so a changed corpus is noticed without hashing on every probe.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from corpus.documents import corpus_dir_for
from runtime.built_data import MANIFEST_FILE, check_built_data

Stamp = tuple[int, int, int] | None  # (inode, size, mtime in ns), or None for a missing file


def _stamp(path: Path) -> Stamp:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


class LoadedBuild:
    """The built data as loaded: manifest, build id, and the documents it was built from."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        path = self.data_dir / MANIFEST_FILE
        self._manifest_stamp = _stamp(path)
        raw = path.read_bytes() if path.exists() else b""
        self.manifest = check_built_data(self.data_dir)
        #: Short SHA-256 of ``manifest.json``: changes with every build.
        self.build_id = hashlib.sha256(raw).hexdigest()[:16]
        self.quads = int(self.manifest.get("graph", {}).get("quads", 0))
        self._corpus = corpus_dir_for(self.data_dir)
        self._expected: dict[str, str] = dict(self.manifest.get("corpus", {}).get("documents", {}))
        self._lock = threading.Lock()
        #: How many documents were hashed (at load, then only after a change).
        self.hashes = 0
        self._stamps: dict[str, Stamp] = {}
        self._changed: set[str] = set()
        for doc_id in self._expected:
            self._recheck(doc_id, _stamp(self._corpus / doc_id))

    def _recheck(self, doc_id: str, stamp: Stamp) -> None:
        self._stamps[doc_id] = stamp
        self.hashes += 1
        if _sha256(self._corpus / doc_id) == self._expected[doc_id]:
            self._changed.discard(doc_id)
        else:
            self._changed.add(doc_id)

    def rebuilt(self) -> bool:
        """Whether ``manifest.json`` changed since it was loaded (the data was rebuilt or ingested into)."""
        return _stamp(self.data_dir / MANIFEST_FILE) != self._manifest_stamp

    def changed_documents(self) -> list[str]:
        """Documents of the build that are now missing or different (re-hashed only when their stamp moved)."""
        with self._lock:
            for doc_id, stamp in self._stamps.items():
                now = _stamp(self._corpus / doc_id)
                if now != stamp:
                    self._recheck(doc_id, now)
            return sorted(self._changed)
