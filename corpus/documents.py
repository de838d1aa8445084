"""Document texts for the document view (``/doc/<file>``): the corpus the data was built from."""

from __future__ import annotations

import threading
from pathlib import Path

from corpus.loader import CORPUS_COPY, CORPUS_DIR, Document, load_corpus


def corpus_dir_for(data_dir: Path) -> Path:
    """The corpus of ``data_dir``: the copy every build keeps (``data/corpus``), else the embedded one."""
    local = Path(data_dir) / CORPUS_COPY
    return local if local.is_dir() else CORPUS_DIR


class DocumentSource:
    """Looks documents up by file name; only names present in the corpus are ever opened."""

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = corpus_dir
        self._docs: dict[str, Document] | None = None
        self._lock = threading.Lock()

    def all(self) -> dict[str, Document]:
        """Every document, keyed by id (loaded once)."""
        with self._lock:
            if self._docs is None:
                self._docs = {d.id: d for d in load_corpus(self.corpus_dir)}
            return self._docs

    def get(self, doc_id: str) -> Document | None:
        """The document named ``doc_id``, or ``None``."""
        return self.all().get(doc_id)
