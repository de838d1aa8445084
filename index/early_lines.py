"""Line vectors embedded on the second core while a cold build's graph stages run on the first.

Extraction, validation, writing the graph and cutting passages run on one core; before this, the other core only
loaded the models. The lines of multi-line passages are nearly all known before the graph is: a document cut
without the graph's row subjects gives the same line texts but for a few (on the seeds 2,924 of the 2,925 lines
the build embeds, and 70 it does not), and a line's vector depends on its text alone (one text a run, decision
0035). So a background thread embeds them one at a time, on one core, until the passage embedding starts and
wants both cores; the lines stage takes what it embedded by text key (bit for bit what it would have computed)
and embeds the rest (decision 0050).

While it embeds, Python's switch interval is lowered (:data:`SWITCH_INTERVAL_S`): the thread needs Python's lock for a
moment between two runs, and the graph stages hold it; at the default 5 ms it waited for it nearly as long as a short
line takes to embed (decision 0073).
"""

from __future__ import annotations

import sys
import threading
import time

import numpy as np

from corpus import Document
from index.embedder import Embedder
from index.passages import segment
from index.reuse import text_key

#: Python's switch interval while lines are embedded early (the default is 5 ms): how long the thread can wait for
#: Python's lock after each run. Measured under load, 8 s CPU of pure Python on the main thread: the thread got
#: 0.62 of a core at 5 ms, 0.87 at 0.5 ms; beside Kiwi's tokenisation 0.34 and 0.65 (decision 0073).
SWITCH_INTERVAL_S = 0.0005


def likely_lines(documents: list[Document]) -> list[str]:
    """The distinct line texts that get line vectors when ``documents`` are cut without the graph, in document order."""
    from index.line_vectors import line_texts

    return list(dict.fromkeys(text for doc in documents for passage in segment(doc) for _, text in line_texts(passage)))


class EarlyLines:
    """Embeds :func:`likely_lines` on a background thread, one text a run, until :meth:`stop`."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.vectors: dict[str, np.ndarray] = {}
        self.model_sha256 = ""
        self.cpu_s = 0.0
        self._stop = threading.Event()
        self._started = threading.Event()
        self._done = threading.Event()

    def run(self, embedder: Embedder | None) -> None:
        """The thread's work once the line model is loaded (None: it failed to): embed lines until stopped or done."""
        started = time.thread_time()
        self._started.set()
        try:
            if embedder is None or self._stop.is_set():  # no model, or the build got to the embedding first
                return
            self.model_sha256 = embedder.sha256
            interval = sys.getswitchinterval()
            sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))
            try:
                for text in likely_lines(self.documents):
                    if self._stop.is_set():
                        break
                    self.vectors[text_key(text)] = embedder.encode_passages([text])[0]
            finally:
                sys.setswitchinterval(interval)
        finally:
            self.cpu_s = time.thread_time() - started
            self._done.set()

    def stop(self) -> None:
        """Stop after the line being embedded and wait for it; a run that has not started yet will not embed any."""
        self._stop.set()
        if self._started.is_set():
            self._done.wait()

    def taken(self, model_sha256: str) -> dict[str, np.ndarray]:
        """The vectors embedded so far by text key, when made by the model ``model_sha256`` (else none)."""
        return dict(self.vectors) if model_sha256 == self.model_sha256 else {}
